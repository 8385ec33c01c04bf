//! `sim export` (issue 11): the region's functions as SAM, CloudFormation, CDK and Terraform, with
//! each tool's property names; versions a template cannot recreate are named in comments.

use super::check::check;
use expect_test::expect;

const SESSION: &str = r#"
    sim region eu-west-1
    aws lambda create-function --function-name shop-orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip --memory-size 256 --environment Variables={STAGE=prod}
    aws lambda publish-version --function-name shop-orders
    aws lambda update-function-code --function-name shop-orders --zip-file fileb://orders-v2.zip --publish
    aws lambda put-runtime-management-config --function-name shop-orders --update-runtime-on Manual --runtime-version-arn {rv eu-west-1 python3.9 14}
    aws lambda put-runtime-management-config --function-name shop-orders --qualifier 2 --update-runtime-on FunctionUpdate
    aws lambda create-alias --function-name shop-orders --name live --function-version 2
    aws lambda create-alias --function-name shop-orders --name old --function-version 1
    aws cloudwatch put-metric-alarm --alarm-name orders-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=shop-orders Name=Resource,Value=shop-orders:live
"#;

#[test]
fn sam_and_cloudformation() {
    check(
        &format!("{SESSION}{}", "sim export --format sam  # => printed\nsim export --format cloudformation --function shop-orders  # => printed\n! sim export --format sam --function nope\n! sim export --format pulumi\n"),
        expect![[r#"
            $ sim region eu-west-1
            $ aws lambda create-function --function-name shop-orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip --memory-size 256 --environment Variables={STAGE=prod}
            $ aws lambda publish-version --function-name shop-orders
            $ aws lambda update-function-code --function-name shop-orders --zip-file fileb://orders-v2.zip --publish
            $ aws lambda put-runtime-management-config --function-name shop-orders --update-runtime-on Manual --runtime-version-arn {rv eu-west-1 python3.9 14}
            $ aws lambda put-runtime-management-config --function-name shop-orders --qualifier 2 --update-runtime-on FunctionUpdate
            $ aws lambda create-alias --function-name shop-orders --name live --function-version 2
            $ aws lambda create-alias --function-name shop-orders --name old --function-version 1
            $ aws cloudwatch put-metric-alarm --alarm-name orders-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=shop-orders Name=Resource,Value=shop-orders:live
            $ sim export --format sam
              | AWSTemplateFormatVersion: '2010-09-09'
              | Transform: AWS::Serverless-2016-10-31
              | Description: "Exported from the Lambda Runtime Playground (eu-west-1, 2023-01-23T00:00:00Z)"
              | Resources:
              |   ShopOrdersFunction:
              |     Type: AWS::Serverless::Function
              |     Properties:
              |       FunctionName: "shop-orders"
              |       CodeUri: "orders-v2.zip"
              |       Runtime: "python3.9"
              |       Handler: "app.handler"
              |       Role: "arn:aws:iam::123456789012:role/lambda-role"
              |       Architectures: ["x86_64"]
              |       MemorySize: 256
              |       Timeout: 3
              |       Environment:
              |         Variables:
              |           STAGE: "prod"
              |       RuntimeManagementConfig:
              |         UpdateRuntimeOn: Manual
              |         RuntimeVersionArn: "{rv eu-west-1 python3.9 14}"
              |   # Version 1 of shop-orders is not exported: its code or configuration is not $LATEST's.
              |   ShopOrdersVersion2:
              |     Type: AWS::Lambda::Version
              |     Properties:
              |       FunctionName: !Ref ShopOrdersFunction
              |       RuntimePolicy:
              |         UpdateRuntimeOn: FunctionUpdate
              |   ShopOrdersAliasLive:
              |     Type: AWS::Lambda::Alias
              |     Properties:
              |       FunctionName: !Ref ShopOrdersFunction
              |       Name: "live"
              |       FunctionVersion: !GetAtt ShopOrdersVersion2.Version
              |   # Alias old of shop-orders is not exported: it routes to a version that is not.
              |   Alarm1OrdersErrors:
              |     Type: AWS::CloudWatch::Alarm
              |     Properties:
              |       AlarmName: "orders-errors"
              |       Namespace: "AWS/Lambda"
              |       MetricName: "Errors"
              |       Statistic: "Sum"
              |       Period: 60
              |       EvaluationPeriods: 1
              |       Threshold: 0
              |       ComparisonOperator: "GreaterThanThreshold"
              |       Dimensions:
              |         - Name: "FunctionName"
              |           Value: "shop-orders"
              |         - Name: "Resource"
              |           Value: "shop-orders:live"
            $ sim export --format cloudformation --function shop-orders
              | AWSTemplateFormatVersion: '2010-09-09'
              | Description: "Exported from the Lambda Runtime Playground (eu-west-1, 2023-01-23T00:00:00Z)"
              | Resources:
              |   ShopOrdersFunction:
              |     Type: AWS::Lambda::Function
              |     Properties:
              |       FunctionName: "shop-orders"
              |       Code:
              |         ZipFile: "orders-v2.zip"
              |       Runtime: "python3.9"
              |       Handler: "app.handler"
              |       Role: "arn:aws:iam::123456789012:role/lambda-role"
              |       Architectures: ["x86_64"]
              |       MemorySize: 256
              |       Timeout: 3
              |       Environment:
              |         Variables:
              |           STAGE: "prod"
              |       RuntimeManagementConfig:
              |         UpdateRuntimeOn: Manual
              |         RuntimeVersionArn: "{rv eu-west-1 python3.9 14}"
              |   # Version 1 of shop-orders is not exported: its code or configuration is not $LATEST's.
              |   ShopOrdersVersion2:
              |     Type: AWS::Lambda::Version
              |     Properties:
              |       FunctionName: !Ref ShopOrdersFunction
              |       RuntimePolicy:
              |         UpdateRuntimeOn: FunctionUpdate
              |   ShopOrdersAliasLive:
              |     Type: AWS::Lambda::Alias
              |     Properties:
              |       FunctionName: !Ref ShopOrdersFunction
              |       Name: "live"
              |       FunctionVersion: !GetAtt ShopOrdersVersion2.Version
              |   # Alias old of shop-orders is not exported: it routes to a version that is not.
              |   Alarm1OrdersErrors:
              |     Type: AWS::CloudWatch::Alarm
              |     Properties:
              |       AlarmName: "orders-errors"
              |       Namespace: "AWS/Lambda"
              |       MetricName: "Errors"
              |       Statistic: "Sum"
              |       Period: 60
              |       EvaluationPeriods: 1
              |       Threshold: 0
              |       ComparisonOperator: "GreaterThanThreshold"
              |       Dimensions:
              |         - Name: "FunctionName"
              |           Value: "shop-orders"
              |         - Name: "Resource"
              |           Value: "shop-orders:live"
            $ ! sim export --format sam --function nope
              ! sim export: no function nope in eu-west-1
            $ ! sim export --format pulumi
              ! usage: sim export --format sam|cloudformation|cdk|terraform [--function <name>] [--region <r>]
              ! 
              ! sim: error: argument --format: Invalid choice, valid choices are:
              ! 
              ! sam                                      | cloudformation                          
              ! cdk                                      | terraform                               
        "#]],
    );
}

#[test]
fn cdk_and_terraform() {
    check(
        &format!("{SESSION}{}", "sim export --format cdk  # => printed\nsim export --format terraform  # => printed\n"),
        expect![[r#"
            $ sim region eu-west-1
            $ aws lambda create-function --function-name shop-orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip --memory-size 256 --environment Variables={STAGE=prod}
            $ aws lambda publish-version --function-name shop-orders
            $ aws lambda update-function-code --function-name shop-orders --zip-file fileb://orders-v2.zip --publish
            $ aws lambda put-runtime-management-config --function-name shop-orders --update-runtime-on Manual --runtime-version-arn {rv eu-west-1 python3.9 14}
            $ aws lambda put-runtime-management-config --function-name shop-orders --qualifier 2 --update-runtime-on FunctionUpdate
            $ aws lambda create-alias --function-name shop-orders --name live --function-version 2
            $ aws lambda create-alias --function-name shop-orders --name old --function-version 1
            $ aws cloudwatch put-metric-alarm --alarm-name orders-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=shop-orders Name=Resource,Value=shop-orders:live
            $ sim export --format cdk
              | import * as cdk from 'aws-cdk-lib';
              | import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
              | import * as iam from 'aws-cdk-lib/aws-iam';
              | import * as lambda from 'aws-cdk-lib/aws-lambda';
              | import { Construct } from 'constructs';
              | 
              | export class PlaygroundStack extends cdk.Stack {
              |   constructor(scope: Construct, id: string, props?: cdk.StackProps) {
              |     super(scope, id, props);
              | 
              |     const shopOrders = new lambda.Function(this, 'ShopOrdersFunction', {
              |       functionName: "shop-orders",
              |       runtime: lambda.Runtime.PYTHON_3_9,
              |       handler: "app.handler",
              |       code: lambda.Code.fromAsset("orders-v2.zip"),
              |       role: iam.Role.fromRoleArn(this, 'ShopOrdersRole', "arn:aws:iam::123456789012:role/lambda-role"),
              |       architecture: lambda.Architecture.X86_64,
              |       memorySize: 256,
              |       timeout: cdk.Duration.seconds(3),
              |       environment: { "STAGE": "prod" },
              |       runtimeManagementMode: lambda.RuntimeManagementMode.manual("{rv eu-west-1 python3.9 14}"),
              |     });
              |     // CDK has no property for a version's own runtime management mode; version 2 uses lambda.RuntimeManagementMode.FUNCTION_UPDATE.
              |     const shopOrdersV2 = new lambda.Version(this, 'ShopOrdersVersion2', { lambda: shopOrders });
              |     new lambda.Alias(this, 'ShopOrdersAliasLive', { aliasName: "live", version: shopOrdersV2 });
              | 
              |     new cloudwatch.Alarm(this, 'Alarm1OrdersErrors', {
              |       alarmName: "orders-errors",
              |       metric: new cloudwatch.Metric({ namespace: "AWS/Lambda", metricName: "Errors", statistic: "Sum", period: cdk.Duration.seconds(60), dimensionsMap: { "FunctionName": "shop-orders", "Resource": "shop-orders:live" } }),
              |       evaluationPeriods: 1,
              |       threshold: 0,
              |       comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
              |     });
              |   }
              | }
            $ sim export --format terraform
              | resource "aws_lambda_function" "shop_orders" {
              |   function_name = "shop-orders"
              |   runtime       = "python3.9"
              |   handler       = "app.handler"
              |   role          = "arn:aws:iam::123456789012:role/lambda-role"
              |   filename      = "orders-v2.zip"
              |   architectures = ["x86_64"]
              |   memory_size   = 256
              |   timeout       = 3
              |   publish       = true
              | 
              |   environment {
              |     variables = {
              |       STAGE = "prod"
              |     }
              |   }
              | }
              | 
              | resource "aws_lambda_runtime_management_config" "shop_orders" {
              |   function_name     = aws_lambda_function.shop_orders.function_name
              |   update_runtime_on = "Manual"
              |   runtime_version_arn = "{rv eu-west-1 python3.9 14}"
              | }
              | 
              | resource "aws_lambda_runtime_management_config" "shop_orders_published" {
              |   function_name     = aws_lambda_function.shop_orders.function_name
              |   qualifier         = aws_lambda_function.shop_orders.version
              |   update_runtime_on = "FunctionUpdate"
              | }
              | 
              | resource "aws_lambda_alias" "shop_orders_live" {
              |   name             = "live"
              |   function_name    = aws_lambda_function.shop_orders.function_name
              |   function_version = aws_lambda_function.shop_orders.version
              | }
              | 
              | resource "aws_cloudwatch_metric_alarm" "orders_errors" {
              |   alarm_name          = "orders-errors"
              |   namespace           = "AWS/Lambda"
              |   metric_name         = "Errors"
              |   statistic           = "Sum"
              |   period              = 60
              |   evaluation_periods  = 1
              |   threshold           = 0
              |   comparison_operator = "GreaterThanThreshold"
              |   dimensions = { FunctionName = "shop-orders", Resource = "shop-orders:live" }
              | }
              | 
        "#]],
    );
}

/// Aliases whose names differ only in punctuation (`a-b`, `a_b`) keep resources of their own in
/// every format: `AliasAB` and `AliasAB2`, `f_a_b` and `f_a_b2`.
#[test]
fn aliases_that_differ_in_punctuation_stay_apart() {
    check(
        r#"
        sim region eu-west-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip
        aws lambda create-alias --function-name f --name a-b --function-version '$LATEST'
        aws lambda create-alias --function-name f --name a_b --function-version '$LATEST'
        sim export --format cloudformation  # => printed
        sim export --format terraform  # => printed
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip
            $ aws lambda create-alias --function-name f --name a-b --function-version '$LATEST'
            $ aws lambda create-alias --function-name f --name a_b --function-version '$LATEST'
            $ sim export --format cloudformation
              | AWSTemplateFormatVersion: '2010-09-09'
              | Description: "Exported from the Lambda Runtime Playground (eu-west-1, 2023-01-23T00:00:00Z)"
              | Resources:
              |   FFunction:
              |     Type: AWS::Lambda::Function
              |     Properties:
              |       FunctionName: "f"
              |       Code:
              |         ZipFile: "f.zip"
              |       Runtime: "python3.9"
              |       Handler: "app.handler"
              |       Role: "arn:aws:iam::123456789012:role/lambda-role"
              |       Architectures: ["x86_64"]
              |       MemorySize: 128
              |       Timeout: 3
              |       RuntimeManagementConfig:
              |         UpdateRuntimeOn: Auto
              |   FAliasAB:
              |     Type: AWS::Lambda::Alias
              |     Properties:
              |       FunctionName: !Ref FFunction
              |       Name: "a-b"
              |       FunctionVersion: '$LATEST'
              |   FAliasAB2:
              |     Type: AWS::Lambda::Alias
              |     Properties:
              |       FunctionName: !Ref FFunction
              |       Name: "a_b"
              |       FunctionVersion: '$LATEST'
            $ sim export --format terraform
              | resource "aws_lambda_function" "f" {
              |   function_name = "f"
              |   runtime       = "python3.9"
              |   handler       = "app.handler"
              |   role          = "arn:aws:iam::123456789012:role/lambda-role"
              |   filename      = "f.zip"
              |   architectures = ["x86_64"]
              |   memory_size   = 128
              |   timeout       = 3
              |   publish       = false
              | }
              | 
              | resource "aws_lambda_runtime_management_config" "f" {
              |   function_name     = aws_lambda_function.f.function_name
              |   update_runtime_on = "Auto"
              | }
              | 
              | resource "aws_lambda_alias" "f_a_b" {
              |   name             = "a-b"
              |   function_name    = aws_lambda_function.f.function_name
              |   function_version = "$LATEST"
              | }
              | 
              | resource "aws_lambda_alias" "f_a_b2" {
              |   name             = "a_b"
              |   function_name    = aws_lambda_function.f.function_name
              |   function_version = "$LATEST"
              | }
              | 
        "#]],
    );
}

/// A version published with a description of its own is still the one a template recreates
/// (its description goes on the version resource), and aliases keep their descriptions;
/// Terraform, which publishes with the function's description, says what it cannot carry.
#[test]
fn version_and_alias_descriptions() {
    check(
        r#"
        sim region eu-west-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip
        aws lambda publish-version --function-name f --description "release one"
        aws lambda create-alias --function-name f --name live --function-version 1 --description "prod traffic"
        sim export --format cloudformation  # => printed
        sim export --format terraform  # => printed
        "#,
        expect![[r#"
            $ sim region eu-west-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip
            $ aws lambda publish-version --function-name f --description "release one"
            $ aws lambda create-alias --function-name f --name live --function-version 1 --description "prod traffic"
            $ sim export --format cloudformation
              | AWSTemplateFormatVersion: '2010-09-09'
              | Description: "Exported from the Lambda Runtime Playground (eu-west-1, 2023-01-23T00:00:00Z)"
              | Resources:
              |   FFunction:
              |     Type: AWS::Lambda::Function
              |     Properties:
              |       FunctionName: "f"
              |       Code:
              |         ZipFile: "f.zip"
              |       Runtime: "python3.9"
              |       Handler: "app.handler"
              |       Role: "arn:aws:iam::123456789012:role/lambda-role"
              |       Architectures: ["x86_64"]
              |       MemorySize: 128
              |       Timeout: 3
              |       RuntimeManagementConfig:
              |         UpdateRuntimeOn: Auto
              |   FVersion1:
              |     Type: AWS::Lambda::Version
              |     Properties:
              |       FunctionName: !Ref FFunction
              |       Description: "release one"
              |       RuntimePolicy:
              |         UpdateRuntimeOn: Auto
              |   FAliasLive:
              |     Type: AWS::Lambda::Alias
              |     Properties:
              |       FunctionName: !Ref FFunction
              |       Name: "live"
              |       FunctionVersion: !GetAtt FVersion1.Version
              |       Description: "prod traffic"
            $ sim export --format terraform
              | resource "aws_lambda_function" "f" {
              |   function_name = "f"
              |   runtime       = "python3.9"
              |   handler       = "app.handler"
              |   role          = "arn:aws:iam::123456789012:role/lambda-role"
              |   filename      = "f.zip"
              |   architectures = ["x86_64"]
              |   memory_size   = 128
              |   timeout       = 3
              |   publish       = true
              | }
              | 
              | resource "aws_lambda_runtime_management_config" "f" {
              |   function_name     = aws_lambda_function.f.function_name
              |   update_runtime_on = "Auto"
              | }
              | 
              | # Terraform publishes versions with the function's description: version 1's own is not exported.
              | 
              | resource "aws_lambda_runtime_management_config" "f_published" {
              |   function_name     = aws_lambda_function.f.function_name
              |   qualifier         = aws_lambda_function.f.version
              |   update_runtime_on = "Auto"
              | }
              | 
              | resource "aws_lambda_alias" "f_live" {
              |   name             = "live"
              |   function_name    = aws_lambda_function.f.function_name
              |   function_version = aws_lambda_function.f.version
              |   description      = "prod traffic"
              | }
              | 
        "#]],
    );
}
