//! `aws [global options] lambda <operation> [options]` to a request, in the AWS CLI's three
//! passes: the global options (anywhere on the line) and the command, then the operation, then
//! the operation's own options.

use super::args::{self, ArgError};
use super::error::Failure;
use super::help;
use super::operations::{self, Context};
use super::params::Files;
use super::suggest::invalid_choice;
use super::Line;
use crate::model::Request;

/// A parsed `aws lambda` call.
#[derive(Clone, Debug, PartialEq)]
pub struct AwsCall {
    /// `--region`, when given; otherwise the session's region applies.
    pub region: Option<String>,
    pub request: Request,
    /// Where `invoke` writes the response body.
    pub outfile: Option<String>,
}

const OUTPUTS: &[&str] = &["json", "text", "table", "yaml", "yaml-stream"];
const BINARY_FORMATS: &[&str] = &["base64", "raw-in-base64-out"];
/// Global options that take a value; the playground uses region, output and binary format, and
/// accepts `--profile` so copied lines run (there is one simulated account).
const GLOBAL_VALUES: &[&str] = &["region", "output", "cli-binary-format", "profile"];
const GLOBAL_SWITCHES: &[&str] = &["no-cli-pager", "no-paginate"];

#[derive(Default)]
struct Globals {
    region: Option<String>,
    output: Option<String>,
    binary_format: Option<String>,
}

/// Takes the global options out of the line wherever they are, as the CLI's first parser does.
fn globals(words: &[String]) -> Result<(Globals, Vec<String>), Failure> {
    let mut g = Globals::default();
    let mut rest = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = &words[i];
        i += 1;
        let Some(body) = word.strip_prefix("--") else {
            rest.push(word.clone());
            continue;
        };
        let (name, explicit) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        if GLOBAL_SWITCHES.contains(&name) {
            if let Some(v) = explicit {
                return Err(Failure::aws_usage(ArgError::IgnoredExplicit(format!("--{name}"), v).to_string()));
            }
            continue;
        }
        if !GLOBAL_VALUES.contains(&name) {
            rest.push(word.clone());
            continue;
        }
        let v = match explicit {
            Some(v) => v,
            None if i < words.len() && !args::looks_like_option(&words[i]) => {
                i += 1;
                words[i - 1].clone()
            }
            None => return Err(Failure::aws_usage(ArgError::ExpectedOne(format!("--{name}")).to_string())),
        };
        match name {
            "region" => g.region = Some(v),
            "output" => g.output = Some(v),
            "cli-binary-format" => g.binary_format = Some(v),
            _ => {}
        }
    }
    if let Some(o) = &g.output {
        if o != "json" {
            return Err(Failure::aws_usage(if OUTPUTS.contains(&o.as_str()) {
                format!("argument --output: the playground prints json only, not {o}")
            } else {
                format!("argument --output: {}", invalid_choice(o, OUTPUTS))
            }));
        }
    }
    if let Some(f) = &g.binary_format {
        if !BINARY_FORMATS.contains(&f.as_str()) {
            return Err(Failure::aws_usage(format!(
                "argument --cli-binary-format: {}",
                invalid_choice(f, BINARY_FORMATS)
            )));
        }
    }
    Ok((g, rest))
}

/// Removes and returns the first word that is not an option: the command or the operation.
fn take_positional(words: &mut Vec<String>) -> Option<String> {
    let at = words.iter().position(|w| !args::looks_like_option(w))?;
    Some(words.remove(at))
}

/// Parses the words after `aws`: a call, or help.
pub fn parse(words: &[String], files: &Files) -> Result<Line, Failure> {
    let (g, mut rest) = globals(words)?;
    let Some(command) = take_positional(&mut rest) else {
        return Err(Failure::aws_usage("the following arguments are required: command"));
    };
    let services: Vec<&str> = operations::SERVICES.iter().map(|(s, _)| *s).collect();
    let operations = match operations::SERVICES.iter().find(|(s, _)| *s == command) {
        Some((_, ops)) => *ops,
        None if command == "help" => return Ok(Line::Help(help::general())),
        None => {
            let mut choices = services.clone();
            choices.push("help");
            return Err(Failure::aws_usage(format!("argument command: {}", invalid_choice(&command, &choices))));
        }
    };
    let Some(name) = take_positional(&mut rest) else {
        return Err(Failure::aws_usage("the following arguments are required: operation"));
    };
    if name == "help" {
        return Ok(Line::Help(help::general()));
    }
    let Some(op) = operations::find(&command, &name) else {
        let mut choices: Vec<&str> = operations.iter().map(|o| o.name).collect();
        choices.push("help");
        return Err(Failure::aws_usage(format!("argument operation: {}", invalid_choice(&name, &choices))));
    };
    if rest.len() == 1 && rest[0] == "help" {
        return Ok(Line::Help(help::operation(op)));
    }
    let parsed = args::parse(&rest, op.options, op.positionals).map_err(|e| Failure::aws_usage(e.to_string()))?;
    if parsed.unknown.first().is_some_and(|w| w == "help") && parsed.unknown.len() == 1 {
        return Ok(Line::Help(help::operation(op)));
    }
    if !parsed.unknown.is_empty() {
        return Err(Failure::client(format!("Unknown options: {}", parsed.unknown.join(", "))));
    }
    let cx = Context { files, raw_blobs: g.binary_format.as_deref() == Some("raw-in-base64-out") };
    let request = operations::build(op, &parsed, &cx)?;
    Ok(Line::Aws(Box::new(AwsCall { region: g.region, request, outfile: parsed.positionals.first().cloned() })))
}

