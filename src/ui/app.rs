use yew::prelude::*;

use super::header::Header;
use super::panel::Panel;
use crate::model::time::DEFAULT_CLOCK;

/// The app shell: header, then functions | timeline | inspector and releases, then the dock.
#[component]
pub fn App() -> Html {
    html! {
        <div class="shell">
            <Header clock={DEFAULT_CLOCK} />
            <main class="workspace">
                <Panel id="functions" title="Functions" empty="No functions yet. Create one from the inspector or the console." />
                <Panel id="timeline" title="Timeline" empty="Runtime versions of every function version over time appear here." />
                <div class="side">
                    <Panel id="inspector" title="Runtime settings" empty="Select a function version to see its runtime management configuration." />
                    <Panel id="releases" title="Releases" empty="Release a runtime version to start a two-phase rollout." />
                </div>
            </main>
            <section class="dock" aria-label="Dock">
                <div class="tabs" role="tablist">
                    <button role="tab" aria-selected="true" class="tab active">{"Console"}</button>
                    <button role="tab" aria-selected="false" class="tab">{"Platform logs"}</button>
                    <button role="tab" aria-selected="false" class="tab">{"Event history"}</button>
                </div>
                <div class="dock-body">
                    <pre class="console-output" data-testid="console-output"></pre>
                    <label class="console-prompt">
                        <span class="prompt">{"$"}</span>
                        <span class="visually-hidden">{"AWS CLI command"}</span>
                        <input data-testid="console-input" type="text" spellcheck="false" autocomplete="off"
                            placeholder="aws lambda list-functions" />
                    </label>
                </div>
            </section>
        </div>
    }
}
