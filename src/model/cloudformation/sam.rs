//! The SAM transform for `AWS::Serverless::Function` (LAMBDA.md, "Templates"): `Globals.Function`
//! merged in, `CodeUri` as the function's code, `RuntimeManagementConfig` passed to the function
//! (never to the version), and `AutoPublishAlias`: a version whose logical id carries a hash of
//! the function's code and a few properties (all of them with `AutoPublishAliasAllProperties`),
//! kept on delete, and the alias pointed at it; with `DeploymentPreference`, the alias moves to a
//! new version through a CodeDeploy deployment the stack update waits for.

use crate::order::{Map, Set};

use serde_json::Value as Json;

use super::template::{self, DeletionPolicy, Resource, Template};
use super::yaml::{Node, Value};

pub const TRANSFORM: &str = "AWS::Serverless-2016-10-31";
pub const FUNCTION: &str = "AWS::Serverless::Function";

/// Properties SAM passes to the `AWS::Lambda::Function` as they are.
const PASSED: [&str; 10] = [
    "FunctionName",
    "Runtime",
    "Handler",
    "Role",
    "MemorySize",
    "Timeout",
    "Description",
    "Environment",
    "Architectures",
    "RuntimeManagementConfig",
];

/// Properties only SAM reads.
const SAM_ONLY: [&str; 11] = [
    "Policies",
    "RolePath",
    "PermissionsBoundary",
    "AssumeRolePolicyDocument",
    "CodeUri",
    "InlineCode",
    "AutoPublishAlias",
    "AutoPublishAliasAllProperties",
    "AutoPublishCodeSha256",
    "VersionDescription",
    "DeploymentPreference",
];

/// What a new version's logical id hashes by default.
const HASHED: [&str; 5] = ["CodeUri", "InlineCode", "Environment", "MemorySize", "AutoPublishCodeSha256"];

/// SAM's transform failure, as CloudFormation reports it.
fn invalid_document(message: &str) -> String {
    format!(
        "Transform {TRANSFORM} failed with: Invalid Serverless Application Specification document. Number of errors found: 1. {message}"
    )
}

/// A resource's transform failure.
fn invalid(id: &str, message: &str) -> String {
    invalid_document(&format!("Resource with id [{id}] is invalid. {message}"))
}

/// The sections `Globals` takes, in the order SAM lists them (samtranslator's
/// plugins/globals/globals.py).
const GLOBALS_SECTIONS: [&str; 6] = ["Api", "Function", "HttpApi", "LayerVersion", "SimpleTable", "StateMachine"];

/// What `Globals.Function` takes, as SAM lists it; SAM also takes RuntimeManagementConfig,
/// RecursiveLoop and SourceKMSKeyArn there without listing them (its "unreleased" properties).
const GLOBAL_FUNCTION_PROPERTIES: [&str; 30] = [
    "Handler",
    "Runtime",
    "CodeUri",
    "DeadLetterQueue",
    "Description",
    "MemorySize",
    "Timeout",
    "VpcConfig",
    "Environment",
    "Tags",
    "PropagateTags",
    "Tracing",
    "KmsKeyArn",
    "AutoPublishAlias",
    "AutoPublishAliasAllProperties",
    "Layers",
    "DeploymentPreference",
    "RolePath",
    "PermissionsBoundary",
    "ReservedConcurrentExecutions",
    "ProvisionedConcurrencyConfig",
    "AssumeRolePolicyDocument",
    "EventInvokeConfig",
    "FileSystemConfigs",
    "CodeSigningConfigArn",
    "Architectures",
    "SnapStart",
    "EphemeralStorage",
    "FunctionUrlConfig",
    "LoggingConfig",
];

/// What `Globals.Api` takes, as SAM lists it.
const GLOBAL_API_PROPERTIES: [&str; 20] = [
    "Auth",
    "Name",
    "DefinitionUri",
    "CacheClusterEnabled",
    "CacheClusterSize",
    "MergeDefinitions",
    "Variables",
    "EndpointConfiguration",
    "MethodSettings",
    "BinaryMediaTypes",
    "MinimumCompressionSize",
    "Cors",
    "GatewayResponses",
    "AccessLogSetting",
    "CanarySetting",
    "TracingEnabled",
    "OpenApiVersion",
    "Domain",
    "AlwaysDeploy",
    "PropagateTags",
];

