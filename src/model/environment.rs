//! Execution environments (one pool per function version) and the platform log lines they write.

use std::collections::VecDeque;
use std::rc::Rc;

use super::catalogue::RuntimeId;
use super::rng::Rng;
use super::time::{Timestamp, MINUTE};

/// How long an idle environment stays warm ([choice]: AWS publishes no figure).
pub const IDLE_TIMEOUT: i64 = 10 * MINUTE;
/// How many log events one function version keeps ([choice]: a bounded window, newest last).
pub const LOG_RETENTION: usize = 2_000;

/// The text `LAMBDA_WARNING` carries in managed runtimes after an unhandled exception.
pub const UNHANDLED_WARNING: &str = "LAMBDA_WARNING: Unhandled exception. The most likely cause is an issue in the function code. However, in rare cases, a Lambda runtime update can cause unexpected function behavior. For functions using managed runtimes, runtime updates can be triggered by a function change, or can be applied automatically. To determine if the runtime has been updated, check the runtime version in the INIT_START log entry. If this error correlates with a change in the runtime version, you may be able to mitigate this error by temporarily rolling back to the previous runtime version. For more information, see https://docs.aws.amazon.com/lambda/latest/dg/runtimes-update.html";

/// One execution environment: it keeps the runtime version it started with for its whole life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Environment {
    pub runtime: RuntimeId,
    pub runtime_version: u32,
    /// The revision of the code and configuration it loaded.
    pub revision: u64,
    /// Shared with every event of the stream: one allocation per environment, not per line.
    pub log_stream: Rc<str>,
    pub created: Timestamp,
    pub last_used: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEvent {
    pub timestamp: Timestamp,
    pub log_stream: Rc<str>,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnvironmentPool {
    pub environments: Vec<Environment>,
    pub logs: VecDeque<LogEvent>,
    /// Streams ever created, newest last.
    pub streams_created: u64,
    /// The hour (since the epoch) of the last background failure written to the log.
    pub failure_logged_hour: Option<i64>,
}

/// What the pool needs to know about the version being invoked.
pub struct InvokeTarget<'a> {
    pub runtime: RuntimeId,
    pub runtime_version: u32,
    pub revision: u64,
    /// `$LATEST` or the version number, as START and the log stream name print it.
    pub version_label: &'a str,
    pub init_start: &'a dyn Fn() -> String,
    pub memory_size: u32,
    /// Why this invocation fails, if it does.
    pub failure: Option<Failure>,
    /// Write START/END/REPORT even for a warm success (explicit invokes do; background traffic
    /// logs only cold starts and failures, [choice], to keep a fleet week fast).
    pub log_success: bool,
}

/// Why an invocation fails: `<ErrorType>: <message>` either way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The handler raised: the runtime logs the LAMBDA_WARNING and the `[ERROR]` block; REPORT
    /// carries no status.
    Handler(String),
    /// The runtime itself failed (e.g. an expired runtime version): REPORT ends with
    /// `Status: error` and the `Runtime.*` error type.
    Runtime(String),
}

impl Failure {
    pub fn message(&self) -> &str {
        match self {
            Failure::Handler(m) | Failure::Runtime(m) => m,
        }
    }

    /// (`BehaviorChangedError`, `the code relies on ...`).
    pub fn type_and_message(&self) -> (&str, &str) {
        let m = self.message();
        m.split_once(": ").unwrap_or(("Error", m))
    }
}

/// What one invocation did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Invocation {
    pub request_id: String,
    pub cold_start: bool,
    pub error: Option<Failure>,
    /// The log lines of this invocation, for `LogResult` (empty when not logged).
    pub log: Vec<String>,
}

impl EnvironmentPool {
    /// Environments idle past the timeout are reclaimed; so are those whose runtime version or
    /// code no longer matches: new invocations go to new environments.
    pub fn reclaim(&mut self, now: Timestamp, runtime: RuntimeId, runtime_version: u32, revision: u64) {
        self.environments.retain(|e| {
            now.0 - e.last_used.0 < IDLE_TIMEOUT
                && e.runtime == runtime
                && e.runtime_version == runtime_version
                && e.revision == revision
        });
    }

    /// A warm environment of this runtime version and revision at `now`, if any.
    pub fn warm_mut(
        &mut self,
        now: Timestamp,
        runtime: RuntimeId,
        runtime_version: u32,
        revision: u64,
    ) -> Option<&mut Environment> {
        self.environments.iter_mut().find(|e| {
            e.runtime == runtime
                && e.runtime_version == runtime_version
                && e.revision == revision
                && now.0 - e.last_used.0 < IDLE_TIMEOUT
        })
    }

    /// Hands the invocation to a warm environment of this runtime version and revision, if any.
    pub fn try_warm(&mut self, now: Timestamp, runtime: RuntimeId, runtime_version: u32, revision: u64) -> bool {
        match self.warm_mut(now, runtime, runtime_version, revision) {
            Some(e) => {
                e.last_used = now;
                true
            }
            None => false,
        }
    }

    fn push_log(&mut self, timestamp: Timestamp, log_stream: &Rc<str>, message: String) {
        if self.logs.len() == LOG_RETENTION {
            self.logs.pop_front();
        }
        self.logs.push_back(LogEvent { timestamp, log_stream: log_stream.clone(), message });
    }

