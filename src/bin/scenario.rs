//! Runs a scenario file natively through the same session the browser console uses.
//!
//! `scenario <file> [--format text|jsonl]`: a transcript (`$ <line>`, then its output) or one JSON
//! object per command. Exit status: 0 when every line met its expectation, 1 otherwise, 2 when
//! the file cannot be read (or the arguments are wrong). Misses are reported on stderr.

use std::io::Write;
use std::process::ExitCode;

use lambda_runtime_playground::app::{report, Session};

const USAGE: &str = "usage: scenario <file> [--format text|jsonl]";

enum Format {
    Text,
    Jsonl,
}

fn arguments() -> Result<(String, Format), String> {
    let mut file = None;
    let mut format = Format::Text;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--format") {
            Some("") => args.next(),
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_string()),
            _ => None,
        };
        if arg.starts_with("--format") {
            format = match value.as_deref() {
                Some("jsonl") => Format::Jsonl,
                Some("text") => Format::Text,
                other => return Err(format!("unknown format {other:?}\n{USAGE}")),
            };
        } else if arg.starts_with("--") || file.is_some() {
            return Err(format!("unexpected argument {arg}\n{USAGE}"));
        } else {
            file = Some(arg);
        }
    }
    Ok((file.ok_or_else(|| USAGE.to_string())?, format))
}

fn main() -> ExitCode {
    let (path, format) = match arguments() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("scenario: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    // Each line's output is written as soon as it ran: nothing is kept but the misses.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut pipe_open = true;
    let (mut lines, mut misses) = (0usize, Vec::new());
    Session::new().run_script_each(&text, |r| {
        lines += 1;
        if let Some(m) = report::miss(&r) {
            misses.push(m);
        }
        let printed = match format {
            // Entries one blank line apart, as `report::transcript` joins them.
            Format::Text if lines > 1 => format!("\n{}", report::transcript_entry(&r)),
            Format::Text => report::transcript_entry(&r),
            Format::Jsonl => report::json_line(&r) + "\n",
        };
        // A closed pipe (`| head`) is the reader's choice, not an error: stop writing quietly.
        pipe_open = pipe_open && out.write_all(printed.as_bytes()).is_ok();
    });
    let _ = out.flush();
    drop(out);
    for m in &misses {
        eprintln!("{path}:{m}");
    }
    if misses.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("scenario: {} of {lines} lines missed their expectation", misses.len());
        ExitCode::from(1)
    }
}
