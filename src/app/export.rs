//! `sim export`: the region's functions as a template or code that reproduces them, with each
//! tool's own property names: SAM, CloudFormation, CDK (TypeScript) and Terraform. A SAM or
//! CloudFormation export deployed into a fresh session gives the same functions, runtime
//! settings, versions, aliases and alarms (a property test checks it).
//!
//! [choice] A template can publish only what `$LATEST` is now: a published version is exported
//! when its code and configuration are `$LATEST`'s (the newest such one); older versions, and
//! aliases on them, are listed as comments, since their code is nowhere to deploy from.

use crate::model::decimal::shortest;
use std::fmt::Write;

use crate::model::api::PutMetricAlarmRequest;
use crate::model::function::{Function, FunctionVersion, Qualifier, VersionId};
use crate::model::{Lambda, UpdateRuntimeOn};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Sam,
    CloudFormation,
    Cdk,
    Terraform,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s {
            "sam" => Format::Sam,
            "cloudformation" => Format::CloudFormation,
            "cdk" => Format::Cdk,
            "terraform" => Format::Terraform,
            _ => return None,
        })
    }
}

/// An alias: its name, primary version, and routing (extra version, weight).
/// An alias: its name, version and routing, and the names the export gives its resource: a
/// logical-id suffix for CloudFormation and CDK, a name for Terraform. Both are unique within
/// the function (`a-b` and `a_b` would otherwise both be `AB`, or `a_b`).
struct AliasExport {
    name: String,
    primary: Qualifier,
    routing: Option<(u32, f64)>,
    description: String,
    id: String,
    tf: String,
}

/// `base`, or `base` with a number after it, whichever `taken` does not hold yet (then it does).
fn unique(taken: &mut Vec<String>, base: String) -> String {
    let mut name = base.clone();
    let mut n = 1;
    while taken.contains(&name) {
        n += 1;
        name = format!("{base}{n}");
    }
    taken.push(name.clone());
    name
}

/// One function as the export sees it.
struct Exported<'a> {
    name: String,
    id: String,
    latest: &'a FunctionVersion,
    /// The published version a deploy can recreate (number, version).
    version: Option<(u32, &'a FunctionVersion)>,
    /// Versions it cannot, by number.
    skipped: Vec<u32>,
    aliases: Vec<AliasExport>,
    skipped_aliases: Vec<String>,
}

/// `shop-orders` to `ShopOrders`: a logical id from a name.
fn camel(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn functions<'a>(l: &'a Lambda, region: &str, only: Option<&str>) -> Vec<Exported<'a>> {
    let mut out = Vec::new();
    for ((r, name), f) in l.functions() {
        if r != region || only.is_some_and(|o| o != name) {
            continue;
        }
        let Some(latest) = l.version(f.latest) else { continue };
        // A logical id per function: alphanumeric, never empty, never the same as another's.
        let mut id = camel(name);
        if id.is_empty() {
            id = format!("Fn{}", out.len() + 1);
        }
        while out.iter().any(|e: &Exported| e.id == id) {
            id.push('X');
        }
        // A version's description is its own (PublishVersion's --description; the template's
        // Version Description): the rest of its configuration must be $LATEST's.
        let recreatable = |v: &FunctionVersion| {
            v.code.sha256 == latest.code.sha256
                && crate::model::function::Configuration {
                    description: latest.config.description.clone(),
                    ..v.config.clone()
                } == latest.config
        };
        let version = published(l, f).rev().find(|(_, v)| recreatable(v));
        let skipped = published(l, f).map(|(n, _)| n).filter(|n| Some(*n) != version.map(|v| v.0)).collect();
        let on = |q: Qualifier| match q {
            Qualifier::Latest => true,
            Qualifier::Version(n) => version.is_some_and(|v| v.0 == n),
        };
        let mut aliases = Vec::new();
        let mut skipped_aliases = Vec::new();
        let (mut ids, mut tfs) = (Vec::new(), Vec::new());
        for (alias, a) in &f.aliases {
            if on(a.function_version) && a.routing.is_none_or(|(n, _)| on(Qualifier::Version(n))) {
                aliases.push(AliasExport {
                    name: alias.clone(),
                    primary: a.function_version,
                    routing: a.routing,
                    description: a.description.clone(),
                    id: unique(&mut ids, camel(alias)),
                    tf: unique(&mut tfs, alias.replace(|ch: char| !ch.is_ascii_alphanumeric(), "_")),
                });
            } else {
                skipped_aliases.push(alias.clone());
            }
        }
        out.push(Exported { name: name.clone(), id, latest, version, skipped, aliases, skipped_aliases });
    }
    out
}

