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

use wasm_bindgen::JsCast;

use super::state::{use_dispatch, use_mount, use_shown, Action, DockTab};

#[component]
pub fn Dock() -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let mount = use_mount();
    let panel_id = mount.id("dock-panel");
    let tabs = use_node_ref();
    // WAI-ARIA tabs: one tab stop; the arrow keys, Home and End move between tabs and show them.
    let onkeydown = {
        let (dispatch, tabs) = (dispatch.clone(), tabs.clone());
        let at = DockTab::ALL.iter().position(|t| *t == shown.tab).unwrap_or(0);
        Callback::from(move |e: KeyboardEvent| {
            let n = DockTab::ALL.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (at + 1) % n,
                "ArrowLeft" => (at + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::ShowTab(DockTab::ALL[next]));
            if let Some(tab) = tabs.cast::<web_sys::Element>().and_then(|t| t.children().item(next as u32)) {
                if let Ok(tab) = tab.dyn_into::<web_sys::HtmlElement>() {
                    let _ = tab.focus();
                }
            }
        })
    };
    let tab_button = |t: DockTab, label: &'static str, testid: &'static str| {
        let dispatch = dispatch.clone();
        let active = shown.tab == t;
        html! {
            <button role="tab" aria-selected={active.to_string()} aria-controls={panel_id.clone()} tabindex={if active { "0" } else { "-1" }}
                class={classes!("tab", active.then_some("active"))} data-testid={testid}
                onclick={Callback::from(move |_| dispatch.dispatch(Action::ShowTab(t)))}>{label}</button>
        }
    };
    html! {
        <section class="dock" aria-label="Dock">
            <div class="tabs" role="tablist" aria-label="Dock" ref={tabs} {onkeydown}>
                {tab_button(DockTab::Console, "Console", "tab-console")}
                {tab_button(DockTab::Logs, "Platform logs", "tab-logs")}
                {tab_button(DockTab::Events, "Event history", "tab-events")}
                {tab_button(DockTab::Template, "Template", "tab-template")}
            </div>
            <div class="dock-body" role="tabpanel" id={panel_id.clone()}>
                {match shown.tab {
                    DockTab::Console => html! { <Console /> },
                    DockTab::Logs => html! { <Logs /> },
                    DockTab::Events => html! { <Events /> },
                    DockTab::Template => html! {},
                }}
                // The Template tab stays mounted, hidden: a draft in its editor, and its stack,
                // parameters and capabilities, outlive a look at the console.
                <div class="dock-keep" hidden={shown.tab != DockTab::Template}><Template /></div>
            </div>
        </section>
    }
}
