//! PutRuntimeManagementConfig and GetRuntimeManagementConfig; RuntimeVersionConfig in responses.

use super::check::check;
use expect_test::expect;

#[test]
fn update_runtime_on_accepts_only_the_exact_spellings() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on auto
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on AUTO
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on manual
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on functionUpdate
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Function-Update
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on 'FunctionUpdate '
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on ''
        aws lambda get-runtime-management-config --function-name f  # => UpdateRuntimeOn
        aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate  # => UpdateRuntimeOn
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto  # => UpdateRuntimeOn
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}  # => UpdateRuntimeOn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on auto
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'auto' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on AUTO
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'AUTO' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on manual
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'manual' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on functionUpdate
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'functionUpdate' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Function-Update
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'Function-Update' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on 'FunctionUpdate '
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'FunctionUpdate ' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on ''
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value '' at 'updateRuntimeOn' failed to satisfy constraint: Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]
            $ aws lambda get-runtime-management-config --function-name f
              UpdateRuntimeOn: "Auto"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
              UpdateRuntimeOn: "FunctionUpdate"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto
              UpdateRuntimeOn: "Auto"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
              UpdateRuntimeOn: "Manual"
        "#]],
    );
}

#[test]
fn an_unconfigured_version_reports_auto_and_the_qualifier_defaults_to_latest() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        aws lambda get-runtime-management-config --function-name f  # => UpdateRuntimeOn FunctionArn RuntimeVersionArn
        aws lambda get-runtime-management-config --function-name f --qualifier '$LATEST'  # => UpdateRuntimeOn FunctionArn RuntimeVersionArn
        aws lambda get-runtime-management-config --function-name f --qualifier 1  # => UpdateRuntimeOn FunctionArn RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda get-runtime-management-config --function-name f
              UpdateRuntimeOn: "Auto"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f"
              RuntimeVersionArn: null
            $ aws lambda get-runtime-management-config --function-name f --qualifier '$LATEST'
              UpdateRuntimeOn: "Auto"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f"
              RuntimeVersionArn: null
            $ aws lambda get-runtime-management-config --function-name f --qualifier 1
              UpdateRuntimeOn: "Auto"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:1"
              RuntimeVersionArn: null
        "#]],
    );
}

#[test]
fn the_runtime_version_arn_is_reported_only_in_manual_mode() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}  # => RuntimeVersionArn FunctionArn
        aws lambda get-runtime-management-config --function-name f  # => RuntimeVersionArn
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate  # => RuntimeVersionArn
        aws lambda get-runtime-management-config --function-name f  # => UpdateRuntimeOn RuntimeVersionArn
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto  # => RuntimeVersionArn
        aws lambda get-runtime-management-config --function-name f  # => UpdateRuntimeOn RuntimeVersionArn
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
              RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f"
            $ aws lambda get-runtime-management-config --function-name f
              RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
              RuntimeVersionArn: null
            $ aws lambda get-runtime-management-config --function-name f
              UpdateRuntimeOn: "FunctionUpdate"
              RuntimeVersionArn: null
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto
              RuntimeVersionArn: null
            $ aws lambda get-runtime-management-config --function-name f
              UpdateRuntimeOn: "Auto"
              RuntimeVersionArn: null
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
        "#]],
    );
}

#[test]
fn runtime_version_config_appears_in_single_function_responses() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip  # => RuntimeVersionConfig
        aws lambda get-function --function-name f  # => Configuration.RuntimeVersionConfig
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip  # => RuntimeVersionConfig
        aws lambda update-function-configuration --function-name f --timeout 10  # => RuntimeVersionConfig
        aws lambda publish-version --function-name f  # => RuntimeVersionConfig
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              RuntimeVersionConfig: {"RuntimeVersionArn":"{rv eu-south-1 python3.9 14}"}
            $ aws lambda get-function --function-name f
              Configuration.RuntimeVersionConfig: {"RuntimeVersionArn":"{rv eu-south-1 python3.9 14}"}
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig: {"RuntimeVersionArn":"{rv eu-south-1 python3.9 14}"}
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
              RuntimeVersionConfig: {"RuntimeVersionArn":"{rv eu-south-1 python3.9 14}"}
            $ aws lambda update-function-configuration --function-name f --timeout 10
              RuntimeVersionConfig: {"RuntimeVersionArn":"{rv eu-south-1 python3.9 14}"}
            $ aws lambda publish-version --function-name f
              RuntimeVersionConfig: {"RuntimeVersionArn":"{rv eu-south-1 python3.9 14}"}
        "#]],
    );
}

