//! `make bench`: the fleet week and replay figures, natively. The same fleet week runs in wasm
//! through `tests/bench_wasm.rs`; scripts/bench prints the ratio.

/// The process's peak resident memory so far, in MB (Linux).
#[cfg(not(target_arch = "wasm32"))]
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// `bench --workload N`: one bounded-work figure in a process of its own, so that its peak
/// memory is its own.
#[cfg(not(target_arch = "wasm32"))]
fn workload(index: usize) {
    use lambda_runtime_playground::app::workload;
    let all = workload::all();
    let Some(w) = all.get(index) else { return };
    // As in wasm: the best of three runs (warm caches and one-time statics on both sides), the
    // first beside it; the peak memory is the process's over all three.
    let mut times = Vec::new();
    let mut lines = 0;
    for _ in 0..3 {
        let began = std::time::Instant::now();
        lines = workload::run(w);
        times.push(began.elapsed().as_secs_f64());
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    println!(
        "workload={index} name={} lines={lines} seconds={best:.3} first_seconds={:.3} peak_mb={:.0}",
        w.name,
        times[0],
        peak_mb()
    );
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let (Some("--workload"), Some(n)) = (args.get(1).map(String::as_str), args.get(2)) {
        return workload(n.parse().unwrap_or(usize::MAX));
    }
    use lambda_runtime_playground::model::fleet;
    use lambda_runtime_playground::model::time::{Timestamp, DAY, HOUR};
    use std::time::Instant;

    if args.get(1).map(String::as_str) == Some("--aliases") {
        // The alias week alone (for profiling).
        let aliases = fleet::build_aliases(1000, 10.0);
        let runs = fleet::time_alias_runs(&aliases, Instant::now, |t| t.elapsed().as_secs_f64());
        return println!("{}", fleet::describe_aliases("native", &runs));
    }
    let fleet = fleet::build(1000, 1.0);
    let runs = fleet::time_runs(&fleet, Instant::now, |t| t.elapsed().as_secs_f64());
    println!("{}", fleet::describe("native", &runs));
    // 10 a minute through each of 1,000 aliases: the fleet week's volume (10,000 versions at 1).
    let aliases = fleet::build_aliases(1000, 10.0);
    let alias_runs = fleet::time_alias_runs(&aliases, Instant::now, |t| t.elapsed().as_secs_f64());
    println!("{}", fleet::describe_aliases("native", &alias_runs));

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
