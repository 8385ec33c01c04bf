//! Every scenario in `scenarios/` runs through the console's session and meets its expectations;
//! its transcript matches the reviewed golden file; the runner binary honours its contract.
//!
//! Golden transcripts live in `tests/golden/<scenario name>.txt` and are compared exactly, so a
//! change in what a line prints shows up as a diff to review. After an intended change, rewrite
//! them with `UPDATE_GOLDEN=1 cargo test --test scenarios` and review `git diff tests/golden`.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use lambda_runtime_playground::app::scenario::{tour, BUILTIN};
use lambda_runtime_playground::app::{report, LineResult, Session};
use lambda_runtime_playground::model::arn::resolve_runtime_version_arn;
use lambda_runtime_playground::model::catalogue::Catalogue;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "scenario"))
        .collect();
    lambda_runtime_playground::model::order::sort(&mut files);
    files
}

fn name(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).expect("a UTF-8 file name").to_string()
}

fn run(path: &Path) -> Vec<LineResult> {
    let text = std::fs::read_to_string(path).expect("readable scenario");
    Session::new().run_script(&text)
}

#[test]
fn there_are_the_three_launch_post_scenarios_and_the_canary() {
    let names: Vec<String> = scenario_files().iter().map(|p| name(p)).collect();
    for id in [
        "two-phase-rollout",
        "function-update-mode",
        "manual-rollback",
        "runtime-update-during-canary",
        "runtime-settings-in-sam",
    ] {
        assert!(names.iter().any(|n| n == id), "scenarios/{id}.scenario is missing");
    }
}

#[test]
fn every_line_of_every_scenario_meets_its_expectation() {
    for path in scenario_files() {
        let results = run(&path);
        assert!(!results.is_empty(), "{} runs no command", path.display());
        let misses: Vec<String> = results.iter().filter_map(report::miss).collect();
        assert!(misses.is_empty(), "{}:\n{}", path.display(), misses.join("\n"));
        // Every failure, expected or not, prints the CLI's text and carries an error.
        for r in results.iter().filter(|r| !r.ok()) {
            assert!(!r.printed.is_empty() && r.error().is_some(), "line {}", r.line);
        }
    }
}

#[test]
fn transcripts_match_the_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut stale = Vec::new();
    for path in scenario_files() {
        let transcript = report::transcript(&run(&path));
        let golden = root().join("tests/golden").join(format!("{}.txt", name(&path)));
        if update {
            std::fs::create_dir_all(golden.parent().expect("a parent")).expect("create tests/golden");
            std::fs::write(&golden, &transcript).expect("write golden");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        if want != transcript {
            let first = want.lines().zip(transcript.lines()).position(|(a, b)| a != b);
            stale.push(format!("{} (first difference at line {})", golden.display(), first.map_or(0, |i| i + 1)));
        }
    }
    assert!(stale.is_empty(), "transcripts changed; rerun with UPDATE_GOLDEN=1 and review:\n{}", stale.join("\n"));
}

#[test]
fn builtin_scenarios_are_the_files() {
    for (id, title, text) in BUILTIN {
        let file = std::fs::read_to_string(root().join(format!("scenarios/{id}.scenario"))).expect("file");
        assert_eq!(*text, file, "{id}");
        let t = tour(text);
        assert!(!title.is_empty() && t.steps.len() >= 3, "{id}");
        // The tour runs the same commands as the script, in the same order.
        let from_tour: Vec<usize> = t.steps.iter().flat_map(|s| s.lines.iter().map(|l| l.line)).collect();
        let from_run: Vec<usize> = Session::new().run_script(text).iter().map(|r| r.line).collect();
        assert_eq!(from_tour, from_run, "{id}");
    }
}

#[test]
fn runtime_version_arns_in_scenarios_name_released_versions() {
    let catalogue = Catalogue::builtin();
    for path in scenario_files() {
        let text = std::fs::read_to_string(&path).expect("readable");
        for arn in text.split_whitespace().filter(|w| w.contains("::runtime:")) {
            let found = resolve_runtime_version_arn(catalogue, arn, |rt| {
                catalogue.runtime(rt).map(|r| r.versions.clone()).unwrap_or_default()
            })
            .expect("a well-formed ARN");
            assert!(found.is_some(), "{}: {arn} names no released runtime version", path.display());
        }
    }
}

fn runner(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_scenario")).args(args).output().expect("run the scenario binary");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_runner_prints_the_same_transcript_and_json_lines() {
    let path = root().join("scenarios/manual-rollback.scenario");
    let p = path.to_str().expect("UTF-8 path");
    let (code, stdout, stderr) = runner(&[p]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, report::transcript(&run(&path)));

    let (code, stdout, _) = runner(&[p, "--format", "jsonl"]);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), run(&path).len());
    for l in &lines {
        assert!(l["line"].is_u64() && l["command"].is_string() && l["ok"].is_boolean(), "{l}");
        if l["ok"] == true {
            assert!(l.get("error").is_none());
        } else {
            assert!(l["error"]["code"].is_string() && l["error"]["message"].is_string());
            assert!(l["error"]["status"].is_u64());
        }
    }
    assert!(lines.iter().any(|l| l["ok"] == false && l["error"]["status"] == 400));
}

#[test]
fn the_runner_exit_status() {
    let dir = std::env::temp_dir().join(format!("scenario-runner-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let write = |file: &str, text: &str| {
        let p = dir.join(file);
        std::fs::write(&p, text).expect("write");
        p.to_str().expect("UTF-8").to_string()
    };
    let good = write("good.scenario", "sim region eu-west-1\n! aws lambda get-function --function-name nope\n");
    assert_eq!(runner(&[&good]).0, 0);
    let (code, _, stderr) = runner(&[&write("bad.scenario", "aws lambda get-function --function-name nope\n")]);
    assert_eq!(code, 1);
    assert!(stderr.contains("line 1: failed") && stderr.contains("Function not found"), "{stderr}");
    let unexpected = write("unexpected.scenario", "! aws lambda list-functions\n");
    let (code, _, stderr) = runner(&[&unexpected]);
    assert_eq!(code, 1);
    assert!(stderr.contains("expected to fail, but it succeeded"), "{stderr}");
    assert_eq!(runner(&[dir.join("missing.scenario").to_str().expect("UTF-8")]).0, 2);
    assert_eq!(runner(&[]).0, 2);
    assert_eq!(runner(&[&good, "--format", "yaml"]).0, 2);
    let _ = std::fs::remove_dir_all(&dir);
}
