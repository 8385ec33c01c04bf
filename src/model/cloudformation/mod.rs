//! CloudFormation and SAM templates: parsed with their tags and positions (`yaml`), read into
//! parameters, conditions and resources (`template`), and resolved against a stack (`resolve`).
//! A stack's deploy turns resources into the same model operations the console runs.

pub mod resolve;
pub mod resources;
pub mod sam;
pub mod template;
pub mod yaml;
