//! Releases: put out the next runtime version, choose the rollout policy and pacing, and follow
//! both phases region by region.

mod pacing;
mod release;
mod rollout;

use yew::prelude::*;

use super::forms::{NoticeView, PastNote};
use super::state::{use_shown, Origin};
use pacing::Pacing;
use release::Release;
use rollout::RolloutCard;

#[component]
pub fn Releases() -> Html {
    let shown = use_shown();
    let rollouts: Vec<usize> = (0..shown.view().rollouts().len()).rev().collect();
    let list = use_node_ref();
    {
        // A release from this panel shows the rollout it started (not only JSON in the console).
        let seen = use_mut_ref(|| rollouts.len());
        let from_here = shown.notice.as_ref().is_some_and(|n| n.origin == Origin::Releases);
        let list = list.clone();
        use_effect_with(rollouts.len(), move |count| {
            let grew = *count > *seen.borrow();
            *seen.borrow_mut() = *count;
            if grew && from_here {
                if let Some(newest) = list.cast::<web_sys::Element>().and_then(|l| l.first_element_child()) {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    newest.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    html! {
        <div class="releases">
            <PastNote />
            <Release />
            <Pacing />
            <NoticeView notice={shown.notice.clone()} origin={Origin::Releases} />
            if rollouts.is_empty() {
                <p class="empty">{"No runtime version released in this session yet."}</p>
            }
            <div class="rollouts" ref={list}>
                for index in rollouts {
                    <RolloutCard key={format!("rollout-{index}")} {index} />
                }
            </div>
        </div>
    }
}
