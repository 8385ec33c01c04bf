//! Functions and their versions: `$LATEST` (mutable) and published snapshots `1, 2, 3, ...`.

use crate::order::Map;
use serde::{Deserialize, Serialize};
use std::fmt;

use super::catalogue::RuntimeId;
use super::environment::EnvironmentPool;
use super::metrics::VersionMetrics;
use super::runtime_management::UpdateRuntimeOn;
use super::time::Timestamp;

/// `$LATEST` or a published version number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Qualifier {
    Latest,
    Version(u32),
}

impl Qualifier {
    pub fn parse(s: &str) -> Option<Qualifier> {
        match s {
            "$LATEST" => Some(Qualifier::Latest),
            _ if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') => {
                s.parse().ok().map(Qualifier::Version)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Qualifier::Latest => f.write_str("$LATEST"),
            Qualifier::Version(n) => write!(f, "{n}"),
        }
    }
}

/// A function version of the session (deleted ones included): stable for the session, never
/// reused, and meaningful only to the `Lambda` that handed it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VersionId(pub(crate) u32);

impl fmt::Display for VersionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The code of a function: its identity is the `fileb://` path text ([choice], see DESIGN.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub location: String,
    pub sha256: String,
    pub size: u64,
    /// Named runtime behaviours this code relies on ([choice]: the incompatibility model).
    pub relies_on: Vec<String>,
}

/// What `PublishVersion` snapshots and `UpdateFunctionConfiguration` changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Configuration {
    pub runtime: RuntimeId,
    pub role: String,
    pub handler: String,
    pub description: String,
    pub timeout: u32,
    pub memory_size: u32,
    pub architecture: String,
    pub environment: Map<String, String>,
    pub ephemeral_storage: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuntimeManagement {
    pub update_runtime_on: UpdateRuntimeOn,
    /// Set only in Manual mode.
    pub runtime_version_arn: Option<String>,
}

/// Why a function version's runtime version changed: the markers of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Create,
    Publish,
    CodeUpdate,
    ConfigurationUpdate,
    /// Phase 2 of a rollout moved an Auto version.
    Phase2,
    /// The legacy policy moved the whole region at once.
    LegacyUpdate,
    /// Runtime management configuration changed (a Manual pin is a rollback or a roll forward).
    RuntimeManagementConfig,
}

impl Change {
    /// Why a runtime version changed, in a phrase.
    pub fn describe(self) -> &'static str {
        match self {
            Change::Create => "created",
            Change::Publish => "published",
            Change::CodeUpdate => "code update, phase 1",
            Change::ConfigurationUpdate => "configuration update, phase 1",
            Change::Phase2 => "phase 2 of the rollout",
            Change::LegacyUpdate => "legacy whole-region update",
            Change::RuntimeManagementConfig => "runtime management configuration",
        }
    }
}

/// From `at` on, the version ran `runtime_version` of runtime `runtime` on `architecture`: one
/// runtime version ARN.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub at: Timestamp,
    pub runtime: RuntimeId,
    pub runtime_version: u32,
    pub architecture: String,
    pub cause: Change,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunctionVersion {
    pub region: String,
    pub function_name: String,
    pub qualifier: Qualifier,
    pub code: Code,
    pub config: Configuration,
    pub runtime_management: RuntimeManagement,
    /// The runtime version number in force (of `config.runtime`).
    pub runtime_version: u32,
    pub revision_id: String,
    /// Bumped with every change of code or configuration: environments loaded older ones.
    pub revision: u64,
    pub last_modified: Timestamp,
    pub created: Timestamp,
    pub segments: Vec<Segment>,
    pub environments: EnvironmentPool,
    pub metrics: VersionMetrics,
    /// Background invocations per minute, all told: its own (`direct_traffic`) and its share of
    /// the traffic of the aliases that route to it ([choice]: zero unless set).
    pub traffic_per_minute: f64,
    /// Background invocations per minute set on this version itself.
    pub direct_traffic: f64,
    /// The last minute whose background traffic has run.
    pub traffic_cursor: Timestamp,
    /// Cached: does the code rely on a behaviour its runtime version changed?
    pub broken: bool,
    /// When the version (or its function) was deleted; its history stays for the timeline.
    pub deleted: Option<Timestamp>,
}

impl FunctionVersion {
    pub fn mode(&self) -> UpdateRuntimeOn {
        self.runtime_management.update_runtime_on
    }

    pub fn set_runtime_version(&mut self, at: Timestamp, runtime: RuntimeId, number: u32, cause: Change) {
        self.config.runtime = runtime;
        self.runtime_version = number;
        let architecture = &self.config.architecture;
        let same = self
            .segments
            .last()
            .is_some_and(|s| s.runtime == runtime && s.runtime_version == number && s.architecture == *architecture);
        if !same {
            let architecture = architecture.clone();
            self.segments.push(Segment { at, runtime, runtime_version: number, architecture, cause });
        }
    }
}

/// A function: its `$LATEST` and its published versions, by slab id.
#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    pub latest: VersionId,
    pub published: Map<u32, VersionId>,
    /// Version numbers are never reused, even after deletes.
    pub last_version_number: u32,
    /// What the newest published version snapshotted, to return it again when nothing changed.
    pub last_published: Option<(u32, PublishFingerprint)>,
    /// Aliases by name.
    pub aliases: Map<String, Alias>,
}

/// A named pointer to a version, optionally sending a share of invocations to a second one.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The primary version: `$LATEST` or a published number.
    pub function_version: Qualifier,
    pub description: String,
    /// (the additional version, its weight in [0, 1]).
    pub routing: Option<(u32, f64)>,
    pub revision_id: String,
}

/// The parts of `$LATEST` whose change makes `PublishVersion` create a new version: its code and
/// configuration, as AWS documents (a runtime version change alone publishes nothing new).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishFingerprint {
    pub code_sha256: String,
    pub config: Configuration,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers() {
        assert_eq!(Qualifier::parse("$LATEST"), Some(Qualifier::Latest));
        assert_eq!(Qualifier::parse("12"), Some(Qualifier::Version(12)));
        for not_a_version in ["", "0", "01", "prod", "$latest", "99999999999"] {
            assert_eq!(Qualifier::parse(not_a_version), None, "{not_a_version}");
        }
        assert_eq!(Qualifier::Version(3).to_string(), "3");
        assert_eq!(Qualifier::Latest.to_string(), "$LATEST");
    }
}
