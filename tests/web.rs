//! Browser tests: mount the app in headless Chromium, drive it as a person would (clicks, typing,
//! key presses, sliders) and check what they see through the stable `data-testid` hooks.
#![cfg(target_arch = "wasm32")]

use lambda_runtime_playground::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent,
    KeyboardEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted app in its own container, destroyed at the end: all tests of this binary share a page.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

/// Runs what the last action scheduled: renders, and the effects they set off.
async fn settle() {
    yew::scheduler::flush().await;
    yew::scheduler::flush().await;
}

/// Waits until `condition` holds, re-rendering as it goes; fails after two seconds.
async fn wait_for(what: &str, condition: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !condition() {
        assert!(js_sys::Date::now() - started < 2_000.0, "waited two seconds for {what}");
        yew::platform::time::sleep(std::time::Duration::from_millis(1)).await;
        yew::scheduler::flush().await;
    }
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn clear_saved() {
    use lambda_runtime_playground::ui::storage::{CURRENT, RECENT, UNREADABLE};
    for key in [CURRENT, RECENT, UNREADABLE] {
        local_storage().remove_item(key).unwrap();
    }
}

/// Lets the previous test's playground finish going (it writes its waiting save as it goes),
/// then clears what is saved.
async fn quiet_storage() {
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    clear_saved();
}

/// Waits until the autosave (half a second after a change) has written the session.
async fn saved_containing(text: &str) {
    let started = js_sys::Date::now();
    use lambda_runtime_playground::ui::storage::CURRENT;
    while !local_storage().get_item(CURRENT).unwrap().unwrap_or_default().contains(text) {
        assert!(js_sys::Date::now() - started < 3_000.0, "waited three seconds for a save containing {text}");
        yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

/// A bubbling `keydown` of `key`, as a key press dispatches it.
fn keydown(key: &str) -> KeyboardEvent {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

impl Mounted {
    /// A playground on a page whose storage holds no saved session.
    async fn new() -> Self {
        quiet_storage().await;
        Self::reload().await
    }

    /// A playground mounted as a reload would: whatever the page's storage holds stays.
    async fn reload() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        settle().await;
        Mounted { root, handle: Some(handle) }
    }

    fn find(&self, selector: &str) -> Option<HtmlElement> {
        self.root.query_selector(selector).unwrap().map(|e| e.dyn_into().unwrap())
    }

    /// Any element, SVG ones included.
    fn element(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn all(&self, selector: &str) -> Vec<HtmlElement> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.dyn_into().unwrap()).collect()
    }

    fn by_testid(&self, id: &str) -> HtmlElement {
        self.find(&format!("[data-testid=\"{id}\"]")).unwrap_or_else(|| panic!("no element with data-testid={id}"))
    }

    /// Waits until the Template tab's stack status ends with `status`.
    async fn wait_for_stack(&self, what: &str, status: &str) {
        let ends = || {
            self.find("[data-testid=\"stack-status\"]")
                .and_then(|e| e.text_content())
                .is_some_and(|t| t.ends_with(status))
        };
        wait_for(what, ends).await;
    }

    fn text(&self, id: &str) -> String {
        self.by_testid(id).text_content().unwrap_or_default()
    }

    async fn click(&self, id: &str) {
        self.by_testid(id).click();
        settle().await;
    }

    async fn type_into(&self, id: &str, value: &str) {
        let element = self.by_testid(id);
        match element.clone().dyn_into::<HtmlInputElement>() {
            Ok(input) => input.set_value(value),
            Err(_) => element.clone().dyn_into::<HtmlTextAreaElement>().unwrap().set_value(value),
        }
        element.dispatch_event(&bubbling("input")).unwrap();
        settle().await;
    }

    async fn choose(&self, id: &str, value: &str) {
        let select: HtmlSelectElement = self.by_testid(id).dyn_into().unwrap();
        select.set_value(value);
        select.dispatch_event(&bubbling("change")).unwrap();
        settle().await;
    }

    /// Types a console line and presses Enter.
    async fn console(&self, line: &str) {
        self.type_into("console-input", line).await;
        self.by_testid("console-input").dispatch_event(&keydown("Enter")).unwrap();
        settle().await;
    }

    /// `data-runtime-version` of a function version row.
    fn runtime_version(&self, function: &str, qualifier: &str) -> Option<String> {
        self.find(&format!(
            "[data-testid=\"function-version\"][data-function=\"{function}\"][data-qualifier=\"{qualifier}\"]"
        ))
        .and_then(|e| e.get_attribute("data-runtime-version"))
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

const CREATE: &str = "aws lambda create-function --function-name orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip";

#[wasm_bindgen_test]
async fn shell_shows_the_product_and_its_panels() {
    let app = Mounted::new().await;
    let title = app.root.query_selector("h1").unwrap().expect("a page heading");
    assert_eq!(title.text_content().unwrap(), "Lambda Runtime Playground");
    let headings: Vec<String> =
        app.all("[data-testid=\"panel-title\"]").iter().map(|h| h.text_content().unwrap()).collect();
    assert_eq!(headings, ["Functions", "Timeline", "Runtime settings", "Releases"]);
    assert_eq!(app.text("clock"), "2023-01-23T00:00:00Z");
    app.by_testid("timeline");
    app.by_testid("play");
}

#[wasm_bindgen_test]
async fn create_a_function_from_the_form() {
    let app = Mounted::new().await;
    app.type_into("create-name", "checkout").await;
    app.choose("create-runtime", "nodejs18.x").await;
    app.click("create-submit").await;
    let row = app.by_testid("function-version");
    assert_eq!(row.get_attribute("data-function").as_deref(), Some("checkout"));
    assert_eq!(row.get_attribute("data-qualifier").as_deref(), Some("$LATEST"));
    assert_eq!(row.get_attribute("data-region").as_deref(), Some("us-east-1"));
    assert_eq!(row.get_attribute("data-runtime-version").as_deref(), Some("nodejs:18.v5"));
    // The form's action is a console line too: one history.
    assert!(app
        .text("console-output")
        .contains("$ aws lambda create-function --function-name checkout --runtime nodejs18.x"));
}

#[wasm_bindgen_test]
async fn manual_without_an_arn_shows_the_error_where_it_was_taken() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.by_testid("function-version").click();
    settle().await;
    app.click("edit-runtime-config").await;
    app.click("mode-Manual").await;
    app.click("runtime-config-save").await;
    let error = app.text("error");
    assert!(error.contains("InvalidParameterValueException"), "{error}");
    assert!(error.contains("RuntimeVersionArn"), "{error}");
    // Nothing was lost: the function is still there, still Auto.
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v14"));
}

#[wasm_bindgen_test]
async fn a_release_and_phase_2_change_the_version_chips() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("aws lambda publish-version --function-name orders").await;
    app.choose("release-runtime", "python3.9").await;
    app.click("release").await;
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v14"), "phase 1 moves nothing");
    let starts = app.all("[data-testid=\"phase2-now\"]");
    assert_eq!(starts.len(), 5, "one button per region");
    starts.last().unwrap().click(); // us-east-1, last in the stagger order
    settle().await;
    app.console("sim advance 3d").await;
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v15"));
    assert_eq!(
        app.runtime_version("orders", "1").as_deref(),
        Some("python:3.9.v15"),
        "Auto published versions move too"
    );
}

#[wasm_bindgen_test]
async fn a_console_line_runs_and_prints() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("aws lambda get-runtime-management-config --function-name orders").await;
    let out = app.text("console-output");
    assert!(out.contains("\"UpdateRuntimeOn\": \"Auto\""), "{out}");
    assert!(out.contains("\"FunctionArn\": \"arn:aws:lambda:us-east-1:123456789012:function:orders\""), "{out}");
    app.console("aws lambda get-function --function-name nope").await;
    assert!(app.text("console-output").contains("An error occurred (ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"));
}

#[wasm_bindgen_test]
async fn a_tour_step_runs() {
    let app = Mounted::new().await;
    app.choose("tour-picker", "two-phase-rollout").await;
    app.by_testid("tour");
    assert!(app.all("[data-testid=\"function-version\"]").is_empty());
    app.click("tour-next").await;
    assert!(!app.all("[data-testid=\"function-version\"]").is_empty(), "the first step creates functions");
    assert!(app.text("tour").contains("step 1 of"));
}

#[wasm_bindgen_test]
async fn time_travel_restores_an_earlier_state() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("sim release python3.9").await;
    app.console("sim phase2 python3.9").await;
    app.console("sim advance 4d").await;
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v15"));
    // Back to one hour after the start: before phase 2 moved anything.
    app.type_into("time-travel", "60").await;
    assert_eq!(app.text("clock"), "2023-01-23T01:00:00Z");
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v14"));
    app.click("live").await;
    assert_eq!(app.text("clock"), "2023-01-27T00:00:00Z");
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v15"));
}

