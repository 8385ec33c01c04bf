//! An embedded playground's options, as a documentation page gives them: the `mount` call's
//! options object, or an iframe's query (`embed.html?script=...&view=timeline`). One reader
//! for both, so the two spell everything the same.

use super::scenario::BUILTIN;

/// Which panels an embed shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    #[default]
    Full,
    Timeline,
    Console,
}

/// An embed's colours: the reader's preference, or fixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// [choice] An embed's height when neither the options nor the container give one.
pub const DEFAULT_HEIGHT: &str = "560px";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// A scenario to run first.
    pub script: String,
    /// A CSS height for the container (`480` means pixels).
    pub height: Option<String>,
    pub layout: Layout,
    pub readonly: bool,
    pub theme: Theme,
    /// A guided tour to start (its id).
    pub tour: Option<String>,
    /// Plays the clock, or steps the tour.
    pub autoplay: bool,
    /// The origins allowed to talk to an iframe embed (`parent`, repeatable).
    pub parents: Vec<String>,
    /// The host's opt-in to keeping this embed's session in the page's storage, under this
    /// name (without it, an embed reads and writes no storage).
    pub storage: Option<String>,
}

const NAMES: &str = "script, height, view, readonly, theme, tour, autoplay, storage";

/// [choice] A storage name: what a key may hold without escaping, short enough to read.
fn storage_name(value: &str) -> Result<String, String> {
    let ok = (1..=64).contains(&value.len())
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(value.to_string())
    } else {
        Err(format!("storage must be 1 to 64 letters, digits, '-', '_' or '.', not '{value}'"))
    }
}

fn flag(name: &str, value: &str) -> Result<bool, String> {
    match value {
        "true" | "1" | "" => Ok(true),
        "false" | "0" => Ok(false),
        other => Err(format!("{name} must be true or false, not '{other}'")),
    }
}

/// A CSS length: a bare number is pixels; otherwise digits with a unit the playground accepts.
fn height(value: &str) -> Result<String, String> {
    let v = value.trim();
    let (number, unit) = v.split_at(v.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(v.len()));
    let units = ["px", "em", "rem", "vh", "%"];
    match (crate::model::decimal::parse(number), unit) {
        (Some(n), "") if n > 0.0 => Ok(format!("{number}px")),
        (Some(n), u) if n > 0.0 && units.contains(&u) => Ok(v.to_string()),
        _ => Err(format!(
            "height must be a positive number of pixels or a length in px, em, rem, vh or %, not '{value}'"
        )),
    }
}

impl EmbedOptions {
    /// Reads options from name/value pairs; `parent` is taken only when `iframe` is true (a
    /// script embed talks to its page directly).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, iframe: bool) -> Result<Self, String> {
        let mut o = EmbedOptions::default();
        for (name, value) in pairs {
            match name {
                "script" => o.script = value.to_string(),
                "height" => o.height = Some(height(value)?),
                "view" => {
                    o.layout = match value {
                        "full" => Layout::Full,
                        "timeline" => Layout::Timeline,
                        "console" => Layout::Console,
                        other => return Err(format!("view must be full, timeline or console, not '{other}'")),
                    }
                }
                "readonly" => o.readonly = flag(name, value)?,
                "autoplay" => o.autoplay = flag(name, value)?,
                "theme" => {
                    o.theme = match value {
                        "auto" => Theme::Auto,
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        other => return Err(format!("theme must be auto, light or dark, not '{other}'")),
                    }
                }
                "tour" => {
                    if !BUILTIN.iter().any(|(id, _, _)| *id == value) {
                        let ids: Vec<&str> = BUILTIN.iter().map(|(id, _, _)| *id).collect();
                        return Err(format!("no tour is named '{value}'; the tours are {}", ids.join(", ")));
                    }
                    o.tour = Some(value.to_string());
                }
                "storage" => o.storage = Some(storage_name(value)?),
                "parent" if iframe => o.parents.push(value.to_string()),
                other => return Err(format!("'{other}' is not an option; the options are {NAMES}")),
            }
        }
        if o.tour.is_some() && !o.script.is_empty() {
            return Err("give a script or a tour, not both: a tour starts its own session".into());
        }
        if o.storage.is_some() && (o.readonly || o.tour.is_some()) {
            return Err(
                "storage keeps what a reader builds: it needs an embed that is neither readonly nor a tour".into()
            );
        }
        Ok(o)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option_and_refuses_what_it_does_not_know() {
        let o = EmbedOptions::from_pairs(
            [
                ("script", "sim advance 1h"),
                ("height", "480"),
                ("view", "timeline"),
                ("readonly", "true"),
                ("theme", "dark"),
                ("autoplay", "false"),
            ],
            false,
        )
        .unwrap();
        assert_eq!(o.height.as_deref(), Some("480px"));
        assert_eq!((o.layout, o.theme, o.readonly, o.autoplay), (Layout::Timeline, Theme::Dark, true, false));
        assert_eq!(EmbedOptions::from_pairs([("height", "50%")], false).unwrap().height.as_deref(), Some("50%"));
        for (pair, error) in [
            (("view", "wide"), "view must be full, timeline or console, not 'wide'"),
            (("height", "-3"), "height must be a positive number"),
            (("height", "1px;color:red"), "height must be a positive number"),
            (("tour", "nope"), "no tour is named 'nope'; the tours are two-phase-rollout"),
            (("readonly", "yes"), "readonly must be true or false, not 'yes'"),
            (("parent", "https://x"), "'parent' is not an option"),
            (("colour", "red"), "'colour' is not an option; the options are script, height"),
        ] {
            let e = EmbedOptions::from_pairs([pair], false).unwrap_err();
            assert!(e.starts_with(error), "{e}");
        }
        let both = EmbedOptions::from_pairs([("script", "sim advance 1h"), ("tour", "manual-rollback")], false);
        assert_eq!(both.unwrap_err(), "give a script or a tour, not both: a tour starts its own session");
        let kept = EmbedOptions::from_pairs([("script", "sim advance 1h"), ("storage", "guide.step-2")], false);
        assert_eq!(kept.unwrap().storage.as_deref(), Some("guide.step-2"));
        for (pairs, error) in [
            (vec![("storage", "a b")], "storage must be 1 to 64 letters, digits, '-', '_' or '.', not 'a b'"),
            (vec![("storage", "")], "storage must be 1 to 64 letters"),
            (vec![("storage", "s"), ("readonly", "true")], "storage keeps what a reader builds"),
            (vec![("storage", "s"), ("tour", "manual-rollback")], "storage keeps what a reader builds"),
        ] {
            let e = EmbedOptions::from_pairs(pairs, false).unwrap_err();
            assert!(e.starts_with(error), "{e}");
        }
        let iframe = EmbedOptions::from_pairs([("parent", "https://docs.example.com")], true).unwrap();
        assert_eq!(iframe.parents, vec!["https://docs.example.com"]);
    }
}
