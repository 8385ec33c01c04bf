//! PublishVersion: numbering, snapshots, the checks on CodeSha256 and RevisionId.

use super::check::check;
use expect_test::expect;

#[test]
fn versions_are_numbered_from_one() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda publish-version --function-name f  # => Version FunctionArn
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
        aws lambda publish-version --function-name f  # => Version FunctionArn
        aws lambda list-versions-by-function --function-name f  # => Versions[].Version
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda publish-version --function-name f
              Version: "1"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:1"
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
            $ aws lambda publish-version --function-name f
              Version: "2"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:2"
            $ aws lambda list-versions-by-function --function-name f
              Versions[].Version: ["$LATEST","1","2"]
        "#]],
    );
}

#[test]
fn publishing_with_nothing_changed_returns_the_last_version_with_its_own_description() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda publish-version --function-name f --description first  # => Version Description CodeSha256
        aws lambda publish-version --function-name f --description second  # => Version Description CodeSha256
        ! aws lambda get-function --function-name f --qualifier 2
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda publish-version --function-name f --description first
              Version: "1"
              Description: "first"
              CodeSha256: "Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs="
            $ aws lambda publish-version --function-name f --description second
              Version: "1"
              Description: "first"
              CodeSha256: "Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs="
            $ ! aws lambda get-function --function-name f --qualifier 2
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:f:2
        "#]],
    );
}

#[test]
fn a_code_sha256_other_than_latest_is_refused_with_the_exact_message() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip  # => CodeSha256
        ! aws lambda publish-version --function-name f --code-sha256 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
        aws lambda publish-version --function-name f --code-sha256 Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs=  # => Version
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              CodeSha256: "Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs="
            $ ! aws lambda publish-version --function-name f --code-sha256 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
              ! An error occurred (InvalidParameterValueException) when calling the PublishVersion operation: CodeSHA256 (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=) is different from current CodeSHA256 in $LATEST (Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs=). Please try again with the CodeSHA256 in $LATEST.
            $ aws lambda publish-version --function-name f --code-sha256 Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs=
              Version: "1"
        "#]],
    );
}

/// RevisionId changes when the function goes from Pending to Active, when an update completes
/// (so an update's response holds an id stale a moment later), and on `$LATEST` when a version
/// is published; the version keeps its own (LAMBDA.md, LocalStack snapshot
/// test_lambda_revisions_basic). A stale id gets the 412.
#[test]
fn revision_ids_follow_the_function_and_a_stale_one_is_refused_with_412() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip  # => RevisionId State
        aws lambda get-function-configuration --function-name f  # => RevisionId State
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip  # => RevisionId LastUpdateStatus
        aws lambda get-function-configuration --function-name f  # => RevisionId LastUpdateStatus
        ! aws lambda publish-version --function-name f --revision-id 09bc585a-2448-43f2-ae44-31fa3c80db06
        ! aws lambda update-function-configuration --function-name f --memory-size 256 --revision-id 09bc585a-2448-43f2-ae44-31fa3c80db06
        ! aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip --revision-id 09bc585a-2448-43f2-ae44-31fa3c80db06
        aws lambda publish-version --function-name f --revision-id 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4  # => Version RevisionId
        aws lambda get-function-configuration --function-name f  # => RevisionId
        aws lambda get-function-configuration --function-name f --qualifier 1  # => RevisionId
        aws lambda publish-version --function-name f  # => Version RevisionId
        aws lambda get-function-configuration --function-name f  # => RevisionId
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              RevisionId: "bdd73226-2feb-4e95-98ef-e333b266f103"
              State: "Pending"
            $ aws lambda get-function-configuration --function-name f
              RevisionId: "47526757-130f-4f52-a81c-e1ff0e4ae394"
              State: "Active"
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
              RevisionId: "09bc585a-2448-43f2-ae44-31fa3c80db06"
              LastUpdateStatus: "InProgress"
            $ aws lambda get-function-configuration --function-name f
              RevisionId: "37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4"
              LastUpdateStatus: "Successful"
            $ ! aws lambda publish-version --function-name f --revision-id 09bc585a-2448-43f2-ae44-31fa3c80db06
              ! An error occurred (PreconditionFailedException) when calling the PublishVersion operation: The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id
            $ ! aws lambda update-function-configuration --function-name f --memory-size 256 --revision-id 09bc585a-2448-43f2-ae44-31fa3c80db06
              ! An error occurred (PreconditionFailedException) when calling the UpdateFunctionConfiguration operation: The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id
            $ ! aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip --revision-id 09bc585a-2448-43f2-ae44-31fa3c80db06
              ! An error occurred (PreconditionFailedException) when calling the UpdateFunctionCode operation: The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id
            $ aws lambda publish-version --function-name f --revision-id 37e9671c-4537-4d5d-9cf6-35ee9e9e2fa4
              Version: "1"
              RevisionId: "5705b877-0b3d-4dd5-9e54-d738297f77ae"
            $ aws lambda get-function-configuration --function-name f
              RevisionId: "3474724a-775b-49bf-be34-8a0e451650be"
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              RevisionId: "5705b877-0b3d-4dd5-9e54-d738297f77ae"
            $ aws lambda publish-version --function-name f
              Version: "1"
              RevisionId: "5705b877-0b3d-4dd5-9e54-d738297f77ae"
            $ aws lambda get-function-configuration --function-name f
              RevisionId: "3474724a-775b-49bf-be34-8a0e451650be"
        "#]],
    );
}

