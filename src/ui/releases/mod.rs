//! Releases: put out the next runtime version, choose the rollout policy and pacing, and follow
//! both phases region by region.

mod pacing;
mod release;
mod rollout;

use yew::prelude::*;

use super::forms::NoticeView;
use super::state::{use_shown, Origin};
use pacing::Pacing;
use release::Release;
use rollout::RolloutCard;

#[component]
pub fn Releases() -> Html {
    let shown = use_shown();
    let rollouts: Vec<usize> = (0..shown.view().rollouts().len()).rev().collect();
    html! {
        <div class="releases">
            <Release />
            <Pacing />
            <NoticeView notice={shown.notice.clone()} origin={Origin::Releases} />
            if rollouts.is_empty() {
                <p class="empty">{"No runtime version released in this session yet."}</p>
            }
            for index in rollouts {
                <RolloutCard key={format!("rollout-{index}")} {index} />
            }
        </div>
    }
}
