//! The event history: what people did and what the platform did, newest first, filterable by
//! function and by kind. Every runtime version change has a row with its cause.

use yew::prelude::*;

use crate::model::lambda::{Event, EventKind, EventScope};
use crate::ui::forms::on_select;
use crate::ui::state::use_shown;

/// The kinds the filter offers.
const KINDS: [(&str, &str); 5] = [
    ("", "All kinds"),
    ("runtime", "Runtime version changes"),
    ("person", "Your operations"),
    ("platform", "Platform: releases and phases"),
    ("deployment", "Aliases and deployments"),
];

fn kind_group(kind: EventKind) -> &'static str {
    match kind {
        EventKind::RuntimeVersionChange { .. } => "runtime",
        EventKind::Release | EventKind::Phase2Now => "platform",
        k if k.on_alias() => "deployment",
        _ => "person",
    }
}

/// The function an event is about (`region name`), if any.
fn function_of(e: &Event) -> Option<String> {
    match &e.scope {
        EventScope::FunctionVersion { region, function_name, .. } | EventScope::Alias { region, function_name, .. } => {
            Some(format!("{region} {function_name}"))
        }
        EventScope::Platform { .. } => None,
    }
}

#[component]
pub fn Events() -> Html {
    let shown = use_shown();
    let function = use_state(String::new);
    let kind = use_state(String::new);
    let view = shown.view();
    let mut functions: Vec<String> = view.events().iter().filter_map(|e| function_of(e)).collect();
    crate::model::order::sort_by(&mut functions, |a, b| crate::model::query::natural_cmp(a, b));
    functions.dedup();
    let keep = |e: &Event| {
        (kind.is_empty() || kind_group(e.kind) == kind.as_str())
            // A platform step concerns every function of its regions.
            && (function.is_empty() || function_of(e).is_none_or(|f| f == *function))
    };
    let rows: Vec<(usize, &Event)> =
        view.events().iter().enumerate().map(|(i, e)| (i, &**e)).filter(|(_, e)| keep(e)).collect();
    html! {
        <div class="events-view">
            <div class="events-filter" role="group" aria-label="Filter the event history">
                <label>{"Function "}
                    <select onchange={on_select(&function)} data-testid="events-function">
                        <option value="" selected={function.is_empty()}>{"All functions"}</option>
                        for f in functions.iter() {
                            <option value={f.clone()} selected={*function == *f}>{f.clone()}</option>
                        }
                    </select>
                </label>
                <label>{"Kind "}
                    <select onchange={on_select(&kind)} data-testid="events-kind">
                        for (value, label) in KINDS {
                            <option {value} selected={*kind == value}>{label}</option>
                        }
                    </select>
                </label>
                <span class="count" data-testid="events-count">{format!("{} of {}", rows.len(), view.events().len())}</span>
            </div>
            <ol class="events" reversed=true tabindex="0" aria-label="Event history, newest first">
                if rows.is_empty() {
                    <p class="empty">{if view.events().is_empty() { "Nothing has happened yet." } else { "No event matches the filter." }}</p>
                }
                for (i, e) in rows.into_iter().rev() {
                    <li key={i} class="event" data-kind={e.kind.name()} data-group={kind_group(e.kind)}>
                        <time>{e.at.rfc3339()}</time>
                        <span class="kind">{e.kind.name()}</span>
                        <span class="where">{e.place(view.catalogue())}</span>
                        <span class="detail">
                            if let EventKind::RuntimeVersionChange { cause, .. } = e.kind {
                                <span class="cause" data-testid="event-cause">{cause.describe()}</span>{": "}
                            }
                            {e.detail.clone()}
                        </span>
                    </li>
                }
            </ol>
        </div>
    }
}
