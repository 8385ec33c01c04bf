//! CloudWatch alarms on a Lambda function's Errors (PutMetricAlarm, DescribeAlarms,
//! DeleteAlarms): what a deployment watches. The state is computed from the model's own error
//! counts, minute by minute, whenever it is asked for.

use super::Lambda;
use crate::api::*;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::function::{Qualifier, VersionId};
use crate::time::{Timestamp, MINUTE};

/// An alarm as put, and when.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Alarm {
    pub(super) put: PutMetricAlarmRequest,
    pub(super) updated: Timestamp,
}

/// An alarm's state at a moment.
#[derive(Clone, Debug, PartialEq)]
pub struct AlarmState {
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    pub value: &'static str,
    pub reason: String,
}

/// An alarm's datapoints at a moment, and how many breach.
struct Evaluation {
    /// An AWS/Lambda Errors alarm, Sum over 60 seconds: the kind the playground evaluates.
    supported: bool,
    points: Vec<(Timestamp, f64)>,
    breaching: i64,
}

impl Evaluation {
    fn value(&self, p: &PutMetricAlarmRequest) -> &'static str {
        if !self.supported || self.points.is_empty() {
            "INSUFFICIENT_DATA"
        } else if self.breaching >= i64::from(p.evaluation_periods.max(1)) {
            "ALARM"
        } else {
            "OK"
        }
    }

    /// The state with its StateReason, in CloudWatch's words.
    fn state(&self, p: &PutMetricAlarmRequest) -> AlarmState {
        let value = self.value(p);
        let periods = i64::from(p.evaluation_periods.max(1));
        if !self.supported {
            let reason = "The playground evaluates only AWS/Lambda Errors alarms (Sum over 60 seconds).".into();
            return AlarmState { value, reason };
        }
        if self.points.is_empty() {
            let reason = if periods == 1 {
                "Insufficient Data: 1 datapoint was unknown.".to_string()
            } else {
                format!("Insufficient Data: {periods} datapoints were unknown.")
            };
            return AlarmState { value, reason };
        }
        let alarm = value == "ALARM";
        let comparison = p.comparison_operator.as_str();
        let threshold = p.threshold.unwrap_or(0.0);
        let shown: Vec<String> = self
            .points
            .iter()
            .map(|(t, v)| format!("{} ({})", crate::decimal::fixed(*v, 1), reason_time(*t)))
            .collect();
        let (verb, transition) = if alarm { ("was", "OK -> ALARM") } else { ("was not", "ALARM -> OK") };
        let count = if alarm { self.breaching } else { self.points.len() as i64 - self.breaching };
        let reason = format!(
            "Threshold Crossed: {count} out of the last {} datapoints [{}] {verb} {} the threshold ({}) (minimum {periods} datapoint{} for {transition} transition).",
            self.points.len(),
            shown.join(", "),
            wording(comparison),
            crate::decimal::fixed(threshold, 1),
            if periods == 1 { "" } else { "s" },
        );
        AlarmState { value, reason }
    }
}

const COMPARISONS: [&str; 4] =
    ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"];

fn breaches(comparison: &str, value: f64, threshold: f64) -> bool {
    match comparison {
        "GreaterThanOrEqualToThreshold" => value >= threshold,
        "GreaterThanThreshold" => value > threshold,
        "LessThanThreshold" => value < threshold,
        _ => value <= threshold,
    }
}

/// "greater than", as CloudWatch words a comparison in a StateReason.
fn wording(comparison: &str) -> &'static str {
    match comparison {
        "GreaterThanOrEqualToThreshold" => "greater than or equal to",
        "GreaterThanThreshold" => "greater than",
        "LessThanThreshold" => "less than",
        _ => "less than or equal to",
    }
}

/// `23/01/23 00:05:00`, as CloudWatch writes a datapoint's time in a StateReason.
fn reason_time(t: Timestamp) -> String {
    let c = t.civil();
    format!("{:02}/{:02}/{:02} {:02}:{:02}:00", c.day, c.month, c.year % 100, c.hour, c.minute)
}

