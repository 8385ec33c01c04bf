//! Function names and ARNs, runtime version ARNs, and the deterministic runtime version hash.

use super::catalogue::Catalogue;
use super::digest::{hex, sha256};
use super::error::{ApiError, ApiResult};

/// The account every simulated function belongs to ([choice]).
pub const DEFAULT_ACCOUNT: &str = "123456789012";
pub const LATEST: &str = "$LATEST";

const FUNCTION_NAME_PATTERN: &str = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
const RUNTIME_VERSION_ARN_PATTERN: &str =
    "^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}::runtime:.+$";

/// What a `FunctionName` parameter named, in any of its four accepted forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionRef {
    pub name: String,
    /// From a full ARN; otherwise the caller's region applies.
    pub region: Option<String>,
    pub account: Option<String>,
    pub qualifier: Option<String>,
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// `us-east-1`, `us-gov-west-1`: two letters, optional `-gov`, a word, one digit.
pub fn is_region_shaped(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let (head, rest) = match parts.as_slice() {
        [h, "gov", rest @ ..] => (h, rest),
        [h, rest @ ..] => (h, rest),
        [] => return false,
    };
    head.len() == 2
        && head.bytes().all(|b| b.is_ascii_lowercase())
        && rest.len() == 2
        && !rest[0].is_empty()
        && rest[0].bytes().all(|b| b.is_ascii_lowercase())
        && rest[1].len() == 1
        && rest[1].bytes().all(|b| b.is_ascii_digit())
}

fn is_qualifier(s: &str) -> bool {
    s == LATEST || (!s.is_empty() && s.len() <= 128 && s.chars().all(is_name_char))
}

impl FunctionRef {
    /// Parses `name`, `name:qualifier`, `123456789012:function:name[:q]` or
    /// `arn:aws:lambda:<region>:<account>:function:name[:q]`.
    pub fn parse(input: &str) -> ApiResult<FunctionRef> {
        let invalid = || {
            ApiError::validation(
                input,
                "functionName",
                &format!("Member must satisfy regular expression pattern: {FUNCTION_NAME_PATTERN}"),
            )
        };
        if input.is_empty() || input.chars().count() > 170 {
            return Err(ApiError::validation(
                input,
                "functionName",
                "Member must have length less than or equal to 170",
            ));
        }
        let parts: Vec<&str> = input.split(':').collect();
        let (region, account, rest) = match parts.as_slice() {
            ["arn", partition, "lambda", region, account, "function", rest @ ..] => {
                if !partition.starts_with("aws") || !is_region_shaped(region) || !is_account(account) {
                    return Err(invalid());
                }
                (Some(region.to_string()), Some(account.to_string()), rest)
            }
            [account, "function", rest @ ..] if is_account(account) => (None, Some(account.to_string()), rest),
            rest => (None, None, rest),
        };
        let (name, qualifier) = match rest {
            [name] => (*name, None),
            [name, q] => (*name, Some(q.to_string())),
            _ => return Err(invalid()),
        };
        if name.is_empty() || !name.chars().all(is_name_char) {
            return Err(invalid());
        }

        if let Some(q) = &qualifier {
            if !is_qualifier(q) {
                return Err(invalid());
            }
        }
        Ok(FunctionRef { name: name.to_string(), region, account, qualifier })
    }

    /// Combines a qualifier inside the name with a separate `Qualifier` parameter, as Lambda does.
    pub fn with_qualifier(mut self, qualifier: Option<&str>) -> ApiResult<FunctionRef> {
        match (self.qualifier.as_deref(), qualifier) {
            (Some(a), Some(b)) if a != b => Err(ApiError::invalid_parameter(
                "The derived qualifier from the function name does not match the specified qualifier.",
            )),
            (None, Some(q)) => {
                if !is_qualifier(q) {
                    return Err(ApiError::validation(
                        q,
                        "qualifier",
                        "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)",
                    ));
                }
                self.qualifier = Some(q.to_string());
                Ok(self)
            }
            _ => Ok(self),
        }
    }
}

fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`
pub fn function_arn(region: &str, name: &str, qualifier: Option<&str>) -> String {
    match qualifier {
        Some(q) => format!("arn:aws:lambda:{region}:{DEFAULT_ACCOUNT}:function:{name}:{q}"),
        None => format!("arn:aws:lambda:{region}:{DEFAULT_ACCOUNT}:function:{name}"),
    }
}

/// [choice] The hash of a runtime version is the SHA-256 of a stable string of (runtime, version
/// number, architecture): different per architecture, as in AWS, and the same in every region.
pub fn runtime_version_hash(runtime: &str, number: u32, architecture: &str) -> String {
    // Every cold start prints this hash: remember it rather than hash again (a pure function).
    thread_local! {
        static MEMO: std::cell::RefCell<std::collections::HashMap<(String, u32, String), String>> = Default::default();
    }
    MEMO.with(|memo| {
        let key = (runtime.to_string(), number, architecture.to_string());
        if let Some(h) = memo.borrow().get(&key) {
            return h.clone();
        }
        let h = hex(&sha256(format!("lambda-runtime-version/{runtime}/v{number}/{architecture}").as_bytes()));
        memo.borrow_mut().insert(key, h.clone());
        h
    })
}

/// `arn:aws:lambda:<region>::runtime:<64 hex>`: the account field is empty.
pub fn runtime_version_arn(region: &str, runtime: &str, number: u32, architecture: &str) -> String {
    format!("arn:aws:lambda:{region}::runtime:{}", runtime_version_hash(runtime, number, architecture))
}

/// What a runtime version ARN names, once found in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeVersionRef {
    pub region: String,
    pub runtime: String,
    pub number: u32,
    pub architecture: String,
}

/// Checks an ARN against the API's length and pattern constraints; returns (region, hash).
pub fn parse_runtime_version_arn(arn: &str) -> ApiResult<(String, String)> {
    let len = arn.chars().count();
    if !(26..=2048).contains(&len) {
        return Err(ApiError::validation(arn, "runtimeVersionArn", "Member must have length between 26 and 2048"));
    }
    let invalid = || {
        ApiError::validation(
            arn,
            "runtimeVersionArn",
            &format!("Member must satisfy regular expression pattern: {RUNTIME_VERSION_ARN_PATTERN}"),
        )
    };
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(partition), Some("lambda"), Some(region), Some(""), Some(rest)) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    let partition_ok =
        partition.strip_prefix("aws").is_some_and(|p| p.chars().all(|c| c.is_ascii_alphabetic() || c == '-'));
    let region_ok = is_region_shaped(region)
        || {
            // the pattern also admits the isolated partitions' `-iso-` and `-isob-` regions
            let mut p = region.split('-');
            matches!((p.next(), p.next(), p.next(), p.next(), p.next()), (Some(a), Some("iso" | "isob"), Some(w), Some(d), None)
            if a.len() == 2 && !w.is_empty() && d.len() == 1 && d.bytes().all(|b| b.is_ascii_digit()))
        };
    let Some(hash) = rest.strip_prefix("runtime:") else {
        return Err(invalid());
    };
    if !partition_ok || !region_ok || hash.is_empty() || hash.contains('\n') {
        return Err(invalid());
    }
    Ok((region.to_string(), hash.to_string()))
}

/// Finds the released runtime version an ARN names (any runtime, version, architecture).
pub fn resolve_runtime_version_arn(
    catalogue: &Catalogue,
    arn: &str,
    released: impl Fn(&str) -> Vec<u32>,
) -> ApiResult<Option<RuntimeVersionRef>> {
    let (region, hash) = parse_runtime_version_arn(arn)?;
    for runtime in &catalogue.runtimes {
        for number in released(&runtime.id) {
            for arch in &runtime.architectures {
                if runtime_version_hash(&runtime.id, number, arch) == hash {
                    return Ok(Some(RuntimeVersionRef {
                        region,
                        runtime: runtime.id.clone(),
                        number,
                        architecture: arch.clone(),
                    }));
                }
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_four_forms_of_function_name() {
        let bare = FunctionRef::parse("my-function").unwrap();
        assert_eq!((bare.name.as_str(), bare.region, bare.qualifier), ("my-function", None, None));
        let q = FunctionRef::parse("my-function:$LATEST").unwrap();
        assert_eq!(q.qualifier.as_deref(), Some("$LATEST"));
        let partial = FunctionRef::parse("123456789012:function:my-function:3").unwrap();
        assert_eq!((partial.account.as_deref(), partial.qualifier.as_deref()), (Some("123456789012"), Some("3")));
        let full = FunctionRef::parse("arn:aws:lambda:eu-south-1:123456789012:function:f_1:prod").unwrap();
        assert_eq!(full.region.as_deref(), Some("eu-south-1"));
        assert_eq!(full.name, "f_1");
        assert_eq!(full.qualifier.as_deref(), Some("prod"));
    }

    #[test]
    fn rejects_malformed_function_names() {
        for bad in [
            "",
            "a b",
            "arn:aws:lambda:useast1:123456789012:function:f",
            "f:g:h",
            "f:",
            "ü",
            "arn:aws:s3:::bucket",
            &"x".repeat(171),
        ] {
            let e = FunctionRef::parse(bad).unwrap_err();
            assert_eq!(e.code.as_str(), "ValidationException", "{bad}");
            assert!(e.message.contains("functionName"), "{bad}: {}", e.message);
        }
        // A name past 64 characters parses: no function has it (CreateFunction refuses it).
        assert_eq!(FunctionRef::parse(&"x".repeat(65)).unwrap().name.len(), 65);
    }

    #[test]
    fn qualifier_in_name_must_agree_with_qualifier_parameter() {
        let r = FunctionRef::parse("f:1").unwrap();
        assert!(r.clone().with_qualifier(Some("1")).is_ok());
        let e = r.with_qualifier(Some("2")).unwrap_err();
        assert_eq!(e.code.as_str(), "InvalidParameterValueException");
    }

    #[test]
    fn runtime_version_arns() {
        let a = runtime_version_arn("eu-south-1", "python3.9", 14, "x86_64");
        let b = runtime_version_arn("eu-west-1", "python3.9", 14, "x86_64");
        assert!(a.starts_with("arn:aws:lambda:eu-south-1::runtime:"));
        assert_eq!(a.len(), "arn:aws:lambda:eu-south-1::runtime:".len() + 64);
        assert_eq!(a.rsplit(':').next(), b.rsplit(':').next(), "same hash in every region");
        assert_ne!(a, runtime_version_arn("eu-south-1", "python3.9", 14, "arm64"), "differs per architecture");
        assert_eq!(parse_runtime_version_arn(&a).unwrap().0, "eu-south-1");

        let found = resolve_runtime_version_arn(Catalogue::builtin(), &a, |_| vec![13, 14]).unwrap().unwrap();
        assert_eq!((found.runtime.as_str(), found.number, found.architecture.as_str()), ("python3.9", 14, "x86_64"));
        let unknown = runtime_version_arn("eu-south-1", "python3.9", 99, "x86_64");
        assert_eq!(resolve_runtime_version_arn(Catalogue::builtin(), &unknown, |_| vec![14]).unwrap(), None);
    }

    #[test]
    fn runtime_version_arn_constraints() {
        for bad in [
            "arn:aws:lambda",
            "arn:aws:lambda:us-east-1:123456789012:runtime:abc",
            "arn:aws:lambda:useast1::runtime:abc",
            "arn:aws:s3:us-east-1::runtime:abcdef",
            "arn:aws:lambda:us-east-1::function:abc",
        ] {
            assert_eq!(parse_runtime_version_arn(bad).unwrap_err().code.as_str(), "ValidationException", "{bad}");
        }
        assert!(parse_runtime_version_arn("arn:aws-cn:lambda:cn-north-1::runtime:x").is_ok());
        assert!(parse_runtime_version_arn("arn:aws-us-gov:lambda:us-gov-west-1::runtime:x").is_ok());
    }
}
