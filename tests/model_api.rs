//! Focused tests of the model's API against /work/shared/LAMBDA.md: one behaviour each, with the
//! exact AWS strings wherever LAMBDA.md gives them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use lambda_runtime_playground::model::api::*;
use lambda_runtime_playground::model::arn::runtime_version_arn;
use lambda_runtime_playground::model::digest::{hex, sha256};
use lambda_runtime_playground::model::history::History;
use lambda_runtime_playground::model::rollout::RolloutPolicy;
use lambda_runtime_playground::model::time::{DAY, DEFAULT_CLOCK, HOUR, MINUTE};
use lambda_runtime_playground::model::*;
use serde_json::Value;

const ACCOUNT: &str = "123456789012";
const HOME: &str = "eu-south-1";

// ------------------------------------------------------------------------------------------ helpers

fn fn_arn(region: &str, name: &str, qualifier: Option<&str>) -> String {
    match qualifier {
        Some(q) => format!("arn:aws:lambda:{region}:{ACCOUNT}:function:{name}:{q}"),
        None => format!("arn:aws:lambda:{region}:{ACCOUNT}:function:{name}"),
    }
}

/// An x86_64 runtime version ARN.
fn rv(region: &str, runtime: &str, number: u32) -> String {
    runtime_version_arn(region, runtime, number, "x86_64")
}

fn fail(r: ApiResult<Response>) -> ApiError {
    match r {
        Err(e) => e,
        Ok(r) => panic!("expected an error, got {r:?}"),
    }
}

fn function(r: ApiResult<Response>) -> FunctionConfiguration {
    match r {
        Ok(Response::Function(c)) => *c,
        other => panic!("expected a function configuration, got {other:?}"),
    }
}

fn json(r: &Response) -> Value {
    serde_json::to_value(r).expect("responses serialize")
}

fn get_config(d: &mut Driver, name: &str, qualifier: Option<&str>) -> FunctionConfiguration {
    function(d.call(Request::GetFunctionConfiguration(FunctionRequest {
        function_name: name.into(),
        qualifier: qualifier.map(Into::into),
    })))
}

/// `RuntimeVersionConfig.RuntimeVersionArn` of GetFunctionConfiguration: the version in force.
fn in_force(d: &mut Driver, name: &str, qualifier: Option<&str>) -> String {
    get_config(d, name, qualifier).runtime_version_config.expect("RuntimeVersionConfig").runtime_version_arn
}

fn get_rmc(d: &mut Driver, name: &str, qualifier: Option<&str>) -> ApiResult<Response> {
    d.call(Request::GetRuntimeManagementConfig(FunctionRequest {
        function_name: name.into(),
        qualifier: qualifier.map(Into::into),
    }))
}

fn publish(d: &mut Driver, r: PublishVersionRequest) -> ApiResult<Response> {
    d.call(Request::PublishVersion(r))
}

fn update_config(d: &mut Driver, r: UpdateFunctionConfigurationRequest) -> ApiResult<Response> {
    d.call(Request::UpdateFunctionConfiguration(r))
}

fn update_code(d: &mut Driver, r: UpdateFunctionCodeRequest) -> ApiResult<Response> {
    d.call(Request::UpdateFunctionCode(r))
}

fn delete(d: &mut Driver, name: &str, qualifier: Option<&str>) -> ApiResult<Response> {
    d.call(Request::DeleteFunction(FunctionRequest {
        function_name: name.into(),
        qualifier: qualifier.map(Into::into),
    }))
}

fn lines(inv: &InvokeResponse) -> Vec<String> {
    decode_log(inv.log_result.as_deref().expect("LogResult")).lines().map(String::from).collect()
}

fn is_lower_hex(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5 && parts.iter().zip([8, 4, 4, 4, 12]).all(|(p, n)| is_lower_hex(p, n))
}

/// A driver whose clock starts at an RFC 3339 instant.
fn driver_at(start: &str, region: &str) -> Driver {
    let t = Timestamp::parse_rfc3339(start).expect("timestamp");
    Driver { lambda: Lambda::new(t, 42), region: region.into() }
}

fn advance_to(d: &mut Driver, at: &str) {
    d.lambda.advance_to(Timestamp::parse_rfc3339(at).expect("timestamp"));
}

/// Makes a function fail: a release changes a behaviour, the code relies on it, phase 1 moves it.
fn break_function(d: &mut Driver, name: &str) {
    d.release("python3.9", &["strict-tls"]);
    d.update_code(name, &format!("{name}-v2.zip"));
    d.relies_on(name, "strict-tls");
    assert_eq!(d.version_of(name, None), "python:3.9.v15");
}

fn version_id(d: &Driver, name: &str, qualifier: Option<&str>) -> VersionId {
    d.lambda.resolve(&d.region, name, qualifier).expect("function exists")
}

const NO_LONGER_SUPPORTED: &str = "The runtime parameter of python3.8 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.";

const REVISION_MISMATCH: &str = "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id";

const RUNTIME_VERSION_ARN_PATTERN: &str =
    "^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}::runtime:.+$";

// ------------------------------------------------------------------------------------------ PublishVersion

#[test]
fn publish_version_numbers_versions_from_one() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let v1 = d.publish("f");
    assert_eq!(v1.version, "1");
    assert_eq!(v1.function_arn, fn_arn(HOME, "f", Some("1")));
    d.update_code("f", "f-v2.zip");
    let v2 = d.publish("f");
    assert_eq!(v2.version, "2");
    assert_eq!(v2.function_arn, fn_arn(HOME, "f", Some("2")));
    let listed =
        d.call(Request::ListVersionsByFunction(FunctionRequest { function_name: "f".into(), qualifier: None }));
    let Ok(Response::ListVersions(l)) = listed else { panic!("{listed:?}") };
    let versions: Vec<&str> = l.versions.iter().map(|v| v.version.as_str()).collect();
    assert_eq!(versions, ["$LATEST", "1", "2"]);
}

#[test]
fn publish_with_nothing_changed_returns_the_last_version_with_its_own_description() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let first = function(publish(
        &mut d,
        PublishVersionRequest { function_name: "f".into(), description: Some("first".into()), ..Default::default() },
    ));
    assert_eq!((first.version.as_str(), first.description.as_str()), ("1", "first"));
    let again = function(publish(
        &mut d,
        PublishVersionRequest { function_name: "f".into(), description: Some("second".into()), ..Default::default() },
    ));
    assert_eq!(again.version, "1");
    assert_eq!(again.description, "first", "the original description, not the new one");
    assert_eq!(again.code_sha256, first.code_sha256);
    assert!(d.lambda.resolve(HOME, "f", Some("2")).is_err(), "no version 2 was created");
}

#[test]
fn publish_with_a_code_sha256_other_than_latest_fails_with_the_exact_message() {
    let mut d = Driver::new(HOME);
    let created = d.create("f", "python3.9");
    let given = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let e = fail(publish(
        &mut d,
        PublishVersionRequest { function_name: "f".into(), code_sha256: Some(given.into()), ..Default::default() },
    ));
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
    assert_eq!(e.status(), 400);
    assert_eq!(
        e.message,
        format!(
            "CodeSHA256 ({given}) is different from current CodeSHA256 in $LATEST ({}). Please try again with the CodeSHA256 in $LATEST.",
            created.code_sha256
        )
    );
    // The matching digest publishes.
    let ok = function(publish(
        &mut d,
        PublishVersionRequest {
            function_name: "f".into(),
            code_sha256: Some(created.code_sha256),
            ..Default::default()
        },
    ));
    assert_eq!(ok.version, "1");
}

