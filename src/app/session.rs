//! A session: the command history over the catalogue and a seed, the console's default region,
//! the files `invoke` wrote, and the transcript. The browser console and the native scenario
//! runner both go through [`Session::run_line`], so they cannot disagree.

use std::collections::VecDeque;

use serde::Serialize;

use crate::cli::params::file_key;
use crate::cli::sim::MAX_ADVANCE;
use crate::cli::{self, output, AwsCall, CliError, Failure, Files, Line, Sim};
use crate::model::api::Response;
use crate::model::history::{History, Output};
use crate::model::lambda::RuntimeVersionRef;
use crate::model::time::{format_duration, Timestamp, DAY, DEFAULT_CLOCK, END_OF_TIME, MINUTE};
use crate::model::{ApiError, Command, Lambda, Qualifier, VersionId};

/// The seed of every session: the same lines give the same request ids, log streams and timings.
pub const SEED: u64 = 42;
pub const DEFAULT_REGION: &str = "us-east-1";

/// What one line did.
#[derive(Clone, Debug, PartialEq)]
pub struct LineResult {
    /// The line number in the script (or the entry number in the console).
    pub line: usize,
    /// The command, without a leading `!`.
    pub command: String,
    /// The line started with `!`: it is expected to fail.
    pub expect_failure: bool,
    /// Exactly what the AWS CLI would print (empty when it prints nothing).
    pub printed: String,
    /// The response as JSON when the line printed one, or why it failed.
    pub outcome: Result<Option<serde_json::Value>, CliError>,
}

impl LineResult {
    pub fn ok(&self) -> bool {
        self.outcome.is_ok()
    }

    pub fn error(&self) -> Option<&CliError> {
        self.outcome.as_ref().err()
    }

    pub fn output(&self) -> Option<&serde_json::Value> {
        self.outcome.as_ref().ok().and_then(Option::as_ref)
    }

    /// Succeeded, unless it was expected to fail.
    pub fn met_expectation(&self) -> bool {
        self.ok() != self.expect_failure
    }
}

/// The shape the embed API hands to JavaScript: the outcome spelled out as flags and fields.
impl Serialize for LineResult {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut r = s.serialize_struct("LineResult", 8)?;
        r.serialize_field("line", &self.line)?;
        r.serialize_field("command", &self.command)?;
        r.serialize_field("expect_failure", &self.expect_failure)?;
        r.serialize_field("ok", &self.ok())?;
        r.serialize_field("printed", &self.printed)?;
        r.serialize_field("output", &self.output())?;
        r.serialize_field("error", &self.error())?;
        r.serialize_field("met_expectation", &self.met_expectation())?;
        r.end()
    }
}

/// What a successful line produced, before it becomes a `LineResult`.
struct Done {
    printed: String,
    output: Option<serde_json::Value>,
}

