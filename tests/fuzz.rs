//! Hostile input, generated: deep nesting, huge numbers, long lines, unicode, byte soup and
//! mutations of the scenario files. Whatever arrives, every line ends in a value (no panic), no
//! line takes longer than a bound, and the process's peak memory stays under one.
//!
//! `make test` runs a modest number of scripts; `make fuzz` runs a million lines in release mode
//! (`FUZZ_LINES`, `FUZZ_SECONDS` and `FUZZ_SEED` steer it).
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use lambda_runtime_playground::app::{report, LineResult, Session};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

const SCENARIOS: [&str; 5] = [
    include_str!("../scenarios/two-phase-rollout.scenario"),
    include_str!("../scenarios/function-update-mode.scenario"),
    include_str!("../scenarios/manual-rollback.scenario"),
    include_str!("../scenarios/runtime-update-during-canary.scenario"),
    include_str!("../scenarios/runtime-settings-in-sam.scenario"),
];

const CREATE: &str = "aws lambda create-function --function-name f --runtime python3.9 \
    --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://f.zip";

/// Lines that reach the parsers and the model: real commands with hostile values.
fn templates() -> Vec<&'static str> {
    vec![
        "aws lambda update-function-configuration --function-name f --environment {}",
        "aws lambda update-function-configuration --function-name f --environment Variables={{A={}}}",
        "aws lambda update-function-configuration --function-name f --timeout {}",
        "aws lambda update-function-configuration --function-name f --memory-size {}",
        "aws lambda create-function --function-name {} --runtime python3.9 --role r --handler h --zip-file fileb://x",
        "aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload {} out.json",
        "aws lambda put-runtime-management-config --function-name f --update-runtime-on {}",
        "aws lambda list-functions --max-items {}",
        "sim advance {}",
        "sim clock {}",
        "sim traffic f {}",
        "sim expire python3.9 {} --after 1d",
        "sim timing --phase1 {}",
        "sim logs {}",
        "sim release {}",
        "{}",
    ]
}

/// A hostile value: what the fuzzing campaign found, and noise around it.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        (1usize..20_000).prop_map(|n| format!("={}", "[".repeat(n))),
        (1usize..8_000).prop_map(|n| format!("={}{}", "[".repeat(n), "]".repeat(n))),
        (1usize..8_000).prop_map(|n| format!("={}", "{=".repeat(n))),
        (1usize..4_000).prop_map(|n| format!("'{}'", "{\"a\": [".repeat(n))),
        (1usize..30_000).prop_map(|n| (0..n).map(|i| format!("k{i}=v")).collect::<Vec<_>>().join(",")),
        "[0-9_]{1,80}",
        "-?[0-9]{15,60}[smhdw]?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}",
        "\\PC{0,200}",
        prop::collection::vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        (1usize..200_000).prop_map(|n| "x".repeat(n)),
        Just("'".to_string()),
        Just("\\".to_string()),
        Just("0.0000001".to_string()),
        Just("1e308".to_string()),
        Just("NaN".to_string()),
    ]
}

/// A hostile line: a template with a value, raw noise, or a line of a scenario file mutated.
fn line() -> impl Strategy<Value = String> {
    let scenario_lines: Vec<String> =
        SCENARIOS.iter().flat_map(|s| s.lines()).map(str::to_string).filter(|l| !l.trim().is_empty()).collect();
    prop_oneof![
        4 => (prop::sample::select(templates()), value()).prop_map(|(t, v)| t.replacen("{}", &v, 1)),
        2 => (prop::sample::select(scenario_lines), any::<prop::sample::Index>(), "\\PC{0,3}").prop_map(
            |(l, at, insert)| {
                let chars: Vec<char> = l.chars().collect();
                let i = at.index(chars.len() + 1);
                chars[..i].iter().collect::<String>() + &insert + &chars[i..].iter().collect::<String>()
            }
        ),
        1 => "\\PC{0,120}",
        1 => Just("sim advance 3650d".to_string()),
        1 => Just("sim traffic f 1".to_string()),
    ]
}

/// A script: a few hostile lines, sometimes continued with `\`, sometimes with a byte-order mark.
fn script() -> impl Strategy<Value = String> {
    (prop::collection::vec(line(), 1..8), any::<bool>(), any::<bool>()).prop_map(|(lines, bom, continued)| {
        let joiner = if continued { " \\\n" } else { "\n" };
        format!("{}{CREATE}\n{}", if bom { "\u{feff}" } else { "" }, lines.join(joiner))
    })
}

