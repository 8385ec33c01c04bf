//! The simulated Lambda control plane: every API call, the rollout engine and the clock.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::api::*;
use super::arn::{self, function_arn, runtime_version_arn, FunctionRef, LATEST};
use super::catalogue::{Catalogue, RolloutTiming};
use super::digest::{base64, sha256};
use super::environment::{EnvironmentPool, InvokeTarget, IDLE_TIMEOUT};
use super::error::{ApiError, ApiResult};
use super::function::*;
use super::metrics::{VersionMetrics, INTERVAL};
use super::request::{Directive, Request};
use super::rng::{hash_str, mix, Rng};
use super::rollout::{self, Rollout, RolloutPolicy, RuntimeVersion};
use super::runtime_management::UpdateRuntimeOn;
use super::time::{Timestamp, MINUTE};

fn floor_minute(t: Timestamp) -> Timestamp {
    Timestamp(t.0.div_euclid(MINUTE) * MINUTE)
}

/// Something that happens at a known instant, whatever the person does meanwhile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Task {
    /// Phase 2 begins in one region of one rollout: schedule its moves.
    Phase2Start { rollout: usize, region: usize },
    /// Phase 2 reaches one Auto function version.
    Move { version: VersionId, rollout: usize },
}

/// A person's action or a platform step, for the event history and the timeline markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub at: Timestamp,
    pub region: String,
    /// Empty for platform events (releases).
    pub function: String,
    pub qualifier: Option<Qualifier>,
    pub kind: EventKind,
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Create,
    CodeUpdate,
    ConfigurationUpdate,
    Publish,
    RuntimeManagementConfig,
    Delete,
    Release,
    Phase2Now,
}

/// The whole simulated service. Cloning it is a snapshot.
#[derive(Clone, Debug)]
pub struct Lambda {
    pub catalogue: &'static Catalogue,
    pub now: Timestamp,
    pub seed: u64,
    rng: Rng,
    pub policy: RolloutPolicy,
    pub timing: RolloutTiming,
    /// Released after the session started, per runtime index.
    pub released: Vec<Vec<RuntimeVersion>>,
    pub rollouts: Vec<Rollout>,
    pub versions: Vec<FunctionVersion>,
    /// (region, name) to the function.
    pub functions: BTreeMap<(String, String), Function>,
    pub events: Vec<Event>,
    queue: BinaryHeap<Reverse<(Timestamp, u64, Task)>>,
    queued: u64,
    /// Versions with background traffic.
    traffic: Vec<VersionId>,
    /// Every version in `traffic` has run its ticks up to this minute.
    traffic_synced: Timestamp,
}

fn vec_of(arch: &str) -> Vec<String> {
    vec![arch.to_string()]
}

/// [choice] How many runtime versions `sim release` may add to one runtime in a session: decades
/// of Lambda's pace (a few a month), and a bound on the state every snapshot copies.
pub const MAX_RELEASES_PER_RUNTIME: usize = 1_000;

impl Lambda {
    pub fn new(start: Timestamp, seed: u64) -> Lambda {
        let catalogue = Catalogue::builtin();
        Lambda {
            catalogue,
            now: start,
            seed,
            rng: Rng::new(seed),
            policy: RolloutPolicy::TwoPhase,
            timing: catalogue.rollout,
            released: vec![Vec::new(); catalogue.runtimes.len()],
            rollouts: Vec::new(),
            versions: Vec::new(),
            functions: BTreeMap::new(),
            events: Vec::new(),
            queue: BinaryHeap::new(),
            queued: 0,
            traffic: Vec::new(),
            traffic_synced: floor_minute(start),
        }
    }

    // ---------------------------------------------------------------- catalogue and versions

