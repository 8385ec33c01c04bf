//! Property tests over random command sequences: the invariants of runtime management hold
//! whatever a person does, and a replay is always the same.
#![cfg(not(target_arch = "wasm32"))]
// The standard B-trees serve as oracles here; the bundle never sees them.
#![allow(clippy::disallowed_types)]

use std::collections::BTreeMap;

use lambda_runtime_playground::model::api::*;
use lambda_runtime_playground::model::arn::runtime_version_arn;
use lambda_runtime_playground::model::history::{History, Output};
use lambda_runtime_playground::model::rollout::Phase;
use lambda_runtime_playground::model::time::{DEFAULT_CLOCK, HOUR, MINUTE};
use lambda_runtime_playground::model::*;
use proptest::prelude::*;

const NAMES: [&str; 3] = ["alpha", "beta", "gamma"];
const REGIONS: [&str; 2] = ["eu-south-1", "us-east-1"];
const RUNTIMES: [&str; 3] = ["python3.9", "nodejs20.x", "python3.8"];
const MODES: [&str; 4] = ["Auto", "FunctionUpdate", "Manual", "manual"];
const BEHAVIOURS: [&str; 2] = ["tls", "json"];

#[derive(Clone, Debug)]
enum Op {
    Create { name: usize, region: usize, runtime: usize, arm: bool },
    UpdateCode { name: usize, region: usize, zip: u8 },
    UpdateRuntime { name: usize, region: usize, runtime: usize },
    Publish { name: usize, region: usize },
    PutMode { name: usize, region: usize, qualifier: Option<u32>, mode: usize, version: Option<u32> },
    Delete { name: usize, region: usize, qualifier: Option<u32> },
    Invoke { name: usize, region: usize, qualifier: Option<u32> },
    Release { runtime: usize, only: Option<usize>, change: Option<usize> },
    Phase2 { runtime: usize },
    ReliesOn { name: usize, region: usize, behaviour: usize },
    Traffic { name: usize, region: usize },
    Advance { minutes: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    let n = 0..NAMES.len();
    let r = 0..REGIONS.len();
    prop_oneof![
        (n.clone(), r.clone(), 0..RUNTIMES.len(), any::<bool>()).prop_map(|(name, region, runtime, arm)| Op::Create {
            name,
            region,
            runtime,
            arm
        }),
        (n.clone(), r.clone(), 0..3u8).prop_map(|(name, region, zip)| Op::UpdateCode { name, region, zip }),
        (n.clone(), r.clone(), 0..RUNTIMES.len()).prop_map(|(name, region, runtime)| Op::UpdateRuntime {
            name,
            region,
            runtime
        }),
        (n.clone(), r.clone()).prop_map(|(name, region)| Op::Publish { name, region }),
        (n.clone(), r.clone(), proptest::option::of(1..4u32), 0..MODES.len(), proptest::option::of(10..18u32))
            .prop_map(|(name, region, qualifier, mode, version)| Op::PutMode {
                name,
                region,
                qualifier,
                mode,
                version
            }),
        (n.clone(), r.clone(), proptest::option::of(1..4u32)).prop_map(|(name, region, qualifier)| Op::Delete {
            name,
            region,
            qualifier
        }),
        (n.clone(), r.clone(), proptest::option::of(1..4u32)).prop_map(|(name, region, qualifier)| Op::Invoke {
            name,
            region,
            qualifier
        }),
        (0..RUNTIMES.len(), proptest::option::of(r.clone()), proptest::option::of(0..BEHAVIOURS.len()))
            .prop_map(|(runtime, only, change)| Op::Release { runtime, only, change }),
        (0..RUNTIMES.len()).prop_map(|runtime| Op::Phase2 { runtime }),
        (n.clone(), r.clone(), 0..BEHAVIOURS.len()).prop_map(|(name, region, behaviour)| Op::ReliesOn {
            name,
            region,
            behaviour
        }),
        (n.clone(), r.clone()).prop_map(|(name, region)| Op::Traffic { name, region }),
        prop_oneof![1..90i64, 60..(3 * 24 * 60i64)].prop_map(|minutes| Op::Advance { minutes }),
    ]
}

fn command(op: &Op, arch_of: impl Fn(&str, &str) -> String) -> Option<Command> {
    let api = |region: usize, request| Some(Command::Api { region: REGIONS[region].into(), request });
    let sim = |region: usize, directive| Some(Command::Sim { region: REGIONS[region].into(), directive });
    let q = |q: &Option<u32>| q.map(|n| n.to_string());
    match op {
        Op::Create { name, region, runtime, arm } => api(
            *region,
            Request::CreateFunction(CreateFunctionRequest {
                function_name: NAMES[*name].into(),
                runtime: Some(RUNTIMES[*runtime].into()),
                role: "arn:aws:iam::123456789012:role/r".into(),
                handler: Some("h".into()),
                code: FunctionCode { zip_file: "v0.zip".into() },
                architectures: arm.then(|| vec!["arm64".to_string()]),
                ..Default::default()
            }),
        ),
        Op::UpdateCode { name, region, zip } => api(
            *region,
            Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
                function_name: NAMES[*name].into(),
                zip_file: format!("v{zip}.zip"),
                ..Default::default()
            }),
        ),
        Op::UpdateRuntime { name, region, runtime } => api(
            *region,
            Request::UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest {
                function_name: NAMES[*name].into(),
                runtime: Some(RUNTIMES[*runtime].into()),
                ..Default::default()
            }),
        ),
        Op::Publish { name, region } => api(
            *region,
            Request::PublishVersion(PublishVersionRequest { function_name: NAMES[*name].into(), ..Default::default() }),
        ),
        Op::PutMode { name, region, qualifier, mode, version } => api(
            *region,
            Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
                function_name: NAMES[*name].into(),
                qualifier: q(qualifier),
                update_runtime_on: MODES[*mode].into(),
                runtime_version_arn: version.map(|v| {
                    runtime_version_arn(REGIONS[*region], "python3.9", v, &arch_of(NAMES[*name], REGIONS[*region]))
                }),
            }),
        ),
        Op::Delete { name, region, qualifier } => api(
            *region,
            Request::DeleteFunction(FunctionRequest { function_name: NAMES[*name].into(), qualifier: q(qualifier) }),
        ),
        Op::Invoke { name, region, qualifier } => api(
            *region,
            Request::Invoke(InvokeRequest {
                function_name: NAMES[*name].into(),
                qualifier: q(qualifier),
                ..Default::default()
            }),
        ),
        Op::Release { runtime, only, change } => sim(
            0,
            Directive::Release {
                runtime: RUNTIMES[*runtime].into(),
                regions: only.map(|r| vec![REGIONS[r].to_string()]).unwrap_or_default(),
                changes: change.map(|c| vec![BEHAVIOURS[c].to_string()]).unwrap_or_default(),
            },
        ),
        Op::Phase2 { runtime } => sim(0, Directive::Phase2 { runtime: RUNTIMES[*runtime].into(), region: None }),
        Op::ReliesOn { name, region, behaviour } => sim(
            *region,
            Directive::ReliesOn { function: NAMES[*name].into(), behaviour: BEHAVIOURS[*behaviour].into() },
        ),
        Op::Traffic { name, region } => {
            sim(*region, Directive::Traffic { function: NAMES[*name].into(), qualifier: None, per_minute: 0.5 })
        }
        Op::Advance { .. } => None,
    }
}

