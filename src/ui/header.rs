//! The header: tours, the simulated clock with play / pause / step / speed, time travel, share.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::recent::RecentSessions;
use super::share_popover::SharePopover;
use super::state::{use_clock_context, use_dispatch, use_mount, use_shown, Action, SPEEDS};
use crate::app::scenario::BUILTIN;
use crate::model::time::MINUTE;
use crate::model::Timestamp;

#[component]
pub fn Header() -> Html {
    let clock = use_clock_context();
    let mount = use_mount();
    let playground = use_shown();
    let state = use_dispatch();
    let sharing = use_state(|| false);
    let menu_open = use_state(|| false);
    let share_button = use_node_ref();
    let (start, live, shown) = (clock.start, clock.live, clock.shown);

    let onplay = {
        let state = state.clone();
        let playing = clock.playing;
        Callback::from(move |_: MouseEvent| state.dispatch(Action::SetPlaying(!playing)))
    };
    let onstep = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Step))
    };
    let onspeed = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlSelectElement>().and_then(|s| s.value().parse().ok()) {
                state.dispatch(Action::SetSpeed(i));
            }
        })
    };
    let ontravel = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Ok(minutes) = input.value().parse::<i64>() else { return };
            let t = Timestamp(start.0 + minutes * MINUTE);
            state.dispatch(Action::Travel(if t >= live { None } else { Some(t) }));
        })
    };
    let onlive = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Travel(None)))
    };
    // A tour replaces the session: over work in progress, it asks first.
    let asking = use_state(|| None::<String>);
    let lines = playground.session().lines_run();
    let ontour = {
        let (state, asking) = (state.clone(), asking.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let id = select.value();
                if !id.is_empty() {
                    if lines > 0 {
                        asking.set(Some(id));
                    } else {
                        state.dispatch(Action::StartTour(id));
                    }
                }
                select.set_value("");
            }
        })
    };
    let confirm_view = (*asking).clone().map(|id| {
        let title = BUILTIN.iter().find(|(t, _, _)| *t == id).map_or("", |(_, title, _)| *title);
        let start = {
            let (state, asking) = (state.clone(), asking.clone());
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::StartTour(id.clone()));
                asking.set(None);
            })
        };
        let cancel = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(None))
        };
        html! {
            <div class="share-pop" role="alertdialog" aria-label="Start the tour?" data-testid="tour-confirm">
                <p>{format!("Start \u{201c}{title}\u{201d}? The tour starts a new session; this one ({lines} lines) is kept in Recent sessions.")}</p>
                <div class="share-actions">
                    <button class="btn" onclick={start} data-testid="tour-confirm-start">{"Start the tour"}</button>
                    <button class="btn" onclick={cancel}>{"Cancel"}</button>
                </div>
            </div>
        }
    });
    let onshare = {
        let sharing = sharing.clone();
        Callback::from(move |_: MouseEvent| sharing.set(!*sharing))
    };
    let on_close = {
        let (sharing, share_button) = (sharing.clone(), share_button.clone());
        Callback::from(move |_: ()| {
            sharing.set(false);
            // Focus goes back where it came from.
            if let Some(b) = share_button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let span = ((live.0 - start.0) / MINUTE).max(1);
    let position = (shown.0 - start.0) / MINUTE;

    html! {
        <header class="header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{"λ"}</span>
                <h1>{"Lambda Runtime Playground"}</h1>
            </div>
            if !mount.embedded {
            // On a narrow screen the tours, Recent and Share fold into this menu.
            <button class="btn menu-toggle" id={mount.id("menu")} data-testid="menu" aria-expanded={menu_open.to_string()} aria-controls={mount.id("header-more")}
                onclick={{ let m = menu_open.clone(); Callback::from(move |_: MouseEvent| m.set(!*m)) }}>{"☰ Menu"}</button>
            <div class={classes!("header-more", menu_open.then_some("open"))} id={mount.id("header-more")}>
            <label class="tour-picker">
                <span class="visually-hidden">{"Guided tour"}</span>
                <select onchange={ontour} id={mount.id("tour-picker")} data-testid="tour-picker">
                    <option value="" selected=true>{"Guided tours…"}</option>
                    for (id, title, _) in BUILTIN.iter() {
                        <option value={*id}>{*title}</option>
                    }
                </select>
            </label>
            <RecentSessions />
            <button class="btn share-button" ref={share_button} onclick={onshare} data-testid="share" aria-expanded={sharing.to_string()}>{"Share"}</button>
            </div>
            }
            <div class="controls" role="group" aria-label="Simulated clock">
                // Looking at the past, the clock's buttons would act at the live clock: Back to live first.
                <button data-testid="play" class="btn" onclick={onplay} aria-pressed={clock.playing.to_string()} disabled={clock.past}
                    title={clock.past.then_some("Looking at the past: Back to live first")}>
                    {if clock.playing { "❚❚ Pause" } else { "▶ Play" }}
                </button>
                <button class="btn" onclick={onstep} data-testid="step" disabled={clock.past}
                    title={if clock.past { "Looking at the past: Back to live first".to_string() } else { format!("Advance {}", SPEEDS[clock.speed].1.trim_end_matches("/s")) }}>{"Step"}</button>
                <label>
                    <span class="visually-hidden">{"Speed"}</span>
                    <select class="speed" onchange={onspeed} data-testid="speed">
                        for (i, (_, label)) in SPEEDS.iter().enumerate() {
                            <option value={i.to_string()} selected={i == clock.speed}>{*label}</option>
                        }
                    </select>
                </label>
                <time class={classes!("clock", clock.past.then_some("past"))} data-testid="clock" datetime={shown.rfc3339()}>
                    {shown.rfc3339()}
                </time>
                <label class="travel">
                    <span class="visually-hidden">{"Time travel"}</span>
                    <input type="range" min="0" max={span.to_string()} step="1" value={position.to_string()}
                        oninput={ontravel} data-testid="time-travel" aria-valuetext={shown.rfc3339()} />
                </label>
                if clock.past {
                    <button class="btn live" onclick={onlive} data-testid="live">{"Back to live"}</button>
                }
                if mount.embedded {
                    <OpenInPlayground />
                }
            </div>
            {for confirm_view}
            if *sharing {
                <SharePopover {on_close} />
            }
        </header>
    }
}

/// An embed's way out: the same session, opened in the playground's own page in a new tab.
#[component]
fn OpenInPlayground() -> Html {
    let shown = use_shown();
    let href = use_state(|| None::<String>);
    {
        let (href, script, view) = (href.clone(), shown.session().script(), shown.link_view());
        use_effect_with(shown.revision(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let link = crate::app::share::Link { model: crate::model::MODEL_VERSION, view, script };
                let fragment = super::share::fragment(&link).await.unwrap_or_default();
                href.set(super::share::base_url(true).map(|base| format!("{base}{fragment}")));
            });
        });
    }
    html! {
        <a class="btn" href={(*href).clone().unwrap_or_default()} target="_blank" rel="noopener" data-testid="open-in-playground">
            {"Open in the playground"}
        </a>
    }
}
