//! Aliases and weighted routing, as LAMBDA.md records them ("Aliases and weighted routing"):
//! shapes, status codes, RevisionId, validation order and every recorded message.

use super::check::check;
use expect_test::expect;

/// Two published versions of `f` in eu-south-1, then the story's lines. Routing configurations
/// are written as AWS's docs write them, unquoted: the shell removes the double quotes, and the
/// CLI's shorthand reads `AdditionalVersionWeights={2=0.1}` (its keys cannot be quoted).
fn with_versions(lines: &str) -> String {
    format!(
        "sim region eu-south-1\n\
         aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish\n\
         aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish\n{lines}"
    )
}

#[test]
fn create_get_update_list_and_delete() {
    check(
        &with_versions(
            r#"
            aws lambda create-alias --function-name f --name live --function-version 1
            aws lambda get-alias --function-name f --name live
            aws lambda update-alias --function-name f --name live --routing-config AdditionalVersionWeights={"2"=0.1} --description canary  # => FunctionVersion RoutingConfig Description RevisionId
            aws lambda update-alias --function-name f --name live  # => RevisionId
            aws lambda create-alias --function-name f --name beta --function-version '$LATEST'  # => AliasArn FunctionVersion
            aws lambda list-aliases --function-name f  # => Aliases[].Name
            aws lambda list-aliases --function-name f --function-version 2  # => Aliases[].Name
            aws lambda delete-alias --function-name f --name beta
            aws lambda delete-alias --function-name f --name beta
            aws lambda list-aliases --function-name f  # => Aliases[].Name
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ aws lambda get-alias --function-name f --name live
            $ aws lambda update-alias --function-name f --name live --routing-config AdditionalVersionWeights={"2"=0.1} --description canary
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
              Description: "canary"
              RevisionId: "17eadff4-48a8-4a07-b05e-ca1a2972b860"
            $ aws lambda update-alias --function-name f --name live
              RevisionId: "f513444b-6455-43e8-82b3-a6dd261f6e99"
            $ aws lambda create-alias --function-name f --name beta --function-version '$LATEST'
              AliasArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:beta"
              FunctionVersion: "$LATEST"
            $ aws lambda list-aliases --function-name f
              Aliases[].Name: ["beta","live"]
            $ aws lambda list-aliases --function-name f --function-version 2
              Aliases[].Name: ["live"]
            $ aws lambda delete-alias --function-name f --name beta
            $ aws lambda delete-alias --function-name f --name beta
            $ aws lambda list-aliases --function-name f
              Aliases[].Name: ["live"]
        "#]],
    );
}

#[test]
fn recorded_errors() {
    check(
        &with_versions(
            r#"
            ! aws lambda create-alias --function-name f --name 2024 --function-version 1
            aws lambda create-alias --function-name f --name 2024-01-02 --function-version 1  # => Name
            ! aws lambda create-alias --function-name f --name two --function-version 1 --routing-config '{"AdditionalVersionWeights": {"2": 0.5, "3": 0.5}}'
            ! aws lambda create-alias --function-name f --name heavy --function-version 1 --routing-config AdditionalVersionWeights={"2"=2}
            ! aws lambda create-alias --function-name f --name same --function-version 1 --routing-config AdditionalVersionWeights={"1"=0.5}
            ! aws lambda create-alias --function-name f --name latest --function-version '$LATEST' --routing-config AdditionalVersionWeights={"2"=0.5}
            ! aws lambda create-alias --function-name f --name missing --function-version 9
            ! aws lambda create-alias --function-name f --name missing --function-version 1 --routing-config AdditionalVersionWeights={"9"=0.5}
            ! aws lambda create-alias --function-name f --name 2024-01-02 --function-version 1
            ! aws lambda get-alias --function-name f --name nope
            ! aws lambda update-alias --function-name f --name nope --function-version 2
            ! aws lambda update-alias --function-name f --name 2024-01-02 --function-version 2 --revision-id 00000000-0000-4000-8000-000000000000
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ ! aws lambda create-alias --function-name f --name 2024 --function-version 1
              ! An error occurred (ValidationException) when calling the CreateAlias operation: 1 validation error detected: Value '2024' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)
            $ aws lambda create-alias --function-name f --name 2024-01-02 --function-version 1
              Name: "2024-01-02"
            $ ! aws lambda create-alias --function-name f --name two --function-version 1 --routing-config '{"AdditionalVersionWeights": {"2": 0.5, "3": 0.5}}'
              ! An error occurred (InvalidParameterValueException) when calling the CreateAlias operation: Number of items in AdditionalVersionWeights cannot be greater than 1
            $ ! aws lambda create-alias --function-name f --name heavy --function-version 1 --routing-config AdditionalVersionWeights={"2"=2}
              ! An error occurred (ValidationException) when calling the CreateAlias operation: 1 validation error detected: Value '{2=2.0}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]
            $ ! aws lambda create-alias --function-name f --name same --function-version 1 --routing-config AdditionalVersionWeights={"1"=0.5}
              ! An error occurred (InvalidParameterValueException) when calling the CreateAlias operation: Invalid function version 1. Function version 1 is already included in routing configuration.
            $ ! aws lambda create-alias --function-name f --name latest --function-version '$LATEST' --routing-config AdditionalVersionWeights={"2"=0.5}
              ! An error occurred (InvalidParameterValueException) when calling the CreateAlias operation: $LATEST is not supported for an alias pointing to more than 1 version
            $ ! aws lambda create-alias --function-name f --name missing --function-version 9
              ! An error occurred (ResourceNotFoundException) when calling the CreateAlias operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:9
            $ ! aws lambda create-alias --function-name f --name missing --function-version 1 --routing-config AdditionalVersionWeights={"9"=0.5}
              ! An error occurred (ResourceNotFoundException) when calling the CreateAlias operation: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:9
            $ ! aws lambda create-alias --function-name f --name 2024-01-02 --function-version 1
              ! An error occurred (ResourceConflictException) when calling the CreateAlias operation: Alias already exists: arn:aws:lambda:eu-south-1:123456789012:function:f:2024-01-02
            $ ! aws lambda get-alias --function-name f --name nope
              ! An error occurred (ResourceNotFoundException) when calling the GetAlias operation: Cannot find alias arn: arn:aws:lambda:eu-south-1:123456789012:function:f:nope
            $ ! aws lambda update-alias --function-name f --name nope --function-version 2
              ! An error occurred (ResourceNotFoundException) when calling the UpdateAlias operation: Alias not found: arn:aws:lambda:eu-south-1:123456789012:function:f:nope
            $ ! aws lambda update-alias --function-name f --name 2024-01-02 --function-version 2 --revision-id 00000000-0000-4000-8000-000000000000
              ! An error occurred (PreconditionFailedException) when calling the UpdateAlias operation: The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id
        "#]],
    );
}

/// Versions with different execution roles cannot share an alias.
#[test]
fn versions_of_one_alias_share_an_execution_role() {
    check(
        &with_versions(
            r#"
            aws lambda update-function-configuration --function-name f --role arn:aws:iam::123456789012:role/other
            aws lambda publish-version --function-name f  # => Version
            ! aws lambda create-alias --function-name f --name live --function-version 2 --routing-config AdditionalVersionWeights={"3"=0.1}
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda update-function-configuration --function-name f --role arn:aws:iam::123456789012:role/other
            $ aws lambda publish-version --function-name f
              Version: "3"
            $ ! aws lambda create-alias --function-name f --name live --function-version 2 --routing-config AdditionalVersionWeights={"3"=0.1}
              ! An error occurred (InvalidParameterValueException) when calling the CreateAlias operation: Specified versions must be associated with the same execution role
        "#]],
    );
}

/// Validation takes the new primary when an update gives one: promoting the extra version and
/// keeping the old primary as the extra one is the usual step.
#[test]
fn an_update_validates_against_its_new_primary() {
    check(
        &with_versions(
            r#"
            aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.1}
            aws lambda update-alias --function-name f --name live --function-version 2 --routing-config AdditionalVersionWeights={"1"=0.9}  # => FunctionVersion RoutingConfig
            ! aws lambda update-alias --function-name f --name live --function-version 1
            aws lambda update-alias --function-name f --name live --function-version 2 --routing-config '{"AdditionalVersionWeights": {}}'  # => FunctionVersion RoutingConfig
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.1}
            $ aws lambda update-alias --function-name f --name live --function-version 2 --routing-config AdditionalVersionWeights={"1"=0.9}
              FunctionVersion: "2"
              RoutingConfig: {"AdditionalVersionWeights":{"1":0.9}}
            $ ! aws lambda update-alias --function-name f --name live --function-version 1
              ! An error occurred (InvalidParameterValueException) when calling the UpdateAlias operation: Invalid function version 1. Function version 1 is already included in routing configuration.
            $ aws lambda update-alias --function-name f --name live --function-version 2 --routing-config '{"AdditionalVersionWeights": {}}'
              FunctionVersion: "2"
              RoutingConfig: null
        "#]],
    );
}

/// Through an alias, reads answer for the primary version under the alias ARN; deleting a
/// version an alias uses is refused; runtime management configuration refuses aliases.
#[test]
fn an_alias_as_a_qualifier() {
    check(
        &with_versions(
            r#"
            aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.5}
            aws lambda get-function-configuration --function-name f --qualifier live  # => FunctionArn Version
            aws lambda get-function --function-name f:live  # => Configuration.FunctionArn Configuration.Version
            ! aws lambda delete-function --function-name f --qualifier 2
            ! aws lambda delete-function --function-name f --qualifier 1
            ! aws lambda get-runtime-management-config --function-name f --qualifier live
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.5}
            $ aws lambda get-function-configuration --function-name f --qualifier live
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:live"
              Version: "1"
            $ aws lambda get-function --function-name f:live
              Configuration.FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:live"
              Configuration.Version: "1"
            $ ! aws lambda delete-function --function-name f --qualifier 2
              ! An error occurred (ResourceConflictException) when calling the DeleteFunction operation: Unable to delete version because the following aliases reference it: [live]
            $ ! aws lambda delete-function --function-name f --qualifier 1
              ! An error occurred (ResourceConflictException) when calling the DeleteFunction operation: Unable to delete version because the following aliases reference it: [live]
            $ ! aws lambda get-runtime-management-config --function-name f --qualifier live
              ! An error occurred (InvalidParameterValueException) when calling the GetRuntimeManagementConfig operation: The provided function name arn:aws:lambda:eu-south-1:123456789012:function:f:live is invalid. Aliases are not allowed.
        "#]],
    );
}

