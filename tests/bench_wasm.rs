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

/// The bounded-work figures in wasm: time per workload, and the linear memory's size after it
/// (wasm memory only grows, so this is the peak so far).
#[wasm_bindgen_test]
fn bounded_work_in_wasm() {
    use lambda_runtime_playground::app::workload;
    for (i, w) in workload::all().iter().enumerate() {
        let began = js_sys::Date::now();
        let lines = workload::run(w);
        let seconds = (js_sys::Date::now() - began) / 1e3;
        let memory_mb = core::arch::wasm32::memory_size(0) as f64 * 65_536.0 / 1_048_576.0;
        console_log!("workload={i} name={} lines={lines} seconds={seconds:.3} memory_mb={memory_mb:.0}", w.name);
    }
}
