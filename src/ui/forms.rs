//! Small form helpers. A form builds typed commands; the session runs them as the console runs
//! typed lines and shows their canonical console text: one history, one share link.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{Notice, Origin};
use crate::cli::Line;
use crate::model::{Command, Directive, Request};

/// An API call in a region, as a click.
pub fn api(region: &str, request: Request) -> Line {
    Line::command(Command::Api { region: region.to_string(), request })
}

/// A playground directive in a region, as a click.
pub fn sim(region: &str, directive: Directive) -> Line {
    Line::command(Command::Sim { region: region.to_string(), directive })
}

/// A text field bound to a `UseStateHandle<String>`.
pub fn on_text(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            state.set(input.value());
        }
    })
}

/// A select bound to a `UseStateHandle<String>`.
pub fn on_select(state: &UseStateHandle<String>) -> Callback<Event> {
    let state = state.clone();
    Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            state.set(select.value());
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<Notice>,
    pub origin: Origin,
}

/// The outcome of the last action taken here: AWS's error code and message, or what succeeded.
/// A command as a notice shows it: a here-document (a saved template) by its first line and
/// its length, not the whole file.
fn first_line(command: &str) -> String {
    match command.split_once('\n') {
        Some((first, _)) => format!("{first} … ({} lines)", command.lines().count()),
        None => command.to_string(),
    }
}

#[component]
pub fn NoticeView(props: &NoticeProps) -> Html {
    let Some(n) = props.notice.as_ref().filter(|n| n.origin == props.origin) else { return html! {} };
    match &n.result.error() {
        Some(e) => html! {
            <div class="notice error" role="alert" data-testid="error">
                <strong class="code">{e.code.clone()}</strong>
                <span class="message">{e.message.clone()}</span>
                <code class="line">{first_line(&n.result.command)}</code>
            </div>
        },
        None => html! {
            <div class="notice ok" role="status">
                <span class="message">{"Done: "}</span><code class="line">{first_line(&n.result.command)}</code>
            </div>
        },
    }
}

/// Said where changes are made while time travel shows the past: nothing is changed there
/// silently; Back to live returns to the live clock.
#[component]
pub fn PastNote() -> Html {
    let shown = super::state::use_shown();
    let dispatch = super::state::use_dispatch();
    let Some(at) = shown.looking_at() else { return html! {} };
    let back = Callback::from(move |_: MouseEvent| dispatch.dispatch(super::state::Action::Travel(None)));
    html! {
        <p class="past-note" role="note" data-testid="past-note">
            {format!("You are looking at {}: changes are made at the live clock. ", at.rfc3339())}
            <button class="small" onclick={back}>{"Back to live"}</button>
        </p>
    }
}
