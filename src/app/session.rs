//! A session: the command history over the catalogue and a seed, the console's default region,
//! the files `invoke` wrote, and the transcript. The browser console and the native scenario
//! runner both go through [`Session::run_line`], so they cannot disagree.

use serde::Serialize;

use crate::cli::params::file_key;
use crate::cli::{self, output, AwsCall, CliError, Failure, Files, Line, Sim};
use crate::model::api::Response;
use crate::model::history::{History, Output};
use crate::model::time::{Timestamp, DEFAULT_CLOCK};
use crate::model::{ApiError, Command, Lambda, Qualifier, VersionId};

/// The seed of every session: the same lines give the same request ids, log streams and timings.
pub const SEED: u64 = 42;
pub const DEFAULT_REGION: &str = "us-east-1";

/// What one line did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineResult {
    /// The line number in the script (or the entry number in the console).
    pub line: usize,
    /// The command, without a leading `!`.
    pub command: String,
    /// The line started with `!`: it is expected to fail.
    pub expect_failure: bool,
    pub ok: bool,
    /// Exactly what the AWS CLI would print (empty when it prints nothing).
    pub printed: String,
    /// The response as JSON, when the line printed one.
    pub output: Option<serde_json::Value>,
    pub error: Option<CliError>,
    /// `ok` unless the line was expected to fail.
    pub met_expectation: bool,
}

/// What a successful line produced, before it becomes a `LineResult`.
struct Done {
    printed: String,
    output: Option<serde_json::Value>,
}

impl Done {
    fn json<T: Serialize>(value: &T) -> Done {
        Done { printed: output::json(value), output: serde_json::to_value(value).ok() }
    }

    fn text(printed: String) -> Done {
        Done { printed, output: None }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Clock {
    clock: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Region<'a> {
    region: &'a str,
}

/// `sim advance`: the new time, and every function version whose runtime version changed.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Advanced {
    clock: String,
    runtime_version_changes: Vec<Moved>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Moved {
    function_arn: String,
    from: String,
    to: String,
}

/// `sim logs`, shaped like `aws logs filter-log-events` output.
#[derive(Serialize)]
struct LogEvents<'a> {
    events: Vec<LogEvent<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogEvent<'a> {
    timestamp: i64,
    log_stream_name: &'a str,
    message: &'a str,
}

/// CloudWatch's simple filter patterns: a quoted phrase must appear as is; otherwise every term.
pub fn matches_filter(message: &str, filter: &str) -> bool {
    let f = filter.trim();
    match f.strip_prefix('"').and_then(|rest| rest.strip_suffix('"')) {
        Some(phrase) => message.contains(phrase),
        None => f.split_whitespace().all(|term| message.contains(term)),
    }
}

/// The runtime version every live function version runs.
fn runtime_versions(lambda: &Lambda) -> Vec<(VersionId, String)> {
    lambda.live_versions().into_iter().map(|id| (id, lambda.runtime_version_name(id))).collect()
}

/// The versions whose runtime version differs from `before`.
fn moved_since(lambda: &Lambda, before: Vec<(VersionId, String)>) -> Vec<Moved> {
    before
        .into_iter()
        .filter_map(|(id, from)| {
            let to = lambda.runtime_version_name(id);
            (to != from).then(|| Moved { function_arn: lambda.version_arn(id), from, to })
        })
        .collect()
}

#[derive(Clone, Debug)]
pub struct Session {
    history: History,
    region: String,
    files: Files,
    transcript: Vec<LineResult>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    /// A session at the default clock (2023-01-23T00:00:00Z) in us-east-1.
    pub fn new() -> Session {
        Session {
            history: History::new(DEFAULT_CLOCK, SEED),
            region: DEFAULT_REGION.to_string(),
            files: Files::new(),
            transcript: Vec::new(),
        }
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The region of lines without `--region`.
    pub fn region(&self) -> &str {
        &self.region
    }

    pub fn now(&self) -> Timestamp {
        self.history.now()
    }

    /// Moves the clock forward (the UI's clock; never back).
    pub fn advance_to(&mut self, t: Timestamp) {
        self.history.advance_to(t);
    }

    /// A file an `invoke` wrote.
    pub fn outfile(&self, path: &str) -> Option<&str> {
        self.files.get(file_key(path)).map(String::as_str)
    }

    /// Every line run so far.
    pub fn transcript(&self) -> &[LineResult] {
        &self.transcript
    }

    /// Runs one logical line (it may start with `!`), numbered after the transcript's last.
    pub fn run_line(&mut self, line: &str) -> LineResult {
        self.run_line_at(self.transcript.len() + 1, line)
    }

    /// Runs a script: comments, blank lines and `\` continuations as in a scenario file.
    pub fn run_script(&mut self, text: &str) -> Vec<LineResult> {
        super::script::commands(text).into_iter().map(|(n, line)| self.run_line_at(n, &line)).collect()
    }

    /// Runs one logical line, recording it under the given line number.
    pub fn run_line_at(&mut self, number: usize, line: &str) -> LineResult {
        let trimmed = line.trim();
        let (expect_failure, command) = match trimmed.strip_prefix('!') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, trimmed),
        };
        let outcome = cli::parse(command, &self.files).and_then(|parsed| self.execute(parsed));
        let (ok, printed, output, error) = match outcome {
            Ok(d) => (true, d.printed, d.output, None),
            Err(f) => (false, f.printed, None, Some(f.error)),
        };
        let result = LineResult {
            line: number,
            command: command.to_string(),
            expect_failure,
            ok,
            printed,
            output,
            error,
            met_expectation: ok != expect_failure,
        };
        self.transcript.push(result.clone());
        result
    }

