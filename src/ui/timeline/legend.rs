//! The legend: the runtime versions drawn in the window, and what the markers mean.

use crate::model::order::Set;

use yew::prelude::*;

use super::window::Window;
use crate::ui::chip::{use_colours, VersionChip};
use crate::ui::state::Source;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub source: Source,
    pub revision: u64,
    pub window: Window,
}

/// The runtime versions drawn in the window, with what the markers mean.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let colours = use_colours();
    let view = props.source.view();
    let w = props.window;
    let mut shown = Set::new();
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
            if colours.repeat() {
                <li class="legend-note" data-testid="colours-repeat">{"Colours repeat after ten runtime versions: the names tell them apart."}</li>
            }
            <li class="legend-markers">{"● create  ■ code update  ▲ configuration  ◆ publish  ⚑ runtime management  ↺ rollback  ✕ delete  ▬ failed invocations"}</li>
        </ul>
    }
}
