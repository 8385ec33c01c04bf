//! Invoke: one invocation in a version's pool of execution environments, for the API and for
//! background traffic.

use super::Lambda;
use crate::api::{InvokeRequest, InvokeResponse};
use crate::digest::base64;
use crate::environment::{Failure, Invocation, InvokeTarget};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::function::VersionId;
use crate::rng::Rng;
use crate::time::Timestamp;

/// A JSON string as Python's `json.dumps` writes it (`ensure_ascii`: non-ASCII as `\\uXXXX`).
fn python_json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || !c.is_ascii() => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What Lambda's JSON parser (Jackson) says about a payload that is not JSON, and where.
/// Recorded: "Unexpected character ((CTRL-CHAR, code 153)): expected a valid value (...)" and the
/// location suffix (LocalStack snapshot test_invoke_payload_encoding_error). [choice] The
/// wording for a bare word and for a truncated document follows Jackson's own messages.
fn jackson(payload: &str, e: &serde_json::Error) -> String {
    const VALUE: &str = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    let at = |line: usize, column: usize| {
        format!(
            "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: {line}, column: {column}]"
        )
    };
    let (line, column) = (e.line().max(1), e.column().max(1));
    let text = payload.lines().nth(line - 1).unwrap_or_default();
    let rest: String = text.chars().skip(column - 1).collect();
    match rest.chars().next() {
        None => format!("Unexpected end-of-input{}", at(line, column)),
        Some(c) if c.is_alphanumeric() || c == '_' => {
            let token: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let end = column + token.chars().count();
            format!("Unrecognized token '{token}': was expecting {VALUE}{}", at(line, end))
        }
        Some(c) if c.is_control() => {
            format!(
                "Unexpected character ((CTRL-CHAR, code {})): expected a valid value {VALUE}{}",
                c as u32,
                at(line, column)
            )
        }
        Some(c) => format!(
            "Unexpected character ('{c}' (code {})): expected a valid value {VALUE}{}",
            c as u32,
            at(line, column)
        ),
    }
}

impl Lambda {
    /// Why an invocation at `at` fails, if it does: an expired runtime version, or code relying on a
    /// behaviour its runtime version changed.
    fn invoke_target_failure(&self, id: VersionId, at: Timestamp) -> Option<Failure> {
        let v = &self.store[id];
        if self.releases.expiry(v.config.runtime, v.runtime_version).is_some_and(|e| at >= e) {
            return Some(Failure::Runtime(format!(
                "Runtime.ExpiredRuntimeVersion: {} is past its end of life (an expired certificate in its trust store)",
                self.rv_name(id)
            )));
        }
        if v.broken {
            let breaks = self.releases.breaks(self.catalogue, v.config.runtime, v.runtime_version, &v.code.relies_on);
            return breaks.map(Failure::Handler);
        }
        None
    }

    /// Runs one invocation at `at` in the version's pool. `log_success`: see `InvokeTarget`.
    pub(super) fn run_invocation(
        &mut self,
        id: VersionId,
        at: Timestamp,
        log_success: bool,
        rng: &mut Rng,
    ) -> Invocation {
        let failure = self.invoke_target_failure(id, at);
        // The hot path of background traffic: a warm success writes no log and draws nothing.
        if !log_success && failure.is_none() {
            let v = self.store.quiet_mut(id);
            if v.environments.try_warm(at, v.config.runtime, v.runtime_version, v.revision) {
                v.metrics.record(at, 1, 0, 0);
                return Invocation::default();
            }
        }
        let init = self.init_start_line(id);
        let v = &self.store[id];
        let label = v.qualifier.to_string();
        let target = InvokeTarget {
            runtime: v.config.runtime,
            runtime_version: v.runtime_version,
            revision: v.revision,
            version_label: &label,
            init_start: &|| init.clone(),
            memory_size: v.config.memory_size,
            failure,
            log_success,
        };
        let v = &mut self.store[id];
        let inv = v.environments.invoke(at, rng, &target);
        v.metrics.record(at, 1, inv.error.is_some().into(), inv.cold_start.into());
        inv
    }

    pub(super) fn invoke(&mut self, region: &str, r: &InvokeRequest) -> ApiResult<InvokeResponse> {
        // Invoke names what it did not find with its default qualifier: `...:function:f:$LATEST`.
        let qualifier = r.qualifier.as_deref().or_else(|| {
            let named = crate::arn::FunctionRef::parse(&r.function_name).ok()?.qualifier;
            named.is_none().then_some(crate::arn::LATEST)
        });
        let mut id = self.resolve(region, &r.function_name, qualifier)?;
        // Through a weighted alias, each invocation draws which version runs.
        let (fregion, fref) = self.function_ref(region, &r.function_name, qualifier)?;
        if let Some(alias) = super::aliases::alias_name(fref.qualifier.as_deref()) {
            id = self.route(&(fregion, fref.name.clone()), alias).unwrap_or(id);
        }
        let tail = match r.log_type.as_deref() {
            None | Some("None") => false,
            Some("Tail") => true,
            Some(other) => {
                return Err(ApiError::validation(other, "logType", "Member must satisfy enum value set: [Tail, None]"))
            }
        };
        if let Some(p) = &r.payload {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(p) {
                return Err(ApiError::new(
                    ErrorCode::InvalidRequestContentException,
                    format!(
                        "Could not parse request body into json: Could not parse payload into json: {}",
                        jackson(p, &e)
                    ),
                ));
            }
        }
        let mut rng = std::mem::replace(&mut self.rng, Rng::new(0));
        let inv = self.run_invocation(id, self.now, true, &mut rng);
        self.rng = rng;
        let payload = match &inv.error {
            None => r#"{"statusCode": 200, "body": "\"Hello from Lambda!\""}"#.to_string(),
            Some(failure) => {
                // As the Python runtime writes it: json.dumps with its default separators.
                let (error_type, error_message) = failure.type_and_message();
                format!(
                    "{{\"errorMessage\": {}, \"errorType\": {}, \"requestId\": {}, \"stackTrace\": []}}",
                    python_json_string(error_message),
                    python_json_string(error_type),
                    python_json_string(&inv.request_id)
                )
            }
        };
        let log_result = tail.then(|| {
            // INIT_START goes to CloudWatch Logs only: AWS never returns it in the tail.
            let lines: Vec<&str> =
                inv.log.iter().map(String::as_str).filter(|l| !l.starts_with("INIT_START")).collect();
            let mut text = lines.join("\n");
            text.push('\n');
            // The last 4 KB, cut on a character boundary.
            let mut start = text.len().saturating_sub(4096);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            base64(&text.as_bytes()[start..])
        });
        Ok(InvokeResponse {
            status_code: 200,
            function_error: inv.error.as_ref().map(|_| "Unhandled".to_string()),
            log_result,
            executed_version: self.store[id].qualifier.to_string(),
            payload,
        })
    }
}
