//! Mounts the playground. Trunk builds this binary for wasm32; natively it only points the way.

#[cfg(target_arch = "wasm32")]
fn main() {
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    // A page that only embeds playgrounds (see src/embed.rs) marks its body `data-embed-only`.
    let Some(body) = document.and_then(|d| d.body()) else { return };
    if body.has_attribute("data-embed-only") {
        return;
    }
    let location = window.map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    if path.ends_with("/embed.html") {
        // The iframe mode: the embed's options come from the frame's own query.
        let query = location.and_then(|l| l.search().ok()).unwrap_or_default();
        lambda_runtime_playground::embed::mount_frame(body, &query);
    } else {
        yew::Renderer::<lambda_runtime_playground::ui::App>::new().render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The playground runs in a browser: `make serve`, then open http://127.0.0.1:8080.\n\
         Scenario files run natively: `cargo run --release --bin scenario -- <file>`."
    );
    std::process::exit(2);
}
