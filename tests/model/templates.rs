//! CloudFormation stacks from templates (LAMBDA.md, "Templates"): files written with a
//! here-document, `aws cloudformation deploy` through the model's own operations, parameters,
//! conditions and intrinsics, validation in CloudFormation's words, rollback, and the stack's
//! events. (SAM's transform and export come next.)

use super::check::check;
use expect_test::expect;

/// A function in a chosen update mode, its first version, an alias and an Errors alarm.
const SHOP: &str = r#"
sim region eu-west-1
cat > template.yaml <<'EOF'
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Mode:
    Type: String
    Default: Auto
    AllowedValues: [Auto, FunctionUpdate, Manual]
  Pin:
    Type: String
    Default: ''
Conditions:
  IsManual: !Equals [!Ref Mode, Manual]
Resources:
  Orders:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub '${AWS::StackName}-orders'
      Runtime: python3.9
      Handler: app.handler
      Role: !Sub 'arn:aws:iam::${AWS::AccountId}:role/lambda-role'
      Code:
        ZipFile: orders-v1.zip
      RuntimeManagementConfig:
        UpdateRuntimeOn: !Ref Mode
        RuntimeVersionArn: !If [IsManual, !Ref Pin, !Ref AWS::NoValue]
  OrdersV1:
    Type: AWS::Lambda::Version
    Properties:
      FunctionName: !Ref Orders
      Description: v1
  Live:
    Type: AWS::Lambda::Alias
    Properties:
      FunctionName: !Ref Orders
      FunctionVersion: !GetAtt OrdersV1.Version
      Name: live
  Errors:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: {"Fn::Join": ["-", [!Ref "AWS::StackName", errors]]}
      Namespace: AWS/Lambda
      MetricName: Errors
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 0
      ComparisonOperator: GreaterThanThreshold
      Dimensions:
        - Name: FunctionName
          Value: !Ref Orders
        - Name: Resource
          Value: !Sub '${Orders}:live'
EOF
"#;

