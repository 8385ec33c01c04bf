//! The console language end to end, through `Session::run_line`: quoting, continuation,
//! shorthand and JSON values, `--opt=value`, the AWS CLI's output, and every usage-error path.
#![cfg(not(target_arch = "wasm32"))]

use lambda_runtime_playground::app::{LineResult, Session};
use lambda_runtime_playground::model::arn::runtime_version_arn;

const ROLE: &str = "arn:aws:iam::123456789012:role/lambda-role";

fn session_with(function: &str) -> Session {
    let mut s = Session::new();
    ok(
        &mut s,
        &format!(
            "aws lambda create-function --function-name {function} --runtime python3.9 --role {ROLE} \
         --handler app.handler --zip-file fileb://{function}.zip"
        ),
    );
    s
}

fn ok(s: &mut Session, line: &str) -> LineResult {
    let r = s.run_line(line);
    assert!(r.ok(), "{line}\n{}", r.printed);
    assert!(r.met_expectation() && r.error().is_none());
    r
}

fn fails(s: &mut Session, line: &str) -> LineResult {
    let r = s.run_line(line);
    assert!(!r.ok(), "{line} succeeded:\n{}", r.printed);
    let e = r.error().expect("a failed line has an error");
    assert!(!e.code.is_empty() && !e.message.is_empty() && !r.printed.is_empty(), "{line}");
    assert!(r.output().is_none());
    r
}

/// A client-side error: its code, its status, its message (and its printed text contains it).
fn usage(s: &mut Session, line: &str) -> String {
    let r = fails(s, line);
    let e = r.error().expect("error");
    assert_eq!((e.code.as_str(), e.status), ("UsageError", 252), "{line}: {}", e.message);
    assert!(r.printed.contains(&e.message), "{line}");
    e.message.clone()
}

fn api(s: &mut Session, line: &str) -> (String, u16, String) {
    let r = fails(s, line);
    let e = r.error().expect("error").clone();
    (e.code, e.status, r.printed)
}

// ---------------------------------------------------------------- output

#[test]
fn prints_what_the_aws_cli_prints() {
    let mut s = session_with("f");
    let r = ok(&mut s, "aws lambda get-runtime-management-config --function-name f");
    assert_eq!(
        r.printed,
        "{\n    \"UpdateRuntimeOn\": \"Auto\",\n    \"FunctionArn\": \"arn:aws:lambda:us-east-1:123456789012:function:f\"\n}"
    );
    assert_eq!(r.output().unwrap()["UpdateRuntimeOn"], "Auto");
    let r = ok(&mut s, "aws lambda get-function-configuration --function-name f");
    let keys: Vec<&str> =
        r.printed.lines().filter(|l| l.starts_with("    \"")).map(|l| l[5..].split('"').next().unwrap_or("")).collect();
    assert_eq!(&keys[..4], ["FunctionName", "FunctionArn", "Runtime", "Role"], "the service's key order");
    assert!(keys.contains(&"RuntimeVersionConfig") && !keys.contains(&"Environment"), "None fields are left out");
}

#[test]
fn delete_prints_nothing_and_errors_print_the_cli_line() {
    let mut s = session_with("f");
    let r = ok(&mut s, "aws lambda delete-function --function-name f");
    assert_eq!((r.printed.as_str(), r.output()), ("", None));
    let (code, status, printed) = api(&mut s, "aws lambda get-function --function-name f");
    assert_eq!((code.as_str(), status), ("ResourceNotFoundException", 404));
    assert_eq!(
        printed,
        "An error occurred (ResourceNotFoundException) when calling the GetFunction operation: \
         Function not found: arn:aws:lambda:us-east-1:123456789012:function:f"
    );
}

