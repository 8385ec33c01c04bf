//! Not found, conflicts, validation of names and regions; the error bodies' shapes.

use super::check::check;
use expect_test::expect;
use lambda_runtime_playground::model::api::*;
use lambda_runtime_playground::model::time::DEFAULT_CLOCK;
use lambda_runtime_playground::model::{ApiError, Command, ErrorCode, Lambda, Request};

#[test]
fn an_unknown_function_is_a_404_naming_its_arn_in_every_operation() {
    check(
        r#"
        ! aws lambda get-function --function-name nope
        ! aws lambda get-function-configuration --function-name nope
        ! aws lambda get-runtime-management-config --function-name nope
        ! aws lambda list-versions-by-function --function-name nope
        ! aws lambda invoke --function-name nope out.json
        ! aws lambda publish-version --function-name nope
        ! aws lambda update-function-code --function-name nope --zip-file fileb://x.zip
        ! aws lambda put-runtime-management-config --function-name nope --update-runtime-on Auto
        "#,
        expect![[r#"
            $ ! aws lambda get-function --function-name nope
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
            $ ! aws lambda get-function-configuration --function-name nope
              ! An error occurred (ResourceNotFoundException) when calling the GetFunctionConfiguration operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
            $ ! aws lambda get-runtime-management-config --function-name nope
              ! An error occurred (ResourceNotFoundException) when calling the GetRuntimeManagementConfig operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
            $ ! aws lambda list-versions-by-function --function-name nope
              ! An error occurred (ResourceNotFoundException) when calling the ListVersionsByFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
            $ ! aws lambda invoke --function-name nope out.json
              ! An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST
            $ ! aws lambda publish-version --function-name nope
              ! An error occurred (ResourceNotFoundException) when calling the PublishVersion operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
            $ ! aws lambda update-function-code --function-name nope --zip-file fileb://x.zip
              ! An error occurred (ResourceNotFoundException) when calling the UpdateFunctionCode operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
            $ ! aws lambda put-runtime-management-config --function-name nope --update-runtime-on Auto
              ! An error occurred (ResourceNotFoundException) when calling the PutRuntimeManagementConfig operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope
        "#]],
    );
}

#[test]
fn an_unknown_version_is_a_404_naming_the_qualified_arn() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda get-function-configuration --function-name f --qualifier 7
        ! aws lambda invoke --function-name f --qualifier 3 out.json
        ! aws lambda get-runtime-management-config --function-name f:5
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda get-function-configuration --function-name f --qualifier 7
              ! An error occurred (ResourceNotFoundException) when calling the GetFunctionConfiguration operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:7
            $ ! aws lambda invoke --function-name f --qualifier 3 out.json
              ! An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:3
            $ ! aws lambda get-runtime-management-config --function-name f:5
              ! An error occurred (ResourceNotFoundException) when calling the GetRuntimeManagementConfig operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:5
        "#]],
    );
}

#[test]
fn a_second_create_of_a_name_is_a_409() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (ResourceConflictException) when calling the CreateFunction operation: Function already exist: f
        "#]],
    );
}

