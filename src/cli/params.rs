//! Option values to request fields, with the AWS CLI's client-side checks and messages:
//! `file://` parameter files, integers, `--zip-file fileb://`, blobs in base64, and structures
//! given as JSON or shorthand.

use crate::model::order::Map;

use serde_json::Value;

use super::error::Failure;
use super::shorthand::{self, Shorthand};
use crate::model::api::{
    AliasRoutingConfiguration, Dimension, EnvironmentVariables, TimeBasedCanary, TimeBasedLinear, TrafficRoutingConfig,
};
use crate::model::ApiError;

/// The files a session holds (what `invoke` wrote): the only files a `file://` value can name.
pub type Files = Map<String, String>;

/// The AWS CLI's message for a `--zip-file` that is not `fileb://<path>` (customizations/awslambda.py).
pub const ZIP_FILE_ERROR: &str =
    "--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip";

/// The key a path is stored under: `./out.json` and `out.json` are the same file.
pub fn file_key(path: &str) -> &str {
    let mut p = path;
    while let Some(rest) = p.strip_prefix("./") {
        p = rest.trim_start_matches('/');
    }
    p
}

/// A value read from a parameter file: its text, and whether `fileb://` (raw bytes) named it.
pub struct Loaded {
    pub text: String,
    pub binary: bool,
}

/// `file://<path>` and `fileb://<path>` read the file, as the AWS CLI does for every parameter.
pub fn load(option: &str, value: &str, files: &Files) -> Result<Loaded, Failure> {
    let (path, binary) = match (value.strip_prefix("file://"), value.strip_prefix("fileb://")) {
        (Some(p), _) => (p, false),
        (_, Some(p)) => (p, true),
        _ => return Ok(Loaded { text: value.to_string(), binary: false }),
    };
    match files.get(file_key(path)) {
        Some(text) => Ok(Loaded { text: text.clone(), binary }),
        None => Err(Failure::client(format!(
            "Error parsing parameter '--{option}': Unable to load paramfile {value}: [Errno 2] No such file or directory: '{path}'"
        ))),
    }
}

/// `--zip-file fileb://<path>`: the path text is the code's identity.
pub fn zip_file(value: &str) -> Result<String, Failure> {
    match value.strip_prefix("fileb://") {
        Some("") => Err(Failure::client(
            "Error parsing parameter '--zip-file': Unable to load paramfile fileb://: [Errno 2] No such file or directory: ''",
        )),
        Some(path) => Ok(path.to_string()),
        None => Err(Failure::client(ZIP_FILE_ERROR)),
    }
}

/// An integer as Python's `int()` reads it: its value where it fits an `i128` (beyond that it is
/// out of every range anyway), and its canonical digits for messages that echo it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PythonInt {
    pub value: Option<i128>,
    /// `-12`, `1000`: sign, no underscores, no leading zeros (what Python prints back).
    pub digits: String,
}

impl PythonInt {
    /// Whether the number is below `bound` (a value too large for i128 is below nothing, or
    /// everything when negative).
    pub fn below(&self, bound: i128) -> bool {
        self.value.map_or(self.digits.starts_with('-'), |n| n < bound)
    }

    pub fn above(&self, bound: i128) -> bool {
        self.value.map_or(!self.digits.starts_with('-'), |n| n > bound)
    }
}

/// Python's `int()`: surrounding whitespace, a sign, digits with single underscores between.
pub fn python_int(value: &str) -> Option<PythonInt> {
    let s = value.trim();
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let well_formed = !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return None;
    }
    let plain: String = digits.chars().filter(char::is_ascii_digit).collect();
    let plain = match plain.trim_start_matches('0') {
        "" => "0",
        rest => rest,
    };
    let magnitude = plain.parse::<i128>().ok();
    let negative = negative && plain != "0";
    Some(PythonInt {
        value: magnitude.map(|m| if negative { -m } else { m }),
        digits: if negative { format!("-{plain}") } else { plain.to_string() },
    })
}

/// An integer parameter's range: its minimum is the botocore model's (checked by the AWS CLI
/// before sending), its maximum the service's.
pub struct Bounds {
    /// The request member, as botocore names it: `Timeout`.
    pub member: &'static str,
    /// The service's field name: `timeout`.
    pub field: &'static str,
    pub min: i128,
    pub max: i128,
}