#[test]
fn publish_with_a_stale_revision_id_fails_with_412() {
    let mut d = Driver::new(HOME);
    let stale = d.create("f", "python3.9").revision_id;
    let current = d.update_code("f", "f-v2.zip").revision_id;
    assert_ne!(stale, current);
    let e = fail(publish(
        &mut d,
        PublishVersionRequest { function_name: "f".into(), revision_id: Some(stale), ..Default::default() },
    ));
    assert_eq!(e.code, ErrorCode::PreconditionFailedException);
    assert_eq!(e.code.as_str(), "PreconditionFailedException");
    assert_eq!(e.status(), 412);
    assert_eq!(e.message, REVISION_MISMATCH);
    let ok = function(publish(
        &mut d,
        PublishVersionRequest { function_name: "f".into(), revision_id: Some(current), ..Default::default() },
    ));
    assert_eq!(ok.version, "1");
}

#[test]
fn stale_revision_id_on_updates_fails_with_412_too() {
    let mut d = Driver::new(HOME);
    let stale = d.create("f", "python3.9").revision_id;
    d.update_code("f", "f-v2.zip");
    let e = fail(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest {
            function_name: "f".into(),
            memory_size: Some(256),
            revision_id: Some(stale.clone()),
            ..Default::default()
        },
    ));
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::PreconditionFailedException, REVISION_MISMATCH));
    let e = fail(update_code(
        &mut d,
        UpdateFunctionCodeRequest {
            function_name: "f".into(),
            zip_file: "f-v3.zip".into(),
            revision_id: Some(stale),
            ..Default::default()
        },
    ));
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::PreconditionFailedException, REVISION_MISMATCH));
}

#[test]
fn version_numbers_are_never_reused_after_a_delete() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    assert_eq!(d.publish("f").version, "1");
    d.update_code("f", "f-v2.zip");
    assert_eq!(d.publish("f").version, "2");
    assert_eq!(delete(&mut d, "f", Some("2")), Ok(Response::Empty));
    let e =
        fail(d.call(Request::GetFunction(FunctionRequest { function_name: "f".into(), qualifier: Some("2".into()) })));
    assert_eq!(e.message, format!("Function not found: {}", fn_arn(HOME, "f", Some("2"))));
    d.update_code("f", "f-v3.zip");
    assert_eq!(d.publish("f").version, "3");
    assert_eq!(delete(&mut d, "f", Some("1")), Ok(Response::Empty));
    assert_eq!(delete(&mut d, "f", Some("3")), Ok(Response::Empty));
    d.update_code("f", "f-v4.zip");
    assert_eq!(d.publish("f").version, "4");
}

#[test]
fn published_version_snapshots_code_configuration_and_runtime_version() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), memory_size: Some(256), ..Default::default() },
    ));
    let v1 = d.publish("f");
    assert_eq!(v1.runtime_version_config.as_ref().unwrap().runtime_version_arn, rv(HOME, "python3.9", 14));

    d.release("python3.9", &[]);
    d.advance(HOUR);
    let updated = d.update_code("f", "f-v2.zip");
    function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), memory_size: Some(1024), ..Default::default() },
    ));
    assert_ne!(updated.code_sha256, v1.code_sha256);

    let one = get_config(&mut d, "f", Some("1"));
    assert_eq!(one.code_sha256, v1.code_sha256, "version 1 keeps its code");
    assert_eq!(one.memory_size, 256, "version 1 keeps its configuration");
    assert_eq!(one.runtime_version_config.unwrap().runtime_version_arn, rv(HOME, "python3.9", 14));

    let v2 = d.publish("f");
    assert_eq!(v2.version, "2");
    assert_eq!((v2.code_sha256.as_str(), v2.memory_size), (updated.code_sha256.as_str(), 1024));
    assert_eq!(v2.runtime_version_config.unwrap().runtime_version_arn, rv(HOME, "python3.9", 15));
    assert_eq!(d.version_of("f", Some("2")), "python:3.9.v15");
    assert_eq!(d.version_of("f", Some("1")), "python:3.9.v14");
}

#[test]
fn published_version_inherits_the_runtime_management_config_of_latest() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.put_mode("f", None, "FunctionUpdate", None).unwrap();
    d.publish("f");
    let one = json(&get_rmc(&mut d, "f", Some("1")).unwrap());
    assert_eq!(one["UpdateRuntimeOn"], "FunctionUpdate");
    assert_eq!(one["FunctionArn"], fn_arn(HOME, "f", Some("1")));

    let v13 = rv(HOME, "python3.9", 13);
    d.put_mode("f", None, "Manual", Some(&v13)).unwrap();
    d.update_code("f", "f-v2.zip");
    assert_eq!(d.publish("f").version, "2");
    let two = json(&get_rmc(&mut d, "f", Some("2")).unwrap());
    assert_eq!(two["UpdateRuntimeOn"], "Manual");
    assert_eq!(two["RuntimeVersionArn"], v13);
    assert_eq!(two["FunctionArn"], fn_arn(HOME, "f", Some("2")));
    assert_eq!(in_force(&mut d, "f", Some("2")), v13);
    // Version 1 keeps what it inherited.
    assert_eq!(json(&get_rmc(&mut d, "f", Some("1")).unwrap())["UpdateRuntimeOn"], "FunctionUpdate");
}

#[test]
fn create_with_publish_returns_version_one() {
    let mut d = Driver::new(HOME);
    let c =
        function(d.call(Request::CreateFunction(CreateFunctionRequest {
            publish: true,
            ..create_request("f", "python3.9")
        })));
    assert_eq!(c.version, "1");
    assert_eq!(c.function_arn, fn_arn(HOME, "f", Some("1")));
    assert_eq!(d.publish("f").version, "1", "nothing changed since");
}

// ------------------------------------------------------------------------------------------ not found, error bodies

#[test]
fn unknown_function_is_a_404_naming_its_arn() {
    let mut d = Driver::new("us-east-1");
    let expected = "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope";
    let requests = [
        Request::GetFunction(FunctionRequest { function_name: "nope".into(), qualifier: None }),
        Request::GetFunctionConfiguration(FunctionRequest { function_name: "nope".into(), qualifier: None }),
        Request::GetRuntimeManagementConfig(FunctionRequest { function_name: "nope".into(), qualifier: None }),
        Request::ListVersionsByFunction(FunctionRequest { function_name: "nope".into(), qualifier: None }),
        Request::Invoke(InvokeRequest { function_name: "nope".into(), ..Default::default() }),
        Request::PublishVersion(PublishVersionRequest { function_name: "nope".into(), ..Default::default() }),
        Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
            function_name: "nope".into(),
            zip_file: "x.zip".into(),
            ..Default::default()
        }),
        Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
            function_name: "nope".into(),
            update_runtime_on: "Auto".into(),
            ..Default::default()
        }),
    ];
    for r in requests {
        let op = r.operation();
        let e = fail(d.call(r));
        assert_eq!(e.code, ErrorCode::ResourceNotFoundException, "{op}");
        assert_eq!(e.status(), 404, "{op}");
        assert_eq!(e.message, expected, "{op}");
    }
}

