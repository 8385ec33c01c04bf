//! CloudFormation stacks (`aws cloudformation deploy | describe-stacks | describe-stack-events |
//! delete-stack`): a deploy compares the template's resources with the stack's and creates,
//! updates, replaces or deletes them through the same operations the console runs, so the
//! timeline and the logs show a stack deploy as they show the equivalent CLI lines. A resource
//! that fails rolls the stack back. [choice] A deploy runs at one simulated instant.

use crate::order::Map;

use serde_json::{json, Value as Json};

use super::Lambda;
use crate::api::*;
use crate::arn::{function_arn, DEFAULT_ACCOUNT};
use crate::cloudformation::resolve::{self, Context, Made};
use crate::cloudformation::resources::{self, integer_of, number_of, text_of};
use crate::cloudformation::sam;
use crate::cloudformation::template::{self, DeletionPolicy, Resource, Template};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::request::Request;
use crate::time::Timestamp;

/// A resource the stack holds.
#[derive(Clone, Debug, PartialEq)]
struct Provisioned {
    logical_id: String,
    kind: String,
    deletion_policy: DeletionPolicy,
    physical_id: String,
    properties: Json,
    made: Made,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Stack {
    id: String,
    name: String,
    status: String,
    created: Timestamp,
    updated: Option<Timestamp>,
    template: String,
    parameters: Map<String, Json>,
    resources: Vec<Provisioned>,
    /// The outputs and the template's description, from the last deploy that completed.
    outputs: Vec<StackOutput>,
    description: Option<String>,
    /// Oldest first.
    events: Vec<StackEvent>,
    /// A deploy under way: waiting for a CodeDeploy deployment to end.
    progress: Option<Progress>,
}

/// Where a deploy stands, kept while it waits for a deployment.
#[derive(Clone, Debug, PartialEq)]
struct Progress {
    template: Template,
    body: String,
    stack_name: String,
    stack_id: String,
    parameters: Map<String, Json>,
    conditions: Map<String, bool>,
    creating: bool,
    old: Vec<Provisioned>,
    new: Vec<Provisioned>,
    /// Old resources a replacement superseded: deleted in the cleanup.
    superseded: Vec<Provisioned>,
    made: Map<String, Made>,
    /// The next resource of the template to go through.
    next: usize,
    /// The deployment an alias's update waits for, and the alias as it will be.
    waiting: Option<(String, Provisioned)>,
}

impl Stack {
    /// The stack as ListStacks shows it.
    fn summary(&self) -> StackSummary {
        StackSummary {
            stack_id: self.id.clone(),
            stack_name: self.name.clone(),
            template_description: self.description.clone(),
            creation_time: self.created.cli_iso(),
            last_updated_time: self.updated.map(Timestamp::cli_iso),
            deletion_time: None,
            stack_status: self.status.clone(),
            drift_information: json!({"StackDriftStatus": "NOT_CHECKED"}),
        }
    }
}

impl Progress {
    /// What intrinsics resolve against at this point of the deploy.
    fn context<'a>(&'a self, region: &'a str) -> Context<'a> {
        Context {
            region,
            account: DEFAULT_ACCOUNT,
            stack_name: &self.stack_name,
            stack_id: &self.stack_id,
            parameters: &self.parameters,
            conditions: &self.conditions,
            made: &self.made,
            mappings: self.template.mappings.as_ref(),
        }
    }
}

fn validation(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::ValidationError, message)
}

/// A change set CloudFormation took and then failed: a transform's error is not an answer to
/// CreateChangeSet but the change set's status, which each CLI's waiter reports in its words.
fn change_set_failed(r: &DeployStackRequest, reason: &str) -> ApiError {
    let waiter = format!(
        "Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression \"Status\" we matched expected path: \"FAILED\" Status: FAILED. Reason: {reason}"
    );
    let printed = if r.sam {
        format!(
            "\nWaiting for changeset to be created..\n\nError: Failed to create changeset for the stack: {}, ex: {waiter}",
            r.stack_name
        )
    } else {
        format!("\nWaiting for changeset to be created..\n\nFailed to create the changeset: {waiter}")
    };
    ApiError::new(ErrorCode::StackDeployFailed, printed)
}

/// The deployment configuration a SAM DeploymentPreference names: one of CodeDeploy's Lambda
/// configurations by its short name (`Canary10Percent5Minutes`), or a custom one by its own.
fn preference_config(preference: &Json) -> String {
    let kind = text_of(preference, "Type").unwrap_or_default();
    let predefined = format!("CodeDeployDefault.Lambda{kind}");
    if crate::deployment::predefined(&predefined).is_some() {
        predefined
    } else {
        kind
    }
}

/// Deleted stacks `list-stacks` still shows (all regions).
const MAX_DELETED_STACKS: usize = 1_000;

/// `A-Za-z0-9` suffix CloudFormation gives generated names.
fn suffix(rng: &mut crate::rng::Rng, upper: bool) -> String {
    let alphabet: &[u8] = if upper {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    };
    let mut n = rng.next_u64();
    (0..12)
        .map(|_| {
            let c = alphabet[(n % alphabet.len() as u64) as usize] as char;
            n /= alphabet.len() as u64;
            c
        })
        .collect()
}

/// What `--capabilities` takes.
const CAPABILITIES: [&str; 3] = ["CAPABILITY_AUTO_EXPAND", "CAPABILITY_NAMED_IAM", "CAPABILITY_IAM"];

/// The capability a template's IAM resources need that the deploy did not give, as
/// CloudFormation words it. A role with a `RoleName` needs CAPABILITY_NAMED_IAM; any other,
/// either. [choice] A role whose condition is false counts for nothing: the change set holds
/// no such resource.
fn missing_capability(template: &Template, conditions: &Map<String, bool>, given: &[String]) -> Option<String> {
    let made = |r: &&Resource| r.condition.as_ref().is_none_or(|c| conditions.get(c).copied().unwrap_or(false));
    let roles: Vec<&Resource> =
        template.resources.iter().filter(|r| r.kind == template::IAM_ROLE).filter(made).collect();
    let has = |c: &str| given.iter().any(|g| g == c);
    let needed = if roles.iter().any(|r| r.properties.get("RoleName").is_some()) {
        "CAPABILITY_NAMED_IAM"
    } else {
        "CAPABILITY_IAM"
    };
    let acknowledged = has("CAPABILITY_NAMED_IAM") || (needed == "CAPABILITY_IAM" && has(needed));
    (!roles.is_empty() && !acknowledged).then(|| format!("Requires capabilities : [{needed}]"))
}

