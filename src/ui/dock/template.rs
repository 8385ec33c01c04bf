//! The Template tab: a template file in an editor, deployed as a stack with parameter
//! overrides, and the stack's events. Save writes the file as `cat > file <<'EOF'` does; Deploy
//! runs `aws cloudformation deploy` (or `sam deploy`) on it: the console shows both lines.

use yew::prelude::*;

use crate::cli::{AwsCall, Line};
use crate::model::api::{DeployStackRequest, StackNameRequest};
use crate::model::Request;
use crate::ui::forms::{on_select, on_text, NoticeView};
use crate::ui::state::{use_dispatch, use_shown, Action, DockTab, Origin};

/// [choice] The editor's first text: a SAM function with a switchable runtime management mode, a
/// live alias that new versions reach by a canary, and the Errors alarm on it that the canary
/// watches, written for the playground.
const EXAMPLE: &str = "AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: An order service whose runtime updates are chosen per deploy, released by canary.
Parameters:
  RuntimeUpdateMode:
    Type: String
    Default: Auto
    AllowedValues: [Auto, FunctionUpdate, Manual]
  PinnedRuntimeVersionArn:
    Type: String
    Default: ''
Conditions:
  IsManual: !Equals [!Ref RuntimeUpdateMode, Manual]
Globals:
  Function:
    Runtime: python3.9
    Timeout: 10
    MemorySize: 256
    RuntimeManagementConfig:
      UpdateRuntimeOn: !Ref RuntimeUpdateMode
      RuntimeVersionArn: !If [IsManual, !Ref PinnedRuntimeVersionArn, !Ref AWS::NoValue]
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      FunctionName: !Sub '${AWS::StackName}-orders'
      CodeUri: orders/
      Handler: app.handler
      Description: orders v1
      AutoPublishAlias: live
      DeploymentPreference:
        Type: Canary10Percent5Minutes
        Alarms:
          - !Ref OrdersErrors
  OrdersErrors:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: !Sub '${AWS::StackName}-orders-live-errors'
      Namespace: AWS/Lambda
      MetricName: Errors
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 0
      ComparisonOperator: GreaterThanThreshold
      Dimensions:
        - Name: FunctionName
          Value: !Ref OrdersFunction
        - Name: Resource
          Value: !Sub '${OrdersFunction}:live'
";

