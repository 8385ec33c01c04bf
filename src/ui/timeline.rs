//! The timeline: one lane per function version, coloured by runtime version over time, with
//! the markers of what happened to it and the phases of every release in its region.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::chip::{version_colour, VersionChip};
use super::state::{Action, PlaygroundContext, Source};
use crate::model::arn::runtime_version_arn;
use crate::model::function::Change;
use crate::model::lambda::{EventKind, EventScope};
use crate::model::metrics::INTERVAL;
use crate::model::time::{DAY, HOUR, MINUTE};
use crate::model::{Lambda, Qualifier, Timestamp, VersionId};

const LABEL: f64 = 170.0;
const LANE: f64 = 22.0;
const AXIS: f64 = 24.0;
const REGION_ROW: f64 = 20.0;

/// The visible time window.
#[derive(Clone, Copy, PartialEq)]
struct Window {
    from: i64,
    to: i64,
}

/// Maps time to x in a drawing `width` pixels wide (the SVG is drawn at its real size, so text
/// is never stretched).
#[derive(Clone, Copy)]
struct Scale {
    w: Window,
    width: f64,
}

impl Scale {
    fn x(&self, t: i64) -> f64 {
        LABEL + (t - self.w.from) as f64 / (self.w.to - self.w.from).max(1) as f64 * (self.width - LABEL)
    }
}

impl Window {
    fn zoom(self, factor: f64) -> Window {
        let mid = (self.from + self.to) / 2;
        let half = (((self.to - self.from) as f64 * factor) as i64 / 2).clamp(10 * MINUTE, 3650 * DAY);
        Window { from: mid - half, to: mid + half }
    }

    fn pan(self, fraction: f64) -> Window {
        let d = ((self.to - self.from) as f64 * fraction) as i64;
        Window { from: self.from + d, to: self.to + d }
    }
}

/// Fit: from the start of the session to a little past now (at least a day).
fn fit(start: Timestamp, now: Timestamp) -> Window {
    let span = (now.0 - start.0).max(DAY);
    Window { from: start.0, to: start.0 + span + span / 12 }
}

fn tick_step(span: i64) -> i64 {
    [15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY]
        .into_iter()
        .find(|s| span / s <= 10)
        .unwrap_or(14 * DAY)
}

fn tick_label(t: Timestamp, step: i64) -> String {
    let c = t.civil();
    if step >= DAY || (c.hour == 0 && c.minute == 0) {
        format!("{:02}-{:02}", c.month, c.day)
    } else {
        format!("{:02}:{:02}", c.hour, c.minute)
    }
}

fn marker(kind: EventKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        EventKind::Create => ("●", "create"),
        EventKind::CodeUpdate => ("■", "update"),
        EventKind::ConfigurationUpdate => ("▲", "config"),
        EventKind::Publish => ("◆", "publish"),
        EventKind::RuntimeManagementConfig => ("⚑", "runtime-config"),
        EventKind::Delete => ("✕", "delete"),
        EventKind::Release | EventKind::Phase2Now => return None,
    })
}

fn lanes(view: &Lambda) -> Vec<(String, Vec<VersionId>)> {
    let mut out = Vec::new();
    for region in &view.catalogue().regions {
        let mut vs: Vec<_> = view.versions().filter(|(_, v)| &v.region == region).collect();
        vs.sort_by(|(_, a), (_, b)| (&a.function_name, a.qualifier).cmp(&(&b.function_name, b.qualifier)));
        if !vs.is_empty() {
            out.push((region.clone(), vs.into_iter().map(|(id, _)| id).collect()));
        }
    }
    out
}

/// What a lane shows depends on these alone (and its place): an unchanged lane is not rebuilt.
#[derive(Clone, Copy, PartialEq)]
struct LaneKey {
    segments: usize,
    markers: usize,
    buckets: usize,
    last_bucket: Option<(i64, u64, u64)>,
    /// Where its last segment ends on screen: now (clipped to the window) or its deletion.
    end: i64,
    deleted: bool,
}

#[derive(Properties, Clone)]
struct LaneProps {
    source: Source,
    id: VersionId,
    y: f64,
    window: Window,
    width: f64,
    selected: bool,
    changed: bool,
    content: LaneKey,
    onselect: Callback<VersionId>,
}

impl PartialEq for LaneProps {
    /// The source is the same session throughout (time travel changes `content` or `end`); the
    /// callback always dispatches to the same reducer. Neither decides whether to re-render.
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
            && self.y == o.y
            && self.window == o.window
            && self.width == o.width
            && self.selected == o.selected
            && self.changed == o.changed
            && self.content == o.content
            && self.source.same(&o.source)
    }
}

