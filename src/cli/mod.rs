//! The console language: `aws lambda ...` and `sim ...` lines to typed requests, and the AWS CLI's
//! output and error text. Pure and free of I/O (it builds for wasm32): files are the session's.
//!
//! Where the AWS CLI would print something, this layer says exactly what; DESIGN.md's "The
//! scenario language" is the contract. Deliberate differences from the AWS CLI:
//! - The AWS CLI writes an empty line before an error message; `printed` leaves it out.
//! - Errors found before a request is sent have code [`error::USAGE_ERROR`] and status
//!   [`error::USAGE_STATUS`] (252, the AWS CLI v2's exit status for them).
//! - Only `--output json` exists; abbreviated option names are refused; `$` is not expanded.

pub mod args;
pub mod aws;
pub mod complete;
pub mod error;
pub mod help;
pub mod heredoc;
pub mod operations;
pub mod output;
pub mod params;
pub mod render;
pub mod shell;
pub mod shorthand;
pub mod sim;
pub mod suggest;

pub use aws::AwsCall;
pub use error::{CliError, Failure};
pub use params::Files;
pub use sim::Sim;

use crate::model::{Command, Directive, Request};

/// What one line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    /// Blank, or only a comment.
    Empty,
    Help(String),
    Aws(Box<AwsCall>),
    Sim(Sim),
    /// `cat <file>`: a file an `invoke` wrote, or a template.
    Cat(String),
    /// `cat > <file> <<'EOF'` ... `EOF`: writes a file (a template to deploy).
    Write {
        path: String,
        body: String,
    },
}

impl Line {
    /// The console line that runs a model command in its region: what a form's click becomes.
    pub fn command(command: Command) -> Line {
        match command {
            Command::Api { region, request } => {
                let outfile = matches!(request, Request::Invoke(_)).then(|| render::DEFAULT_OUTFILE.to_string());
                Line::Aws(Box::new(AwsCall { region: Some(region), request, outfile }))
            }
            Command::Sim { region, directive } => {
                // Release, phase 2, policy, timing and expire name their regions (or none) themselves.
                let scoped = matches!(
                    directive,
                    Directive::ReliesOn { .. }
                        | Directive::Traffic { .. }
                        | Directive::Deploy(_)
                        | Directive::StopDeployment { .. }
                );
                let name = render::directive_name(&directive);
                Line::Sim(Sim::Directive { name, region: scoped.then_some(region), directive })
            }
        }
    }
}

/// Parses one logical line (without a leading `!`). `files` are what `file://` values can read.
pub fn parse(line: &str, files: &Files) -> Result<Line, Failure> {
    if let Some((command, body)) = heredoc::split(line) {
        let usage = || Failure::client("the console writes files with: cat > <file> <<'EOF' (the lines, then EOF)");
        let head = command.split("<<").next().unwrap_or_default().trim();
        let target =
            head.strip_prefix("cat").map(str::trim_start).and_then(|r| r.strip_prefix('>')).ok_or_else(usage)?;
        return match shell::split(target)?.as_slice() {
            [path] => Ok(Line::Write { path: path.clone(), body }),
            _ => Err(usage()),
        };
    }
    let words = shell::split(line)?;
    let Some((first, rest)) = words.split_first() else {
        return Ok(Line::Empty);
    };
    match first.as_str() {
        "aws" => aws::parse(rest, files),
        "sim" if rest.len() == 1 && rest[0] == "help" => Ok(Line::Help(help::general())),
        "sim" => sim::parse(rest).map(Line::Sim),
        "sam" => aws::parse_sam(rest, files),
        "help" => Ok(Line::Help(help::general())),
        "cat" => match rest {
            [path] => Ok(Line::Cat(path.clone())),
            _ => Err(Failure::client("usage: cat <file>")),
        },
        other => Err(Failure::client(format!(
            "{other}: command not found (the console runs aws ..., sam deploy, sim ..., cat <file> and help)"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatches_on_the_first_word() {
        let files = Files::new();
        assert_eq!(parse("  # nothing", &files).unwrap(), Line::Empty);
        assert!(matches!(parse("help", &files).unwrap(), Line::Help(_)));
        assert!(matches!(parse("sim help", &files).unwrap(), Line::Help(_)));
        assert_eq!(parse("cat 'out put.json'", &files).unwrap(), Line::Cat("out put.json".into()));
        assert!(matches!(parse("sim advance 1h", &files).unwrap(), Line::Sim(Sim::Advance(_))));
        assert!(matches!(parse("aws lambda list-functions", &files).unwrap(), Line::Aws(_)));
        let e = parse("lambda list-functions", &files).unwrap_err();
        assert!(e.error.message.starts_with("lambda: command not found"));
        assert_eq!(parse("cat", &files).unwrap_err().error.message, "usage: cat <file>");
    }
}
