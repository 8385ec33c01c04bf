//! Share links in the page's address. The codec is `app::share`; the deflate is the browser's
//! own (`CompressionStream`), so it costs the bundle nothing.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::app::share::{self, Fragment, Link, Read};

#[wasm_bindgen(inline_js = r#"
export async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
// Inflates as far as the data goes: a link cut short still gives the text before the cut.
export async function inflateRaw(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let complete = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch (_) {
    complete = false;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return { bytes: out, complete };
}
// The playground's own page: two folders above this snippet in the bundle.
export function playgroundUrl() {
  return new URL("../../", import.meta.url).href;
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = deflateRaw, catch)]
    async fn deflate_raw(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = inflateRaw, catch)]
    async fn inflate_raw(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = playgroundUrl)]
    fn playground_url() -> String;
}

/// The version-2 fragment (`#v2....`) of a link.
pub async fn fragment(link: &Link) -> Option<String> {
    let deflated = deflate_raw(share::payload(link).as_bytes()).await.ok()?;
    Some(share::fragment_v2(&Uint8Array::new(&deflated).to_vec()))
}

/// The page a share link opens: this page, or for an embed the playground's own page (a
/// documentation page is not where a session should be shared to).
pub fn base_url(embedded: bool) -> Option<String> {
    if embedded {
        return Some(playground_url());
    }
    let location = web_sys::window()?.location();
    Some(format!("{}{}{}", location.origin().ok()?, location.pathname().ok()?, location.search().ok()?))
}

/// What this page's fragment opened.
pub enum Opened {
    Nothing,
    Link(Read),
    /// A share link that holds nothing readable.
    Damaged,
}

/// Reads a fragment, inflating a version-2 link.
pub async fn open(fragment: &str) -> Opened {
    match share::read_fragment(fragment) {
        Fragment::None => Opened::Nothing,
        Fragment::Damaged => Opened::Damaged,
        Fragment::V1 { text, complete } => Opened::Link(share::read_payload(&text, complete)),
        Fragment::V2 { deflated, complete } => {
            let Ok(out) = inflate_raw(&deflated).await else { return Opened::Damaged };
            let bytes = Reflect::get(&out, &"bytes".into()).map(|b| Uint8Array::new(&b).to_vec()).unwrap_or_default();
            let inflated = Reflect::get(&out, &"complete".into()).ok().and_then(|c| c.as_bool()).unwrap_or(false);
            if bytes.is_empty() {
                return Opened::Damaged;
            }
            // A cut inside a character keeps what is whole.
            let text = match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let valid = e.utf8_error().valid_up_to();
                    String::from_utf8_lossy(&e.into_bytes()[..valid]).into_owned()
                }
            };
            Opened::Link(share::read_payload(&text, complete && inflated))
        }
    }
}

/// This page's fragment.
pub fn location_fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Shows `fragment` in the address bar without reloading or adding a history entry.
pub fn set_address(fragment: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(fragment));
    }
}
