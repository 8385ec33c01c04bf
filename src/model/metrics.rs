//! Per function version counts for the UI: invocations, errors and cold starts per hour.

use super::time::{Timestamp, HOUR};

/// Counts of one interval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    /// Interval start, in hours since the epoch.
    pub hour: i64,
    pub invocations: u32,
    pub errors: u32,
    pub cold_starts: u32,
}

pub const INTERVAL: i64 = HOUR;

/// Sparse: only intervals that saw an invocation are stored, in time order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VersionMetrics {
    pub buckets: Vec<Bucket>,
}

impl VersionMetrics {
    pub fn record(&mut self, at: Timestamp, invocations: u32, errors: u32, cold_starts: u32) {
        if invocations == 0 {
            return;
        }
        // Most calls land in the newest bucket: a range check spares a division per tick.
        match self.buckets.last_mut() {
            Some(b) if at.0 >= b.hour * INTERVAL && at.0 < (b.hour + 1) * INTERVAL => {
                b.invocations += invocations;
                b.errors += errors;
                b.cold_starts += cold_starts;
            }
            _ => self.buckets.push(Bucket { hour: at.0.div_euclid(INTERVAL), invocations, errors, cold_starts }),
        }
    }

    pub fn totals(&self) -> Bucket {
        self.buckets.iter().fold(Bucket::default(), |mut t, b| {
            t.invocations += b.invocations;
            t.errors += b.errors;
            t.cold_starts += b.cold_starts;
            t
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_accumulate_per_hour() {
        let mut m = VersionMetrics::default();
        let t = Timestamp(10 * HOUR);
        m.record(t, 3, 1, 1);
        m.record(t.plus(HOUR - 1), 2, 0, 0);
        m.record(t.plus(HOUR), 5, 5, 0);
        m.record(t.plus(2 * HOUR), 0, 0, 0);
        assert_eq!(m.buckets.len(), 2);
        assert_eq!((m.buckets[0].invocations, m.buckets[0].errors), (5, 1));
        assert_eq!(m.totals().invocations, 10);
        assert_eq!(m.totals().errors, 6);
    }
}
