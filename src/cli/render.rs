//! Typed commands to their canonical console line: what the console shows for a click, and what a
//! replayable script holds. `parse(render(line)) == line` (a property test checks it).
//!
//! Options come in the order `aws ... help` lists them; values are quoted only when the shell
//! parser needs it, and written `--name=value` when they would otherwise read as an option.
//! What cannot round-trip, as in the AWS CLI itself: a text value that begins with `file://` or
//! `fileb://` is read as a parameter file.

use super::sim::Sim;
use super::{AwsCall, Line};
use crate::model::api::*;
use crate::model::rollout::RolloutPolicy;
use crate::model::time::format_duration;
use crate::model::{Directive, Request};

/// A word as the console's shell-like parser reads it back: bare when it is plain, otherwise in
/// single quotes (a `'` inside becomes `'\''`).
pub fn quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.:/$=,@+".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The canonical text of a line.
pub fn line(l: &Line) -> String {
    match l {
        Line::Empty => String::new(),
        Line::Help(_) => "help".to_string(),
        Line::Cat(path) => format!("cat {}", quote(path)),
        Line::Write { path, body } => super::heredoc::render(path, body),
        Line::Aws(call) => aws(call),
        Line::Sim(s) => sim(s),
    }
}

/// Options as they are written after the command.
#[derive(Default)]
struct Words(String);

impl Words {
    /// Appends one word (or several already rendered).
    fn word(&mut self, w: &str) -> &mut Self {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(w);
        self
    }

    fn opt(&mut self, name: &str, value: &str) -> &mut Self {
        // A value the parser would take for an option is attached with `=`.
        if super::args::looks_like_option(value) {
            self.word(&format!("--{name}={}", quote(value)))
        } else {
            self.word(&format!("--{name}")).word(&quote(value))
        }
    }

    fn some(&mut self, name: &str, value: &Option<String>) -> &mut Self {
        if let Some(v) = value {
            self.opt(name, v);
        }
        self
    }

    fn int(&mut self, name: &str, value: Option<u32>) -> &mut Self {
        if let Some(v) = value {
            self.word(&format!("--{name}")).word(&v.to_string());
        }
        self
    }

    fn flag(&mut self, name: &str, on: bool) -> &mut Self {
        if on {
            self.word(&format!("--{name}"));
        }
        self
    }

    fn list(&mut self, name: &str, values: &Option<Vec<String>>) -> &mut Self {
        if let Some(vs) = values {
            self.word(&format!("--{name}"));
            for v in vs {
                self.word(&quote(v));
            }
        }
        self
    }

    /// `--routing-config` as JSON: weights keep their exact value.
    fn routing(&mut self, routing: &Option<AliasRoutingConfiguration>) -> &mut Self {
        let Some(r) = routing else { return self };
        let value = serde_json::json!({ "AdditionalVersionWeights": r.additional_version_weights }).to_string();
        self.opt("routing-config", &value)
    }

    /// `--dimensions`: one `Name=..,Value=..` word each when shorthand can say it, else JSON.
    fn dimensions(&mut self, dimensions: &[Dimension]) -> &mut Self {
        if dimensions.is_empty() {
            return self;
        }
        let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "_.-/:$".contains(c));
        if dimensions.iter().all(|d| plain(&d.name) && plain(&d.value)) {
            self.word("--dimensions");
            for d in dimensions {
                self.word(&format!("Name={},Value={}", d.name, d.value));
            }
            self
        } else {
            self.opt("dimensions", &serde_json::to_string(dimensions).unwrap_or_default())
        }
    }

    fn environment(&mut self, env: &Option<EnvironmentVariables>) -> &mut Self {
        let Some(env) = env else { return self };
        let plain = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "_.-/".contains(c));
        let value = if !env.variables.is_empty() && env.variables.iter().all(|(k, v)| plain(k) && plain(v)) {
            let pairs: Vec<String> = env.variables.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("Variables={{{}}}", pairs.join(","))
        } else {
            serde_json::json!({ "Variables": env.variables }).to_string()
        };
        self.opt("environment", &value)
    }
}

fn function(w: &mut Words, r: &FunctionRequest) {
    w.opt("function-name", &r.function_name).some("qualifier", &r.qualifier);
}

