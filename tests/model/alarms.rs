//! CloudWatch alarms on a function's Errors, the alarm a deployment watches: evaluated each
//! simulated minute from the model's own invocation counts, in CloudWatch's shapes and words.

use super::check::check;
use expect_test::expect;

/// `f` with version 1 (healthy) and version 2 (new code that relies on a behaviour the new
/// runtime version changed), and `live` sending half of its traffic to 2.
const CANARY: &str = "
    sim region eu-south-1
    aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
    sim release python3.9 --changes strict-tls
    aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
    sim relies-on f strict-tls
    aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={2=0.5}
";

#[test]
fn an_errors_alarm_on_the_new_version_goes_from_insufficient_data_to_alarm() {
    check(
        &format!(
            "{CANARY}{}",
            r#"
            aws cloudwatch put-metric-alarm --alarm-name f-live-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
            aws cloudwatch describe-alarms --alarm-names f-live-errors  # => MetricAlarms[0].AlarmArn MetricAlarms[0].StateValue MetricAlarms[0].StateReason MetricAlarms[0].Dimensions CompositeAlarms
            sim traffic f 10 --qualifier live
            sim advance 3m
            aws cloudwatch describe-alarms  # => MetricAlarms[].StateValue MetricAlarms[].StateReason MetricAlarms[].StateUpdatedTimestamp
            sim traffic f 0 --qualifier live
            sim advance 2m
            aws cloudwatch describe-alarms  # => MetricAlarms[].StateValue MetricAlarms[].StateReason
            aws lambda invoke --function-name f --qualifier 2 out.json  # => FunctionError
            sim advance 1m
            aws cloudwatch describe-alarms  # => MetricAlarms[].StateValue MetricAlarms[].StateReason
            aws cloudwatch delete-alarms --alarm-names f-live-errors nothing-by-that-name
            aws cloudwatch describe-alarms  # => MetricAlarms
            "#
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ sim release python3.9 --changes strict-tls
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ sim relies-on f strict-tls
            $ aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={2=0.5}
            $ aws cloudwatch put-metric-alarm --alarm-name f-live-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
            $ aws cloudwatch describe-alarms --alarm-names f-live-errors
              MetricAlarms[0].AlarmArn: "arn:aws:cloudwatch:eu-south-1:123456789012:alarm:f-live-errors"
              MetricAlarms[0].StateValue: "INSUFFICIENT_DATA"
              MetricAlarms[0].StateReason: "Insufficient Data: 1 datapoint was unknown."
              MetricAlarms[0].Dimensions: [{"Name":"FunctionName","Value":"f"},{"Name":"Resource","Value":"f:live"},{"Name":"ExecutedVersion","Value":"2"}]
              CompositeAlarms: []
            $ sim traffic f 10 --qualifier live
            $ sim advance 3m
            $ aws cloudwatch describe-alarms
              MetricAlarms[].StateValue: ["ALARM"]
              MetricAlarms[].StateReason: ["Threshold Crossed: 1 out of the last 1 datapoints [5.0 (23/01/23 00:02:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition)."]
              MetricAlarms[].StateUpdatedTimestamp: ["2023-01-23T00:02:00.000000+00:00"]
            $ sim traffic f 0 --qualifier live
            $ sim advance 2m
            $ aws cloudwatch describe-alarms
              MetricAlarms[].StateValue: ["INSUFFICIENT_DATA"]
              MetricAlarms[].StateReason: ["Insufficient Data: 1 datapoint was unknown."]
            $ aws lambda invoke --function-name f --qualifier 2 out.json
              FunctionError: "Unhandled"
            $ sim advance 1m
            $ aws cloudwatch describe-alarms
              MetricAlarms[].StateValue: ["ALARM"]
              MetricAlarms[].StateReason: ["Threshold Crossed: 1 out of the last 1 datapoints [1.0 (23/01/23 00:05:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition)."]
            $ aws cloudwatch delete-alarms --alarm-names f-live-errors nothing-by-that-name
            $ aws cloudwatch describe-alarms
              MetricAlarms: []
        "#]],
    );
}

#[test]
fn alarms_that_cannot_be_put() {
    check(
        r#"
        ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator Above
        ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 0 --comparison-operator GreaterThanThreshold
        ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName
        ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold --threshold zero
        ! aws cloudwatch put-metric-alarm --alarm-name a --comparison-operator GreaterThanThreshold
        ! aws cloudwatch put-metric-alarm --alarm-name a --period 60 --evaluation-periods 1441 --comparison-operator GreaterThanThreshold
        ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold --treat-missing-data breaching
        ! aws cloudwatch delete-alarms
        ! aws cloudwatch describe-alarm
        aws cloudwatch put-metric-alarm --alarm-name cpu --namespace AWS/EC2 --metric-name CPUUtilization --statistic Average --period 300 --evaluation-periods 2 --threshold 80 --comparison-operator GreaterThanOrEqualToThreshold
        aws cloudwatch describe-alarms  # => MetricAlarms[].StateValue MetricAlarms[].StateReason
        "#,
        expect![[r#"
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator Above
              ! An error occurred (ValidationError) when calling the PutMetricAlarm operation: 1 validation error detected: Value 'Above' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold]
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 0 --comparison-operator GreaterThanThreshold
              ! Parameter validation failed:
              ! Invalid value for parameter EvaluationPeriods, value: 0, valid min value: 1
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName
              ! Parameter validation failed:
              ! Missing required parameter in Dimensions[0]: "Value"
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold --threshold zero
              ! could not convert string to float: 'zero'
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --comparison-operator GreaterThanThreshold
              ! usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
              ! To see help text, you can run:
              ! 
              !   aws help
              !   aws <command> help
              !   aws <command> <subcommand> help
              ! 
              ! aws: error: the following arguments are required: --evaluation-periods
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --period 60 --evaluation-periods 1441 --comparison-operator GreaterThanThreshold
              ! An error occurred (ValidationError) when calling the PutMetricAlarm operation: The evaluation period (Period multiplied by EvaluationPeriods) must not exceed 86400 seconds.
            $ ! aws cloudwatch put-metric-alarm --alarm-name a --evaluation-periods 1 --comparison-operator GreaterThanThreshold --treat-missing-data breaching
              ! An error occurred (ValidationError) when calling the PutMetricAlarm operation: The playground evaluates TreatMissingData missing and ignore only, not breaching.
            $ ! aws cloudwatch delete-alarms
              ! usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
              ! To see help text, you can run:
              ! 
              !   aws help
              !   aws <command> help
              !   aws <command> <subcommand> help
              ! 
              ! aws: error: the following arguments are required: --alarm-names
            $ ! aws cloudwatch describe-alarm
              ! usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
              ! To see help text, you can run:
              ! 
              !   aws help
              !   aws <command> help
              !   aws <command> <subcommand> help
              ! 
              ! aws: error: argument operation: Invalid choice, valid choices are:
              ! 
              ! delete-alarms                            | describe-alarms                         
              ! put-metric-alarm                         | help                                    
              ! 
              ! 
              ! Invalid choice: 'describe-alarm', maybe you meant:
              ! 
              !   * describe-alarms
            $ aws cloudwatch put-metric-alarm --alarm-name cpu --namespace AWS/EC2 --metric-name CPUUtilization --statistic Average --period 300 --evaluation-periods 2 --threshold 80 --comparison-operator GreaterThanOrEqualToThreshold
            $ aws cloudwatch describe-alarms
              MetricAlarms[].StateValue: ["INSUFFICIENT_DATA"]
              MetricAlarms[].StateReason: ["The playground evaluates only AWS/Lambda Errors alarms (Sum over 60 seconds)."]
        "#]],
    );
}
