//! The playground's state: one reducer (the session and what the person is looking at), read
//! through four contexts so that a component re-renders only for what it shows:
//! - [`Shown`]: the session's contents and the view (selection, time travel, tour, notices).
//!   It stays equal while only the clock moves.
//! - [`Clock`]: the time on screen, play state and speed. It changes on every tick.
//! - [`Colours`]: the runtime versions' colours. It changes when a version first runs.
//! - [`Dispatch`]: sends actions. It never changes, so forms that only dispatch do not re-render.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::chip::Colours;
use super::timeline::Window;
use crate::app::embed_options::{Layout, Theme};
use crate::app::share::{Link, Selected, View};
use crate::app::{scenario, LineResult, Session};
use crate::cli::Line;
use crate::model::time::{DAY, HOUR, MINUTE};
use crate::model::{Lambda, RuntimeId, Timestamp, VersionId};

/// Simulated milliseconds per real second, from one minute to one day.
pub const SPEEDS: [(i64, &str); 5] =
    [(MINUTE, "1 min/s"), (10 * MINUTE, "10 min/s"), (HOUR, "1 h/s"), (6 * HOUR, "6 h/s"), (DAY, "1 day/s")];

/// Where an action came from, so its error shows where it was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Console,
    Inspector,
    Releases,
    Tour,
    Template,
}

/// The outcome of the last action, kept for the place it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub origin: Origin,
    pub result: LineResult,
}

/// The dock's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DockTab {
    #[default]
    Console,
    Logs,
    Events,
    Template,
}

impl DockTab {
    pub const ALL: [DockTab; 4] = [DockTab::Console, DockTab::Logs, DockTab::Events, DockTab::Template];

    /// The name links and `?tab=` use.
    pub fn name(self) -> &'static str {
        match self {
            DockTab::Console => "console",
            DockTab::Logs => "logs",
            DockTab::Events => "events",
            DockTab::Template => "template",
        }
    }

    pub fn parse(name: &str) -> Option<DockTab> {
        DockTab::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// A guided tour in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tour {
    pub id: String,
    /// Steps already run.
    pub done: usize,
}

pub enum Action {
    /// A click: typed lines, run in order as one step (stopping at the first that fails).
    Do {
        lines: Vec<Line>,
        origin: Origin,
    },
    /// Lines as a person typed them (the console, a tour step).
    Type {
        lines: Vec<String>,
        origin: Origin,
    },
    /// Real milliseconds passed while playing.
    Tick(f64),
    Step,
    SetPlaying(bool),
    SetSpeed(usize),
    Select(Option<VersionId>),
    Travel(Option<Timestamp>),
    StartTour(String),
    TourNext,
    EndTour,
    /// Starts over with a script (a saved session, an embed).
    Load(String),
    /// Starts over with a share link's script, then shows what its view names.
    LoadLink(Link),
    /// `clear` in the console: hide the lines so far.
    ClearConsole,
    /// Makes the playground read-only (an embed's option).
    SetReadonly(bool),
    /// Shows a tab of the dock.
    ShowTab(DockTab),
    /// The timeline shows the fleet view (true) or its lanes.
    ShowFleet(bool),
    /// Moves the timeline's window (`None`: fit it to the session).
    SetWindow(Option<Window>),
}

#[derive(Clone)]
pub struct Playground {
    session: Rc<RefCell<Session>>,
    /// Moves whenever the session changed other than by its clock.
    revision: u64,
    /// The model's revision after the last action: a tick that leaves it has moved the clock only.
    seen: u64,
    selected: Option<VersionId>,
    playing: bool,
    speed: usize,
    /// Time travel: the state replayed at an earlier moment, shown instead of the live one.
    travel: Option<(Timestamp, Rc<Lambda>)>,
    notice: Option<Notice>,
    tour: Option<Tour>,
    /// Versions whose runtime version changed in the last step, to highlight.
    changed: Rc<Vec<VersionId>>,
    /// The console shows the lines run after this many (`clear`).
    console_from: usize,
    tab: DockTab,
    window: Option<Window>,
    /// The timeline shows the fleet (counts per runtime version) instead of one lane per version.
    fleet: bool,
    /// A read-only embed: the reader watches (the clock, a tour, time travel) but changes nothing.
    readonly: bool,
}

