//! The wasm-bindgen API that documentation pages call to embed a scenario (filled by the UI issue).
