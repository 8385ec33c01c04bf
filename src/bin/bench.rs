//! `make bench`: the fleet week and replay figures, natively. The same fleet week runs in wasm
//! through `tests/bench_wasm.rs`; scripts/bench prints the ratio.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use lambda_runtime_playground::model::fleet;
    use lambda_runtime_playground::model::time::{Timestamp, DAY, HOUR};
    use std::time::Instant;

    let fleet = fleet::build(1000, 1.0);
    let runs = fleet::time_runs(&fleet, Instant::now, |t| t.elapsed().as_secs_f64());
    println!("{}", fleet::describe("native", &runs));

    let history = fleet::command_history(10_000);
    let start = history.start;
    let mut worst = 0f64;
    let mut total = 0f64;
    let points = 20;
    for k in 0..points {
        let t = Timestamp(start.0 + (k * 7 * DAY + 5 * HOUR) / points);
        let began = Instant::now();
        let state = history.state_at(t);
        let ms = began.elapsed().as_secs_f64() * 1e3;
        std::hint::black_box(state);
        worst = worst.max(ms);
        total += ms;
    }
    println!(
        "replay of a {}-command history to an arbitrary point (native): mean {:.2} ms, worst {:.2} ms over {points} points (budget 50 ms)",
        history.entries().len(),
        total / points as f64,
        worst
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
