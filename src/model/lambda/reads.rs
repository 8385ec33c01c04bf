//! Reads: name resolution and the responses of Get*/List* calls, shaped as AWS shapes them.

use super::validation;
use super::Lambda;
use crate::api::*;
use crate::arn::{self, function_arn, runtime_version_arn, FunctionRef};
use crate::digest::{hex, sha256};
use crate::error::{ApiError, ApiResult};
use crate::function::{Qualifier, VersionId};

impl Lambda {
    pub(super) fn function_ref(
        &self,
        region: &str,
        name: &str,
        qualifier: Option<&str>,
    ) -> ApiResult<(String, FunctionRef)> {
        let r = FunctionRef::parse(name)?.with_qualifier(qualifier)?;
        validation::region(self.catalogue, region)?;
        // A full ARN in another region is not reachable from this one (LAMBDA.md, recorded): the
        // call never operates elsewhere.
        if let Some(arn_region) = r.region.as_deref().filter(|&r| r != region) {
            return Err(ApiError::not_found(format!(
                "Functions from '{arn_region}' are not reachable in this region ('{region}')"
            )));
        }
        if r.account.as_deref().is_some_and(|a| a != arn::DEFAULT_ACCOUNT) {
            return Err(ApiError::access_denied());
        }
        Ok((region.to_string(), r))
    }

    fn not_found(region: &str, r: &FunctionRef) -> ApiError {
        ApiError::not_found(format!("Function not found: {}", function_arn(region, &r.name, r.qualifier.as_deref())))
    }

    /// The function version a `FunctionName` (+ `Qualifier`) names.
    pub fn resolve(&self, region: &str, name: &str, qualifier: Option<&str>) -> ApiResult<VersionId> {
        let (region, r) = self.function_ref(region, name, qualifier)?;
        let f =
            self.store.functions.get(&(region.clone(), r.name.clone())).ok_or_else(|| Self::not_found(&region, &r))?;
        match r.qualifier.as_deref().map(|q| (q, Qualifier::parse(q))) {
            None | Some((_, Some(Qualifier::Latest))) => Ok(f.latest),
            Some((_, Some(Qualifier::Version(n)))) => {
                f.published.get(&n).copied().ok_or_else(|| Self::not_found(&region, &r))
            }
            // An alias answers for its primary version.
            Some((alias, None)) => {
                let a = f.aliases.get(alias).ok_or_else(|| Self::not_found(&region, &r))?;
                match a.function_version {
                    Qualifier::Latest => Ok(f.latest),
                    Qualifier::Version(n) => f.published.get(&n).copied().ok_or_else(|| Self::not_found(&region, &r)),
                }
            }
        }
    }

    /// `python:3.9.v14`, the runtime version a function version runs; `None` for an id of another
    /// state.
    pub fn runtime_version_name(&self, id: VersionId) -> Option<String> {
        self.store.get(id).map(|_| self.rv_name(id))
    }

    /// The runtime version ARN in force (what `RuntimeVersionConfig` reports).
    pub fn runtime_version_arn(&self, id: VersionId) -> Option<String> {
        self.store.get(id).map(|_| self.rv_arn(id))
    }

    /// The ARN runtime management responses name a version by: unqualified for `$LATEST`.
    pub fn version_arn(&self, id: VersionId) -> Option<String> {
        self.store.get(id).map(|_| self.arn_of(id))
    }

    pub(super) fn rv_name(&self, id: VersionId) -> String {
        let v = &self.store[id];
        self.catalogue[v.config.runtime].version_name(v.runtime_version)
    }

    pub(super) fn rv_arn(&self, id: VersionId) -> String {
        let v = &self.store[id];
        runtime_version_arn(&v.region, &self.catalogue[v.config.runtime].id, v.runtime_version, &v.config.architecture)
    }

    /// `INIT_START Runtime Version: python:3.9.v14<TAB>Runtime Version ARN: arn:...`
    pub(super) fn init_start_line(&self, id: VersionId) -> String {
        format!("INIT_START Runtime Version: {}\tRuntime Version ARN: {}", self.rv_name(id), self.rv_arn(id))
    }

    pub(super) fn arn_of(&self, id: VersionId) -> String {
        let v = &self.store[id];
        match v.qualifier {
            Qualifier::Latest => function_arn(&v.region, &v.function_name, None),
            Qualifier::Version(n) => function_arn(&v.region, &v.function_name, Some(&n.to_string())),
        }
    }

