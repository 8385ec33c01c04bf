//! One alias under its function: its arms with their shares and runtime versions.

use yew::prelude::*;

use crate::model::query::AliasView;
use crate::model::Qualifier;

#[derive(Properties, PartialEq)]
pub struct AliasRowProps {
    pub function: AttrValue,
    pub alias: AliasView,
}

fn label(q: Qualifier) -> String {
    match q {
        Qualifier::Latest => "$LATEST".into(),
        Qualifier::Version(n) => format!("v{n}"),
    }
}

#[component]
pub fn AliasRow(props: &AliasRowProps) -> Html {
    let a = &props.alias;
    let weighted = a.arms.len() > 1;
    html! {
        <li class="alias-row" data-testid="alias" data-function={props.function.clone()} data-alias={a.name.clone()}>
            <span class="alias-name" title="Alias">{format!("@{}", a.name)}</span>
            for arm in a.arms.iter() {
                <span class="alias-arm" key={arm.qualifier.to_string()} data-qualifier={arm.qualifier.to_string()}
                    title={format!("{} runs {}", label(arm.qualifier), arm.runtime_version)}>
                    {label(arm.qualifier)}
                    if weighted { {format!(" {}%", crate::model::decimal::fixed(arm.weight * 100.0, 0))} }
                </span>
            }
            if a.spans_runtime_versions {
                <span class="alias-warning" title="The arms run different runtime versions: a canary compares code and runtime together">{"2 runtime versions"}</span>
            }
        </li>
    }
}