#[component]
pub fn Template() -> Html {
    let shown = use_shown();
    let dispatch = use_dispatch();
    let region = shown.region();
    let file = use_state(|| "template.yaml".to_string());
    // The region's newest stack (a tour's, a share link's), else a name to start with.
    let newest = shown.view().stack_names(&region).pop();
    let stack = use_state(|| newest.clone().unwrap_or_else(|| "playground".to_string()));
    let overrides = use_state(String::new);
    let sam = use_state(|| true);
    // What the deploy acknowledges: a SAM function without a Role gets one, so IAM by default, as
    // `sam deploy --guided` offers.
    let capabilities = use_state(|| "CAPABILITY_IAM".to_string());
    // The file as the session has it, else the example; the editor follows the session's file
    // (a tour writing it) until the person edits it.
    let saved = shown.session().outfile(&file).map(String::from);
    let text = {
        let saved = saved.clone();
        use_state(move || saved.unwrap_or_else(|| EXAMPLE.to_string()))
    };
    let edited = use_state(|| false);
    {
        let (text, edited, stack) = (text.clone(), edited.clone(), stack.clone());
        use_effect_with((saved, newest), move |(saved, newest)| {
            if let (Some(saved), false) = (saved, *edited) {
                text.set(saved.clone());
            }
            if let Some(n) = newest {
                stack.set(n.clone());
            }
        });
    }
    let oninput = {
        let (text, edited) = (text.clone(), edited.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                text.set(area.value());
                edited.set(true);
            }
        })
    };
    let write = {
        let (file, text) = (file.clone(), text.clone());
        move || Line::Write { path: (*file).clone(), body: ensure_newline(&text) }
    };
    let onsave = {
        let (dispatch, write) = (dispatch.clone(), write.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::Do { lines: vec![write()], origin: Origin::Template })
        })
    };
    let ondeploy = {
        let (dispatch, file, stack, overrides, sam, text, capabilities) = (
            dispatch.clone(),
            file.clone(),
            stack.clone(),
            overrides.clone(),
            sam.clone(),
            text.clone(),
            capabilities.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let parameter_overrides = overrides
                .split_whitespace()
                .filter_map(|pair| pair.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
                .collect();
            let request = Request::DeployStack(DeployStackRequest {
                stack_name: (*stack).clone(),
                template_body: ensure_newline(&text),
                parameter_overrides,
                template_file: (*file).clone(),
                no_fail_on_empty_changeset: false,
                sam: *sam,
                capabilities: capabilities.split_whitespace().map(String::from).collect(),
            });
            dispatch.dispatch(Action::Do { lines: vec![write(), aws(request)], origin: Origin::Template });
        })
    };
    let ontoggle = {
        let sam = sam.clone();
        Callback::from(move |_: Event| sam.set(!*sam))
    };
    let export = use_state(|| None::<(&'static str, String)>);
    let export_button = |format: &'static str, label: &'static str| {
        let (export, shown) = (export.clone(), shown.clone());
        let region = region.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let f = crate::app::export::Format::parse(format).unwrap_or(crate::app::export::Format::Sam);
            let text = crate::app::export::export(&shown.view(), &region, f, None).unwrap_or_else(|e| e);
            export.set(Some((format, text)));
        });
        html! { <button class="small" {onclick} data-testid={format!("export-{format}")}>{label}</button> }
    };
    // Copy says it copied until another export is shown.
    let copied = use_state(|| false);
    let oncopy = {
        let (export, copied) = (export.clone(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((_, text)) = &*export {
                crate::ui::clipboard::copy(text);
                copied.set(true);
            }
        })
    };
    let onclose = {
        let export = export.clone();
        Callback::from(move |_: MouseEvent| export.set(None))
    };
    {
        let copied = copied.clone();
        use_effect_with(export.as_ref().map(|(f, _)| *f), move |_| copied.set(false));
    }
    let ondelete = {
        let (dispatch, stack) = (dispatch.clone(), stack.clone());
        Callback::from(move |_: MouseEvent| {
            let request = Request::DeleteStack(StackNameRequest { stack_name: Some((*stack).clone()) });
            dispatch.dispatch(Action::Do { lines: vec![aws(request)], origin: Origin::Template });
        })
    };
    // A template error that names a line and column selects that line in the editor.
    let editor = use_node_ref();
    // The line numbers scroll with the text.
    let gutter = use_node_ref();
    let onscroll = {
        let gutter = gutter.clone();
        Callback::from(move |e: Event| {
            if let (Some(area), Some(g)) = (e.target_dyn_into::<web_sys::Element>(), gutter.cast::<web_sys::Element>())
            {
                g.set_scroll_top(area.scroll_top());
            }
        })
    };
    let error_at = shown
        .notice
        .as_ref()
        .filter(|n| n.origin == Origin::Template)
        .and_then(|n| n.result.error().and_then(|e| line_and_column(&e.message)));
    {
        let (editor, gutter) = (editor.clone(), gutter.clone());
        use_effect_with(error_at, move |at| {
            if let (Some((line, _)), Some(area)) = (at, editor.cast::<web_sys::HtmlTextAreaElement>()) {
                let text = area.value();
                let start: usize = text.split_inclusive('\n').take(line - 1).map(|l| l.encode_utf16().count()).sum();
                let length = text.lines().nth(line - 1).map_or(0, |l| l.encode_utf16().count());
                let _ = area.focus();
                let _ = area.set_selection_range(start as u32, (start + length) as u32);
                // And in view, two lines below the top, its number beside it.
                let above = i32::try_from(line.saturating_sub(3)).unwrap_or(i32::MAX);
                area.set_scroll_top(above.saturating_mul(LINE_PX));
                if let Some(g) = gutter.cast::<web_sys::Element>() {
                    g.set_scroll_top(area.scroll_top());
                }
            }
        });
    }
    // Delete stack asks first: it deletes the functions the stack made.
    let confirming = use_state(|| false);
    // Kept mounted while another tab shows (its draft lives in the hooks above), it draws
    // nothing then: a session's every change would otherwise redraw it unseen.
    if shown.tab != DockTab::Template {
        return html! {};
    }
    let gutter_text = line_numbers(&text, error_at.map(|(line, _)| line));
    let view = shown.view();
    let events = view.stack_events(&region, &stack);
    let status = view.stack_status(&region, &stack);
    let past = shown.frozen();
    // Why the last deploy failed: the newest failed resource's reason (the CLI prints only that
    // the waiter failed).
    let cause = status.as_deref().filter(|s| s.contains("ROLLBACK") || s.ends_with("FAILED")).and_then(|_| {
        events.iter().find(|e| e.resource_status.ends_with("_FAILED") && e.resource_status_reason.is_some())
    });
    // Why the last deploy made no change at all: the change set's reason (a SAM transform's
    // error, a missing capability), or CreateChangeSet's own answer. It comes before an older
    // failure the stack's events still show.
    let refused = shown.notice.as_ref().filter(|n| n.origin == Origin::Template).and_then(|n| {
        let e = n.result.error()?;
        let m = &e.message;
        let reason = |(what, r): (&'static str, &str)| (what, r.trim().to_string());
        m.split_once("Status: FAILED. Reason: ")
            .map(|(_, r)| reason(("Change set FAILED: ", r)))
            .or_else(|| {
                m.split_once("CreateChangeSet operation: ").map(|(_, r)| reason(("CreateChangeSet refused: ", r)))
            })
            // The AWS CLI's error is the service's own message (`sam deploy` quotes it whole).
            .or_else(|| {
                (e.code == "InsufficientCapabilitiesException").then(|| reason(("CreateChangeSet refused: ", m)))
            })
    });
    // CloudFormation keeps a stack whose creation rolled back only to be deleted.
    let stuck = status.as_deref() == Some("ROLLBACK_COMPLETE");
    // When the line under the bar says why the last deploy failed, what the CLI printed for it
    // folds away (it says the same at length), and that line is the one announced.
    let failed = shown.notice.as_ref().is_some_and(|n| {
        let deploy =
            n.result.command.starts_with("sam deploy") || n.result.command.starts_with("aws cloudformation deploy");
        n.origin == Origin::Template && deploy && n.result.error().is_some()
    });
    let folded = failed && (refused.is_some() || cause.is_some());
    let cause_role = if folded { "alert" } else { "note" };
    let waits_for = view.stack_waits_for(&region, &stack);
    let confirm = |value: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(value))
    };
    let ondelete_confirmed = {
        let (ondelete, confirming) = (ondelete.clone(), confirming.clone());
        Callback::from(move |e: MouseEvent| {
            confirming.set(false);
            ondelete.emit(e);
        })
    };
    html! {
        <div class="template" data-testid="template">
            <div class="template-bar">
                <label>{"File"}<input value={(*file).clone()} oninput={on_text(&file)} size="14" data-testid="template-file" /></label>
                <label>{"Stack"}<input value={(*stack).clone()} oninput={on_text(&stack)} size="12" data-testid="template-stack" /></label>
                <label>{"Parameters"}<input value={(*overrides).clone()} oninput={on_text(&overrides)} placeholder="Key=Value ..." size="24" data-testid="template-overrides" /></label>
                <label>{"Capabilities"}
                    <select onchange={on_select(&capabilities)} data-testid="template-capabilities">
                        for value in ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", ""] {
                            <option {value} selected={*capabilities == value}>{if value.is_empty() { "none" } else { value }}</option>
                        }
                    </select>
                </label>
                <label class="check"><input type="checkbox" checked={*sam} onchange={ontoggle} />{"sam deploy"}</label>
                <button class="small" onclick={onsave} disabled={past} data-testid="template-save">{"Save"}</button>
                <button class="small primary" onclick={ondeploy} disabled={past} data-testid="template-deploy">{"Deploy"}</button>
                if let Some(s) = &status { <span class="stack-status" data-testid="stack-status">{format!("{region} {} {s}", *stack)}</span> }
                if status.is_some() && !*confirming {
                    <button class="small" onclick={confirm(true)} disabled={past} data-testid="template-delete">{"Delete stack"}</button>
                }
                if status.is_some() && *confirming {
                    <span class="confirm" role="group" aria-label="Delete the stack">
                        {format!("Delete {} and the functions it made?", *stack)}
                        <button class="small danger" onclick={ondelete_confirmed} disabled={past} data-testid="template-delete-confirm">{"Delete"}</button>
                        <button class="small" onclick={confirm(false)}>{"Cancel"}</button>
                    </span>
                }
            </div>
            if let Some(id) = waits_for {
                <p class="stack-waits" role="status" data-testid="stack-waits">
                    {format!("The deploy waits for CodeDeploy deployment {id}: advance the clock (Step, Play, or sim advance 10m) to let it shift the alias.")}
                </p>
            }
            if let Some((what, reason)) = refused {
                <p class="stack-cause" role={cause_role} data-testid="stack-cause">
                    <strong>{what}</strong>{reason.clone()}
                    if reason.starts_with("Requires capabilities") { {" Choose it under Capabilities, then deploy again."} }
                </p>
            } else if let Some(e) = cause {
                <p class="stack-cause" role={cause_role} data-testid="stack-cause">
                    <strong>{format!("{} {}: ", e.logical_resource_id, e.resource_status)}</strong>
                    {e.resource_status_reason.clone().unwrap_or_default()}
                    if stuck { {" A stack whose creation rolled back cannot be updated: delete it, then deploy again."} }
                </p>
            }
            <div class="template-bar" role="group" aria-label="Export the region's functions">
                <span class="label">{"Export the region as"}</span>
                for format in ["sam", "cloudformation", "cdk", "terraform"] { {export_button(format, export_label(format))} }
                if let Some((format, _)) = &*export {
                    <span class="label" data-testid="export-format">{format!("Showing {}", export_label(format))}</span>
                }
                if export.is_some() {
                    <button class="small" onclick={oncopy} data-testid="export-copy" aria-live="polite">{if *copied { "Copied" } else { "Copy" }}</button>
                    <button class="small" onclick={onclose} data-testid="export-close">{"Close"}</button>
                }
            </div>
            if let Some((format, text)) = (*export).clone() {
                <textarea class="template-editor export" readonly=true aria-label={format!("Export as {format}")} value={text} data-testid="export-text" />
            }
            if folded {
                <details class="cli-output">
                    <summary>{"What the CLI printed"}</summary>
                    <NoticeView notice={shown.notice.clone()} origin={Origin::Template} />
                </details>
            } else {
                <NoticeView notice={shown.notice.clone()} origin={Origin::Template} />
            }
            <div class="template-body">
                <div class="editor-frame">
                    <pre class="gutter" ref={gutter.clone()} aria-hidden="true" data-testid="template-gutter">{gutter_text}</pre>
                    <textarea class="template-editor" ref={editor} wrap="off" spellcheck="false" aria-label="Template" value={(*text).clone()} {oninput} {onscroll} data-testid="template-editor" />
                </div>
                <ol class="stack-events" aria-label="Stack events, newest first" data-testid="stack-events" tabindex="0">
                    if events.is_empty() {
                        <li class="empty">{"Deploy to see the stack's events: each resource created, updated or deleted, and why one failed."}</li>
                    }
                    for e in events.iter() {
                        <li key={e.event_id.clone()} class={classes!("stack-event", status_class(&e.resource_status))}>
                            <time datetime={e.timestamp.clone()}>{e.timestamp.get(..19).unwrap_or_default().replace('T', " ")}</time>
                            <span class="status">{e.resource_status.clone()}</span>
                            <span class="resource">{format!(" {} ({})", e.logical_resource_id, e.resource_type)}</span>
                            if let Some(r) = &e.resource_status_reason { <p class="reason">{r.clone()}</p> }
                        </li>
                    }
                </ol>
            </div>
        </div>
    }
}

