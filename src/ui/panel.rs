use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub id: AttrValue,
    pub title: AttrValue,
    /// What the panel says while it has nothing to show.
    #[prop_or_default]
    pub empty: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// A titled region of the workspace.
#[component]
pub fn Panel(props: &PanelProps) -> Html {
    let heading = format!("{}-heading", props.id);
    let body = if props.children == Html::default() {
        html! { <p class="empty">{props.empty.clone()}</p> }
    } else {
        props.children.clone()
    };
    html! {
        <section class={classes!("panel", props.id.to_string())} aria-labelledby={heading.clone()} data-testid={props.id.clone()}>
            <h2 id={heading}>{props.title.clone()}</h2>
            <div class="panel-body">{body}</div>
        </section>
    }
}
