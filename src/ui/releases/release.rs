//! Release the next version of a runtime (`sim release`), and the rollout policy (`sim policy`).

use yew::prelude::*;

use crate::model::rollout::RolloutPolicy;
use crate::model::time::format_duration;
use crate::model::Directive;
use crate::ui::forms::{on_select, on_text, sim};
use crate::ui::state::{use_dispatch, use_shown, Action, Origin};

#[component]
pub fn Release() -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let runtime = use_state(|| "python3.9".to_string());
    let changes = use_state(String::new);
    let view = shown.view();
    let past = shown.frozen();
    let run = {
        let region = shown.region();
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
    let onpolicy = Callback::from(move |_: Event| {
        run(Directive::Policy(if policy == RolloutPolicy::TwoPhase {
            RolloutPolicy::Legacy
        } else {
            RolloutPolicy::TwoPhase
        }))
    });
    let timing = view.timing();
    let regions = &view.catalogue().regions;
    html! {
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
            <div class="row form-actions">
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
    }
}
