//! The three update modes: Auto moves in both phases, FunctionUpdate only with the function's own
//! updates, Manual never.

use super::check::check;
use expect_test::expect;

#[test]
fn function_update_moves_latest_only_on_create_or_update() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
        sim release python3.9
        # No rollout phase moves FunctionUpdate:
        sim advance 10d  # => RuntimeVersionChanges
        # a configuration update does,
        aws lambda update-function-configuration --function-name f --timeout 30  # => RuntimeVersionConfig.RuntimeVersionArn
        sim release python3.9
        sim advance 1h
        # and so does a code update;
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        # a function created now starts on the region's newest version.
        aws lambda create-function --function-name g --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
            $ sim release python3.9
            $ sim advance 10d
              RuntimeVersionChanges: []
            $ aws lambda update-function-configuration --function-name f --timeout 30
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 15}"
            $ sim release python3.9
            $ sim advance 1h
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 16}"
            $ aws lambda create-function --function-name g --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://g.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 16}"
        "#]],
    );
}

#[test]
fn function_update_published_versions_never_move() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
        aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
        aws lambda publish-version --function-name f
        sim release python3.9
        sim advance 10d
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
        sim release python3.9
        sim advance 10d
        aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-function-configuration --function-name f --qualifier 1  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on FunctionUpdate
            $ aws lambda publish-version --function-name f
            $ sim release python3.9
            $ sim advance 10d
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
            $ sim release python3.9
            $ sim advance 10d
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v3.zip
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 16}"
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
        "#]],
    );
}

#[test]
fn manual_never_moves_through_releases_updates_or_phase_2() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
        aws lambda put-runtime-management-config --function-name f --qualifier 1 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
        sim release python3.9
        sim phase2 python3.9
        sim advance 10d
        aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
        sim release python3.9
        sim advance 10d  # => RuntimeVersionChanges
        aws lambda get-function-configuration --function-name f  # => RuntimeVersionConfig.RuntimeVersionArn
        aws lambda get-function-configuration --function-name f --qualifier 1  # => RuntimeVersionConfig.RuntimeVersionArn
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ aws lambda put-runtime-management-config --function-name f --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
            $ aws lambda put-runtime-management-config --function-name f --qualifier 1 --update-runtime-on Manual --runtime-version-arn {rv eu-south-1 python3.9 13}
            $ sim release python3.9
            $ sim phase2 python3.9
            $ sim advance 10d
            $ aws lambda update-function-code --function-name f --zip-file fileb://f-v2.zip
            $ sim release python3.9
            $ sim advance 10d
              RuntimeVersionChanges: []
            $ aws lambda get-function-configuration --function-name f
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
            $ aws lambda get-function-configuration --function-name f --qualifier 1
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 13}"
        "#]],
    );
}

#[test]
fn auto_published_versions_move_in_phase_2() {
    // Phase 1 lasts 2 days and phase 2 spreads over the 3 days after.
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
        sim release python3.9
        sim advance 47h  # => RuntimeVersionChanges
        sim advance 73h  # => RuntimeVersionChanges[].FunctionArn RuntimeVersionChanges[].To
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip --publish
            $ sim release python3.9
            $ sim advance 47h
              RuntimeVersionChanges: []
            $ sim advance 73h
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:f","arn:aws:lambda:eu-south-1:123456789012:function:f:1"]
              RuntimeVersionChanges[].To: ["python:3.9.v15","python:3.9.v15"]
        "#]],
    );
}

#[test]
fn a_version_published_during_phase_2_still_gets_moved() {
    check(
        r#"
        sim region eu-south-1
        aws lambda create-function --function-name f0 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f0.zip
        aws lambda create-function --function-name f1 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f1.zip
        aws lambda create-function --function-name f2 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f2.zip
        aws lambda create-function --function-name f3 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f3.zip
        sim release python3.9
        # Two days of phase 1, then half of phase 2: f2 has moved, f3 not yet.
        sim advance 84h  # => RuntimeVersionChanges[].FunctionArn
        aws lambda publish-version --function-name f3  # => Version RuntimeVersionConfig.RuntimeVersionArn
        sim advance 3d  # => RuntimeVersionChanges[].FunctionArn RuntimeVersionChanges[].To
        "#,
        expect![[r#"
            $ sim region eu-south-1
            $ aws lambda create-function --function-name f0 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f0.zip
            $ aws lambda create-function --function-name f1 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f1.zip
            $ aws lambda create-function --function-name f2 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f2.zip
            $ aws lambda create-function --function-name f3 --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f3.zip
            $ sim release python3.9
            $ sim advance 84h
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:f2"]
            $ aws lambda publish-version --function-name f3
              Version: "1"
              RuntimeVersionConfig.RuntimeVersionArn: "{rv eu-south-1 python3.9 14}"
            $ sim advance 3d
              RuntimeVersionChanges[].FunctionArn: ["arn:aws:lambda:eu-south-1:123456789012:function:f0","arn:aws:lambda:eu-south-1:123456789012:function:f1","arn:aws:lambda:eu-south-1:123456789012:function:f3","arn:aws:lambda:eu-south-1:123456789012:function:f3:1"]
              RuntimeVersionChanges[].To: ["python:3.9.v15","python:3.9.v15","python:3.9.v15","python:3.9.v15"]
        "#]],
    );
}
