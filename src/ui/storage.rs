//! Autosave: the session's script in the page's `localStorage`, so that a reload, a tour or a
//! share link never loses what a person built. Saved on change (debounced, never on the clock's
//! tick), restored on load; a copy that cannot be read is kept aside under its own key, and a
//! storage that is full or unavailable (private mode) is reported, never a panic. An embed
//! keeps nothing here unless its host opts in, and then under keys of its own.

use serde::{Deserialize, Serialize};

/// The session being worked on.
pub const CURRENT: &str = "lambda-runtime-playground.session";
/// Sessions a tour, a share link or "Start fresh" replaced, newest first, to bring back.
pub const RECENT: &str = "lambda-runtime-playground.recent";
/// Where builds before "Recent sessions" kept the one replaced session; read once into RECENT.
const PREVIOUS: &str = "lambda-runtime-playground.previous";
/// [choice] How many replaced sessions are kept.
pub const RECENT_KEPT: usize = 5;
/// A saved session this build could not read, kept for the person (and a bug report).
pub const UNREADABLE: &str = "lambda-runtime-playground.unreadable";

/// Where one playground keeps its sessions in the page's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub current: String,
    pub recent: String,
    pub unreadable: String,
}

impl Keys {
    /// The playground's own page.
    pub fn page() -> Keys {
        Keys { current: CURRENT.into(), recent: RECENT.into(), unreadable: UNREADABLE.into() }
    }

    /// An embed whose host opted in (`storage: "<name>"`): apart from the page's playground and
    /// from other embeds.
    pub fn embed(name: &str) -> Keys {
        let current = format!("lambda-runtime-playground.embed.{name}");
        Keys { recent: format!("{current}.recent"), unreadable: format!("{current}.unreadable"), current }
    }
}

/// The format of what is saved; a later one may read this one.
const FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format: u32,
    /// When it was saved (milliseconds since the epoch, the browser's clock).
    pub saved_at: f64,
    /// The session's lines, as `Session::script` writes them.
    pub script: Vec<String>,
    /// The model version that saved it ([`crate::model::MODEL_VERSION`]); 0 before saves said.
    #[serde(default)]
    pub model: u32,
}

/// What the page's storage holds for a key.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Nothing,
    Saved(Saved),
    /// Text that is not a saved session of this format.
    Unreadable(String),
    /// No storage (private mode, a sandboxed frame, disabled cookies).
    Unavailable,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read(key: &str) -> Found {
    let Some(s) = storage() else { return Found::Unavailable };
    match s.get_item(key) {
        Err(_) => Found::Unavailable,
        Ok(None) => Found::Nothing,
        Ok(Some(text)) => match serde_json::from_str::<Saved>(&text) {
            Ok(saved) if saved.format == FORMAT => Found::Saved(saved),
            _ => Found::Unreadable(text),
        },
    }
}

/// Saves a session's script; an empty one clears the key. `Err` says why it could not be saved.
pub fn write(key: &str, script: &[String]) -> Result<(), String> {
    let Some(s) = storage() else { return Err("this browser keeps no local storage for the page".into()) };
    if script.is_empty() {
        return s.remove_item(key).map_err(|_| "the page's storage refused".to_string());
    }
    let saved = Saved {
        format: FORMAT,
        saved_at: js_sys::Date::now(),
        script: script.to_vec(),
        model: crate::model::MODEL_VERSION,
    };
    let text = serde_json::to_string(&saved).map_err(|e| e.to_string())?;
    s.set_item(key, &text).map_err(|_| "the page's storage is full".to_string())
}

/// Moves raw text to another key (a session kept aside).
pub fn keep_raw(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

/// The sessions kept in Recent sessions, newest first (an unreadable list reads as empty).
pub fn recent(keys: &Keys) -> Vec<Saved> {
    let Some(s) = storage() else { return Vec::new() };
    let mut list: Vec<Saved> =
        s.get_item(&keys.recent).ok().flatten().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    if let (true, Found::Saved(previous)) = (keys.recent == RECENT, read(PREVIOUS)) {
        list.insert(0, previous);
        let _ = s.remove_item(PREVIOUS);
        write_recent(keys, &list);
    }
    list
}

fn write_recent(keys: &Keys, list: &[Saved]) -> bool {
    let Some(s) = storage() else { return false };
    let list = &list[..list.len().min(RECENT_KEPT)];
    serde_json::to_string(list).is_ok_and(|text| s.set_item(&keys.recent, &text).is_ok())
}

/// Keeps the current session in Recent sessions before something replaces it; false when there
/// was nothing to keep (or no room).
pub fn keep_current(keys: &Keys) -> bool {
    let Found::Saved(current) = read(&keys.current) else { return false };
    let mut list = recent(keys);
    list.retain(|s| s.script != current.script);
    list.insert(0, current);
    write_recent(keys, &list)
}

/// Takes a session out of Recent sessions (to open it), keeping the current one in its place.
pub fn take_recent(keys: &Keys, index: usize) -> Option<Saved> {
    let mut list = recent(keys);
    if index >= list.len() {
        return None;
    }
    let taken = list.remove(index);
    write_recent(keys, &list);
    keep_current(keys);
    Some(taken)
}

/// `2023-01-23 14:05`, the browser's local time of a save.
pub fn when(saved_at: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(saved_at));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}
