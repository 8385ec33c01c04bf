//! Update code: new code (its `.zip` path), and optionally a behaviour it relies on.

use yew::prelude::*;

use super::target::Target;
use crate::model::api::UpdateFunctionCodeRequest;
use crate::model::{Directive, Request};
use crate::ui::forms::{api, on_text, sim};
use crate::ui::state::{use_dispatch, Action, Origin};

#[derive(Properties, PartialEq)]
pub struct CodeProps {
    pub target: Target,
    pub ondone: Callback<()>,
}

#[component]
pub fn UpdateCode(props: &CodeProps) -> Html {
    let dispatch = use_dispatch();
    let zip = use_state(String::new);
    let relies = use_state(String::new);
    let onsubmit = {
        let (zip, relies, t, ondone) = (zip.clone(), relies.clone(), props.target.clone(), props.ondone.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let zip_file = if zip.trim().is_empty() {
                format!("{}-{}.zip", t.function_name, js_sys::Date::now() as u64 % 100_000)
            } else {
                zip.trim().to_string()
            };
            let update =
                UpdateFunctionCodeRequest { function_name: t.function_name.clone(), zip_file, ..Default::default() };
            let mut lines = vec![api(&t.region, Request::UpdateFunctionCode(update))];
            if !relies.trim().is_empty() {
                let behaviour = relies.trim().to_string();
                lines.push(sim(&t.region, Directive::ReliesOn { function: t.function_name.clone(), behaviour }));
            }
            ondone.emit(());
            dispatch.dispatch(Action::Do { lines, origin: Origin::Inspector });
        })
    };
    html! {
        <form class="form" {onsubmit} aria-label="Update code">
            <label>{"Code (.zip path; new text = new code)"}<input value={(*zip).clone()} oninput={on_text(&zip)} data-testid="update-zip" placeholder={format!("{}-v2.zip", props.target.function_name)} /></label>
            <label>{"The new code relies on behaviour (optional)"}<input value={(*relies).clone()} oninput={on_text(&relies)} data-testid="relies-on" placeholder="e.g. tls-legacy-renegotiation" /></label>
            <p class="assumption">{"Assumption: a runtime version can change a named behaviour, and code that relies on it fails there. AWS publishes no such model."}</p>
            <button type="submit" class="primary" data-testid="deploy">{"Deploy"}</button>
        </form>
    }
}
