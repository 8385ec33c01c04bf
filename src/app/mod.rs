//! A session: a command history over the catalogue and a seed, replayed to any moment, driven by
//! console lines; scenarios as scripts and as guided tours; transcripts and JSON lines.

pub mod embed_options;
pub mod export;
pub mod report;
pub mod scenario;
pub mod script;
pub mod session;
pub mod share;
pub mod workload;

pub use session::{LineResult, Session, KEPT_RESULTS, MAX_LINE_BYTES, MAX_SCRIPT_COMMANDS};