#[test]
fn invoke_writes_the_outfile_and_prints_the_status() {
    let mut s = session_with("f");
    let r = ok(&mut s, "aws lambda invoke --function-name f --log-type Tail out.json");
    let out = r.output().unwrap();
    assert_eq!(out["StatusCode"], 200);
    assert_eq!(out["ExecutedVersion"], "$LATEST");
    assert!(out["LogResult"].is_string() && out.get("FunctionError").is_none());
    assert!(r.printed.starts_with("{\n    \"StatusCode\": 200,\n    \"LogResult\": "));
    let body = s.outfile("out.json").expect("written").to_string();
    assert!(body.contains("statusCode"));
    assert_eq!(ok(&mut s, "cat out.json").printed, body);
    assert_eq!(ok(&mut s, "cat ./out.json").printed, body, "./ names the same file");
    // A written file can be a parameter file later, as on a real disk.
    ok(&mut s, "aws lambda invoke --function-name f --payload fileb://out.json again.json");
    assert_eq!(fails(&mut s, "cat nothing.json").printed, "cat: nothing.json: No such file or directory");
}

#[test]
fn a_throwing_function_is_a_successful_call() {
    let mut s = session_with("f");
    ok(&mut s, "sim relies-on f tls-1.0");
    ok(&mut s, "sim release python3.9 --region us-east-1 --changes tls-1.0");
    ok(&mut s, "aws lambda update-function-code --function-name f --zip-file fileb://f.zip");
    let r = ok(&mut s, "aws lambda invoke --function-name f out.json");
    assert_eq!(r.output().unwrap()["FunctionError"], "Unhandled");
    assert!(s.outfile("out.json").unwrap().contains("BehaviorChangedError"));
}