#[wasm_bindgen_test]
async fn invalid_input_never_breaks_the_page() {
    let app = Mounted::new().await;
    let huge = "x".repeat(100_000);
    // Issue 8: once, two of these lines overflowed the wasm stack and broke every later call.
    let nested =
        format!("aws lambda update-function-configuration --function-name f --environment ={}", "[".repeat(6_500));
    let nested_maps =
        format!("aws lambda update-function-configuration --function-name f --environment ={}", "{=".repeat(7_300));
    for line in [
        nested.as_str(),
        nested_maps.as_str(),
        nested.as_str(),
        "aws lambda create-function --function-name",
        "aws lambda nope",
        "sim clock yesterday",
        "aws lambda put-runtime-management-config --function-name 'ünïcødé 🙂' --update-runtime-on sometimes",
        "aws lambda invoke --function-name x --payload '{not json' out.json",
        "\"unterminated",
        huge.as_str(),
        "sim advance 99999999999999999999d",
    ] {
        app.console(line).await;
    }
    app.console(CREATE).await;
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v14"));
    assert!(app.text("console-output").contains("\"FunctionName\": \"orders\""));
}

#[wasm_bindgen_test]
async fn documentation_pages_embed_a_preloaded_playground_and_run_scenarios() {
    use lambda_runtime_playground::embed;
    let lines = embed::run_scenario(&format!("{CREATE}\n! aws lambda get-function --function-name nope\n"));
    let rows: Vec<serde_json::Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["ok"], true);
    assert_eq!(rows[1]["error"]["code"], "ResourceNotFoundException");

    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_id("embedded-playground");
    document.body().unwrap().append_child(&host).unwrap();
    assert!(embed::mount("#no-such-element".into(), "".into()).is_err());
    // The first form of the call: a script as the options.
    embed::mount("#embedded-playground".into(), format!("{CREATE}\nsim release python3.9\n").into()).unwrap();
    settle().await;
    let row = host.query_selector("[data-testid=\"function-version\"]").unwrap().expect("the script ran");
    assert_eq!(row.get_attribute("data-runtime-version").as_deref(), Some("python:3.9.v14"));
    assert!(host.text_content().unwrap().contains("python:3.9.v15"), "the release is listed");
    host.remove();
}

#[wasm_bindgen_test]
async fn background_traffic_from_the_inspector_starts_environments() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.by_testid("function-version").click();
    settle().await;
    app.type_into("traffic", "2").await;
    app.click("traffic-set").await;
    assert!(app.text("console-output").contains("$ sim traffic orders 2 --region us-east-1"));
    app.console("sim advance 1h").await;
    app.console("sim logs orders --filter INIT_START").await;
    let out = app.text("console-output");
    assert!(out.contains("INIT_START Runtime Version: python:3.9.v14"), "{out}");
}

#[wasm_bindgen_test]
async fn console_history_survives_a_tour_replacing_the_session() {
    let app = Mounted::new().await;
    // More lines than the tour's first step has: the old position is past the new history.
    for i in 0..12 {
        app.console(&format!("sim advance {}m", i + 1)).await;
    }
    let up = || keydown("ArrowUp");
    app.by_testid("console-input").dispatch_event(&up()).unwrap();
    settle().await;
    app.choose("tour-picker", "manual-rollback").await;
    app.click("tour-confirm-start").await;
    app.click("tour-next").await;
    for _ in 0..3 {
        app.by_testid("console-input").dispatch_event(&up()).unwrap();
        settle().await;
    }
    // Up from the old, out-of-range position walks back through the tour's lines, to its first.
    let input: HtmlTextAreaElement = app.by_testid("console-input").dyn_into().unwrap();
    assert_eq!(input.value(), "sim region eu-south-1");
}

#[wasm_bindgen_test]
async fn tab_completes_and_up_down_keep_a_half_typed_line() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    let input = || -> HtmlTextAreaElement { app.by_testid("console-input").dyn_into().unwrap() };
    let press = |key: &str| {
        app.by_testid("console-input").dispatch_event(&keydown(key)).unwrap();
    };
    app.type_into("console-input", "aws lambda get-function-conf").await;
    press("Tab");
    settle().await;
    assert_eq!(input().value(), "aws lambda get-function-configuration ");
    app.type_into("console-input", "aws lambda get-function-configuration --function-name or").await;
    press("Tab");
    settle().await;
    assert_eq!(input().value(), "aws lambda get-function-configuration --function-name orders ");
    // Up shows the last line run; Down past the newest brings the half-typed line back.
    press("ArrowUp");
    settle().await;
    assert_eq!(input().value(), CREATE);
    press("ArrowDown");
    settle().await;
    assert_eq!(input().value(), "aws lambda get-function-configuration --function-name orders ");
}

#[wasm_bindgen_test]
async fn code_relying_on_a_behaviour_is_recorded_in_the_functions_region() {
    let app = Mounted::new().await;
    app.console(&format!("{CREATE} --region eu-south-1")).await;
    app.by_testid("function-version").click();
    settle().await;
    app.click("update-code").await;
    app.type_into("update-zip", "orders-v2.zip").await;
    app.type_into("relies-on", "tls-renegotiation").await;
    app.click("deploy").await;
    assert!(app.find("[data-testid=\"error\"]").is_none(), "{}", app.text("console-output"));
    assert!(app.text("console-output").contains("$ sim relies-on orders tls-renegotiation --region eu-south-1"));
}

#[wasm_bindgen_test]
async fn a_timeline_lane_is_selected_from_the_keyboard() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("aws lambda publish-version --function-name orders").await;
    app.console("aws lambda get-function --function-name orders").await;
    let lane = app
        .element("[data-testid=\"lane\"][data-function=\"orders\"][data-qualifier=\"1\"]")
        .expect("a lane for version 1");
    lane.dispatch_event(&keydown("Enter")).unwrap();
    settle().await;
    let selected = app.find("[data-testid=\"function-version\"][aria-pressed=\"true\"]").expect("a selected row");
    assert_eq!(selected.get_attribute("data-qualifier").as_deref(), Some("1"));
}

#[wasm_bindgen_test]
async fn a_manual_pin_to_an_older_version_shows_as_a_rollback_on_the_timeline() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("sim release python3.9").await;
    app.console("sim phase2 python3.9").await;
    app.console("sim advance 4d").await;
    let rollback = "[data-testid=\"lane\"][data-function=\"orders\"] [data-marker=\"rollback\"]";
    assert!(app.element(rollback).is_none());
    app.console("aws lambda put-runtime-management-config --function-name orders --update-runtime-on Manual --runtime-version-arn arn:aws:lambda:us-east-1::runtime:5d78356d0ab527d7a46f221563948120c754042c0826389fa2ce37370518d186").await;
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v14"));
    wait_for("a ↺ marker on the lane", || app.element(rollback).is_some()).await;
}

/// Issue 8: the wasm build answers hostile input exactly as the native runner does.
#[wasm_bindgen_test]
fn hostile_input_prints_what_the_native_runner_prints() {
    use lambda_runtime_playground::embed;
    let jsonl = embed::run_scenario(include_str!("hostile.scenario"));
    assert_eq!(jsonl, include_str!("golden/hostile.jsonl"));
}

/// The console shows its newest 150 lines and counts the rest; `clear` starts the count over.
#[wasm_bindgen_test]
async fn the_console_counts_the_lines_it_does_not_show() {
    let app = Mounted::new().await;
    for _ in 0..155 {
        app.console("sim region us-east-1").await;
    }
    let output = app.text("console-output");
    assert!(output.contains("(5 earlier lines not shown)"), "{}", &output[..200.min(output.len())]);
    assert_eq!(output.matches("$ sim region us-east-1").count(), 150);
    app.console("clear").await;
    app.console("sim region eu-south-1").await;
    let output = app.text("console-output");
    assert!(!output.contains("earlier lines not shown") && !output.contains("us-east-1"), "{output}");
}

/// Issue 9: a command re-renders the row and the lane of the version it changed, and a clock step
/// that changes nothing re-renders none.
#[wasm_bindgen_test]
async fn only_what_changed_re_renders() {
    use lambda_runtime_playground::ui::renders;
    let app = Mounted::new().await;
    for name in ["a", "b", "c"] {
        app.console(&CREATE.replace("orders", name)).await;
        app.console(&format!("aws lambda publish-version --function-name {name}")).await;
    }
    // A day in: the fitted window (hours while a session is young) holds through the next step.
    app.console("sim advance 1d").await;
    app.console("aws lambda get-function --function-name a").await;
    renders::take();
    app.console("aws lambda update-function-code --function-name b --zip-file fileb://b-v2.zip").await;
    assert_eq!(renders::take(), (1, 1), "b:$LATEST's row and lane");
    app.click("step").await;
    assert_eq!(renders::take(), (0, 0), "a clock step that changed nothing");
    app.console("aws lambda get-function --function-name c").await;
    assert_eq!(renders::take(), (0, 0), "a read changes nothing");
}