/// A published version's description when it is its own (PublishVersion gives a version the
/// function's description unless told another).
fn own_description<'a>(f: &Exported, v: &'a FunctionVersion) -> Option<&'a str> {
    (v.config.description != f.latest.config.description).then_some(v.config.description.as_str())
}

fn published<'a>(l: &'a Lambda, f: &'a Function) -> impl DoubleEndedIterator<Item = (u32, &'a FunctionVersion)> + 'a {
    f.published.iter().filter_map(move |(n, id): (&u32, &VersionId)| l.version(*id).map(|v| (*n, v)))
}

fn mode(v: &FunctionVersion) -> &'static str {
    match v.mode() {
        UpdateRuntimeOn::Auto => "Auto",
        UpdateRuntimeOn::FunctionUpdate => "FunctionUpdate",
        UpdateRuntimeOn::Manual => "Manual",
    }
}

/// The alarms that watch an exported function.
fn alarms(l: &Lambda, region: &str, names: &[String]) -> Vec<PutMetricAlarmRequest> {
    l.alarm_definitions(region)
        .into_iter()
        .filter(|a| a.dimensions.iter().any(|d| d.name == "FunctionName" && names.contains(&d.value)))
        .collect()
}

/// The export of a region's functions (or one of them).
pub fn export(l: &Lambda, region: &str, format: Format, only: Option<&str>) -> Result<String, String> {
    let fns = functions(l, region, only);
    if fns.is_empty() {
        return Err(match only {
            Some(name) => format!("sim export: no function {name} in {region}"),
            None => format!("sim export: no functions in {region}"),
        });
    }
    let names: Vec<String> = fns.iter().map(|f| f.name.clone()).collect();
    let alarms = alarms(l, region, &names);
    let runtime = |v: &FunctionVersion| l.catalogue()[v.config.runtime].id.clone();
    let mut out = String::new();
    match format {
        Format::Sam | Format::CloudFormation => {
            let sam = format == Format::Sam;
            let _ = writeln!(out, "AWSTemplateFormatVersion: '2010-09-09'");
            if sam {
                let _ = writeln!(out, "Transform: AWS::Serverless-2016-10-31");
            }
            let described = format!("Exported from the Lambda Runtime Playground ({region}, {})", l.now().rfc3339());
            let _ = writeln!(out, "Description: {}", q(&described));
            let _ = writeln!(out, "Resources:");
            for f in &fns {
                template_function(&mut out, f, &runtime(f.latest), sam);
            }
            for (i, a) in alarms.iter().enumerate() {
                template_alarm(&mut out, i, a);
            }
        }
        Format::Cdk => cdk(&mut out, &fns, &alarms, &runtime),
        Format::Terraform => terraform(&mut out, &fns, &alarms, &runtime),
    }
    Ok(out)
}

