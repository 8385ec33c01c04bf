//! The API documentation pages call (`window.wasmBindings` in the Trunk bundle, or the stable
//! `playground.js` entry): run a scenario headless, or mount a playground into an element.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::embed_options::{EmbedOptions, DEFAULT_HEIGHT};
use crate::app::{report, Session};

/// Runs a scenario and returns one JSON object per command, as `scenario --format jsonl` prints.
#[wasm_bindgen]
pub fn run_scenario(text: &str) -> String {
    Session::new().run_script(text).iter().map(|r| report::json_line(r) + "\n").collect()
}

/// The options a page gave: nothing, a script (the first form of this call), or an object.
fn read_options(options: &JsValue) -> Result<EmbedOptions, String> {
    if options.is_undefined() || options.is_null() {
        return Ok(EmbedOptions::default());
    }
    if let Some(script) = options.as_string() {
        return Ok(EmbedOptions { script, ..Default::default() });
    }
    let object = options.dyn_ref::<js_sys::Object>().ok_or("options must be an object or a script")?;
    let mut pairs = Vec::new();
    for entry in js_sys::Object::entries(object).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let name = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        let text = if let Some(s) = value.as_string() {
            s
        } else if let Some(b) = value.as_bool() {
            b.to_string()
        } else if let Some(n) = value.as_f64() {
            crate::model::decimal::shortest(n)
        } else if value.is_undefined() || value.is_null() {
            continue;
        } else {
            return Err(format!("{name} must be a string, a number or true/false"));
        };
        pairs.push((name, text));
    }
    EmbedOptions::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())), false)
}

/// A mounted playground, for the page that mounted it: `unmount()` takes it out of its element.
#[wasm_bindgen]
pub struct Embed {
    handle: Option<yew::AppHandle<crate::ui::App>>,
    element: web_sys::HtmlElement,
    /// The height `mount` gave the element, taken back on unmount.
    set_height: bool,
}

#[wasm_bindgen]
impl Embed {
    /// Stops the playground (its clock, tour and timers), writes a save still waiting (when the
    /// host opted in to storage), and leaves the element as it was, by the end of the current
    /// task (the UI's scheduler runs the teardown). A second call does nothing.
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
            if self.set_height {
                let _ = self.element.style().remove_property("height");
            }
        }
    }

    /// Whether the playground is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.handle.is_some()
    }
}

/// Mounts a playground into `target` (a CSS selector or an element) and returns an [`Embed`].
/// `options` is a script, or an object: `script`, `height`, `view` (`full | timeline |
/// console`), `readonly`, `theme` (`auto | light | dark`), `tour`, `autoplay`, `storage`. It
/// never reads the page's address, nor its storage unless `storage` names where to keep the
/// session; it fills its container: the container's own height wins, then `height`, then 560 px.
#[wasm_bindgen]
pub fn mount(target: JsValue, options: JsValue) -> Result<Embed, JsValue> {
    let options = read_options(&options).map_err(|e| js_sys::Error::new(&format!("mount: {e}")))?;
    let element: web_sys::HtmlElement = match target.as_string() {
        Some(selector) => web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten())
            .and_then(|e| e.dyn_into().ok())
            .ok_or_else(|| js_sys::Error::new(&format!("mount: no element matches {selector}")))?,
        None => {
            target.dyn_into().map_err(|_| js_sys::Error::new("mount: the target must be a selector or an element"))?
        }
    };
    Ok(mount_into(element, options))
}

/// Mounts an embed with read options into an element (the iframe mode uses it for its body).
pub fn mount_into(element: web_sys::HtmlElement, options: EmbedOptions) -> Embed {
    let style = element.style();
    let height = match &options.height {
        Some(h) => Some(h.as_str()),
        None => (element.client_height() == 0).then_some(DEFAULT_HEIGHT),
    };
    let set_height = height.is_some_and(|h| style.set_property("height", h).is_ok());
    let props = crate::ui::AppProps { embed: Some(Rc::new(options)) };
    let handle = yew::Renderer::<crate::ui::App>::with_root_and_props(element.clone().into(), props).render();
    Embed { handle: Some(handle), element, set_height }
}

/// The iframe mode (`embed.html?script=...&view=timeline&parent=https://docs.example.com`):
/// the options from the frame's query, the frame's whole height; bad options are shown, not
/// thrown, since nobody calls this page from code.
pub fn mount_frame(body: web_sys::HtmlElement, query: &str) {
    let decode = |s: &str| {
        js_sys::decode_uri_component(&s.replace('+', " ")).ok().and_then(|d| d.as_string()).unwrap_or_default()
    };
    let pairs: Vec<(String, String)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect();
    match EmbedOptions::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), true) {
        Ok(mut options) => {
            options.height.get_or_insert_with(|| "100vh".to_string());
            // The frame lives as long as its page: nothing unmounts it.
            std::mem::forget(mount_into(body, options));
        }
        Err(why) => body.set_text_content(Some(&format!("This embed's address is not valid: {why}."))),
    }
}
