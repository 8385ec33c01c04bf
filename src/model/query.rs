//! The UI's questions, answered from the model's getters (read-only by construction): which
//! lanes and rows to show in which order, where a rollout stands, what a runtime's lifecycle
//! allows, which runtime versions a Manual pin may name. Components format the answers.

use super::arn::runtime_version_arn;
use super::catalogue::{Runtime, RuntimeId};
use super::function::{Change, FunctionVersion, Qualifier, VersionId};
use super::lambda::{Event, EventKind};
use super::rollout::{Phase, RolloutPolicy};
use super::runtime_management::UpdateRuntimeOn;
use super::time::Timestamp;
use super::Lambda;

/// Timeline lanes: every version the session made (deleted ones too), by region in the
/// catalogue's order, then by function name and qualifier.
pub fn lanes(l: &Lambda) -> Vec<(String, Vec<VersionId>)> {
    let mut out = Vec::new();
    for region in &l.catalogue().regions {
        let mut vs: Vec<(VersionId, &FunctionVersion)> = l.versions().filter(|(_, v)| &v.region == region).collect();
        vs.sort_by(|(_, a), (_, b)| (&a.function_name, a.qualifier).cmp(&(&b.function_name, b.qualifier)));
        if !vs.is_empty() {
            out.push((region.clone(), vs.into_iter().map(|(id, _)| id).collect()));
        }
    }
    out
}

/// How many regions have lanes, and how many lanes there are: the timeline's height.
pub fn lane_counts(l: &Lambda) -> (usize, usize) {
    let regions = l.catalogue().regions.iter().filter(|r| l.versions().any(|(_, v)| &v.region == *r)).count();
    (regions, l.version_count())
}

/// A function's name and its versions' ids.
pub type FunctionVersions = (String, Vec<VersionId>);

/// The functions panel: live functions by region, each with `$LATEST` first and then its
/// published versions, newest first.
pub fn function_rows(l: &Lambda) -> Vec<(String, Vec<FunctionVersions>)> {
    let mut out = Vec::new();
    for region in &l.catalogue().regions {
        let functions: Vec<FunctionVersions> = l
            .functions()
            .filter(|((r, _), _)| r == region)
            .map(|((_, name), f)| {
                (name.clone(), std::iter::once(f.latest).chain(f.published.values().rev().copied()).collect())
            })
            .collect();
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