/// One function version's lane: runtime version segments, failures, and event markers.
#[component]
fn Lane(props: &LaneProps) -> Html {
    let view = props.source.view();
    let (id, w, lane_y) = (props.id, props.window, props.y);
    let sc = Scale { w, width: props.width };
    let Some(v) = view.version(id) else { return html! {} };
    let end = v.deleted.map_or(view.now().0, |d| d.0);
    let onclick = props.onselect.reform(move |_: MouseEvent| id);
    // Lanes are focusable: Enter or Space selects, as a click does.
    let onkeydown = {
        let onselect = props.onselect.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                onselect.emit(id);
            }
        })
    };
    let label = match v.qualifier {
        Qualifier::Latest => format!("{}:$LATEST", v.function_name),
        Qualifier::Version(n) => format!("{}:{n}", v.function_name),
    };
    let mut parts = Vec::new();
    for (i, seg) in v.segments.iter().enumerate() {
        let seg_end = v.segments.get(i + 1).map_or(end, |n| n.at.0);
        let (a, b) = (seg.at.0.max(w.from), seg_end.min(w.to));
        if b <= a {
            continue;
        }
        let runtime = &view.catalogue()[seg.runtime];
        let vname = runtime.version_name(seg.runtime_version);
        let arn = runtime_version_arn(&v.region, &runtime.id, seg.runtime_version, &v.config.architecture);
        let (x0, x1) = (sc.x(a), sc.x(b));
        let cause = match seg.cause {
            Change::Create => "created",
            Change::Publish => "published",
            Change::CodeUpdate => "code update (phase 1)",
            Change::ConfigurationUpdate => "configuration update (phase 1)",
            Change::Phase2 => "phase 2 of the rollout",
            Change::LegacyUpdate => "legacy whole-region update",
            Change::RuntimeManagementConfig => "runtime management configuration",
        };
        parts.push(html! {
            <g class="segment">
                <title>{format!("INIT_START Runtime Version: {vname}\tRuntime Version ARN: {arn}\nfrom {} ({cause})", seg.at.rfc3339())}</title>
                <rect x={x0.to_string()} y={(lane_y + 3.0).to_string()} width={(x1 - x0).max(1.0).to_string()}
                    height={(LANE - 6.0).to_string()} rx="3" fill={version_colour(seg.runtime, seg.runtime_version)} />
                if x1 - x0 > 64.0 {
                    <text class="segment-label" x={(x0 + 5.0).to_string()} y={(lane_y + 15.0).to_string()}>{vname}</text>
                }
            </g>
        });
    }
    for b in v.metrics.buckets().filter(|b| b.errors > 0) {
        let (t, t_end) = (b.hour * INTERVAL, b.end_hour() * INTERVAL);
        if t_end < w.from || t > w.to {
            continue;
        }
        let (x0, x1) = (sc.x(t.max(w.from)), sc.x(t_end.min(w.to)));
        // Older counts are kept by the day or by 28 days; the tooltip names the interval.
        let interval = match b.hours {
            1 => "hour",
            24 => "day",
            _ => "28 days",
        };
        parts.push(html! {
            <rect class="failures" x={x0.to_string()} y={(lane_y + 1.0).to_string()} width={(x1 - x0).max(3.0).to_string()} height="4">
                <title>{format!("{} failed invocations of {} in the {interval} from {}", b.errors, b.invocations, Timestamp(t).rfc3339())}</title>
            </rect>
        });
    }
    for e in view.events().iter().filter(|e| e.is_about(v)) {
        let Some((mut glyph, mut class)) = marker(e.kind) else { continue };
        if e.at.0 < w.from || e.at.0 > w.to {
            continue;
        }
        // A runtime management change that moved the version back is a rollback.
        let rollback = e.kind == EventKind::RuntimeManagementConfig
            && v.segments.windows(2).any(|p| {
                p[1].at == e.at
                    && p[1].cause == Change::RuntimeManagementConfig
                    && p[1].runtime_version < p[0].runtime_version
            });
        if rollback {
            (glyph, class) = ("↺", "rollback");
        }
        let x = sc.x(e.at.0);
        parts.push(html! {
            <text class={classes!("event-marker", class)} x={x.to_string()} y={(lane_y + 15.0).to_string()} text-anchor="middle">
                <title>{format!("{} {}", e.at.rfc3339(), e.detail)}</title>
                {glyph}
            </text>
        });
    }
    html! {
        <g class={classes!("lane", props.selected.then_some("selected"), props.changed.then_some("changed"), v.deleted.is_some().then_some("deleted"))}
            {onclick} {onkeydown} tabindex="0" role="button" aria-label={format!("{label} in {}: select", v.region)}>
            <rect class="lane-bg" x="0" y={lane_y.to_string()} width={props.width.to_string()} height={LANE.to_string()} />
            <text class="lane-label" x="10" y={(lane_y + 15.0).to_string()}>{label}</text>
            {for parts}
        </g>
    }
}