impl Lambda {
    pub(super) fn put_metric_alarm(&mut self, region: &str, r: &PutMetricAlarmRequest) -> ApiResult<()> {
        if !COMPARISONS.contains(&r.comparison_operator.as_str()) {
            let constraint = format!("Member must satisfy enum value set: [{}]", COMPARISONS.join(", "));
            let e = ApiError::validation(&r.comparison_operator, "comparisonOperator", &constraint);
            return Err(ApiError::new(ErrorCode::ValidationError, e.message));
        }
        // [choice] A minute without invocations has no datapoint: `missing` (the default) and
        // `ignore` read them so; counting them as breaching or not is not modelled, and says so.
        if let Some(t) = r.treat_missing_data.as_deref().filter(|t| !matches!(*t, "missing" | "ignore")) {
            return Err(ApiError::new(
                ErrorCode::ValidationError,
                format!("The playground evaluates TreatMissingData missing and ignore only, not {t}."),
            ));
        }
        if r.evaluation_periods < 1 {
            let e = ApiError::validation(
                &r.evaluation_periods.to_string(),
                "evaluationPeriods",
                "Member must have value greater than or equal to 1",
            );
            return Err(ApiError::new(ErrorCode::ValidationError, e.message));
        }
        // [choice] CloudWatch looks back at most a day; the wording is the playground's.
        if u64::from(r.period.unwrap_or(60)) * u64::from(r.evaluation_periods) > 86_400 {
            return Err(ApiError::new(
                ErrorCode::ValidationError,
                "The evaluation period (Period multiplied by EvaluationPeriods) must not exceed 86400 seconds.",
            ));
        }
        let alarm = Alarm { put: r.clone(), updated: self.now };
        self.alarms.insert((region.to_string(), r.alarm_name.clone()), alarm);
        // A changed alarm may be in ALARM already: running deployments read it at the next minute.
        self.wake_deployments("", "");
        Ok(())
    }

    pub(super) fn delete_alarms(&mut self, region: &str, r: &AlarmNamesRequest) -> ApiResult<()> {
        for name in &r.alarm_names {
            self.alarms.remove(&(region.to_string(), name.clone()));
        }
        Ok(())
    }

    pub(super) fn describe_alarms(&self, region: &str, r: &AlarmNamesRequest) -> ApiResult<DescribeAlarmsResponse> {
        let metric_alarms = self
            .alarms
            .iter()
            .filter(|((reg, name), _)| reg == region && (r.alarm_names.is_empty() || r.alarm_names.contains(name)))
            .map(|((reg, name), a)| {
                let (state, since) = self.alarm_state_since(reg, a, self.now);
                let p = &a.put;
                MetricAlarm {
                    alarm_name: name.clone(),
                    alarm_arn: format!("arn:aws:cloudwatch:{reg}:{}:alarm:{name}", crate::arn::DEFAULT_ACCOUNT),
                    alarm_description: p.alarm_description.clone(),
                    alarm_configuration_updated_timestamp: a.updated.cli_iso(),
                    actions_enabled: true,
                    ok_actions: Vec::new(),
                    alarm_actions: Vec::new(),
                    insufficient_data_actions: Vec::new(),
                    state_value: state.value.to_string(),
                    state_reason: state.reason,
                    state_updated_timestamp: since.cli_iso(),
                    metric_name: p.metric_name.clone().unwrap_or_default(),
                    namespace: p.namespace.clone().unwrap_or_default(),
                    statistic: p.statistic.clone().unwrap_or_default(),
                    dimensions: p.dimensions.clone(),
                    period: p.period.unwrap_or(0),
                    evaluation_periods: p.evaluation_periods,
                    threshold: p.threshold.unwrap_or(0.0),
                    comparison_operator: p.comparison_operator.clone(),
                    treat_missing_data: p.treat_missing_data.clone(),
                }
            })
            .collect();
        Ok(DescribeAlarmsResponse { metric_alarms, composite_alarms: Vec::new() })
    }

    /// The function versions an Errors alarm's dimensions select: `ExecutedVersion` names one,
    /// `Resource` an alias (its arms) or a version, `FunctionName` alone every version.
    /// [choice] Errors through an alias are the errors of the versions it routes to.
    pub(super) fn watched(&self, region: &str, p: &PutMetricAlarmRequest) -> Vec<VersionId> {
        let dim = |n: &str| p.dimensions.iter().find(|d| d.name == n).map(|d| d.value.as_str());
        let Some(function) = dim("FunctionName") else { return Vec::new() };
        let Some(f) = self.store.functions.get(&(region.to_string(), function.to_string())) else { return Vec::new() };
        let version = |q: Qualifier| match q {
            Qualifier::Latest => Some(f.latest),
            Qualifier::Version(n) => f.published.get(&n).copied(),
        };
        if let Some(n) = dim("ExecutedVersion").and_then(Qualifier::parse) {
            return version(n).into_iter().collect();
        }
        match dim("Resource").and_then(|r| r.strip_prefix(function)).and_then(|r| r.strip_prefix(':')) {
            Some(q) => match Qualifier::parse(q) {
                Some(q) => version(q).into_iter().collect(),
                None => f.aliases.get(q).map_or_else(Vec::new, |a| {
                    let mut arms: Vec<VersionId> = version(a.function_version).into_iter().collect();
                    arms.extend(a.routing.and_then(|(n, _)| version(Qualifier::Version(n))));
                    arms
                }),
            },
            None => std::iter::once(f.latest).chain(f.published.values().copied()).collect(),
        }
    }