#[test]
fn unknown_version_is_a_404_naming_the_qualified_arn() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let e = fail(d.call(Request::GetFunctionConfiguration(FunctionRequest {
        function_name: "f".into(),
        qualifier: Some("7".into()),
    })));
    assert_eq!((e.code, e.status()), (ErrorCode::ResourceNotFoundException, 404));
    assert_eq!(e.message, "Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:7");
    let e = fail(d.call(Request::Invoke(InvokeRequest {
        function_name: "f".into(),
        qualifier: Some("3".into()),
        ..Default::default()
    })));
    assert_eq!(e.message, "Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:3");
    let e = fail(get_rmc(&mut d, "f:5", None));
    assert_eq!(e.message, "Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:5");
}

#[test]
fn error_bodies_capitalise_message_as_lambda_does() {
    let mut d = Driver::new(HOME);
    let not_found =
        fail(d.call(Request::GetFunction(FunctionRequest { function_name: "nope".into(), qualifier: None })));
    let body = not_found.body();
    assert_eq!(body["Type"], "User");
    assert_eq!(body["Message"], not_found.message.as_str());
    assert!(body.get("message").is_none(), "{body}");

    d.create("f", "python3.9");
    let invalid = fail(publish(
        &mut d,
        PublishVersionRequest { function_name: "f".into(), code_sha256: Some("x".into()), ..Default::default() },
    ));
    let body = invalid.body();
    assert_eq!(invalid.code, ErrorCode::InvalidParameterValueException);
    assert_eq!(body["Type"], "User");
    assert_eq!(body["message"], invalid.message.as_str());
    assert!(body.get("Message").is_none(), "{body}");

    let conflict = fail(d.call(Request::CreateFunction(create_request("f", "python3.9"))));
    assert_eq!((conflict.code, conflict.status()), (ErrorCode::ResourceConflictException, 409));
    assert_eq!(conflict.body()["message"], conflict.message.as_str());
    assert!(conflict.body().get("Message").is_none());
}

// ------------------------------------------------------------------------------------------ runtime management config

#[test]
fn update_runtime_on_accepts_only_the_exact_spellings() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    for wrong in ["auto", "AUTO", "manual", "functionUpdate", "Function-Update", "FunctionUpdate ", ""] {
        let e = fail(d.put_mode("f", None, wrong, None));
        assert_eq!(e.code, ErrorCode::ValidationException, "{wrong:?}");
        assert_eq!(e.status(), 400);
        assert!(e.message.contains(&format!("Value '{wrong}' at 'updateRuntimeOn'")), "{}", e.message);
    }
    assert_eq!(json(&get_rmc(&mut d, "f", None).unwrap())["UpdateRuntimeOn"], "Auto", "nothing was set");
    for exact in ["FunctionUpdate", "Auto"] {
        let r = json(&d.put_mode("f", None, exact, None).unwrap());
        assert_eq!(r["UpdateRuntimeOn"], exact);
    }
    let v14 = rv(HOME, "python3.9", 14);
    assert_eq!(json(&d.put_mode("f", None, "Manual", Some(&v14)).unwrap())["UpdateRuntimeOn"], "Manual");
}

#[test]
fn an_unconfigured_version_reports_auto() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.publish("f");
    for (q, arn) in [(None, fn_arn(HOME, "f", None)), (Some("1"), fn_arn(HOME, "f", Some("1")))] {
        let r = json(&get_rmc(&mut d, "f", q).unwrap());
        assert_eq!(r["UpdateRuntimeOn"], "Auto", "{q:?}");
        assert_eq!(r["FunctionArn"], arn);
        assert!(r.get("RuntimeVersionArn").is_none_or(Value::is_null), "{r}");
    }
    // Qualifier defaults to $LATEST.
    assert_eq!(get_rmc(&mut d, "f", None), get_rmc(&mut d, "f", Some("$LATEST")));
}

#[test]
fn runtime_version_arn_is_reported_only_in_manual_mode() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let v13 = rv(HOME, "python3.9", 13);
    let put = json(&d.put_mode("f", None, "Manual", Some(&v13)).unwrap());
    assert_eq!(put["RuntimeVersionArn"], v13);
    assert_eq!(put["FunctionArn"], fn_arn(HOME, "f", None));
    assert_eq!(json(&get_rmc(&mut d, "f", None).unwrap())["RuntimeVersionArn"], v13);
    assert_eq!(in_force(&mut d, "f", None), v13);

    for mode in ["FunctionUpdate", "Auto"] {
        let put = json(&d.put_mode("f", None, mode, None).unwrap());
        assert!(put.get("RuntimeVersionArn").is_none_or(Value::is_null), "{mode}: {put}");
        let get = json(&get_rmc(&mut d, "f", None).unwrap());
        assert_eq!(get["UpdateRuntimeOn"], mode);
        assert!(get.get("RuntimeVersionArn").is_none_or(Value::is_null), "{mode}: {get}");
        // The version in use is in RuntimeVersionConfig instead.
        assert!(in_force(&mut d, "f", None).starts_with("arn:aws:lambda:eu-south-1::runtime:"));
    }
}

#[test]
fn runtime_version_config_appears_in_single_function_responses() {
    let mut d = Driver::new(HOME);
    let v14 = rv(HOME, "python3.9", 14);
    let key = |v: &Value| v["RuntimeVersionConfig"]["RuntimeVersionArn"].clone();
    let created = d.call(Request::CreateFunction(create_request("f", "python3.9"))).unwrap();
    assert_eq!(key(&json(&created)), v14, "CreateFunction");
    let got = d.call(Request::GetFunction(FunctionRequest { function_name: "f".into(), qualifier: None })).unwrap();
    assert_eq!(key(&json(&got)["Configuration"]), v14, "GetFunction.Configuration");
    let conf = d
        .call(Request::GetFunctionConfiguration(FunctionRequest { function_name: "f".into(), qualifier: None }))
        .unwrap();
    assert_eq!(key(&json(&conf)), v14, "GetFunctionConfiguration");
    let code = update_code(
        &mut d,
        UpdateFunctionCodeRequest { function_name: "f".into(), zip_file: "f-v2.zip".into(), ..Default::default() },
    )
    .unwrap();
    assert_eq!(key(&json(&code)), v14, "UpdateFunctionCode");
    let config = update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), timeout: Some(10), ..Default::default() },
    )
    .unwrap();
    assert_eq!(key(&json(&config)), v14, "UpdateFunctionConfiguration");
    let published = publish(&mut d, PublishVersionRequest { function_name: "f".into(), ..Default::default() }).unwrap();
    assert_eq!(key(&json(&published)), v14, "PublishVersion");
}