    /// Every version number of a runtime that exists anywhere, ascending.
    pub fn runtime_versions(&self, runtime: usize) -> Vec<u32> {
        let mut v = self.catalogue.runtimes[runtime].versions.clone();
        // `released` also holds catalogue versions that were given an expiry: sort and dedup.
        v.extend(self.released[runtime].iter().map(|r| r.number));
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Version numbers released in a region by now (its phase 1 has begun there), ascending.
    pub fn available_versions(&self, runtime: usize, region: &str) -> Vec<u32> {
        let mut v = self.catalogue.runtimes[runtime].versions.clone();
        for r in self.rollouts.iter().filter(|r| r.runtime == runtime) {
            if r.regions.iter().any(|rr| rr.region == region && rr.phase1_start <= self.now) {
                v.push(r.number);
            }
        }
        v
    }

    /// The newest runtime version phase 1 offers in a region: what a created or updated
    /// Auto/FunctionUpdate function gets.
    pub fn newest_available(&self, runtime: usize, region: &str) -> u32 {
        // Every catalogue runtime has at least one version (the catalogue parser checks).
        *self.available_versions(runtime, region).last().unwrap_or(&0)
    }

    fn released_version(&self, runtime: usize, number: u32) -> Option<&RuntimeVersion> {
        self.released[runtime].iter().find(|r| r.number == number)
    }

    /// Code relying on a behaviour fails on every version from the first one that changed it.
    fn breaks(&self, runtime: usize, number: u32, relies_on: &[String]) -> Option<String> {
        let name = &self.catalogue.runtimes[runtime];
        self.released[runtime]
            .iter()
            .filter(|r| r.number <= number)
            .flat_map(|r| r.changes.iter().map(move |c| (r.number, c)))
            .find(|(_, c)| relies_on.contains(c))
            .map(|(n, c)| {
                format!(
                    "BehaviorChangedError: the code relies on behavior '{c}', which {} changed",
                    name.version_name(n)
                )
            })
    }

    pub fn runtime_version_name(&self, id: VersionId) -> String {
        let v = &self.versions[id];
        self.catalogue.runtimes[v.config.runtime].version_name(v.runtime_version)
    }

    pub fn runtime_version_arn(&self, id: VersionId) -> String {
        let v = &self.versions[id];
        runtime_version_arn(
            &v.region,
            &self.catalogue.runtimes[v.config.runtime].id,
            v.runtime_version,
            &v.config.architecture,
        )
    }

    /// `INIT_START Runtime Version: python:3.9.v14<TAB>Runtime Version ARN: arn:...`
    pub fn init_start_line(&self, id: VersionId) -> String {
        format!(
            "INIT_START Runtime Version: {}\tRuntime Version ARN: {}",
            self.runtime_version_name(id),
            self.runtime_version_arn(id)
        )
    }

    fn refresh_breakage(&mut self, id: VersionId) {
        let v = &self.versions[id];
        let broken = self.breaks(v.config.runtime, v.runtime_version, &v.code.relies_on).is_some();
        self.versions[id].broken = broken;
    }

    fn move_version(&mut self, id: VersionId, runtime: usize, number: u32, cause: Change) {
        let now = self.now;
        self.versions[id].set_runtime_version(now, runtime, number, cause);
        self.refresh_breakage(id);
    }

    // ---------------------------------------------------------------- lookups

    fn function_ref(&self, region: &str, name: &str, qualifier: Option<&str>) -> ApiResult<(String, FunctionRef)> {
        let r = FunctionRef::parse(name)?.with_qualifier(qualifier)?;
        // [choice] A full ARN names its own region; otherwise the caller's region applies.
        let region = r.region.clone().unwrap_or_else(|| region.to_string());
        self.check_region(&region)?;
        Ok((region, r))
    }

    fn check_region(&self, region: &str) -> ApiResult<()> {
        if self.catalogue.has_region(region) {
            return Ok(());
        }
        Err(ApiError::new(
            super::error::ErrorCode::ValidationException,
            format!(
                "The playground does not simulate region {region}. Regions: {}.",
                self.catalogue.regions.join(", ")
            ),
        ))
    }

    fn not_found(region: &str, r: &FunctionRef) -> ApiError {
        ApiError::not_found(format!("Function not found: {}", function_arn(region, &r.name, r.qualifier.as_deref())))
    }

    /// The function version a `FunctionName` (+ `Qualifier`) names.
    pub fn resolve(&self, region: &str, name: &str, qualifier: Option<&str>) -> ApiResult<VersionId> {
        let (region, r) = self.function_ref(region, name, qualifier)?;
        let f = self.functions.get(&(region.clone(), r.name.clone())).ok_or_else(|| Self::not_found(&region, &r))?;
        if r.account.as_deref().is_some_and(|a| a != arn::DEFAULT_ACCOUNT) {
            return Err(Self::not_found(&region, &r));
        }
        match r.qualifier.as_deref().map(|q| (q, Qualifier::parse(q))) {
            None | Some((_, Some(Qualifier::Latest))) => Ok(f.latest),
            Some((_, Some(Qualifier::Version(n)))) => {
                f.published.get(&n).copied().ok_or_else(|| Self::not_found(&region, &r))
            }
            // Aliases are not modelled yet: an alias name finds nothing.
            Some((_, None)) => Err(Self::not_found(&region, &r)),
        }
    }

    fn function_of(&self, id: VersionId) -> &Function {
        let v = &self.versions[id];
        &self.functions[&(v.region.clone(), v.function_name.clone())]
    }

    fn function_mut(&mut self, id: VersionId) -> &mut Function {
        let key = (self.versions[id].region.clone(), self.versions[id].function_name.clone());
        self.functions.get_mut(&key).expect("a live version belongs to a function")
    }

    /// Live function versions, in region, name, qualifier order.
    pub fn live_versions(&self) -> Vec<VersionId> {
        let mut out = Vec::new();
        for f in self.functions.values() {
            out.push(f.latest);
            out.extend(f.published.values().copied());
        }
        out
    }

    // ---------------------------------------------------------------- responses

    pub fn configuration(&self, id: VersionId) -> FunctionConfiguration {
        let v = &self.versions[id];
        let runtime = &self.catalogue.runtimes[v.config.runtime];
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
            architectures: vec_of(&v.config.architecture),
            ephemeral_storage: EphemeralStorage { size: v.config.ephemeral_storage },
            snap_start: SnapStartResponse { apply_on: "None".into(), optimization_status: "Off".into() },
            runtime_version_config: Some(RuntimeVersionConfig { runtime_version_arn: self.runtime_version_arn(id) }),
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
        if versions_listed && self.versions[id].qualifier == Qualifier::Latest {
            c.function_arn.push_str(":$LATEST");
        }
        c
    }

    // ---------------------------------------------------------------- validation helpers

    fn runtime_index(&self, id: &str) -> ApiResult<usize> {
        self.catalogue.runtime_index(id).ok_or_else(|| {
            ApiError::invalid_parameter(format!(
                "Value {id} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: {} or be a valid ARN",
                self.catalogue.runtime_enum()
            ))
        })
    }

    fn check_lifecycle(&self, runtime: usize, blocked_from: Timestamp) -> ApiResult<()> {
        if self.now >= blocked_from {
            return Err(ApiError::invalid_parameter(format!(
                "The runtime parameter of {} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.",
                self.catalogue.runtimes[runtime].id
            )));
        }
        Ok(())
    }

    fn architecture(&self, archs: &Option<Vec<String>>, runtime: usize) -> ApiResult<Option<String>> {
        let Some(archs) = archs else { return Ok(None) };
        let shown = format!("[{}]", archs.join(", "));
        if archs.len() != 1 {
            return Err(ApiError::validation(
                &shown,
                "architectures",
                "Member must have length less than or equal to 1",
            ));
        }
        let arch = &archs[0];
        if arch != "x86_64" && arch != "arm64" {
            return Err(ApiError::validation(
                &shown,
                "architectures",
                "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]",
            ));
        }
        if !self.catalogue.runtimes[runtime].supports(arch) {
            return Err(ApiError::invalid_parameter(format!(
                "Runtime {} does not support architecture {arch}.",
                self.catalogue.runtimes[runtime].id
            )));
        }
        Ok(Some(arch.clone()))
    }

    fn check_role(role: &str) -> ApiResult<()> {
        let ok =
            role.strip_prefix("arn:aws:iam::").and_then(|r| r.split_once(":role/")).is_some_and(|(account, name)| {
                account.len() == 12
                    && account.bytes().all(|b| b.is_ascii_digit())
                    && !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || "+=,.@-_/".contains(c))
            });
        if ok {
            Ok(())
        } else {
            Err(ApiError::validation(
                role,
                "role",
                "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+",
            ))
        }
    }

    fn check_limits(timeout: Option<u32>, memory: Option<u32>) -> ApiResult<()> {
        let bound = |v: u32, field: &str, min: u32, max: u32| -> ApiResult<()> {
            match v {
                _ if v < min => Err(ApiError::validation(
                    &v.to_string(),
                    field,
                    &format!("Member must have value greater than or equal to {min}"),
                )),
                _ if v > max => Err(ApiError::validation(
                    &v.to_string(),
                    field,
                    &format!("Member must have value less than or equal to {max}"),
                )),
                _ => Ok(()),
            }
        };
        timeout.map_or(Ok(()), |t| bound(t, "timeout", 1, 900))?;
        memory.map_or(Ok(()), |m| bound(m, "memorySize", 128, 10240))
    }

