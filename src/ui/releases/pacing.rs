//! How later releases are paced (`sim timing`).

use yew::prelude::*;

use crate::cli::sim::{bounded_duration, MAX_PACING};
use crate::model::time::format_duration;
use crate::model::Directive;
use crate::ui::forms::{on_text, sim};
use crate::ui::state::{use_dispatch, use_shown, Action, Origin};

#[component]
pub fn Pacing() -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let stagger = use_state(String::new);
    let phase1 = use_state(String::new);
    let window = use_state(String::new);
    let error = use_state(|| None::<String>);
    let timing = shown.view().timing();
    let past = shown.frozen();
    let onpace = {
        let (stagger, phase1, window, error) = (stagger.clone(), phase1.clone(), window.clone(), error.clone());
        let region = shown.region();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let read = |name: &str, v: &str| {
                let v = v.trim();
                (!v.is_empty()).then(|| bounded_duration(v, MAX_PACING).map_err(|e| format!("{name}: {e}"))).transpose()
            };
            let directive = (|| {
                Ok::<_, String>(Directive::Timing {
                    region_stagger: read("Region stagger", &stagger)?,
                    phase1: read("Phase 1", &phase1)?,
                    phase2_window: read("Phase 2 window", &window)?,
                })
            })();
            match directive {
                Ok(d) => {
                    error.set(None);
                    dispatch.dispatch(Action::Do { lines: vec![sim(&region, d)], origin: Origin::Releases });
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    html! {
        <form class="form pacing" onsubmit={onpace} aria-label="Rollout pacing">
            <div class="row">
                <label>{"Region stagger"}<input value={(*stagger).clone()} oninput={on_text(&stagger)} placeholder={format_duration(timing.region_stagger)} /></label>
                <label>{"Phase 1"}<input value={(*phase1).clone()} oninput={on_text(&phase1)} placeholder={format_duration(timing.phase1)} /></label>
                <label>{"Phase 2 window"}<input value={(*window).clone()} oninput={on_text(&window)} placeholder={format_duration(timing.phase2_window)} /></label>
                <button type="submit" class="small" disabled={past}>{"Set pacing"}</button>
            </div>
            if let Some(e) = (*error).clone() { <p class="warning" role="alert">{e}</p> }
        </form>
    }
}
