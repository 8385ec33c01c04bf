use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::ui::state::{Action, Dispatch};

/// Real milliseconds between two clock ticks while playing.
const TICK_MS: u32 = 100;

/// Drives the simulated clock while the playground is playing.
#[hook]
pub fn use_clock(playing: bool, dispatch: Dispatch) {
    use_effect_with(playing, move |&playing| {
        let interval = playing.then(|| Interval::new(TICK_MS, move || dispatch.dispatch(Action::Tick(TICK_MS as f64))));
        move || drop(interval)
    });
}
