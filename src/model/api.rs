//! Requests and responses of the Lambda API, with AWS's JSON field names and key order.

use crate::order::Map;
use serde::{Deserialize, Serialize};

use super::runtime_management::UpdateRuntimeOn;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnvironmentVariables {
    pub variables: Map<String, String>,
}

/// `Code`: the playground's code is identified by the `fileb://` path text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionCode {
    pub zip_file: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CreateFunctionRequest {
    pub function_name: String,
    pub runtime: Option<String>,
    pub role: String,
    pub handler: Option<String>,
    pub code: FunctionCode,
    pub description: Option<String>,
    pub timeout: Option<u32>,
    pub memory_size: Option<u32>,
    pub publish: bool,
    pub environment: Option<EnvironmentVariables>,
    pub architectures: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct UpdateFunctionCodeRequest {
    pub function_name: String,
    pub zip_file: String,
    pub publish: bool,
    pub revision_id: Option<String>,
    pub architectures: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct UpdateFunctionConfigurationRequest {
    pub function_name: String,
    pub role: Option<String>,
    pub handler: Option<String>,
    pub description: Option<String>,
    pub timeout: Option<u32>,
    pub memory_size: Option<u32>,
    pub environment: Option<EnvironmentVariables>,
    pub runtime: Option<String>,
    pub revision_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PublishVersionRequest {
    pub function_name: String,
    pub code_sha256: Option<String>,
    pub description: Option<String>,
    pub revision_id: Option<String>,
}

/// GetFunction, GetFunctionConfiguration, DeleteFunction, GetRuntimeManagementConfig.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct FunctionRequest {
    pub function_name: String,
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListFunctionsRequest {
    /// `ALL` lists published versions too.
    pub function_version: Option<String>,
    pub max_items: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PutRuntimeManagementConfigRequest {
    pub function_name: String,
    pub qualifier: Option<String>,
    /// Kept as text: an invalid value is the service's error to report, not the parser's.
    pub update_runtime_on: String,
    pub runtime_version_arn: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InvokeRequest {
    pub function_name: String,
    pub qualifier: Option<String>,
    pub payload: Option<String>,
    /// `Tail` returns the last 4 KB of the invocation's log.
    pub log_type: Option<String>,
}

// ---- responses ----

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TracingConfig {
    pub mode: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EphemeralStorage {
    pub size: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SnapStartResponse {
    pub apply_on: String,
    pub optimization_status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RuntimeVersionConfig {
    pub runtime_version_arn: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LoggingConfig {
    pub log_format: String,
    pub log_group: String,
}

/// `FunctionConfiguration`, fields in the order the service returns them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionConfiguration {
    pub function_name: String,
    pub function_arn: String,
    pub runtime: String,
    pub role: String,
    pub handler: String,
    pub code_size: u64,
    pub description: String,
    pub timeout: u32,
    pub memory_size: u32,
    pub last_modified: String,
    pub code_sha256: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub environment: Option<EnvironmentVariables>,
    pub tracing_config: TracingConfig,
    pub revision_id: String,
    /// Absent from ListFunctions items, like the other state fields: AWS returns them from
    /// GetFunction(Configuration) only.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub state_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub state_reason_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_update_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_update_status_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_update_status_reason_code: Option<String>,
    pub package_type: String,
    pub architectures: Vec<String>,
    pub ephemeral_storage: EphemeralStorage,
    pub snap_start: SnapStartResponse,
    /// Absent from ListFunctions and ListVersionsByFunction items.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub runtime_version_config: Option<RuntimeVersionConfig>,
    pub logging_config: LoggingConfig,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FunctionCodeLocation {
    pub repository_type: String,
    pub location: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetFunctionResponse {
    pub configuration: FunctionConfiguration,
    pub code: FunctionCodeLocation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListFunctionsResponse {
    pub functions: Vec<FunctionConfiguration>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListVersionsByFunctionResponse {
    pub versions: Vec<FunctionConfiguration>,
}

/// PutRuntimeManagementConfig's response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRuntimeManagementConfigResponse {
    pub update_runtime_on: UpdateRuntimeOn,
    pub function_arn: String,
    /// Non-null only in Manual mode.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub runtime_version_arn: Option<String>,
}

/// GetRuntimeManagementConfig's response: the version in use in Auto/FunctionUpdate mode is not
/// here but in `RuntimeVersionConfig` of GetFunction(Configuration).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetRuntimeManagementConfigResponse {
    pub update_runtime_on: UpdateRuntimeOn,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub runtime_version_arn: Option<String>,
    pub function_arn: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InvokeResponse {
    pub status_code: u16,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub function_error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub log_result: Option<String>,
    pub executed_version: String,
    /// The response body (written to the outfile by the CLI, not printed).
    #[serde(skip)]
    pub payload: String,
}

// ---- aliases ----

/// `RoutingConfig`: at most one extra version and the share of invocations it gets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AliasRoutingConfiguration {
    pub additional_version_weights: Map<String, f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CreateAliasRequest {
    pub function_name: String,
    pub name: String,
    pub function_version: String,
    pub description: Option<String>,
    pub routing_config: Option<AliasRoutingConfiguration>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct UpdateAliasRequest {
    pub function_name: String,
    pub name: String,
    pub function_version: Option<String>,
    pub description: Option<String>,
    pub routing_config: Option<AliasRoutingConfiguration>,
    pub revision_id: Option<String>,
}

/// GetAlias and DeleteAlias.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AliasRequest {
    pub function_name: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListAliasesRequest {
    pub function_name: String,
    pub function_version: Option<String>,
    pub max_items: Option<u32>,
}

/// `AliasConfiguration`, in botocore's member order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AliasConfiguration {
    pub alias_arn: String,
    pub name: String,
    pub function_version: String,
    pub description: String,
    /// Left out when the alias points at one version.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub routing_config: Option<AliasRoutingConfiguration>,
    pub revision_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListAliasesResponse {
    pub aliases: Vec<AliasConfiguration>,
}

// ---- CloudWatch alarms ----

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Dimension {
    pub name: String,
    pub value: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PutMetricAlarmRequest {
    pub alarm_name: String,
    pub alarm_description: Option<String>,
    pub metric_name: Option<String>,
    pub namespace: Option<String>,
    pub statistic: Option<String>,
    pub dimensions: Vec<Dimension>,
    pub period: Option<u32>,
    pub evaluation_periods: u32,
    pub threshold: Option<f64>,
    pub comparison_operator: String,
    pub treat_missing_data: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AlarmNamesRequest {
    pub alarm_names: Vec<String>,
}

/// `MetricAlarm`, in botocore's member order (the members the playground has).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MetricAlarm {
    pub alarm_name: String,
    pub alarm_arn: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub alarm_description: Option<String>,
    pub alarm_configuration_updated_timestamp: String,
    pub actions_enabled: bool,
    #[serde(rename = "OKActions")]
    pub ok_actions: Vec<String>,
    pub alarm_actions: Vec<String>,
    pub insufficient_data_actions: Vec<String>,
    pub state_value: String,
    pub state_reason: String,
    pub state_updated_timestamp: String,
    pub metric_name: String,
    pub namespace: String,
    pub statistic: String,
    pub dimensions: Vec<Dimension>,
    pub period: u32,
    pub evaluation_periods: u32,
    pub threshold: f64,
    pub comparison_operator: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub treat_missing_data: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeAlarmsResponse {
    pub metric_alarms: Vec<MetricAlarm>,
    pub composite_alarms: Vec<serde_json::Value>,
}

// ---- CodeDeploy ----

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DeploymentIdRequest {
    pub deployment_id: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StopDeploymentRequest {
    pub deployment_id: String,
    /// `--auto-rollback-enabled` / `--no-auto-rollback-enabled`; absent: the deployment's own.
    pub auto_rollback_enabled: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimeBasedCanary {
    pub canary_percentage: i64,
    pub canary_interval: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TimeBasedLinear {
    pub linear_percentage: i64,
    pub linear_interval: i64,
}

/// `--traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercentage=20,canaryInterval=15}`
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TrafficRoutingConfig {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_based_canary: Option<TimeBasedCanary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_based_linear: Option<TimeBasedLinear>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreateDeploymentConfigRequest {
    pub deployment_config_name: String,
    pub compute_platform: Option<String>,
    pub traffic_routing_config: Option<TrafficRoutingConfig>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateDeploymentConfigResponse {
    pub deployment_config_id: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StopDeploymentResponse {
    pub status: String,
    pub status_message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoRollbackConfiguration {
    pub enabled: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
}

/// One target (the function) in the deployment's state: CodeDeploy's instance counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeploymentOverview {
    pub pending: u32,
    pub in_progress: u32,
    pub succeeded: u32,
    pub failed: u32,
    pub skipped: u32,
    pub ready: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentStyle {
    pub deployment_type: &'static str,
    pub deployment_option: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorInformation {
    pub code: crate::deployment::DeploymentErrorCode,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollbackInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rollback_deployment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rollback_triggering_deployment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rollback_message: Option<String>,
}

/// `DeploymentInfo`, with the members a Lambda deployment has, in the API reference's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentInfo {
    pub application_name: String,
    pub auto_rollback_configuration: AutoRollbackConfiguration,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complete_time: Option<String>,
    pub compute_platform: &'static str,
    pub create_time: String,
    pub creator: &'static str,
    pub deployment_config_name: String,
    pub deployment_group_name: String,
    pub deployment_id: String,
    pub deployment_overview: DeploymentOverview,
    pub deployment_status_messages: Vec<String>,
    pub deployment_style: DeploymentStyle,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_information: Option<ErrorInformation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rollback_info: Option<RollbackInfo>,
    pub status: crate::deployment::DeploymentStatus,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDeploymentResponse {
    pub deployment_info: DeploymentInfo,
}

// ---- CloudFormation ----

/// `aws cloudformation deploy` (a change set made and executed at once) with the template's text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DeployStackRequest {
    pub stack_name: String,
    pub template_body: String,
    /// `--parameter-overrides Key=Value ...`, in order.
    pub parameter_overrides: Vec<(String, String)>,
    /// Where the template came from (`--template-file`), for the console line.
    pub template_file: String,
    /// `--no-fail-on-empty-changeset`: a deploy that changes nothing succeeds.
    pub no_fail_on_empty_changeset: bool,
    /// Run as `sam deploy`: the same change set, in the SAM CLI's words.
    pub sam: bool,
    /// `--capabilities`: what the deploy acknowledges (`CAPABILITY_IAM` for a template with IAM
    /// resources, `CAPABILITY_NAMED_IAM` when they have names of their own).
    pub capabilities: Vec<String>,
}

/// ListStacks: a region's stacks, deleted ones included, optionally of some statuses only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListStacksRequest {
    pub stack_status_filter: Vec<String>,
}

/// A stack as ListStacks shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StackSummary {
    pub stack_id: String,
    pub stack_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template_description: Option<String>,
    pub creation_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_time: Option<String>,
    pub stack_status: String,
    pub drift_information: serde_json::Value,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListStacksResponse {
    pub stack_summaries: Vec<StackSummary>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct StackNameRequest {
    pub stack_name: Option<String>,
}

/// What `aws cloudformation deploy` printed: it prints text, not JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StackDeployed {
    pub stack_name: String,
    /// `CREATE_COMPLETE`, `UPDATE_COMPLETE`, or the status the stack kept when nothing changed.
    pub stack_status: String,
    #[serde(skip)]
    pub printed: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StackParameter {
    pub parameter_key: String,
    pub parameter_value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StackDescription {
    pub stack_id: String,
    pub stack_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<StackParameter>,
    pub creation_time: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_time: Option<String>,
    pub rollback_configuration: serde_json::Value,
    pub stack_status: String,
    pub disable_rollback: bool,
    #[serde(rename = "NotificationARNs")]
    pub notification_arns: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<StackOutput>,
    pub tags: Vec<serde_json::Value>,
    pub enable_termination_protection: bool,
    pub drift_information: serde_json::Value,
}

/// A template output as `describe-stacks` shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StackOutput {
    pub output_key: String,
    pub output_value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStacksResponse {
    pub stacks: Vec<StackDescription>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StackEvent {
    pub stack_id: String,
    pub event_id: String,
    pub stack_name: String,
    pub logical_resource_id: String,
    pub physical_resource_id: String,
    pub resource_type: String,
    pub timestamp: String,
    pub resource_status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_status_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeStackEventsResponse {
    pub stack_events: Vec<StackEvent>,
}

/// Every successful response (`Request::success_status` gives its HTTP status).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Response {
    Function(Box<FunctionConfiguration>),
    GetFunction(Box<GetFunctionResponse>),
    ListFunctions(ListFunctionsResponse),
    ListVersions(ListVersionsByFunctionResponse),
    PutRuntimeManagementConfig(PutRuntimeManagementConfigResponse),
    GetRuntimeManagementConfig(GetRuntimeManagementConfigResponse),
    Invoke(InvokeResponse),
    Alias(AliasConfiguration),
    ListAliases(ListAliasesResponse),
    DescribeAlarms(DescribeAlarmsResponse),
    GetDeployment(Box<GetDeploymentResponse>),
    StopDeployment(StopDeploymentResponse),
    CreateDeploymentConfig(CreateDeploymentConfigResponse),
    StackDeployed(StackDeployed),
    DescribeStacks(DescribeStacksResponse),
    DescribeStackEvents(DescribeStackEventsResponse),
    ListStacks(ListStacksResponse),
    /// DeleteFunction: 204 and no body.
    Empty,
}
