//! Runtime version chips and mode badges: colour helps, text carries the meaning.

use yew::prelude::*;

use crate::model::{RuntimeId, UpdateRuntimeOn};

/// Dark enough for white text, and far apart in hue from one entry to the next.
/// No reds and no greens: those mean "failing" and "Auto" elsewhere in the UI.
pub const PALETTE: [&str; 10] =
    ["#0f6cbd", "#7a3fbf", "#00707a", "#a8126b", "#8a6100", "#3d4fc4", "#b4380a", "#4f5d73", "#2b7a99", "#6a3d9a"];

/// A stable colour per runtime version. Consecutive versions of a runtime take consecutive
/// palette entries, so a rollout from v14 to v15 is always a change of colour.
pub fn version_colour(runtime: RuntimeId, number: u32) -> &'static str {
    PALETTE[slot(runtime, number)]
}

/// The palette entry of a runtime version (its chip's class `c<slot>`).
pub fn slot(runtime: RuntimeId, number: u32) -> usize {
    (runtime.index() * 3 + number as usize) % PALETTE.len()
}

#[derive(Properties, PartialEq)]
pub struct ChipProps {
    pub runtime: RuntimeId,
    pub number: u32,
    pub label: AttrValue,
}

#[component]
pub fn VersionChip(props: &ChipProps) -> Html {
    // A class per palette entry, not a style attribute: the bundle runs under a CSP without
    // inline styles (static/style.css holds the same colours; a test keeps them equal).
    let class = format!("chip c{}", slot(props.runtime, props.number));
    html! { <span {class}>{props.label.clone()}</span> }
}

#[derive(Properties, PartialEq)]
pub struct BadgeProps {
    pub mode: UpdateRuntimeOn,
}

#[component]
pub fn ModeBadge(props: &BadgeProps) -> Html {
    let class = match props.mode {
        UpdateRuntimeOn::Auto => "badge auto",
        UpdateRuntimeOn::FunctionUpdate => "badge function-update",
        UpdateRuntimeOn::Manual => "badge manual",
    };
    html! { <span {class} title="UpdateRuntimeOn">{props.mode.as_str()}</span> }
}
