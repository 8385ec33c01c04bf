//! What happens at a known instant whatever the person does meanwhile: phase 2 starting in a
//! region, and phase 2 reaching one Auto function version. Tasks due at the same instant run in
//! the order they were scheduled.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::rc::Rc;

use super::Lambda;
use crate::function::{Change, VersionId};
use crate::rng::{hash_str, mix};
use crate::rollout::RolloutPolicy;
use crate::runtime_management::UpdateRuntimeOn;
use crate::time::Timestamp;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Task {
    /// Phase 2 begins in one region of one rollout: schedule its moves.
    Phase2Start { rollout: usize, region: usize },
    /// Phase 2 reaches one Auto function version.
    Move { version: VersionId, rollout: usize },
    /// A deployment's next step: its start, a shift, or a minute's alarm check.
    Deployment { index: usize },
}

#[derive(Clone, Debug, Default)]
pub(super) struct Scheduler {
    /// (due, sequence number, task): the sequence breaks ties in scheduling order.
    queue: BinaryHeap<Reverse<(Timestamp, u64, Task)>>,
    scheduled: u64,
}

/// Two schedulers are the same when they hold the same tasks in the same order.
impl PartialEq for Scheduler {
    fn eq(&self, other: &Scheduler) -> bool {
        self.scheduled == other.scheduled
            && self.queue.clone().into_sorted_vec() == other.queue.clone().into_sorted_vec()
    }
}

impl Scheduler {
    pub(super) fn schedule(&mut self, at: Timestamp, task: Task) {
        self.scheduled += 1;
        self.queue.push(Reverse((at, self.scheduled, task)));
    }

    /// The next task due at or before `t`.
    pub(super) fn pop_due(&mut self, t: Timestamp) -> Option<(Timestamp, Task)> {
        let Reverse((at, _, _)) = self.queue.peek()?;
        if *at > t {
            return None;
        }
        self.queue.pop().map(|Reverse((at, _, task))| (at, task))
    }
}

impl Lambda {
    /// [choice] Each version has a fixed place in every phase 2 window, from a hash of its ARN.
    fn slot(&self, id: VersionId) -> f64 {
        let v = &self.store[id];
        let h = mix(hash_str(&v.function_name)
            ^ hash_str(&v.region).rotate_left(17)
            ^ u64::from(id.0).wrapping_mul(0x9e37));
        (h >> 11) as f64 / (1u64 << 53) as f64
    }

    fn needs_move(&self, id: VersionId, rollout: usize) -> bool {
        let v = &self.store[id];
        let r = &self.releases.rollouts[rollout];
        v.deleted.is_none()
            && v.mode() == UpdateRuntimeOn::Auto
            && v.config.runtime == r.runtime
            && v.runtime_version < r.number
    }

    /// A version published (or switched) into Auto after phase 2 began in its region still gets
    /// its move, at its slot or now if that has passed.
    pub(super) fn schedule_catch_up(&mut self, id: VersionId) {
        for index in 0..self.releases.rollouts.len() {
            if !self.needs_move(id, index) {
                continue;
            }
            let region = &self.store[id].region;
            let Some(rr) = self.releases.rollouts[index].regions.iter().find(|rr| rr.region == *region) else {
                continue;
            };
            if rr.phase2_scheduled {
                let at = rr.move_time(self.slot(id)).max(self.now);
                self.scheduler.schedule(at, Task::Move { version: id, rollout: index });
            }
        }
    }

    pub(super) fn run(&mut self, task: Task) {
        match task {
            Task::Phase2Start { rollout, region } => {
                let rr = &self.releases.rollouts[rollout].regions[region];
                if rr.phase2_scheduled || rr.phase2_start != self.now {
                    return; // superseded by `sim phase2`
                }
                let rname = rr.region.clone();
                Rc::make_mut(&mut self.releases.rollouts[rollout]).regions[region].phase2_scheduled = true;
                let candidates: Vec<VersionId> = self
                    .store
                    .iter()
                    .filter(|(id, v)| v.region == rname && self.needs_move(*id, rollout))
                    .map(|(id, _)| id)
                    .collect();
                for id in candidates {
                    let at = self.releases.rollouts[rollout].regions[region].move_time(self.slot(id)).max(self.now);
                    self.scheduler.schedule(at, Task::Move { version: id, rollout });
                }
            }
            Task::Deployment { index } => self.deployment_tick(index),
            Task::Move { version, rollout } => {
                if self.needs_move(version, rollout) {
                    // Traffic up to the move ran on the old runtime version.
                    self.sync_traffic(version, self.now);
                    let r = &self.releases.rollouts[rollout];
                    let cause = if r.policy == RolloutPolicy::Legacy { Change::LegacyUpdate } else { Change::Phase2 };
                    self.move_version(version, r.runtime, r.number, cause);
                }
            }
        }
    }
}
