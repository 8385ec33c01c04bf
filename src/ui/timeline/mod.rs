//! The timeline: one lane per function version, coloured by runtime version over time, with
//! the markers of what happened to it and the phases of every release in its region.
//!
//! Only this component follows the clock (the axis, the "now" line, the clip that hides the
//! future). The lanes are drawn to the window's end and clipped, so a tick that changed no
//! version re-renders none of them.

mod alias_lane;
mod axis;
mod fleet;
mod lane;
mod lanes;
mod legend;
mod window;

pub use window::Window;

use yew::prelude::*;

use super::state::{use_clock_context, use_dispatch, use_mount, use_shown, Action, DockTab};
use crate::model::{query, Timestamp};
use axis::Axis;
use fleet::Fleet;
use lane::LANE;
use lanes::Lanes;
use legend::Legend;
use window::{fit, px, Scale, LABEL};

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

#[component]
pub fn Timeline() -> Html {
    let shown = use_shown();
    let clock = use_clock_context();
    let dispatch = use_dispatch();
    let mount = use_mount();
    let width = use_state(|| 900.0f64);
    let clip = use_memo((), |_| AttrValue::from(clip_id()));
    // Lanes (one per function version) or the fleet (counts per runtime version).
    let fleet_mode = shown.fleet;
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
    let w = shown.window.unwrap_or_else(|| fit(clock.start, now));
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
                <p class="empty">{"New here? Take a guided tour: the three stories of the AWS launch post, a runtime update during a CodeDeploy canary, or runtime settings in a SAM template:"}</p>
                <ul class="tour-starts">{for tours}</ul>
                <p class="empty">{"Or start from a template: a SAM function with a live alias, a canary deployment and an Errors alarm, ready to deploy as a stack."}</p>
                <button class="action" onclick={{
                    let (dispatch, dock) = (dispatch.clone(), mount.id("dock-panel"));
                    Callback::from(move |_: MouseEvent| {
                        dispatch.dispatch(Action::ShowTab(DockTab::Template));
                        // On a phone the dock is a screen or more below: bring it into view (only
                        // when it is out of view, so that a documentation page does not jump).
                        let Some(window) = web_sys::window() else { return };
                        let below = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
                        if let Some(panel) = window.document().and_then(|d| d.get_element_by_id(&dock)) {
                            if panel.get_bounding_client_rect().top() > below - 80.0 {
                                panel.scroll_into_view();
                            }
                        }
                    })
                }} data-testid="start-from-template">{"Start from a template"}</button>
            </div>
        };
    }
    let height = AXIS + regions as f64 * REGION_ROW + lanes as f64 * LANE + 8.0;

    let set = |f: fn(Window) -> Window| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetWindow(Some(f(w)))))
    };
    let onfit = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetWindow(None)))
    };
    let onwheel = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let f = if e.delta_y() > 0.0 { 1.25 } else { 0.8 };
            dispatch.dispatch(Action::SetWindow(Some(w.zoom(f))));
        })
    };

    // The past: what lanes may show (their segments are drawn to the window's end).
    let past_to = sc.x(now.0.clamp(w.from, w.to));
    let cursor = (now.0 >= w.from && now.0 <= w.to).then(|| {
        html! {
            <g class="cursor">
                <title>{format!("now: {}", now.rfc3339())}</title>
                <line x1={px(past_to)} x2={px(past_to)} y1="0" y2={px(height)} />
            </g>
        }
    });
    let source = shown.source();

    html! {
        <div class="timeline" data-testid="timeline" ref={container}>
            // The tools and the dates stay in view while many lanes scroll under them.
            <div class="timeline-head">
            <div class="timeline-tools" role="group" aria-label="Timeline zoom">
                <button class="tool" onclick={set(|w| w.pan(-0.25))} aria-label="Pan earlier">{"◀"}</button>
                <button class="tool" onclick={set(|w| w.zoom(0.5))} aria-label="Zoom in">{"+"}</button>
                <button class="tool" onclick={set(|w| w.zoom(2.0))} aria-label="Zoom out">{"−"}</button>
                <button class="tool" onclick={set(|w| w.pan(0.25))} aria-label="Pan later">{"▶"}</button>
                <button class="tool" onclick={onfit} aria-label="Fit the whole session">{"Fit"}</button>
                <span class="window">{format!("{} → {}", Timestamp(w.from).rfc3339(), Timestamp(w.to).rfc3339())}</span>
                <span class="view-switch" role="group" aria-label="Timeline view">
                    <button class="tool" aria-pressed={(!fleet_mode).to_string()} data-testid="view-lanes"
                        onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::ShowFleet(false))) }}>{"Lanes"}</button>
                    <button class="tool" aria-pressed={fleet_mode.to_string()} data-testid="view-fleet"
                        onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::ShowFleet(true))) }}>{"Fleet"}</button>
                </span>
            </div>
            if !fleet_mode {
                <svg class="timeline-svg timeline-axis" viewBox={format!("0 0 {} {}", px(width), px(AXIS))} width={px(width)} height={px(AXIS)} aria-hidden="true">
                    <Axis window={w} {width} height={AXIS} />
                </svg>
            }
            </div>
            if fleet_mode {
                <Fleet window={w} {width} now={now} />
            } else {
            <svg class="timeline-svg" viewBox={format!("0 0 {} {}", px(width), px(height))} width={px(width)} height={px(height)}
                role="group" aria-label="Runtime versions of every function version over time" {onwheel}>
                <defs>
                    <clipPath id={(*clip).clone()}>
                        <rect x={px(LABEL)} y="0" width={px((past_to - LABEL).max(0.0))} height={px(height)} />
                    </clipPath>
                </defs>
                <Axis window={w} {width} {height} labels={false} />
                <Lanes source={source.clone()} revision={shown.revision()} window={w} {width} selected={shown.selected}
                    changed={shown.changed.clone()} clip={(*clip).clone()} />
                {cursor}
            </svg>
            <Legend {source} revision={shown.revision()} window={w} />
            }
        </div>
    }
}
