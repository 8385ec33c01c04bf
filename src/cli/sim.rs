//! `sim ...` lines: what only the playground can do (DESIGN.md, "The scenario language"). They
//! parse with the same option rules as `aws` lines and report errors in the same shape.

use super::args::{self, repeated, required, switch, value, Opt};
use super::error::Failure;
use super::suggest::invalid_choice;
use crate::model::request::DeployRequest;
use crate::model::rollout::RolloutPolicy;
use crate::model::time::{parse_duration, DurationError, Timestamp, DAY, EARLIEST, END_OF_TIME};
use crate::model::Directive;

/// One `sim` directive: its name, its usage line, its options and positionals.
#[derive(Debug)]
pub struct SimDirective {
    pub name: &'static str,
    pub usage: &'static str,
    pub options: &'static [Opt],
    pub positionals: &'static [&'static str],
    pub summary: &'static str,
}

pub const DIRECTIVES: &[SimDirective] = &[
    SimDirective {
        name: "region",
        usage: "sim region <region>",
        options: &[],
        positionals: &["<region>"],
        summary: "The default region of later lines (initially us-east-1).",
    },
    SimDirective {
        name: "clock",
        usage: "sim clock <RFC 3339 time>",
        options: &[],
        positionals: &["<time>"],
        summary: "Sets the start time; only before the first command (default 2023-01-23T00:00:00Z).",
    },
    SimDirective {
        name: "release",
        usage: "sim release <runtime> [--region <r>]... [--changes <behaviour>]...",
        options: &[repeated("region"), repeated("changes")],
        positionals: &["<runtime>"],
        summary: "Releases the next runtime version: in the named regions, or all in stagger order.",
    },
    SimDirective {
        name: "phase2",
        usage: "sim phase2 <runtime> [--region <r>]",
        options: &[value("region")],
        positionals: &["<runtime>"],
        summary: "Starts phase 2 of the runtime's newest rollout now.",
    },
    SimDirective {
        name: "advance",
        usage: "sim advance <duration>",
        options: &[],
        positionals: &["<duration>"],
        summary: "Moves the clock (90s, 15m, 2h, 3d), running everything scheduled in between.",
    },
    SimDirective {
        name: "relies-on",
        usage: "sim relies-on <function> <behaviour> [--region <r>]",
        options: &[value("region")],
        positionals: &["<function>", "<behaviour>"],
        summary: "The function's current code relies on a behaviour a runtime version may change.",
    },
    SimDirective {
        name: "logs",
        usage: "sim logs <function> [--qualifier <q>] [--filter <text>] [--region <r>]",
        options: &[value("qualifier"), value("filter"), value("region")],
        positionals: &["<function>"],
        summary: "Platform log events (INIT_START, START, END, REPORT), like aws logs filter-log-events.",
    },
    SimDirective {
        name: "stop-deployment",
        usage: "sim stop-deployment <deployment-id> [--no-rollback] [--region <r>]",
        options: &[switch("no-rollback"), value("region")],
        positionals: &["<deployment-id>"],
        summary: "Stops a deployment, as aws deploy stop-deployment does; --no-rollback leaves the alias on both versions.",
    },
    SimDirective {
        name: "export",
        usage: "sim export --format sam|cloudformation|cdk|terraform [--function <name>] [--region <r>]",
        options: &[required("format"), value("function"), value("region")],
        positionals: &[],
        summary: "A template or code that recreates the region's functions, runtime settings, aliases and alarms.",
    },
    SimDirective {
        name: "traffic",
        usage: "sim traffic <function> <per-minute> [--qualifier <q>] [--region <r>]",
        options: &[value("qualifier"), value("region")],
        positionals: &["<function>", "<per-minute>"],
        summary: "Background invocations per minute of a function version.",
    },
    SimDirective {
        name: "policy",
        usage: "sim policy two-phase|legacy",
        options: &[],
        positionals: &["<policy>"],
        summary: "How later releases roll out: two phases (since 2023) or a region at once (before).",
    },
    SimDirective {
        name: "timing",
        usage: "sim timing [--region-stagger <duration>] [--phase1 <duration>] [--phase2-window <duration>]",
        options: &[value("region-stagger"), value("phase1"), value("phase2-window")],
        positionals: &[],
        summary: "How later releases are paced: regions apart, phase 1 length, phase 2 spread.",
    },
    SimDirective {
        name: "expire",
        usage: "sim expire <runtime> <version-number> --after <duration>",
        options: &[required("after")],
        positionals: &["<runtime>", "<version-number>"],
        summary: "From a duration from now on, environments on that runtime version fail to start.",
    },
    SimDirective {
        name: "deploy",
        usage: "sim deploy <function> --alias <a> --target-version <n> --config <CodeDeployDefault.Lambda...> [--alarm <name>]... [--pre-traffic-hook <function>] [--post-traffic-hook <function>] [--no-rollback] [--region <r>]",
        options: &[
            required("alias"),
            required("target-version"),
            required("config"),
            repeated("alarm"),
            value("pre-traffic-hook"),
            value("post-traffic-hook"),
            switch("no-rollback"),
            value("region"),
        ],
        positionals: &["<function>"],
        summary: "A CodeDeploy deployment: shifts the alias to the target version on the configuration's schedule, watching the alarms; rolls back unless --no-rollback.",
    },
];

