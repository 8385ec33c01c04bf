//! The Yew playground: components render the session and dispatch commands to it.

mod app;
pub mod chip;
mod clipboard;
mod dock;
mod forms;
mod frame;
mod functions;
mod header;
mod hooks;
mod inspector;
mod panel;
mod recent;
mod releases;
pub mod renders;
pub mod share;
mod share_popover;
mod state;
pub mod storage;
mod timeline;
mod tour;

pub use app::{App, AppProps};