/// botocore's client-side check (`Parameter validation failed:`): it checks minimums only, never
/// maximums, patterns or enums, which are the service's (botocore/validate.py).
pub fn below_minimum(problems: &[String]) -> Result<(), Failure> {
    if problems.is_empty() {
        return Ok(());
    }
    Err(Failure::client(format!("Parameter validation failed:\n{}", problems.join("\n"))))
}

/// A string parameter shorter than its model minimum, as botocore words it.
pub fn too_short(member: &str, value: &str, min: usize) -> Option<String> {
    let len = value.chars().count();
    (len < min).then(|| format!("Invalid length for parameter {member}, value: {len}, valid min length: {min}"))
}

pub fn integer(value: &str, operation: &str, bounds: &Bounds) -> Result<u32, Failure> {
    // The AWS CLI converts with int() and lets Python's message through.
    let n = python_int(value)
        .ok_or_else(|| Failure::client(format!("invalid literal for int() with base 10: '{value}'")))?;
    if n.below(bounds.min) {
        below_minimum(&[format!(
            "Invalid value for parameter {}, value: {}, valid min value: {}",
            bounds.member, n.digits, bounds.min
        )])?;
    }
    if n.above(bounds.max) {
        let constraint = format!("Member must have value less than or equal to {}", bounds.max);
        return Err(Failure::api(operation, &ApiError::validation(&n.digits, bounds.field, &constraint)));
    }
    // In range, so it fits: the bounds are within u32.
    Ok(n.value.unwrap_or_default() as u32)
}

/// A blob parameter (`--payload`): base64 unless `--cli-binary-format raw-in-base64-out`, and
/// never for `fileb://` contents, which are raw bytes already.
pub fn blob(option: &str, value: &str, raw: bool, files: &Files) -> Result<String, Failure> {
    let loaded = load(option, value, files)?;
    if raw || loaded.binary {
        return Ok(loaded.text);
    }
    let bytes = crate::model::digest::python_b64decode(&loaded.text)
        .ok_or_else(|| Failure::client(format!("Invalid base64: \"{}\"", loaded.text)))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// How Python prints a value in botocore's messages (`value: 1, type: <class 'int'>`).
fn python(value: &Value, nested: bool) -> (String, &'static str) {
    match value {
        Value::Null => ("None".into(), "NoneType"),
        Value::Bool(b) => ((if *b { "True" } else { "False" }).into(), "bool"),
        Value::Number(n) => (n.to_string(), if n.is_f64() { "float" } else { "int" }),
        Value::String(s) if nested => (format!("'{s}'"), "str"),
        Value::String(s) => (s.clone(), "str"),
        Value::Array(items) => {
            let shown: Vec<String> = items.iter().map(|v| python(v, true).0).collect();
            (format!("[{}]", shown.join(", ")), "list")
        }
        Value::Object(map) => {
            let shown: Vec<String> = map.iter().map(|(k, v)| format!("'{k}': {}", python(v, true).0)).collect();
            (format!("{{{}}}", shown.join(", ")), "dict")
        }
    }
}

fn invalid_type(path: &str, value: &Value, valid: &str) -> String {
    let (shown, kind) = python(value, false);
    format!("Invalid type for parameter {path}, value: {shown}, type: <class '{kind}'>, valid types: <class '{valid}'>")
}

fn shorthand_to_json(s: Shorthand) -> Value {
    match s {
        Shorthand::Text(t) => Value::String(t),
        Shorthand::List(items) => Value::Array(items.into_iter().map(shorthand_to_json).collect()),
        Shorthand::Map(pairs) => Value::Object(pairs.into_iter().map(|(k, v)| (k, shorthand_to_json(v))).collect()),
    }
}

/// A structure parameter: JSON when it starts with `{`, shorthand otherwise.
pub fn structure(option: &str, value: &str, files: &Files) -> Result<Value, Failure> {
    let text = load(option, value, files)?.text;
    let trimmed = text.trim_start();
    let parse_error = |detail: String| Failure::client(format!("Error parsing parameter '--{option}': {detail}"));
    if trimmed.starts_with('{') {
        return serde_json::from_str(&text)
            .map_err(|e| parse_error(format!("Invalid JSON: {e}\nJSON received: {text}")));
    }
    if trimmed.starts_with('[') {
        return Err(parse_error(format!("Invalid JSON:\n{text}")));
    }
    shorthand::parse(&text).map(shorthand_to_json).map_err(parse_error)
}

/// `--dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live` (one shorthand
/// structure per word) or a JSON list of them.
pub fn dimensions(words: &[String], files: &Files) -> Result<Vec<Dimension>, Failure> {
    let mut items = Vec::new();
    for word in words {
        let text = load("dimensions", word, files)?.text;
        if text.trim_start().starts_with('[') {
            let parsed: Value = serde_json::from_str(&text).map_err(|e| {
                Failure::client(format!(
                    "Error parsing parameter '--dimensions': Invalid JSON: {e}\nJSON received: {text}"
                ))
            })?;
            match parsed {
                Value::Array(list) => items.extend(list),
                other => items.push(other),
            }
        } else {
            items.push(structure("dimensions", word, files)?);
        }
    }
    let mut errors = Vec::new();
    let mut dimensions = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Object(map) = item else {
            errors.push(invalid_type(&format!("Dimensions[{i}]"), item, "dict"));
            continue;
        };
        let mut member = |key: &str| match map.get(key) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                errors.push(invalid_type(&format!("Dimensions[{i}].{key}"), other, "str"));
                String::new()
            }
            None => {
                errors.push(format!("Missing required parameter in Dimensions[{i}]: \"{key}\""));
                String::new()
            }
        };
        let (name, value) = (member("Name"), member("Value"));
        for key in map.keys().filter(|k| *k != "Name" && *k != "Value") {
            errors.push(format!("Unknown parameter in Dimensions[{i}]: \"{key}\", must be one of: Name, Value"));
        }
        dimensions.push(Dimension { name, value });
    }
    if !errors.is_empty() {
        return Err(Failure::client(format!("Parameter validation failed:\n{}", errors.join("\n"))));
    }
    Ok(dimensions)
}

