//! The simulated Lambda service: a deterministic state machine with two inputs, a command
//! (`apply`) and the passing of time (`advance_to`), and borrowed getters for what it holds.
//! Its sub-states live in the files beside this one, each with the operations that change it.

mod alarms;
mod aliases;
mod deployments;
mod events;
mod functions;
mod invoke;
mod outcome;
mod reads;
mod releases;
mod runtime_management;
mod scheduler;
mod stacks;
mod store;
mod traffic;
pub mod validation;

pub use deployments::Deployment;
pub use events::{Event, EventKind, EventScope, RuntimeVersionRef};
pub use outcome::*;
pub use releases::MAX_RELEASES_PER_RUNTIME;

use std::rc::Rc;

use crate::api::{Response, StopDeploymentRequest};
use crate::catalogue::{Catalogue, RolloutTiming, RuntimeId};
use crate::error::ApiResult;
use crate::function::{Change, Function, FunctionVersion, VersionId};
use crate::request::{Command, Directive, Request};
use crate::rng::Rng;
use crate::rollout::{Rollout, RolloutPolicy};
use crate::time::Timestamp;
use releases::Releases;
use scheduler::Scheduler;
use store::Store;
use traffic::Traffic;

/// The whole simulated service. Cloning it is a snapshot; `==` compares every field.
#[derive(Clone, Debug, PartialEq)]
pub struct Lambda {
    catalogue: &'static Catalogue,
    now: Timestamp,
    seed: u64,
    /// Request ids, revision ids: the only randomness, from the seed.
    rng: Rng,
    releases: Releases,
    store: Store,
    /// Shared with snapshots: an event never changes once recorded.
    events: Vec<Rc<Event>>,
    scheduler: Scheduler,
    traffic: Traffic,
    /// CloudWatch alarms by (region, name).
    alarms: crate::order::Map<(String, String), alarms::Alarm>,
    /// CodeDeploy deployments, oldest first (shared with snapshots until one changes).
    deployments: Vec<Rc<Deployment>>,
    /// Indices of the deployments still running.
    active_deployments: Vec<usize>,
    /// Custom deployment configurations by (region, name).
    deployment_configs: crate::order::Map<(String, String), crate::deployment::TrafficRouting>,
    /// CloudFormation stacks by (region, name).
    stacks: crate::order::Map<(String, String), stacks::Stack>,
    /// IAM role names the stacks made, lowercased (IAM is global and ignores case), kept while
    /// the role exists: a role a DeletionPolicy kept outlives its stack.
    iam_roles: crate::order::Set<String>,
    /// Deleted stacks by region, as ListStacks still shows them (oldest first).
    deleted_stacks: Vec<(String, crate::api::StackSummary)>,
    /// Every runtime version a function version has run, in the order each first ran: the UI
    /// gives them colours in this order, so a colour never changes as a session grows.
    runtime_versions_seen: Vec<RuntimeVersionRef>,
    /// Commands applied and tasks run: with the store's clock, what `revision` counts.
    steps: Steps,
}

/// A count that is no part of the state (two replays in other steps reach equal states).
#[derive(Clone, Copy, Debug, Default)]
struct Steps(u64);

impl PartialEq for Steps {
    fn eq(&self, _: &Steps) -> bool {
        true
    }
}

impl Lambda {
    pub fn new(start: Timestamp, seed: u64) -> Lambda {
        let catalogue = Catalogue::builtin();
        Lambda {
            catalogue,
            now: start,
            seed,
            rng: Rng::new(seed),
            releases: Releases::new(catalogue),
            store: Store::default(),
            events: Vec::new(),
            scheduler: Scheduler::default(),
            traffic: Traffic::new(start),
            alarms: Default::default(),
            deployments: Vec::new(),
            active_deployments: Vec::new(),
            deployment_configs: Default::default(),
            stacks: Default::default(),
            iam_roles: Default::default(),
            deleted_stacks: Vec::new(),
            runtime_versions_seen: Vec::new(),
            steps: Steps::default(),
        }
    }