/// What `Globals.HttpApi` takes, as SAM lists it.
const GLOBAL_HTTP_API_PROPERTIES: [&str; 10] = [
    "Auth",
    "AccessLogSettings",
    "StageVariables",
    "Tags",
    "CorsConfiguration",
    "DefaultRouteSettings",
    "Domain",
    "RouteSettings",
    "FailOnWarnings",
    "PropagateTags",
];

/// SAM's checks of the `Globals` section, in its words (a typo like `Functions:` is refused,
/// not ignored).
fn check_globals(globals: &Node) -> Result<(), String> {
    let section_error = |m: String| invalid_document(&format!("'Globals' section is invalid. {m}"));
    // As Python prints a list of strings.
    let listed =
        |names: &[&str]| format!("[{}]", names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", "));
    let Value::Map(sections) = &globals.value else {
        return Err(section_error("It must be a non-empty dictionary".into()));
    };
    for (name, properties) in sections {
        if !GLOBALS_SECTIONS.contains(&name.as_str()) {
            return Err(section_error(format!(
                "'{name}' is not supported. Must be one of the following values - {}",
                listed(&GLOBALS_SECTIONS)
            )));
        }
        let Value::Map(entries) = &properties.value else {
            // SAM's message prints its placeholder as it is.
            return Err(section_error("Value of ${section} must be a dictionary".into()));
        };
        let (supported, unlisted): (&[&str], &[&str]) = match name.as_str() {
            "Function" => {
                (&GLOBAL_FUNCTION_PROPERTIES, &["RuntimeManagementConfig", "RecursiveLoop", "SourceKMSKeyArn"])
            }
            "Api" => (&GLOBAL_API_PROPERTIES, &[]),
            "HttpApi" => (&GLOBAL_HTTP_API_PROPERTIES, &[]),
            "SimpleTable" => (&["SSESpecification"], &[]),
            "StateMachine" => (&["PropagateTags"], &[]),
            _ => (&["PublishLambdaVersion"], &[]),
        };
        if let Some((key, _)) =
            entries.iter().find(|(k, _)| !supported.contains(&k.as_str()) && !unlisted.contains(&k.as_str()))
        {
            return Err(section_error(format!(
                "'{key}' is not a supported property of '{name}'. Must be one of the following values - {}",
                listed(supported)
            )));
        }
    }
    Ok(())
}

fn scalar(text: &str) -> Node {
    Node::synthetic(Value::Scalar { text: text.to_string(), plain: false })
}

fn tagged(tag: &str, value: Node) -> Node {
    Node { tag: Some(tag.to_string()), ..value }
}

