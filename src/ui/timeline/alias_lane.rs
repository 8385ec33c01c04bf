//! One alias's lane: its traffic split over time, each arm coloured by the runtime version its
//! version ran at the time, with the deployments' starts, stops, rollbacks and successes.

use std::rc::Rc;

use yew::prelude::*;

use super::lane::LANE;
use super::window::{fit_lane_label, px, Scale, Window};
use crate::model::lambda::EventKind;
use crate::model::query::{self, AliasKey};
use crate::ui::chip::use_colours;
use crate::ui::renders;
use crate::ui::state::Source;

#[derive(Properties, PartialEq)]
pub struct AliasLaneProps {
    pub source: Source,
    pub alias: AliasKey,
    /// The alias's events, by index: what `query::alias_lane` reads.
    pub events: Rc<Vec<usize>>,
    /// Moves when the lane would look different (see `query::AliasLane::stamp`).
    pub stamp: u64,
    pub y: f64,
    pub window: Window,
    pub width: f64,
    pub clip: AttrValue,
}

/// The glyph and class of a deployment event's marker.
fn marker(kind: EventKind) -> Option<(&'static str, &'static str)> {
    Some(match kind {
        EventKind::DeploymentStarted => ("▶", "deploy-start"),
        EventKind::DeploymentSucceeded => ("✓", "deploy-done"),
        EventKind::DeploymentStopped => ("⚠", "deploy-stop"),
        EventKind::DeploymentFailed => ("✕", "deploy-fail"),
        EventKind::DeploymentRolledBack => ("↺", "rollback"),
        _ => return None,
    })
}

#[component]
pub fn AliasLane(props: &AliasLaneProps) -> Html {
    let colours = use_colours();
    renders::count(renders::Kind::Lane);
    let view = props.source.view();
    let key = &props.alias;
    let lane = query::alias_lane(&view, key, &props.events);
    let (w, y) = (props.window, props.y);
    let sc = Scale { w, width: props.width };
    let band = LANE - 6.0;
    let mut bands = Vec::new();
    for (i, span) in lane.spans.iter().enumerate() {
        let (from, to) = (span.from.0.max(w.from), span.to.map_or(w.to, |t| t.0).min(w.to));
        if to <= from {
            continue;
        }
        // Arms stack top to bottom, primary first, each as tall as its share.
        let mut top = y + 3.0;
        for &(id, share) in &span.arms {
            let Some(v) = view.version(id) else { continue };
            let height = band * share;
            let label = query::version_label(v);
            for (k, seg) in v.segments.iter().enumerate() {
                let seg_end = v.segments.get(k + 1).map_or(i64::MAX, |n| n.at.0);
                let (a, b) = (seg.at.0.max(from), seg_end.min(to));
                if b <= a || height <= 0.0 {
                    continue;
                }
                let name = view.catalogue()[seg.runtime].version_name(seg.runtime_version);
                let (x0, x1) = (sc.x(a), sc.x(b));
                bands.push(html! {
                    <rect key={format!("{i}-{id}-{k}")} class="alias-arm-band" x={px(x0)} y={px(top)}
                        width={px((x1 - x0).max(1.0))} height={px(height.max(1.0))}
                        fill={colours.colour(seg.runtime, seg.runtime_version)} data-version={v.qualifier.to_string()} data-share={crate::model::decimal::shortest(share)}>
                        <title>{format!("{}% of {}:{} on {label}, which runs {name}", crate::model::decimal::fixed(share * 100.0, 0), key.function, key.alias)}</title>
                    </rect>
                });
            }
            top += height;
        }
    }
    let mut marks = Vec::new();
    for e in lane.events.iter() {
        let Some((glyph, class)) = marker(e.kind) else { continue };
        if e.at.0 < w.from || e.at.0 > w.to {
            continue;
        }
        let x = sc.x(e.at.0);
        marks.push(html! {
            <text class={classes!("event-marker", class)} x={px(x)} y={px(y + 15.0)} text-anchor="middle"
                data-kind={e.kind.name()} data-marker={class}>
                <title>{format!("{} {}: {}", e.at.rfc3339(), e.kind.name(), e.detail)}</title>
                {glyph}
            </text>
        });
    }
    html! {
        <g class={classes!("lane", "alias-lane", lane.deleted.is_some().then_some("deleted"))} data-testid="alias-lane"
            data-function={key.function.clone()} data-alias={key.alias.clone()} data-region={key.region.clone()}>
            <title>{format!("{}:{} in {}: its traffic split over time, by version and runtime version", key.function, key.alias, key.region)}</title>
            <rect class="lane-bg" x="0" y={px(y)} width={px(props.width)} height={px(LANE)} />
            <text class="lane-label alias-label" x="10" y={px(y + 15.0)}>{fit_lane_label(&format!("{}@{}", key.function, key.alias), '@')}</text>
            <g clip-path={format!("url(#{})", props.clip)}>{for bands}</g>
            {for marks}
        </g>
    }
}