    pub(super) fn configuration(&self, id: VersionId) -> FunctionConfiguration {
        let v = &self.store[id];
        let runtime = &self.catalogue[v.config.runtime];
        let qualified = match v.qualifier {
            Qualifier::Latest => None,
            Qualifier::Version(n) => Some(n.to_string()),
        };
        FunctionConfiguration {
            function_name: v.function_name.clone(),
            function_arn: function_arn(&v.region, &v.function_name, qualified.as_deref()),
            runtime: runtime.id.clone(),
            role: v.config.role.clone(),
            handler: v.config.handler.clone(),
            code_size: v.code.size,
            description: v.config.description.clone(),
            timeout: v.config.timeout,
            memory_size: v.config.memory_size,
            last_modified: v.last_modified.lambda_last_modified(),
            code_sha256: v.code.sha256.clone(),
            version: v.qualifier.to_string(),
            environment: (!v.config.environment.is_empty())
                .then(|| EnvironmentVariables { variables: v.config.environment.clone() }),
            tracing_config: TracingConfig { mode: "PassThrough".into() },
            revision_id: v.revision_id.clone(),
            state: Some("Active".into()),
            state_reason: None,
            state_reason_code: None,
            last_update_status: Some("Successful".into()),
            last_update_status_reason: None,
            last_update_status_reason_code: None,
            package_type: "Zip".into(),
            architectures: vec![v.config.architecture.clone()],
            ephemeral_storage: EphemeralStorage { size: v.config.ephemeral_storage },
            snap_start: SnapStartResponse { apply_on: "None".into(), optimization_status: "Off".into() },
            runtime_version_config: Some(RuntimeVersionConfig { runtime_version_arn: self.rv_arn(id) }),
            logging_config: LoggingConfig {
                log_format: "Text".into(),
                log_group: format!("/aws/lambda/{}", v.function_name),
            },
        }
    }

    /// In list items: no `RuntimeVersionConfig` nor state fields. Where versions are listed
    /// (ListVersionsByFunction, ListFunctions with ALL), `$LATEST` carries its qualifier in the ARN.
    fn list_item(&self, id: VersionId, versions_listed: bool) -> FunctionConfiguration {
        let mut c = self.configuration(id);
        c.runtime_version_config = None;
        c.state = None;
        c.last_update_status = None;
        if versions_listed && self.store[id].qualifier == Qualifier::Latest {
            c.function_arn.push_str(":$LATEST");
        }
        c
    }

    /// GetFunctionConfiguration: `$LATEST` named explicitly (`--qualifier '$LATEST'` or an ARN
    /// ending `:$LATEST`) answers with a `:$LATEST` FunctionArn (LocalStack snapshot
    /// test_get_function_latest_qualifier); unnamed, the ARN is unqualified.
    pub(super) fn get_configuration(&self, region: &str, r: &FunctionRequest) -> ApiResult<FunctionConfiguration> {
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        let mut c = self.configuration(id);
        let (fregion, fref) = self.function_ref(region, &r.function_name, r.qualifier.as_deref())?;
        if fref.qualifier.as_deref() == Some(arn::LATEST) {
            c.function_arn.push_str(":$LATEST");
        }
        // Through an alias: the primary version's configuration under the alias ARN.
        if let Some(alias) = super::aliases::alias_name(fref.qualifier.as_deref()) {
            c.function_arn = function_arn(&fregion, &fref.name, Some(alias));
        }
        Ok(c)
    }

    pub(super) fn get_function(&self, region: &str, r: &FunctionRequest) -> ApiResult<GetFunctionResponse> {
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        let v = &self.store[id];
        Ok(GetFunctionResponse {
            configuration: self.get_configuration(region, r)?,
            code: FunctionCodeLocation {
                repository_type: "S3".into(),
                location: format!(
                    "https://awslambda-{}-tasks.s3.{}.amazonaws.com/snapshots/{}/{}-{}",
                    v.region,
                    v.region,
                    arn::DEFAULT_ACCOUNT,
                    v.function_name,
                    &hex(&sha256(v.code.sha256.as_bytes()))[..36]
                ),
            },
        })
    }

    pub(super) fn list_functions(&self, region: &str, r: &ListFunctionsRequest) -> ApiResult<ListFunctionsResponse> {
        let all = match r.function_version.as_deref() {
            None => false,
            Some("ALL") => true,
            Some(other) => {
                return Err(ApiError::validation(other, "functionVersion", "Member must satisfy enum value set: [ALL]"))
            }
        };
        let mut functions = Vec::new();
        for ((fregion, _), f) in &self.store.functions {
            if fregion != region {
                continue;
            }
            functions.push(self.list_item(f.latest, all));
            if all {
                functions.extend(f.published.values().map(|&id| self.list_item(id, true)));
            }
        }
        if let Some(max) = r.max_items {
            functions.truncate(max as usize);
        }
        Ok(ListFunctionsResponse { functions })
    }

    pub(super) fn list_versions(&self, region: &str, r: &FunctionRequest) -> ApiResult<ListVersionsByFunctionResponse> {
        let latest = self.resolve(region, &r.function_name, None)?;
        let mut versions = Vec::new();
        if let Some(f) = self.store.function_of(latest) {
            versions.push(self.list_item(f.latest, true));
            versions.extend(f.published.values().map(|&id| self.list_item(id, true)));
        }
        Ok(ListVersionsByFunctionResponse { versions })
    }

    pub(super) fn get_runtime_management_config(
        &self,
        region: &str,
        r: &FunctionRequest,
    ) -> ApiResult<GetRuntimeManagementConfigResponse> {
        self.runtime_management_target(region, &r.function_name, r.qualifier.as_deref())?;
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        let v = &self.store[id];
        Ok(GetRuntimeManagementConfigResponse {
            update_runtime_on: v.mode(),
            runtime_version_arn: v.runtime_management.runtime_version_arn.clone(),
            function_arn: self.arn_of(id),
        })
    }
}
