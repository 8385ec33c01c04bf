//! The fleet week of `make bench`, compiled to wasm and run under Node by wasm-bindgen-test-runner
//! (scripts/bench runs it with the release profile, the one that ships).
#![cfg(target_arch = "wasm32")]

use lambda_runtime_playground::model::fleet;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn fleet_week_in_wasm() {
    let fleet = fleet::build(1000, 1.0);
    let runs = fleet::time_runs(&fleet, js_sys::Date::now, |t| (js_sys::Date::now() - t) / 1e3);
    assert_eq!(runs.1.versions, 10_000);
    for line in fleet::describe("wasm", &runs).lines() {
        console_log!("{line}");
    }
}
