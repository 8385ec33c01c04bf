//! The platform logs of the selected version (CloudWatch Logs, `/aws/lambda/<function>`).

use yew::prelude::*;

use crate::app::session::matches_filter;
use crate::ui::forms::on_text;
use crate::ui::state::use_shown;

#[component]
pub fn Logs() -> Html {
    let shown = use_shown();
    let filter = use_state(String::new);
    let view = shown.view();
    let Some(v) = shown.selected.and_then(|id| view.version(id)) else {
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
            <div class="log-events" data-testid="log-events" tabindex="0" role="log" aria-label="Platform log events">
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
