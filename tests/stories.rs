//! The three stories of the runtime management launch post, asserted at every step on the model.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use lambda_runtime_playground::model::arn::runtime_version_arn;
use lambda_runtime_playground::model::time::{DAY, HOUR};
use lambda_runtime_playground::model::*;

/// The newest INIT_START of a function's `$LATEST` in the platform logs (CloudWatch Logs): an
/// invocation's own tail never holds it, as AWS returns it.
fn init_start(d: &Driver, name: &str) -> String {
    let id = d.lambda.resolve(&d.region, name, None).expect("function exists");
    let logs = &d.lambda.version(id).expect("a version").environments.logs;
    logs.iter().rev().find(|e| e.message.starts_with("INIT_START ")).map(|e| e.message.clone()).unwrap_or_default()
}

/// Story 1: a new runtime version reaches functions in two phases, region by region.
#[test]
fn two_phase_automatic_rollout() {
    let mut d = Driver::new("eu-south-1");
    d.create("orders", "python3.9");
    d.create("inventory", "python3.9");
    d.in_region("us-east-1").create("payments", "python3.9");
    d.in_region("eu-south-1");
    assert_eq!(d.version_of("orders", None), "python:3.9.v14");

    let first = d.invoke("inventory", None);
    assert!(!decode_log(first.log_result.as_deref().unwrap()).contains("INIT_START"), "not in the tail");
    assert_eq!(
        init_start(&d, "inventory"),
        format!(
            "INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {}",
            runtime_version_arn("eu-south-1", "python3.9", 14, "x86_64")
        )
    );

    let release = d.release("python3.9", &[]);
    assert_eq!(release["RuntimeVersion"], "python:3.9.v15");
    assert_eq!(release["Regions"][0]["Region"], "eu-south-1", "the stagger order starts in eu-south-1");
    // Phase 1: nothing moves by itself.
    assert_eq!(d.version_of("orders", None), "python:3.9.v14");
    assert_eq!(d.version_of("inventory", None), "python:3.9.v14");

    d.advance(HOUR);
    d.update_code("orders", "orders-v2.zip");
    assert_eq!(d.version_of("orders", None), "python:3.9.v15", "phase 1 moves an updated function");
    assert_eq!(d.version_of("inventory", None), "python:3.9.v14");
    d.in_region("us-east-1").update_code("payments", "payments-v2.zip");
    assert_eq!(d.version_of("payments", None), "python:3.9.v14", "the release has not reached us-east-1");
    d.in_region("eu-south-1");

    // Phase 2 starts two days after phase 1 and spreads over three days.
    d.advance(2 * DAY - HOUR - 1);
    assert_eq!(d.version_of("inventory", None), "python:3.9.v14");
    d.advance(3 * DAY + 1);
    assert_eq!(d.version_of("inventory", None), "python:3.9.v15", "phase 2 moved the Auto function");
    d.invoke("inventory", None);
    assert!(init_start(&d, "inventory").starts_with(
        "INIT_START Runtime Version: python:3.9.v15\tRuntime Version ARN: arn:aws:lambda:eu-south-1::runtime:"
    ));

    // us-east-1 is last in the stagger: its phase 1 began on day 4, phase 2 ends on day 9.
    d.in_region("us-east-1");
    assert_eq!(d.version_of("payments", None), "python:3.9.v14");
    d.advance(4 * DAY);
    assert_eq!(d.version_of("payments", None), "python:3.9.v15");
}

