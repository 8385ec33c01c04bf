//! The API documentation pages call (`window.wasmBindings` in the Trunk bundle): run a scenario
//! headless, or mount a playground preloaded with one into an element of the page.

use wasm_bindgen::prelude::*;

use crate::app::{report, Session};

/// Runs a scenario and returns one JSON object per command, as `scenario --format jsonl` prints.
#[wasm_bindgen]
pub fn run_scenario(text: &str) -> String {
    Session::new().run_script(text).iter().map(|r| report::json_line(r) + "\n").collect()
}

/// Mounts a playground into the element `selector` names, with `script` already run (an empty
/// script gives a fresh playground). Several can live on one page.
#[wasm_bindgen]
pub fn mount(selector: &str, script: &str) -> Result<(), JsValue> {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .ok_or_else(|| JsValue::from_str(&format!("no element matches {selector}")))?;
    let props = crate::ui::AppProps { script: (!script.is_empty()).then(|| script.to_string().into()) };
    yew::Renderer::<crate::ui::App>::with_root_and_props(element, props).render();
    Ok(())
}
