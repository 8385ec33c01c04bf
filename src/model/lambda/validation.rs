//! Input checks, each with the message AWS (or, marked [choice], the playground) gives. Defined
//! once: every operation that takes the same field checks it here.

use crate::catalogue::{Catalogue, RuntimeId};
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::function::FunctionVersion;
use crate::time::Timestamp;

/// [choice] The playground simulates the catalogue's regions only.
pub fn unknown_region_message(catalogue: &Catalogue, region: &str) -> String {
    format!("The playground does not simulate region {region}. Regions: {}.", catalogue.regions.join(", "))
}

pub(super) fn region(catalogue: &Catalogue, region: &str) -> ApiResult<()> {
    if catalogue.has_region(region) {
        return Ok(());
    }
    Err(ApiError::new(ErrorCode::ValidationException, unknown_region_message(catalogue, region)))
}

/// A runtime identifier Lambda knows at `now`: launched by then (AWS answers a runtime before
/// its launch, or one it never had, with the enum of what can be created now). Retired runtimes
/// are known: `lifecycle` refuses them with the "no longer supported" message.
pub(super) fn runtime(catalogue: &Catalogue, id: &str, now: Timestamp) -> ApiResult<RuntimeId> {
    catalogue.runtime_index(id).filter(|&rt| catalogue[rt].released <= now).ok_or_else(|| {
        ApiError::invalid_parameter(format!(
            "Value {id} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: {} or be a valid ARN",
            catalogue.runtime_enum(now)
        ))
    })
}

/// Any runtime of the catalogue, whenever it launched: what `sim` directives name.
pub(super) fn catalogue_runtime(catalogue: &Catalogue, id: &str) -> ApiResult<RuntimeId> {
    catalogue.runtime_index(id).ok_or_else(|| {
        let ids: Vec<&str> = catalogue.runtimes.iter().map(|r| r.id.as_str()).collect();
        ApiError::invalid_parameter(format!("The playground has no runtime {id}. Runtimes: {}.", ids.join(", ")))
    })
}

/// Creating or updating a function on a deprecated runtime is blocked from a date on.
pub(super) fn lifecycle(
    catalogue: &Catalogue,
    runtime: RuntimeId,
    blocked_from: Timestamp,
    now: Timestamp,
) -> ApiResult<()> {
    if now >= blocked_from {
        return Err(ApiError::invalid_parameter(format!(
            "The runtime parameter of {} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.",
            catalogue[runtime].id
        )));
    }
    Ok(())
}

pub(super) fn runtime_supports(catalogue: &Catalogue, runtime: RuntimeId, arch: &str) -> ApiResult<()> {
    if catalogue[runtime].supports(arch) {
        return Ok(());
    }
    Err(ApiError::invalid_parameter(format!("Runtime {} does not support architecture {arch}.", catalogue[runtime].id)))
}

/// `--architectures`: one of AWS's two, supported by the runtime.
pub(super) fn architecture(
    catalogue: &Catalogue,
    archs: &Option<Vec<String>>,
    runtime: RuntimeId,
) -> ApiResult<Option<String>> {
    let Some(archs) = archs else { return Ok(None) };
    let shown = format!("[{}]", archs.join(", "));
    if archs.len() != 1 {
        return Err(ApiError::validation(&shown, "architectures", "Member must have length less than or equal to 1"));
    }
    let arch = &archs[0];
    if arch != "x86_64" && arch != "arm64" {
        return Err(ApiError::validation(
            &shown,
            "architectures",
            "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]",
        ));
    }
    runtime_supports(catalogue, runtime, arch)?;
    Ok(Some(arch.clone()))
}

pub(super) fn role(role: &str) -> ApiResult<()> {
    let ok = role.strip_prefix("arn:aws:iam::").and_then(|r| r.split_once(":role/")).is_some_and(|(account, name)| {
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

/// `--timeout` 1..=900 seconds, `--memory-size` 128..=10240 MB.
pub(super) fn limits(timeout: Option<u32>, memory: Option<u32>) -> ApiResult<()> {
    let bound = |v: u32, field: &str, min: u32, max: u32| -> ApiResult<()> {
        let constraint = match v {
            _ if v < min => format!("Member must have value greater than or equal to {min}"),
            _ if v > max => format!("Member must have value less than or equal to {max}"),
            _ => return Ok(()),
        };
        Err(ApiError::validation(&v.to_string(), field, &constraint))
    };
    timeout.map_or(Ok(()), |t| bound(t, "timeout", 1, 900))?;
    memory.map_or(Ok(()), |m| bound(m, "memorySize", 128, 10240))
}

pub(super) fn revision(v: &FunctionVersion, revision: &Option<String>) -> ApiResult<()> {
    match revision {
        Some(r) if *r != v.revision_id => Err(ApiError::new(
            ErrorCode::PreconditionFailedException,
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
        )),
        _ => Ok(()),
    }
}

/// A Manual `$LATEST` keeps its runtime and architecture. AWS's sentence for the runtime (quoted
/// from a real Terraform run); [choice] the same with "CPU architecture" for the architecture.
pub(super) fn manual_lock(what: &str) -> String {
    format!(
        "Cannot change {what} when runtime management configuration is set to 'Manual'. Change the runtime management configuration to 'Auto' or 'FunctionUpdate', then retry."
    )
}

/// Runtime management configuration takes `$LATEST` or a version number, never an alias (AWS's
/// message, quoted from a real incident).
pub(super) fn no_alias(region: &str, name: &str, qualifier: Option<&str>) -> ApiResult<()> {
    match qualifier {
        Some(q) if q != crate::arn::LATEST && crate::function::Qualifier::parse(q).is_none() => {
            Err(ApiError::invalid_parameter(format!(
                "The provided function name {}:{q} is invalid. Aliases are not allowed.",
                crate::arn::function_arn(region, name, None)
            )))
        }
        _ => Ok(()),
    }
}

/// CreateFunction: a name of at most 64 characters (AWS answers a longer one with this
/// InvalidParameterValueException, LocalStack snapshot test_function_name_too_long), and an ARN
/// of at most 140.
pub(super) fn new_function_name(given: &str, name: &str) -> ApiResult<()> {
    if given.chars().count() > 140 {
        return Err(ApiError::validation(given, "functionName", "Member must have length less than or equal to 140"));
    }
    if name.chars().count() > 64 {
        return Err(ApiError::invalid_parameter(format!(
            "1 validation error detected: Value '{given}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64"
        )));
    }
    Ok(())
}

/// `sim traffic`: [choice] up to 10,000 background invocations a minute.
pub(super) fn traffic_rate(per_minute: f64) -> ApiResult<()> {
    if !per_minute.is_finite() || !(0.0..=10_000.0).contains(&per_minute) {
        return Err(ApiError::invalid_parameter("Traffic must be between 0 and 10000 invocations per minute."));
    }
    Ok(())
}