fn template_function(out: &mut String, f: &Exported, runtime: &str, sam: bool) {
    let v = f.latest;
    let c = &v.config;
    let id = format!("{}Function", f.id);
    let _ = writeln!(out, "  {id}:");
    let _ = writeln!(out, "    Type: {}", if sam { "AWS::Serverless::Function" } else { "AWS::Lambda::Function" });
    let _ = writeln!(out, "    Properties:");
    let _ = writeln!(out, "      FunctionName: {}", q(&f.name));
    if sam {
        let _ = writeln!(out, "      CodeUri: {}", q(&v.code.location));
    } else {
        let _ = writeln!(out, "      Code:\n        ZipFile: {}", q(&v.code.location));
    }
    let _ = writeln!(out, "      Runtime: {}", q(runtime));
    let _ = writeln!(out, "      Handler: {}", q(&c.handler));
    let _ = writeln!(out, "      Role: {}", q(&c.role));
    let _ = writeln!(out, "      Architectures: [{}]", q(&c.architecture));
    let _ = writeln!(out, "      MemorySize: {}\n      Timeout: {}", c.memory_size, c.timeout);
    if !c.description.is_empty() {
        let _ = writeln!(out, "      Description: {}", q(&c.description));
    }
    if !c.environment.is_empty() {
        let _ = writeln!(out, "      Environment:\n        Variables:");
        for (k, val) in &c.environment {
            let _ = writeln!(out, "          {k}: {}", q(val));
        }
    }
    runtime_policy(out, "RuntimeManagementConfig", v, 6);
    for n in &f.skipped {
        let _ =
            writeln!(out, "  # Version {n} of {} is not exported: its code or configuration is not $LATEST's.", f.name);
    }
    if let Some((n, pv)) = f.version {
        let _ = writeln!(out, "  {}Version{n}:\n    Type: AWS::Lambda::Version\n    Properties:", f.id);
        let _ = writeln!(out, "      FunctionName: !Ref {id}");
        if let Some(d) = own_description(f, pv) {
            let _ = writeln!(out, "      Description: {}", q(d));
        }
        runtime_policy(out, "RuntimePolicy", pv, 6);
    }
    for AliasExport { name: alias, primary, routing, description, id: suffix, .. } in &f.aliases {
        let version = |q: Qualifier| match q {
            Qualifier::Latest => "'$LATEST'".to_string(),
            Qualifier::Version(n) => format!("!GetAtt {}Version{n}.Version", f.id),
        };
        let _ = writeln!(out, "  {}Alias{suffix}:\n    Type: AWS::Lambda::Alias\n    Properties:", f.id);
        let _ = writeln!(out, "      FunctionName: !Ref {id}\n      Name: {}", q(alias));
        let _ = writeln!(out, "      FunctionVersion: {}", version(*primary));
        if !description.is_empty() {
            let _ = writeln!(out, "      Description: {}", q(description));
        }
        if let Some((n, w)) = routing {
            let _ = writeln!(out, "      RoutingConfig:\n        AdditionalVersionWeights:");
            let _ = writeln!(
                out,
                "          - FunctionVersion: {}\n            FunctionWeight: {}",
                version(Qualifier::Version(*n)),
                shortest(*w)
            );
        }
    }
    for alias in &f.skipped_aliases {
        let _ = writeln!(out, "  # Alias {alias} of {} is not exported: it routes to a version that is not.", f.name);
    }
}

fn runtime_policy(out: &mut String, key: &str, v: &FunctionVersion, indent: usize) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}:\n{pad}  UpdateRuntimeOn: {}", mode(v));
    if let Some(arn) = &v.runtime_management.runtime_version_arn {
        let _ = writeln!(out, "{pad}  RuntimeVersionArn: {}", q(arn));
    }
}

fn template_alarm(out: &mut String, i: usize, a: &PutMetricAlarmRequest) {
    let _ =
        writeln!(out, "  Alarm{}{}:\n    Type: AWS::CloudWatch::Alarm\n    Properties:", i + 1, camel(&a.alarm_name));
    let _ = writeln!(out, "      AlarmName: {}", q(&a.alarm_name));
    for (k, v) in [
        ("AlarmDescription", &a.alarm_description),
        ("Namespace", &a.namespace),
        ("MetricName", &a.metric_name),
        ("Statistic", &a.statistic),
    ] {
        if let Some(v) = v {
            let _ = writeln!(out, "      {k}: {}", q(v));
        }
    }
    if let Some(p) = a.period {
        let _ = writeln!(out, "      Period: {p}");
    }
    let _ = writeln!(out, "      EvaluationPeriods: {}", a.evaluation_periods);
    if let Some(t) = a.threshold {
        let _ = writeln!(out, "      Threshold: {}", shortest(t));
    }
    let _ = writeln!(out, "      ComparisonOperator: {}", q(&a.comparison_operator));
    if let Some(t) = &a.treat_missing_data {
        let _ = writeln!(out, "      TreatMissingData: {}", q(t));
    }
    if !a.dimensions.is_empty() {
        let _ = writeln!(out, "      Dimensions:");
        for d in &a.dimensions {
            let _ = writeln!(out, "        - Name: {}\n          Value: {}", q(&d.name), q(&d.value));
        }
    }
}

