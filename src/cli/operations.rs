//! The `aws lambda` operations the playground answers, with their AWS CLI v2 option names, and
//! how each one's options become the model's request.

use super::args::{flag, list, list_required, required, switch, value, Opt, Parsed};
use super::error::Failure;
use super::params::{self, Bounds, Files};
use crate::model::api::*;
use crate::model::Request;

/// One `aws <service> <operation>`: its CLI name, the API operation it calls, its options.
#[derive(Debug)]
pub struct Operation {
    /// `lambda`, `cloudwatch`.
    pub service: &'static str,
    pub name: &'static str,
    pub api: &'static str,
    pub options: &'static [Opt],
    /// Positional arguments, all required (invoke's `outfile`).
    pub positionals: &'static [&'static str],
    pub summary: &'static str,
}

/// In the order the AWS CLI lists them: alphabetical.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        service: "lambda",
        name: "create-alias",
        api: "CreateAlias",
        options: &[
            required("function-name"),
            required("name"),
            required("function-version"),
            value("description"),
            value("routing-config"),
        ],
        positionals: &[],
        summary: "Creates an alias for a version, optionally sending a share of invocations to a second one.",
    },
    Operation {
        service: "lambda",
        name: "create-function",
        api: "CreateFunction",
        options: &[
            required("function-name"),
            value("runtime"),
            required("role"),
            value("handler"),
            value("zip-file"),
            value("description"),
            value("timeout"),
            value("memory-size"),
            flag("publish"),
            value("environment"),
            list("architectures"),
        ],
        positionals: &[],
        summary: "Creates a function from code identified by its fileb:// path.",
    },
    Operation {
        service: "lambda",
        name: "delete-alias",
        api: "DeleteAlias",
        options: &[required("function-name"), required("name")],
        positionals: &[],
        summary: "Deletes an alias (deleting one that does not exist succeeds).",
    },
    Operation {
        service: "lambda",
        name: "delete-function",
        api: "DeleteFunction",
        options: &[required("function-name"), value("qualifier")],
        positionals: &[],
        summary: "Deletes a function, or one published version with --qualifier.",
    },
    Operation {
        service: "lambda",
        name: "get-alias",
        api: "GetAlias",
        options: &[required("function-name"), required("name")],
        positionals: &[],
        summary: "An alias: the version it points to and its routing configuration.",
    },
    Operation {
        service: "lambda",
        name: "get-function",
        api: "GetFunction",
        options: &[required("function-name"), value("qualifier")],
        positionals: &[],
        summary: "Configuration of a function version, and where its code is.",
    },
    Operation {
        service: "lambda",
        name: "get-function-configuration",
        api: "GetFunctionConfiguration",
        options: &[required("function-name"), value("qualifier")],
        positionals: &[],
        summary: "Configuration of a function version, with RuntimeVersionConfig.",
    },
    Operation {
        service: "lambda",
        name: "get-runtime-management-config",
        api: "GetRuntimeManagementConfig",
        options: &[required("function-name"), value("qualifier")],
        positionals: &[],
        summary: "The runtime management configuration of a function version.",
    },
    Operation {
        service: "lambda",
        name: "invoke",
        api: "Invoke",
        options: &[required("function-name"), value("qualifier"), value("payload"), value("log-type")],
        positionals: &["outfile"],
        summary: "Invokes a function version; the response body goes to outfile.",
    },
    Operation {
        service: "lambda",
        name: "list-aliases",
        api: "ListAliases",
        options: &[required("function-name"), value("function-version"), value("max-items")],
        positionals: &[],
        summary: "The aliases of a function (--function-version: those that route to it).",
    },
    Operation {
        service: "lambda",
        name: "list-functions",
        api: "ListFunctions",
        options: &[value("function-version"), value("max-items")],
        positionals: &[],
        summary: "Functions of the region (--function-version ALL adds published versions).",
    },
    Operation {
        service: "lambda",
        name: "list-versions-by-function",
        api: "ListVersionsByFunction",
        options: &[required("function-name")],
        positionals: &[],
        summary: "$LATEST and the published versions of a function.",
    },
    Operation {
        service: "lambda",
        name: "publish-version",
        api: "PublishVersion",
        options: &[required("function-name"), value("code-sha256"), value("description"), value("revision-id")],
        positionals: &[],
        summary: "Snapshots $LATEST, with the runtime version in force, as a numbered version.",
    },
    Operation {
        service: "lambda",
        name: "put-runtime-management-config",
        api: "PutRuntimeManagementConfig",
        options: &[
            required("function-name"),
            value("qualifier"),
            required("update-runtime-on"),
            value("runtime-version-arn"),
        ],
        positionals: &[],
        summary: "Sets UpdateRuntimeOn (Auto, FunctionUpdate, Manual + runtime version ARN).",
    },
    Operation {
        service: "lambda",
        name: "update-alias",
        api: "UpdateAlias",
        options: &[
            required("function-name"),
            required("name"),
            value("function-version"),
            value("description"),
            value("routing-config"),
            value("revision-id"),
        ],
        positionals: &[],
        summary: "Points an alias at another version, or changes its routing configuration.",
    },
    Operation {
        service: "lambda",
        name: "update-function-code",
        api: "UpdateFunctionCode",
        options: &[
            required("function-name"),
            value("zip-file"),
            flag("publish"),
            value("revision-id"),
            list("architectures"),
        ],
        positionals: &[],
        summary: "Replaces the code of $LATEST (phase 1 of a rollout applies here).",
    },
    Operation {
        service: "lambda",
        name: "update-function-configuration",
        api: "UpdateFunctionConfiguration",
        options: &[
            required("function-name"),
            value("role"),
            value("handler"),
            value("description"),
            value("timeout"),
            value("memory-size"),
            value("environment"),
            value("runtime"),
            value("revision-id"),
        ],
        positionals: &[],
        summary: "Changes the configuration of $LATEST (phase 1 of a rollout applies here).",
    },
];

