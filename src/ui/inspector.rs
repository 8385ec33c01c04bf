//! The inspector: the Lambda console's "Runtime settings" for the selected function version,
//! its actions, and the form that creates a function.

use yew::prelude::*;

use super::chip::{ModeBadge, VersionChip};
use super::forms::{on_select, on_text, quote, NoticeView};
use super::state::{Action, Origin, PlaygroundContext};
use crate::model::arn::{function_arn, runtime_version_arn};
use crate::model::catalogue::Runtime;
use crate::model::{Qualifier, Timestamp, UpdateRuntimeOn, VersionId};

/// The handler a new function of this runtime family gets.
fn default_handler(runtime: &str) -> &'static str {
    match runtime {
        r if r.starts_with("nodejs") => "index.handler",
        r if r.starts_with("java") => "example.Handler::handleRequest",
        r if r.starts_with("dotnet") => "Function::Function.Function::FunctionHandler",
        r if r.starts_with("provided") => "bootstrap",
        _ => "lambda_function.lambda_handler",
    }
}

/// The console's lifecycle warning for a runtime at `now`, if any.
pub fn lifecycle(r: &Runtime, now: Timestamp) -> Option<String> {
    let day = |t: Timestamp| t.rfc3339()[..10].to_string();
    if now >= r.block_function_update {
        Some(format!(
            "{} is deprecated: creating and updating functions is blocked since {}.",
            r.id,
            day(r.block_function_update)
        ))
    } else if now >= r.block_function_create {
        Some(format!(
            "{} is deprecated: creating functions is blocked since {}; updates are blocked from {}.",
            r.id,
            day(r.block_function_create),
            day(r.block_function_update)
        ))
    } else if now >= r.deprecation {
        Some(format!(
            "{} reached deprecation on {}: create is blocked from {}.",
            r.id,
            day(r.deprecation),
            day(r.block_function_create)
        ))
    } else {
        None
    }
}

