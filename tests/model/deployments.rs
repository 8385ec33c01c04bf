//! CodeDeploy-style deployments of an alias (LAMBDA.md, "Traffic shifting with CodeDeploy"):
//! the predefined and custom configurations, alarms (also one firing before the start), hooks,
//! automatic rollback as a deployment of its own, a stop without rollback, and how a runtime
//! rollout meets a deployment (the table's three rows).

use super::check::check;
use expect_test::expect;

/// `f` with versions 1 and 2 (other code) in eu-south-1, `live` on 1 with traffic through it.
const TWO_VERSIONS: &str = "
    sim region eu-south-1
    aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
    aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
    aws lambda create-alias --function-name f --name live --function-version 1
    sim traffic f 10 --qualifier live
";

/// The alarm a SAM template puts on a canary: errors of the new version through the alias.
const ALARM: &str = "
    aws cloudwatch put-metric-alarm --alarm-name f-canary-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
";

/// Version 2 is new code on the new runtime version, which changed a behaviour it relies on:
/// every invocation of 2 fails, version 1 is healthy.
const BROKEN_TWO: &str = "
    sim region eu-south-1
    aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
    sim release python3.9 --region eu-south-1 --changes strict-tls
    aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
    sim relies-on f strict-tls
    aws lambda create-alias --function-name f --name live --function-version 1
    sim traffic f 10 --qualifier live
";

fn broken(lines: &str) -> String {
    format!("{BROKEN_TWO}{ALARM}{lines}")
}

fn story(lines: &str) -> String {
    format!("{TWO_VERSIONS}{lines}")
}

#[test]
fn a_canary_shifts_ten_percent_then_the_rest() {
    check(
        &story(
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes  # => deploymentId
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.deploymentOverview deploymentInfo.deploymentGroupName deploymentInfo.createTime
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            sim advance 4m
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            sim advance 1m
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo
            sim logs f --qualifier 2 --filter START  # => events[].message
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes
              deploymentId: "d-PGWPEKKDX"
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "InProgress"
              deploymentInfo.deploymentOverview: {"Pending":0,"InProgress":1,"Succeeded":0,"Failed":0,"Skipped":0,"Ready":0}
              deploymentInfo.deploymentGroupName: "f-live"
              deploymentInfo.createTime: "2023-01-23T00:00:00.000000+00:00"
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ sim advance 4m
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ sim advance 1m
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "2"
              RoutingConfig: null
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo: {"applicationName":"f","autoRollbackConfiguration":{"enabled":true,"events":["DEPLOYMENT_FAILURE","DEPLOYMENT_STOP_ON_ALARM","DEPLOYMENT_STOP_ON_REQUEST"]},"completeTime":"2023-01-23T00:05:00.000000+00:00","computePlatform":"Lambda","createTime":"2023-01-23T00:00:00.000000+00:00","creator":"user","deploymentConfigName":"CodeDeployDefault.LambdaCanary10Percent5Minutes","deploymentGroupName":"f-live","deploymentId":"d-PGWPEKKDX","deploymentOverview":{"Pending":0,"InProgress":0,"Succeeded":1,"Failed":0,"Skipped":0,"Ready":0},"deploymentStatusMessages":[],"deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"},"status":"Succeeded"}
            $ sim logs f --qualifier 2 --filter START
              events[].message: ["INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {rv eu-south-1 python3.9 14}","START RequestId: e567ff99-4691-4836-a634-7fb3bbbcb09a Version: 2"]
        "#]],
    );
}

#[test]
fn a_linear_configuration_adds_ten_percent_each_interval() {
    check(
        &story(
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery2Minutes  # => deploymentId
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 2m
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 15m
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            sim advance 1m
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.completeTime
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery2Minutes
              deploymentId: "d-PGWPEKKDX"
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ sim advance 2m
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.2}}
            $ sim advance 15m
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.9}}
            $ sim advance 1m
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "2"
              RoutingConfig: null
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "Succeeded"
              deploymentInfo.completeTime: "2023-01-23T00:18:00.000000+00:00"
        "#]],
    );
}

