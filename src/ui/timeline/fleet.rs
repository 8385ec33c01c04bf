//! The fleet view: for each region and runtime, a stacked area of how many function versions
//! run each runtime version over the window, with the rollouts' phases marked, so a fleet of
//! thousands reads at a glance. Choosing a band (a click on the chart, or its legend button)
//! lists the versions in it at that moment.

use yew::prelude::*;

use crate::model::decimal::fixed;

use super::axis::Axis;
use super::window::{label_rows, label_width, px, Scale, Window, LABEL};
use super::AXIS;
use crate::model::query::{self, FleetChart};
use crate::model::{RuntimeId, Timestamp};
use crate::ui::chip::use_colours;
use crate::ui::state::{use_dispatch, use_shown, Action};

const CHART: f64 = 96.0;
/// [choice] Samples per chart: about one every six pixels.
const PIXELS_PER_SAMPLE: f64 = 6.0;
/// A chosen band lists this many versions, then says how many more.
const LISTED: usize = 60;

#[derive(Properties, PartialEq)]
pub struct FleetProps {
    pub window: Window,
    pub width: f64,
    /// The time on screen (a band chosen from its legend is read there).
    pub now: Timestamp,
}

/// A chosen band: its chart, runtime version and moment.
#[derive(Clone, PartialEq)]
struct Chosen {
    region: String,
    runtime: RuntimeId,
    number: u32,
    at: Timestamp,
}

