//! The one function every snippet goes through: run a scenario in a fresh session, render a
//! compact transcript, compare it with the inline expectation (`UPDATE_EXPECT=1` rewrites it).
//!
//! The transcript shows each command as `$ line`, then:
//! - for a failed line, what the AWS CLI prints, after `!`;
//! - for a line ending in `# => Path Path ...`, those fields of its JSON output, one per line;
//!   `# => printed` shows the text it printed, each line after `|`.
//!   A path is keys joined by `.`; `Key[]` maps over an array, `Key[2]` picks an element;
//!   `LogResult|log` decodes the invocation log and prints its lines.
//!
//! `# =>` is a shell comment, so every snippet line runs as typed in the console.
//!
//! Runtime version ARNs read `{rv <region> <runtime> <number> [arm64]}` both ways: in a
//! snippet's commands they expand to the ARN, and in the transcript every ARN of a released
//! version is written so.

use expect_test::Expect;
use lambda_runtime_playground::app::script::{items, Item};
use lambda_runtime_playground::app::Session;
use lambda_runtime_playground::model::arn::runtime_version_arn;
use lambda_runtime_playground::model::digest::python_b64decode;
use lambda_runtime_playground::model::Lambda;
use serde_json::Value;

/// Every runtime version ARN a snippet may meet (catalogue versions and a few releases), with
/// its readable form, longest first.
fn known_arns() -> &'static [(String, String)] {
    static ARNS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    ARNS.get_or_init(arns)
}

fn arns() -> Vec<(String, String)> {
    let lambda = Lambda::new(lambda_runtime_playground::model::time::DEFAULT_CLOCK, 1);
    let catalogue = lambda.catalogue();
    let mut out = Vec::new();
    for (rt, r) in catalogue.runtime_ids() {
        let newest = lambda.runtime_versions(rt).last().copied().unwrap_or(0);
        for n in 1..=newest + 6 {
            for region in &catalogue.regions {
                for arch in ["x86_64", "arm64"] {
                    let suffix = if arch == "arm64" { " arm64" } else { "" };
                    out.push((
                        runtime_version_arn(region, &r.id, n, arch),
                        format!("{{rv {region} {} {n}{suffix}}}", r.id),
                    ));
                }
            }
        }
    }
    out
}

/// `{rv eu-south-1 python3.9 13}` in a command, as the ARN.
fn expand(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(start) = out.find("{rv ") {
        let Some(len) = out[start..].find('}') else { break };
        let words: Vec<&str> = out[start + 4..start + len].split_whitespace().collect();
        let arn = match words[..] {
            [region, runtime, n] => runtime_version_arn(region, runtime, n.parse().unwrap_or(0), "x86_64"),
            [region, runtime, n, arch] => runtime_version_arn(region, runtime, n.parse().unwrap_or(0), arch),
            _ => panic!("{{rv <region> <runtime> <number> [arm64]}}, not {}", &out[start..=start + len]),
        };
        out.replace_range(start..=start + len, &arn);
    }
    out
}

fn select(v: &Value, path: &str) -> Value {
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    let (key, index) = match head.split_once('[') {
        Some((k, i)) => (k, Some(i.trim_end_matches(']'))),
        None => (head, None),
    };
    let field = if key.is_empty() { v.clone() } else { v.get(key).cloned().unwrap_or(Value::Null) };
    let next = |v: &Value| rest.map_or_else(|| v.clone(), |r| select(v, r));
    match index {
        None => next(&field),
        Some("") => Value::Array(field.as_array().map(|a| a.iter().map(next).collect()).unwrap_or_default()),
        Some(i) => i.parse::<usize>().ok().and_then(|i| field.get(i)).map_or(Value::Null, next),
    }
}

fn show(out: &mut String, output: &Value, path: &str) {
    if let Some(field) = path.strip_suffix("|log") {
        let text = select(output, field).as_str().and_then(python_b64decode).unwrap_or_default();
        out.push_str(&format!("  {field}:\n"));
        for line in String::from_utf8_lossy(&text).lines() {
            out.push_str(&format!("    {line}\n"));
        }
        return;
    }
    out.push_str(&format!("  {path}: {}\n", select(output, path)));
}

/// A snippet's here-documents without the indentation of their `cat >` line (snippets are
/// indented with the test; a shell would keep every space, and the closing `EOF` must stand alone).
fn dedent_heredocs(script: &str) -> String {
    let mut out = String::new();
    let mut open: Option<(usize, String)> = None;
    for line in script.lines() {
        let text = match &open {
            Some((indent, _)) => {
                let strip = line.len() - line.trim_start().len();
                &line[strip.min(*indent)..]
            }
            None => line,
        };
        out.push_str(text);
        out.push('\n');
        match &open {
            Some((_, delimiter)) if text.trim_end() == delimiter => open = None,
            Some(_) => {}
            None => {
                let trimmed = line.trim_start();
                if trimmed.starts_with("cat >") {
                    if let Some(d) = lambda_runtime_playground::cli::heredoc::delimiter(trimmed) {
                        open = Some((line.len() - trimmed.len(), d));
                    }
                }
            }
        }
    }
    out
}

/// The compact transcript of a script run in a fresh session.
pub fn transcript(script: &str) -> String {
    let mut session = Session::new();
    let mut out = String::new();
    let script = dedent_heredocs(script);
    for item in items(&script) {
        let Item::Command { text, .. } = item else { continue };
        let paths: Vec<&str> = text.split_once("# =>").map(|(_, p)| p.split_whitespace().collect()).unwrap_or_default();
        let r = session.run_line(&expand(&text));
        let shown = text.split_once("# =>").map_or(text.as_str(), |(l, _)| l).trim_end();
        out.push_str(&format!("$ {shown}\n"));
        match (r.error(), r.output()) {
            (Some(_), _) => {
                for line in r.printed.lines() {
                    out.push_str(&format!("  ! {line}\n"));
                }
            }
            // `# => printed` shows what the line printed (a template, logs as text).
            (None, _) if paths == ["printed"] => {
                for line in r.printed.lines() {
                    out.push_str(&format!("  | {line}\n"));
                }
            }
            (None, Some(output)) => paths.iter().for_each(|p| show(&mut out, output, p)),
            (None, None) if !paths.is_empty() => out.push_str("  (no output)\n"),
            (None, None) => {}
        }
        if !r.met_expectation() {
            out.push_str("  MISSED ITS EXPECTATION\n");
        }
    }
    out
}

pub fn check(script: &str, expect: Expect) {
    let mut text = transcript(script);
    // A snippet states what fails with `!`: a line that fails otherwise is a broken story. While
    // expectations are rewritten the marker is written with them (and fails the next run).
    let updating = std::env::var_os("UPDATE_EXPECT").is_some();
    assert!(updating || !text.contains("MISSED ITS EXPECTATION"), "a line missed its expectation:\n{text}");
    for (arn, readable) in known_arns() {
        if text.contains(arn.as_str()) {
            text = text.replace(arn.as_str(), readable);
        }
    }
    expect.assert_eq(&text);
}