/// [choice] The gutter numbers this many lines at most: a template is never this long, and a
/// pasted megabyte must not cost a megabyte of numbers on every keystroke.
const NUMBERED_LINES: usize = 5_000;

/// The editor's line height in pixels (static/style.css, `.template-editor`).
const LINE_PX: i32 = 18;

/// "1\n2\n..." for lines `from..=to`.
fn numbers(from: usize, to: usize) -> String {
    let mut out = String::new();
    for n in from..=to {
        if n > from {
            out.push('\n');
        }
        out.push_str(&n.to_string());
    }
    out
}

/// The gutter: a number for each line of the text (a final newline starts no line of its
/// own), the line a template error names marked.
fn line_numbers(text: &str, error_line: Option<usize>) -> Html {
    let lines = text.lines().count().clamp(1, NUMBERED_LINES);
    match error_line.filter(|l| (1..=lines).contains(l)) {
        None => html! { {numbers(1, lines)} },
        Some(l) => html! {
            <>
                if l > 1 { {numbers(1, l - 1)}{"\n"} }
                <mark class="bad-line">{l.to_string()}</mark>
                if l < lines { {"\n"}{numbers(l + 1, lines)} }
            </>
        },
    }
}

/// How a stack event's status reads at a glance: failed, rolling back, done or under way.
fn status_class(status: &str) -> &'static str {
    if status.ends_with("FAILED") {
        "failed"
    } else if status.contains("ROLLBACK") {
        "rollback"
    } else if status.ends_with("COMPLETE") || status.ends_with("SKIPPED") {
        "done"
    } else {
        "progress"
    }
}

/// An export format's name as its button says it.
fn export_label(format: &str) -> &'static str {
    match format {
        "cloudformation" => "CloudFormation",
        "cdk" => "CDK",
        "terraform" => "Terraform",
        _ => "SAM",
    }
}

/// A here-document body ends with a newline, as a file written by a shell does.
fn ensure_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}

/// A stack call as the tab runs it: in the session's region, so its console line names none.
fn aws(request: Request) -> Line {
    Line::Aws(Box::new(AwsCall { region: None, request, outfile: None }))
}

/// `(line 6, column 1)` in a template error: where the editor goes.
fn line_and_column(message: &str) -> Option<(usize, usize)> {
    let rest = &message[message.rfind("(line ")? + 6..];
    let (line, rest) = rest.split_once(", column ")?;
    let column = rest.split(')').next()?;
    Some((line.trim().parse().ok().filter(|l: &usize| *l > 0)?, column.trim().parse().ok()?))
}
