//! How a run reads: the transcript a person sees, one JSON object per line for machines, and
//! the lines that missed their expectation.

use super::session::LineResult;
use crate::cli::output::one_line;

/// `$ <line>` (with its `!` when the line is expected to fail), then what it printed.
pub fn transcript_entry(r: &LineResult) -> String {
    let bang = if r.expect_failure { "! " } else { "" };
    if r.printed.is_empty() {
        format!("$ {bang}{}\n", r.command)
    } else {
        format!("$ {bang}{}\n{}\n", r.command, r.printed)
    }
}

/// Entries one blank line apart.
pub fn transcript(results: &[LineResult]) -> String {
    results.iter().map(transcript_entry).collect::<Vec<_>>().join("\n")
}

fn json_string(s: &str) -> String {
    // Serialising a string cannot fail.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// `{"line": N, "command": "...", "ok": true, "output": {...}}` or, on failure,
/// `{"line": N, "command": "...", "ok": false, "error": {"code": "...", "message": "...", "status": 400}}`.
/// The output keeps the key order it was printed in.
pub fn json_line(r: &LineResult) -> String {
    let head = format!("{{\"line\": {}, \"command\": {}, \"ok\": {}", r.line, json_string(&r.command), r.ok());
    match &r.error() {
        Some(e) => format!(
            "{head}, \"error\": {{\"code\": {}, \"message\": {}, \"status\": {}}}}}",
            json_string(&e.code),
            json_string(&e.message),
            e.status
        ),
        None => {
            let output = match &r.output() {
                None => "null".to_string(),
                Some(_) if serde_json::from_str::<serde_json::Value>(&r.printed).is_ok() => one_line(&r.printed),
                Some(v) => one_line(&v.to_string()),
            };
            format!("{head}, \"output\": {output}}}")
        }
    }
}

/// Why a line missed its expectation, or None when it met it.
pub fn miss(r: &LineResult) -> Option<String> {
    if r.met_expectation() {
        return None;
    }
    Some(if r.expect_failure {
        format!("line {}: expected to fail, but it succeeded: {}", r.line, r.command)
    } else {
        let message = r.error().as_ref().map(|e| e.message.as_str()).unwrap_or_default();
        format!("line {}: failed: {}\n  {message}", r.line, r.command)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::CliError;

    fn result(ok: bool) -> LineResult {
        LineResult {
            line: 3,
            command: "aws lambda get-function --function-name \"f\"".into(),
            expect_failure: !ok,
            printed: if ok { "{\n    \"B\": 1,\n    \"A\": [\n        \"x\"\n    ]\n}".into() } else { "boom".into() },
            outcome: if ok {
                Ok(Some(serde_json::json!({"B": 1, "A": ["x"]})))
            } else {
                Err(CliError { code: "ResourceNotFoundException".into(), message: "gone".into(), status: 404 })
            },
        }
    }

    #[test]
    fn json_lines_follow_the_contract() {
        assert_eq!(
            json_line(&result(true)),
            r#"{"line": 3, "command": "aws lambda get-function --function-name \"f\"", "ok": true, "output": {"B": 1, "A": ["x"]}}"#
        );
        assert_eq!(
            json_line(&result(false)),
            r#"{"line": 3, "command": "aws lambda get-function --function-name \"f\"", "ok": false, "error": {"code": "ResourceNotFoundException", "message": "gone", "status": 404}}"#
        );
        for r in [result(true), result(false)] {
            assert!(serde_json::from_str::<serde_json::Value>(&json_line(&r)).is_ok());
        }
    }

    #[test]
    fn transcript_shows_expected_failures() {
        assert!(transcript_entry(&result(false)).starts_with("$ ! aws lambda get-function"));
        assert_eq!(transcript(&[result(true), result(true)]).matches("\n\n$ ").count(), 1);
        let mut missed = result(false);
        missed.expect_failure = false;
        assert!(miss(&missed).unwrap().contains("failed: aws lambda get-function"));
        let mut surprise = result(true);
        surprise.expect_failure = true;
        assert!(miss(&surprise).unwrap().contains("expected to fail"));
        assert_eq!(miss(&result(true)), None);
    }
}