#[test]
fn runtime_version_config_is_absent_from_list_items() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.create("g", "nodejs18.x");
    d.publish("f");
    let lists = [
        ("Functions", Request::ListFunctions(ListFunctionsRequest::default())),
        (
            "Functions",
            Request::ListFunctions(ListFunctionsRequest { function_version: Some("ALL".into()), max_items: None }),
        ),
        ("Versions", Request::ListVersionsByFunction(FunctionRequest { function_name: "f".into(), qualifier: None })),
    ];
    for (field, request) in lists {
        let op = request.operation();
        let body = json(&d.call(request).unwrap());
        let items = body[field].as_array().unwrap_or_else(|| panic!("{op}: {body}"));
        assert!(items.len() >= 2, "{op}: {body}");
        for item in items {
            assert!(item.get("FunctionName").is_some() && item.get("Runtime").is_some(), "{op}: {item}");
            assert!(item.get("RuntimeVersionConfig").is_none(), "{op}: {item}");
            // List items are a subset: the state fields come from GetFunction(Configuration) only.
            assert!(item.get("State").is_none() && item.get("LastUpdateStatus").is_none(), "{op}: {item}");
        }
    }
    let got = json(
        &d.call(Request::GetFunctionConfiguration(FunctionRequest { function_name: "f".into(), qualifier: None }))
            .unwrap(),
    );
    assert_eq!((got["State"].as_str(), got["LastUpdateStatus"].as_str()), (Some("Active"), Some("Successful")));
}

#[test]
fn success_statuses_follow_the_api() {
    let create = Request::CreateFunction(CreateFunctionRequest::default());
    let publish = Request::PublishVersion(PublishVersionRequest::default());
    let delete = Request::DeleteFunction(FunctionRequest::default());
    let get = Request::GetFunction(FunctionRequest::default());
    assert_eq!([create, publish, delete, get].map(|r| r.success_status()), [201, 201, 204, 200]);
}

#[test]
fn runtime_version_config_changes_at_once_when_the_runtime_changes() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.invoke("f", None);
    let c = function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest {
            function_name: "f".into(),
            runtime: Some("python3.12".into()),
            ..Default::default()
        },
    ));
    assert_eq!(c.runtime, "python3.12");
    // python3.12's newest runtime version in the catalogue is v3.
    assert_eq!(c.runtime_version_config.unwrap().runtime_version_arn, rv(HOME, "python3.12", 3));
    assert_eq!(in_force(&mut d, "f", None), rv(HOME, "python3.12", 3));
    let log = lines(&d.invoke("f", None));
    assert_eq!(
        log[0],
        format!("INIT_START Runtime Version: python:3.12.v3\tRuntime Version ARN: {}", rv(HOME, "python3.12", 3))
    );
}

#[test]
fn manual_without_a_runtime_version_arn_is_rejected() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let e = fail(d.put_mode("f", None, "Manual", None));
    assert_eq!((e.code, e.status()), (ErrorCode::InvalidParameterValueException, 400));
    assert!(e.message.contains("RuntimeVersionArn"), "{}", e.message);
    assert_eq!(json(&get_rmc(&mut d, "f", None).unwrap())["UpdateRuntimeOn"], "Auto");
}

#[test]
fn a_runtime_version_arn_with_auto_or_function_update_is_rejected() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let v13 = rv(HOME, "python3.9", 13);
    for mode in ["Auto", "FunctionUpdate"] {
        let e = fail(d.put_mode("f", None, mode, Some(&v13)));
        assert_eq!(e.code, ErrorCode::InvalidParameterValueException, "{mode}");
        assert!(e.message.contains("RuntimeVersionArn") && e.message.contains("Manual"), "{}", e.message);
    }
    assert_eq!(in_force(&mut d, "f", None), rv(HOME, "python3.9", 14), "nothing was pinned");
}

#[test]
fn manual_with_an_arn_of_another_runtime_region_or_architecture_is_rejected() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let cases = [
        (rv(HOME, "python3.12", 3), "python3.12"),
        (rv("us-east-1", "python3.9", 14), "us-east-1"),
        (runtime_version_arn(HOME, "python3.9", 14, "arm64"), "arm64"),
    ];
    for (arn, named) in cases {
        let e = fail(d.put_mode("f", None, "Manual", Some(&arn)));
        assert_eq!(e.code, ErrorCode::InvalidParameterValueException, "{arn}");
        assert!(e.message.contains(named), "the message names {named}: {}", e.message);
    }
    assert_eq!(json(&get_rmc(&mut d, "f", None).unwrap())["UpdateRuntimeOn"], "Auto");
    assert_eq!(in_force(&mut d, "f", None), rv(HOME, "python3.9", 14));
}

#[test]
fn manual_with_an_arn_naming_no_released_version_is_rejected() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let unknown = [
        rv(HOME, "python3.9", 12), // numbers skip: python3.9 has v11, v13, v14
        rv(HOME, "python3.9", 15), // not released yet
        format!("arn:aws:lambda:{HOME}::runtime:{}", "0".repeat(64)),
    ];
    for arn in unknown {
        let e = fail(d.put_mode("f", None, "Manual", Some(&arn)));
        assert_eq!(e.code, ErrorCode::InvalidParameterValueException, "{arn}");
    }
    // Once released it can be pinned.
    d.release("python3.9", &[]);
    d.put_mode("f", None, "Manual", Some(&rv(HOME, "python3.9", 15))).unwrap();
    assert_eq!(d.version_of("f", None), "python:3.9.v15");
}

#[test]
fn a_malformed_runtime_version_arn_is_a_validation_exception() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let hash = "a".repeat(64);
    for bad in [
        format!("arn:aws:lambda:{HOME}:{ACCOUNT}:runtime:{hash}"),
        format!("arn:aws:lambda:{HOME}::function:{hash}"),
        format!("arn:aws:s3:{HOME}::runtime:{hash}"),
        format!("arn:aws:lambda:eusouth1::runtime:{hash}"),
    ] {
        let e = fail(d.put_mode("f", None, "Manual", Some(&bad)));
        assert_eq!((e.code, e.status()), (ErrorCode::ValidationException, 400), "{bad}");
        assert!(e.message.contains("runtimeVersionArn"), "{}", e.message);
        assert!(e.message.contains(RUNTIME_VERSION_ARN_PATTERN), "{}", e.message);
    }
    let e = fail(d.put_mode("f", None, "Manual", Some("arn:aws:lambda")));
    assert_eq!(e.code, ErrorCode::ValidationException);
    assert!(e.message.contains("runtimeVersionArn"), "{}", e.message);
}

#[test]
fn manual_blocks_a_runtime_change_of_latest() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.put_mode("f", None, "Manual", Some(&rv(HOME, "python3.9", 14))).unwrap();
    let e = fail(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest {
            function_name: "f".into(),
            runtime: Some("python3.12".into()),
            ..Default::default()
        },
    ));
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
    assert!(e.message.contains("Manual"), "{}", e.message);
    assert_eq!(get_config(&mut d, "f", None).runtime, "python3.9");
    // Other configuration changes are allowed.
    let c = function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), memory_size: Some(512), ..Default::default() },
    ));
    assert_eq!(c.memory_size, 512);
}

