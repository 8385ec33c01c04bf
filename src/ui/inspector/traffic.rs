//! Background traffic: invocations a minute on the selected version (`sim traffic`).

use yew::prelude::*;

use super::target::Target;
use crate::model::Directive;
use crate::ui::forms::{on_text, sim};
use crate::ui::state::{use_dispatch, Action, Origin};

#[derive(Properties, PartialEq)]
pub struct TrafficProps {
    pub target: Target,
    /// The rate it has now.
    pub rate: f64,
    pub past: bool,
}

#[component]
pub fn Traffic(props: &TrafficProps) -> Html {
    let dispatch = use_dispatch();
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let (text, error, t) = (text.clone(), error.clone(), props.target.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let given = text.trim();
            let Some(per_minute) = crate::model::decimal::parse(if given.is_empty() { "0" } else { given }) else {
                error.set(Some(format!("{given} is not a number of invocations a minute")));
                return;
            };
            error.set(None);
            let directive =
                Directive::Traffic { function: t.function_name.clone(), qualifier: t.qualifier.clone(), per_minute };
            dispatch.dispatch(Action::Do { lines: vec![sim(&t.region, directive)], origin: Origin::Inspector });
        })
    };
    html! {
        <form class="form inline-form" aria-label="Background traffic" {onsubmit}>
            <label>{format!("Background traffic (invocations a minute; now {})", crate::model::decimal::shortest(props.rate))}
                <input value={(*text).clone()} oninput={on_text(&text)} placeholder="e.g. 2" data-testid="traffic" />
            </label>
            <button type="submit" class="small" disabled={props.past} data-testid="traffic-set">{"Set"}</button>
            if let Some(e) = (*error).clone() { <p class="warning" role="alert">{e}</p> }
        </form>
    }
}
