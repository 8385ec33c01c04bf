//! Share links in this page's address: the codec is `app::share`.

use crate::app::share::{encode, from_fragment, PREFIX};

/// This page's URL with the script in its fragment.
pub fn share_url(script: &[String]) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = format!("{}{}{}", location.origin().ok()?, location.pathname().ok()?, location.search().ok()?);
    Some(format!("{base}{PREFIX}{}", encode(script)))
}

/// The script in this page's URL fragment, if any.
pub fn from_location() -> Option<String> {
    from_fragment(&web_sys::window()?.location().hash().ok()?)
}