#[component]
pub fn Fleet(props: &FleetProps) -> Html {
    let colours = use_colours();
    let shown = use_shown();
    let dispatch = use_dispatch();
    let chosen = use_state(|| None::<Chosen>);
    let view = shown.view();
    let w = props.window;
    let sc = Scale { w, width: props.width };
    let samples = (((props.width - LABEL) / PIXELS_PER_SAMPLE) as usize).clamp(2, 400);
    // Nothing is drawn past the time on screen.
    let to = Timestamp(w.to.min(props.now.0.max(w.from)));
    let charts = query::fleet(&view, Timestamp(w.from), to, samples);
    if charts.is_empty() {
        return html! { <p class="empty">{"No function versions yet: the fleet view counts them by runtime version."}</p> };
    }
    let catalogue = view.catalogue();
    let chart_view = |c: &FleetChart| {
        let runtime_name = catalogue[c.runtime].id.clone();
        let peak = c
            .times
            .iter()
            .enumerate()
            .map(|(k, _)| c.bands.iter().map(|(_, n)| n[k]).sum::<u32>())
            .max()
            .unwrap_or(0)
            .max(1);
        let y = |v: u32| AXIS + CHART - v as f64 / peak as f64 * CHART;
        let mut below = vec![0u32; c.times.len()];
        let mut areas = Vec::new();
        for (number, counts) in &c.bands {
            let above: Vec<u32> = below.iter().zip(counts).map(|(b, n)| b + n).collect();
            let mut points: Vec<String> = c
                .times
                .iter()
                .zip(&above)
                .map(|(t, v)| format!("{},{}", fixed(sc.x(t.0), 1), fixed(y(*v), 1)))
                .collect();
            points.extend(
                c.times.iter().zip(&below).rev().map(|(t, v)| format!("{},{}", fixed(sc.x(t.0), 1), fixed(y(*v), 1))),
            );
            let onclick = {
                let (chosen, region, runtime, number) = (chosen.clone(), c.region.clone(), c.runtime, *number);
                let (from, span, plot) = (w.from, (w.to - w.from) as f64, props.width - LABEL);
                Callback::from(move |e: MouseEvent| {
                    let at = from + (((e.offset_x() as f64 - LABEL) / plot).clamp(0.0, 1.0) * span) as i64;
                    chosen.set(Some(Chosen { region: region.clone(), runtime, number, at: Timestamp(at) }));
                })
            };
            areas.push(html! {
                <polygon class="band" points={points.join(" ")} fill={colours.colour(c.runtime, *number)} {onclick}
                    data-testid="fleet-band" data-runtime-version={format!("{runtime_name}.v{number}")}>
                    <title>{format!("{} v{number}: click to list its function versions at that moment", runtime_name)}</title>
                </polygon>
            });
            below = above;
        }
        // Each release's phase 1 start, phase 2 start and end; labels that would run into one
        // another take the next row down (17 px: the text with its 3 px halo).
        let mut marks: Vec<(Timestamp, &'static str, String)> = Vec::new();
        for (n, p1, p2, end) in c.phases.iter().filter(|(_, p1, _, end)| p1.0 <= w.to && end.0 >= w.from) {
            marks.push((*p1, "p1", format!("P1 v{n}")));
            if p2 != end {
                marks.push((*p2, "p2", "P2".into()));
                marks.push((*end, "p2-end", "P2 ends".into()));
            }
        }
        marks.retain(|(t, _, _)| t.0 >= w.from && t.0 <= w.to);
        let spans: Vec<(f64, f64)> = marks.iter().map(|(t, _, label)| (sc.x(t.0) + 3.0, label_width(label))).collect();
        let phases = marks.into_iter().zip(label_rows(&spans)).map(|((t, class, label), row)| {
            let x = sc.x(t.0);
            html! {
                <g class={classes!("fleet-phase", class)}>
                    <line x1={px(x)} x2={px(x)} y1={px(AXIS)} y2={px(AXIS + CHART)} />
                    <text x={px(x + 3.0)} y={px(AXIS + 10.0 + 17.0 * row as f64)}>{label}</text>
                </g>
            }
        });
        let latest: Vec<(u32, u32)> =
            c.bands.iter().map(|(n, counts)| (*n, counts.last().copied().unwrap_or(0))).collect();
        let total: u32 = latest.iter().map(|(_, n)| n).sum();
        let height = AXIS + CHART + 6.0;
        let key = format!("{}-{}", c.region, runtime_name);
        html! {
            <section class="fleet-chart" key={key.clone()} aria-label={format!("{} {}", c.region, runtime_name)} data-testid="fleet-chart"
                data-region={c.region.clone()} data-runtime={runtime_name.clone()}>
                <svg class="timeline-svg fleet-svg" viewBox={format!("0 0 {} {}", px(props.width), px(height))} width={px(props.width)} height={px(height)}
                    role="group" aria-label={format!("Function versions on {runtime_name} in {} by runtime version over time", c.region)}>
                    <Axis window={w} width={props.width} {height} />
                    <text class="fleet-label" x="10" y={px(AXIS + 14.0)}>{c.region.clone()}</text>
                    <text class="fleet-label runtime" x="10" y={px(AXIS + 30.0)}>{runtime_name.clone()}</text>
                    <text class="fleet-label count" x="10" y={px(AXIS + 46.0)}>{format!("{total} versions")}</text>
                    {for areas}
                    {for phases}
                </svg>
                <ul class="legend fleet-legend" aria-label={format!("Runtime versions of {runtime_name} in {}", c.region)}>
                    for (number, count) in latest.iter().copied() {
                        <li key={number}>
                            <button class="legend-choose" data-testid="fleet-legend" onclick={{
                                let (chosen, region, runtime, at) = (chosen.clone(), c.region.clone(), c.runtime, to);
                                Callback::from(move |_: MouseEvent| chosen.set(Some(Chosen { region: region.clone(), runtime, number, at })))
                            }}>
                                <span class={format!("chip c{}", colours.slot(c.runtime, number))}>{format!("{runtime_name}.v{number}")}</span>
                                {format!(" {count}")}
                            </button>
                        </li>
                    }
                </ul>
            </section>
        }
    };
    let members = (*chosen).clone().map(|ch| {
        let ids = query::fleet_members(&view, &ch.region, ch.runtime, ch.number, ch.at);
        let runtime_name = catalogue[ch.runtime].id.clone();
        let rows = ids.iter().take(LISTED).filter_map(|id| view.version(*id).map(|v| (*id, v)));
        html! {
            <div class="fleet-members" data-testid="fleet-members" role="region" aria-label="Function versions in the chosen band">
                <p>
                    {format!("{} function versions ran {runtime_name}.v{} in {} at {}", ids.len(), ch.number, ch.region, ch.at.rfc3339())}
                    if ids.len() > LISTED { {format!(" (the first {LISTED} by name)")} }
                    {":"}
                </p>
                <ul>
                    for (id, v) in rows {
                        <li key={id.to_string()}>
                            <button class="small" onclick={{
                                let dispatch = dispatch.clone();
                                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Select(Some(id))))
                            }}>{format!("{}:{}", v.function_name, v.qualifier)}</button>
                        </li>
                    }
                </ul>
            </div>
        }
    });
    html! {
        <div class="fleet" data-testid="fleet">
            {for charts.iter().map(chart_view)}
            {members}
        </div>
    }
}
