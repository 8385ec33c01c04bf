use yew::prelude::*;

use super::dock::Dock;
use super::functions::FunctionsPanel;
use super::header::Header;
use super::hooks::use_clock;
use super::inspector::Inspector;
use super::panel::Panel;
use super::releases::Releases;
use super::share;
use super::state::{Action, Clock, Dispatch, Playground, Shown};
use super::timeline::Timeline;
use super::tour::TourCard;

/// What the page's URL asks for: a shared session (`#s=`), or a tour at a step
/// (`?tour=<id>&step=<n>`, used by docs pages and screenshots).
fn initial_actions() -> Vec<Action> {
    if let Some(script) = share::from_location() {
        return vec![Action::Load(script)];
    }
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else { return vec![] };
    let mut tour = None;
    let mut steps = 0usize;
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("tour", id)) => tour = Some(id.to_string()),
            Some(("step", n)) => steps = n.parse().unwrap_or(0).min(50),
            _ => {}
        }
    }
    let Some(id) = tour else { return vec![] };
    let mut actions = vec![Action::StartTour(id)];
    actions.extend((0..steps).map(|_| Action::TourNext));
    actions
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A script to run first (an embedded playground); otherwise the URL decides.
    #[prop_or_default]
    pub script: Option<AttrValue>,
}

/// The playground: header, then functions | timeline | inspector and releases, then the dock.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(Playground::default);
    let dispatch: Dispatch = state.dispatcher();
    let clock: Clock = state.clock();
    use_clock(clock.playing, dispatch.clone());
    {
        let state = dispatch.clone();
        let script = props.script.clone();
        use_effect_with((), move |_| {
            let actions = match script {
                Some(s) => vec![Action::Load(s.to_string())],
                None => initial_actions(),
            };
            for action in actions {
                state.dispatch(action);
            }
        });
    }
    let shown: Shown = state.shown();
    html! {
        <ContextProvider<Dispatch> context={dispatch}>
        <ContextProvider<Clock> context={clock}>
        <ContextProvider<Shown> context={shown}>
            <div class="shell">
                <Header />
                <main class="workspace">
                    <Panel id="functions" title="Functions"><FunctionsPanel /></Panel>
                    <Panel id="timeline-panel" title="Timeline"><Timeline /><TourCard /></Panel>
                    <div class="side">
                        <Panel id="inspector" title="Runtime settings"><Inspector /></Panel>
                        <Panel id="releases" title="Releases"><Releases /></Panel>
                    </div>
                </main>
                <Dock />
            </div>
        </ContextProvider<Shown>>
        </ContextProvider<Clock>>
        </ContextProvider<Dispatch>>
    }
}