/// A physical name CloudFormation makes: stack and logical id, cut to leave room for the
/// suffix within 64 characters (names are ASCII, checked, so characters are bytes).
fn generated_name(rng: &mut crate::rng::Rng, stack: &str, logical_id: &str) -> String {
    let n: String = format!("{stack}-{logical_id}").chars().take(64 - 13).collect();
    format!("{n}-{}", suffix(rng, false))
}

/// The property that names a resource of this type, when it has one.
fn name_property(kind: &str) -> Option<&'static str> {
    match kind {
        "AWS::Lambda::Function" => Some("FunctionName"),
        "AWS::CloudWatch::Alarm" => Some("AlarmName"),
        template::IAM_ROLE => Some("RoleName"),
        _ => None,
    }
}

const SUCCESS: &str = "\nWaiting for changeset to be created..\nWaiting for stack create/update to complete\n";

impl Lambda {
    fn stack_event(
        &mut self,
        key: &(String, String),
        resource: Option<(&str, &str, &str)>,
        status: &str,
        reason: Option<String>,
    ) {
        let uuid = self.rng.uuid();
        let now = self.now;
        let Some(s) = self.stacks.get_mut(key) else { return };
        let (logical, physical, kind) = resource.unwrap_or((&s.name, &s.id, "AWS::CloudFormation::Stack"));
        let event_id = match resource {
            // One deploy is one instant: a second event of a resource in it gets a suffix.
            Some(_) => {
                let id = format!("{logical}-{status}-{}", now.rfc3339());
                if s.events.iter().any(|e| e.event_id == id) {
                    format!("{id}-{}", &uuid[..8])
                } else {
                    id
                }
            }
            None => uuid,
        };
        let event = StackEvent {
            stack_id: s.id.clone(),
            event_id,
            stack_name: s.name.clone(),
            logical_resource_id: logical.to_string(),
            physical_resource_id: physical.to_string(),
            resource_type: kind.to_string(),
            timestamp: now.cli_iso(),
            resource_status: status.to_string(),
            resource_status_reason: reason,
        };
        s.events.push(event);
        if resource.is_none() {
            s.status = status.to_string();
        }
    }

    /// A model error as a resource handler reports it. [choice] The envelope is CloudFormation's
    /// current one; the playground has no request tokens, so it draws one.
    fn handler_message(&mut self, e: &ApiError) -> String {
        self.service_handler_message("Lambda", e)
    }

    /// A resource handler's failure, in CloudFormation's envelope, for the service that refused.
    fn service_handler_message(&mut self, service: &str, e: &ApiError) -> String {
        let code = match e.code.status() {
            404 => "NotFound",
            409 => "AlreadyExists",
            412 => "ResourceConflict",
            _ => "InvalidRequest",
        };
        format!(
            "Resource handler returned message: \"{} (Service: {service}, Status Code: {}, Request ID: {})\" (RequestToken: {}, HandlerErrorCode: {code})",
            e.message,
            e.status(),
            self.rng.uuid(),
            self.rng.uuid()
        )
    }

    fn call(&mut self, region: &str, request: Request) -> Result<Response, String> {
        self.handle(region, &request).map_err(|e| self.handler_message(&e))
    }

    fn create_resource(
        &mut self,
        region: &str,
        stack: &str,
        r: &Resource,
        props: &Json,
    ) -> Result<Provisioned, String> {
        let text = |k: &str| text_of(props, k);
        let (physical_id, made) = match r.kind.as_str() {
            "AWS::Lambda::Function" => {
                let name = text("FunctionName").unwrap_or_else(|| generated_name(&mut self.rng, stack, &r.logical_id));
                let code = props.get("Code").map(|c| {
                    c.get("ZipFile").map(resolve::text).unwrap_or_else(|| {
                        format!(
                            "s3://{}/{}",
                            text_of(c, "S3Bucket").unwrap_or_default(),
                            text_of(c, "S3Key").unwrap_or_default()
                        )
                    })
                });
                let request = CreateFunctionRequest {
                    function_name: name.clone(),
                    runtime: text("Runtime"),
                    role: text("Role").unwrap_or_default(),
                    handler: text("Handler"),
                    code: FunctionCode { zip_file: code.unwrap_or_default() },
                    description: text("Description"),
                    timeout: integer_of(props, "Timeout"),
                    memory_size: integer_of(props, "MemorySize"),
                    environment: environment(props),
                    architectures: architectures(props),
                    ..Default::default()
                };
                self.call(region, Request::CreateFunction(request))?;
                if let Some(rmc) = props.get("RuntimeManagementConfig") {
                    if let Err(e) = self.call(region, runtime_config(&name, None, rmc)) {
                        // The handler takes back what it made before failing: the stack never
                        // recorded this function, so its rollback would not delete it.
                        let undo = FunctionRequest { function_name: name.clone(), qualifier: None };
                        let _ = self.call(region, Request::DeleteFunction(undo));
                        return Err(e);
                    }
                }
                let arn = function_arn(region, &name, None);
                (name.clone(), Made { reference: name, attributes: crate::order::map([("Arn".to_string(), arn)]) })
            }
            "AWS::Lambda::Version" => {
                let function = text("FunctionName").unwrap_or_default();
                let before = self.published_numbers(region, &function);
                let request = PublishVersionRequest {
                    function_name: function.clone(),
                    description: text("Description"),
                    code_sha256: text("CodeSha256"),
                    ..Default::default()
                };
                let Response::Function(c) = self.call(region, Request::PublishVersion(request))? else {
                    return Err("PublishVersion answered nothing".into());
                };
                let number = c.version.clone();
                // Nothing changed since the last version: Lambda returned it, and the resource fails.
                if number.parse::<u32>().is_ok_and(|n| before.contains(&n)) {
                    let e = ApiError::new(
                        ErrorCode::ResourceConflictException,
                        format!("A version for this Lambda function exists ( {number} ). Modify the function to create a new version."),
                    );
                    return Err(self.handler_message(&e));
                }
                if let Some(policy) = props.get("RuntimePolicy") {
                    if let Err(e) = self.call(region, runtime_config(&function, Some(&number), policy)) {
                        // As for a function: the version just published goes with the failure.
                        let undo = FunctionRequest { function_name: function.clone(), qualifier: Some(number) };
                        let _ = self.call(region, Request::DeleteFunction(undo));
                        return Err(e);
                    }
                }
                let arn = c.function_arn.clone();
                let function_arn = arn.rsplit_once(':').map(|(f, _)| f.to_string()).unwrap_or_default();
                let attributes =
                    crate::order::map([("Version".to_string(), number), ("FunctionArn".to_string(), function_arn)]);
                (arn.clone(), Made { reference: arn, attributes })
            }
            "AWS::Lambda::Alias" => {
                let request = CreateAliasRequest {
                    function_name: text("FunctionName").unwrap_or_default(),
                    name: text("Name").unwrap_or_default(),
                    function_version: text("FunctionVersion").unwrap_or_default(),
                    description: text("Description"),
                    routing_config: routing(props),
                };
                let Response::Alias(a) = self.call(region, Request::CreateAlias(request))? else {
                    return Err("CreateAlias answered nothing".into());
                };
                let arn = a.alias_arn;
                (
                    arn.clone(),
                    Made { reference: arn.clone(), attributes: crate::order::map([("AliasArn".to_string(), arn)]) },
                )
            }
            "AWS::CloudWatch::Alarm" => {
                let name = text("AlarmName")
                    .unwrap_or_else(|| format!("{stack}-{}-{}", r.logical_id, suffix(&mut self.rng, true)));
                self.call(region, alarm(&name, props))?;
                let arn = format!("arn:aws:cloudwatch:{region}:{DEFAULT_ACCOUNT}:alarm:{name}");
                (name.clone(), Made { reference: name, attributes: crate::order::map([("Arn".to_string(), arn)]) })
            }
            template::IAM_ROLE => {
                let name = text("RoleName").unwrap_or_else(|| generated_name(&mut self.rng, stack, &r.logical_id));
                // IAM is global and ignores case: a name any role took is taken in every region.
                if !self.iam_roles.insert(name.to_ascii_lowercase()) {
                    return Err(format!(
                        "Resource handler returned message: \"Resource of type '{}' with identifier '{name}' already exists.\" (RequestToken: {}, HandlerErrorCode: AlreadyExists)",
                        r.kind,
                        self.rng.uuid()
                    ));
                }
                let path = text("Path").unwrap_or_else(|| "/".into());
                let arn = format!("arn:aws:iam::{DEFAULT_ACCOUNT}:role{path}{name}");
                // [choice] IAM's unique ids are AROA and 17 characters; the playground draws them.
                let role_id = format!("AROA{}{}", suffix(&mut self.rng, true), &suffix(&mut self.rng, true)[..5]);
                let attributes = crate::order::map([("Arn".to_string(), arn), ("RoleId".to_string(), role_id)]);
                (name.clone(), Made { reference: name, attributes })
            }
            // SAM's CodeDeploy application and deployment group: names a deployment runs under.
            sam::CODE_DEPLOY_APP_TYPE | sam::CODE_DEPLOY_GROUP => {
                let name = generated_name(&mut self.rng, stack, &r.logical_id);
                (name.clone(), Made { reference: name, attributes: Map::new() })
            }
            other => return Err(format!("the playground does not provision {other}")),
        };
        Ok(Provisioned {
            logical_id: r.logical_id.clone(),
            kind: r.kind.clone(),
            deletion_policy: r.deletion_policy,
            physical_id,
            properties: props.clone(),
            made,
        })
    }

