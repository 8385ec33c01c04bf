//! Deprecated runtimes: create is blocked first, then update; invocations keep working.

use super::check::check;
use expect_test::expect;

#[test]
fn create_is_blocked_before_update_and_invocations_keep_working() {
    // python3.8: create blocked from 2027-02-01, update from 2027-03-03 (AWS's runtime table).
    check(
        r#"
        sim clock 2027-01-01T00:00:00Z
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        sim advance 40d
        ! aws lambda create-function --function-name g --runtime python3.8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
        aws lambda update-function-configuration --function-name f --timeout 9
        sim advance 30d
        # After block-update, code updates fail, and configuration updates that name the runtime;
        # other configuration changes, and moving to a supported runtime, still work (recorded
        # against the real service, LAMBDA.md "Deprecation").
        ! aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip
        ! aws lambda update-function-configuration --function-name f --runtime python3.8
        aws lambda update-function-configuration --function-name f --memory-size 256 --description 'still here'  # => MemorySize Description Runtime
        aws lambda invoke --function-name f --log-type Tail out.json  # => StatusCode FunctionError
        sim logs f --filter INIT_START  # => events[].message
        aws lambda update-function-configuration --function-name f --runtime python3.12  # => Runtime
        "#,
        expect![[r#"
            $ sim clock 2027-01-01T00:00:00Z
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ sim advance 40d
            $ ! aws lambda create-function --function-name g --runtime python3.8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of python3.8 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
            $ aws lambda update-function-configuration --function-name f --timeout 9
            $ sim advance 30d
            $ ! aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionCode operation: The runtime parameter of python3.8 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ ! aws lambda update-function-configuration --function-name f --runtime python3.8
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: The runtime parameter of python3.8 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ aws lambda update-function-configuration --function-name f --memory-size 256 --description 'still here'
              MemorySize: 256
              Description: "still here"
              Runtime: "python3.8"
            $ aws lambda invoke --function-name f --log-type Tail out.json
              StatusCode: 200
              FunctionError: null
            $ sim logs f --filter INIT_START
              events[].message: ["INIT_START Runtime Version: python:3.8.v16\tRuntime Version ARN: {rv eu-south-1 python3.8 16}"]
            $ aws lambda update-function-configuration --function-name f --runtime python3.12
              Runtime: "python3.12"
        "#]],
    );
}

#[test]
fn a_create_after_the_block_fails_and_creates_nothing() {
    check(
        r#"
        sim clock 2027-04-01T00:00:00Z
        ! aws lambda create-function --function-name old --runtime python3.8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://old.zip
        ! aws lambda get-function --function-name old
        aws lambda create-function --function-name new --runtime python3.12 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://new.zip  # => Runtime
        "#,
        expect![[r#"
            $ sim clock 2027-04-01T00:00:00Z
            $ ! aws lambda create-function --function-name old --runtime python3.8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://old.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of python3.8 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ ! aws lambda get-function --function-name old
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:old
            $ aws lambda create-function --function-name new --runtime python3.12 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://new.zip
              Runtime: "python3.12"
        "#]],
    );
}

#[test]
fn an_unknown_runtime_identifier_fails_with_the_enum_message() {
    check(
        r#"
        ! aws lambda create-function --function-name f --runtime python2.7 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda update-function-configuration --function-name f --runtime Python3.9
        "#,
        expect![[r#"
            $ ! aws lambda create-function --function-name f --runtime python2.7 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of python2.7 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ ! aws lambda update-function-configuration --function-name f --runtime Python3.9
              ! An error occurred (InvalidParameterValueException) when calling the UpdateFunctionConfiguration operation: Value Python3.9 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [nodejs12.x, nodejs14.x, nodejs16.x, nodejs18.x, python3.7, python3.8, python3.9, java8, java8.al2, java11, dotnetcore3.1, dotnet6, go1.x, ruby2.7, provided, provided.al2] or be a valid ARN
        "#]],
    );
}

/// Runtimes AWS no longer accepts are known, and refused with the "no longer supported" message
/// (LocalStack snapshot test_create_deprecated_function_runtime_with_validation_enabled); a
/// runtime before its launch is unknown, and the enum lists what can be created at that moment.
#[test]
fn retired_runtimes_are_no_longer_supported_and_new_ones_unknown_before_their_launch() {
    check(
        r#"
        ! aws lambda create-function --function-name f --runtime python3.12 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        sim advance 1404d
        ! aws lambda create-function --function-name f --runtime python3.7 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda create-function --function-name f --runtime java8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda create-function --function-name f --runtime go1.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda create-function --function-name f --runtime nodejs12.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        ! aws lambda create-function --function-name f --runtime python2.6 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda create-function --function-name f --runtime python3.12 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip  # => Runtime
        "#,
        expect![[r#"
            $ ! aws lambda create-function --function-name f --runtime python3.12 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: Value python3.12 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [nodejs12.x, nodejs14.x, nodejs16.x, nodejs18.x, python3.7, python3.8, python3.9, java8, java8.al2, java11, dotnetcore3.1, dotnet6, go1.x, ruby2.7, provided, provided.al2] or be a valid ARN
            $ sim advance 1404d
            $ ! aws lambda create-function --function-name f --runtime python3.7 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of python3.7 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ ! aws lambda create-function --function-name f --runtime java8 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of java8 is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ ! aws lambda create-function --function-name f --runtime go1.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of go1.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ ! aws lambda create-function --function-name f --runtime nodejs12.x --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.
            $ ! aws lambda create-function --function-name f --runtime python2.6 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              ! An error occurred (InvalidParameterValueException) when calling the CreateFunction operation: Value python2.6 at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [nodejs16.x, nodejs18.x, nodejs20.x, nodejs22.x, python3.8, python3.9, python3.10, python3.11, python3.12, python3.13, java8.al2, java11, java17, java21, dotnet6, dotnet8, ruby3.2, ruby3.3, provided.al2, provided.al2023] or be a valid ARN
            $ aws lambda create-function --function-name f --runtime python3.12 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
              Runtime: "python3.12"
        "#]],
    );
}
