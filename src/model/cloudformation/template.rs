//! A template's sections as CloudFormation reads them: parameters (with overrides, defaults and
//! allowed values), conditions, and resources in dependency order. Template format errors use
//! CloudFormation's words; they stop a deploy before any resource is touched.

use crate::order::{Map, Set};

use serde_json::Value as Json;

use super::yaml::{self, Node, Value};

/// The resource types the playground provisions.
pub const RESOURCE_TYPES: [&str; 5] =
    ["AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::CloudWatch::Alarm", IAM_ROLE];

/// A function's execution role. [choice] The playground models no IAM: a role is a stack resource
/// with a name and an ARN, and whatever it allows is taken as allowed.
pub const IAM_ROLE: &str = "AWS::IAM::Role";

/// Real resource types of the services the playground models that it does not provision.
const UNPROVISIONED_TYPES: [&str; 17] = [
    "AWS::Lambda::CodeSigningConfig",
    "AWS::Lambda::EventInvokeConfig",
    "AWS::Lambda::EventSourceMapping",
    "AWS::Lambda::LayerVersion",
    "AWS::Lambda::LayerVersionPermission",
    "AWS::Lambda::Permission",
    "AWS::Lambda::Url",
    "AWS::IAM::Group",
    "AWS::IAM::InstanceProfile",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::Policy",
    "AWS::IAM::User",
    "AWS::CloudWatch::AnomalyDetector",
    "AWS::CloudWatch::CompositeAlarm",
    "AWS::CloudWatch::Dashboard",
    "AWS::CloudWatch::InsightRule",
    "AWS::CloudWatch::MetricStream",
];

/// How the playground's refusal of a type CloudFormation knows begins.
pub const UNPROVISIONED: &str = "The playground does not provision";

/// Services whose resources often sit beside Lambda functions in a template; the playground
/// makes none of them, and refuses them in its own words. [choice] It holds no list of every
/// service, so a type of a service not named here gets CloudFormation's "Unrecognized resource
/// types", as a typo would.
const OTHER_SERVICES: [&str; 40] = [
    "ApiGateway",
    "ApiGatewayV2",
    "ApplicationAutoScaling",
    "AppSync",
    "Batch",
    "CertificateManager",
    "CloudFormation",
    "CloudFront",
    "CodeBuild",
    "CodeDeploy",
    "CodePipeline",
    "Cognito",
    "DynamoDB",
    "EC2",
    "ECR",
    "ECS",
    "EFS",
    "ElastiCache",
    "Events",
    "Glue",
    "IoT",
    "Kinesis",
    "KinesisFirehose",
    "KMS",
    "Logs",
    "MSK",
    "OpenSearchService",
    "Pipes",
    "RDS",
    "Route53",
    "S3",
    "Scheduler",
    "SecretsManager",
    "SES",
    "SNS",
    "SQS",
    "SSM",
    "StepFunctions",
    "WAFv2",
    "XRay",
];

/// SAM's resource types besides its function, valid with the transform.
const SAM_TYPES: [&str; 8] = [
    "AWS::Serverless::Api",
    "AWS::Serverless::Application",
    "AWS::Serverless::Connector",
    "AWS::Serverless::GraphQLApi",
    "AWS::Serverless::HttpApi",
    "AWS::Serverless::LayerVersion",
    "AWS::Serverless::SimpleTable",
    "AWS::Serverless::StateMachine",
];

