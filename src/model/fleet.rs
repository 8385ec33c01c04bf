//! A synthetic fleet, for benchmarks and stress tests: thousands of function versions in every
//! region, in all three update modes, taking releases through both phases under traffic.

use super::api::*;
use super::arn::runtime_version_arn;
use super::history::History;
use super::request::{Command, Directive, Request};
use super::time::{Timestamp, DAY, DEFAULT_CLOCK, HOUR, MINUTE};
use super::Lambda;

/// A runtime every fleet date knows (python3.12 launched in December 2023, after the default clock).
const RUNTIME: &str = "python3.9";
const ROLE: &str = "arn:aws:iam::123456789012:role/fleet";

/// What a fleet week did, to check the run was real and to divide the time by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FleetReport {
    pub versions: usize,
    pub minutes: u64,
    pub version_ticks: u64,
    pub invocations: u64,
    pub cold_starts: u64,
    /// Versions on the newest runtime version at the end.
    pub on_newest: usize,
    pub auto_versions: usize,
    /// The alias week's deployments (rollbacks included), and its rollbacks.
    pub deployments: usize,
    pub rollbacks: usize,
}

fn api(region: &str, request: Request) -> Command {
    Command::Api { region: region.into(), request }
}

fn sim(directive: Directive) -> Command {
    Command::Sim { region: "us-east-1".into(), directive }
}

/// The commands that create `per_region` functions in each region, each with `$LATEST` and one
/// published version: 70% Auto, 20% FunctionUpdate, 10% Manual, by version.
pub fn fleet_commands(lambda: &Lambda, per_region: usize) -> Vec<Command> {
    let mut out = Vec::new();
    for region in &lambda.catalogue().regions {
        let pinned = runtime_version_arn(region, RUNTIME, 13, "x86_64");
        for i in 0..per_region {
            let name = format!("fn-{i:05}");
            out.push(api(
                region,
                Request::CreateFunction(CreateFunctionRequest {
                    function_name: name.clone(),
                    runtime: Some(RUNTIME.into()),
                    role: ROLE.into(),
                    handler: Some("app.handler".into()),
                    code: FunctionCode { zip_file: format!("{name}.zip") },
                    publish: true,
                    ..Default::default()
                }),
            ));
            for (k, qualifier) in [(2 * i, None), (2 * i + 1, Some("1".to_string()))] {
                let mode = match k % 10 {
                    0..=6 => "Auto",
                    7 | 8 => "FunctionUpdate",
                    _ => "Manual",
                };
                if mode != "Auto" {
                    out.push(api(
                        region,
                        Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
                            function_name: name.clone(),
                            qualifier,
                            update_runtime_on: mode.into(),
                            runtime_version_arn: (mode == "Manual").then(|| pinned.clone()),
                        }),
                    ));
                }
            }
        }
    }
    out
}

/// Builds the fleet (creation is not timed by the benchmark), with background traffic at mixed
/// rates averaging `traffic_per_minute`, and compressed rollout timings,
/// so three releases complete both phases in every region within the week.
pub fn build(per_region: usize, traffic_per_minute: f64) -> Lambda {
    let mut lambda = Lambda::new(DEFAULT_CLOCK, 1);
    let timing =
        Directive::Timing { region_stagger: Some(2 * HOUR), phase1: Some(12 * HOUR), phase2_window: Some(DAY) };
    let _ = lambda.apply(&sim(timing));
    for c in fleet_commands(&lambda, per_region) {
        // The fleet's own commands are valid by construction; a failure would show in the report.
        let _ = lambda.apply(&c);
    }
    if traffic_per_minute > 0.0 {
        for (i, id) in lambda.live_versions().into_iter().enumerate() {
            let Some(v) = lambda.version(id) else { continue };
            // Mixed rates averaging `traffic_per_minute`: fractional ones draw every tick.
            let d = Directive::Traffic {
                function: v.function_name.clone(),
                qualifier: Some(v.qualifier.to_string()),
                per_minute: traffic_per_minute * [0.5, 1.0, 1.5, 1.0][i % 4],
            };
            let region = v.region.clone();
            let _ = lambda.apply(&Command::Sim { region, directive: d });
        }
    }
    lambda
}

/// The custom configuration the alias fleet deploys with: 10% more every hour, nine hours from
/// the first shift to all traffic, so an alias is weighted most of the week.
pub const ALIAS_CONFIG: &str = "Linear10PercentEvery1Hour";
/// The behaviour the day-2 release changes, which one function in ten relies on in version 2.
const CHANGED: &str = "strict-tls";