/// `aws <service> <operation> <options> [--region r]`
pub fn aws(call: &AwsCall) -> String {
    let mut w = Words::default();
    match &call.request {
        Request::DeployStack(r) if r.sam => w.word("sam"),
        request => w.word("aws").word(request.service()),
    };
    match &call.request {
        Request::CreateFunction(r) => {
            w.word("create-function")
                .opt("function-name", &r.function_name)
                .some("runtime", &r.runtime)
                .opt("role", &r.role)
                .some("handler", &r.handler)
                .opt("zip-file", &format!("fileb://{}", r.code.zip_file))
                .some("description", &r.description)
                .int("timeout", r.timeout)
                .int("memory-size", r.memory_size)
                .flag("publish", r.publish)
                .environment(&r.environment)
                .list("architectures", &r.architectures);
        }
        Request::UpdateFunctionCode(r) => {
            w.word("update-function-code")
                .opt("function-name", &r.function_name)
                .opt("zip-file", &format!("fileb://{}", r.zip_file))
                .flag("publish", r.publish)
                .some("revision-id", &r.revision_id)
                .list("architectures", &r.architectures);
        }
        Request::UpdateFunctionConfiguration(r) => {
            w.word("update-function-configuration")
                .opt("function-name", &r.function_name)
                .some("role", &r.role)
                .some("handler", &r.handler)
                .some("description", &r.description)
                .int("timeout", r.timeout)
                .int("memory-size", r.memory_size)
                .environment(&r.environment)
                .some("runtime", &r.runtime)
                .some("revision-id", &r.revision_id);
        }
        Request::PublishVersion(r) => {
            w.word("publish-version")
                .opt("function-name", &r.function_name)
                .some("code-sha256", &r.code_sha256)
                .some("description", &r.description)
                .some("revision-id", &r.revision_id);
        }
        Request::GetFunction(r) => function(w.word("get-function"), r),
        Request::GetFunctionConfiguration(r) => function(w.word("get-function-configuration"), r),
        Request::GetRuntimeManagementConfig(r) => function(w.word("get-runtime-management-config"), r),
        Request::DeleteFunction(r) => function(w.word("delete-function"), r),
        Request::ListVersionsByFunction(r) => {
            w.word("list-versions-by-function").opt("function-name", &r.function_name);
        }
        Request::ListFunctions(r) => {
            w.word("list-functions").some("function-version", &r.function_version).int("max-items", r.max_items);
        }
        Request::PutRuntimeManagementConfig(r) => {
            w.word("put-runtime-management-config")
                .opt("function-name", &r.function_name)
                .some("qualifier", &r.qualifier)
                .opt("update-runtime-on", &r.update_runtime_on)
                .some("runtime-version-arn", &r.runtime_version_arn);
        }
        Request::CreateAlias(r) => {
            w.word("create-alias")
                .opt("function-name", &r.function_name)
                .opt("name", &r.name)
                .opt("function-version", &r.function_version)
                .some("description", &r.description)
                .routing(&r.routing_config);
        }
        Request::UpdateAlias(r) => {
            w.word("update-alias")
                .opt("function-name", &r.function_name)
                .opt("name", &r.name)
                .some("function-version", &r.function_version)
                .some("description", &r.description)
                .routing(&r.routing_config)
                .some("revision-id", &r.revision_id);
        }
        Request::GetAlias(r) => {
            w.word("get-alias").opt("function-name", &r.function_name).opt("name", &r.name);
        }
        Request::DeleteAlias(r) => {
            w.word("delete-alias").opt("function-name", &r.function_name).opt("name", &r.name);
        }
        Request::ListAliases(r) => {
            w.word("list-aliases")
                .opt("function-name", &r.function_name)
                .some("function-version", &r.function_version)
                .int("max-items", r.max_items);
        }
        Request::Invoke(r) => {
            w.word("invoke").opt("function-name", &r.function_name).some("qualifier", &r.qualifier);
            if let Some(payload) = &r.payload {
                // The payload is written as JSON text, not base64.
                w.opt("cli-binary-format", "raw-in-base64-out").opt("payload", payload);
            }
            w.some("log-type", &r.log_type);
            // The response body's file: a positional argument the AWS CLI requires.
            let outfile = call.outfile.as_deref().unwrap_or(DEFAULT_OUTFILE);
            if super::args::looks_like_option(outfile) {
                w.word("--");
            }
            w.word(&quote(outfile));
        }
        Request::PutMetricAlarm(r) => {
            w.word("put-metric-alarm")
                .opt("alarm-name", &r.alarm_name)
                .some("alarm-description", &r.alarm_description)
                .some("metric-name", &r.metric_name)
                .some("namespace", &r.namespace)
                .some("statistic", &r.statistic)
                .dimensions(&r.dimensions)
                .int("period", r.period)
                .int("evaluation-periods", Some(r.evaluation_periods))
                .some("threshold", &r.threshold.map(crate::model::decimal::shortest))
                .opt("comparison-operator", &r.comparison_operator)
                .some("treat-missing-data", &r.treat_missing_data);
        }
        Request::DescribeAlarms(r) => {
            w.word("describe-alarms");
            if !r.alarm_names.is_empty() {
                w.list("alarm-names", &Some(r.alarm_names.clone()));
            }
        }
        Request::DeleteAlarms(r) => {
            w.word("delete-alarms").list("alarm-names", &Some(r.alarm_names.clone()));
        }
        Request::GetDeployment(r) => {
            w.word("get-deployment").opt("deployment-id", &r.deployment_id);
        }
        Request::StopDeployment(r) => {
            w.word("stop-deployment").opt("deployment-id", &r.deployment_id);
            match r.auto_rollback_enabled {
                Some(true) => w.word("--auto-rollback-enabled"),
                Some(false) => w.word("--no-auto-rollback-enabled"),
                None => &mut w,
            };
        }
        Request::DeployStack(r) => {
            w.word("deploy").opt("template-file", &r.template_file).opt("stack-name", &r.stack_name);
            if !r.parameter_overrides.is_empty() {
                let pairs: Vec<String> = r.parameter_overrides.iter().map(|(k, v)| format!("{k}={v}")).collect();
                w.list("parameter-overrides", &Some(pairs));
            }
            if !r.capabilities.is_empty() {
                w.list("capabilities", &Some(r.capabilities.clone()));
            }
            w.flag("no-fail-on-empty-changeset", r.no_fail_on_empty_changeset);
        }
        Request::DescribeStacks(r) => {
            w.word("describe-stacks").some("stack-name", &r.stack_name);
        }
        Request::DescribeStackEvents(r) => {
            w.word("describe-stack-events").some("stack-name", &r.stack_name);
        }
        Request::ListStacks(r) => {
            w.word("list-stacks");
            if !r.stack_status_filter.is_empty() {
                w.list("stack-status-filter", &Some(r.stack_status_filter.clone()));
            }
        }
        Request::DeleteStack(r) => {
            w.word("delete-stack").some("stack-name", &r.stack_name);
        }
        Request::CreateDeploymentConfig(r) => {
            w.word("create-deployment-config")
                .opt("deployment-config-name", &r.deployment_config_name)
                .some("compute-platform", &r.compute_platform);
            if let Some(t) = &r.traffic_routing_config {
                w.opt("traffic-routing-config", &serde_json::to_string(t).unwrap_or_default());
            }
        }
    }
    // A global option, last as in AWS's examples.
    if let Some(region) = &call.region {
        w.opt("region", region);
    }
    w.0
}

