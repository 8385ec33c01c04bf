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
    let mut times = Vec::new();
    let mut report = FleetReport::default();
    for _ in 0..5 {
        let mut lambda = fleet.clone();
        let t = start();
        report = run_week(&mut lambda);
        times.push(seconds(t));
    }
    (times, report)
}

/// The lines `make bench` prints for one platform, ending with `<platform>_seconds=<best>`.
pub fn describe(platform: &str, runs: &(Vec<f64>, FleetReport)) -> String {
    let (times, r) = runs;
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    format!(
        "fleet week ({platform}): first run {:.3} s, best of {} {:.3} s; {} versions x {} minutes, {} invocations, {} cold starts, {} versions on the newest runtime version\n\
         cost per function-version-tick ({platform}, best): {:.1} ns\n{platform}_seconds={best:.4}",
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

    #[test]
    fn a_command_history_replays_to_any_point() {
        let h = command_history(600);
        assert!(h.entries().len() >= 600);
        let mid = Timestamp(h.start.0 + 3 * DAY);
        assert!(h.state_at(mid) == h.replay_from_scratch(mid));
    }
}
