//! Platform log lines: INIT_START with the runtime version, START / END / REPORT, cold starts,
//! failures with the LAMBDA_WARNING, log streams, `--log-type Tail`.

use super::check::check;
use crate::common::*;
use expect_test::expect;
use lambda_runtime_playground::model::api::*;
use lambda_runtime_playground::model::digest::{hex, sha256};
use lambda_runtime_playground::model::time::MINUTE;
use lambda_runtime_playground::model::*;

/// A cold start writes INIT_START to the platform logs (CloudWatch Logs); the invocation's tail
/// never has it (AWS: INIT_START "is not visible in the console"; LocalStack snapshot
/// test_invocation_with_logs), though its REPORT shows the Init Duration.
#[test]
fn a_cold_start_logs_init_start_in_the_platform_logs_only() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda invoke --function-name f --log-type Tail out.json  # => ExecutedVersion LogResult|log
        sim logs f --filter INIT_START  # => events[].message
        aws lambda create-function --function-name n --runtime nodejs18.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://n.zip --region us-east-1
        aws lambda invoke --function-name n out.json --region us-east-1
        sim logs n --region us-east-1 --filter INIT_START  # => events[].message
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda invoke --function-name f --log-type Tail out.json
              ExecutedVersion: "$LATEST"
              LogResult:
                START RequestId: 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4 Version: $LATEST
                END RequestId: 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4
                REPORT RequestId: 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4	Duration: 22.05 ms	Billed Duration: 23 ms	Memory Size: 128 MB	Max Memory Used: 50 MB	Init Duration: 282.07 ms	
            $ sim logs f --filter INIT_START
              events[].message: ["INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {rv eu-south-1 python3.9 14}"]
            $ aws lambda create-function --function-name n --runtime nodejs18.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://n.zip --region us-east-1
            $ aws lambda invoke --function-name n out.json --region us-east-1
            $ sim logs n --region us-east-1 --filter INIT_START
              events[].message: ["INIT_START Runtime Version: nodejs:18.v5\tRuntime Version ARN: {rv us-east-1 nodejs18.x 5}"]
        "#]],
    );
}

/// The platform logs' INIT_START line, exactly (a tab between its two fields) and the ARN's hash.
#[test]
fn init_start_has_a_tab_and_a_64_digit_hash() {
    let mut d = Driver::new("eu-south-1");
    d.create("f", "python3.9");
    d.invoke("f", None);
    let logs = platform_log(&d, "f");
    let hash = hex(&sha256(b"lambda-runtime-version/python3.9/v14/x86_64"));
    assert_eq!(
        logs[0],
        format!("INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: arn:aws:lambda:eu-south-1::runtime:{hash}")
    );
}

/// The platform log lines of a function's `$LATEST`, oldest first.
fn platform_log(d: &Driver, name: &str) -> Vec<String> {
    let id = d.lambda.resolve(&d.region, name, None).expect("function exists");
    d.lambda.version(id).unwrap().environments.logs.iter().map(|e| e.message.clone()).collect()
}

/// The tail of a cold start: START, END and REPORT (never INIT_START), REPORT with its fields
/// tab-separated and a trailing tab (LocalStack snapshot test_invocation_with_logs).
#[test]
fn start_end_and_report_lines_have_the_exact_formats() {
    let mut d = Driver::new("eu-south-1");
    d.create("f", "python3.9");
    d.call(Request::UpdateFunctionConfiguration(UpdateFunctionConfigurationRequest {
        function_name: "f".into(),
        memory_size: Some(512),
        ..Default::default()
    }))
    .unwrap();
    d.publish("f");
    for (q, label) in [(None, "$LATEST"), (Some("1"), "1")] {
        let log = decode_log(d.invoke("f", q).log_result.as_deref().unwrap());
        let log: Vec<&str> = log.lines().collect();
        assert_eq!(log.len(), 3, "{log:?}");
        let id = log[0].strip_prefix("START RequestId: ").unwrap().strip_suffix(&format!(" Version: {label}")).unwrap();
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(parts.iter().map(|p| p.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12], "{id}");
        assert_eq!(log[1], format!("END RequestId: {id}"));
        let fields: Vec<&str> = log[2].split('\t').collect();
        assert_eq!(fields.len(), 7, "{fields:?}");
        assert_eq!(fields[6], "", "a trailing tab");
        assert_eq!(fields[0], format!("REPORT RequestId: {id}"));
        let duration = fields[1].strip_prefix("Duration: ").unwrap().strip_suffix(" ms").unwrap();
        assert_eq!(duration.split('.').nth(1).map(str::len), Some(2), "two decimals: {duration}");
        let duration: f64 = duration.parse().unwrap();
        let billed: f64 =
            fields[2].strip_prefix("Billed Duration: ").unwrap().strip_suffix(" ms").unwrap().parse().unwrap();
        assert!(billed.fract() == 0.0 && billed >= duration && billed <= duration.ceil() + 1.0, "{duration} {billed}");
        assert_eq!(fields[3], "Memory Size: 512 MB");
        let used = fields[4].strip_prefix("Max Memory Used: ").unwrap().strip_suffix(" MB").unwrap();
        assert!(used.parse::<u32>().unwrap() <= 512);
        let init = fields[5].strip_prefix("Init Duration: ").unwrap().strip_suffix(" ms").unwrap();
        assert_eq!(init.split('.').nth(1).map(str::len), Some(2), "{init}");
    }
}

