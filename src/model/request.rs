//! One enum of every API call and playground directive: what a session's history records.

use serde::{Deserialize, Serialize};

use super::api::*;
use super::rollout::RolloutPolicy;

/// An API call, as the Lambda API names its operations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    CreateFunction(CreateFunctionRequest),
    UpdateFunctionCode(UpdateFunctionCodeRequest),
    UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest),
    PublishVersion(PublishVersionRequest),
    GetFunction(FunctionRequest),
    GetFunctionConfiguration(FunctionRequest),
    ListFunctions(ListFunctionsRequest),
    ListVersionsByFunction(FunctionRequest),
    DeleteFunction(FunctionRequest),
    PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest),
    GetRuntimeManagementConfig(FunctionRequest),
    Invoke(InvokeRequest),
    CreateAlias(CreateAliasRequest),
    GetAlias(AliasRequest),
    UpdateAlias(UpdateAliasRequest),
    ListAliases(ListAliasesRequest),
    DeleteAlias(AliasRequest),
    PutMetricAlarm(PutMetricAlarmRequest),
    DescribeAlarms(AlarmNamesRequest),
    DeleteAlarms(AlarmNamesRequest),
    GetDeployment(DeploymentIdRequest),
    StopDeployment(StopDeploymentRequest),
    CreateDeploymentConfig(CreateDeploymentConfigRequest),
    DeployStack(DeployStackRequest),
    DescribeStacks(StackNameRequest),
    DescribeStackEvents(StackNameRequest),
    ListStacks(ListStacksRequest),
    DeleteStack(StackNameRequest),
}

impl Request {
    /// The operation name the AWS CLI prints in `when calling the <Operation> operation`.
    pub fn operation(&self) -> &'static str {
        match self {
            Request::CreateFunction(_) => "CreateFunction",
            Request::UpdateFunctionCode(_) => "UpdateFunctionCode",
            Request::UpdateFunctionConfiguration(_) => "UpdateFunctionConfiguration",
            Request::PublishVersion(_) => "PublishVersion",
            Request::GetFunction(_) => "GetFunction",
            Request::GetFunctionConfiguration(_) => "GetFunctionConfiguration",
            Request::ListFunctions(_) => "ListFunctions",
            Request::ListVersionsByFunction(_) => "ListVersionsByFunction",
            Request::DeleteFunction(_) => "DeleteFunction",
            Request::PutRuntimeManagementConfig(_) => "PutRuntimeManagementConfig",
            Request::GetRuntimeManagementConfig(_) => "GetRuntimeManagementConfig",
            Request::Invoke(_) => "Invoke",
            Request::CreateAlias(_) => "CreateAlias",
            Request::GetAlias(_) => "GetAlias",
            Request::UpdateAlias(_) => "UpdateAlias",
            Request::ListAliases(_) => "ListAliases",
            Request::DeleteAlias(_) => "DeleteAlias",
            Request::PutMetricAlarm(_) => "PutMetricAlarm",
            Request::DescribeAlarms(_) => "DescribeAlarms",
            Request::DeleteAlarms(_) => "DeleteAlarms",
            Request::GetDeployment(_) => "GetDeployment",
            Request::StopDeployment(_) => "StopDeployment",
            Request::CreateDeploymentConfig(_) => "CreateDeploymentConfig",
            Request::DeployStack(_) => "CreateChangeSet",
            Request::DescribeStacks(_) => "DescribeStacks",
            Request::DescribeStackEvents(_) => "DescribeStackEvents",
            Request::ListStacks(_) => "ListStacks",
            Request::DeleteStack(_) => "DeleteStack",
        }
    }

    /// The AWS CLI command of its service: `lambda`, `cloudwatch`, `deploy`.
    pub fn service(&self) -> &'static str {
        match self {
            Request::PutMetricAlarm(_) | Request::DescribeAlarms(_) | Request::DeleteAlarms(_) => "cloudwatch",
            Request::GetDeployment(_) | Request::StopDeployment(_) | Request::CreateDeploymentConfig(_) => "deploy",
            Request::DeployStack(_)
            | Request::DescribeStacks(_)
            | Request::DescribeStackEvents(_)
            | Request::ListStacks(_)
            | Request::DeleteStack(_) => "cloudformation",
            _ => "lambda",
        }
    }

    /// The HTTP status of a successful call: 201 for what creates, 204 for a delete.
    pub fn success_status(&self) -> u16 {
        match self {
            Request::CreateFunction(_) | Request::PublishVersion(_) | Request::CreateAlias(_) => 201,
            Request::DeleteFunction(_) | Request::DeleteAlias(_) => 204,
            _ => 200,
        }
    }
}

/// What only the playground can do: release runtime versions, steer rollouts, shape traffic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Directive {
    /// Release the next version of a runtime in these regions (empty: all, in stagger order).
    Release { runtime: String, regions: Vec<String>, changes: Vec<String> },
    /// Start phase 2 of the runtime's newest rollout now (in one region or in all).
    Phase2 { runtime: String, region: Option<String> },
    /// The function's current code relies on a named behaviour.
    ReliesOn { function: String, behaviour: String },
    /// Background invocations per minute of one function version.
    Traffic { function: String, qualifier: Option<String>, per_minute: f64 },
    /// How later releases roll out.
    Policy(RolloutPolicy),
    /// How later releases are paced (milliseconds; `None` keeps the current value).
    Timing { region_stagger: Option<i64>, phase1: Option<i64>, phase2_window: Option<i64> },
    /// From `after` on (a duration from now), environments on this runtime version fail to start.
    Expire { runtime: String, version: u32, after_ms: i64 },
    /// A CodeDeploy deployment that shifts an alias's traffic to another version.
    Deploy(DeployRequest),
    /// Stops one, as `aws deploy stop-deployment` does (`rollback: None` keeps its own setting).
    StopDeployment { deployment_id: String, rollback: Option<bool> },
}

/// `sim deploy`: what CodeDeploy's deployment group and AppSpec would hold, on one line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeployRequest {
    pub function: String,
    pub alias: String,
    pub target_version: String,
    pub config: String,
    pub alarms: Vec<String>,
    pub pre_traffic_hook: Option<String>,
    pub post_traffic_hook: Option<String>,
    /// What SAM sets unless told otherwise: roll back on failure, on alarm and on a stop.
    pub auto_rollback: bool,
    /// The CodeDeploy application and deployment group a SAM stack made for the alias; without
    /// them, [choice] they are named after the function and the alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Box<(String, String)>>,
}

/// One entry of a session's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// An API call in a region.
    Api {
        region: String,
        request: Request,
    },
    Sim {
        region: String,
        directive: Directive,
    },
}