/// The CloudWatch operations the playground answers: the Errors alarm a deployment watches.
pub const CLOUDWATCH_OPERATIONS: &[Operation] = &[
    Operation {
        service: "cloudwatch",
        name: "delete-alarms",
        api: "DeleteAlarms",
        options: &[list_required("alarm-names")],
        positionals: &[],
        summary: "Deletes alarms (names that do not exist are ignored).",
    },
    Operation {
        service: "cloudwatch",
        name: "describe-alarms",
        api: "DescribeAlarms",
        options: &[list("alarm-names")],
        positionals: &[],
        summary: "Alarms with their state as of now (StateValue, StateReason).",
    },
    Operation {
        service: "cloudwatch",
        name: "put-metric-alarm",
        api: "PutMetricAlarm",
        options: &[
            required("alarm-name"),
            value("alarm-description"),
            value("metric-name"),
            value("namespace"),
            value("statistic"),
            list("dimensions"),
            value("period"),
            required("evaluation-periods"),
            value("threshold"),
            required("comparison-operator"),
            value("treat-missing-data"),
        ],
        positionals: &[],
        summary: "Creates or replaces an alarm; AWS/Lambda Errors alarms are evaluated each simulated minute.",
    },
];

/// The CodeDeploy operations the playground answers; `sim deploy` starts a deployment.
pub const DEPLOY_OPERATIONS: &[Operation] = &[
    Operation {
        service: "deploy",
        name: "create-deployment-config",
        api: "CreateDeploymentConfig",
        options: &[
            required("deployment-config-name"),
            value("compute-platform"),
            value("traffic-routing-config"),
        ],
        positionals: &[],
        summary: "A custom Lambda configuration: type=TimeBasedCanary|TimeBasedLinear|AllAtOnce with its percentage and interval.",
    },
    Operation {
        service: "deploy",
        name: "get-deployment",
        api: "GetDeployment",
        options: &[required("deployment-id")],
        positionals: &[],
        summary: "A deployment: status, deploymentOverview, errorInformation, rollbackInfo.",
    },
    Operation {
        service: "deploy",
        name: "stop-deployment",
        api: "StopDeployment",
        options: &[required("deployment-id"), flag("auto-rollback-enabled")],
        positionals: &[],
        summary: "Stops a deployment; with --no-auto-rollback-enabled the alias keeps both versions.",
    },
];

