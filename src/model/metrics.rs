//! Per function version counts for the UI: invocations, errors and cold starts over time.
//!
//! Memory stays proportional to what a person can look at: the newest two weeks by the hour,
//! the year before that by the day, and older counts by the 28 days (a ten-year run keeps about
//! 820 buckets a version instead of 87,600). [choice] The tiers are measured from the newest
//! recorded hour, so the buckets depend only on what was recorded, never on how the clock was
//! advanced (a replay and the live session agree).

use std::collections::VecDeque;

use super::time::{Timestamp, HOUR, MINUTE};

/// Counts of one interval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    /// Interval start, in hours since the epoch.
    pub hour: i64,
    /// Interval length in hours: 1, [`DAY_HOURS`] or [`PERIOD_HOURS`].
    pub hours: i64,
    pub invocations: u64,
    pub errors: u64,
    pub cold_starts: u64,
}

/// A bucket as a tier stores it: its length is the tier's (32 bytes, not 40: a ten-year run
/// keeps hundreds of these per function version).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    hour: i64,
    invocations: u64,
    errors: u64,
    cold_starts: u64,
}

impl Counts {
    fn add(&mut self, invocations: u64, errors: u64, cold_starts: u64) {
        self.invocations += invocations;
        self.errors += errors;
        self.cold_starts += cold_starts;
    }

    fn bucket(&self, hours: i64) -> Bucket {
        let Counts { hour, invocations, errors, cold_starts } = *self;
        Bucket { hour, hours, invocations, errors, cold_starts }
    }
}

impl Bucket {
    /// The interval's end, in hours since the epoch (exclusive).
    pub fn end_hour(&self) -> i64 {
        self.hour + self.hours
    }
}

pub const INTERVAL: i64 = HOUR;
pub const DAY_HOURS: i64 = 24;
pub const PERIOD_HOURS: i64 = 28 * DAY_HOURS;
/// [choice] Hourly buckets cover the newest 14 days, daily ones the 365 days before that.
pub const HOURLY_SPAN: i64 = 14 * DAY_HOURS;
pub const DAILY_SPAN: i64 = 365 * DAY_HOURS;

/// Merges the buckets of `fine` that start before `cutoff` into `coarse` buckets `span` hours long.
fn age_out(fine: &mut VecDeque<Counts>, coarse: &mut VecDeque<Counts>, cutoff: i64, span: i64) {
    while let Some(b) = fine.front().copied() {
        if b.hour >= cutoff {
            break;
        }
        fine.pop_front();
        let start = b.hour.div_euclid(span) * span;
        match coarse.back_mut() {
            Some(c) if c.hour == start => c.add(b.invocations, b.errors, b.cold_starts),
            _ => coarse.push_back(Counts { hour: start, ..b }),
        }
    }
}

/// Sparse: only intervals that saw an invocation are stored, in time order, coarse to fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionMetrics {
    periods: VecDeque<Counts>,
    days: VecDeque<Counts>,
    hours: VecDeque<Counts>,
    /// Errors per minute (minutes since the epoch, ascending) over the last day: what an Errors
    /// alarm with a 60-second period reads (CloudWatch evaluates at most a day).
    recent_errors: VecDeque<(i64, u64)>,
    /// The first minute `recent_errors` still holds every error of (older ones were dropped).
    recent_since: Option<i64>,
}