fn map(entries: Vec<(&str, Node)>) -> Node {
    Node::synthetic(Value::Map(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

fn seq(items: Vec<Node>) -> Node {
    Node::synthetic(Value::Seq(items))
}

/// A policy document's one statement: `Effect: Allow`, the action on the principal service.
fn trust(service: &str) -> Node {
    let statement = map(vec![
        ("Action", seq(vec![scalar("sts:AssumeRole")])),
        ("Effect", scalar("Allow")),
        ("Principal", map(vec![("Service", seq(vec![scalar(service)]))])),
    ]);
    map(vec![("Version", scalar("2012-10-17")), ("Statement", seq(vec![statement]))])
}

/// An AWS managed policy's ARN from its name, as SAM looks it up. [choice] The playground knows
/// the paths of Lambda's own service-role policies; other names are taken to be at the root.
fn managed_policy(name: &str) -> String {
    const SERVICE_ROLE: [&str; 6] = [
        "AWSLambdaBasicExecutionRole",
        "AWSLambdaVPCAccessExecutionRole",
        "AWSLambdaDynamoDBExecutionRole",
        "AWSLambdaKinesisExecutionRole",
        "AWSLambdaSQSQueueExecutionRole",
        "AWSLambdaMSKExecutionRole",
    ];
    if name.starts_with("arn:") {
        name.to_string()
    } else if SERVICE_ROLE.contains(&name) {
        format!("arn:aws:iam::aws:policy/service-role/{name}")
    } else {
        format!("arn:aws:iam::aws:policy/{name}")
    }
}

/// The execution role SAM makes for a function that names none (`{Fn}Role`): Lambda may assume
/// it, it may write logs, and the function's `Policies` are added to it, managed policies by
/// name or ARN and inline documents as `{Fn}RolePolicy{index}`. [choice] SAM's policy templates
/// (`DynamoDBCrudPolicy: {...}`) are refused by name.
fn implicit_role(id: &str, props: &Node) -> Result<Node, String> {
    let mut managed = vec![scalar(&managed_policy("AWSLambdaBasicExecutionRole"))];
    let mut inline = Vec::new();
    let policies: Vec<&Node> = match props.get("Policies") {
        Some(Node { tag: None, value: Value::Seq(items), .. }) => items.iter().collect(),
        Some(n) => vec![n],
        None => Vec::new(),
    };
    for (index, policy) in policies.into_iter().enumerate() {
        let intrinsic = policy.tag.is_some()
            || matches!(&policy.value, Value::Map(e) if e.len() == 1 && (e[0].0 == "Ref" || e[0].0.starts_with("Fn::")));
        match &policy.value {
            // An intrinsic names a managed policy's ARN.
            _ if intrinsic => managed.push(policy.clone()),
            Value::Scalar { text, .. } => managed.push(scalar(&managed_policy(text))),
            Value::Map(_) if policy.get("Statement").is_some() => inline.push(map(vec![
                ("PolicyName", scalar(&format!("{id}RolePolicy{index}"))),
                ("PolicyDocument", policy.clone()),
            ])),
            Value::Map(entries) if !entries.is_empty() => {
                let name = &entries[0].0;
                return Err(invalid(id, &format!("The playground does not model SAM policy templates ({name}).")));
            }
            Value::Map(_) | Value::Seq(_) => return Err(invalid(id, "Type of property 'Policies' is invalid.")),
        }
    }
    // SAM lists each managed policy once.
    let mut seen = Vec::new();
    managed.retain(|m| {
        let fresh = !seen.contains(m);
        seen.push(m.clone());
        fresh
    });
    let mut role = vec![
        (
            "AssumeRolePolicyDocument",
            props.get("AssumeRolePolicyDocument").cloned().unwrap_or_else(|| trust("lambda.amazonaws.com")),
        ),
        ("ManagedPolicyArns", seq(managed)),
    ];
    if !inline.is_empty() {
        role.push(("Policies", seq(inline)));
    }
    for (from, to) in [("RolePath", "Path"), ("PermissionsBoundary", "PermissionsBoundary")] {
        if let Some(v) = props.get(from) {
            role.push((to, v.clone()));
        }
    }
    role.push(("Tags", seq(vec![map(vec![("Key", scalar("lambda:createdBy")), ("Value", scalar("SAM"))])])));
    Ok(map(role))
}

/// The service role SAM makes for CodeDeploy once a function has a DeploymentPreference.
const CODE_DEPLOY_ROLE: &str = "CodeDeployServiceRole";

/// SAM's CodeDeploy application (one a template) and deployment group (one a function with a
/// DeploymentPreference): stack resources only SAM makes here.
const CODE_DEPLOY_APPLICATION: &str = "ServerlessDeploymentApplication";
pub const CODE_DEPLOY_APP_TYPE: &str = "AWS::CodeDeploy::Application";
pub const CODE_DEPLOY_GROUP: &str = "AWS::CodeDeploy::DeploymentGroup";

/// The condition SAM gives its CodeDeploy resources when every function with a preference has
/// one and they differ.
const CODE_DEPLOY_CONDITION: &str = "ServerlessCodeDeployCondition";

/// A resource SAM makes must not take a logical id the template already uses (samtranslator's
/// `verify_unique_logical_id`).
fn unique(declared: &Set<String>, source: &str, id: &str, kind: &str) -> Result<(), String> {
    if declared.contains(id) {
        return Err(invalid_document(&format!(
            "Transforming resource with id [{source}] attempts to create a new resource with id [{id}] and type \"{kind}\". A resource with that id already exists within this template. Please use a different id for that resource."
        )));
    }
    Ok(())
}

/// A resource SAM makes for CodeDeploy: deleted with the stack, ordered by what it refers to.
fn code_deploy_resource(logical_id: &str, kind: &str, properties: Node, condition: Option<String>) -> Resource {
    Resource {
        logical_id: logical_id.into(),
        kind: kind.into(),
        properties,
        condition,
        depends_on: Set::new(),
        deletion_policy: DeletionPolicy::Delete,
        replace_policy: DeletionPolicy::Delete,
        code_deploy: None,
    }
}

/// `Fn.Version` and `Fn.Alias` (and their attributes, `Fn.Version.Version`) in `Ref`, `GetAtt`
/// and `Sub`, as the logical ids SAM generated for them.
fn refer(
    node: &mut Node,
    referable: &Map<String, (String, String)>,
    serverless: &Set<String>,
    unresolved: &mut Vec<String>,
) {
    let mut swap = |name: &str| -> Option<String> {
        let (function, rest) = name.split_once('.')?;
        let (property, attribute) = rest.split_once('.').map_or((rest, None), |(p, a)| (p, Some(a)));
        if !matches!(property, "Version" | "Alias") {
            return None;
        }
        let Some((version, alias)) = referable.get(function) else {
            // `Fn.Version` of a serverless function without AutoPublishAlias. (`V.Version` of a
            // Lambda version resource is that resource's own attribute.)
            let name = format!("{function}.{property}");
            if serverless.contains(function) && !unresolved.contains(&name) {
                unresolved.push(name);
            }
            return None;
        };
        let id = if property == "Version" { version } else { alias };
        Some(attribute.map_or_else(|| id.clone(), |a| format!("{id}.{a}")))
    };
    let function = node.tag.clone().or_else(|| match &node.value {
        Value::Map(e) if e.len() == 1 && (e[0].0 == "Ref" || e[0].0.starts_with("Fn::")) => {
            Some(e[0].0.trim_start_matches("Fn::").to_string())
        }
        _ => None,
    });
    let tagged = node.tag.is_some();
    let argument = match &mut node.value {
        Value::Map(e) if !tagged && function.is_some() => &mut e[0].1,
        _ => &mut *node,
    };
    match (function.as_deref(), &mut argument.value) {
        (Some("Ref" | "GetAtt"), Value::Scalar { text, .. }) => {
            if let Some(id) = swap(text) {
                *text = id;
            }
            return;
        }
        (Some("GetAtt"), Value::Seq(items)) => {
            if let Some(Node { value: Value::Scalar { text, .. }, .. }) = items.first_mut() {
                if let Some(id) = swap(text) {
                    *text = id;
                }
            }
            return;
        }
        (Some("Sub"), Value::Scalar { text, .. }) => {
            let mut out = String::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find("${") {
                let Some(end) = rest[start..].find('}') else { break };
                let name = &rest[start + 2..start + end];
                out.push_str(&rest[..start]);
                match swap(name) {
                    Some(id) => out.push_str(&format!("${{{id}}}")),
                    None => out.push_str(&rest[start..=start + end]),
                }
                rest = &rest[start + end + 1..];
            }
            out.push_str(rest);
            *text = out;
            return;
        }
        _ => {}
    }
    match &mut node.value {
        Value::Map(entries) => entries.iter_mut().for_each(|(_, v)| refer(v, referable, serverless, unresolved)),
        Value::Seq(items) => items.iter_mut().for_each(|v| refer(v, referable, serverless, unresolved)),
        Value::Scalar { .. } => {}
    }
}

/// A function's properties over the globals, as SAM's guide says ("Overridable Properties"):
/// maps merge (a function's keys win), lists add up (the globals' entries first), anything else
/// is replaced. A value written with a short-form tag (`!If`, `!Ref`) is replaced whole.
fn merge(global: &Node, local: &Node) -> Node {
    match (&global.value, &local.value) {
        (Value::Seq(g), Value::Seq(l)) if global.tag.is_none() && local.tag.is_none() => {
            Node { value: Value::Seq(g.iter().chain(l).cloned().collect()), ..local.clone() }
        }
        (Value::Map(g), Value::Map(l)) => {
            let mut out: Vec<(String, Node)> = Vec::new();
            for (k, gv) in g {
                match l.iter().find(|(lk, _)| lk == k) {
                    Some((_, lv)) if local.tag.is_none() && lv.tag.is_none() => out.push((k.clone(), merge(gv, lv))),
                    Some((_, lv)) => out.push((k.clone(), lv.clone())),
                    None => out.push((k.clone(), gv.clone())),
                }
            }
            out.extend(l.iter().filter(|(k, _)| !g.iter().any(|(gk, _)| gk == k)).cloned());
            Node { value: Value::Map(out), ..local.clone() }
        }
        _ => local.clone(),
    }
}

/// A node as stable text for the version hash, with parameters and pseudo parameters in
/// place of their `Ref`s (SAM resolves those before hashing).
fn canonical(node: &Node, parameters: &Map<String, Json>, out: &mut String) {
    let reference = match (&node.tag, &node.value) {
        (Some(t), Value::Scalar { text, .. }) if t == "Ref" => Some(text.clone()),
        (None, Value::Map(e)) if e.len() == 1 && e[0].0 == "Ref" => e[0].1.as_str().map(String::from),
        _ => None,
    };
    if let Some(value) = reference.as_ref().and_then(|r| parameters.get(r)) {
        out.push_str(&super::resolve::text(value));
        return;
    }
    if let Some(t) = &node.tag {
        out.push('!');
        out.push_str(t);
        out.push(' ');
    }
    match &node.value {
        Value::Scalar { text, .. } => out.push_str(&format!("{text:?}")),
        Value::Seq(items) => {
            out.push('[');
            for i in items {
                canonical(i, parameters, out);
                out.push(',');
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (k, v) in entries {
                out.push_str(&format!("{k:?}:"));
                canonical(v, parameters, out);
                out.push(',');
            }
            out.push('}');
        }
    }
}

/// Expands the template's serverless functions into Lambda resources.
pub fn expand(t: Template, parameters: &Map<String, Json>) -> Result<Template, String> {
    if let Some(g) = &t.globals {
        check_globals(g)?;
    }
    let globals = t.globals.as_ref().and_then(|g| g.get("Function")).cloned();
    let mut resources = Vec::new();
    // A function's referable properties: `Fn.Version` and `Fn.Alias` name what AutoPublishAlias made.
    let mut referable: Map<String, (String, String)> = Map::new();
    let mut serverless: Set<String> = Set::new();
    let declared: Set<String> = crate::order::set(t.resources.iter().map(|r| r.logical_id.clone()));
    // Each function's DeploymentPreference: its condition, and whether it is enabled.
    let mut preferences: Vec<(String, Option<String>, bool)> = Vec::new();
    for r in t.resources {
        if r.kind != FUNCTION {
            resources.push(r);
            continue;
        }
        let id = r.logical_id.clone();
        serverless.insert(id.clone());
        let props = match &globals {
            Some(g) => merge(g, &r.properties),
            None => r.properties.clone(),
        };
        for (key, _) in props.entries() {
            if !PASSED.contains(&key.as_str()) && !SAM_ONLY.contains(&key.as_str()) {
                return Err(invalid(&id, &format!("The playground does not model property {key} of {FUNCTION}.")));
            }
        }
        // SAM resolves parameters in its own properties (`AutoPublishAlias: !Ref AliasName`).
        let value = |n: &Node| -> Result<Option<String>, String> {
            let no_conditions = Map::new();
            let no_resources = Map::new();
            let cx = super::resolve::Context {
                region: "",
                account: "",
                stack_name: "",
                stack_id: "",
                parameters,
                conditions: &no_conditions,
                made: &no_resources,
                mappings: None,
            };
            cx.resolve(n).map(|v| v.map(|v| super::resolve::text(&v))).map_err(|e| invalid(&id, &e))
        };
        let flag = |n: Option<&Node>| -> Result<bool, String> {
            Ok(match n {
                Some(n) => value(n)?.is_some_and(|v| v.eq_ignore_ascii_case("true")),
                None => false,
            })
        };
        let alias = match props.get("AutoPublishAlias") {
            Some(n) => value(n)?.filter(|a| !a.is_empty()),
            None => None,
        };
        let preference = props.get("DeploymentPreference").cloned();
        if preference.is_some() && alias.is_none() {
            return Err(invalid(&id, "'DeploymentPreference' requires AutoPublishAlias property to be specified."));
        }
        if let Some(p) = &preference {
            const KEYS: [&str; 4] = ["Type", "Alarms", "Hooks", "Enabled"];
            for (key, v) in p.entries() {
                if !KEYS.contains(&key.as_str()) {
                    return Err(invalid(
                        &id,
                        &format!("The playground does not model DeploymentPreference property {key}."),
                    ));
                }
                if key == "Hooks" {
                    if let Some((k, _)) = v.entries().iter().find(|(k, _)| k != "PreTraffic" && k != "PostTraffic") {
                        return Err(invalid(
                            &id,
                            &format!("Hooks has no property {k}: it takes PreTraffic and PostTraffic."),
                        ));
                    }
                }
            }
        }
        let enabled = match preference.as_ref().and_then(|p| p.get("Enabled")) {
            Some(n) => value(n)?.is_none_or(|v| !v.eq_ignore_ascii_case("false")),
            None => true,
        };
        if preference.is_some() {
            preferences.push((id.clone(), r.condition.clone(), enabled));
        }
        let preference = preference.filter(|_| enabled);
        let code = match (props.get("CodeUri"), props.get("InlineCode")) {
            (Some(uri), _) if uri.get("Bucket").is_some() => map(vec![
                ("S3Bucket", uri.get("Bucket").cloned().unwrap_or_else(|| scalar(""))),
                ("S3Key", uri.get("Key").cloned().unwrap_or_else(|| scalar(""))),
            ]),
            (Some(uri), _) => map(vec![("ZipFile", uri.clone())]),
            (None, Some(inline)) => map(vec![("ZipFile", inline.clone())]),
            (None, None) => return Err(invalid(&id, "'CodeUri' or 'InlineCode' must be set.")),
        };
        let mut function: Vec<(&str, Node)> = vec![("Code", code)];
        for key in PASSED {
            if let Some(v) = props.get(key) {
                function.push((key, v.clone()));
            }
        }
        if props.get("Role").is_none() {
            let role_id = format!("{id}Role");
            unique(&declared, &id, &role_id, template::IAM_ROLE)?;
            function.push(("Role", tagged("GetAtt", scalar(&format!("{role_id}.Arn")))));
            resources.push(Resource {
                logical_id: role_id,
                kind: template::IAM_ROLE.into(),
                properties: implicit_role(&id, &props)?,
                condition: r.condition.clone(),
                depends_on: Set::new(),
                deletion_policy: r.deletion_policy,
                replace_policy: r.replace_policy,
                code_deploy: None,
            });
        }
        let properties = map(function);
        let mut depends_on = Set::new();
        template::references(&properties, &mut depends_on);
        depends_on.extend(r.depends_on.iter().cloned());
        resources.push(Resource {
            logical_id: id.clone(),
            kind: "AWS::Lambda::Function".into(),
            properties,
            condition: r.condition.clone(),
            depends_on,
            deletion_policy: r.deletion_policy,
            replace_policy: r.replace_policy,
            code_deploy: None,
        });
        let Some(alias) = alias else { continue };
        let all = flag(props.get("AutoPublishAliasAllProperties"))?;
        let mut text = String::new();
        for (key, value) in props.entries() {
            let hashed = if all {
                !matches!(key.as_str(), "AutoPublishAlias" | "DeploymentPreference")
            } else {
                HASHED.contains(&key.as_str())
            };
            if hashed {
                text.push_str(key);
                canonical(value, parameters, &mut text);
            }
        }
        let hash = crate::digest::hex(&crate::digest::sha256(text.as_bytes()));
        let version_id = format!("{id}Version{}", &hash[..10]);
        unique(&declared, &id, &version_id, "AWS::Lambda::Version")?;
        unique(&declared, &id, &format!("{id}Alias{alias}"), "AWS::Lambda::Alias")?;
        let mut version = vec![("FunctionName", tagged("Ref", scalar(&id)))];
        if let Some(d) = props.get("VersionDescription") {
            version.push(("Description", d.clone()));
        }
        resources.push(Resource {
            logical_id: version_id.clone(),
            kind: "AWS::Lambda::Version".into(),
            properties: map(version),
            condition: r.condition.clone(),
            depends_on: crate::order::set([id.clone()]),
            // SAM keeps old versions: an alias may still point at one.
            deletion_policy: DeletionPolicy::Retain,
            replace_policy: DeletionPolicy::Retain,
            code_deploy: None,
        });
        let alias_properties = map(vec![
            ("Name", scalar(&alias)),
            ("FunctionName", tagged("Ref", scalar(&id))),
            ("FunctionVersion", tagged("GetAtt", scalar(&format!("{version_id}.Version")))),
        ]);
        // The alias waits for what its deployment watches and runs (alarms, hooks).
        let mut alias_depends: Set<String> = crate::order::set([id.clone(), version_id.clone()]);
        let mut preference = preference;
        if let Some(p) = &mut preference {
            // SAM's deployment group for the alias, in the application all of them share; the
            // alias's deployment runs in their names.
            let group_id = format!("{id}DeploymentGroup");
            unique(&declared, &id, &group_id, CODE_DEPLOY_GROUP)?;
            let style = map(vec![
                ("DeploymentType", scalar("BLUE_GREEN")),
                ("DeploymentOption", scalar("WITH_TRAFFIC_CONTROL")),
            ]);
            let group = map(vec![
                ("ApplicationName", tagged("Ref", scalar(CODE_DEPLOY_APPLICATION))),
                ("ServiceRoleArn", tagged("GetAtt", scalar(&format!("{CODE_DEPLOY_ROLE}.Arn")))),
                ("DeploymentStyle", style),
            ]);
            resources.push(code_deploy_resource(&group_id, CODE_DEPLOY_GROUP, group, r.condition.clone()));
            if let Node { tag: None, value: Value::Map(entries), .. } = p {
                entries.push(("ApplicationName".into(), tagged("Ref", scalar(CODE_DEPLOY_APPLICATION))));
                entries.push(("DeploymentGroupName".into(), tagged("Ref", scalar(&group_id))));
            }
            template::references(p, &mut alias_depends);
            alias_depends.insert(group_id);
        }
        referable.insert(id.clone(), (version_id.clone(), format!("{id}Alias{alias}")));
        resources.push(Resource {
            logical_id: format!("{id}Alias{alias}"),
            kind: "AWS::Lambda::Alias".into(),
            properties: alias_properties,
            condition: r.condition.clone(),
            depends_on: alias_depends,
            deletion_policy: DeletionPolicy::Delete,
            replace_policy: DeletionPolicy::Delete,
            code_deploy: preference,
        });
    }
    // One CodeDeploy service role for every enabled preference, made under their conditions
    // when each has one (samtranslator's `needs_resource_condition`).
    let mut conditions = t.conditions;
    if let Some((first, _, _)) = preferences.iter().find(|(_, _, enabled)| *enabled) {
        unique(&declared, first, CODE_DEPLOY_ROLE, template::IAM_ROLE)?;
        let conditional = !preferences.iter().any(|(_, c, enabled)| *enabled && c.is_none());
        let names: Set<String> = crate::order::set(preferences.iter().filter_map(|(_, c, _)| c.clone()));
        let condition = match names.len() {
            _ if !conditional => None,
            0 => None,
            1 => names.iter().next().cloned(),
            // Fn::Or takes two to ten conditions. [choice] Past ten the role is made regardless.
            2..=10 => {
                let each = names.iter().map(|c| map(vec![("Condition", scalar(c))])).collect();
                conditions.push((CODE_DEPLOY_CONDITION.into(), map(vec![("Fn::Or", seq(each))])));
                Some(CODE_DEPLOY_CONDITION.into())
            }
            _ => None,
        };
        let role = map(vec![
            ("AssumeRolePolicyDocument", trust("codedeploy.amazonaws.com")),
            ("ManagedPolicyArns", seq(vec![scalar("arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda")])),
        ]);
        resources.push(code_deploy_resource(CODE_DEPLOY_ROLE, template::IAM_ROLE, role, condition.clone()));
        unique(&declared, first, CODE_DEPLOY_APPLICATION, CODE_DEPLOY_APP_TYPE)?;
        let application = map(vec![("ComputePlatform", scalar("Lambda"))]);
        resources.push(code_deploy_resource(CODE_DEPLOY_APPLICATION, CODE_DEPLOY_APP_TYPE, application, condition));
    }
    let mut unresolved = Vec::new();
    for r in &mut resources {
        refer(&mut r.properties, &referable, &serverless, &mut unresolved);
        template::references(&r.properties, &mut r.depends_on);
    }
    let mut outputs = t.outputs.clone();
    for o in &mut outputs {
        for n in [Some(&mut o.value), o.description.as_mut(), o.export_name.as_mut()].into_iter().flatten() {
            refer(n, &referable, &serverless, &mut unresolved);
        }
    }
    // What is left names a function without AutoPublishAlias, as CloudFormation then sees it.
    if !unresolved.is_empty() {
        return Err(template::format_error(format!(
            "Unresolved resource dependencies [{}] in the Resources block of the template",
            unresolved.join(", ")
        )));
    }
    // Only resources order the deploy (parameters and pseudo parameters are there already).
    let ids: Set<String> = crate::order::set(resources.iter().map(|r| r.logical_id.clone()));
    for r in &mut resources {
        r.depends_on.retain(|d| ids.contains(d));
    }
    let resources = template::order(resources)?;
    Ok(Template { resources, conditions, serverless: false, globals: None, outputs, ..t })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(node: Option<&Node>) -> Vec<String> {
        match node.map(|n| &n.value) {
            Some(Value::Seq(items)) => items.iter().filter_map(|i| i.as_str().map(String::from)).collect(),
            _ => Vec::new(),
        }
    }

    /// SAM's `Policies`: managed policies by name or ARN, inline documents named after the role
    /// and their place in the list; `RolePath` is the role's `Path`. Policy templates are refused.
    #[test]
    fn the_implicit_role_takes_the_functions_policies() {
        let props = super::super::yaml::parse(
            "RolePath: /lambda/\nPolicies:\n  - AWSLambdaVPCAccessExecutionRole\n  - AmazonS3ReadOnlyAccess\n  - arn:aws:iam::123456789012:policy/orders\n  - Statement:\n      - {Effect: Allow, Action: 's3:GetObject', Resource: '*'}\n",
        )
        .unwrap();
        let role = implicit_role("Fn", &props).unwrap();
        assert_eq!(
            texts(role.get("ManagedPolicyArns")),
            [
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
                "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                "arn:aws:iam::123456789012:policy/orders",
            ]
        );
        let Some(Value::Seq(inline)) = role.get("Policies").map(|n| &n.value) else { panic!("inline policies") };
        assert_eq!(inline.len(), 1);
        assert_eq!(inline[0].get("PolicyName").and_then(Node::as_str), Some("FnRolePolicy3"));
        assert!(inline[0].get("PolicyDocument").and_then(|d| d.get("Statement")).is_some());
        assert_eq!(role.get("Path").and_then(Node::as_str), Some("/lambda/"));
        assert!(role.get("AssumeRolePolicyDocument").and_then(|d| d.get("Statement")).is_some());

        let one = super::super::yaml::parse("Policies: AWSLambdaExecute\n").unwrap();
        assert_eq!(
            texts(implicit_role("Fn", &one).unwrap().get("ManagedPolicyArns"))[1],
            "arn:aws:iam::aws:policy/AWSLambdaExecute"
        );
        let template = super::super::yaml::parse("Policies:\n  - DynamoDBCrudPolicy: {TableName: orders}\n").unwrap();
        assert!(implicit_role("Fn", &template)
            .unwrap_err()
            .ends_with("The playground does not model SAM policy templates (DynamoDBCrudPolicy)."));
    }
}
