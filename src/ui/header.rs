use yew::prelude::*;

use crate::model::Timestamp;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub clock: Timestamp,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    html! {
        <header class="header">
            <div class="brand">
                <span class="logo" aria-hidden="true">{"λ"}</span>
                <h1>{"Lambda Runtime Playground"}</h1>
            </div>
            <div class="controls" role="group" aria-label="Simulated clock">
                <button data-testid="play" class="btn" aria-label="Play">{"▶ Play"}</button>
                <button class="btn" aria-label="Step one minute">{"Step"}</button>
                <time class="clock" data-testid="clock" datetime={props.clock.rfc3339()}>
                    {props.clock.rfc3339()}
                </time>
            </div>
        </header>
    }
}