/// Issue 10: aliases show under their function with each arm's share; the inspector's form
/// updates one with a typed command and the console shows its CLI line.
#[wasm_bindgen_test]
async fn aliases_show_their_arms_and_the_form_moves_the_weight() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("aws lambda publish-version --function-name orders").await;
    app.console("aws lambda update-function-code --function-name orders --zip-file fileb://orders-v2.zip --publish")
        .await;
    app.console("aws lambda create-alias --function-name orders --name live --function-version 1 --routing-config AdditionalVersionWeights={\"2\"=0.1}").await;
    let row = "[data-testid=\"alias\"][data-function=\"orders\"][data-alias=\"live\"]";
    wait_for("the alias row", || app.element(row).is_some()).await;
    let text = app.element(row).unwrap().text_content().unwrap_or_default();
    assert!(text.contains("@live") && text.contains("v1 90%") && text.contains("v2 10%"), "{text}");

    app.find("[data-testid=\"function-version\"][data-qualifier=\"1\"]").expect("version 1's row").click();
    settle().await;
    app.by_testid("alias-settings");
    app.choose("alias-version", "1").await;
    app.choose("alias-extra", "2").await;
    app.type_into("alias-weight", "50").await;
    app.click("alias-save").await;
    assert!(
        app.text("console-output")
            .contains("$ aws lambda update-alias --function-name orders --name live --function-version 1"),
        "{}",
        app.text("console-output")
    );
    wait_for("half the traffic on version 2", || {
        app.element(row).and_then(|e| e.text_content()).is_some_and(|t| t.contains("v1 50%") && t.contains("v2 50%"))
    })
    .await;
}

/// Issue 10: the inspector's deploy form starts a CodeDeploy-style deployment with a typed
/// command; the console echoes its `sim deploy` line; the alias lane draws both arms with their
/// shares, and the deployment's start on the timeline; the deployment is listed with its status.
#[wasm_bindgen_test]
async fn a_deployment_from_the_form_shifts_the_alias_on_its_lane() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("aws lambda publish-version --function-name orders").await;
    app.console("aws lambda update-function-code --function-name orders --zip-file fileb://orders-v2.zip --publish")
        .await;
    app.console("aws lambda create-alias --function-name orders --name live --function-version 1").await;
    app.find("[data-testid=\"function-version\"][data-qualifier=\"1\"]").expect("version 1's row").click();
    settle().await;
    app.choose("deploy-alias", "live").await;
    app.choose("deploy-version", "2").await;
    app.choose("deploy-config", "CodeDeployDefault.LambdaLinear10PercentEvery1Minute").await;
    app.click("deploy-start").await;
    let out = app.text("console-output");
    let line = "$ sim deploy orders --alias live --target-version 2 --config CodeDeployDefault.LambdaLinear10PercentEvery1Minute --region us-east-1";
    assert!(out.contains(line), "{out}");
    let lane = "[data-testid=\"alias-lane\"][data-function=\"orders\"][data-alias=\"live\"]";
    wait_for("the alias lane", || app.element(lane).is_some()).await;
    let shares = |version: &str| {
        let list = app.element(lane).unwrap().query_selector_all(&format!("rect[data-version=\"{version}\"]")).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok()?.get_attribute("data-share"))
            .collect::<Vec<_>>()
    };
    wait_for("10% on version 2", || shares("2").contains(&"0.1".to_string())).await;
    assert!(shares("1").contains(&"0.9".to_string()), "{:?}", shares("1"));
    assert!(app.element(&format!("{lane} [data-marker=\"deploy-start\"]")).is_some(), "the start marker");
    wait_for("the deployment listed in progress", || {
        app.element("[data-testid=\"deployment\"][data-status=\"InProgress\"]").is_some()
    })
    .await;
    app.console("sim advance 10m").await;
    wait_for("the deployment succeeded", || {
        app.element("[data-testid=\"deployment\"][data-status=\"Succeeded\"]").is_some()
    })
    .await;
    assert!(app.element(&format!("{lane} [data-marker=\"deploy-done\"]")).is_some(), "the success marker");
    assert!(shares("2").contains(&"1".to_string()), "all of it on version 2 at the end: {:?}", shares("2"));
}

/// Issue 11: the Template tab deploys its template as a stack, the console echoes the file and
/// the deploy, the functions appear, and the stack's events list what happened.
#[wasm_bindgen_test]
async fn the_template_tab_deploys_a_stack() {
    let app = Mounted::new().await;
    // The empty timeline offers it.
    app.click("start-from-template").await;
    let editor: web_sys::HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    assert!(editor.value().contains("AutoPublishAlias: live"), "the example template");
    app.click("template-deploy").await;
    app.wait_for_stack("the stack created", "CREATE_COMPLETE").await;
    assert!(app.text("stack-events").contains("OrdersFunction"), "{}", app.text("stack-events"));
    // Newest first, each with its time and its status's colour.
    let newest = app.element("[data-testid=\"stack-events\"] li.stack-event").expect("an event");
    assert_eq!(newest.class_name(), "stack-event done");
    let time = app.element("[data-testid=\"stack-events\"] li.stack-event time").unwrap();
    assert_eq!(time.text_content().as_deref(), Some("2023-01-23 00:00:00"));
    assert!(
        app.find("[data-testid=\"function-version\"][data-function=\"playground-orders\"][data-qualifier=\"1\"]")
            .is_some(),
        "version 1 published by AutoPublishAlias"
    );
    app.type_into("template-overrides", "RuntimeUpdateMode=FunctionUpdate").await;
    app.click("template-deploy").await;
    app.wait_for_stack("the stack updated", "UPDATE_COMPLETE").await;
    app.click("export-terraform").await;
    let export: web_sys::HtmlTextAreaElement = app.by_testid("export-text").dyn_into().unwrap();
    assert!(
        export.value().contains("resource \"aws_lambda_runtime_management_config\" \"playground_orders\""),
        "{}",
        export.value()
    );
    assert!(export.value().contains("update_runtime_on = \"FunctionUpdate\""), "{}", export.value());
    app.click("tab-console").await;
    let out = app.text("console-output");
    assert!(out.contains("$ cat > template.yaml <<'EOF'"), "{out}");
    assert!(out.contains("$ sam deploy --template-file template.yaml --stack-name playground --parameter-overrides RuntimeUpdateMode=FunctionUpdate --capabilities CAPABILITY_IAM"), "{out}");
}

/// Issue 12: the session is saved as it changes and restored on reload; "Start fresh" keeps it
/// as the previous session.
#[wasm_bindgen_test]
async fn a_reload_restores_the_session() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    saved_containing("create-function --function-name orders").await;
    drop(app);
    let app = Mounted::reload().await;
    wait_for("the restore banner", || {
        app.find("[data-testid=\"banner\"]")
            .and_then(|b| b.text_content())
            .is_some_and(|t| t.contains("Restored your session"))
    })
    .await;
    assert!(app.runtime_version("orders", "$LATEST").is_some(), "the function is back");
    app.click("start-fresh").await;
    wait_for("an empty session", || app.runtime_version("orders", "$LATEST").is_none()).await;
    let previous =
        local_storage().get_item(lambda_runtime_playground::ui::storage::RECENT).unwrap().unwrap_or_default();
    assert!(previous.contains("create-function"), "kept in Recent sessions: {previous}");
    clear_saved();
}

/// Issue 12: a saved session this build cannot read is kept aside and reported, never dropped.
#[wasm_bindgen_test]
async fn an_unreadable_save_is_kept_and_reported() {
    use lambda_runtime_playground::ui::storage::{CURRENT, UNREADABLE};
    quiet_storage().await;
    local_storage().set_item(CURRENT, "{not a session").unwrap();
    let app = Mounted::reload().await;
    wait_for("the warning banner", || {
        app.find("[data-testid=\"banner\"]")
            .and_then(|b| b.text_content())
            .is_some_and(|t| t.contains("could not be read"))
    })
    .await;
    assert_eq!(local_storage().get_item(UNREADABLE).unwrap().as_deref(), Some("{not a session"));
    clear_saved();
}

