//! The selected version's runtime settings and actions.

use yew::prelude::*;

use super::aliases::Aliases;
use super::code::UpdateCode;
use super::configuration::UpdateConfiguration;
use super::deploy::Deployments;
use super::runtime_management::EditRuntimeManagement;
use super::target::Target;
use super::traffic::Traffic;
use super::LifecycleWarning;
use crate::model::api::{FunctionRequest, InvokeRequest, PublishVersionRequest};
use crate::model::arn::function_arn;
use crate::model::{query, Qualifier, Request, VersionId};
use crate::ui::chip::{ModeBadge, VersionChip};
use crate::ui::forms::{api, NoticeView};
use crate::ui::state::{use_dispatch, use_shown, Action, Origin};

#[derive(Clone, Copy, PartialEq)]
enum Form {
    None,
    Code,
    Configuration,
    RuntimeManagement,
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub id: VersionId,
}

#[component]
pub fn VersionSettings(props: &SettingsProps) -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let form = use_state(|| Form::None);
    // A submitted form waits for its step's outcome: it closes when the step succeeded and keeps
    // what was typed, with the error under it, when it failed. The same callback on every render:
    // an open form re-renders only when its props change.
    let awaiting = use_state(|| false);
    let done = {
        let awaiting = awaiting.clone();
        use_callback((), move |(), _| awaiting.set(true))
    };
    let actions = use_node_ref();
    {
        let (form, awaiting, actions) = (form.clone(), awaiting.clone(), actions.clone());
        use_effect_with(shown.notice.clone(), move |notice| {
            let Some(n) = notice.as_ref().filter(|n| *awaiting && n.origin == Origin::Inspector) else { return };
            awaiting.set(false);
            if n.result.met_expectation() {
                let toggle = match *form {
                    Form::Code => "update-code",
                    Form::Configuration => "update-configuration",
                    Form::RuntimeManagement => "edit-runtime-config",
                    Form::None => return,
                };
                form.set(Form::None);
                // Focus goes back to the button that opened the form, not to the page's start.
                let button = actions
                    .cast::<web_sys::Element>()
                    .and_then(|a| a.query_selector(&format!("[data-testid=\"{toggle}\"]")).ok().flatten());
                if let Some(b) = button.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok()) {
                    let _ = b.focus();
                }
            }
        });
    }
    let view = shown.view();
    let Some(v) = view.version(props.id) else { return html! {} };
    let runtime = &view.catalogue()[v.config.runtime];
    let is_latest = v.qualifier == Qualifier::Latest;
    let target = Target {
        region: v.region.clone(),
        function_name: v.function_name.clone(),
        qualifier: (!is_latest).then(|| v.qualifier.to_string()),
    };
    let arn = function_arn(&v.region, &v.function_name, target.qualifier.as_deref());
    let published: Vec<u32> =
        view.function_of(props.id).map(|f| f.published.keys().rev().copied().collect()).unwrap_or_default();
    let past = shown.frozen();
    let aliases = query::aliases_of(&view, props.id);
    let button = |label: &'static str, testid: &'static str, request: Request, enabled: bool| {
        let (dispatch, form, line) = (dispatch.clone(), form.clone(), api(&v.region, request));
        let onclick = Callback::from(move |_: MouseEvent| {
            form.set(Form::None);
            dispatch.dispatch(Action::Do { lines: vec![line.clone()], origin: Origin::Inspector });
        });
        html! { <button class="action" data-testid={testid} disabled={!enabled || past} {onclick}>{label}</button> }
    };
    let toggle = |f: Form, label: &'static str, testid: &'static str, enabled: bool| {
        let form = form.clone();
        let open = *form == f;
        html! {
            <button class={classes!("action", open.then_some("open"))} data-testid={testid} aria-expanded={open.to_string()} disabled={!enabled || past}
                onclick={Callback::from(move |_| form.set(if *form == f { Form::None } else { f }))}>{label}</button>
        }
    };
    let function = || FunctionRequest { function_name: v.function_name.clone(), qualifier: target.qualifier.clone() };
    let invoke = Request::Invoke(InvokeRequest {
        function_name: v.function_name.clone(),
        qualifier: target.qualifier.clone(),
        log_type: Some("Tail".into()),
        ..Default::default()
    });
    let publish =
        Request::PublishVersion(PublishVersionRequest { function_name: v.function_name.clone(), ..Default::default() });
    let form_body = match *form {
        Form::None => html! {},
        Form::Code => html! { <UpdateCode target={target.clone()} ondone={done.clone()} /> },
        Form::Configuration => html! {
            <UpdateConfiguration target={target.clone()} runtime={runtime.id.clone()} now={view.now()} ondone={done.clone()} />
        },
        Form::RuntimeManagement => html! {
            <EditRuntimeManagement target={target.clone()} id={props.id} mode={v.mode()} ondone={done.clone()} />
        },
    };
    html! {
        <div class="settings">
            <div class="settings-head">
                <h3>{format!("{} : {}", v.function_name, v.qualifier)}</h3>
                <code class="arn">{arn}</code>
                if let Some(d) = v.deleted { <p class="warning">{format!("Deleted at {}", d.rfc3339())}</p> }
            </div>
            <LifecycleWarning runtime={v.config.runtime} />
            <dl class="kv">
                <dt>{"Runtime"}</dt><dd>{runtime.id.clone()}{" · "}{runtime.os.clone()}</dd>
                <dt>{"Handler"}</dt><dd><code>{v.config.handler.clone()}</code></dd>
                <dt>{"Architecture"}</dt><dd>{v.config.architecture.clone()}</dd>
                <dt>{"Update runtime version"}</dt><dd><ModeBadge mode={v.mode()} /></dd>
                <dt>{"Runtime version"}</dt><dd><VersionChip runtime={v.config.runtime} number={v.runtime_version} label={view.runtime_version_name(props.id).unwrap_or_default()} /></dd>
                <dt>{"Runtime version ARN"}</dt><dd><code class="arn">{view.runtime_version_arn(props.id).unwrap_or_default()}</code></dd>
            </dl>
            if v.deleted.is_none() {
                <div class="actions" role="group" aria-label="Actions" ref={actions}>
                    {button("Invoke", "invoke", invoke, true)}
                    {toggle(Form::Code, "Update code", "update-code", is_latest)}
                    {toggle(Form::Configuration, "Update configuration", "update-configuration", is_latest)}
                    {button("Publish version", "publish", publish, is_latest)}
                    {toggle(Form::RuntimeManagement, "Edit runtime management configuration", "edit-runtime-config", true)}
                    {button("Delete", "delete", Request::DeleteFunction(function()), true)}
                </div>
                {form_body}
                <NoticeView notice={shown.notice.clone()} origin={Origin::Inspector} />
                <Traffic target={target.clone()} rate={v.direct_traffic} {past} />
                <Aliases target={target.clone()} aliases={aliases.clone()} published={published.clone()} {past} />
                <Deployments {target} aliases={aliases.iter().map(|a| a.name.clone()).collect::<Vec<_>>()} {published}
                    alarms={view.alarm_names(&v.region)} deployments={query::deployments_of(&view, &v.region, &v.function_name)} {past} />
            } else {
                <NoticeView notice={shown.notice.clone()} origin={Origin::Inspector} />
            }
        </div>
    }
}