#[test]
fn list_items_have_no_runtime_version_config_nor_state_fields() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        aws lambda create-function --function-name g --runtime nodejs18.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
        aws lambda list-functions  # => Functions[].FunctionName Functions[].Runtime Functions[].RuntimeVersionConfig Functions[].State Functions[].LastUpdateStatus
        aws lambda list-functions --function-version ALL  # => Functions[].Version Functions[].RuntimeVersionConfig Functions[].State
        aws lambda list-versions-by-function --function-name f  # => Versions[].Version Versions[].RuntimeVersionConfig Versions[].State
        aws lambda get-function-configuration --function-name f  # => State LastUpdateStatus
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda create-function --function-name g --runtime nodejs18.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
            $ aws lambda list-functions
              Functions[].FunctionName: ["f","g"]
              Functions[].Runtime: ["python3.9","nodejs18.x"]
              Functions[].RuntimeVersionConfig: [null,null]
              Functions[].State: [null,null]
              Functions[].LastUpdateStatus: [null,null]
            $ aws lambda list-functions --function-version ALL
              Functions[].Version: ["$LATEST","1","$LATEST"]
              Functions[].RuntimeVersionConfig: [null,null,null]
              Functions[].State: [null,null,null]
            $ aws lambda list-versions-by-function --function-name f
              Versions[].Version: ["$LATEST","1"]
              Versions[].RuntimeVersionConfig: [null,null]
              Versions[].State: [null,null]
            $ aws lambda get-function-configuration --function-name f
              State: "Active"
              LastUpdateStatus: "Successful"
        "#]],
    );
}

#[test]
fn a_runtime_change_changes_the_runtime_version_at_once() {
    check(
        r#"
        # python3.12 launched in December 2023.
        sim clock 2024-02-01T00:00:00Z
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda invoke --function-name f out.json
        aws lambda update-function-configuration --function-name f --runtime python3.12  # => Runtime RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        sim logs f --filter INIT_START  # => events[].message
        "#,
        expect![[r#"
            $ sim clock 2024-02-01T00:00:00Z
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda invoke --function-name f out.json
            $ aws lambda update-function-configuration --function-name f --runtime python3.12
              Runtime: "python3.12"
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.12 3}"
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.12 3}"
            $ sim logs f --filter INIT_START
              events[].message: ["INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {rv eu-south-1 python3.9 14}"]
        "#]],
    );
}

#[test]
fn manual_needs_a_runtime_version_arn_and_only_manual_takes_one() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto --runtime-version-arn {rv eu-south-1 python3.9 13}
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate --runtime-version-arn {rv eu-south-1 python3.9 13}
        aws lambda get-runtime-management-config --function-name f  # => UpdateRuntimeOn
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: RuntimeVersionArn is required when UpdateRuntimeOn is Manual.
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto --runtime-version-arn {rv eu-south-1 python3.9 13}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: RuntimeVersionArn can be set only when UpdateRuntimeOn is Manual, not Auto.
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate --runtime-version-arn {rv eu-south-1 python3.9 13}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: RuntimeVersionArn can be set only when UpdateRuntimeOn is Manual, not FunctionUpdate.
            $ aws lambda get-runtime-management-config --function-name f
              UpdateRuntimeOn: "Auto"
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
        "#]],
    );
}

#[test]
fn manual_refuses_an_arn_of_another_runtime_region_or_architecture() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.12 3}
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv us-east-1 python3.9 14}
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14 arm64}
        aws lambda get-runtime-management-config --function-name f  # => UpdateRuntimeOn
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.12 3}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The runtime version ARN is a version of python3.12, but the function uses python3.9.
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv us-east-1 python3.9 14}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The runtime version ARN is in region us-east-1, but the function is in region eu-south-1.
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14 arm64}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The runtime version ARN is for architecture arm64, but the function uses x86_64.
            $ aws lambda get-runtime-management-config --function-name f
              UpdateRuntimeOn: "Auto"
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
        "#]],
    );
}