/// The process's peak resident memory so far, in bytes (Linux).
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn well_formed(r: &LineResult) {
    assert_eq!(r.ok(), r.error().is_none(), "{}", r.command);
    if let Some(e) = &r.error() {
        assert!(!e.code.is_empty() && !e.message.trim().is_empty(), "{}: {e:?}", r.command);
    }
    assert!(serde_json::from_str::<serde_json::Value>(&report::json_line(r)).is_ok());
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn hostile_scripts_end_in_values_within_time_and_memory() {
    // Debug builds are about ten times slower than the release build `make fuzz` uses.
    let line_limit = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 });
    let memory_limit: u64 = 512 << 20;
    let lines_wanted = env("FUZZ_LINES", 1_500);
    let budget = Duration::from_secs(env("FUZZ_SECONDS", 120));
    let seed = env("FUZZ_SEED", 8);
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
    let started = Instant::now();
    let (mut lines, mut scripts, mut slowest) = (0u64, 0u64, (Duration::ZERO, String::new()));
    while lines < lines_wanted && started.elapsed() < budget {
        let text = script().new_tree(&mut runner).expect("a script").current();
        scripts += 1;
        let mut previous = Instant::now();
        Session::new().run_script_each(&text, |r| {
            let took = previous.elapsed();
            well_formed(&r);
            let shown: String = r.command.chars().take(120).collect();
            assert!(took < line_limit, "{shown:?} took {took:?}");
            if took > slowest.0 {
                slowest = (took, shown);
            }
            lines += 1;
            previous = Instant::now();
        });
    }
    let peak = peak_memory().unwrap_or(0);
    eprintln!(
        "fuzz: {lines} lines in {scripts} scripts, {:.1} s; slowest line {:?} ({:?}); peak memory {} MB",
        started.elapsed().as_secs_f64(),
        slowest.0,
        slowest.1,
        peak >> 20
    );
    assert!(peak < memory_limit, "peak memory {} MB", peak >> 20);
    assert!(lines >= lines_wanted.min(100), "ran only {lines} lines");
}

/// Templates the tests and the tour deploy, to mutate: every here-document of the snippets.
fn template_corpus() -> Vec<String> {
    let sources = [
        include_str!("model/templates.rs"),
        include_str!("model/export.rs"),
        include_str!("../scenarios/runtime-settings-in-sam.scenario"),
    ];
    let mut out = Vec::new();
    for source in sources {
        let mut lines = source.lines();
        while let Some(line) = lines.next() {
            if !line.trim_start().starts_with("cat > ") || !line.contains("<<'EOF'") {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "EOF").collect();
            out.push(body.iter().map(|l| l.get(indent..).unwrap_or(l.trim_start())).collect::<Vec<_>>().join("\n"));
        }
    }
    out
}

/// A template mutated: lines dropped, repeated or swapped, a token replaced by an intrinsic or
/// a hostile value, indentation shifted.
fn mutated_template(good: Vec<String>) -> impl Strategy<Value = String> {
    // Most mutations start from a template that deploys (many in the corpus are error cases,
    // which stop before the deep paths).
    let corpus = prop_oneof![3 => prop::sample::select(good), 1 => prop::sample::select(template_corpus())];
    let tokens = prop::sample::select(vec![
        "!Ref Fn.Version",
        "!GetAtt Fn.Version.Version",
        "!Ref Fn.Alias",
        "!Ref AWS::NoValue",
        "!Ref AWS::NotificationARNs",
        "!Sub '${Fn.Version}-${AWS::Region}'",
        "!FindInMap [M, a, b]",
        "!Split [',', 'a,b']",
        "!Select [9, [a]]",
        "!If [Nope, a, b]",
        "!Not [!Equals [a, b]]",
        "{\"Fn::GetAtt\": [Fn, Arn]}",
        "[]",
        "{}",
        "''",
        "-1",
        "1e400",
        "!Reff x",
        "&a [1]",
        "*a",
        "|\n  x",
        "Manual",
        "null",
        "~",
    ]);
    (corpus, prop::collection::vec((0u8..5, any::<prop::sample::Index>(), any::<prop::sample::Index>(), tokens), 0..3))
        .prop_map(|(template, edits)| {
            let mut lines: Vec<String> = template.lines().map(String::from).collect();
            for (kind, a, b, token) in edits {
                if lines.is_empty() {
                    break;
                }
                let (i, j) = (a.index(lines.len()), b.index(lines.len()));
                match kind {
                    0 => {
                        lines.remove(i);
                    }
                    1 => lines.insert(j, lines[i].clone()),
                    2 => lines.swap(i, j),
                    3 => {
                        let l = &lines[i];
                        lines[i] = match l.split_once(": ") {
                            Some((k, _)) => format!("{k}: {token}"),
                            None => format!("{l} {token}"),
                        };
                    }
                    _ => lines[i] = format!("  {}", lines[i]),
                }
            }
            lines.join("\n")
        })
}

/// Mutated templates deployed (and deployed again, and deleted) end in values, never a panic:
/// in the browser a panic would take the whole page with it.
#[test]
fn mutated_templates_end_in_values() {
    let wanted = env("FUZZ_TEMPLATES", 300);
    let deploys = |t: &String| {
        let script = format!("cat > t.yaml <<'EOF'\n{t}\nEOF\nsam deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM\n");
        Session::new().run_script(&script).iter().all(|r| r.ok())
    };
    let good: Vec<String> = template_corpus().into_iter().filter(deploys).collect();
    assert!(good.len() >= 5, "templates that deploy as written: {}", good.len());
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    for _ in 0..wanted {
        let (first, second) = (
            mutated_template(good.clone()).new_tree(&mut runner).expect("a template").current(),
            mutated_template(good.clone()).new_tree(&mut runner).expect("a template").current(),
        );
        let script = format!(
            "cat > a.yaml <<'EOF'\n{first}\nEOF\ncat > b.yaml <<'EOF'\n{second}\nEOF\n\
             sam deploy --template-file a.yaml --stack-name s --capabilities CAPABILITY_IAM\n\
             sim advance 1h\naws cloudformation deploy --template-file b.yaml --stack-name s --capabilities CAPABILITY_IAM\nsim advance 1h\n\
             aws cloudformation describe-stacks --stack-name s\nsim export --format sam\nsim export --format cdk\n\
             aws cloudformation delete-stack --stack-name s\n"
        );
        Session::new().run_script_each(&script, |r| well_formed(&r));
    }
}
