use yew::prelude::*;

use super::chip::Colours;
use super::dock::Dock;
use super::functions::FunctionsPanel;
use super::header::Header;
use super::hooks::use_clock;
use super::inspector::Inspector;
use super::panel::Panel;
use super::releases::Releases;
use super::share;
use super::share::Opened;
use std::cell::RefCell;
use std::rc::Rc;

use super::state::{Action, Clock, Dispatch, DockTab, Mount, Playground, Shown};
use super::storage::{self, Found, Keys};
use super::timeline::Timeline;
use super::tour::TourCard;
use crate::app::embed_options::{EmbedOptions, Layout, Theme};
use crate::app::share::{Fragment, Read};
use crate::app::Session;
use crate::model::MODEL_VERSION;

/// What the page's query asks for: a tour at a step (`?tour=<id>&step=<n>`) and a dock tab
/// (`?tab=logs`), used by documentation pages and screenshots.
fn query_actions() -> Vec<Action> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return vec![] };
    let mut tour = None;
    let mut steps = 0usize;
    let mut tab = None;
    let mut fleet = false;
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("tour", id)) => tour = Some(id.to_string()),
            Some(("step", n)) => steps = n.parse().unwrap_or(0).min(50),
            Some(("tab", name)) => tab = DockTab::parse(name),
            Some(("timeline", "fleet")) => fleet = true,
            _ => {}
        }
    }
    let mut actions = Vec::new();
    if let Some(id) = tour {
        actions.push(Action::StartTour(id));
        actions.extend((0..steps).map(|_| Action::TourNext));
    }
    actions.extend(tab.map(Action::ShowTab));
    if fleet {
        actions.push(Action::ShowFleet(true));
    }
    actions
}

/// What a link said about itself that the reader should know.
fn link_notes(read: &Read) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(format) = &read.unknown_format {
        notes.push(format!(
            "This link was made by a newer playground (link format {format}); its script is read as far as this one understands it."
        ));
    }
    if read.cut {
        notes.push(format!(
            "This link was cut short: the first {} lines of its script were kept, the rest was lost.",
            read.link.script.len()
        ));
    }
    if read.link.model != 0 && read.link.model != MODEL_VERSION {
        notes.push(format!(
            "It was made with model version {}; this playground runs version {MODEL_VERSION}, so its replay may differ.",
            read.link.model
        ));
    }
    notes
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// An embedded playground's options; without them this is the page's own playground, and
    /// the page's address and storage decide what it opens.
    #[prop_or_default]
    pub embed: Option<Rc<EmbedOptions>>,
}