    fn published_numbers(&self, region: &str, function: &str) -> Vec<u32> {
        let name = function.rsplit(':').next().unwrap_or(function);
        self.store
            .functions
            .get(&(region.to_string(), name.to_string()))
            .map(|f| f.published.keys().copied().collect())
            .unwrap_or_default()
    }

    /// Whether a change of these properties replaces the resource (a new physical resource).
    fn replaces(kind: &str, old: &Json, new: &Json) -> bool {
        let changed = |k: &str| old.get(k) != new.get(k);
        match kind {
            "AWS::Lambda::Function" => changed("FunctionName"),
            "AWS::Lambda::Version" => true,
            "AWS::Lambda::Alias" => changed("Name") || changed("FunctionName"),
            "AWS::CloudWatch::Alarm" => changed("AlarmName"),
            template::IAM_ROLE => changed("RoleName") || changed("Path"),
            sam::CODE_DEPLOY_APP_TYPE | sam::CODE_DEPLOY_GROUP => changed("ApplicationName"),
            _ => true,
        }
    }

    /// Updates a resource in place to `props`.
    fn update_resource(&mut self, region: &str, old: &Provisioned, props: &Json) -> Result<Provisioned, String> {
        let text = |k: &str| text_of(props, k);
        let changed = |k: &str| old.properties.get(k) != props.get(k);
        match old.kind.as_str() {
            "AWS::Lambda::Function" => {
                let name = old.physical_id.clone();
                if changed("Code") || changed("Architectures") {
                    let zip = props.get("Code").map(|c| {
                        c.get("ZipFile").map(resolve::text).unwrap_or_else(|| {
                            format!(
                                "s3://{}/{}",
                                text_of(c, "S3Bucket").unwrap_or_default(),
                                text_of(c, "S3Key").unwrap_or_default()
                            )
                        })
                    });
                    let request = UpdateFunctionCodeRequest {
                        function_name: name.clone(),
                        zip_file: zip.unwrap_or_default(),
                        // Removed architectures go back to x86_64.
                        architectures: architectures(props).or_else(|| Some(vec!["x86_64".to_string()])),
                        ..Default::default()
                    };
                    self.call(region, Request::UpdateFunctionCode(request))?;
                }
                let config = ["Runtime", "Handler", "Role", "Timeout", "MemorySize", "Description", "Environment"];
                if config.iter().any(|k| changed(k)) {
                    // A removed property goes back to Lambda's default, not to what it was.
                    let reset = |k: &str, default: u32| match integer_of(props, k) {
                        Some(v) => Some(v),
                        None if changed(k) => Some(default),
                        None => None,
                    };
                    let request = UpdateFunctionConfigurationRequest {
                        function_name: name.clone(),
                        role: text("Role"),
                        handler: text("Handler"),
                        // A removed description or environment goes back to none.
                        description: Some(text("Description").unwrap_or_default()),
                        timeout: reset("Timeout", 3),
                        memory_size: reset("MemorySize", 128),
                        environment: Some(environment(props).unwrap_or_default()),
                        runtime: text("Runtime"),
                        ..Default::default()
                    };
                    self.call(region, Request::UpdateFunctionConfiguration(request))?;
                }
                if changed("RuntimeManagementConfig") {
                    let auto = json!({"UpdateRuntimeOn": "Auto"});
                    let rmc = props.get("RuntimeManagementConfig").unwrap_or(&auto);
                    self.call(region, runtime_config(&name, None, rmc))?;
                }
            }
            "AWS::Lambda::Alias" => {
                let request = UpdateAliasRequest {
                    function_name: text("FunctionName").unwrap_or_default(),
                    name: text("Name").unwrap_or_default(),
                    function_version: text("FunctionVersion"),
                    description: Some(text("Description").unwrap_or_default()),
                    routing_config: Some(routing(props).unwrap_or_default()),
                    ..Default::default()
                };
                self.call(region, Request::UpdateAlias(request))?;
            }
            "AWS::CloudWatch::Alarm" => {
                self.call(region, alarm(&old.physical_id, props))?;
            }
            // Policies, descriptions and deployment styles change nothing the playground models.
            template::IAM_ROLE | sam::CODE_DEPLOY_APP_TYPE | sam::CODE_DEPLOY_GROUP => {}
            other => return Err(format!("the playground does not update {other} in place")),
        }
        Ok(Provisioned { properties: props.clone(), ..old.clone() })
    }

