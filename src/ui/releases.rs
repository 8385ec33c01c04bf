//! Releases: put out the next runtime version and follow both phases region by region.

use yew::prelude::*;

use super::forms::{on_select, on_text, quote, NoticeView};
use super::state::{Action, Origin, PlaygroundContext};
use crate::model::rollout::{Phase, RolloutPolicy};
use crate::model::{Lambda, RuntimeId, UpdateRuntimeOn};

/// Auto versions of this runtime in this region: (on the rollout's version or newer, all).
fn auto_share(view: &Lambda, runtime: RuntimeId, region: &str, number: u32) -> (usize, usize) {
    let mut moved = 0;
    let mut all = 0;
    for v in view.live_versions().into_iter().filter_map(|id| view.version(id)) {
        if v.region == region && v.config.runtime == runtime && v.mode() == UpdateRuntimeOn::Auto {
            all += 1;
            moved += (v.runtime_version >= number) as usize;
        }
    }
    (moved, all)
}

#[component]
pub fn Releases() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let runtime = use_state(|| "python3.9".to_string());
    let changes = use_state(String::new);
    let stagger = use_state(String::new);
    let phase1 = use_state(String::new);
    let window = use_state(String::new);
    let view = state.view();
    let past = state.travel.is_some();

    let onrelease = {
        let (state, runtime, changes) = (state.clone(), runtime.clone(), changes.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut line = format!("sim release {}", quote(&runtime));
            for c in changes.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                line.push_str(&format!(" --changes {}", quote(c)));
            }
            changes.set(String::new());
            state.dispatch(Action::Run { line, origin: Origin::Releases });
        })
    };
    let policy = view.policy();
    let onpolicy = {
        let state = state.clone();
        Callback::from(move |_: Event| {
            let next = if policy == RolloutPolicy::TwoPhase { "legacy" } else { "two-phase" };
            state.dispatch(Action::Run { line: format!("sim policy {next}"), origin: Origin::Releases });
        })
    };
    let rollouts: Vec<usize> = (0..view.rollouts().len()).rev().collect();
    let timing = view.timing();
    let onpace = {
        let (state, stagger, phase1, window) = (state.clone(), stagger.clone(), phase1.clone(), window.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut line = "sim timing".to_string();
            for (flag, v) in [("--region-stagger", &stagger), ("--phase1", &phase1), ("--phase2-window", &window)] {
                if !v.trim().is_empty() {
                    line.push_str(&format!(" {flag} {}", quote(v.trim())));
                }
            }
            state.dispatch(Action::Run { line, origin: Origin::Releases });
        })
    };

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
                    human(timing.region_stagger), view.catalogue().regions[0], view.catalogue().regions[view.catalogue().regions.len() - 1],
                    human(timing.phase1), human(timing.phase2_window)
                )}</p>
            </form>
            <form class="form pacing" onsubmit={onpace} aria-label="Rollout pacing">
                <div class="row">
                    <label>{"Region stagger"}<input value={(*stagger).clone()} oninput={on_text(&stagger)} placeholder={human(timing.region_stagger)} /></label>
                    <label>{"Phase 1"}<input value={(*phase1).clone()} oninput={on_text(&phase1)} placeholder={human(timing.phase1)} /></label>
                    <label>{"Phase 2 window"}<input value={(*window).clone()} oninput={on_text(&window)} placeholder={human(timing.phase2_window)} /></label>
                    <button type="submit" class="small" disabled={past}>{"Set pacing"}</button>
                </div>
            </form>
            <NoticeView notice={state.notice.clone()} origin={Origin::Releases} />
            if rollouts.is_empty() {
                <p class="empty">{"No runtime version released in this session yet."}</p>
            }
            for i in rollouts {
                {rollout_card(&state, &view, i, past)}
            }
        </div>
    }
}

fn rollout_card(state: &PlaygroundContext, view: &Lambda, index: usize, past: bool) -> Html {
    let Some(r) = view.rollouts().get(index) else { return html! {} };
    let runtime = &view.catalogue()[r.runtime];
    let name = runtime.version_name(r.number);
    let newest = view.rollouts().iter().rposition(|o| o.runtime == r.runtime) == Some(index);
    html! {
        <section class="rollout" key={format!("rollout-{index}")} aria-label={format!("Rollout of {name}")} data-testid="rollout">
            <h3>{name.clone()}<span class="sub">{format!(" released {} · {}", r.released.rfc3339(), r.policy.name())}</span></h3>
            <table class="phases">
                <thead><tr><th>{"Region"}</th><th>{"Phase"}</th><th>{"Auto versions moved"}</th><th></th></tr></thead>
                <tbody>
                    for rr in &r.regions {
                        {{
                            let phase = rr.phase(view.now());
                            let (moved, all) = auto_share(view, r.runtime, &rr.region, r.number);
                            let pct = if all == 0 { 100.0 } else { moved as f64 * 100.0 / all as f64 };
                            let can_start = newest && !past && matches!(phase, Phase::NotStarted | Phase::Phase1) && r.policy == RolloutPolicy::TwoPhase;
                            let onclick = {
                                let state = state.clone();
                                let line = format!("sim phase2 {} --region {}", runtime.id, rr.region);
                                Callback::from(move |_: MouseEvent| state.dispatch(Action::Run { line: line.clone(), origin: Origin::Releases }))
                            };
                            let when = match phase {
                                Phase::NotStarted => format!("starts {}", rr.phase1_start.rfc3339()),
                                Phase::Phase1 => format!("phase 2 at {}", rr.phase2_start.rfc3339()),
                                Phase::Phase2 => format!("ends {}", rr.phase2_end.rfc3339()),
                                Phase::Complete => String::new(),
                            };
                            html! {
                                <tr key={rr.region.clone()} class={classes!("phase-row", phase_class(phase))}>
                                    <td>{rr.region.clone()}</td>
                                    <td><span class="phase">{phase.label()}</span><span class="when">{when}</span></td>
                                    <td>
                                        <div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={format!("{pct:.0}")}
                                            aria-label={format!("{moved} of {all} Auto versions on {name} or newer")}>
                                            <span style={format!("width: {pct:.1}%")}></span>
                                        </div>
                                        <span class="count">{format!("{moved}/{all}")}</span>
                                    </td>
                                    <td>
                                        if can_start {
                                            <button class="small" {onclick} data-testid="phase2-now">{"Start phase 2 now"}</button>
                                        }
                                    </td>
                                </tr>
                            }
                        }}
                    }
                </tbody>
            </table>
        </section>
    }
}

/// `1d`, `36h`, `90m`: the largest unit that divides the duration, as `sim` durations read.
fn human(ms: i64) -> String {
    use crate::model::time::{DAY, HOUR, MINUTE, SECOND};
    [(DAY, "d"), (HOUR, "h"), (MINUTE, "m"), (SECOND, "s")]
        .into_iter()
        .find(|(unit, _)| ms % unit == 0 && ms > 0)
        .map_or_else(|| format!("{ms}ms"), |(unit, suffix)| format!("{}{suffix}", ms / unit))
}

fn phase_class(p: Phase) -> &'static str {
    match p {
        Phase::NotStarted => "not-started",
        Phase::Phase1 => "phase1",
        Phase::Phase2 => "phase2",
        Phase::Complete => "complete",
    }
}