/// Each predefined configuration, by its exact name: how long until all traffic has moved.
#[test]
fn every_predefined_configuration() {
    let configs = [
        ("LambdaCanary10Percent5Minutes", 5),
        ("LambdaCanary10Percent10Minutes", 10),
        ("LambdaCanary10Percent15Minutes", 15),
        ("LambdaCanary10Percent30Minutes", 30),
        ("LambdaLinear10PercentEvery1Minute", 9),
        ("LambdaLinear10PercentEvery2Minutes", 18),
        ("LambdaLinear10PercentEvery3Minutes", 27),
        ("LambdaLinear10PercentEvery10Minutes", 90),
        ("LambdaAllAtOnce", 0),
    ];
    let mut script = String::from(TWO_VERSIONS);
    for (i, (config, minutes)) in configs.iter().enumerate() {
        // Back and forth between the two versions, one deployment at a time.
        let target = if i % 2 == 0 { 2 } else { 1 };
        script.push_str(&format!(
            "sim deploy f --alias live --target-version {target} --config CodeDeployDefault.{config}\n"
        ));
        if *minutes > 0 {
            script.push_str(&format!("sim advance {}m\n", minutes - 1));
            script.push_str("aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig\n");
            script.push_str("sim advance 1m\n");
        }
        script.push_str("aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig\n");
    }
    check(
        &script,
        expect![[r#"
        $ sim region eu-south-1
        $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
        $ aws lambda create-alias --function-name f --name live --function-version 1
        $ sim traffic f 10 --qualifier live
        $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes
        $ sim advance 4m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 1 --config CodeDeployDefault.LambdaCanary10Percent10Minutes
        $ sim advance 9m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: {"AdditionalVersionWeights":{"1":0.1}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent15Minutes
        $ sim advance 14m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 1 --config CodeDeployDefault.LambdaCanary10Percent30Minutes
        $ sim advance 29m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: {"AdditionalVersionWeights":{"1":0.1}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute
        $ sim advance 8m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: {"AdditionalVersionWeights":{"2":0.9}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 1 --config CodeDeployDefault.LambdaLinear10PercentEvery2Minutes
        $ sim advance 17m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: {"AdditionalVersionWeights":{"1":0.9}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery3Minutes
        $ sim advance 26m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: {"AdditionalVersionWeights":{"2":0.9}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 1 --config CodeDeployDefault.LambdaLinear10PercentEvery10Minutes
        $ sim advance 89m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: {"AdditionalVersionWeights":{"1":0.9}}
        $ sim advance 1m
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "1"
          RoutingConfig: null
        $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
        $ aws lambda get-alias --function-name f --name live
          FunctionVersion: "2"
          RoutingConfig: null
    "#]],
    );
}

#[test]
fn custom_configurations() {
    check(
        &story(
            r#"
            aws deploy create-deployment-config --deployment-config-name Canary20Percent3Minutes --compute-platform Lambda --traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercentage=20,canaryInterval=3}  # => deploymentConfigId
            aws deploy create-deployment-config --deployment-config-name Linear40Every1Minute --compute-platform Lambda --traffic-routing-config '{"type": "TimeBasedLinear", "timeBasedLinear": {"linearPercentage": 40, "linearInterval": 1}}'  # => deploymentConfigId
            ! aws deploy create-deployment-config --deployment-config-name Canary20Percent3Minutes --compute-platform Lambda --traffic-routing-config type=AllAtOnce
            ! aws deploy create-deployment-config --deployment-config-name CodeDeployDefault.Mine --compute-platform Lambda --traffic-routing-config type=AllAtOnce
            ! aws deploy create-deployment-config --deployment-config-name Half --compute-platform Lambda --traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercentage=100,canaryInterval=3}
            ! aws deploy create-deployment-config --deployment-config-name Half --compute-platform Lambda --traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercent=50}
            ! aws deploy create-deployment-config --deployment-config-name Half --compute-platform Server
            sim deploy f --alias live --target-version 2 --config Canary20Percent3Minutes  # => deploymentId
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 3m
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            sim deploy f --alias live --target-version 1 --config Linear40Every1Minute  # => deploymentId
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 1m
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 1m
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ aws deploy create-deployment-config --deployment-config-name Canary20Percent3Minutes --compute-platform Lambda --traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercentage=20,canaryInterval=3}
              deploymentConfigId: "17eadff4-48a8-4a07-b05e-ca1a2972b860"
            $ aws deploy create-deployment-config --deployment-config-name Linear40Every1Minute --compute-platform Lambda --traffic-routing-config '{"type": "TimeBasedLinear", "timeBasedLinear": {"linearPercentage": 40, "linearInterval": 1}}'
              deploymentConfigId: "f513444b-6455-43e8-82b3-a6dd261f6e99"
            $ ! aws deploy create-deployment-config --deployment-config-name Canary20Percent3Minutes --compute-platform Lambda --traffic-routing-config type=AllAtOnce
              ! An error occurred (DeploymentConfigAlreadyExistsException) when calling the CreateDeploymentConfig operation: A deployment configuration named Canary20Percent3Minutes already exists.
            $ ! aws deploy create-deployment-config --deployment-config-name CodeDeployDefault.Mine --compute-platform Lambda --traffic-routing-config type=AllAtOnce
              ! An error occurred (InvalidDeploymentConfigNameException) when calling the CreateDeploymentConfig operation: Names beginning with CodeDeployDefault. are reserved for predefined configurations.
            $ ! aws deploy create-deployment-config --deployment-config-name Half --compute-platform Lambda --traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercentage=100,canaryInterval=3}
              ! An error occurred (InvalidTrafficRoutingConfigurationException) when calling the CreateDeploymentConfig operation: canaryPercentage is 1 to 99 and canaryInterval 1 to 2880 minutes.
            $ ! aws deploy create-deployment-config --deployment-config-name Half --compute-platform Lambda --traffic-routing-config type=TimeBasedCanary,timeBasedCanary={canaryPercent=50}
              ! Parameter validation failed:
              ! Unknown parameter in trafficRoutingConfig.timeBasedCanary: "canaryPercent", must be one of: canaryPercentage, canaryInterval
            $ ! aws deploy create-deployment-config --deployment-config-name Half --compute-platform Server
              ! An error occurred (InvalidComputePlatformException) when calling the CreateDeploymentConfig operation: The playground has Lambda deployment configurations only: --compute-platform Lambda.
            $ sim deploy f --alias live --target-version 2 --config Canary20Percent3Minutes
              deploymentId: "d-7VYJ3FA5B"
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.2}}
            $ sim advance 3m
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "2"
              RoutingConfig: null
            $ sim deploy f --alias live --target-version 1 --config Linear40Every1Minute
              deploymentId: "d-TT48SG8SP"
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"1":0.4}}
            $ sim advance 1m
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"1":0.8}}
            $ sim advance 1m
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
        "#]],
    );
}

