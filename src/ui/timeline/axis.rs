//! The time axis: a tick and a label about every tenth of the window, with lines through the lanes.

use yew::prelude::*;

use super::window::{px, tick_label, tick_step, Scale, Window};
use super::AXIS;
use crate::model::Timestamp;

#[derive(Properties, PartialEq)]
pub struct AxisProps {
    pub window: Window,
    pub width: f64,
    pub height: f64,
    /// The date labels (a timeline draws them in its sticky head instead).
    #[prop_or(true)]
    pub labels: bool,
}

#[component]
pub fn Axis(props: &AxisProps) -> Html {
    let (w, height) = (props.window, props.height);
    let sc = Scale { w, width: props.width };
    let step = tick_step(w.to - w.from, props.width - super::window::LABEL);
    let mut ticks = Vec::new();
    let mut t = (w.from.div_euclid(step) + 1) * step;
    while t < w.to {
        let x = sc.x(t);
        ticks.push(html! {
            <g class="tick">
                <line x1={px(x)} x2={px(x)} y1={px(AXIS - 4.0)} y2={px(height)} />
                if props.labels {
                    <text x={px(x + 3.0)} y="14">{tick_label(Timestamp(t), step)}</text>
                }
            </g>
        });
        t += step;
    }
    html! { <g class="axis">{for ticks}</g> }
}