#[test]
fn manual_refuses_an_arn_naming_no_released_version_until_it_is_released() {
    // python3.9 has v11, v13 and v14 (numbers skip); v15 is not released yet.
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 12}
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 15}
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::runtime:0000000000000000000000000000000000000000000000000000000000000000
        sim release python3.9
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 15}
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 12}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The runtime version ARN {rv eu-south-1 python3.9 12} does not name a released runtime version.
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 15}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The runtime version ARN {rv eu-south-1 python3.9 15} does not name a released runtime version.
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::runtime:0000000000000000000000000000000000000000000000000000000000000000
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The runtime version ARN arn:aws:lambda:eu-south-1::runtime:0000000000000000000000000000000000000000000000000000000000000000 does not name a released runtime version.
            $ sim release python3.9
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 15}
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
        "#]],
    );
}

#[test]
fn a_malformed_runtime_version_arn_is_a_validation_exception() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1:123456789012:runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::function:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:s3:eu-south-1::runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eusouth1::runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1:123456789012:runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'arn:aws:lambda:eu-south-1:123456789012:runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'runtimeVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}::runtime:.+$
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::function:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'arn:aws:lambda:eu-south-1::function:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'runtimeVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}::runtime:.+$
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:s3:eu-south-1::runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'arn:aws:s3:eu-south-1::runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'runtimeVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}::runtime:.+$
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eusouth1::runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
              ! An error occurred (ValidationException) when calling the PutRuntimeManagementConfig operation: 1 validation error detected: Value 'arn:aws:lambda:eusouth1::runtime:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' at 'runtimeVersionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\d{1}::runtime:.+$
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn arn:aws:lambda
              ! Parameter validation failed:
              ! Invalid length for parameter RuntimeVersionArn, value: 14, valid min length: 26
        "#]],
    );
}

#[test]
fn manual_blocks_a_runtime_or_architecture_change_of_latest() {
    check(
        r#"
        # python3.12 launched in December 2023.
        sim clock 2024-02-01T00:00:00Z
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
        ! aws lambda update-function-configuration --function-name f --runtime python3.12
        ! aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --architectures arm64
        aws lambda update-function-configuration --function-name f --memory-size 512  # => Runtime MemorySize Architectures
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --architectures arm64  # => Architectures RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim clock 2024-02-01T00:00:00Z
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
            $ ! aws lambda update-function-configuration --function-name f --runtime python3.12
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: Cannot change runtime identifier when runtime management configuration is set to 'Manual'. Change the runtime management configuration to 'Auto' or 'FunctionUpdate', then retry.
            $ ! aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --architectures arm64
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: Cannot change CPU architecture when runtime management configuration is set to 'Manual'. Change the runtime management configuration to 'Auto' or 'FunctionUpdate', then retry.
            $ aws lambda update-function-configuration --function-name f --memory-size 512
              Runtime: "python3.9"
              MemorySize: 512
              Architectures: ["x86_64"]
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Auto
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --architectures arm64
              Architectures: ["arm64"]
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14 arm64}"
        "#]],
    );
}

/// Runtime management configuration takes `$LATEST` or a version number, never an alias: AWS's
/// message, quoted from a real incident (LAMBDA.md "Runtime management configuration").
#[test]
fn aliases_are_not_allowed() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        ! aws lambda put-runtime-management-config --function-name f --qualifier live --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
        ! aws lambda get-runtime-management-config --function-name f:live
        ! aws lambda get-runtime-management-config --function-name nope --qualifier live
        aws lambda get-runtime-management-config --function-name f --qualifier 1  # => UpdateRuntimeOn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ ! aws lambda put-runtime-management-config --function-name f --qualifier live --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The provided function name arn:aws:lambda:eu-south-1:123456789012:function:f:live is invalid. Aliases are not allowed.
            $ ! aws lambda get-runtime-management-config --function-name f:live
              ! An error occurred (InvalidParameterValueException) when calling the GetRuntimeManagementConfig operation: The provided function name arn:aws:lambda:eu-south-1:123456789012:function:f:live is invalid. Aliases are not allowed.
            $ ! aws lambda get-runtime-management-config --function-name nope --qualifier live
              ! An error occurred (InvalidParameterValueException) when calling the GetRuntimeManagementConfig operation: The provided function name arn:aws:lambda:eu-south-1:123456789012:function:nope:live is invalid. Aliases are not allowed.
            $ aws lambda get-runtime-management-config --function-name f --qualifier 1
              UpdateRuntimeOn: "Auto"
        "#]],
    );
}