#[test]
fn manual_blocks_an_architecture_change_of_latest() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.put_mode("f", None, "Manual", Some(&rv(HOME, "python3.9", 14))).unwrap();
    let arm = UpdateFunctionCodeRequest {
        function_name: "f".into(),
        zip_file: "f-v2.zip".into(),
        architectures: Some(vec!["arm64".into()]),
        ..Default::default()
    };
    let e = fail(update_code(&mut d, arm.clone()));
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
    assert!(e.message.contains("Manual"), "{}", e.message);
    assert_eq!(get_config(&mut d, "f", None).architectures, ["x86_64"]);
    // Out of Manual the change goes through, and the runtime version ARN is arm64's.
    d.put_mode("f", None, "Auto", None).unwrap();
    let c = function(update_code(&mut d, arm));
    assert_eq!(c.architectures, ["arm64"]);
    assert_eq!(
        c.runtime_version_config.unwrap().runtime_version_arn,
        runtime_version_arn(HOME, "python3.9", 14, "arm64")
    );
}

// ------------------------------------------------------------------------------------------ update modes

#[test]
fn function_update_latest_moves_only_on_create_or_update() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.put_mode("f", None, "FunctionUpdate", None).unwrap();
    d.release("python3.9", &[]);
    d.advance(10 * DAY);
    assert_eq!(d.version_of("f", None), "python:3.9.v14", "no rollout phase moves FunctionUpdate");
    function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), timeout: Some(30), ..Default::default() },
    ));
    assert_eq!(d.version_of("f", None), "python:3.9.v15", "a configuration update moves it");
    d.release("python3.9", &[]);
    d.advance(HOUR);
    d.update_code("f", "f-v2.zip");
    assert_eq!(d.version_of("f", None), "python:3.9.v16", "a code update moves it");
    // A function created now starts on the newest version of its region.
    d.create("g", "python3.9");
    assert_eq!(d.version_of("g", None), "python:3.9.v16");
}

#[test]
fn function_update_published_versions_never_move() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.put_mode("f", None, "FunctionUpdate", None).unwrap();
    d.publish("f");
    for _ in 0..2 {
        d.release("python3.9", &[]);
        d.advance(10 * DAY);
        d.update_code("f", &format!("f-{}.zip", d.now().0));
    }
    assert_eq!(d.version_of("f", None), "python:3.9.v16");
    assert_eq!(d.version_of("f", Some("1")), "python:3.9.v14");
    assert_eq!(in_force(&mut d, "f", Some("1")), rv(HOME, "python3.9", 14));
}

#[test]
fn manual_never_moves_through_releases_or_phase_2() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.publish("f");
    let v13 = rv(HOME, "python3.9", 13);
    d.put_mode("f", None, "Manual", Some(&v13)).unwrap();
    d.put_mode("f", Some("1"), "Manual", Some(&v13)).unwrap();
    d.release("python3.9", &[]);
    d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: None }).unwrap();
    d.advance(10 * DAY);
    d.update_code("f", "f-v2.zip");
    d.release("python3.9", &[]);
    d.advance(10 * DAY);
    assert_eq!(d.version_of("f", None), "python:3.9.v13");
    assert_eq!(d.version_of("f", Some("1")), "python:3.9.v13");
}

#[test]
fn auto_published_versions_move_in_phase_2() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.publish("f");
    d.release("python3.9", &[]);
    let phase1 = d.lambda.timing().phase1;
    let window = d.lambda.timing().phase2_window;
    d.advance(phase1 - 1);
    assert_eq!(d.version_of("f", Some("1")), "python:3.9.v14", "not in phase 1");
    d.advance(window + 1);
    assert_eq!(d.version_of("f", Some("1")), "python:3.9.v15", "by the end of phase 2");
    assert_eq!(d.version_of("f", None), "python:3.9.v15");
}

#[test]
fn a_version_published_during_phase_2_still_gets_moved() {
    let mut d = Driver::new(HOME);
    let names: Vec<String> = (0..10).map(|i| format!("f{i}")).collect();
    for n in &names {
        d.create(n, "python3.9");
    }
    d.release("python3.9", &[]);
    let (phase1, window) = (d.lambda.timing().phase1, d.lambda.timing().phase2_window);
    d.advance(phase1 + window / 20);
    // A function phase 2 has not reached yet: its published version starts on the old version.
    let late = names.iter().find(|n| d.version_of(n, None) == "python:3.9.v14").expect("one not moved yet").clone();
    assert_eq!(d.publish(&late).version, "1");
    assert_eq!(d.version_of(&late, Some("1")), "python:3.9.v14");
    d.advance(window);
    assert_eq!(d.version_of(&late, Some("1")), "python:3.9.v15");
    assert_eq!(d.version_of(&late, None), "python:3.9.v15");
}

// ------------------------------------------------------------------------------------------ rollouts

#[test]
fn releases_roll_out_region_by_region_in_catalogue_order() {
    let mut d = Driver::new(HOME);
    let regions = d.lambda.catalogue().regions.clone();
    assert_eq!(regions[0], "eu-south-1");
    for r in &regions {
        d.in_region(r).create("f", "python3.9");
    }
    let start = d.now();
    let stagger = d.lambda.timing().region_stagger;
    let release = d.release("python3.9", &[]);
    assert_eq!(release["RuntimeVersion"], "python:3.9.v15");
    let listed: Vec<&str> =
        release["Regions"].as_array().unwrap().iter().map(|r| r["Region"].as_str().unwrap()).collect();
    assert_eq!(listed, regions.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, r) in release["Regions"].as_array().unwrap().iter().enumerate() {
        assert_eq!(r["Phase1Start"], start.plus(stagger * i as i64).rfc3339());
    }
    // An update in each region gets the new version exactly from that region's phase 1 on.
    for (i, r) in regions.iter().enumerate() {
        d.lambda.advance_to(start.plus(stagger * i as i64 - 1).max(start));
        if i > 0 {
            d.in_region(r).update_code("f", &format!("early-{i}.zip"));
            assert_eq!(d.version_of("f", None), "python:3.9.v14", "{r} before its phase 1");
        }
        d.lambda.advance_to(start.plus(stagger * i as i64));
        d.in_region(r).update_code("f", &format!("on-time-{i}.zip"));
        assert_eq!(d.version_of("f", None), "python:3.9.v15", "{r} in its phase 1");
    }
}

#[test]
fn a_release_to_chosen_regions_keeps_the_catalogue_order() {
    let mut d = Driver::new(HOME);
    let release = d
        .sim(Directive::Release {
            runtime: "python3.9".into(),
            regions: vec!["us-east-1".into(), "eu-south-1".into()],
            changes: vec![],
        })
        .unwrap();
    let listed: Vec<&str> =
        release["Regions"].as_array().unwrap().iter().map(|r| r["Region"].as_str().unwrap()).collect();
    assert_eq!(listed, ["eu-south-1", "us-east-1"]);
}