    // ---------------------------------------------------------------- inputs

    /// Applies one command at the current time, then runs what it scheduled for that same
    /// instant (e.g. `sim phase2` starting now), so the state after a command never depends on
    /// whether the clock moves on before the next one.
    pub fn apply(&mut self, command: &Command) -> Outcome {
        self.steps.0 += 1;
        let outcome = match command {
            Command::Api { region, request } => self.handle(region, request).map(Output::Api),
            Command::Sim { region, directive } => self.directive(region, directive).map(Output::Sim),
        };
        self.advance_to(self.now);
        outcome
    }

    /// Runs everything scheduled up to `t` (phase 2 moves, background traffic), then sets the
    /// clock. Time never runs back: an earlier `t` does nothing.
    pub fn advance_to(&mut self, t: Timestamp) {
        if t < self.now {
            return;
        }
        while let Some((at, task)) = self.scheduler.pop_due(t) {
            self.now = self.now.max(at);
            self.steps.0 += 1;
            self.run(task);
        }
        self.sync_all_traffic(t);
        self.now = t;
    }

    fn handle(&mut self, region: &str, request: &Request) -> ApiResult<Response> {
        validation::region(self.catalogue, region)?;
        let function = |c| Response::Function(Box::new(c));
        match request {
            Request::CreateFunction(r) => self.create_function(region, r).map(function),
            Request::UpdateFunctionCode(r) => self.update_function_code(region, r).map(function),
            Request::UpdateFunctionConfiguration(r) => self.update_function_configuration(region, r).map(function),
            Request::PublishVersion(r) => self.publish_version(region, r).map(function),
            Request::GetFunction(r) => self.get_function(region, r).map(|g| Response::GetFunction(Box::new(g))),
            Request::GetFunctionConfiguration(r) => self.get_configuration(region, r).map(function),
            Request::ListFunctions(r) => self.list_functions(region, r).map(Response::ListFunctions),
            Request::ListVersionsByFunction(r) => self.list_versions(region, r).map(Response::ListVersions),
            Request::DeleteFunction(r) => self.delete_function(region, r).map(|_| Response::Empty),
            Request::PutRuntimeManagementConfig(r) => {
                self.put_runtime_management_config(region, r).map(Response::PutRuntimeManagementConfig)
            }
            Request::GetRuntimeManagementConfig(r) => {
                self.get_runtime_management_config(region, r).map(Response::GetRuntimeManagementConfig)
            }
            Request::Invoke(r) => self.invoke(region, r).map(Response::Invoke),
            Request::CreateAlias(r) => self.create_alias(region, r).map(Response::Alias),
            Request::GetAlias(r) => self.get_alias(region, r).map(Response::Alias),
            Request::UpdateAlias(r) => self.update_alias(region, r).map(Response::Alias),
            Request::ListAliases(r) => self.list_aliases(region, r).map(Response::ListAliases),
            Request::DeleteAlias(r) => self.delete_alias(region, r).map(|_| Response::Empty),
            Request::PutMetricAlarm(r) => self.put_metric_alarm(region, r).map(|_| Response::Empty),
            Request::DescribeAlarms(r) => self.describe_alarms(region, r).map(Response::DescribeAlarms),
            Request::DeleteAlarms(r) => self.delete_alarms(region, r).map(|_| Response::Empty),
            Request::GetDeployment(r) => self.get_deployment(region, r).map(|g| Response::GetDeployment(Box::new(g))),
            Request::StopDeployment(r) => self.stop_deployment(region, r).map(Response::StopDeployment),
            Request::CreateDeploymentConfig(r) => {
                self.create_deployment_config(region, r).map(Response::CreateDeploymentConfig)
            }
            Request::DeployStack(r) => self.deploy_stack(region, r).map(Response::StackDeployed),
            Request::DescribeStacks(r) => self.describe_stacks(region, r).map(Response::DescribeStacks),
            Request::DescribeStackEvents(r) => self.describe_stack_events(region, r).map(Response::DescribeStackEvents),
            Request::ListStacks(r) => Ok(Response::ListStacks(self.list_stacks(region, r))),
            Request::DeleteStack(r) => self.delete_stack(region, r).map(|_| Response::Empty),
        }
    }

