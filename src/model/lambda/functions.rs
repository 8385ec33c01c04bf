//! Function operations: create, update code and configuration, publish, delete; and
//! `sim relies-on`, which says what the code depends on.

use crate::order::Map;
use std::rc::Rc;

use super::events::{Event, EventKind};
use super::outcome::{ReliesOn, SimOutput};
use super::validation;
use super::Lambda;
use crate::api::*;
use crate::arn::{function_arn, LATEST};
use crate::catalogue::RuntimeId;
use crate::digest::{base64, sha256};
use crate::environment::EnvironmentPool;
use crate::error::{ApiError, ApiResult};
use crate::function::*;
use crate::metrics::VersionMetrics;
use crate::rng::hash_str;
use crate::runtime_management::UpdateRuntimeOn;
use crate::time::Timestamp;

/// The code a `fileb://` path names ([choice]: its text is its identity).
fn code(zip_file: &str) -> Code {
    Code {
        location: zip_file.to_string(),
        sha256: base64(&sha256(zip_file.as_bytes())),
        size: 180 + hash_str(zip_file) % 4_000,
        relies_on: Vec::new(),
    }
}

/// An update's response: AWS answers before the update has finished, with the reason it
/// really sends ("created", for updates too; LocalStack snapshot test_function_update_states).
fn in_progress(mut c: FunctionConfiguration) -> FunctionConfiguration {
    c.last_update_status = Some("InProgress".into());
    c.last_update_status_reason = Some("The function is being created.".into());
    c.last_update_status_reason_code = Some("Creating".into());
    c
}

/// A create's response (and a publish on create or update): `Pending`, the "being created"
/// reason, and no `LastUpdateStatus` keys (LocalStack snapshot test_function_states).
fn pending(mut c: FunctionConfiguration) -> FunctionConfiguration {
    c.state = Some("Pending".into());
    c.state_reason = Some("The function is being created.".into());
    c.state_reason_code = Some("Creating".into());
    c.last_update_status = None;
    c
}

impl Lambda {
    /// Records an event about a version (which stamps it: its lane shows the event).
    pub(super) fn event(&mut self, id: VersionId, kind: EventKind, detail: String) {
        self.events.push(Rc::new(Event::on(self.now, id, &self.store[id], kind, detail)));
        self.store.touch(id);
    }

    pub(super) fn create_function(
        &mut self,
        region: &str,
        r: &CreateFunctionRequest,
    ) -> ApiResult<FunctionConfiguration> {
        let (fregion, fref) = self.function_ref(region, &r.function_name, None)?;
        validation::new_function_name(&r.function_name, &fref.name)?;
        if fref.qualifier.is_some() {
            return Err(ApiError::invalid_parameter(
                "Function name cannot contain a qualifier when creating a function.",
            ));
        }
        validation::role(&r.role)?;
        let (Some(runtime), Some(handler)) = (&r.runtime, &r.handler) else {
            return Err(ApiError::invalid_parameter(
                "Runtime and Handler are mandatory parameters for functions created with deployment packages.",
            ));
        };
        let runtime = validation::runtime(self.catalogue, runtime, self.now)?;
        validation::lifecycle(self.catalogue, runtime, self.catalogue[runtime].block_function_create, self.now)?;
        let architecture =
            validation::architecture(self.catalogue, &r.architectures, runtime)?.unwrap_or_else(|| "x86_64".into());
        validation::limits(r.timeout, r.memory_size)?;
        let key = (fregion.clone(), fref.name.clone());
        if self.store.functions.contains_key(&key) {
            return Err(ApiError::conflict(format!("Function already exist: {}", fref.name)));
        }
        let number = self.newest_available(runtime, &fregion);
        let revision_id = self.rng.uuid();
        let mut v = FunctionVersion {
            region: fregion.clone(),
            function_name: fref.name.clone(),
            qualifier: Qualifier::Latest,
            code: code(&r.code.zip_file),
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
            direct_traffic: 0.0,
            traffic_cursor: Timestamp(0),
            broken: false,
            deleted: None,
        };
        v.set_runtime_version(self.now, runtime, number, Change::Create);
        self.saw_runtime_version((runtime, number));
        let id = self.store.push(v);
        let last_version_number = self.store.retired.get(&key).copied().unwrap_or(0);
        self.store.functions.insert(
            key,
            Function {
                latest: id,
                published: Map::new(),
                last_version_number,
                last_published: None,
                aliases: Map::new(),
            },
        );
        let detail = format!("{} ({})", self.catalogue[runtime].id, self.rv_name(id));
        self.event(id, EventKind::Create, detail);
        let response = pending(self.configuration(id));
        // The function becomes Active before the next line runs, with a new RevisionId.
        self.complete(id);
        if r.publish {
            // Version 1, under the unqualified ARN (LocalStack snapshot test_create_function_publish).
            let mut published = pending(self.publish(id, None)?);
            published.function_arn = response.function_arn;
            return Ok(published);
        }
        Ok(response)
    }