/// A fleet of `functions` functions spread over the regions, each with versions 1 and 2 and an
/// alias `live` on version 1 carrying all its traffic (`traffic_per_minute`), an Errors alarm on
/// version 2 through the alias, and the custom deployment configuration in every region. One
/// function in ten has a version 2 that relies on a behaviour the day-2 release changes.
pub fn build_aliases(functions: usize, traffic_per_minute: f64) -> Lambda {
    let mut lambda = Lambda::new(DEFAULT_CLOCK, 1);
    let timing =
        Directive::Timing { region_stagger: Some(2 * HOUR), phase1: Some(12 * HOUR), phase2_window: Some(DAY) };
    let _ = lambda.apply(&sim(timing));
    let regions = lambda.catalogue().regions.clone();
    let per_region = functions / regions.len().max(1);
    for region in &regions {
        let config = Request::CreateDeploymentConfig(CreateDeploymentConfigRequest {
            deployment_config_name: ALIAS_CONFIG.into(),
            compute_platform: Some("Lambda".into()),
            traffic_routing_config: Some(TrafficRoutingConfig {
                kind: Some("TimeBasedLinear".into()),
                time_based_linear: Some(TimeBasedLinear { linear_percentage: 10, linear_interval: 60 }),
                ..Default::default()
            }),
        });
        let _ = lambda.apply(&api(region, config));
        for i in 0..per_region {
            let name = format!("fn-{i:05}");
            let create = Request::CreateFunction(CreateFunctionRequest {
                function_name: name.clone(),
                runtime: Some(RUNTIME.into()),
                role: ROLE.into(),
                handler: Some("app.handler".into()),
                code: FunctionCode { zip_file: format!("{name}.zip") },
                publish: true,
                ..Default::default()
            });
            let update = Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
                function_name: name.clone(),
                zip_file: format!("{name}-v2.zip"),
                publish: true,
                ..Default::default()
            });
            let alias = Request::CreateAlias(CreateAliasRequest {
                function_name: name.clone(),
                name: "live".into(),
                function_version: "1".into(),
                ..Default::default()
            });
            let dimension = |name: &str, value: String| Dimension { name: name.into(), value };
            let alarm = Request::PutMetricAlarm(PutMetricAlarmRequest {
                alarm_name: format!("{name}-canary"),
                namespace: Some("AWS/Lambda".into()),
                metric_name: Some("Errors".into()),
                statistic: Some("Sum".into()),
                dimensions: vec![
                    dimension("FunctionName", name.clone()),
                    dimension("Resource", format!("{name}:live")),
                    dimension("ExecutedVersion", "2".into()),
                ],
                period: Some(60),
                evaluation_periods: 1,
                threshold: Some(0.0),
                comparison_operator: "GreaterThanThreshold".into(),
                ..Default::default()
            });
            for request in [create, update, alias, alarm] {
                let _ = lambda.apply(&api(region, request));
            }
            if i % 10 == 0 {
                let relies = Directive::ReliesOn { function: name.clone(), behaviour: CHANGED.into() };
                let _ = lambda.apply(&Command::Sim { region: region.clone(), directive: relies });
            }
            let traffic =
                Directive::Traffic { function: name, qualifier: Some("live".into()), per_minute: traffic_per_minute };
            let _ = lambda.apply(&Command::Sim { region: region.clone(), directive: traffic });
        }
    }
    lambda
}

/// One simulated week of the alias fleet: releases on days 0, 2 (changing a behaviour) and 4, and
/// twice a day a deployment of every alias to its other version, watching its alarm, under
/// background traffic through the aliases.
pub fn run_alias_week(lambda: &mut Lambda) -> FleetReport {
    let start = lambda.now();
    let regions = lambda.catalogue().regions.clone();
    for half_day in 0..14 {
        let t = start.plus(half_day * 12 * HOUR);
        lambda.advance_to(t);
        if half_day % 4 == 0 && half_day <= 8 {
            let changes = if half_day == 4 { vec![CHANGED.to_string()] } else { vec![] };
            let _ = lambda.apply(&sim(Directive::Release { runtime: RUNTIME.into(), regions: vec![], changes }));
        }
        for region in &regions {
            // To the version the alias is not on (a rollback may have moved it back).
            let targets: Vec<(String, &str)> = lambda
                .functions()
                .filter(|((r, _), _)| r == region)
                .map(|((_, n), f)| {
                    let on_one = f.aliases.get("live").is_some_and(|a| a.function_version.to_string() == "1");
                    (n.clone(), if on_one { "2" } else { "1" })
                })
                .collect();
            for (name, target) in targets {
                let deploy = Directive::Deploy(super::request::DeployRequest {
                    function: name.clone(),
                    alias: "live".into(),
                    target_version: target.into(),
                    config: ALIAS_CONFIG.into(),
                    alarms: vec![format!("{name}-canary")],
                    auto_rollback: true,
                    group: None,
                    ..Default::default()
                });
                let _ = lambda.apply(&Command::Sim { region: region.clone(), directive: deploy });
            }
        }
    }
    lambda.advance_to(start.plus(7 * DAY));
    let mut r = report(lambda, start);
    r.deployments = lambda.deployments().len();
    r.rollbacks = lambda.deployments().iter().filter(|d| d.rollback_of.is_some()).count();
    r
}

