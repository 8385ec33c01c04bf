//! The aliases of the selected version's function: each arm's share and runtime version, and a
//! form that creates an alias or changes one (`create-alias` / `update-alias`).

use yew::prelude::*;

use super::target::Target;
use crate::model::api::{AliasRoutingConfiguration, CreateAliasRequest, UpdateAliasRequest};
use crate::model::query::AliasView;
use crate::model::{Qualifier, Request};
use crate::ui::chip::VersionChip;
use crate::ui::forms::{api, on_select, on_text};
use crate::ui::state::{use_dispatch, Action, Origin};

#[derive(Properties, PartialEq)]
pub struct AliasesProps {
    pub target: Target,
    pub aliases: Vec<AliasView>,
    /// The function's published version numbers, newest first.
    pub published: Vec<u32>,
    pub past: bool,
}

#[component]
pub fn Aliases(props: &AliasesProps) -> Html {
    let dispatch = use_dispatch();
    let name = use_state(|| "live".to_string());
    let primary = use_state(|| props.published.first().map_or("$LATEST".to_string(), u32::to_string));
    let extra = use_state(String::new);
    let percent = use_state(|| "10".to_string());
    let error = use_state(|| None::<String>);
    let existing: Vec<String> = props.aliases.iter().map(|a| a.name.clone()).collect();
    let onsubmit = {
        let (name, primary, extra, percent, error, t) =
            (name.clone(), primary.clone(), extra.clone(), percent.clone(), error.clone(), props.target.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let routing = if extra.is_empty() {
                None
            } else {
                let Some(p) = crate::model::decimal::parse(percent.trim()) else {
                    error.set(Some(format!("{} is not a percentage", percent.trim())));
                    return;
                };
                Some(AliasRoutingConfiguration {
                    additional_version_weights: crate::model::order::map([((*extra).clone(), p / 100.0)]),
                })
            };
            error.set(None);
            let request = if existing.contains(&name) {
                Request::UpdateAlias(UpdateAliasRequest {
                    function_name: t.function_name.clone(),
                    name: (*name).clone(),
                    function_version: Some((*primary).clone()),
                    // An empty map clears the routing: the alias points at one version again.
                    routing_config: Some(routing.unwrap_or_default()),
                    ..Default::default()
                })
            } else {
                Request::CreateAlias(CreateAliasRequest {
                    function_name: t.function_name.clone(),
                    name: (*name).clone(),
                    function_version: (*primary).clone(),
                    routing_config: routing,
                    ..Default::default()
                })
            };
            dispatch.dispatch(Action::Do { lines: vec![api(&t.region, request)], origin: Origin::Inspector });
        })
    };
    let versions: Vec<String> =
        props.published.iter().map(u32::to_string).chain(std::iter::once("$LATEST".to_string())).collect();
    html! {
        <section class="aliases" aria-label="Aliases">
            <h4>{"Aliases"}</h4>
            if props.aliases.is_empty() {
                <p class="empty">{"No alias yet. Callers that invoke an alias follow it when it moves: moving one is how a rollback to a published version reaches them."}</p>
            }
            <ul>
                for a in props.aliases.iter() {
                    <li key={a.name.clone()} data-testid="alias-settings" data-alias={a.name.clone()}>
                        <code>{format!("{}:{}", props.target.function_name, a.name)}</code>
                        for arm in a.arms.iter() {
                            <span class="alias-arm" key={arm.qualifier.to_string()}>
                                {if arm.qualifier == Qualifier::Latest { "$LATEST".to_string() } else { format!("v{}", arm.qualifier) }}
                                {format!(" {}% ", crate::model::decimal::fixed(arm.weight * 100.0, 0))}
                                <VersionChip runtime={arm.runtime} number={arm.number} label={arm.runtime_version.clone()} />
                            </span>
                        }
                        if a.spans_runtime_versions {
                            <p class="warning" role="note">{"Its two versions run different runtime versions: a canary on this alias compares code and runtime together."}</p>
                        }
                    </li>
                }
            </ul>
            <form class="form inline-form" aria-label="Create or update an alias" {onsubmit} data-testid="alias-form">
                <label>{"Alias"}<input value={(*name).clone()} oninput={on_text(&name)} data-testid="alias-name" /></label>
                <label>{"Version"}
                    <select onchange={on_select(&primary)} data-testid="alias-version">
                        for v in versions.iter() {
                            <option value={v.clone()} selected={*primary == *v}>{v.clone()}</option>
                        }
                    </select>
                </label>
                <label>{"and"}
                    <select onchange={on_select(&extra)} data-testid="alias-extra">
                        <option value="" selected={extra.is_empty()}>{"no second version"}</option>
                        for v in props.published.iter() {
                            <option value={v.to_string()} selected={*extra == v.to_string()}>{format!("version {v}")}</option>
                        }
                    </select>
                </label>
                <label>{"at %"}<input value={(*percent).clone()} oninput={on_text(&percent)} data-testid="alias-weight" size="3" /></label>
                <button type="submit" class="small" disabled={props.past} data-testid="alias-save">{"Save alias"}</button>
                if let Some(e) = (*error).clone() { <p class="warning" role="alert">{e}</p> }
            </form>
        </section>
    }
}
