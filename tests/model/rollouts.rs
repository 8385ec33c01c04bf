//! Releases and their two-phase rollouts, region by region; `sim phase2`, `sim policy`,
//! `sim timing`, releases to chosen regions.

use super::check::check;
use expect_test::expect;

#[test]
fn releases_roll_out_region_by_region_in_catalogue_order() {
    // A day apart; an update gets the new version from its region's phase 1 on, not a
    // millisecond before.
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region ap-southeast-2
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-west-2
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-east-1
        sim release python3.9  # => RuntimeVersion Regions[].Region Regions[].Phase1Start
        aws lambda update-function-code --function-name f --zip-file fileb://on-time-0.zip --region eu-south-1  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 86399999ms
        aws lambda update-function-code --function-name f --zip-file fileb://early-1.zip --region ap-southeast-2  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 1ms
        aws lambda update-function-code --function-name f --zip-file fileb://on-time-1.zip --region ap-southeast-2  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 86399999ms
        aws lambda update-function-code --function-name f --zip-file fileb://early-2.zip --region eu-west-1  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 1ms
        aws lambda update-function-code --function-name f --zip-file fileb://on-time-2.zip --region eu-west-1  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 86399999ms
        aws lambda update-function-code --function-name f --zip-file fileb://early-3.zip --region us-west-2  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 1ms
        aws lambda update-function-code --function-name f --zip-file fileb://on-time-3.zip --region us-west-2  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 86399999ms
        aws lambda update-function-code --function-name f --zip-file fileb://early-4.zip --region us-east-1  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 1ms
        aws lambda update-function-code --function-name f --zip-file fileb://on-time-4.zip --region us-east-1  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region ap-southeast-2
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-west-2
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-east-1
            $ sim release python3.9
              RuntimeVersion: "python:3.9.v15"
              Regions[].Region: ["eu-south-1","ap-southeast-2","eu-west-1","us-west-2","us-east-1"]
              Regions[].Phase1Start: ["2023-01-23T00:00:00Z","2023-01-24T00:00:00Z","2023-01-25T00:00:00Z","2023-01-26T00:00:00Z","2023-01-27T00:00:00Z"]
            $ aws lambda update-function-code --function-name f --zip-file fileb://on-time-0.zip --region eu-south-1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
            $ sim advance 86399999ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://early-1.zip --region ap-southeast-2
              RuntimeVersionConfig.RuntimeVersionArn: "{rv ap-southeast-2 python3.9 14}"
            $ sim advance 1ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://on-time-1.zip --region ap-southeast-2
              RuntimeVersionConfig.RuntimeVersionArn: "{rv ap-southeast-2 python3.9 15}"
            $ sim advance 86399999ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://early-2.zip --region eu-west-1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-west-1 python3.9 14}"
            $ sim advance 1ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://on-time-2.zip --region eu-west-1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-west-1 python3.9 15}"
            $ sim advance 86399999ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://early-3.zip --region us-west-2
              RuntimeVersionConfig.RuntimeVersionArn: "{rv us-west-2 python3.9 14}"
            $ sim advance 1ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://on-time-3.zip --region us-west-2
              RuntimeVersionConfig.RuntimeVersionArn: "{rv us-west-2 python3.9 15}"
            $ sim advance 86399999ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://early-4.zip --region us-east-1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv us-east-1 python3.9 14}"
            $ sim advance 1ms
            $ aws lambda update-function-code --function-name f --zip-file fileb://on-time-4.zip --region us-east-1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv us-east-1 python3.9 15}"
        "#]],
    );
}