/// A session saved by an earlier model (before saves recorded theirs) is restored, and the
/// banner says its replay may differ; one saved by this build says nothing of the kind.
#[wasm_bindgen_test]
async fn a_session_saved_by_an_earlier_model_says_its_replay_may_differ() {
    use lambda_runtime_playground::model::MODEL_VERSION;
    use lambda_runtime_playground::ui::storage::CURRENT;
    quiet_storage().await;
    // CREATE holds no character JSON escapes.
    local_storage().set_item(CURRENT, &format!("{{\"format\":1,\"saved_at\":0,\"script\":[\"{CREATE}\"]}}")).unwrap();
    let app = Mounted::reload().await;
    wait_for("the restore banner", || app.find("[data-testid=\"banner\"]").is_some()).await;
    let banner = app.text("banner");
    assert!(
        banner.contains(&format!("saved with model version 1; this playground runs version {MODEL_VERSION}")),
        "{banner}"
    );
    assert!(app.runtime_version("orders", "$LATEST").is_some(), "the session is replayed all the same");
    saved_containing(&format!("\"model\":{MODEL_VERSION}")).await;
    drop(app);
    let app = Mounted::reload().await;
    wait_for("the restore banner", || app.find("[data-testid=\"banner\"]").is_some()).await;
    assert!(!app.text("banner").contains("model version"), "{}", app.text("banner"));
    clear_saved();
}

/// Issue 12: a tour over a session keeps it, and "Bring it back" restores it.
#[wasm_bindgen_test]
async fn a_tour_keeps_the_session_it_replaces() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    saved_containing("create-function --function-name orders").await;
    app.choose("tour-picker", "manual-rollback").await;
    // Over work in progress, a tour asks first; Cancel keeps the session as it is.
    assert!(
        app.text("tour-confirm").contains("this one (1 lines) is kept in Recent sessions"),
        "{}",
        app.text("tour-confirm")
    );
    app.click("tour-confirm-start").await;
    wait_for("the kept banner", || {
        app.find("[data-testid=\"banner\"]")
            .and_then(|b| b.text_content())
            .is_some_and(|t| t.contains("previous one is kept"))
    })
    .await;
    assert!(app.runtime_version("orders", "$LATEST").is_none(), "the tour's own session");
    app.click("bring-back").await;
    wait_for("the function back", || app.runtime_version("orders", "$LATEST").is_some()).await;
    clear_saved();
}

/// Mounts a playground opened from `fragment`, waits until `ready` holds, and clears the address.
async fn opened_from(fragment: &str, ready: impl Fn(&Mounted) -> bool) -> Mounted {
    quiet_storage().await;
    web_sys::window().unwrap().location().set_hash(fragment).unwrap();
    let app = Mounted::reload().await;
    web_sys::window().unwrap().location().set_hash("").unwrap();
    let started = js_sys::Date::now();
    while !ready(&app) {
        assert!(js_sys::Date::now() - started < 2_000.0, "waited two seconds for {fragment:.40}");
        yew::platform::time::sleep(std::time::Duration::from_millis(1)).await;
        yew::scheduler::flush().await;
    }
    app
}

fn banner_text(app: &Mounted) -> String {
    app.find("[data-testid=\"banner\"]").and_then(|b| b.text_content()).unwrap_or_default()
}

/// Issue 12: version-2 links deflate the payload with the browser's own compression; they
/// round-trip the script and the view, and a link cut short keeps the lines before the cut.
#[wasm_bindgen_test]
async fn version_2_links_round_trip_and_a_cut_one_keeps_its_first_lines() {
    use lambda_runtime_playground::app::share::{fragment_v1, Link, Selected, View};
    use lambda_runtime_playground::ui::share::{fragment, open, Opened};
    let link = Link {
        model: lambda_runtime_playground::model::MODEL_VERSION,
        view: View {
            selected: Some(Selected { region: "us-east-1".into(), function: "orders".into(), qualifier: "1".into() }),
            tab: Some("logs".into()),
            window: Some((0, 3_600_000)),
        },
        script: (1..=300).map(|i| format!("{CREATE} --function-name fn{i}")).collect(),
    };
    let v2 = fragment(&link).await.unwrap();
    assert!(v2.starts_with("#v2."), "{v2:.20}");
    let v1 = fragment_v1(&link.script);
    assert!(v2.len() * 10 < v1.len(), "300 functions: v2 {} characters, v1 {}", v2.len(), v1.len());
    match open(&v2).await {
        Opened::Link(read) => {
            assert!(!read.cut);
            assert_eq!(read.link, link);
        }
        _ => panic!("a v2 link did not open"),
    }
    match open(&v2[..v2.len() / 2]).await {
        Opened::Link(read) => {
            assert!(read.cut);
            let kept = read.link.script.len();
            assert!(kept > 0 && kept < 300, "kept {kept} lines");
            assert_eq!(read.link.script[..], link.script[..kept]);
        }
        _ => panic!("a cut v2 link kept nothing"),
    }
    assert!(matches!(open("#v2.AAAA").await, Opened::Damaged));
}

/// Issue 12: an old `#s=` link and a v2 link of the same script open the same state; the v2
/// link also brings back the view (the selected version, the dock's tab).
#[wasm_bindgen_test]
async fn an_old_link_and_a_version_2_link_open_the_same_state() {
    use lambda_runtime_playground::app::share::{fragment_v1, Link, Selected, View};
    let script: Vec<String> =
        vec![CREATE.to_string(), "aws lambda publish-version --function-name orders".into(), "sim advance 1h".into()];
    let rows = |app: &Mounted| {
        app.all("[data-testid=\"function-version\"]")
            .iter()
            .map(|r| format!("{:?} {:?}", r.get_attribute("data-qualifier"), r.get_attribute("data-runtime-version")))
            .collect::<Vec<_>>()
    };
    let old = opened_from(&fragment_v1(&script), |a| rows(a).len() == 2).await;
    let old_rows = rows(&old);
    let old_clock = old.text("clock");
    drop(old);
    let link = Link {
        model: lambda_runtime_playground::model::MODEL_VERSION,
        view: View {
            selected: Some(Selected { region: "us-east-1".into(), function: "orders".into(), qualifier: "1".into() }),
            tab: Some("logs".into()),
            window: None,
        },
        script,
    };
    let v2 = lambda_runtime_playground::ui::share::fragment(&link).await.unwrap();
    let new = opened_from(&v2, |a| rows(a).len() == 2).await;
    assert_eq!(rows(&new), old_rows);
    assert_eq!(new.text("clock"), old_clock);
    assert_eq!(new.by_testid("tab-logs").get_attribute("aria-selected").as_deref(), Some("true"));
    let selected = new.find("[data-testid=\"function-version\"][data-function=\"orders\"][data-qualifier=\"1\"]");
    assert_eq!(selected.and_then(|b| b.get_attribute("aria-pressed")).as_deref(), Some("true"), "orders:1 is selected");
    assert!(banner_text(&new).is_empty(), "a whole link of this model opens quietly: {}", banner_text(&new));
}

/// Issue 12: a damaged link says so; a cut one says how much it kept.
#[wasm_bindgen_test]
async fn a_damaged_or_cut_link_says_so_in_a_banner() {
    let app = opened_from("#s=***", |a| !banner_text(a).is_empty()).await;
    assert!(banner_text(&app).contains("could not be read: nothing in it was kept"), "{}", banner_text(&app));
    drop(app);
    let script: Vec<String> = (1..=40).map(|i| format!("{CREATE} --function-name fn{i}")).collect();
    let link = lambda_runtime_playground::app::share::Link {
        model: lambda_runtime_playground::model::MODEL_VERSION,
        script,
        ..Default::default()
    };
    let v2 = lambda_runtime_playground::ui::share::fragment(&link).await.unwrap();
    let app = opened_from(&v2[..v2.len() * 2 / 3], |a| !banner_text(a).is_empty()).await;
    assert!(banner_text(&app).contains("This link was cut short: the first"), "{}", banner_text(&app));
    assert!(app.runtime_version("fn1", "$LATEST").is_some(), "the lines before the cut ran");
    assert!(app.runtime_version("fn40", "$LATEST").is_none());
}

/// Issue 12: Share makes a v2 link, shows its length, puts it in the address bar, and closes
/// with Escape, giving the focus back to the Share button.
#[wasm_bindgen_test]
async fn the_share_popover_shows_the_link_and_its_length() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.click("share").await;
    wait_for("the link", || app.find("[data-testid=\"share-link\"]").is_some()).await;
    let input: HtmlInputElement = app.by_testid("share-link").dyn_into().unwrap();
    let url = input.value();
    assert!(url.contains("#v2."), "{url}");
    assert_eq!(app.text("share-length"), format!("{} characters", url.len()));
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(url.ends_with(&hash), "the address bar shows the link: {hash}");
    web_sys::window().unwrap().location().set_hash("").unwrap();
    app.by_testid("share-popover").dispatch_event(&keydown("Escape")).unwrap();
    settle().await;
    assert!(app.find("[data-testid=\"share-popover\"]").is_none());
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.get_attribute("data-testid").as_deref(), Some("share"));
}

