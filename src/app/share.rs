//! Share links' codec: a session's script in a URL fragment, `#s=` + base64url (no padding).
//! Pure: the page's address is the UI's business.

use crate::model::digest::{base64url, base64url_decode};

/// The fragment's prefix.
pub const PREFIX: &str = "#s=";

/// The fragment body for a script (one line per step).
pub fn encode(script: &[String]) -> String {
    base64url(script.join("\n").as_bytes())
}

/// The script a fragment body holds; `None` for anything that is not base64url of UTF-8 text.
pub fn decode(body: &str) -> Option<String> {
    String::from_utf8(base64url_decode(body)?).ok()
}

/// The script in a URL fragment (`#s=...`), if it holds one.
pub fn from_fragment(fragment: &str) -> Option<String> {
    decode(fragment.strip_prefix(PREFIX)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let script = vec!["aws lambda list-functions".to_string(), "sim advance 1h".to_string(), "ünï".to_string()];
        let fragment = format!("{PREFIX}{}", encode(&script));
        assert_eq!(from_fragment(&fragment).unwrap(), script.join("\n"));
        assert_eq!(decode("***"), None);
        assert_eq!(from_fragment("#t=abc"), None);
    }

    /// Links made before this codec moved here still open: the same bytes decode the same.
    #[test]
    fn old_links_decode() {
        assert_eq!(decode("c2ltIGFkdmFuY2UgMzYwMHM").unwrap(), "sim advance 3600s");
    }
}