#[test]
fn phase_1_does_not_move_untouched_functions() {
    let mut d = Driver::new(HOME);
    d.create("auto", "python3.9");
    d.publish("auto");
    d.create("fu", "python3.9");
    d.put_mode("fu", None, "FunctionUpdate", None).unwrap();
    d.create("touched", "python3.9");
    d.release("python3.9", &[]);
    let phase1 = d.lambda.timing().phase1;
    d.advance(phase1 / 2);
    d.update_code("touched", "touched-v2.zip");
    d.advance(phase1 / 2 - 1);
    assert_eq!(d.version_of("auto", None), "python:3.9.v14");
    assert_eq!(d.version_of("auto", Some("1")), "python:3.9.v14");
    assert_eq!(d.version_of("fu", None), "python:3.9.v14");
    assert_eq!(d.version_of("touched", None), "python:3.9.v15");
}

#[test]
fn sim_phase2_starts_phase_2_now_in_every_region() {
    let mut d = Driver::new(HOME);
    for r in ["eu-south-1", "us-east-1"] {
        d.in_region(r).create("f", "python3.9");
    }
    d.in_region(HOME);
    d.release("python3.9", &[]);
    let out = d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: None }).unwrap();
    let started: Vec<&str> = out["Phase2StartedIn"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
    assert_eq!(started, d.lambda.catalogue().regions.iter().map(String::as_str).collect::<Vec<_>>());
    let window = d.lambda.timing().phase2_window;
    d.advance(window);
    // us-east-1's own phase 2 would have begun only after four staggers and phase 1.
    assert_eq!(d.in_region("us-east-1").version_of("f", None), "python:3.9.v15");
    assert_eq!(d.in_region(HOME).version_of("f", None), "python:3.9.v15");
    assert!(d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: None }).is_err(), "already started");
}

#[test]
fn sim_phase2_in_one_region_leaves_the_others_on_schedule() {
    let mut d = Driver::new(HOME);
    for r in ["eu-west-1", "us-east-1"] {
        d.in_region(r).create("f", "python3.9");
    }
    d.release("python3.9", &[]);
    d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: Some("us-east-1".into()) }).unwrap();
    let window = d.lambda.timing().phase2_window;
    d.advance(window);
    assert_eq!(d.in_region("us-east-1").version_of("f", None), "python:3.9.v15");
    // eu-west-1 is third in the stagger: its phase 2 starts after two staggers and phase 1.
    let t = d.lambda.timing();
    assert!(2 * t.region_stagger + t.phase1 > window, "the catalogue timing makes this test meaningful");
    assert_eq!(d.in_region("eu-west-1").version_of("f", None), "python:3.9.v14");
}

#[test]
fn no_rollout_means_no_phase_2() {
    let mut d = Driver::new(HOME);
    let e = d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: None }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
}

#[test]
fn the_legacy_policy_moves_a_whole_region_at_once_on_its_start() {
    let mut d = Driver::new(HOME);
    d.create("a", "python3.9");
    d.publish("a");
    d.create("b", "python3.9");
    d.in_region("ap-southeast-2").create("c", "python3.9");
    d.in_region(HOME);
    d.sim(Directive::Policy(RolloutPolicy::Legacy)).unwrap();
    let start = d.now();
    d.release("python3.9", &[]);
    assert_eq!(d.version_of("a", None), "python:3.9.v15");
    assert_eq!(d.version_of("a", Some("1")), "python:3.9.v15");
    assert_eq!(d.version_of("b", None), "python:3.9.v15");
    let stagger = d.lambda.timing().region_stagger;
    d.lambda.advance_to(start.plus(stagger - 1));
    assert_eq!(d.in_region("ap-southeast-2").version_of("c", None), "python:3.9.v14", "the next region waits");
    d.lambda.advance_to(start.plus(stagger));
    assert_eq!(d.in_region("ap-southeast-2").version_of("c", None), "python:3.9.v15", "then moves at once");
}

#[test]
fn a_release_limited_to_some_regions_leaves_the_others_untouched() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.in_region("eu-west-1").create("f", "python3.9");
    let release = d
        .sim(Directive::Release { runtime: "python3.9".into(), regions: vec!["eu-west-1".into()], changes: vec![] })
        .unwrap();
    assert_eq!(release["Regions"].as_array().unwrap().len(), 1);
    d.advance(10 * DAY);
    assert_eq!(d.in_region("eu-west-1").version_of("f", None), "python:3.9.v15");
    d.in_region(HOME);
    assert_eq!(d.version_of("f", None), "python:3.9.v14");
    d.update_code("f", "f-v2.zip");
    assert_eq!(d.version_of("f", None), "python:3.9.v14", "an update finds nothing newer here");
    d.create("g", "python3.9");
    assert_eq!(d.version_of("g", None), "python:3.9.v14");
    let e = fail(d.put_mode("f", None, "Manual", Some(&rv(HOME, "python3.9", 15))));
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException, "not released in {HOME}");
}

// ------------------------------------------------------------------------------------------ deprecation

#[test]
fn create_after_block_create_fails_with_the_exact_message() {
    let mut d = driver_at("2025-04-01T00:00:00Z", HOME);
    let e = fail(d.call(Request::CreateFunction(create_request("old", "python3.8"))));
    assert_eq!((e.code, e.status()), (ErrorCode::InvalidParameterValueException, 400));
    assert_eq!(e.message, NO_LONGER_SUPPORTED);
    assert!(d.lambda.resolve(HOME, "old", None).is_err());
    d.create("new", "python3.9");
}

#[test]
fn block_create_comes_before_block_update() {
    // python3.8: block create 2025-02-28, block update 2025-03-31.
    let mut d = driver_at("2025-02-01T00:00:00Z", HOME);
    d.create("f", "python3.8");
    advance_to(&mut d, "2025-03-15T00:00:00Z");
    let e = fail(d.call(Request::CreateFunction(create_request("g", "python3.8"))));
    assert_eq!(e.message, NO_LONGER_SUPPORTED);
    d.update_code("f", "f-v2.zip");
    function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), timeout: Some(9), ..Default::default() },
    ));
}

#[test]
fn updates_after_block_update_fail_but_invocations_keep_working() {
    let mut d = driver_at("2025-02-01T00:00:00Z", HOME);
    d.create("f", "python3.8");
    advance_to(&mut d, "2025-04-01T00:00:00Z");
    let e = fail(update_code(
        &mut d,
        UpdateFunctionCodeRequest { function_name: "f".into(), zip_file: "f-v2.zip".into(), ..Default::default() },
    ));
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::InvalidParameterValueException, NO_LONGER_SUPPORTED));
    let e = fail(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), memory_size: Some(256), ..Default::default() },
    ));
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::InvalidParameterValueException, NO_LONGER_SUPPORTED));
    assert_eq!(get_config(&mut d, "f", None).memory_size, 128, "nothing changed");
    let inv = d.invoke("f", None);
    assert_eq!((inv.status_code, inv.function_error.as_deref()), (200, None));
    assert!(lines(&inv)[0].starts_with("INIT_START Runtime Version: python:3.8.v16\t"));
}

#[test]
fn an_unknown_runtime_identifier_fails_with_the_enum_message() {
    let mut d = Driver::new(HOME);
    let ids: Vec<&str> = d.lambda.catalogue().runtimes.iter().map(|r| r.id.as_str()).collect();
    let list = format!("[{}]", ids.join(", "));
    assert!(list.starts_with("[nodejs18.x, nodejs20.x, "), "{list}");
    let expected = |x: &str| {
        format!("Value {x} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: {list} or be a valid ARN")
    };
    let e = fail(d.call(Request::CreateFunction(create_request("f", "python2.7"))));
    assert_eq!(e.message, expected("python2.7"));
    d.create("f", "python3.9");
    let e = fail(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest {
            function_name: "f".into(),
            runtime: Some("Python3.9".into()),
            ..Default::default()
        },
    ));
    assert_eq!(e.message, expected("Python3.9"));
}