/// The CloudFormation operations the playground answers: stacks from templates.
pub const CLOUDFORMATION_OPERATIONS: &[Operation] = &[
    Operation {
        service: "cloudformation",
        name: "delete-stack",
        api: "DeleteStack",
        options: &[required("stack-name")],
        positionals: &[],
        summary: "Deletes a stack and its resources, newest first.",
    },
    Operation {
        service: "cloudformation",
        name: "deploy",
        api: "CreateChangeSet",
        options: &[
            required("template-file"),
            required("stack-name"),
            list("parameter-overrides"),
            list("capabilities"),
            flag("fail-on-empty-changeset"),
        ],
        positionals: &[],
        summary: "Creates or updates a stack from a template file (cat > template.yaml <<'EOF' writes one).",
    },
    Operation {
        service: "cloudformation",
        name: "describe-stack-events",
        api: "DescribeStackEvents",
        options: &[required("stack-name")],
        positionals: &[],
        summary: "A stack's events, newest first.",
    },
    Operation {
        service: "cloudformation",
        name: "describe-stacks",
        api: "DescribeStacks",
        options: &[value("stack-name")],
        positionals: &[],
        summary: "Stacks with their StackStatus and parameters.",
    },
    Operation {
        service: "cloudformation",
        name: "list-stacks",
        api: "ListStacks",
        options: &[list("stack-status-filter")],
        positionals: &[],
        summary: "The region's stacks, deleted ones included, with their StackStatus.",
    },
];

/// `sam deploy`: the SAM CLI's deploy, the same change set as `aws cloudformation deploy`
/// (no build or upload: `CodeUri` is the code, as `fileb://` paths are elsewhere).
pub const SAM_DEPLOY: Operation = Operation {
    service: "sam",
    name: "deploy",
    api: "CreateChangeSet",
    options: &[
        required("template-file"),
        required("stack-name"),
        list("parameter-overrides"),
        list("capabilities"),
        flag("fail-on-empty-changeset"),
        flag("confirm-changeset"),
        switch("resolve-s3"),
    ],
    positionals: &[],
    summary: "SAM's deploy of a template file (cat > template.yaml <<'EOF' writes one).",
};

/// The services `aws` answers, with their operations.
pub const SERVICES: &[(&str, &[Operation])] = &[
    ("lambda", OPERATIONS),
    ("cloudformation", CLOUDFORMATION_OPERATIONS),
    ("cloudwatch", CLOUDWATCH_OPERATIONS),
    ("deploy", DEPLOY_OPERATIONS),
];

pub fn find(service: &str, name: &str) -> Option<&'static Operation> {
    SERVICES.iter().find(|(s, _)| *s == service).and_then(|(_, ops)| ops.iter().find(|o| o.name == name))
}

/// What an option's value needs besides its text.
pub struct Context<'a> {
    pub files: &'a Files,
    /// `--cli-binary-format raw-in-base64-out`: blobs are given as raw text.
    pub raw_blobs: bool,
}

const TIMEOUT: Bounds = Bounds { member: "Timeout", field: "timeout", min: 1, max: 900 };
const MEMORY: Bounds = Bounds { member: "MemorySize", field: "memorySize", min: 128, max: 10240 };

