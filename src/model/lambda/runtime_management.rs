//! PutRuntimeManagementConfig: a version's update mode, and a Manual pin (a rollback or a roll
//! forward to a runtime version released in its region).

use super::events::EventKind;
use super::validation;
use super::Lambda;
use crate::api::{PutRuntimeManagementConfigRequest, PutRuntimeManagementConfigResponse};
use crate::arn;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::function::{Change, RuntimeManagement, VersionId};
use crate::runtime_management::UpdateRuntimeOn;

impl Lambda {
    pub(super) fn put_runtime_management_config(
        &mut self,
        region: &str,
        r: &PutRuntimeManagementConfigRequest,
    ) -> ApiResult<PutRuntimeManagementConfigResponse> {
        let mode: UpdateRuntimeOn = r
            .update_runtime_on
            .parse()
            .map_err(|m| ApiError::new(ErrorCode::ValidationException, format!("1 validation error detected: {m}")))?;
        self.runtime_management_target(region, &r.function_name, r.qualifier.as_deref())?;
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        let pinned = match (mode, &r.runtime_version_arn) {
            (UpdateRuntimeOn::Manual, None) => {
                return Err(ApiError::invalid_parameter(
                    "RuntimeVersionArn is required when UpdateRuntimeOn is Manual.",
                ))
            }
            (UpdateRuntimeOn::Manual, Some(rv_arn)) => Some((self.pin_target(id, rv_arn)?, rv_arn.clone())),
            (_, Some(_)) => {
                return Err(ApiError::invalid_parameter(format!(
                    "RuntimeVersionArn can be set only when UpdateRuntimeOn is Manual, not {mode}."
                )))
            }
            (_, None) => None,
        };
        let before = self.rv_name(id);
        let (runtime, current) = (self.store[id].config.runtime, self.store[id].runtime_version);
        self.store[id].runtime_management =
            RuntimeManagement { update_runtime_on: mode, runtime_version_arn: pinned.as_ref().map(|p| p.1.clone()) };
        match (mode, pinned) {
            (UpdateRuntimeOn::Manual, Some((number, _))) => {
                self.move_version(id, runtime, number, Change::RuntimeManagementConfig)
            }
            // [choice] Back to Auto: the version takes the newest runtime version of its region
            // at once, as an update would, rather than waiting for a rollout that may be over.
            (UpdateRuntimeOn::Auto, _) => {
                let number = self.newest_available(runtime, &self.store[id].region);
                if number > current {
                    self.move_version(id, runtime, number, Change::RuntimeManagementConfig);
                }
            }
            // FunctionUpdate keeps the version in force until the next update.
            _ => {}
        }
        let after = self.rv_name(id);
        let detail =
            if before == after { format!("{mode} on {after}") } else { format!("{mode}: {before} to {after}") };
        self.event(id, EventKind::RuntimeManagementConfig, detail);
        Ok(PutRuntimeManagementConfigResponse {
            update_runtime_on: mode,
            function_arn: self.arn_of(id),
            runtime_version_arn: self.store[id].runtime_management.runtime_version_arn.clone(),
        })
    }

    /// Put/GetRuntimeManagementConfig refuse an alias before anything else is looked up.
    pub(super) fn runtime_management_target(&self, region: &str, name: &str, qualifier: Option<&str>) -> ApiResult<()> {
        let (fregion, fref) = self.function_ref(region, name, qualifier)?;
        validation::no_alias(&fregion, &fref.name, fref.qualifier.as_deref())
    }

    /// The runtime version number a Manual pin's ARN names, if the version may run it: released
    /// in the function's region, of its runtime and architecture.
    fn pin_target(&self, id: VersionId, rv_arn: &str) -> ApiResult<u32> {
        let v = &self.store[id];
        let (runtime, arch, fregion) = (v.config.runtime, &v.config.architecture, &v.region);
        let released =
            |rt: &str| self.catalogue.runtime_index(rt).map(|i| self.runtime_versions(i)).unwrap_or_default();
        let found = arn::resolve_runtime_version_arn(self.catalogue, rv_arn, released)?;
        let (rv_region, _) = arn::parse_runtime_version_arn(rv_arn)?;
        let Some(found) = found else {
            return Err(ApiError::invalid_parameter(format!(
                "The runtime version ARN {rv_arn} does not name a released runtime version."
            )));
        };
        let runtime_id = &self.catalogue[runtime].id;
        if rv_region != *fregion {
            return Err(ApiError::invalid_parameter(format!(
                "The runtime version ARN is in region {rv_region}, but the function is in region {fregion}."
            )));
        }
        if found.runtime != *runtime_id {
            return Err(ApiError::invalid_parameter(format!(
                "The runtime version ARN is a version of {}, but the function uses {runtime_id}.",
                found.runtime
            )));
        }
        if found.architecture != *arch {
            return Err(ApiError::invalid_parameter(format!(
                "The runtime version ARN is for architecture {}, but the function uses {arch}.",
                found.architecture
            )));
        }
        if !self.available_versions(runtime, fregion).contains(&found.number) {
            return Err(ApiError::invalid_parameter(format!(
                "Runtime version {} is not yet released in {fregion}.",
                self.catalogue[runtime].version_name(found.number)
            )));
        }
        Ok(found.number)
    }
}