    /// Deletes a resource; one already gone is deleted.
    fn delete_resource(&mut self, region: &str, p: &Provisioned) -> Result<(), String> {
        let request = match p.kind.as_str() {
            "AWS::Lambda::Function" => {
                Request::DeleteFunction(FunctionRequest { function_name: p.physical_id.clone(), qualifier: None })
            }
            "AWS::Lambda::Version" => Request::DeleteFunction(FunctionRequest {
                function_name: p.made.attributes.get("FunctionArn").cloned().unwrap_or_default(),
                qualifier: p.made.attributes.get("Version").cloned(),
            }),
            "AWS::Lambda::Alias" => Request::DeleteAlias(AliasRequest {
                function_name: text_of(&p.properties, "FunctionName").unwrap_or_default(),
                name: text_of(&p.properties, "Name").unwrap_or_default(),
            }),
            "AWS::CloudWatch::Alarm" => {
                Request::DeleteAlarms(AlarmNamesRequest { alarm_names: vec![p.physical_id.clone()] })
            }
            template::IAM_ROLE => {
                self.iam_roles.remove(&p.physical_id.to_ascii_lowercase());
                return Ok(());
            }
            _ => return Ok(()),
        };
        match self.handle(region, &request) {
            Ok(_) => Ok(()),
            Err(e) if e.code == ErrorCode::ResourceNotFoundException => Ok(()),
            Err(e) => Err(self.handler_message(&e)),
        }
    }

    /// `aws cloudformation deploy`, or `sam deploy` with the SAM CLI's words for the same ends.
    pub(super) fn deploy_stack(&mut self, region: &str, r: &DeployStackRequest) -> ApiResult<StackDeployed> {
        let creating = self
            .stacks
            .get(&(region.to_string(), r.stack_name.clone()))
            .is_none_or(|s| s.status == "REVIEW_IN_PROGRESS");
        let outcome = self.deploy_stack_change_set(region, r);
        if !r.sam {
            return outcome;
        }
        let stack = &r.stack_name;
        let failed = |m: String| ApiError::new(ErrorCode::StackDeployFailed, m);
        match outcome {
            // A stack waiting for a deployment says so, in either CLI.
            Ok(d) if d.stack_status.ends_with("IN_PROGRESS") => Ok(d),
            Ok(d) => {
                // [choice] The SAM CLI's change set table and prompts are left out.
                let printed = format!(
                    "\nWaiting for changeset to be created..\n\nSuccessfully created/updated stack - {stack} in {region}"
                );
                Ok(StackDeployed { printed, ..d })
            }
            Err(e) if matches!(e.code, ErrorCode::ValidationError | ErrorCode::InsufficientCapabilitiesException) => {
                Err(failed(format!(
                    "Error: Failed to create changeset for the stack: {stack}, An error occurred ({}) when calling the CreateChangeSet operation: {}",
                    e.code.as_str(),
                    e.message
                )))
            }
            Err(e) if e.message.contains("No changes to deploy") => {
                Err(failed(format!("Error: No changes to deploy. Stack {stack} is up to date")))
            }
            Err(e) if e.message.contains("Waiter ChangeSetCreateComplete") => Err(e),
            Err(e) if e.code == ErrorCode::StackDeployFailed => {
                let (waiter, status) = if creating {
                    ("StackCreateComplete", "ROLLBACK_COMPLETE")
                } else {
                    ("StackUpdateComplete", "UPDATE_ROLLBACK_COMPLETE")
                };
                Err(failed(format!(
                    "Error: Failed to create/update the stack: {stack}, Waiter {waiter} failed: Waiter encountered a terminal failure state: For expression \"Stacks[].StackStatus\" we matched expected path: \"{status}\" at least once"
                )))
            }
            Err(e) => Err(e),
        }
    }

    /// The template's conditions, each true or false, and the check that every condition a
    /// resource names is defined.
    fn template_conditions(
        region: &str,
        r: &DeployStackRequest,
        stack_id: &str,
        parameters: &Map<String, Json>,
        template: &Template,
    ) -> Result<Map<String, bool>, String> {
        let (no_conditions, nothing_made) = (Map::new(), Map::new());
        let base = Context {
            region,
            account: DEFAULT_ACCOUNT,
            stack_name: &r.stack_name,
            stack_id,
            parameters,
            conditions: &no_conditions,
            made: &nothing_made,
            mappings: template.mappings.as_ref(),
        };
        let conditions = resolve::conditions(&template.conditions, &base)?;
        if let Some(missing) =
            template.resources.iter().filter_map(|r| r.condition.as_ref()).find(|c| !conditions.contains_key(*c))
        {
            return Err(format!("Template format error: Unresolved dependencies [{missing}]. Cannot reference resources in the Conditions block of the template"));
        }
        Ok(conditions)
    }