/// Like `time_runs`, for the alias week.
pub fn time_alias_runs<T>(
    fleet: &Lambda,
    start: impl Fn() -> T,
    seconds: impl Fn(T) -> f64,
) -> (Vec<f64>, FleetReport) {
    timed(3, fleet, run_alias_week, start, seconds)
}

/// Runs `week` `n` times on copies of `fleet`: each run's seconds, and the last run's report.
fn timed<T>(
    n: usize,
    fleet: &Lambda,
    week: fn(&mut Lambda) -> FleetReport,
    start: impl Fn() -> T,
    seconds: impl Fn(T) -> f64,
) -> (Vec<f64>, FleetReport) {
    let mut times = Vec::new();
    let mut report = FleetReport::default();
    for _ in 0..n {
        let mut lambda = fleet.clone();
        let t = start();
        report = week(&mut lambda);
        times.push(seconds(t));
    }
    (times, report)
}

/// The lines `make bench` prints for the alias week, ending with `<platform>_alias_ns=<ns per invocation>`.
pub fn describe_aliases(platform: &str, runs: &(Vec<f64>, FleetReport)) -> String {
    let (times, r) = runs;
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let per_invocation = best * 1e9 / r.invocations.max(1) as f64;
    format!(
        "alias week ({platform}): best of {} {:.3} s; {} aliases, {} deployments ({} rollbacks), {} invocations\n\
         cost per invocation, alias week ({platform}): {per_invocation:.1} ns\n{platform}_alias_ns={per_invocation:.2}",
        times.len(),
        best,
        r.versions / 3,
        r.deployments,
        r.rollbacks,
        r.invocations,
    )
}

/// One simulated week: releases on days 0, 2 and 4, a few code updates a day (phase 1), and
/// background traffic at one-minute ticks.
pub fn run_week(lambda: &mut Lambda) -> FleetReport {
    let start = lambda.now();
    let release = sim(Directive::Release { runtime: RUNTIME.into(), regions: vec![], changes: vec![] });
    for day in 0..7 {
        let t = start.plus(day * DAY);
        lambda.advance_to(t);
        if day % 2 == 0 && day <= 4 {
            let _ = lambda.apply(&release);
        }
        // Twenty functions per region take a code update each day.
        let regions = lambda.catalogue().regions.clone();
        for region in &regions {
            for i in 0..20 {
                let name = format!("fn-{:05}", (day as usize * 37 + i * 13) % 1000);
                let update = Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
                    function_name: name.clone(),
                    zip_file: format!("{name}-day{day}.zip"),
                    ..Default::default()
                });
                let _ = lambda.apply(&api(region, update));
            }
        }
    }
    lambda.advance_to(start.plus(7 * DAY));
    report(lambda, start)
}

/// Runs the fleet week five times on copies of one fleet: the first run (cold: the heap still
/// grows), and the best of the five (the steady state), with the report of the last run.
pub fn time_runs<T>(fleet: &Lambda, start: impl Fn() -> T, seconds: impl Fn(T) -> f64) -> (Vec<f64>, FleetReport) {
    timed(5, fleet, run_week, start, seconds)
}

/// The lines `make bench` prints for one platform, ending with `<platform>_seconds=<best>`.
pub fn describe(platform: &str, runs: &(Vec<f64>, FleetReport)) -> String {
    let (times, r) = runs;
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let per_invocation = best * 1e9 / r.invocations.max(1) as f64;
    format!(
        "fleet week ({platform}): first run {:.3} s, best of {} {:.3} s; {} versions x {} minutes, {} invocations, {} cold starts, {} versions on the newest runtime version\n\
         cost per function-version-tick ({platform}, best): {:.1} ns\n\
         cost per invocation, fleet week ({platform}): {per_invocation:.1} ns\n{platform}_fleet_ns={per_invocation:.2}\n{platform}_seconds={best:.4}",
        times[0],
        times.len(),
        best,
        r.versions,
        r.minutes,
        r.invocations,
        r.cold_starts,
        r.on_newest,
        best * 1e9 / r.version_ticks.max(1) as f64
    )
}

