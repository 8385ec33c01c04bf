//! Edit runtime management configuration: the update mode, and a Manual pin.

use yew::prelude::*;

use super::target::Target;
use crate::model::api::PutRuntimeManagementConfigRequest;
use crate::model::{query, Request, UpdateRuntimeOn, VersionId};
use crate::ui::forms::{api, on_select, on_text};
use crate::ui::state::{use_dispatch, use_shown, Action, Origin};

#[derive(Properties, PartialEq)]
pub struct RuntimeManagementProps {
    pub target: Target,
    pub id: VersionId,
    /// The mode it has now.
    pub mode: UpdateRuntimeOn,
    pub ondone: Callback<()>,
}

fn hint(m: UpdateRuntimeOn) -> &'static str {
    match m {
        UpdateRuntimeOn::Auto => " — two-phase automatic rollout",
        UpdateRuntimeOn::FunctionUpdate => " — on create and update only",
        UpdateRuntimeOn::Manual => " — pinned to one runtime version ARN",
    }
}

#[component]
pub fn EditRuntimeManagement(props: &RuntimeManagementProps) -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let mode = use_state(|| props.mode);
    let pinned = use_state(String::new);
    let choices = query::pin_choices(&shown.view(), props.id);
    let onsubmit = {
        let (mode, pinned, t, ondone) = (mode.clone(), pinned.clone(), props.target.clone(), props.ondone.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let arn = pinned.trim();
            let put = PutRuntimeManagementConfigRequest {
                function_name: t.function_name.clone(),
                qualifier: t.qualifier.clone(),
                update_runtime_on: mode.as_str().to_string(),
                runtime_version_arn: (*mode == UpdateRuntimeOn::Manual && !arn.is_empty()).then(|| arn.to_string()),
            };
            ondone.emit(());
            let line = api(&t.region, Request::PutRuntimeManagementConfig(put));
            dispatch.dispatch(Action::Do { lines: vec![line], origin: Origin::Inspector });
        })
    };
    html! {
        <form class="form" {onsubmit} aria-label="Edit runtime management configuration">
            <fieldset>
                <legend>{"Update runtime version"}</legend>
                for m in UpdateRuntimeOn::ALL {
                    <label class="radio">
                        <input type="radio" name="update-runtime-on" value={m.as_str()} checked={*mode == m} data-testid={format!("mode-{}", m.as_str())}
                            onchange={let mode = mode.clone(); Callback::from(move |_| mode.set(m))} />
                        {m.as_str()}
                        <span class="hint">{hint(m)}</span>
                    </label>
                }
            </fieldset>
            if *mode == UpdateRuntimeOn::Manual {
                <label>{"Runtime version"}
                    <select onchange={on_select(&pinned)} data-testid="manual-version">
                        <option value="" selected={pinned.is_empty()}>{"— choose a released version —"}</option>
                        for (name, arn) in choices {
                            <option value={arn.clone()} selected={*pinned == arn}>{name}</option>
                        }
                    </select>
                </label>
                <label>{"or paste a runtime version ARN"}
                    <input value={(*pinned).clone()} oninput={on_text(&pinned)} data-testid="manual-arn" placeholder="arn:aws:lambda:us-east-1::runtime:…" spellcheck="false" />
                </label>
            }
            <p class="assumption">{"Assumptions: switching back to Auto takes the region's newest runtime version at once; a new published version inherits $LATEST's runtime management configuration."}</p>
            <button type="submit" class="primary" data-testid="runtime-config-save">{"Save"}</button>
        </form>
    }
}