    fn deploy_stack_change_set(&mut self, region: &str, r: &DeployStackRequest) -> ApiResult<StackDeployed> {
        // A template's own errors are CreateChangeSet's answer. A SAM template's (past its
        // syntax) are found as its transform runs, in the change set: they fail the change set
        // instead, below, once the stack exists.
        // The request's own members are checked before its template.
        if r.capabilities.iter().any(|c| !CAPABILITIES.contains(&c.as_str())) {
            return Err(validation(format!(
                "1 validation error detected: Value '[{}]' at 'capabilities' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{}]]",
                r.capabilities.join(", "),
                CAPABILITIES.join(", ")
            )));
        }
        let read = template::read(&r.template_body);
        let serverless = match &read {
            Ok(t) => t.serverless,
            Err(_) => template::declares_transform(&r.template_body),
        };
        let read = match read {
            // The playground's own refusal is made at once, for any template.
            Err(e) if !serverless || e.starts_with(template::UNPROVISIONED) => return Err(validation(e)),
            read => read,
        };
        let parameters = match &read {
            Ok(t) => template::parameter_values(t, &r.parameter_overrides).map_err(validation)?,
            Err(_) => Map::new(),
        };
        let name_ok = r.stack_name.len() <= 128
            && r.stack_name.starts_with(|c: char| c.is_ascii_alphabetic())
            && r.stack_name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !name_ok {
            return Err(validation(format!(
                "1 validation error detected: Value '{}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*",
                r.stack_name
            )));
        }
        let key = (region.to_string(), r.stack_name.clone());
        let existing = self.stacks.get(&key).cloned();
        if let Some(s) = existing.as_ref().filter(|s| s.progress.is_some()) {
            return Err(validation(format!("Stack:{} is in UPDATE_IN_PROGRESS state and can not be updated.", s.id)));
        }
        if let Some(s) = existing.as_ref().filter(|s| s.status == "ROLLBACK_COMPLETE") {
            return Err(validation(format!("Stack:{} is in ROLLBACK_COMPLETE state and can not be updated.", s.id)));
        }
        let reviewing = existing.as_ref().is_none_or(|s| s.status == "REVIEW_IN_PROGRESS");
        let stack_id = match &existing {
            Some(s) => s.id.clone(),
            None => {
                format!("arn:aws:cloudformation:{region}:{DEFAULT_ACCOUNT}:stack/{}/{}", r.stack_name, self.rng.uuid())
            }
        };
        let conditions = match &read {
            Ok(t) if !serverless => {
                let conditions = Self::template_conditions(region, r, &stack_id, &parameters, t).map_err(validation)?;
                if let Some(m) = missing_capability(t, &conditions, &r.capabilities) {
                    return Err(ApiError::new(ErrorCode::InsufficientCapabilitiesException, m));
                }
                conditions
            }
            _ => Map::new(),
        };
        // From here the change set exists, and so does a new stack: REVIEW_IN_PROGRESS, as it stays
        // when its change set fails.
        if existing.is_none() {
            let stack = Stack {
                id: stack_id.clone(),
                name: r.stack_name.clone(),
                status: String::new(),
                created: self.now,
                updated: None,
                template: String::new(),
                parameters: Map::new(),
                resources: Vec::new(),
                outputs: Vec::new(),
                description: None,
                events: Vec::new(),
                progress: None,
            };
            self.stacks.insert(key.clone(), stack);
            self.stack_event(&key, None, "REVIEW_IN_PROGRESS", Some("User Initiated".into()));
        }
        let template = read.map_err(|reason| change_set_failed(r, &reason))?;
        let (template, conditions) = if serverless {
            let expanded = crate::cloudformation::sam::expand(template, &parameters)
                .map_err(|reason| change_set_failed(r, &reason))?;
            let conditions = Self::template_conditions(region, r, &stack_id, &parameters, &expanded)
                .map_err(|reason| change_set_failed(r, &reason))?;
            // The role SAM makes for a function is known only now: the change set fails.
            if let Some(m) = missing_capability(&expanded, &conditions, &r.capabilities) {
                return Err(change_set_failed(r, &m));
            }
            (expanded, conditions)
        } else {
            (template, conditions)
        };
        if let Some(s) = existing.as_ref().filter(|s| s.template == r.template_body && s.parameters == parameters) {
            let printed = format!(
                "\nWaiting for changeset to be created..\n\nNo changes to deploy. Stack {} is up to date",
                s.name
            );
            // The AWS CLI exits 255 here unless told --no-fail-on-empty-changeset.
            if !r.no_fail_on_empty_changeset {
                return Err(ApiError::new(ErrorCode::StackDeployFailed, printed));
            }
            return Ok(StackDeployed { stack_name: s.name.clone(), stack_status: s.status.clone(), printed });
        }
        let creating = reviewing;
        let old: Vec<Provisioned> = existing.as_ref().map(|s| s.resources.clone()).unwrap_or_default();
        let in_progress = if creating { "CREATE_IN_PROGRESS" } else { "UPDATE_IN_PROGRESS" };
        self.stack_event(&key, None, in_progress, Some("User Initiated".into()));
        if !creating {
            if let Some(s) = self.stacks.get_mut(&key) {
                s.updated = Some(self.now);
            }
        }

        let progress = Progress {
            template,
            body: r.template_body.clone(),
            stack_name: r.stack_name.clone(),
            stack_id: stack_id.clone(),
            parameters,
            conditions,
            creating,
            old,
            new: Vec::new(),
            superseded: Vec::new(),
            made: Map::new(),
            next: 0,
            waiting: None,
        };
        self.run_stack(region, &key, progress, None)
    }

    /// The template's outputs with what the deploy made. [choice] The template check refuses
    /// names it cannot resolve; an output that still fails (an attribute a resource lacks) is
    /// left out rather than failing a deploy that made everything.
    fn outputs(&self, region: &str, p: &Progress) -> Vec<StackOutput> {
        let cx = p.context(region);
        let text = |n: &Option<crate::cloudformation::yaml::Node>| {
            n.as_ref().and_then(|n| cx.resolve(n).ok().flatten()).map(|v| resolve::text(&v))
        };
        p.template
            .outputs
            .iter()
            .filter(|o| o.condition.as_ref().is_none_or(|c| p.conditions.get(c).copied().unwrap_or(false)))
            .filter_map(|o| {
                let value = cx.resolve(&o.value).ok().flatten()?;
                Some(StackOutput {
                    output_key: o.key.clone(),
                    output_value: resolve::text(&value),
                    description: text(&o.description),
                    export_name: text(&o.export_name),
                })
            })
            .collect()
    }