    fn execute(&mut self, line: Line) -> Result<Done, Failure> {
        match line {
            Line::Empty => Ok(Done::text(String::new())),
            Line::Help(text) => Ok(Done::text(text)),
            Line::Cat(path) => match self.files.get(file_key(&path)) {
                Some(text) => Ok(Done { printed: text.clone(), output: serde_json::from_str(text).ok() }),
                None => Err(Failure::local("NoSuchFile", 1, format!("cat: {path}: No such file or directory"))),
            },
            Line::Aws(call) => self.call(*call),
            Line::Sim(sim) => self.sim(sim),
        }
    }

    fn call(&mut self, call: AwsCall) -> Result<Done, Failure> {
        let region = call.region.unwrap_or_else(|| self.region.clone());
        let operation = call.request.operation();
        match self.history.execute(Command::Api { region, request: call.request }) {
            Ok(Output::Api(Response::Empty)) => Ok(Done::text(String::new())),
            Ok(Output::Api(response)) => {
                if let (Response::Invoke(r), Some(path)) = (&response, call.outfile) {
                    self.files.insert(file_key(&path).to_string(), r.payload.clone());
                }
                Ok(Done::json(&response))
            }
            Ok(Output::Sim(v)) => Ok(Done::json(&v)),
            Err(e) => Err(Failure::api(operation, &e)),
        }
    }

    fn sim(&mut self, sim: Sim) -> Result<Done, Failure> {
        match sim {
            Sim::Region(r) => {
                let catalogue = self.history.live().catalogue;
                if !catalogue.has_region(&r) {
                    return Err(Failure::sim_api(
                        "region",
                        &ApiError::invalid_parameter(format!(
                            "The playground does not simulate region {r}. Regions: {}.",
                            catalogue.regions.join(", ")
                        )),
                    ));
                }
                self.region = r;
                Ok(Done::json(&Region { region: &self.region }))
            }
            Sim::Clock(t) => {
                let h = &self.history;
                if !h.entries().is_empty() || h.now() != h.start {
                    return Err(Failure::sim_usage(
                        "sim clock <RFC 3339 time>",
                        format!("the clock can be set only before the first command (it is {})", h.now()),
                    ));
                }
                self.history = History::new(t, SEED);
                Ok(Done::json(&Clock { clock: t.rfc3339() }))
            }
            Sim::Advance(ms) => Ok(Done::json(&self.advance(ms))),
            Sim::Logs { region, function, qualifier, filter } => {
                let region = region.unwrap_or_else(|| self.region.clone());
                self.logs(&region, &function, qualifier.as_deref(), filter.as_deref())
            }
            Sim::Directive { name, region, directive } => {
                let region = region.unwrap_or_else(|| self.region.clone());
                let before = runtime_versions(self.history.live());
                match self.history.execute(Command::Sim { region, directive }) {
                    Ok(Output::Sim(mut v)) => {
                        // A directive can move versions at once (a legacy release, phase 2 now):
                        // say which, as `sim advance` does.
                        let moved = moved_since(self.history.live(), before);
                        if let (false, Some(map)) = (moved.is_empty(), v.as_object_mut()) {
                            map.insert("RuntimeVersionChanges".into(), serde_json::to_value(moved).unwrap_or_default());
                        }
                        Ok(Done::json(&v))
                    }
                    Ok(Output::Api(r)) => Ok(Done::json(&r)),
                    Err(e) => Err(Failure::sim_api(name, &e)),
                }
            }
        }
    }

    fn advance(&mut self, ms: i64) -> Advanced {
        let before = runtime_versions(self.history.live());
        let target = self.history.now().plus(ms);
        self.history.advance_to(target);
        Advanced {
            clock: self.history.now().rfc3339(),
            runtime_version_changes: moved_since(self.history.live(), before),
        }
    }

    fn logs(
        &self,
        region: &str,
        function: &str,
        qualifier: Option<&str>,
        filter: Option<&str>,
    ) -> Result<Done, Failure> {
        let lambda = self.history.live();
        let id = lambda.resolve(region, function, qualifier).map_err(|e| Failure::sim_api("logs", &e))?;
        let v = &lambda.versions[id];
        // Without a qualifier (in the option or the name), every version of the function.
        let ids: Vec<VersionId> = match (qualifier, v.qualifier) {
            (None, Qualifier::Latest) => match lambda.functions.get(&(v.region.clone(), v.function_name.clone())) {
                Some(f) => std::iter::once(f.latest).chain(f.published.values().copied()).collect(),
                None => vec![id],
            },
            _ => vec![id],
        };
        let mut events: Vec<LogEvent> = ids
            .iter()
            .flat_map(|&id| lambda.versions[id].environments.logs.iter())
            .filter(|e| filter.is_none_or(|f| matches_filter(&e.message, f)))
            .map(|e| LogEvent { timestamp: e.timestamp.0, log_stream_name: &e.log_stream, message: &e.message })
            .collect();
        // Stable: events of one instant keep their order within a version.
        events.sort_by_key(|e| e.timestamp);
        Ok(Done::json(&LogEvents { events }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_like_cloudwatch_terms() {
        assert!(matches_filter("INIT_START Runtime Version: python:3.9.v14", "INIT_START"));
        assert!(matches_filter("REPORT RequestId: x\tStatus: error", "REPORT error"));
        assert!(!matches_filter("REPORT RequestId: x", "REPORT error"));
        assert!(matches_filter("a b c", "\"b c\""));
        assert!(!matches_filter("a c b", "\"b c\""));
    }
}