/// Whether CloudFormation knows a type the playground does not provision (as far as the
/// playground can tell: see [`OTHER_SERVICES`]).
fn real_but_unprovisioned(kind: &str, serverless: bool) -> bool {
    let service = kind.strip_prefix("AWS::").and_then(|rest| rest.split_once("::"));
    UNPROVISIONED_TYPES.contains(&kind)
        || (serverless && SAM_TYPES.contains(&kind))
        || kind.starts_with("Custom::")
        || kind == "AWS::CloudFormation::CustomResource"
        || service.is_some_and(|(s, r)| {
            OTHER_SERVICES.contains(&s) && !r.is_empty() && r.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// What a resource may hold besides its type (CloudFormation's resource attributes).
const RESOURCE_KEYS: [&str; 9] = [
    "Type",
    "Properties",
    "DependsOn",
    "Condition",
    "DeletionPolicy",
    "UpdateReplacePolicy",
    "Metadata",
    "CreationPolicy",
    "UpdatePolicy",
];

/// CloudFormation's pseudo parameters.
pub const PSEUDO_PARAMETERS: [&str; 8] = [
    "AWS::AccountId",
    "AWS::NotificationARNs",
    "AWS::NoValue",
    "AWS::Partition",
    "AWS::Region",
    "AWS::StackId",
    "AWS::StackName",
    "AWS::URLSuffix",
];

/// The most resources a template may declare.
pub const MAX_RESOURCES: usize = 500;

/// Sections a template may have.
const SECTIONS: [&str; 10] = [
    "AWSTemplateFormatVersion",
    "Description",
    "Metadata",
    "Parameters",
    "Rules",
    "Mappings",
    "Conditions",
    "Transform",
    "Resources",
    "Outputs",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub kind: String,
    pub default: Option<String>,
    pub allowed: Vec<String>,
    /// MinLength, MaxLength (Strings) and MinValue, MaxValue (Numbers).
    pub length: (Option<f64>, Option<f64>),
    pub value: (Option<f64>, Option<f64>),
    /// What a value that fails a constraint is told instead of the constraint.
    pub constraint_description: Option<String>,
}

/// The parameter types the playground reads.
const PARAMETER_TYPES: [&str; 4] = ["String", "Number", "List<Number>", "CommaDelimitedList"];

/// What a parameter may hold. [choice] AllowedPattern would need a regular-expression engine in
/// the bundle: it is refused by name rather than skipped.
const PARAMETER_KEYS: [&str; 10] = [
    "Type",
    "Default",
    "AllowedValues",
    "Description",
    "ConstraintDescription",
    "NoEcho",
    "MinLength",
    "MaxLength",
    "MinValue",
    "MaxValue",
];

/// A resource's `DeletionPolicy`: whether deleting it (from the stack, or the stack) deletes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeletionPolicy {
    #[default]
    Delete,
    Retain,
    /// Retained, except by the rollback of the operation that created it.
    RetainExceptOnCreate,
}

impl DeletionPolicy {
    /// Whether removing the resource leaves it in place; `created_here`: the operation rolling
    /// back is the one that created it.
    pub fn keeps(self, created_here: bool) -> bool {
        match self {
            DeletionPolicy::Delete => false,
            DeletionPolicy::Retain => true,
            DeletionPolicy::RetainExceptOnCreate => !created_here,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub logical_id: String,
    pub kind: String,
    pub properties: Node,
    pub condition: Option<String>,
    /// Resources it refers to (Ref, GetAtt, Sub) or names in DependsOn.
    pub depends_on: Set<String>,
    /// What deleting the resource does (SAM sets Retain on published versions).
    pub deletion_policy: DeletionPolicy,
    /// What a replacement does with the resource it replaces (`UpdateReplacePolicy`).
    pub replace_policy: DeletionPolicy,
    /// SAM's DeploymentPreference of an alias: a move to another version goes through a
    /// CodeDeploy deployment (CloudFormation's CodeDeployLambdaAliasUpdate update policy).
    pub code_deploy: Option<Node>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub parameters: Vec<Parameter>,
    pub conditions: Vec<(String, Node)>,
    /// In an order that creates every resource after those it depends on.
    pub resources: Vec<Resource>,
    /// `Transform: AWS::Serverless-2016-10-31`: SAM resources expand before the deploy.
    pub serverless: bool,
    /// SAM's `Globals` section.
    pub globals: Option<Node>,
    /// The `Outputs` section, in the template's order.
    pub outputs: Vec<Output>,
    /// The `Mappings` section, for `Fn::FindInMap`.
    pub mappings: Option<Node>,
    /// The template's `Description`, which `describe-stacks` shows.
    pub description: Option<String>,
}

/// An output: what `describe-stacks` shows once the deploy is done.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    pub key: String,
    pub value: Node,
    pub description: Option<Node>,
    pub export_name: Option<Node>,
    pub condition: Option<String>,
}

/// A resource's `DeletionPolicy` or `UpdateReplacePolicy` (`key`); only the former takes
/// RetainExceptOnCreate. [choice] Snapshot is for data stores: the playground's resources have
/// none to take, so it acts as Delete. CloudFormation's words for a policy given as an intrinsic
/// function were not recorded.
fn policy(def: &Node, key: &str, id: &str, on_delete: bool) -> Result<DeletionPolicy, String> {
    let Some(n) = def.get(key) else { return Ok(DeletionPolicy::Delete) };
    let text = match (&n.tag, &n.value) {
        (None, Value::Scalar { text, .. }) => text.as_str(),
        _ => return Err(format_error(format!("Every {key} member must be a string."))),
    };
    match text {
        "Delete" | "Snapshot" => Ok(DeletionPolicy::Delete),
        "Retain" => Ok(DeletionPolicy::Retain),
        "RetainExceptOnCreate" if on_delete => Ok(DeletionPolicy::RetainExceptOnCreate),
        _ => Err(format_error(format!("Unrecognized {key} {text} for resource {id}"))),
    }
}

/// `Template format error: ...`, as CreateChangeSet answers (ValidationError).
pub fn format_error(detail: impl AsRef<str>) -> String {
    format!("Template format error: {}", detail.as_ref())
}

fn scalar_list(node: &Node) -> Vec<String> {
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(|n| n.as_str().map(String::from)).collect(),
        Value::Scalar { text, .. } => vec![text.clone()],
        Value::Map(_) => Vec::new(),
    }
}

/// Names a node refers to: `Ref` targets, `GetAtt` resources, and `${Name}` / `${Name.Attr}`
/// in `Sub` strings (not `${!Literal}`), in long or short form.
pub fn references(node: &Node, out: &mut Set<String>) {
    let sub_names = |text: &str, out: &mut Set<String>| {
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else { break };
            let name = &after[..end];
            if !name.starts_with('!') {
                out.insert(name.split('.').next().unwrap_or(name).to_string());
            }
            rest = &after[end + 1..];
        }
    };
    let function = node.tag.as_deref().map(|t| t.to_string()).or_else(|| match &node.value {
        Value::Map(entries) if entries.len() == 1 => {
            let k = &entries[0].0;
            (k == "Ref" || k.starts_with("Fn::")).then(|| k.trim_start_matches("Fn::").to_string())
        }
        _ => None,
    });
    let argument = match (&node.tag, &node.value) {
        (Some(_), _) => node,
        (None, Value::Map(entries)) if function.is_some() => &entries[0].1,
        _ => node,
    };
    match function.as_deref() {
        Some("Ref") => {
            if let Some(name) = argument.as_str().or(match &argument.value {
                Value::Scalar { text, .. } => Some(text.as_str()),
                _ => None,
            }) {
                out.insert(name.to_string());
            }
            return;
        }
        Some("GetAtt") => {
            match &argument.value {
                Value::Scalar { text, .. } => {
                    out.insert(text.split('.').next().unwrap_or(text).to_string());
                }
                Value::Seq(items) => {
                    if let Some(first) = items.first().and_then(|n| match &n.value {
                        Value::Scalar { text, .. } => Some(text.clone()),
                        _ => None,
                    }) {
                        out.insert(first);
                    }
                }
                Value::Map(_) => {}
            }
            return;
        }
        Some("Sub") => match &argument.value {
            Value::Scalar { text, .. } => {
                sub_names(text, out);
                return;
            }
            Value::Seq(items) => {
                if let Some(Node { value: Value::Scalar { text, .. }, .. }) = items.first() {
                    let mut names = Set::new();
                    sub_names(text, &mut names);
                    // Names given in the variable map are not references.
                    let local: Vec<String> =
                        items.get(1).map(|m| m.entries().iter().map(|(k, _)| k.clone()).collect()).unwrap_or_default();
                    out.extend(names.into_iter().filter(|n| !local.contains(n)));
                    for item in &items[1..] {
                        references(item, out);
                    }
                }
                return;
            }
            Value::Map(_) => {}
        },
        _ => {}
    }
    match &argument.value {
        Value::Seq(items) => items.iter().for_each(|n| references(n, out)),
        Value::Map(entries) => entries.iter().for_each(|(_, n)| references(n, out)),
        Value::Scalar { .. } => {}
    }
}

/// The short forms of CloudFormation's intrinsic functions (`!Ref`, `!GetAtt`, ...).
const SHORT_FORMS: [&str; 18] = [
    "Ref",
    "Condition",
    "Base64",
    "Cidr",
    "FindInMap",
    "GetAtt",
    "GetAZs",
    "ImportValue",
    "Join",
    "Select",
    "Split",
    "Sub",
    "Transform",
    "And",
    "Equals",
    "If",
    "Not",
    "Or",
];

/// The first node whose tag is no short form of an intrinsic function (a typo such as `!Reff`).
fn unknown_tag(node: &Node) -> Option<&Node> {
    if node.tag.as_deref().is_some_and(|t| !SHORT_FORMS.contains(&t)) {
        return Some(node);
    }
    match &node.value {
        Value::Map(entries) => entries.iter().find_map(|(_, v)| unknown_tag(v)),
        Value::Seq(items) => items.iter().find_map(unknown_tag),
        Value::Scalar { .. } => None,
    }
}

/// Reads a parsed template. `parse` errors name their line and column.
/// Whether `text` is well-formed YAML (or JSON) that names SAM's transform: its later errors are
/// the transform's, reported in the change set.
pub fn declares_transform(text: &str) -> bool {
    let json_ok = !text.trim_start().starts_with('{') || serde_json::from_str::<Json>(text).is_ok();
    json_ok && yaml::parse(text).is_ok_and(|root| names_transform(&root))
}

fn names_transform(root: &Node) -> bool {
    root.get("Transform").is_some_and(|t| match &t.value {
        Value::Scalar { text, .. } => text == super::sam::TRANSFORM,
        Value::Seq(items) => items.iter().any(|i| i.as_str() == Some(super::sam::TRANSFORM)),
        Value::Map(_) => false,
    })
}

pub fn read(text: &str) -> Result<Template, String> {
    // A JSON template is read as JSON first: YAML would forgive what CloudFormation does not
    // (a trailing comma, say), and the error names JSON's own line and column.
    if text.trim_start().starts_with('{') {
        if let Err(e) = serde_json::from_str::<Json>(text) {
            return Err(format_error(format!("JSON not well-formed. (line {}, column {})", e.line(), e.column())));
        }
    }
    let root = yaml::parse(text)
        .map_err(|e| format_error(format!("YAML not well-formed. (line {}, column {})", e.line, e.column)))?;
    if !matches!(root.value, Value::Map(_)) {
        return Err(format_error("not a template: the document is not a mapping"));
    }
    if let Some(n) = unknown_tag(&root) {
        // [choice] CloudFormation's words for an unknown short form were not recorded.
        return Err(format_error(format!(
            "Unrecognized intrinsic function tag !{} (line {}, column {})",
            n.tag.as_deref().unwrap_or_default(),
            n.line,
            n.column
        )));
    }
    let unknown: Vec<&str> =
        root.entries().iter().map(|(k, _)| k.as_str()).filter(|k| !SECTIONS.contains(k) && *k != "Globals").collect();
    if !unknown.is_empty() {
        return Err(format_error(format!("Invalid template property or properties [{}]", unknown.join(", "))));
    }
    let mut parameters = Vec::new();
    if let Some(p) = root.get("Parameters") {
        for (name, def) in p.entries() {
            let field = |k: &str| {
                def.get(k).and_then(|n| match &n.value {
                    Value::Scalar { text, .. } => Some(text.clone()),
                    _ => None,
                })
            };
            let Some(kind) = field("Type") else {
                return Err(format_error(format!("Every Parameters object must contain a Type member. ({name})")));
            };
            if !PARAMETER_TYPES.contains(&kind.as_str()) {
                return Err(format_error(format!("Unrecognized parameter type: {kind}")));
            }
            if let Some((key, _)) = def.entries().iter().find(|(k, _)| !PARAMETER_KEYS.contains(&k.as_str())) {
                return Err(format_error(format!(
                    "Invalid template parameter property '{key}' (the playground does not check {key})"
                )));
            }
            let number = |k: &str| -> Result<Option<f64>, String> {
                field(k)
                    .map(|t| {
                        crate::decimal::parse(&t)
                            .ok_or_else(|| format_error(format!("{k} of parameter {name} must be a number")))
                    })
                    .transpose()
            };
            parameters.push(Parameter {
                name: name.clone(),
                kind,
                default: field("Default"),
                allowed: def.get("AllowedValues").map(scalar_list).unwrap_or_default(),
                length: (number("MinLength")?, number("MaxLength")?),
                value: (number("MinValue")?, number("MaxValue")?),
                constraint_description: field("ConstraintDescription"),
            });
        }
    }
    let conditions: Vec<(String, Node)> = root.get("Conditions").map(|c| c.entries().to_vec()).unwrap_or_default();
    let Some(resources_node) = root.get("Resources") else {
        return Err(format_error("At least one Resources member must be defined."));
    };
    if resources_node.entries().is_empty() {
        return Err(format_error("At least one Resources member must be defined."));
    }
    // CloudFormation's quota; it also bounds the dependency sort.
    let count = resources_node.entries().len();
    if count > MAX_RESOURCES {
        return Err(format_error(format!(
            "Number of resources, {count}, is greater than the maximum allowed, {MAX_RESOURCES}"
        )));
    }
    let serverless = names_transform(&root);
    if root.get("Globals").is_some() && !serverless {
        return Err(format_error("Invalid template property or properties [Globals]"));
    }
    let mut resources = Vec::new();
    let mut unknown_types = Vec::new();
    let mut unprovisioned = Vec::new();
    for (id, def) in resources_node.entries() {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format_error(format!("Resource name {id} is non alphanumeric.")));
        }
        if let Some((key, _)) = def.entries().iter().find(|(k, _)| !RESOURCE_KEYS.contains(&k.as_str())) {
            return Err(format_error(format!("Invalid template resource property '{key}'")));
        }
        let Some(kind) = def.get("Type").and_then(|n| n.as_str()) else {
            return Err(format_error(format!("[/Resources/{id}] Every Resources object must contain a Type member.")));
        };
        let known = RESOURCE_TYPES.contains(&kind) || (serverless && kind == super::sam::FUNCTION);
        if real_but_unprovisioned(kind, serverless) {
            unprovisioned.push(format!("{kind} ({id})"));
        } else if !known {
            unknown_types.push(kind.to_string());
        }
        let properties = def.get("Properties").cloned().unwrap_or_else(|| Node::synthetic(Value::Map(Vec::new())));
        let mut depends_on = Set::new();
        if serverless && kind == super::sam::FUNCTION {
            // What a DeploymentPreference names (alarms, hooks) the alias SAM makes waits for,
            // not the function: an alarm on the function's alias is no cycle.
            for (_, v) in properties.entries().iter().filter(|(k, _)| k != "DeploymentPreference") {
                references(v, &mut depends_on);
            }
        } else {
            references(&properties, &mut depends_on);
        }
        if let Some(d) = def.get("DependsOn") {
            depends_on.extend(scalar_list(d));
        }
        let condition = def.get("Condition").and_then(|n| n.as_str()).map(String::from);
        let deletion_policy = policy(def, "DeletionPolicy", id, true)?;
        let replace_policy = policy(def, "UpdateReplacePolicy", id, false)?;
        resources.push(Resource {
            logical_id: id.clone(),
            kind: kind.to_string(),
            properties,
            condition,
            depends_on,
            deletion_policy,
            replace_policy,
            code_deploy: None,
        });
    }
    if !unknown_types.is_empty() {
        return Err(format_error(format!("Unrecognized resource types: [{}]", unknown_types.join(", "))));
    }
    if !unprovisioned.is_empty() {
        // [choice] The playground's own words: CloudFormation would make these.
        return Err(format!(
            "{UNPROVISIONED} {}: it makes {} and, with the SAM transform, {}.",
            unprovisioned.join(", "),
            RESOURCE_TYPES.join(", "),
            super::sam::FUNCTION
        ));
    }
    let ids: Set<String> = crate::order::set(resources.iter().map(|r| r.logical_id.clone()));
    let params: Set<&str> = crate::order::set(parameters.iter().map(|p| p.name.as_str()));
    // SAM's referable properties (`Fn.Version`, `Fn.Alias`) name resources its transform makes
    // from `Fn`; until then they stand for the function.
    if serverless {
        for r in &mut resources {
            r.depends_on =
                crate::order::set(std::mem::take(&mut r.depends_on).into_iter().map(|n| match n.split_once('.') {
                    Some((f, "Version" | "Alias")) if ids.contains(f) => f.to_string(),
                    _ => n,
                }));
        }
    }
    // A name that is neither a resource, a parameter nor a pseudo parameter is unresolved.
    let mut unresolved: Vec<String> = Vec::new();
    for r in &mut resources {
        r.depends_on.retain(|n| {
            if ids.contains(n) {
                return true;
            }
            if !params.contains(n.as_str()) && !PSEUDO_PARAMETERS.contains(&n.as_str()) && !unresolved.contains(n) {
                unresolved.push(n.clone());
            }
            false
        });
    }
    if !unresolved.is_empty() {
        return Err(format_error(format!(
            "Unresolved resource dependencies [{}] in the Resources block of the template",
            unresolved.join(", ")
        )));
    }
    let mut outputs = Vec::new();
    let mut named = Set::new();
    for (key, def) in root.get("Outputs").map(|o| o.entries().to_vec()).unwrap_or_default() {
        let Some(value) = def.get("Value").cloned() else {
            return Err(format_error("Every Outputs member must contain a Value object"));
        };
        let description = def.get("Description").cloned();
        let export_name = def.get("Export").and_then(|e| e.get("Name")).cloned();
        for n in [Some(&value), description.as_ref(), export_name.as_ref()].into_iter().flatten() {
            references(n, &mut named);
        }
        let condition = def.get("Condition").and_then(|n| n.as_str()).map(String::from);
        outputs.push(Output { key, value, description, export_name, condition });
    }
    let unresolved: Vec<String> = named
        .into_iter()
        .filter(|n| {
            let resource = match n.split_once('.') {
                Some((f, "Version" | "Alias")) if serverless => f,
                _ => n.as_str(),
            };
            !ids.contains(resource) && !params.contains(n.as_str()) && !PSEUDO_PARAMETERS.contains(&n.as_str())
        })
        .collect();
    if !unresolved.is_empty() {
        return Err(format_error(format!(
            "Unresolved resource dependencies [{}] in the Outputs block of the template",
            unresolved.join(", ")
        )));
    }
    let resources = order(resources)?;
    let mappings = root.get("Mappings").cloned();
    let description = root.get("Description").and_then(|d| d.as_str()).map(String::from);
    Ok(Template {
        parameters,
        conditions,
        resources,
        serverless,
        globals: root.get("Globals").cloned(),
        outputs,
        mappings,
        description,
    })
}