/// The AWS CLI's own checks of string minimums before it sends anything (botocore's model:
/// FunctionName and Qualifier at least 1 character, RuntimeVersionArn at least 26).
fn client_checks(request: &Request) -> Result<(), Failure> {
    let mut problems = Vec::new();
    let name = |problems: &mut Vec<String>, n: &str| problems.extend(params::too_short("FunctionName", n, 1));
    let qualifier = |problems: &mut Vec<String>, q: &Option<String>| {
        problems.extend(q.as_deref().and_then(|q| params::too_short("Qualifier", q, 1)))
    };
    match request {
        Request::CreateFunction(r) => name(&mut problems, &r.function_name),
        Request::UpdateFunctionCode(r) => name(&mut problems, &r.function_name),
        Request::UpdateFunctionConfiguration(r) => name(&mut problems, &r.function_name),
        Request::PublishVersion(r) => name(&mut problems, &r.function_name),
        Request::GetFunction(r)
        | Request::GetFunctionConfiguration(r)
        | Request::GetRuntimeManagementConfig(r)
        | Request::ListVersionsByFunction(r)
        | Request::DeleteFunction(r) => {
            name(&mut problems, &r.function_name);
            qualifier(&mut problems, &r.qualifier);
        }
        Request::PutRuntimeManagementConfig(r) => {
            name(&mut problems, &r.function_name);
            qualifier(&mut problems, &r.qualifier);
            problems
                .extend(r.runtime_version_arn.as_deref().and_then(|a| params::too_short("RuntimeVersionArn", a, 26)));
        }
        Request::Invoke(r) => {
            name(&mut problems, &r.function_name);
            qualifier(&mut problems, &r.qualifier);
        }
        Request::ListFunctions(_) => {}
        Request::CreateAlias(r) => {
            name(&mut problems, &r.function_name);
            problems.extend(params::too_short("Name", &r.name, 1));
            problems.extend(params::too_short("FunctionVersion", &r.function_version, 1));
        }
        Request::UpdateAlias(r) => {
            name(&mut problems, &r.function_name);
            problems.extend(params::too_short("Name", &r.name, 1));
            problems.extend(r.function_version.as_deref().and_then(|v| params::too_short("FunctionVersion", v, 1)));
        }
        Request::GetAlias(r) | Request::DeleteAlias(r) => {
            name(&mut problems, &r.function_name);
            problems.extend(params::too_short("Name", &r.name, 1));
        }
        Request::ListAliases(r) => {
            name(&mut problems, &r.function_name);
            problems.extend(r.function_version.as_deref().and_then(|v| params::too_short("FunctionVersion", v, 1)));
        }
        Request::PutMetricAlarm(r) => {
            problems.extend(params::too_short("AlarmName", &r.alarm_name, 1));
            for (i, d) in r.dimensions.iter().enumerate() {
                problems.extend(params::too_short(&format!("Dimensions[{i}].Name"), &d.name, 1));
                problems.extend(params::too_short(&format!("Dimensions[{i}].Value"), &d.value, 1));
            }
        }
        Request::DescribeAlarms(_) | Request::DeleteAlarms(_) => {}
        Request::GetDeployment(DeploymentIdRequest { deployment_id })
        | Request::StopDeployment(StopDeploymentRequest { deployment_id, .. }) => {
            problems.extend(params::too_short("deploymentId", deployment_id, 1))
        }
        Request::CreateDeploymentConfig(r) => {
            problems.extend(params::too_short("deploymentConfigName", &r.deployment_config_name, 1))
        }
        Request::DeployStack(r) => problems.extend(params::too_short("StackName", &r.stack_name, 1)),
        Request::DescribeStacks(_) | Request::ListStacks(_) => {}
        Request::DescribeStackEvents(r) | Request::DeleteStack(r) => {
            problems.extend(r.stack_name.as_deref().and_then(|n| params::too_short("StackName", n, 1)))
        }
    }
    params::below_minimum(&problems)
}

/// Reads option values, applying `file://` parameter files where the AWS CLI would.
struct Reader<'a> {
    parsed: &'a Parsed,
    cx: &'a Context<'a>,
    api: &'static str,
}

impl Reader<'_> {
    fn text(&self, name: &str) -> Result<Option<String>, Failure> {
        match self.parsed.text(name) {
            None => Ok(None),
            Some(v) => params::load(name, v, self.cx.files).map(|l| Some(l.text)),
        }
    }

    /// A required option: the parser has already reported it missing, so it is here.
    fn name(&self) -> Result<String, Failure> {
        self.text("function-name").map(Option::unwrap_or_default)
    }

    fn int(&self, name: &str, bounds: &Bounds) -> Result<Option<u32>, Failure> {
        self.text(name)?.map(|v| params::integer(&v, self.api, bounds)).transpose()
    }

    fn environment(&self) -> Result<Option<EnvironmentVariables>, Failure> {
        self.parsed.text("environment").map(|v| params::environment(v, self.cx.files)).transpose()
    }

    fn routing_config(&self) -> Result<Option<AliasRoutingConfiguration>, Failure> {
        self.parsed.text("routing-config").map(|v| params::routing_config(v, self.cx.files)).transpose()
    }

    /// A count botocore checks against its model minimum (`--evaluation-periods`, `--period`).
    fn count(&self, name: &str, member: &str) -> Result<Option<u32>, Failure> {
        let Some(v) = self.text(name)? else { return Ok(None) };
        let n = params::python_int(&v)
            .ok_or_else(|| Failure::client(format!("invalid literal for int() with base 10: '{v}'")))?;
        if n.below(1) {
            params::below_minimum(&[format!(
                "Invalid value for parameter {member}, value: {}, valid min value: 1",
                n.digits
            )])?;
        }
        Ok(Some(n.value.and_then(|n| u32::try_from(n).ok()).unwrap_or(u32::MAX)))
    }

    /// A double (`--threshold`): the AWS CLI converts with float() and lets Python's message through.
    fn float(&self, name: &str) -> Result<Option<f64>, Failure> {
        let Some(v) = self.text(name)? else { return Ok(None) };
        crate::model::decimal::parse(v.trim())
            .map(Some)
            .ok_or_else(|| Failure::client(format!("could not convert string to float: '{v}'")))
    }

    fn architectures(&self) -> Option<Vec<String>> {
        self.parsed.list("architectures").map(<[String]>::to_vec)
    }

    fn publish(&self) -> bool {
        self.parsed.flag("publish").unwrap_or(false)
    }
}

