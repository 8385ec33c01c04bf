//! The fleet week of `make bench`, compiled to wasm and run under Node by wasm-bindgen-test-runner
//! (scripts/bench runs it with the release profile, the one that ships).
#![cfg(target_arch = "wasm32")]

use lambda_runtime_playground::model::fleet;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn fleet_week_in_wasm() {
    let mut lambda = fleet::build(1000, 1.0);
    let started = js_sys::Date::now();
    let report = fleet::run_week(&mut lambda);
    let seconds = (js_sys::Date::now() - started) / 1e3;
    assert_eq!(report.versions, 10_000);
    console_log!(
        "fleet week (wasm, Node): {:.3} s for {} versions x {} minutes; {:.1} ns per function-version-tick",
        seconds,
        report.versions,
        report.minutes,
        seconds * 1e9 / report.version_ticks as f64
    );
    console_log!("wasm_seconds={seconds:.4}");
}
