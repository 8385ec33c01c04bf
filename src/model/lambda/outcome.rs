//! What a command returns when it succeeds: an API response, or what a playground directive did.
//! Field names and order are what the console prints.

use serde::Serialize;

use crate::api::Response;
use crate::error::ApiResult;
use crate::rollout::RolloutPolicy;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Output {
    Api(Response),
    Sim(SimOutput),
}

pub type Outcome = ApiResult<Output>;

/// What a `sim` directive did.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SimOutput {
    Released(Released),
    Phase2Started(Phase2Started),
    ReliesOn(ReliesOn),
    Traffic(TrafficSet),
    Timing(TimingSet),
    Policy(PolicySet),
    Expires(ExpirySet),
    Deployment(DeploymentCreated),
    DeploymentStopping(crate::api::StopDeploymentResponse),
}

/// What CodeDeploy's CreateDeployment answers.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentCreated {
    pub deployment_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Released {
    pub runtime: String,
    pub runtime_version: String,
    pub rollout_policy: RolloutPolicy,
    pub changes: Vec<String>,
    pub regions: Vec<RegionSchedule>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RegionSchedule {
    pub region: String,
    pub phase1_start: String,
    pub phase2_start: String,
    pub phase2_end: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Phase2Started {
    pub runtime_version: String,
    #[serde(rename = "Phase2StartedIn")]
    pub phase2_started_in: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReliesOn {
    pub function_name: String,
    pub relies_on: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TrafficSet {
    pub function_arn: String,
    pub invocations_per_minute: f64,
}

/// Durations as `<seconds>s`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TimingSet {
    pub region_stagger: String,
    #[serde(rename = "Phase1")]
    pub phase1: String,
    #[serde(rename = "Phase2Window")]
    pub phase2_window: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PolicySet {
    pub rollout_policy: RolloutPolicy,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExpirySet {
    pub runtime_version: String,
    pub expires: String,
}
