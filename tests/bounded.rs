//! Issue 8's findings, one story each: hostile or huge input ends in a clear error or a bounded
//! result, never a crash, a hang or memory that only grows. Each check is a script and the
//! transcript it must print (`$ <line>` and the output, as the scenario runner prints it).
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use lambda_runtime_playground::app::{report, Session, KEPT_RESULTS, MAX_LINE_BYTES, MAX_SCRIPT_COMMANDS};

const CREATE: &str = "aws lambda create-function --function-name f --runtime python3.9 \
    --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip";

/// Runs `script` after creating `f` (its output left out) and compares the rest of the transcript.
fn check(script: &str, expected: &str) {
    let mut session = Session::new();
    session.run_line(CREATE);
    let results = session.run_script(script);
    let got = report::transcript(&results);
    assert_eq!(got.trim_end(), expected.trim(), "\n--- got ---\n{got}");
}

/// The last line a script printed.
fn last_printed(session: &mut Session, script: &str) -> String {
    session.run_script(script).pop().expect("a line ran").printed
}

fn under(limit: Duration, what: &str, f: impl FnOnce()) {
    let started = Instant::now();
    f();
    let took = started.elapsed();
    assert!(took < limit, "{what} took {took:?} (limit {limit:?})");
}

#[test]
fn durations_too_long_for_any_clock_are_out_of_range() {
    check(
        "sim advance 99999999999999999999d\n\
         sim expire python3.9 14 --after 99999999999999999999d\n\
         sim timing --phase1 400d",
        r#"
$ sim advance 99999999999999999999d
usage: sim advance <duration>

sim: error: argument <duration>: 99999999999999999999d is more than the 3650d one step may advance

$ sim expire python3.9 14 --after 99999999999999999999d
usage: sim expire <runtime> <version-number> --after <duration>

sim: error: argument --after: 99999999999999999999d is more than the 3650d the playground allows

$ sim timing --phase1 400d
usage: sim timing [--region-stagger <duration>] [--phase1 <duration>] [--phase2-window <duration>]

sim: error: argument --phase1: 400d is more than the 365d the playground allows
"#,
    );
}

#[test]
fn huge_integers_are_echoed_as_given() {
    check(
        "aws lambda update-function-configuration --function-name f --timeout 1_000_000_000_000_000_000_000_000_000_000_000_000_000",
        r#"
$ aws lambda update-function-configuration --function-name f --timeout 1_000_000_000_000_000_000_000_000_000_000_000_000_000
An error occurred (ValidationException) when calling the UpdateFunctionConfiguration operation: 1 validation error detected: Value '1000000000000000000000000000000000000000' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900
"#,
    );
}

#[test]
fn the_clock_stays_within_simulated_time() {
    let mut s = Session::new();
    let printed = last_printed(&mut s, "sim clock 0000-01-01T00:00:00+01:00");
    assert!(printed.ends_with(
        "sim: error: argument <time>: 0000-01-01T00:00:00+01:00 is outside simulated time \
         (1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z)"
    ));
    last_printed(&mut s, "sim clock 2199-12-01T00:00:00Z");
    assert!(last_printed(&mut s, "sim advance 60d").contains("the clock would pass 2200-01-01T00:00:00Z"));
    assert_eq!(s.now().rfc3339(), "2199-12-01T00:00:00Z", "a refused advance leaves the clock");
    s.advance_clock(i64::MAX);
    assert_eq!(s.now().rfc3339(), "2200-01-01T00:00:00Z", "the UI's clock stops at the end");
    assert_eq!(s.script().last().unwrap(), "sim advance 31d", "the move it made is a step");
}

