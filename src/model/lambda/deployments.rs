//! CodeDeploy deployments of a Lambda alias (`sim deploy`, `aws deploy get-deployment`,
//! `stop-deployment`, `create-deployment-config`): the BeforeAllowTraffic hook, weights shifted
//! on the configuration's schedule, alarms checked every simulated minute (and before the
//! start), the AfterAllowTraffic hook, and automatic rollback as a deployment of its own.
//! What AWS records is in LAMBDA.md ("Traffic shifting with CodeDeploy"). [choice] CodeDeploy
//! publishes no error texts: every message here but the active-deployment conflict and
//! StopDeployment's answer is the playground's wording, and the README says so.

use std::rc::Rc;

use super::outcome::{DeploymentCreated, SimOutput};
use super::scheduler::Task;
use super::{EventKind, EventScope, Lambda};
use crate::api::*;
use crate::arn::function_arn;
use crate::deployment::{predefined, DeploymentErrorCode, DeploymentStatus, Stage, TrafficRouting};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::function::Qualifier;
use crate::request::DeployRequest;
use crate::time::{Timestamp, MINUTE};

/// The most alarms a deployment group watches (LAMBDA.md).
pub const MAX_ALARMS: usize = 10;

/// What a deployment was asked to do: fixed once it is created (shared by its clones).
#[derive(Clone, Debug, PartialEq)]
pub struct DeploymentSpec {
    pub id: String,
    pub region: String,
    pub function: String,
    pub alias: String,
    pub config_name: String,
    pub routing: TrafficRouting,
    pub target: u32,
    pub alarms: Vec<String>,
    pub pre_traffic_hook: Option<String>,
    pub post_traffic_hook: Option<String>,
    pub auto_rollback: bool,
    /// Its CodeDeploy application and deployment group.
    pub application: String,
    pub group: String,
    /// Made by CodeDeploy to roll another deployment back.
    pub rollback_of: Option<String>,
    pub created: Timestamp,
}

/// One deployment: its spec (read through `Deref`), where it is, and the weights it set.
#[derive(Clone, Debug, PartialEq)]
pub struct Deployment {
    pub spec: Rc<DeploymentSpec>,
    /// The version the alias pointed at when the deployment started (`None` until then).
    pub current: Option<u32>,
    pub rolled_back_by: Option<String>,
    pub status: DeploymentStatus,
    pub stage: Stage,
    pub completed: Option<Timestamp>,
    pub error: Option<(DeploymentErrorCode, String)>,
    /// The target version's share of the alias's traffic, from each moment on.
    pub shifts: Vec<(Timestamp, f64)>,
    /// When its next step is scheduled: a task for any other time is stale.
    next_tick: Option<Timestamp>,
}

impl std::ops::Deref for Deployment {
    type Target = DeploymentSpec;
    fn deref(&self) -> &DeploymentSpec {
        &self.spec
    }
}

impl Deployment {
    pub fn is_active(&self) -> bool {
        self.status.is_active()
    }

    /// The target's share now (0 before the first shift).
    pub fn weight(&self) -> f64 {
        self.shifts.last().map_or(0.0, |s| s.1)
    }
}

/// Where a hook or a check found the deployment must end.
struct Ending {
    status: DeploymentStatus,
    code: DeploymentErrorCode,
    message: String,
    rollback: bool,
}