#[component]
fn CreateFunction() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let name = use_state(|| "my-function".to_string());
    let runtime = use_state(|| "python3.9".to_string());
    let arch = use_state(|| "x86_64".to_string());
    let region = use_state(|| state.region());
    let view = state.view();
    let now = view.now();
    let warning = view.catalogue().runtime(&runtime).and_then(|r| lifecycle(r, now));
    let onsubmit = {
        let (state, name, runtime, arch, region) =
            (state.clone(), name.clone(), runtime.clone(), arch.clone(), region.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let line = format!(
                "aws lambda create-function --function-name={} --runtime {} --role arn:aws:iam::123456789012:role/lambda-role --handler {} --zip-file fileb://{}.zip --architectures {} --region {}",
                quote(&name), quote(&runtime), default_handler(&runtime), quote(&name), quote(&arch), quote(&region)
            );
            state.dispatch(Action::Run { line, origin: Origin::Inspector });
        })
    };
    html! {
        <form class="form create" {onsubmit} aria-label="Create function">
            <h3>{"Create function"}</h3>
            <label>{"Function name"}<input value={(*name).clone()} oninput={on_text(&name)} data-testid="create-name" /></label>
            <label>{"Runtime"}
                <select onchange={on_select(&runtime)} data-testid="create-runtime">
                    for r in &view.catalogue().runtimes {
                        <option value={r.id.clone()} selected={*runtime == r.id}>
                            {if now >= r.deprecation { format!("{} (deprecated)", r.id) } else { r.id.clone() }}
                        </option>
                    }
                </select>
            </label>
            if let Some(w) = warning { <p class="warning" role="note">{w}</p> }
            <fieldset class="inline">
                <legend>{"Architecture"}</legend>
                for a in ["x86_64", "arm64"] {
                    <label class="radio"><input type="radio" name="create-arch" value={a} checked={*arch == a}
                        onchange={let arch = arch.clone(); Callback::from(move |_| arch.set(a.to_string()))} />{a}</label>
                }
            </fieldset>
            <label>{"Region"}
                <select onchange={on_select(&region)}>
                    for r in &view.catalogue().regions {
                        <option value={r.clone()} selected={*region == *r}>{r.clone()}</option>
                    }
                </select>
            </label>
            <button type="submit" class="primary" data-testid="create-submit">{"Create function"}</button>
        </form>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Form {
    None,
    Code,
    Configuration,
    RuntimeManagement,
}

#[derive(Properties, PartialEq)]
struct VersionProps {
    id: VersionId,
}

#[component]
fn VersionSettings(props: &VersionProps) -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let form = use_state(|| Form::None);
    let zip = use_state(String::new);
    let relies = use_state(String::new);
    let new_runtime = use_state(String::new);
    let mode = use_state(String::new);
    let pinned = use_state(String::new);
    let traffic = use_state(String::new);
    let view = state.view();
    let Some(v) = view.version(props.id) else { return html! {} };
    let runtime = &view.catalogue()[v.config.runtime];
    let q = v.qualifier.to_string();
    let arn = function_arn(&v.region, &v.function_name, (v.qualifier != Qualifier::Latest).then_some(q.as_str()));
    let target = format!("--function-name {} --region {}", v.function_name, v.region);
    let qualified = if v.qualifier == Qualifier::Latest { target.clone() } else { format!("{target} --qualifier {q}") };
    let is_latest = v.qualifier == Qualifier::Latest;
    let past = state.travel.is_some();

    let run = |lines: Vec<String>| {
        let state = state.clone();
        let form = form.clone();
        move || {
            form.set(Form::None);
            state.dispatch(Action::RunMany { lines: lines.clone(), origin: Origin::Inspector });
        }
    };
    let button = |label: &'static str, testid: &'static str, lines: Vec<String>, enabled: bool| {
        let go = run(lines);
        html! { <button class="action" data-testid={testid} disabled={!enabled || past} onclick={Callback::from(move |_| go())}>{label}</button> }
    };
    let toggle = |f: Form, label: &'static str, testid: &'static str, enabled: bool| {
        let form = form.clone();
        let open = *form == f;
        html! {
            <button class={classes!("action", open.then_some("open"))} data-testid={testid} aria-expanded={open.to_string()} disabled={!enabled || past}
                onclick={Callback::from(move |_| form.set(if *form == f { Form::None } else { f }))}>{label}</button>
        }
    };

    let current_mode = v.mode().as_str().to_string();
    let chosen_mode = if mode.is_empty() { current_mode.clone() } else { (*mode).clone() };
    let available: Vec<(String, String)> = view
        .available_versions(v.config.runtime, &v.region)
        .into_iter()
        .rev()
        .map(|n| (runtime.version_name(n), runtime_version_arn(&v.region, &runtime.id, n, &v.config.architecture)))
        .collect();

    let form_body = match *form {
        Form::None => html! {},
        Form::Code => {
            let onsubmit = {
                let (state, zip, relies, form, target) =
                    (state.clone(), zip.clone(), relies.clone(), form.clone(), target.clone());
                let name = v.function_name.clone();
                let region = v.region.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let file = if zip.is_empty() {
                        format!("{name}-{}.zip", js_sys::Date::now() as u64 % 100_000)
                    } else {
                        (*zip).clone()
                    };
                    let mut lines =
                        vec![format!("aws lambda update-function-code {target} --zip-file fileb://{}", quote(&file))];
                    if !relies.trim().is_empty() {
                        lines.push(format!("sim relies-on {name} {} --region {region}", quote(relies.trim())));
                    }
                    form.set(Form::None);
                    state.dispatch(Action::RunMany { lines, origin: Origin::Inspector });
                })
            };
            html! {
                <form class="form" {onsubmit} aria-label="Update code">
                    <label>{"Code (.zip path; new text = new code)"}<input value={(*zip).clone()} oninput={on_text(&zip)} data-testid="update-zip" placeholder={format!("{}-v2.zip", v.function_name)} /></label>
                    <label>{"The new code relies on behaviour (optional)"}<input value={(*relies).clone()} oninput={on_text(&relies)} data-testid="relies-on" placeholder="e.g. tls-legacy-renegotiation" /></label>
                    <p class="assumption">{"Assumption: a runtime version can change a named behaviour, and code that relies on it fails there. AWS publishes no such model."}</p>
                    <button type="submit" class="primary" data-testid="deploy">{"Deploy"}</button>
                </form>
            }
        }
        Form::Configuration => {
            let onsubmit = {
                let (state, new_runtime, form, target) =
                    (state.clone(), new_runtime.clone(), form.clone(), target.clone());
                let current = runtime.id.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let rt = if new_runtime.is_empty() { current.clone() } else { (*new_runtime).clone() };
                    form.set(Form::None);
                    state.dispatch(Action::Run {
                        line: format!("aws lambda update-function-configuration {target} --runtime {}", quote(&rt)),
                        origin: Origin::Inspector,
                    });
                })
            };
            html! {
                <form class="form" {onsubmit} aria-label="Update configuration">
                    <label>{"Runtime"}
                        <select onchange={on_select(&new_runtime)}>
                            for r in &view.catalogue().runtimes {
                                <option value={r.id.clone()} selected={if new_runtime.is_empty() { r.id == runtime.id } else { *new_runtime == r.id }}>{r.id.clone()}</option>
                            }
                        </select>
                    </label>
                    <button type="submit" class="primary">{"Save"}</button>
                </form>
            }
        }
        Form::RuntimeManagement => {
            let onsubmit = {
                let (state, pinned, chosen, form, qualified) =
                    (state.clone(), pinned.clone(), chosen_mode.clone(), form.clone(), qualified.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let mut line =
                        format!("aws lambda put-runtime-management-config {qualified} --update-runtime-on {chosen}");
                    if chosen == "Manual" && !pinned.trim().is_empty() {
                        line.push_str(&format!(" --runtime-version-arn {}", quote(pinned.trim())));
                    }
                    form.set(Form::None);
                    state.dispatch(Action::Run { line, origin: Origin::Inspector });
                })
            };
            html! {
                <form class="form" {onsubmit} aria-label="Edit runtime management configuration">
                    <fieldset>
                        <legend>{"Update runtime version"}</legend>
                        for m in UpdateRuntimeOn::ALL {
                            <label class="radio">
                                <input type="radio" name="update-runtime-on" value={m.as_str()} checked={chosen_mode == m.as_str()} data-testid={format!("mode-{}", m.as_str())}
                                    onchange={let mode = mode.clone(); Callback::from(move |_| mode.set(m.as_str().to_string()))} />
                                {m.as_str()}
                                <span class="hint">{match m {
                                    UpdateRuntimeOn::Auto => " — two-phase automatic rollout",
                                    UpdateRuntimeOn::FunctionUpdate => " — on create and update only",
                                    UpdateRuntimeOn::Manual => " — pinned to one runtime version ARN",
                                }}</span>
                            </label>
                        }
                    </fieldset>
                    if chosen_mode == "Manual" {
                        <label>{"Runtime version"}
                            <select onchange={on_select(&pinned)} data-testid="manual-version">
                                <option value="" selected={pinned.is_empty()}>{"— choose a released version —"}</option>
                                for (name, varn) in available.clone() {
                                    <option value={varn.clone()} selected={*pinned == varn}>{name}</option>
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
    };

    let warning = lifecycle(runtime, view.now());
    html! {
        <div class="settings">
            <div class="settings-head">
                <h3>{format!("{} : {}", v.function_name, q)}</h3>
                <code class="arn">{arn}</code>
                if let Some(d) = v.deleted { <p class="warning">{format!("Deleted at {}", d.rfc3339())}</p> }
            </div>
            if let Some(w) = warning { <p class="warning" role="note">{w}</p> }
            <dl class="kv">
                <dt>{"Runtime"}</dt><dd>{runtime.id.clone()}{" · "}{runtime.os.clone()}</dd>
                <dt>{"Handler"}</dt><dd><code>{v.config.handler.clone()}</code></dd>
                <dt>{"Architecture"}</dt><dd>{v.config.architecture.clone()}</dd>
                <dt>{"Update runtime version"}</dt><dd><ModeBadge mode={v.mode()} /></dd>
                <dt>{"Runtime version"}</dt><dd><VersionChip runtime={v.config.runtime} number={v.runtime_version} label={view.runtime_version_name(props.id)} /></dd>
                <dt>{"Runtime version ARN"}</dt><dd><code class="arn">{view.runtime_version_arn(props.id)}</code></dd>
            </dl>
            if v.deleted.is_none() {
                <div class="actions" role="group" aria-label="Actions">
                    {button("Invoke", "invoke", vec![format!("aws lambda invoke {qualified} --log-type Tail response.json")], true)}
                    {toggle(Form::Code, "Update code", "update-code", is_latest)}
                    {toggle(Form::Configuration, "Update configuration", "update-configuration", is_latest)}
                    {button("Publish version", "publish", vec![format!("aws lambda publish-version {target}")], is_latest)}
                    {toggle(Form::RuntimeManagement, "Edit runtime management configuration", "edit-runtime-config", true)}
                    {button("Delete", "delete", vec![format!("aws lambda delete-function {qualified}")], true)}
                </div>
                {form_body}
            }
            if v.deleted.is_none() {
                <form class="form inline-form" aria-label="Background traffic" onsubmit={{
                    let (state, traffic) = (state.clone(), traffic.clone());
                    let target = format!("--region {}{}", v.region, traffic_qualifier(&q));
                    let name = v.function_name.clone();
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let rate = if traffic.trim().is_empty() { "0" } else { traffic.trim() };
                        let line = format!("sim traffic {name} {} {target}", quote(rate));
                        state.dispatch(Action::Run { line, origin: Origin::Inspector });
                    })
                }}>
                    <label>{format!("Background traffic (invocations a minute; now {})", v.traffic_per_minute)}
                        <input value={(*traffic).clone()} oninput={on_text(&traffic)} placeholder="e.g. 2" data-testid="traffic" />
                    </label>
                    <button type="submit" class="small" disabled={past} data-testid="traffic-set">{"Set"}</button>
                </form>
            }
            <NoticeView notice={state.notice.clone()} origin={Origin::Inspector} />
        </div>
    }
}

/// `--qualifier N` for a published version, nothing for `$LATEST`.
fn traffic_qualifier(q: &str) -> String {
    if q == "$LATEST" {
        String::new()
    } else {
        format!(" --qualifier {q}")
    }
}

/// The selected version's settings, or the create form when nothing is selected.
#[component]
pub fn Inspector() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let creating = use_state(|| false);
    let selected = state.selected.filter(|&id| state.view().version(id).is_some());
    let toggle = {
        let creating = creating.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            creating.set(!*creating);
            state.dispatch(Action::Select(None));
        })
    };
    html! {
        <div class="inspector">
            <div class="inspector-bar">
                <button class={classes!("action", (*creating || selected.is_none()).then_some("open"))} onclick={toggle} data-testid="create-function">{"Create function"}</button>
            </div>
            if let Some(id) = selected {
                <VersionSettings key={id.to_string()} {id} />
            } else {
                <CreateFunction />
                <NoticeView notice={state.notice.clone()} origin={Origin::Inspector} />
            }
        </div>
    }
}
