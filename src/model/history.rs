//! A session as data: timestamped commands over the catalogue and a seed. The state at any
//! moment is their replay; snapshots keep a replay to any point short.

use super::lambda::Lambda;
pub use super::lambda::{Outcome, Output};
use super::request::Command;
use super::time::Timestamp;

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub at: Timestamp,
    pub command: Command,
}

/// How many entries lie between two snapshots at first.
pub const SNAPSHOT_EVERY: usize = 256;
/// [choice] At most this many snapshots are kept: past it, every other one is dropped and the
/// spacing doubles, so memory stays bounded (each snapshot is a whole state) while time travel
/// replays at most a few hundred commands more per doubling.
pub const MAX_SNAPSHOTS: usize = 16;

#[derive(Clone, Debug)]
pub struct History {
    pub start: Timestamp,
    pub seed: u64,
    entries: Vec<Entry>,
    /// (entries applied, the state right after the last of them).
    snapshots: Vec<(usize, Lambda)>,
    snapshot_every: usize,
    live: Lambda,
}

impl History {
    pub fn new(start: Timestamp, seed: u64) -> History {
        Self::with_snapshot_every(start, seed, SNAPSHOT_EVERY)
    }

    pub fn with_snapshot_every(start: Timestamp, seed: u64, every: usize) -> History {
        History {
            start,
            seed,
            entries: Vec::new(),
            snapshots: Vec::new(),
            snapshot_every: every.max(1),
            live: Lambda::new(start, seed),
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The state at the newest moment.
    pub fn live(&self) -> &Lambda {
        &self.live
    }

    pub fn now(&self) -> Timestamp {
        self.live.now()
    }

    /// Moves the live clock forward (never back: history is append-only).
    pub fn advance_to(&mut self, t: Timestamp) {
        self.live.advance_to(t);
    }

    /// Runs a command now and records it. Failed commands are recorded too: a replay reproduces
    /// the console's transcript, errors included.
    pub fn execute(&mut self, command: Command) -> Outcome {
        let at = self.live.now();
        let outcome = self.live.apply(&command);
        self.entries.push(Entry { at, command });
        if self.entries.len() % self.snapshot_every == 0 {
            self.snapshots.push((self.entries.len(), self.live.clone()));
            if self.snapshots.len() > MAX_SNAPSHOTS {
                self.snapshot_every *= 2;
                let every = self.snapshot_every;
                self.snapshots.retain(|(k, _)| k % every == 0);
            }
        }
        outcome
    }

    /// The state at time `t`: replayed from the newest snapshot at or before `t`.
    pub fn state_at(&self, t: Timestamp) -> Lambda {
        let t = t.max(self.start);
        let applied = self.entries.partition_point(|e| e.at <= t);
        let base = self.snapshots.iter().rev().find(|(k, _)| *k <= applied);
        let (mut state, from) = match base {
            Some((k, s)) => (s.clone(), *k),
            None => (Lambda::new(self.start, self.seed), 0),
        };
        for e in &self.entries[from..applied] {
            state.advance_to(e.at);
            // Outcomes were reported when the command first ran; replay only rebuilds the state.
            let _ = state.apply(&e.command);
        }
        state.advance_to(t);
        state
    }

    /// Replays every entry from scratch, without snapshots: what determinism tests compare.
    pub fn replay_from_scratch(&self, t: Timestamp) -> Lambda {
        let mut state = Lambda::new(self.start, self.seed);
        for e in self.entries.iter().take_while(|e| e.at <= t) {
            state.advance_to(e.at);
            let _ = state.apply(&e.command);
        }
        state.advance_to(t.max(self.start));
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{DEFAULT_CLOCK, MINUTE};
    use crate::Directive;

    #[test]
    fn snapshots_stay_few_and_replays_stay_right() {
        let mut h = History::with_snapshot_every(DEFAULT_CLOCK, 7, 1);
        for i in 0..500 {
            h.advance_to(DEFAULT_CLOCK.plus(i * MINUTE));
            let runtime = if i % 2 == 0 { "python3.9" } else { "nodejs18.x" };
            let directive = Directive::Release { runtime: runtime.into(), regions: vec![], changes: vec![] };
            let _ = h.execute(Command::Sim { region: "us-east-1".into(), directive });
        }
        assert!(h.snapshots.len() <= MAX_SNAPSHOTS, "{} snapshots", h.snapshots.len());
        assert!(h.snapshot_every >= 16);
        let t = DEFAULT_CLOCK.plus(333 * MINUTE);
        assert!(h.state_at(t) == h.replay_from_scratch(t));
    }
}