    /// Phase 1: a created or updated `$LATEST` in Auto or FunctionUpdate mode takes the newest
    /// runtime version of its region; Manual keeps its pin.
    fn apply_update(&mut self, id: VersionId, runtime: RuntimeId, cause: Change) {
        let v = &self.store[id];
        if v.mode() != UpdateRuntimeOn::Manual {
            let number = self.newest_available(runtime, &v.region);
            self.move_version(id, runtime, number, cause);
        }
        let v = &mut self.store[id];
        v.revision += 1;
        v.last_modified = self.now;
        v.revision_id = self.rng.uuid();
    }

    /// A create or an update completes (AWS takes a second or so; the next line sees it done):
    /// `$LATEST` gets a new RevisionId, so the one in the response is stale.
    fn complete(&mut self, id: VersionId) {
        self.store[id].revision_id = self.rng.uuid();
    }

    /// `$LATEST` of the named function, for the operations that change it. A name qualified with
    /// a version is refused before anything is looked up (AWS's message, from users' logs).
    fn latest_for_update(&self, region: &str, name: &str) -> ApiResult<VersionId> {
        let (_, fref) = self.function_ref(region, name, None)?;
        if matches!(fref.qualifier.as_deref(), Some(q) if q != LATEST) {
            return Err(ApiError::invalid_parameter("Current operation does not support versions other than $LATEST"));
        }
        self.resolve(region, name, None)
    }

    pub(super) fn update_function_code(
        &mut self,
        region: &str,
        r: &UpdateFunctionCodeRequest,
    ) -> ApiResult<FunctionConfiguration> {
        let id = self.latest_for_update(region, &r.function_name)?;
        if r.zip_file.is_empty() {
            return Err(ApiError::invalid_parameter("Please provide a source for function code."));
        }
        validation::revision(&self.store[id], &r.revision_id)?;
        let runtime = self.store[id].config.runtime;
        validation::lifecycle(self.catalogue, runtime, self.catalogue[runtime].block_function_update, self.now)?;
        let architecture = validation::architecture(self.catalogue, &r.architectures, runtime)?;
        let v = &mut self.store[id];
        if let Some(arch) = &architecture {
            if *arch != v.config.architecture && v.mode() == UpdateRuntimeOn::Manual {
                return Err(ApiError::invalid_parameter(validation::manual_lock("CPU architecture")));
            }
        }
        let code = code(&r.zip_file);
        if code.sha256 != v.code.sha256 {
            v.code = code;
        }
        if let Some(arch) = architecture {
            v.config.architecture = arch;
        }
        self.apply_update(id, runtime, Change::CodeUpdate);
        self.refresh_breakage(id);
        self.event(id, EventKind::CodeUpdate, format!("{} on {}", r.zip_file, self.rv_name(id)));
        let response = in_progress(self.configuration(id));
        self.complete(id);
        if r.publish {
            // The new version, Pending (LocalStack snapshot test_update_function_code_publish).
            return Ok(pending(self.publish(id, None)?));
        }
        Ok(response)
    }