/// `python3.9` to `PYTHON_3_9`, `nodejs18.x` to `NODEJS_18_X`: CDK's `Runtime` constants.
fn cdk_runtime(id: &str) -> String {
    let split = id.find(|c: char| c.is_ascii_digit() || c == '.').unwrap_or(id.len());
    let (family, rest) = id.split_at(split);
    let rest = rest.trim_start_matches('.').replace('.', "_").to_ascii_uppercase();
    if rest.is_empty() {
        family.to_ascii_uppercase()
    } else {
        format!("{}_{rest}", family.to_ascii_uppercase())
    }
}

fn cdk(
    out: &mut String,
    fns: &[Exported],
    alarms: &[PutMetricAlarmRequest],
    runtime: &dyn Fn(&FunctionVersion) -> String,
) {
    let _ = writeln!(out, "import * as cdk from 'aws-cdk-lib';\nimport * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';\nimport * as iam from 'aws-cdk-lib/aws-iam';\nimport * as lambda from 'aws-cdk-lib/aws-lambda';\nimport {{ Construct }} from 'constructs';\n");
    let _ = writeln!(out, "export class PlaygroundStack extends cdk.Stack {{\n  constructor(scope: Construct, id: string, props?: cdk.StackProps) {{\n    super(scope, id, props);");
    let mode = |v: &FunctionVersion| match v.mode() {
        UpdateRuntimeOn::Auto => "lambda.RuntimeManagementMode.AUTO".to_string(),
        UpdateRuntimeOn::FunctionUpdate => "lambda.RuntimeManagementMode.FUNCTION_UPDATE".to_string(),
        UpdateRuntimeOn::Manual => format!(
            "lambda.RuntimeManagementMode.manual({})",
            q(v.runtime_management.runtime_version_arn.as_deref().unwrap_or_default())
        ),
    };
    for f in fns {
        let v = f.latest;
        let c = &v.config;
        let mut chars = f.id.chars();
        let var = chars.next().map(|c| c.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default();
        let _ = writeln!(out, "\n    const {var} = new lambda.Function(this, '{}Function', {{", f.id);
        let _ = writeln!(
            out,
            "      functionName: {},\n      runtime: lambda.Runtime.{},",
            q(&f.name),
            cdk_runtime(&runtime(v))
        );
        let _ = writeln!(
            out,
            "      handler: {},\n      code: lambda.Code.fromAsset({}),",
            q(&c.handler),
            q(&v.code.location)
        );
        let _ = writeln!(out, "      role: iam.Role.fromRoleArn(this, '{}Role', {}),", f.id, q(&c.role));
        let arch = if c.architecture == "arm64" { "ARM_64" } else { "X86_64" };
        let _ = writeln!(out, "      architecture: lambda.Architecture.{arch},\n      memorySize: {},\n      timeout: cdk.Duration.seconds({}),", c.memory_size, c.timeout);
        if !c.description.is_empty() {
            let _ = writeln!(out, "      description: {},", q(&c.description));
        }
        if !c.environment.is_empty() {
            let vars: Vec<String> = c.environment.iter().map(|(k, val)| format!("{}: {}", q(k), q(val))).collect();
            let _ = writeln!(out, "      environment: {{ {} }},", vars.join(", "));
        }
        let _ = writeln!(out, "      runtimeManagementMode: {},\n    }});", mode(v));
        if let Some((n, pv)) = f.version {
            let _ = writeln!(
                out,
                "    // CDK has no property for a version's own runtime management mode; version {n} uses {}.",
                mode(pv)
            );
            let _ = writeln!(
                out,
                "    const {var}V{n} = new lambda.Version(this, '{}Version{n}', {{ lambda: {var}{} }});",
                f.id,
                own_description(f, pv).map(|d| format!(", description: {}", q(d))).unwrap_or_default()
            );
        }
        for AliasExport { name: alias, primary, routing, description, id: suffix, .. } in &f.aliases {
            let version = |q: Qualifier| match q {
                Qualifier::Latest => format!("{var}.latestVersion"),
                Qualifier::Version(n) => format!("{var}V{n}"),
            };
            let extra = routing.map(|(n, w)| {
                format!(
                    ", additionalVersions: [{{ version: {}, weight: {} }}]",
                    version(Qualifier::Version(n)),
                    shortest(w)
                )
            });
            let _ = writeln!(
                out,
                "    new lambda.Alias(this, '{}Alias{suffix}', {{ aliasName: {}, version: {}{}{} }});",
                f.id,
                q(alias),
                version(*primary),
                if description.is_empty() { String::new() } else { format!(", description: {}", q(description)) },
                extra.unwrap_or_default()
            );
        }
    }
    for (i, a) in alarms.iter().enumerate() {
        let dims: Vec<String> = a.dimensions.iter().map(|d| format!("{}: {}", q(&d.name), q(&d.value))).collect();
        let _ = writeln!(
            out,
            "\n    new cloudwatch.Alarm(this, 'Alarm{}{}', {{\n      alarmName: {},",
            i + 1,
            camel(&a.alarm_name),
            q(&a.alarm_name)
        );
        let _ = writeln!(out, "      metric: new cloudwatch.Metric({{ namespace: {}, metricName: {}, statistic: {}, period: cdk.Duration.seconds({}), dimensionsMap: {{ {} }} }}),",
            q(a.namespace.as_deref().unwrap_or_default()), q(a.metric_name.as_deref().unwrap_or_default()), q(a.statistic.as_deref().unwrap_or_default()), a.period.unwrap_or(60), dims.join(", "));
        let treat = a
            .treat_missing_data
            .as_deref()
            .map(|t| format!("      treatMissingData: cloudwatch.TreatMissingData.{},\n", screaming(t)))
            .unwrap_or_default();
        let _ = writeln!(out, "      evaluationPeriods: {},\n      threshold: {},\n      comparisonOperator: cloudwatch.ComparisonOperator.{},\n{treat}    }});",
            a.evaluation_periods, shortest(a.threshold.unwrap_or(0.0)), screaming(&a.comparison_operator));
    }
    let _ = writeln!(out, "  }}\n}}");
}

/// `GreaterThanThreshold` to `GREATER_THAN_THRESHOLD`.
fn screaming(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn terraform(
    out: &mut String,
    fns: &[Exported],
    alarms: &[PutMetricAlarmRequest],
    runtime: &dyn Fn(&FunctionVersion) -> String,
) {
    for f in fns {
        let v = f.latest;
        let c = &v.config;
        // From the export's unique id (`my-fn` and `my_fn` stay apart), in Terraform's snake case.
        let r = screaming(&f.id).to_ascii_lowercase();
        let _ = writeln!(out, "resource \"aws_lambda_function\" \"{r}\" {{");
        let _ = writeln!(
            out,
            "  function_name = {}\n  runtime       = {}\n  handler       = {}",
            q(&f.name),
            q(&runtime(v)),
            q(&c.handler)
        );
        let _ = writeln!(
            out,
            "  role          = {}\n  filename      = {}\n  architectures = [{}]",
            q(&c.role),
            q(&v.code.location),
            q(&c.architecture)
        );
        let _ = writeln!(out, "  memory_size   = {}\n  timeout       = {}", c.memory_size, c.timeout);
        if !c.description.is_empty() {
            let _ = writeln!(out, "  description   = {}", q(&c.description));
        }
        let _ = writeln!(out, "  publish       = {}", f.version.is_some());
        if !c.environment.is_empty() {
            let _ = writeln!(out, "\n  environment {{\n    variables = {{");
            for (k, val) in &c.environment {
                let _ = writeln!(out, "      {k} = {}", q(val));
            }
            let _ = writeln!(out, "    }}\n  }}");
        }
        let _ = writeln!(out, "}}\n");
        let config = |out: &mut String, name: &str, qualifier: Option<&str>, v: &FunctionVersion| {
            let _ = writeln!(out, "resource \"aws_lambda_runtime_management_config\" \"{name}\" {{");
            let _ = writeln!(out, "  function_name     = aws_lambda_function.{r}.function_name");
            if let Some(qual) = qualifier {
                let _ = writeln!(out, "  qualifier         = {qual}");
            }
            let _ = writeln!(out, "  update_runtime_on = {}", q(mode(v)));
            if let Some(arn) = &v.runtime_management.runtime_version_arn {
                let _ = writeln!(out, "  runtime_version_arn = {}", q(arn));
            }
            let _ = writeln!(out, "}}\n");
        };
        config(out, &r, None, v);
        if let Some((n, pv)) = f.version {
            if own_description(f, pv).is_some() {
                let _ = writeln!(
                    out,
                    "# Terraform publishes versions with the function's description: version {n}'s own is not exported.\n"
                );
            }
            config(out, &format!("{r}_published"), Some(&format!("aws_lambda_function.{r}.version")), pv);
        }
        for AliasExport { name: alias, primary, routing, description, tf: a, .. } in &f.aliases {
            let version = |q: Qualifier| match q {
                Qualifier::Latest => "\"$LATEST\"".to_string(),
                Qualifier::Version(_) => format!("aws_lambda_function.{r}.version"),
            };
            let _ = writeln!(out, "resource \"aws_lambda_alias\" \"{r}_{a}\" {{\n  name             = {}\n  function_name    = aws_lambda_function.{r}.function_name\n  function_version = {}", q(alias), version(*primary));
            if !description.is_empty() {
                let _ = writeln!(out, "  description      = {}", q(description));
            }
            if let Some((_, w)) = routing {
                let _ = writeln!(out, "\n  routing_config {{\n    additional_version_weights = {{ (aws_lambda_function.{r}.version) = {} }}\n  }}", shortest(*w));
            }
            let _ = writeln!(out, "}}\n");
        }
    }
    for a in alarms {
        let name = a.alarm_name.replace(|ch: char| !ch.is_ascii_alphanumeric(), "_");
        let _ = writeln!(
            out,
            "resource \"aws_cloudwatch_metric_alarm\" \"{name}\" {{\n  alarm_name          = {}",
            q(&a.alarm_name)
        );
        let _ = writeln!(
            out,
            "  namespace           = {}\n  metric_name         = {}\n  statistic           = {}",
            q(a.namespace.as_deref().unwrap_or_default()),
            q(a.metric_name.as_deref().unwrap_or_default()),
            q(a.statistic.as_deref().unwrap_or_default())
        );
        let _ = writeln!(out, "  period              = {}\n  evaluation_periods  = {}\n  threshold           = {}\n  comparison_operator = {}", a.period.unwrap_or(60), a.evaluation_periods, shortest(a.threshold.unwrap_or(0.0)), q(&a.comparison_operator));
        if let Some(t) = &a.treat_missing_data {
            let _ = writeln!(out, "  treat_missing_data  = {}", q(t));
        }
        let dims: Vec<String> = a.dimensions.iter().map(|d| format!("{} = {}", d.name, q(&d.value))).collect();
        let _ = writeln!(out, "  dimensions = {{ {} }}\n}}\n", dims.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(camel("shop-orders"), "ShopOrders");
        assert_eq!(cdk_runtime("python3.9"), "PYTHON_3_9");
        assert_eq!(cdk_runtime("nodejs18.x"), "NODEJS_18_X");
        assert_eq!(cdk_runtime("provided.al2023"), "PROVIDED_AL2023");
        assert_eq!(screaming("GreaterThanThreshold"), "GREATER_THAN_THRESHOLD");
    }
}
