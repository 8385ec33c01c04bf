//! One release's rollout: each region's phase and how many Auto versions it moved.

use yew::prelude::*;

use crate::model::query;
use crate::model::rollout::Phase;
use crate::model::Directive;
use crate::ui::forms::sim;
use crate::ui::state::{use_clock_context, use_dispatch, use_shown, Action, Origin};

fn phase_class(p: Phase) -> &'static str {
    match p {
        Phase::NotStarted => "not-started",
        Phase::Phase1 => "phase1",
        Phase::Phase2 => "phase2",
        Phase::Complete => "complete",
    }
}

#[derive(Properties, PartialEq)]
pub struct RolloutProps {
    pub index: usize,
}

/// Follows the clock: phases begin and end as it plays.
#[component]
pub fn RolloutCard(props: &RolloutProps) -> Html {
    let shown = use_shown();
    let _clock = use_clock_context();
    let dispatch = use_dispatch();
    let view = shown.view();
    let Some(r) = view.rollouts().get(props.index) else { return html! {} };
    let runtime = &view.catalogue()[r.runtime];
    let name = runtime.version_name(r.number);
    let past = shown.frozen();
    html! {
        <section class="rollout" aria-label={format!("Rollout of {name}")} data-testid="rollout" data-runtime-version={name.clone()}>
            <h3>{name.clone()}<span class="sub">{format!(" released {} · {}", r.released.rfc3339(), r.policy.name())}</span></h3>
            <table class="phases">
                <thead><tr><th>{"Region"}</th><th>{"Phase"}</th><th>{"Auto versions moved"}</th><th><span class="visually-hidden">{"Actions"}</span></th></tr></thead>
                <tbody>
                    for p in query::rollout_progress(&view, props.index) {
                        {{
                            let pct = if p.auto_versions == 0 { 100.0 } else { p.moved as f64 * 100.0 / p.auto_versions as f64 };
                            let onclick = {
                                let dispatch = dispatch.clone();
                                let line = sim(&p.region, Directive::Phase2 { runtime: runtime.id.clone(), region: Some(p.region.clone()) });
                                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Do { lines: vec![line.clone()], origin: Origin::Releases }))
                            };
                            let when = match p.phase {
                                Phase::NotStarted => format!("starts {}", p.phase1_start.rfc3339()),
                                Phase::Phase1 => format!("phase 2 at {}", p.phase2_start.rfc3339()),
                                Phase::Phase2 => format!("ends {}", p.phase2_end.rfc3339()),
                                Phase::Complete => String::new(),
                            };
                            html! {
                                <tr key={p.region.clone()} class={classes!("phase-row", phase_class(p.phase))} data-region={p.region.clone()} data-phase={phase_class(p.phase)}>
                                    <td>{p.region.clone()}</td>
                                    <td><span class="phase">{p.phase.label()}</span><span class="when">{when}</span></td>
                                    <td>
                                        <div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow={crate::model::decimal::fixed(pct, 0)}
                                            aria-label={format!("{} of {} Auto versions on {name} or newer", p.moved, p.auto_versions)}>
                                            // SVG geometry, not a style attribute: the bundle runs under a CSP without inline styles.
                                            <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width={crate::model::decimal::fixed(pct, 1)} height="1" /></svg>
                                        </div>
                                        <span class="count">{format!("{}/{}", p.moved, p.auto_versions)}</span>
                                    </td>
                                    <td>
                                        if p.can_start_phase2 && !past {
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