/// Parses the words after `sam`: `sam deploy` and its options, with `--region`.
pub fn parse_sam(words: &[String], files: &Files) -> Result<Line, Failure> {
    let (g, mut rest) = globals(words)?;
    let op = &operations::SAM_DEPLOY;
    match take_positional(&mut rest).as_deref() {
        Some("deploy") => {}
        Some(other) => {
            return Err(Failure::client(format!("Error: No such command '{other}'. The playground runs sam deploy.")))
        }
        None => {
            return Err(Failure::client(
                "Usage: sam deploy --template-file <file> --stack-name <name> [--parameter-overrides K=V ...] [--capabilities CAPABILITY_IAM]",
            ))
        }
    }
    let parsed = args::parse(&rest, op.options, op.positionals).map_err(|e| Failure::client(format!("Error: {e}")))?;
    if !parsed.unknown.is_empty() {
        return Err(Failure::client(format!("Error: No such option: {}", parsed.unknown[0])));
    }
    let cx = Context { files, raw_blobs: false };
    let request = operations::build(op, &parsed, &cx)?;
    Ok(Line::Aws(Box::new(AwsCall { region: g.region, request, outfile: None })))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::api::*;

    fn call(line: &str) -> Result<AwsCall, Failure> {
        let words: Vec<String> = line.split_whitespace().map(String::from).collect();
        match parse(&words, &Files::new())? {
            Line::Aws(c) => Ok(*c),
            other => panic!("{line}: {other:?}"),
        }
    }

    fn usage(line: &str) -> String {
        call(line).unwrap_err().error.message
    }

    #[test]
    fn the_launch_post_line() {
        let c = call(
            "lambda put-runtime-management-config --function-name arn:aws:lambda:eu-south-1:123456789012:function:f \
             --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:eu-south-1::runtime:abc",
        )
        .unwrap();
        assert_eq!(
            c.request,
            Request::PutRuntimeManagementConfig(PutRuntimeManagementConfigRequest {
                function_name: "arn:aws:lambda:eu-south-1:123456789012:function:f".into(),
                qualifier: None,
                update_runtime_on: "Manual".into(),
                runtime_version_arn: Some("arn:aws:lambda:eu-south-1::runtime:abc".into()),
            })
        );
    }

    #[test]
    fn globals_anywhere() {
        let c = call("--region eu-west-1 lambda get-function --function-name f --output json --no-cli-pager").unwrap();
        assert_eq!(c.region.as_deref(), Some("eu-west-1"));
        let c = call("lambda get-function --region=ap-southeast-2 --function-name f --profile dev").unwrap();
        assert_eq!(c.region.as_deref(), Some("ap-southeast-2"));
    }

    #[test]
    fn invoke_takes_its_outfile_and_decodes_the_payload() {
        let c = call("lambda invoke --function-name f --payload eyJhIjogMX0= out.json").unwrap();
        assert_eq!(c.outfile.as_deref(), Some("out.json"));
        let Request::Invoke(r) = c.request else { panic!("not an invoke") };
        assert_eq!(r.payload.as_deref(), Some("{\"a\": 1}"));
        let c = call("lambda invoke --cli-binary-format raw-in-base64-out --function-name f --payload {} o").unwrap();
        let Request::Invoke(r) = c.request else { panic!("not an invoke") };
        assert_eq!(r.payload.as_deref(), Some("{}"));
    }

    #[test]
    fn usage_errors() {
        assert_eq!(usage(""), "aws: error: the following arguments are required: command");
        assert_eq!(usage("lambda"), "aws: error: the following arguments are required: operation");
        assert_eq!(
            usage("lambda invoke --qualifier 1"),
            "aws: error: the following arguments are required: --function-name, outfile"
        );
        assert_eq!(usage("lambda get-function --function-name f --foo x"), "Unknown options: --foo, x");
        assert!(usage("lambda get-functoin").contains("maybe you meant:\n\n  * get-function"));
        assert!(usage("lamda list-functions").starts_with("aws: error: argument command: Invalid choice"));
        assert_eq!(
            usage("lambda list-functions --output text"),
            "aws: error: argument --output: the playground prints json only, not text"
        );
        assert!(usage("lambda list-functions --output xml").contains("valid choices are"));
        assert!(usage("lambda list-functions --cli-binary-format hex").contains("raw-in-base64-out"));
        assert_eq!(usage("lambda list-functions --region"), "aws: error: argument --region: expected one argument");
        assert_eq!(
            usage("lambda list-functions --no-cli-pager=1"),
            "aws: error: argument --no-cli-pager: ignored explicit argument '1'"
        );
        assert_eq!(
            usage("lambda create-function --function-name f --role r"),
            "Parameter validation failed:\nMissing required parameter in input: \"Code\""
        );
    }

    #[test]
    fn help_at_every_level() {
        for line in ["help", "lambda help", "lambda invoke help", "lambda get-function --function-name f help"] {
            let words: Vec<String> = line.split_whitespace().map(String::from).collect();
            assert!(matches!(parse(&words, &Files::new()), Ok(Line::Help(_))), "{line}");
        }
    }
}
