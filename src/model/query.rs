//! The UI's questions, answered from the model's getters (read-only by construction): which
//! lanes and rows to show in which order, where a rollout stands, what a runtime's lifecycle
//! allows, which runtime versions a Manual pin may name. Components format the answers.

use super::arn::runtime_version_arn;
use super::catalogue::{Runtime, RuntimeId};
use super::function::{Change, FunctionVersion, Qualifier, VersionId};
use crate::order::Map;

use super::lambda::{Event, EventKind, EventScope};
use super::rollout::{Phase, RolloutPolicy};
use super::runtime_management::UpdateRuntimeOn;
use super::time::Timestamp;
use super::Lambda;

/// An alias by where it lives.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AliasKey {
    pub region: String,
    pub function: String,
    pub alias: String,
}

/// A timeline lane: a function version's, or an alias's (its traffic split over time).
#[derive(Clone, Debug, PartialEq)]
pub enum LaneRef {
    Version(VersionId),
    Alias(AliasKey),
}

/// Every alias the session made (deleted ones too), in order, with its events' indices.
pub fn alias_events(l: &Lambda) -> Map<AliasKey, Vec<usize>> {
    let mut out: Map<AliasKey, Vec<usize>> = Map::new();
    for (i, e) in l.events().iter().enumerate() {
        if let EventScope::Alias { region, function_name, alias } = &e.scope {
            let key = AliasKey { region: region.clone(), function: function_name.clone(), alias: alias.clone() };
            out.entry_or_default(key).push(i);
        }
    }
    out
}

/// Names as people sort them: runs of digits compare as numbers (fn2 before fn10), the rest
/// as text.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let digits = |s: &[u8]| s.iter().take_while(|c| c.is_ascii_digit()).count();
                let (da, db) = (digits(a), digits(b));
                let (na, nb) = (&a[..da], &b[..db]);
                // Without leading zeros, a longer run is a larger number.
                let trim = |n: &[u8]| n.iter().position(|&c| c != b'0').map_or(0, |i| n.len() - i);
                let order = trim(na)
                    .cmp(&trim(nb))
                    .then_with(|| na[na.len() - trim(na)..].cmp(&nb[nb.len() - trim(nb)..]))
                    .then_with(|| da.cmp(&db));
                if order != Ordering::Equal {
                    return order;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

/// Timeline lanes: every version the session made (deleted ones too), by region in the
/// catalogue's order, then by function name and qualifier; a function's aliases follow its
/// versions.
pub fn lanes(l: &Lambda) -> Vec<(String, Vec<LaneRef>)> {
    let aliases = alias_events(l);
    let mut out = Vec::new();
    for region in &l.catalogue().regions {
        let mut vs: Vec<(VersionId, &FunctionVersion)> = l.versions().filter(|(_, v)| &v.region == region).collect();
        crate::order::sort_by(&mut vs, |(_, a), (_, b)| {
            natural_cmp(&a.function_name, &b.function_name).then_with(|| a.qualifier.cmp(&b.qualifier))
        });
        let mut lanes = Vec::new();
        for (i, (id, v)) in vs.iter().enumerate() {
            lanes.push(LaneRef::Version(*id));
            let last_of_function = vs.get(i + 1).is_none_or(|(_, n)| n.function_name != v.function_name);
            if last_of_function {
                let of = aliases.keys().filter(|k| &k.region == region && k.function == v.function_name);
                lanes.extend(of.cloned().map(LaneRef::Alias));
            }
        }
        if !lanes.is_empty() {
            out.push((region.clone(), lanes));
        }
    }
    out
}

/// How many regions have lanes, and how many lanes there are: the timeline's height.
pub fn lane_counts(l: &Lambda) -> (usize, usize) {
    let regions = l.catalogue().regions.iter().filter(|r| l.versions().any(|(_, v)| &v.region == *r)).count();
    (regions, l.version_count() + alias_events(l).len())
}

/// One stretch of an alias's routing: from `from` until the next (or `to`, when it was deleted),
/// its arms as (version, share).
#[derive(Clone, Debug, PartialEq)]
pub struct AliasSpan {
    pub from: Timestamp,
    pub to: Option<Timestamp>,
    pub arms: Vec<(VersionId, f64)>,
}

/// What the alias lane draws: the routing over time, and the deployment events on the alias.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AliasLane {
    pub spans: Vec<AliasSpan>,
    pub events: Vec<std::rc::Rc<Event>>,
    pub deleted: Option<Timestamp>,
    /// Moves whenever the lane would look different: an event on the alias, or a change of a
    /// version of its function (the arms' runtime versions colour the band).
    pub stamp: u64,
}