#[test]
fn a_stack_creates_its_resources_through_the_model_and_updates_in_place() {
    check(
        &format!(
            "{SHOP}{}",
            r#"
            aws cloudformation deploy --template-file template.yaml --stack-name shop
            aws cloudformation describe-stacks --stack-name shop  # => Stacks[0].StackStatus Stacks[0].Parameters
            aws lambda get-function-configuration --function-name shop-orders --qualifier live  # => FunctionArn Version Role
            aws cloudwatch describe-alarms  # => MetricAlarms[].AlarmName MetricAlarms[].Dimensions
            aws cloudformation describe-stack-events --stack-name shop  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus
            ! aws cloudformation deploy --template-file template.yaml --stack-name shop
            aws cloudformation deploy --template-file template.yaml --stack-name shop --no-fail-on-empty-changeset
            aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode=Manual Pin=arn:aws:lambda:eu-west-1::runtime:5d78356d0ab527d7a46f221563948120c754042c0826389fa2ce37370518d186
            aws lambda get-runtime-management-config --function-name shop-orders  # => UpdateRuntimeOn RuntimeVersionArn
            aws lambda get-runtime-management-config --function-name shop-orders --qualifier 1  # => UpdateRuntimeOn
            aws cloudformation describe-stacks  # => Stacks[].StackStatus Stacks[].Parameters
            aws cloudformation delete-stack --stack-name shop
            ! aws lambda get-function --function-name shop-orders
            aws cloudwatch describe-alarms  # => MetricAlarms
            ! aws cloudformation describe-stacks --stack-name shop
            aws cloudformation delete-stack --stack-name shop
            "#
        ),
        expect![[r#"
            $ sim region eu-west-1
            $ cat > template.yaml <<'EOF'
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Mode:
                Type: String
                Default: Auto
                AllowedValues: [Auto, FunctionUpdate, Manual]
              Pin:
                Type: String
                Default: ''
            Conditions:
              IsManual: !Equals [!Ref Mode, Manual]
            Resources:
              Orders:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
                  Runtime: python3.9
                  Handler: app.handler
                  Role: !Sub 'arn:aws:iam::${AWS::AccountId}:role/lambda-role'
                  Code:
                    ZipFile: orders-v1.zip
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: !Ref Mode
                    RuntimeVersionArn: !If [IsManual, !Ref Pin, !Ref AWS::NoValue]
              OrdersV1:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Orders
                  Description: v1
              Live:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref Orders
                  FunctionVersion: !GetAtt OrdersV1.Version
                  Name: live
              Errors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {"Fn::Join": ["-", [!Ref "AWS::StackName", errors]]}
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Orders
                    - Name: Resource
                      Value: !Sub '${Orders}:live'
            EOF
            $ aws cloudformation deploy --template-file template.yaml --stack-name shop
            $ aws cloudformation describe-stacks --stack-name shop
              Stacks[0].StackStatus: "CREATE_COMPLETE"
              Stacks[0].Parameters: [{"ParameterKey":"Mode","ParameterValue":"Auto"},{"ParameterKey":"Pin","ParameterValue":""}]
            $ aws lambda get-function-configuration --function-name shop-orders --qualifier live
              FunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:shop-orders:live"
              Version: "1"
              Role: "arn:aws:iam::123456789012:role/lambda-role"
            $ aws cloudwatch describe-alarms
              MetricAlarms[].AlarmName: ["shop-errors"]
              MetricAlarms[].Dimensions: [[{"Name":"FunctionName","Value":"shop-orders"},{"Name":"Resource","Value":"shop-orders:live"}]]
            $ aws cloudformation describe-stack-events --stack-name shop
              StackEvents[].LogicalResourceId: ["shop","Errors","Errors","Live","Live","OrdersV1","OrdersV1","Orders","Orders","shop","shop"]
              StackEvents[].ResourceStatus: ["CREATE_COMPLETE","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
            $ ! aws cloudformation deploy --template-file template.yaml --stack-name shop
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! No changes to deploy. Stack shop is up to date
            $ aws cloudformation deploy --template-file template.yaml --stack-name shop --no-fail-on-empty-changeset
            $ aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode=Manual Pin={rv eu-west-1 python3.9 14}
            $ aws lambda get-runtime-management-config --function-name shop-orders
              UpdateRuntimeOn: "Manual"
              RuntimeVersionArn: "{rv eu-west-1 python3.9 14}"
            $ aws lambda get-runtime-management-config --function-name shop-orders --qualifier 1
              UpdateRuntimeOn: "Auto"
            $ aws cloudformation describe-stacks
              Stacks[].StackStatus: ["UPDATE_COMPLETE"]
              Stacks[].Parameters: [[{"ParameterKey":"Mode","ParameterValue":"Manual"},{"ParameterKey":"Pin","ParameterValue":"{rv eu-west-1 python3.9 14}"}]]
            $ aws cloudformation delete-stack --stack-name shop
            $ ! aws lambda get-function --function-name shop-orders
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:shop-orders
            $ aws cloudwatch describe-alarms
              MetricAlarms: []
            $ ! aws cloudformation describe-stacks --stack-name shop
              ! An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id shop does not exist
            $ aws cloudformation delete-stack --stack-name shop
        "#]],
    );
}

#[test]
fn template_and_parameter_errors_stop_a_deploy_before_any_resource() {
    check(
        &format!(
            "{SHOP}{}",
            r#"
            ! aws cloudformation deploy --template-file nope.yaml --stack-name shop
            ! aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode=manual
            ! aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode
            cat > bad.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties: [unclosed
            EOF
            ! aws cloudformation deploy --template-file bad.yaml --stack-name s
            cat > types.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Funtion
              Topic:
                Type: AWS::SNS::Topic
            EOF
            ! aws cloudformation deploy --template-file types.yaml --stack-name s
            cat > types.yaml <<'EOF'
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Invoke:
                Type: AWS::Lambda::Permission
              Hook:
                Type: Custom::Seed
            EOF
            ! aws cloudformation deploy --template-file types.yaml --stack-name s
            cat > cycle.yaml <<'EOF'
            Resources:
              A:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref B
              B:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !GetAtt A.Version
            EOF
            ! aws cloudformation deploy --template-file cycle.yaml --stack-name s
            cat > dangling.yaml <<'EOF'
            Resources:
              A:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Missing
            EOF
            ! aws cloudformation deploy --template-file dangling.yaml --stack-name s
            cat > required.yaml <<'EOF'
            Parameters:
              Name:
                Type: String
            Resources:
              A:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Name
            EOF
            ! aws cloudformation deploy --template-file required.yaml --stack-name s
            ! aws cloudformation describe-stacks --stack-name s
            cat > alias.yaml <<'EOF'
            Resources:
              A: &shared
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: f
              B: *shared
            EOF
            ! aws cloudformation deploy --template-file alias.yaml --stack-name s
            cat > names.yaml <<'EOF'
            Resources:
              my-version:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: f
            EOF
            ! aws cloudformation deploy --template-file names.yaml --stack-name s
            ! aws cloudformation deploy --template-file template.yaml --stack-name 1shop
            "#
        ),
        expect![[r#"
            $ sim region eu-west-1
            $ cat > template.yaml <<'EOF'
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Mode:
                Type: String
                Default: Auto
                AllowedValues: [Auto, FunctionUpdate, Manual]
              Pin:
                Type: String
                Default: ''
            Conditions:
              IsManual: !Equals [!Ref Mode, Manual]
            Resources:
              Orders:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
                  Runtime: python3.9
                  Handler: app.handler
                  Role: !Sub 'arn:aws:iam::${AWS::AccountId}:role/lambda-role'
                  Code:
                    ZipFile: orders-v1.zip
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: !Ref Mode
                    RuntimeVersionArn: !If [IsManual, !Ref Pin, !Ref AWS::NoValue]
              OrdersV1:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Orders
                  Description: v1
              Live:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref Orders
                  FunctionVersion: !GetAtt OrdersV1.Version
                  Name: live
              Errors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {"Fn::Join": ["-", [!Ref "AWS::StackName", errors]]}
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Orders
                    - Name: Resource
                      Value: !Sub '${Orders}:live'
            EOF
            $ ! aws cloudformation deploy --template-file nope.yaml --stack-name shop
              ! Invalid template path nope.yaml
            $ ! aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode=manual
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameter 'Mode' must be one of AllowedValues
            $ ! aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode
              ! ['Mode'] value passed to --parameter-overrides must be of format Key=Value
            $ cat > bad.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties: [unclosed
            EOF
            $ ! aws cloudformation deploy --template-file bad.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: YAML not well-formed. (line 5, column 1)
            $ cat > types.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Funtion
              Topic:
                Type: AWS::SNS::Topic
            EOF
            $ ! aws cloudformation deploy --template-file types.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unrecognized resource types: [AWS::Lambda::Funtion]
            $ cat > types.yaml <<'EOF'
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Invoke:
                Type: AWS::Lambda::Permission
              Hook:
                Type: Custom::Seed
            EOF
            $ ! aws cloudformation deploy --template-file types.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: The playground does not provision AWS::SNS::Topic (Topic), AWS::Lambda::Permission (Invoke), Custom::Seed (Hook): it makes AWS::Lambda::Function, AWS::Lambda::Version, AWS::Lambda::Alias, AWS::CloudWatch::Alarm, AWS::IAM::Role and, with the SAM transform, AWS::Serverless::Function.
            $ cat > cycle.yaml <<'EOF'
            Resources:
              A:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref B
              B:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !GetAtt A.Version
            EOF
            $ ! aws cloudformation deploy --template-file cycle.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Circular dependency between resources: [A, B]
            $ cat > dangling.yaml <<'EOF'
            Resources:
              A:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Missing
            EOF
            $ ! aws cloudformation deploy --template-file dangling.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unresolved resource dependencies [Missing] in the Resources block of the template
            $ cat > required.yaml <<'EOF'
            Parameters:
              Name:
                Type: String
            Resources:
              A:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Name
            EOF
            $ ! aws cloudformation deploy --template-file required.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameters: [Name] must have values
            $ ! aws cloudformation describe-stacks --stack-name s
              ! An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id s does not exist
            $ cat > alias.yaml <<'EOF'
            Resources:
              A: &shared
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: f
              B: *shared
            EOF
            $ ! aws cloudformation deploy --template-file alias.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: YAML not well-formed. (line 6, column 6)
            $ cat > names.yaml <<'EOF'
            Resources:
              my-version:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: f
            EOF
            $ ! aws cloudformation deploy --template-file names.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Resource name my-version is non alphanumeric.
            $ ! aws cloudformation deploy --template-file template.yaml --stack-name 1shop
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: 1 validation error detected: Value '1shop' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*
        "#]],
    );
}

/// The launch post's snippet writes `UpdateOn`; a resource that fails rolls a new stack back,
/// and a stack in ROLLBACK_COMPLETE cannot be updated.
#[test]
fn a_failing_resource_rolls_the_new_stack_back() {
    check(
        r#"
        sim region eu-west-1
        cat > template.json <<'EOF'
        {
          "Resources": {
            "Helper": {
              "Type": "AWS::Lambda::Function",
              "Properties": {
                "FunctionName": "helper",
                "Runtime": "python3.9",
                "Handler": "app.handler",
                "Role": "arn:aws:iam::123456789012:role/lambda-role",
                "Code": {"ZipFile": "helper.zip"}
              }
            },
            "HelloWorldFunction": {
              "Type": "AWS::Lambda::Function",
              "DependsOn": "Helper",
              "Properties": {
                "Runtime": "python3.9",
                "Handler": "app.handler",
                "Role": "arn:aws:iam::123456789012:role/lambda-role",
                "Code": {"ZipFile": "hello.zip"},
                "RuntimeManagementConfig": {"UpdateOn": "Manual"}
              }
            }
          }
        }
        EOF
        ! aws cloudformation deploy --template-file template.json --stack-name hello
        aws cloudformation describe-stack-events --stack-name hello  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus StackEvents[].ResourceStatusReason
        ! aws lambda get-function --function-name helper
        ! aws cloudformation deploy --template-file template.json --stack-name hello
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > template.json <<'EOF'
            {
              "Resources": {
                "Helper": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "FunctionName": "helper",
                    "Runtime": "python3.9",
                    "Handler": "app.handler",
                    "Role": "arn:aws:iam::123456789012:role/lambda-role",
                    "Code": {"ZipFile": "helper.zip"}
                  }
                },
                "HelloWorldFunction": {
                  "Type": "AWS::Lambda::Function",
                  "DependsOn": "Helper",
                  "Properties": {
                    "Runtime": "python3.9",
                    "Handler": "app.handler",
                    "Role": "arn:aws:iam::123456789012:role/lambda-role",
                    "Code": {"ZipFile": "hello.zip"},
                    "RuntimeManagementConfig": {"UpdateOn": "Manual"}
                  }
                }
              }
            }
            EOF
            $ ! aws cloudformation deploy --template-file template.json --stack-name hello
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name hello
            $ aws cloudformation describe-stack-events --stack-name hello
              StackEvents[].LogicalResourceId: ["hello","Helper","Helper","hello","HelloWorldFunction","HelloWorldFunction","Helper","Helper","hello","hello"]
              StackEvents[].ResourceStatus: ["ROLLBACK_COMPLETE","DELETE_COMPLETE","DELETE_IN_PROGRESS","ROLLBACK_IN_PROGRESS","CREATE_FAILED","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
              StackEvents[].ResourceStatusReason: [null,null,null,"The following resource(s) failed to create: [HelloWorldFunction]. Rollback requested by user.","Properties validation failed for resource HelloWorldFunction with message: #/RuntimeManagementConfig: required key [UpdateRuntimeOn] not found #/RuntimeManagementConfig: extraneous key [UpdateOn] is not permitted",null,null,null,"User Initiated","User Initiated"]
            $ ! aws lambda get-function --function-name helper
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:helper
            $ ! aws cloudformation deploy --template-file template.json --stack-name hello
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Stack:arn:aws:cloudformation:eu-west-1:123456789012:stack/hello/bdd73226-2feb-4e95-98ef-e333b266f103 is in ROLLBACK_COMPLETE state and can not be updated.
        "#]],
    );
}

/// An update whose resource fails goes back: a Manual setting without a runtime version ARN is
/// refused by Lambda, and the function's earlier change is undone.
#[test]
fn a_failing_update_rolls_back_what_it_changed() {
    check(
        &format!(
            "{SHOP}{}",
            r#"
            aws cloudformation deploy --template-file template.yaml --stack-name shop
            ! aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode=Manual
            aws cloudformation describe-stack-events --stack-name shop  # => StackEvents[].ResourceStatus
            aws cloudformation describe-stacks --stack-name shop  # => Stacks[0].StackStatus Stacks[0].Parameters
            aws lambda get-runtime-management-config --function-name shop-orders  # => UpdateRuntimeOn
            "#
        ),
        expect![[r#"
            $ sim region eu-west-1
            $ cat > template.yaml <<'EOF'
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Mode:
                Type: String
                Default: Auto
                AllowedValues: [Auto, FunctionUpdate, Manual]
              Pin:
                Type: String
                Default: ''
            Conditions:
              IsManual: !Equals [!Ref Mode, Manual]
            Resources:
              Orders:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
                  Runtime: python3.9
                  Handler: app.handler
                  Role: !Sub 'arn:aws:iam::${AWS::AccountId}:role/lambda-role'
                  Code:
                    ZipFile: orders-v1.zip
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: !Ref Mode
                    RuntimeVersionArn: !If [IsManual, !Ref Pin, !Ref AWS::NoValue]
              OrdersV1:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Orders
                  Description: v1
              Live:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref Orders
                  FunctionVersion: !GetAtt OrdersV1.Version
                  Name: live
              Errors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: {"Fn::Join": ["-", [!Ref "AWS::StackName", errors]]}
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Orders
                    - Name: Resource
                      Value: !Sub '${Orders}:live'
            EOF
            $ aws cloudformation deploy --template-file template.yaml --stack-name shop
            $ ! aws cloudformation deploy --template-file template.yaml --stack-name shop --parameter-overrides Mode=Manual
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name shop
            $ aws cloudformation describe-stack-events --stack-name shop
              StackEvents[].ResourceStatus: ["UPDATE_ROLLBACK_COMPLETE","UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS","UPDATE_COMPLETE","UPDATE_IN_PROGRESS","UPDATE_ROLLBACK_IN_PROGRESS","UPDATE_FAILED","UPDATE_IN_PROGRESS","UPDATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
            $ aws cloudformation describe-stacks --stack-name shop
              Stacks[0].StackStatus: "UPDATE_ROLLBACK_COMPLETE"
              Stacks[0].Parameters: [{"ParameterKey":"Mode","ParameterValue":"Auto"},{"ParameterKey":"Pin","ParameterValue":""}]
            $ aws lambda get-runtime-management-config --function-name shop-orders
              UpdateRuntimeOn: "Auto"
        "#]],
    );
}

/// DeletionPolicy and UpdateReplacePolicy take CloudFormation's values only. RetainExceptOnCreate
/// keeps a resource when its stack is deleted, but not when the operation that created it rolls
/// back. UpdateReplacePolicy keeps a replaced resource; a policy changed alone takes effect.
#[test]
fn deletion_policies() {
    check(
        r#"
        cat > keep.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            DeletionPolicy: Keep
            Properties:
              FunctionName: kept
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
        EOF
        ! aws cloudformation deploy --template-file keep.yaml --stack-name s
        cat > replace.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            UpdateReplacePolicy: RetainExceptOnCreate
            Properties:
              FunctionName: kept
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
        EOF
        ! aws cloudformation deploy --template-file replace.yaml --stack-name s
        cat > failing.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            DeletionPolicy: RetainExceptOnCreate
            Properties:
              FunctionName: kept
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
          Broken:
            Type: AWS::Lambda::Function
            DependsOn: Fn
            Properties:
              FunctionName: broken
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
              RuntimeManagementConfig:
                UpdateRuntimeOn: Sometimes
        EOF
        ! aws cloudformation deploy --template-file failing.yaml --stack-name s
        aws cloudformation describe-stack-events --stack-name s  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus
        ! aws lambda get-function --function-name kept
        aws cloudformation delete-stack --stack-name s
        cat > kept.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            DeletionPolicy: RetainExceptOnCreate
            Properties:
              FunctionName: kept
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
        EOF
        aws cloudformation deploy --template-file kept.yaml --stack-name t
        aws cloudformation delete-stack --stack-name t
        ! aws cloudformation describe-stack-events --stack-name t
        aws lambda get-function-configuration --function-name kept  # => FunctionName
        cat > later.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            UpdateReplacePolicy: Retain
            Properties:
              FunctionName: first
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
        EOF
        aws cloudformation deploy --template-file later.yaml --stack-name u
        cat > later.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            UpdateReplacePolicy: Retain
            DeletionPolicy: Retain
            Properties:
              FunctionName: second
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
        EOF
        aws cloudformation deploy --template-file later.yaml --stack-name u
        aws lambda get-function-configuration --function-name first  # => FunctionName
        aws cloudformation delete-stack --stack-name u
        aws lambda get-function-configuration --function-name second  # => FunctionName
        cat > intrinsic.yaml <<'EOF'
        Parameters:
          Policy:
            Type: String
            Default: Retain
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            DeletionPolicy: !Ref Policy
            Properties:
              FunctionName: f
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/lambda-role
              Code:
                ZipFile: app.zip
        EOF
        ! aws cloudformation deploy --template-file intrinsic.yaml --stack-name v
        "#,
        expect![[r#"
            $ cat > keep.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                DeletionPolicy: Keep
                Properties:
                  FunctionName: kept
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
            EOF
            $ ! aws cloudformation deploy --template-file keep.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unrecognized DeletionPolicy Keep for resource Fn
            $ cat > replace.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                UpdateReplacePolicy: RetainExceptOnCreate
                Properties:
                  FunctionName: kept
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
            EOF
            $ ! aws cloudformation deploy --template-file replace.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unrecognized UpdateReplacePolicy RetainExceptOnCreate for resource Fn
            $ cat > failing.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                DeletionPolicy: RetainExceptOnCreate
                Properties:
                  FunctionName: kept
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
              Broken:
                Type: AWS::Lambda::Function
                DependsOn: Fn
                Properties:
                  FunctionName: broken
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: Sometimes
            EOF
            $ ! aws cloudformation deploy --template-file failing.yaml --stack-name s
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name s
            $ aws cloudformation describe-stack-events --stack-name s
              StackEvents[].LogicalResourceId: ["s","Fn","Fn","s","Broken","Broken","Fn","Fn","s","s"]
              StackEvents[].ResourceStatus: ["ROLLBACK_COMPLETE","DELETE_COMPLETE","DELETE_IN_PROGRESS","ROLLBACK_IN_PROGRESS","CREATE_FAILED","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
            $ ! aws lambda get-function --function-name kept
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:kept
            $ aws cloudformation delete-stack --stack-name s
            $ cat > kept.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                DeletionPolicy: RetainExceptOnCreate
                Properties:
                  FunctionName: kept
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
            EOF
            $ aws cloudformation deploy --template-file kept.yaml --stack-name t
            $ aws cloudformation delete-stack --stack-name t
            $ ! aws cloudformation describe-stack-events --stack-name t
              ! An error occurred (ValidationError) when calling the DescribeStackEvents operation: Stack with id t does not exist
            $ aws lambda get-function-configuration --function-name kept
              FunctionName: "kept"
            $ cat > later.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                UpdateReplacePolicy: Retain
                Properties:
                  FunctionName: first
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
            EOF
            $ aws cloudformation deploy --template-file later.yaml --stack-name u
            $ cat > later.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                UpdateReplacePolicy: Retain
                DeletionPolicy: Retain
                Properties:
                  FunctionName: second
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
            EOF
            $ aws cloudformation deploy --template-file later.yaml --stack-name u
            $ aws lambda get-function-configuration --function-name first
              FunctionName: "first"
            $ aws cloudformation delete-stack --stack-name u
            $ aws lambda get-function-configuration --function-name second
              FunctionName: "second"
            $ cat > intrinsic.yaml <<'EOF'
            Parameters:
              Policy:
                Type: String
                Default: Retain
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                DeletionPolicy: !Ref Policy
                Properties:
                  FunctionName: f
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/lambda-role
                  Code:
                    ZipFile: app.zip
            EOF
            $ ! aws cloudformation deploy --template-file intrinsic.yaml --stack-name v
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Every DeletionPolicy member must be a string.
        "#]],
    );
}

/// SAM checks its Globals section: a section it does not know (a typo like `Functions`) and a
/// property Globals does not take (FunctionName) fail the transform, in SAM's words.
#[test]
fn sam_globals_sections_and_properties() {
    check(
        r#"
        cat > typo.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Functions:
            Runtime: python3.9
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
        EOF
        ! sam deploy --template-file typo.yaml --stack-name s --capabilities CAPABILITY_IAM
        cat > name.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            FunctionName: shared
            RuntimeManagementConfig:
              UpdateRuntimeOn: FunctionUpdate
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
        EOF
        ! aws cloudformation deploy --template-file name.yaml --stack-name s --capabilities CAPABILITY_IAM
        cat > api.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Api:
            Foo: 1
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
        EOF
        ! aws cloudformation deploy --template-file api.yaml --stack-name s --capabilities CAPABILITY_IAM
        cat > managed.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            RuntimeManagementConfig:
              UpdateRuntimeOn: FunctionUpdate
          Api:
            Name: unused
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
        EOF
        aws cloudformation deploy --template-file managed.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws lambda get-runtime-management-config --function-name fn  # => UpdateRuntimeOn
        "#,
        expect![[r#"
            $ cat > typo.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Functions:
                Runtime: python3.9
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
            EOF
            $ ! sam deploy --template-file typo.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Error: Failed to create changeset for the stack: s, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. 'Globals' section is invalid. 'Functions' is not supported. Must be one of the following values - ['Api', 'Function', 'HttpApi', 'LayerVersion', 'SimpleTable', 'StateMachine']
            $ cat > name.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                FunctionName: shared
                RuntimeManagementConfig:
                  UpdateRuntimeOn: FunctionUpdate
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
            EOF
            $ ! aws cloudformation deploy --template-file name.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. 'Globals' section is invalid. 'FunctionName' is not a supported property of 'Function'. Must be one of the following values - ['Handler', 'Runtime', 'CodeUri', 'DeadLetterQueue', 'Description', 'MemorySize', 'Timeout', 'VpcConfig', 'Environment', 'Tags', 'PropagateTags', 'Tracing', 'KmsKeyArn', 'AutoPublishAlias', 'AutoPublishAliasAllProperties', 'Layers', 'DeploymentPreference', 'RolePath', 'PermissionsBoundary', 'ReservedConcurrentExecutions', 'ProvisionedConcurrencyConfig', 'AssumeRolePolicyDocument', 'EventInvokeConfig', 'FileSystemConfigs', 'CodeSigningConfigArn', 'Architectures', 'SnapStart', 'EphemeralStorage', 'FunctionUrlConfig', 'LoggingConfig']
            $ cat > api.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Api:
                Foo: 1
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
            EOF
            $ ! aws cloudformation deploy --template-file api.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. 'Globals' section is invalid. 'Foo' is not a supported property of 'Api'. Must be one of the following values - ['Auth', 'Name', 'DefinitionUri', 'CacheClusterEnabled', 'CacheClusterSize', 'MergeDefinitions', 'Variables', 'EndpointConfiguration', 'MethodSettings', 'BinaryMediaTypes', 'MinimumCompressionSize', 'Cors', 'GatewayResponses', 'AccessLogSetting', 'CanarySetting', 'TracingEnabled', 'OpenApiVersion', 'Domain', 'AlwaysDeploy', 'PropagateTags']
            $ cat > managed.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                RuntimeManagementConfig:
                  UpdateRuntimeOn: FunctionUpdate
              Api:
                Name: unused
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
            EOF
            $ aws cloudformation deploy --template-file managed.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ aws lambda get-runtime-management-config --function-name fn
              UpdateRuntimeOn: "FunctionUpdate"
        "#]],
    );
}

/// A new stack exists from the moment its change set does: REVIEW_IN_PROGRESS, the first of its
/// events. A change set that fails (a SAM transform error) leaves the stack there, in
/// describe-stacks and list-stacks, until a deploy creates it or delete-stack removes it.
#[test]
fn a_failed_change_set_leaves_a_new_stack_in_review() {
    check(
        r#"
        cat > app.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
              DeploymentPreference:
                Type: Canary10Percent5Minutes
        EOF
        ! aws cloudformation deploy --template-file app.yaml --stack-name app --capabilities CAPABILITY_IAM
        aws cloudformation describe-stacks --stack-name app  # => Stacks[].StackStatus Stacks[].LastUpdatedTime
        aws cloudformation describe-stack-events --stack-name app  # => StackEvents[].ResourceStatus StackEvents[].ResourceStatusReason
        aws cloudformation list-stacks  # => StackSummaries[].StackName StackSummaries[].StackStatus
        ! aws lambda get-function --function-name fn
        cat > app.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
              AutoPublishAlias: live
        EOF
        aws cloudformation deploy --template-file app.yaml --stack-name app --capabilities CAPABILITY_IAM
        aws cloudformation describe-stacks --stack-name app  # => Stacks[].StackStatus Stacks[].LastUpdatedTime
        aws cloudformation describe-stack-events --stack-name app  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus
        "#,
        expect![[r#"
            $ cat > app.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
            EOF
            $ ! aws cloudformation deploy --template-file app.yaml --stack-name app --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.
            $ aws cloudformation describe-stacks --stack-name app
              Stacks[].StackStatus: ["REVIEW_IN_PROGRESS"]
              Stacks[].LastUpdatedTime: [null]
            $ aws cloudformation describe-stack-events --stack-name app
              StackEvents[].ResourceStatus: ["REVIEW_IN_PROGRESS"]
              StackEvents[].ResourceStatusReason: ["User Initiated"]
            $ aws cloudformation list-stacks
              StackSummaries[].StackName: ["app"]
              StackSummaries[].StackStatus: ["REVIEW_IN_PROGRESS"]
            $ ! aws lambda get-function --function-name fn
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn
            $ cat > app.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
                  AutoPublishAlias: live
            EOF
            $ aws cloudformation deploy --template-file app.yaml --stack-name app --capabilities CAPABILITY_IAM
            $ aws cloudformation describe-stacks --stack-name app
              Stacks[].StackStatus: ["CREATE_COMPLETE"]
              Stacks[].LastUpdatedTime: [null]
            $ aws cloudformation describe-stack-events --stack-name app
              StackEvents[].LogicalResourceId: ["app","FnAliaslive","FnAliaslive","FnVersion5f35e9dc6d","FnVersion5f35e9dc6d","Fn","Fn","FnRole","FnRole","app","app"]
              StackEvents[].ResourceStatus: ["CREATE_COMPLETE","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
        "#]],
    );
}

/// In a SAM template, what CloudFormation finds past the syntax is found as the transform runs, in
/// the change set (the new stack stays REVIEW_IN_PROGRESS); broken YAML is still CreateChangeSet's
/// answer, and no stack is made.
#[test]
fn sam_template_errors_fail_the_change_set() {
    check(
        r#"
        cat > policy.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            DeletionPolicy: Keep
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
        EOF
        ! aws cloudformation deploy --template-file policy.yaml --stack-name sam --capabilities CAPABILITY_IAM
        aws cloudformation describe-stacks --stack-name sam  # => Stacks[].StackStatus
        cat > broken.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn: [
        EOF
        ! aws cloudformation deploy --template-file broken.yaml --stack-name other
        ! aws cloudformation describe-stacks --stack-name other
        "#,
        expect![[r#"
            $ cat > policy.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                DeletionPolicy: Keep
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
            EOF
            $ ! aws cloudformation deploy --template-file policy.yaml --stack-name sam --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Template format error: Unrecognized DeletionPolicy Keep for resource Fn
            $ aws cloudformation describe-stacks --stack-name sam
              Stacks[].StackStatus: ["REVIEW_IN_PROGRESS"]
            $ cat > broken.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn: [
            EOF
            $ ! aws cloudformation deploy --template-file broken.yaml --stack-name other
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: YAML not well-formed. (line 4, column 1)
            $ ! aws cloudformation describe-stacks --stack-name other
              ! An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id other does not exist
        "#]],
    );
}

/// SAM's transform: serverless functions expand only under `Transform`; DeploymentPreference
/// needs AutoPublishAlias; what the playground does not model is refused by name; Globals merge.
#[test]
fn sam_transform_rules() {
    check(
        r#"
        sim region us-east-1
        cat > plain.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
        EOF
        ! aws cloudformation deploy --template-file plain.yaml --stack-name s --capabilities CAPABILITY_IAM
        cat > preference.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
              DeploymentPreference:
                Type: Canary10Percent5Minutes
        EOF
        ! sam deploy --template-file preference.yaml --stack-name s --capabilities CAPABILITY_IAM
        cat > events.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
              Events:
                Api:
                  Type: Api
        EOF
        ! aws cloudformation deploy --template-file events.yaml --stack-name s --capabilities CAPABILITY_IAM
        cat > globals.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.9
            MemorySize: 256
            Environment:
              Variables:
                STAGE: prod
                LOG: info
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: fn/
              Handler: app.handler
              Environment:
                Variables:
                  LOG: debug
              AutoPublishAlias: live
        EOF
        sam deploy --template-file globals.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws lambda get-function-configuration --function-name fn --qualifier live  # => Version Runtime MemorySize Environment Role
        aws cloudformation describe-stack-events --stack-name s  # => StackEvents[].LogicalResourceId
        aws cloudformation delete-stack --stack-name s
        ! aws lambda list-versions-by-function --function-name fn
        "#,
        expect![[r#"
            $ sim region us-east-1
            $ cat > plain.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
            EOF
            $ ! aws cloudformation deploy --template-file plain.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unrecognized resource types: [AWS::Serverless::Function]
            $ cat > preference.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
            EOF
            $ ! sam deploy --template-file preference.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Error: Failed to create changeset for the stack: s, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. 'DeploymentPreference' requires AutoPublishAlias property to be specified.
            $ cat > events.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
                  Events:
                    Api:
                      Type: Api
            EOF
            $ ! aws cloudformation deploy --template-file events.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. The playground does not model property Events of AWS::Serverless::Function.
            $ cat > globals.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.9
                MemorySize: 256
                Environment:
                  Variables:
                    STAGE: prod
                    LOG: info
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: fn/
                  Handler: app.handler
                  Environment:
                    Variables:
                      LOG: debug
                  AutoPublishAlias: live
            EOF
            $ sam deploy --template-file globals.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ aws lambda get-function-configuration --function-name fn --qualifier live
              Version: "1"
              Runtime: "python3.9"
              MemorySize: 256
              Environment: {"Variables":{"LOG":"debug","STAGE":"prod"}}
              Role: "arn:aws:iam::123456789012:role/s-FnRole-diz4DAnfNdHA"
            $ aws cloudformation describe-stack-events --stack-name s
              StackEvents[].LogicalResourceId: ["s","FnAliaslive","FnAliaslive","FnVersion993fae7059","FnVersion993fae7059","Fn","Fn","FnRole","FnRole","s","s"]
            $ aws cloudformation delete-stack --stack-name s
            $ ! aws lambda list-versions-by-function --function-name fn
              ! An error occurred (ResourceNotFoundException) when calling the ListVersionsByFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn
        "#]],
    );
}

/// The condition functions and the long forms: Fn::Not, Fn::And, Fn::Or, Condition, Fn::Select,
/// Fn::GetAtt as a list, Fn::Sub with a variable map; a resource whose condition is false is not
/// made; a GetAtt of an attribute a type has not fails the resource.
#[test]
fn conditions_and_long_forms() {
    check(
        r#"
        sim region eu-west-1
        cat > t.yaml <<'EOF'
        Parameters:
          Stage:
            Type: String
            Default: prod
          Sizes:
            Type: CommaDelimitedList
            Default: 128,256,512
        Conditions:
          IsProd: {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}
          IsDev: {"Fn::Not": [{"Condition": "IsProd"}]}
          Both: {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "IsDev"}]}]}
          Either: !Or [!Condition IsDev, !Condition Both]
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: {"Fn::Sub": ["${Prefix}-fn", {"Prefix": {"Ref": "Stage"}}]}
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: fn.zip}
              MemorySize: {"Fn::Select": [1, {"Ref": "Sizes"}]}
              Description: !If [Either, both, neither]
          DevOnly:
            Type: AWS::Lambda::Version
            Condition: IsDev
            Properties:
              FunctionName: !Ref Fn
          V:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: {"Fn::GetAtt": [Fn, Arn]}
        EOF
        aws cloudformation deploy --template-file t.yaml --stack-name c
        aws lambda get-function-configuration --function-name prod-fn  # => MemorySize Description
        aws lambda list-versions-by-function --function-name prod-fn  # => Versions[].Version
        aws cloudformation describe-stack-events --stack-name c  # => StackEvents[].LogicalResourceId
        cat > bad.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: bad-fn
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: fn.zip}
              Description: !GetAtt Fn.Arn
          V:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: !Ref Fn
              Description: !GetAtt Fn.Version
        EOF
        ! aws cloudformation deploy --template-file bad.yaml --stack-name bad
        ! aws cloudformation describe-stack-events --stack-name bad
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > t.yaml <<'EOF'
            Parameters:
              Stage:
                Type: String
                Default: prod
              Sizes:
                Type: CommaDelimitedList
                Default: 128,256,512
            Conditions:
              IsProd: {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}
              IsDev: {"Fn::Not": [{"Condition": "IsProd"}]}
              Both: {"Fn::And": [{"Condition": "IsProd"}, {"Fn::Not": [{"Condition": "IsDev"}]}]}
              Either: !Or [!Condition IsDev, !Condition Both]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: {"Fn::Sub": ["${Prefix}-fn", {"Prefix": {"Ref": "Stage"}}]}
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: fn.zip}
                  MemorySize: {"Fn::Select": [1, {"Ref": "Sizes"}]}
                  Description: !If [Either, both, neither]
              DevOnly:
                Type: AWS::Lambda::Version
                Condition: IsDev
                Properties:
                  FunctionName: !Ref Fn
              V:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: {"Fn::GetAtt": [Fn, Arn]}
            EOF
            $ aws cloudformation deploy --template-file t.yaml --stack-name c
            $ aws lambda get-function-configuration --function-name prod-fn
              MemorySize: 256
              Description: "both"
            $ aws lambda list-versions-by-function --function-name prod-fn
              Versions[].Version: ["$LATEST","1"]
            $ aws cloudformation describe-stack-events --stack-name c
              StackEvents[].LogicalResourceId: ["c","V","V","Fn","Fn","c","c"]
            $ cat > bad.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: bad-fn
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: fn.zip}
                  Description: !GetAtt Fn.Arn
              V:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Fn
                  Description: !GetAtt Fn.Version
            EOF
            $ ! aws cloudformation deploy --template-file bad.yaml --stack-name bad
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Circular dependency between resources: [Fn]
            $ ! aws cloudformation describe-stack-events --stack-name bad
              ! An error occurred (ValidationError) when calling the DescribeStackEvents operation: Stack with id bad does not exist
        "#]],
    );
}

/// SAM's DeploymentPreference: a version change of the alias goes through a CodeDeploy
/// deployment and the stack update waits for it; an alarm that fires rolls the deployment back
/// and the stack update with it. The alarm watches the function's alias and the preference
/// names the alarm: the alias waits for the alarm, which waits for the function (no cycle).
#[test]
fn deployment_preference_shifts_traffic_and_the_stack_waits() {
    let template = |code: &str| {
        format!(
            r#"
            cat > template.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: api
                  CodeUri: {code}
                  Handler: app.handler
                  Runtime: python3.9
                  Role: arn:aws:iam::123456789012:role/r
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms:
                      - !Ref AliasErrors
              AliasErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: api-live-errors
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Api
                    - Name: Resource
                      Value: !Sub '${{Api}}:live'
            EOF
            "#
        )
    };
    let mut script = String::from("sim region eu-west-1\n");
    script.push_str(&template("api-v1.zip"));
    script.push_str(
        r#"
        sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
        sim traffic api 20 --qualifier live
        "#,
    );
    script.push_str(&template("api-v2.zip"));
    script.push_str(
        r#"
        sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM  # => printed
        aws cloudformation describe-stacks --stack-name api  # => Stacks[0].StackStatus
        aws lambda get-alias --function-name api --name live  # => FunctionVersion RoutingConfig
        ! sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
        aws deploy get-deployment --deployment-id d-H3EQINJ26  # => deploymentInfo.applicationName deploymentInfo.deploymentGroupName
        sim advance 5m
        aws cloudformation describe-stacks --stack-name api  # => Stacks[0].StackStatus
        aws lambda get-alias --function-name api --name live  # => FunctionVersion RoutingConfig
        sim release python3.9 --region eu-west-1 --changes strict-tls
        "#,
    );
    script.push_str(&template("api-v3.zip"));
    script.push_str(
        r#"
        sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
        sim relies-on api strict-tls
        sim advance 2m
        aws cloudformation describe-stacks --stack-name api  # => Stacks[0].StackStatus
        aws cloudformation describe-stack-events --stack-name api  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus
        aws lambda get-alias --function-name api --name live  # => FunctionVersion RoutingConfig
        "#,
    );
    check(
        &script,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > template.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: api
                  CodeUri: api-v1.zip
                  Handler: app.handler
                  Runtime: python3.9
                  Role: arn:aws:iam::123456789012:role/r
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms:
                      - !Ref AliasErrors
              AliasErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: api-live-errors
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Api
                    - Name: Resource
                      Value: !Sub '${Api}:live'
            EOF
            $ sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
            $ sim traffic api 20 --qualifier live
            $ cat > template.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: api
                  CodeUri: api-v2.zip
                  Handler: app.handler
                  Runtime: python3.9
                  Role: arn:aws:iam::123456789012:role/r
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms:
                      - !Ref AliasErrors
              AliasErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: api-live-errors
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Api
                    - Name: Resource
                      Value: !Sub '${Api}:live'
            EOF
            $ sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
              | 
              | Waiting for changeset to be created..
              | Waiting for stack create/update to complete
              | [playground] The update waits for CodeDeploy deployment d-H3EQINJ26: advance the clock to let it run.
            $ aws cloudformation describe-stacks --stack-name api
              Stacks[0].StackStatus: "UPDATE_IN_PROGRESS"
            $ aws lambda get-alias --function-name api --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ ! sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
              ! Error: Failed to create changeset for the stack: api, An error occurred (ValidationError) when calling the CreateChangeSet operation: Stack:arn:aws:cloudformation:eu-west-1:123456789012:stack/api/bdd73226-2feb-4e95-98ef-e333b266f103 is in UPDATE_IN_PROGRESS state and can not be updated.
            $ aws deploy get-deployment --deployment-id d-H3EQINJ26
              deploymentInfo.applicationName: "api-ServerlessDeploymentApplication-RZr58Cns0VIA"
              deploymentInfo.deploymentGroupName: "api-ApiDeploymentGroup-ghhSnVdMjoLA"
            $ sim advance 5m
            $ aws cloudformation describe-stacks --stack-name api
              Stacks[0].StackStatus: "UPDATE_COMPLETE"
            $ aws lambda get-alias --function-name api --name live
              FunctionVersion: "2"
              RoutingConfig: null
            $ sim release python3.9 --region eu-west-1 --changes strict-tls
            $ cat > template.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: api
                  CodeUri: api-v3.zip
                  Handler: app.handler
                  Runtime: python3.9
                  Role: arn:aws:iam::123456789012:role/r
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Alarms:
                      - !Ref AliasErrors
              AliasErrors:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: api-live-errors
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
                  Dimensions:
                    - Name: FunctionName
                      Value: !Ref Api
                    - Name: Resource
                      Value: !Sub '${Api}:live'
            EOF
            $ sam deploy --template-file template.yaml --stack-name api --capabilities CAPABILITY_IAM
            $ sim relies-on api strict-tls
            $ sim advance 2m
            $ aws cloudformation describe-stacks --stack-name api
              Stacks[0].StackStatus: "UPDATE_ROLLBACK_COMPLETE"
            $ aws cloudformation describe-stack-events --stack-name api
              StackEvents[].LogicalResourceId: ["api","api","Api","Api","ApiVersion92d566e265","api","ApiAliaslive","ApiAliaslive","ApiVersion92d566e265","ApiVersion92d566e265","Api","Api","api","api","ApiVersion03b0e2be89","api","ApiAliaslive","ApiAliaslive","ApiVersion982916c967","ApiVersion982916c967","Api","Api","api","api","ApiAliaslive","ApiAliaslive","ApiDeploymentGroup","ApiDeploymentGroup","ServerlessDeploymentApplication","ServerlessDeploymentApplication","CodeDeployServiceRole","CodeDeployServiceRole","AliasErrors","AliasErrors","ApiVersion03b0e2be89","ApiVersion03b0e2be89","Api","Api","api","api"]
              StackEvents[].ResourceStatus: ["UPDATE_ROLLBACK_COMPLETE","UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS","UPDATE_COMPLETE","UPDATE_IN_PROGRESS","DELETE_SKIPPED","UPDATE_ROLLBACK_IN_PROGRESS","UPDATE_FAILED","UPDATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","UPDATE_COMPLETE","UPDATE_IN_PROGRESS","UPDATE_IN_PROGRESS","UPDATE_COMPLETE","DELETE_SKIPPED","UPDATE_COMPLETE_CLEANUP_IN_PROGRESS","UPDATE_COMPLETE","UPDATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","UPDATE_COMPLETE","UPDATE_IN_PROGRESS","UPDATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
            $ aws lambda get-alias --function-name api --name live
              FunctionVersion: "2"
              RoutingConfig: null
        "#]],
    );
}

/// SAM's Globals: lists add up, the globals' entries first (SAM's guide, "Lists Are Additive"),
/// so a function that names its own architecture under a global one asks Lambda for two.
#[test]
fn sam_globals_lists_are_additive() {
    check(
        r#"
        sim region us-east-1
        cat > arch.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.9
            Architectures: [arm64]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: fn/
              Handler: app.handler
              Architectures: [x86_64]
        EOF
        ! sam deploy --template-file arch.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws cloudformation describe-stack-events --stack-name s  # => StackEvents[].ResourceStatusReason
        "#,
        expect![[r#"
            $ sim region us-east-1
            $ cat > arch.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.9
                Architectures: [arm64]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: fn/
                  Handler: app.handler
                  Architectures: [x86_64]
            EOF
            $ ! sam deploy --template-file arch.yaml --stack-name s --capabilities CAPABILITY_IAM
              ! Error: Failed to create/update the stack: s, Waiter StackCreateComplete failed: Waiter encountered a terminal failure state: For expression "Stacks[].StackStatus" we matched expected path: "ROLLBACK_COMPLETE" at least once
            $ aws cloudformation describe-stack-events --stack-name s
              StackEvents[].ResourceStatusReason: [null,null,null,"The following resource(s) failed to create: [Fn]. Rollback requested by user.","Resource handler returned message: \"1 validation error detected: Value '[arm64, x86_64]' at 'architectures' failed to satisfy constraint: Member must have length less than or equal to 1 (Service: Lambda, Status Code: 400, Request ID: 341452c5-4d7c-43f2-aa83-d752f35eba75)\" (RequestToken: 7ed90003-f67f-4e1d-97ea-dff448a86a07, HandlerErrorCode: InvalidRequest)",null,null,null,"User Initiated","User Initiated"]
        "#]],
    );
}

/// SAM's referable properties: `!Ref Fn.Version`, `!GetAtt Fn.Version.Version` and
/// `!Ref Fn.Alias` name what AutoPublishAlias made; on a function without it they are
/// unresolved. Pseudo parameters resolve (`AWS::NotificationARNs` to none), an unknown one is
/// refused before anything is made.
#[test]
fn sam_referable_properties_and_pseudo_parameters() {
    check(
        r#"
        sim region eu-west-1
        cat > t.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: code/
              Handler: app.handler
              Runtime: python3.9
              AutoPublishAlias: live
              Environment:
                Variables:
                  WHERE: !Sub '${AWS::Region} ${AWS::Partition} ${AWS::URLSuffix} ${AWS::StackName}'
          Pinned:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref Fn
              FunctionVersion: !GetAtt Fn.Version.Version
              Name: pinned
              Description: !Sub 'same as ${Fn.Alias}, version ${Fn.Version.Version}'
          Other:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref Fn
              FunctionVersion: !GetAtt [Fn.Version, Version]
              Name: other
              Description: !Join ['', [!Ref Fn.Version, !Join [',', !Ref AWS::NotificationARNs]]]
        EOF
        sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws lambda get-alias --function-name fn --name pinned  # => FunctionVersion Description
        aws lambda get-alias --function-name fn --name other  # => FunctionVersion Description
        aws lambda get-function-configuration --function-name fn  # => Environment
        cat > bad.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: plain
              CodeUri: code/
              Handler: app.handler
              Runtime: python3.9
          Other:
            Type: AWS::Lambda::Alias
            Properties:
              FunctionName: !Ref Fn
              FunctionVersion: !GetAtt Fn.Version.Version
              Name: other
        EOF
        ! sam deploy --template-file bad.yaml --stack-name t --capabilities CAPABILITY_IAM
        cat > pseudo.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Ref AWS::Bogus
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: x}
        EOF
        ! aws cloudformation deploy --template-file pseudo.yaml --stack-name u
        ! aws cloudformation describe-stacks --stack-name u
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > t.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: code/
                  Handler: app.handler
                  Runtime: python3.9
                  AutoPublishAlias: live
                  Environment:
                    Variables:
                      WHERE: !Sub '${AWS::Region} ${AWS::Partition} ${AWS::URLSuffix} ${AWS::StackName}'
              Pinned:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref Fn
                  FunctionVersion: !GetAtt Fn.Version.Version
                  Name: pinned
                  Description: !Sub 'same as ${Fn.Alias}, version ${Fn.Version.Version}'
              Other:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref Fn
                  FunctionVersion: !GetAtt [Fn.Version, Version]
                  Name: other
                  Description: !Join ['', [!Ref Fn.Version, !Join [',', !Ref AWS::NotificationARNs]]]
            EOF
            $ sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ aws lambda get-alias --function-name fn --name pinned
              FunctionVersion: "1"
              Description: "same as arn:aws:lambda:eu-west-1:123456789012:function:fn:live, version 1"
            $ aws lambda get-alias --function-name fn --name other
              FunctionVersion: "1"
              Description: "arn:aws:lambda:eu-west-1:123456789012:function:fn:1"
            $ aws lambda get-function-configuration --function-name fn
              Environment: {"Variables":{"WHERE":"eu-west-1 aws amazonaws.com s"}}
            $ cat > bad.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: plain
                  CodeUri: code/
                  Handler: app.handler
                  Runtime: python3.9
              Other:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref Fn
                  FunctionVersion: !GetAtt Fn.Version.Version
                  Name: other
            EOF
            $ ! sam deploy --template-file bad.yaml --stack-name t --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Error: Failed to create changeset for the stack: t, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Template format error: Unresolved resource dependencies [Fn.Version] in the Resources block of the template
            $ cat > pseudo.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Ref AWS::Bogus
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
            EOF
            $ ! aws cloudformation deploy --template-file pseudo.yaml --stack-name u
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unresolved resource dependencies [AWS::Bogus] in the Resources block of the template
            $ ! aws cloudformation describe-stacks --stack-name u
              ! An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id u does not exist
        "#]],
    );
}

/// What CloudFormation reads before anything is made: a resource key it does not know (a
/// misspelt `Properties`), and a JSON template that is not JSON (a trailing comma YAML would
/// forgive), with its line and column. A handler that fails after making something (a Manual
/// configuration without an ARN, once the function exists) takes it back.
#[test]
fn template_reading_errors_and_a_handler_that_cleans_up() {
    check(
        r#"
        sim region eu-west-1
        cat > typo.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Propertes:
              FunctionName: fn
        EOF
        ! aws cloudformation deploy --template-file typo.yaml --stack-name s
        cat > tag.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Reff Name
        EOF
        ! aws cloudformation deploy --template-file tag.yaml --stack-name s
        cat > tab.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: fn
        	Runtime: python3.9
        EOF
        ! aws cloudformation deploy --template-file tab.yaml --stack-name s
        cat > t.json <<'EOF'
        {
          "Resources": {
            "Fn": {
              "Type": "AWS::Lambda::Function",
              "Properties": {"FunctionName": "fn",}
            }
          }
        }
        EOF
        ! aws cloudformation deploy --template-file t.json --stack-name s
        cat > manual.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: manual
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: x}
              RuntimeManagementConfig:
                UpdateRuntimeOn: Manual
        EOF
        ! aws cloudformation deploy --template-file manual.yaml --stack-name m
        aws cloudformation describe-stacks --stack-name m  # => Stacks[].StackStatus
        ! aws lambda get-function --function-name manual
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > typo.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Propertes:
                  FunctionName: fn
            EOF
            $ ! aws cloudformation deploy --template-file typo.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Invalid template resource property 'Propertes'
            $ cat > tag.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Reff Name
            EOF
            $ ! aws cloudformation deploy --template-file tag.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Unrecognized intrinsic function tag !Reff (line 5, column 21)
            $ cat > tab.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: fn
            	Runtime: python3.9
            EOF
            $ ! aws cloudformation deploy --template-file tab.yaml --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: YAML not well-formed. (line 6, column 1)
            $ cat > t.json <<'EOF'
            {
              "Resources": {
                "Fn": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {"FunctionName": "fn",}
                }
              }
            }
            EOF
            $ ! aws cloudformation deploy --template-file t.json --stack-name s
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: JSON not well-formed. (line 5, column 43)
            $ cat > manual.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: manual
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: Manual
            EOF
            $ ! aws cloudformation deploy --template-file manual.yaml --stack-name m
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name m
            $ aws cloudformation describe-stacks --stack-name m
              Stacks[].StackStatus: ["ROLLBACK_COMPLETE"]
            $ ! aws lambda get-function --function-name manual
              ! An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:eu-west-1:123456789012:function:manual
        "#]],
    );
}

/// Parameters are checked as CloudFormation checks them (type, bounds, AllowedValues; a
/// ConstraintDescription replaces the constraint's words), AllowedPattern is refused by name,
/// and Outputs show in describe-stacks once the deploy is done (SAM's `Fn.Version` included).
#[test]
fn parameters_and_outputs() {
    check(
        r#"
        sim region eu-west-1
        cat > t.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Description: Orders, by stage.
        Parameters:
          Memory:
            Type: Number
            Default: 256
            MinValue: 128
            MaxValue: 10240
          Stage:
            Type: String
            Default: prod
            AllowedValues: [prod, test]
            ConstraintDescription: Stage is prod or test.
          Suffix:
            Type: String
            Default: x
            MaxLength: 3
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: !Sub 'fn-${Stage}-${Suffix}'
              CodeUri: code/
              Handler: app.handler
              Runtime: python3.9
              MemorySize: !Ref Memory
              AutoPublishAlias: live
        Outputs:
          FunctionArn:
            Description: The function
            Value: !GetAtt Fn.Arn
          LiveVersion:
            Value: !Ref Fn.Version
            Export:
              Name: !Sub '${AWS::StackName}-version'
        EOF
        ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Memory=lots --capabilities CAPABILITY_IAM
        ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Memory=64 --capabilities CAPABILITY_IAM
        ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Stage=dev --capabilities CAPABILITY_IAM
        ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Suffix=long --capabilities CAPABILITY_IAM
        sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws cloudformation describe-stacks --stack-name s  # => Stacks[].Description Stacks[].Outputs
        cat > pattern.yaml <<'EOF'
        Parameters:
          Name:
            Type: String
            AllowedPattern: '[a-z]+'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Ref Name
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: x}
        Outputs:
          Missing:
            Value: !GetAtt Nope.Arn
        EOF
        ! aws cloudformation deploy --template-file pattern.yaml --stack-name p --parameter-overrides Name=fn
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > t.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Description: Orders, by stage.
            Parameters:
              Memory:
                Type: Number
                Default: 256
                MinValue: 128
                MaxValue: 10240
              Stage:
                Type: String
                Default: prod
                AllowedValues: [prod, test]
                ConstraintDescription: Stage is prod or test.
              Suffix:
                Type: String
                Default: x
                MaxLength: 3
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: !Sub 'fn-${Stage}-${Suffix}'
                  CodeUri: code/
                  Handler: app.handler
                  Runtime: python3.9
                  MemorySize: !Ref Memory
                  AutoPublishAlias: live
            Outputs:
              FunctionArn:
                Description: The function
                Value: !GetAtt Fn.Arn
              LiveVersion:
                Value: !Ref Fn.Version
                Export:
                  Name: !Sub '${AWS::StackName}-version'
            EOF
            $ ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Memory=lots --capabilities CAPABILITY_IAM
              ! Error: Failed to create changeset for the stack: s, An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameter 'Memory' must be a number.
            $ ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Memory=64 --capabilities CAPABILITY_IAM
              ! Error: Failed to create changeset for the stack: s, An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameter 'Memory' must be a number greater than or equal to 128
            $ ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Stage=dev --capabilities CAPABILITY_IAM
              ! Error: Failed to create changeset for the stack: s, An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameter 'Stage' failed to satisfy constraint: Stage is prod or test.
            $ ! sam deploy --template-file t.yaml --stack-name s --parameter-overrides Suffix=long --capabilities CAPABILITY_IAM
              ! Error: Failed to create changeset for the stack: s, An error occurred (ValidationError) when calling the CreateChangeSet operation: Parameter 'Suffix' must contain at most 3 characters
            $ sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ aws cloudformation describe-stacks --stack-name s
              Stacks[].Description: ["Orders, by stage."]
              Stacks[].Outputs: [[{"OutputKey":"FunctionArn","OutputValue":"arn:aws:lambda:eu-west-1:123456789012:function:fn-prod-x","Description":"The function"},{"OutputKey":"LiveVersion","OutputValue":"arn:aws:lambda:eu-west-1:123456789012:function:fn-prod-x:1","ExportName":"s-version"}]]
            $ cat > pattern.yaml <<'EOF'
            Parameters:
              Name:
                Type: String
                AllowedPattern: '[a-z]+'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Ref Name
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
            Outputs:
              Missing:
                Value: !GetAtt Nope.Arn
            EOF
            $ ! aws cloudformation deploy --template-file pattern.yaml --stack-name p --parameter-overrides Name=fn
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: Template format error: Invalid template parameter property 'AllowedPattern' (the playground does not check AllowedPattern)
        "#]],
    );
}

/// DeploymentPreference: a Type that names no configuration fails when the alias is made (not
/// at the first shift); `Enabled: false` moves the alias at once. The long form of `Fn::If`
/// and the short `!Not`, a Version's RuntimePolicy, and a wrong enum value in a deploy.
#[test]
fn deployment_preference_intrinsics_and_enums() {
    check(
        r#"
        sim region eu-west-1
        cat > typo.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: typo
              CodeUri: code/
              Handler: app.handler
              Runtime: python3.9
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Canary10Percent5Minute
        EOF
        ! sam deploy --template-file typo.yaml --stack-name typo --capabilities CAPABILITY_IAM
        aws cloudformation describe-stack-events --stack-name typo  # => StackEvents[].ResourceStatusReason
        cat > t.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Pin: {Type: String, Default: 'no', AllowedValues: ['yes', 'no']}
          Code: {Type: String, Default: v1/}
        Conditions:
          Pinned: {"Fn::Equals": [!Ref Pin, 'yes']}
          Floating: !Not [{Condition: Pinned}]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: !Ref Code
              Handler: app.handler
              Runtime: python3.9
              Description: {"Fn::If": [Floating, floating, pinned]}
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Linear10PercentEvery1Minute
                Enabled: false
        EOF
        sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws lambda get-function-configuration --function-name fn  # => Description
        sam deploy --template-file t.yaml --stack-name s --parameter-overrides Code=v2/ --capabilities CAPABILITY_IAM
        aws lambda get-alias --function-name fn --name live  # => FunctionVersion RoutingConfig
        cat > version.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: versioned
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: x}
          V1:
            Type: AWS::Lambda::Version
            Properties:
              FunctionName: !Ref Fn
              RuntimePolicy:
                UpdateRuntimeOn: FunctionUpdate
        EOF
        aws cloudformation deploy --template-file version.yaml --stack-name v
        aws lambda get-runtime-management-config --function-name versioned --qualifier 1  # => UpdateRuntimeOn
        aws lambda get-runtime-management-config --function-name versioned  # => UpdateRuntimeOn
        cat > enum.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: enum
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: x}
              RuntimeManagementConfig:
                UpdateRuntimeOn: Sometimes
        EOF
        ! aws cloudformation deploy --template-file enum.yaml --stack-name e
        aws cloudformation describe-stack-events --stack-name e  # => StackEvents[].ResourceStatusReason
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > typo.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: typo
                  CodeUri: code/
                  Handler: app.handler
                  Runtime: python3.9
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minute
            EOF
            $ ! sam deploy --template-file typo.yaml --stack-name typo --capabilities CAPABILITY_IAM
              ! Error: Failed to create/update the stack: typo, Waiter StackCreateComplete failed: Waiter encountered a terminal failure state: For expression "Stacks[].StackStatus" we matched expected path: "ROLLBACK_COMPLETE" at least once
            $ aws cloudformation describe-stack-events --stack-name typo
              StackEvents[].ResourceStatusReason: [null,null,null,null,null,null,null,null,null,null,null,null,"The following resource(s) failed to create: [FnAliaslive]. Rollback requested by user.","Resource handler returned message: \"No deployment configuration found for name: Canary10Percent5Minute (Service: CodeDeploy, Status Code: 400, Request ID: 813f3c93-3ea1-4b6e-a828-b6a4c0f08cef)\" (RequestToken: 5e402c0a-9dd5-4b41-9041-5e8a6be95008, HandlerErrorCode: InvalidRequest)",null,null,null,null,null,null,null,null,null,null,null,null,null,"User Initiated","User Initiated"]
            $ cat > t.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Pin: {Type: String, Default: 'no', AllowedValues: ['yes', 'no']}
              Code: {Type: String, Default: v1/}
            Conditions:
              Pinned: {"Fn::Equals": [!Ref Pin, 'yes']}
              Floating: !Not [{Condition: Pinned}]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: !Ref Code
                  Handler: app.handler
                  Runtime: python3.9
                  Description: {"Fn::If": [Floating, floating, pinned]}
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Linear10PercentEvery1Minute
                    Enabled: false
            EOF
            $ sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ aws lambda get-function-configuration --function-name fn
              Description: "floating"
            $ sam deploy --template-file t.yaml --stack-name s --parameter-overrides Code=v2/ --capabilities CAPABILITY_IAM
            $ aws lambda get-alias --function-name fn --name live
              FunctionVersion: "2"
              RoutingConfig: null
            $ cat > version.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: versioned
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
              V1:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Fn
                  RuntimePolicy:
                    UpdateRuntimeOn: FunctionUpdate
            EOF
            $ aws cloudformation deploy --template-file version.yaml --stack-name v
            $ aws lambda get-runtime-management-config --function-name versioned --qualifier 1
              UpdateRuntimeOn: "FunctionUpdate"
            $ aws lambda get-runtime-management-config --function-name versioned
              UpdateRuntimeOn: "Auto"
            $ cat > enum.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: enum
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: Sometimes
            EOF
            $ ! aws cloudformation deploy --template-file enum.yaml --stack-name e
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name e
            $ aws cloudformation describe-stack-events --stack-name e
              StackEvents[].ResourceStatusReason: [null,"The following resource(s) failed to create: [Fn]. Rollback requested by user.","Properties validation failed for resource Fn with message: #/RuntimeManagementConfig/UpdateRuntimeOn: Sometimes is not a valid enum value",null,"User Initiated","User Initiated"]
        "#]],
    );
}

/// A DeploymentPreference with a PreTraffic hook: the stack update waits for the CodeDeploy
/// deployment, which invokes the hook before shifting traffic, and completes with it.
#[test]
fn deployment_preference_hooks() {
    check(
        r#"
        sim region eu-west-1
        cat > t.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Code: {Type: String, Default: v1/}
        Resources:
          Hook:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: CodeDeployHook_pre
              CodeUri: hook/
              Handler: app.handler
              Runtime: python3.9
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: !Ref Code
              Handler: app.handler
              Runtime: python3.9
              AutoPublishAlias: live
              DeploymentPreference:
                Type: Canary10Percent5Minutes
                Hooks:
                  PreTraffic: !Ref Hook
        EOF
        sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
        sam deploy --template-file t.yaml --stack-name s --parameter-overrides Code=v2/ --capabilities CAPABILITY_IAM  # => printed
        aws cloudformation describe-stacks --stack-name s  # => Stacks[].StackStatus
        aws lambda get-alias --function-name fn --name live  # => FunctionVersion RoutingConfig
        sim advance 6m
        aws lambda get-alias --function-name fn --name live  # => FunctionVersion RoutingConfig
        aws cloudformation describe-stacks --stack-name s  # => Stacks[].StackStatus
        sim logs CodeDeployHook_pre  # => printed
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > t.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Code: {Type: String, Default: v1/}
            Resources:
              Hook:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: CodeDeployHook_pre
                  CodeUri: hook/
                  Handler: app.handler
                  Runtime: python3.9
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: !Ref Code
                  Handler: app.handler
                  Runtime: python3.9
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Hooks:
                      PreTraffic: !Ref Hook
            EOF
            $ sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ sam deploy --template-file t.yaml --stack-name s --parameter-overrides Code=v2/ --capabilities CAPABILITY_IAM
              | 
              | Waiting for changeset to be created..
              | Waiting for stack create/update to complete
              | [playground] The update waits for CodeDeploy deployment d-4X62ZQ18D: advance the clock to let it run.
            $ aws cloudformation describe-stacks --stack-name s
              Stacks[].StackStatus: ["UPDATE_IN_PROGRESS"]
            $ aws lambda get-alias --function-name fn --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ sim advance 6m
            $ aws lambda get-alias --function-name fn --name live
              FunctionVersion: "2"
              RoutingConfig: null
            $ aws cloudformation describe-stacks --stack-name s
              Stacks[].StackStatus: ["UPDATE_COMPLETE"]
            $ sim logs CodeDeployHook_pre
              | {
              |     "events": [
              |         {
              |             "timestamp": 1674432000000,
              |             "logStreamName": "2023/01/23/[$LATEST]2b9926a454cbd27381627b0880b704d0",
              |             "message": "INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {rv eu-west-1 python3.9 14}"
              |         },
              |         {
              |             "timestamp": 1674432000000,
              |             "logStreamName": "2023/01/23/[$LATEST]2b9926a454cbd27381627b0880b704d0",
              |             "message": "START RequestId: b1b847dd-a656-4d1e-ad3e-067731dfb475 Version: $LATEST"
              |         },
              |         {
              |             "timestamp": 1674432000000,
              |             "logStreamName": "2023/01/23/[$LATEST]2b9926a454cbd27381627b0880b704d0",
              |             "message": "END RequestId: b1b847dd-a656-4d1e-ad3e-067731dfb475"
              |         },
              |         {
              |             "timestamp": 1674432000000,
              |             "logStreamName": "2023/01/23/[$LATEST]2b9926a454cbd27381627b0880b704d0",
              |             "message": "REPORT RequestId: b1b847dd-a656-4d1e-ad3e-067731dfb475\tDuration: 101.43 ms\tBilled Duration: 102 ms\tMemory Size: 128 MB\tMax Memory Used: 72 MB\tInit Duration: 309.55 ms\t"
              |         }
              |     ]
              | }
        "#]],
    );
}

/// `Mappings` with `Fn::FindInMap` (keys may be intrinsics, `!Ref AWS::Region` above all), and
/// `Fn::Split`; a key the map lacks fails the resource in CloudFormation's words.
#[test]
fn mappings_find_in_map_and_split() {
    check(
        r#"
        sim region eu-west-1
        cat > t.yaml <<'EOF'
        Mappings:
          Settings:
            eu-west-1: {Memory: 512, Mode: FunctionUpdate}
            us-east-1: {Memory: 256, Mode: Auto}
        Parameters:
          Names: {Type: CommaDelimitedList, Default: 'first,second'}
        Resources:
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: !Select [1, !Split [',', 'fn-a,fn-b']]
              Runtime: python3.9
              Handler: app.handler
              Role: arn:aws:iam::123456789012:role/r
              Code: {ZipFile: x}
              MemorySize: !FindInMap [Settings, !Ref AWS::Region, Memory]
              Description: !Join ['+', !Ref Names]
              RuntimeManagementConfig:
                UpdateRuntimeOn: {"Fn::FindInMap": [Settings, !Ref AWS::Region, Mode]}
        EOF
        aws cloudformation deploy --template-file t.yaml --stack-name s
        aws lambda get-function-configuration --function-name fn-b  # => MemorySize Description
        aws lambda get-runtime-management-config --function-name fn-b  # => UpdateRuntimeOn
        sim region us-west-2
        ! aws cloudformation deploy --template-file t.yaml --stack-name s
        aws cloudformation describe-stack-events --stack-name s  # => StackEvents[].ResourceStatusReason
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > t.yaml <<'EOF'
            Mappings:
              Settings:
                eu-west-1: {Memory: 512, Mode: FunctionUpdate}
                us-east-1: {Memory: 256, Mode: Auto}
            Parameters:
              Names: {Type: CommaDelimitedList, Default: 'first,second'}
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Select [1, !Split [',', 'fn-a,fn-b']]
                  Runtime: python3.9
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: {ZipFile: x}
                  MemorySize: !FindInMap [Settings, !Ref AWS::Region, Memory]
                  Description: !Join ['+', !Ref Names]
                  RuntimeManagementConfig:
                    UpdateRuntimeOn: {"Fn::FindInMap": [Settings, !Ref AWS::Region, Mode]}
            EOF
            $ aws cloudformation deploy --template-file t.yaml --stack-name s
            $ aws lambda get-function-configuration --function-name fn-b
              MemorySize: 512
              Description: "first+second"
            $ aws lambda get-runtime-management-config --function-name fn-b
              UpdateRuntimeOn: "FunctionUpdate"
            $ sim region us-west-2
            $ ! aws cloudformation deploy --template-file t.yaml --stack-name s
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name s
            $ aws cloudformation describe-stack-events --stack-name s
              StackEvents[].ResourceStatusReason: [null,"The following resource(s) failed to create: [Fn]. Rollback requested by user.","Template error: Unable to get mapping for Settings::us-west-2::Memory","User Initiated","User Initiated"]
        "#]],
    );
}

/// `list-stacks`: the region's stacks, newest first, then the deleted ones (DELETE_COMPLETE,
/// with their DeletionTime), and `--stack-status-filter`.
#[test]
fn list_stacks_shows_deleted_stacks_and_filters() {
    check(
        r#"
        sim region eu-west-1
        cat > t.yaml <<'EOF'
        Description: One alarm.
        Resources:
          A:
            Type: AWS::CloudWatch::Alarm
            Properties:
              AlarmName: !Sub '${AWS::StackName}-errors'
              Namespace: AWS/Lambda
              MetricName: Errors
              Statistic: Sum
              Period: 60
              EvaluationPeriods: 1
              Threshold: 0
              ComparisonOperator: GreaterThanThreshold
        EOF
        aws cloudformation deploy --template-file t.yaml --stack-name first
        sim advance 1h
        aws cloudformation deploy --template-file t.yaml --stack-name second
        sim advance 1h
        aws cloudformation delete-stack --stack-name first
        aws cloudformation list-stacks  # => StackSummaries[].StackName StackSummaries[].StackStatus StackSummaries[].DeletionTime StackSummaries[].TemplateDescription
        aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE UPDATE_COMPLETE  # => StackSummaries[].StackName
        sim region us-east-1
        aws cloudformation list-stacks
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > t.yaml <<'EOF'
            Description: One alarm.
            Resources:
              A:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  AlarmName: !Sub '${AWS::StackName}-errors'
                  Namespace: AWS/Lambda
                  MetricName: Errors
                  Statistic: Sum
                  Period: 60
                  EvaluationPeriods: 1
                  Threshold: 0
                  ComparisonOperator: GreaterThanThreshold
            EOF
            $ aws cloudformation deploy --template-file t.yaml --stack-name first
            $ sim advance 1h
            $ aws cloudformation deploy --template-file t.yaml --stack-name second
            $ sim advance 1h
            $ aws cloudformation delete-stack --stack-name first
            $ aws cloudformation list-stacks
              StackSummaries[].StackName: ["second","first"]
              StackSummaries[].StackStatus: ["CREATE_COMPLETE","DELETE_COMPLETE"]
              StackSummaries[].DeletionTime: [null,"2023-01-23T02:00:00.000000+00:00"]
              StackSummaries[].TemplateDescription: ["One alarm.","One alarm."]
            $ aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE UPDATE_COMPLETE
              StackSummaries[].StackName: ["second"]
            $ sim region us-east-1
            $ aws cloudformation list-stacks
        "#]],
    );
}

/// A SAM function without a `Role` gets one from the transform (`FnRole`, an IAM role with
/// Lambda's basic execution policy and the function's `Policies`), and IAM resources need
/// `--capabilities`: without it the change set fails (the role exists only once SAM has run) and
/// the new stack waits in REVIEW_IN_PROGRESS; a capability CloudFormation does not know is a
/// ValidationError. `RolePath` puts the role under a path.
#[test]
fn a_sam_functions_implicit_role_needs_a_capability() {
    check(
        r#"
        cat > t.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: fn
              CodeUri: fn/
              Handler: app.handler
              Runtime: python3.9
              RolePath: /lambda/
              Policies:
                - AWSLambdaVPCAccessExecutionRole
                - Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: arn:aws:s3:::orders/*
        EOF
        ! sam deploy --template-file t.yaml --stack-name s
        aws cloudformation describe-stacks --stack-name s  # => Stacks[].StackStatus
        ! sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAMM
        sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
        aws lambda get-function-configuration --function-name fn  # => Role
        aws cloudformation describe-stack-events --stack-name s  # => StackEvents[].LogicalResourceId StackEvents[].ResourceType StackEvents[].ResourceStatus
        ! aws cloudformation deploy --template-file t.yaml --stack-name s
        aws cloudformation describe-stacks --stack-name s  # => Stacks[].StackStatus
        "#,
        expect![[r#"
            $ cat > t.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: fn
                  CodeUri: fn/
                  Handler: app.handler
                  Runtime: python3.9
                  RolePath: /lambda/
                  Policies:
                    - AWSLambdaVPCAccessExecutionRole
                    - Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: arn:aws:s3:::orders/*
            EOF
            $ ! sam deploy --template-file t.yaml --stack-name s
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Error: Failed to create changeset for the stack: s, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Requires capabilities : [CAPABILITY_IAM]
            $ aws cloudformation describe-stacks --stack-name s
              Stacks[].StackStatus: ["REVIEW_IN_PROGRESS"]
            $ ! sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAMM
              ! Error: Failed to create changeset for the stack: s, An error occurred (ValidationError) when calling the CreateChangeSet operation: 1 validation error detected: Value '[CAPABILITY_IAMM]' at 'capabilities' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [CAPABILITY_AUTO_EXPAND, CAPABILITY_NAMED_IAM, CAPABILITY_IAM]]
            $ sam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM
            $ aws lambda get-function-configuration --function-name fn
              Role: "arn:aws:iam::123456789012:role/lambda/s-FnRole-diz4DAnfNdHA"
            $ aws cloudformation describe-stack-events --stack-name s
              StackEvents[].LogicalResourceId: ["s","Fn","Fn","FnRole","FnRole","s","s"]
              StackEvents[].ResourceType: ["AWS::CloudFormation::Stack","AWS::Lambda::Function","AWS::Lambda::Function","AWS::IAM::Role","AWS::IAM::Role","AWS::CloudFormation::Stack","AWS::CloudFormation::Stack"]
              StackEvents[].ResourceStatus: ["CREATE_COMPLETE","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
            $ ! aws cloudformation deploy --template-file t.yaml --stack-name s
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Requires capabilities : [CAPABILITY_IAM]
            $ aws cloudformation describe-stacks --stack-name s
              Stacks[].StackStatus: ["CREATE_COMPLETE"]
        "#]],
    );
}

/// An `AWS::IAM::Role` in a plain template: `!GetAtt Role.Arn` (with its `Path`) and `!Ref`
/// (its name). A role with a `RoleName` needs CAPABILITY_NAMED_IAM; CreateChangeSet refuses the
/// deploy at once, in either CLI's words, and no stack is made. IAM is global: a second stack in
/// another region cannot take the same name, and rolls back.
#[test]
fn iam_roles_in_a_template() {
    check(
        r#"
        sim region eu-west-1
        cat > role.yaml <<'EOF'
        Resources:
          Exec:
            Type: AWS::IAM::Role
            Properties:
              RoleName: orders-exec
              Path: /service/
              AssumeRolePolicyDocument:
                Version: '2012-10-17'
                Statement:
                  - Effect: Allow
                    Principal: {Service: lambda.amazonaws.com}
                    Action: sts:AssumeRole
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
          Fn:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: orders
              Runtime: python3.9
              Handler: app.handler
              Role: !GetAtt Exec.Arn
              Code: {ZipFile: orders.zip}
        Outputs:
          RoleName:
            Value: !Ref Exec
        EOF
        ! aws cloudformation deploy --template-file role.yaml --stack-name a
        ! aws cloudformation deploy --template-file role.yaml --stack-name a --capabilities CAPABILITY_IAM
        ! sam deploy --template-file role.yaml --stack-name a --capabilities CAPABILITY_IAM
        aws cloudformation list-stacks  # => StackSummaries
        aws cloudformation deploy --template-file role.yaml --stack-name a --capabilities CAPABILITY_NAMED_IAM
        aws lambda get-function-configuration --function-name orders  # => Role
        aws cloudformation describe-stacks --stack-name a  # => Stacks[].Outputs
        sim region us-east-1
        ! aws cloudformation deploy --template-file role.yaml --stack-name b --capabilities CAPABILITY_NAMED_IAM
        aws cloudformation describe-stack-events --stack-name b  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus StackEvents[].ResourceStatusReason
        cat > path.yaml <<'EOF'
        Resources:
          Exec:
            Type: AWS::IAM::Role
            Properties:
              Path: service
              AssumeRolePolicyDocument: 12
        EOF
        ! aws cloudformation deploy --template-file path.yaml --stack-name c --capabilities CAPABILITY_IAM
        aws cloudformation describe-stack-events --stack-name c  # => StackEvents[].ResourceStatusReason
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ cat > role.yaml <<'EOF'
            Resources:
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: orders-exec
                  Path: /service/
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: orders
                  Runtime: python3.9
                  Handler: app.handler
                  Role: !GetAtt Exec.Arn
                  Code: {ZipFile: orders.zip}
            Outputs:
              RoleName:
                Value: !Ref Exec
            EOF
            $ ! aws cloudformation deploy --template-file role.yaml --stack-name a
              ! An error occurred (InsufficientCapabilitiesException) when calling the CreateChangeSet operation: Requires capabilities : [CAPABILITY_NAMED_IAM]
            $ ! aws cloudformation deploy --template-file role.yaml --stack-name a --capabilities CAPABILITY_IAM
              ! An error occurred (InsufficientCapabilitiesException) when calling the CreateChangeSet operation: Requires capabilities : [CAPABILITY_NAMED_IAM]
            $ ! sam deploy --template-file role.yaml --stack-name a --capabilities CAPABILITY_IAM
              ! Error: Failed to create changeset for the stack: a, An error occurred (InsufficientCapabilitiesException) when calling the CreateChangeSet operation: Requires capabilities : [CAPABILITY_NAMED_IAM]
            $ aws cloudformation list-stacks
              StackSummaries: []
            $ aws cloudformation deploy --template-file role.yaml --stack-name a --capabilities CAPABILITY_NAMED_IAM
            $ aws lambda get-function-configuration --function-name orders
              Role: "arn:aws:iam::123456789012:role/service/orders-exec"
            $ aws cloudformation describe-stacks --stack-name a
              Stacks[].Outputs: [[{"OutputKey":"RoleName","OutputValue":"orders-exec"}]]
            $ sim region us-east-1
            $ ! aws cloudformation deploy --template-file role.yaml --stack-name b --capabilities CAPABILITY_NAMED_IAM
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name b
            $ aws cloudformation describe-stack-events --stack-name b
              StackEvents[].LogicalResourceId: ["b","b","Exec","Exec","b","b"]
              StackEvents[].ResourceStatus: ["ROLLBACK_COMPLETE","ROLLBACK_IN_PROGRESS","CREATE_FAILED","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
              StackEvents[].ResourceStatusReason: [null,"The following resource(s) failed to create: [Exec]. Rollback requested by user.","Resource handler returned message: \"Resource of type 'AWS::IAM::Role' with identifier 'orders-exec' already exists.\" (RequestToken: 102267f0-f38c-4511-941c-09c50b29db41, HandlerErrorCode: AlreadyExists)",null,"User Initiated","User Initiated"]
            $ cat > path.yaml <<'EOF'
            Resources:
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  Path: service
                  AssumeRolePolicyDocument: 12
            EOF
            $ ! aws cloudformation deploy --template-file path.yaml --stack-name c --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name c
            $ aws cloudformation describe-stack-events --stack-name c
              StackEvents[].ResourceStatusReason: [null,"The following resource(s) failed to create: [Exec]. Rollback requested by user.","Properties validation failed for resource Exec with message: #/AssumeRolePolicyDocument: expected type: JSONObject, found: Number #/Path: failed validation constraint for keyword [pattern]",null,"User Initiated","User Initiated"]
        "#]],
    );
}

/// IAM role names are global and ignore case, within a template as across stacks and regions,
/// and a role a DeletionPolicy kept keeps its name after its stack is gone. A replacement (a new
/// Path) that keeps its RoleName is refused before anything is made; a name IAM cannot take is
/// a validation failure.
#[test]
fn iam_role_names_and_replacements() {
    check(
        r#"
        cat > kept.yaml <<'EOF'
        Resources:
          Exec:
            Type: AWS::IAM::Role
            DeletionPolicy: Retain
            Properties:
              RoleName: Orders-Exec
              AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
        EOF
        aws cloudformation deploy --template-file kept.yaml --stack-name kept --capabilities CAPABILITY_NAMED_IAM
        aws cloudformation delete-stack --stack-name kept
        cat > again.yaml <<'EOF'
        Resources:
          Exec:
            Type: AWS::IAM::Role
            Properties:
              RoleName: orders-exec
              AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
        EOF
        ! aws cloudformation deploy --template-file again.yaml --stack-name again --capabilities CAPABILITY_NAMED_IAM
        aws cloudformation describe-stack-events --stack-name again  # => StackEvents[].ResourceStatusReason
        cat > twice.yaml <<'EOF'
        Resources:
          A:
            Type: AWS::IAM::Role
            Properties:
              RoleName: twice
              AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
          B:
            Type: AWS::IAM::Role
            Properties:
              RoleName: Twice
              AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
        EOF
        ! aws cloudformation deploy --template-file twice.yaml --stack-name twice --capabilities CAPABILITY_NAMED_IAM
        aws cloudformation describe-stack-events --stack-name twice  # => StackEvents[].LogicalResourceId StackEvents[].ResourceStatus
        cat > fixed.yaml <<'EOF'
        Parameters:
          Where:
            Type: String
            Default: /
        Resources:
          Exec:
            Type: AWS::IAM::Role
            Properties:
              RoleName: fixed
              Path: !Ref Where
              Description: v1
              AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
        EOF
        aws cloudformation deploy --template-file fixed.yaml --stack-name fixed --capabilities CAPABILITY_NAMED_IAM
        ! aws cloudformation deploy --template-file fixed.yaml --stack-name fixed --capabilities CAPABILITY_NAMED_IAM --parameter-overrides Where=/service/
        aws cloudformation describe-stack-events --stack-name fixed  # => StackEvents[].ResourceStatus StackEvents[].ResourceStatusReason
        ! aws cloudformation deploy --template-file fixed.yaml --stack-name long --capabilities CAPABILITY_NAMED_IAM --parameter-overrides Where=7
        aws cloudformation describe-stack-events --stack-name long  # => StackEvents[].ResourceStatusReason
        cat > typo.yaml <<'EOF'
        Resources:
          Fn:
            Type: AWS::Lambda::Funtion
        EOF
        ! aws cloudformation deploy --template-file typo.yaml --stack-name t --capabilities CAPABILITY_IAMM
        "#,
        expect![[r#"
            $ cat > kept.yaml <<'EOF'
            Resources:
              Exec:
                Type: AWS::IAM::Role
                DeletionPolicy: Retain
                Properties:
                  RoleName: Orders-Exec
                  AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
            EOF
            $ aws cloudformation deploy --template-file kept.yaml --stack-name kept --capabilities CAPABILITY_NAMED_IAM
            $ aws cloudformation delete-stack --stack-name kept
            $ cat > again.yaml <<'EOF'
            Resources:
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: orders-exec
                  AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
            EOF
            $ ! aws cloudformation deploy --template-file again.yaml --stack-name again --capabilities CAPABILITY_NAMED_IAM
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name again
            $ aws cloudformation describe-stack-events --stack-name again
              StackEvents[].ResourceStatusReason: [null,"The following resource(s) failed to create: [Exec]. Rollback requested by user.","Resource handler returned message: \"Resource of type 'AWS::IAM::Role' with identifier 'orders-exec' already exists.\" (RequestToken: bdf25b15-0620-4835-9916-7e198fb9991f, HandlerErrorCode: AlreadyExists)",null,"User Initiated","User Initiated"]
            $ cat > twice.yaml <<'EOF'
            Resources:
              A:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: twice
                  AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
              B:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: Twice
                  AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
            EOF
            $ ! aws cloudformation deploy --template-file twice.yaml --stack-name twice --capabilities CAPABILITY_NAMED_IAM
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name twice
            $ aws cloudformation describe-stack-events --stack-name twice
              StackEvents[].LogicalResourceId: ["twice","A","A","twice","B","B","A","A","twice","twice"]
              StackEvents[].ResourceStatus: ["ROLLBACK_COMPLETE","DELETE_COMPLETE","DELETE_IN_PROGRESS","ROLLBACK_IN_PROGRESS","CREATE_FAILED","CREATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
            $ cat > fixed.yaml <<'EOF'
            Parameters:
              Where:
                Type: String
                Default: /
            Resources:
              Exec:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: fixed
                  Path: !Ref Where
                  Description: v1
                  AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}
            EOF
            $ aws cloudformation deploy --template-file fixed.yaml --stack-name fixed --capabilities CAPABILITY_NAMED_IAM
            $ ! aws cloudformation deploy --template-file fixed.yaml --stack-name fixed --capabilities CAPABILITY_NAMED_IAM --parameter-overrides Where=/service/
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name fixed
            $ aws cloudformation describe-stack-events --stack-name fixed
              StackEvents[].ResourceStatus: ["UPDATE_ROLLBACK_COMPLETE","UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS","UPDATE_ROLLBACK_IN_PROGRESS","UPDATE_FAILED","UPDATE_IN_PROGRESS","UPDATE_IN_PROGRESS","CREATE_COMPLETE","CREATE_COMPLETE","CREATE_IN_PROGRESS","CREATE_IN_PROGRESS","REVIEW_IN_PROGRESS"]
              StackEvents[].ResourceStatusReason: [null,null,"The following resource(s) failed to update: [Exec]. ","CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename fixed and update the stack again.",null,"User Initiated",null,null,null,"User Initiated","User Initiated"]
            $ ! aws cloudformation deploy --template-file fixed.yaml --stack-name long --capabilities CAPABILITY_NAMED_IAM --parameter-overrides Where=7
              ! 
              ! Waiting for changeset to be created..
              ! Waiting for stack create/update to complete
              ! 
              ! Failed to create/update the stack. Run the following command
              ! to fetch the list of events leading up to the failure
              ! aws cloudformation describe-stack-events --stack-name long
            $ aws cloudformation describe-stack-events --stack-name long
              StackEvents[].ResourceStatusReason: [null,"The following resource(s) failed to create: [Exec]. Rollback requested by user.","Properties validation failed for resource Exec with message: #/Path: failed validation constraint for keyword [pattern]",null,"User Initiated","User Initiated"]
            $ cat > typo.yaml <<'EOF'
            Resources:
              Fn:
                Type: AWS::Lambda::Funtion
            EOF
            $ ! aws cloudformation deploy --template-file typo.yaml --stack-name t --capabilities CAPABILITY_IAMM
              ! An error occurred (ValidationError) when calling the CreateChangeSet operation: 1 validation error detected: Value '[CAPABILITY_IAMM]' at 'capabilities' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [CAPABILITY_AUTO_EXPAND, CAPABILITY_NAMED_IAM, CAPABILITY_IAM]]
        "#]],
    );
}

/// What SAM makes must not take a logical id the template uses; the CodeDeploy service role
/// comes with an enabled DeploymentPreference only, under the functions' conditions (one, or
/// `ServerlessCodeDeployCondition` for several); `Policies` are ignored when the function names
/// its `Role`. A SAM template with a type the playground does not make is refused at once.
#[test]
fn sam_generated_resources_and_conditions() {
    check(
        r#"
        cat > clash.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          FnRole:
            Type: AWS::CloudWatch::Alarm
            Properties: {EvaluationPeriods: 1, ComparisonOperator: GreaterThanThreshold}
          Fn:
            Type: AWS::Serverless::Function
            Properties: {FunctionName: fn, CodeUri: fn/, Handler: app.handler, Runtime: python3.9}
        EOF
        ! sam deploy --template-file clash.yaml --stack-name clash --capabilities CAPABILITY_IAM
        cat > conditions.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
            Default: dev
        Conditions:
          Prod: !Equals [!Ref Stage, prod]
          Dev: !Equals [!Ref Stage, dev]
        Globals:
          Function:
            CodeUri: fn/
            Handler: app.handler
            Runtime: python3.9
            AutoPublishAlias: live
            DeploymentPreference:
              Type: AllAtOnce
        Resources:
          A:
            Type: AWS::Serverless::Function
            Condition: Prod
            Properties:
              Role: arn:aws:iam::123456789012:role/given
              Policies: AmazonS3ReadOnlyAccess
          B:
            Type: AWS::Serverless::Function
            Condition: Dev
            Properties:
              Role: arn:aws:iam::123456789012:role/given
          Off:
            Type: AWS::Serverless::Function
            Properties:
              Role: arn:aws:iam::123456789012:role/given
              DeploymentPreference:
                Enabled: false
        EOF
        sam deploy --template-file conditions.yaml --stack-name conditions --capabilities CAPABILITY_IAM
        aws cloudformation describe-stack-events --stack-name conditions  # => StackEvents[].LogicalResourceId
        ! sam deploy --template-file conditions.yaml --stack-name conditions --parameter-overrides Stage=prod
        aws cloudformation delete-stack --stack-name conditions
        sam deploy --template-file conditions.yaml --stack-name conditions --parameter-overrides Stage=test
        aws cloudformation describe-stack-events --stack-name conditions  # => StackEvents[].LogicalResourceId
        cat > topic.yaml <<'EOF'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Topic:
            Type: AWS::SNS::Topic
        EOF
        ! sam deploy --template-file topic.yaml --stack-name topic
        aws cloudformation list-stacks  # => StackSummaries[].StackName
        "#,
        expect![[r#"
            $ cat > clash.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              FnRole:
                Type: AWS::CloudWatch::Alarm
                Properties: {EvaluationPeriods: 1, ComparisonOperator: GreaterThanThreshold}
              Fn:
                Type: AWS::Serverless::Function
                Properties: {FunctionName: fn, CodeUri: fn/, Handler: app.handler, Runtime: python3.9}
            EOF
            $ ! sam deploy --template-file clash.yaml --stack-name clash --capabilities CAPABILITY_IAM
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Error: Failed to create changeset for the stack: clash, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Transforming resource with id [Fn] attempts to create a new resource with id [FnRole] and type "AWS::IAM::Role". A resource with that id already exists within this template. Please use a different id for that resource.
            $ cat > conditions.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
            Conditions:
              Prod: !Equals [!Ref Stage, prod]
              Dev: !Equals [!Ref Stage, dev]
            Globals:
              Function:
                CodeUri: fn/
                Handler: app.handler
                Runtime: python3.9
                AutoPublishAlias: live
                DeploymentPreference:
                  Type: AllAtOnce
            Resources:
              A:
                Type: AWS::Serverless::Function
                Condition: Prod
                Properties:
                  Role: arn:aws:iam::123456789012:role/given
                  Policies: AmazonS3ReadOnlyAccess
              B:
                Type: AWS::Serverless::Function
                Condition: Dev
                Properties:
                  Role: arn:aws:iam::123456789012:role/given
              Off:
                Type: AWS::Serverless::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/given
                  DeploymentPreference:
                    Enabled: false
            EOF
            $ sam deploy --template-file conditions.yaml --stack-name conditions --capabilities CAPABILITY_IAM
            $ aws cloudformation describe-stack-events --stack-name conditions
              StackEvents[].LogicalResourceId: ["conditions","BAliaslive","BAliaslive","BDeploymentGroup","BDeploymentGroup","ServerlessDeploymentApplication","ServerlessDeploymentApplication","CodeDeployServiceRole","CodeDeployServiceRole","OffAliaslive","OffAliaslive","OffVersion5f35e9dc6d","OffVersion5f35e9dc6d","Off","Off","BVersion5f35e9dc6d","BVersion5f35e9dc6d","B","B","conditions","conditions"]
            $ ! sam deploy --template-file conditions.yaml --stack-name conditions --parameter-overrides Stage=prod
              ! 
              ! Waiting for changeset to be created..
              ! 
              ! Error: Failed to create changeset for the stack: conditions, ex: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Requires capabilities : [CAPABILITY_IAM]
            $ aws cloudformation delete-stack --stack-name conditions
            $ sam deploy --template-file conditions.yaml --stack-name conditions --parameter-overrides Stage=test
            $ aws cloudformation describe-stack-events --stack-name conditions
              StackEvents[].LogicalResourceId: ["conditions","OffAliaslive","OffAliaslive","OffVersion5f35e9dc6d","OffVersion5f35e9dc6d","Off","Off","conditions","conditions"]
            $ cat > topic.yaml <<'EOF'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            EOF
            $ ! sam deploy --template-file topic.yaml --stack-name topic
              ! Error: Failed to create changeset for the stack: topic, An error occurred (ValidationError) when calling the CreateChangeSet operation: The playground does not provision AWS::SNS::Topic (Topic): it makes AWS::Lambda::Function, AWS::Lambda::Version, AWS::Lambda::Alias, AWS::CloudWatch::Alarm, AWS::IAM::Role and, with the SAM transform, AWS::Serverless::Function.
            $ aws cloudformation list-stacks
              StackSummaries[].StackName: ["clash","conditions","conditions"]
        "#]],
    );
}
