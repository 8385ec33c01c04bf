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

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Console,
    Logs,
    Events,
    Template,
}

#[component]
pub fn Dock() -> Html {
    // `?tab=logs` or `?tab=events` opens another tab first (documentation pages, screenshots).
    let tab = use_state(|| {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        match search.split(['?', '&']).find_map(|p| p.strip_prefix("tab=")) {
            Some("logs") => Tab::Logs,
            Some("events") => Tab::Events,
            Some("template") => Tab::Template,
            _ => Tab::Console,
        }
    });
    // "Start from a template" (the empty timeline) opens the Template tab.
    let shown = crate::ui::state::use_shown();
    {
        let tab = tab.clone();
        use_effect_with(shown.template_asked, move |asked| {
            if *asked > 0 {
                tab.set(Tab::Template);
            }
        });
    }
    let tab_button = |t: Tab, label: &'static str, testid: &'static str| {
        let tab = tab.clone();
        let active = *tab == t;
        html! {
            <button role="tab" aria-selected={active.to_string()} class={classes!("tab", active.then_some("active"))} data-testid={testid}
                onclick={Callback::from(move |_| tab.set(t))}>{label}</button>
        }
    };
    html! {
        <section class="dock" aria-label="Dock">
            <div class="tabs" role="tablist">
                {tab_button(Tab::Console, "Console", "tab-console")}
                {tab_button(Tab::Logs, "Platform logs", "tab-logs")}
                {tab_button(Tab::Events, "Event history", "tab-events")}
                {tab_button(Tab::Template, "Template", "tab-template")}
            </div>
            <div class="dock-body" role="tabpanel">
                {match *tab {
                    Tab::Console => html! { <Console /> },
                    Tab::Logs => html! { <Logs /> },
                    Tab::Events => html! { <Events /> },
                    Tab::Template => html! { <Template /> },
                }}
            </div>
        </section>
    }
}