#[test]
fn logs_of_f_latest_are_only_latest_logs() {
    let mut s = Session::new();
    s.run_script(&format!(
        "{CREATE}\naws lambda publish-version --function-name f\n\
         aws lambda invoke --function-name f:1 out.json\naws lambda invoke --function-name f out.json"
    ));
    let streams = |script: &str, s: &mut Session| -> Vec<String> {
        let r = s.run_line(script);
        let events = r.output().expect("logs")["events"].as_array().cloned().unwrap_or_default();
        let mut names: Vec<String> =
            events.iter().map(|e| e["logStreamName"].as_str().unwrap_or_default().to_string()).collect();
        names.dedup();
        names
    };
    let all = streams("sim logs f", &mut s);
    let latest = streams("sim logs 'f:$LATEST'", &mut s);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(latest.len(), 1, "{latest:?}");
    assert!(latest[0].contains("[$LATEST]"), "{latest:?}");
    assert_eq!(streams("sim logs f --qualifier '$LATEST'", &mut s), latest);
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_line() {
    let results = Session::new().run_script("\u{feff}help\n");
    assert!(results[0].ok(), "{}", results[0].printed);
    assert_eq!(results[0].command, "help");
}

#[test]
fn releases_per_runtime_are_bounded() {
    let mut s = Session::new();
    let results = s.run_script(&"sim release python3.12\n".repeat(1_001));
    assert!(results[..1_000].iter().all(|r| r.ok()));
    assert_eq!(
        results[1_000].printed,
        "An error occurred (InvalidParameterValueException) when running the sim release directive: \
         The playground releases at most 1000 runtime versions of python3.12 in one session; start a new \
         session to explore more releases."
    );
}

#[test]
fn traffic_that_would_take_too_long_is_refused_up_front_with_advice() {
    // Five versions drawing every minute cannot advance ten years in one line.
    let mut s = Session::new();
    for i in 0..5 {
        s.run_line(&CREATE.replace("-name f", &format!("-name f{i}")));
        s.run_line(&format!("sim traffic f{i} 0.5"));
    }
    let printed = last_printed(&mut s, "sim advance 3650d");
    assert!(
        printed.ends_with(
            "sim: error: 5 function versions run background traffic minute by minute (a fractional rate, or \
             failing invocations): advancing 3650d would simulate 26280000 minutes, more than the 20000000 one \
             line may. Advance at most 2777d at a time, or give the traffic a whole rate per minute (counted an \
             hour at a time)."
        ),
        "{printed}"
    );
    assert!(s.run_line("sim advance 1d").ok(), "a shorter step runs");
    // Whole rates are counted a bucket at a time: ten years in one line, fast.
    let mut s = Session::new();
    s.run_script(&format!("{CREATE}\nsim traffic f 60"));
    under(Duration::from_secs(5), "ten years at 60 a minute", || {
        let r = s.run_line("sim advance 3650d");
        assert!(r.ok(), "{}", r.printed);
    });
}

#[test]
fn metrics_of_a_century_of_traffic_stay_small() {
    let mut s = Session::new();
    s.run_script(&format!("{CREATE}\nsim traffic f 1"));
    for _ in 0..17 {
        assert!(s.run_line("sim advance 3650d").ok());
    }
    let lambda = s.history().live();
    let id = lambda.resolve("us-east-1", "f", None).expect("f exists");
    let metrics = &lambda.version(id).expect("created above").metrics;
    assert_eq!(metrics.totals().invocations, (17 * 3650 * 24 * 60) as u64);
    // Two weeks by the hour, a year by the day, then 13 buckets a year (was 24 * 365 a year).
    assert!(metrics.len() < 3_000, "{} buckets for 170 years", metrics.len());
}

#[test]
fn a_session_keeps_the_newest_results_only() {
    let mut s = Session::new();
    let mut count = 0;
    // A line that prints little: the byte budget has its own test.
    s.run_script_each(&"aws lambda list-functions\n".repeat(KEPT_RESULTS + 500), |_| count += 1);
    assert_eq!(count, KEPT_RESULTS + 500);
    assert_eq!(s.lines_run(), KEPT_RESULTS + 500);
    assert_eq!(s.transcript().len(), KEPT_RESULTS);
    assert_eq!(s.transcript().back().map(|r| r.line), Some(KEPT_RESULTS + 500));
    assert_eq!(s.run_line("aws lambda list-functions").line, KEPT_RESULTS + 501, "console lines number on");
}

#[test]
fn long_values_and_long_continuations_parse_in_linear_time() {
    let pairs: String = (0..62_500).map(|i| format!("k{i}=v")).collect::<Vec<_>>().join(",");
    let variables: String = (0..120_000).map(|i| format!("K{i}=v")).collect::<Vec<_>>().join(",");
    let mut s = Session::new();
    s.run_line(CREATE);
    under(Duration::from_secs(10), "62,500 shorthand pairs", || {
        s.run_line(&format!("aws lambda update-function-configuration --function-name f --environment {pairs}"));
    });
    under(Duration::from_secs(10), "120,000 variables", || {
        s.run_line(&format!(
            "aws lambda update-function-configuration --function-name f --environment Variables={{{variables}}}"
        ));
    });
    under(Duration::from_secs(10), "212,500 continued lines", || {
        let script = format!("help \\\n{}\n", "x \\\n".repeat(212_500));
        let results = Session::new().run_script(&script);
        assert_eq!(results.len(), 1);
    });
}

#[test]
fn lines_and_scripts_have_a_length_limit() {
    let mut s = Session::new();
    let long = format!("aws lambda get-function --function-name {}", "x".repeat(MAX_LINE_BYTES));
    let r = s.run_line(&long);
    assert_eq!(
        r.printed,
        format!("The line is {} bytes long; the playground runs lines of at most 1048576 bytes (1 MiB).", long.len())
    );
    assert!(r.command.len() < 300, "the transcript keeps only the line's start");
    let mut last = None;
    let mut count = 0;
    Session::new().run_script_each(&"cat missing\n".repeat(MAX_SCRIPT_COMMANDS + 2), |r| {
        count += 1;
        last = Some(r);
    });
    assert_eq!(count, MAX_SCRIPT_COMMANDS + 1);
    let last = last.expect("a last line");
    assert_eq!((last.line, last.ok()), (MAX_SCRIPT_COMMANDS + 1, false));
    assert_eq!(
        last.printed,
        "The script has 250002 commands; the playground runs at most 250000 from one script and stopped \
         before line 250001. Split it into several scripts."
    );
}

#[test]
fn results_that_print_a_lot_are_kept_within_a_byte_budget() {
    let mut s = Session::new();
    s.run_line(CREATE);
    let payload = format!("{{\"k\": \"{}\"}}", "v".repeat(900_000));
    for _ in 0..40 {
        s.run_line(&format!(
            "aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload '{payload}' out.json"
        ));
        s.run_line("cat out.json");
    }
    assert!(s.transcript().len() < 40, "{} results kept", s.transcript().len());
    assert_eq!(s.lines_run(), 81);
}

/// The hostile sample's JSON lines are reviewed once (`UPDATE_GOLDEN=1`); the browser test
/// `hostile_input_prints_what_the_native_runner_prints` compares the wasm build with the same file.
#[test]
fn hostile_sample_matches_its_golden_json_lines() {
    let text = include_str!("hostile.scenario");
    let results = Session::new().run_script(text);
    assert!(results.iter().all(|r| r.met_expectation()), "every line meets its expectation");
    let jsonl: String = results.iter().map(|r| report::json_line(r) + "\n").collect();
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/hostile.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, &jsonl).expect("write the golden file");
    }
    assert_eq!(jsonl, std::fs::read_to_string(golden).unwrap_or_default(), "rerun with UPDATE_GOLDEN=1 and review");
}

/// Deleted stacks are listed, but a script that deletes stacks in a loop keeps the newest 1,000.
#[test]
fn deleted_stacks_are_kept_to_a_bound() {
    let mut s = Session::new();
    s.run_script("cat > t.yaml <<'EOF'\nResources:\n  A:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      AlarmName: !Sub '${AWS::StackName}-a'\n      Namespace: AWS/Lambda\n      MetricName: Errors\n      Statistic: Sum\n      Period: 60\n      EvaluationPeriods: 1\n      Threshold: 0\n      ComparisonOperator: GreaterThanThreshold\nEOF");
    for i in 0..1_005 {
        assert!(s.run_line(&format!("aws cloudformation deploy --template-file t.yaml --stack-name s{i}")).ok());
        assert!(s.run_line(&format!("aws cloudformation delete-stack --stack-name s{i}")).ok());
    }
    let listed = s.run_line("aws cloudformation list-stacks");
    let json: serde_json::Value = serde_json::from_str(&listed.printed).expect("JSON");
    let names = json["StackSummaries"].as_array().expect("a list");
    assert_eq!(names.len(), 1_000);
    assert_eq!(names[0]["StackName"], "s1004", "newest first");
}