/// The version of a function a qualifier named: the live one, or the newest deleted one.
fn version_named(l: &Lambda, key: &AliasKey, q: Qualifier) -> Option<VersionId> {
    let live = l.functions().find(|((r, n), _)| *r == key.region && *n == key.function).and_then(|(_, f)| match q {
        Qualifier::Latest => Some(f.latest),
        Qualifier::Version(n) => f.published.get(&n).copied(),
    });
    live.or_else(|| {
        l.versions()
            .filter(|(_, v)| v.region == key.region && v.function_name == key.function && v.qualifier == q)
            .map(|(id, _)| id)
            .last()
    })
}

/// The alias's lane from its events (`indices`, from `alias_events`).
pub fn alias_lane(l: &Lambda, key: &AliasKey, indices: &[usize]) -> AliasLane {
    let mut lane = AliasLane::default();
    let mut stamp = 0u64;
    for &i in indices {
        let Some(e) = l.events().get(i) else { continue };
        stamp = stamp.wrapping_mul(31).wrapping_add(i as u64 + 1);
        match e.kind {
            EventKind::AliasRouting { primary, extra } => {
                if let Some(last) = lane.spans.last_mut() {
                    last.to = Some(e.at);
                }
                let share = extra.map_or(0.0, |(_, ppm)| f64::from(ppm) / 1e6);
                let mut arms: Vec<(VersionId, f64)> =
                    version_named(l, key, primary).map(|id| (id, 1.0 - share)).into_iter().collect();
                arms.extend(
                    extra.and_then(|(n, _)| version_named(l, key, Qualifier::Version(n)).map(|id| (id, share))),
                );
                lane.spans.push(AliasSpan { from: e.at, to: None, arms });
            }
            EventKind::AliasDeleted => {
                if let Some(last) = lane.spans.last_mut() {
                    last.to = Some(e.at);
                }
                lane.deleted = Some(e.at);
            }
            _ => lane.events.push(e.clone()),
        }
    }
    let versions = lane.spans.iter().flat_map(|s| s.arms.iter().map(|a| a.0));
    for id in versions {
        stamp = stamp.wrapping_mul(31).wrapping_add(l.version_stamp(id).unwrap_or_default());
    }
    lane.stamp = stamp;
    lane
}

/// A function's name and its versions' ids.
pub type FunctionVersions = (String, Vec<VersionId>);

/// The functions panel: live functions by region, each with `$LATEST` first and then its
/// published versions, newest first.
pub fn function_rows(l: &Lambda) -> Vec<(String, Vec<FunctionVersions>)> {
    let mut out = Vec::new();
    for region in &l.catalogue().regions {
        let mut functions: Vec<FunctionVersions> = l
            .functions()
            .filter(|((r, _), _)| r == region)
            .map(|((_, name), f)| {
                (name.clone(), std::iter::once(f.latest).chain(f.published.values().rev().copied()).collect())
            })
            .collect();
        crate::order::sort_by(&mut functions, |(a, _), (b, _)| natural_cmp(a, b));
        if !functions.is_empty() {
            out.push((region.clone(), functions));
        }
    }
    out
}