/// A full ARN in another region than the call's is not reachable there, and CreateFunction
/// creates nothing elsewhere (LAMBDA.md "What AWS returned when recorded").
#[test]
fn an_arn_in_another_region_is_not_reachable() {
    check(
        r#"
        ! aws lambda create-function --function-name arn:aws:lambda:eu-west-1:123456789012:function:f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda create-function --function-name arn:aws:lambda:xx-mars-9:123456789012:function:f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda list-functions --region eu-west-1  # => Functions
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
        ! aws lambda get-function --function-name arn:aws:lambda:eu-west-1:123456789012:function:f
        aws lambda get-function --function-name arn:aws:lambda:eu-west-1:123456789012:function:f --region eu-west-1  # => Configuration.FunctionArn
        ! aws lambda list-functions --region xx-mars-9
        "#,
        expect![[r#"
            $ ! aws lambda create-function --function-name arn:aws:lambda:eu-west-1:123456789012:function:f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (ResourceNotFoundException) when calling the CreateFunction operation: Functions from 'eu-west-1' are not reachable in this region ('us-east-1')
            $ ! aws lambda create-function --function-name arn:aws:lambda:xx-mars-9:123456789012:function:f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (ResourceNotFoundException) when calling the CreateFunction operation: Functions from 'xx-mars-9' are not reachable in this region ('us-east-1')
            $ aws lambda list-functions --region eu-west-1
              Functions: []
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
            $ ! aws lambda get-function --function-name arn:aws:lambda:eu-west-1:123456789012:function:f
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Functions from 'eu-west-1' are not reachable in this region ('us-east-1')
            $ aws lambda get-function --function-name arn:aws:lambda:eu-west-1:123456789012:function:f --region eu-west-1
              Configuration.FunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:f"
            $ ! aws lambda list-functions --region xx-mars-9
              ! An error occurred (ValidationException) when calling the ListFunctions operation: The playground does not simulate region xx-mars-9. Regions: eu-south-1, ap-southeast-2, eu-west-1, us-west-2, us-east-1.
        "#]],
    );
}

#[test]
fn list_functions_names_latest_unqualified_unless_versions_are_listed() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        aws lambda list-functions  # => Functions[].FunctionArn
        aws lambda list-functions --function-version ALL  # => Functions[].FunctionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda list-functions
              Functions[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:f"]
            $ aws lambda list-functions --function-version ALL
              Functions[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:f:$LATEST","arn:aws:lambda:eu-south-1:123456789012:function:f:1"]
        "#]],
    );
}

/// The HTTP body of an error, which the AWS CLI does not print: Lambda writes `Message` for some
/// exceptions and `message` for others.
#[test]
fn error_bodies_capitalise_message_as_lambda_does() {
    let mut l = Lambda::new(DEFAULT_CLOCK, 1);
    let mut call = |request: Request| -> ApiError {
        l.apply(&Command::Api { region: "eu-south-1".into(), request }).expect_err("an error")
    };
    let not_found = call(Request::GetFunction(FunctionRequest { function_name: "nope".into(), qualifier: None }));
    let body = not_found.body();
    assert_eq!(body["Type"], "User");
    assert_eq!(body["Message"], not_found.message.as_str());
    assert!(body.get("message").is_none(), "{body}");

    let create = CreateFunctionRequest {
        function_name: "f".into(),
        runtime: Some("python3.9".into()),
        role: "arn:aws:iam::123456789012:role/r".into(),
        handler: Some("h".into()),
        code: FunctionCode { zip_file: "f.zip".into() },
        ..Default::default()
    };
    let mut l = Lambda::new(DEFAULT_CLOCK, 1);
    let mut run = |request: Request| l.apply(&Command::Api { region: "eu-south-1".into(), request });
    run(Request::CreateFunction(create.clone())).expect("created");
    let publish =
        PublishVersionRequest { function_name: "f".into(), code_sha256: Some("x".into()), ..Default::default() };
    let invalid = run(Request::PublishVersion(publish)).expect_err("refused");
    assert_eq!(invalid.code, ErrorCode::InvalidParameterValueException);
    assert_eq!(invalid.body()["Type"], "User");
    assert_eq!(invalid.body()["message"], invalid.message.as_str());
    assert!(invalid.body().get("Message").is_none());

    let conflict = run(Request::CreateFunction(create)).expect_err("a conflict");
    assert_eq!((conflict.code, conflict.status()), (ErrorCode::ResourceConflictException, 409));
    assert_eq!(conflict.body()["message"], conflict.message.as_str());
    assert!(conflict.body().get("Message").is_none());
}

#[test]
fn success_statuses_follow_the_api() {
    let create = Request::CreateFunction(CreateFunctionRequest::default());
    let publish = Request::PublishVersion(PublishVersionRequest::default());
    let delete = Request::DeleteFunction(FunctionRequest::default());
    let get = Request::GetFunction(FunctionRequest::default());
    assert_eq!([create, publish, delete, get].map(|r| r.success_status()), [201, 201, 204, 200]);
}

/// `$LATEST` named explicitly answers with a `:$LATEST` FunctionArn (LocalStack snapshot
/// test_get_function_latest_qualifier, LAMBDA.md "What AWS returned when recorded").
#[test]
fn latest_named_explicitly_is_in_the_function_arn() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda get-function-configuration --function-name f  # => FunctionArn
        aws lambda get-function-configuration --function-name f --qualifier '$LATEST'  # => FunctionArn
        aws lambda get-function --function-name 'f:$LATEST'  # => Configuration.FunctionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda get-function-configuration --function-name f
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f"
            $ aws lambda get-function-configuration --function-name f --qualifier '$LATEST'
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:$LATEST"
            $ aws lambda get-function --function-name 'f:$LATEST'
              Configuration.FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:$LATEST"
        "#]],
    );
}

