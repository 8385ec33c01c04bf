//! The timeline: one lane per function version, coloured by runtime version over time, with
//! the markers of what happened to it and the phases of every release in its region.
//!
//! Only this component follows the clock (the axis, the "now" line, the clip that hides the
//! future). The lanes are drawn to the window's end and clipped, so a tick that changed no
//! version re-renders none of them.

mod lane;
mod window;

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::chip::VersionChip;
use super::state::{use_clock_context, use_dispatch, use_shown, Action, Source};
use crate::model::{query, Timestamp, VersionId};
use lane::{Lane, LANE};
use window::{fit, tick_label, tick_step, Scale, Window, LABEL};

const AXIS: f64 = 24.0;
const REGION_ROW: f64 = 20.0;

/// A clip path id unique to this timeline (several playgrounds may share a page).
fn clip_id() -> String {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    NEXT.with(|n| {
        n.set(n.get() + 1);
        format!("timeline-past-{}", n.get())
    })
}

#[derive(Properties, PartialEq)]
struct LanesProps {
    source: Source,
    /// The session's revision: the lanes' order and the release markers follow it.
    revision: u64,
    window: Window,
    width: f64,
    selected: Option<VersionId>,
    changed: Rc<Vec<VersionId>>,
    clip: AttrValue,
}

