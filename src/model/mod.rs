//! The simulated Lambda control plane. Deterministic and free of I/O: no clock of its own, no
//! randomness without the session's seed, and nothing from the web (it builds and tests natively).

pub mod api;
pub mod arn;
pub mod catalogue;
pub mod cloudformation;
pub mod decimal;
pub mod deployment;
pub mod digest;
pub mod environment;
pub mod error;
pub mod fleet;
pub mod function;
pub mod history;
pub mod lambda;
pub mod metrics;
pub mod order;
pub mod query;
pub mod request;
pub mod rng;
pub mod rollout;
pub mod runtime_management;
pub mod time;

/// The model's behaviour version, carried in share links: bump it when a change makes an existing
/// script replay differently, so that a link made before says so when it opens.
/// Version 2: templates' IAM roles need `--capabilities`, and a SAM function without a Role gets
/// one as a stack resource.
pub const MODEL_VERSION: u32 = 2;

pub use catalogue::RuntimeId;
pub use error::{ApiError, ApiResult, ErrorCode};
pub use function::{Qualifier, VersionId};
pub use lambda::{Lambda, RuntimeVersionRef};
pub use request::{Command, Directive, Request};
pub use runtime_management::UpdateRuntimeOn;
pub use time::Timestamp;