/// `--traffic-routing-config`: shorthand or JSON, its numbers given as text or numbers.
pub fn traffic_routing_config(value: &str, files: &Files) -> Result<TrafficRoutingConfig, Failure> {
    let parsed = structure("traffic-routing-config", value, files)?;
    let mut errors = Vec::new();
    let Value::Object(map) = &parsed else {
        return Err(Failure::client(format!(
            "Parameter validation failed:\n{}",
            invalid_type("trafficRoutingConfig", &parsed, "dict")
        )));
    };
    let mut out = TrafficRoutingConfig::default();
    let int = |errors: &mut Vec<String>, path: String, v: Option<&Value>| -> i64 {
        match v {
            None => 0,
            Some(Value::Number(n)) if n.is_i64() => n.as_i64().unwrap_or_default(),
            Some(Value::String(s)) if s.trim().parse::<i64>().is_ok() => s.trim().parse().unwrap_or_default(),
            Some(other) => {
                errors.push(invalid_type(&path, other, "int"));
                0
            }
        }
    };
    for (key, v) in map {
        let members = |errors: &mut Vec<String>, names: [&str; 2]| -> [i64; 2] {
            let Value::Object(m) = v else {
                errors.push(invalid_type(&format!("trafficRoutingConfig.{key}"), v, "dict"));
                return [0, 0];
            };
            for k in m.keys().filter(|k| !names.contains(&k.as_str())) {
                errors.push(format!(
                    "Unknown parameter in trafficRoutingConfig.{key}: \"{k}\", must be one of: {}",
                    names.join(", ")
                ));
            }
            names.map(|n| int(errors, format!("trafficRoutingConfig.{key}.{n}"), m.get(n)))
        };
        match key.as_str() {
            "type" => match v {
                Value::String(s) => out.kind = Some(s.clone()),
                other => errors.push(invalid_type("trafficRoutingConfig.type", other, "str")),
            },
            "timeBasedCanary" => {
                let [p, i] = members(&mut errors, ["canaryPercentage", "canaryInterval"]);
                out.time_based_canary = Some(TimeBasedCanary { canary_percentage: p, canary_interval: i });
            }
            "timeBasedLinear" => {
                let [p, i] = members(&mut errors, ["linearPercentage", "linearInterval"]);
                out.time_based_linear = Some(TimeBasedLinear { linear_percentage: p, linear_interval: i });
            }
            other => errors.push(format!(
                "Unknown parameter in trafficRoutingConfig: \"{other}\", must be one of: type, timeBasedCanary, timeBasedLinear"
            )),
        }
    }
    if !errors.is_empty() {
        return Err(Failure::client(format!("Parameter validation failed:\n{}", errors.join("\n"))));
    }
    Ok(out)
}