    pub(super) fn update_function_configuration(
        &mut self,
        region: &str,
        r: &UpdateFunctionConfigurationRequest,
    ) -> ApiResult<FunctionConfiguration> {
        let id = self.latest_for_update(region, &r.function_name)?;
        validation::revision(&self.store[id], &r.revision_id)?;
        let current = self.store[id].config.runtime;
        let runtime = match &r.runtime {
            Some(name) => validation::runtime(self.catalogue, name, self.now)?,
            None => current,
        };
        // Only an update that names a blocked runtime fails: memory, timeout or description
        // changes of a function on one still go through (recorded against the real service).
        if r.runtime.is_some() {
            validation::lifecycle(self.catalogue, runtime, self.catalogue[runtime].block_function_update, self.now)?;
        }
        if runtime != current && self.store[id].mode() == UpdateRuntimeOn::Manual {
            return Err(ApiError::invalid_parameter(validation::manual_lock("runtime identifier")));
        }
        if let Some(role) = &r.role {
            validation::role(role)?;
        }
        validation::limits(r.timeout, r.memory_size)?;
        validation::runtime_supports(self.catalogue, runtime, &self.store[id].config.architecture)?;
        let c = &mut self.store[id].config;
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
        self.event(id, EventKind::ConfigurationUpdate, format!("on {}", self.rv_name(id)));
        let response = in_progress(self.configuration(id));
        self.complete(id);
        Ok(response)
    }

    pub(super) fn publish_version(
        &mut self,
        region: &str,
        r: &PublishVersionRequest,
    ) -> ApiResult<FunctionConfiguration> {
        let id = self.latest_for_update(region, &r.function_name)?;
        let sha = &self.store[id].code.sha256;
        if let Some(given) = &r.code_sha256 {
            if given != sha {
                return Err(ApiError::invalid_parameter(format!(
                    "CodeSHA256 ({given}) is different from current CodeSHA256 in $LATEST ({sha}). Please try again with the CodeSHA256 in $LATEST."
                )));
            }
        }
        validation::revision(&self.store[id], &r.revision_id)?;
        self.publish(id, r.description.clone())
    }