#[test]
fn an_alarm_stops_the_canary_and_the_rollback_is_a_deployment_of_its_own() {
    check(
        &broken(
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent10Minutes --alarm f-canary-errors  # => deploymentId
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 1m
            aws cloudwatch describe-alarms --alarm-names f-canary-errors  # => MetricAlarms[0].StateValue
            aws lambda get-alias --function-name f --name live  # => RoutingConfig
            sim advance 1m
            aws cloudwatch describe-alarms --alarm-names f-canary-errors  # => MetricAlarms[0].StateValue MetricAlarms[0].StateReason
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo
            aws deploy get-deployment --deployment-id d-N5XT13K3B  # => deploymentInfo
            ! aws deploy stop-deployment --deployment-id d-PGWPEKKDX
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ sim release python3.9 --region eu-south-1 --changes strict-tls
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ sim relies-on f strict-tls
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ aws cloudwatch put-metric-alarm --alarm-name f-canary-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent10Minutes --alarm f-canary-errors
              deploymentId: "d-PGWPEKKDX"
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ sim advance 1m
            $ aws cloudwatch describe-alarms --alarm-names f-canary-errors
              MetricAlarms[0].StateValue: "OK"
            $ aws lambda get-alias --function-name f --name live
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.1}}
            $ sim advance 1m
            $ aws cloudwatch describe-alarms --alarm-names f-canary-errors
              MetricAlarms[0].StateValue: "ALARM"
              MetricAlarms[0].StateReason: "Threshold Crossed: 1 out of the last 1 datapoints [1.0 (23/01/23 00:01:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition)."
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo: {"applicationName":"f","autoRollbackConfiguration":{"enabled":true,"events":["DEPLOYMENT_FAILURE","DEPLOYMENT_STOP_ON_ALARM","DEPLOYMENT_STOP_ON_REQUEST"]},"completeTime":"2023-01-23T00:02:00.000000+00:00","computePlatform":"Lambda","createTime":"2023-01-23T00:00:00.000000+00:00","creator":"user","deploymentConfigName":"CodeDeployDefault.LambdaCanary10Percent10Minutes","deploymentGroupName":"f-live","deploymentId":"d-PGWPEKKDX","deploymentOverview":{"Pending":0,"InProgress":0,"Succeeded":0,"Failed":1,"Skipped":0,"Ready":0},"deploymentStatusMessages":[],"deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"},"errorInformation":{"code":"ALARM_ACTIVE","message":"One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: f-canary-errors"},"rollbackInfo":{"rollbackDeploymentId":"d-N5XT13K3B","rollbackMessage":"Rolled back by deployment d-N5XT13K3B."},"status":"Stopped"}
            $ aws deploy get-deployment --deployment-id d-N5XT13K3B
              deploymentInfo: {"applicationName":"f","autoRollbackConfiguration":{"enabled":false},"completeTime":"2023-01-23T00:02:00.000000+00:00","computePlatform":"Lambda","createTime":"2023-01-23T00:02:00.000000+00:00","creator":"codeDeployRollback","deploymentConfigName":"CodeDeployDefault.LambdaCanary10Percent10Minutes","deploymentGroupName":"f-live","deploymentId":"d-N5XT13K3B","deploymentOverview":{"Pending":0,"InProgress":0,"Succeeded":1,"Failed":0,"Skipped":0,"Ready":0},"deploymentStatusMessages":[],"deploymentStyle":{"deploymentType":"BLUE_GREEN","deploymentOption":"WITH_TRAFFIC_CONTROL"},"rollbackInfo":{"rollbackTriggeringDeploymentId":"d-PGWPEKKDX"},"status":"Succeeded"}
            $ ! aws deploy stop-deployment --deployment-id d-PGWPEKKDX
              ! An error occurred (DeploymentAlreadyCompletedException) when calling the StopDeployment operation: The deployment d-PGWPEKKDX has already completed.
        "#]],
    );
}