#[test]
fn a_release_to_chosen_regions_keeps_the_catalogue_order_and_leaves_the_others() {
    check(
        r#"
        sim release python3.9 --region us-east-1 --region eu-south-1  # => Regions[].Region
        sim release nodejs18.x --region eu-west-1  # => Regions[].Region
        "#,
        expect![[r#"
            $ sim release python3.9 --region us-east-1 --region eu-south-1
              Regions[].Region: ["eu-south-1","us-east-1"]
            $ sim release nodejs18.x --region eu-west-1
              Regions[].Region: ["eu-west-1"]
        "#]],
    );
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
        sim release python3.9 --region eu-west-1
        sim advance 10d  # => RuntimeVersionChanges[].FunctionArn RuntimeVersionChanges[].To
        # An update finds nothing newer in eu-south-1, nor does a create, nor a pin.
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda create-function --function-name g --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 15}
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
            $ sim release python3.9 --region eu-west-1
            $ sim advance 10d
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:eu-west-1:123456789012:function:f"]
              RuntimeVersionChanges[].To: ["python:3.9.v15"]
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ aws lambda create-function --function-name g --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ ! aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 15}
              ! An error occurred (InvalidParameterValueException) when calling the PutRuntimeManagementConfig operation: Runtime version python:3.9.v15 is not yet released in eu-south-1.
        "#]],
    );
}

#[test]
fn phase_1_does_not_move_untouched_functions() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name auto --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://auto.zip --publish
        aws lambda create-function --function-name fu --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://fu.zip
        aws lambda put-runtime-management-config --function-name fu --update-runtime-on FunctionUpdate
        aws lambda create-function --function-name touched --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://touched.zip
        sim release python3.9
        sim advance 1d
        aws lambda update-function-code --function-name touched --zip-file fileb://touched-v2.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        sim advance 86399999ms  # => RuntimeVersionChanges
        aws lambda get-function-configuration --function-name auto  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-function-configuration --function-name auto --qualifier 1  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-function-configuration --function-name fu  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name auto --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://auto.zip --publish
            $ aws lambda create-function --function-name fu --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://fu.zip
            $ aws lambda put-runtime-management-config --function-name fu --update-runtime-on FunctionUpdate
            $ aws lambda create-function --function-name touched --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://touched.zip
            $ sim release python3.9
            $ sim advance 1d
            $ aws lambda update-function-code --function-name touched --zip-file fileb://touched-v2.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
            $ sim advance 86399999ms
              RuntimeVersionChanges: []
            $ aws lambda get-function-configuration --function-name auto
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ aws lambda get-function-configuration --function-name auto --qualifier 1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ aws lambda get-function-configuration --function-name fu
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
        "#]],
    );
}

