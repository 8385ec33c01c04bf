//! The iframe mode's messages with its host page (`embed.html?parent=https://docs.example.com`).
//!
//! Every message is an object `{ protocol: "lambda-runtime-playground/1", type, ... }`:
//! - to the host: `ready` once mounted; `state` after every change (`now`, `lines`, `last`:
//!   the last line's result as `scenario --format jsonl` prints it); `error` for a message it
//!   cannot take.
//! - from the host: `load` `{script}` replaces the session (long scenarios need not travel in
//!   the URL); `run` `{lines: [...]}` runs console lines; `get-state` asks for a `state`.
//!
//! Only messages whose `event.origin` equals an allowed origin and whose `event.source` is this
//! frame's parent are read; replies go to that origin, never to `*`. Without `parent` the
//! frame neither listens nor sends.

use std::rc::Rc;

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::state::{Action, Dispatch, Origin, Shown};
use crate::app::report;

pub const PROTOCOL: &str = "lambda-runtime-playground/1";

fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let m = Object::new();
    let _ = Reflect::set(&m, &"protocol".into(), &PROTOCOL.into());
    let _ = Reflect::set(&m, &"type".into(), &kind.into());
    for (k, v) in fields {
        let _ = Reflect::set(&m, &(*k).into(), v);
    }
    m.into()
}

fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    // A page that is not framed is its own parent.
    (!Object::is(&parent, &window)).then_some(parent)
}

/// The allowed origins the parent may have: the one the browser names when it says, else each.
fn targets(allowed: &[String]) -> Vec<String> {
    let named = web_sys::window()
        .and_then(|w| Reflect::get(&w.location(), &"ancestorOrigins".into()).ok())
        .and_then(|list| Reflect::get(&list, &0.into()).ok())
        .and_then(|o| o.as_string());
    match named {
        Some(origin) => allowed.iter().filter(|a| **a == origin).cloned().collect(),
        None => allowed.to_vec(),
    }
}

fn send(to: &[String], msg: &JsValue) {
    if let Some(parent) = parent() {
        for origin in to {
            let _ = parent.post_message(msg, origin);
        }
    }
}

fn state_message(shown: &Shown) -> JsValue {
    let session = shown.session();
    let last = session
        .transcript()
        .back()
        .and_then(|r| js_sys::JSON::parse(&report::json_line(r)).ok())
        .unwrap_or(JsValue::NULL);
    message(
        "state",
        &[("now", session.now().rfc3339().into()), ("lines", (session.lines_run() as f64).into()), ("last", last)],
    )
}

/// What a host's message asks for, or why it cannot be taken.
fn read(data: &JsValue) -> Result<Option<Action>, String> {
    let field = |name: &str| Reflect::get(data, &name.into()).ok().filter(|v| !v.is_undefined());
    if field("protocol").and_then(|p| p.as_string()).as_deref() != Some(PROTOCOL) {
        return Err(format!("messages must carry protocol \"{PROTOCOL}\""));
    }
    match field("type").and_then(|t| t.as_string()).as_deref() {
        Some("load") => {
            let script = field("script").and_then(|s| s.as_string()).ok_or("load needs a script (a string)")?;
            Ok(Some(Action::Load(script)))
        }
        Some("run") => {
            let lines = field("lines")
                .and_then(|l| l.dyn_into::<js_sys::Array>().ok())
                .ok_or("run needs lines (an array of strings)")?;
            let lines: Option<Vec<String>> = lines.iter().map(|l| l.as_string()).collect();
            Ok(Some(Action::Type {
                lines: lines.ok_or("run needs lines (an array of strings)")?,
                origin: Origin::Console,
            }))
        }
        Some("get-state") => Ok(None),
        Some(other) => Err(format!("unknown message type \"{other}\"; the types are load, run and get-state")),
        None => Err("messages need a type".into()),
    }
}

/// Listens to the host page and tells it what changed; does nothing without allowed origins.
#[hook]
pub fn use_host_messages(allowed: Rc<Vec<String>>, dispatch: Dispatch, shown: Shown) {
    let latest = use_mut_ref(|| shown.clone());
    *latest.borrow_mut() = shown.clone();
    {
        let (allowed, latest) = (allowed.clone(), latest.clone());
        use_effect_with((), move |_| {
            let listener = (!allowed.is_empty()).then(|| {
                send(&targets(&allowed), &message("ready", &[]));
                let window = web_sys::window().expect("a browser window");
                gloo::events::EventListener::new(&window, "message", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else { return };
                    let origin = e.origin();
                    // Strict equality with an allowed origin, from this frame's own parent.
                    let from_parent = match (e.source(), parent()) {
                        (Some(source), Some(p)) => Object::is(&source, &p),
                        _ => false,
                    };
                    if !from_parent || !allowed.contains(&origin) {
                        return;
                    }
                    let to = [origin];
                    match read(&e.data()) {
                        Ok(Some(action)) => dispatch.dispatch(action),
                        Ok(None) => send(&to, &state_message(&latest.borrow())),
                        Err(why) => send(&to, &message("error", &[("message", why.into())])),
                    }
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with(shown.revision(), move |_| {
        if !allowed.is_empty() {
            send(&targets(&allowed), &state_message(&shown));
        }
    });
}
