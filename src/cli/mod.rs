//! The console language: `aws lambda ...` and `sim ...` lines to typed requests, AWS CLI output.