    /// Goes on with a deploy from its next resource (after a deployment, or from the start), or
    /// rolls it back when `failed` names the resource that failed and how.
    fn run_stack(
        &mut self,
        region: &str,
        key: &(String, String),
        mut p: Progress,
        mut failed: Option<(String, &'static str)>,
    ) -> ApiResult<StackDeployed> {
        while failed.is_none() && p.next < p.template.resources.len() {
            let res = p.template.resources[p.next].clone();
            p.next += 1;
            if res.condition.as_ref().is_some_and(|c| !p.conditions[c]) {
                continue;
            }
            let cx = p.context(region);
            let resolved = cx.resolve(&res.properties);
            let preference = res.code_deploy.as_ref().map(|n| cx.resolve(n));
            let props = match resolved {
                Ok(v) => v.unwrap_or_else(|| json!({})),
                Err(e) => {
                    let status = if p.creating { "CREATE_FAILED" } else { "UPDATE_FAILED" };
                    self.stack_event(key, Some((&res.logical_id, "", &res.kind)), status, Some(e));
                    failed = Some((res.logical_id.clone(), if p.creating { "create" } else { "update" }));
                    break;
                }
            };
            let previous = p.old.iter().find(|o| o.logical_id == res.logical_id && o.kind == res.kind).cloned();
            if let Some(o) = previous.as_ref().filter(|o| o.properties == props) {
                p.made.insert(o.logical_id.clone(), o.made.clone());
                // A policy changes without an update of the resource, but it changes.
                p.new.push(Provisioned { deletion_policy: res.deletion_policy, ..o.clone() });
                continue;
            }
            let physical = previous.as_ref().map(|o| o.physical_id.clone()).unwrap_or_default();
            let resource = (res.logical_id.as_str(), physical.as_str(), res.kind.as_str());
            let verb = if previous.is_some() { "update" } else { "create" };
            let (start, done, fail) = if previous.is_some() {
                ("UPDATE_IN_PROGRESS", "UPDATE_COMPLETE", "UPDATE_FAILED")
            } else {
                ("CREATE_IN_PROGRESS", "CREATE_COMPLETE", "CREATE_FAILED")
            };
            self.stack_event(key, Some(resource), start, None);
            if let Some(message) = resources::validate(&res.logical_id, &res.kind, &props) {
                self.stack_event(key, Some(resource), fail, Some(message));
                failed = Some((res.logical_id.clone(), verb));
                break;
            }
            // SAM's deployment group names its configuration when the alias is made: one that
            // does not exist fails there, not at the first shift. [choice] The failure is the
            // alias's (the playground makes no deployment group resource).
            if let (None, Some(Ok(Some(preference)))) = (&previous, &preference) {
                if let Err(e) = self.deployment_config(region, &preference_config(preference)) {
                    let message = self.service_handler_message("CodeDeploy", &e);
                    self.stack_event(key, Some(resource), fail, Some(message));
                    failed = Some((res.logical_id.clone(), verb));
                    break;
                }
            }
            // SAM's DeploymentPreference: an alias moving to another version moves through a
            // CodeDeploy deployment, and the stack waits for it.
            if let (Some(o), Some(preference)) = (&previous, preference) {
                let in_place = !Self::replaces(&o.kind, &o.properties, &props);
                let moves = o.properties.get("FunctionVersion") != props.get("FunctionVersion");
                if in_place && moves {
                    match preference
                        .map(|v| v.unwrap_or_default())
                        .and_then(|v| self.start_traffic_shift(region, &props, &v))
                    {
                        Ok(id) => {
                            p.waiting = Some((id, Provisioned { properties: props, ..o.clone() }));
                            let printed = format!(
                                "{SUCCESS}[playground] The update waits for CodeDeploy deployment {}: advance the clock to let it run.",
                                p.waiting.as_ref().map(|w| w.0.as_str()).unwrap_or_default()
                            );
                            let status = "UPDATE_IN_PROGRESS".to_string();
                            if let Some(s) = self.stacks.get_mut(key) {
                                s.progress = Some(p);
                            }
                            return Ok(StackDeployed { stack_name: key.1.clone(), stack_status: status, printed });
                        }
                        Err(reason) => {
                            self.stack_event(key, Some(resource), fail, Some(reason));
                            failed = Some((res.logical_id.clone(), verb));
                            break;
                        }
                    }
                }
            }
            let outcome = match &previous {
                Some(o) if !Self::replaces(&o.kind, &o.properties, &props) => self.update_resource(region, o, &props),
                // A replacement that keeps its own name would take the name its old resource
                // still holds: CloudFormation refuses it before making anything.
                Some(o)
                    if name_property(&o.kind)
                        .is_some_and(|k| props.get(k).is_some() && props.get(k) == o.properties.get(k)) =>
                {
                    Err(format!(
                        "CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename {} and update the stack again.",
                        o.physical_id
                    ))
                }
                Some(o) => {
                    let reason = Some(
                        "Requested update requires the creation of a new physical resource; hence creating one.".into(),
                    );
                    self.stack_event(key, Some(resource), start, reason);
                    // The replaced resource goes in the cleanup as UpdateReplacePolicy says.
                    p.superseded.push(Provisioned { deletion_policy: res.replace_policy, ..o.clone() });
                    self.create_resource(region, &p.stack_name, &res, &props)
                }
                None => self.create_resource(region, &p.stack_name, &res, &props),
            };
            match outcome {
                Ok(made) => {
                    self.stack_event(key, Some((&made.logical_id, &made.physical_id, &made.kind)), done, None);
                    p.made.insert(made.logical_id.clone(), made.made.clone());
                    p.new.push(made);
                }
                Err(reason) => {
                    self.stack_event(key, Some(resource), fail, Some(reason));
                    failed = Some((res.logical_id.clone(), verb));
                    // An update in place may have applied part of its changes: the rollback
                    // puts the old properties back.
                    if let Some(o) = previous.filter(|o| !Self::replaces(&o.kind, &o.properties, &props)) {
                        p.new.push(Provisioned { properties: props, ..o });
                    }
                    break;
                }
            }
        }
        if let Some(s) = self.stacks.get_mut(key) {
            s.progress = None;
        }

        let Some((failed, failed_verb)) = failed else {
            // Cleanup: what the new template no longer has, and what replacements superseded.
            if !p.creating {
                self.stack_event(key, None, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", None);
            }
            let gone: Vec<Provisioned> =
                p.old.iter().filter(|o| !p.new.iter().any(|n| n.logical_id == o.logical_id)).cloned().collect();
            for o in gone.iter().chain(p.superseded.iter()).rev() {
                self.remove(region, key, o, false);
            }
            let status = if p.creating { "CREATE_COMPLETE" } else { "UPDATE_COMPLETE" };
            self.stack_event(key, None, status, None);
            let outputs = self.outputs(region, &p);
            if let Some(s) = self.stacks.get_mut(key) {
                s.template = p.body.clone();
                s.parameters = p.parameters;
                s.resources = p.new;
                s.outputs = outputs;
                s.description = p.template.description.clone();
            }
            let printed = format!("{SUCCESS}Successfully created/updated stack - {}", p.stack_name);
            return Ok(StackDeployed { stack_name: p.stack_name.clone(), stack_status: status.into(), printed });
        };

        // Roll back: resources made in this deploy go; resources updated in place go back.
        let reason = format!("The following resource(s) failed to {failed_verb}: [{failed}]. ");
        if p.creating {
            self.stack_event(key, None, "ROLLBACK_IN_PROGRESS", Some(format!("{reason}Rollback requested by user.")));
            for o in p.new.iter().rev() {
                self.remove(region, key, o, true);
            }
            if let Some(s) = self.stacks.get_mut(key) {
                s.resources.clear();
            }
            self.stack_event(key, None, "ROLLBACK_COMPLETE", None);
        } else {
            self.stack_event(key, None, "UPDATE_ROLLBACK_IN_PROGRESS", Some(reason));
            // A step of the rollback that fails leaves the stack UPDATE_ROLLBACK_FAILED.
            let mut rolled_back = true;
            for n in p.new.iter().rev() {
                let before = p.old.iter().find(|o| o.logical_id == n.logical_id);
                match before {
                    // Replaced: the new resource goes, the old one is still there.
                    Some(o) if o.physical_id != n.physical_id => rolled_back &= self.remove(region, key, n, true),
                    Some(o) if o.properties != n.properties => {
                        let resource = (o.logical_id.as_str(), o.physical_id.as_str(), o.kind.as_str());
                        self.stack_event(key, Some(resource), "UPDATE_IN_PROGRESS", None);
                        match self.update_resource(region, n, &o.properties) {
                            Ok(_) => self.stack_event(key, Some(resource), "UPDATE_COMPLETE", None),
                            Err(why) => {
                                rolled_back = false;
                                self.stack_event(key, Some(resource), "UPDATE_FAILED", Some(why));
                            }
                        }
                    }
                    Some(_) => {}
                    None => rolled_back &= self.remove(region, key, n, true),
                }
            }
            if rolled_back {
                self.stack_event(key, None, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", None);
                self.stack_event(key, None, "UPDATE_ROLLBACK_COMPLETE", None);
            } else {
                self.stack_event(key, None, "UPDATE_ROLLBACK_FAILED", None);
            }
        }
        let printed = format!(
            "{SUCCESS}\nFailed to create/update the stack. Run the following command\nto fetch the list of events leading up to the failure\naws cloudformation describe-stack-events --stack-name {}",
            p.stack_name
        );
        Err(ApiError::new(ErrorCode::StackDeployFailed, printed))
    }

    /// Starts the CodeDeploy deployment SAM's DeploymentPreference asks for; its id.
    fn start_traffic_shift(&mut self, region: &str, alias: &Json, preference: &Json) -> Result<String, String> {
        let config = preference_config(preference);
        let hooks = preference.get("Hooks");
        let request = crate::request::DeployRequest {
            function: text_of(alias, "FunctionName").unwrap_or_default(),
            alias: text_of(alias, "Name").unwrap_or_default(),
            target_version: text_of(alias, "FunctionVersion").unwrap_or_default(),
            config,
            alarms: preference
                .get("Alarms")
                .and_then(Json::as_array)
                .map(|a| a.iter().map(resolve::text).collect())
                .unwrap_or_default(),
            pre_traffic_hook: hooks.and_then(|h| text_of(h, "PreTraffic")),
            post_traffic_hook: hooks.and_then(|h| text_of(h, "PostTraffic")),
            auto_rollback: true,
            // The application and deployment group SAM made for the alias.
            group: text_of(preference, "ApplicationName").zip(text_of(preference, "DeploymentGroupName")).map(Box::new),
        };
        match self.deploy(region, &request) {
            Ok(super::SimOutput::Deployment(d)) => Ok(d.deployment_id),
            Ok(_) => Err("CodeDeploy started nothing".into()),
            Err(e) => Err(format!("CodeDeploy: {}", e.message)),
        }
    }

    /// A deployment a stack update waits for has ended: the update goes on, or rolls back.
    pub(super) fn deployment_ended(&mut self, region: &str, id: &str, succeeded: bool, reason: &str) {
        let waiting = self.stacks.iter().find(|((r, _), s)| {
            r == region && s.progress.as_ref().and_then(|p| p.waiting.as_ref()).is_some_and(|(w, _)| w == id)
        });
        let Some((key, _)) = waiting else { return };
        let key = key.clone();
        let Some(mut progress) = self.stacks.get_mut(&key).and_then(|s| s.progress.take()) else { return };
        let Some((_, alias)) = progress.waiting.take() else { return };
        let resource = (alias.logical_id.clone(), alias.physical_id.clone(), alias.kind.clone());
        let as_ref = (resource.0.as_str(), resource.1.as_str(), resource.2.as_str());
        let failed = if succeeded {
            self.stack_event(&key, Some(as_ref), "UPDATE_COMPLETE", None);
            progress.made.insert(alias.logical_id.clone(), alias.made.clone());
            progress.new.push(alias);
            None
        } else {
            self.stack_event(
                &key,
                Some(as_ref),
                "UPDATE_FAILED",
                Some(format!("CodeDeploy deployment {id} failed: {reason}")),
            );
            Some((resource.0.clone(), "update"))
        };
        // What the stack does next happens now; the deploy command printed long ago.
        let _ = self.run_stack(region, &key, progress, failed);
    }

    /// Deletes one resource of a stack, with its events (one its DeletionPolicy keeps stays);
    /// `created_here`: a rollback removing what its own operation made. Whether it went (or
    /// stays by policy).
    fn remove(&mut self, region: &str, key: &(String, String), p: &Provisioned, created_here: bool) -> bool {
        let resource = (p.logical_id.as_str(), p.physical_id.as_str(), p.kind.as_str());
        if p.deletion_policy.keeps(created_here) {
            self.stack_event(key, Some(resource), "DELETE_SKIPPED", None);
            return true;
        }
        self.stack_event(key, Some(resource), "DELETE_IN_PROGRESS", None);
        match self.delete_resource(region, p) {
            Ok(()) => {
                self.stack_event(key, Some(resource), "DELETE_COMPLETE", None);
                true
            }
            Err(reason) => {
                self.stack_event(key, Some(resource), "DELETE_FAILED", Some(reason));
                false
            }
        }
    }

    fn stack_key(&self, region: &str, name: &str) -> ApiResult<(String, String)> {
        let key = (region.to_string(), name.to_string());
        if self.stacks.contains_key(&key) {
            return Ok(key);
        }
        // A stack id names it too.
        self.stacks
            .iter()
            .find(|((r, _), s)| r == region && s.id == name)
            .map(|(k, _)| k.clone())
            .ok_or_else(|| validation(format!("Stack with id {name} does not exist")))
    }

    /// A stack's events, newest first (none for a stack that does not exist).
    pub fn stack_events(&self, region: &str, name: &str) -> Vec<StackEvent> {
        let key = (region.to_string(), name.to_string());
        self.stacks.get(&key).map(|s| s.events.iter().rev().cloned().collect()).unwrap_or_default()
    }

    /// The names of a region's stacks, the newest last.
    pub fn stack_names(&self, region: &str) -> Vec<String> {
        let mut stacks: Vec<&Stack> = self.stacks.iter().filter(|((r, _), _)| r == region).map(|(_, s)| s).collect();
        crate::order::sort_by_key(&mut stacks, |s| s.created);
        stacks.into_iter().map(|s| s.name.clone()).collect()
    }

    /// A stack's status, if it exists.
    pub fn stack_status(&self, region: &str, name: &str) -> Option<String> {
        self.stacks.get(&(region.to_string(), name.to_string())).map(|s| s.status.clone())
    }

    /// The CodeDeploy deployment a stack's deploy waits for, if it waits.
    pub fn stack_waits_for(&self, region: &str, name: &str) -> Option<String> {
        let s = self.stacks.get(&(region.to_string(), name.to_string()))?;
        s.progress.as_ref()?.waiting.as_ref().map(|(id, _)| id.clone())
    }

    pub(super) fn describe_stacks(&self, region: &str, r: &StackNameRequest) -> ApiResult<DescribeStacksResponse> {
        let keys: Vec<(String, String)> = match &r.stack_name {
            Some(name) => vec![self.stack_key(region, name)?],
            None => self.stacks.keys().filter(|(reg, _)| reg == region).cloned().collect(),
        };
        let stacks = keys
            .iter()
            .filter_map(|k| self.stacks.get(k))
            .map(|s| StackDescription {
                stack_id: s.id.clone(),
                stack_name: s.name.clone(),
                description: s.description.clone(),
                parameters: s
                    .parameters
                    .iter()
                    .map(|(k, v)| StackParameter { parameter_key: k.clone(), parameter_value: resolve::text(v) })
                    .collect(),
                creation_time: s.created.cli_iso(),
                last_updated_time: s.updated.map(Timestamp::cli_iso),
                rollback_configuration: json!({}),
                stack_status: s.status.clone(),
                disable_rollback: false,
                notification_arns: Vec::new(),
                outputs: s.outputs.clone(),
                tags: Vec::new(),
                enable_termination_protection: false,
                drift_information: json!({"StackDriftStatus": "NOT_CHECKED"}),
            })
            .collect();
        Ok(DescribeStacksResponse { stacks })
    }

    pub(super) fn describe_stack_events(
        &self,
        region: &str,
        r: &StackNameRequest,
    ) -> ApiResult<DescribeStackEventsResponse> {
        let key = self.stack_key(region, r.stack_name.as_deref().unwrap_or_default())?;
        let stack_events = self.stacks[&key].events.iter().rev().cloned().collect();
        Ok(DescribeStackEventsResponse { stack_events })
    }

    /// The region's stacks, newest first, deleted ones after the live ones ([choice] the order
    /// ListStacks uses is not documented), of the statuses asked for.
    pub(super) fn list_stacks(&self, region: &str, r: &ListStacksRequest) -> ListStacksResponse {
        let mut live: Vec<&Stack> = self.stacks.iter().filter(|((reg, _), _)| reg == region).map(|(_, s)| s).collect();
        crate::order::sort_by(&mut live, |a, b| b.created.cmp(&a.created));
        let deleted = self.deleted_stacks.iter().rev().filter(|(reg, _)| reg == region).map(|(_, s)| s.clone());
        let wanted =
            |s: &StackSummary| r.stack_status_filter.is_empty() || r.stack_status_filter.contains(&s.stack_status);
        ListStacksResponse {
            stack_summaries: live.into_iter().map(Stack::summary).chain(deleted).filter(wanted).collect(),
        }
    }

    /// Deletes the stack's resources, newest first; a stack that does not exist is deleted.
    pub(super) fn delete_stack(&mut self, region: &str, r: &StackNameRequest) -> ApiResult<()> {
        let Ok(key) = self.stack_key(region, r.stack_name.as_deref().unwrap_or_default()) else { return Ok(()) };
        if self.stacks[&key].progress.is_some() {
            return Err(validation(format!("Stack [{}] cannot be deleted while in status UPDATE_IN_PROGRESS", key.1)));
        }
        self.stack_event(&key, None, "DELETE_IN_PROGRESS", Some("User Initiated".into()));
        let resources = self.stacks[&key].resources.clone();
        // What could not be deleted stays with the stack, DELETE_FAILED, for a later try.
        let mut left = Vec::new();
        for p in resources.iter().rev() {
            if !self.remove(region, &key, p, false) {
                left.push(p.clone());
            }
        }
        if left.is_empty() {
            if let Some(s) = self.stacks.remove(&key) {
                let mut summary = s.summary();
                summary.stack_status = "DELETE_COMPLETE".into();
                summary.deletion_time = Some(self.now.cli_iso());
                self.deleted_stacks.push((region.to_string(), summary));
                // [choice] CloudFormation lists deleted stacks for 90 days; the playground keeps
                // the newest thousand, so a script deleting stacks in a loop stays bounded.
                if self.deleted_stacks.len() > MAX_DELETED_STACKS {
                    self.deleted_stacks.remove(0);
                }
            }
        } else {
            left.reverse();
            self.stack_event(&key, None, "DELETE_FAILED", None);
            if let Some(s) = self.stacks.get_mut(&key) {
                s.resources = left;
            }
        }
        Ok(())
    }
}

fn environment(props: &Json) -> Option<EnvironmentVariables> {
    let vars = props.get("Environment")?.get("Variables")?.as_object()?;
    Some(EnvironmentVariables { variables: crate::order::map(vars.iter().map(|(k, v)| (k.clone(), resolve::text(v)))) })
}

fn architectures(props: &Json) -> Option<Vec<String>> {
    Some(props.get("Architectures")?.as_array()?.iter().map(resolve::text).collect())
}

fn runtime_config(function: &str, qualifier: Option<&str>, rmc: &Json) -> Request {
    Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
        function_name: function.to_string(),
        qualifier: qualifier.map(String::from),
        update_runtime_on: text_of(rmc, "UpdateRuntimeOn").unwrap_or_default(),
        runtime_version_arn: text_of(rmc, "RuntimeVersionArn"),
    })
}

/// `RoutingConfig.AdditionalVersionWeights` is a list in templates, a map in the API.
fn routing(props: &Json) -> Option<AliasRoutingConfiguration> {
    let list = props.get("RoutingConfig")?.get("AdditionalVersionWeights")?.as_array()?;
    let weights = crate::order::map(
        list.iter().filter_map(|w| Some((text_of(w, "FunctionVersion")?, number_of(w, "FunctionWeight")?))),
    );
    Some(AliasRoutingConfiguration { additional_version_weights: weights })
}

fn alarm(name: &str, props: &Json) -> Request {
    let dimensions = props
        .get("Dimensions")
        .and_then(Json::as_array)
        .map(|d| {
            d.iter()
                .map(|x| Dimension {
                    name: text_of(x, "Name").unwrap_or_default(),
                    value: text_of(x, "Value").unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    Request::PutMetricAlarm(PutMetricAlarmRequest {
        alarm_name: name.to_string(),
        alarm_description: text_of(props, "AlarmDescription"),
        metric_name: text_of(props, "MetricName"),
        namespace: text_of(props, "Namespace"),
        statistic: text_of(props, "Statistic"),
        dimensions,
        period: integer_of(props, "Period"),
        evaluation_periods: integer_of(props, "EvaluationPeriods").unwrap_or(1),
        threshold: number_of(props, "Threshold"),
        comparison_operator: text_of(props, "ComparisonOperator").unwrap_or_default(),
        treat_missing_data: text_of(props, "TreatMissingData"),
    })
}
