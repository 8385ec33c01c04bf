//! Region rows with their release phases, and a lane per function version.

use std::rc::Rc;

use yew::prelude::*;

use super::alias_lane::AliasLane;
use super::lane::{Lane, LANE};
use super::window::{label_rows, label_width, px, Scale, Window};
use super::{AXIS, REGION_ROW};
use crate::model::query::LaneRef;
use crate::model::{query, VersionId};
use crate::ui::state::Source;

#[derive(Properties, PartialEq)]
pub struct LanesProps {
    pub source: Source,
    /// The session's revision: the lanes' order and the release markers follow it.
    pub revision: u64,
    pub window: Window,
    pub width: f64,
    pub selected: Option<VersionId>,
    pub changed: Rc<Vec<VersionId>>,
    pub clip: AttrValue,
}

/// Region rows with their release phases, and a lane per version. Re-renders when the session
/// or the window changed; each lane then re-renders only if its own version changed.
#[component]
pub fn Lanes(props: &LanesProps) -> Html {
    let view = props.source.view();
    let w = props.window;
    let sc = Scale { w, width: props.width };
    let mut rows = Vec::new();
    let mut y = AXIS;
    let aliases = query::alias_events(&view);
    for (region, ids) in query::lanes(&view) {
        let top = y;
        let bottom = top + REGION_ROW + ids.len() as f64 * LANE;
        rows.push(html! {
            <g class="region-row" key={format!("region-{region}")}>
                <rect class="region-band" x="0" y={px(top)} width={px(props.width)} height={px(REGION_ROW)} />
                <text class="region-label" x="6" y={px(top + 14.0)}>{region.clone()}</text>
            </g>
        });
        // Release phases in this region: dashed lines through its lanes. Labels that would run
        // into an earlier one are left out (the line stays, and its tooltip says what it is).
        let mut markers = Vec::new();
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
                let text = match class {
                    "phase1" => format!("P1 v{}", r.number),
                    "phase2" => "P2".to_string(),
                    _ => "✓".to_string(),
                };
                markers.push((i, t, label, class, text, sc.x(t.0)));
            }
        }
        let spans: Vec<(f64, f64)> = markers.iter().map(|m| (m.5 + 3.0, label_width(&m.4))).collect();
        for ((i, t, label, class, text, x), row) in markers.into_iter().zip(label_rows(&spans)) {
            rows.push(html! {
                <g class={classes!("phase-marker", class)} key={format!("phase-{region}-{i}-{class}")}>
                    <title>{format!("{label} in {region} at {}", t.rfc3339())}</title>
                    <line x1={px(x)} x2={px(x)} y1={px(top)} y2={px(bottom)} />
                    if row == 0 {
                        <text x={px(x + 3.0)} y={px(top + 14.0)}>{text}</text>
                    }
                </g>
            });
        }
        y += REGION_ROW;
        for lane in ids {
            match lane {
                LaneRef::Version(id) => rows.push(html! {
                    <Lane key={format!("lane-{id}")} source={props.source.clone()} {id}
                        stamp={view.version_stamp(id).unwrap_or_default()} y={y} window={w} width={props.width}
                        selected={props.selected == Some(id)} changed={props.changed.contains(&id)} clip={props.clip.clone()} />
                }),
                LaneRef::Alias(alias) => {
                    let events = Rc::new(aliases.get(&alias).cloned().unwrap_or_default());
                    let stamp = query::alias_lane(&view, &alias, &events).stamp;
                    let key = format!("alias-{}-{}-{}", alias.region, alias.function, alias.alias);
                    rows.push(html! {
                        <AliasLane {key}
                            source={props.source.clone()} {alias} {events} {stamp} y={y} window={w} width={props.width} clip={props.clip.clone()} />
                    });
                }
            }
            y += LANE;
        }
    }
    html! { <g class="lanes">{for rows}</g> }
}
