//! Issue 11: a SAM or CloudFormation export, deployed into a fresh session, gives the same
//! functions, runtime settings, versions, aliases and alarms (version numbers aside: a template
//! publishes from 1).
#![cfg(not(target_arch = "wasm32"))]

use lambda_runtime_playground::app::Session;
use lambda_runtime_playground::model::api::PutMetricAlarmRequest;
use lambda_runtime_playground::model::arn::runtime_version_arn;
use lambda_runtime_playground::model::function::Qualifier;
use lambda_runtime_playground::model::Lambda;
use proptest::prelude::*;

const REGION: &str = "eu-west-1";

#[derive(Clone, Debug)]
struct Fn {
    runtime: &'static str,
    memory: u32,
    timeout: u32,
    description: Option<String>,
    env: Option<(String, String)>,
    mode: &'static str,
    arm: bool,
    /// Publish version 1 after everything, with its own mode.
    publish: Option<&'static str>,
    /// An alias on version 1 (or on $LATEST when nothing is published).
    alias: bool,
    alarm: bool,
    /// Descriptions of their own for version 1 and the alias.
    version_description: Option<String>,
    alias_description: Option<String>,
}

fn function() -> impl Strategy<Value = Fn> {
    (
        prop::sample::select(vec!["python3.9", "nodejs18.x", "java11"]),
        prop::sample::select(vec![128u32, 256, 1024]),
        1u32..900,
        prop::option::of("[a-z ]{1,12}"),
        prop::option::of(("[A-Z]{1,6}", "[a-z0-9]{1,6}")),
        prop::sample::select(vec!["Auto", "FunctionUpdate", "Manual"]),
        any::<bool>(),
        prop::option::of(prop::sample::select(vec!["Auto", "FunctionUpdate", "Manual"])),
        any::<bool>(),
        any::<bool>(),
        prop::option::of("[a-z ]{1,12}"),
        prop::option::of("[a-z ]{1,12}"),
    )
        .prop_map(
            |(
                runtime,
                memory,
                timeout,
                description,
                env,
                mode,
                arm,
                publish,
                alias,
                alarm,
                version_description,
                alias_description,
            )| Fn {
                runtime,
                memory,
                timeout,
                description,
                env,
                mode,
                arm,
                publish,
                alias,
                alarm,
                version_description,
                alias_description,
            },
        )
}

fn pin(runtime: &str, arm: bool) -> String {
    let lambda = Lambda::new(lambda_runtime_playground::model::time::DEFAULT_CLOCK, 1);
    let rt = lambda.catalogue().runtime_index(runtime).unwrap();
    let newest = *lambda.runtime_versions(rt).last().unwrap();
    runtime_version_arn(REGION, runtime, newest, if arm { "arm64" } else { "x86_64" })
}

fn mode_line(name: &str, qualifier: Option<&str>, mode: &str, runtime: &str, arm: bool) -> String {
    let q = qualifier.map(|q| format!(" --qualifier {q}")).unwrap_or_default();
    let arn = if mode == "Manual" { format!(" --runtime-version-arn {}", pin(runtime, arm)) } else { String::new() };
    format!("aws lambda put-runtime-management-config --function-name {name}{q} --update-runtime-on {mode}{arn}")
}

fn script(fns: &[Fn]) -> String {
    let mut s = format!("sim region {REGION}\n");
    for (i, f) in fns.iter().enumerate() {
        let name = format!("fn-{i}");
        let mut create = format!(
            "aws lambda create-function --function-name {name} --runtime {} --role arn:aws:iam::123456789012:role/r{i} --handler app.handler --zip-file fileb://{name}.zip --memory-size {} --timeout {}",
            f.runtime, f.memory, f.timeout
        );
        if let Some(d) = &f.description {
            create.push_str(&format!(" --description '{d}'"));
        }
        if let Some((k, v)) = &f.env {
            create.push_str(&format!(" --environment Variables={{{k}={v}}}"));
        }
        if f.arm {
            create.push_str(" --architectures arm64");
        }
        s.push_str(&create);
        s.push('\n');
        s.push_str(&mode_line(&name, None, f.mode, f.runtime, f.arm));
        s.push('\n');
        if let Some(m) = f.publish {
            let d = f.version_description.as_ref().map(|d| format!(" --description '{d}'")).unwrap_or_default();
            s.push_str(&format!("aws lambda publish-version --function-name {name}{d}\n"));
            s.push_str(&mode_line(&name, Some("1"), m, f.runtime, f.arm));
            s.push('\n');
        }
        if f.alias {
            let target = if f.publish.is_some() { "1" } else { "'$LATEST'" };
            let d = f.alias_description.as_ref().map(|d| format!(" --description '{d}'")).unwrap_or_default();
            s.push_str(&format!(
                "aws lambda create-alias --function-name {name} --name live --function-version {target}{d}\n"
            ));
        }
        if f.alarm {
            s.push_str(&format!("aws cloudwatch put-metric-alarm --alarm-name {name}-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 2 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold --dimensions Name=FunctionName,Value={name}\n"));
        }
    }
    s
}

/// What an export must reproduce, per function: configuration and runtime settings of $LATEST and
/// of each published version (by position), the aliases (by what they point at), and the alarms.
fn projection(l: &Lambda) -> (Vec<String>, Vec<PutMetricAlarmRequest>) {
    let mut out = Vec::new();
    for ((region, name), f) in l.functions().filter(|((r, _), _)| r == REGION) {
        let show = |id| {
            let v = l.version(id).unwrap();
            format!("{:?} {:?} {:?} {:?}", v.config, v.runtime_management, v.code.location, v.runtime_version)
        };
        out.push(format!("{region} {name} $LATEST {}", show(f.latest)));
        let numbers: Vec<u32> = f.published.keys().copied().collect();
        for (i, id) in f.published.values().enumerate() {
            out.push(format!("{name} published #{i} {}", show(*id)));
        }
        for (alias, a) in &f.aliases {
            let position = |q: Qualifier| match q {
                Qualifier::Latest => "$LATEST".to_string(),
                Qualifier::Version(n) => format!("#{}", numbers.iter().position(|m| *m == n).unwrap_or(99)),
            };
            out.push(format!(
                "{name} alias {alias} {} {:?} {:?}",
                position(a.function_version),
                a.routing.map(|(n, w)| (position(Qualifier::Version(n)), w)),
                a.description
            ));
        }
    }
    (out, l.alarm_definitions(REGION))
}

fn deployed(export: &str, command: &str) -> Session {
    let mut s = Session::new();
    let script = format!("sim region {REGION}\ncat > t.yaml <<'EOF'\n{export}EOF\n{command}\n");
    let results = s.run_script(&script);
    for r in &results {
        assert!(r.ok(), "{}\n{}", r.command, r.printed);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn sam_and_cloudformation_exports_recreate_the_session(fns in proptest::collection::vec(function(), 1..4)) {
        let mut original = Session::new();
        for r in original.run_script(&script(&fns)) {
            prop_assert!(r.ok(), "{}\n{}", r.command, r.printed);
        }
        let want = projection(original.history().live());
        for (format, command) in [
            ("sam", "sam deploy --template-file t.yaml --stack-name exported"),
            ("cloudformation", "aws cloudformation deploy --template-file t.yaml --stack-name exported"),
        ] {
            let text = {
                let results = original.run_script(&format!("sim export --format {format}"));
                results.last().unwrap().printed.clone()
            };
            let copy = deployed(&text, command);
            prop_assert_eq!(&projection(copy.history().live()), &want, "{}\n{}", format, text);
        }
    }
}
