//! Background traffic: `sim traffic` invocations a minute on a function version, run one tick a
//! minute as the clock advances. Each tick's time is passed down; the clock is never rewound.

use crate::order::Map;

use super::outcome::{SimOutput, TrafficSet};
use super::validation;
use super::Lambda;
use crate::environment::IDLE_TIMEOUT;
use crate::error::ApiResult;
use crate::function::{FunctionVersion, VersionId};
use crate::metrics::INTERVAL;
use crate::rng::{mix, Rng};
use crate::time::{Timestamp, MINUTE};

#[inline(always)]
pub(super) fn floor_minute(t: Timestamp) -> Timestamp {
    Timestamp(t.0.div_euclid(MINUTE) * MINUTE)
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Traffic {
    /// Versions with background traffic.
    pub(super) versions: Vec<VersionId>,
    /// Every version in `versions` has run its ticks up to this minute.
    synced: Timestamp,
    /// Invocations per minute through aliases, by (region, function, alias): each arm of the
    /// alias runs its weight's share of them.
    pub(super) aliases: Map<(String, String, String), f64>,
}

impl Traffic {
    pub(super) fn new(start: Timestamp) -> Traffic {
        Traffic { versions: Vec::new(), synced: floor_minute(start), aliases: Map::new() }
    }
}

/// A version's invocations a minute: its whole rate, plus one with the fraction's probability.
#[derive(Clone, Copy)]
struct Draws {
    whole: u32,
    /// Integer comparison against a 53-bit draw: P(extra invocation) = fract(rate).
    threshold: u64,
    salt: u64,
}

impl Draws {
    // The fleet week's innermost step: inlined even where the model is built for size.
    #[inline(always)]
    fn count_at(self, tick: Timestamp) -> u32 {
        let draw = if self.threshold == 0 { 0 } else { mix(self.salt ^ tick.0 as u64) };
        self.whole + ((draw >> 11) < self.threshold) as u32
    }
}

impl Lambda {
    pub(super) fn set_traffic(
        &mut self,
        region: &str,
        function: &str,
        qualifier: Option<&str>,
        per_minute: f64,
    ) -> ApiResult<SimOutput> {
        validation::traffic_rate(per_minute)?;
        let id = self.resolve(region, function, qualifier)?;
        let (fregion, fref) = self.function_ref(region, function, qualifier)?;
        let key = (fregion, fref.name);
        let function_arn = match super::aliases::alias_name(fref.qualifier.as_deref()) {
            Some(alias) => {
                let entry = (key.0.clone(), key.1.clone(), alias.to_string());
                if per_minute > 0.0 {
                    self.traffic.aliases.insert(entry, per_minute);
                } else {
                    self.traffic.aliases.remove(&entry);
                }
                crate::arn::function_arn(&key.0, &key.1, Some(alias))
            }
            None => {
                self.store[id].direct_traffic = per_minute;
                self.arn_of(id)
            }
        };
        self.retarget_traffic(&key);
        Ok(SimOutput::Traffic(TrafficSet { function_arn, invocations_per_minute: per_minute }))
    }

    /// Sets each version's rate to its own traffic plus its share of its aliases' (after running
    /// the ticks so far at the old rates): called whenever traffic or an alias's routing changes.
    pub(super) fn retarget_traffic(&mut self, key: &(String, String)) {
        let Some(f) = self.store.functions.get(key) else { return };
        let mut rates: Map<VersionId, f64> = crate::order::map(
            std::iter::once(f.latest)
                .chain(f.published.values().copied())
                .map(|id| (id, self.store[id].direct_traffic)),
        );
        // The function's aliases are one range of the ordered map.
        let from = (key.0.clone(), key.1.clone(), String::new());
        let of_function =
            self.traffic.aliases.range_from(&from).take_while(|((r, f, _), _)| (r, f) == (&key.0, &key.1));
        for ((_, _, alias), rate) in of_function {
            let Some(a) = f.aliases.get(alias) else { continue };
            let primary = match a.function_version {
                crate::function::Qualifier::Latest => Some(f.latest),
                crate::function::Qualifier::Version(n) => f.published.get(&n).copied(),
            };
            let extra = a.routing.and_then(|(n, w)| f.published.get(&n).map(|&id| (id, w)));
            let extra_share = extra.map_or(0.0, |(_, w)| w);
            if let Some(p) = primary {
                *rates.entry_or_default(p) += rate * (1.0 - extra_share);
            }
            if let Some((e, w)) = extra {
                *rates.entry_or_default(e) += rate * w;
            }
        }
        for (id, rate) in rates {
            // [choice] Rates keep a millionth of an invocation a minute: a split of a whole rate
            // stays whole (0.3 + 0.7 of 10 is 3 and 7, not 3.0000000000000004).
            let rate = (rate * 1e6).round() / 1e6;
            if self.store[id].traffic_per_minute == rate {
                continue;
            }
            self.sync_traffic(id, self.now);
            let v = &mut self.store[id];
            let had = v.traffic_per_minute > 0.0;
            if !had {
                // Traffic starts after the current minute.
                v.traffic_cursor = floor_minute(self.now);
            }
            v.traffic_per_minute = rate;
            match (had, rate > 0.0) {
                (false, true) => self.traffic.versions.push(id),
                (true, false) => self.traffic.versions.retain(|&t| t != id),
                _ => {}
            }
        }
    }

    /// How many function versions run background traffic minute by minute (a fractional rate, or
    /// invocations that fail or may start failing): the cost of advancing grows with them. Whole
    /// healthy rates are counted a bucket at a time and cost next to nothing.
    pub fn minute_by_minute_traffic(&self) -> u64 {
        self.traffic
            .versions
            .iter()
            .filter(|&&id| {
                let v = &self.store[id];
                let expires = self.releases.expiry(v.config.runtime, v.runtime_version);
                v.deleted.is_none()
                    && v.traffic_per_minute > 0.0
                    && (v.traffic_per_minute.fract() != 0.0 || v.broken || expires.is_some())
            })
            .count() as u64
    }

    /// Runs every version's background traffic up to `t` (on minute boundaries only).
    pub(super) fn sync_all_traffic(&mut self, t: Timestamp) {
        if floor_minute(t) > self.traffic.synced {
            for i in 0..self.traffic.versions.len() {
                let id = self.traffic.versions[i];
                self.sync_traffic(id, t);
            }
            self.traffic.synced = floor_minute(t);
        }
    }

    /// Background traffic, one tick a minute, for one version up to `t`. Versions are independent
    /// of each other, so each keeps its own cursor and runs its ticks in long batches: a phase 2
    /// move touches only the version it moves. Draws come from (seed, version, tick), never from
    /// the shared generator, so the result does not depend on how the clock was advanced.
    pub(super) fn sync_traffic(&mut self, id: VersionId, t: Timestamp) {
        let v = &self.store[id];
        let (first, last) = (v.traffic_cursor.plus(MINUTE), floor_minute(t));
        if v.traffic_per_minute == 0.0 || last < first || v.deleted.is_some() {
            return;
        }
        self.traffic_run(id, first, last);
        self.store.quiet_mut(id).traffic_cursor = last;
    }

    fn traffic_run(&mut self, id: VersionId, first: Timestamp, last: Timestamp) {
        let v = &self.store[id];
        let rate = v.traffic_per_minute;
        let whole = rate.floor() as u32;
        let threshold = (rate.fract() * (1u64 << 53) as f64) as u64;
        let salt = self.seed ^ u64::from(id.0).wrapping_mul(0x2545_f491_4f6c_dd1d);
        let draws = Draws { whole, threshold, salt };
        let expires = self.releases.expiry(v.config.runtime, v.runtime_version);
        let (runtime, runtime_version, revision, broken) = (v.config.runtime, v.runtime_version, v.revision, v.broken);
        // Ticks before the expiry can take the fast path; from it on, every invocation fails.
        let healthy_until =
            if broken { first.plus(-MINUTE) } else { expires.map_or(last, |e| floor_minute(e.plus(-1)).min(last)) };
        let mut tick = first;
        while tick <= last {
            let count = draws.count_at(tick);
            if count == 0 {
                tick = tick.plus(MINUTE);
                continue;
            }
            if tick <= healthy_until {
                let FunctionVersion { environments, metrics, .. } = self.store.quiet_mut(id);
                if let Some(env) = environments.warm_mut(tick, runtime, runtime_version, revision) {
                    if threshold == 0 {
                        // A whole rate keeps the environment warm to the end of the healthy run:
                        // one step, counted a bucket at a time.
                        metrics.record_steady(tick, healthy_until, whole.into());
                        env.last_used = healthy_until;
                        tick = healthy_until.plus(MINUTE);
                        continue;
                    }
                    // A warm run: invocations keep the environment warm and succeed; they are
                    // only counted, per hour.
                    let mut hour_end = Timestamp((tick.0.div_euclid(INTERVAL) + 1) * INTERVAL);
                    let (mut sum, mut last_used) = (count, tick);
                    tick = tick.plus(MINUTE);
                    while tick <= healthy_until {
                        if tick >= hour_end {
                            metrics.record(last_used, sum.into(), 0, 0);
                            sum = 0;
                            hour_end = hour_end.plus(INTERVAL);
                        }
                        let c = draws.count_at(tick);
                        if c > 0 {
                            if tick.0 - last_used.0 >= IDLE_TIMEOUT {
                                break; // gone cold: this tick takes the slow path
                            }
                            sum += c;
                            last_used = tick;
                        }
                        tick = tick.plus(MINUTE);
                    }
                    metrics.record(last_used, sum.into(), 0, 0);
                    env.last_used = last_used;
                    continue;
                }
            }
            let hour = tick.0.div_euclid(INTERVAL);
            if tick > healthy_until {
                // [choice] Failing background traffic logs one failed invocation per version an
                // hour (every one is counted): a broken function under heavy traffic for years
                // must not freeze the page writing log lines nobody keeps.
                let FunctionVersion { environments, metrics, .. } = &mut self.store[id];
                if environments.failure_logged_hour == Some(hour) {
                    if let Some(env) = environments.warm_mut(tick, runtime, runtime_version, revision) {
                        env.last_used = tick;
                        metrics.record(tick, count.into(), count.into(), 0);
                        tick = tick.plus(MINUTE);
                        continue;
                    }
                }
            }
            // A cold start or a failure: the first invocation goes through the pool and is
            // logged; the rest of the tick land on the same environment, counted.
            let mut rng = Rng::new(mix(salt ^ tick.0 as u64 ^ 0x5bd1));
            let inv = self.run_invocation(id, tick, false, &mut rng);
            if inv.error.is_some() {
                self.store[id].environments.failure_logged_hour = Some(hour);
            }
            let rest = count - 1;
            if rest > 0 {
                let errors = if inv.error.is_some() { rest } else { 0 };
                self.store[id].metrics.record(tick, rest.into(), errors.into(), 0);
            }
            tick = tick.plus(MINUTE);
        }
    }
}
