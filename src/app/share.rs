//! Share links' codec. Pure: compression and the page's address are the UI's business.
//!
//! - Version 1 (`#s=` + base64url of the script): still opened, never written.
//! - Version 2 (`#v2.` + base64url of the raw-deflated payload). The payload is a scenario file
//!   whose first comment lines carry the link's format, the model version it was made with and
//!   the view; inflated by hand, it runs as it is. [choice] Deflate because every browser
//!   compresses it natively (`CompressionStream("deflate-raw")`), so the codec adds no bytes to
//!   the bundle, and a link cut short still inflates up to the cut: the lines before it are kept.

use crate::model::digest::{base64url, base64url_decode};

/// Version 1's prefix.
pub const PREFIX_V1: &str = "#s=";
/// Version 2's prefix.
pub const PREFIX_V2: &str = "#v2.";
/// The payload's first line starts with this, then the format and model versions.
const HEADER: &str = "# Lambda Runtime Playground share link:";
const VIEW: &str = "# view:";

/// Past this many characters some chat tools cut a link.
pub const WARN_LENGTH: usize = 2000;
/// Past this many characters some documentation sites' firewalls refuse the URL.
pub const MAX_LENGTH: usize = 8192;

/// The function version a link selects, by name (ids are the session's own).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selected {
    pub region: String,
    pub function: String,
    pub qualifier: String,
}

/// What the person was looking at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub selected: Option<Selected>,
    /// The dock's tab: `console`, `logs`, `events` or `template`.
    pub tab: Option<String>,
    /// The timeline's window, in simulated milliseconds since the epoch.
    pub window: Option<(i64, i64)>,
}

/// A session as a link carries it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// The model version it was made with ([`crate::model::MODEL_VERSION`]).
    pub model: u32,
    pub view: View,
    pub script: Vec<String>,
}

/// What a fragment turned out to hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    /// Not a share link at all.
    None,
    /// Version 1: the script's text, cut short when `complete` is false.
    V1 { text: String, complete: bool },
    /// Version 2: the deflated payload, still to be inflated (by the browser).
    V2 { deflated: Vec<u8>, complete: bool },
    /// A share link whose body is not base64url at all.
    Damaged,
}

/// Base64url that tolerates a cut: the longest decodable prefix, and whether it was all of it.
fn decode_prefix(body: &str) -> Option<(Vec<u8>, bool)> {
    if let Some(bytes) = base64url_decode(body) {
        return Some((bytes, true));
    }
    let valid = body.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_').count();
    // A cut leaves 1 to 3 characters of a last group; one alone decodes to nothing.
    let usable = valid - valid % 4 + if valid % 4 >= 2 { valid % 4 } else { 0 };
    if usable == 0 {
        return None;
    }
    base64url_decode(&body[..usable]).map(|bytes| (bytes, false))
}

/// Reads a URL fragment (`#s=...`, `#v2....`).
pub fn read_fragment(fragment: &str) -> Fragment {
    if let Some(body) = fragment.strip_prefix(PREFIX_V2) {
        return match decode_prefix(body) {
            Some((deflated, complete)) => Fragment::V2 { deflated, complete },
            None => Fragment::Damaged,
        };
    }
    if let Some(body) = fragment.strip_prefix(PREFIX_V1) {
        return match decode_prefix(body) {
            Some((bytes, complete)) => {
                let text = match String::from_utf8(bytes) {
                    Ok(text) => text,
                    // A cut inside a character: keep what is whole.
                    Err(e) => {
                        let valid = e.utf8_error().valid_up_to();
                        let mut bytes = e.into_bytes();
                        bytes.truncate(valid);
                        return Fragment::V1 { text: String::from_utf8(bytes).unwrap_or_default(), complete: false };
                    }
                };
                Fragment::V1 { text, complete }
            }
            None => Fragment::Damaged,
        };
    }
    Fragment::None
}