/// One arm of an alias: the version, its share of invocations, and the runtime version it runs.
#[derive(Clone, Debug, PartialEq)]
pub struct AliasArm {
    pub id: VersionId,
    pub qualifier: Qualifier,
    pub weight: f64,
    pub runtime: RuntimeId,
    pub number: u32,
    pub runtime_version: String,
}

/// An alias as the UI shows it: its arms, primary first.
#[derive(Clone, Debug, PartialEq)]
pub struct AliasView {
    pub name: String,
    pub arms: Vec<AliasArm>,
    /// A weighted alias whose arms run different runtime versions: a canary of such an alias
    /// compares code and runtime together (LAMBDA.md, the table of "How runtime updates meet a
    /// deployment").
    pub spans_runtime_versions: bool,
}

/// The aliases of the function a version belongs to, by name.
pub fn aliases_of(l: &Lambda, id: VersionId) -> Vec<AliasView> {
    let Some(f) = l.function_of(id) else { return Vec::new() };
    let id_of = |q: Qualifier| match q {
        Qualifier::Latest => Some(f.latest),
        Qualifier::Version(n) => f.published.get(&n).copied(),
    };
    let arm = |q: Qualifier, weight: f64| {
        let id = id_of(q)?;
        let v = l.version(id)?;
        Some(AliasArm {
            id,
            qualifier: q,
            weight,
            runtime: v.config.runtime,
            number: v.runtime_version,
            runtime_version: l.runtime_version_name(id)?,
        })
    };
    f.aliases
        .iter()
        .map(|(name, a)| {
            let extra_weight = a.routing.map_or(0.0, |(_, w)| w);
            let mut arms: Vec<AliasArm> = arm(a.function_version, 1.0 - extra_weight).into_iter().collect();
            arms.extend(a.routing.and_then(|(n, w)| arm(Qualifier::Version(n), w)));
            let spans_runtime_versions = arms.windows(2).any(|p| p[0].runtime_version != p[1].runtime_version);
            AliasView { name: name.clone(), arms, spans_runtime_versions }
        })
        .collect()
}

/// A deployment as the inspector lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeploymentRow {
    pub id: String,
    pub alias: String,
    pub current: Option<u32>,
    pub target: u32,
    pub config: String,
    /// CodeDeploy's status: `InProgress`, `Succeeded`, `Stopped`...
    pub status: String,
    /// The target's share now.
    pub weight: f64,
    /// `ALARM_ACTIVE: One or more alarms...`
    pub error: Option<String>,
    pub rollback_of: Option<String>,
}

/// A function's deployments, newest first.
pub fn deployments_of(l: &Lambda, region: &str, function: &str) -> Vec<DeploymentRow> {
    let text = |v: serde_json::Value| v.as_str().map(String::from).unwrap_or_default();
    l.deployments()
        .iter()
        .rev()
        .filter(|d| d.region == region && d.function == function)
        .map(|d| DeploymentRow {
            id: d.id.clone(),
            alias: d.alias.clone(),
            current: d.current,
            target: d.target,
            config: d.config_name.clone(),
            status: text(serde_json::to_value(d.status).unwrap_or_default()),
            weight: d.weight(),
            error: d
                .error
                .as_ref()
                .map(|(code, message)| format!("{}: {message}", text(serde_json::to_value(code).unwrap_or_default()))),
            rollback_of: d.rollback_of.clone(),
        })
        .collect()
}

/// Where a deprecated runtime stands at a moment (Lambda's runtime deprecation policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifecycle {
    Supported,
    /// Deprecated on that day; creating functions is blocked from the next date.
    Deprecated {
        on: Timestamp,
        create_blocked_from: Timestamp,
    },
    /// Creating functions is blocked; updating them from `update_blocked_from`.
    CreateBlocked {
        since: Timestamp,
        update_blocked_from: Timestamp,
    },
    /// Creating and updating functions are both blocked.
    UpdateBlocked {
        since: Timestamp,
    },
}