/// Issue 12: an embed takes an options object, never reads the host page's address, fills its
/// container, and has ids of its own.
#[wasm_bindgen_test]
async fn embeds_take_options_ignore_the_host_url_and_keep_their_ids_unique() {
    use lambda_runtime_playground::app::share::fragment_v1;
    use lambda_runtime_playground::embed;
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    // The host page's own address would open a tour's tab and a session in the full app.
    let host_url = format!("?tab=logs{}", fragment_v1(&[CREATE.to_string()]));
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&host_url)).unwrap();
    let make = |id: &str| {
        let host = document.create_element("div").unwrap();
        host.set_id(id);
        document.body().unwrap().append_child(&host).unwrap();
        host
    };
    let (a, b, c) = (make("embed-a"), make("embed-b"), make("embed-c"));
    b.set_attribute("style", "height: 300px").unwrap();
    embed::mount("#embed-a".into(), JsValue::UNDEFINED).unwrap();
    let options = js_sys::Object::new();
    for (k, v) in [("script", format!("{CREATE}\n")), ("view", "timeline".into()), ("theme", "dark".into())] {
        js_sys::Reflect::set(&options, &k.into(), &v.into()).unwrap();
    }
    js_sys::Reflect::set(&options, &"readonly".into(), &true.into()).unwrap();
    embed::mount(b.clone().into(), options.into()).unwrap();
    let console_only = js_sys::Object::new();
    js_sys::Reflect::set(&console_only, &"view".into(), &"console".into()).unwrap();
    js_sys::Reflect::set(&console_only, &"height".into(), &240.into()).unwrap();
    embed::mount("#embed-c".into(), console_only.into()).unwrap();
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    settle().await;
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&window.location().pathname().unwrap()))
        .unwrap();

    // The empty embed opened nothing from the host's address, and its dock shows the console.
    assert!(a.query_selector("[data-testid=\"function-version\"]").unwrap().is_none(), "the host's #s= was ignored");
    let console_tab = a.query_selector("[data-testid=\"tab-console\"]").unwrap().unwrap();
    assert_eq!(console_tab.get_attribute("aria-selected").as_deref(), Some("true"), "the host's ?tab= was ignored");
    assert_eq!(a.get_attribute("style").as_deref(), Some("height: 560px;"), "the documented default height");

    // The timeline embed: its container's height won; dark; read-only; only the timeline.
    assert_eq!(b.client_height(), 300);
    let root = b.query_selector(".playground").unwrap().unwrap();
    let class = root.class_name();
    assert!(class.contains("theme-dark") && class.contains("layout-timeline"), "{class}");
    assert!(b.query_selector("[data-testid=\"timeline\"]").unwrap().is_some());
    assert!(b.query_selector("[data-testid=\"console-input\"]").unwrap().is_none());
    assert!(b.query_selector("[data-testid=\"open-in-playground\"]").unwrap().is_some());
    assert!(b.query_selector("[data-testid=\"share\"]").unwrap().is_none());

    // The console embed: its height option, and a console that runs lines.
    assert_eq!(c.client_height(), 240);
    assert!(c.query_selector("[data-testid=\"console-input\"]").unwrap().is_some());
    assert!(c.query_selector("[data-testid=\"timeline\"]").unwrap().is_none());

    // Ids are unique on the page.
    let all = document.query_selector_all("[id]").unwrap();
    let ids: Vec<String> =
        (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()).map(|e| e.id()).collect();
    let mut unique = ids.clone();
    lambda_runtime_playground::model::order::sort(&mut unique);
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");

    // Bad options say what is wrong.
    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"view".into(), &"wide".into()).unwrap();
    let error = embed::mount("#embed-a".into(), bad.into()).err().expect("bad options are refused");
    let message = js_sys::Reflect::get(&error, &"message".into()).unwrap().as_string().unwrap();
    assert_eq!(message, "mount: view must be full, timeline or console, not 'wide'");
    for host in [a, b, c] {
        host.remove();
    }
}

/// The chips' colours are classes (the bundle runs under a CSP without inline styles): the
/// stylesheet must hold every palette entry, in order.
#[wasm_bindgen_test]
fn the_stylesheet_has_every_runtime_version_colour() {
    let css = include_str!("../static/style.css");
    for (i, colour) in lambda_runtime_playground::ui::chip::PALETTE.iter().enumerate() {
        assert!(css.contains(&format!(".playground .chip.c{i} {{ --chip: {colour}; }}")), "chip c{i}");
    }
}

/// Issue 12: Recent sessions keeps the sessions tours and Start fresh replaced, a few of them,
/// and opens any of them again (keeping the one it replaces in turn).
#[wasm_bindgen_test]
async fn recent_sessions_keep_what_was_replaced() {
    let app = Mounted::new().await;
    for name in ["first", "second"] {
        app.console(&format!("{CREATE} --function-name {name}")).await;
        saved_containing(&format!("--function-name {name}")).await;
        app.choose("tour-picker", "manual-rollback").await;
        app.click("tour-confirm-start").await;
        // The tour's empty session is saved as the current one in turn.
        saved_empty_or_tour().await;
    }
    app.click("recent").await;
    let entries = app.all("[data-testid=\"recent-open\"]");
    assert_eq!(entries.len(), 2, "{}", app.text("recent-sessions"));
    assert!(
        app.text("recent-sessions").find("functions second").is_some_and(|second| app
            .text("recent-sessions")
            .find("functions first")
            .is_some_and(|first| second < first)),
        "newest first: {}",
        app.text("recent-sessions")
    );
    entries[1].click();
    settle().await;
    wait_for("the first session back", || app.runtime_version("first", "$LATEST").is_some()).await;
    clear_saved();
}

/// Waits until the autosave has caught up with a freshly started tour (nothing run yet).
async fn saved_empty_or_tour() {
    wait_for("the tour's session saved", || {
        local_storage().get_item(lambda_runtime_playground::ui::storage::CURRENT).unwrap().is_none()
    })
    .await;
}

/// Issue 12: an embed's tour and autoplay options: the tour starts at its first step, and
/// autoplay plays the clock.
#[wasm_bindgen_test]
async fn an_embed_starts_its_tour_and_plays_its_clock() {
    use lambda_runtime_playground::embed;
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"tour".into(), &"manual-rollback".into()).unwrap();
    embed::mount(host.clone().into(), options.into()).unwrap();
    let other = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&other).unwrap();
    let playing = js_sys::Object::new();
    js_sys::Reflect::set(&playing, &"autoplay".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&playing, &"script".into(), &CREATE.into()).unwrap();
    embed::mount(other.clone().into(), playing.into()).unwrap();
    settle().await;
    assert!(host.query_selector("[data-testid=\"tour\"]").unwrap().is_some(), "the tour's card");
    let play = other.query_selector("[data-testid=\"play\"]").unwrap().unwrap();
    assert_eq!(play.get_attribute("aria-pressed").as_deref(), Some("true"), "autoplay plays the clock");
    host.remove();
    other.remove();
}

