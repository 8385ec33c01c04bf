//! The Share popover: a version-2 link to this session with its length, one-click copies of the
//! link, the scenario file and a Markdown block, and advice when the link is too long to travel.

use yew::prelude::*;

use super::clipboard;
use super::share;
use super::state::{use_mount, use_shown};
use crate::app::share::{markdown, Link, MAX_LENGTH, WARN_LENGTH};
use crate::app::{report, Session};
use crate::model::MODEL_VERSION;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_close: Callback<()>,
}

/// Thousands with commas, as the lengths read.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[component]
pub fn SharePopover(props: &Props) -> Html {
    let shown = use_shown();
    let mount = use_mount();
    // None while the browser compresses; then the link, or None when it could not.
    let link = use_state(|| None::<Option<String>>);
    let copied = use_state(|| None::<&'static str>);
    let first = use_node_ref();
    let script = shown.session().script();
    {
        let (link, script, view) = (link.clone(), script.clone(), shown.link_view());
        let embedded = mount.embedded;
        use_effect_with(shown.revision(), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let fragment = share::fragment(&Link { model: MODEL_VERSION, view, script }).await;
                let url = fragment.as_ref().and_then(|f| share::base_url(embedded).map(|base| format!("{base}{f}")));
                // The full app's address follows the session; an embed leaves its host's alone.
                if let (false, Some(f), Some(u)) = (embedded, &fragment, &url) {
                    if u.len() <= MAX_LENGTH {
                        share::set_address(f);
                    }
                }
                link.set(Some(url));
            });
        });
    }
    {
        let first = first.clone();
        use_effect_with((), move |_| {
            if let Some(el) = first.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    // The text is made on the click: a Markdown block replays the whole session.
    let copy = |what: &'static str, text: Box<dyn Fn() -> String>| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copied.set(Some(if clipboard::copy(&text()) {
                what
            } else {
                "Nothing copied: this browser gives the page no clipboard"
            }));
        })
    };
    let onkeydown = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let url = (*link).clone().flatten();
    let too_long = url.as_ref().is_some_and(|u| u.len() > MAX_LENGTH);
    let scenario_file = {
        let script = script.clone();
        Box::new(move || format!("{}\n", script.join("\n")))
    };
    let md = {
        let shared = url.clone().filter(|_| !too_long);
        Box::new(move || {
            let results = Session::new().run_script(&script.join("\n"));
            markdown(&script, &report::transcript(&results), shared.as_deref())
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="share-pop" role="dialog" aria-label="Share this session" data-testid="share-popover" tabindex="-1" ref={first} {onkeydown}>
            {match (&*link, &url) {
                (None, _) => html! { <p>{"Making the link…"}</p> },
                (Some(_), None) => html! { <p class="warning">{"This browser cannot compress the link. Copy the session as a scenario file instead."}</p> },
                (Some(_), Some(u)) if too_long => html! {
                    <p class="warning" data-testid="share-too-long">
                        {format!("The link would be {} characters, over the {} that some documentation sites and firewalls accept. Share the scenario file instead: it replays the same session in the playground's console or with the scenario runner.", grouped(u.len()), grouped(MAX_LENGTH))}
                    </p>
                },
                (Some(_), Some(u)) => html! {
                    <>
                    <label>{"Link to this session (replays every step):"}
                        <input readonly=true value={u.clone()} data-testid="share-link" onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { i.select(); }
                        })} />
                    </label>
                    <p class={classes!("share-length", (u.len() > WARN_LENGTH).then_some("warning"))} data-testid="share-length">
                        {format!("{} characters", grouped(u.len()))}
                        if u.len() > WARN_LENGTH {
                            {format!(": over {}, which some chat tools cut. A cut link still opens the lines before the cut.", grouped(WARN_LENGTH))}
                        }
                    </p>
                    </>
                },
            }}
            <div class="share-actions">
                if let (Some(u), false) = (&url, too_long) {
                    <button class="btn" onclick={copy("Link copied", { let u = u.clone(); Box::new(move || u.clone()) })} data-testid="copy-link">{"Copy link"}</button>
                }
                <button class="btn" onclick={copy("Scenario file copied", scenario_file)} data-testid="copy-scenario">{"Copy as scenario file"}</button>
                <button class="btn" onclick={copy("Markdown copied", md)} data-testid="copy-markdown">{"Copy as Markdown"}</button>
                <button class="btn" onclick={close} data-testid="share-close">{"Close"}</button>
            </div>
            if let Some(what) = *copied {
                <p role="status" class="share-copied">{what}</p>
            }
        </div>
    }
}
