//! The simulated Lambda control plane. Deterministic and free of I/O: no clock of its own, no
//! randomness without the session's seed, and nothing from the web (it builds and tests natively).

pub mod runtime_management;
pub mod time;

pub use runtime_management::UpdateRuntimeOn;
pub use time::Timestamp;