/// (runtime, runtime version, mode) of every live version.
fn positions(l: &Lambda) -> BTreeMap<VersionId, (RuntimeId, u32, UpdateRuntimeOn)> {
    l.live_versions()
        .into_iter()
        .map(|id| {
            let v = l.version(id).unwrap();
            (id, (v.config.runtime, v.runtime_version, v.mode()))
        })
        .collect()
}

fn run(ops: &[Op], snapshot_every: usize) -> Result<(), TestCaseError> {
    let mut h = History::with_snapshot_every(DEFAULT_CLOCK, 7, snapshot_every);
    // What each published version was at publish time: its code and configuration never change.
    let mut published: BTreeMap<VersionId, (String, String)> = BTreeMap::new();
    // Published numbers seen per function lifetime (a delete of the function starts a new one).
    let mut numbers: BTreeMap<(String, String, usize), Vec<u32>> = BTreeMap::new();
    let mut lifetimes: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut midpoint = None;

    for (i, op) in ops.iter().enumerate() {
        if i == ops.len() / 2 {
            midpoint = Some(h.now());
        }
        let before = positions(h.live());
        match op {
            Op::Advance { minutes } => {
                let t = h.now().plus(minutes * MINUTE);
                h.advance_to(t);
                let after = positions(h.live());
                for (id, (rt, version, mode)) in &before {
                    let (rt2, v2, _) = after[id];
                    let v = h.live().version(*id).unwrap();
                    if *mode != UpdateRuntimeOn::Auto {
                        prop_assert_eq!((*rt, *version), (rt2, v2), "{:?} {} moved by itself", mode, v.function_name);
                    }
                }
            }
            _ => {
                let live = h.live().clone();
                let arch_of = |name: &str, region: &str| {
                    live.resolve(region, name, None)
                        .map(|id| live.version(id).unwrap().config.architecture.clone())
                        .unwrap_or_else(|_| "x86_64".into())
                };
                let Some(cmd) = command(op, arch_of) else { continue };
                let outcome = h.execute(cmd.clone());
                if let (
                    Command::Api { region, request: Request::PublishVersion(r) },
                    Ok(Output::Api(Response::Function(c))),
                ) = (&cmd, &outcome)
                {
                    let n: u32 = c.version.parse().unwrap();
                    let key = (region.clone(), r.function_name.clone());
                    let life = *lifetimes.get(&key).unwrap_or(&0);
                    let seen = numbers.entry((key.0, key.1, life)).or_default();
                    prop_assert!(
                        seen.last().is_none_or(|&last| n >= last),
                        "version numbers went back: {:?} then {}",
                        seen,
                        n
                    );
                    if seen.last() != Some(&n) {
                        seen.push(n);
                    }
                }
                if let (Command::Api { region, request: Request::DeleteFunction(r) }, Ok(_)) = (&cmd, &outcome) {
                    if r.qualifier.is_none() {
                        *lifetimes.entry((region.clone(), r.function_name.clone())).or_default() += 1;
                    }
                }
                // Releases and phase 2 never move Manual or FunctionUpdate versions by themselves.
                if matches!(cmd, Command::Sim { .. }) {
                    for (id, (rt, version, mode)) in positions(h.live()) {
                        if let Some(&(rt0, v0, _)) = before.get(&id) {
                            if mode != UpdateRuntimeOn::Auto {
                                prop_assert_eq!((rt0, v0), (rt, version));
                            }
                        }
                    }
                }
            }
        }
        let l = h.live();
        for id in l.live_versions() {
            let v = l.version(id).unwrap();
            if let Qualifier::Version(_) = v.qualifier {
                let snapshot = (v.code.sha256.clone(), format!("{:?}", config_without_runtime(v)));
                let recorded = published.entry(id).or_insert_with(|| snapshot.clone());
                prop_assert_eq!(&*recorded, &snapshot, "published version changed");
            }
        }
        // Once phase 2 is complete in a region, every Auto version there is on the newest version.
        for r in l.rollouts() {
            for rr in &r.regions {
                if rr.phase(l.now()) != Phase::Complete {
                    continue;
                }
                for id in l.live_versions() {
                    let v = l.version(id).unwrap();
                    if v.region == rr.region && v.config.runtime == r.runtime && v.mode() == UpdateRuntimeOn::Auto {
                        prop_assert!(
                            v.runtime_version >= r.number,
                            "{} stayed on {} after phase 2",
                            v.function_name,
                            v.runtime_version
                        );
                    }
                }
            }
        }
    }
    // Replay is deterministic, from snapshots or from scratch, at the end and halfway.
    let end = h.now();
    prop_assert!(&h.state_at(end) == h.live(), "replays differ");
    prop_assert!(&h.replay_from_scratch(end) == h.live(), "replays differ");
    if let Some(mid) = midpoint {
        let mid = mid.plus(HOUR / 2);
        prop_assert!(h.state_at(mid) == h.replay_from_scratch(mid), "replays differ");
    }
    Ok(())
}