pub fn lifecycle(r: &Runtime, now: Timestamp) -> Lifecycle {
    if now >= r.block_function_update {
        Lifecycle::UpdateBlocked { since: r.block_function_update }
    } else if now >= r.block_function_create {
        Lifecycle::CreateBlocked { since: r.block_function_create, update_blocked_from: r.block_function_update }
    } else if now >= r.deprecation {
        Lifecycle::Deprecated { on: r.deprecation, create_blocked_from: r.block_function_create }
    } else {
        Lifecycle::Supported
    }
}

/// One region of a rollout as the Releases panel shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionProgress {
    pub region: String,
    pub phase: Phase,
    pub phase1_start: Timestamp,
    pub phase2_start: Timestamp,
    pub phase2_end: Timestamp,
    /// Auto versions of the runtime in the region on this release or newer, of all of them.
    pub moved: usize,
    pub auto_versions: usize,
    /// `sim phase2` can start this region now: the runtime's newest rollout, two-phase, and
    /// phase 2 not yet begun.
    pub can_start_phase2: bool,
}

pub fn rollout_progress(l: &Lambda, index: usize) -> Vec<RegionProgress> {
    let Some(r) = l.rollouts().get(index) else { return Vec::new() };
    let newest = l.rollouts().iter().rposition(|o| o.runtime == r.runtime) == Some(index);
    let live: Vec<&FunctionVersion> = l.live_versions().into_iter().filter_map(|id| l.version(id)).collect();
    r.regions
        .iter()
        .map(|rr| {
            let phase = rr.phase(l.now());
            let auto = live.iter().filter(|v| {
                v.region == rr.region && v.config.runtime == r.runtime && v.mode() == UpdateRuntimeOn::Auto
            });
            let (moved, auto_versions) =
                auto.fold((0, 0), |(m, a), v| (m + (v.runtime_version >= r.number) as usize, a + 1));
            RegionProgress {
                region: rr.region.clone(),
                phase,
                phase1_start: rr.phase1_start,
                phase2_start: rr.phase2_start,
                phase2_end: rr.phase2_end,
                moved,
                auto_versions,
                can_start_phase2: newest
                    && r.policy == RolloutPolicy::TwoPhase
                    && matches!(phase, Phase::NotStarted | Phase::Phase1),
            }
        })
        .collect()
}

/// Runtime versions a Manual pin of this version may name, newest first: (name, ARN).
pub fn pin_choices(l: &Lambda, id: VersionId) -> Vec<(String, String)> {
    let Some(v) = l.version(id) else { return Vec::new() };
    let runtime = &l.catalogue()[v.config.runtime];
    l.available_versions(v.config.runtime, &v.region)
        .into_iter()
        .rev()
        .map(|n| (runtime.version_name(n), runtime_version_arn(&v.region, &runtime.id, n, &v.config.architecture)))
        .collect()
}

/// A runtime management change that moved the version to an older runtime version: a rollback.
pub fn is_rollback(v: &FunctionVersion, e: &Event) -> bool {
    e.kind == EventKind::RuntimeManagementConfig
        && v.segments.windows(2).any(|p| {
            p[1].at == e.at
                && p[1].cause == Change::RuntimeManagementConfig
                && p[1].runtime_version < p[0].runtime_version
        })
}

/// `my-function:$LATEST`, `my-function:3`.
pub fn version_label(v: &FunctionVersion) -> String {
    match v.qualifier {
        Qualifier::Latest => format!("{}:$LATEST", v.function_name),
        Qualifier::Version(n) => format!("{}:{n}", v.function_name),
    }
}

/// One chart of the fleet view: a region's function versions on one runtime, counted by the
/// runtime version they run at evenly spaced instants.
#[derive(Clone, Debug, PartialEq)]
pub struct FleetChart {
    pub region: String,
    pub runtime: RuntimeId,
    pub times: Vec<Timestamp>,
    /// (runtime version number, how many versions run it at each of `times`), oldest first.
    pub bands: Vec<(u32, Vec<u32>)>,
    /// The releases of this runtime in this region: (number, phase 1 start, phase 2 start, phase 2 end).
    pub phases: Vec<(u32, Timestamp, Timestamp, Timestamp)>,
}

