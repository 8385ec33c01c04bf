//! Runtime versions released during the session and their rollouts: `sim release`, `sim phase2`,
//! `sim expire`, `sim policy`, `sim timing`.

use std::rc::Rc;

use super::events::{Event, EventKind, EventScope};
use super::outcome::{ExpirySet, Phase2Started, PolicySet, RegionSchedule, Released, SimOutput, TimingSet};
use super::scheduler::Task;
use super::validation;
use super::Lambda;
use crate::catalogue::{Catalogue, RolloutTiming, RuntimeId};
use crate::error::{ApiError, ApiResult};
use crate::rollout::{self, Rollout, RolloutPolicy, RuntimeVersion};
use crate::time::{Timestamp, DAY, MINUTE};

/// [choice] How many runtime versions `sim release` may add to one runtime in a session: decades
/// of Lambda's pace (a few a month), and a bound on the state every snapshot copies.
pub const MAX_RELEASES_PER_RUNTIME: usize = 1_000;

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Releases {
    /// Released after the session started, per runtime; also catalogue versions given an expiry.
    released: Vec<Vec<RuntimeVersion>>,
    /// Shared with snapshots until one changes (phase 2 starting in a region).
    pub(super) rollouts: Vec<Rc<Rollout>>,
    pub(super) policy: RolloutPolicy,
    pub(super) timing: RolloutTiming,
}

impl Releases {
    pub(super) fn new(catalogue: &Catalogue) -> Releases {
        Releases {
            released: vec![Vec::new(); catalogue.runtimes.len()],
            rollouts: Vec::new(),
            policy: RolloutPolicy::TwoPhase,
            timing: catalogue.rollout,
        }
    }

    pub(super) fn released_version(&self, runtime: RuntimeId, number: u32) -> Option<&RuntimeVersion> {
        self.released[runtime.index()].iter().find(|r| r.number == number)
    }

    /// When an environment on this runtime version stops starting, if ever.
    pub(super) fn expiry(&self, runtime: RuntimeId, number: u32) -> Option<Timestamp> {
        self.released_version(runtime, number).and_then(|r| r.expires)
    }

    /// Every version number of a runtime that exists anywhere, ascending.
    pub(super) fn runtime_versions(&self, catalogue: &Catalogue, runtime: RuntimeId) -> Vec<u32> {
        let mut v = catalogue[runtime].versions.clone();
        v.extend(self.released[runtime.index()].iter().map(|r| r.number));
        crate::order::sort(&mut v);
        v.dedup();
        v
    }

    /// Version numbers released in a region by `now` (its phase 1 has begun there), ascending.
    pub(super) fn available_versions(
        &self,
        catalogue: &Catalogue,
        runtime: RuntimeId,
        region: &str,
        now: Timestamp,
    ) -> Vec<u32> {
        let mut v = catalogue[runtime].versions.clone();
        for r in self.rollouts.iter().filter(|r| r.runtime == runtime) {
            if r.regions.iter().any(|rr| rr.region == region && rr.phase1_start <= now) {
                v.push(r.number);
            }
        }
        v
    }

    /// Code relying on a behaviour fails on every version from the first one that changed it.
    pub(super) fn breaks(
        &self,
        catalogue: &Catalogue,
        runtime: RuntimeId,
        number: u32,
        relies_on: &[String],
    ) -> Option<String> {
        self.released[runtime.index()]
            .iter()
            .filter(|r| r.number <= number)
            .flat_map(|r| r.changes.iter().map(move |c| (r.number, c)))
            .find(|(_, c)| relies_on.contains(c))
            .map(|(n, c)| {
                format!(
                    "BehaviorChangedError: the code relies on behavior '{c}', which {} changed",
                    catalogue[runtime].version_name(n)
                )
            })
    }
}

impl Lambda {
    /// Regions already checked against the catalogue, as ids.
    fn region_ids(&self, regions: &[String]) -> Vec<crate::catalogue::RegionId> {
        regions.iter().filter_map(|r| self.catalogue.region_id(r)).collect()
    }

    pub(super) fn release(&mut self, runtime: &str, regions: &[String], changes: &[String]) -> ApiResult<SimOutput> {
        let rt = validation::catalogue_runtime(self.catalogue, runtime)?;
        for r in regions {
            validation::region(self.catalogue, r).map_err(|e| ApiError::invalid_parameter(e.message))?;
        }
        // The given regions keep the catalogue's stagger order.
        let order: Vec<String> =
            self.catalogue.regions.iter().filter(|r| regions.is_empty() || regions.contains(r)).cloned().collect();
        if self.releases.released[rt.index()].len() >= MAX_RELEASES_PER_RUNTIME {
            return Err(ApiError::invalid_parameter(format!(
                "The playground releases at most {MAX_RELEASES_PER_RUNTIME} runtime versions of {runtime} in one \
                 session; start a new session to explore more releases."
            )));
        }
        let number = self.next_runtime_version(rt);
        let r = &mut self.releases;
        r.released[rt.index()].push(RuntimeVersion { number, changes: changes.to_vec(), expires: None });
        let plan = rollout::plan(&order, self.now, r.timing, r.policy);
        let index = r.rollouts.len();
        let policy = r.policy;
        for (i, rr) in plan.iter().enumerate() {
            self.scheduler.schedule(rr.phase2_start, Task::Phase2Start { rollout: index, region: i });
        }
        let name = self.catalogue[rt].version_name(number);
        let schedule = plan
            .iter()
            .map(|rr| RegionSchedule {
                region: rr.region.clone(),
                phase1_start: rr.phase1_start.rfc3339(),
                phase2_start: rr.phase2_start.rfc3339(),
                phase2_end: rr.phase2_end.rfc3339(),
            })
            .collect();
        let rollout = Rollout { runtime: rt, number, released: self.now, policy, regions: plan };
        self.releases.rollouts.push(Rc::new(rollout));
        self.events.push(Rc::new(Event {
            at: self.now,
            scope: EventScope::Platform { regions: self.region_ids(&order) },
            kind: EventKind::Release,
            detail: if changes.is_empty() { name.clone() } else { format!("{name} (changes {})", changes.join(", ")) },
        }));
        Ok(SimOutput::Released(Released {
            runtime: runtime.to_string(),
            runtime_version: name,
            rollout_policy: policy,
            changes: changes.to_vec(),
            regions: schedule,
        }))
    }

