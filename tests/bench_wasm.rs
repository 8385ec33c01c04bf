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

/// Issue 10: a week of traffic through 1,000 weighted aliases with deployments on each.
#[wasm_bindgen_test]
fn alias_week_in_wasm() {
    let fleet = fleet::build_aliases(1000, 10.0);
    let runs = fleet::time_alias_runs(&fleet, js_sys::Date::now, |t| (js_sys::Date::now() - t) / 1e3);
    for line in fleet::describe_aliases("wasm", &runs).lines() {
        console_log!("{line}");
    }
}

/// One bounded-work figure in wasm: its time, and the linear memory's size after it. Wasm memory
/// only grows, so scripts/bench runs each workload in a fresh instance (its own test run): the
/// size is that workload's peak.
fn bounded_work_in_wasm(i: usize) {
    use lambda_runtime_playground::app::workload;
    let w = &workload::all()[i];
    // As natively (src/bin/bench.rs) and as the fleet week: the best of three, which the 2x budget
    // compares, and the first run (largely in V8's baseline code, before the optimising tier).
    let mut times = Vec::new();
    let mut lines = 0;
    let mut memory_mb = 0.0;
    for _ in 0..3 {
        let began = js_sys::Date::now();
        lines = workload::run(w);
        times.push((js_sys::Date::now() - began) / 1e3);
        if memory_mb == 0.0 {
            memory_mb = core::arch::wasm32::memory_size(0) as f64 * 65_536.0 / 1_048_576.0;
        }
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    console_log!(
        "workload={i} name={} lines={lines} seconds={best:.3} first_seconds={:.3} memory_mb={memory_mb:.0}",
        w.name,
        times[0]
    );
}

#[wasm_bindgen_test]
fn bounded_work_0() {
    bounded_work_in_wasm(0);
}

#[wasm_bindgen_test]
fn bounded_work_1() {
    bounded_work_in_wasm(1);
}

#[wasm_bindgen_test]
fn bounded_work_2() {
    bounded_work_in_wasm(2);
}

#[wasm_bindgen_test]
fn bounded_work_3() {
    bounded_work_in_wasm(3);
}