fn config_without_runtime(
    v: &lambda_runtime_playground::model::function::FunctionVersion,
) -> (String, String, u32, u32) {
    (v.config.handler.clone(), v.config.architecture.clone(), v.config.timeout, v.config.memory_size)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn runtime_management_invariants(ops in proptest::collection::vec(op(), 1..80)) {
        run(&ops, 7)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, .. ProptestConfig::default() })]

    #[test]
    fn long_histories_replay_identically(ops in proptest::collection::vec(op(), 200..400)) {
        run(&ops, 64)?;
    }
}

/// Text a person may type into a form field: spaces, quotes, `#`, `$`, shell operators, leading
/// dashes. Not a leading `file://` / `fileb://`: the AWS CLI reads those as parameter files.
fn text() -> impl Strategy<Value = String> {
    "[ -~]{0,12}".prop_filter("a parameter file", |s| !s.starts_with("file://") && !s.starts_with("fileb://"))
}

/// A generated command with awkward text in every free-text field it has.
fn awkward(command: Command, t: &[String]) -> Command {
    // A function name has at least one character: the AWS CLI refuses an empty one itself.
    let (name, other, zip) = (format!("n{}", t[0]), t[1].clone(), format!("z{}", t[2]));
    match command {
        Command::Api { region, request } => {
            let request = match request {
                Request::CreateFunction(r) => Request::CreateFunction(CreateFunctionRequest {
                    function_name: name,
                    description: Some(other.clone()),
                    handler: Some(other.clone()),
                    code: FunctionCode { zip_file: zip },
                    environment: Some(EnvironmentVariables {
                        variables: [(t[3].clone(), other), ("PLAIN".to_string(), "v1".to_string())].into(),
                    }),
                    timeout: Some(30),
                    publish: true,
                    ..r
                }),
                Request::UpdateFunctionCode(r) => {
                    Request::UpdateFunctionCode(UpdateFunctionCodeRequest { function_name: name, zip_file: zip, ..r })
                }
                Request::PublishVersion(r) => Request::PublishVersion(PublishVersionRequest {
                    function_name: name,
                    description: Some(other),
                    revision_id: Some(t[3].clone()),
                    ..r
                }),
                Request::Invoke(r) => Request::Invoke(InvokeRequest {
                    function_name: name,
                    payload: Some(other),
                    log_type: Some("Tail".into()),
                    ..r
                }),
                Request::DeleteFunction(r) => Request::DeleteFunction(FunctionRequest { function_name: name, ..r }),
                other => other,
            };
            Command::Api { region, request }
        }
        Command::Sim { region, directive } => {
            let directive = match directive {
                Directive::ReliesOn { .. } => Directive::ReliesOn { function: name, behaviour: other },
                Directive::Release { runtime, regions, .. } => {
                    Directive::Release { runtime, regions, changes: vec![other, name] }
                }
                d => d,
            };
            Command::Sim { region, directive }
        }
    }
}

