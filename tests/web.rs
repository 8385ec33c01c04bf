//! Browser tests: mount the app in headless Chromium and check what a person sees.
#![cfg(target_arch = "wasm32")]

use lambda_runtime_playground::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app in its own container, destroyed at the end: all tests of this binary share a page.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        yew::scheduler::flush().await;
        Mounted { root, handle: Some(handle) }
    }

    fn by_testid(&self, id: &str) -> HtmlElement {
        self.root
            .query_selector(&format!("[data-testid=\"{id}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no element with data-testid={id}"))
            .dyn_into()
            .unwrap()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

#[wasm_bindgen_test]
async fn shell_shows_the_product_and_its_panels() {
    let app = Mounted::new().await;
    let title = app.root.query_selector("h1").unwrap().expect("a page heading");
    assert_eq!(title.text_content().unwrap(), "Lambda Runtime Playground");

    let headings: Vec<String> = (0..)
        .map_while(|i| app.root.query_selector_all("section h2").unwrap().item(i))
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(headings, ["Functions", "Timeline", "Runtime settings", "Releases"]);

    assert_eq!(app.by_testid("clock").text_content().unwrap(), "2023-01-23T00:00:00Z");
    app.by_testid("console-input");
    app.by_testid("console-output");
    app.by_testid("play");
}
