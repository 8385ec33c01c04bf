//! The browser figure of `make bench`: with 200 function versions on screen, the time from a
//! console command's dispatch to the updated, laid-out DOM. Run by scripts/bench in headless
//! Chromium with the release profile; prints the median and the 95th percentile.
#![cfg(target_arch = "wasm32")]

use lambda_runtime_playground::app::share;
use lambda_runtime_playground::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

#[wasm_bindgen_test]
async fn dispatch_to_rendered_frame_with_200_versions() {
    // 100 functions, each with $LATEST and one published version, loaded as a share link.
    let mut script = Vec::new();
    for i in 0..100 {
        script.push(format!(
            "aws lambda create-function --function-name f-{i:03} --runtime python3.9 --role arn:aws:iam::123456789012:role/r --handler app.handler --zip-file fileb://f{i}.zip --publish{}",
            if i % 2 == 0 { "" } else { " --region eu-south-1" }
        ));
    }
    script.push("sim release python3.9".into());
    let window = web_sys::window().unwrap();
    window.location().set_hash(&format!("s={}", share::encode(&script))).unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let rows = root.query_selector_all("[data-testid=\"function-version\"]").unwrap().length();
    assert_eq!(rows, 200, "the fleet is on screen");

    let input: HtmlInputElement =
        root.query_selector("[data-testid=\"console-input\"]").unwrap().unwrap().dyn_into().unwrap();
    let init = EventInit::new();
    init.set_bubbles(true);
    let key = KeyboardEventInit::new();
    key.set_key("Enter");
    key.set_bubbles(true);
    let mut samples = Vec::new();
    for i in 0..60 {
        let line = match i % 3 {
            0 => "sim advance 1h".to_string(),
            1 => format!("aws lambda invoke --function-name f-{:03} out.json", (i * 7) % 100),
            _ => format!(
                "aws lambda update-function-code --function-name f-{:03} --zip-file fileb://new{i}.zip",
                (i * 13) % 100
            ),
        };
        input.set_value(&line);
        input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
        let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap();
        let started = now();
        input.dispatch_event(&enter).unwrap();
        yew::scheduler::flush().await;
        // Reading a layout property forces style and layout of what was rendered.
        let _ = root.dyn_ref::<HtmlElement>().unwrap().offset_height();
        samples.push(now() - started);
    }
    samples.sort_by(f64::total_cmp);
    let median = samples[samples.len() / 2];
    let p95 = samples[samples.len() * 95 / 100];
    console_log!("browser: dispatch to rendered DOM with {rows} function versions: median {median:.1} ms, p95 {p95:.1} ms (budget 16 ms)");
    console_log!("browser_median_ms={median:.2}");
    window.location().set_hash("").unwrap();
    handle.destroy();
    root.remove();
}