/// The fleet over `[from, to]` at `samples` instants (at least two): for each region (in the
/// catalogue's order) and runtime, how many function versions ran each runtime version.
/// Work is linear in segments plus the samples each one covers.
pub fn fleet(l: &Lambda, from: Timestamp, to: Timestamp, samples: usize) -> Vec<FleetChart> {
    let samples = samples.max(2);
    let span = (to.0 - from.0).max(1);
    let times: Vec<Timestamp> =
        (0..samples).map(|k| Timestamp(from.0 + (span as i128 * k as i128 / (samples - 1) as i128) as i64)).collect();
    // The first sample at or after `t`.
    let index = |t: i64| -> usize {
        if t <= from.0 {
            return 0;
        }
        let (num, den) = ((t - from.0) as i128 * (samples - 1) as i128, span as i128);
        let k = (num + den - 1) / den;
        (k as usize).min(samples)
    };
    let mut counts: Map<(usize, RuntimeId), Map<u32, Vec<u32>>> = Map::new();
    let regions = &l.catalogue().regions;
    for (_, v) in l.versions() {
        let Some(r) = regions.iter().position(|x| *x == v.region) else { continue };
        let end = v.deleted.map_or(i64::MAX, |d| d.0);
        for (i, seg) in v.segments.iter().enumerate() {
            let until = v.segments.get(i + 1).map_or(end, |n| n.at.0.min(end));
            let (a, b) = (index(seg.at.0), index(until).min(samples));
            if a >= b {
                continue;
            }
            let band = counts
                .entry_or_default((r, seg.runtime))
                .entry_or_insert_with(seg.runtime_version, || vec![0; samples]);
            for c in &mut band[a..b] {
                *c += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|((r, runtime), bands)| {
            let region = regions[r].clone();
            let phases = l
                .rollouts()
                .iter()
                .filter(|o| o.runtime == runtime)
                .flat_map(|o| {
                    o.regions
                        .iter()
                        .filter(|rr| rr.region == region)
                        .map(move |rr| (o.number, rr.phase1_start, rr.phase2_start, rr.phase2_end))
                })
                .collect();
            FleetChart { region, runtime, times: times.clone(), bands: bands.into_iter().collect(), phases }
        })
        .collect()
}

/// The function versions of a region that ran a runtime version at `at`, in name order.
pub fn fleet_members(l: &Lambda, region: &str, runtime: RuntimeId, number: u32, at: Timestamp) -> Vec<VersionId> {
    let mut out: Vec<(VersionId, &FunctionVersion)> = l
        .versions()
        .filter(|(_, v)| v.region == region && v.deleted.is_none_or(|d| d > at))
        .filter(|(_, v)| {
            let seg = v.segments.iter().rev().find(|s| s.at <= at);
            seg.is_some_and(|s| s.runtime == runtime && s.runtime_version == number)
        })
        .collect();
    crate::order::sort_by(&mut out, |(_, a), (_, b)| {
        natural_cmp(&a.function_name, &b.function_name).then(a.qualifier.cmp(&b.qualifier))
    });
    out.into_iter().map(|(id, _)| id).collect()
}

#[cfg(test)]
mod natural_order {
    use super::natural_cmp;

    #[test]
    fn digits_compare_as_numbers() {
        let mut names = vec!["fn10", "fn2", "fn1", "fn11", "fn02", "api", "fn", "fn2a", "Fn3"];
        crate::order::sort_by(&mut names, |a, b| natural_cmp(a, b));
        assert_eq!(names, vec!["Fn3", "api", "fn", "fn1", "fn2", "fn2a", "fn02", "fn10", "fn11"]);
    }
}