/// Dependency order (Kahn's algorithm with in-degree counts, ties in the template's order); a
/// cycle is an error naming the resources on it.
pub(super) fn order(resources: Vec<Resource>) -> Result<Vec<Resource>, String> {
    if resources.len() > MAX_RESOURCES {
        return Err(format_error(format!(
            "Number of resources, {}, is greater than the maximum allowed, {MAX_RESOURCES}",
            resources.len()
        )));
    }
    let index: Map<&str, usize> =
        crate::order::map(resources.iter().enumerate().map(|(i, r)| (r.logical_id.as_str(), i)));
    let mut waiting: Vec<usize> = resources.iter().map(|r| r.depends_on.len()).collect();
    let mut needed_by: Vec<Vec<usize>> = vec![Vec::new(); resources.len()];
    for (i, r) in resources.iter().enumerate() {
        for d in &r.depends_on {
            if let Some(&j) = index.get(d.as_str()) {
                needed_by[j].push(i);
            }
        }
    }
    let mut ready: crate::order::Set<usize> = crate::order::set((0..resources.len()).filter(|&i| waiting[i] == 0));
    let mut order = Vec::with_capacity(resources.len());
    while let Some(i) = ready.pop_first() {
        order.push(i);
        for &k in &needed_by[i] {
            waiting[k] -= 1;
            if waiting[k] == 0 {
                ready.insert(k);
            }
        }
    }
    if order.len() < resources.len() {
        // On a cycle: left after dropping, again and again, those no stuck resource needs.
        let mut stuck: Set<usize> = crate::order::set((0..resources.len()).filter(|i| !order.contains(i)));
        let mut needers: Vec<usize> = vec![0; resources.len()];
        for &i in &stuck {
            for d in &resources[i].depends_on {
                if let Some(&j) = index.get(d.as_str()) {
                    needers[j] += 1;
                }
            }
        }
        let mut free: Vec<usize> = stuck.iter().copied().filter(|&i| needers[i] == 0).collect();
        while let Some(i) = free.pop() {
            stuck.remove(&i);
            for d in &resources[i].depends_on {
                if let Some(&j) = index.get(d.as_str()) {
                    needers[j] -= 1;
                    if needers[j] == 0 && stuck.contains(&j) {
                        free.push(j);
                    }
                }
            }
        }
        let mut names: Vec<&str> = stuck.iter().map(|&i| resources[i].logical_id.as_str()).collect();
        crate::order::sort(&mut names);
        return Err(format!("Circular dependency between resources: [{}]", names.join(", ")));
    }
    let mut slots: Vec<Option<Resource>> = resources.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

/// A parameter's value against its type and constraints, in CloudFormation's words; with a
/// ConstraintDescription, that is what a failed constraint says. [choice] The texts of the length
/// and value bounds follow CloudFormation's form; they were not recorded.
fn check_parameter(p: &Parameter, value: &str) -> Result<(), String> {
    let name = &p.name;
    let failed = |constraint: String| match &p.constraint_description {
        Some(d) => Err(format!("Parameter '{name}' failed to satisfy constraint: {d}")),
        None => Err(constraint),
    };
    let numbers: Vec<&str> = match p.kind.as_str() {
        "Number" => vec![value.trim()],
        "List<Number>" => value.split(',').map(str::trim).collect(),
        _ => Vec::new(),
    };
    for n in &numbers {
        let Some(x) = crate::decimal::parse(n) else { return failed(format!("Parameter '{name}' must be a number.")) };
        if let Some(min) = p.value.0.filter(|m| x < *m) {
            return failed(format!(
                "Parameter '{name}' must be a number greater than or equal to {}",
                crate::decimal::shortest(min)
            ));
        }
        if let Some(max) = p.value.1.filter(|m| x > *m) {
            return failed(format!(
                "Parameter '{name}' must be a number less than or equal to {}",
                crate::decimal::shortest(max)
            ));
        }
    }
    let chars = value.chars().count() as f64;
    if let Some(min) = p.length.0.filter(|m| p.kind == "String" && chars < *m) {
        return failed(format!(
            "Parameter '{name}' must contain at least {} characters",
            crate::decimal::shortest(min)
        ));
    }
    if let Some(max) = p.length.1.filter(|m| p.kind == "String" && chars > *m) {
        return failed(format!("Parameter '{name}' must contain at most {} characters", crate::decimal::shortest(max)));
    }
    if !p.allowed.is_empty() && !p.allowed.iter().any(|a| a == value) {
        return failed(format!("Parameter '{name}' must be one of AllowedValues"));
    }
    Ok(())
}

/// Parameter values: overrides, then defaults; missing values and values outside AllowedValues
/// are errors in CloudFormation's words.
pub fn parameter_values(t: &Template, overrides: &[(String, String)]) -> Result<Map<String, Json>, String> {
    let mut out = Map::new();
    let mut missing = Vec::new();
    for p in &t.parameters {
        let given = overrides.iter().rev().find(|(k, _)| *k == p.name).map(|(_, v)| v.clone());
        let Some(value) = given.or_else(|| p.default.clone()) else {
            missing.push(p.name.clone());
            continue;
        };
        check_parameter(p, &value)?;
        let json = match p.kind.as_str() {
            "CommaDelimitedList" | "List<Number>" => {
                Json::Array(value.split(',').map(|s| Json::String(s.trim().into())).collect())
            }
            _ => Json::String(value),
        };
        out.insert(p.name.clone(), json);
    }
    if !missing.is_empty() {
        return Err(format!("Parameters: [{}] must have values", missing.join(", ")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_references_and_errors() {
        let t = read(
            "Resources:\n  Alias:\n    Type: AWS::Lambda::Alias\n    Properties:\n      FunctionName: !Ref Fn\n      FunctionVersion: !GetAtt Version.Version\n      Name: live\n  Version:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Sub '${Fn}'\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: !Sub '${AWS::StackName}-fn-${!Literal}'\n",
        )
        .unwrap();
        let ids: Vec<&str> = t.resources.iter().map(|r| r.logical_id.as_str()).collect();
        assert_eq!(ids, ["Fn", "Version", "Alias"]);
        assert_eq!(
            read("Resources:\n  A:\n    Type: AWS::Foo::Bar\n").unwrap_err(),
            "Template format error: Unrecognized resource types: [AWS::Foo::Bar]"
        );
        let cycle = "Resources:\n  A:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Ref B\n  B:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Ref A\n";
        assert_eq!(read(cycle).unwrap_err(), "Circular dependency between resources: [A, B]");
        assert!(read("Resources: [").unwrap_err().starts_with("Template format error: YAML not well-formed. (line"));
        let missing =
            "Resources:\n  A:\n    Type: AWS::Lambda::Version\n    Properties:\n      FunctionName: !Ref Nope\n";
        assert_eq!(
            read(missing).unwrap_err(),
            "Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template"
        );
    }
}