/// Issue 13: a script of several lines pasted into the prompt runs as a scenario would, one
/// result per line; Shift+Enter adds a line instead of running.
#[wasm_bindgen_test]
async fn a_pasted_script_runs_line_by_line() {
    let app = Mounted::new().await;
    let script =
        format!("# two functions\n{CREATE}\naws lambda publish-version \\\n  --function-name orders\nsim advance 1h");
    app.type_into("console-input", &script).await;
    assert!(app.text("script-hint").starts_with("5 lines"), "{}", app.text("script-hint"));
    let shift_enter = {
        let init = KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_shift_key(true);
        init.set_bubbles(true);
        KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    app.by_testid("console-input").dispatch_event(&shift_enter).unwrap();
    settle().await;
    assert!(app.find("[data-testid=\"function-version\"]").is_none(), "Shift+Enter runs nothing");
    app.by_testid("console-input").dispatch_event(&keydown("Enter")).unwrap();
    settle().await;
    let out = app.text("console-output");
    assert!(out.contains("$ aws lambda publish-version --function-name orders"), "{out}");
    assert!(out.contains("$ sim advance 1h"), "{out}");
    assert_eq!(app.runtime_version("orders", "1").as_deref(), Some("python:3.9.v14"));
    let input: HtmlTextAreaElement = app.by_testid("console-input").dyn_into().unwrap();
    assert_eq!(input.value(), "");
}

/// Issue 13: every runtime version change is in the event history with its cause, and the
/// history filters by function and by kind.
#[wasm_bindgen_test]
async fn the_event_history_names_each_runtime_version_change_and_filters() {
    let app = Mounted::new().await;
    app.choose("tour-picker", "two-phase-rollout").await;
    for _ in 0..6 {
        if app.find("[data-testid=\"tour-next\"]").is_some() {
            app.click("tour-next").await;
        }
    }
    app.click("tab-events").await;
    app.choose("events-kind", "runtime").await;
    let causes: Vec<String> =
        app.all("[data-testid=\"event-cause\"]").iter().filter_map(|c| c.text_content()).collect();
    assert!(causes.iter().any(|c| c == "phase 2 of the rollout"), "{causes:?}");
    assert!(causes.iter().any(|c| c == "code update, phase 1"), "{causes:?}");
    let rows = app.all("li.event");
    assert!(rows.iter().all(|r| r.get_attribute("data-group").as_deref() == Some("runtime")));
    let all_runtime = rows.len();
    app.choose("events-function", "eu-south-1 orders").await;
    let rows = app.all("li.event");
    assert!(!rows.is_empty() && rows.len() < all_runtime, "{} of {all_runtime}", rows.len());
    assert!(rows.iter().all(|r| r.text_content().unwrap_or_default().contains("orders")));
}

/// Issue 13: the dock's tabs follow the WAI-ARIA tabs pattern: one tab stop, arrows move.
#[wasm_bindgen_test]
async fn the_dock_tabs_move_with_the_arrow_keys() {
    let app = Mounted::new().await;
    let tablist = app.find("[role=\"tablist\"]").unwrap();
    assert_eq!(app.by_testid("tab-console").get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(app.by_testid("tab-logs").get_attribute("tabindex").as_deref(), Some("-1"));
    tablist.dispatch_event(&keydown("ArrowRight")).unwrap();
    settle().await;
    assert_eq!(app.by_testid("tab-logs").get_attribute("aria-selected").as_deref(), Some("true"));
    for _ in 0..2 {
        tablist.dispatch_event(&keydown("ArrowLeft")).unwrap();
        settle().await;
    }
    assert_eq!(app.by_testid("tab-template").get_attribute("aria-selected").as_deref(), Some("true"));
    let panel = app.by_testid("tab-template").get_attribute("aria-controls").unwrap();
    assert!(web_sys::window().unwrap().document().unwrap().get_element_by_id(&panel).is_some());
}

/// Issue 13: time travel never edits the past silently: a console line asks first, the clock's
/// buttons wait for Back to live, and the forms say why they are disabled.
#[wasm_bindgen_test]
async fn time_travel_asks_before_acting_at_the_live_clock() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("sim advance 2d").await;
    let slider: HtmlInputElement = app.by_testid("time-travel").dyn_into().unwrap();
    slider.set_value("60");
    slider.dispatch_event(&bubbling("input")).unwrap();
    settle().await;
    assert!(app.find("[data-testid=\"past-note\"]").is_some(), "the inspector says why");
    assert!(app.by_testid("play").has_attribute("disabled"));
    app.console("aws lambda publish-version --function-name orders").await;
    assert!(app.runtime_version("orders", "1").is_none(), "nothing ran yet");
    assert!(
        app.text("console-confirm").contains("Run this line at the live clock?"),
        "{}",
        app.text("console-confirm")
    );
    app.click("console-confirm-run").await;
    assert!(app.runtime_version("orders", "1").is_some(), "ran at the live clock");
    assert!(app.find("[data-testid=\"past-note\"]").is_none(), "back at the live clock");
}

/// Issue 13: the fleet view counts function versions per runtime version; a band's legend
/// lists the versions in it.
#[wasm_bindgen_test]
async fn the_fleet_view_counts_versions_and_lists_a_band() {
    let app = Mounted::new().await;
    for i in 1..=4 {
        app.console(&format!("{CREATE} --function-name fn{i}")).await;
    }
    app.console("sim release python3.9").await;
    app.console("sim advance 10d").await;
    app.click("view-fleet").await;
    let charts = app.all("[data-testid=\"fleet-chart\"]");
    assert_eq!(charts.len(), 1);
    assert_eq!(charts[0].get_attribute("data-runtime").as_deref(), Some("python3.9"));
    assert_eq!(app.root.query_selector_all("[data-testid=\"fleet-band\"]").unwrap().length(), 2, "v14 and v15");
    let legend = app.all("[data-testid=\"fleet-legend\"]");
    assert!(legend[1].text_content().unwrap().ends_with(" 4"), "{:?}", legend[1].text_content());
    legend[1].click();
    settle().await;
    let members = app.text("fleet-members");
    assert!(members.starts_with("4 function versions ran python3.9.v15 in us-east-1"), "{members}");
    assert!(members.contains("fn1:$LATEST") && members.contains("fn4:$LATEST"), "{members}");
    app.click("view-lanes").await;
    assert!(app.find("[data-testid=\"fleet\"]").is_none());
}

/// Issue 13: a form that fails keeps what was typed and shows the error under it; one that
/// succeeds closes and gives the focus back to the button that opened it.
#[wasm_bindgen_test]
async fn a_failed_form_keeps_its_input_and_a_done_one_returns_the_focus() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.by_testid("function-version").click();
    settle().await;
    app.click("update-code").await;
    app.type_into("update-zip", "orders-v2.zip").await;
    app.click("deploy").await;
    settle().await;
    assert!(app.find("[data-testid=\"update-zip\"]").is_none(), "the form closed");
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.get_attribute("data-testid").as_deref(), Some("update-code"));

    // Years later python3.9 is blocked for updates: the update fails, and the form stays.
    app.console("sim advance 1500d").await;
    app.by_testid("function-version").click();
    settle().await;
    app.click("update-code").await;
    app.type_into("update-zip", "orders-v3.zip").await;
    app.click("deploy").await;
    settle().await;
    let zip: HtmlInputElement = app.by_testid("update-zip").dyn_into().unwrap();
    assert_eq!(zip.value(), "orders-v3.zip", "what was typed is kept");
    assert!(app.find("[data-testid=\"error\"]").is_some(), "the error shows under the form");
}

