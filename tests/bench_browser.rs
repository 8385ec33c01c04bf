//! The browser figures of `make bench`, in headless Chromium with the release profile:
//! - with 200 function versions on screen, a console command's dispatch to the updated,
//!   laid-out DOM (budget p95 8 ms);
//! - with 2,000 versions (the fleet builder's), one command's dispatch to render (p95 16 ms) and
//!   one clock step (p95 8 ms), and how many rows and lanes each re-renders.
#![cfg(target_arch = "wasm32")]

use lambda_runtime_playground::app::share;
use lambda_runtime_playground::cli::{render, Line};
use lambda_runtime_playground::model::fleet::fleet_commands;
use lambda_runtime_playground::model::time::DEFAULT_CLOCK;
use lambda_runtime_playground::model::Lambda;
use lambda_runtime_playground::ui::{renders, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

struct Page {
    root: Element,
    handle: yew::AppHandle<App>,
}

/// A playground opened from a share link holding `script`.
async fn open(script: &[String]) -> Page {
    let window = web_sys::window().unwrap();
    window.location().set_hash(&share::fragment_v1(script)).unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    window.location().set_hash("").unwrap();
    // A link opens a moment later (the browser inflates it): wait for its first row.
    let started = js_sys::Date::now();
    while root.query_selector("[data-testid=\"function-version\"]").unwrap().is_none() {
        assert!(js_sys::Date::now() - started < 20_000.0, "the share link did not open");
        yew::platform::time::sleep(std::time::Duration::from_millis(1)).await;
        yew::scheduler::flush().await;
    }
    Page { root, handle }
}

impl Page {
    fn count(&self, testid: &str) -> u32 {
        self.root.query_selector_all(&format!("[data-testid=\"{testid}\"]")).unwrap().length()
    }

    fn by_testid<T: JsCast>(&self, testid: &str) -> T {
        self.root.query_selector(&format!("[data-testid=\"{testid}\"]")).unwrap().unwrap().dyn_into().unwrap()
    }

    /// Types a console line, then times its Enter to the rendered, laid-out DOM.
    async fn time_line(&self, line: &str) -> f64 {
        let input: HtmlTextAreaElement = self.by_testid("console-input");
        let init = EventInit::new();
        init.set_bubbles(true);
        input.set_value(line);
        input.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        yew::scheduler::flush().await;
        let key = KeyboardEventInit::new();
        key.set_key("Enter");
        key.set_bubbles(true);
        let enter = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &key).unwrap();
        renders::take();
        let started = now();
        input.dispatch_event(&enter).unwrap();
        self.settle(started).await
    }

    /// Times a click on `testid` to the rendered, laid-out DOM.
    async fn time_click(&self, testid: &str) -> f64 {
        let button: HtmlElement = self.by_testid(testid);
        renders::take();
        let started = now();
        button.click();
        self.settle(started).await
    }

    async fn settle(&self, started: f64) -> f64 {
        yew::scheduler::flush().await;
        // Reading a layout property forces style and layout of what was rendered.
        let _ = self.root.dyn_ref::<HtmlElement>().unwrap().offset_height();
        now() - started
    }

    fn close(self) {
        self.handle.destroy();
        self.root.remove();
    }
}

/// (median, p95) of milliseconds.
fn spread(mut samples: Vec<f64>) -> (f64, f64) {
    lambda_runtime_playground::model::order::sort_by(&mut samples, f64::total_cmp);
    (samples[samples.len() / 2], samples[(samples.len() * 95 / 100).min(samples.len() - 1)])
}

fn median(mut counts: Vec<u64>) -> u64 {
    lambda_runtime_playground::model::order::sort(&mut counts);
    counts[counts.len() / 2]
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
    let page = open(&script).await;
    let rows = page.count("function-version");
    assert_eq!(rows, 200, "the fleet is on screen");
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
        samples.push(page.time_line(&line).await);
    }
    let (median, p95) = spread(samples);
    console_log!("browser: dispatch to rendered DOM with {rows} function versions: median {median:.1} ms, p95 {p95:.1} ms (budget p95 8 ms)");
    console_log!("browser_median_ms={median:.2}");
    console_log!("browser_p95_ms={p95:.2}");
    page.close();
}

