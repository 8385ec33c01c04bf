//! Background traffic and its metrics, which only the UI shows: counted per hour, fractional
//! rates averaging out, failures counted (and logged once an hour), expired runtime versions.

use crate::common::*;
use lambda_runtime_playground::model::time::{DAY, DEFAULT_CLOCK, HOUR};
use lambda_runtime_playground::model::*;
use serde_json::Value;

const HOME: &str = "eu-south-1";

fn version_id(d: &Driver, name: &str, qualifier: Option<&str>) -> VersionId {
    d.lambda.resolve(&d.region, name, qualifier).expect("function exists")
}

fn traffic(d: &mut Driver, name: &str, qualifier: Option<&str>, per_minute: f64) {
    d.sim(Directive::Traffic { function: name.into(), qualifier: qualifier.map(Into::into), per_minute }).unwrap();
}

/// Makes a function fail: a release changes a behaviour, the code relies on it, phase 1 moves it.
fn break_function(d: &mut Driver, name: &str) {
    d.release("python3.9", &["strict-tls"]);
    d.update_code(name, &format!("{name}-v2.zip"));
    d.relies_on(name, "strict-tls");
    assert_eq!(d.version_of(name, None), "python:3.9.v15");
}

fn rv(region: &str, runtime: &str, number: u32) -> String {
    lambda_runtime_playground::model::arn::runtime_version_arn(region, runtime, number, "x86_64")
}

#[test]
fn traffic_counts_invocations_per_hour() {
    let mut d = Driver::new(HOME); // 2023-01-23T00:00:00Z, on a minute and hour boundary
    d.create("f", "python3.9");
    d.publish("f");
    traffic(&mut d, "f", None, 10.0);
    traffic(&mut d, "f", Some("1"), 2.0);
    d.advance(3 * HOUR);
    let hour0 = DEFAULT_CLOCK.0 / HOUR;
    let latest = &d.lambda.version(version_id(&d, "f", None)).unwrap().metrics;
    let buckets: Vec<_> = latest.buckets().collect();
    let hours: Vec<i64> = buckets.iter().map(|b| b.hour).collect();
    assert_eq!(hours, [hour0, hour0 + 1, hour0 + 2, hour0 + 3]);
    for b in &buckets[1..3] {
        assert_eq!((b.invocations, b.errors), (600, 0), "a full hour at 10 a minute");
    }
    assert_eq!(latest.totals().invocations, 10 * 180);
    assert!(latest.totals().cold_starts >= 1);
    let one = &d.lambda.version(version_id(&d, "f", Some("1"))).unwrap().metrics;
    assert_eq!(one.buckets().nth(1).unwrap().invocations, 120);
    assert_eq!(one.totals().invocations, 2 * 180);
}

#[test]
fn fractional_traffic_averages_out() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    traffic(&mut d, "f", None, 0.5);
    d.advance(10 * HOUR);
    let total = d.lambda.version(version_id(&d, "f", None)).unwrap().metrics.totals().invocations;
    assert!((240..=360).contains(&total), "about 300, got {total}");
}

#[test]
fn traffic_errors_are_counted_when_the_version_is_broken() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    break_function(&mut d, "f");
    traffic(&mut d, "f", None, 10.0);
    d.advance(2 * HOUR);
    let t = d.lambda.version(version_id(&d, "f", None)).unwrap().metrics.totals();
    assert_eq!(t.invocations, 1200);
    assert_eq!(t.errors, t.invocations);
}

#[test]
fn expire_makes_invocations_fail_after_the_expiry() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.create("pinned", "python3.9");
    d.put_mode("pinned", None, "Manual", Some(&rv(HOME, "python3.9", 13))).unwrap();
    d.sim(Directive::Expire { runtime: "python3.9".into(), version: 14, after_ms: HOUR }).unwrap();
    assert_eq!(d.invoke("f", None).function_error, None, "before the expiry");
    traffic(&mut d, "f", None, 10.0);
    d.advance(2 * HOUR);
    let inv = d.invoke("f", None);
    assert_eq!((inv.status_code, inv.function_error.as_deref()), (200, Some("Unhandled")));
    let payload: Value = serde_json::from_str(&inv.payload).unwrap();
    assert_eq!(payload["errorType"], "Runtime.ExpiredRuntimeVersion");
    let m = &d.lambda.version(version_id(&d, "f", None)).unwrap().metrics;
    let buckets: Vec<_> = m.buckets().collect();
    assert_eq!(buckets[0].errors, 0, "{buckets:?}");
    assert_eq!((buckets[1].invocations, buckets[1].errors), (600, 600));
    assert_eq!(d.invoke("pinned", None).function_error, None, "other versions are unaffected");
}

#[test]
fn failing_background_traffic_is_all_counted_but_logged_once_an_hour() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.relies_on("f", "x");
    d.release("python3.9", &["x"]);
    d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: None }).unwrap();
    d.advance(4 * DAY);
    d.sim(Directive::Traffic { function: "f".into(), qualifier: None, per_minute: 5.0 }).unwrap();
    d.advance(3 * HOUR);
    let id = d.lambda.resolve(HOME, "f", None).unwrap();
    let v = d.lambda.version(id).unwrap();
    let totals = v.metrics.totals();
    assert_eq!((totals.invocations, totals.errors), (5 * 180, 5 * 180));
    let warnings = v.environments.logs.iter().filter(|e| e.message.contains("LAMBDA_WARNING")).count();
    assert!((3..=4).contains(&warnings), "one logged failure an hour, not {warnings}");
}

/// Traffic through a weighted alias: each arm runs its weight's share, counted per version; a
/// routing change moves the shares from then on.
#[test]
fn alias_traffic_splits_by_weight_and_follows_routing_changes() {
    use lambda_runtime_playground::model::api::*;
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.publish("f");
    d.update_code("f", "f-v2.zip");
    d.publish("f");
    let alias = |version: &str, weight: f64| CreateAliasRequest {
        function_name: "f".into(),
        name: "live".into(),
        function_version: version.into(),
        routing_config: Some(AliasRoutingConfiguration {
            additional_version_weights: [("2".to_string(), weight)].into(),
        }),
        ..Default::default()
    };
    d.call(Request::CreateAlias(alias("1", 0.25))).unwrap();
    traffic(&mut d, "f", Some("live"), 8.0);
    d.advance(3 * HOUR);
    let count =
        |d: &Driver, q: &str| d.lambda.version(version_id(d, "f", Some(q))).unwrap().metrics.totals().invocations;
    assert_eq!((count(&d, "1"), count(&d, "2")), (6 * 180, 2 * 180), "a quarter to version 2");
    d.call(Request::UpdateAlias(UpdateAliasRequest {
        function_name: "f".into(),
        name: "live".into(),
        routing_config: Some(AliasRoutingConfiguration { additional_version_weights: [("2".to_string(), 0.5)].into() }),
        ..Default::default()
    }))
    .unwrap();
    d.advance(HOUR);
    assert_eq!((count(&d, "1"), count(&d, "2")), (6 * 180 + 4 * 60, 2 * 180 + 4 * 60), "then half");
    assert_eq!(count(&d, "$LATEST"), 0, "the alias does not reach $LATEST");
}