/// Where a rendered `invoke` writes the response body when the call named no file.
pub const DEFAULT_OUTFILE: &str = "response.json";

/// The name `sim` gives a model directive.
pub fn directive_name(d: &Directive) -> &'static str {
    match d {
        Directive::Release { .. } => "release",
        Directive::Phase2 { .. } => "phase2",
        Directive::ReliesOn { .. } => "relies-on",
        Directive::Traffic { .. } => "traffic",
        Directive::Policy(_) => "policy",
        Directive::Timing { .. } => "timing",
        Directive::Expire { .. } => "expire",
        Directive::Deploy(_) => "deploy",
        Directive::StopDeployment { .. } => "stop-deployment",
    }
}

/// `sim <directive> <arguments>`: positionals first, then options; a positional that would read
/// as an option moves the positionals after `--`.
pub fn sim(s: &Sim) -> String {
    let mut pos: Vec<String> = Vec::new();
    let mut w = Words::default();
    let name = match s {
        Sim::Region(r) => {
            pos.push(r.clone());
            "region"
        }
        Sim::Clock(t) => {
            pos.push(t.rfc3339());
            "clock"
        }
        Sim::Advance(ms) => {
            pos.push(format_duration(*ms));
            "advance"
        }
        Sim::Export { region, format, function } => {
            w.opt("format", format).some("function", function).some("region", region);
            "export"
        }
        Sim::Logs { region, function, qualifier, filter } => {
            pos.push(function.clone());
            w.some("qualifier", qualifier).some("filter", filter).some("region", region);
            "logs"
        }
        Sim::Directive { region, directive, .. } => {
            match directive {
                Directive::Release { runtime, regions, changes } => {
                    pos.push(runtime.clone());
                    for r in regions {
                        w.opt("region", r);
                    }
                    for c in changes {
                        w.opt("changes", c);
                    }
                }
                Directive::Phase2 { runtime, region } => {
                    pos.push(runtime.clone());
                    w.some("region", region);
                }
                Directive::ReliesOn { function, behaviour } => {
                    pos.extend([function.clone(), behaviour.clone()]);
                }
                Directive::Deploy(r) => {
                    pos.push(r.function.clone());
                    w.opt("alias", &r.alias).opt("target-version", &r.target_version).opt("config", &r.config);
                    for a in &r.alarms {
                        w.opt("alarm", a);
                    }
                    w.some("pre-traffic-hook", &r.pre_traffic_hook)
                        .some("post-traffic-hook", &r.post_traffic_hook)
                        .flag("no-rollback", !r.auto_rollback);
                }
                Directive::StopDeployment { deployment_id, rollback } => {
                    pos.push(deployment_id.clone());
                    w.flag("no-rollback", *rollback == Some(false));
                }
                Directive::Traffic { function, qualifier, per_minute } => {
                    pos.extend([function.clone(), crate::model::decimal::shortest(*per_minute)]);
                    w.some("qualifier", qualifier);
                }
                Directive::Policy(p) => pos.push(
                    match p {
                        RolloutPolicy::TwoPhase => "two-phase",
                        RolloutPolicy::Legacy => "legacy",
                    }
                    .to_string(),
                ),
                Directive::Timing { region_stagger, phase1, phase2_window } => {
                    let d = |ms: &Option<i64>| ms.map(format_duration);
                    w.some("region-stagger", &d(region_stagger))
                        .some("phase1", &d(phase1))
                        .some("phase2-window", &d(phase2_window));
                }
                Directive::Expire { runtime, version, after_ms } => {
                    pos.extend([runtime.clone(), version.to_string()]);
                    w.opt("after", &format_duration(*after_ms));
                }
            }
            // Directives on a function take the session's region unless one is named.
            if matches!(
                directive,
                Directive::ReliesOn { .. }
                    | Directive::Traffic { .. }
                    | Directive::Deploy(_)
                    | Directive::StopDeployment { .. }
            ) {
                w.some("region", region);
            }
            directive_name(directive)
        }
    };
    let dashed = pos.iter().any(|p| super::args::looks_like_option(p));
    let pos: Vec<String> = pos.iter().map(|p| quote(p)).collect();
    let options = w.0;
    let mut out = Words::default();
    out.word("sim").word(name);
    if dashed {
        // After `--` every word is a positional: the options go first.
        if !options.is_empty() {
            out.word(&options);
        }
        out.word("--");
        pos.iter().for_each(|p| _ = out.word(p));
    } else {
        pos.iter().for_each(|p| _ = out.word(p));
        if !options.is_empty() {
            out.word(&options);
        }
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{parse, Files};

    fn round_trip(text: &str) -> String {
        let parsed = parse(text, &Files::new()).unwrap_or_else(|e| panic!("{text}: {}", e.printed));
        let rendered = line(&parsed);
        assert_eq!(parse(&rendered, &Files::new()).unwrap(), parsed, "{text} -> {rendered}");
        rendered
    }

    #[test]
    fn canonical_lines() {
        for (given, canonical) in [
            (
                "aws lambda create-function --function-name 'my fn' --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler app.handler --zip-file fileb://v1.zip --architectures arm64",
                "aws lambda create-function --function-name 'my fn' --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler app.handler --zip-file fileb://v1.zip --architectures arm64",
            ),
            (
                "aws lambda update-function-configuration --function-name f --description=\"v one\" --environment Variables={A=1,B=x}",
                "aws lambda update-function-configuration --function-name f --description 'v one' --environment 'Variables={A=1,B=x}'",
            ),
            (
                "aws lambda update-function-configuration --function-name f --description=-dash --environment '{\"Variables\":{\"A\":\"it'\\''s\"}}'",
                "aws lambda update-function-configuration --function-name f --description=-dash --environment '{\"Variables\":{\"A\":\"it'\\''s\"}}'",
            ),
            (
                "aws lambda invoke --function-name f --qualifier 1 --cli-binary-format raw-in-base64-out --payload '{\"a\": 1}' out.json --region eu-south-1",
                "aws lambda invoke --function-name f --qualifier 1 --cli-binary-format raw-in-base64-out --payload '{\"a\": 1}' out.json --region eu-south-1",
            ),
            (
                "aws lambda put-runtime-management-config --function-name f --qualifier '$LATEST' --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:us-east-1::runtime:abc",
                "aws lambda put-runtime-management-config --function-name f --qualifier $LATEST --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:us-east-1::runtime:abc",
            ),
            ("sim advance 90m", "sim advance 90m"),
            ("sim advance 3600s", "sim advance 1h"),
            ("sim release python3.9 --changes tls --region eu-south-1", "sim release python3.9 --region eu-south-1 --changes tls"),
            ("sim traffic f 0.5 --region us-west-2", "sim traffic f 0.5 --region us-west-2"),
            ("sim timing --phase1 12h", "sim timing --phase1 12h"),
            ("sim expire python3.9 v14 --after 30d", "sim expire python3.9 14 --after 30d"),
            ("sim policy legacy", "sim policy legacy"),
            ("cat 'out put.json'", "cat 'out put.json'"),
            (
                "aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE DELETE_COMPLETE",
                "aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE DELETE_COMPLETE",
            ),
            ("aws cloudformation list-stacks", "aws cloudformation list-stacks"),
        ] {
            assert_eq!(round_trip(given), canonical);
        }
    }
}