    fn directive(&mut self, region: &str, d: &Directive) -> ApiResult<SimOutput> {
        match d {
            Directive::Release { runtime, regions, changes } => self.release(runtime, regions, changes),
            Directive::Phase2 { runtime, region: only } => self.phase2_now(runtime, only.as_deref()),
            Directive::ReliesOn { function, behaviour } => self.relies_on(region, function, behaviour),
            Directive::Traffic { function, qualifier, per_minute } => {
                self.set_traffic(region, function, qualifier.as_deref(), *per_minute)
            }
            Directive::Timing { region_stagger, phase1, phase2_window } => {
                self.set_timing(*region_stagger, *phase1, *phase2_window)
            }
            Directive::Policy(p) => Ok(self.set_policy(*p)),
            Directive::Expire { runtime, version, after_ms } => self.expire(runtime, *version, *after_ms),
            Directive::Deploy(r) => self.deploy(region, r),
            Directive::StopDeployment { deployment_id, rollback } => {
                let r =
                    StopDeploymentRequest { deployment_id: deployment_id.clone(), auto_rollback_enabled: *rollback };
                self.stop_deployment(region, &r).map(SimOutput::DeploymentStopping)
            }
        }
    }

    // ---------------------------------------------------------------- shared steps

    fn refresh_breakage(&mut self, id: VersionId) {
        let v = &self.store[id];
        let broken = self.releases.breaks(self.catalogue, v.config.runtime, v.runtime_version, &v.code.relies_on);
        let started_failing = broken.is_some() && !v.broken;
        self.store[id].broken = broken.is_some();
        if started_failing && !self.active_deployments.is_empty() {
            let v = &self.store[id];
            let (region, function) = (v.region.clone(), v.function_name.clone());
            self.wake_deployments(&region, &function);
        }
    }

    /// Moves a version to a runtime version, recording the change as an event when it is one.
    fn move_version(&mut self, id: VersionId, runtime: RuntimeId, number: u32, cause: Change) {
        let v = &self.store[id];
        let from = (v.config.runtime, v.runtime_version);
        let before = self.rv_name(id);
        self.store[id].set_runtime_version(self.now, runtime, number, cause);
        self.saw_runtime_version((runtime, number));
        self.refresh_breakage(id);
        if from != (runtime, number) {
            let detail = format!("{before} to {} ({})", self.rv_name(id), cause.describe());
            self.event(id, EventKind::RuntimeVersionChange { from, to: (runtime, number), cause }, detail);
        }
    }

    /// Notes a runtime version a function version runs (sessions see a handful: a scan is enough).
    fn saw_runtime_version(&mut self, rv: RuntimeVersionRef) {
        if !self.runtime_versions_seen.contains(&rv) {
            self.runtime_versions_seen.push(rv);
        }
    }

    /// Where the event list ends now: `moved_since` reports what moved after it.
    pub fn event_mark(&self) -> usize {
        self.events.len()
    }

    /// Live function versions whose runtime version differs from what it was at `mark`, in
    /// region, name and qualifier order: (version, runtime version then, runtime version now).
    pub fn moved_since(&self, mark: usize) -> Vec<(VersionId, RuntimeVersionRef, RuntimeVersionRef)> {
        let mut first: crate::order::Map<VersionId, RuntimeVersionRef> = Default::default();
        for e in self.events.get(mark..).unwrap_or_default() {
            if let (EventScope::FunctionVersion { id, .. }, EventKind::RuntimeVersionChange { from, .. }) =
                (&e.scope, e.kind)
            {
                first.entry_or_insert_with(*id, || from);
            }
        }
        self.live_versions()
            .into_iter()
            .filter_map(|id| {
                let from = *first.get(&id)?;
                let v = self.store.get(id)?;
                let to = (v.config.runtime, v.runtime_version);
                (from != to).then_some((id, from, to))
            })
            .collect()
    }