/// Updates take `$LATEST` only (AWS's message, from users' logs).
#[test]
fn updates_refuse_a_name_qualified_with_a_version() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        ! aws lambda update-function-code --function-name f:1 --zip-file fileb://f-v2.zip
        ! aws lambda update-function-configuration --function-name f:1 --timeout 9
        ! aws lambda update-function-configuration --function-name f:7 --timeout 9
        aws lambda update-function-configuration --function-name 'f:$LATEST' --timeout 9  # => Timeout
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ ! aws lambda update-function-code --function-name f:1 --zip-file fileb://f-v2.zip
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: Current operation does not support versions other than $LATEST
            $ ! aws lambda update-function-configuration --function-name f:1 --timeout 9
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: Current operation does not support versions other than $LATEST
            $ ! aws lambda update-function-configuration --function-name f:7 --timeout 9
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: Current operation does not support versions other than $LATEST
            $ aws lambda update-function-configuration --function-name 'f:$LATEST' --timeout 9
              Timeout: 9
        "#]],
    );
}

/// DeleteFunction as recorded (LocalStack snapshot test_delete_function): `$LATEST` is refused
/// before existence is checked, deleting a missing version is idempotent, a missing function's
/// 404 names the unqualified ARN, and version numbers are never reused, even after the function
/// is deleted and created again (AWS docs, "Lambda function versions").
#[test]
fn deletes_as_recorded() {
    check(
        r#"
        sim region eu-south-1
        ! aws lambda delete-function --function-name nope --qualifier '$LATEST'
        ! aws lambda delete-function --function-name nope --qualifier 1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish  # => Version
        aws lambda delete-function --function-name f --qualifier 9
        ! aws lambda delete-function --function-name f --qualifier '$LATEST'
        aws lambda delete-function --function-name f
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish  # => Version
        aws lambda list-versions-by-function --function-name f  # => Versions[].Version
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ ! aws lambda delete-function --function-name nope --qualifier '$LATEST'
              ! An error occurred (InvalidParameterValueException) when calling the DeleteFunction operation: $LATEST version cannot be deleted without deleting the function.
            $ ! aws lambda delete-function --function-name nope --qualifier 1
              ! An error occurred (ResourceNotFoundException) when calling the DeleteFunction operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:nope
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
              Version: "2"
            $ aws lambda delete-function --function-name f --qualifier 9
            $ ! aws lambda delete-function --function-name f --qualifier '$LATEST'
              ! An error occurred (InvalidParameterValueException) when calling the DeleteFunction operation: $LATEST version cannot be deleted without deleting the function.
            $ aws lambda delete-function --function-name f
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
              Version: "3"
            $ aws lambda list-versions-by-function --function-name f
              Versions[].Version: ["$LATEST","3"]
        "#]],
    );
}