/// Region rows with their release phases, and a lane per version. Re-renders when the session
/// or the window changed; each lane then re-renders only if its own version changed.
#[component]
fn Lanes(props: &LanesProps) -> Html {
    let view = props.source.view();
    let w = props.window;
    let sc = Scale { w, width: props.width };
    let mut rows = Vec::new();
    let mut y = AXIS;
    for (region, ids) in query::lanes(&view) {
        let top = y;
        let bottom = top + REGION_ROW + ids.len() as f64 * LANE;
        rows.push(html! {
            <g class="region-row" key={format!("region-{region}")}>
                <rect class="region-band" x="0" y={top.to_string()} width={props.width.to_string()} height={REGION_ROW.to_string()} />
                <text class="region-label" x="6" y={(top + 14.0).to_string()}>{region.clone()}</text>
            </g>
        });
        // Release phases in this region: dashed lines through its lanes.
        for (i, r) in view.rollouts().iter().enumerate() {
            let Some(rr) = r.regions.iter().find(|rr| rr.region == region) else { continue };
            let name = view.catalogue()[r.runtime].version_name(r.number);
            for (t, label, class) in [
                (rr.phase1_start, format!("{name} phase 1"), "phase1"),
                (rr.phase2_start, format!("{name} phase 2"), "phase2"),
                (rr.phase2_end, format!("{name} complete"), "complete"),
            ] {
                if t.0 < w.from || t.0 > w.to || (class != "phase1" && rr.phase1_start == rr.phase2_end) {
                    continue;
                }
                let x = sc.x(t.0);
                rows.push(html! {
                    <g class={classes!("phase-marker", class)} key={format!("phase-{region}-{i}-{class}")}>
                        <title>{format!("{label} in {region} at {}", t.rfc3339())}</title>
                        <line x1={x.to_string()} x2={x.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
                        <text x={(x + 3.0).to_string()} y={(top + 14.0).to_string()}>
                            {match class { "phase1" => format!("P1 v{}", r.number), "phase2" => "P2".to_string(), _ => "✓".to_string() }}
                        </text>
                    </g>
                });
            }
        }
        y += REGION_ROW;
        for id in ids {
            rows.push(html! {
                <Lane key={format!("lane-{id}")} source={props.source.clone()} {id}
                    stamp={view.version_stamp(id).unwrap_or_default()} y={y} window={w} width={props.width}
                    selected={props.selected == Some(id)} changed={props.changed.contains(&id)} clip={props.clip.clone()} />
            });
            y += LANE;
        }
    }
    html! { <g class="lanes">{for rows}</g> }
}

#[derive(Properties, PartialEq)]
struct LegendProps {
    source: Source,
    revision: u64,
    window: Window,
}

/// The runtime versions drawn in the window, with what the markers mean.
#[component]
fn Legend(props: &LegendProps) -> Html {
    let view = props.source.view();
    let w = props.window;
    let mut shown = BTreeSet::new();
    for (_, v) in view.versions() {
        // As the lanes: to the window's end (the clip hides the future), not to now.
        let end = v.deleted.map_or(w.to, |d| d.0);
        for (i, seg) in v.segments.iter().enumerate() {
            let seg_end = v.segments.get(i + 1).map_or(end, |n| n.at.0);
            if seg.at.0.max(w.from) <= seg_end.min(w.to) {
                shown.insert((seg.runtime, seg.runtime_version));
            }
        }
    }
    html! {
        <ul class="legend" aria-label="Runtime versions">
            for (runtime, number) in shown {
                <li key={format!("{}-{number}", runtime.index())}>
                    <VersionChip {runtime} {number} label={view.catalogue()[runtime].version_name(number)} />
                </li>
            }
            <li class="legend-markers">{"● create  ■ code update  ▲ configuration  ◆ publish  ⚑ runtime management  ↺ rollback  ✕ delete  ▬ failed invocations"}</li>
        </ul>
    }
}

#[component]
pub fn Timeline() -> Html {
    let shown = use_shown();
    let clock = use_clock_context();
    let dispatch = use_dispatch();
    let window = use_state(|| None::<Window>);
    let width = use_state(|| 900.0f64);
    let clip = use_memo((), |_| AttrValue::from(clip_id()));
    let container = use_node_ref();
    {
        // Draw at the container's real width; re-measured after each render.
        let (container, width) = (container.clone(), width.clone());
        use_effect(move || {
            if let Some(el) = container.cast::<web_sys::Element>() {
                let w = el.client_width() as f64;
                if w > 300.0 && (w - *width).abs() > 1.0 {
                    width.set(w);
                }
            }
        });
    }
    let now = clock.shown;
    let w = window.unwrap_or_else(|| fit(clock.start, now));
    let sc = Scale { w, width: *width };
    let width = *width;
    let (regions, lanes) = query::lane_counts(&shown.view());
    if lanes == 0 {
        let tours = crate::app::scenario::BUILTIN.iter().map(|(id, title, _)| {
            let dispatch = dispatch.clone();
            let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::StartTour(id.to_string())));
            html! { <li key={*id}><button class="action" {onclick}>{*title}</button></li> }
        });
        return html! {
            <div class="timeline-empty" data-testid="timeline" ref={container}>
                <p class="empty">{"Each function version gets a lane here, coloured by the runtime version it runs over time, with the phases of every release in its region."}</p>
                <p class="empty">{"New here? Take a guided tour of one of the three stories of the AWS launch post:"}</p>
                <ul class="tour-starts">{for tours}</ul>
            </div>
        };
    }
    let height = AXIS + regions as f64 * REGION_ROW + lanes as f64 * LANE + 8.0;
    let step = tick_step(w.to - w.from);
    let first_tick = (w.from.div_euclid(step) + 1) * step;

    let set = |f: fn(Window) -> Window| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(Some(f(w))))
    };
    let onfit = {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(None))
    };
    let onwheel = {
        let window = window.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let f = if e.delta_y() > 0.0 { 1.25 } else { 0.8 };
            window.set(Some(w.zoom(f)));
        })
    };

    let mut axis = Vec::new();
    let mut t = first_tick;
    while t < w.to {
        let x = sc.x(t);
        axis.push(html! {
            <g class="tick">
                <line x1={x.to_string()} x2={x.to_string()} y1={(AXIS - 4.0).to_string()} y2={height.to_string()} />
                <text x={(x + 3.0).to_string()} y="14">{tick_label(Timestamp(t), step)}</text>
            </g>
        });
        t += step;
    }
    // The past: what lanes may show (their segments are drawn to the window's end).
    let past_to = sc.x(now.0.clamp(w.from, w.to));
    let cursor = (now.0 >= w.from && now.0 <= w.to).then(|| {
        html! {
            <g class="cursor">
                <title>{format!("now: {}", now.rfc3339())}</title>
                <line x1={past_to.to_string()} x2={past_to.to_string()} y1="0" y2={height.to_string()} />
            </g>
        }
    });
    let source = shown.source();

    html! {
        <div class="timeline" data-testid="timeline" ref={container}>
            <div class="timeline-tools" role="group" aria-label="Timeline zoom">
                <button class="tool" onclick={set(|w| w.pan(-0.25))} aria-label="Pan earlier">{"◀"}</button>
                <button class="tool" onclick={set(|w| w.zoom(0.5))} aria-label="Zoom in">{"+"}</button>
                <button class="tool" onclick={set(|w| w.zoom(2.0))} aria-label="Zoom out">{"−"}</button>
                <button class="tool" onclick={set(|w| w.pan(0.25))} aria-label="Pan later">{"▶"}</button>
                <button class="tool" onclick={onfit} aria-label="Fit the whole session">{"Fit"}</button>
                <span class="window">{format!("{} → {}", Timestamp(w.from).rfc3339(), Timestamp(w.to).rfc3339())}</span>
            </div>
            <svg class="timeline-svg" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                role="img" aria-label="Runtime versions of every function version over time" {onwheel}>
                <defs>
                    <clipPath id={(*clip).clone()}>
                        <rect x={LABEL.to_string()} y="0" width={(past_to - LABEL).max(0.0).to_string()} height={height.to_string()} />
                    </clipPath>
                </defs>
                {for axis}
                <Lanes source={source.clone()} revision={shown.revision()} window={w} {width} selected={shown.selected}
                    changed={shown.changed.clone()} clip={(*clip).clone()} />
                {cursor}
            </svg>
            <Legend {source} revision={shown.revision()} window={w} />
        </div>
    }
}
