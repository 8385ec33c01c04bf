//! Share links: the session's script, base64url-encoded in the URL fragment (`#s=`).

use crate::model::digest::base64;

const PREFIX: &str = "#s=";

pub fn encode(script: &[String]) -> String {
    base64(script.join("\n").as_bytes()).replace('+', "-").replace('/', "_").trim_end_matches('=').to_string()
}

/// `None` for anything that is not a well-formed encoding of UTF-8 text.
pub fn decode(s: &str) -> Option<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut bits, mut n, mut out) = (0u32, 0u32, Vec::new());
    for c in s.bytes() {
        bits = bits << 6 | ALPHABET.iter().position(|&a| a == c)? as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    String::from_utf8(out).ok()
}

/// This page's URL with the script in its fragment.
pub fn share_url(script: &[String]) -> Option<String> {
    let location = web_sys::window()?.location();
    let base = format!("{}{}{}", location.origin().ok()?, location.pathname().ok()?, location.search().ok()?);
    Some(format!("{base}{PREFIX}{}", encode(script)))
}

/// The script in this page's URL fragment, if any.
pub fn from_location() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    decode(hash.strip_prefix(PREFIX)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let script = vec!["aws lambda list-functions".to_string(), "sim advance 3600s".to_string(), "ünï".to_string()];
        assert_eq!(decode(&encode(&script)).unwrap(), script.join("\n"));
        assert_eq!(decode("***"), None);
    }
}
