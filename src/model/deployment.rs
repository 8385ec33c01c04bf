//! CodeDeploy's traffic shifting for a Lambda alias, as values: deployment configurations (the
//! nine predefined ones and custom TimeBasedCanary / TimeBasedLinear ones), a deployment's status
//! and error codes in CodeDeploy's spelling, and the schedule of weights a configuration gives.

use serde::{Deserialize, Serialize};

use crate::time::MINUTE;

/// How traffic moves from the current version to the target (CodeDeploy's `TrafficRoutingConfig`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrafficRouting {
    /// `percentage`% at the start, the rest `interval_minutes` later.
    TimeBasedCanary {
        percentage: u32,
        interval_minutes: u32,
    },
    /// `percentage`% more at the start and after each `interval_minutes`, until all of it.
    TimeBasedLinear {
        percentage: u32,
        interval_minutes: u32,
    },
    AllAtOnce,
}

impl TrafficRouting {
    /// The target's share at each step, with the step's offset from the start (milliseconds),
    /// ending at 1.0. [choice] Linear: the first increment at the start, so ten steps of 10%
    /// reach all traffic nine intervals after it.
    pub fn steps(self) -> Vec<(i64, f64)> {
        match self {
            TrafficRouting::AllAtOnce => vec![(0, 1.0)],
            TrafficRouting::TimeBasedCanary { percentage, interval_minutes } => {
                vec![(0, f64::from(percentage) / 100.0), (i64::from(interval_minutes) * MINUTE, 1.0)]
            }
            TrafficRouting::TimeBasedLinear { percentage, interval_minutes } => {
                let p = percentage.max(1);
                let n = 100u32.div_ceil(p);
                (0..n)
                    .map(|k| {
                        let share = (f64::from((k + 1) * p) / 100.0).min(1.0);
                        (i64::from(k) * i64::from(interval_minutes) * MINUTE, share)
                    })
                    .collect()
            }
        }
    }

    /// `type` as CodeDeploy spells it.
    pub fn type_name(self) -> &'static str {
        match self {
            TrafficRouting::TimeBasedCanary { .. } => "TimeBasedCanary",
            TrafficRouting::TimeBasedLinear { .. } => "TimeBasedLinear",
            TrafficRouting::AllAtOnce => "AllAtOnce",
        }
    }
}

/// The predefined Lambda configurations, exact names (LAMBDA.md, "Traffic shifting with CodeDeploy").
pub const PREDEFINED: [(&str, TrafficRouting); 9] = [
    ("CodeDeployDefault.LambdaCanary10Percent5Minutes", canary(5)),
    ("CodeDeployDefault.LambdaCanary10Percent10Minutes", canary(10)),
    ("CodeDeployDefault.LambdaCanary10Percent15Minutes", canary(15)),
    ("CodeDeployDefault.LambdaCanary10Percent30Minutes", canary(30)),
    ("CodeDeployDefault.LambdaLinear10PercentEvery1Minute", linear(1)),
    ("CodeDeployDefault.LambdaLinear10PercentEvery2Minutes", linear(2)),
    ("CodeDeployDefault.LambdaLinear10PercentEvery3Minutes", linear(3)),
    ("CodeDeployDefault.LambdaLinear10PercentEvery10Minutes", linear(10)),
    ("CodeDeployDefault.LambdaAllAtOnce", TrafficRouting::AllAtOnce),
];

const fn canary(minutes: u32) -> TrafficRouting {
    TrafficRouting::TimeBasedCanary { percentage: 10, interval_minutes: minutes }
}

const fn linear(minutes: u32) -> TrafficRouting {
    TrafficRouting::TimeBasedLinear { percentage: 10, interval_minutes: minutes }
}

pub fn predefined(name: &str) -> Option<TrafficRouting> {
    PREDEFINED.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DeploymentStatus {
    Created,
    InProgress,
    Succeeded,
    Failed,
    Stopped,
}

impl DeploymentStatus {
    pub fn is_active(self) -> bool {
        matches!(self, DeploymentStatus::Created | DeploymentStatus::InProgress)
    }
}

/// `ErrorInformation.code`, in CodeDeploy's spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DeploymentErrorCode {
    AlarmActive,
    HookExecutionFailure,
    ManualStop,
    InvalidLambdaConfiguration,
}

/// Where a deployment is in its lifecycle (CodeDeploy's Lambda lifecycle events).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Not yet started: the BeforeAllowTraffic hook runs first.
    BeforeAllowTraffic,
    /// Shifting: the index of the next step of `TrafficRouting::steps`.
    AllowTraffic {
        next_step: usize,
    },
    Done,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules() {
        assert_eq!(
            predefined("CodeDeployDefault.LambdaCanary10Percent5Minutes").unwrap().steps(),
            [(0, 0.1), (5 * MINUTE, 1.0)]
        );
        let linear = predefined("CodeDeployDefault.LambdaLinear10PercentEvery1Minute").unwrap().steps();
        assert_eq!(linear.len(), 10);
        assert_eq!(linear[9], (9 * MINUTE, 1.0));
        let uneven = TrafficRouting::TimeBasedLinear { percentage: 30, interval_minutes: 2 }.steps();
        assert_eq!(uneven.iter().map(|s| s.1).collect::<Vec<_>>(), [0.3, 0.6, 0.9, 1.0]);
        assert_eq!(TrafficRouting::AllAtOnce.steps(), [(0, 1.0)]);
    }
}