// ------------------------------------------------------------------------------------------ logs

#[test]
fn init_start_has_the_exact_format_with_a_tab_and_the_runtime_version_arn() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let log = lines(&d.invoke("f", None));
    let arn = rv(HOME, "python3.9", 14);
    assert_eq!(log[0], format!("INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {arn}"));
    let hash = arn.strip_prefix("arn:aws:lambda:eu-south-1::runtime:").expect("empty account field");
    assert!(is_lower_hex(hash, 64), "{hash}");
    // [choice] the hash is the SHA-256 of (runtime, version, architecture).
    assert_eq!(hash, hex(&sha256(b"lambda-runtime-version/python3.9/v14/x86_64")));

    d.in_region("us-east-1").create("n", "nodejs18.x");
    let log = lines(&d.invoke("n", None));
    assert_eq!(
        log[0],
        format!("INIT_START Runtime Version: nodejs:18.v5\tRuntime Version ARN: {}", rv("us-east-1", "nodejs18.x", 5))
    );
}

#[test]
fn start_end_and_report_lines_have_the_exact_formats() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    function(update_config(
        &mut d,
        UpdateFunctionConfigurationRequest { function_name: "f".into(), memory_size: Some(512), ..Default::default() },
    ));
    d.publish("f");
    for (q, label) in [(None, "$LATEST"), (Some("1"), "1")] {
        let log = lines(&d.invoke("f", q));
        assert_eq!(log.len(), 4, "{log:?}");
        let id = log[1].strip_prefix("START RequestId: ").unwrap().strip_suffix(&format!(" Version: {label}")).unwrap();
        assert!(is_uuid(id), "{id}");
        assert_eq!(log[2], format!("END RequestId: {id}"));
        let fields: Vec<&str> = log[3].split('\t').collect();
        assert_eq!(fields.len(), 6, "{fields:?}");
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
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let cold = lines(&d.invoke("f", None));
    assert!(cold[0].starts_with("INIT_START "));
    assert!(cold.last().unwrap().contains("\tInit Duration: "));
    d.advance(MINUTE);
    let warm = lines(&d.invoke("f", None));
    assert!(warm.iter().all(|l| !l.starts_with("INIT_START")), "{warm:?}");
    assert!(warm[0].starts_with("START RequestId: "));
    assert!(!warm.last().unwrap().contains("Init Duration"), "{warm:?}");
    d.advance(2 * HOUR);
    let after_idle = lines(&d.invoke("f", None));
    assert!(after_idle[0].starts_with("INIT_START ") && after_idle.last().unwrap().contains("\tInit Duration: "));
}

#[test]
fn a_failed_invocation_reports_status_error_and_the_lambda_warning() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    break_function(&mut d, "f");
    let inv = d.invoke("f", None);
    assert_eq!(inv.status_code, 200);
    assert_eq!(inv.function_error.as_deref(), Some("Unhandled"));
    assert_eq!(inv.executed_version, "$LATEST");
    let payload: Value = serde_json::from_str(&inv.payload).unwrap();
    assert_eq!(payload["errorType"], "BehaviorChangedError");
    let log = lines(&inv);
    let report = log.last().unwrap();
    assert!(report.starts_with("REPORT RequestId: "), "{report}");
    let (_, status) = report.split_once("\tStatus: error\tError Type: ").expect("status on failure");
    assert!(!status.is_empty() && !status.contains('\t'), "{report}");
    let warning =
        log.iter().find(|l| l.contains("LAMBDA_WARNING: Unhandled exception.")).expect("a LAMBDA_WARNING line");
    assert!(warning.contains("INIT_START") && warning.contains("rolling back"), "{warning}");
    // Success has no Status field.
    d.put_mode("f", None, "Manual", Some(&rv(HOME, "python3.9", 14))).unwrap();
    let ok = d.invoke("f", None);
    assert_eq!(ok.function_error, None);
    assert!(lines(&ok).iter().all(|l| !l.contains("Status: error") && !l.contains("LAMBDA_WARNING")));
}

#[test]
fn log_streams_are_named_by_date_version_and_32_hex_digits() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.publish("f");
    d.advance(DAY + 5 * HOUR); // 2023-01-24
    for (q, prefix) in [(None, "2023/01/24/[$LATEST]"), (Some("1"), "2023/01/24/[1]")] {
        d.invoke("f", q);
        let id = version_id(&d, "f", q);
        let pool = &d.lambda.version(id).unwrap().environments;
        assert_eq!(pool.environments.len(), 1);
        let stream = &pool.environments[0].log_stream;
        let tail = stream.strip_prefix(prefix).unwrap_or_else(|| panic!("{stream}"));
        assert!(is_lower_hex(tail, 32), "{stream}");
        assert!(pool.logs.iter().all(|e| &e.log_stream == stream));
    }
}

#[test]
fn environments_keep_their_runtime_version() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    assert!(lines(&d.invoke("f", None))[0].starts_with("INIT_START Runtime Version: python:3.9.v14\t"));
    assert!(!lines(&d.invoke("f", None))[0].starts_with("INIT_START"), "warm");
    let v13 = rv(HOME, "python3.9", 13);
    d.put_mode("f", None, "Manual", Some(&v13)).unwrap();
    let moved = lines(&d.invoke("f", None));
    assert_eq!(moved[0], format!("INIT_START Runtime Version: python:3.9.v13\tRuntime Version ARN: {v13}"));
    // Phase 2 moves an Auto version under a warm environment: the next invoke is a cold start.
    d.put_mode("f", None, "Auto", None).unwrap();
    assert!(lines(&d.invoke("f", None))[0].starts_with("INIT_START Runtime Version: python:3.9.v14\t"));
    d.release("python3.9", &[]);
    d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: Some(HOME.into()) }).unwrap();
    let steps = d.lambda.timing().phase2_window / (5 * MINUTE) + 1;
    for _ in 0..steps {
        d.advance(5 * MINUTE);
        let log = lines(&d.invoke("f", None));
        if d.version_of("f", None) == "python:3.9.v15" {
            assert!(log[0].starts_with("INIT_START Runtime Version: python:3.9.v15\t"), "{log:?}");
            return;
        }
        assert!(!log[0].starts_with("INIT_START"), "still warm on v14: {log:?}");
    }
    panic!("phase 2 never moved the function");
}

#[test]
fn log_type_tail_returns_base64_of_the_invocation_log() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    let inv = d.invoke("f", None);
    let raw = inv.log_result.as_deref().unwrap();
    assert!(raw.len() % 4 == 0 && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{raw}");
    let text = decode_log(raw);
    let id = version_id(&d, "f", None);
    let logged: Vec<String> =
        d.lambda.version(id).unwrap().environments.logs.iter().map(|e| e.message.clone()).collect();
    assert_eq!(logged.len(), 4);
    assert_eq!(text, format!("{}\n", logged.join("\n")));
    let req = |log_type: Option<&str>| {
        Request::Invoke(InvokeRequest {
            function_name: "f".into(),
            log_type: log_type.map(Into::into),
            ..Default::default()
        })
    };
    for log_type in [None, Some("None")] {
        let Ok(Response::Invoke(r)) = d.call(req(log_type)) else { panic!() };
        assert_eq!(r.log_result, None, "{log_type:?}");
    }
}

