//! The dock: the AWS CLI console, the platform logs of the selected version, the event history.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::forms::on_text;
use super::state::{Action, Origin, PlaygroundContext};
use crate::app::session::matches_filter;

/// The console shows its newest lines only: a long session must not slow every render.
const SHOWN: usize = 150;

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Console,
    Logs,
    Events,
}

#[component]
fn Console() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let input = use_state(String::new);
    // Position in the history of typed lines while browsing it with up/down.
    let browsing = use_state(|| None::<usize>);
    let output = use_node_ref();
    let session = state.session.borrow();
    let transcript = session.transcript();
    {
        let output = output.clone();
        let len = transcript.len();
        use_effect_with(len, move |_| {
            if let Some(el) = output.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    // `clear` hides what came before; the console shows at most its newest SHOWN lines.
    // `console_from` counts the lines run before `clear`; the session keeps the newest results only.
    let since_clear = session.lines_run().saturating_sub(state.console_from);
    let shown = since_clear.min(SHOWN).min(transcript.len());
    let first = transcript.len() - shown;
    // The absolute number of the first kept result: a stable key while old results drop out.
    let base = session.lines_run() - transcript.len();
    let typed: Vec<String> = transcript.iter().map(|r| r.command.clone()).filter(|c| !c.is_empty()).collect();
    let onkeydown = {
        let (state, input, browsing) = (state.clone(), input.clone(), browsing.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                let line = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                if line.trim().is_empty() {
                    return;
                }
                if line.trim() == "clear" {
                    state.dispatch(Action::ClearConsole);
                    input.set(String::new());
                    return;
                }
                state.dispatch(Action::Run { line, origin: Origin::Console });
                input.set(String::new());
                browsing.set(None);
            }
            "ArrowUp" | "ArrowDown" if !typed.is_empty() => {
                e.prevent_default();
                let last = typed.len() - 1;
                // The history may have shrunk since (a tour or a share link replaced the session).
                let at = browsing.map(|i| i.min(last));
                let next = match (e.key().as_str(), at) {
                    ("ArrowUp", None) => Some(last),
                    ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                    ("ArrowDown", Some(i)) if i < last => Some(i + 1),
                    _ => None,
                };
                input.set(next.and_then(|i| typed.get(i)).cloned().unwrap_or_default());
                browsing.set(next);
            }
            _ => {}
        })
    };
    html! {
        <div class="console">
            <pre class="console-output" data-testid="console-output" ref={output} aria-live="polite">
                if transcript.is_empty() {
                    <span class="hint">{"Type AWS CLI commands, e.g. aws lambda create-function --function-name demo --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://demo.zip\nand playground directives: sim release python3.9, sim advance 2d, sim logs demo. Type help for the list.\n"}</span>
                }
                if shown > 0 && since_clear > shown {
                    <span class="hint">{format!("({} earlier lines not shown)\n", since_clear - shown)}</span>
                }
                for (i, r) in transcript.iter().enumerate().skip(first) {
                    <div key={base + i} class={classes!("entry", (!r.met_expectation).then_some("failed"))}>
                        if !r.command.is_empty() {
                            <span class="prompt-line">{format!("$ {}\n", r.command)}</span>
                        }
                        if !r.printed.is_empty() {
                            <span class={classes!("printed", r.error.is_some().then_some("error"))}>{format!("{}\n", r.printed.trim_end())}</span>
                        }
                    </div>
                }
            </pre>
            <label class="console-prompt">
                <span class="prompt" aria-hidden="true">{"$"}</span>
                <span class="visually-hidden">{"AWS CLI command"}</span>
                <input data-testid="console-input" type="text" spellcheck="false" autocomplete="off"
                    value={(*input).clone()} oninput={on_text(&input)} {onkeydown}
                    placeholder="aws lambda list-functions" />
            </label>
        </div>
    }
}

#[component]
fn Logs() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let filter = use_state(String::new);
    let view = state.view();
    let Some(v) = state.selected.and_then(|id| view.version(id)) else {
        return html! { <p class="empty dock-empty">{"Select a function version to see its platform logs (CloudWatch Logs, /aws/lambda/<function>)."}</p> };
    };
    let f = filter.trim().to_string();
    // The same term matching as `sim logs --filter` (CloudWatch's): every term, or a quoted phrase.
    let events: Vec<_> = v.environments.logs.iter().filter(|e| matches_filter(&e.message, &f)).collect();
    html! {
        <div class="logs">
            <div class="logs-bar">
                <span class="group">{format!("/aws/lambda/{} · {}", v.function_name, v.qualifier)}</span>
                <label><span class="visually-hidden">{"Filter log events"}</span>
                    <input type="search" placeholder="Filter events, e.g. INIT_START" value={(*filter).clone()} oninput={on_text(&filter)} data-testid="log-filter" />
                </label>
                <span class="assumption-dark">{"Assumptions: an idle environment stays warm 10 minutes; background traffic logs its cold starts and one failure an hour; the newest 2,000 events are kept."}</span>
            </div>
            <div class="log-events" data-testid="log-events">
                if events.is_empty() {
                    <p class="empty">{"No log events yet: invoke the function, or give it traffic."}</p>
                }
                for (i, e) in events.iter().enumerate() {
                    <div key={i} class={classes!("log-event", e.message.starts_with("INIT_START").then_some("init"), (e.message.contains("LAMBDA_WARNING") || e.message.starts_with("[ERROR]") || e.message.contains("Status: error")).then_some("error"))}>
                        <time>{e.timestamp.rfc3339()}</time>
                        <span class="stream">{e.log_stream.to_string()}</span>
                        <span class="message">{e.message.replace('\t', "    ")}</span>
                    </div>
                }
            </div>
        </div>
    }
}

#[component]
fn Events() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let view = state.view();
    html! {
        <ol class="events" reversed=true>
            if view.events().is_empty() {
                <p class="empty">{"Nothing has happened yet."}</p>
            }
            for (i, e) in view.events().iter().enumerate().rev() {
                <li key={i} class="event" data-kind={e.kind.name()}>
                    <time>{e.at.rfc3339()}</time>
                    <span class="kind">{e.kind.name()}</span>
                    <span class="where">{e.place()}</span>
                    <span class="detail">{e.detail.clone()}</span>
                </li>
            }
        </ol>
    }
}

#[component]
pub fn Dock() -> Html {
    // `?tab=logs` or `?tab=events` opens another tab first (documentation pages, screenshots).
    let tab = use_state(|| {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        match search.split(['?', '&']).find_map(|p| p.strip_prefix("tab=")) {
            Some("logs") => Tab::Logs,
            Some("events") => Tab::Events,
            _ => Tab::Console,
        }
    });
    let tab_button = |t: Tab, label: &'static str, testid: &'static str| {
        let tab = tab.clone();
        let active = *tab == t;
        html! {
            <button role="tab" aria-selected={active.to_string()} class={classes!("tab", active.then_some("active"))} data-testid={testid}
                onclick={Callback::from(move |_| tab.set(t))}>{label}</button>
        }
    };
    html! {
        <section class="dock" aria-label="Dock">
            <div class="tabs" role="tablist">
                {tab_button(Tab::Console, "Console", "tab-console")}
                {tab_button(Tab::Logs, "Platform logs", "tab-logs")}
                {tab_button(Tab::Events, "Event history", "tab-events")}
            </div>
            <div class="dock-body" role="tabpanel">
                {match *tab {
                    Tab::Console => html! { <Console /> },
                    Tab::Logs => html! { <Logs /> },
                    Tab::Events => html! { <Events /> },
                }}
            </div>
        </section>
    }
}
