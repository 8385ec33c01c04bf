//! Why a line did not run, as a value: the short error a transcript records and the text the
//! AWS CLI would print for it.

use serde::Serialize;

use crate::model::ApiError;

/// The error of a failed line: `code` and `status` come from the service for API errors; for
/// errors the client finds before sending anything, `code` is [`USAGE_ERROR`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CliError {
    pub code: String,
    pub message: String,
    pub status: u16,
}

/// The code of every error found before a request is sent (syntax, options, values).
pub const USAGE_ERROR: &str = "UsageError";
/// The AWS CLI v2 exits with 252 when it cannot turn a command line into a request; no HTTP
/// status exists for such a line, so the playground reports that exit status instead.
pub const USAGE_STATUS: u16 = 252;

/// What argparse prints above `aws: error: ...` (awscli/argparser.py's USAGE and HELP_BLURB).
pub const AWS_USAGE: &str = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n\
To see help text, you can run:\n\
\n\
\x20 aws help\n\
\x20 aws <command> help\n\
\x20 aws <command> <subcommand> help\n";

/// A line that failed: the error, and exactly what the console prints for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub error: CliError,
    pub printed: String,
}

impl Failure {
    fn usage(message: String, printed: String) -> Failure {
        Failure { error: CliError { code: USAGE_ERROR.into(), message, status: USAGE_STATUS }, printed }
    }

    /// An argparse error of the `aws` parser: the usage banner, a blank line, `aws: error: ...`.
    pub fn aws_usage(detail: impl AsRef<str>) -> Failure {
        let message = format!("aws: error: {}", detail.as_ref());
        let printed = format!("{AWS_USAGE}\n{message}");
        Failure::usage(message, printed)
    }

    /// The same shape for `sim` directives, whose usage line names the directive's arguments.
    pub fn sim_usage(usage: &str, detail: impl AsRef<str>) -> Failure {
        let message = format!("sim: error: {}", detail.as_ref());
        let printed = format!("usage: {usage}\n\n{message}");
        Failure::usage(message, printed)
    }

    /// A client-side error the AWS CLI prints on its own, without the usage banner
    /// (`Unknown options: ...`, `Error parsing parameter ...`, `Parameter validation failed: ...`).
    pub fn client(message: impl Into<String>) -> Failure {
        let message = message.into();
        Failure::usage(message.clone(), message)
    }

    /// A service error: `An error occurred (<Code>) when calling the <Operation> operation: ...`.
    pub fn api(operation: &str, e: &ApiError) -> Failure {
        let code = e.code.as_str();
        if e.code == crate::model::ErrorCode::StackDeployFailed {
            // `aws cloudformation deploy` words its own failure.
            return Failure {
                error: CliError { code: code.into(), message: e.message.clone(), status: e.status() },
                printed: e.message.clone(),
            };
        }
        Failure {
            error: CliError { code: code.into(), message: e.message.clone(), status: e.status() },
            printed: format!("An error occurred ({code}) when calling the {operation} operation: {}", e.message),
        }
    }

    /// A playground directive the model refused, worded like a service error.
    pub fn sim_api(directive: &str, e: &ApiError) -> Failure {
        let code = e.code.as_str();
        Failure {
            error: CliError { code: code.into(), message: e.message.clone(), status: e.status() },
            printed: format!("An error occurred ({code}) when running the sim {directive} directive: {}", e.message),
        }
    }

    /// A failure of a local command such as `cat`, with its own code and exit status.
    pub fn local(code: &str, status: u16, message: impl Into<String>) -> Failure {
        let message = message.into();
        Failure { error: CliError { code: code.into(), message: message.clone(), status }, printed: message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_usage_errors_carry_the_argparse_banner() {
        let f = Failure::aws_usage("the following arguments are required: --function-name");
        assert_eq!(f.error.code, "UsageError");
        assert_eq!(f.error.status, 252);
        assert_eq!(f.error.message, "aws: error: the following arguments are required: --function-name");
        assert!(f.printed.starts_with("usage: aws [options] <command> <subcommand>"));
        assert!(f.printed.ends_with("\n\naws: error: the following arguments are required: --function-name"));
    }

    #[test]
    fn api_errors_print_like_the_aws_cli() {
        let e = ApiError::not_found("Function not found: arn:aws:lambda:us-east-1:123456789012:function:f");
        let f = Failure::api("GetFunction", &e);
        assert_eq!(
            f.printed,
            "An error occurred (ResourceNotFoundException) when calling the GetFunction operation: \
             Function not found: arn:aws:lambda:us-east-1:123456789012:function:f"
        );
        assert_eq!((f.error.code.as_str(), f.error.status), ("ResourceNotFoundException", 404));
    }
}