/// This playground's number on its page (from 1): it keeps element ids and landmark names unique.
fn next_instance() -> u32 {
    thread_local!(static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// [choice] An autoplayed tour moves to its next step this often.
const TOUR_AUTOPLAY_MS: u32 = 6_000;

/// A line above the workspace about the saved session: restored, kept aside, or not kept.
#[derive(Clone, Debug, PartialEq)]
struct Banner {
    message: String,
    warning: bool,
    /// Offer to bring back the session a tour or a link replaced.
    previous: bool,
    /// Offer to start over with an empty session.
    fresh: bool,
}

/// Restores the saved session on load, or keeps it aside when the URL opens something else.
fn restore(url_actions: Vec<Action>, dispatch: &Dispatch, keys: &Keys) -> Option<Banner> {
    if !url_actions.is_empty() {
        let kept = matches!(storage::read(&keys.current), Found::Saved(_)) && storage::keep_current(keys);
        for action in url_actions {
            dispatch.dispatch(action);
        }
        return kept.then(|| Banner {
            message: "This link opened a new session. Your previous one is kept in Recent sessions.".into(),
            warning: false,
            previous: true,
            fresh: false,
        });
    }
    match storage::read(&keys.current) {
        Found::Nothing => None,
        Found::Saved(saved) => {
            dispatch.dispatch(Action::Load(saved.script.join("\n")));
            // Saves before model versions were recorded come from version 1.
            let model = saved.model.max(1);
            let differs = if model == MODEL_VERSION {
                String::new()
            } else {
                format!(" It was saved with model version {model}; this playground runs version {MODEL_VERSION}, so its replay may differ.")
            };
            Some(Banner {
                message: format!("Restored your session from {}.{differs}", storage::when(saved.saved_at)),
                warning: false,
                previous: false,
                fresh: true,
            })
        }
        Found::Unreadable(text) => {
            let kept = storage::keep_raw(&keys.unreadable, &text);
            let message = if kept {
                format!("Your saved session could not be read; it is kept in this browser under {}.", keys.unreadable)
            } else {
                "Your saved session could not be read, and there was no room to keep it aside.".into()
            };
            Some(Banner { message, warning: true, previous: false, fresh: false })
        }
        Found::Unavailable => Some(Banner {
            message: "This browser keeps no storage for the page: the session is not saved across reloads.".into(),
            warning: true,
            previous: false,
            fresh: false,
        }),
    }
}

/// Writes the session where this playground keeps it.
fn save(keys: &Keys, session: &RefCell<Session>) {
    let script = session.borrow().script();
    if let Err(why) = storage::write(&keys.current, &script) {
        web_sys::console::warn_1(&format!("autosave: {why}").into());
    }
}

/// The playground: header, then functions | timeline | inspector and releases, then the dock.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(Playground::default);
    let dispatch: Dispatch = state.dispatcher();
    let clock: Clock = state.clock();
    // An embedded playground never reads or writes the page's address, nor its storage unless
    // the host opted in (under keys of the embed's own).
    let embedded = props.embed.is_some();
    let options = props.embed.clone().unwrap_or_default();
    let keys: Rc<Option<Keys>> = use_memo((), |_| match &props.embed {
        None => Some(Keys::page()),
        Some(o) => o.storage.as_deref().map(Keys::embed),
    });
    let mount =
        use_memo((), |_| Mount { embedded, layout: options.layout, theme: options.theme, instance: next_instance() });
    {
        // An autoplayed tour steps on its own until its end.
        let dispatch = dispatch.clone();
        let stepping = options.autoplay && options.tour.is_some();
        use_effect_with(stepping, move |stepping| {
            let interval = stepping.then(|| {
                gloo::timers::callback::Interval::new(TOUR_AUTOPLAY_MS, move || dispatch.dispatch(Action::TourNext))
            });
            move || drop(interval)
        });
    }
    let banner = use_state(|| None::<Banner>);
    // Sessions replaced on purpose (a restore, "Bring it back", "Start fresh"): not announced.
    let quiet = use_mut_ref(|| false);
    use_clock(clock.playing, dispatch.clone());
    {
        let state = dispatch.clone();
        let embed = props.embed.clone();
        let (banner, quiet, keys) = (banner.clone(), quiet.clone(), keys.clone());
        use_effect_with((), move |_| match embed {
            Some(o) => {
                state.dispatch(Action::SetReadonly(o.readonly));
                // An embed that keeps its session reopens it; its script is where "Start over" goes.
                let saved = (*keys).as_ref().filter(|k| matches!(storage::read(&k.current), Found::Saved(_)));
                match (&o.tour, saved) {
                    (_, Some(keys)) => {
                        *quiet.borrow_mut() = true;
                        banner.set(restore(Vec::new(), &state, keys));
                    }
                    (Some(id), None) => state.dispatch(Action::StartTour(id.clone())),
                    (None, None) => {
                        banner.set((*keys).as_ref().and_then(|k| restore(Vec::new(), &state, k)));
                        if !o.script.is_empty() {
                            state.dispatch(Action::Load(o.script.clone()));
                        }
                    }
                }
                if o.autoplay && o.tour.is_none() {
                    state.dispatch(Action::SetPlaying(true));
                }
            }
            None => {
                let keys = Keys::page();
                let fragment = share::location_fragment();
                if matches!(crate::app::share::read_fragment(&fragment), Fragment::None) {
                    let actions = query_actions();
                    // What restore dispatches replaces the session on purpose.
                    *quiet.borrow_mut() =
                        !actions.is_empty() || matches!(storage::read(&keys.current), Found::Saved(_));
                    banner.set(restore(actions, &state, &keys));
                    return;
                }
                // A share link: inflated by the browser, so it arrives a moment later.
                wasm_bindgen_futures::spawn_local(async move {
                    *quiet.borrow_mut() = true;
                    match share::open(&fragment).await {
                        Opened::Link(read) => {
                            let notes = link_notes(&read);
                            let kept =
                                matches!(storage::read(&keys.current), Found::Saved(_)) && storage::keep_current(&keys);
                            state.dispatch(Action::LoadLink(read.link));
                            // The query's view (?tab=, ?timeline=) still applies to a link.
                            for action in query_actions() {
                                if matches!(action, Action::ShowTab(_) | Action::ShowFleet(_)) {
                                    state.dispatch(action);
                                }
                            }
                            let mut message = notes.join(" ");
                            if kept {
                                message =
                                    format!("{message} This link opened a new session; your previous one is kept in Recent sessions.");
                            }
                            banner.set((!message.is_empty()).then(|| Banner {
                                message: message.trim().to_string(),
                                warning: !notes.is_empty(),
                                previous: kept,
                                fresh: false,
                            }));
                        }
                        Opened::Damaged | Opened::Nothing => {
                            *quiet.borrow_mut() = matches!(storage::read(&keys.current), Found::Saved(_));
                            let restored = restore(Vec::new(), &state, &keys).map(|b| format!(" {}", b.message));
                            banner.set(Some(Banner {
                                message: format!(
                                    "This share link could not be read: nothing in it was kept.{}",
                                    restored.unwrap_or_default()
                                ),
                                warning: true,
                                previous: false,
                                fresh: false,
                            }));
                        }
                    }
                });
            }
        });
    }
    let shown: Shown = state.shown();
    // Not on every clock tick: the list moves only with the session's contents.
    let session_id = Rc::as_ptr(&shown.session_handle()) as usize;
    let colours = (*use_memo((shown.revision(), session_id), |_| state.colours())).clone();
    let parents = use_memo((), |_| options.parents.clone());
    super::frame::use_host_messages(parents, dispatch.clone(), shown.clone());
    {
        // Saved half a second after the session last changed (never from the clock's tick: a
        // tick that changed nothing leaves the revision). A tour or a loaded link is a new
        // session: the one it replaced is kept first. A save still waiting when the playground
        // is unmounted is written then.
        let unsaved = use_mut_ref(|| None::<(gloo::timers::callback::Timeout, Rc<RefCell<Session>>)>);
        let session = shown.session_handle();
        let generation = std::rc::Rc::as_ptr(&session) as usize;
        let last_generation = use_mut_ref(|| None::<usize>);
        let (banner, quiet, saving, pending) = (banner.clone(), quiet.clone(), keys.clone(), unsaved.clone());
        use_effect_with((shown.revision(), generation), move |_| {
            let replaced = last_generation.borrow().is_some_and(|g| g != generation);
            *last_generation.borrow_mut() = Some(generation);
            let announce = replaced && !std::mem::take(&mut *quiet.borrow_mut());
            if let Some(keys) = (*saving).clone() {
                if announce && storage::keep_current(&keys) {
                    banner.set(Some(Banner {
                        message: if embedded {
                            "A new session started. Your previous one is kept.".into()
                        } else {
                            "A new session started. Your previous one is kept in Recent sessions.".into()
                        },
                        warning: false,
                        previous: true,
                        fresh: false,
                    }));
                }
                let (later, handle) = (pending.clone(), session.clone());
                let save = gloo::timers::callback::Timeout::new(500, move || {
                    later.borrow_mut().take();
                    save(&keys, &handle);
                });
                *pending.borrow_mut() = Some((save, session));
            }
        });
        let keys = keys.clone();
        use_effect_with((), move |_| {
            move || {
                if let (Some((waiting, session)), Some(keys)) = (unsaved.borrow_mut().take(), keys.as_ref()) {
                    waiting.cancel();
                    save(keys, &session);
                }
            }
        });
    }
    let banner_view = (*banner).clone().map(|b| {
        let close = {
            let banner = banner.clone();
            Callback::from(move |_: MouseEvent| banner.set(None))
        };
        let keys = (*keys).clone().unwrap_or_else(Keys::page);
        let bring_back = {
            let (banner, dispatch, quiet, keys) = (banner.clone(), dispatch.clone(), quiet.clone(), keys.clone());
            Callback::from(move |_: MouseEvent| {
                *quiet.borrow_mut() = true;
                // The session being replaced becomes the one to bring back in turn.
                if let Some(previous) = storage::take_recent(&keys, 0) {
                    dispatch.dispatch(Action::Load(previous.script.join("\n")));
                }
                banner.set(None);
            })
        };
        // The page starts empty; an embed starts over from the script its page gave it.
        let fresh = {
            let (banner, dispatch, quiet, script) = (banner.clone(), dispatch.clone(), quiet.clone(), options.script.clone());
            Callback::from(move |_: MouseEvent| {
                *quiet.borrow_mut() = true;
                let kept = storage::keep_current(&keys);
                dispatch.dispatch(Action::Load(script.clone()));
                banner.set((embedded && kept).then(|| Banner {
                    message: "Started over. Your previous session is kept.".into(),
                    warning: false,
                    previous: true,
                    fresh: false,
                }));
            })
        };
        html! {
            <div class={classes!("banner", b.warning.then_some("warning"))} role="status" data-testid="banner">
                <span>{b.message.clone()}</span>
                if b.previous { <button class="small" onclick={bring_back} data-testid="bring-back">{"Bring it back"}</button> }
                if b.fresh { <button class="small" onclick={fresh} data-testid="start-fresh">{if embedded { "Start over" } else { "Start fresh" }}</button> }
                <button class="close" onclick={close} aria-label="Dismiss">{"×"}</button>
            </div>
        }
    });
    let layout = mount.layout;
    let (root, workspace) = if embedded { ("section", "div") } else { ("div", "main") };
    let theme = match mount.theme {
        Theme::Auto => None,
        Theme::Light => Some("theme-light"),
        Theme::Dark => Some("theme-dark"),
    };
    let class = classes!(
        "playground",
        embedded.then_some("embedded"),
        theme,
        match layout {
            Layout::Full => "layout-full",
            Layout::Timeline => "layout-timeline",
            Layout::Console => "layout-console",
        }
    );
    html! {
        <ContextProvider<Mount> context={(*mount).clone()}>
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Clock> context={clock}>
        <ContextProvider<Shown> context={shown}>
        <ContextProvider<Colours> context={colours}>
            // An embed is a region of its host page: the page keeps its own main and banner landmarks.
            <@{root} {class} aria-label={embedded.then(|| mount.name())}>
            <div class="shell">
                if !embedded {
                    <a class="skip-link" href={format!("#{}", mount.id("workspace"))}>{"Skip to the workspace"}</a>
                }
                <div class="top">
                    <Header />
                    {for banner_view}
                </div>
                {match layout {
                    Layout::Full => html! {
                        <>
                        <@{workspace} class="workspace" id={mount.id("workspace")} tabindex="-1">
                            <Panel id="functions" title="Functions"><FunctionsPanel /></Panel>
                            <Panel id="timeline-panel" title="Timeline"><Timeline /><TourCard /></Panel>
                            <div class="side">
                                <Panel id="inspector" title="Runtime settings"><Inspector /></Panel>
                                <Panel id="releases" title="Releases"><Releases /></Panel>
                            </div>
                        </@>
                        <Dock />
                        </>
                    },
                    Layout::Timeline => html! {
                        <@{workspace} class="workspace">
                            <Panel id="timeline-panel" title="Timeline"><Timeline /><TourCard /></Panel>
                        </@>
                    },
                    Layout::Console => html! { <Dock /> },
                }}
            </div>
            </@>
        </ContextProvider<Colours>>
        </ContextProvider<Shown>>
        </ContextProvider<Clock>>
        </ContextProvider<Dispatch>>
        </ContextProvider<Mount>>
    }
}
