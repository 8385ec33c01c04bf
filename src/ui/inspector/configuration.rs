//! Update configuration: the runtime of `$LATEST`.

use yew::prelude::*;

use super::target::Target;
use crate::model::api::UpdateFunctionConfigurationRequest;
use crate::model::catalogue::Catalogue;
use crate::model::{Request, Timestamp};
use crate::ui::forms::{api, on_select};
use crate::ui::state::{use_dispatch, Action, Origin};

#[derive(Properties, PartialEq)]
pub struct ConfigurationProps {
    pub target: Target,
    /// The runtime it has now.
    pub runtime: AttrValue,
    /// The time on screen: which runtimes Lambda has launched by then.
    pub now: Timestamp,
    pub ondone: Callback<()>,
}

#[component]
pub fn UpdateConfiguration(props: &ConfigurationProps) -> Html {
    let dispatch = use_dispatch();
    let chosen = use_state(|| props.runtime.to_string());
    let onsubmit = {
        let (chosen, t, ondone) = (chosen.clone(), props.target.clone(), props.ondone.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let update = UpdateFunctionConfigurationRequest {
                function_name: t.function_name.clone(),
                runtime: Some((*chosen).clone()),
                ..Default::default()
            };
            ondone.emit(());
            let line = api(&t.region, Request::UpdateFunctionConfiguration(update));
            dispatch.dispatch(Action::Do { lines: vec![line], origin: Origin::Inspector });
        })
    };
    html! {
        <form class="form" {onsubmit} aria-label="Update configuration">
            <label>{"Runtime"}
                <select onchange={on_select(&chosen)}>
                    for r in Catalogue::builtin().runtimes.iter().filter(|r| r.released <= props.now) {
                        <option value={r.id.clone()} selected={*chosen == r.id}>{r.id.clone()}</option>
                    }
                </select>
            </label>
            <button type="submit" class="primary">{"Save"}</button>
        </form>
    }
}