/// [choice] The longest single `sim advance`: ten years. Background traffic runs minute by
/// minute, so an advance of millennia would freeze the page instead of failing.
pub const MAX_ADVANCE: i64 = 3650 * DAY;
/// [choice] The longest rollout pacing (`sim timing`): a year per stagger, phase or window.
pub const MAX_PACING: i64 = 365 * DAY;
/// [choice] The furthest `sim expire --after`: as far as one advance goes.
pub const MAX_EXPIRE_AFTER: i64 = MAX_ADVANCE;

/// A duration argument no longer than `max` (a number too large for any clock is just longer).
pub fn bounded_duration(text: &str, max: i64) -> Result<i64, String> {
    let too_long = || format!("{text} is more than the {}d the playground allows", max / DAY);
    match parse_duration(text) {
        Ok(ms) if ms <= max => Ok(ms),
        Ok(_) | Err(DurationError::OutOfRange(_)) => Err(too_long()),
        Err(e) => Err(e.to_string()),
    }
}

/// What a `sim` line asks for. Region, clock, advance and logs act on the session; the rest are
/// the model's directives.
#[derive(Clone, Debug, PartialEq)]
pub enum Sim {
    Region(String),
    Clock(Timestamp),
    Advance(i64),
    Logs {
        region: Option<String>,
        function: String,
        qualifier: Option<String>,
        filter: Option<String>,
    },
    /// `sim export --format sam|cloudformation|cdk|terraform [--function f]`.
    Export {
        region: Option<String>,
        format: String,
        function: Option<String>,
    },
    Directive {
        name: &'static str,
        region: Option<String>,
        directive: Directive,
    },
}

