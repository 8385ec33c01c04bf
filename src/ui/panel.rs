use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub id: AttrValue,
    pub title: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// A titled region of the workspace.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let heading = super::state::use_mount().id(&format!("{}-heading", props.id));
    html! {
        <section class={classes!("panel", props.id.to_string())} aria-labelledby={heading.clone()}>
            <h2 id={heading} data-testid="panel-title">{props.title.clone()}</h2>
            <div class="panel-body">{props.children.clone()}</div>
        </section>
    }
}
