//! Releases: put out the next runtime version, choose the rollout policy and pacing, and follow
//! both phases region by region.

mod rollout;

use yew::prelude::*;

use super::forms::{on_select, on_text, sim, NoticeView};
use super::state::{use_dispatch, use_shown, Action, Origin};
use crate::cli::sim::{bounded_duration, MAX_PACING};
use crate::model::rollout::RolloutPolicy;
use crate::model::time::format_duration;
use crate::model::Directive;
use rollout::RolloutCard;

#[component]
pub fn Releases() -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let runtime = use_state(|| "python3.9".to_string());
    let changes = use_state(String::new);
    let stagger = use_state(String::new);
    let phase1 = use_state(String::new);
    let window = use_state(String::new);
    let pacing_error = use_state(|| None::<String>);
    let view = shown.view();
    let past = shown.past();
    let region = shown.region();
    let run = {
        let (dispatch, region) = (dispatch.clone(), region.clone());
        move |directive: Directive| {
            dispatch.dispatch(Action::Do { lines: vec![sim(&region, directive)], origin: Origin::Releases })
        }
    };

    let onrelease = {
        let (run, runtime, changes) = (run.clone(), runtime.clone(), changes.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let changed = changes.split(',').map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect();
            changes.set(String::new());
            run(Directive::Release { runtime: (*runtime).clone(), regions: Vec::new(), changes: changed });
        })
    };
    let policy = view.policy();
    let onpolicy = {
        let run = run.clone();
        Callback::from(move |_: Event| {
            run(Directive::Policy(if policy == RolloutPolicy::TwoPhase {
                RolloutPolicy::Legacy
            } else {
                RolloutPolicy::TwoPhase
            }))
        })
    };
    let timing = view.timing();
    let onpace = {
        let (stagger, phase1, window, error) = (stagger.clone(), phase1.clone(), window.clone(), pacing_error.clone());
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
                    run(d);
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    let regions = &view.catalogue().regions;
    let rollouts: Vec<usize> = (0..view.rollouts().len()).rev().collect();

    html! {
        <div class="releases">
            <form class="form release" onsubmit={onrelease} aria-label="Release a runtime version">
                <div class="row">
                    <label>{"Runtime"}
                        <select onchange={on_select(&runtime)} data-testid="release-runtime">
                            for (rt, r) in view.catalogue().runtime_ids() {
                                <option value={r.id.clone()} selected={*runtime == r.id}>
                                    {format!("{} (next: {})", r.id, r.version_name(view.next_runtime_version(rt)))}
                                </option>
                            }
                        </select>
                    </label>
                    <label>{"Changes behaviour (optional)"}
                        <input value={(*changes).clone()} oninput={on_text(&changes)} placeholder="e.g. tls-legacy-renegotiation" />
                    </label>
                </div>
                <div class="row">
                    <button type="submit" class="primary" disabled={past} data-testid="release">{"Release next version"}</button>
                    <label class="checkbox" title="Before 2023, Lambda updated every function of a region at once, region after region.">
                        <input type="checkbox" checked={policy == RolloutPolicy::Legacy} onchange={onpolicy} disabled={past} />
                        {"Legacy policy (whole region at once)"}
                    </label>
                </div>
                <p class="assumption">{format!(
                    "Assumptions: regions start {} apart ({} first, {} last); phase 1 lasts {}; phase 2 moves Auto versions over {}. AWS publishes no figures.",
                    format_duration(timing.region_stagger), regions[0], regions[regions.len() - 1],
                    format_duration(timing.phase1), format_duration(timing.phase2_window)
                )}</p>
            </form>
            <form class="form pacing" onsubmit={onpace} aria-label="Rollout pacing">
                <div class="row">
                    <label>{"Region stagger"}<input value={(*stagger).clone()} oninput={on_text(&stagger)} placeholder={format_duration(timing.region_stagger)} /></label>
                    <label>{"Phase 1"}<input value={(*phase1).clone()} oninput={on_text(&phase1)} placeholder={format_duration(timing.phase1)} /></label>
                    <label>{"Phase 2 window"}<input value={(*window).clone()} oninput={on_text(&window)} placeholder={format_duration(timing.phase2_window)} /></label>
                    <button type="submit" class="small" disabled={past}>{"Set pacing"}</button>
                </div>
                if let Some(e) = (*pacing_error).clone() { <p class="warning" role="alert">{e}</p> }
            </form>
            <NoticeView notice={shown.notice.clone()} origin={Origin::Releases} />
            if rollouts.is_empty() {
                <p class="empty">{"No runtime version released in this session yet."}</p>
            }
            for index in rollouts {
                <RolloutCard key={format!("rollout-{index}")} {index} />
            }
        </div>
    }
}