    /// The state of an alarm at `at`, with its StateReason.
    pub(super) fn alarm_state(&self, region: &str, a: &Alarm, at: Timestamp) -> AlarmState {
        self.evaluate(region, a, at).state(&a.put)
    }

    /// The datapoints of an alarm at `at`, from the last `EvaluationPeriods` whole minutes.
    /// [choice] A minute has a datapoint when a watched version had errors in it or runs
    /// background traffic; the alarm is in ALARM when every minute of the window breaches.
    fn evaluate(&self, region: &str, a: &Alarm, at: Timestamp) -> Evaluation {
        let p = &a.put;
        let lambda_errors = p.namespace.as_deref() == Some("AWS/Lambda")
            && p.metric_name.as_deref() == Some("Errors")
            && p.statistic.as_deref() == Some("Sum")
            && p.period == Some(60);
        if !lambda_errors {
            return Evaluation { supported: false, points: Vec::new(), breaching: 0 };
        }
        let watched = self.watched(region, p);
        let now_minute = at.0.div_euclid(MINUTE);
        let periods = p.evaluation_periods.max(1) as i64;
        let threshold = p.threshold.unwrap_or(0.0);
        let mut points = Vec::new();
        for m in (now_minute - periods..now_minute).rev() {
            let versions = watched.iter().filter_map(|&id| self.store.get(id));
            let (errors, traffic) = versions
                .fold((0u64, false), |(e, t), v| (e + v.metrics.errors_in_minute(m), t || v.traffic_per_minute > 0.0));
            if errors > 0 || traffic {
                points.push((Timestamp(m * MINUTE), errors as f64));
            }
        }
        let comparison = p.comparison_operator.as_str();
        let breaching = points.iter().filter(|(_, v)| breaches(comparison, *v, threshold)).count() as i64;
        Evaluation { supported: true, points, breaching }
    }

    /// False when some minute of the window, newest first, does not breach (so not ALARM).
    fn may_fire(&self, region: &str, a: &Alarm, at: Timestamp) -> bool {
        let p = &a.put;
        let watched = self.watched(region, p);
        let now_minute = at.0.div_euclid(MINUTE);
        let periods = p.evaluation_periods.max(1) as i64;
        let threshold = p.threshold.unwrap_or(0.0);
        (now_minute - periods..now_minute).rev().all(|m| {
            let versions = watched.iter().filter_map(|&id| self.store.get(id));
            let errors: u64 = versions.map(|v| v.metrics.errors_in_minute(m)).sum();
            breaches(p.comparison_operator.as_str(), errors as f64, threshold)
        })
    }

    /// The state at `at` and since when it has held (looking back at most an hour, [choice]).
    fn alarm_state_since(&self, region: &str, a: &Alarm, at: Timestamp) -> (AlarmState, Timestamp) {
        let state = self.alarm_state(region, a, at);
        let mut since = Timestamp(at.0.div_euclid(MINUTE) * MINUTE);
        for _ in 0..60 {
            let t = since.plus(-MINUTE);
            if t < a.updated || self.evaluate(region, a, t).value(&a.put) != state.value {
                break;
            }
            since = t;
        }
        (state, since.max(a.updated))
    }

    /// A region's alarms as they were put, by name.
    pub fn alarm_definitions(&self, region: &str) -> Vec<PutMetricAlarmRequest> {
        self.alarms.iter().filter(|((r, _), _)| r == region).map(|(_, a)| a.put.clone()).collect()
    }

    /// The names of a region's alarms, in order.
    pub fn alarm_names(&self, region: &str) -> Vec<String> {
        self.alarms.keys().filter(|(r, _)| r == region).map(|(_, n)| n.clone()).collect()
    }

    /// The first of these alarms (by name, in `region`) in ALARM at `at`. [choice] An alarm that
    /// does not exist is not firing.
    pub(super) fn alarm_firing(&self, region: &str, names: &[String], at: Timestamp) -> Option<(String, AlarmState)> {
        names.iter().find_map(|name| {
            let a = self.alarms.get(&(region.to_string(), name.clone()))?;
            // ALARM needs every minute of the window to breach: stop at the first that does not,
            // so a deployment's check each minute costs little unless the alarm is about to fire.
            if !self.may_fire(region, a, at) {
                return None;
            }
            let evaluation = self.evaluate(region, a, at);
            (evaluation.value(&a.put) == "ALARM").then(|| (name.clone(), evaluation.state(&a.put)))
        })
    }
}
