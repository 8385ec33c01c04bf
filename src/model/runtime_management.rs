//! Runtime management configuration of one function version.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// When a function version takes a new runtime version. Spelled exactly as the Lambda API spells it
/// (case-sensitive); a version that was never configured reports `Auto`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UpdateRuntimeOn {
    #[default]
    Auto,
    FunctionUpdate,
    Manual,
}

impl UpdateRuntimeOn {
    pub const ALL: [UpdateRuntimeOn; 3] = [Self::Auto, Self::FunctionUpdate, Self::Manual];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "Auto",
            Self::FunctionUpdate => "FunctionUpdate",
            Self::Manual => "Manual",
        }
    }
}

impl fmt::Display for UpdateRuntimeOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UpdateRuntimeOn {
    type Err = String;

    /// Lambda accepts only the exact spellings: `auto` or `MANUAL` are errors, not aliases.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|mode| mode.as_str() == s).ok_or_else(|| {
            format!(
                "Value '{s}' at 'updateRuntimeOn' failed to satisfy constraint: \
                     Member must satisfy enum value set: [Auto, Manual, FunctionUpdate]"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_the_exact_aws_spellings() {
        for mode in UpdateRuntimeOn::ALL {
            assert_eq!(mode.as_str().parse::<UpdateRuntimeOn>(), Ok(mode));
        }
        for wrong in ["auto", "MANUAL", "Function-Update", "", " Auto"] {
            let err = wrong.parse::<UpdateRuntimeOn>().unwrap_err();
            assert!(err.contains("[Auto, Manual, FunctionUpdate]"), "{err}");
        }
    }

    #[test]
    fn unconfigured_versions_report_auto() {
        assert_eq!(UpdateRuntimeOn::default(), UpdateRuntimeOn::Auto);
    }

    #[test]
    fn serializes_as_the_api_enum_value() {
        let json = serde_json::to_string(&UpdateRuntimeOn::FunctionUpdate).unwrap();
        assert_eq!(json, "\"FunctionUpdate\"");
    }
}