#[test]
fn version_numbers_are_never_reused_after_a_delete() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish  # => Version
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish  # => Version
        aws lambda delete-function --function-name f --qualifier 2
        ! aws lambda get-function --function-name f --qualifier 2
        aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip --publish  # => Version
        aws lambda delete-function --function-name f --qualifier 1
        aws lambda delete-function --function-name f --qualifier 3
        aws lambda update-function-code --function-name f --zip-file fileb://f-v4.zip --publish  # => Version
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
              Version: "1"
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
              Version: "2"
            $ aws lambda delete-function --function-name f --qualifier 2
            $ ! aws lambda get-function --function-name f --qualifier 2
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:2
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip --publish
              Version: "3"
            $ aws lambda delete-function --function-name f --qualifier 1
            $ aws lambda delete-function --function-name f --qualifier 3
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v4.zip --publish
              Version: "4"
        "#]],
    );
}

#[test]
fn a_published_version_snapshots_code_configuration_and_runtime_version() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda update-function-configuration --function-name f --memory-size 256
        aws lambda publish-version --function-name f  # => Version CodeSha256 MemorySize RuntimeVersionConfig.RuntimeVersionArn
        sim release python3.9
        sim advance 1h
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip  # => CodeSha256
        aws lambda update-function-configuration --function-name f --memory-size 1024
        aws lambda get-function-configuration --function-name f --qualifier 1  # => CodeSha256 MemorySize RuntimeVersionConfig.RuntimeVersionArn
        aws lambda publish-version --function-name f  # => Version CodeSha256 MemorySize RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda update-function-configuration --function-name f --memory-size 256
            $ aws lambda publish-version --function-name f
              Version: "1"
              CodeSha256: "Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs="
              MemorySize: 256
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ sim release python3.9
            $ sim advance 1h
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
              CodeSha256: "qFPmMfBUCIi+iN0f0bMxFg+tb5DX/LOYhGAW4MjtgrQ="
            $ aws lambda update-function-configuration --function-name f --memory-size 1024
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              CodeSha256: "Rp/KKYbR3WR304IAFeFuF2b5cOXxlKHyyZ9t+1DXmEs="
              MemorySize: 256
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ aws lambda publish-version --function-name f
              Version: "2"
              CodeSha256: "qFPmMfBUCIi+iN0f0bMxFg+tb5DX/LOYhGAW4MjtgrQ="
              MemorySize: 1024
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
        "#]],
    );
}

#[test]
fn a_published_version_inherits_the_runtime_management_config_of_latest() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
        aws lambda publish-version --function-name f
        aws lambda get-runtime-management-config --function-name f --qualifier 1  # => UpdateRuntimeOn FunctionArn
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
        aws lambda publish-version --function-name f  # => Version RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-runtime-management-config --function-name f --qualifier 2  # => UpdateRuntimeOn RuntimeVersionArn FunctionArn
        aws lambda get-runtime-management-config --function-name f --qualifier 1  # => UpdateRuntimeOn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
            $ aws lambda publish-version --function-name f
            $ aws lambda get-runtime-management-config --function-name f --qualifier 1
              UpdateRuntimeOn: "FunctionUpdate"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:1"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
            $ aws lambda publish-version --function-name f
              Version: "2"
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
            $ aws lambda get-runtime-management-config --function-name f --qualifier 2
              UpdateRuntimeOn: "Manual"
              RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:2"
            $ aws lambda get-runtime-management-config --function-name f --qualifier 1
              UpdateRuntimeOn: "FunctionUpdate"
        "#]],
    );
}

/// `--publish` answers as recorded (LocalStack snapshots test_create_function_publish and
/// test_update_function_code_publish): on create, version 1 under the unqualified ARN, Pending;
/// on an update, the new version under its qualified ARN, Pending too; neither with a
/// `LastUpdateStatus`. Later reads show it Active.
#[test]
fn create_with_publish_returns_version_one() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish  # => Version FunctionArn State StateReason StateReasonCode LastUpdateStatus
        aws lambda publish-version --function-name f  # => Version State LastUpdateStatus
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish  # => Version FunctionArn State StateReasonCode LastUpdateStatus
        aws lambda get-function-configuration --function-name f --qualifier 2  # => State LastUpdateStatus
        aws lambda update-function-configuration --function-name f --timeout 9  # => State LastUpdateStatus LastUpdateStatusReason LastUpdateStatusReasonCode
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
              Version: "1"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f"
              State: "Pending"
              StateReason: "The function is being created."
              StateReasonCode: "Creating"
              LastUpdateStatus: null
            $ aws lambda publish-version --function-name f
              Version: "1"
              State: "Active"
              LastUpdateStatus: "Successful"
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
              Version: "2"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:2"
              State: "Pending"
              StateReasonCode: "Creating"
              LastUpdateStatus: null
            $ aws lambda get-function-configuration --function-name f --qualifier 2
              State: "Active"
              LastUpdateStatus: "Successful"
            $ aws lambda update-function-configuration --function-name f --timeout 9
              State: "Active"
              LastUpdateStatus: "InProgress"
              LastUpdateStatusReason: "The function is being created."
              LastUpdateStatusReasonCode: "Creating"
        "#]],
    );
}