/// Another account's function: 403 AccessDeniedException with a null message, which the AWS CLI
/// prints as `None` (LocalStack snapshot test_function_arns); nothing is created.
#[test]
fn another_accounts_function_is_access_denied() {
    check(
        r#"
        ! aws lambda create-function --function-name arn:aws:lambda:us-east-1:111111111111:function:f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda get-function --function-name arn:aws:lambda:us-east-1:111111111111:function:f
        ! aws lambda invoke --function-name 111111111111:function:f out.json
        aws lambda list-functions  # => Functions
        "#,
        expect![[r#"
            $ ! aws lambda create-function --function-name arn:aws:lambda:us-east-1:111111111111:function:f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (AccessDeniedException) when calling the CreateFunction operation: None
            $ ! aws lambda get-function --function-name arn:aws:lambda:us-east-1:111111111111:function:f
              ! An error occurred (AccessDeniedException) when calling the GetFunction operation: None
            $ ! aws lambda invoke --function-name 111111111111:function:f out.json
              ! An error occurred (AccessDeniedException) when calling the Invoke operation: None
            $ aws lambda list-functions
              Functions: []
        "#]],
    );
}

/// Names: CreateFunction refuses one past 64 characters with AWS's InvalidParameterValueException;
/// the other operations find no such function (LocalStack snapshot test_function_name_too_long).
/// An empty name never leaves the AWS CLI (botocore checks the model's minimum length).
#[test]
fn names_past_64_characters_and_empty_names() {
    check(
        r#"
        ! aws lambda create-function --function-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda get-function --function-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        ! aws lambda invoke --function-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa out.json
        ! aws lambda get-function --function-name ''
        ! aws lambda get-function --function-name f --qualifier ''
        "#,
        expect![[r#"
            $ ! aws lambda create-function --function-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: 1 validation error detected: Value 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64
            $ ! aws lambda get-function --function-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
            $ ! aws lambda invoke --function-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa out.json
              ! An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:$LATEST
            $ ! aws lambda get-function --function-name ''
              ! Parameter validation failed:
              ! Invalid length for parameter FunctionName, value: 0, valid min length: 1
            $ ! aws lambda get-function --function-name f --qualifier ''
              ! Parameter validation failed:
              ! Invalid length for parameter Qualifier, value: 0, valid min length: 1
        "#]],
    );
}

/// Values the service checks: the architecture enum (LocalStack snapshot
/// test_create_lambda_exceptions), a payload that is not JSON (test_invoke_payload_encoding_error),
/// and minimums the AWS CLI checks before sending (botocore/validate.py).
#[test]
fn values_checked_by_the_service_and_by_the_cli() {
    check(
        r#"
        ! aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --architectures X86_64
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload hello out.json
        ! aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload '{"a": ?}' out.json
        ! aws lambda update-function-configuration --function-name f --timeout 0
        ! aws lambda update-function-configuration --function-name f --timeout 901
        ! aws lambda update-function-configuration --function-name f --memory-size 64
        "#,
        expect![[r#"
            $ ! aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --architectures X86_64
              ! An error occurred (ValidationException) when calling the CreateFunction operation: 1 validation error detected: Value '[X86_64]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload hello out.json
              ! An error occurred (InvalidRequestContentException) when calling the Invoke operation: Could not parse request body into json: Could not parse payload into json: Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
              !  at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 6]
            $ ! aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload '{"a": ?}' out.json
              ! An error occurred (InvalidRequestContentException) when calling the Invoke operation: Could not parse request body into json: Could not parse payload into json: Unexpected character ('?' (code 63)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
              !  at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 7]
            $ ! aws lambda update-function-configuration --function-name f --timeout 0
              ! Parameter validation failed:
              ! Invalid value for parameter Timeout, value: 0, valid min value: 1
            $ ! aws lambda update-function-configuration --function-name f --timeout 901
              ! An error occurred (ValidationException) when calling the UpdateFunctionConfiguration operation: 1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900
            $ ! aws lambda update-function-configuration --function-name f --memory-size 64
              ! Parameter validation failed:
              ! Invalid value for parameter MemorySize, value: 64, valid min value: 128
        "#]],
    );
}
