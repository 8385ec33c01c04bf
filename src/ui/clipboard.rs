//! The page's clipboard.

use wasm_bindgen::{JsCast, JsValue};

/// Copies text with the page's clipboard, where the browser offers one (a secure context);
/// false where it does not.
pub fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = js_sys::Reflect::get(&window, &JsValue::from_str("navigator"))
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")));
    let Ok(clipboard) = clipboard else { return false };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText")) else { return false };
    match write.dyn_ref::<js_sys::Function>() {
        Some(write) => write.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        None => false,
    }
}