#[component]
pub fn Timeline() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let window = use_state(|| None::<Window>);
    let width = use_state(|| 900.0f64);
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
    let view = state.view();
    let now = view.now();
    let w = window.unwrap_or_else(|| fit(state.start(), now));
    let sc = Scale { w, width: *width };
    let width = *width;
    let groups = lanes(&view);
    if groups.is_empty() {
        let tours = crate::app::scenario::BUILTIN.iter().map(|(id, title, _)| {
            let state = state.clone();
            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::StartTour(id.to_string())));
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
    let lane_count: usize = groups.iter().map(|(_, ids)| ids.len()).sum();
    let height = AXIS + groups.len() as f64 * REGION_ROW + lane_count as f64 * LANE + 8.0;
    let step = tick_step(w.to - w.from);
    let first_tick = (w.from.div_euclid(step) + 1) * step;
    let mut legend = BTreeSet::new();

    let zoom = |f: f64| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(Some(w.zoom(f))))
    };
    let pan = |f: f64| {
        let window = window.clone();
        Callback::from(move |_: MouseEvent| window.set(Some(w.pan(f))))
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

    // Events per lane, in one pass: a lane re-renders only when its own content changed.
    let mut markers: std::collections::HashMap<(&str, &str, Qualifier), usize> = std::collections::HashMap::new();
    for e in view.events() {
        if let EventScope::FunctionVersion { region, function_name, qualifier } = &e.scope {
            *markers.entry((region.as_str(), function_name.as_str(), *qualifier)).or_default() += 1;
        }
    }
    let source = state.source();
    let onselect = {
        let state = state.clone();
        Callback::from(move |id| state.dispatch(Action::Select(Some(id))))
    };
    let mut rows = Vec::new();
    let mut y = AXIS;
    for (region, ids) in &groups {
        let top = y;
        let bottom = top + REGION_ROW + ids.len() as f64 * LANE;
        rows.push(html! {
            <g class="region-row" key={format!("region-{region}")}>
                <rect class="region-band" x="0" y={top.to_string()} width={width.to_string()} height={REGION_ROW.to_string()} />
                <text class="region-label" x="6" y={(top + 14.0).to_string()}>{region.clone()}</text>
            </g>
        });
        // Release phases in this region: dashed lines through its lanes.
        for r in view.rollouts() {
            let Some(rr) = r.regions.iter().find(|rr| &rr.region == region) else { continue };
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
                    <g class={classes!("phase-marker", class)}>
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
        for &id in ids {
            let Some(v) = view.version(id) else { continue };
            let end = v.deleted.map_or(now.0, |d| d.0);
            for (i, seg) in v.segments.iter().enumerate() {
                let seg_end = v.segments.get(i + 1).map_or(end, |n| n.at.0);
                if seg.at.0.max(w.from) < seg_end.min(w.to) {
                    legend.insert((seg.runtime, seg.runtime_version));
                }
            }
            let content = LaneKey {
                segments: v.segments.len(),
                markers: markers.get(&(v.region.as_str(), v.function_name.as_str(), v.qualifier)).map_or(0, |m| *m),
                buckets: v.metrics.len(),
                last_bucket: v.metrics.last().map(|b| (b.hour, b.invocations, b.errors)),
                end: end.min(w.to),
                deleted: v.deleted.is_some(),
            };
            rows.push(html! {
                <Lane key={format!("lane-{id}")} source={source.clone()} {id} y={y} window={w} {width}
                    selected={state.selected == Some(id)} changed={state.changed.contains(&id)} {content}
                    onselect={onselect.clone()} />
            });
            y += LANE;
        }
    }

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
    let cursor = (now.0 >= w.from && now.0 <= w.to).then(|| {
        let x = sc.x(now.0);
        html! {
            <g class="cursor">
                <title>{format!("now: {}", now.rfc3339())}</title>
                <line x1={x.to_string()} x2={x.to_string()} y1="0" y2={height.to_string()} />
            </g>
        }
    });

    html! {
        <div class="timeline" data-testid="timeline" ref={container}>
            <div class="timeline-tools" role="group" aria-label="Timeline zoom">
                <button class="tool" onclick={pan(-0.25)} aria-label="Pan earlier">{"◀"}</button>
                <button class="tool" onclick={zoom(0.5)} aria-label="Zoom in">{"+"}</button>
                <button class="tool" onclick={zoom(2.0)} aria-label="Zoom out">{"−"}</button>
                <button class="tool" onclick={pan(0.25)} aria-label="Pan later">{"▶"}</button>
                <button class="tool" onclick={onfit} aria-label="Fit the whole session">{"Fit"}</button>
                <span class="window">{format!("{} → {}", Timestamp(w.from).rfc3339(), Timestamp(w.to).rfc3339())}</span>
            </div>
            <svg class="timeline-svg" viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                role="img" aria-label="Runtime versions of every function version over time" {onwheel}>
                {for axis}
                {for rows}
                {cursor}
            </svg>
            <ul class="legend" aria-label="Runtime versions">
                for (runtime, number) in legend {
                    <li key={format!("{}-{number}", runtime.index())}>
                        <VersionChip {runtime} {number} label={view.catalogue()[runtime].version_name(number)} />
                    </li>
                }
                <li class="legend-markers">{"● create  ■ code update  ▲ configuration  ◆ publish  ⚑ runtime management  ↺ rollback  ✕ delete  ▬ failed invocations"}</li>
            </ul>
        </div>
    }
}
