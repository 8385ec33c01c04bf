//! The event history: what people did and what the platform did, newest first.

use yew::prelude::*;

use crate::ui::state::use_shown;

#[component]
pub fn Events() -> Html {
    let shown = use_shown();
    let view = shown.view();
    html! {
        <ol class="events" reversed=true tabindex="0" aria-label="Event history, newest first">
            if view.events().is_empty() {
                <p class="empty">{"Nothing has happened yet."}</p>
            }
            for (i, e) in view.events().iter().enumerate().rev() {
                <li key={i} class="event" data-kind={e.kind.name()}>
                    <time>{e.at.rfc3339()}</time>
                    <span class="kind">{e.kind.name()}</span>
                    <span class="where">{e.place(view.catalogue())}</span>
                    <span class="detail">{e.detail.clone()}</span>
                </li>
            }
        </ol>
    }
}
