//! Recent sessions: the sessions a tour, a share link or "Start fresh" replaced, kept in the
//! page's storage (a few, newest first) and opened again from the header.

use yew::prelude::*;

use super::state::{use_dispatch, Action};
use super::storage;

#[component]
pub fn RecentSessions() -> Html {
    let dispatch = use_dispatch();
    let open = use_state(|| false);
    // Read when the menu opens: the list lives in storage, not in the playground's state.
    let list = if *open { storage::recent(&storage::Keys::page()) } else { Vec::new() };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    html! {
        <div class="recent" {onkeydown}>
            <button class="btn" onclick={toggle} aria-expanded={open.to_string()} aria-haspopup="true" data-testid="recent">{"Recent"}</button>
            if *open {
                <div class="share-pop recent-pop" role="dialog" aria-label="Recent sessions" data-testid="recent-sessions">
                    <p>{format!("Sessions a tour, a link or Start fresh replaced (the last {} are kept in this browser):", storage::RECENT_KEPT)}</p>
                    if list.is_empty() {
                        <p class="empty">{"None yet."}</p>
                    }
                    <ul>
                        for (i, saved) in list.iter().enumerate() {
                            <li key={format!("{i}-{}", saved.saved_at as i64)}>
                                <button class="btn" data-testid="recent-open" onclick={{
                                    let (dispatch, open) = (dispatch.clone(), open.clone());
                                    Callback::from(move |_: MouseEvent| {
                                        if let Some(saved) = storage::take_recent(&storage::Keys::page(), i) {
                                            dispatch.dispatch(Action::Load(saved.script.join("\n")));
                                        }
                                        open.set(false);
                                    })
                                }}>{"Open"}</button>
                                <span class="recent-when">{storage::when(saved.saved_at)}</span>
                                <span class="recent-what">{summary(&saved.script)}</span>
                            </li>
                        }
                    </ul>
                    <div class="share-actions">
                        <button class="btn" onclick={{ let open = open.clone(); Callback::from(move |_: MouseEvent| open.set(false)) }}>{"Close"}</button>
                    </div>
                </div>
            }
        </div>
    }
}

/// What a kept session holds, in a few words: its functions by name, else its first line.
fn summary(script: &[String]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for line in script.iter().filter(|l| l.contains("create-function")) {
        // The last --function-name wins, as in the AWS CLI.
        let at = line.rfind("--function-name ").map(|i| i + "--function-name ".len());
        if let Some(name) = at.and_then(|i| line[i..].split_whitespace().next()) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let what = match names.len() {
        0 => script.first().and_then(|l| l.lines().next()).unwrap_or_default().to_string(),
        1..=3 => format!("functions {}", names.join(", ")),
        n => format!("functions {} and {} more", names[..3].join(", "), n - 3),
    };
    format!("{} lines · {what}", script.len())
}
