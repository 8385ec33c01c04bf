//! One function version's row: its qualifier, update mode and runtime version.

use yew::prelude::*;

use crate::model::{Qualifier, VersionId};
use crate::ui::chip::{ModeBadge, VersionChip};
use crate::ui::renders;
use crate::ui::state::{use_dispatch, Action, Source};

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub id: VersionId,
    /// The version's change stamp: an unchanged version keeps its row as it is.
    pub stamp: u64,
    pub source: Source,
    pub selected: bool,
    pub changed: bool,
}

#[component]
pub fn VersionRow(props: &RowProps) -> Html {
    renders::count(renders::Kind::Row);
    let dispatch = use_dispatch();
    let view = props.source.view();
    let Some(v) = view.version(props.id) else { return html! {} };
    let id = props.id;
    let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Select(Some(id))));
    let class = classes!("version-row", props.selected.then_some("selected"), props.changed.then_some("changed"));
    let qualifier = v.qualifier.to_string();
    let version_name = view.runtime_version_name(id).unwrap_or_default();
    html! {
        <li>
            <button {class} {onclick} aria-pressed={props.selected.to_string()}
                data-testid="function-version" data-function={v.function_name.clone()}
                data-qualifier={qualifier.clone()} data-region={v.region.clone()}
                data-runtime-version={version_name.clone()} data-mode={v.mode().as_str()}>
                <span class="fn-name">
                    <span class="qualifier">{if v.qualifier == Qualifier::Latest { qualifier } else { format!("v{qualifier}") }}</span>
                </span>
                <ModeBadge mode={v.mode()} />
                <VersionChip runtime={v.config.runtime} number={v.runtime_version} label={version_name} />
                if v.broken { <span class="failing" title="Invocations fail on this runtime version">{"failing"}</span> }
            </button>
        </li>
    }
}
