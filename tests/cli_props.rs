//! Whatever a person types into the console, `Session::run_line` answers with a value, never a
//! panic (a panic in wasm kills the page), and a failed line's message names the problem.
#![cfg(not(target_arch = "wasm32"))]

use lambda_runtime_playground::app::{report, LineResult, Session};
use lambda_runtime_playground::cli::operations::OPERATIONS;
use lambda_runtime_playground::cli::sim::DIRECTIVES;
use proptest::prelude::*;

const CREATE: &str = "aws lambda create-function --function-name f --runtime python3.9 \
    --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip";

const GLOBALS: &[&str] = &["region", "output", "cli-binary-format", "profile", "no-cli-pager", "no-paginate"];

fn session() -> Session {
    let mut s = Session::new();
    s.run_line(CREATE);
    s
}

/// Single-quotes a word for the console's shell, whatever it contains.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// What holds for every line's result.
fn check(line: &str, r: &LineResult) {
    assert_eq!(r.ok(), r.error().is_none(), "{line:?}");
    assert_eq!(r.met_expectation(), r.ok() != r.expect_failure, "{line:?}");
    if let Some(e) = &r.error() {
        assert!(!e.code.trim().is_empty(), "{line:?}: empty code");
        assert!(!e.message.trim().is_empty(), "{line:?}: empty message");
        assert!(!r.printed.trim().is_empty(), "{line:?}: prints nothing");
        assert!(r.output().is_none(), "{line:?}");
        assert!(e.status >= 400 || e.code != "UsageError" || e.status == 252, "{line:?}");
    }
    if r.output().is_some() && !line.trim_start().trim_start_matches('!').trim_start().starts_with("cat") {
        assert!(serde_json::from_str::<serde_json::Value>(&r.printed).is_ok(), "{line:?}: output is not JSON");
    }
    let record = report::json_line(r);
    assert!(serde_json::from_str::<serde_json::Value>(&record).is_ok(), "{line:?}: {record}");
}

fn message(r: &LineResult) -> &str {
    r.error().as_ref().map(|e| e.message.as_str()).unwrap_or_default()
}

/// Words a console line is made of: the language's own, shell syntax, and noise.
fn word() -> impl Strategy<Value = String> {
    let ops: Vec<String> = OPERATIONS.iter().map(|o| o.name.to_string()).collect();
    let options: Vec<String> =
        OPERATIONS.iter().flat_map(|o| o.options.iter().map(|opt| format!("--{}", opt.name))).collect();
    let directives: Vec<String> = DIRECTIVES.iter().map(|d| d.name.to_string()).collect();
    prop_oneof![
        4 => prop::sample::select(vec![
            "aws", "lambda", "sim", "help", "cat", "f", "1", "$LATEST", "Manual", "Auto", "FunctionUpdate",
            "python3.9", "ALL", "Tail", "out.json", "fileb://f.zip", "file://out.json", "Variables={A=b}",
            "{\"Variables\":{\"A\":\"b\"}}", "eyJhIjogMX0=", "--no-publish", "--publish", "--region", "eu-south-1",
            "--output", "json", "text", "--cli-binary-format", "raw-in-base64-out", "--", "-", "-1", "--x=y",
            "arn:aws:lambda:us-east-1::runtime:5d78356d0ab527d7a46f221563948120c754042c0826389fa2ce37370518d186",
            "arn:aws:lambda:us-east-1:123456789012:function:f:1", "1d", "2023-01-23T00:00:00Z",
        ].into_iter().map(String::from).collect::<Vec<_>>()),
        3 => prop::sample::select(ops),
        3 => prop::sample::select(options),
        2 => prop::sample::select(directives),
        2 => prop::sample::select(vec!["'", "\"", "\\", "#", "!", "=", "{", "}", "[", ",", "|", ";", "\n", "\t", "`"])
            .prop_map(String::from),
        2 => "\\PC{0,12}",
        1 => ".{0,12}",
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => (".{1,3}", 1usize..20_000).prop_map(|(s, n)| s.repeat(n)),
    ]
}

