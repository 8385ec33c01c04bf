//! Lambda Runtime Playground: a deterministic model of AWS Lambda runtime management
//! (`model`), the `aws lambda ...` console language (`cli`), sessions with replay (`app`),
//! and, in the wasm build, the Yew playground (`ui`) and the documentation embed (`embed`).

pub mod app;
pub mod cli;
/// The model is a crate of its own (sources in src/model) for its optimisation level.
pub use lambda_runtime_playground_model as model;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod ui;
