//! Releases of runtime versions and their region-by-region rollouts.

use serde::{Deserialize, Serialize};

use super::catalogue::{RolloutTiming, RuntimeId};
use super::time::Timestamp;

/// How a release reaches functions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RolloutPolicy {
    /// Since 2023: phase 1 (created or updated functions), then phase 2 (remaining Auto versions,
    /// gradually over a window), region by region.
    #[default]
    TwoPhase,
    /// Before 2023: every function of a region at once, region after region.
    Legacy,
}

impl RolloutPolicy {
    /// As the playground's outputs spell it.
    pub fn name(self) -> &'static str {
        match self {
            RolloutPolicy::TwoPhase => "TwoPhase",
            RolloutPolicy::Legacy => "Legacy",
        }
    }
}

/// A runtime version Lambda has released: immutable, numbered by Lambda (numbers may skip).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeVersion {
    pub number: u32,
    /// Named behaviours this version changes ([choice]: the incompatibility model).
    pub changes: Vec<String>,
    /// [choice] After this instant an environment on this version fails to start (e.g. an
    /// expired certificate): what AWS warns may happen to functions pinned too long.
    pub expires: Option<Timestamp>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    NotStarted,
    Phase1,
    Phase2,
    Complete,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::NotStarted => "not started",
            Phase::Phase1 => "phase 1",
            Phase::Phase2 => "phase 2",
            Phase::Complete => "complete",
        }
    }
}

/// One region's schedule for one release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionRollout {
    pub region: String,
    pub phase1_start: Timestamp,
    pub phase2_start: Timestamp,
    pub phase2_end: Timestamp,
    /// Set once the phase 2 moves of this region have been scheduled.
    pub phase2_scheduled: bool,
}

impl RegionRollout {
    pub fn phase(&self, now: Timestamp) -> Phase {
        if now < self.phase1_start {
            Phase::NotStarted
        } else if now < self.phase2_start {
            Phase::Phase1
        } else if now < self.phase2_end {
            Phase::Phase2
        } else {
            Phase::Complete
        }
    }

    /// When phase 2 moves a version whose place in the window is `slot` (in [0, 1)).
    pub fn move_time(&self, slot: f64) -> Timestamp {
        let window = (self.phase2_end.0 - self.phase2_start.0) as f64;
        self.phase2_start.plus((window * slot) as i64)
    }

    /// `sim phase2`: phase 2 starts now (and phase 1 with it if it had not begun).
    pub fn start_phase2(&mut self, now: Timestamp, window: i64) {
        if self.phase2_start <= now {
            return;
        }
        self.phase1_start = self.phase1_start.min(now);
        self.phase2_start = now;
        self.phase2_end = now.plus(window);
    }
}

/// The rollout of one released runtime version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollout {
    pub runtime: RuntimeId,
    pub number: u32,
    pub released: Timestamp,
    pub policy: RolloutPolicy,
    pub regions: Vec<RegionRollout>,
}

/// Plans a release's regions in the given order, one stagger apart.
pub fn plan(regions: &[String], start: Timestamp, timing: RolloutTiming, policy: RolloutPolicy) -> Vec<RegionRollout> {
    regions
        .iter()
        .enumerate()
        .map(|(i, region)| {
            let phase1_start = start.plus(timing.region_stagger * i as i64);
            let (phase2_start, phase2_end) = match policy {
                RolloutPolicy::TwoPhase => {
                    let p2 = phase1_start.plus(timing.phase1);
                    (p2, p2.plus(timing.phase2_window))
                }
                RolloutPolicy::Legacy => (phase1_start, phase1_start),
            };
            RegionRollout { region: region.clone(), phase1_start, phase2_start, phase2_end, phase2_scheduled: false }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::DAY;

    fn regions() -> Vec<String> {
        vec!["eu-south-1".into(), "us-east-1".into()]
    }

    #[test]
    fn two_phase_plan_staggers_regions() {
        let timing = RolloutTiming { region_stagger: DAY, phase1: 2 * DAY, phase2_window: 3 * DAY };
        let t0 = Timestamp(0);
        let plan = plan(&regions(), t0, timing, RolloutPolicy::TwoPhase);
        assert_eq!(plan[0].phase(t0), Phase::Phase1);
        assert_eq!(plan[1].phase(t0), Phase::NotStarted);
        assert_eq!(plan[1].phase(t0.plus(DAY)), Phase::Phase1);
        assert_eq!(plan[0].phase(t0.plus(2 * DAY)), Phase::Phase2);
        assert_eq!(plan[0].phase(t0.plus(5 * DAY)), Phase::Complete);
        assert_eq!(plan[0].move_time(0.5), t0.plus(2 * DAY + 36 * 3_600_000));
    }

    #[test]
    fn legacy_plan_updates_a_region_at_once() {
        let timing = RolloutTiming { region_stagger: DAY, phase1: 2 * DAY, phase2_window: 3 * DAY };
        let plan = plan(&regions(), Timestamp(0), timing, RolloutPolicy::Legacy);
        assert_eq!(plan[0].phase(Timestamp(0)), Phase::Complete);
        assert_eq!(plan[1].phase(Timestamp(0)), Phase::NotStarted);
        assert_eq!(plan[1].move_time(0.9), Timestamp(DAY));
    }

    #[test]
    fn phase2_now_pulls_phase1_forward() {
        let timing = RolloutTiming { region_stagger: DAY, phase1: 2 * DAY, phase2_window: 3 * DAY };
        let mut plan = plan(&regions(), Timestamp(0), timing, RolloutPolicy::TwoPhase);
        plan[1].start_phase2(Timestamp(10), DAY);
        assert_eq!(plan[1].phase(Timestamp(10)), Phase::Phase2);
        assert_eq!(plan[1].phase1_start, Timestamp(10));
    }
}