fn report(lambda: &Lambda, start: Timestamp) -> FleetReport {
    let newest = lambda.catalogue().runtime_index(RUNTIME).and_then(|rt| lambda.runtime_versions(rt).last().copied());
    let mut r = FleetReport { minutes: ((lambda.now().0 - start.0) / MINUTE) as u64, ..Default::default() };
    for v in lambda.live_versions().into_iter().filter_map(|id| lambda.version(id)) {
        r.versions += 1;
        let totals = v.metrics.totals();
        r.invocations += totals.invocations;
        r.cold_starts += totals.cold_starts;
        r.on_newest += (Some(v.runtime_version) == newest) as usize;
        r.auto_versions += (v.mode() == super::UpdateRuntimeOn::Auto) as usize;
        if v.traffic_per_minute > 0.0 {
            r.version_ticks += r.minutes;
        }
    }
    r
}

/// A history of `n` commands spread over a week: creates, updates, publishes, mode changes,
/// releases and invokes, for measuring replay to an arbitrary point.
pub fn command_history(n: usize) -> History {
    let mut h = History::new(DEFAULT_CLOCK, 3);
    let regions = h.live().catalogue().regions.clone();
    let step = 7 * DAY / n.max(1) as i64;
    for i in 0..n {
        let region = &regions[i % regions.len()];
        let name = format!("fn-{:04}", (i / regions.len()) % 400);
        let request = match i % 16 {
            0 if i % 2000 == 0 => {
                let t = h.now();
                h.advance_to(t.plus(step));
                let _ =
                    h.execute(sim(Directive::Release { runtime: RUNTIME.into(), regions: vec![], changes: vec![] }));
                continue;
            }
            0..=3 => Request::CreateFunction(CreateFunctionRequest {
                function_name: name.clone(),
                runtime: Some(RUNTIME.into()),
                role: ROLE.into(),
                handler: Some("app.handler".into()),
                code: FunctionCode { zip_file: format!("{name}.zip") },
                ..Default::default()
            }),
            4..=8 => Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
                function_name: name.clone(),
                zip_file: format!("{name}-{i}.zip"),
                ..Default::default()
            }),
            9..=11 => {
                Request::PublishVersion(PublishVersionRequest { function_name: name.clone(), ..Default::default() })
            }
            12 => Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
                function_name: name.clone(),
                update_runtime_on: if i % 3 == 0 { "FunctionUpdate" } else { "Auto" }.into(),
                ..Default::default()
            }),
            _ => Request::Invoke(InvokeRequest { function_name: name.clone(), ..Default::default() }),
        };
        let t = h.now();
        h.advance_to(t.plus(step));
        let _ = h.execute(api(region, request));
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_fleet_week_is_real() {
        let mut fleet = build(10, 1.0);
        assert_eq!(fleet.live_versions().len(), 100);
        let r = run_week(&mut fleet);
        assert_eq!(r.versions, 100);
        assert_eq!(r.minutes, 7 * 24 * 60);
        // Rates of 0.5, 1, 1.5 and 1 a minute: about one invocation a minute per version.
        let per_tick = r.invocations as f64 / r.version_ticks as f64;
        assert!((0.97..1.03).contains(&per_tick), "{per_tick}");
        assert!(r.cold_starts >= 100);
        // Every Auto version took all three releases; the others did not all move.
        assert!(r.on_newest >= r.auto_versions);
        assert!(r.on_newest < r.versions);
    }

    /// The alias week is real: every alias deploys twice a day, the broken tenth rolls back
    /// after the behaviour-changing release, and traffic runs through both arms.
    #[test]
    fn a_small_alias_week_is_real() {
        let mut fleet = build_aliases(50, 10.0);
        assert_eq!(fleet.live_versions().len(), 150);
        let r = run_alias_week(&mut fleet);
        assert!(r.deployments >= 50 * 14, "{}", r.deployments);
        assert!(r.rollbacks >= 5, "{}", r.rollbacks);
        let per_minute = r.invocations as f64 / (50 * 7 * 24 * 60) as f64;
        assert!((9.9..10.1).contains(&per_minute), "{per_minute}");
    }

    #[test]
    fn a_command_history_replays_to_any_point() {
        let h = command_history(600);
        assert!(h.entries().len() >= 600);
        let mid = Timestamp(h.start.0 + 3 * DAY);
        assert!(h.state_at(mid) == h.replay_from_scratch(mid));
    }
}
