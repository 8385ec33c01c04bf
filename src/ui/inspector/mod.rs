//! The inspector: the Lambda console's "Runtime settings" for the selected function version,
//! its actions, and the form that creates a function.

mod aliases;
mod code;
mod configuration;
mod create;
mod deploy;
mod runtime_management;
mod settings;
mod target;
mod traffic;

use yew::prelude::*;

use super::forms::{NoticeView, PastNote};
use super::state::{use_clock_context, use_dispatch, use_shown, Action, Origin};
use crate::model::catalogue::{Catalogue, Runtime, RuntimeId};
use crate::model::query::{self, Lifecycle};
use crate::model::time::DAY;
use crate::model::Timestamp;
use create::CreateFunction;
use settings::VersionSettings;

/// The console's lifecycle warning for a runtime at `now`, if any.
pub fn lifecycle_warning(r: &Runtime, now: Timestamp) -> Option<String> {
    let day = |t: Timestamp| t.rfc3339()[..10].to_string();
    match query::lifecycle(r, now) {
        Lifecycle::Supported => None,
        Lifecycle::UpdateBlocked { since } => {
            Some(format!("{} is deprecated: creating and updating functions is blocked since {}.", r.id, day(since)))
        }
        Lifecycle::CreateBlocked { since, update_blocked_from } => Some(format!(
            "{} is deprecated: creating functions is blocked since {}; updates are blocked from {}.",
            r.id,
            day(since),
            day(update_blocked_from)
        )),
        Lifecycle::Deprecated { on, create_blocked_from } => Some(format!(
            "{} reached deprecation on {}: create is blocked from {}.",
            r.id,
            day(on),
            day(create_blocked_from)
        )),
    }
}

#[derive(Properties, PartialEq)]
pub struct LifecycleProps {
    pub runtime: RuntimeId,
}

/// The runtime's deprecation warning as of the time on screen: the one part of the settings
/// that follows the clock.
#[component]
pub fn LifecycleWarning(props: &LifecycleProps) -> Html {
    let clock = use_clock_context();
    let runtime = &Catalogue::builtin()[props.runtime];
    match lifecycle_warning(runtime, clock.shown) {
        Some(w) => html! { <p class="warning" role="note" data-testid="lifecycle-warning">{w}</p> },
        None => html! {},
    }
}

/// The start of the day: lifecycle warnings change at most daily, so forms re-render daily.
fn today(t: Timestamp) -> Timestamp {
    Timestamp(t.0.div_euclid(DAY) * DAY)
}

/// The selected version's settings, or the create form when nothing is selected.
#[component]
pub fn Inspector() -> Html {
    let shown = use_shown();
    let clock = use_clock_context();
    let dispatch = use_dispatch();
    let creating = use_state(|| false);
    let selected = shown.selected.filter(|&id| shown.view().version(id).is_some());
    let toggle = {
        let creating = creating.clone();
        Callback::from(move |_: MouseEvent| {
            creating.set(!*creating);
            dispatch.dispatch(Action::Select(None));
        })
    };
    html! {
        <div class="inspector">
            <PastNote />
            if !shown.readonly {
                <div class="inspector-bar">
                    <button class={classes!("action", (*creating || selected.is_none()).then_some("open"))} onclick={toggle} data-testid="create-function">{"Create function"}</button>
                </div>
            }
            if let Some(id) = selected {
                <VersionSettings key={id.to_string()} {id} />
            } else if shown.readonly {
                <p class="empty">{"Select a function version to see its runtime settings."}</p>
            } else {
                <CreateFunction today={today(clock.live)} region={shown.region()} />
                <NoticeView notice={shown.notice.clone()} origin={Origin::Inspector} />
            }
        </div>
    }
}
