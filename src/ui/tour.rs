//! The guided tour card: the step's story, and "Next" runs its lines.

use yew::prelude::*;

use super::state::{use_dispatch, use_mount, use_shown, Action};
use crate::app::scenario;

#[component]
pub fn TourCard() -> Html {
    let shown = use_shown();
    let state = use_dispatch();
    let mount = use_mount();
    let card = use_node_ref();
    {
        // A tour just started is brought into view when it starts below the fold (on a phone,
        // under the timeline); a step keeps the view where the reader has it.
        let card = card.clone();
        use_effect_with(shown.tour.as_ref().map(|t| t.id.clone()), move |id| {
            let below_fold = |el: &web_sys::Element| {
                let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
                height.is_some_and(|h| el.get_bounding_client_rect().top() > h - 40.0)
            };
            if let (Some(_), Some(el)) = (id, card.cast::<web_sys::Element>().filter(below_fold)) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let Some(tour) = shown.tour.clone() else { return html! {} };
    let Some((_, title, text)) = scenario::builtin(&tour.id) else { return html! {} };
    let parsed = scenario::tour(text);
    let total = parsed.steps.len();
    let onnext = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::TourNext))
    };
    let onend = {
        let state = state.clone();
        // The card goes: focus goes back to where tours are picked (the Menu on a phone, where
        // the picker is folded away), not to the page.
        let ids = [mount.id("tour-picker"), mount.id("menu")];
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::EndTour);
            let document = web_sys::window().and_then(|w| w.document());
            let visible = ids.iter().filter_map(|id| document.as_ref()?.get_element_by_id(id)).find_map(|e| {
                let e: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(e).ok()?;
                (e.offset_parent().is_some()).then_some(e)
            });
            if let Some(e) = visible {
                let _ = e.focus();
            }
        })
    };
    // The card shows the step just run (its story), and what "Next" will do.
    let shown = tour.done.checked_sub(1).and_then(|i| parsed.steps.get(i));
    let upcoming = parsed.steps.get(tour.done);
    html! {
        <aside class="tour" aria-label="Guided tour" data-testid="tour" ref={card}>
            <div class="tour-head">
                <span class="tour-title">{title}</span>
                <span class="tour-progress">{if tour.done == 0 { format!("{total} steps") } else { format!("step {} of {total}", tour.done.min(total)) }}</span>
                <button class="close" onclick={onend.clone()} aria-label="End tour">{"×"}</button>
            </div>
            if let Some(step) = shown {
                <h3>{step.title.clone()}</h3>
                for p in step.narrative.split("\n\n") {
                    <p>{p.to_string()}</p>
                }
            } else {
                // The intro's developer note ("Run it: cargo run ...") is for the file's readers.
                for p in parsed.intro.split("\n\n").filter(|p| !p.trim().is_empty() && !p.starts_with("Run it:")) {
                    <p>{p.to_string()}</p>
                }
            }
            if let Some(next) = upcoming {
                <div class="tour-next">
                    <span class="label">{"Next: "}{next.title.clone()}</span>
                    <ul class="tour-lines">
                        for l in next.lines.iter() {
                            <li key={l.line}>
                                if !l.note.is_empty() { <span class="tour-note">{l.note.clone()}</span> }
                                <code>{shown_line(l.text.trim_start_matches('!').trim_start())}</code>
                                if l.text.starts_with('!') { <span class="tour-fails">{" (expected to fail)"}</span> }
                            </li>
                        }
                    </ul>
                </div>
                // A child of the card, so that it can stay in view at the panel's foot: a bar the
                // narration scrolls behind, not a button over its words.
                <div class="tour-foot"><button class="primary tour-go" onclick={onnext} data-testid="tour-next">{"Next ▸"}</button></div>
            } else {
                <div class="tour-next">
                    <p>{"That is the whole story. Keep exploring: everything stays editable."}</p>
                </div>
                <div class="tour-foot"><button class="primary tour-go" onclick={onend}>{"Finish"}</button></div>
            }
        </aside>
    }
}

/// A line as the card lists it: a here-document shows its command and how many lines it writes.
fn shown_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    match lines.count() {
        0 => first.to_string(),
        n => format!("{first} … ({} lines)", n.saturating_sub(1)),
    }
}