impl Lambda {
    /// `d-` and nine of `[A-Z0-9]`, from the session's generator.
    fn deployment_id(&mut self) -> String {
        let mut n = self.rng.next_u64();
        let mut id = String::from("d-");
        for _ in 0..9 {
            id.push(char::from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[(n % 36) as usize]));
            n /= 36;
        }
        id
    }

    fn deployment_index(&self, region: &str, id: &str) -> ApiResult<usize> {
        if !(id.len() == 11 && id.starts_with("d-") && id[2..].bytes().all(|b| b.is_ascii_alphanumeric())) {
            return Err(ApiError::new(
                ErrorCode::InvalidDeploymentIdException,
                format!("Specified DeploymentId is not in the valid format: {id}"),
            ));
        }
        self.deployments.iter().position(|d| d.id == id && d.region == region).ok_or_else(|| {
            ApiError::new(
                ErrorCode::DeploymentDoesNotExistException,
                format!("The deployment {id} could not be found."),
            )
        })
    }

    pub(super) fn deployment_config(&self, region: &str, name: &str) -> ApiResult<TrafficRouting> {
        predefined(name)
            .or_else(|| self.deployment_configs.get(&(region.to_string(), name.to_string())).copied())
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::DeploymentConfigDoesNotExistException,
                    format!("No deployment configuration found for name: {name}"),
                )
            })
    }

    pub(super) fn deploy(&mut self, region: &str, r: &DeployRequest) -> ApiResult<SimOutput> {
        let routing = self.deployment_config(region, &r.config)?;
        if r.alarms.len() > MAX_ALARMS {
            return Err(ApiError::new(
                ErrorCode::AlarmsLimitExceededException,
                format!("The maximum number of alarms for a deployment group ({MAX_ALARMS}) was exceeded."),
            ));
        }
        let (_, key) = self.alias_function(region, &r.function)?;
        if !self.store.functions[&key].aliases.contains_key(&r.alias) {
            let arn = function_arn(&key.0, &key.1, Some(&r.alias));
            return Err(ApiError::not_found(format!("Cannot find alias arn: {arn}")));
        }
        let Qualifier::Version(target) = self.alias_target(&key, &r.target_version)? else {
            return Err(ApiError::invalid_parameter("A deployment's target is a published version, not $LATEST."));
        };
        let function = key.1.clone();
        let same =
            |d: &&Rc<Deployment>| d.is_active() && d.region == key.0 && d.function == function && d.alias == r.alias;
        if let Some(active) = self.active_deployments.iter().map(|&i| &self.deployments[i]).find(same) {
            return Err(ApiError::new(
                ErrorCode::DeploymentLimitExceededException,
                format!("The Deployment Group '{}' already has an active Deployment '{}'", active.group, active.id),
            ));
        }
        let id = self.deployment_id();
        let (application, group) =
            r.group.as_deref().cloned().unwrap_or_else(|| (function.clone(), format!("{function}-{}", r.alias)));
        let spec = DeploymentSpec {
            id: id.clone(),
            region: key.0.clone(),
            application,
            group,
            function,
            alias: r.alias.clone(),
            config_name: r.config.clone(),
            routing,
            target,
            alarms: r.alarms.clone(),
            pre_traffic_hook: r.pre_traffic_hook.clone(),
            post_traffic_hook: r.post_traffic_hook.clone(),
            auto_rollback: r.auto_rollback,
            rollback_of: None,
            created: self.now,
        };
        self.deployments.push(Rc::new(Deployment {
            spec: Rc::new(spec),
            current: None,
            rolled_back_by: None,
            status: DeploymentStatus::Created,
            stage: Stage::BeforeAllowTraffic,
            completed: None,
            error: None,
            shifts: Vec::new(),
            next_tick: None,
        }));
        let index = self.deployments.len() - 1;
        self.active_deployments.push(index);
        self.schedule_deployment(index, self.now);
        Ok(SimOutput::Deployment(DeploymentCreated { deployment_id: id }))
    }

    /// Schedules a deployment's next step at `at`, unless one is due sooner.
    fn schedule_deployment(&mut self, index: usize, at: Timestamp) {
        let Some(d) = self.deployments.get_mut(index) else { return };
        if d.next_tick.is_some_and(|t| t <= at) {
            return;
        }
        Rc::make_mut(d).next_tick = Some(at);
        self.scheduler.schedule(at, Task::Deployment { index });
    }

    /// Active deployments step at the next minute when a version of `function` (every function
    /// when empty) may have started failing: their own function's, or one their alarms watch.
    /// From then on they read their alarms every minute.
    pub(super) fn wake_deployments(&mut self, region: &str, function: &str) {
        let next_minute = Timestamp((self.now.0.div_euclid(MINUTE) + 1) * MINUTE);
        let concerns = |d: &Deployment| {
            function.is_empty()
                || (d.region == region
                    && (d.function == function
                        || d.alarms.iter().filter_map(|n| self.alarms.get(&(d.region.clone(), n.clone()))).any(|a| {
                            a.put.dimensions.iter().any(|dim| dim.name == "FunctionName" && dim.value == function)
                        })))
        };
        let due: Vec<usize> =
            self.active_deployments.iter().copied().filter(|&i| concerns(&self.deployments[i])).collect();
        for index in due {
            self.schedule_deployment(index, next_minute);
        }
    }

    /// Whether an alarm of the deployment could be in ALARM before its next shift: one of the
    /// versions its alarms watch fails now, may expire, or had errors in the last day.
    /// Otherwise it steps only at its shifts; a version that starts failing wakes it.
    fn needs_minutes(&self, d: &DeploymentSpec) -> bool {
        let now_minute = self.now.0.div_euclid(MINUTE);
        d.alarms.iter().filter_map(|name| self.alarms.get(&(d.region.clone(), name.clone()))).any(|a| {
            self.watched(&d.region, &a.put).into_iter().filter_map(|id| self.store.get(id)).any(|v| {
                v.broken
                    || self.releases.expiry(v.config.runtime, v.runtime_version).is_some()
                    || v.metrics.last_error_minute().is_some_and(|m| m >= now_minute - 24 * 60)
            })
        })
    }

    /// One step of a deployment: at its start, at each shift, and at each minute while one of
    /// the versions its alarms watch may fail (the alarm check).
    pub(super) fn deployment_tick(&mut self, index: usize) {
        let Some(dep) = self.deployments.get(index) else { return };
        if !dep.is_active() || dep.next_tick != Some(self.now) {
            return; // ended, or superseded by a sooner step
        }
        // The spec is shared, so the state can change without copying it.
        let d = dep.spec.clone();
        Rc::make_mut(&mut self.deployments[index]).next_tick = None;
        // The versions its alarms watch ran their traffic up to now: the alarms read their errors.
        let watched: Vec<_> = d
            .alarms
            .iter()
            .filter_map(|name| self.alarms.get(&(d.region.clone(), name.clone())))
            .flat_map(|a| self.watched(&d.region, &a.put))
            .collect();
        for id in watched {
            self.sync_traffic(id, self.now);
        }
        if let Some(ending) = self.deployment_step(index, &d) {
            self.end_deployment(index, ending);
            return;
        }
        if let Stage::AllowTraffic { next_step } = self.deployments[index].stage {
            let next_shift = d.routing.steps().get(next_step).map(|s| d.created.plus(s.0));
            let next_minute = Timestamp((self.now.0.div_euclid(MINUTE) + 1) * MINUTE);
            let due = match (next_shift, self.needs_minutes(&d)) {
                (Some(shift), false) => shift,
                (Some(shift), true) => shift.min(next_minute),
                (None, _) => next_minute,
            };
            self.schedule_deployment(index, due);
        }
    }

    /// Runs what is due; `Some` when the deployment must end.
    fn deployment_step(&mut self, index: usize, d: &DeploymentSpec) -> Option<Ending> {
        let key = (d.region.clone(), d.function.clone());
        let alias = self.store.functions.get(&key).and_then(|f| f.aliases.get(&d.alias)).cloned();
        let Some(alias) = alias else {
            return Some(invalid(format!("The alias {} of function {} no longer exists.", d.alias, d.function)));
        };
        if self.deployments[index].stage == Stage::BeforeAllowTraffic {
            Rc::make_mut(&mut self.deployments[index]).status = DeploymentStatus::InProgress;
            // A stopped deployment without rollback leaves two versions behind: CodeDeploy's
            // troubleshooting guide says later deployments fail until the routing is cleared.
            if let Some((extra, _)) = alias.routing {
                return Some(invalid(format!(
                    "The alias {} of function {} routes traffic to two versions ({} and {extra}): remove its weighted routing before deploying.",
                    d.alias, d.function, alias.function_version
                )));
            }
            let Qualifier::Version(current) = alias.function_version else {
                return Some(invalid(format!(
                    "The alias {} of function {} points at $LATEST: a deployment shifts traffic between published versions.",
                    d.alias, d.function
                )));
            };
            // CodeDeploy moves the alias with UpdateAlias: Lambda's rule for two versions holds.
            let role = |n: u32| {
                self.store
                    .functions
                    .get(&key)
                    .and_then(|f| f.published.get(&n))
                    .map(|&id| self.store[id].config.role.clone())
            };
            if current != d.target && role(current) != role(d.target) {
                return Some(invalid("Specified versions must be associated with the same execution role".into()));
            }
            Rc::make_mut(&mut self.deployments[index]).current = Some(current);
            self.deployment_event(
                index,
                EventKind::DeploymentStarted,
                format!("{} to version {} ({})", d.id, d.target, d.config_name),
            );
            if let Some(e) = self.alarm_check(d) {
                return Some(e);
            }
            if let Some(e) = self.hook(d, "BeforeAllowTraffic", d.pre_traffic_hook.as_deref()) {
                return Some(e);
            }
            Rc::make_mut(&mut self.deployments[index]).stage = Stage::AllowTraffic { next_step: 0 };
        } else if let Some(e) = self.alarm_check(d) {
            return Some(e);
        }
        let Stage::AllowTraffic { mut next_step } = self.deployments[index].stage else { return None };
        let current = self.deployments[index].current?;
        let steps = d.routing.steps();
        let mut share = None;
        while let Some(&(offset, w)) = steps.get(next_step) {
            if d.created.plus(offset) > self.now {
                break;
            }
            share = Some(w);
            next_step += 1;
        }
        Rc::make_mut(&mut self.deployments[index]).stage = Stage::AllowTraffic { next_step };
        let share = share?;
        let done = share >= 1.0 || d.target == current;
        if done {
            self.point_alias(&key, &d.alias, d.target, None, &d.id);
        } else {
            self.point_alias(&key, &d.alias, current, Some((d.target, share)), &d.id);
        }
        Rc::make_mut(&mut self.deployments[index]).shifts.push((self.now, share));
        if !done {
            return None;
        }
        if let Some(e) = self.hook(d, "AfterAllowTraffic", d.post_traffic_hook.as_deref()) {
            return Some(e);
        }
        self.active_deployments.retain(|&i| i != index);
        let dep = Rc::make_mut(&mut self.deployments[index]);
        dep.stage = Stage::Done;
        dep.status = DeploymentStatus::Succeeded;
        dep.completed = Some(self.now);
        self.deployment_event(
            index,
            EventKind::DeploymentSucceeded,
            format!("{}: {} on version {}", d.id, d.alias, d.target),
        );
        // A stack update that waited for it goes on.
        self.deployment_ended(&d.region, &d.id, true, "");
        None
    }

    /// The first of the deployment's alarms in ALARM now, as the ending it causes.
    fn alarm_check(&self, d: &DeploymentSpec) -> Option<Ending> {
        let (name, _) = self.alarm_firing(&d.region, &d.alarms, self.now)?;
        Some(Ending {
            status: DeploymentStatus::Stopped,
            code: DeploymentErrorCode::AlarmActive,
            // Worded after CodeDeploy's console.
            message: format!(
                "One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: {name}"
            ),
            rollback: d.auto_rollback,
        })
    }

    /// Invokes a lifecycle hook function with what CodeDeploy sends it; it fails when the
    /// invocation does. [choice] A hook reports its own result at once (no hour-long wait).
    fn hook(&mut self, d: &DeploymentSpec, event: &str, function: Option<&str>) -> Option<Ending> {
        let function = function?;
        let execution = self.rng.uuid();
        let payload = format!(r#"{{"DeploymentId": "{}", "LifecycleEventHookExecutionId": "{execution}"}}"#, d.id);
        let request =
            InvokeRequest { function_name: function.to_string(), payload: Some(payload), ..Default::default() };
        let failed = match self.invoke(&d.region, &request) {
            Ok(r) => r.function_error.is_some(),
            Err(_) => true,
        };
        failed.then(|| Ending {
            status: DeploymentStatus::Failed,
            code: DeploymentErrorCode::HookExecutionFailure,
            message: format!(
                "The {event} lifecycle event hook (function {function}) reported Failed: the deployment failed."
            ),
            rollback: d.auto_rollback,
        })
    }

    /// Points an alias at `primary` with optional routing, as an UpdateAlias by CodeDeploy.
    fn point_alias(
        &mut self,
        key: &(String, String),
        alias: &str,
        primary: u32,
        routing: Option<(u32, f64)>,
        by: &str,
    ) {
        let revision_id = self.rng.uuid();
        let Some(f) = self.store.functions.get_mut(key) else { return };
        let latest = f.latest;
        let Some(a) = f.aliases.get_mut(alias) else { return };
        a.function_version = Qualifier::Version(primary);
        a.routing = routing;
        a.revision_id = revision_id;
        let a = a.clone();
        let detail = format!("{by}: {}", super::aliases::routing_text(&a));
        self.alias_event(key, alias, &a, detail);
        self.store.touch(latest);
        self.retarget_traffic(key);
    }

    /// Ends a deployment (rolling back when asked), then lets a stack update waiting for it go on.
    fn end_deployment(&mut self, index: usize, ending: Ending) {
        let (region, id, message) = {
            let d = &self.deployments[index];
            (d.region.clone(), d.id.clone(), ending.message.clone())
        };
        self.finish_deployment(index, ending);
        self.deployment_ended(&region, &id, false, &message);
    }

    fn finish_deployment(&mut self, index: usize, ending: Ending) {
        self.active_deployments.retain(|&i| i != index);
        let d = Rc::make_mut(&mut self.deployments[index]);
        d.status = ending.status;
        d.stage = Stage::Done;
        d.completed = Some(self.now);
        d.error = Some((ending.code, ending.message));
        let d = self.deployments[index].clone();
        let kind = if ending.status == DeploymentStatus::Stopped {
            EventKind::DeploymentStopped
        } else {
            EventKind::DeploymentFailed
        };
        let code =
            serde_json::to_value(ending.code).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        self.deployment_event(index, kind, format!("{}: {code}", d.id));
        if !ending.rollback {
            return;
        }
        let Some(current) = d.current else { return };
        // The rollback: a deployment of its own that flips the alias back in one step.
        let id = self.deployment_id();
        let key = (d.region.clone(), d.function.clone());
        // Only an alias that moved is pointed back (a deployment stopped before its first shift
        // leaves it as it was).
        if !d.shifts.is_empty() {
            self.point_alias(&key, &d.alias, current, None, &id);
        }
        let spec = DeploymentSpec {
            id: id.clone(),
            target: current,
            alarms: Vec::new(),
            pre_traffic_hook: None,
            post_traffic_hook: None,
            auto_rollback: false,
            rollback_of: Some(d.id.clone()),
            created: self.now,
            ..(*d.spec).clone()
        };
        let rollback = Deployment {
            spec: Rc::new(spec),
            current: Some(d.target),
            rolled_back_by: None,
            status: DeploymentStatus::Succeeded,
            stage: Stage::Done,
            completed: Some(self.now),
            error: None,
            shifts: vec![(self.now, 1.0)],
            next_tick: None,
        };
        self.deployments.push(Rc::new(rollback));
        Rc::make_mut(&mut self.deployments[index]).rolled_back_by = Some(id.clone());
        let rollback_index = self.deployments.len() - 1;
        self.deployment_event(
            rollback_index,
            EventKind::DeploymentRolledBack,
            format!("{id} rolls {} back: {} on version {current}", d.id, d.alias),
        );
    }

    fn deployment_event(&mut self, index: usize, kind: EventKind, detail: String) {
        let d = &self.deployments[index];
        let scope =
            EventScope::Alias { region: d.region.clone(), function_name: d.function.clone(), alias: d.alias.clone() };
        self.events.push(Rc::new(super::Event { at: self.now, scope, kind, detail }));
    }

    pub(super) fn get_deployment(&self, region: &str, r: &DeploymentIdRequest) -> ApiResult<GetDeploymentResponse> {
        let d = &self.deployments[self.deployment_index(region, &r.deployment_id)?];
        let overview = {
            let mut o = DeploymentOverview::default();
            match d.status {
                DeploymentStatus::Created => o.pending = 1,
                DeploymentStatus::InProgress => o.in_progress = 1,
                DeploymentStatus::Succeeded => o.succeeded = 1,
                DeploymentStatus::Failed | DeploymentStatus::Stopped => o.failed = 1,
            }
            o
        };
        let rollback_info = match (&d.rolled_back_by, &d.rollback_of) {
            (Some(by), _) => Some(RollbackInfo {
                rollback_deployment_id: Some(by.clone()),
                rollback_message: Some(format!("Rolled back by deployment {by}.")),
                ..Default::default()
            }),
            (None, Some(of)) => {
                Some(RollbackInfo { rollback_triggering_deployment_id: Some(of.clone()), ..Default::default() })
            }
            (None, None) => None,
        };
        let events = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM", "DEPLOYMENT_STOP_ON_REQUEST"];
        Ok(GetDeploymentResponse {
            deployment_info: DeploymentInfo {
                application_name: d.application.clone(),
                auto_rollback_configuration: AutoRollbackConfiguration {
                    enabled: d.auto_rollback,
                    events: if d.auto_rollback { events.map(String::from).to_vec() } else { Vec::new() },
                },
                complete_time: d.completed.map(Timestamp::cli_iso),
                compute_platform: "Lambda",
                create_time: d.created.cli_iso(),
                creator: if d.rollback_of.is_some() { "codeDeployRollback" } else { "user" },
                deployment_config_name: d.config_name.clone(),
                deployment_group_name: d.group.clone(),
                deployment_id: d.id.clone(),
                deployment_overview: overview,
                deployment_status_messages: Vec::new(),
                deployment_style: DeploymentStyle {
                    deployment_type: "BLUE_GREEN",
                    deployment_option: "WITH_TRAFFIC_CONTROL",
                },
                error_information: d.error.clone().map(|(code, message)| ErrorInformation { code, message }),
                rollback_info,
                status: d.status,
            },
        })
    }

    pub(super) fn stop_deployment(
        &mut self,
        region: &str,
        r: &StopDeploymentRequest,
    ) -> ApiResult<StopDeploymentResponse> {
        let index = self.deployment_index(region, &r.deployment_id)?;
        let d = self.deployments[index].clone();
        if !d.is_active() {
            return Err(ApiError::new(
                ErrorCode::DeploymentAlreadyCompletedException,
                format!("The deployment {} has already completed.", d.id),
            ));
        }
        // The traffic so far ran at the weights in force.
        self.deployment_tick_traffic(&d);
        self.end_deployment(
            index,
            Ending {
                status: DeploymentStatus::Stopped,
                code: DeploymentErrorCode::ManualStop,
                message: "The deployment was stopped by a StopDeployment request.".to_string(),
                rollback: r.auto_rollback_enabled.unwrap_or(d.auto_rollback),
            },
        );
        Ok(StopDeploymentResponse { status: "Pending".into(), status_message: "Stopping Active deployment".into() })
    }

    fn deployment_tick_traffic(&mut self, d: &Deployment) {
        if let Some(f) = self.store.functions.get(&(d.region.clone(), d.function.clone())) {
            let ids: Vec<_> = std::iter::once(f.latest).chain(f.published.values().copied()).collect();
            for id in ids {
                self.sync_traffic(id, self.now);
            }
        }
    }

    pub(super) fn create_deployment_config(
        &mut self,
        region: &str,
        r: &CreateDeploymentConfigRequest,
    ) -> ApiResult<CreateDeploymentConfigResponse> {
        let name = &r.deployment_config_name;
        if name.starts_with("CodeDeployDefault.") {
            return Err(ApiError::new(
                ErrorCode::InvalidDeploymentConfigNameException,
                "Names beginning with CodeDeployDefault. are reserved for predefined configurations.",
            ));
        }
        if r.compute_platform.as_deref() != Some("Lambda") {
            return Err(ApiError::new(
                ErrorCode::InvalidComputePlatformException,
                "The playground has Lambda deployment configurations only: --compute-platform Lambda.",
            ));
        }
        let invalid =
            |detail: &str| ApiError::new(ErrorCode::InvalidTrafficRoutingConfigurationException, detail.to_string());
        let t = r.traffic_routing_config.clone().unwrap_or_default();
        let routing = match t.kind.as_deref() {
            Some("TimeBasedCanary") => {
                let c = t.time_based_canary.ok_or_else(|| invalid("TimeBasedCanary needs timeBasedCanary."))?;
                if !(1..=99).contains(&c.canary_percentage) || !(1..=2880).contains(&c.canary_interval) {
                    return Err(invalid("canaryPercentage is 1 to 99 and canaryInterval 1 to 2880 minutes."));
                }
                TrafficRouting::TimeBasedCanary {
                    percentage: c.canary_percentage as u32,
                    interval_minutes: c.canary_interval as u32,
                }
            }
            Some("TimeBasedLinear") => {
                let l = t.time_based_linear.ok_or_else(|| invalid("TimeBasedLinear needs timeBasedLinear."))?;
                if !(1..=99).contains(&l.linear_percentage) || !(1..=2880).contains(&l.linear_interval) {
                    return Err(invalid("linearPercentage is 1 to 99 and linearInterval 1 to 2880 minutes."));
                }
                TrafficRouting::TimeBasedLinear {
                    percentage: l.linear_percentage as u32,
                    interval_minutes: l.linear_interval as u32,
                }
            }
            Some("AllAtOnce") => TrafficRouting::AllAtOnce,
            _ => return Err(invalid("type is TimeBasedCanary, TimeBasedLinear or AllAtOnce.")),
        };
        let key = (region.to_string(), name.clone());
        if self.deployment_configs.contains_key(&key) {
            return Err(ApiError::new(
                ErrorCode::DeploymentConfigAlreadyExistsException,
                format!("A deployment configuration named {name} already exists."),
            ));
        }
        self.deployment_configs.insert(key, routing);
        Ok(CreateDeploymentConfigResponse { deployment_config_id: self.rng.uuid() })
    }

    /// Every deployment of the session, oldest first (rollbacks included).
    pub fn deployments(&self) -> &[Rc<Deployment>] {
        &self.deployments
    }
}

fn invalid(message: String) -> Ending {
    Ending {
        status: DeploymentStatus::Failed,
        code: DeploymentErrorCode::InvalidLambdaConfiguration,
        message,
        // Nothing moved, and flipping the alias would clear what the person must clear.
        rollback: false,
    }
}