/// Issue 13: the runtime version palette keeps its promises (src/ui/chip.rs): white text at
/// 4.5:1 or more, every two entries at least 19 apart (CIE76 ΔE) in normal vision and in
/// simulated protanopia, deuteranopia and tritanopia, and none near a status colour.
#[wasm_bindgen_test]
fn runtime_version_colours_stay_apart_for_every_kind_of_vision() {
    fn linear(hex: &str) -> [f64; 3] {
        let channel = |i: usize| {
            let c = u8::from_str_radix(&hex[i..i + 2], 16).unwrap() as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        [channel(1), channel(3), channel(5)]
    }
    fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
        let [r, g, b] = [r.clamp(0.0, 1.0), g.clamp(0.0, 1.0), b.clamp(0.0, 1.0)];
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
        [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
    }
    // Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
    const SIMULATIONS: [[[f64; 3]; 3]; 3] = [
        [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
        [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
        [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    ];
    let seen = |hex: &str| -> Vec<[f64; 3]> {
        let l = linear(hex);
        let mut views = vec![lab(l)];
        for m in SIMULATIONS {
            views.push(lab([0, 1, 2].map(|i| (0..3).map(|j| m[i][j] * l[j]).sum())));
        }
        views
    };
    let distance = |a: &str, b: &str| -> f64 {
        let (a, b) = (seen(a), seen(b));
        a.iter()
            .zip(&b)
            .map(|(x, y)| ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt())
            .fold(f64::MAX, f64::min)
    };
    let palette = lambda_runtime_playground::ui::chip::PALETTE;
    for (i, a) in palette.iter().enumerate() {
        let [r, g, b] = linear(a);
        let luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        assert!(1.05 / (luminance + 0.05) >= 4.5, "{a}: white text below 4.5:1");
        for b in &palette[i + 1..] {
            assert!(distance(a, b) >= 19.0, "{a} and {b} are {:.1} apart", distance(a, b));
        }
        // Failing red, Auto green, FunctionUpdate blue, Manual orange (static/style.css).
        for status in ["#d91515", "#037f0c", "#0760b4", "#b1450a"] {
            let [x, y] = [seen(a)[0], seen(status)[0]];
            let apart = ((x[0] - y[0]).powi(2) + (x[1] - y[1]).powi(2) + (x[2] - y[2]).powi(2)).sqrt();
            assert!(apart >= 25.0, "{a} is {apart:.1} from the status colour {status}");
        }
    }
}

/// Issue 13: runtime versions take colours in the order they first run, so two runtimes'
/// versions never share one (they once did: python:3.9.v15 and nodejs:18.v6), a rollout is a
/// change of colour, and a colour never changes as the session grows.
#[wasm_bindgen_test]
async fn runtime_versions_keep_distinct_colours_across_runtimes() {
    let app = Mounted::new().await;
    let chip = |function: &str| {
        app.find(&format!("[data-testid=\"function-version\"][data-function=\"{function}\"] .chip"))
            .map(|c| c.class_name())
            .unwrap_or_else(|| panic!("no chip for {function}"))
    };
    app.console(CREATE).await;
    let runtimes = ["nodejs18.x", "java11", "ruby2.7", "provided.al2"];
    for (i, runtime) in runtimes.iter().enumerate() {
        app.console(
            &CREATE.replace("--function-name orders", &format!("--function-name f{i}")).replace("python3.9", runtime),
        )
        .await;
    }
    let before: Vec<String> = std::iter::once("orders".to_string())
        .chain((0..runtimes.len()).map(|i| format!("f{i}")))
        .map(|f| chip(&f))
        .collect();
    let distinct: lambda_runtime_playground::model::order::Set<&String> = before.iter().collect();
    assert_eq!(distinct.len(), before.len(), "{before:?}");
    assert_eq!(before[0], "chip c0", "the first runtime version to run takes the first colour");
    app.console("sim release python3.9").await;
    app.console("sim phase2 python3.9").await;
    app.console("sim advance 4d").await;
    assert_eq!(app.runtime_version("orders", "$LATEST").as_deref(), Some("python:3.9.v15"));
    let moved = chip("orders");
    assert!(!before.contains(&moved), "v15 takes a colour no other version has: {moved} in {before:?}");
    for (i, old) in before.iter().enumerate().skip(1) {
        assert_eq!(&chip(&format!("f{i}", i = i - 1)), old, "a colour never changes as the session grows");
    }
    assert!(app.find("[data-testid=\"colours-repeat\"]").is_none(), "six runtime versions: no colour repeats");
}

/// Issue 12: an embed keeps its session in the page's storage only when its host opts in
/// (`storage: "<name>"`, under a key of its own), and `unmount()` takes it out of its element,
/// writing a save still waiting first; mounted again, it reopens what the reader built, and
/// "Start over" goes back to the page's script, keeping the reader's session to bring back.
#[wasm_bindgen_test]
async fn an_embed_keeps_its_session_only_when_its_host_opts_in() {
    use lambda_runtime_playground::embed;
    const KEY: &str = "lambda-runtime-playground.embed.guide";
    quiet_storage().await;
    for key in [KEY, "lambda-runtime-playground.embed.guide.recent"] {
        local_storage().remove_item(key).unwrap();
    }
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let options = |storage: bool| {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &"script".into(), &CREATE.into()).unwrap();
        if storage {
            js_sys::Reflect::set(&o, &"storage".into(), &"guide".into()).unwrap();
        }
        JsValue::from(o)
    };
    let find = |id: &str| -> HtmlElement {
        host.query_selector(&format!("[data-testid=\"{id}\"]"))
            .unwrap()
            .unwrap_or_else(|| panic!("no {id}"))
            .dyn_into()
            .unwrap()
    };
    let type_line = |line: &str| {
        let input: HtmlTextAreaElement = find("console-input").dyn_into().unwrap();
        input.set_value(line);
        input.dispatch_event(&bubbling("input")).unwrap();
        input.dispatch_event(&keydown("Enter")).unwrap();
    };
    let has_function = |name: &str| host.query_selector(&format!("[data-function=\"{name}\"]")).unwrap().is_some();
    let second = CREATE.replace("--function-name orders", "--function-name reader");

    // Without the opt-in: nothing is written, not even after the autosave's delay.
    let mut embed = embed::mount(host.clone().into(), options(false)).unwrap();
    settle().await;
    type_line(&second);
    settle().await;
    yew::platform::time::sleep(std::time::Duration::from_millis(700)).await;
    assert!(has_function("reader"));
    embed.unmount();
    settle().await;
    assert!(local_storage().get_item(KEY).unwrap().is_none());
    let page = local_storage().get_item(lambda_runtime_playground::ui::storage::CURRENT).unwrap();
    assert!(page.is_none(), "{page:?}");

    // With it: unmounted before the autosave's delay, the save is written on the way out.
    let mut embed = embed::mount(host.clone().into(), options(true)).unwrap();
    settle().await;
    assert!(has_function("orders") && !has_function("reader"), "a new embed runs its script");
    type_line(&second);
    settle().await;
    embed.unmount();
    settle().await;
    assert!(!embed.mounted());
    assert_eq!(host.child_element_count(), 0, "unmount empties the element");
    assert_eq!(host.style().get_property_value("height").unwrap(), "", "and takes back the height it set");
    embed.unmount();
    let saved = local_storage().get_item(KEY).unwrap().unwrap_or_default();
    assert!(saved.contains("--function-name reader"), "{saved}");
    assert!(local_storage().get_item(lambda_runtime_playground::ui::storage::CURRENT).unwrap().is_none());

    // Mounted again: the reader's session, with a way back to the page's script and to it.
    let mut embed = embed::mount(host.clone().into(), options(true)).unwrap();
    settle().await;
    assert!(has_function("reader"), "the reader's session is reopened");
    assert!(find("banner").text_content().unwrap().starts_with("Restored your session from"));
    assert_eq!(find("start-fresh").text_content().as_deref(), Some("Start over"));
    find("start-fresh").click();
    settle().await;
    assert!(has_function("orders") && !has_function("reader"), "Start over runs the page's script");
    find("bring-back").click();
    settle().await;
    wait_for("the reader's session back", || has_function("reader")).await;
    embed.unmount();
    host.remove();
    for key in [KEY, "lambda-runtime-playground.embed.guide.recent"] {
        local_storage().remove_item(key).unwrap();
    }
}

/// The boxes of the SVG texts matching `selector` that overlap another's: none should.
fn overlapping_labels(app: &Mounted, selector: &str) -> Vec<String> {
    let list = app.root.query_selector_all(selector).unwrap();
    let boxes: Vec<(String, web_sys::DomRect)> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|e| (e.text_content().unwrap_or_default(), e.get_bounding_client_rect()))
        .collect();
    let mut out = Vec::new();
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            let apart = ra.right() <= rb.left()
                || rb.right() <= ra.left()
                || ra.bottom() <= rb.top()
                || rb.bottom() <= ra.top();
            if !apart {
                out.push(format!("{a} / {b}"));
            }
        }
    }
    out
}

/// Issue 13: phase markers that fall close together keep their labels apart: the lanes drop a
/// label that would run into an earlier one (its line and tooltip stay), the fleet view moves it
/// a row down.
#[wasm_bindgen_test]
async fn phase_labels_never_overlap() {
    let app = Mounted::new().await;
    app.console(CREATE).await;
    app.console("sim timing --region-stagger 1h --phase1 1h --phase2-window 1h").await;
    app.console("sim release python3.9").await;
    app.console("sim advance 12d").await;
    let markers = app.root.query_selector_all(".phase-marker").unwrap().length();
    assert!(markers >= 3, "P1, P2 and the end are drawn: {markers}");
    assert_eq!(overlapping_labels(&app, ".phase-marker text"), Vec::<String>::new());
    app.click("view-fleet").await;
    let labels = app.root.query_selector_all(".fleet-phase text").unwrap().length();
    assert_eq!(labels, 3, "every fleet label is kept");
    assert_eq!(overlapping_labels(&app, ".fleet-phase text"), Vec::<String>::new());
}

/// Issue 11: a failed deploy says why under the Template tab's bar (the failed resource's
/// reason, which the CLI's waiter text leaves out), a stack whose creation rolled back offers
/// Delete stack, and Export's Copy says it copied and Close puts the export away.
#[wasm_bindgen_test]
async fn the_template_tab_says_why_a_deploy_failed_and_deletes_the_stack() {
    let app = Mounted::new().await;
    app.click("start-from-template").await;
    let editor: HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    let broken = editor.value().replace("UpdateRuntimeOn: !Ref RuntimeUpdateMode", "UpdateOn: !Ref RuntimeUpdateMode");
    app.type_into("template-editor", &broken).await;
    app.click("template-deploy").await;
    app.wait_for_stack("the stack rolled back", "ROLLBACK_COMPLETE").await;
    let cause = app.text("stack-cause");
    assert!(cause.contains("OrdersFunction CREATE_FAILED"), "{cause}");
    assert!(cause.contains("extraneous key [UpdateOn] is not permitted"), "{cause}");
    assert!(cause.contains("delete it, then deploy again"), "{cause}");
    // The notice shows the saved file by its first line, not the whole template.
    app.click("template-save").await;
    assert!(!app.text("template").contains("Resources: OrdersFunction"), "the notice does not print the file");
    // Delete stack asks first; Cancel keeps the stack.
    app.click("template-delete").await;
    assert!(app.text("template").contains("Delete playground and the functions it made?"), "{}", app.text("template"));
    app.element("[aria-label=\"Delete the stack\"] button:last-child")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert!(app.find("[data-testid=\"template-delete-confirm\"]").is_none());
    app.click("template-delete").await;
    app.click("template-delete-confirm").await;
    wait_for("the stack deleted", || app.find("[data-testid=\"stack-status\"]").is_none()).await;
    assert!(app.find("[data-testid=\"stack-cause\"]").is_none());
    app.click("export-sam").await;
    assert_eq!(app.text("export-format"), "Showing SAM");
    assert_eq!(app.text("export-copy"), "Copy");
    app.click("export-copy").await;
    assert_eq!(app.text("export-copy"), "Copied");
    app.click("export-close").await;
    assert!(app.find("[data-testid=\"export-text\"]").is_none());
}