impl Default for Playground {
    fn default() -> Self {
        Playground {
            session: Rc::new(RefCell::new(Session::new())),
            revision: 0,
            seen: 0,
            selected: None,
            playing: false,
            speed: 2,
            travel: None,
            notice: None,
            tour: None,
            changed: Rc::new(Vec::new()),
            console_from: 0,
            tab: DockTab::default(),
            window: None,
            fleet: false,
            readonly: false,
        }
    }
}

/// Runtime version (runtime, number) of every live version, to see what a step changed.
fn positions(l: &Lambda) -> Vec<(VersionId, RuntimeId, u32)> {
    l.live_versions()
        .into_iter()
        .filter_map(|id| l.version(id).map(|v| (id, v.config.runtime, v.runtime_version)))
        .collect()
}

fn changed_between(before: &[(VersionId, RuntimeId, u32)], after: &Lambda) -> Vec<VersionId> {
    positions(after).into_iter().filter(|p| !before.contains(p)).map(|p| p.0).collect()
}

impl Playground {
    /// What the panels show but the clock.
    pub fn shown(&self) -> Shown {
        Shown {
            session: self.session.clone(),
            revision: self.revision,
            selected: self.selected,
            travel: self.travel.clone(),
            notice: self.notice.clone(),
            tour: self.tour.clone(),
            changed: self.changed.clone(),
            console_from: self.console_from,
            tab: self.tab,
            window: self.window,
            fleet: self.fleet,
            readonly: self.readonly,
        }
    }

    /// The runtime versions' colours: the live session's order, also while looking at the past.
    pub fn colours(&self) -> Colours {
        Colours::new(self.session.borrow().history().live().runtime_versions_seen())
    }

    pub fn clock(&self) -> Clock {
        let session = self.session.borrow();
        let live = session.now();
        Clock {
            start: session.history().start,
            live,
            shown: self.travel.as_ref().map_or(live, |(t, _)| *t),
            past: self.travel.is_some(),
            playing: self.playing,
            speed: self.speed,
        }
    }

    /// Notes a change of the session: panels showing it re-render.
    fn session_changed(&mut self) {
        self.revision += 1;
        self.seen = self.session.borrow().history().live().revision();
    }

    /// Runs a step on the live session (leaving time travel) and keeps the last line's result
    /// for the place it came from. Stops at the first line that misses its expectation.
    fn run(&mut self, origin: Origin, mut each: impl FnMut(&mut Session) -> Option<LineResult>) {
        self.travel = None;
        let before = positions(self.session.borrow().history().live());
        let mut last = None;
        while let Some(result) = each(&mut self.session.borrow_mut()) {
            let failed = !result.met_expectation();
            last = Some(result);
            if failed {
                break;
            }
        }
        self.changed = Rc::new(changed_between(&before, self.session.borrow().history().live()));
        // With nothing selected, show the version the step changed (a tour's focus).
        if self.selected.is_none() {
            self.selected = self.changed.last().copied();
        }
        self.notice = last.map(|result| Notice { origin, result });
        self.session_changed();
    }

