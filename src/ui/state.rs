//! The one reducer: the session (history + clock) and what the person is looking at.
//!
//! The session sits behind `Rc<RefCell<..>>` so an action mutates it in place instead of cloning
//! a whole control plane; `revision` changes with every action, which is what tells Yew that
//! something changed.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::app::{scenario, script, LineResult, Session};
use crate::cli::sim::MAX_ADVANCE;
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
}

/// The outcome of the last action, kept for the place it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub origin: Origin,
    pub result: LineResult,
}

/// A guided tour in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tour {
    pub id: String,
    /// Steps already run.
    pub done: usize,
}

pub struct Playground {
    pub session: Rc<RefCell<Session>>,
    pub revision: u64,
    pub selected: Option<VersionId>,
    pub playing: bool,
    pub speed: usize,
    /// Time travel: the state replayed at an earlier moment, shown instead of the live one.
    pub travel: Option<(Timestamp, Rc<Lambda>)>,
    /// The script that rebuilds this session: lines run, with `sim advance` for clock moves.
    pub script: Rc<Vec<String>>,
    pub notice: Option<Notice>,
    pub tour: Option<Tour>,
    /// Versions whose runtime version changed in the last step, to highlight.
    pub changed: Rc<Vec<VersionId>>,
    /// The console shows the lines run after this many (`clear`).
    pub console_from: usize,
    /// The script's last line is a clock move the UI wrote, which later moves may extend.
    advance_open: bool,
}

impl PartialEq for Playground {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

pub enum Action {
    Run {
        line: String,
        origin: Origin,
    },
    /// Several lines as one step (a tour step, a form that needs two lines).
    RunMany {
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
    /// Starts over with a script (a share link, a reset).
    Load(String),
    /// `clear` in the console: hide the lines so far.
    ClearConsole,
}

impl Default for Playground {
    fn default() -> Self {
        Playground {
            session: Rc::new(RefCell::new(Session::new())),
            revision: 0,
            selected: None,
            playing: false,
            speed: 2,
            travel: None,
            script: Rc::new(Vec::new()),
            notice: None,
            tour: None,
            changed: Rc::new(Vec::new()),
            console_from: 0,
            advance_open: false,
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
    /// The state on screen: the time-travel view, or the live one.
    pub fn view(&self) -> ViewRef<'_> {
        match &self.travel {
            Some((_, past)) => ViewRef::Past(past),
            None => ViewRef::Live(Ref::map(self.session.borrow(), |s| s.history().live())),
        }
    }

    pub fn source(&self) -> Source {
        match &self.travel {
            Some((t, past)) => Source::Past(*t, past.clone()),
            None => Source::Live(self.session.clone()),
        }
    }

    pub fn live_now(&self) -> Timestamp {
        self.session.borrow().now()
    }

    pub fn start(&self) -> Timestamp {
        self.session.borrow().history().start
    }

    pub fn region(&self) -> String {
        self.session.borrow().region().to_string()
    }

    fn next(&self) -> Playground {
        Playground {
            session: self.session.clone(),
            revision: self.revision + 1,
            selected: self.selected,
            playing: self.playing,
            speed: self.speed,
            travel: self.travel.clone(),
            script: self.script.clone(),
            notice: self.notice.clone(),
            tour: self.tour.clone(),
            changed: self.changed.clone(),
            console_from: self.console_from,
            advance_open: self.advance_open,
        }
    }

    /// Runs lines on the live session (leaving time travel), recording them in the transcript
    /// and the script. Stops at the first line that misses its expectation.
    fn run_lines(&mut self, lines: &[String], origin: Origin) {
        self.travel = None;
        let before = positions(self.session.borrow().history().live());
        let mut script = (*self.script).clone();
        let mut last = None;
        for line in lines {
            let mut session = self.session.borrow_mut();
            let result = session.run_line(line);
            // A line ending in an unescaped `\` would swallow the next one in a replay; it
            // cannot have run anything, so it stays out of the script.
            let continues = line.trim_end().chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
            if !result.command.is_empty() && !continues {
                script.push(line.trim().to_string());
                self.advance_open = false;
            }
            let failed = !result.met_expectation;
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
        self.script = Rc::new(script);
        self.notice = last.map(|result| Notice { origin, result });
    }

    /// Moves the live clock, and writes the move into the script so a share link replays it.
    fn advance(&mut self, ms: i64) {
        if ms <= 0 {
            return;
        }
        self.travel = None;
        let mut session = self.session.borrow_mut();
        let before = positions(session.history().live());
        let t = session.now().plus(ms);
        session.advance_to(t);
        let changed = changed_between(&before, session.history().live());
        drop(session);
        if !changed.is_empty() {
            self.changed = Rc::new(changed);
        }
        let mut script = (*self.script).clone();
        // Consecutive clock moves of the UI fold into one line, up to what one `sim advance`
        // may move (a longer play continues on a new line).
        let secs = ms / 1000;
        let folded = self
            .advance_open
            .then(|| script.last().and_then(|l| l.strip_prefix("sim advance ")?.strip_suffix('s')?.parse::<i64>().ok()))
            .flatten()
            .and_then(|previous| previous.checked_add(secs))
            .filter(|total| total * 1000 <= MAX_ADVANCE);
        match folded {
            Some(total) => {
                if let Some(last) = script.last_mut() {
                    *last = format!("sim advance {total}s");
                }
            }
            None => script.push(format!("sim advance {secs}s")),
        }
        self.advance_open = true;
        self.script = Rc::new(script);
    }
}

/// Where a component reads the state on screen from, when it must not subscribe to the whole
/// context (a memoised timeline lane).
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

    /// The same session, or the same moment of it.
    pub fn same(&self, other: &Source) -> bool {
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

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.next();
        match action {
            Action::Run { line, origin } => next.run_lines(&[line], origin),
            Action::RunMany { lines, origin } => next.run_lines(&lines, origin),
            Action::Tick(real_ms) => {
                if !next.playing {
                    return self;
                }
                let ms = (SPEEDS[next.speed].0 as f64 * real_ms / 1000.0) as i64;
                // Whole seconds only: the script's `sim advance` counts seconds.
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
                next = Playground {
                    tour: Some(Tour { id, done: 0 }),
                    revision: self.revision + 1,
                    ..Playground::default()
                };
            }
            Action::TourNext => {
                let Some(tour) = next.tour.clone() else { return self };
                let Some((_, _, text)) = scenario::builtin(&tour.id) else { return self };
                if let Some(step) = scenario::tour(text).steps.get(tour.done) {
                    let lines: Vec<String> = step.lines.iter().map(|l| l.text.clone()).collect();
                    next.run_lines(&lines, Origin::Tour);
                    next.tour = Some(Tour { done: tour.done + 1, ..tour });
                }
            }
            Action::EndTour => next.tour = None,
            Action::ClearConsole => next.console_from = next.session.borrow().lines_run(),
            Action::Load(text) => {
                let mut fresh = Playground { revision: self.revision + 1, ..Playground::default() };
                fresh.session.borrow_mut().run_script(&text);
                fresh.script = Rc::new(script::commands(&text).into_iter().map(|(_, l)| l).collect());
                next = fresh;
            }
        }
        Rc::new(next)
    }
}

pub type PlaygroundContext = UseReducerHandle<Playground>;
