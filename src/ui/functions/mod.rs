//! The functions panel: every function version, grouped by region, with its mode and runtime.

mod alias;
mod row;

use yew::prelude::*;

use super::state::use_shown;
use crate::model::query;
use alias::AliasRow;
use row::VersionRow;

#[component]
pub fn FunctionsPanel() -> Html {
    let shown = use_shown();
    let groups = query::function_rows(&shown.view());
    if groups.is_empty() {
        return html! {
            <p class="empty">{"No functions yet. Create one with Create function in Runtime settings, or type "}<code>{"aws lambda create-function ..."}</code>{" in the console."}</p>
        };
    }
    let source = shown.source();
    let view = shown.view();
    html! {
        <div class="functions">
            for (region, functions) in groups {
                <section class="region-group" key={region.clone()} aria-label={region.clone()}>
                    <h3 class="region">{region}</h3>
                    for (name, ids) in functions {
                        <div class="function" key={name.clone()}>
                            <div class="function-name">{name.clone()}</div>
                            <ul class="versions">
                                for &id in ids.iter() {
                                    <VersionRow key={id.to_string()} {id} stamp={view.version_stamp(id).unwrap_or_default()}
                                        source={source.clone()} selected={shown.selected == Some(id)}
                                        changed={shown.changed.contains(&id)} />
                                }
                                for alias in ids.first().map(|&latest| query::aliases_of(&view, latest)).unwrap_or_default() {
                                    <AliasRow key={format!("alias-{}", alias.name.clone())} function={name.clone()} alias={alias.clone()} />
                                }
                            </ul>
                        </div>
                    }
                </section>
            }
        </div>
    }
}