/// Story 2: FunctionUpdate mode; published versions are fixed snapshots, rollback goes through them.
#[test]
fn function_update_mode_with_published_versions() {
    let mut d = Driver::new("eu-west-1");
    d.create("checkout", "python3.9");
    d.put_mode("checkout", None, "FunctionUpdate", None).unwrap();
    let v1 = d.publish("checkout");
    assert_eq!(v1.version, "1");
    assert_eq!(d.version_of("checkout", Some("1")), "python:3.9.v14");

    d.release("python3.9", &["datetime-parsing"]);
    d.advance(10 * DAY);
    assert_eq!(d.version_of("checkout", None), "python:3.9.v14", "FunctionUpdate $LATEST waits for an update");
    assert_eq!(d.version_of("checkout", Some("1")), "python:3.9.v14", "published versions never move");

    d.update_code("checkout", "checkout-v2.zip");
    d.relies_on("checkout", "datetime-parsing");
    assert_eq!(d.version_of("checkout", None), "python:3.9.v15");
    let v2 = d.publish("checkout");
    assert_eq!(v2.version, "2");
    assert_eq!(d.version_of("checkout", Some("2")), "python:3.9.v15");

    let broken = d.invoke("checkout", Some("2"));
    assert_eq!(broken.function_error.as_deref(), Some("Unhandled"));
    assert_eq!(broken.status_code, 200);
    assert!(decode_log(broken.log_result.as_deref().unwrap()).contains("LAMBDA_WARNING: Unhandled exception."));

    // Rollback: traffic goes back to version 1, still on v14 with the old code.
    let ok = d.invoke("checkout", Some("1"));
    assert_eq!(ok.function_error, None);
    assert_eq!(ok.executed_version, "1");

    d.release("python3.9", &[]);
    d.advance(10 * DAY);
    assert_eq!(d.version_of("checkout", Some("1")), "python:3.9.v14");
    assert_eq!(d.version_of("checkout", Some("2")), "python:3.9.v15");
    assert_eq!(d.version_of("checkout", None), "python:3.9.v15");
}

/// Story 3: an incompatible runtime version breaks a function; Manual pins it back.
#[test]
fn manual_rollback_after_an_incompatible_runtime_version() {
    let mut d = Driver::new("eu-south-1");
    d.create("billing", "python3.9");
    d.relies_on("billing", "ssl-legacy-renegotiation");
    assert_eq!(d.invoke("billing", None).function_error, None);

    d.release("python3.9", &["ssl-legacy-renegotiation"]);
    d.advance(5 * DAY);
    assert_eq!(d.version_of("billing", None), "python:3.9.v15");
    let failed = d.invoke("billing", None);
    assert_eq!(failed.function_error.as_deref(), Some("Unhandled"));
    let log = decode_log(failed.log_result.as_deref().unwrap());
    assert!(init_start(&d, "billing").starts_with("INIT_START Runtime Version: python:3.9.v15\t"));
    // A handler error: the LAMBDA_WARNING and the error, and no runtime Status in REPORT.
    assert!(log.contains("LAMBDA_WARNING: Unhandled exception.") && !log.contains("Status: error"), "{log}");

    let v14 = runtime_version_arn("eu-south-1", "python3.9", 14, "x86_64");
    let e = d.put_mode("billing", None, "Manual", None).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
    let wrong_arch = runtime_version_arn("eu-south-1", "python3.9", 14, "arm64");
    assert_eq!(
        d.put_mode("billing", None, "Manual", Some(&wrong_arch)).unwrap_err().code,
        ErrorCode::InvalidParameterValueException
    );

    d.put_mode("billing", None, "Manual", Some(&v14)).unwrap();
    assert_eq!(d.version_of("billing", None), "python:3.9.v14");
    let fixed = d.invoke("billing", None);
    assert_eq!(fixed.function_error, None);
    assert_eq!(
        init_start(&d, "billing"),
        format!("INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {v14}")
    );

    // Manual blocks runtime changes on $LATEST, and stays pinned through another release.
    let e = d
        .call(Request::UpdateFunctionConfiguration(api::UpdateFunctionConfigurationRequest {
            function_name: "billing".into(),
            runtime: Some("python3.8".into()),
            ..Default::default()
        }))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
    assert!(e.message.contains("Manual"));
    d.release("python3.9", &[]);
    d.advance(10 * DAY);
    assert_eq!(d.version_of("billing", None), "python:3.9.v14");

    // Fix the code, then go back to Auto: the newest version, and it works.
    d.update_code("billing", "billing-v2.zip");
    assert_eq!(d.version_of("billing", None), "python:3.9.v14", "Manual keeps its pin through updates");
    d.put_mode("billing", None, "Auto", None).unwrap();
    assert_eq!(d.version_of("billing", None), "python:3.9.v16");
    assert_eq!(d.invoke("billing", None).function_error, None);
}
