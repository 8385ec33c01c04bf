//! Mounts the playground. Trunk builds this binary for wasm32; natively it only points the way.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<lambda_runtime_playground::ui::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The playground runs in a browser: `make serve`, then open http://127.0.0.1:8080.\n\
         Scenario files run natively: `cargo run --release --bin scenario -- <file>`."
    );
    std::process::exit(2);
}