#[test]
fn sim_phase2_starts_phase_2_now_in_every_region_or_one() {
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-east-1
        sim release python3.9
        sim phase2 python3.9  # => Phase2StartedIn
        # us-east-1's own phase 2 would have begun only after four staggers and phase 1.
        sim advance 3d  # => RuntimeVersionChanges[].FunctionArn RuntimeVersionChanges[].To
        ! sim phase2 python3.9
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-east-1
            $ sim release python3.9
            $ sim phase2 python3.9
              Phase2StartedIn: ["eu-south-1","ap-southeast-2","eu-west-1","us-west-2","us-east-1"]
            $ sim advance 3d
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:f","arn:aws:lambda:us-east-1:123456789012:function:f"]
              RuntimeVersionChanges[].To: ["python:3.9.v15","python:3.9.v15"]
            $ ! sim phase2 python3.9
              ! An error occurred (InvalidParameterValueException) when running the sim phase2 directive: Phase 2 of this rollout has already started in every region.
        "#]],
    );
    check(
        r#"
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-east-1
        sim release python3.9
        sim phase2 python3.9 --region us-east-1  # => Phase2StartedIn
        # eu-west-1 is third: its phase 2 starts after two staggers and phase 1 (4 days).
        sim advance 3d  # => RuntimeVersionChanges[].FunctionArn RuntimeVersionChanges[].To
        ! sim phase2 nodejs18.x
        "#,
        expect![[r#"
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region eu-west-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --region us-east-1
            $ sim release python3.9
            $ sim phase2 python3.9 --region us-east-1
              Phase2StartedIn: ["us-east-1"]
            $ sim advance 3d
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:us-east-1:123456789012:function:f"]
              RuntimeVersionChanges[].To: ["python:3.9.v15"]
            $ ! sim phase2 nodejs18.x
              ! An error occurred (InvalidParameterValueException) when running the sim phase2 directive: No runtime version of nodejs18.x is rolling out.
        "#]],
    );
}

#[test]
fn the_legacy_policy_moves_a_whole_region_at_once_on_its_start() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name a --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://a.zip --publish
        aws lambda create-function --function-name b --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://b.zip
        aws lambda create-function --function-name c --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://c.zip --region ap-southeast-2
        sim policy legacy  # => RolloutPolicy
        sim release python3.9  # => RolloutPolicy RuntimeVersionChanges[].FunctionArn
        sim advance 86399999ms  # => RuntimeVersionChanges
        sim advance 1ms  # => RuntimeVersionChanges[].FunctionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name a --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://a.zip --publish
            $ aws lambda create-function --function-name b --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://b.zip
            $ aws lambda create-function --function-name c --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://c.zip --region ap-southeast-2
            $ sim policy legacy
              RolloutPolicy: "Legacy"
            $ sim release python3.9
              RolloutPolicy: "Legacy"
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:a","arn:aws:lambda:eu-south-1:123456789012:function:a:1","arn:aws:lambda:eu-south-1:123456789012:function:b"]
            $ sim advance 86399999ms
              RuntimeVersionChanges: []
            $ sim advance 1ms
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:ap-southeast-2:123456789012:function:c"]
        "#]],
    );
    check(
        r#"
        sim region us-east-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        sim policy legacy
        # us-east-1 is last in the stagger; phase 2 now moves it at once.
        sim release python3.9  # => RuntimeVersionChanges
        sim phase2 python3.9 --region us-east-1  # => RuntimeVersionChanges[].To
        "#,
        expect![[r#"
            $ sim region us-east-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ sim policy legacy
            $ sim release python3.9
              RuntimeVersionChanges: null
            $ sim phase2 python3.9 --region us-east-1
              RuntimeVersionChanges[].To: ["python:3.9.v15"]
        "#]],
    );
}

#[test]
fn rollout_timing_is_configurable_for_later_releases() {
    check(
        r#"
        sim timing --region-stagger 2h --phase1 6h --phase2-window 1h  # => RegionStagger Phase1 Phase2Window
        sim release python3.9  # => Regions[0] Regions[1].Phase1Start
        ! sim timing --phase2-window 1s
        sim timing  # => Phase2Window
        "#,
        expect![[r#"
            $ sim timing --region-stagger 2h --phase1 6h --phase2-window 1h
              RegionStagger: "7200s"
              Phase1: "21600s"
              Phase2Window: "3600s"
            $ sim release python3.9
              Regions[0]: {"Region":"eu-south-1","Phase1Start":"2023-01-23T00:00:00Z","Phase2Start":"2023-01-23T06:00:00Z","Phase2End":"2023-01-23T07:00:00Z"}
              Regions[1].Phase1Start: "2023-01-23T02:00:00Z"
            $ ! sim timing --phase2-window 1s
              ! An error occurred (InvalidParameterValueException) when running the sim timing directive: The phase 2 window must be between 60s and 365d.
            $ sim timing
              Phase2Window: "3600s"
        "#]],
    );
}

#[test]
fn a_release_after_expiring_an_old_version_gets_the_next_number() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
        sim expire python3.9 13 --after 1d
        sim release python3.9  # => RuntimeVersion
        aws lambda create-function --function-name g --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
            $ sim expire python3.9 13 --after 1d
            $ sim release python3.9
              RuntimeVersion: "python:3.9.v15"
            $ aws lambda create-function --function-name g --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
        "#]],
    );
}
