//! `help`, `aws lambda help` and `aws lambda <operation> help`: what the console understands,
//! written from the same tables the parser uses so the two cannot disagree.

use super::args::Kind;
use super::operations::{Operation, SERVICES};
use super::sim::DIRECTIVES;

fn option_synopsis(name: &str, kind: Kind, required: bool) -> String {
    let body = match (name, kind) {
        ("zip-file", _) => "--zip-file fileb://<path>".to_string(),
        (_, Kind::Flag) => format!("--{name} | --no-{name}"),
        (_, Kind::Switch) => format!("--{name}"),
        (_, Kind::List) => format!("--{name} <value> [<value> ...]"),
        (_, Kind::Value | Kind::Repeated) => format!("--{name} <value>"),
    };
    if required {
        body
    } else {
        format!("[{body}]")
    }
}

/// `aws lambda <name> --a <value> [--b <value>] <outfile>`, wrapped under the operation name.
fn synopsis(op: &Operation) -> String {
    let mut parts: Vec<String> = op.options.iter().map(|o| option_synopsis(o.name, o.kind, o.required)).collect();
    parts.extend(op.positionals.iter().map(|p| format!("<{p}>")));
    let mut out = format!("aws {} {}", op.service, op.name);
    let mut width = out.len();
    for p in parts {
        if width + 1 + p.len() > 100 {
            out.push_str("\n     ");
            width = 5;
        }
        out.push(' ');
        out.push_str(&p);
        width += 1 + p.len();
    }
    out
}

/// Help for one operation.
pub fn operation(op: &Operation) -> String {
    format!("{}\n\n{}\n\n{}", op.name, op.summary, synopsis(op))
}

/// Everything the console and scenario files accept (written once: a script may ask often).
pub fn general() -> String {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(write_general).clone()
}

fn write_general() -> String {
    let mut out = String::from(
        "The playground answers AWS CLI v2 commands for Lambda, CloudFormation, CloudWatch alarms and CodeDeploy, \
         and sam deploy, and prints what `--output json` prints.\n\
         Global options: --region <r> (default: the sim region), --output json, \
         --cli-binary-format base64|raw-in-base64-out (--payload is base64 unless raw-in-base64-out).\n\n\
         ",
    );
    for (service, operations) in SERVICES {
        out.push_str(&format!("\naws {service} operations:\n"));
        for op in operations.iter() {
            out.push_str(&format!("\n  {}\n      {}\n", synopsis(op).replace('\n', "\n  "), op.summary));
        }
    }
    out.push_str("\nPlayground directives:\n");
    for d in DIRECTIVES {
        out.push_str(&format!("\n  {}\n      {}\n", d.usage, d.summary));
    }
    out.push_str(
        "\nOther commands:\n\n  cat <file>\n      Shows a file an invoke wrote.\n  help\n      This text.\n\n\
         In scenario files: `#` starts a comment, a trailing `\\` continues a line, and a line starting \
         with `!` is expected to fail.",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_operation_and_directive() {
        let text = general();
        for (service, operations) in SERVICES {
            for op in operations.iter() {
                assert!(text.contains(&format!("aws {service} {}", op.name)), "{}", op.name);
            }
        }
        for d in DIRECTIVES {
            assert!(text.contains(d.usage), "{}", d.name);
        }
        let invoke = operation(super::super::operations::find("lambda", "invoke").unwrap());
        assert!(invoke.contains("--function-name <value> [--qualifier <value>]") && invoke.contains("<outfile>"));
    }
}