#[test]
fn init_duration_only_on_cold_starts() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda invoke --function-name f --log-type Tail out.json  # => LogResult|log
        sim advance 1m
        aws lambda invoke --function-name f --log-type Tail out.json  # => LogResult|log
        sim advance 2h
        aws lambda invoke --function-name f --log-type Tail out.json  # => LogResult|log
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda invoke --function-name f --log-type Tail out.json
              LogResult:
                START RequestId: 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4 Version: $LATEST
                END RequestId: 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4
                REPORT RequestId: 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4	Duration: 22.05 ms	Billed Duration: 23 ms	Memory Size: 128 MB	Max Memory Used: 50 MB	Init Duration: 282.07 ms	
            $ sim advance 1m
            $ aws lambda invoke --function-name f --log-type Tail out.json
              LogResult:
                START RequestId: 7e348a0e-4516-40be-a36d-ed897f3e46e6 Version: $LATEST
                END RequestId: 7e348a0e-4516-40be-a36d-ed897f3e46e6
                REPORT RequestId: 7e348a0e-4516-40be-a36d-ed897f3e46e6	Duration: 16.95 ms	Billed Duration: 17 ms	Memory Size: 128 MB	Max Memory Used: 72 MB	
            $ sim advance 2h
            $ aws lambda invoke --function-name f --log-type Tail out.json
              LogResult:
                START RequestId: 7ed90003-f67f-4e1d-97ea-dff448a86a07 Version: $LATEST
                END RequestId: 7ed90003-f67f-4e1d-97ea-dff448a86a07
                REPORT RequestId: 7ed90003-f67f-4e1d-97ea-dff448a86a07	Duration: 72.08 ms	Billed Duration: 73 ms	Memory Size: 128 MB	Max Memory Used: 68 MB	Init Duration: 216.41 ms	
        "#]],
    );
}

#[test]
fn a_failed_invocation_reports_status_error_and_the_lambda_warning() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        sim release python3.9 --changes strict-tls
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
        sim relies-on f strict-tls
        aws lambda invoke --function-name f --log-type Tail out.json  # => StatusCode FunctionError ExecutedVersion LogResult|log
        cat out.json  # => errorType errorMessage
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
        aws lambda invoke --function-name f --log-type Tail out.json  # => FunctionError LogResult|log
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ sim release python3.9 --changes strict-tls
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
            $ sim relies-on f strict-tls
            $ aws lambda invoke --function-name f --log-type Tail out.json
              StatusCode: 200
              FunctionError: "Unhandled"
              ExecutedVersion: "$LATEST"
              LogResult:
                START RequestId: 3474724a-775b-49bf-be34-8a0e451650be Version: $LATEST
                [WARNING]	2023-01-23T00:00:00Z	3474724a-775b-49bf-be34-8a0e451650be	LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in rare cases, a Lambda runtime update can cause unexpected function behavior. For functions using managed runtimes, runtime updates can be triggered by a function change, or can be applied automatically. To determine if the runtime has been updated, check the runtime version in the INIT_START log entry. If this error correlates with a change in the runtime version, you may be able to mitigate this error by temporarily rolling back to the previous runtime version. For more information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html
                [ERROR] BehaviorChangedError: the code relies on behavior 'strict-tls', which python:3.9.v15 changed
                END RequestId: 3474724a-775b-49bf-be34-8a0e451650be
                REPORT RequestId: 3474724a-775b-49bf-be34-8a0e451650be	Duration: 35.98 ms	Billed Duration: 36 ms	Memory Size: 128 MB	Max Memory Used: 51 MB	Init Duration: 339.56 ms	
            $ cat out.json
              errorType: "BehaviorChangedError"
              errorMessage: "the code relies on behavior 'strict-tls', which python:3.9.v15 changed"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
            $ aws lambda invoke --function-name f --log-type Tail out.json
              FunctionError: null
              LogResult:
                START RequestId: 7ed90003-f67f-4e1d-97ea-dff448a86a07 Version: $LATEST
                END RequestId: 7ed90003-f67f-4e1d-97ea-dff448a86a07
                REPORT RequestId: 7ed90003-f67f-4e1d-97ea-dff448a86a07	Duration: 72.08 ms	Billed Duration: 73 ms	Memory Size: 128 MB	Max Memory Used: 68 MB	Init Duration: 216.41 ms	
        "#]],
    );
}

