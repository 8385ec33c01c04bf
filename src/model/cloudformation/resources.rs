//! The resource types a stack provisions, as their schemas see them: which properties exist,
//! which are required, which values an enum takes. A resource that fails these checks fails with
//! CloudFormation's `Properties validation failed for resource <Id> with message: ...`.

use serde_json::Value as Json;

/// How a property is checked.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Integer,
    Number,
    List,
    Object(&'static [Prop]),
    Enum(&'static [&'static str]),
    /// A policy document: JSON as an object, or as a string.
    Document,
    /// Valid in CloudFormation, but nothing the playground models: refused so it is never
    /// silently dropped.
    Unmodelled,
}

#[derive(Clone, Copy)]
struct Prop {
    name: &'static str,
    kind: Kind,
    required: bool,
}

const fn p(name: &'static str, kind: Kind) -> Prop {
    Prop { name, kind, required: false }
}

const fn req(name: &'static str, kind: Kind) -> Prop {
    Prop { name, kind, required: true }
}

const RUNTIME_POLICY: &[Prop] =
    &[req("UpdateRuntimeOn", Kind::Enum(&["Auto", "FunctionUpdate", "Manual"])), p("RuntimeVersionArn", Kind::Text)];

const FUNCTION: &[Prop] = &[
    p("FunctionName", Kind::Text),
    p("Runtime", Kind::Text),
    p("Handler", Kind::Text),
    req("Role", Kind::Text),
    req("Code", Kind::Object(&[p("ZipFile", Kind::Text), p("S3Bucket", Kind::Text), p("S3Key", Kind::Text)])),
    p("Architectures", Kind::List),
    p("MemorySize", Kind::Integer),
    p("Timeout", Kind::Integer),
    p("Description", Kind::Text),
    p("Environment", Kind::Object(&[p("Variables", Kind::Object(&[]))])),
    p("RuntimeManagementConfig", Kind::Object(RUNTIME_POLICY)),
    p("Tags", Kind::Unmodelled),
    p("Layers", Kind::Unmodelled),
    p("VpcConfig", Kind::Unmodelled),
];

const VERSION: &[Prop] = &[
    req("FunctionName", Kind::Text),
    p("Description", Kind::Text),
    p("CodeSha256", Kind::Text),
    p("RuntimePolicy", Kind::Object(RUNTIME_POLICY)),
    p("ProvisionedConcurrencyConfig", Kind::Unmodelled),
];

const WEIGHT: &[Prop] = &[req("FunctionVersion", Kind::Text), req("FunctionWeight", Kind::Number)];

const ALIAS: &[Prop] = &[
    req("FunctionName", Kind::Text),
    req("FunctionVersion", Kind::Text),
    req("Name", Kind::Text),
    p("Description", Kind::Text),
    p("RoutingConfig", Kind::Object(&[p("AdditionalVersionWeights", Kind::List)])),
    p("ProvisionedConcurrencyConfig", Kind::Unmodelled),
];

const ALARM: &[Prop] = &[
    p("AlarmName", Kind::Text),
    p("AlarmDescription", Kind::Text),
    p("MetricName", Kind::Text),
    p("Namespace", Kind::Text),
    p("Statistic", Kind::Text),
    p("Dimensions", Kind::List),
    p("Period", Kind::Integer),
    req("EvaluationPeriods", Kind::Integer),
    p("Threshold", Kind::Number),
    req("ComparisonOperator", Kind::Text),
    p("TreatMissingData", Kind::Text),
    p("ActionsEnabled", Kind::Unmodelled),
    p("AlarmActions", Kind::Unmodelled),
    p("OKActions", Kind::Unmodelled),
];

const ROLE: &[Prop] = &[
    req("AssumeRolePolicyDocument", Kind::Document),
    p("Description", Kind::Text),
    p("ManagedPolicyArns", Kind::List),
    p("MaxSessionDuration", Kind::Integer),
    p("Path", Kind::Text),
    p("PermissionsBoundary", Kind::Text),
    p("Policies", Kind::List),
    p("RoleName", Kind::Text),
    p("Tags", Kind::List),
];

fn schema(kind: &str) -> &'static [Prop] {
    match kind {
        "AWS::Lambda::Function" => FUNCTION,
        "AWS::Lambda::Version" => VERSION,
        "AWS::Lambda::Alias" => ALIAS,
        "AWS::CloudWatch::Alarm" => ALARM,
        super::template::IAM_ROLE => ROLE,
        _ => &[],
    }
}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "Null",
        Json::Bool(_) => "Boolean",
        Json::Number(_) => "Number",
        Json::String(_) => "String",
        Json::Array(_) => "JSONArray",
        Json::Object(_) => "JSONObject",
    }
}

