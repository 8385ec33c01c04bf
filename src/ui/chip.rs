//! Runtime version chips and mode badges: colour helps, text carries the meaning.

use yew::prelude::*;

use std::rc::Rc;

use crate::model::{RuntimeId, RuntimeVersionRef, UpdateRuntimeOn};

/// Ten colours for runtime versions. Any two stay at least 19 apart (CIE76 ΔE) in normal vision
/// and in simulated protanopia, deuteranopia and tritanopia (Machado 2009); each carries white
/// text at 4.5:1 or more; none is within 25 of a status colour (failing red, Auto green,
/// FunctionUpdate blue, Manual orange) and none is a red or a green. Ordered so that every
/// prefix is as far apart as ten allow: a session with few runtime versions gets the most
/// distinct ones. A browser test (tests/web.rs) measures all of this.
pub const PALETTE: [&str; 10] =
    ["#2d69f0", "#692d00", "#2d4b5a", "#690f78", "#87690f", "#4b1ea5", "#4b3c2d", "#a54b96", "#875ac3", "#2d7869"];

/// The session's runtime versions in the order they first ran, which is the order they take
/// the palette in: a version's colour never changes as the session grows, two runtimes'
/// versions never share one while a session has run ten or fewer, and a rollout from v14 to
/// v15 is always a change of colour.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Colours(Rc<[RuntimeVersionRef]>);

impl Colours {
    pub fn new(seen: &[RuntimeVersionRef]) -> Colours {
        Colours(seen.into())
    }

    /// The palette entry of a runtime version (its chip's class `c<slot>`). [choice] After ten,
    /// colours repeat (the legend says so); the chips' names still tell versions apart.
    pub fn slot(&self, runtime: RuntimeId, number: u32) -> usize {
        let at = self.0.iter().position(|&rv| rv == (runtime, number));
        // A version no function has run (none is drawn today) still gets a stable entry.
        at.unwrap_or(self.0.len() + runtime.index() * 3 + number as usize) % PALETTE.len()
    }

    pub fn colour(&self, runtime: RuntimeId, number: u32) -> &'static str {
        PALETTE[self.slot(runtime, number)]
    }

    /// More runtime versions than colours: some repeat.
    pub fn repeat(&self) -> bool {
        self.0.len() > PALETTE.len()
    }
}

/// The playground's colours (the default, outside one, is an empty session's).
#[hook]
pub fn use_colours() -> Colours {
    use_context::<Colours>().unwrap_or_default()
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
    let colours = use_colours();
    let class = format!("chip c{}", colours.slot(props.runtime, props.number));
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