    /// Moves the live clock; panels re-render only when the move changed something.
    fn advance(&mut self, ms: i64) {
        if ms <= 0 {
            return;
        }
        self.travel = None;
        let mut session = self.session.borrow_mut();
        let before = positions(session.history().live());
        session.advance_clock(ms);
        let moved = session.history().live().revision() != self.seen;
        let changed = if moved { changed_between(&before, session.history().live()) } else { Vec::new() };
        drop(session);
        if !changed.is_empty() {
            self.changed = Rc::new(changed);
        }
        if moved {
            self.session_changed();
        }
    }
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A read-only embed takes no edits but its tour's.
        if self.readonly
            && matches!(&action, Action::Do { origin, .. } | Action::Type { origin, .. } if *origin != Origin::Tour)
        {
            return self;
        }
        let fresh = || Playground { revision: self.revision + 1, readonly: self.readonly, ..Playground::default() };
        let mut next = (*self).clone();
        match action {
            Action::Do { lines, origin } => {
                let mut lines = lines.into_iter();
                next.run(origin, |s| lines.next().map(|l| s.run(l)));
            }
            Action::Type { lines, origin } => {
                let mut lines = lines.iter();
                next.run(origin, |s| lines.next().map(|l| s.run_line(l)));
            }
            Action::Tick(real_ms) => {
                if !next.playing {
                    return self;
                }
                let ms = (SPEEDS[next.speed].0 as f64 * real_ms / 1000.0) as i64;
                // Whole seconds keep the replayed script's `sim advance` lines short.
                next.advance(ms - ms % 1000);
            }
            Action::Step => {
                let ms = SPEEDS[next.speed].0;
                next.advance(ms);
            }
            Action::SetPlaying(p) => {
                next.playing = p;
                if p {
                    next.travel = None;
                }
            }
            Action::SetSpeed(i) => next.speed = i.min(SPEEDS.len() - 1),
            Action::Select(id) => next.selected = id,
            Action::Travel(None) => next.travel = None,
            Action::Travel(Some(t)) => {
                let state = next.session.borrow().history().state_at(t);
                next.playing = false;
                next.travel = Some((t, Rc::new(state)));
            }
            Action::StartTour(id) => {
                next = Playground { tour: Some(Tour { id, done: 0 }), ..fresh() };
            }
            Action::TourNext => {
                let Some(tour) = next.tour.clone() else { return self };
                let Some((_, _, text)) = scenario::builtin(&tour.id) else { return self };
                if let Some(step) = scenario::tour(text).steps.get(tour.done) {
                    let mut lines = step.lines.iter();
                    next.run(Origin::Tour, |s| lines.next().map(|l| s.run_line(&l.text)));
                    next.tour = Some(Tour { done: tour.done + 1, ..tour });
                }
            }
            Action::EndTour => next.tour = None,
            Action::ClearConsole => next.console_from = next.session.borrow().lines_run(),
            Action::ShowTab(tab) => next.tab = tab,
            Action::SetWindow(window) => next.window = window,
            Action::ShowFleet(fleet) => next.fleet = fleet,
            Action::SetReadonly(readonly) => next.readonly = readonly,
            Action::Load(text) => {
                next = fresh();
                next.session.borrow_mut().run_script(&text);
                next.session_changed();
            }
            Action::LoadLink(link) => {
                next = fresh();
                next.session.borrow_mut().run_script(&link.script.join("\n"));
                next.session_changed();
                let view = link.view;
                next.tab = view.tab.as_deref().and_then(DockTab::parse).unwrap_or_default();
                next.window = view.window.map(|(from, to)| Window { from, to });
                next.selected = view.selected.and_then(|s| {
                    let session = next.session.borrow();
                    session.history().live().resolve(&s.region, &s.function, Some(&s.qualifier)).ok()
                });
            }
        }
        Rc::new(next)
    }
}

/// Sends actions; the same for the page's whole life.
pub type Dispatch = UseReducerDispatcher<Playground>;

/// The time on screen and how it moves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    pub start: Timestamp,
    /// The live session's time.
    pub live: Timestamp,
    /// The time shown: the live time, or the moment time travel shows.
    pub shown: Timestamp,
    pub past: bool,
    pub playing: bool,
    pub speed: usize,
}

/// The session's contents and the view, for the panels. Equal while only the clock moved: the
/// session sits behind a `RefCell` (an action changes it in place rather than copying a whole
/// control plane), so `revision` stands for its contents; everything else compares by value.
#[derive(Clone)]
pub struct Shown {
    session: Rc<RefCell<Session>>,
    revision: u64,
    pub selected: Option<VersionId>,
    travel: Option<(Timestamp, Rc<Lambda>)>,
    pub notice: Option<Notice>,
    pub tour: Option<Tour>,
    pub changed: Rc<Vec<VersionId>>,
    pub console_from: usize,
    pub tab: DockTab,
    pub window: Option<Window>,
    pub fleet: bool,
    pub readonly: bool,
}

impl PartialEq for Shown {
    fn eq(&self, o: &Shown) -> bool {
        let same_travel = match (&self.travel, &o.travel) {
            (None, None) => true,
            (Some((t, a)), Some((u, b))) => t == u && Rc::ptr_eq(a, b),
            _ => false,
        };
        Rc::ptr_eq(&self.session, &o.session)
            && self.revision == o.revision
            && same_travel
            && self.selected == o.selected
            && self.notice == o.notice
            && self.tour == o.tour
            && Rc::ptr_eq(&self.changed, &o.changed)
            && self.console_from == o.console_from
            && self.tab == o.tab
            && self.readonly == o.readonly
            && self.fleet == o.fleet
            && self.window == o.window
    }
}

