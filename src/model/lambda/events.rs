//! What happened, for the event history and the timeline's markers: a person's call on a
//! function version, or a step of the platform (a release, phase 2 started by hand).

use crate::catalogue::{Catalogue, RegionId, RuntimeId};
use crate::function::{Change, FunctionVersion, Qualifier, VersionId};
use crate::time::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub at: Timestamp,
    pub scope: EventScope,
    pub kind: EventKind,
    pub detail: String,
}

/// Whom an event is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventScope {
    FunctionVersion {
        id: VersionId,
        region: String,
        function_name: String,
        qualifier: Qualifier,
    },
    /// A platform step, in these regions (stagger order).
    Platform {
        regions: Vec<RegionId>,
    },
    /// An alias, for what a deployment did to it.
    Alias {
        region: String,
        function_name: String,
        alias: String,
    },
}

/// A runtime version of a runtime: (runtime, number).
pub type RuntimeVersionRef = (RuntimeId, u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    /// A version's runtime version changed: phase 1 (an update), phase 2, a legacy update, or
    /// its runtime management configuration.
    RuntimeVersionChange {
        from: RuntimeVersionRef,
        to: RuntimeVersionRef,
        cause: Change,
    },
    Create,
    CodeUpdate,
    ConfigurationUpdate,
    Publish,
    RuntimeManagementConfig,
    Delete,
    Release,
    Phase2Now,
    /// An alias's routing from now on: its primary version and the extra one with its share in
    /// millionths (CreateAlias, UpdateAlias, or a deployment's step).
    AliasRouting {
        primary: Qualifier,
        extra: Option<(u32, u32)>,
    },
    AliasDeleted,
    DeploymentStarted,
    DeploymentSucceeded,
    DeploymentStopped,
    DeploymentFailed,
    DeploymentRolledBack,
}

impl EventKind {
    /// An alias's routing or a deployment on it: about an alias, not one version.
    pub fn on_alias(self) -> bool {
        matches!(
            self,
            EventKind::AliasRouting { .. }
                | EventKind::AliasDeleted
                | EventKind::DeploymentStarted
                | EventKind::DeploymentSucceeded
                | EventKind::DeploymentStopped
                | EventKind::DeploymentFailed
                | EventKind::DeploymentRolledBack
        )
    }

    /// The Lambda API operation a person's event came from, or what the platform did.
    pub fn name(self) -> &'static str {
        match self {
            EventKind::RuntimeVersionChange { .. } => "Runtime version change",
            EventKind::Create => "CreateFunction",
            EventKind::CodeUpdate => "UpdateFunctionCode",
            EventKind::ConfigurationUpdate => "UpdateFunctionConfiguration",
            EventKind::Publish => "PublishVersion",
            EventKind::RuntimeManagementConfig => "PutRuntimeManagementConfig",
            EventKind::Delete => "DeleteFunction",
            EventKind::Release => "Runtime release",
            EventKind::Phase2Now => "Phase 2 started",
            EventKind::AliasRouting { .. } => "Alias routing",
            EventKind::AliasDeleted => "DeleteAlias",
            EventKind::DeploymentStarted => "Deployment started",
            EventKind::DeploymentSucceeded => "Deployment succeeded",
            EventKind::DeploymentStopped => "Deployment stopped",
            EventKind::DeploymentFailed => "Deployment failed",
            EventKind::DeploymentRolledBack => "Deployment rolled back",
        }
    }
}

/// A share of traffic as the event keeps it, in millionths (an event compares exactly).
pub fn share_ppm(weight: f64) -> u32 {
    (weight.clamp(0.0, 1.0) * 1e6).round() as u32
}

impl Event {
    pub(super) fn on(at: Timestamp, id: VersionId, v: &FunctionVersion, kind: EventKind, detail: String) -> Event {
        let scope = EventScope::FunctionVersion {
            id,
            region: v.region.clone(),
            function_name: v.function_name.clone(),
            qualifier: v.qualifier,
        };
        Event { at, scope, kind, detail }
    }

    /// Is this event about that function version?
    pub fn is_about(&self, v: &FunctionVersion) -> bool {
        matches!(&self.scope, EventScope::FunctionVersion { region, function_name, qualifier, .. }
            if *region == v.region && *function_name == v.function_name && *qualifier == v.qualifier)
    }

    /// `us-east-1 my-function:$LATEST`, or the regions of a platform step.
    pub fn place(&self, catalogue: &Catalogue) -> String {
        match &self.scope {
            EventScope::FunctionVersion { region, function_name, qualifier, .. } => {
                format!("{region} {function_name}:{qualifier}")
            }
            EventScope::Platform { regions } => regions.iter().map(|&r| &catalogue[r]).collect::<Vec<_>>().join(","),
            EventScope::Alias { region, function_name, alias } => format!("{region} {function_name}:{alias}"),
        }
    }
}