impl Done {
    fn json<T: Serialize>(value: &T) -> Done {
        match serde_json::to_value(value) {
            Ok(v) => Done { printed: output::json(&v), output: Some(v) },
            Err(e) => Done::text(format!("{{\"error\": \"the response could not be serialised: {e}\"}}")),
        }
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

/// The live versions whose runtime version changed since the event `mark` (the model's own
/// record of what moved), as `sim advance` prints them.
fn moved_since(lambda: &Lambda, mark: usize) -> Vec<Moved> {
    let name = |(runtime, number): RuntimeVersionRef| lambda.catalogue()[runtime].version_name(number);
    lambda
        .moved_since(mark)
        .into_iter()
        .map(|(id, from, to)| Moved {
            function_arn: lambda.version_arn(id).unwrap_or_default(),
            from: name(from),
            to: name(to),
        })
        .collect()
}

/// [choice] The most background-traffic minutes one line may simulate one by one (versions with a
/// fractional rate, or failing ones): about half a second natively, a second in the browser. Ten
/// years of one such version is 5.3 million.
pub const TRAFFIC_MINUTES_PER_LINE: u64 = 20_000_000;

/// [choice] How many lines' results a session keeps: the console shows the newest 150, Up and
/// Down browse these. Older results are dropped (their commands live on in the history), so a
/// script of 200,000 lines runs in bounded memory.
pub const KEPT_RESULTS: usize = 1_000;

/// [choice] ... and at most about this many bytes of them (a line may print a megabyte).
pub const KEPT_BYTES: usize = 16 << 20;
/// [choice] The longest line the console and scripts run: room for a large JSON payload, and a
/// bound on what one line can cost to parse.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// [choice] The most commands one script runs (the tours have about 30).
pub const MAX_SCRIPT_COMMANDS: usize = 250_000;

/// Roughly what a result holds on the heap: its text twice (printed, and as JSON).
fn result_bytes(r: &LineResult) -> usize {
    r.command.len() + 2 * r.printed.len()
}

/// One step of a session, as it replays. The transcript, the replayable script and share links
/// all come from these.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// A line as it was typed (console, script, tour), its `!` included: it replays as typed.
    Typed(String),
    /// A click, as a typed line: it replays as its canonical text.
    Intent(Line),
    /// The UI's clock moved forward this many milliseconds (play, step): it replays as
    /// `sim advance`. Consecutive moves are one step.
    Clock(i64),
}

impl Step {
    /// The script line that replays this step.
    pub fn line(&self) -> String {
        match self {
            Step::Typed(text) => text.clone(),
            Step::Intent(line) => cli::render::line(line),
            Step::Clock(ms) => format!("sim advance {}", format_duration(*ms)),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Session {
    history: History,
    /// Every step run, in order.
    steps: Vec<Step>,
    region: String,
    files: Files,
    /// The newest [`KEPT_RESULTS`] results.
    transcript: VecDeque<LineResult>,
    /// Every line run, including those whose results were dropped.
    lines_run: usize,
    /// What the kept results hold, by [`result_bytes`].
    kept_bytes: usize,
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
            steps: Vec::new(),
            region: DEFAULT_REGION.to_string(),
            files: Files::new(),
            transcript: VecDeque::new(),
            lines_run: 0,
            kept_bytes: 0,
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

    /// Moves the clock forward by `ms` (the UI's clock: play, step), never past the end of
    /// simulated time, and records the move as a step.
    pub fn advance_clock(&mut self, ms: i64) {
        let target = self.now().plus(ms.max(0)).min(END_OF_TIME);
        let moved = target.0 - self.now().0;
        if moved <= 0 {
            return;
        }
        self.history.advance_to(target);
        // One `sim advance` replays consecutive moves, up to what one line may advance.
        match self.steps.last_mut() {
            Some(Step::Clock(previous)) if *previous + moved <= MAX_ADVANCE => *previous += moved,
            _ => self.steps.push(Step::Clock(moved)),
        }
    }

    /// The steps run so far.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The script that rebuilds this session: one line per step.
    pub fn script(&self) -> Vec<String> {
        self.steps.iter().map(Step::line).collect()
    }

    /// Runs a typed line (a click): the transcript shows, and the script replays, its canonical
    /// console text.
    pub fn run(&mut self, line: Line) -> LineResult {
        let text = cli::render::line(&line);
        self.steps.push(Step::Intent(line.clone()));
        let outcome = self.execute(line);
        self.record(self.lines_run + 1, text, false, outcome)
    }

    /// A file an `invoke` wrote.
    pub fn outfile(&self, path: &str) -> Option<&str> {
        self.files.get(file_key(path)).map(String::as_str)
    }

    /// The results of the newest lines run (at most [`KEPT_RESULTS`]), oldest first.
    pub fn transcript(&self) -> &VecDeque<LineResult> {
        &self.transcript
    }

    /// How many lines have run, including those whose results are no longer kept.
    pub fn lines_run(&self) -> usize {
        self.lines_run
    }

    /// Runs one logical line (it may start with `!`), numbered after the last line run.
    pub fn run_line(&mut self, line: &str) -> LineResult {
        self.run_line_at(self.lines_run + 1, line)
    }

    /// Runs a script: comments, blank lines and `\` continuations as in a scenario file.
    pub fn run_script(&mut self, text: &str) -> Vec<LineResult> {
        let mut results = Vec::new();
        self.run_script_each(text, |r| results.push(r));
        results
    }

    /// Runs a script, handing each line's result over as soon as it ran: a runner that prints as
    /// it goes keeps nothing and loses nothing if a later line aborts.
    /// A script longer than [`MAX_SCRIPT_COMMANDS`] runs up to it and ends with a failed line that
    /// says so.
    pub fn run_script_each(&mut self, text: &str, mut each: impl FnMut(LineResult)) {
        let commands = super::script::commands(text);
        let total = commands.len();
        let mut last = 0;
        for (n, line) in commands.into_iter().take(MAX_SCRIPT_COMMANDS) {
            last = n;
            each(self.run_line_at(n, &line));
        }
        if total > MAX_SCRIPT_COMMANDS {
            let failure = Failure::client(format!(
                "The script has {total} commands; the playground runs at most {MAX_SCRIPT_COMMANDS} from one script \
                 and stopped before line {}. Split it into several scripts.",
                last + 1
            ));
            each(self.record(last + 1, String::new(), false, Err(failure)));
        }
    }

    /// Runs one logical line, recording it under the given line number.
    pub fn run_line_at(&mut self, number: usize, line: &str) -> LineResult {
        let trimmed = line.trim();
        let (expect_failure, command) = match trimmed.strip_prefix('!') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, trimmed),
        };
        if command.len() > MAX_LINE_BYTES {
            let failure = Failure::client(format!(
                "The line is {} bytes long; the playground runs lines of at most {MAX_LINE_BYTES} bytes (1 MiB).",
                command.len()
            ));
            // Only the line's start is kept: the transcript is no place for a megabyte.
            let mut shown: String = command.chars().take(200).collect();
            shown.push_str(" ...");
            return self.record(number, shown, expect_failure, Err(failure));
        }
        // A line ending in an unescaped `\` would swallow the next one in a replay; it cannot have
        // run anything, so it is no step.
        let continues = command.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
        let outcome = cli::parse(command, &self.files).and_then(|parsed| self.execute(parsed));
        if !command.is_empty() && !continues {
            self.steps.push(Step::Typed(trimmed.to_string()));
        }
        self.record(number, command.to_string(), expect_failure, outcome)
    }

    /// Keeps a line's result in the transcript (dropping the oldest past the bounds) and returns it.
    fn record(
        &mut self,
        number: usize,
        command: String,
        expect_failure: bool,
        outcome: Result<Done, Failure>,
    ) -> LineResult {
        let (printed, outcome) = match outcome {
            Ok(d) => (d.printed, Ok(d.output)),
            Err(f) => (f.printed, Err(f.error)),
        };
        let result = LineResult { line: number, command, expect_failure, printed, outcome };
        self.kept_bytes += result_bytes(&result);
        self.transcript.push_back(result.clone());
        while self.transcript.len() > KEPT_RESULTS || (self.kept_bytes > KEPT_BYTES && self.transcript.len() > 1) {
            if let Some(old) = self.transcript.pop_front() {
                self.kept_bytes -= result_bytes(&old);
            }
        }
        self.lines_run += 1;
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
            Line::Write { path, body } => {
                self.files.insert(file_key(&path).to_string(), body);
                Ok(Done::text(String::new()))
            }
            Line::Aws(call) => self.call(*call),
            Line::Sim(sim) => self.sim(sim),
        }
    }