    /// Snapshots `$LATEST`: code, configuration, runtime version in force, and ([choice]) its
    /// runtime management configuration. Returns the last version again when nothing changed.
    fn publish(&mut self, latest: VersionId, description: Option<String>) -> ApiResult<FunctionConfiguration> {
        let fingerprint = PublishFingerprint {
            code_sha256: self.store[latest].code.sha256.clone(),
            config: self.store[latest].config.clone(),
        };
        let f = self.store.function_of(latest).ok_or_else(|| not_live(latest))?;
        if let Some((n, last)) = &f.last_published {
            if *last == fingerprint {
                if let Some(&existing) = f.published.get(n) {
                    return Ok(self.configuration(existing));
                }
            }
        }
        let number = f.last_version_number + 1;
        let mut v = self.store[latest].clone();
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
            architecture: v.config.architecture.clone(),
            cause: Change::Publish,
        }];
        v.environments = EnvironmentPool::default();
        v.metrics = VersionMetrics::default();
        v.traffic_per_minute = 0.0;
        v.direct_traffic = 0.0;
        let id = self.store.push(v);
        if let Some(f) = self.store.function_mut(latest) {
            f.last_version_number = number;
            f.published.insert(number, id);
            f.last_published = Some((number, fingerprint));
        }
        self.event(id, EventKind::Publish, format!("version {number} on {}", self.rv_name(id)));
        self.schedule_catch_up(id);
        // Publishing gives `$LATEST` a new RevisionId; the version keeps its own.
        self.complete(latest);
        Ok(self.configuration(id))
    }

    /// DeleteFunction as recorded (LocalStack snapshot test_delete_function): `$LATEST` is refused
    /// before anything is looked up; a missing version of an existing function is deleted already;
    /// a missing function's 404 names its unqualified ARN.
    pub(super) fn delete_function(&mut self, region: &str, r: &FunctionRequest) -> ApiResult<()> {
        let (fregion, fref) = self.function_ref(region, &r.function_name, r.qualifier.as_deref())?;
        if fref.qualifier.as_deref() == Some(LATEST) {
            return Err(ApiError::invalid_parameter(
                "$LATEST version cannot be deleted without deleting the function.",
            ));
        }
        if !self.store.functions.contains_key(&(fregion.clone(), fref.name.clone())) {
            return Err(ApiError::not_found(format!(
                "Function not found: {}",
                function_arn(&fregion, &fref.name, None)
            )));
        }
        let id = match self.resolve(region, &r.function_name, r.qualifier.as_deref()) {
            Ok(id) => id,
            // The function exists and the version does not: nothing to delete.
            Err(_) if fref.qualifier.is_some() => return Ok(()),
            Err(e) => return Err(e),
        };
        match (fref.qualifier.as_deref(), self.store[id].qualifier) {
            (Some(q), _) if super::aliases::alias_name(Some(q)).is_some() => {
                // [choice] DeleteFunction does not delete aliases (DeleteAlias does).
                Err(ApiError::invalid_parameter(format!(
                    "{q} is an alias: delete it with DeleteAlias, or name a version to delete."
                )))
            }
            (Some(_), Qualifier::Version(n)) => {
                let users = self.aliases_referencing(&(fregion.clone(), fref.name.clone()), n);
                if !users.is_empty() {
                    return Err(ApiError::conflict(format!(
                        "Unable to delete version because the following aliases reference it: [{}]",
                        users.join(", ")
                    )));
                }
                if let Some(f) = self.store.function_mut(id) {
                    f.published.remove(&n);
                }
                self.store[id].deleted = Some(self.now);
                self.event(id, EventKind::Delete, format!("version {n}"));
                self.traffic.versions.retain(|&t| t != id);
                Ok(())
            }
            (Some(_), Qualifier::Latest) => Err(not_live(id)),
            (None, _) => {
                let key = (fregion, fref.name);
                let f = self.store.functions.remove(&key).ok_or_else(|| not_live(id))?;
                // Version numbers are never reused, even after the function is created again.
                self.store.retired.insert(key, f.last_version_number);
                for vid in std::iter::once(f.latest).chain(f.published.values().copied()) {
                    self.store[vid].deleted = Some(self.now);
                }
                let store = &self.store;
                self.traffic.versions.retain(|&t| store[t].deleted.is_none());
                self.event(id, EventKind::Delete, "function".into());
                Ok(())
            }
        }
    }

    /// `sim relies-on`: the function's current code relies on a named runtime behaviour.
    pub(super) fn relies_on(&mut self, region: &str, function: &str, behaviour: &str) -> ApiResult<SimOutput> {
        let latest = self.resolve(region, function, None)?;
        let sha = self.store[latest].code.sha256.clone();
        let f = self.store.function_of(latest).ok_or_else(|| not_live(latest))?;
        // The same code relies on the same behaviours, in whichever version it runs.
        let ids: Vec<VersionId> = std::iter::once(f.latest)
            .chain(f.published.values().copied())
            .filter(|&id| self.store[id].code.sha256 == sha)
            .collect();
        for id in ids {
            let relies_on = &mut self.store[id].code.relies_on;
            if !relies_on.iter().any(|b| b == behaviour) {
                relies_on.push(behaviour.to_string());
            }
            self.refresh_breakage(id);
        }
        let v = &self.store[latest];
        Ok(SimOutput::ReliesOn(ReliesOn {
            function_name: v.function_name.clone(),
            relies_on: v.code.relies_on.clone(),
        }))
    }
}

/// A resolved version always belongs to a live function; if that ever broke, say so rather than
/// panic (a panic in wasm kills the page).
fn not_live(id: VersionId) -> ApiError {
    ApiError::new(
        crate::error::ErrorCode::ServiceException,
        format!("The playground lost track of function version {id}. Please report this."),
    )
}