/// The version-2 payload: a scenario file with the link's header and view as comments.
pub fn payload(link: &Link) -> String {
    let mut out = format!("{HEADER} format 2, model {}\n", link.model);
    let mut view = Vec::new();
    if let Some(s) = &link.view.selected {
        view.push(format!("region={} function={} qualifier={}", s.region, s.function, s.qualifier));
    }
    if let Some(tab) = &link.view.tab {
        view.push(format!("tab={tab}"));
    }
    if let Some((from, to)) = link.view.window {
        view.push(format!("window={from}..{to}"));
    }
    if !view.is_empty() {
        out.push_str(&format!("{VIEW} {}\n", view.join(" ")));
    }
    for line in &link.script {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A link as read, with what could not be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub link: Link,
    /// The link ended early: its last, partial line was dropped.
    pub cut: bool,
    /// The format the payload declares, when it is not one this build reads.
    pub unknown_format: Option<String>,
}

/// Reads a script, version 1's or an inflated version 2 payload. `complete` is false when the
/// text was cut short: its last line is dropped unless it ended with a newline.
pub fn read_payload(text: &str, complete: bool) -> Read {
    let mut lines: Vec<&str> = text.split('\n').collect();
    // The payload ends with a newline; a cut text's last piece is partial.
    let last = lines.pop().unwrap_or_default();
    if complete && !last.is_empty() {
        lines.push(last);
    }
    let mut link = Link::default();
    let mut unknown_format = None;
    let mut body = lines.as_slice();
    if let Some(header) = body.first().and_then(|l| l.strip_prefix(HEADER)) {
        body = &body[1..];
        for part in header.split(',').map(str::trim) {
            match part.split_once(' ') {
                Some(("format", "2")) => {}
                Some(("format", other)) => unknown_format = Some(other.to_string()),
                Some(("model", n)) => link.model = n.parse().unwrap_or(0),
                _ => {}
            }
        }
        if let Some(view) = body.first().and_then(|l| l.strip_prefix(VIEW)) {
            body = &body[1..];
            link.view = read_view(view);
        }
    }
    link.script = body.iter().map(|l| l.to_string()).collect();
    Read { link, cut: !complete, unknown_format }
}

fn read_view(text: &str) -> View {
    let mut view = View::default();
    let mut selected = Selected::default();
    for (key, value) in text.split_whitespace().filter_map(|p| p.split_once('=')) {
        match key {
            "region" => selected.region = value.to_string(),
            "function" => selected.function = value.to_string(),
            "qualifier" => selected.qualifier = value.to_string(),
            "tab" => view.tab = Some(value.to_string()),
            "window" => {
                view.window = value
                    .split_once("..")
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                    .filter(|(a, b)| a < b)
            }
            _ => {}
        }
    }
    if !selected.function.is_empty() {
        view.selected = Some(selected);
    }
    view
}

/// The version-2 fragment for a deflated payload.
pub fn fragment_v2(deflated: &[u8]) -> String {
    format!("{PREFIX_V2}{}", base64url(deflated))
}

/// The version-1 fragment of a script (old links; tests and figures compare against it).
pub fn fragment_v1(script: &[String]) -> String {
    format!("{PREFIX_V1}{}", base64url(script.join("\n").as_bytes()))
}

/// A fence longer than any run of backticks in `text`, so that it cannot close early.
fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// One Markdown block for an issue tracker: the scenario, the transcript it prints, and the link
/// (when there is one short enough to share).
pub fn markdown(script: &[String], transcript: &str, link: Option<&str>) -> String {
    let scenario = script.join("\n");
    let (f1, f2) = (fence(&scenario), fence(transcript));
    let mut out = format!(
        "**Lambda Runtime Playground session** ({} lines)\n\nScenario:\n\n{f1}sh\n{scenario}\n{f1}\n\nTranscript:\n\n{f2}text\n{}\n{f2}\n",
        script.len(),
        transcript.trim_end()
    );
    if let Some(link) = link {
        out.push_str(&format!("\n[Open it in the playground]({link})\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link() -> Link {
        Link {
            model: 3,
            view: View {
                selected: Some(Selected {
                    region: "eu-south-1".into(),
                    function: "orders".into(),
                    qualifier: "2".into(),
                }),
                tab: Some("logs".into()),
                window: Some((0, 86_400_000)),
            },
            script: vec!["aws lambda list-functions".into(), "sim advance 1h".into(), "ünï # not a header".into()],
        }
    }

    #[test]
    fn payload_round_trip() {
        let text = payload(&link());
        assert!(
            text.starts_with("# Lambda Runtime Playground share link: format 2, model 3\n# view: region=eu-south-1")
        );
        assert_eq!(read_payload(&text, true), Read { link: link(), cut: false, unknown_format: None });
    }

    #[test]
    fn a_cut_payload_keeps_its_whole_lines() {
        let text = payload(&link());
        let cut = &text[..text.find("sim advance").unwrap() + 5];
        let read = read_payload(cut, false);
        assert!(read.cut);
        assert_eq!(read.link.script, vec!["aws lambda list-functions"]);
        assert_eq!(read.link.view, link().view);
    }

    #[test]
    fn version_1_links_still_read() {
        assert_eq!(
            read_fragment("#s=c2ltIGFkdmFuY2UgMzYwMHM"),
            Fragment::V1 { text: "sim advance 3600s".into(), complete: true }
        );
        // Version 1 cannot tell most cuts (unpadded base64 of any length decodes), but one
        // inside a character keeps what is whole and says it was cut.
        let full = fragment_v1(&["sim advance 1h".into(), "ünï".into()]);
        match read_fragment(&full[..full.len() - 1]) {
            Fragment::V1 { text, complete: false } => {
                assert_eq!(read_payload(&text, false).link.script, vec!["sim advance 1h"])
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(read_fragment("#s=***"), Fragment::Damaged);
        assert_eq!(read_fragment("#v2.!"), Fragment::Damaged);
        assert_eq!(read_fragment("#t=abc"), Fragment::None);
    }

    #[test]
    fn markdown_fences_outlast_the_text() {
        let md = markdown(&["cat > t.md <<'EOF'".into(), "```".into(), "EOF".into()], "$ x\n", Some("https://p/#v2.x"));
        assert!(md.contains("````sh\ncat > t.md <<'EOF'\n```\nEOF\n````\n"), "{md}");
        assert!(md.contains("```text\n$ x\n```\n"), "{md}");
        assert!(md.ends_with("[Open it in the playground](https://p/#v2.x)\n"), "{md}");
    }

    #[test]
    fn unknown_formats_are_reported() {
        let read = read_payload("# Lambda Runtime Playground share link: format 9, model 1\nsim advance 1h\n", true);
        assert_eq!(read.unknown_format.as_deref(), Some("9"));
        assert_eq!(read.link.script, vec!["sim advance 1h"]);
    }
}
