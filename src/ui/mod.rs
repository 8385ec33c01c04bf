//! The Yew playground: components render the session and dispatch commands to it.

mod app;
mod header;
mod panel;

pub use app::App;