#[wasm_bindgen_test]
async fn commands_and_clock_steps_with_2000_versions() {
    // The fleet builder's functions (each with $LATEST and version 1, in all three modes).
    let per_region = 2_000 / 2 / Lambda::new(DEFAULT_CLOCK, 1).catalogue().regions.len();
    let mut script: Vec<String> = fleet_commands(&Lambda::new(DEFAULT_CLOCK, 1), per_region)
        .into_iter()
        .map(|c| render::line(&Line::command(c)))
        .collect();
    script.push("sim release python3.9".into());
    let started = now();
    let page = open(&script).await;
    let opened = now() - started;
    let rows = page.count("function-version");
    let lanes = page.count("lane");
    assert_eq!((rows, lanes), (2_000, 2_000), "the fleet is on screen");

    // One command touches one function: its $LATEST.
    let (mut times, mut row_renders, mut lane_renders) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..30 {
        let region = ["eu-south-1", "ap-southeast-2", "eu-west-1", "us-west-2", "us-east-1"][i % 5];
        let line = format!(
            "aws lambda update-function-code --function-name fn-{:05} --zip-file fileb://v{i}.zip --region {region}",
            (i * 37) % per_region
        );
        times.push(page.time_line(&line).await);
        let (r, l) = renders::take();
        row_renders.push(r);
        lane_renders.push(l);
    }
    let (command_median, command_p95) = spread(times);
    let (command_rows, command_lanes) = (median(row_renders), median(lane_renders));

    // One clock step (10 simulated minutes, what a tick at 1 h/s moves).
    let speed: web_sys::HtmlSelectElement = page.by_testid("speed");
    speed.set_value("1");
    speed.dispatch_event(&Event::new("change").unwrap()).unwrap();
    yew::scheduler::flush().await;
    let (mut times, mut row_renders, mut lane_renders) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..30 {
        times.push(page.time_click("step").await);
        let (r, l) = renders::take();
        row_renders.push(r);
        lane_renders.push(l);
    }
    let (tick_median, tick_p95) = spread(times);
    let (tick_rows, tick_lanes) = (median(row_renders), median(lane_renders));

    console_log!("browser: 2,000 versions opened from a share link in {opened:.0} ms");
    console_log!("browser: 2,000 versions, one command: median {command_median:.1} ms, p95 {command_p95:.1} ms (budget p95 16 ms); re-rendered {command_rows} rows and {command_lanes} lanes (median)");
    console_log!("browser: 2,000 versions, one clock step: median {tick_median:.1} ms, p95 {tick_p95:.1} ms (budget p95 8 ms); re-rendered {tick_rows} rows and {tick_lanes} lanes (median)");
    console_log!("browser_2000_command_p95_ms={command_p95:.2}");
    console_log!("browser_2000_tick_p95_ms={tick_p95:.2}");
    page.close();
}

/// Share links' length before (v1: base64 of the script) and after (v2: deflated payload with
/// the view), for the three launch-post tours and a 300-function session.
#[wasm_bindgen_test]
async fn share_link_lengths() {
    use lambda_runtime_playground::app::scenario::BUILTIN;
    use lambda_runtime_playground::app::Session;
    use lambda_runtime_playground::model::MODEL_VERSION;
    let mut sessions: Vec<(String, Vec<String>)> = BUILTIN[..3]
        .iter()
        .map(|(id, _, text)| {
            let mut s = Session::new();
            s.run_script(text);
            (format!("tour {id}"), s.script())
        })
        .collect();
    let mut s = Session::new();
    for i in 1..=300 {
        s.run_line(&format!("aws lambda create-function --function-name fn{i} --runtime python3.12 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://fn{i}.zip"));
    }
    sessions.push(("300 functions".into(), s.script()));
    for (name, script) in sessions {
        let link = share::Link { model: MODEL_VERSION, script: script.clone(), ..Default::default() };
        let v2 = lambda_runtime_playground::ui::share::fragment(&link).await.unwrap();
        let v1 = share::fragment_v1(&script);
        console_log!(
            "browser: share link, {name}: {} lines, v1 {} characters, v2 {} characters ({:.1}x shorter)",
            script.len(),
            v1.len(),
            v2.len(),
            v1.len() as f64 / v2.len() as f64
        );
    }
}