fn check(path: &str, props: &[Prop], value: &Json, out: &mut Vec<String>) {
    let Json::Object(map) = value else {
        out.push(format!("{path}: expected type: JSONObject, found: {}", type_name(value)));
        return;
    };
    // Open objects (Environment.Variables) take any keys.
    if props.is_empty() {
        return;
    }
    for prop in props.iter().filter(|p| p.required && !map.contains_key(p.name)) {
        out.push(format!("{path}: required key [{}] not found", prop.name));
    }
    for key in map.keys() {
        if !props.iter().any(|p| p.name == key) {
            out.push(format!("{path}: extraneous key [{key}] is not permitted"));
        }
    }
    for prop in props {
        let Some(v) = map.get(prop.name) else { continue };
        let at = format!("{path}/{}", prop.name);
        match prop.kind {
            Kind::Text if !matches!(v, Json::String(_) | Json::Number(_) | Json::Bool(_)) => {
                out.push(format!("{at}: expected type: String, found: {}", type_name(v)))
            }
            Kind::Integer => {
                let n = v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse::<i64>().ok()));
                match n {
                    None => out.push(format!("{at}: expected type: Integer, found: {}", type_name(v))),
                    Some(n) if n < 0 => out.push(format!("{at}: failed validation constraint for keyword [minimum]")),
                    Some(n) if n > i64::from(u32::MAX) => {
                        out.push(format!("{at}: failed validation constraint for keyword [maximum]"))
                    }
                    Some(_) => {}
                }
            }
            Kind::Number => {
                let ok = v.as_f64().is_some() || v.as_str().is_some_and(|s| crate::decimal::parse(s.trim()).is_some());
                if !ok {
                    out.push(format!("{at}: expected type: Number, found: {}", type_name(v)));
                }
            }
            Kind::List if !v.is_array() => out.push(format!("{at}: expected type: JSONArray, found: {}", type_name(v))),
            Kind::Object(inner) => check(&at, inner, v, out),
            Kind::Enum(values) => {
                let text = super::resolve::text(v);
                if !values.contains(&text.as_str()) {
                    out.push(format!("{at}: {text} is not a valid enum value"));
                }
            }
            Kind::Document if !matches!(v, Json::Object(_) | Json::String(_)) => {
                out.push(format!("{at}: expected type: JSONObject, found: {}", type_name(v)))
            }
            Kind::Unmodelled => out.push(format!("{at}: the playground does not model this property")),
            _ => {}
        }
    }
}

/// Checks a resource's resolved properties against its type's schema: `None` when valid, or
/// CloudFormation's message naming the resource.
pub fn validate(logical_id: &str, kind: &str, properties: &Json) -> Option<String> {
    let mut problems = Vec::new();
    check("#", schema(kind), properties, &mut problems);
    // Alias weights are a list of objects.
    if kind == "AWS::Lambda::Alias" {
        if let Some(Json::Array(items)) = properties.pointer("/RoutingConfig/AdditionalVersionWeights") {
            for (i, item) in items.iter().enumerate() {
                check(&format!("#/RoutingConfig/AdditionalVersionWeights/{i}"), WEIGHT, item, &mut problems);
            }
        }
    }
    // IAM's patterns: a path is `/` or `/.../` of printable ASCII; a name is 1 to 64 of
    // `[\w+=,.@-]`.
    if kind == super::template::IAM_ROLE {
        if let Some(path) = text_of(properties, "Path") {
            let printable = path.bytes().all(|b| (0x21..=0x7e).contains(&b));
            if !(printable && path.starts_with('/') && path.ends_with('/')) {
                problems.push("#/Path: failed validation constraint for keyword [pattern]".into());
            }
        }
        if let Some(name) = text_of(properties, "RoleName") {
            if name.is_empty() {
                problems.push("#/RoleName: expected minLength: 1, actual: 0".into());
            } else if name.len() > 64 {
                problems.push(format!("#/RoleName: expected maxLength: 64, actual: {}", name.len()));
            } else if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b)) {
                problems.push("#/RoleName: failed validation constraint for keyword [pattern]".into());
            }
        }
    }
    (!problems.is_empty())
        .then(|| format!("Properties validation failed for resource {logical_id} with message: {}", problems.join(" ")))
}

/// A property as text (numbers and booleans as CloudFormation passes them on).
pub fn text_of(properties: &Json, key: &str) -> Option<String> {
    properties.get(key).map(super::resolve::text)
}

/// A property as an integer (CloudFormation accepts `"128"` as well as `128`).
pub fn integer_of(properties: &Json, key: &str) -> Option<u32> {
    let v = properties.get(key)?;
    v.as_u64().and_then(|n| u32::try_from(n).ok()).or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
}

pub fn number_of(properties: &Json, key: &str) -> Option<f64> {
    let v = properties.get(key)?;
    v.as_f64().or_else(|| v.as_str().and_then(|s| crate::decimal::parse(s.trim())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The launch post's SAM snippet writes `UpdateOn` (LAMBDA.md, "Templates").
    #[test]
    fn the_launch_posts_update_on_is_refused() {
        let props = serde_json::json!({"Role": "r", "Code": {"ZipFile": "x"}, "RuntimeManagementConfig": {"UpdateOn": "Manual"}});
        assert_eq!(
            validate("HelloWorldFunction", "AWS::Lambda::Function", &props).unwrap(),
            "Properties validation failed for resource HelloWorldFunction with message: #/RuntimeManagementConfig: required key [UpdateRuntimeOn] not found #/RuntimeManagementConfig: extraneous key [UpdateOn] is not permitted"
        );
        let ok = serde_json::json!({"Role": "r", "Code": {"ZipFile": "x"}, "MemorySize": "256"});
        assert_eq!(validate("F", "AWS::Lambda::Function", &ok), None);
        let bad = serde_json::json!({"Role": "r", "Code": {"ZipFile": "x"}, "RuntimeManagementConfig": {"UpdateRuntimeOn": "auto"}});
        assert!(validate("F", "AWS::Lambda::Function", &bad)
            .unwrap()
            .ends_with("#/RuntimeManagementConfig/UpdateRuntimeOn: auto is not a valid enum value"));
    }
}
