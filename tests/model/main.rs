//! The model's behaviour against ../shared/LAMBDA.md, one story per test, told as console
//! snippets with their expected transcripts (see `check`). API-level tests remain only where
//! text cannot express the check (metrics, determinism).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod check;

mod alarms;
mod aliases;
mod deployments;
mod deprecation;
mod determinism;
mod errors;
mod export;
mod fleet;
mod logs;
mod publish;
mod rollouts;
mod runtime_management;
mod templates;
mod traffic;
mod update_modes;
