//! Mounts the playground. Trunk builds this binary for wasm32; natively it only points the way.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A page that only embeds playgrounds (see src/embed.rs) marks its body `data-embed-only`.
    let embed_only = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-embed-only"));
    if !embed_only {
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