/// Invoke through a weighted alias: each invocation draws its version from the session's
/// generator, so a replay runs the same ones; ExecutedVersion and START name the version.
#[test]
fn invoking_a_weighted_alias_routes_by_weight() {
    check(
        &with_versions(
            r#"
            aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.5}
            aws lambda invoke --function-name f --qualifier live out.json  # => ExecutedVersion
            aws lambda invoke --function-name f --qualifier live out.json  # => ExecutedVersion
            aws lambda invoke --function-name f:live out.json  # => ExecutedVersion
            aws lambda invoke --function-name f:live out.json  # => ExecutedVersion
            aws lambda invoke --function-name f:live --log-type Tail out.json  # => ExecutedVersion LogResult|log
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.5}
            $ aws lambda invoke --function-name f --qualifier live out.json
              ExecutedVersion: "2"
            $ aws lambda invoke --function-name f --qualifier live out.json
              ExecutedVersion: "1"
            $ aws lambda invoke --function-name f:live out.json
              ExecutedVersion: "1"
            $ aws lambda invoke --function-name f:live out.json
              ExecutedVersion: "2"
            $ aws lambda invoke --function-name f:live --log-type Tail out.json
              ExecutedVersion: "1"
              LogResult:
                START RequestId: 5246b314-ecd5-4fca-a5a0-99069c7d64aa Version: 1
                END RequestId: 5246b314-ecd5-4fca-a5a0-99069c7d64aa
                REPORT RequestId: 5246b314-ecd5-4fca-a5a0-99069c7d64aa	Duration: 98.55 ms	Billed Duration: 99 ms	Memory Size: 128 MB	Max Memory Used: 74 MB	
        "#]],
    );
}

/// Background traffic through a weighted alias splits by weight: both arms start environments,
/// so the platform logs show START for each version.
#[test]
fn background_traffic_through_an_alias_reaches_both_arms() {
    check(
        &with_versions(
            r#"
            aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.25}
            sim traffic f 8 --qualifier live  # => FunctionArn InvocationsPerMinute
            sim advance 1h
            sim logs f --filter START  # => events[].logStreamName
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={"2"=0.25}
            $ sim traffic f 8 --qualifier live
              FunctionArn: "arn:aws:lambda:eu-south-1:123456789012:function:f:live"
              InvocationsPerMinute: 8.0
            $ sim advance 1h
            $ sim logs f --filter START
              events[].logStreamName: ["2023/01/23/[1]188e8c814f190f88ab60bdc6477c6c10","2023/01/23/[1]188e8c814f190f88ab60bdc6477c6c10","2023/01/23/[2]489177bb2a5b337034f1e22b87582407","2023/01/23/[2]489177bb2a5b337034f1e22b87582407"]
        "#]],
    );
}