#[test]
fn log_streams_are_named_by_date_version_and_32_hex_digits() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        sim advance 29h
        aws lambda invoke --function-name f out.json
        aws lambda invoke --function-name f --qualifier 1 out.json
        sim logs f  # => events[].logStreamName
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ sim advance 29h
            $ aws lambda invoke --function-name f out.json
            $ aws lambda invoke --function-name f --qualifier 1 out.json
            $ sim logs f
              events[].logStreamName: ["2023/01/24/[$LATEST]5705b8770b3d7dd59e54d738297f77ae","2023/01/24/[$LATEST]5705b8770b3d7dd59e54d738297f77ae","2023/01/24/[$LATEST]5705b8770b3d7dd59e54d738297f77ae","2023/01/24/[$LATEST]5705b8770b3d7dd59e54d738297f77ae","2023/01/24/[1]341452c54d7c33f21a83d752f35eba75","2023/01/24/[1]341452c54d7c33f21a83d752f35eba75","2023/01/24/[1]341452c54d7c33f21a83d752f35eba75","2023/01/24/[1]341452c54d7c33f21a83d752f35eba75"]
        "#]],
    );
}

/// Phase 2 moves an Auto version under a warm environment: it stays on its runtime version
/// while warm (invoked every 5 minutes here), and the first invocation after the move is a cold
/// start on the new one.
#[test]
fn environments_keep_their_runtime_version() {
    let mut d = Driver::new("eu-south-1");
    // The platform log line each invocation starts with: INIT_START on a cold start.
    let first_line = |d: &mut Driver| {
        let before = platform_log(d, "f").len();
        d.invoke("f", None);
        platform_log(d, "f").get(before).cloned().unwrap_or_default()
    };
    d.create("f", "python3.9");
    assert!(first_line(&mut d).starts_with("INIT_START Runtime Version: python:3.9.v14\t"));
    assert!(!first_line(&mut d).starts_with("INIT_START"), "warm");
    let v13 = lambda_runtime_playground::model::arn::runtime_version_arn("eu-south-1", "python3.9", 13, "x86_64");
    d.put_mode("f", None, "Manual", Some(&v13)).unwrap();
    assert_eq!(first_line(&mut d), format!("INIT_START Runtime Version: python:3.9.v13\tRuntime Version ARN: {v13}"));
    d.put_mode("f", None, "Auto", None).unwrap();
    assert!(first_line(&mut d).starts_with("INIT_START Runtime Version: python:3.9.v14\t"));
    d.release("python3.9", &[]);
    d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: Some("eu-south-1".into()) }).unwrap();
    let steps = d.lambda.timing().phase2_window / (5 * MINUTE) + 1;
    for _ in 0..steps {
        d.advance(5 * MINUTE);
        let line = first_line(&mut d);
        if d.version_of("f", None) == "python:3.9.v15" {
            assert!(line.starts_with("INIT_START Runtime Version: python:3.9.v15\t"), "{line}");
            return;
        }
        assert!(!line.starts_with("INIT_START"), "still warm on v14: {line}");
    }
    panic!("phase 2 never moved the function");
}

#[test]
fn log_type_tail_returns_base64_of_the_invocation_log_and_none_without_it() {
    let mut d = Driver::new("eu-south-1");
    d.create("f", "python3.9");
    let inv = d.invoke("f", None);
    let raw = inv.log_result.as_deref().unwrap();
    assert!(raw.len() % 4 == 0 && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{raw}");
    let id = d.lambda.resolve("eu-south-1", "f", None).unwrap();
    let logged: Vec<String> =
        d.lambda.version(id).unwrap().environments.logs.iter().map(|e| e.message.clone()).collect();
    assert_eq!(logged.len(), 4);
    assert!(logged[0].starts_with("INIT_START "), "the platform logs have INIT_START");
    assert_eq!(decode_log(raw), format!("{}\n", logged[1..].join("\n")), "the tail has the rest");
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda invoke --function-name f out.json  # => LogResult
        aws lambda invoke --function-name f --log-type None out.json  # => LogResult
        ! aws lambda invoke --function-name f --log-type All out.json
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda invoke --function-name f out.json
              LogResult: null
            $ aws lambda invoke --function-name f --log-type None out.json
              LogResult: null
            $ ! aws lambda invoke --function-name f --log-type All out.json
              ! An error occurred (ValidationException) when calling the Invoke operation: 1 validation error detected: Value 'All' at 'logType' failed to satisfy constraint: Member must satisfy enum value set: [Tail, None]
        "#]],
    );
}