/// A template whose functions get an IAM role needs a capability: without one the change set
/// fails, the new stack waits in REVIEW_IN_PROGRESS, and the tab says which capability to choose;
/// with it, the deploy makes the role first.
#[wasm_bindgen_test]
async fn the_template_tab_asks_for_the_capability_a_role_needs() {
    let app = Mounted::new().await;
    app.click("start-from-template").await;
    app.choose("template-capabilities", "").await;
    app.click("template-deploy").await;
    app.wait_for_stack("the change set failed", "REVIEW_IN_PROGRESS").await;
    let cause = app.text("stack-cause");
    assert!(cause.contains("Change set FAILED: Requires capabilities : [CAPABILITY_IAM]"), "{cause}");
    assert!(cause.contains("Choose it under Capabilities"), "{cause}");
    // The line under the bar is announced; what the CLI printed is folded under it.
    assert_eq!(app.by_testid("stack-cause").get_attribute("role").as_deref(), Some("alert"));
    let folded = app.element("details.cli-output").expect("the CLI's text, folded");
    assert!(!folded.has_attribute("open"));
    assert!(app.text("error").contains("Waiter ChangeSetCreateComplete failed"), "{}", app.text("error"));
    app.choose("template-capabilities", "CAPABILITY_IAM").await;
    app.click("template-deploy").await;
    app.wait_for_stack("the stack created", "CREATE_COMPLETE").await;
    assert!(app.find("[data-testid=\"stack-cause\"]").is_none(), "the cause goes with the deploy that fixed it");
    assert!(app.text("stack-events").contains("OrdersFunctionRole (AWS::IAM::Role)"), "{}", app.text("stack-events"));
    // An update that rolls back shows its failed resource; a refusal after it shows the refusal.
    let editor: HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    let broken = editor.value().replace("UpdateRuntimeOn: !Ref RuntimeUpdateMode", "UpdateOn: !Ref RuntimeUpdateMode");
    app.type_into("template-editor", &broken).await;
    app.click("template-deploy").await;
    app.wait_for_stack("the update rolled back", "UPDATE_ROLLBACK_COMPLETE").await;
    assert!(app.text("stack-cause").contains("OrdersFunction UPDATE_FAILED"), "{}", app.text("stack-cause"));
    app.choose("template-capabilities", "").await;
    app.click("template-deploy").await;
    let cause = app.text("stack-cause");
    assert!(cause.starts_with("Change set FAILED: Requires capabilities"), "{cause}");
}

/// Issue 13: ending a tour gives the focus back to where tours are picked, not to the page.
#[wasm_bindgen_test]
async fn ending_a_tour_returns_the_focus_to_the_tour_picker() {
    let app = Mounted::new().await;
    app.choose("tour-picker", "manual-rollback").await;
    app.find("[aria-label=\"End tour\"]").expect("the tour's close button").click();
    settle().await;
    assert!(app.find("[data-testid=\"tour\"]").is_none());
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.get_attribute("data-testid").as_deref(), Some("tour-picker"));
}

/// Issue 13: a long function name is shortened in its lane's label column (it used to run
/// under the markers), keeping the qualifier; the lane's accessible name keeps all of it.
#[wasm_bindgen_test]
async fn long_lane_labels_fit_their_column() {
    let app = Mounted::new().await;
    let name = "a-rather-long-function-name-for-orders";
    app.console(&CREATE.replace("--function-name orders", &format!("--function-name {name}"))).await;
    let label = app.element("[data-testid=\"lane\"] .lane-label").expect("a lane label");
    let text = label.text_content().unwrap_or_default();
    assert_eq!(text, "a-rather-lo…:$LATEST", "{text}");
    let plot =
        app.element("[data-testid=\"lane\"] .segment rect").expect("a segment").get_bounding_client_rect().left();
    let right = label.get_bounding_client_rect().right();
    assert!(right <= plot, "the label ends ({right}) before the plot starts ({plot})");
    let lane = app.element("[data-testid=\"lane\"] .lane-bg").unwrap();
    assert_eq!(lane.get_attribute("aria-label").unwrap(), format!("{name}:$LATEST in us-east-1: select"));
}

/// The editor numbers its lines, and the numbers scroll with the text: a template error names
/// a line, and the reader finds it by its number.
#[wasm_bindgen_test]
async fn the_template_editor_numbers_its_lines() {
    let app = Mounted::new().await;
    app.click("start-from-template").await;
    let editor: HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    let lines = editor.value().lines().count();
    let gutter = app.by_testid("template-gutter");
    let numbers = gutter.text_content().unwrap_or_default();
    assert_eq!(numbers.lines().count(), lines, "{numbers}");
    assert!(numbers.ends_with(&lines.to_string()), "{numbers}");
    // (Their layout and scrolling together are the end-to-end tests': they need the stylesheet.)
    app.type_into("template-editor", "Resources: {}\n").await;
    assert_eq!(app.text("template-gutter"), "1");
}

/// A draft in the Template tab, with its stack and capabilities, survives a look at another
/// tab; a plain template's refusal by `aws cloudformation deploy` says which capability to choose.
#[wasm_bindgen_test]
async fn the_template_tabs_draft_outlives_a_look_at_the_console() {
    let app = Mounted::new().await;
    app.click("start-from-template").await;
    let template = "Resources:\n  Exec:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: orders-exec\n      AssumeRolePolicyDocument: {Version: '2012-10-17', Statement: []}\n";
    app.type_into("template-editor", template).await;
    app.type_into("template-stack", "roles").await;
    app.click("tab-console").await;
    app.click("tab-template").await;
    let editor: HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    assert_eq!(editor.value(), template, "the draft is still there");
    let stack: web_sys::HtmlInputElement = app.by_testid("template-stack").dyn_into().unwrap();
    assert_eq!(stack.value(), "roles");
    // `aws cloudformation deploy`, not `sam deploy`: CreateChangeSet refuses at once.
    app.element("[data-testid=\"template\"] label.check input")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    app.click("template-deploy").await;
    let cause = app.text("stack-cause");
    assert!(cause.starts_with("CreateChangeSet refused: Requires capabilities : [CAPABILITY_NAMED_IAM]"), "{cause}");
    assert!(cause.contains("Choose it under Capabilities"), "{cause}");
    app.choose("template-capabilities", "CAPABILITY_NAMED_IAM").await;
    app.click("template-deploy").await;
    app.wait_for_stack("the stack created", "roles CREATE_COMPLETE").await;
}

/// A deploy whose alias waits for a CodeDeploy canary says so under the bar, with the
/// deployment's id and what moves it on; the note goes when the deployment ends.
#[wasm_bindgen_test]
async fn the_template_tab_says_what_a_deploy_waits_for() {
    let app = Mounted::new().await;
    app.click("start-from-template").await;
    app.click("template-deploy").await;
    app.wait_for_stack("the stack created", "CREATE_COMPLETE").await;
    assert!(app.find("[data-testid=\"stack-waits\"]").is_none(), "the first version is no deployment");
    let editor: HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    app.type_into("template-editor", &editor.value().replace("CodeUri: orders/", "CodeUri: orders-v2/")).await;
    app.click("template-deploy").await;
    let waits = app.text("stack-waits");
    assert!(waits.starts_with("The deploy waits for CodeDeploy deployment d-"), "{waits}");
    app.click("tab-console").await;
    app.console("sim advance 10m").await;
    app.click("tab-template").await;
    app.wait_for_stack("the stack updated", "UPDATE_COMPLETE").await;
    assert!(app.find("[data-testid=\"stack-waits\"]").is_none());
}

/// Issue 11: a template error that names a line selects that line in the editor.
#[wasm_bindgen_test]
async fn a_template_error_selects_its_line() {
    let app = Mounted::new().await;
    app.click("start-from-template").await;
    let template = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      FunctionName: fn\n\tRuntime: python3.9\n";
    app.type_into("template-editor", template).await;
    app.click("template-deploy").await;
    assert!(app.text("error").contains("(line 6, column 1)"), "{}", app.text("error"));
    let editor: HtmlTextAreaElement = app.by_testid("template-editor").dyn_into().unwrap();
    let start = template.split_inclusive('\n').take(5).map(str::len).sum::<usize>() as u32;
    assert_eq!(editor.selection_start().unwrap(), Some(start));
    assert_eq!(editor.selection_end().unwrap(), Some(start + "\tRuntime: python3.9".len() as u32));
    // Its number is marked in the gutter.
    let mark = app.element("[data-testid=\"template-gutter\"] mark.bad-line").expect("the marked line number");
    assert_eq!(mark.text_content().as_deref(), Some("6"));
    assert_eq!(app.text("template-gutter"), "1\n2\n3\n4\n5\n6");
}