/// Parses the words after `sim`.
pub fn parse(words: &[String]) -> Result<Sim, Failure> {
    let names: Vec<&str> = DIRECTIVES.iter().map(|d| d.name).collect();
    let general = "sim <directive> [arguments]";
    let Some((first, rest)) = words.split_first() else {
        return Err(Failure::sim_usage(general, "the following arguments are required: directive"));
    };
    let Some(d) = DIRECTIVES.iter().find(|d| d.name == first) else {
        return Err(Failure::sim_usage(general, format!("argument directive: {}", invalid_choice(first, &names))));
    };
    let err = |detail: String| Failure::sim_usage(d.usage, detail);
    // argparse would read `-1d` as an unknown option and ask for the duration; say what it is.
    if let ("advance", Some(back)) = (d.name, rest.first().and_then(|w| w.strip_prefix('-'))) {
        if parse_duration(back).is_ok() {
            return Err(err(format!(
                "argument <duration>: -{back}: the clock only moves forward (the slider travels back in time)"
            )));
        }
    }
    let p = args::parse(rest, d.options, d.positionals).map_err(|e| err(e.to_string()))?;
    if !p.unknown.is_empty() {
        return Err(err(format!("unrecognized arguments: {}", p.unknown.join(" "))));
    }
    let pos = |i: usize| p.positionals.get(i).cloned().unwrap_or_default();
    let opt = |name: &str| p.text(name).map(String::from);
    Ok(match d.name {
        "region" => Sim::Region(pos(0)),
        "clock" => {
            let t = Timestamp::parse_rfc3339(&pos(0)).map_err(|e| err(format!("argument <time>: {e}")))?;
            if t < EARLIEST || t >= END_OF_TIME {
                return Err(err(format!(
                    "argument <time>: {} is outside simulated time ({EARLIEST} to {END_OF_TIME})",
                    pos(0)
                )));
            }
            Sim::Clock(t)
        }
        "advance" => {
            let ms = match parse_duration(&pos(0)) {
                Ok(ms) if ms <= MAX_ADVANCE => ms,
                Ok(_) | Err(DurationError::OutOfRange(_)) => {
                    return Err(err(format!(
                        "argument <duration>: {} is more than the 3650d one step may advance",
                        pos(0)
                    )))
                }
                Err(e) => return Err(err(format!("argument <duration>: {e}"))),
            };
            Sim::Advance(ms)
        }
        "stop-deployment" => Sim::Directive {
            name: d.name,
            region: opt("region"),
            directive: Directive::StopDeployment {
                deployment_id: pos(0),
                rollback: p.has("no-rollback").then_some(false),
            },
        },
        "export" => {
            let format = opt("format").unwrap_or_default();
            let formats = ["sam", "cloudformation", "cdk", "terraform"];
            if !formats.contains(&format.as_str()) {
                return Err(err(format!("argument --format: {}", invalid_choice(&format, &formats))));
            }
            Sim::Export { region: opt("region"), format, function: opt("function") }
        }
        "logs" => {
            Sim::Logs { region: opt("region"), function: pos(0), qualifier: opt("qualifier"), filter: opt("filter") }
        }
        "release" => Sim::Directive {
            name: d.name,
            region: None,
            directive: Directive::Release {
                runtime: pos(0),
                regions: p.all("region").into_iter().map(String::from).collect(),
                changes: p.all("changes").into_iter().map(String::from).collect(),
            },
        },
        "phase2" => Sim::Directive {
            name: d.name,
            region: None,
            directive: Directive::Phase2 { runtime: pos(0), region: opt("region") },
        },
        "relies-on" => Sim::Directive {
            name: d.name,
            region: opt("region"),
            directive: Directive::ReliesOn { function: pos(0), behaviour: pos(1) },
        },
        "traffic" => {
            let rate = pos(1);
            // argparse's float() also takes Python's inf and nan; the model then refuses them.
            let per_minute = crate::model::decimal::parse(rate.trim())
                .or_else(|| {
                    let t = rate.trim();
                    let word = t.strip_prefix(['+', '-']).unwrap_or(t).to_ascii_lowercase();
                    matches!(word.as_str(), "inf" | "infinity" | "nan").then_some(f64::NAN)
                })
                .ok_or_else(|| err(format!("argument <per-minute>: invalid float value: '{rate}'")))?;
            Sim::Directive {
                name: d.name,
                region: opt("region"),
                directive: Directive::Traffic { function: pos(0), qualifier: opt("qualifier"), per_minute },
            }
        }
        "policy" => {
            let policy = match pos(0).as_str() {
                "two-phase" => RolloutPolicy::TwoPhase,
                "legacy" => RolloutPolicy::Legacy,
                other => {
                    return Err(err(format!("argument <policy>: {}", invalid_choice(other, &["two-phase", "legacy"]))))
                }
            };
            Sim::Directive { name: d.name, region: None, directive: Directive::Policy(policy) }
        }
        "timing" => {
            let duration = |name: &str| -> Result<Option<i64>, Failure> {
                opt(name)
                    .map(|d| bounded_duration(&d, MAX_PACING).map_err(|e| err(format!("argument --{name}: {e}"))))
                    .transpose()
            };
            Sim::Directive {
                name: d.name,
                region: None,
                directive: Directive::Timing {
                    region_stagger: duration("region-stagger")?,
                    phase1: duration("phase1")?,
                    phase2_window: duration("phase2-window")?,
                },
            }
        }
        "expire" => {
            let number = pos(1);
            let version: u32 = number
                .trim()
                .trim_start_matches(['v', 'V'])
                .parse()
                .map_err(|_| err(format!("argument <version-number>: invalid int value: '{number}'")))?;
            let after = opt("after").unwrap_or_default();
            let after_ms =
                bounded_duration(&after, MAX_EXPIRE_AFTER).map_err(|e| err(format!("argument --after: {e}")))?;
            Sim::Directive {
                name: d.name,
                region: None,
                directive: Directive::Expire { runtime: pos(0), version, after_ms },
            }
        }
        "deploy" => Sim::Directive {
            name: d.name,
            region: opt("region"),
            directive: Directive::Deploy(DeployRequest {
                function: pos(0),
                alias: opt("alias").unwrap_or_default(),
                target_version: opt("target-version").unwrap_or_default(),
                config: opt("config").unwrap_or_default(),
                alarms: p.all("alarm").into_iter().map(String::from).collect(),
                pre_traffic_hook: opt("pre-traffic-hook"),
                post_traffic_hook: opt("post-traffic-hook"),
                auto_rollback: !p.has("no-rollback"),
                group: None,
            }),
        },
        other => return Err(err(format!("the playground has no directive {other}"))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(line: &str) -> Result<Sim, Failure> {
        parse(&line.split_whitespace().map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn directives() {
        assert_eq!(sim("region eu-south-1").unwrap(), Sim::Region("eu-south-1".into()));
        assert_eq!(sim("advance 2d").unwrap(), Sim::Advance(2 * 86_400_000));
        assert_eq!(
            sim("release python3.9 --region eu-south-1 --changes a --region=us-east-1").unwrap(),
            Sim::Directive {
                name: "release",
                region: None,
                directive: Directive::Release {
                    runtime: "python3.9".into(),
                    regions: vec!["eu-south-1".into(), "us-east-1".into()],
                    changes: vec!["a".into()],
                },
            }
        );
        assert!(matches!(
            sim("expire python3.9 v14 --after 30d").unwrap(),
            Sim::Directive { directive: Directive::Expire { version: 14, .. }, .. }
        ));
        assert!(matches!(
            sim("policy legacy").unwrap(),
            Sim::Directive { directive: Directive::Policy(RolloutPolicy::Legacy), .. }
        ));
        assert!(matches!(sim("logs f --filter INIT_START").unwrap(), Sim::Logs { filter: Some(_), .. }));
        assert!(matches!(
            sim("timing --phase2-window 6h").unwrap(),
            Sim::Directive { directive: Directive::Timing { phase2_window: Some(21_600_000), phase1: None, .. }, .. }
        ));
    }

    #[test]
    fn errors_name_the_argument() {
        for (line, needle) in [
            ("", "required: directive"),
            ("relase python3.9", "maybe you meant:\n\n  * release"),
            ("release", "required: <runtime>"),
            ("advance soon", "argument <duration>: Invalid duration 'soon'"),
            ("advance 3651d", "argument <duration>: 3651d is more than the 3650d one step may advance"),
            // Issue 8: a number too large for any clock is out of range, not malformed.
            ("advance 99999999999999999999d", "99999999999999999999d is more than the 3650d one step may advance"),
            (
                "expire python3.9 14 --after 3651d",
                "argument --after: 3651d is more than the 3650d the playground allows",
            ),
            ("expire python3.9 14 --after 99999999999999999999d", "is more than the 3650d the playground allows"),
            ("timing --phase1 366d", "argument --phase1: 366d is more than the 365d the playground allows"),
            (
                "clock 0000-01-01T00:00:00+01:00",
                "outside simulated time (1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z)",
            ),
            ("clock 2200-01-01", "outside simulated time"),
            ("clock yesterday", "argument <time>: Invalid timestamp 'yesterday'"),
            ("traffic f lots", "invalid float value: 'lots'"),
            ("policy fast", "argument <policy>: Invalid choice"),
            ("expire python3.9 14", "required: --after"),
            ("expire python3.9 x --after 1d", "invalid int value: 'x'"),
            ("region a b", "unrecognized arguments: b"),
            ("timing --phase1 soon", "argument --phase1: Invalid duration 'soon'"),
        ] {
            let e = sim(line).unwrap_err();
            assert!(e.error.message.contains(needle), "{line}: {}", e.error.message);
            assert!(e.printed.starts_with("usage: sim "), "{line}");
        }
    }
}