#[test]
fn payloads_are_base64_unless_raw() {
    let mut s = session_with("f");
    // {"a": 1} in base64.
    ok(&mut s, "aws lambda invoke --function-name f --payload eyJhIjogMX0= out.json");
    ok(&mut s, r#"aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload '{"a": 1}' o"#);
    assert_eq!(
        usage(&mut s, r#"aws lambda invoke --function-name f --payload '{"a":1}' o"#),
        r#"Invalid base64: "{"a":1}""#
    );
    // Valid base64 of something that is not JSON: the service's error (LocalStack snapshot
    // test_invoke_payload_encoding_error).
    let (code, _, printed) = api(&mut s, "aws lambda invoke --function-name f --payload aGVsbG8= o");
    assert_eq!(code, "InvalidRequestContentException");
    assert!(printed.contains("when calling the Invoke operation: Could not parse request body into json"));
}

// ---------------------------------------------------------------- quoting, forms, values

#[test]
fn shell_quoting_reaches_the_request() {
    let mut s = session_with("f");
    let r =
        ok(&mut s, r#"aws lambda update-function-configuration --function-name "f" --description 'it is "quoted"'"#);
    assert_eq!(r.output().unwrap()["Description"], "it is \"quoted\"");
    let r = ok(&mut s, r"aws lambda update-function-configuration --function-name f --description it\'s\ escaped");
    assert_eq!(r.output().unwrap()["Description"], "it's escaped");
    let r = ok(&mut s, "aws lambda get-function --function-name f --qualifier $LATEST # a comment");
    assert_eq!(r.output().unwrap()["Configuration"]["Version"], "$LATEST");
}

#[test]
fn option_equals_value_and_repeated_options() {
    let mut s = session_with("f");
    let r = ok(
        &mut s,
        "aws lambda update-function-configuration --function-name=f --timeout=30 --memory-size 256 --timeout 60",
    );
    let out = r.output().unwrap();
    assert_eq!((out["Timeout"].as_u64(), out["MemorySize"].as_u64()), (Some(60), Some(256)));
    let r = ok(&mut s, "aws --region=us-east-1 lambda list-functions --function-version=ALL --max-items=1");
    assert_eq!(r.output().unwrap()["Functions"].as_array().map(Vec::len), Some(1));
}

#[test]
fn environment_as_shorthand_and_json() {
    let mut s = session_with("f");
    let r = ok(
        &mut s,
        "aws lambda update-function-configuration --function-name f --environment \"Variables={STAGE=prod,LOG='a b'}\"",
    );
    let out = r.output().unwrap();
    assert_eq!(out["Environment"]["Variables"]["STAGE"], "prod");
    assert_eq!(out["Environment"]["Variables"]["LOG"], "a b");
    let r = ok(
        &mut s,
        r#"aws lambda update-function-configuration --function-name f --environment '{"Variables":{"A":"b"}}'"#,
    );
    assert_eq!(r.output().unwrap()["Environment"]["Variables"], serde_json::json!({"A": "b"}));
}

/// Issue 8's reproducers: nesting that once overflowed the stack (in the browser, two such lines
/// broke every later call of the wasm instance) is refused with the parser's error, and the session
/// goes on.
#[test]
fn deep_nesting_is_refused_and_the_session_goes_on() {
    let mut s = session_with("f");
    let line =
        |value: String| format!("aws lambda update-function-configuration --function-name f --environment {value}");
    let depth_error = "Error parsing parameter '--environment': maximum recursion depth exceeded: \
                       lists and structures nest more than 128 levels deep";
    for value in [
        format!("={}", "[".repeat(6_500)),
        format!("={}{}", "[".repeat(6_100), "]".repeat(6_100)),
        format!("={}", "{=".repeat(7_300)),
        format!("={}", "[".repeat(58_000)),
        format!("Variables={{A={}}}", "[".repeat(129)),
    ] {
        assert_eq!(usage(&mut s, &line(value)), depth_error);
    }
    // JSON stops at serde_json's limit, also 128, with the JSON parser's error.
    let r = fails(&mut s, &line(format!("'{}'", "{\"a\": ".repeat(10_000))));
    assert!(r.printed.contains("Invalid JSON: recursion limit exceeded"), "{}", &r.printed[..120]);
    // 128 levels (the map and 127 lists) are still a value (of the wrong type for Environment, so botocore's message).
    let r = fails(&mut s, &line(format!("Variables={{A={}{}}}", "[".repeat(127), "]".repeat(127))));
    assert!(r.printed.starts_with("Parameter validation failed:\nInvalid type for parameter Environment.Variables.A"));
    ok(&mut s, "aws lambda list-functions");
}

#[test]
fn lists_and_booleans() {
    let mut s = Session::new();
    let r = ok(
        &mut s,
        &format!(
            "aws lambda create-function --function-name g --runtime python3.9 --role {ROLE} --handler h \
         --zip-file fileb://g.zip --architectures arm64 --publish"
        ),
    );
    let out = r.output().unwrap();
    assert_eq!(out["Architectures"], serde_json::json!(["arm64"]));
    assert_eq!(out["Version"], "1", "--publish published version 1");
    let r = ok(&mut s, "aws lambda update-function-code --function-name g --zip-file fileb://g2.zip --no-publish");
    assert_eq!(r.output().unwrap()["Version"], "$LATEST");
    let (code, _, printed) = api(
        &mut s,
        "aws lambda update-function-code --function-name g --zip-file fileb://g.zip --architectures arm64 x86_64",
    );
    assert_eq!(code, "ValidationException");
    assert!(printed.contains("[arm64, x86_64]"));
}

#[test]
fn continuation_lines_in_scripts() {
    let mut s = Session::new();
    let results = s.run_script(&format!(
        "# A comment\n\naws lambda create-function \\\n  --function-name f --runtime python3.9 \\\n  --role {ROLE} --handler h \\\n  --zip-file fileb://f.zip\n\n! aws lambda get-function --function-name g\n"
    ));
    assert_eq!(results.len(), 2);
    assert_eq!((results[0].line, results[0].ok()), (3, true));
    assert!(results[0].command.starts_with("aws lambda create-function --function-name f --runtime"));
    assert_eq!(
        (results[1].line, results[1].expect_failure, results[1].ok(), results[1].met_expectation()),
        (8, true, false, true)
    );
    assert_eq!(s.transcript().len(), 2);
}

#[test]
fn expectations() {
    let mut s = Session::new();
    let r = s.run_line("! aws lambda list-functions");
    assert!(r.ok() && r.expect_failure && !r.met_expectation());
    let r = s.run_line("!aws lambda get-function --function-name nope");
    assert!(!r.ok() && r.met_expectation() && r.command == "aws lambda get-function --function-name nope");
    let r = s.run_line("   ");
    assert!(r.ok() && r.printed.is_empty() && r.met_expectation());
}

#[test]
fn the_launch_post_command_works_verbatim() {
    let mut s = Session::new();
    ok(&mut s, "sim region eu-south-1");
    ok(&mut s, &format!(
        "aws lambda create-function --function-name billing --runtime python3.9 --role {ROLE} --handler app.handler --zip-file fileb://billing.zip"
    ));
    let arn = runtime_version_arn("eu-south-1", "python3.9", 13, "x86_64");
    let line = format!(
        "aws lambda put-runtime-management-config --function-name arn:aws:lambda:eu-south-1:123456789012:function:billing --update-runtime-on Manual --runtime-version-arn {arn}"
    );
    let r = ok(&mut s, &line);
    assert_eq!(r.output().unwrap()["RuntimeVersionArn"], arn.as_str());
    // Enum values are the service's to check, not the parser's.
    let (code, status, printed) =
        api(&mut s, "aws lambda put-runtime-management-config --function-name billing --update-runtime-on manual");
    assert_eq!((code.as_str(), status), ("ValidationException", 400));
    assert!(printed.contains("Value 'manual' at 'updateRuntimeOn'"));
}

// ---------------------------------------------------------------- sim directives

#[test]
fn sim_directives() {
    let mut s = Session::new();
    let r = ok(&mut s, "sim clock 2024-03-01T12:00:00Z");
    assert_eq!(r.output().unwrap()["Clock"], "2024-03-01T12:00:00Z");
    assert_eq!(s.now().rfc3339(), "2024-03-01T12:00:00Z");
    ok(&mut s, "sim region eu-west-1");
    assert_eq!(s.region(), "eu-west-1");
    ok(&mut s, &format!("aws lambda create-function --function-name f --runtime python3.9 --role {ROLE} --handler h --zip-file fileb://f.zip"));
    ok(&mut s, "sim policy legacy");
    let r = ok(&mut s, "sim release python3.9 --region eu-west-1");
    let out = r.output().unwrap();
    assert_eq!(out["RolloutPolicy"], "Legacy");
    assert_eq!(out["RuntimeVersionChanges"][0]["To"], "python:3.9.v15", "the release moved f at once");
    // The legacy policy moves the whole region at once, with the release itself.
    let r = ok(&mut s, "aws lambda get-function-configuration --function-name f");
    let v15 = runtime_version_arn("eu-west-1", "python3.9", 15, "x86_64");
    assert_eq!(r.output().unwrap()["RuntimeVersionConfig"]["RuntimeVersionArn"], v15.as_str());
    ok(&mut s, "sim policy two-phase");
    ok(&mut s, "sim release python3.9 --region eu-west-1");
    let r = ok(&mut s, "sim advance 5d");
    let changes = &r.output().unwrap()["RuntimeVersionChanges"];
    assert_eq!(changes[0]["FunctionArn"], "arn:aws:lambda:eu-west-1:123456789012:function:f");
    assert_eq!(
        (changes[0]["From"].as_str(), changes[0]["To"].as_str()),
        (Some("python:3.9.v15"), Some("python:3.9.v16"))
    );
    ok(&mut s, "sim traffic f 2.5");
    ok(&mut s, "sim expire python3.9 16 --after 1d");
    ok(&mut s, "sim advance 2d");
    let r = ok(&mut s, "sim logs f --filter Runtime.ExpiredRuntimeVersion");
    assert!(!r.output().unwrap()["events"].as_array().unwrap().is_empty(), "expired environments fail to start");
    ok(&mut s, "sim release python3.9 --region eu-west-1 --region us-east-1");
    ok(&mut s, "sim phase2 python3.9 --region eu-west-1");
    assert!(usage(&mut s, "sim phase2").contains("required: <runtime>"));
}

#[test]
fn sim_logs_merges_versions_in_time_order() {
    let mut s = session_with("f");
    ok(&mut s, "aws lambda publish-version --function-name f");
    ok(&mut s, "aws lambda invoke --function-name f --qualifier 1 o");
    ok(&mut s, "sim advance 1m");
    ok(&mut s, "aws lambda invoke --function-name f o");
    let events = ok(&mut s, "sim logs f --filter INIT_START").output().unwrap()["events"].clone();
    let streams: Vec<&str> = events.as_array().unwrap().iter().map(|e| e["logStreamName"].as_str().unwrap()).collect();
    assert_eq!(streams.len(), 2);
    assert!(streams[0].contains("[1]") && streams[1].contains("[$LATEST]"), "{streams:?}");
    let only = ok(&mut s, "sim logs f --qualifier 1 --filter INIT_START").output().unwrap().clone();
    assert_eq!(only["events"].as_array().map(Vec::len), Some(1));
}

#[test]
fn sim_errors() {
    let mut s = session_with("f");
    assert!(usage(&mut s, "sim clock 2024-01-01T00:00:00Z").contains("only before the first command"));
    assert!(usage(&mut s, "sim").contains("required: directive"));
    assert!(usage(&mut s, "sim advanse 1h").contains("maybe you meant:\n\n  * advance"));
    assert!(usage(&mut s, "sim advance").contains("required: <duration>"));
    assert!(usage(&mut s, "sim advance 1y").contains("Invalid duration '1y'"));
    assert!(usage(&mut s, "sim advance -1d").contains("-1d: the clock only moves forward"));
    assert!(usage(&mut s, "sim release python3.9 extra").contains("unrecognized arguments: extra"));
    assert!(usage(&mut s, "sim logs f --qualifier").contains("argument --qualifier: expected one argument"));
    let (code, _, printed) = api(&mut s, "sim region mars-north-1");
    assert_eq!(code, "InvalidParameterValueException");
    assert!(printed.contains("does not simulate region mars-north-1"));
    let (code, status, printed) = api(&mut s, "sim release python2.6");
    assert_eq!((code.as_str(), status), ("InvalidParameterValueException", 400));
    assert!(printed.starts_with(
        "An error occurred (InvalidParameterValueException) when running the sim release directive: The playground has no runtime python2.6. Runtimes: nodejs10.x,"
    ));
    assert!(api(&mut s, "sim logs nope").2.contains("Function not found"));
    assert!(api(&mut s, "sim relies-on nope x").2.contains("Function not found"));
}

// ---------------------------------------------------------------- every usage-error path

#[test]
fn aws_usage_errors_read_like_the_aws_cli() {
    let mut s = session_with("f");
    let cases: &[(&str, &str)] = &[
        ("aws", "aws: error: the following arguments are required: command"),
        ("aws lambda", "aws: error: the following arguments are required: operation"),
        ("aws lambda get-function", "aws: error: the following arguments are required: --function-name"),
        ("aws lambda invoke", "aws: error: the following arguments are required: --function-name, outfile"),
        ("aws lambda put-runtime-management-config --function-name f", "aws: error: the following arguments are required: --update-runtime-on"),
        ("aws lambda get-function --function-name", "aws: error: argument --function-name: expected one argument"),
        ("aws lambda get-function --function-name f --qualifier --foo", "aws: error: argument --qualifier: expected one argument"),
        ("aws lambda create-function --function-name g --role r --zip-file fileb://g.zip --publish=yes", "aws: error: argument --publish: ignored explicit argument 'yes'"),
        ("aws lambda list-functions --output text", "aws: error: argument --output: the playground prints json only, not text"),
        ("aws lambda list-functions --region", "aws: error: argument --region: expected one argument"),
        ("aws lambda list-functions --max-items many", "aws: error: argument --max-items: invalid int value: 'many'"),
        ("aws lambda get-function --function-name f --foo", "Unknown options: --foo"),
        ("aws lambda get-function --function-name f --foo bar baz", "Unknown options: --foo, bar, baz"),
        ("aws lambda get-function --function-name f -q 1", "Unknown options: -q, 1"),
        ("aws lambda list-functions --runtime python3.9", "Unknown options: --runtime, python3.9"),
        ("aws lambda create-function --function-name g --role r", "Parameter validation failed:\nMissing required parameter in input: \"Code\""),
        ("aws lambda create-function --function-name g --role r --zip-file g.zip", "--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip"),
        ("aws lambda update-function-code --function-name f --zip-file file://f.zip", "--zip-file must be a zip file with the fileb:// prefix.\nExample usage:  --zip-file fileb://path/to/file.zip"),
        ("aws lambda update-function-configuration --function-name f --timeout soon", "invalid literal for int() with base 10: 'soon'"),
        ("aws lambda update-function-configuration --function-name f --environment Variables", "Error parsing parameter '--environment': Expected: '=', received: 'EOF' for input:\nVariables\n         ^"),
        ("aws lambda update-function-configuration --function-name f --environment Variables={A=1,B}", "Error parsing parameter '--environment': Expected: '=', received: '}' for input:\nVariables={A=1,B}\n                ^"),
        ("aws lambda update-function-configuration --function-name f --environment '{\"Variables\": {\"A\": 1}}'", "Parameter validation failed:\nInvalid type for parameter Environment.Variables.A, value: 1, type: <class 'int'>, valid types: <class 'str'>"),
        ("aws lambda update-function-configuration --function-name f --environment Vars={A=b}", "Parameter validation failed:\nUnknown parameter in Environment: \"Vars\", must be one of: Variables"),
        ("aws lambda invoke --function-name f --payload file://event.json out.json", "Error parsing parameter '--payload': Unable to load paramfile file://event.json: [Errno 2] No such file or directory: 'event.json'"),
        ("aws lambda invoke --function-name f --payload hello out.json", "Invalid base64: \"hello\""),
        ("echo hi", "echo: command not found (the console runs aws ..., sam deploy, sim ..., cat <file> and help)"),
        ("aws lambda get-function --function-name 'f", "shell: unexpected end of line while looking for matching '"),
        ("aws lambda list-functions | head", "shell: '|' is not supported: the console runs one command per line (quote it to pass it as text)"),
        ("cat a b", "usage: cat <file>"),
    ];
    for (line, want) in cases {
        assert_eq!(usage(&mut s, line), *want, "{line}");
    }
}

#[test]
fn argparse_errors_print_the_usage_banner_and_others_do_not() {
    let mut s = Session::new();
    let r = fails(&mut s, "aws lambda get-function");
    assert_eq!(
        r.printed,
        "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
         To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n\
         aws: error: the following arguments are required: --function-name"
    );
    assert_eq!(fails(&mut s, "aws lambda get-function --function-name f --x").printed, "Unknown options: --x");
}

#[test]
fn invalid_choices_list_the_valid_ones() {
    let mut s = Session::new();
    let r = fails(&mut s, "aws lambda get-functoin --function-name f");
    let e = r.error().unwrap().message.clone();
    assert!(e.starts_with("aws: error: argument operation: Invalid choice, valid choices are:\n\ncreate-alias"), "{e}");
    for op in ["get-runtime-management-config", "put-runtime-management-config", "invoke", "help"] {
        assert!(e.contains(op), "{op}");
    }
    assert!(e.ends_with("Invalid choice: 'get-functoin', maybe you meant:\n\n  * get-function"), "{e}");
    let e = usage(&mut s, "aws s3 ls");
    assert!(e.starts_with("aws: error: argument command: Invalid choice, valid choices are:\n\nlambda"), "{e}");
    let e = usage(&mut s, "aws lambda list-functions --output yaml-streamx");
    assert!(e.contains("argument --output: Invalid choice") && e.contains("yaml-stream"), "{e}");
    let e = usage(&mut s, "aws lambda invoke --function-name f --cli-binary-format raw o");
    assert!(e.contains("argument --cli-binary-format: Invalid choice") && e.contains("raw-in-base64-out"), "{e}");
}

#[test]
fn service_side_value_errors() {
    let mut s = session_with("f");
    // The AWS CLI checks minimums itself (botocore/validate.py); maximums are the service's.
    let e = usage(&mut s, "aws lambda update-function-configuration --function-name f --timeout 0");
    assert_eq!(e, "Parameter validation failed:\nInvalid value for parameter Timeout, value: 0, valid min value: 1");
    let e = usage(&mut s, "aws lambda update-function-configuration --function-name f --memory-size -1");
    assert_eq!(
        e,
        "Parameter validation failed:\nInvalid value for parameter MemorySize, value: -1, valid min value: 128"
    );
    let e = usage(&mut s, "aws lambda get-function --function-name ''");
    assert_eq!(
        e,
        "Parameter validation failed:\nInvalid length for parameter FunctionName, value: 0, valid min length: 1"
    );
    let (code, _, printed) = api(&mut s, "aws lambda update-function-configuration --function-name f --timeout 901");
    assert_eq!(code, "ValidationException");
    assert!(printed.contains(
        "Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900"
    ));
    let (code, _, printed) = api(&mut s, "aws lambda update-function-code --function-name f");
    assert_eq!(code, "InvalidParameterValueException");
    assert!(
        printed.contains("when calling the UpdateFunctionCode operation: Please provide a source for function code.")
    );
    let (code, status, _) = api(&mut s, "aws lambda get-function --function-name f --region mars-north-1");
    assert_eq!((code.as_str(), status), ("ValidationException", 400));
}

#[test]
fn help_everywhere() {
    let mut s = Session::new();
    for line in [
        "help",
        "aws help",
        "aws lambda help",
        "aws lambda invoke help",
        "aws lambda get-function --function-name f help",
    ] {
        let r = ok(&mut s, line);
        assert!(r.output().is_none() && !r.printed.is_empty(), "{line}");
    }
    let text = ok(&mut s, "help").printed;
    for needle in [
        "put-runtime-management-config",
        "--update-runtime-on <value>",
        "sim release <runtime>",
        "sim logs <function>",
        "cat <file>",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}

/// A here-document is one step of a session: its script (what share links and the autosave
/// keep) replays it, and the stack it deployed, exactly.
#[test]
fn a_session_with_a_template_replays_from_its_script() {
    let mut s = Session::new();
    let script = "sim region eu-west-1\ncat > t.yaml <<'EOF'\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: replayed\n      Runtime: python3.9\n      Handler: app.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code: {ZipFile: fn.zip}\nEOF\naws cloudformation deploy --template-file t.yaml --stack-name s\n";
    for r in s.run_script(script) {
        assert!(r.ok(), "{}: {}", r.command, r.printed);
    }
    let lines = s.script();
    assert!(lines.iter().any(|l| l.starts_with("cat > t.yaml <<'EOF'\n") && l.ends_with("\nEOF")), "{lines:?}");
    use lambda_runtime_playground::app::share::{payload, read_payload, Link};
    // A version-2 link's payload (before the browser deflates it) carries the script whole.
    let read = read_payload(&payload(&Link { script: lines, ..Default::default() }), true);
    let text = read.link.script.join("\n");
    let mut replayed = Session::new();
    for r in replayed.run_script(&text) {
        assert!(r.ok(), "{}: {}", r.command, r.printed);
    }
    assert!(replayed.history().live() == s.history().live(), "the same state");
    ok(&mut replayed, "aws cloudformation describe-stacks --stack-name s --region eu-west-1");
}
