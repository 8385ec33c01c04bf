//! The function version an inspector form acts on.

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub region: String,
    pub function_name: String,
    /// `None` for `$LATEST`.
    pub qualifier: Option<String>,
}