    // ---------------------------------------------------------------- getters

    pub fn catalogue(&self) -> &'static Catalogue {
        self.catalogue
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    /// How later releases roll out.
    pub fn policy(&self) -> RolloutPolicy {
        self.releases.policy
    }

    /// How later releases are paced.
    pub fn timing(&self) -> RolloutTiming {
        self.releases.timing
    }

    /// Every release's rollout, oldest first.
    pub fn rollouts(&self) -> &[Rc<Rollout>] {
        &self.releases.rollouts
    }

    pub fn events(&self) -> &[Rc<Event>] {
        &self.events
    }

    /// Every runtime version a function version has run, in the order each first ran.
    pub fn runtime_versions_seen(&self) -> &[RuntimeVersionRef] {
        &self.runtime_versions_seen
    }

    /// A function version the session made (deleted ones included); `None` for an id from
    /// another state (a stale selection after time travel).
    pub fn version(&self, id: VersionId) -> Option<&FunctionVersion> {
        self.store.get(id)
    }

    /// Every function version the session made, deleted ones included, in creation order.
    pub fn versions(&self) -> impl Iterator<Item = (VersionId, &FunctionVersion)> {
        self.store.iter()
    }

    /// Moves whenever anything but the clock changed: a command, a scheduled task, a version
    /// touched by background traffic in a way that shows (a failure, a cold start). Equal
    /// revisions of one session mean the same state but for the clock.
    pub fn revision(&self) -> u64 {
        self.steps.0 + self.store.clock()
    }

    /// Moves whenever that version changed (its lane and row compare it to skip a render).
    pub fn version_stamp(&self, id: VersionId) -> Option<u64> {
        self.store.stamp(id)
    }

    pub fn version_count(&self) -> usize {
        self.store.len()
    }

    /// The live function a version belongs to.
    pub fn function_of(&self, id: VersionId) -> Option<&Function> {
        self.store.function_of(id)
    }

    /// Live functions by (region, name), in that order.
    pub fn functions(&self) -> impl Iterator<Item = (&(String, String), &Function)> {
        self.store.functions.iter()
    }

    /// Live function versions, in region, name, qualifier order.
    pub fn live_versions(&self) -> Vec<VersionId> {
        let mut out = Vec::new();
        for f in self.store.functions.values() {
            out.push(f.latest);
            out.extend(f.published.values().copied());
        }
        out
    }

    /// Every version number of a runtime that exists anywhere, ascending.
    pub fn runtime_versions(&self, runtime: RuntimeId) -> Vec<u32> {
        self.releases.runtime_versions(self.catalogue, runtime)
    }

    /// The number `sim release` gives the runtime's next version.
    pub fn next_runtime_version(&self, runtime: RuntimeId) -> u32 {
        self.runtime_versions(runtime).last().copied().unwrap_or(0) + 1
    }

    /// Version numbers released in a region by now (its phase 1 has begun there), ascending.
    pub fn available_versions(&self, runtime: RuntimeId, region: &str) -> Vec<u32> {
        self.releases.available_versions(self.catalogue, runtime, region, self.now)
    }