fn round_trips(line: &lambda_runtime_playground::cli::Line) -> Result<(), TestCaseError> {
    use lambda_runtime_playground::cli::{parse, render, Files};
    let text = render::line(line);
    match parse(&text, &Files::new()) {
        Ok(parsed) => prop_assert_eq!(&parsed, line, "{}", text),
        Err(e) => prop_assert!(false, "{} does not parse: {}", text, e.printed),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// The console shows the canonical line of every click: parsing it gives the same command
    /// back, for the commands the invariants above run and for awkward text in their fields.
    #[test]
    fn rendered_commands_parse_back(
        ops in proptest::collection::vec(op(), 1..30),
        texts in proptest::collection::vec(text(), 4),
        minutes in 1..(3650 * 24 * 60i64),
    ) {
        use lambda_runtime_playground::cli::{Line, Sim};
        for op in &ops {
            let Some(command) = command(op, |_, _| "x86_64".to_string()) else { continue };
            round_trips(&Line::command(command.clone()))?;
            round_trips(&Line::command(awkward(command, &texts)))?;
        }
        let routing = Some(AliasRoutingConfiguration {
            additional_version_weights: [("2".to_string(), (minutes % 101) as f64 / 100.0)].into(),
        });
        let alias = Request::CreateAlias(CreateAliasRequest {
            function_name: format!("n{}", texts[0]),
            name: "live".into(),
            function_version: "1".into(),
            description: Some(texts[1].clone()),
            routing_config: routing.clone(),
        });
        round_trips(&Line::command(Command::Api { region: REGIONS[0].into(), request: alias }))?;
        let update = Request::UpdateAlias(UpdateAliasRequest {
            function_name: "f".into(),
            name: "live".into(),
            description: Some(texts[2].clone()),
            routing_config: routing,
            revision_id: Some(texts[3].clone()),
            ..Default::default()
        });
        round_trips(&Line::command(Command::Api { region: REGIONS[1].into(), request: update }))?;
        // A list item that begins with `-` reads as an option, in the AWS CLI too: names start plainly.
        let alarm = Request::PutMetricAlarm(PutMetricAlarmRequest {
            alarm_name: format!("a{}", texts[0]),
            alarm_description: Some(texts[1].clone()),
            namespace: Some("AWS/Lambda".into()),
            dimensions: vec![
                Dimension { name: "FunctionName".into(), value: format!("n{}", texts[2]) },
                Dimension { name: "Resource".into(), value: "f:live".into() },
            ],
            period: Some(60),
            evaluation_periods: (minutes % 5) as u32 + 1,
            threshold: Some(minutes as f64 / 7.0),
            comparison_operator: texts[3].clone(),
            ..Default::default()
        });
        round_trips(&Line::command(Command::Api { region: REGIONS[0].into(), request: alarm }))?;
        let names = AlarmNamesRequest { alarm_names: vec![format!("a{}", texts[0]), "b".into()] };
        round_trips(&Line::command(Command::Api { region: REGIONS[0].into(), request: Request::DeleteAlarms(names) }))?;
        let deploy = Directive::Deploy(lambda_runtime_playground::model::request::DeployRequest {
            function: format!("n{}", texts[0]),
            alias: texts[1].clone(),
            target_version: "2".into(),
            config: texts[2].clone(),
            alarms: vec![format!("a{}", texts[3]), texts[0].clone()],
            pre_traffic_hook: Some(texts[1].clone()),
            post_traffic_hook: None,
            auto_rollback: minutes % 2 == 0,
            group: None,
        });
        round_trips(&Line::Sim(Sim::Directive { name: "deploy", region: Some(REGIONS[1].into()), directive: deploy }))?;
        let stop = Directive::StopDeployment {
            deployment_id: format!("d-{}", texts[2]),
            rollback: [None, Some(false)][(minutes % 2) as usize],
        };
        round_trips(&Line::Sim(Sim::Directive { name: "stop-deployment", region: Some(REGIONS[0].into()), directive: stop }))?;
        let stop = Request::StopDeployment(StopDeploymentRequest {
            deployment_id: format!("d-{}", texts[0]),
            auto_rollback_enabled: [None, Some(true), Some(false)][(minutes % 3) as usize],
        });
        round_trips(&Line::command(Command::Api { region: REGIONS[0].into(), request: stop }))?;
        let config = Request::CreateDeploymentConfig(CreateDeploymentConfigRequest {
            deployment_config_name: format!("c{}", texts[1]),
            compute_platform: Some("Lambda".into()),
            traffic_routing_config: Some(TrafficRoutingConfig {
                kind: Some("TimeBasedLinear".into()),
                time_based_linear: Some(TimeBasedLinear { linear_percentage: minutes % 100, linear_interval: 3 }),
                ..Default::default()
            }),
        });
        round_trips(&Line::command(Command::Api { region: REGIONS[0].into(), request: config }))?;
        round_trips(&Line::Sim(Sim::Advance(minutes * MINUTE)))?;
        round_trips(&Line::Sim(Sim::Logs {
            region: Some(REGIONS[1].into()),
            function: texts[0].clone(),
            qualifier: Some("$LATEST".into()),
            filter: Some(texts[1].clone()),
        }))?;
    }
}