impl Shown {
    /// What a share link carries of the view: names, not the session's ids.
    pub fn link_view(&self) -> View {
        let session = self.session.borrow();
        let selected = self.selected.and_then(|id| session.history().live().version(id)).map(|v| Selected {
            region: v.region.clone(),
            function: v.function_name.clone(),
            qualifier: v.qualifier.to_string(),
        });
        View {
            selected,
            tab: (self.tab != DockTab::Console).then(|| self.tab.name().to_string()),
            window: self.window.map(|w| (w.from, w.to)),
        }
    }

    /// The state on screen: the time-travel view, or the live one.
    pub fn view(&self) -> ViewRef<'_> {
        match &self.travel {
            Some((_, past)) => ViewRef::Past(past),
            None => ViewRef::Live(Ref::map(self.session.borrow(), |s| s.history().live())),
        }
    }

    /// What a memoised row or lane reads the state from.
    pub fn source(&self) -> Source {
        match &self.travel {
            Some((t, past)) => Source::Past(*t, past.clone()),
            None => Source::Live(self.session.clone()),
        }
    }

    /// Moves whenever the session changed other than by its clock.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The session itself, for work done later (an autosave after a pause).
    pub fn session_handle(&self) -> Rc<RefCell<Session>> {
        self.session.clone()
    }

    pub fn session(&self) -> Ref<'_, Session> {
        self.session.borrow()
    }

    /// The moment time travel shows, if it shows the past.
    pub fn looking_at(&self) -> Option<Timestamp> {
        self.travel.as_ref().map(|(t, _)| *t)
    }

    /// Nothing can be changed: time travel shows the past, or the embed is read-only.
    pub fn frozen(&self) -> bool {
        self.travel.is_some() || self.readonly
    }

    /// The console's default region.
    pub fn region(&self) -> String {
        self.session.borrow().region().to_string()
    }
}

/// Where a component that must not subscribe to the whole context (a timeline lane, a function
/// row) reads the state on screen from.
#[derive(Clone)]
pub enum Source {
    Live(Rc<RefCell<Session>>),
    Past(Timestamp, Rc<Lambda>),
}

impl Source {
    pub fn view(&self) -> ViewRef<'_> {
        match self {
            Source::Live(s) => ViewRef::Live(Ref::map(s.borrow(), |s| s.history().live())),
            Source::Past(_, p) => ViewRef::Past(p),
        }
    }
}

/// The same state to read from: the live session (whatever its revision: rows and lanes compare
/// their version's stamp besides), or the same moment of it.
impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Live(a), Source::Live(b)) => Rc::ptr_eq(a, b),
            (Source::Past(t, a), Source::Past(u, b)) => t == u && Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A borrowed view of the state on screen.
pub enum ViewRef<'a> {
    Live(Ref<'a, Lambda>),
    Past(&'a Rc<Lambda>),
}

impl std::ops::Deref for ViewRef<'_> {
    type Target = Lambda;

    fn deref(&self) -> &Lambda {
        match self {
            ViewRef::Live(r) => r,
            ViewRef::Past(p) => p,
        }
    }
}

#[hook]
pub fn use_shown() -> Shown {
    use_context::<Shown>().expect("the playground provides Shown")
}

#[hook]
pub fn use_clock_context() -> Clock {
    use_context::<Clock>().expect("the playground provides Clock")
}

#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("the playground provides Dispatch")
}

/// How this playground is mounted: the whole page, or an embed in a documentation page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mount {
    /// An embed: it never reads the page's address or storage, and shares to the playground's page.
    pub embedded: bool,
    pub layout: Layout,
    pub theme: Theme,
    /// This playground's number on its page, from 1.
    pub instance: u32,
}

impl Mount {
    /// An element id unique to this playground on its page.
    pub fn id(&self, name: &str) -> String {
        match self.instance {
            0 | 1 => name.to_string(),
            n => format!("lrp{n}-{name}"),
        }
    }

    /// The embed's name as a landmark, numbered when a page has several.
    pub fn name(&self) -> String {
        match self.instance {
            0 | 1 => "Lambda Runtime Playground".to_string(),
            n => format!("Lambda Runtime Playground {n}"),
        }
    }
}

#[hook]
pub fn use_mount() -> Mount {
    use_context::<Mount>().unwrap_or_default()
}