impl VersionMetrics {
    /// Every bucket in time order.
    pub fn buckets(&self) -> impl DoubleEndedIterator<Item = Bucket> + '_ {
        let periods = self.periods.iter().map(|c| c.bucket(PERIOD_HOURS));
        periods.chain(self.days.iter().map(|c| c.bucket(DAY_HOURS))).chain(self.hours.iter().map(|c| c.bucket(1)))
    }

    /// How many buckets are stored.
    pub fn len(&self) -> usize {
        self.periods.len() + self.days.len() + self.hours.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The newest bucket.
    pub fn last(&self) -> Option<Bucket> {
        self.buckets().next_back()
    }

    /// The errors of one minute (minutes since the epoch), if it saw any.
    pub fn errors_in_minute(&self, minute: i64) -> u64 {
        let i = self.recent_errors.partition_point(|(m, _)| *m < minute);
        self.recent_errors.get(i).filter(|(m, _)| *m == minute).map_or(0, |(_, e)| *e)
    }

    fn note_errors(&mut self, at: Timestamp, errors: u64) {
        let minute = at.0.div_euclid(MINUTE);
        match self.recent_errors.back_mut() {
            Some((m, e)) if *m >= minute => *e += errors,
            _ => self.recent_errors.push_back((minute, errors)),
        }
        let cutoff = minute - 24 * 60;
        while self.recent_errors.front().is_some_and(|(m, _)| *m < cutoff) {
            self.recent_errors.pop_front();
            self.recent_since = Some(cutoff);
        }
    }

    /// The newest minute with errors, if any in the last day.
    pub fn last_error_minute(&self) -> Option<i64> {
        self.recent_errors.back().map(|(m, _)| *m)
    }

    /// Runs of minutes with errors, `(first minute, last minute, errors)`, from the minute the
    /// record is complete (`None`: since the start): the timeline draws recent failures to the
    /// minute, older ones by their bucket.
    pub fn recent_error_runs(&self) -> (Option<i64>, Vec<(i64, i64, u64)>) {
        let mut runs: Vec<(i64, i64, u64)> = Vec::new();
        for &(m, e) in &self.recent_errors {
            match runs.last_mut() {
                Some((_, last, sum)) if *last + 1 == m => {
                    *last = m;
                    *sum += e;
                }
                _ => runs.push((m, m, e)),
            }
        }
        (self.recent_since, runs)
    }

    /// Counts at one moment.
    pub fn record(&mut self, at: Timestamp, invocations: u64, errors: u64, cold_starts: u64) {
        if invocations == 0 {
            return;
        }
        if errors > 0 {
            self.note_errors(at, errors);
        }
        let hour = at.0.div_euclid(INTERVAL);
        match self.hours.back_mut() {
            Some(b) if b.hour == hour => b.add(invocations, errors, cold_starts),
            // Counts arrive in time order; one that does not lands in the newest bucket rather
            // than reorder the tiers.
            Some(b) if b.hour > hour => b.add(invocations, errors, cold_starts),
            _ => {
                self.hours.push_back(Counts { hour, invocations, errors, cold_starts });
                self.compact(hour);
            }
        }
    }

    /// `per_minute` successful invocations at every minute from `first` to `last` (inclusive,
    /// both on minute boundaries): a long steady run costs a bucket per interval, not per minute.
    pub fn record_steady(&mut self, first: Timestamp, last: Timestamp, per_minute: u64) {
        if per_minute == 0 || last < first {
            return;
        }
        let newest = last.0.div_euclid(INTERVAL);
        // Where the tiers will start once `newest` is recorded (hours since the epoch): hours from
        // `hourly_from` on stay hourly, days from `daily_from` on daily, older ones go by period.
        let hourly_from = newest - HOURLY_SPAN;
        let daily_from = (hourly_from - DAILY_SPAN).div_euclid(DAY_HOURS) * DAY_HOURS
            + if (hourly_from - DAILY_SPAN).rem_euclid(DAY_HOURS) == 0 { 0 } else { DAY_HOURS };
        // A run that starts no earlier than the newest stored bucket puts each older piece
        // straight into the tier it will end in, once the stored buckets are aged as `newest`
        // will age them (a piece in the newest bucket's interval merges with it there): the
        // ten-year run would otherwise pass each piece through every tier.
        let direct = self.last().is_none_or(|b| b.hour <= first.0.div_euclid(INTERVAL));
        if direct {
            self.compact(newest);
            // Room for the run's buckets at once, not by doubling as they come.
            let first_hour = first.0.div_euclid(INTERVAL);
            let span = |from: i64, to: i64, each: i64| {
                let from = from.max(first_hour);
                if to > from {
                    usize::try_from((to - from) / each + 1).unwrap_or(0)
                } else {
                    0
                }
            };
            self.periods.reserve(span(i64::MIN, daily_from, PERIOD_HOURS));
            self.days.reserve(span(daily_from, hourly_from, DAY_HOURS));
            self.hours.reserve(span(hourly_from, newest, 1));
        }
        let mut t = first.0;
        while t <= last.0 {
            let hour = t.div_euclid(INTERVAL);
            // Fill the whole bucket this hour will end up in, up to where the next tier starts.
            let end_hour = if hour >= hourly_from {
                hour + 1
            } else if hour >= daily_from {
                ((hour.div_euclid(DAY_HOURS) + 1) * DAY_HOURS).min(hourly_from)
            } else {
                ((hour.div_euclid(PERIOD_HOURS) + 1) * PERIOD_HOURS).min(daily_from)
            };
            let end = (end_hour * INTERVAL - MINUTE).min(last.0);
            let minutes = ((end - t) / MINUTE + 1) as u64;
            let count = minutes * per_minute;
            if direct && hour < hourly_from {
                let (tier, span) =
                    if hour >= daily_from { (&mut self.days, DAY_HOURS) } else { (&mut self.periods, PERIOD_HOURS) };
                let start = hour.div_euclid(span) * span;
                match tier.back_mut() {
                    Some(b) if b.hour == start => b.add(count, 0, 0),
                    _ => tier.push_back(Counts { hour: start, invocations: count, errors: 0, cold_starts: 0 }),
                }
            } else {
                // Recorded at the piece's last minute: compaction merges that hour into the same
                // bucket the piece's other minutes would have gone to.
                self.record(Timestamp(end), count, 0, 0);
            }
            t = end + MINUTE;
        }
    }

    /// Moves buckets that have aged out of their tier into the next, coarser one.
    fn compact(&mut self, newest: i64) {
        age_out(&mut self.hours, &mut self.days, newest - HOURLY_SPAN, DAY_HOURS);
        age_out(&mut self.days, &mut self.periods, newest - HOURLY_SPAN - DAILY_SPAN, PERIOD_HOURS);
    }

    pub fn totals(&self) -> Bucket {
        let all = self.periods.iter().chain(&self.days).chain(&self.hours);
        all.fold(Counts::default(), |mut t, b| {
            t.add(b.invocations, b.errors, b.cold_starts);
            t
        })
        .bucket(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::DAY;

    #[test]
    fn buckets_accumulate_per_hour() {
        let mut m = VersionMetrics::default();
        let t = Timestamp(10 * HOUR);
        m.record(t, 3, 1, 1);
        m.record(t.plus(HOUR - 1), 2, 0, 0);
        m.record(t.plus(HOUR), 5, 5, 0);
        m.record(t.plus(2 * HOUR), 0, 0, 0);
        let b: Vec<Bucket> = m.buckets().collect();
        assert_eq!(b.len(), 2);
        assert_eq!((b[0].invocations, b[0].errors), (5, 1));
        assert_eq!(m.totals().invocations, 10);
        assert_eq!(m.totals().errors, 6);
    }

    #[test]
    fn old_counts_move_to_coarser_buckets() {
        let mut m = VersionMetrics::default();
        let start = Timestamp(0);
        // One invocation an hour for ten years.
        let hours = 3650 * 24;
        for h in 0..hours {
            m.record(start.plus(h * HOUR), 1, (h % 7 == 0) as u64, 0);
        }
        assert_eq!(m.totals().invocations, hours as u64);
        assert_eq!(m.totals().errors, ((hours + 6) / 7) as u64);
        assert!(m.len() < 900, "{} buckets", m.len());
        let spans: Vec<i64> = m.buckets().map(|b| b.hours).collect();
        assert_eq!(spans.last(), Some(&1));
        assert_eq!(spans.iter().filter(|&&s| s == 1).count() as i64, HOURLY_SPAN + 1);
        assert!(spans.windows(2).all(|w| w[0] >= w[1]), "coarse to fine");
        // In order; a coarse bucket holds only the hours before the finer tier, so its interval
        // may reach into the first finer bucket's.
        let starts: Vec<i64> = m.buckets().map(|b| b.hour).collect();
        assert!(starts.windows(2).all(|w| w[0] < w[1]), "in time order");
    }

    #[test]
    fn a_steady_run_fills_the_buckets_a_minute_by_minute_run_would() {
        let first = Timestamp(3 * DAY + 7 * MINUTE);
        let last = first.plus(900 * DAY + 5 * HOUR);
        let mut steady = VersionMetrics::default();
        steady.record_steady(first, last, 3);
        let mut minutes = VersionMetrics::default();
        let mut t = first;
        while t <= last {
            minutes.record(t, 3, 0, 0);
            t = t.plus(MINUTE);
        }
        assert_eq!(steady, minutes);
        // In two pieces, as two advances of the clock would record it.
        let mut split = VersionMetrics::default();
        let middle = first.plus(400 * DAY);
        split.record_steady(first, middle, 3);
        split.record_steady(middle.plus(MINUTE), last, 3);
        assert_eq!(split, minutes);
        // After a pause, over buckets already stored (the run goes straight to its tiers).
        for gap in [MINUTE, HOUR, 20 * DAY, 500 * DAY] {
            let (mut steady, mut minutes) = (VersionMetrics::default(), VersionMetrics::default());
            for m in [&mut steady, &mut minutes] {
                m.record(first, 2, 1, 1);
                m.record(first.plus(30 * DAY), 4, 0, 0);
            }
            let (from, to) = (first.plus(30 * DAY + gap), first.plus(30 * DAY + gap + 700 * DAY));
            steady.record_steady(from, to, 3);
            let mut t = from;
            while t <= to {
                minutes.record(t, 3, 0, 0);
                t = t.plus(MINUTE);
            }
            assert_eq!(steady, minutes, "after a pause of {gap} ms");
        }
    }
}
