//! The bounded-work figures of `make bench` (issue 8): scripts that once crashed the page or
//! exhausted memory, now measured natively (src/bin/bench.rs) and in wasm (tests/bench_wasm.rs).

use super::session::Session;
use crate::model::catalogue::Catalogue;

/// A named script and the number of lines it runs.
pub struct Workload {
    pub name: &'static str,
    pub script: String,
}

/// The four figures: a decade of traffic, releases, help lines, a megabyte of shorthand.
pub fn all() -> Vec<Workload> {
    let create = |name: &str| {
        format!(
            "aws lambda create-function --function-name {name} --runtime python3.9 \
             --role arn:aws:iam::123456789012:role/r --handler app.handler --zip-file fileb://{name}.zip\n"
        )
    };
    let mut decade = String::new();
    for i in 0..1_000 {
        decade += &create(&format!("f{i}"));
        decade += &format!("sim traffic f{i} 1\n");
    }
    decade += "sim advance 3650d\n";
    // Every runtime in turn, so each reaches its release limit and every snapshot is large.
    let runtimes: Vec<&str> = Catalogue::builtin().runtimes.iter().map(|r| r.id.as_str()).collect();
    let releases: String = (0..30_000).map(|i| format!("sim release {}\n", runtimes[i % runtimes.len()])).collect();
    let mut shorthand = create("f");
    let mut value = String::from("Variables={");
    let mut i = 0;
    while value.len() < 1_000_000 {
        value += &format!("K{i}=v,");
        i += 1;
    }
    value.pop();
    value.push('}');
    shorthand += &format!("aws lambda update-function-configuration --function-name f --environment {value}\n");
    vec![
        Workload { name: "ten-year run of 1,000 functions with traffic", script: decade },
        Workload { name: "30,000 releases", script: releases },
        Workload { name: "200,000 help lines", script: "help\n".repeat(200_000) },
        Workload { name: "a 1 MB shorthand value", script: shorthand },
    ]
}

/// Runs a workload as the runner does (results streamed, not kept); returns how many lines ran.
pub fn run(w: &Workload) -> usize {
    let mut lines = 0;
    Session::new().run_script_each(&w.script, |_| lines += 1);
    lines
}
