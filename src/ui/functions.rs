//! The functions panel: every function version, grouped by region, with its mode and runtime.

use std::rc::Rc;

use yew::prelude::*;

use super::chip::{ModeBadge, VersionChip};
use super::state::{Action, PlaygroundContext};
use crate::model::{Qualifier, RuntimeId, UpdateRuntimeOn, VersionId};

/// What one row shows: plain data, so unchanged rows are not re-rendered.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub id: VersionId,
    pub function: String,
    pub qualifier: Qualifier,
    pub region: String,
    pub mode: UpdateRuntimeOn,
    pub runtime: RuntimeId,
    pub number: u32,
    pub version_name: String,
    pub broken: bool,
}

/// A function's name and its version rows (`$LATEST` first, then newest published first).
type FunctionRows = (String, Vec<Rc<Row>>);

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Rc<Row>,
    selected: bool,
    changed: bool,
    onselect: Callback<VersionId>,
}

#[component]
fn VersionRow(props: &RowProps) -> Html {
    let r = &props.row;
    let id = r.id;
    let onclick = props.onselect.reform(move |_: MouseEvent| id);
    let class = classes!("version-row", props.selected.then_some("selected"), props.changed.then_some("changed"));
    let qualifier = r.qualifier.to_string();
    html! {
        <li>
            <button {class} {onclick} aria-pressed={props.selected.to_string()}
                data-testid="function-version" data-function={r.function.clone()}
                data-qualifier={qualifier.clone()} data-region={r.region.clone()}
                data-runtime-version={r.version_name.clone()}>
                <span class="fn-name">
                    <span class="qualifier">{if r.qualifier == Qualifier::Latest { qualifier } else { format!("v{qualifier}") }}</span>
                </span>
                <ModeBadge mode={r.mode} />
                <VersionChip runtime={r.runtime} number={r.number} label={r.version_name.clone()} />
                if r.broken { <span class="failing" title="Invocations fail on this runtime version">{"failing"}</span> }
            </button>
        </li>
    }
}

#[component]
pub fn FunctionsPanel() -> Html {
    let state = use_context::<PlaygroundContext>().expect("playground context");
    let view = state.view();
    let onselect = {
        let state = state.clone();
        Callback::from(move |id| state.dispatch(Action::Select(Some(id))))
    };
    let mut groups: Vec<(String, Vec<FunctionRows>)> = Vec::new();
    for region in &view.catalogue().regions {
        let mut functions = Vec::new();
        for ((fregion, name), f) in view.functions() {
            if fregion != region {
                continue;
            }
            let rows = std::iter::once(f.latest)
                .chain(f.published.values().rev().copied())
                .filter_map(|id| {
                    let v = view.version(id)?;
                    Some(Rc::new(Row {
                        id,
                        function: name.clone(),
                        qualifier: v.qualifier,
                        region: region.clone(),
                        mode: v.mode(),
                        runtime: v.config.runtime,
                        number: v.runtime_version,
                        version_name: view.runtime_version_name(id),
                        broken: v.broken,
                    }))
                })
                .collect();
            functions.push((name.clone(), rows));
        }
        if !functions.is_empty() {
            groups.push((region.clone(), functions));
        }
    }
    if groups.is_empty() {
        return html! {
            <p class="empty">{"No functions yet. Create one in the inspector, or type "}<code>{"aws lambda create-function ..."}</code>{" in the console."}</p>
        };
    }
    html! {
        <div class="functions">
            for (region, functions) in groups {
                <section class="region-group" key={region.clone()} aria-label={region.clone()}>
                    <h3 class="region">{region}</h3>
                    for (name, rows) in functions {
                        <div class="function" key={name.clone()}>
                            <div class="function-name">{name}</div>
                            <ul class="versions">
                                for row in rows {
                                    <VersionRow key={row.id.to_string()} selected={state.selected == Some(row.id)}
                                        changed={state.changed.contains(&row.id)}
                                        row={row.clone()} onselect={onselect.clone()} />
                                }
                            </ul>
                        </div>
                    }
                </section>
            }
        </div>
    }
}