    fn check_revision(&self, id: VersionId, revision: &Option<String>) -> ApiResult<()> {
        match revision {
            Some(r) if *r != self.versions[id].revision_id => Err(ApiError::new(
                super::error::ErrorCode::PreconditionFailedException,
                "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
            )),
            _ => Ok(()),
        }
    }

    fn code(&self, zip_file: &str) -> Code {
        let digest = sha256(zip_file.as_bytes());
        Code {
            location: zip_file.to_string(),
            sha256: base64(&digest),
            size: 180 + hash_str(zip_file) % 4_000,
            relies_on: Vec::new(),
        }
    }

    fn event(&mut self, id: VersionId, kind: EventKind, detail: String) {
        let v = &self.versions[id];
        self.events.push(Event {
            at: self.now,
            region: v.region.clone(),
            function: v.function_name.clone(),
            qualifier: Some(v.qualifier),
            kind,
            detail,
        });
    }

    // ---------------------------------------------------------------- the API

    pub fn handle(&mut self, region: &str, request: &Request) -> ApiResult<Response> {
        if !self.catalogue.has_region(region) {
            return Err(ApiError::new(
                super::error::ErrorCode::ValidationException,
                format!(
                    "The playground does not simulate region {region}. Regions: {}.",
                    self.catalogue.regions.join(", ")
                ),
            ));
        }
        match request {
            Request::CreateFunction(r) => self.create_function(region, r).map(|c| Response::Function(Box::new(c))),
            Request::UpdateFunctionCode(r) => {
                self.update_function_code(region, r).map(|c| Response::Function(Box::new(c)))
            }
            Request::UpdateFunctionConfiguration(r) => {
                self.update_function_configuration(region, r).map(|c| Response::Function(Box::new(c)))
            }
            Request::PublishVersion(r) => self.publish_version(region, r).map(|c| Response::Function(Box::new(c))),
            Request::GetFunction(r) => {
                let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
                let v = &self.versions[id];
                Ok(Response::GetFunction(Box::new(GetFunctionResponse {
                    configuration: self.configuration(id),
                    code: FunctionCodeLocation {
                        repository_type: "S3".into(),
                        location: format!(
                            "https://awslambda-{}-tasks.s3.{}.amazonaws.com/snapshots/{}/{}-{}",
                            v.region,
                            v.region,
                            arn::DEFAULT_ACCOUNT,
                            v.function_name,
                            &super::digest::hex(&sha256(v.code.sha256.as_bytes()))[..36]
                        ),
                    },
                })))
            }
            Request::GetFunctionConfiguration(r) => {
                let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
                Ok(Response::Function(Box::new(self.configuration(id))))
            }
            Request::ListFunctions(r) => {
                let all = match r.function_version.as_deref() {
                    None => false,
                    Some("ALL") => true,
                    Some(other) => {
                        return Err(ApiError::validation(
                            other,
                            "functionVersion",
                            "Member must satisfy enum value set: [ALL]",
                        ))
                    }
                };
                let mut functions = Vec::new();
                for ((fregion, _), f) in &self.functions {
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
                Ok(Response::ListFunctions(ListFunctionsResponse { functions }))
            }
            Request::ListVersionsByFunction(r) => {
                let latest = self.resolve(region, &r.function_name, None)?;
                let f = self.function_of(latest);
                let mut versions = vec![self.list_item(f.latest, true)];
                versions.extend(f.published.values().map(|&id| self.list_item(id, true)));
                Ok(Response::ListVersions(ListVersionsByFunctionResponse { versions }))
            }
            Request::DeleteFunction(r) => self.delete_function(region, r).map(|_| Response::Empty),
            Request::PutRuntimeManagementConfig(r) => {
                self.put_runtime_management_config(region, r).map(Response::PutRuntimeManagementConfig)
            }
            Request::GetRuntimeManagementConfig(r) => {
                let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
                let v = &self.versions[id];
                Ok(Response::GetRuntimeManagementConfig(GetRuntimeManagementConfigResponse {
                    update_runtime_on: v.mode(),
                    runtime_version_arn: v.runtime_management.runtime_version_arn.clone(),
                    function_arn: self.version_arn(id),
                }))
            }
            Request::Invoke(r) => self.invoke(region, r).map(Response::Invoke),
        }
    }

    /// The ARN runtime management responses name a version by: unqualified for `$LATEST`.
    pub fn version_arn(&self, id: VersionId) -> String {
        let v = &self.versions[id];
        match v.qualifier {
            Qualifier::Latest => function_arn(&v.region, &v.function_name, None),
            Qualifier::Version(n) => function_arn(&v.region, &v.function_name, Some(&n.to_string())),
        }
    }

    fn create_function(&mut self, region: &str, r: &CreateFunctionRequest) -> ApiResult<FunctionConfiguration> {
        let (fregion, fref) = self.function_ref(region, &r.function_name, None)?;
        if fref.qualifier.is_some() {
            return Err(ApiError::invalid_parameter(
                "Function name cannot contain a qualifier when creating a function.",
            ));
        }
        Self::check_role(&r.role)?;
        let (Some(runtime), Some(handler)) = (&r.runtime, &r.handler) else {
            return Err(ApiError::invalid_parameter(
                "Runtime and Handler are mandatory parameters for functions created with deployment packages.",
            ));
        };
        let runtime = self.runtime_index(runtime)?;
        self.check_lifecycle(runtime, self.catalogue.runtimes[runtime].block_function_create)?;
        let architecture = self.architecture(&r.architectures, runtime)?.unwrap_or_else(|| "x86_64".into());
        Self::check_limits(r.timeout, r.memory_size)?;
        let key = (fregion.clone(), fref.name.clone());
        if self.functions.contains_key(&key) {
            return Err(ApiError::conflict(format!("Function already exist: {}", fref.name)));
        }
        let number = self.newest_available(runtime, &fregion);
        let revision_id = self.rng.uuid();
        let mut v = FunctionVersion {
            region: fregion.clone(),
            function_name: fref.name.clone(),
            qualifier: Qualifier::Latest,
            code: self.code(&r.code.zip_file),
            config: Configuration {
                runtime,
                role: r.role.clone(),
                handler: handler.clone(),
                description: r.description.clone().unwrap_or_default(),
                timeout: r.timeout.unwrap_or(3),
                memory_size: r.memory_size.unwrap_or(128),
                architecture,
                environment: r.environment.clone().map(|e| e.variables).unwrap_or_default(),
                ephemeral_storage: 512,
            },
            runtime_management: RuntimeManagement {
                update_runtime_on: UpdateRuntimeOn::Auto,
                runtime_version_arn: None,
            },
            runtime_version: number,
            revision_id,
            revision: 0,
            last_modified: self.now,
            created: self.now,
            segments: Vec::new(),
            environments: EnvironmentPool::default(),
            metrics: VersionMetrics::default(),
            traffic_per_minute: 0.0,
            traffic_cursor: Timestamp(0),
            broken: false,
            deleted: None,
        };
        v.set_runtime_version(self.now, runtime, number, Change::Create);
        let id = self.versions.len();
        self.versions.push(v);
        self.functions.insert(
            key,
            Function { latest: id, published: BTreeMap::new(), last_version_number: 0, last_published: None },
        );
        self.event(
            id,
            EventKind::Create,
            format!("{} ({})", self.catalogue.runtimes[runtime].id, self.runtime_version_name(id)),
        );
        let mut out = if r.publish { self.publish(id, None)? } else { self.configuration(id) };
        out.state = Some("Pending".into());
        out.state_reason = Some("The function is being created.".into());
        out.state_reason_code = Some("Creating".into());
        Ok(out)
    }

    /// Phase 1: a created or updated `$LATEST` in Auto or FunctionUpdate mode takes the newest
    /// runtime version of its region; Manual keeps its pin.
    fn apply_update(&mut self, id: VersionId, runtime: usize, cause: Change) {
        let v = &self.versions[id];
        if v.mode() != UpdateRuntimeOn::Manual {
            let number = self.newest_available(runtime, &v.region);
            self.move_version(id, runtime, number, cause);
        }
        let v = &mut self.versions[id];
        v.revision += 1;
        v.last_modified = self.now;
        v.revision_id = self.rng.uuid();
    }

    fn in_progress(mut c: FunctionConfiguration) -> FunctionConfiguration {
        c.last_update_status = Some("InProgress".into());
        c.last_update_status_reason = Some("The function is being created.".into());
        c.last_update_status_reason_code = Some("Creating".into());
        c
    }

    fn latest_for_update(&self, region: &str, name: &str) -> ApiResult<VersionId> {
        let (fregion, fref) = self.function_ref(region, name, None)?;
        let id = self.resolve(region, name, None)?;
        if matches!(fref.qualifier.as_deref(), Some(q) if q != LATEST) {
            return Err(ApiError::invalid_parameter(format!(
                "Unqualified function name or $LATEST is required for this operation: {}",
                function_arn(&fregion, &fref.name, fref.qualifier.as_deref())
            )));
        }
        Ok(id)
    }

    fn update_function_code(
        &mut self,
        region: &str,
        r: &UpdateFunctionCodeRequest,
    ) -> ApiResult<FunctionConfiguration> {
        let id = self.latest_for_update(region, &r.function_name)?;
        if r.zip_file.is_empty() {
            return Err(ApiError::invalid_parameter("Please provide a source for function code."));
        }
        self.check_revision(id, &r.revision_id)?;
        let runtime = self.versions[id].config.runtime;
        self.check_lifecycle(runtime, self.catalogue.runtimes[runtime].block_function_update)?;
        let architecture = self.architecture(&r.architectures, runtime)?;
        if let Some(arch) = &architecture {
            if *arch != self.versions[id].config.architecture && self.versions[id].mode() == UpdateRuntimeOn::Manual {
                return Err(ApiError::invalid_parameter(
                    "You can't change the architecture of $LATEST while its runtime management configuration is UpdateRuntimeOn: Manual. Set UpdateRuntimeOn to Auto or FunctionUpdate first.",
                ));
            }
        }
        let code = self.code(&r.zip_file);
        let v = &mut self.versions[id];
        if code.sha256 != v.code.sha256 {
            v.code = code;
        }
        if let Some(arch) = architecture {
            v.config.architecture = arch;
        }
        self.apply_update(id, runtime, Change::CodeUpdate);
        self.refresh_breakage(id);
        self.event(id, EventKind::CodeUpdate, format!("{} on {}", r.zip_file, self.runtime_version_name(id)));
        if r.publish {
            let c = self.publish(id, None)?;
            return Ok(c);
        }
        Ok(Self::in_progress(self.configuration(id)))
    }

    fn update_function_configuration(
        &mut self,
        region: &str,
        r: &UpdateFunctionConfigurationRequest,
    ) -> ApiResult<FunctionConfiguration> {
        let id = self.latest_for_update(region, &r.function_name)?;
        self.check_revision(id, &r.revision_id)?;
        let current = self.versions[id].config.runtime;
        let runtime = match &r.runtime {
            Some(name) => self.runtime_index(name)?,
            None => current,
        };
        self.check_lifecycle(runtime, self.catalogue.runtimes[runtime].block_function_update)?;
        if runtime != current && self.versions[id].mode() == UpdateRuntimeOn::Manual {
            return Err(ApiError::invalid_parameter(
                "You can't change the runtime of $LATEST while its runtime management configuration is UpdateRuntimeOn: Manual. Set UpdateRuntimeOn to Auto or FunctionUpdate first.",
            ));
        }
        if let Some(role) = &r.role {
            Self::check_role(role)?;
        }
        Self::check_limits(r.timeout, r.memory_size)?;
        let arch = self.versions[id].config.architecture.clone();
        if !self.catalogue.runtimes[runtime].supports(&arch) {
            return Err(ApiError::invalid_parameter(format!(
                "Runtime {} does not support architecture {arch}.",
                self.catalogue.runtimes[runtime].id
            )));
        }
        let c = &mut self.versions[id].config;
        if let Some(x) = &r.role {
            c.role = x.clone();
        }
        if let Some(x) = &r.handler {
            c.handler = x.clone();
        }
        if let Some(x) = &r.description {
            c.description = x.clone();
        }
        if let Some(x) = r.timeout {
            c.timeout = x;
        }
        if let Some(x) = r.memory_size {
            c.memory_size = x;
        }
        if let Some(x) = &r.environment {
            c.environment = x.variables.clone();
        }
        self.apply_update(id, runtime, Change::ConfigurationUpdate);
        self.event(id, EventKind::ConfigurationUpdate, format!("on {}", self.runtime_version_name(id)));
        let mut out = Self::in_progress(self.configuration(id));
        out.last_update_status_reason = Some("The function is being updated.".into());
        out.last_update_status_reason_code = Some("Updating".into());
        Ok(out)
    }

    fn publish_version(&mut self, region: &str, r: &PublishVersionRequest) -> ApiResult<FunctionConfiguration> {
        let id = self.latest_for_update(region, &r.function_name)?;
        let sha = &self.versions[id].code.sha256;
        if let Some(given) = &r.code_sha256 {
            if given != sha {
                return Err(ApiError::invalid_parameter(format!(
                    "CodeSHA256 ({given}) is different from current CodeSHA256 in $LATEST ({sha}). Please try again with the CodeSHA256 in $LATEST."
                )));
            }
        }
        self.check_revision(id, &r.revision_id)?;
        self.publish(id, r.description.clone())
    }

    /// Snapshots `$LATEST`: code, configuration, runtime version in force, and ([choice]) its
    /// runtime management configuration. Returns the last version again when nothing changed.
    fn publish(&mut self, latest: VersionId, description: Option<String>) -> ApiResult<FunctionConfiguration> {
        let fingerprint = PublishFingerprint {
            code_sha256: self.versions[latest].code.sha256.clone(),
            config: self.versions[latest].config.clone(),
        };
        let f = self.function_of(latest);
        if let Some((n, last)) = &f.last_published {
            if *last == fingerprint {
                if let Some(&existing) = f.published.get(n) {
                    return Ok(self.configuration(existing));
                }
            }
        }
        let number = f.last_version_number + 1;
        let mut v = self.versions[latest].clone();
        v.qualifier = Qualifier::Version(number);
        if let Some(d) = description {
            v.config.description = d;
        }
        v.created = self.now;
        v.last_modified = self.now;
        v.revision_id = self.rng.uuid();
        v.segments = vec![Segment {
            at: self.now,
            runtime: v.config.runtime,
            runtime_version: v.runtime_version,
            cause: Change::Publish,
        }];
        v.environments = EnvironmentPool::default();
        v.metrics = VersionMetrics::default();
        v.traffic_per_minute = 0.0;
        let id = self.versions.len();
        self.versions.push(v);
        let f = self.function_mut(latest);
        f.last_version_number = number;
        f.published.insert(number, id);
        f.last_published = Some((number, fingerprint));
        self.event(id, EventKind::Publish, format!("version {number} on {}", self.runtime_version_name(id)));
        self.schedule_catch_up(id);
        Ok(self.configuration(id))
    }

    fn delete_function(&mut self, region: &str, r: &FunctionRequest) -> ApiResult<()> {
        let (fregion, fref) = self.function_ref(region, &r.function_name, r.qualifier.as_deref())?;
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        match fref.qualifier.as_deref() {
            Some(LATEST) => {
                Err(ApiError::invalid_parameter("$LATEST version cannot be deleted without deleting the function."))
            }
            Some(_) => {
                let Qualifier::Version(n) = self.versions[id].qualifier else { unreachable!("resolved a number") };
                self.function_mut(id).published.remove(&n);
                self.versions[id].deleted = Some(self.now);
                self.event(id, EventKind::Delete, format!("version {n}"));
                self.traffic.retain(|&t| t != id);
                Ok(())
            }
            None => {
                let f = self.functions.remove(&(fregion, fref.name)).expect("resolved above");
                for vid in std::iter::once(f.latest).chain(f.published.values().copied()) {
                    self.versions[vid].deleted = Some(self.now);
                }
                self.traffic.retain(|&t| self.versions[t].deleted.is_none());
                self.event(id, EventKind::Delete, "function".into());
                Ok(())
            }
        }
    }

    fn put_runtime_management_config(
        &mut self,
        region: &str,
        r: &PutRuntimeManagementConfigRequest,
    ) -> ApiResult<PutRuntimeManagementConfigResponse> {
        let mode: UpdateRuntimeOn = r.update_runtime_on.parse().map_err(|m| {
            ApiError::new(super::error::ErrorCode::ValidationException, format!("1 validation error detected: {m}"))
        })?;
        let id = self.resolve(region, &r.function_name, r.qualifier.as_deref())?;
        let (runtime, arch, fregion) = {
            let v = &self.versions[id];
            (v.config.runtime, v.config.architecture.clone(), v.region.clone())
        };
        let pinned = match (mode, &r.runtime_version_arn) {
            (UpdateRuntimeOn::Manual, None) => {
                return Err(ApiError::invalid_parameter(
                    "RuntimeVersionArn is required when UpdateRuntimeOn is Manual.",
                ))
            }
            (UpdateRuntimeOn::Manual, Some(rv_arn)) => {
                let released =
                    |rt: &str| self.catalogue.runtime_index(rt).map(|i| self.runtime_versions(i)).unwrap_or_default();
                let found = arn::resolve_runtime_version_arn(self.catalogue, rv_arn, released)?;
                let (rv_region, _) = arn::parse_runtime_version_arn(rv_arn)?;
                let Some(found) = found else {
                    return Err(ApiError::invalid_parameter(format!(
                        "The runtime version ARN {rv_arn} does not name a released runtime version."
                    )));
                };
                let runtime_id = &self.catalogue.runtimes[runtime].id;
                if rv_region != fregion {
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
                if found.architecture != arch {
                    return Err(ApiError::invalid_parameter(format!(
                        "The runtime version ARN is for architecture {}, but the function uses {arch}.",
                        found.architecture
                    )));
                }
                if !self.available_versions(runtime, &fregion).contains(&found.number) {
                    return Err(ApiError::invalid_parameter(format!(
                        "Runtime version {} is not yet released in {fregion}.",
                        self.catalogue.runtimes[runtime].version_name(found.number)
                    )));
                }
                Some((found.number, rv_arn.clone()))
            }
            (_, Some(_)) => {
                return Err(ApiError::invalid_parameter(format!(
                    "RuntimeVersionArn can be set only when UpdateRuntimeOn is Manual, not {mode}."
                )))
            }
            (_, None) => None,
        };
        let before = self.runtime_version_name(id);
        self.versions[id].runtime_management =
            RuntimeManagement { update_runtime_on: mode, runtime_version_arn: pinned.as_ref().map(|p| p.1.clone()) };
        match (mode, pinned) {
            (UpdateRuntimeOn::Manual, Some((number, _))) => {
                self.move_version(id, runtime, number, Change::RuntimeManagementConfig)
            }
            // [choice] Back to Auto: the version takes the newest runtime version of its region
            // at once, as an update would, rather than waiting for a rollout that may be over.
            (UpdateRuntimeOn::Auto, _) => {
                let number = self.newest_available(runtime, &fregion);
                if number > self.versions[id].runtime_version {
                    self.move_version(id, runtime, number, Change::RuntimeManagementConfig);
                }
            }
            // FunctionUpdate keeps the version in force until the next update.
            _ => {}
        }
        let after = self.runtime_version_name(id);
        let detail =
            if before == after { format!("{mode} on {after}") } else { format!("{mode}: {before} to {after}") };
        self.event(id, EventKind::RuntimeManagementConfig, detail);
        let v = &self.versions[id];
        Ok(PutRuntimeManagementConfigResponse {
            update_runtime_on: mode,
            function_arn: self.version_arn(id),
            runtime_version_arn: v.runtime_management.runtime_version_arn.clone(),
        })
    }

    fn invoke_target_failure(&self, id: VersionId) -> Option<String> {
        let v = &self.versions[id];
        if let Some(rv) = self.released_version(v.config.runtime, v.runtime_version) {
            if rv.expires.is_some_and(|e| self.now >= e) {
                return Some(format!(
                    "Runtime.ExpiredRuntimeVersion: {} is past its end of life (an expired certificate in its trust store)",
                    self.runtime_version_name(id)
                ));
            }
        }
        if v.broken {
            return self.breaks(v.config.runtime, v.runtime_version, &v.code.relies_on);
        }
        None
    }

    /// Runs one invocation in the version's pool. `log_success`: see `InvokeTarget`.
    /// Runs one invocation in the version's pool at `self.now`. `log_success`: see `InvokeTarget`.
    fn run_invocation(&mut self, id: VersionId, log_success: bool, rng: &mut Rng) -> super::environment::Invocation {
        let failure = self.invoke_target_failure(id);
        let now = self.now;
        // The hot path of background traffic: a warm success writes no log and draws nothing.
        if !log_success && failure.is_none() {
            let v = &mut self.versions[id];
            if v.environments.try_warm(now, v.config.runtime, v.runtime_version, v.revision) {
                v.metrics.record(now, 1, 0, 0);
                return super::environment::Invocation::default();
            }
        }
        let init = self.init_start_line(id);
        let v = &self.versions[id];
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
        let inv = self.versions[id].environments.invoke(now, rng, &target);
        self.versions[id].metrics.record(now, 1, inv.error.is_some().into(), inv.cold_start.into());
        inv
    }

    fn invoke(&mut self, region: &str, r: &InvokeRequest) -> ApiResult<InvokeResponse> {
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
                    super::error::ErrorCode::InvalidParameterValueException,
                    "Could not parse request body into json: Could not parse payload into json: Unexpected character",
                ));
            }
        }
        let mut rng = std::mem::replace(&mut self.rng, Rng::new(0));
        let inv = self.run_invocation(id, true, &mut rng);
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
            executed_version: self.versions[id].qualifier.to_string(),
            payload,
        })
    }

    // ---------------------------------------------------------------- directives

    pub fn directive(&mut self, region: &str, d: &Directive) -> ApiResult<serde_json::Value> {
        match d {
            Directive::Release { runtime, regions, changes } => self.release(runtime, regions, changes),
            Directive::Phase2 { runtime, region: only } => self.phase2_now(runtime, only.as_deref()),
            Directive::ReliesOn { function, behaviour } => {
                let latest = self.resolve(region, function, None)?;
                let sha = self.versions[latest].code.sha256.clone();
                let f = self.function_of(latest);
                // The same code relies on the same behaviours, in whichever version it runs.
                let ids: Vec<VersionId> = std::iter::once(f.latest)
                    .chain(f.published.values().copied())
                    .filter(|&id| self.versions[id].code.sha256 == sha)
                    .collect();
                for id in ids {
                    if !self.versions[id].code.relies_on.contains(behaviour) {
                        self.versions[id].code.relies_on.push(behaviour.clone());
                    }
                    self.refresh_breakage(id);
                }
                Ok(
                    serde_json::json!({ "FunctionName": self.versions[latest].function_name, "ReliesOn": self.versions[latest].code.relies_on }),
                )
            }
            Directive::Traffic { function, qualifier, per_minute } => {
                if !per_minute.is_finite() || *per_minute < 0.0 || *per_minute > 10_000.0 {
                    return Err(ApiError::invalid_parameter(
                        "Traffic must be between 0 and 10000 invocations per minute.",
                    ));
                }
                let id = self.resolve(region, function, qualifier.as_deref())?;
                if self.versions[id].traffic_per_minute == 0.0 {
                    // Traffic starts after the current minute.
                    self.versions[id].traffic_cursor = floor_minute(self.now);
                }
                let had = self.versions[id].traffic_per_minute > 0.0;
                self.versions[id].traffic_per_minute = *per_minute;
                match (had, *per_minute > 0.0) {
                    (false, true) => self.traffic.push(id),
                    (true, false) => self.traffic.retain(|&t| t != id),
                    _ => {}
                }
                Ok(serde_json::json!({ "FunctionArn": self.version_arn(id), "InvocationsPerMinute": per_minute }))
            }
            Directive::Timing { region_stagger, phase1, phase2_window } => {
                let check = |v: &Option<i64>, name: &str, min: i64| match v {
                    Some(ms) if *ms < min || *ms > 365 * super::time::DAY => {
                        Err(ApiError::invalid_parameter(format!("{name} must be between {}s and 365d.", min / 1000)))
                    }
                    _ => Ok(()),
                };
                check(region_stagger, "The region stagger", 0)?;
                check(phase1, "Phase 1", 0)?;
                check(phase2_window, "The phase 2 window", MINUTE)?;
                let t = &mut self.timing;
                t.region_stagger = region_stagger.unwrap_or(t.region_stagger);
                t.phase1 = phase1.unwrap_or(t.phase1);
                t.phase2_window = phase2_window.unwrap_or(t.phase2_window);
                let secs = |ms: i64| format!("{}s", ms / 1000);
                Ok(serde_json::json!({
                    "RegionStagger": secs(t.region_stagger),
                    "Phase1": secs(t.phase1),
                    "Phase2Window": secs(t.phase2_window),
                }))
            }
            Directive::Policy(p) => {
                self.policy = *p;
                Ok(serde_json::json!({ "RolloutPolicy": format!("{p:?}") }))
            }
            Directive::Expire { runtime, version, after_ms } => {
                let rt = self.runtime_index(runtime)?;
                let at = self.now.plus(*after_ms);
                let name = self.catalogue.runtimes[rt].version_name(*version);
                if !self.runtime_versions(rt).contains(version) {
                    return Err(ApiError::invalid_parameter(format!("{name} has not been released.")));
                }
                // Versions of the initial catalogue get an entry so they can carry an expiry too.
                if self.released_version(rt, *version).is_none() {
                    self.released[rt].push(RuntimeVersion { number: *version, changes: Vec::new(), expires: None });
                    self.released[rt].sort_by_key(|r| r.number);
                }
                if let Some(rv) = self.released[rt].iter_mut().find(|r| r.number == *version) {
                    rv.expires = Some(at);
                }
                Ok(serde_json::json!({ "RuntimeVersion": name, "Expires": at.rfc3339() }))
            }
        }
    }

    fn release(&mut self, runtime: &str, regions: &[String], changes: &[String]) -> ApiResult<serde_json::Value> {
        let rt = self.runtime_index(runtime)?;
        for r in regions {
            if !self.catalogue.has_region(r) {
                return Err(ApiError::invalid_parameter(format!(
                    "The playground does not simulate region {r}. Regions: {}.",
                    self.catalogue.regions.join(", ")
                )));
            }
        }
        // The given regions keep the catalogue's stagger order.
        let order: Vec<String> =
            self.catalogue.regions.iter().filter(|r| regions.is_empty() || regions.contains(r)).cloned().collect();
        if self.released[rt].len() >= MAX_RELEASES_PER_RUNTIME {
            return Err(ApiError::invalid_parameter(format!(
                "The playground releases at most {MAX_RELEASES_PER_RUNTIME} runtime versions of {runtime} in one \
                 session; start a new session to explore more releases."
            )));
        }
        let number = self.runtime_versions(rt).last().copied().unwrap_or(0) + 1;
        self.released[rt].push(RuntimeVersion { number, changes: changes.to_vec(), expires: None });
        let plan = rollout::plan(&order, self.now, self.timing, self.policy);
        let index = self.rollouts.len();
        for (i, rr) in plan.iter().enumerate() {
            self.schedule(rr.phase2_start, Task::Phase2Start { rollout: index, region: i });
        }
        let name = self.catalogue.runtimes[rt].version_name(number);
        let schedule: Vec<serde_json::Value> = plan
            .iter()
            .map(|rr| {
                serde_json::json!({
                    "Region": rr.region,
                    "Phase1Start": rr.phase1_start.rfc3339(),
                    "Phase2Start": rr.phase2_start.rfc3339(),
                    "Phase2End": rr.phase2_end.rfc3339(),
                })
            })
            .collect();
        self.rollouts.push(Rollout { runtime: rt, number, released: self.now, policy: self.policy, regions: plan });
        self.events.push(Event {
            at: self.now,
            region: order.join(","),
            function: String::new(),
            qualifier: None,
            kind: EventKind::Release,
            detail: if changes.is_empty() { name.clone() } else { format!("{name} (changes {})", changes.join(", ")) },
        });
        Ok(serde_json::json!({
            "Runtime": runtime,
            "RuntimeVersion": name,
            "RolloutPolicy": format!("{:?}", self.policy),
            "Changes": changes,
            "Regions": schedule,
        }))
    }

    fn phase2_now(&mut self, runtime: &str, only: Option<&str>) -> ApiResult<serde_json::Value> {
        let rt = self.runtime_index(runtime)?;
        let Some(index) = self.rollouts.iter().rposition(|r| r.runtime == rt) else {
            return Err(ApiError::invalid_parameter(format!("No runtime version of {runtime} is rolling out.")));
        };
        let now = self.now;
        // A legacy rollout has no gradual phase 2: it moves the whole region at once.
        let window = if self.rollouts[index].policy == RolloutPolicy::Legacy { 0 } else { self.timing.phase2_window };
        let mut started = Vec::new();
        for i in 0..self.rollouts[index].regions.len() {
            let rr = &mut self.rollouts[index].regions[i];
            if only.is_some_and(|o| o != rr.region) || rr.phase2_start <= now {
                continue;
            }
            rr.start_phase2(now, window);
            started.push(rr.region.clone());
            self.schedule(now, Task::Phase2Start { rollout: index, region: i });
        }
        if started.is_empty() {
            return Err(ApiError::invalid_parameter(match only {
                Some(r) => {
                    format!("Phase 2 of this rollout has already started in {r}, or the release does not include it.")
                }
                None => "Phase 2 of this rollout has already started in every region.".to_string(),
            }));
        }
        let name = self.catalogue.runtimes[rt].version_name(self.rollouts[index].number);
        self.events.push(Event {
            at: now,
            region: started.join(","),
            function: String::new(),
            qualifier: None,
            kind: EventKind::Phase2Now,
            detail: format!("phase 2 of {name}"),
        });
        Ok(serde_json::json!({ "RuntimeVersion": name, "Phase2StartedIn": started }))
    }

    // ---------------------------------------------------------------- the clock

    fn schedule(&mut self, at: Timestamp, task: Task) {
        self.queued += 1;
        self.queue.push(Reverse((at, self.queued, task)));
    }

    /// [choice] Each version has a fixed place in every phase 2 window, from a hash of its ARN.
    fn slot(&self, id: VersionId) -> f64 {
        let v = &self.versions[id];
        let h =
            mix(hash_str(&v.function_name) ^ hash_str(&v.region).rotate_left(17) ^ (id as u64).wrapping_mul(0x9e37));
        (h >> 11) as f64 / (1u64 << 53) as f64
    }

    fn needs_move(&self, id: VersionId, rollout: usize) -> bool {
        let v = &self.versions[id];
        let r = &self.rollouts[rollout];
        v.deleted.is_none()
            && v.mode() == UpdateRuntimeOn::Auto
            && v.config.runtime == r.runtime
            && v.runtime_version < r.number
    }

    /// A version published (or switched) into Auto after phase 2 began in its region still gets
    /// its move, at its slot or now if that has passed.
    fn schedule_catch_up(&mut self, id: VersionId) {
        let region = self.versions[id].region.clone();
        for index in 0..self.rollouts.len() {
            if !self.needs_move(id, index) {
                continue;
            }
            let Some(rr) = self.rollouts[index].regions.iter().find(|rr| rr.region == region) else {
                continue;
            };
            if rr.phase2_scheduled {
                let at = rr.move_time(self.slot(id)).max(self.now);
                self.schedule(at, Task::Move { version: id, rollout: index });
            }
        }
    }

    fn run(&mut self, task: Task) {
        match task {
            Task::Phase2Start { rollout, region } => {
                let rr = &self.rollouts[rollout].regions[region];
                if rr.phase2_scheduled || rr.phase2_start != self.now {
                    return; // superseded by `sim phase2`
                }
                let rname = rr.region.clone();
                self.rollouts[rollout].regions[region].phase2_scheduled = true;
                let candidates: Vec<VersionId> = (0..self.versions.len())
                    .filter(|&id| self.versions[id].region == rname && self.needs_move(id, rollout))
                    .collect();
                for id in candidates {
                    let at = self.rollouts[rollout].regions[region].move_time(self.slot(id)).max(self.now);
                    self.schedule(at, Task::Move { version: id, rollout });
                }
            }
            Task::Move { version, rollout } => {
                if self.needs_move(version, rollout) {
                    // Traffic up to the move ran on the old runtime version.
                    self.sync_traffic(version, self.now);
                    let r = &self.rollouts[rollout];
                    let cause = if r.policy == RolloutPolicy::Legacy { Change::LegacyUpdate } else { Change::Phase2 };
                    self.move_version(version, r.runtime, r.number, cause);
                }
            }
        }
    }

    /// How many function versions run background traffic minute by minute (a fractional rate, or
    /// invocations that fail or may start failing): the cost of advancing grows with them. Whole
    /// healthy rates are counted a bucket at a time and cost next to nothing.
    pub fn minute_by_minute_traffic(&self) -> u64 {
        self.traffic
            .iter()
            .filter(|&&id| {
                let v = &self.versions[id];
                let expires = self.released_version(v.config.runtime, v.runtime_version).and_then(|r| r.expires);
                v.deleted.is_none()
                    && v.traffic_per_minute > 0.0
                    && (v.traffic_per_minute.fract() != 0.0 || v.broken || expires.is_some())
            })
            .count() as u64
    }

    /// Runs everything scheduled up to `t` (phase 2 moves, background traffic), then sets the clock.
    pub fn advance_to(&mut self, t: Timestamp) {
        if t < self.now {
            return;
        }
        while let Some(Reverse((at, _, _))) = self.queue.peek() {
            if *at > t {
                break;
            }
            let Some(Reverse((at, _, task))) = self.queue.pop() else {
                break;
            };
            self.now = self.now.max(at);
            self.run(task);
        }
        // Background traffic only moves on minute boundaries: nothing to do within a minute.
        if floor_minute(t) > self.traffic_synced {
            for i in 0..self.traffic.len() {
                let id = self.traffic[i];
                self.sync_traffic(id, t);
            }
            self.traffic_synced = floor_minute(t);
        }
        self.now = t;
    }

    /// Background traffic, one tick a minute, for one version up to `t`. Versions are independent
    /// of each other, so each keeps its own cursor and runs its ticks in long batches: a phase 2
    /// move touches only the version it moves. Draws come from (seed, version, tick), never from
    /// the shared generator, so the result does not depend on how the clock was advanced.
    fn sync_traffic(&mut self, id: VersionId, t: Timestamp) {
        let v = &self.versions[id];
        let (first, last) = (v.traffic_cursor.plus(MINUTE), floor_minute(t));
        if v.traffic_per_minute == 0.0 || last < first || v.deleted.is_some() {
            return;
        }
        let saved = self.now;
        self.traffic_run(id, first, last);
        self.versions[id].traffic_cursor = last;
        self.now = saved;
    }

    fn traffic_run(&mut self, id: VersionId, first: Timestamp, last: Timestamp) {
        let v = &self.versions[id];
        let rate = v.traffic_per_minute;
        let whole = rate.floor() as u32;
        // Integer comparison against a 53-bit draw: P(extra invocation) = fract(rate).
        let threshold = (rate.fract() * (1u64 << 53) as f64) as u64;
        let salt = self.seed ^ (id as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
        let count_at = |tick: Timestamp| {
            let draw = if threshold == 0 { 0 } else { mix(salt ^ tick.0 as u64) };
            whole + ((draw >> 11) < threshold) as u32
        };
        let expires = self.released_version(v.config.runtime, v.runtime_version).and_then(|r| r.expires);
        let (runtime, runtime_version, revision, broken) = (v.config.runtime, v.runtime_version, v.revision, v.broken);
        // Ticks before the expiry can take the fast path; from it on, every invocation fails.
        let healthy_until =
            if broken { first.plus(-MINUTE) } else { expires.map_or(last, |e| floor_minute(e.plus(-1)).min(last)) };
        let mut tick = first;
        while tick <= last {
            let count = count_at(tick);
            if count == 0 {
                tick = tick.plus(MINUTE);
                continue;
            }
            if tick <= healthy_until {
                let FunctionVersion { environments, metrics, .. } = &mut self.versions[id];
                if let Some(env) = environments.warm_mut(tick, runtime, runtime_version, revision) {
                    if threshold == 0 {
                        // A whole rate keeps the environment warm to the end of the healthy run:
                        // one step, counted a bucket at a time.
                        metrics.record_steady(tick, healthy_until, whole.into());
                        env.last_used = healthy_until;
                        tick = healthy_until.plus(MINUTE);
                        continue;
                    }
                    // A warm run: invocations keep the environment warm and succeed; they are
                    // only counted, per hour.
                    let mut hour_end = Timestamp((tick.0.div_euclid(INTERVAL) + 1) * INTERVAL);
                    let (mut sum, mut last_used) = (count, tick);
                    tick = tick.plus(MINUTE);
                    while tick <= healthy_until {
                        if tick >= hour_end {
                            metrics.record(last_used, sum.into(), 0, 0);
                            sum = 0;
                            hour_end = hour_end.plus(INTERVAL);
                        }
                        let c = count_at(tick);
                        if c > 0 {
                            if tick.0 - last_used.0 >= IDLE_TIMEOUT {
                                break; // gone cold: this tick takes the slow path
                            }
                            sum += c;
                            last_used = tick;
                        }
                        tick = tick.plus(MINUTE);
                    }
                    metrics.record(last_used, sum.into(), 0, 0);
                    env.last_used = last_used;
                    continue;
                }
            }
            let hour = tick.0.div_euclid(INTERVAL);
            if tick > healthy_until {
                // [choice] Failing background traffic logs one failed invocation per version an
                // hour (every one is counted): a broken function under heavy traffic for years
                // must not freeze the page writing log lines nobody keeps.
                let FunctionVersion { environments, metrics, .. } = &mut self.versions[id];
                if environments.failure_logged_hour == Some(hour) {
                    if let Some(env) = environments.warm_mut(tick, runtime, runtime_version, revision) {
                        env.last_used = tick;
                        metrics.record(tick, count.into(), count.into(), 0);
                        tick = tick.plus(MINUTE);
                        continue;
                    }
                }
            }
            // A cold start or a failure: the first invocation goes through the pool and is
            // logged; the rest of the tick land on the same environment, counted.
            self.now = tick;
            let mut rng = Rng::new(mix(salt ^ tick.0 as u64 ^ 0x5bd1));
            let inv = self.run_invocation(id, false, &mut rng);
            if inv.error.is_some() {
                self.versions[id].environments.failure_logged_hour = Some(hour);
            }
            let rest = count - 1;
            if rest > 0 {
                let errors = if inv.error.is_some() { rest } else { 0 };
                self.versions[id].metrics.record(tick, rest.into(), errors.into(), 0);
            }
            tick = tick.plus(MINUTE);
        }
    }
}

impl Lambda {
    /// Everything observable, as text: two states are the same when their fingerprints are.
    pub fn fingerprint(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            self.now,
            self.rng,
            self.released,
            self.rollouts,
            self.versions,
            self.functions.iter().map(|(k, f)| (k, f.latest, &f.published, f.last_version_number)).collect::<Vec<_>>(),
            self.events,
            self.traffic
        )
    }
}