/// LAMBDA.md: any alarm in ALARM, even before the deployment starts, stops it.
#[test]
fn an_alarm_already_firing_stops_the_deployment_before_any_traffic_moves() {
    check(
        &broken(
            r#"
            aws lambda invoke --function-name f --qualifier 2 out.json  # => FunctionError
            sim advance 1m
            aws cloudwatch describe-alarms  # => MetricAlarms[0].StateValue
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --alarm f-canary-errors --no-rollback  # => deploymentId
            aws deploy get-deployment --deployment-id d-JG1O28ETY  # => deploymentInfo.status deploymentInfo.errorInformation deploymentInfo.autoRollbackConfiguration deploymentInfo.rollbackInfo
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ sim release python3.9 --region eu-south-1 --changes strict-tls
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ sim relies-on f strict-tls
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ aws cloudwatch put-metric-alarm --alarm-name f-canary-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
            $ aws lambda invoke --function-name f --qualifier 2 out.json
              FunctionError: "Unhandled"
            $ sim advance 1m
            $ aws cloudwatch describe-alarms
              MetricAlarms[0].StateValue: "ALARM"
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --alarm f-canary-errors --no-rollback
              deploymentId: "d-JG1O28ETY"
            $ aws deploy get-deployment --deployment-id d-JG1O28ETY
              deploymentInfo.status: "Stopped"
              deploymentInfo.errorInformation: {"code":"ALARM_ACTIVE","message":"One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: f-canary-errors"}
              deploymentInfo.autoRollbackConfiguration: {"enabled":false}
              deploymentInfo.rollbackInfo: null
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
        "#]],
    );
}

#[test]
fn a_failing_hook_fails_the_deployment() {
    check(
        &format!(
            "{TWO_VERSIONS}{}",
            r#"
            aws lambda create-function --function-name smoke-test --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://smoke.zip
            sim release python3.9 --region eu-south-1 --changes strict-tls
            aws lambda update-function-code --function-name smoke-test --zip-file fileb://smoke-v2.zip
            sim relies-on smoke-test strict-tls
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes --pre-traffic-hook smoke-test  # => deploymentId
            aws deploy get-deployment --deployment-id d-BR7L4D44Y  # => deploymentInfo.status deploymentInfo.errorInformation deploymentInfo.rollbackInfo
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            sim logs smoke-test --filter START  # => events[].message
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes --post-traffic-hook smoke-test  # => deploymentId
            sim advance 5m
            aws deploy get-deployment --deployment-id d-FPG9EDG6I  # => deploymentInfo.status deploymentInfo.errorInformation deploymentInfo.rollbackInfo
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            "#
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ aws lambda create-function --function-name smoke-test --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://smoke.zip
            $ sim release python3.9 --region eu-south-1 --changes strict-tls
            $ aws lambda update-function-code --function-name smoke-test --zip-file fileb://smoke-v2.zip
            $ sim relies-on smoke-test strict-tls
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes --pre-traffic-hook smoke-test
              deploymentId: "d-BR7L4D44Y"
            $ aws deploy get-deployment --deployment-id d-BR7L4D44Y
              deploymentInfo.status: "Failed"
              deploymentInfo.errorInformation: {"code":"HOOK_EXECUTION_FAILURE","message":"The BeforeAllowTraffic lifecycle event hook (function smoke-test) reported Failed: the deployment failed."}
              deploymentInfo.rollbackInfo: {"rollbackDeploymentId":"d-3RFFS40OR","rollbackMessage":"Rolled back by deployment d-3RFFS40OR."}
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
            $ sim logs smoke-test --filter START
              events[].message: ["INIT_START Runtime Version: python:3.9.v15\tRuntime Version ARN: {rv eu-south-1 python3.9 15}","START RequestId: d72c1692-509d-4c5e-a5a7-fe4e63a4f49d Version: $LATEST","[WARNING]\t2023-01-23T00:00:00Z\td72c1692-509d-4c5e-a5a7-fe4e63a4f49d\tLAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in rare cases, a Lambda runtime update can cause unexpected function behavior. For functions using managed runtimes, runtime updates can be triggered by a function change, or can be applied automatically. To determine if the runtime has been updated, check the runtime version in the INIT_START log entry. If this error correlates with a change in the runtime version, you may be able to mitigate this error by temporarily rolling back to the previous runtime version. For more information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html"]
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes --post-traffic-hook smoke-test
              deploymentId: "d-FPG9EDG6I"
            $ sim advance 5m
            $ aws deploy get-deployment --deployment-id d-FPG9EDG6I
              deploymentInfo.status: "Failed"
              deploymentInfo.errorInformation: {"code":"HOOK_EXECUTION_FAILURE","message":"The AfterAllowTraffic lifecycle event hook (function smoke-test) reported Failed: the deployment failed."}
              deploymentInfo.rollbackInfo: {"rollbackDeploymentId":"d-KVL1IQOH2","rollbackMessage":"Rolled back by deployment d-KVL1IQOH2."}
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
        "#]],
    );
}

/// CodeDeploy's troubleshooting guide: a deployment stopped without rollback leaves the alias on
/// two versions, and the next deployment fails until someone clears the routing.
#[test]
fn a_stop_without_rollback_leaves_two_versions_and_the_next_deployment_fails() {
    check(
        &story(
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --no-rollback  # => deploymentId
            sim advance 3m
            aws deploy stop-deployment --deployment-id d-PGWPEKKDX  # => status statusMessage
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.errorInformation deploymentInfo.completeTime
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce  # => deploymentId
            aws deploy get-deployment --deployment-id d-TT48SG8SP  # => deploymentInfo.status deploymentInfo.errorInformation
            aws lambda update-alias --function-name f --name live --routing-config AdditionalVersionWeights={}  # => FunctionVersion RoutingConfig
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce  # => deploymentId
            aws deploy get-deployment --deployment-id d-ZXSYR3K8H  # => deploymentInfo.status
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --no-rollback
              deploymentId: "d-PGWPEKKDX"
            $ sim advance 3m
            $ aws deploy stop-deployment --deployment-id d-PGWPEKKDX
              status: "Pending"
              statusMessage: "Stopping Active deployment"
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "Stopped"
              deploymentInfo.errorInformation: {"code":"MANUAL_STOP","message":"The deployment was stopped by a StopDeployment request."}
              deploymentInfo.completeTime: "2023-01-23T00:03:00.000000+00:00"
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.4}}
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
              deploymentId: "d-TT48SG8SP"
            $ aws deploy get-deployment --deployment-id d-TT48SG8SP
              deploymentInfo.status: "Failed"
              deploymentInfo.errorInformation: {"code":"INVALID_LAMBDA_CONFIGURATION","message":"The alias live of function f routes traffic to two versions (1 and 2): remove its weighted routing before deploying."}
            $ aws lambda update-alias --function-name f --name live --routing-config AdditionalVersionWeights={}
              FunctionVersion: "1"
              RoutingConfig: null
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
              deploymentId: "d-ZXSYR3K8H"
            $ aws deploy get-deployment --deployment-id d-ZXSYR3K8H
              deploymentInfo.status: "Succeeded"
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "2"
              RoutingConfig: null
        "#]],
    );
}

#[test]
fn a_stop_with_rollback_flips_the_alias_back() {
    check(
        &story(
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --no-rollback  # => deploymentId
            sim advance 3m
            aws deploy stop-deployment --deployment-id d-PGWPEKKDX --auto-rollback-enabled
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.rollbackInfo
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --no-rollback
              deploymentId: "d-PGWPEKKDX"
            $ sim advance 3m
            $ aws deploy stop-deployment --deployment-id d-PGWPEKKDX --auto-rollback-enabled
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "Stopped"
              deploymentInfo.rollbackInfo: {"rollbackDeploymentId":"d-TT48SG8SP","rollbackMessage":"Rolled back by deployment d-TT48SG8SP."}
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
        "#]],
    );
}

#[test]
fn deployments_that_cannot_start() {
    check(
        &story(
            r#"
            ! sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent1Minute
            ! sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce --alarm a1 --alarm a2 --alarm a3 --alarm a4 --alarm a5 --alarm a6 --alarm a7 --alarm a8 --alarm a9 --alarm a10 --alarm a11
            ! sim deploy nope --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
            ! sim deploy f --alias prod --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
            ! sim deploy f --alias live --target-version 7 --config CodeDeployDefault.LambdaAllAtOnce
            ! sim deploy f --alias live --target-version 2
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes  # => deploymentId
            ! sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
            ! aws deploy get-deployment --deployment-id d-NOTHERE00
            ! aws deploy get-deployment --deployment-id 42
            ! aws deploy get-deployment --deployment-id d-PGWPEKKDX --region us-east-1
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ ! sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent1Minute
              ! An error occurred (DeploymentConfigDoesNotExistException) when running the sim deploy directive: No deployment configuration found for name: CodeDeployDefault.LambdaCanary10Percent1Minute
            $ ! sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce --alarm a1 --alarm a2 --alarm a3 --alarm a4 --alarm a5 --alarm a6 --alarm a7 --alarm a8 --alarm a9 --alarm a10 --alarm a11
              ! An error occurred (AlarmsLimitExceededException) when running the sim deploy directive: The maximum number of alarms for a deployment group (10) was exceeded.
            $ ! sim deploy nope --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
              ! An error occurred (ResourceNotFoundException) when running the sim deploy directive: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:nope
            $ ! sim deploy f --alias prod --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
              ! An error occurred (ResourceNotFoundException) when running the sim deploy directive: Cannot find alias arn: arn:aws:lambda:eu-south-1:123456789012:function:f:prod
            $ ! sim deploy f --alias live --target-version 7 --config CodeDeployDefault.LambdaAllAtOnce
              ! An error occurred (ResourceNotFoundException) when running the sim deploy directive: Function not found: arn:aws:lambda:eu-south-1:123456789012:function:f:7
            $ ! sim deploy f --alias live --target-version 2
              ! usage: sim deploy <function> --alias <a> --target-version <n> --config <CodeDeployDefault.Lambda...> [--alarm <name>]... [--pre-traffic-hook <function>] [--post-traffic-hook <function>] [--no-rollback] [--region <r>]
              ! 
              ! sim: error: the following arguments are required: --config
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent5Minutes
              deploymentId: "d-PGWPEKKDX"
            $ ! sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaAllAtOnce
              ! An error occurred (DeploymentLimitExceededException) when running the sim deploy directive: The Deployment Group 'f-live' already has an active Deployment 'd-PGWPEKKDX'
            $ ! aws deploy get-deployment --deployment-id d-NOTHERE00
              ! An error occurred (DeploymentDoesNotExistException) when calling the GetDeployment operation: The deployment d-NOTHERE00 could not be found.
            $ ! aws deploy get-deployment --deployment-id 42
              ! An error occurred (InvalidDeploymentIdException) when calling the GetDeployment operation: Specified DeploymentId is not in the valid format: 42
            $ ! aws deploy get-deployment --deployment-id d-PGWPEKKDX --region us-east-1
              ! An error occurred (DeploymentDoesNotExistException) when calling the GetDeployment operation: The deployment d-PGWPEKKDX could not be found.
        "#]],
    );
}

// ---- How a runtime rollout meets a deployment: LAMBDA.md's table, one test per row ----

/// Auto on both: phase 2 moves both arms; the alarm stops the canary, but rolling the alias
/// back does not undo the runtime. The fix is pinning the version numbers (the alias is refused).
#[test]
fn auto_on_both_versions_phase_2_moves_both_arms() {
    check(
        &format!(
            "{}{ALARM}{}",
            r#"
            sim region eu-south-1
            sim timing --phase2-window 10m
            aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            sim relies-on f strict-tls
            aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            sim relies-on f strict-tls
            aws lambda create-alias --function-name f --name live --function-version 1
            sim traffic f 10 --qualifier live
            "#,
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent30Minutes --alarm f-canary-errors  # => deploymentId
            sim advance 5m
            sim release python3.9 --region eu-south-1 --changes strict-tls
            sim phase2 python3.9 --region eu-south-1
            sim advance 10m  # => RuntimeVersionChanges
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.errorInformation.code deploymentInfo.completeTime
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            aws lambda get-function-configuration --function-name f --qualifier 1  # => RuntimeVersionConfig.RuntimeVersionArn
            aws lambda invoke --function-name f --qualifier live out.json  # => FunctionError ExecutedVersion
            ! aws lambda put-runtime-management-config --function-name f --qualifier live --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
            aws lambda put-runtime-management-config --function-name f --qualifier 1 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}  # => UpdateRuntimeOn
            aws lambda put-runtime-management-config --function-name f --qualifier 2 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}  # => UpdateRuntimeOn
            aws lambda invoke --function-name f --qualifier live out.json  # => FunctionError ExecutedVersion
            "#
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ sim timing --phase2-window 10m
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ sim relies-on f strict-tls
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ sim relies-on f strict-tls
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ aws cloudwatch put-metric-alarm --alarm-name f-canary-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent30Minutes --alarm f-canary-errors
              deploymentId: "d-PGWPEKKDX"
            $ sim advance 5m
            $ sim release python3.9 --region eu-south-1 --changes strict-tls
            $ sim phase2 python3.9 --region eu-south-1
            $ sim advance 10m
              RuntimeVersionChanges: [{"FunctionArn":"arn:aws:lambda:eu-south-1:123456789012:function:f","From":"python:3.9.v14","To":"python:3.9.v15"},{"FunctionArn":"arn:aws:lambda:eu-south-1:123456789012:function:f:1","From":"python:3.9.v14","To":"python:3.9.v15"},{"FunctionArn":"arn:aws:lambda:eu-south-1:123456789012:function:f:2","From":"python:3.9.v14","To":"python:3.9.v15"}]
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "Stopped"
              deploymentInfo.errorInformation.code: "ALARM_ACTIVE"
              deploymentInfo.completeTime: "2023-01-23T00:09:00.000000+00:00"
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
            $ aws lambda invoke --function-name f --qualifier live out.json
              FunctionError: "Unhandled"
              ExecutedVersion: "1"
            $ ! aws lambda put-runtime-management-config --function-name f --qualifier live --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: The provided function name arn:aws:lambda:eu-south-1:123456789012:function:f:live is invalid. Aliases are not allowed.
            $ aws lambda put-runtime-management-config --function-name f --qualifier 1 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
              UpdateRuntimeOn: "Manual"
            $ aws lambda put-runtime-management-config --function-name f --qualifier 2 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
              UpdateRuntimeOn: "Manual"
            $ aws lambda invoke --function-name f --qualifier live out.json
              FunctionError: null
              ExecutedVersion: "1"
        "#]],
    );
}

/// FunctionUpdate on both: phase 2 moves neither; the new version picks the new runtime up when
/// it is published, so the canary compares code and runtime, and the rollback restores both.
#[test]
fn function_update_on_both_versions_the_canary_compares_code_and_runtime() {
    check(
        &format!(
            "{}{ALARM}{}",
            r#"
            sim region eu-south-1
            sim timing --phase2-window 10m
            aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
            sim relies-on f strict-tls
            aws lambda publish-version --function-name f  # => Version
            aws lambda create-alias --function-name f --name live --function-version 1
            sim traffic f 10 --qualifier live
            sim release python3.9 --region eu-south-1 --changes strict-tls
            sim phase2 python3.9 --region eu-south-1
            sim advance 10m  # => RuntimeVersionChanges
            aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish  # => Version RuntimeVersionConfig.RuntimeVersionArn
            sim relies-on f strict-tls
            aws lambda get-runtime-management-config --function-name f --qualifier 2  # => UpdateRuntimeOn
            "#,
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent30Minutes --alarm f-canary-errors  # => deploymentId
            sim advance 2m
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.errorInformation.code
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            aws lambda get-function-configuration --function-name f --qualifier 1  # => RuntimeVersionConfig.RuntimeVersionArn
            aws lambda invoke --function-name f --qualifier live out.json  # => FunctionError ExecutedVersion
            "#
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ sim timing --phase2-window 10m
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
            $ sim relies-on f strict-tls
            $ aws lambda publish-version --function-name f
              Version: "1"
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ sim release python3.9 --region eu-south-1 --changes strict-tls
            $ sim phase2 python3.9 --region eu-south-1
            $ sim advance 10m
              RuntimeVersionChanges: []
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
              Version: "2"
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
            $ sim relies-on f strict-tls
            $ aws lambda get-runtime-management-config --function-name f --qualifier 2
              UpdateRuntimeOn: "FunctionUpdate"
            $ aws cloudwatch put-metric-alarm --alarm-name f-canary-errors --namespace AWS/Lambda --metric-name Errors --statistic Sum --period 60 --evaluation-periods 1 --threshold 0 --comparison-operator GreaterThanThreshold --dimensions Name=FunctionName,Value=f Name=Resource,Value=f:live Name=ExecutedVersion,Value=2
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaCanary10Percent30Minutes --alarm f-canary-errors
              deploymentId: "d-PGWPEKKDX"
            $ sim advance 2m
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "Stopped"
              deploymentInfo.errorInformation.code: "ALARM_ACTIVE"
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ aws lambda invoke --function-name f --qualifier live out.json
              FunctionError: null
              ExecutedVersion: "1"
        "#]],
    );
}

/// Manual on one, Auto on the other: only one arm moves, and the alias spans two runtime versions.
#[test]
fn manual_on_one_version_only_the_other_arm_moves() {
    check(
        r#"
        sim region eu-south-1
        sim timing --phase2-window 10m
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
        aws lambda put-runtime-management-config --function-name f --qualifier 1 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
        aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={2=0.5}
        sim release python3.9 --region eu-south-1
        sim phase2 python3.9 --region eu-south-1
        sim advance 10m  # => RuntimeVersionChanges
        aws lambda get-function-configuration --function-name f --qualifier 1  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-function-configuration --function-name f --qualifier 2  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda invoke --function-name f --qualifier live out.json  # => ExecutedVersion
        aws lambda invoke --function-name f --qualifier live out.json  # => ExecutedVersion
        aws lambda invoke --function-name f --qualifier live out.json  # => ExecutedVersion
        sim logs f --filter INIT_START  # => events[].message
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ sim timing --phase2-window 10m
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda put-runtime-management-config --function-name f --qualifier 1 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 14}
            $ aws lambda create-alias --function-name f --name live --function-version 1 --routing-config AdditionalVersionWeights={2=0.5}
            $ sim release python3.9 --region eu-south-1
            $ sim phase2 python3.9 --region eu-south-1
            $ sim advance 10m
              RuntimeVersionChanges: [{"FunctionArn":"arn:aws:lambda:eu-south-1:123456789012:function:f","From":"python:3.9.v14","To":"python:3.9.v15"},{"FunctionArn":"arn:aws:lambda:eu-south-1:123456789012:function:f:2","From":"python:3.9.v14","To":"python:3.9.v15"}]
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ aws lambda get-function-configuration --function-name f --qualifier 2
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
            $ aws lambda invoke --function-name f --qualifier live out.json
              ExecutedVersion: "2"
            $ aws lambda invoke --function-name f --qualifier live out.json
              ExecutedVersion: "1"
            $ aws lambda invoke --function-name f --qualifier live out.json
              ExecutedVersion: "1"
            $ sim logs f --filter INIT_START
              events[].message: ["INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: {rv eu-south-1 python3.9 14}","INIT_START Runtime Version: python:3.9.v15\tRuntime Version ARN: {rv eu-south-1 python3.9 15}"]
        "#]],
    );
}

/// `sim stop-deployment` is `aws deploy stop-deployment` on one line of the playground's own.
#[test]
fn sim_stop_deployment() {
    check(
        &story(
            r#"
            sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute  # => deploymentId
            sim advance 2m
            sim stop-deployment d-PGWPEKKDX --no-rollback  # => status statusMessage
            aws deploy get-deployment --deployment-id d-PGWPEKKDX  # => deploymentInfo.status deploymentInfo.errorInformation.code deploymentInfo.rollbackInfo
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            ! sim stop-deployment d-PGWPEKKDX
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ sim deploy f --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute
              deploymentId: "d-PGWPEKKDX"
            $ sim advance 2m
            $ sim stop-deployment d-PGWPEKKDX --no-rollback
              status: "Pending"
              statusMessage: "Stopping Active deployment"
            $ aws deploy get-deployment --deployment-id d-PGWPEKKDX
              deploymentInfo.status: "Stopped"
              deploymentInfo.errorInformation.code: "MANUAL_STOP"
              deploymentInfo.rollbackInfo: null
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: {"AdditionalVersionWeights":{"2":0.3}}
            $ ! sim stop-deployment d-PGWPEKKDX
              ! An error occurred (DeploymentAlreadyCompletedException) when running the sim stop-deployment directive: The deployment d-PGWPEKKDX has already completed.
        "#]],
    );
}

/// CodeDeploy moves the alias with UpdateAlias, so Lambda's rule holds: both versions of a
/// weighted alias have one execution role.
#[test]
fn a_target_with_another_role_fails_the_deployment() {
    check(
        &story(
            r#"
            aws lambda update-function-configuration --function-name f --role arn:aws:iam::123456789012:role/other
            aws lambda publish-version --function-name f  # => Version
            sim deploy f --alias live --target-version 3 --config CodeDeployDefault.LambdaCanary10Percent5Minutes  # => deploymentId
            aws deploy get-deployment --deployment-id d-BR7L4D44Y  # => deploymentInfo.status deploymentInfo.errorInformation
            aws lambda get-alias --function-name f --name live  # => FunctionVersion RoutingConfig
            "#,
        ),
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip --publish
            $ aws lambda create-alias --function-name f --name live --function-version 1
            $ sim traffic f 10 --qualifier live
            $ aws lambda update-function-configuration --function-name f --role arn:aws:iam::123456789012:role/other
            $ aws lambda publish-version --function-name f
              Version: "3"
            $ sim deploy f --alias live --target-version 3 --config CodeDeployDefault.LambdaCanary10Percent5Minutes
              deploymentId: "d-BR7L4D44Y"
            $ aws deploy get-deployment --deployment-id d-BR7L4D44Y
              deploymentInfo.status: "Failed"
              deploymentInfo.errorInformation: {"code":"INVALID_LAMBDA_CONFIGURATION","message":"Specified versions must be associated with the same execution role"}
            $ aws lambda get-alias --function-name f --name live
              FunctionVersion: "1"
              RoutingConfig: null
        "#]],
    );
}