fn alias_request(r: &Reader) -> Result<AliasRequest, Failure> {
    Ok(AliasRequest { function_name: r.name()?, name: r.text("name")?.unwrap_or_default() })
}

fn function_request(r: &Reader) -> Result<FunctionRequest, Failure> {
    Ok(FunctionRequest { function_name: r.name()?, qualifier: r.text("qualifier")? })
}

/// The request an operation's parsed options describe.
pub fn build(op: &Operation, parsed: &Parsed, cx: &Context) -> Result<Request, Failure> {
    let request = read(op, parsed, cx)?;
    client_checks(&request)?;
    Ok(request)
}

fn read(op: &Operation, parsed: &Parsed, cx: &Context) -> Result<Request, Failure> {
    let r = Reader { parsed, cx, api: op.api };
    Ok(match op.name {
        "create-function" => {
            // Without --zip-file there is no Code, which botocore requires before sending.
            let Some(zip) = parsed.text("zip-file") else {
                return Err(Failure::client(
                    "Parameter validation failed:\nMissing required parameter in input: \"Code\"",
                ));
            };
            Request::CreateFunction(CreateFunctionRequest {
                function_name: r.name()?,
                runtime: r.text("runtime")?,
                role: r.text("role")?.unwrap_or_default(),
                handler: r.text("handler")?,
                code: FunctionCode { zip_file: params::zip_file(zip)? },
                description: r.text("description")?,
                timeout: r.int("timeout", &TIMEOUT)?,
                memory_size: r.int("memory-size", &MEMORY)?,
                publish: r.publish(),
                environment: r.environment()?,
                architectures: r.architectures(),
            })
        }
        "update-function-code" => {
            // [choice] The playground has only zip code, so there is no other source to name; the
            // service's answer to an update without one is this error.
            let Some(zip) = parsed.text("zip-file") else {
                return Err(Failure::api(
                    op.api,
                    &crate::model::ApiError::invalid_parameter("Please provide a source for function code."),
                ));
            };
            Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
                function_name: r.name()?,
                zip_file: params::zip_file(zip)?,
                publish: r.publish(),
                revision_id: r.text("revision-id")?,
                architectures: r.architectures(),
            })
        }
        "update-function-configuration" => Request::UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest {
            function_name: r.name()?,
            role: r.text("role")?,
            handler: r.text("handler")?,
            description: r.text("description")?,
            timeout: r.int("timeout", &TIMEOUT)?,
            memory_size: r.int("memory-size", &MEMORY)?,
            environment: r.environment()?,
            runtime: r.text("runtime")?,
            revision_id: r.text("revision-id")?,
        }),
        "publish-version" => Request::PublishVersion(PublishVersionRequest {
            function_name: r.name()?,
            code_sha256: r.text("code-sha256")?,
            description: r.text("description")?,
            revision_id: r.text("revision-id")?,
        }),
        "get-function" => Request::GetFunction(function_request(&r)?),
        "get-function-configuration" => Request::GetFunctionConfiguration(function_request(&r)?),
        "get-runtime-management-config" => Request::GetRuntimeManagementConfig(function_request(&r)?),
        "delete-function" => Request::DeleteFunction(function_request(&r)?),
        "list-versions-by-function" => {
            Request::ListVersionsByFunction(FunctionRequest { function_name: r.name()?, qualifier: None })
        }
        "list-functions" => Request::ListFunctions(ListFunctionsRequest {
            function_version: r.text("function-version")?,
            max_items: max_items(parsed.text("max-items"))?,
        }),
        "put-runtime-management-config" => Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
            function_name: r.name()?,
            qualifier: r.text("qualifier")?,
            // Not checked here: the AWS CLI sends any value, and the service rejects a wrong one.
            update_runtime_on: r.text("update-runtime-on")?.unwrap_or_default(),
            runtime_version_arn: r.text("runtime-version-arn")?,
        }),
        "create-alias" => Request::CreateAlias(CreateAliasRequest {
            function_name: r.name()?,
            name: r.text("name")?.unwrap_or_default(),
            function_version: r.text("function-version")?.unwrap_or_default(),
            description: r.text("description")?,
            routing_config: r.routing_config()?,
        }),
        "update-alias" => Request::UpdateAlias(UpdateAliasRequest {
            function_name: r.name()?,
            name: r.text("name")?.unwrap_or_default(),
            function_version: r.text("function-version")?,
            description: r.text("description")?,
            routing_config: r.routing_config()?,
            revision_id: r.text("revision-id")?,
        }),
        "get-alias" => Request::GetAlias(alias_request(&r)?),
        "delete-alias" => Request::DeleteAlias(alias_request(&r)?),
        "list-aliases" => Request::ListAliases(ListAliasesRequest {
            function_name: r.name()?,
            function_version: r.text("function-version")?,
            max_items: max_items(parsed.text("max-items"))?,
        }),
        "put-metric-alarm" => Request::PutMetricAlarm(PutMetricAlarmRequest {
            alarm_name: r.text("alarm-name")?.unwrap_or_default(),
            alarm_description: r.text("alarm-description")?,
            metric_name: r.text("metric-name")?,
            namespace: r.text("namespace")?,
            statistic: r.text("statistic")?,
            dimensions: params::dimensions(parsed.list("dimensions").unwrap_or_default(), cx.files)?,
            period: r.count("period", "Period")?,
            evaluation_periods: r.count("evaluation-periods", "EvaluationPeriods")?.unwrap_or_default(),
            threshold: r.float("threshold")?,
            comparison_operator: r.text("comparison-operator")?.unwrap_or_default(),
            treat_missing_data: r.text("treat-missing-data")?,
        }),
        "deploy" => {
            let path = r.text("template-file")?.unwrap_or_default();
            let Some(body) = cx.files.get(params::file_key(&path)) else {
                return Err(Failure::client(format!("Invalid template path {path}")));
            };
            let mut overrides = Vec::new();
            for pair in parsed.list("parameter-overrides").unwrap_or_default() {
                let Some((k, v)) = pair.split_once('=') else {
                    return Err(Failure::client(format!(
                        "['{pair}'] value passed to --parameter-overrides must be of format Key=Value"
                    )));
                };
                overrides.push((k.to_string(), v.to_string()));
            }
            Request::DeployStack(DeployStackRequest {
                stack_name: r.text("stack-name")?.unwrap_or_default(),
                template_body: body.clone(),
                parameter_overrides: overrides,
                template_file: path,
                no_fail_on_empty_changeset: parsed.flag("fail-on-empty-changeset") == Some(false),
                sam: op.service == "sam",
                capabilities: parsed.list("capabilities").map(<[String]>::to_vec).unwrap_or_default(),
            })
        }
        "describe-stacks" => Request::DescribeStacks(StackNameRequest { stack_name: r.text("stack-name")? }),
        "list-stacks" => Request::ListStacks(ListStacksRequest {
            stack_status_filter: parsed.list("stack-status-filter").map(<[String]>::to_vec).unwrap_or_default(),
        }),
        "describe-stack-events" => Request::DescribeStackEvents(StackNameRequest { stack_name: r.text("stack-name")? }),
        "delete-stack" => Request::DeleteStack(StackNameRequest { stack_name: r.text("stack-name")? }),
        "get-deployment" => {
            Request::GetDeployment(DeploymentIdRequest { deployment_id: r.text("deployment-id")?.unwrap_or_default() })
        }
        "stop-deployment" => Request::StopDeployment(StopDeploymentRequest {
            deployment_id: r.text("deployment-id")?.unwrap_or_default(),
            auto_rollback_enabled: parsed.flag("auto-rollback-enabled"),
        }),
        "create-deployment-config" => Request::CreateDeploymentConfig(CreateDeploymentConfigRequest {
            deployment_config_name: r.text("deployment-config-name")?.unwrap_or_default(),
            compute_platform: r.text("compute-platform")?,
            traffic_routing_config: parsed
                .text("traffic-routing-config")
                .map(|v| params::traffic_routing_config(v, cx.files))
                .transpose()?,
        }),
        "describe-alarms" => Request::DescribeAlarms(AlarmNamesRequest {
            alarm_names: parsed.list("alarm-names").map(<[String]>::to_vec).unwrap_or_default(),
        }),
        "delete-alarms" => Request::DeleteAlarms(AlarmNamesRequest {
            alarm_names: parsed.list("alarm-names").map(<[String]>::to_vec).unwrap_or_default(),
        }),
        "invoke" => Request::Invoke(InvokeRequest {
            function_name: r.name()?,
            qualifier: r.text("qualifier")?,
            payload: parsed.text("payload").map(|p| params::blob("payload", p, cx.raw_blobs, cx.files)).transpose()?,
            log_type: r.text("log-type")?,
        }),
        other => {
            return Err(Failure::client(format!("the playground has no request for operation {other}")));
        }
    })
}

