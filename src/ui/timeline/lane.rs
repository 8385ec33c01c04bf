//! One function version's lane: runtime version segments, failures, and event markers.

use yew::prelude::*;

use super::window::{fit_lane_label, px, Scale, Window};
use crate::model::arn::runtime_version_arn;
use crate::model::lambda::EventKind;
use crate::model::metrics::INTERVAL;
use crate::model::time::MINUTE;
use crate::model::{query, Timestamp, VersionId};
use crate::ui::chip::use_colours;
use crate::ui::renders;
use crate::ui::state::{use_dispatch, Action, Source};

pub const LANE: f64 = 22.0;

/// The glyph and class of an event's marker; platform events have none on a lane.
fn marker(kind: EventKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        EventKind::Create => ("●", "create"),
        EventKind::CodeUpdate => ("■", "update"),
        EventKind::ConfigurationUpdate => ("▲", "config"),
        EventKind::Publish => ("◆", "publish"),
        EventKind::RuntimeManagementConfig => ("⚑", "runtime-config"),
        EventKind::Delete => ("✕", "delete"),
        // The segments show runtime version changes, platform events have their own markers, and
        // an alias's routing and deployments show on the alias's lane (EventKind::on_alias).
        _ => return None,
    })
}

#[derive(Properties, PartialEq)]
pub struct LaneProps {
    pub source: Source,
    pub id: VersionId,
    /// The version's change stamp: an unchanged version keeps its lane as it is.
    pub stamp: u64,
    pub y: f64,
    pub window: Window,
    pub width: f64,
    pub selected: bool,
    pub changed: bool,
    /// The clip path that hides the future: the lane does not depend on the clock.
    pub clip: AttrValue,
}

#[component]
pub fn Lane(props: &LaneProps) -> Html {
    let colours = use_colours();
    renders::count(renders::Kind::Lane);
    let dispatch = use_dispatch();
    let view = props.source.view();
    let (id, w, lane_y) = (props.id, props.window, props.y);
    let sc = Scale { w, width: props.width };
    let Some(v) = view.version(id) else { return html! {} };
    // A live version's last segment runs to the window's end; the clip stops it at now.
    let end = v.deleted.map_or(w.to, |d| d.0);
    let select = move || dispatch.dispatch(Action::Select(Some(id)));
    let onclick = {
        let select = select.clone();
        Callback::from(move |_: MouseEvent| select())
    };
    // Lanes are focusable: Enter or Space selects, as a click does.
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            select();
        }
    });
    let label = query::version_label(v);
    let mut segments = Vec::new();
    for (i, seg) in v.segments.iter().enumerate() {
        let seg_end = v.segments.get(i + 1).map_or(end, |n| n.at.0);
        let (a, b) = (seg.at.0.max(w.from), seg_end.min(w.to));
        if b <= a {
            continue;
        }
        let runtime = &view.catalogue()[seg.runtime];
        let vname = runtime.version_name(seg.runtime_version);
        let arn = runtime_version_arn(&v.region, &runtime.id, seg.runtime_version, &seg.architecture);
        let (x0, x1) = (sc.x(a), sc.x(b));
        segments.push(html! {
            <g class="segment" data-runtime-version={vname.clone()}>
                <title>{format!("INIT_START Runtime Version: {vname}\tRuntime Version ARN: {arn}\nfrom {} ({})", seg.at.rfc3339(), seg.cause.describe())}</title>
                <rect x={px(x0)} y={px(lane_y + 3.0)} width={px((x1 - x0).max(1.0))}
                    height={px(LANE - 6.0)} rx="3" fill={colours.colour(seg.runtime, seg.runtime_version)} />
                if x1 - x0 > 64.0 {
                    <text class="segment-label" x={px(x0 + 5.0)} y={px(lane_y + 15.0)}>{vname}</text>
                }
            </g>
        });
    }
    // Failures are counted by the hour (or longer): the clip ends the bar at now.
    let mut failures = Vec::new();
    let (since, runs) = v.metrics.recent_error_runs();
    // Failures of the last day to the minute.
    for (first, last, errors) in runs {
        let (t, t_end) = (first * MINUTE, (last + 1) * MINUTE);
        if t_end < w.from || t > w.to {
            continue;
        }
        let (x0, x1) = (sc.x(t.max(w.from)), sc.x(t_end.min(w.to)));
        failures.push(html! {
            <rect class="failures" x={px(x0)} y={px(lane_y + 1.0)} width={px((x1 - x0).max(3.0))} height="4">
                <title>{format!("{errors} failed invocations from {} to {}", Timestamp(t).rfc3339(), Timestamp(t_end).rfc3339())}</title>
            </rect>
        });
    }
    let recent_from = since.map_or(i64::MIN, |m| m * MINUTE);
    for b in v.metrics.buckets().filter(|b| b.errors > 0 && b.hour * INTERVAL < recent_from) {
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
        failures.push(html! {
            <rect class="failures" x={px(x0)} y={px(lane_y + 1.0)} width={px((x1 - x0).max(3.0))} height="4">
                <title>{format!("{} failed invocations of {} in the {interval} from {}", b.errors, b.invocations, Timestamp(t).rfc3339())}</title>
            </rect>
        });
    }
    let mut marks = Vec::new();
    for e in view.events().iter().filter(|e| e.is_about(v)) {
        let Some((mut glyph, mut class)) = marker(e.kind) else { continue };
        if e.at.0 < w.from || e.at.0 > w.to {
            continue;
        }
        if query::is_rollback(v, e) {
            (glyph, class) = ("↺", "rollback");
        }
        let x = sc.x(e.at.0);
        marks.push(html! {
            <text class={classes!("event-marker", class)} x={px(x)} y={px(lane_y + 15.0)} text-anchor="middle" data-kind={e.kind.name()} data-marker={class}>
                <title>{format!("{} {}", e.at.rfc3339(), e.detail)}</title>
                {glyph}
            </text>
        });
    }
    html! {
        <g class={classes!("lane", props.selected.then_some("selected"), props.changed.then_some("changed"), v.deleted.is_some().then_some("deleted"))}
            {onclick} {onkeydown}
            data-testid="lane" data-function={v.function_name.clone()} data-qualifier={v.qualifier.to_string()} data-region={v.region.clone()}>
            // The focusable button is the lane's background: its name says in words what the
            // drawing shows, and no drawn text sits inside it to contradict the name.
            <rect class="lane-bg" x="0" y={px(lane_y)} width={px(props.width)} height={px(LANE)}
                tabindex="0" role="button" aria-label={format!("{label} in {}: select", v.region)} aria-pressed={props.selected.to_string()} />
            <text class="lane-label" x="10" y={px(lane_y + 15.0)} aria-hidden="true">{fit_lane_label(&label, ':')}</text>
            <g clip-path={format!("url(#{})", props.clip)} aria-hidden="true">{for segments}{for failures}</g>
            <g aria-hidden="true">{for marks}</g>
        </g>
    }
}
