//! Invoke: one invocation in a version's pool of execution environments, for the API and for
//! background traffic.

use super::Lambda;
use crate::model::api::{InvokeRequest, InvokeResponse};
use crate::model::digest::base64;
use crate::model::environment::{Invocation, InvokeTarget};
use crate::model::error::{ApiError, ApiResult, ErrorCode};
use crate::model::function::VersionId;
use crate::model::rng::Rng;
use crate::model::time::Timestamp;

impl Lambda {
    /// Why an invocation at `at` fails, if it does: an expired runtime version, or code relying on a
    /// behaviour its runtime version changed.
    fn invoke_target_failure(&self, id: VersionId, at: Timestamp) -> Option<String> {
        let v = &self.store[id];
        if self.releases.expiry(v.config.runtime, v.runtime_version).is_some_and(|e| at >= e) {
            return Some(format!(
                "Runtime.ExpiredRuntimeVersion: {} is past its end of life (an expired certificate in its trust store)",
                self.rv_name(id)
            ));
        }
        if v.broken {
            return self.releases.breaks(self.catalogue, v.config.runtime, v.runtime_version, &v.code.relies_on);
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
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        let tail = match r.log_type.as_deref() {
            None | Some("None") => false,
            Some("Tail") => true,
            Some(other) => {
                return Err(ApiError::validation(other, "logType", "Member must satisfy enum value set: [Tail, None]"))
            }
        };
        if let Some(p) = &r.payload {
            if serde_json::from_str::<serde_json::Value>(p).is_err() {
                return Err(ApiError::new(
                    ErrorCode::InvalidParameterValueException,
                    "Could not parse request body into json: Could not parse payload into json: Unexpected character",
                ));
            }
        }
        let mut rng = std::mem::replace(&mut self.rng, Rng::new(0));
        let inv = self.run_invocation(id, self.now, true, &mut rng);
        self.rng = rng;
        let payload = match &inv.error {
            None => r#"{"statusCode": 200, "body": "\"Hello from Lambda!\""}"#.to_string(),
            Some(message) => {
                let (error_type, error_message) = message.split_once(": ").unwrap_or(("Error", message));
                serde_json::json!({
                    "errorMessage": error_message,
                    "errorType": error_type,
                    "requestId": inv.request_id,
                    "stackTrace": []
                })
                .to_string()
            }
        };
        let log_result = tail.then(|| {
            let mut text = inv.log.join("\n");
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