    /// The newest runtime version phase 1 offers in a region: what a created or updated
    /// Auto/FunctionUpdate function gets.
    pub fn newest_available(&self, runtime: RuntimeId, region: &str) -> u32 {
        // Every catalogue runtime has at least one version (the catalogue parser checks).
        *self.available_versions(runtime, region).last().unwrap_or(&0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{DAY, DEFAULT_CLOCK};

    fn sim(directive: Directive) -> Command {
        Command::Sim { region: "us-east-1".into(), directive }
    }

    /// `==` sees what the old text fingerprint left out: the policy, the timing and the queue.
    #[test]
    fn equality_sees_policy_timing_and_scheduled_tasks() {
        let start = Lambda::new(DEFAULT_CLOCK, 1);
        let mut legacy = start.clone();
        let _ = legacy.apply(&sim(Directive::Policy(RolloutPolicy::Legacy)));
        assert!(legacy != start);
        let mut slow = start.clone();
        let _ =
            slow.apply(&sim(Directive::Timing { region_stagger: Some(3 * DAY), phase1: None, phase2_window: None }));
        assert!(slow != start);
        let mut queued = start.clone();
        queued.scheduler.schedule(DEFAULT_CLOCK.plus(DAY), scheduler::Task::Phase2Start { rollout: 0, region: 0 });
        assert!(queued != start);
    }

    fn create(name: &str) -> Command {
        use crate::api::{CreateFunctionRequest, FunctionCode};
        Command::Api {
            region: "us-east-1".into(),
            request: Request::CreateFunction(CreateFunctionRequest {
                function_name: name.into(),
                runtime: Some("python3.9".into()),
                role: "arn:aws:iam::123456789012:role/r".into(),
                handler: Some("h".into()),
                code: FunctionCode { zip_file: format!("{name}.zip") },
                publish: true,
                ..Default::default()
            }),
        }
    }

    fn stamps(l: &Lambda) -> Vec<u64> {
        l.versions().map(|(id, _)| l.version_stamp(id).unwrap_or_default()).collect()
    }

    /// The UI skips rows and lanes whose stamp did not move: a command on one function moves
    /// that function's stamps only, and healthy background traffic moves none.
    #[test]
    fn stamps_move_with_the_versions_that_changed() {
        let mut l = Lambda::new(DEFAULT_CLOCK, 1);
        for name in ["a", "b", "c"] {
            let _ = l.apply(&create(name));
        }
        let traffic = Directive::Traffic { function: "b".into(), qualifier: None, per_minute: 5.0 };
        let _ = l.apply(&sim(traffic));
        l.advance_to(DEFAULT_CLOCK.plus(DAY));
        let (before, revision) = (stamps(&l), l.revision());
        l.advance_to(DEFAULT_CLOCK.plus(2 * DAY));
        assert_eq!(stamps(&l), before, "a day of healthy traffic");
        assert_eq!(l.revision(), revision);
        let _ = l.apply(&sim(Directive::ReliesOn { function: "c".into(), behaviour: "tls".into() }));
        let after = stamps(&l);
        let moved: Vec<bool> = before.iter().zip(&after).map(|(a, b)| a != b).collect();
        // a:$LATEST, a:1, b:$LATEST, b:1, c:$LATEST, c:1
        assert_eq!(moved, [false, false, false, false, true, true]);
        assert!(l.revision() > revision);
    }

    /// What moved is the model's own record: runtime version changes are events, and
    /// `moved_since` nets them per live version.
    #[test]
    fn runtime_version_changes_are_events() {
        let mut l = Lambda::new(DEFAULT_CLOCK, 1);
        let _ = l.apply(&create("a"));
        let _ = l.apply(&sim(Directive::Release { runtime: "python3.9".into(), regions: vec![], changes: vec![] }));
        let mark = l.event_mark();
        let _ = l.apply(&sim(Directive::Phase2 { runtime: "python3.9".into(), region: None }));
        l.advance_to(DEFAULT_CLOCK.plus(4 * DAY));
        let moves: Vec<(String, String)> = l.events()[mark..]
            .iter()
            .filter(|e| matches!(e.kind, EventKind::RuntimeVersionChange { cause: Change::Phase2, .. }))
            .map(|e| (e.place(l.catalogue()), e.detail.clone()))
            .collect();
        let detail = "python:3.9.v14 to python:3.9.v15 (phase 2 of the rollout)";
        assert_eq!(
            moves,
            [
                ("us-east-1 a:$LATEST".to_string(), detail.to_string()),
                ("us-east-1 a:1".to_string(), detail.to_string())
            ]
        );
        let rt = l.catalogue().runtime_index("python3.9").unwrap();
        let moved: Vec<_> = l.moved_since(mark).into_iter().map(|(_, from, to)| (from, to)).collect();
        assert_eq!(moved, [((rt, 14), (rt, 15)), ((rt, 14), (rt, 15))]);
        assert!(l.moved_since(l.event_mark()).is_empty());
    }
}
