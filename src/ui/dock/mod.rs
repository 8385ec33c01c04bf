//! The dock: the AWS CLI console, the platform logs of the selected version, the event history,
//! and the Template tab (a CloudFormation or SAM template deployed as a stack).

mod console;
mod events;
mod logs;
mod template;

use yew::prelude::*;

use console::Console;
use events::Events;
use logs::Logs;
use template::Template;

use super::state::{use_dispatch, use_shown, Action, DockTab};

#[component]
pub fn Dock() -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let tab_button = |t: DockTab, label: &'static str, testid: &'static str| {
        let dispatch = dispatch.clone();
        let active = shown.tab == t;
        html! {
            <button role="tab" aria-selected={active.to_string()} class={classes!("tab", active.then_some("active"))} data-testid={testid}
                onclick={Callback::from(move |_| dispatch.dispatch(Action::ShowTab(t)))}>{label}</button>
        }
    };
    html! {
        <section class="dock" aria-label="Dock">
            <div class="tabs" role="tablist">
                {tab_button(DockTab::Console, "Console", "tab-console")}
                {tab_button(DockTab::Logs, "Platform logs", "tab-logs")}
                {tab_button(DockTab::Events, "Event history", "tab-events")}
                {tab_button(DockTab::Template, "Template", "tab-template")}
            </div>
            <div class="dock-body" role="tabpanel">
                {match shown.tab {
                    DockTab::Console => html! { <Console /> },
                    DockTab::Logs => html! { <Logs /> },
                    DockTab::Events => html! { <Events /> },
                    DockTab::Template => html! { <Template /> },
                }}
            </div>
        </section>
    }
}