fn line() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec!["", "aws lambda ", "sim ", "! aws lambda ", "aws ", "!"]);
    (prefix, prop::collection::vec(word(), 0..10)).prop_map(|(p, words)| format!("{p}{}", words.join(" ")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_lines_never_panic(lines in prop::collection::vec(line(), 1..6)) {
        let mut s = session();
        for l in &lines {
            let r = s.run_line(l);
            check(l, &r);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let mut s = session();
        let r = s.run_line(&text);
        check(&text, &r);
        for r in s.run_script(&text) {
            check(&r.command, &r);
        }
    }

    #[test]
    fn well_formed_calls_with_random_values_never_panic(
        calls in prop::collection::vec((0..OPERATIONS.len(), prop::collection::vec((any::<prop::sample::Index>(), word()), 0..6), word()), 1..8)
    ) {
        let mut s = session();
        for (index, options, positional) in calls {
            let op = &OPERATIONS[index];
            let mut line = format!("aws lambda {} --function-name f", op.name);
            for (which, value) in options {
                let opt = which.get(op.options);
                line.push_str(&format!(" --{} {}", opt.name, quote(&value)));
            }
            if !op.positionals.is_empty() {
                line.push(' ');
                line.push_str(&quote(&positional));
            }
            let r = s.run_line(&line);
            check(&line, &r);
        }
    }

    #[test]
    fn sim_directives_with_random_arguments_never_panic(
        lines in prop::collection::vec((0..DIRECTIVES.len(), prop::collection::vec(word(), 0..4)), 1..8)
    ) {
        let mut s = session();
        for (index, words) in lines {
            let d = &DIRECTIVES[index];
            let args: Vec<String> = words.iter().map(|w| quote(w)).collect();
            let line = format!("sim {} {}", d.name, args.join(" "));
            let r = s.run_line(&line);
            check(&line, &r);
        }
    }

    #[test]
    fn unknown_options_are_named(name in "[a-z][a-z0-9-]{0,24}", value in "[a-z0-9]{0,8}") {
        let get = OPERATIONS.iter().find(|o| o.name == "get-function").map(|o| o.options).unwrap_or_default();
        prop_assume!(!get.iter().any(|o| o.name == name) && !GLOBALS.contains(&name.as_str()));
        let line = format!("aws lambda get-function --function-name f --{name} {value}");
        let r = session().run_line(&line);
        check(&line, &r);
        let want = if value.is_empty() { format!("Unknown options: --{name}") } else { format!("Unknown options: --{name}, {value}") };
        prop_assert_eq!(message(&r), want.as_str());
    }

    #[test]
    fn invalid_operations_and_directives_are_named(name in "[a-z][a-z0-9.-]{0,30}") {
        prop_assume!(!OPERATIONS.iter().any(|o| o.name == name) && name != "help");
        let line = format!("aws lambda {name} --function-name f");
        let r = session().run_line(&line);
        check(&line, &r);
        prop_assert!(message(&r).starts_with("aws: error: argument operation: Invalid choice, valid choices are:"));
        prop_assume!(!DIRECTIVES.iter().any(|d| d.name == name));
        let r = session().run_line(&format!("sim {name}"));
        prop_assert!(message(&r).starts_with("sim: error: argument directive: Invalid choice"));
    }

    #[test]
    fn missing_required_options_are_named(index in 0..OPERATIONS.len()) {
        let op = &OPERATIONS[index];
        let line = format!("aws lambda {}", op.name);
        let r = session().run_line(&line);
        check(&line, &r);
        let required: Vec<String> = op.options.iter().filter(|o| o.required).map(|o| format!("--{}", o.name))
            .chain(op.positionals.iter().map(|p| p.to_string())).collect();
        if required.is_empty() {
            prop_assert!(r.ok() || op.name != "list-functions");
        } else {
            prop_assert_eq!(message(&r), format!("aws: error: the following arguments are required: {}", required.join(", ")));
        }
    }

    #[test]
    fn bad_values_are_named(value in prop_oneof![".{0,40}", "\\PC{0,40}", "-[a-z0-9]{1,8}", (".", 1usize..50_000).prop_map(|(s, n)| s.repeat(n))]) {
        let mut s = session();
        let q = quote(&value);
        let timeout = s.run_line(&format!("aws lambda update-function-configuration --function-name f --timeout {q}"));
        check(&value, &timeout);
        if !timeout.ok() {
            let m = message(&timeout);
            prop_assert!(m.contains(&value) || m.to_lowercase().contains("timeout"), "{}", m);
        }
        let env = s.run_line(&format!("aws lambda update-function-configuration --function-name f --environment {q}"));
        check(&value, &env);
        if !env.ok() {
            prop_assert!(message(&env).contains("nvironment") || message(&env).contains("Expected"), "{}", message(&env));
        }
        let payload = s.run_line(&format!("aws lambda invoke --function-name f --payload {q} out.json"));
        check(&value, &payload);
        if !payload.ok() {
            let m = message(&payload);
            prop_assert!(m.contains(&value) || m.contains("payload") || m.contains("request body"), "{}", m);
        }
        let name = s.run_line(&format!("aws lambda get-function --function-name {q}"));
        check(&value, &name);
        prop_assert!(!name.ok() || value == "f");
        let m = message(&name);
        prop_assert!(name.ok() || m.contains("unction") || m.contains("Function"), "{}", m);
        let mode = s.run_line(&format!("aws lambda put-runtime-management-config --function-name f --update-runtime-on {q}"));
        check(&value, &mode);
        let m = message(&mode);
        prop_assert!(mode.ok() || m.contains(&value) || m.contains("update-runtime-on"), "{}", m);
    }
}