    pub(super) fn phase2_now(&mut self, runtime: &str, only: Option<&str>) -> ApiResult<SimOutput> {
        let rt = validation::catalogue_runtime(self.catalogue, runtime)?;
        let Some(index) = self.releases.rollouts.iter().rposition(|r| r.runtime == rt) else {
            return Err(ApiError::invalid_parameter(format!("No runtime version of {runtime} is rolling out.")));
        };
        let now = self.now;
        let rollout = Rc::make_mut(&mut self.releases.rollouts[index]);
        // A legacy rollout has no gradual phase 2: it moves the whole region at once.
        let window = if rollout.policy == RolloutPolicy::Legacy { 0 } else { self.releases.timing.phase2_window };
        let mut started = Vec::new();
        for (i, rr) in rollout.regions.iter_mut().enumerate() {
            if only.is_some_and(|o| o != rr.region) || rr.phase2_start <= now {
                continue;
            }
            rr.start_phase2(now, window);
            started.push(rr.region.clone());
            self.scheduler.schedule(now, Task::Phase2Start { rollout: index, region: i });
        }
        if started.is_empty() {
            return Err(ApiError::invalid_parameter(match only {
                Some(r) => {
                    format!("Phase 2 of this rollout has already started in {r}, or the release does not include it.")
                }
                None => "Phase 2 of this rollout has already started in every region.".to_string(),
            }));
        }
        let name = self.catalogue[rt].version_name(rollout.number);
        self.events.push(Rc::new(Event {
            at: now,
            scope: EventScope::Platform { regions: self.region_ids(&started) },
            kind: EventKind::Phase2Now,
            detail: format!("phase 2 of {name}"),
        }));
        Ok(SimOutput::Phase2Started(Phase2Started { runtime_version: name, phase2_started_in: started }))
    }

    pub(super) fn set_timing(
        &mut self,
        region_stagger: Option<i64>,
        phase1: Option<i64>,
        phase2_window: Option<i64>,
    ) -> ApiResult<SimOutput> {
        let check = |v: Option<i64>, name: &str, min: i64| match v {
            Some(ms) if !(min..=365 * DAY).contains(&ms) => {
                Err(ApiError::invalid_parameter(format!("{name} must be between {}s and 365d.", min / 1000)))
            }
            _ => Ok(()),
        };
        check(region_stagger, "The region stagger", 0)?;
        check(phase1, "Phase 1", 0)?;
        check(phase2_window, "The phase 2 window", MINUTE)?;
        let t = &mut self.releases.timing;
        t.region_stagger = region_stagger.unwrap_or(t.region_stagger);
        t.phase1 = phase1.unwrap_or(t.phase1);
        t.phase2_window = phase2_window.unwrap_or(t.phase2_window);
        let secs = |ms: i64| format!("{}s", ms / 1000);
        Ok(SimOutput::Timing(TimingSet {
            region_stagger: secs(t.region_stagger),
            phase1: secs(t.phase1),
            phase2_window: secs(t.phase2_window),
        }))
    }

    pub(super) fn set_policy(&mut self, policy: RolloutPolicy) -> SimOutput {
        self.releases.policy = policy;
        SimOutput::Policy(PolicySet { rollout_policy: policy })
    }

    pub(super) fn expire(&mut self, runtime: &str, version: u32, after_ms: i64) -> ApiResult<SimOutput> {
        let rt = validation::catalogue_runtime(self.catalogue, runtime)?;
        let at = self.now.plus(after_ms);
        let name = self.catalogue[rt].version_name(version);
        if !self.runtime_versions(rt).contains(&version) {
            return Err(ApiError::invalid_parameter(format!("{name} has not been released.")));
        }
        let released = &mut self.releases.released[rt.index()];
        // Versions of the initial catalogue get an entry so they can carry an expiry too.
        if !released.iter().any(|r| r.number == version) {
            released.push(RuntimeVersion { number: version, changes: Vec::new(), expires: None });
            crate::order::sort_by_key(released, |r| r.number);
        }
        if let Some(rv) = released.iter_mut().find(|r| r.number == version) {
            rv.expires = Some(at);
        }
        // Any version may run it: running deployments read their alarms every minute from now.
        self.wake_deployments("", "");
        Ok(SimOutput::Expires(ExpirySet { runtime_version: name, expires: at.rfc3339() }))
    }
}
