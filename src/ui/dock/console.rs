//! The console: AWS CLI and `sim` lines, typed and answered as the AWS CLI would.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::forms::on_text;
use crate::ui::state::{use_dispatch, use_shown, Action, Origin};

/// The console shows its newest lines only: a long session must not slow every render.
const SHOWN: usize = 150;

#[component]
pub fn Console() -> Html {
    let shown = use_shown();
    let shown_state = shown.clone();
    let dispatch = use_dispatch();
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
    let onkeydown = {
        let (input, browsing, draft) = (input.clone(), browsing.clone(), draft.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Tab" => {
                let line = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                // Tab with nothing to complete moves the focus on, as everywhere else.
                if let Some(completed) = crate::cli::complete::complete(&line, &functions) {
                    e.prevent_default();
                    input.set(completed);
                }
            }
            "Enter" => {
                e.prevent_default();
                let line = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                if line.trim().is_empty() {
                    return;
                }
                if line.trim() == "clear" {
                    dispatch.dispatch(Action::ClearConsole);
                    input.set(String::new());
                    return;
                }
                dispatch.dispatch(Action::Type { lines: vec![line], origin: Origin::Console });
                input.set(String::new());
                draft.set(String::new());
                browsing.set(None);
            }
            "ArrowUp" | "ArrowDown" if !typed.is_empty() => {
                e.prevent_default();
                let last = typed.len() - 1;
                // The history may have shrunk since (a tour or a share link replaced the session).
                let at = browsing.map(|i| i.min(last));
                let next = match (e.key().as_str(), at) {
                    ("ArrowUp", None) => {
                        // A half-typed line is kept, and comes back below the newest one.
                        draft.set(e.target_dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default());
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
    html! {
        <div class="console">
            <pre class="console-output" data-testid="console-output" ref={output} aria-live="polite">
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
            if shown_state.readonly {
                <p class="console-readonly" data-testid="console-readonly">{"Read-only: this embed replays a recorded session. Open it in the playground to try your own commands."}</p>
            } else {
            <label class="console-prompt">
                <span class="prompt" aria-hidden="true">{"$"}</span>
                <span class="visually-hidden">{"AWS CLI command"}</span>
                <input data-testid="console-input" type="text" spellcheck="false" autocomplete="off"
                    value={(*input).clone()} oninput={on_text(&input)} {onkeydown}
                    placeholder="aws lambda list-functions" />
            </label>
            }
        </div>
    }
}