/// `--environment`: `Variables={KEY=value}` or `{"Variables": {"KEY": "value"}}`, checked the way
/// botocore validates parameters before sending them.
pub fn environment(value: &str, files: &Files) -> Result<EnvironmentVariables, Failure> {
    let parsed = structure("environment", value, files)?;
    let mut errors = Vec::new();
    let mut variables = Map::new();
    match &parsed {
        Value::Object(map) => {
            for (key, v) in map {
                if key != "Variables" {
                    errors.push(format!("Unknown parameter in Environment: \"{key}\", must be one of: Variables"));
                    continue;
                }
                match v {
                    Value::Object(vars) => {
                        for (name, v) in vars {
                            match v {
                                Value::String(s) => {
                                    variables.insert(name.clone(), s.clone());
                                }
                                other => {
                                    errors.push(invalid_type(&format!("Environment.Variables.{name}"), other, "str"))
                                }
                            }
                        }
                    }
                    other => errors.push(invalid_type("Environment.Variables", other, "dict")),
                }
            }
        }
        other => errors.push(invalid_type("Environment", other, "dict")),
    }
    if !errors.is_empty() {
        return Err(Failure::client(format!("Parameter validation failed:\n{}", errors.join("\n"))));
    }
    Ok(EnvironmentVariables { variables })
}