// ------------------------------------------------------------------------------------------ traffic and metrics

fn traffic(d: &mut Driver, name: &str, qualifier: Option<&str>, per_minute: f64) {
    d.sim(Directive::Traffic { function: name.into(), qualifier: qualifier.map(Into::into), per_minute }).unwrap();
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

fn a_release_after_expiring_an_old_version_gets_the_next_number() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.put_mode("f", None, "Manual", Some(&rv(HOME, "python3.9", 13))).unwrap();
    d.sim(Directive::Expire { runtime: "python3.9".into(), version: 13, after_ms: DAY }).unwrap();
    let release = d.release("python3.9", &[]);
    assert_eq!(release["RuntimeVersion"], "python:3.9.v15", "python3.9 is at v14: the next version is newer");
    d.create("g", "python3.9");
    assert_eq!(d.version_of("g", None), "python:3.9.v15");
}

// ------------------------------------------------------------------------------------------ determinism

fn scripted(seed: u64) -> History {
    let mut h = History::with_snapshot_every(DEFAULT_CLOCK, seed, 3);
    let api = |request: Request| Command::Api { region: HOME.into(), request };
    let sim = |directive: Directive| Command::Sim { region: HOME.into(), directive };
    let _ = h.execute(api(Request::CreateFunction(create_request("f", "python3.9"))));
    let _ = h.execute(api(Request::CreateFunction(create_request("g", "nodejs18.x"))));
    let _ = h.execute(api(Request::Invoke(InvokeRequest { function_name: "f".into(), ..Default::default() })));
    let _ = h.execute(sim(Directive::Traffic { function: "g".into(), qualifier: None, per_minute: 3.5 }));
    let _ =
        h.execute(sim(Directive::Release { runtime: "python3.9".into(), regions: vec![], changes: vec!["x".into()] }));
    h.advance_to(DEFAULT_CLOCK.plus(HOUR));
    let _ = h.execute(api(Request::PublishVersion(PublishVersionRequest {
        function_name: "f".into(),
        ..Default::default()
    })));
    let _ = h.execute(sim(Directive::ReliesOn { function: "f".into(), behaviour: "x".into() }));
    let _ = h.execute(api(Request::UpdateFunctionCode(UpdateFunctionCodeRequest {
        function_name: "f".into(),
        zip_file: "f-v2.zip".into(),
        ..Default::default()
    })));
    h.advance_to(DEFAULT_CLOCK.plus(3 * DAY));
    let _ = h.execute(api(Request::Invoke(InvokeRequest { function_name: "f".into(), ..Default::default() })));
    h.advance_to(DEFAULT_CLOCK.plus(6 * DAY));
    h
}

#[test]
fn the_same_commands_give_the_same_state() {
    let a = scripted(7);
    let b = scripted(7);
    assert!(a.live() == b.live());
    let now = a.now();
    assert!(&a.state_at(now) == a.live(), "replay through snapshots");
    assert!(&a.replay_from_scratch(now) == a.live(), "replay from scratch");
    let middle = DEFAULT_CLOCK.plus(2 * DAY);
    assert!(a.state_at(middle) == a.replay_from_scratch(middle));
    assert!(&a.state_at(middle) != a.live());
    assert!(scripted(8).live() != a.live(), "the seed matters");
}

#[test]
fn rollout_timing_is_configurable_for_later_releases() {
    let mut d = Driver::new(HOME);
    let t = d
        .sim(Directive::Timing { region_stagger: Some(2 * HOUR), phase1: Some(6 * HOUR), phase2_window: Some(HOUR) })
        .unwrap();
    assert_eq!(
        (t["RegionStagger"].as_str(), t["Phase1"].as_str(), t["Phase2Window"].as_str()),
        (Some("7200s"), Some("21600s"), Some("3600s"))
    );
    let release = d.release("python3.9", &[]);
    let regions = release["Regions"].as_array().unwrap();
    assert_eq!(regions[0]["Phase1Start"], DEFAULT_CLOCK.rfc3339());
    assert_eq!(regions[0]["Phase2Start"], DEFAULT_CLOCK.plus(6 * HOUR).rfc3339());
    assert_eq!(regions[0]["Phase2End"], DEFAULT_CLOCK.plus(7 * HOUR).rfc3339());
    assert_eq!(regions[1]["Phase1Start"], DEFAULT_CLOCK.plus(2 * HOUR).rfc3339());
    // A phase 2 window shorter than a minute is refused, and nothing changes.
    let e = d.sim(Directive::Timing { region_stagger: None, phase1: None, phase2_window: Some(1) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidParameterValueException);
    assert_eq!(d.lambda.timing().phase2_window, HOUR);
}

#[test]
fn list_functions_names_latest_unqualified_unless_versions_are_listed() {
    let mut d = Driver::new(HOME);
    d.create("f", "python3.9");
    d.publish("f");
    let plain = json(&d.call(Request::ListFunctions(ListFunctionsRequest::default())).unwrap());
    assert_eq!(plain["Functions"][0]["FunctionArn"], fn_arn(HOME, "f", None));
    let all = json(
        &d.call(Request::ListFunctions(ListFunctionsRequest { function_version: Some("ALL".into()), max_items: None }))
            .unwrap(),
    );
    assert_eq!(all["Functions"][0]["FunctionArn"], fn_arn(HOME, "f", Some("$LATEST")));
    assert_eq!(all["Functions"][1]["FunctionArn"], fn_arn(HOME, "f", Some("1")));
}

#[test]
fn an_arn_in_a_region_the_playground_does_not_simulate_is_refused() {
    let mut d = Driver::new(HOME);
    let e = d
        .call(Request::CreateFunction(CreateFunctionRequest {
            function_name: "arn:aws:lambda:xx-mars-9:123456789012:function:f".into(),
            runtime: Some("python3.9".into()),
            role: ROLE.into(),
            handler: Some("h".into()),
            code: FunctionCode { zip_file: "f.zip".into() },
            ..Default::default()
        }))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::ValidationException);
    assert!(e.message.contains("xx-mars-9"), "{}", e.message);
    assert!(d.lambda.functions().next().is_none());
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

#[test]
fn phase_2_now_moves_a_legacy_region_at_once() {
    let mut d = Driver::new("us-east-1");
    d.create("f", "python3.9");
    d.sim(Directive::Policy(RolloutPolicy::Legacy)).unwrap();
    d.release("python3.9", &[]);
    assert_eq!(d.version_of("f", None), "python:3.9.v14", "us-east-1 is last in the stagger");
    d.sim(Directive::Phase2 { runtime: "python3.9".into(), region: Some("us-east-1".into()) }).unwrap();
    assert_eq!(d.version_of("f", None), "python:3.9.v15");
}
