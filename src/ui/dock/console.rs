//! The console: AWS CLI and `sim` lines, typed and answered as the AWS CLI would.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::ui::state::{use_dispatch, use_shown, Action, Origin};

/// The console shows its newest lines only: a long session must not slow every render.
const SHOWN: usize = 150;

#[component]
pub fn Console() -> Html {
    let shown = use_shown();
    let shown_state = shown.clone();
    let dispatch = use_dispatch();
    let dispatch_confirm = dispatch.clone();
    let input = use_state(String::new);
    // What was typed before browsing the history began.
    let draft = use_state(String::new);
    // Position in the history of typed lines while browsing it with up/down.
    let browsing = use_state(|| None::<usize>);
    let output = use_node_ref();
    let session = shown.session();
    let transcript = session.transcript();
    {
        let output = output.clone();
        let len = transcript.len();
        use_effect_with(len, move |_| {
            if let Some(el) = output.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    // `clear` hides what came before; the console shows at most its newest SHOWN lines.
    // `console_from` counts the lines run before `clear`; the session keeps the newest results only.
    let since_clear = session.lines_run().saturating_sub(shown.console_from);
    let shown = since_clear.min(SHOWN).min(transcript.len());
    let first = transcript.len() - shown;
    // The absolute number of the first kept result: a stable key while old results drop out.
    let base = session.lines_run() - transcript.len();
    let typed: Vec<String> = transcript.iter().map(|r| r.command.clone()).filter(|c| !c.is_empty()).collect();
    // Function names of the session's region, for Tab after --function-name.
    let functions: Vec<String> = {
        let view = shown_state.view();
        let region = shown_state.region();
        view.functions().filter(|((r, _), _)| *r == region).map(|((_, n), _)| n.clone()).collect()
    };
    // The prompt is a textarea that grows: Shift+Enter adds a line, a pasted script keeps its
    // lines, and Enter runs them all as a scenario would (comments, `\` continuations,
    // here-documents), stopping at the first line that misses its expectation.
    let value_of =
        |e: &KeyboardEvent| e.target_dyn_into::<HtmlTextAreaElement>().map(|i| i.value()).unwrap_or_default();
    let multi_line = input.contains('\n');
    // Lines typed while time travel shows the past wait for a yes: they run at the live clock.
    let pending = use_state(|| None::<Vec<String>>);
    let past = shown_state.looking_at();
    let onkeydown = {
        let (input, browsing, draft, pending) = (input.clone(), browsing.clone(), draft.clone(), pending.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" if e.shift_key() => {}
            "Tab" => {
                let line = value_of(&e);
                // Tab with nothing to complete moves the focus on, as everywhere else.
                if let Some(completed) = crate::cli::complete::complete(&line, &functions) {
                    e.prevent_default();
                    input.set(completed);
                }
            }
            "Enter" => {
                e.prevent_default();
                let text = value_of(&e);
                if text.trim().is_empty() {
                    return;
                }
                if text.trim() == "clear" {
                    dispatch.dispatch(Action::ClearConsole);
                    input.set(String::new());
                    return;
                }
                let lines = if text.contains('\n') {
                    crate::app::script::commands(&text).into_iter().map(|(_, line)| line).collect()
                } else {
                    vec![text]
                };
                if past.is_some() {
                    pending.set(Some(lines));
                    return;
                }
                dispatch.dispatch(Action::Type { lines, origin: Origin::Console });
                input.set(String::new());
                draft.set(String::new());
                browsing.set(None);
            }
            // Up and Down move within a script of several lines; on one line they browse the history.
            "ArrowUp" | "ArrowDown" if !typed.is_empty() && !value_of(&e).contains('\n') => {
                e.prevent_default();
                let last = typed.len() - 1;
                // The history may have shrunk since (a tour or a share link replaced the session).
                let at = browsing.map(|i| i.min(last));
                let next = match (e.key().as_str(), at) {
                    ("ArrowUp", None) => {
                        // A half-typed line is kept, and comes back below the newest one.
                        draft.set(value_of(&e));
                        Some(last)
                    }
                    ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                    ("ArrowDown", Some(i)) if i < last => Some(i + 1),
                    _ => None,
                };
                let text = match next {
                    Some(i) => typed.get(i).cloned().unwrap_or_default(),
                    None => (*draft).clone(),
                };
                input.set(text);
                browsing.set(next);
            }
            _ => {}
        })
    };
    let oninput = {
        let input = input.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                input.set(area.value());
            }
        })
    };
    // [choice] The prompt grows to ten lines, then scrolls.
    let rows = input.lines().count().clamp(1, 10);
    let onfile = {
        let input = input.clone();
        Callback::from(move |e: Event| {
            let Some(file) = e.target_dyn_into::<HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0))
            else {
                return;
            };
            let input = input.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                if let Some(text) = text.ok().and_then(|t| t.as_string()) {
                    // Into the prompt, to read before running it with Enter.
                    input.set(text.trim_end().to_string());
                }
            });
            if let Some(i) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                i.set_value("");
            }
        })
    };
    html! {
        <div class="console">
            <pre class="console-output" data-testid="console-output" ref={output} aria-live="polite" tabindex="0" aria-label="Console output">
                if transcript.is_empty() {
                    <span class="hint">{"Type AWS CLI commands, e.g. aws lambda create-function --function-name demo --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://demo.zip\nand playground directives: sim release python3.9, sim advance 2d, sim logs demo. Type help for the list.\n"}</span>
                }
                if shown > 0 && since_clear > shown {
                    <span class="hint">{format!("({} earlier lines not shown)\n", since_clear - shown)}</span>
                }
                for (i, r) in transcript.iter().enumerate().skip(first) {
                    <div key={base + i} class={classes!("entry", (!r.met_expectation()).then_some("failed"))}>
                        if !r.command.is_empty() {
                            <span class="prompt-line">{format!("$ {}\n", r.command)}</span>
                        }
                        if !r.printed.is_empty() {
                            <span class={classes!("printed", r.error().is_some().then_some("error"))}>{format!("{}\n", r.printed.trim_end())}</span>
                        }
                    </div>
                }
            </pre>
            if let (Some(lines), Some(at)) = ((*pending).clone(), past) {
                <p class="console-confirm" role="alertdialog" aria-label="Run at the live clock?" data-testid="console-confirm">
                    {format!("You are looking at {}. Run {} at the live clock? ", at.rfc3339(), if lines.len() == 1 { "this line".to_string() } else { format!("these {} lines", lines.len()) })}
                    <button class="small" data-testid="console-confirm-run" onclick={{
                        let (dispatch, pending, input) = (dispatch_confirm.clone(), pending.clone(), input.clone());
                        Callback::from(move |_: MouseEvent| {
                            dispatch.dispatch(Action::Type { lines: lines.clone(), origin: Origin::Console });
                            pending.set(None);
                            input.set(String::new());
                        })
                    }}>{"Return to now and run"}</button>
                    <button class="small" onclick={{ let pending = pending.clone(); Callback::from(move |_: MouseEvent| pending.set(None)) }}>{"Cancel"}</button>
                </p>
            }
            if shown_state.readonly {
                <p class="console-readonly" data-testid="console-readonly">{"Read-only: this embed replays a recorded session. Open it in the playground to try your own commands."}</p>
            } else {
            <div class="console-prompt">
                <label class="console-line">
                    <span class="prompt" aria-hidden="true">{"$"}</span>
                    <span class="visually-hidden">{"AWS CLI command, or a script of several lines (Shift+Enter for a new line, Enter runs)"}</span>
                    <textarea data-testid="console-input" spellcheck="false" autocomplete="off" rows={rows.to_string()}
                        value={(*input).clone()} {oninput} {onkeydown}
                        placeholder="aws lambda list-functions" />
                </label>
                if multi_line {
                    <span class="script-hint" data-testid="script-hint">{format!("{} lines: Enter runs them as a scenario, Shift+Enter adds a line", input.lines().count())}</span>
                }
                <label class="load-file" title="Load a scenario file into the prompt">
                    {"Load file…"}
                    <input type="file" accept=".scenario,.txt,.sh,text/plain" class="visually-hidden" onchange={onfile} data-testid="console-file" />
                </label>
            </div>
            }
        </div>
    }
}