/// `--routing-config`: `AdditionalVersionWeights={"2"=0.1}` or
/// `{"AdditionalVersionWeights": {"2": 0.1}}`, checked the way botocore validates parameters (a
/// shorthand weight is text the CLI converts to the model's double).
pub fn routing_config(value: &str, files: &Files) -> Result<AliasRoutingConfiguration, Failure> {
    let parsed = structure("routing-config", value, files)?;
    let mut errors = Vec::new();
    let mut weights = Map::new();
    match &parsed {
        Value::Object(map) => {
            for (key, v) in map {
                if key != "AdditionalVersionWeights" {
                    errors.push(format!(
                        "Unknown parameter in RoutingConfig: \"{key}\", must be one of: AdditionalVersionWeights"
                    ));
                    continue;
                }
                let Value::Object(entries) = v else {
                    errors.push(invalid_type("RoutingConfig.AdditionalVersionWeights", v, "dict"));
                    continue;
                };
                for (version, w) in entries {
                    let weight = match w {
                        Value::Number(n) => n.as_f64(),
                        Value::String(s) => crate::model::decimal::parse(s.trim()),
                        _ => None,
                    };
                    match weight {
                        Some(weight) => {
                            weights.insert(version.clone(), weight);
                        }
                        None => errors.push(format!(
                            "{}, <class 'decimal.Decimal'>, <class 'int'>",
                            invalid_type(&format!("RoutingConfig.AdditionalVersionWeights.{version}"), w, "float")
                        )),
                    }
                }
            }
        }
        other => errors.push(invalid_type("RoutingConfig", other, "dict")),
    }
    if !errors.is_empty() {
        return Err(Failure::client(format!("Parameter validation failed:\n{}", errors.join("\n"))));
    }
    Ok(AliasRoutingConfiguration { additional_version_weights: weights })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files {
        Files::from([("out.json".to_string(), "{\"a\": 1}".to_string())])
    }

    #[test]
    fn environment_from_shorthand_and_json() {
        let want: Map<String, String> = [("A".into(), "b".into()), ("C".into(), "d e".into())].into();
        assert_eq!(environment("Variables={A=b,C='d e'}", &files()).unwrap().variables, want);
        assert_eq!(environment(r#"{"Variables":{"A":"b","C":"d e"}}"#, &files()).unwrap().variables, want);
        assert!(environment("Variables={}", &files()).unwrap().variables.is_empty());
    }

    #[test]
    fn environment_errors_name_the_problem() {
        let e = environment("Variables", &files()).unwrap_err();
        assert!(e.printed.starts_with("Error parsing parameter '--environment': Expected: '='"), "{}", e.printed);
        let e = environment(r#"{"Variables": {"A": 1, "B": true}}"#, &files()).unwrap_err();
        assert_eq!(
            e.printed,
            "Parameter validation failed:\n\
             Invalid type for parameter Environment.Variables.A, value: 1, type: <class 'int'>, valid types: <class 'str'>\n\
             Invalid type for parameter Environment.Variables.B, value: True, type: <class 'bool'>, valid types: <class 'str'>"
        );
        let e = environment("Foo={A=b}", &files()).unwrap_err();
        assert!(e.printed.contains("Unknown parameter in Environment: \"Foo\", must be one of: Variables"));
        let e = environment("Variables=abc", &files()).unwrap_err();
        assert!(e.printed.contains("Environment.Variables, value: abc, type: <class 'str'>"));
        let e = environment("{\"Variables\": ", &files()).unwrap_err();
        assert!(e.printed.contains("Invalid JSON: ") && e.printed.contains("JSON received: {\"Variables\": "));
        let e = environment("[1]", &files()).unwrap_err();
        assert_eq!(e.printed, "Error parsing parameter '--environment': Invalid JSON:\n[1]");
    }

    #[test]
    fn integers_follow_python_and_the_service() {
        assert_eq!(python_int(" +1_000 ").and_then(|n| n.value), Some(1000));
        assert_eq!(python_int("-007").map(|n| n.digits), Some("-7".into()));
        assert_eq!(python_int("-0").map(|n| n.digits), Some("0".into()));
        for bad in ["", "1.5", "1__0", "_1", "abc", "0x10", "1e3"] {
            assert_eq!(python_int(bad), None, "{bad}");
        }
        let bounds = Bounds { member: "Timeout", field: "timeout", min: 1, max: 900 };
        assert_eq!(integer("30", "CreateFunction", &bounds).unwrap(), 30);
        let e = integer("abc", "CreateFunction", &bounds).unwrap_err();
        assert_eq!(e.printed, "invalid literal for int() with base 10: 'abc'");
        // Below the minimum, the AWS CLI refuses before sending (botocore checks minimums).
        let e = integer("-5", "CreateFunction", &bounds).unwrap_err();
        assert_eq!((e.error.code.as_str(), e.error.status), ("UsageError", 252));
        assert_eq!(
            e.printed,
            "Parameter validation failed:\nInvalid value for parameter Timeout, value: -5, valid min value: 1"
        );
        // Issue 8: a number beyond i128 is echoed as given, not as i128::MAX.
        let huge = "99999999999999999999999999999999999999999999";
        let e = integer(huge, "CreateFunction", &bounds).unwrap_err();
        assert!(e.error.message.contains(&format!("Value '{huge}' at 'timeout'")), "{}", e.error.message);
        assert!(e.error.message.contains("less than or equal to 900"));
        let e = integer(&format!("-{huge}"), "CreateFunction", &bounds).unwrap_err();
        assert!(e.printed.ends_with(&format!("value: -{huge}, valid min value: 1")), "{}", e.printed);
    }

    #[test]
    fn blobs_and_parameter_files() {
        assert_eq!(blob("payload", "eyJhIjogMX0=", false, &files()).unwrap(), "{\"a\": 1}");
        assert_eq!(blob("payload", "{\"a\":1}", true, &files()).unwrap(), "{\"a\":1}");
        assert_eq!(blob("payload", "{\"a\":1}", false, &files()).unwrap_err().printed, "Invalid base64: \"{\"a\":1}\"");
        assert_eq!(blob("payload", "fileb://out.json", false, &files()).unwrap(), "{\"a\": 1}");
        assert_eq!(blob("payload", "file://./out.json", true, &files()).unwrap(), "{\"a\": 1}");
        let e = blob("payload", "file://missing.json", true, &files()).unwrap_err();
        assert_eq!(
            e.printed,
            "Error parsing parameter '--payload': Unable to load paramfile file://missing.json: \
             [Errno 2] No such file or directory: 'missing.json'"
        );
    }

    #[test]
    fn zip_files_need_fileb() {
        assert_eq!(zip_file("fileb://code/v1.zip").unwrap(), "code/v1.zip");
        for bad in ["code.zip", "file://code.zip", "s3://bucket/code.zip"] {
            assert_eq!(zip_file(bad).unwrap_err().printed, ZIP_FILE_ERROR, "{bad}");
        }
        assert!(zip_file("fileb://").unwrap_err().printed.contains("No such file"));
    }
}