    pub fn invoke(&mut self, now: Timestamp, rng: &mut Rng, t: &InvokeTarget) -> Invocation {
        self.reclaim(now, t.runtime, t.runtime_version, t.revision);
        let cold_start = self.environments.is_empty();
        if cold_start {
            self.streams_created += 1;
            self.environments.push(Environment {
                runtime: t.runtime,
                runtime_version: t.runtime_version,
                revision: t.revision,
                log_stream: format!("{}/[{}]{}", now.log_stream_date(), t.version_label, rng.hex32()).into(),
                created: now,
                last_used: now,
            });
        }
        let env = self.environments.last_mut().expect("an environment was just ensured");
        env.last_used = now;
        let stream = env.log_stream.clone();
        let request_id = rng.uuid();
        let mut lines = Vec::new();
        if cold_start || t.failure.is_some() || t.log_success {
            // Durations in hundredths of a millisecond: integer formatting, no float formatting
            // (exact float formatting is slow in wasm, and this runs on every logged invocation).
            let duration = 200 + rng.next_u64() % 12_000;
            let memory_used = 36 + rng.next_u64() % 40;
            if cold_start {
                lines.push((t.init_start)());
            }
            lines.push(format!("START RequestId: {request_id} Version: {}", t.version_label));
            // The Python runtime warns first, then writes the error (AWS's recorded order).
            if let Some(Failure::Handler(message)) = &t.failure {
                lines.push(format!("[WARNING]\t{}\t{request_id}\t{UNHANDLED_WARNING}", now.rfc3339()));
                lines.push(format!("[ERROR] {message}"));
            }
            lines.push(format!("END RequestId: {request_id}"));
            let mut report = format!(
                "REPORT RequestId: {request_id}\tDuration: {} ms\tBilled Duration: {} ms\tMemory Size: {} MB\tMax Memory Used: {memory_used} MB",
                hundredths(duration),
                duration.div_ceil(100),
                t.memory_size
            );
            if cold_start {
                report.push_str(&format!("\tInit Duration: {} ms", hundredths(9_000 + rng.next_u64() % 25_000)));
            }
            if let Some(f @ Failure::Runtime(_)) = &t.failure {
                report.push_str(&format!("\tStatus: error\tError Type: {}", f.type_and_message().0));
            }
            // AWS's REPORT lines end with a tab.
            report.push('\t');
            lines.push(report);
            for line in &lines {
                self.push_log(now, &stream, line.clone());
            }
        }
        Invocation { request_id, cold_start, error: t.failure.clone(), log: lines }
    }
}

/// `9578` hundredths as `95.78`.
fn hundredths(n: u64) -> String {
    format!("{}.{:02}", n / 100, n % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target<'a>(
        version: u32,
        revision: u64,
        failure: Option<Failure>,
        init: &'a dyn Fn() -> String,
    ) -> InvokeTarget<'a> {
        InvokeTarget {
            runtime: RuntimeId(0),
            runtime_version: version,
            revision,
            version_label: "$LATEST",
            init_start: init,
            memory_size: 128,
            failure,
            log_success: true,
        }
    }

    #[test]
    fn cold_start_then_warm_then_new_environment_on_version_change() {
        let init14 = || "INIT_START Runtime Version: python:3.9.v14\tRuntime Version ARN: arn".to_string();
        let mut pool = EnvironmentPool::default();
        let mut rng = Rng::new(1);
        let t0 = Timestamp(1_674_432_000_000);
        let first = pool.invoke(t0, &mut rng, &target(14, 1, None, &init14));
        assert!(first.cold_start);
        assert!(first.log[0].starts_with("INIT_START Runtime Version: python:3.9.v14\t"));
        assert!(first.log[1].starts_with("START RequestId: ") && first.log[1].ends_with(" Version: $LATEST"));
        assert!(first.log.last().unwrap().contains("\tInit Duration: "));
        let stream = &pool.environments[0].log_stream;
        assert!(stream.starts_with("2023/01/23/[$LATEST]") && stream.len() == "2023/01/23/[$LATEST]".len() + 32);

        let warm = pool.invoke(t0.plus(MINUTE), &mut rng, &target(14, 1, None, &init14));
        assert!(!warm.cold_start && !warm.log[0].starts_with("INIT_START"));
        assert!(!warm.log.last().unwrap().contains("Init Duration"));

        let init15 = || "INIT_START Runtime Version: python:3.9.v15".to_string();
        let boom = Failure::Handler("Exception: boom".into());
        let moved = pool.invoke(t0.plus(2 * MINUTE), &mut rng, &target(15, 1, Some(boom), &init15));
        assert!(moved.cold_start);
        assert_eq!(pool.environments.len(), 1);
        assert_eq!(pool.environments[0].runtime_version, 15);
        assert!(moved.log.iter().any(|l| l.contains("LAMBDA_WARNING: Unhandled exception.")));
        let warning = moved.log.iter().position(|l| l.contains("LAMBDA_WARNING")).unwrap();
        assert_eq!(moved.log[warning + 1], "[ERROR] Exception: boom", "the warning comes first");
        assert!(!moved.log.last().unwrap().contains("Status"), "a handler error is no runtime failure");
        assert!(moved.log.last().unwrap().ends_with(" ms\t"), "REPORT ends with a tab");

        let idle = pool.invoke(t0.plus(2 * MINUTE + IDLE_TIMEOUT), &mut rng, &target(15, 1, None, &init15));
        assert!(idle.cold_start, "reclaimed after the idle timeout");
    }

    #[test]
    fn logs_are_bounded() {
        let init = String::new;
        let mut pool = EnvironmentPool::default();
        let mut rng = Rng::new(2);
        for i in 0..(LOG_RETENTION as i64) {
            pool.invoke(Timestamp(i * 1000), &mut rng, &target(1, 1, None, &init));
        }
        assert_eq!(pool.logs.len(), LOG_RETENTION);
    }
}