/// `--max-items` is the AWS CLI's own pagination option, an argparse `int`.
fn max_items(value: Option<&str>) -> Result<Option<u32>, Failure> {
    let Some(v) = value else { return Ok(None) };
    let invalid = || Failure::aws_usage(format!("argument --max-items: invalid int value: '{v}'"));
    let n = params::python_int(v).ok_or_else(invalid)?;
    if n.below(1) {
        return Err(Failure::client(format!(
            "Parameter validation failed:\nInvalid value for parameter MaxItems, value: {}, valid min value: 1",
            n.digits
        )));
    }
    // More items than exist is all of them.
    Ok(Some(n.value.and_then(|n| u32::try_from(n).ok()).unwrap_or(u32::MAX)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_listed_once_in_order_and_has_a_builder() {
        // `deploy` reads its template from the session's files.
        let files: Files = [("x".to_string(), "Resources: {}".to_string())].into();
        let cx = Context { files: &files, raw_blobs: true };
        for (service, operations) in SERVICES {
            let names: Vec<&str> = operations.iter().map(|o| o.name).collect();
            let mut sorted = names.clone();
            crate::model::order::sort(&mut sorted);
            sorted.dedup();
            assert_eq!(names, sorted);
            for op in operations.iter() {
                assert_eq!(op.service, *service, "{}", op.name);
                let mut words = Vec::new();
                for o in op.options.iter().filter(|o| o.required) {
                    words.push(format!("--{}", o.name));
                    // A value every required option takes: a count, a name, an operator.
                    words.push(if o.name == "evaluation-periods" { "1" } else { "x" }.to_string());
                }
                words.extend(op.positionals.iter().map(|p| p.to_string()));
                if op.name == "create-function" || op.name == "update-function-code" {
                    words.extend(["--zip-file".to_string(), "fileb://x.zip".to_string()]);
                }
                let parsed = super::super::args::parse(&words, op.options, op.positionals).unwrap();
                let request = build(op, &parsed, &cx).unwrap_or_else(|e| panic!("{}: {}", op.name, e.printed));
                assert_eq!((request.service(), request.operation()), (*service, op.api), "{}", op.name);
            }
        }
    }

    #[test]
    fn max_items_is_an_int() {
        assert_eq!(max_items(Some("2")).unwrap(), Some(2));
        assert!(max_items(Some("two"))
            .unwrap_err()
            .printed
            .ends_with("argument --max-items: invalid int value: 'two'"));
        assert!(max_items(Some("0")).unwrap_err().printed.contains("valid min value: 1"));
    }
}