    fn call(&mut self, call: AwsCall) -> Result<Done, Failure> {
        let region = call.region.unwrap_or_else(|| self.region.clone());
        let operation = call.request.operation();
        match self.history.execute(Command::Api { region, request: call.request }) {
            Ok(Output::Api(Response::Empty)) => Ok(Done::text(String::new())),
            // `aws cloudformation deploy` prints text, not JSON.
            Ok(Output::Api(Response::StackDeployed(d))) => {
                Ok(Done { printed: d.printed.clone(), output: serde_json::to_value(&d).ok() })
            }
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
                let catalogue = self.history.live().catalogue();
                if !catalogue.has_region(&r) {
                    let message = crate::model::lambda::validation::unknown_region_message(catalogue, &r);
                    return Err(Failure::sim_api("region", &ApiError::invalid_parameter(message)));
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
            Sim::Advance(ms) => {
                let target = self.history.now().plus(ms);
                if target > END_OF_TIME {
                    return Err(Failure::sim_usage(
                        "sim advance <duration>",
                        format!("the clock would pass {END_OF_TIME}, where simulated time ends (it is {})", self.now()),
                    ));
                }
                let costly = self.history.live().minute_by_minute_traffic();
                let minutes = (ms / MINUTE) as u64;
                if costly > 0 && minutes.saturating_mul(costly) > TRAFFIC_MINUTES_PER_LINE {
                    let most_days = TRAFFIC_MINUTES_PER_LINE / costly / (DAY / MINUTE) as u64;
                    let step = if most_days > 0 {
                        format!("{most_days}d")
                    } else {
                        format!("{}m", TRAFFIC_MINUTES_PER_LINE / costly)
                    };
                    return Err(Failure::sim_usage(
                        "sim advance <duration>",
                        format!(
                            "{} function versions run background traffic minute by minute (a fractional rate, or \
                             failing invocations): advancing {} would simulate {} minutes, more than the {} one \
                             line may. Advance at most {step} at a time, or give the traffic a whole rate per minute \
                             (counted an hour at a time).",
                            costly,
                            crate::model::time::format_duration(ms),
                            minutes.saturating_mul(costly),
                            TRAFFIC_MINUTES_PER_LINE
                        ),
                    ));
                }
                Ok(Done::json(&self.advance(ms)))
            }
            Sim::Logs { region, function, qualifier, filter } => {
                let region = region.unwrap_or_else(|| self.region.clone());
                self.logs(&region, &function, qualifier.as_deref(), filter.as_deref())
            }
            Sim::Export { region, format, function } => {
                let region = region.unwrap_or_else(|| self.region.clone());
                let format = super::export::Format::parse(&format).unwrap_or(super::export::Format::Sam);
                super::export::export(self.history.live(), &region, format, function.as_deref())
                    .map(Done::text)
                    .map_err(|e| Failure::local("NoSuchFunction", 1, e))
            }
            Sim::Directive { name, region, directive } => {
                let region = region.unwrap_or_else(|| self.region.clone());
                let before = self.history.live().event_mark();
                match self.history.execute(Command::Sim { region, directive }) {
                    Ok(Output::Sim(out)) => {
                        // A directive can move versions at once (a legacy release, phase 2 now):
                        // say which, as `sim advance` does.
                        let moved = moved_since(self.history.live(), before);
                        let mut v = serde_json::to_value(&out).unwrap_or_default();
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
        let before = self.history.live().event_mark();
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
        let Some(v) = lambda.version(id) else { return Ok(Done::json(&LogEvents { events: Vec::new() })) };
        // Without a qualifier (in the option or the name), every version of the function;
        // `f:$LATEST` names just $LATEST.
        let named = crate::model::arn::FunctionRef::parse(function).ok().and_then(|r| r.qualifier);
        let ids: Vec<VersionId> = match (qualifier.or(named.as_deref()), v.qualifier) {
            (None, Qualifier::Latest) => match lambda.function_of(id) {
                Some(f) => std::iter::once(f.latest).chain(f.published.values().copied()).collect(),
                None => vec![id],
            },
            _ => vec![id],
        };
        let mut events: Vec<LogEvent> = ids
            .iter()
            .filter_map(|&id| lambda.version(id))
            .flat_map(|v| v.environments.logs.iter())
            .filter(|e| filter.is_none_or(|f| matches_filter(&e.message, f)))
            .map(|e| LogEvent { timestamp: e.timestamp.0, log_stream_name: &e.log_stream, message: &e.message })
            .collect();
        // Stable: events of one instant keep their order within a version.
        crate::model::order::sort_by_key(&mut events, |e| e.timestamp);
        Ok(Done::json(&LogEvents { events }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::api::PublishVersionRequest;
    use crate::model::time::HOUR;
    use crate::model::Request;

    #[test]
    fn the_script_is_the_steps_and_replays_the_session() {
        let mut s = Session::new();
        s.run_line("aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip");
        let publish = PublishVersionRequest { function_name: "f".into(), ..Default::default() };
        let click = s
            .run(Line::command(Command::Api { region: "us-east-1".into(), request: Request::PublishVersion(publish) }));
        assert_eq!(click.command, "aws lambda publish-version --function-name f --region us-east-1");
        s.advance_clock(HOUR);
        s.advance_clock(HOUR);
        s.run_line("! sim advance 1h");
        s.run_line("sim release python3.9 \\");
        s.advance_clock(MINUTE);
        assert_eq!(
            s.script(),
            [
                "aws lambda create-function --function-name f --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler h --zip-file fileb://f.zip",
                "aws lambda publish-version --function-name f --region us-east-1",
                "sim advance 2h",
                "! sim advance 1h",
                "sim advance 1m",
            ]
        );
        let mut replay = Session::new();
        replay.run_script(&s.script().join("\n"));
        assert!(replay.history().live() == s.history().live());
        assert_eq!(replay.script(), s.script());
    }

    #[test]
    fn filters_like_cloudwatch_terms() {
        assert!(matches_filter("INIT_START Runtime Version: python:3.9.v14", "INIT_START"));
        assert!(matches_filter("REPORT RequestId: x\tStatus: error", "REPORT error"));
        assert!(!matches_filter("REPORT RequestId: x", "REPORT error"));
        assert!(matches_filter("a b c", "\"b c\""));
        assert!(!matches_filter("a c b", "\"b c\""));
    }
}
