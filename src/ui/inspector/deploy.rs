//! The function's CodeDeploy deployments, and a form that starts one (`sim deploy`): an alias,
//! a target version, a predefined configuration, an alarm to watch, hooks, and rollback.

use yew::prelude::*;

use super::target::Target;
use crate::model::deployment::PREDEFINED;
use crate::model::query::DeploymentRow;
use crate::model::request::DeployRequest;
use crate::model::Directive;
use crate::ui::forms::{on_select, on_text, sim};
use crate::ui::state::{use_dispatch, Action, Origin};

#[derive(Properties, PartialEq)]
pub struct DeployProps {
    pub target: Target,
    /// The function's alias names.
    pub aliases: Vec<String>,
    /// The function's published version numbers, newest first.
    pub published: Vec<u32>,
    /// The region's CloudWatch alarms.
    pub alarms: Vec<String>,
    pub deployments: Vec<DeploymentRow>,
    pub past: bool,
}

#[component]
pub fn Deployments(props: &DeployProps) -> Html {
    let dispatch = use_dispatch();
    let alias = use_state(|| props.aliases.first().cloned().unwrap_or_default());
    let version = use_state(|| props.published.first().map(u32::to_string).unwrap_or_default());
    let config = use_state(|| PREDEFINED[0].0.to_string());
    let alarm = use_state(String::new);
    let pre = use_state(String::new);
    let post = use_state(String::new);
    let rollback = use_state(|| true);
    // The first alias and newest version until the person picks (they may appear after this form).
    let alias_value =
        if alias.is_empty() { props.aliases.first().cloned().unwrap_or_default() } else { (*alias).clone() };
    let version_value = if version.is_empty() {
        props.published.first().map(u32::to_string).unwrap_or_default()
    } else {
        (*version).clone()
    };
    let onsubmit = {
        let (config, alarm, pre, post, rollback, t) =
            (config.clone(), alarm.clone(), pre.clone(), post.clone(), rollback.clone(), props.target.clone());
        let (alias_value, version_value) = (alias_value.clone(), version_value.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let hook = |h: &str| (!h.trim().is_empty()).then(|| h.trim().to_string());
            let request = DeployRequest {
                function: t.function_name.clone(),
                alias: alias_value.clone(),
                target_version: version_value.clone(),
                config: (*config).clone(),
                alarms: hook(&alarm).into_iter().collect(),
                pre_traffic_hook: hook(&pre),
                post_traffic_hook: hook(&post),
                auto_rollback: *rollback,
                group: None,
            };
            let line = sim(&t.region, Directive::Deploy(request));
            dispatch.dispatch(Action::Do { lines: vec![line], origin: Origin::Inspector });
        })
    };
    let ontoggle = {
        let rollback = rollback.clone();
        Callback::from(move |_: Event| rollback.set(!*rollback))
    };
    let can_deploy = !props.aliases.is_empty() && !props.published.is_empty() && !props.past;
    html! {
        <section class="deployments" aria-label="Deployments">
            <h4>{"Deployments"}</h4>
            if props.deployments.is_empty() {
                <p class="empty">{"A deployment shifts an alias to another version the way CodeDeploy does: a share first, the rest on schedule, stopped by an alarm in ALARM."}</p>
            }
            <ul>
                for d in props.deployments.iter() {
                    <li key={d.id.clone()} data-testid="deployment" data-status={d.status.clone()}>
                        <code>{d.id.clone()}</code>
                        {format!(" {} ", d.status)}
                        <span class="muted">
                            {match (&d.rollback_of, d.current) {
                                (Some(of), _) => format!("rolls {of} back: @{} to version {}", d.alias, d.target),
                                (None, Some(c)) => format!("@{} version {c} → {}: {}% shifted · {}", d.alias, d.target, crate::model::decimal::fixed(d.weight * 100.0, 0), d.config),
                                (None, None) => format!("@{} → version {} · {}", d.alias, d.target, d.config),
                            }}
                        </span>
                        if let Some(e) = &d.error { <p class="warning">{e.clone()}</p> }
                    </li>
                }
            </ul>
            if can_deploy {
                <form class="form inline-form" aria-label="Start a deployment" {onsubmit} data-testid="deploy-form">
                    <label>{"Alias"}
                        <select onchange={on_select(&alias)} data-testid="deploy-alias">
                            for a in props.aliases.iter() {
                                <option value={a.clone()} selected={alias_value == *a}>{a.clone()}</option>
                            }
                        </select>
                    </label>
                    <label>{"to version"}
                        <select onchange={on_select(&version)} data-testid="deploy-version">
                            for v in props.published.iter() {
                                <option value={v.to_string()} selected={version_value == v.to_string()}>{v.to_string()}</option>
                            }
                        </select>
                    </label>
                    <label>{"Configuration"}
                        <select onchange={on_select(&config)} data-testid="deploy-config">
                            for (name, _) in PREDEFINED.iter() {
                                <option value={*name} selected={*config == *name}>{name.trim_start_matches("CodeDeployDefault.")}</option>
                            }
                        </select>
                    </label>
                    <label>{"Alarm"}
                        <select onchange={on_select(&alarm)} data-testid="deploy-alarm">
                            <option value="" selected={alarm.is_empty()}>{"none"}</option>
                            for a in props.alarms.iter() {
                                <option value={a.clone()} selected={*alarm == *a}>{a.clone()}</option>
                            }
                        </select>
                    </label>
                    <label>{"Before traffic hook"}<input value={(*pre).clone()} oninput={on_text(&pre)} placeholder="function" size="10" /></label>
                    <label>{"After traffic hook"}<input value={(*post).clone()} oninput={on_text(&post)} placeholder="function" size="10" /></label>
                    <label><input type="checkbox" checked={*rollback} onchange={ontoggle} />{"Roll back automatically"}</label>
                    <button type="submit" class="small" data-testid="deploy-start">{"Deploy"}</button>
                </form>
                <p class="note">{"[choice] CodeDeploy's error texts are not published: the playground words them."}</p>
            }
        </section>
    }
}
