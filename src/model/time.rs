//! Simulated time. The model has no clock: every instant comes from the session's commands.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Milliseconds since the Unix epoch, UTC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp(pub i64);

pub const SECOND: i64 = 1_000;
pub const MINUTE: i64 = 60 * SECOND;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;

/// The playground's default clock: the week the runtime management controls launched.
pub const DEFAULT_CLOCK: Timestamp = Timestamp(1_674_432_000_000); // 2023-01-23T00:00:00Z
/// [choice] Simulated time runs from 1970 to the end of 2199: far beyond any runtime's lifecycle,
/// and every moment prints as a four-digit year (a clock set before year 1 printed `-001-...`).
pub const EARLIEST: Timestamp = Timestamp(0); // 1970-01-01T00:00:00Z
pub const END_OF_TIME: Timestamp = Timestamp(7_258_118_400_000); // 2200-01-01T00:00:00Z

/// Calendar fields of a timestamp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millis: u32,
}

// Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

impl Timestamp {
    pub fn from_civil(c: Civil) -> Timestamp {
        let days = days_from_civil(c.year, c.month, c.day);
        let secs = days * 86_400 + (c.hour * 3600 + c.minute * 60 + c.second) as i64;
        Timestamp(secs * 1000 + c.millis as i64)
    }

    pub fn civil(self) -> Civil {
        let days = self.0.div_euclid(DAY);
        let ms = self.0.rem_euclid(DAY);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: (ms / HOUR) as u32,
            minute: (ms % HOUR / MINUTE) as u32,
            second: (ms % MINUTE / SECOND) as u32,
            millis: (ms % SECOND) as u32,
        }
    }

    #[inline(always)]
    pub fn plus(self, ms: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(ms))
    }

    /// `2023-01-23T00:00:00Z`: the form `sim clock` takes and the UI shows.
    pub fn rfc3339(self) -> String {
        let c = self.civil();
        let base = format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute, c.second);
        if c.millis == 0 {
            base + "Z"
        } else {
            format!("{base}.{:03}Z", c.millis)
        }
    }

    /// `2023-01-23T00:00:00.000+0000`: Lambda's `LastModified` format.
    pub fn lambda_last_modified(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}+0000",
            c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis
        )
    }

    /// `2023-01-23T00:00:00.000000+00:00`: how the AWS CLI prints a timestamp from a service
    /// that sends numbers (CloudWatch, CodeDeploy), in UTC.
    pub fn cli_iso(self) -> String {
        let c = self.civil();
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}000+00:00",
            c.year, c.month, c.day, c.hour, c.minute, c.second, c.millis
        )
    }

    /// `2023/01/23`: the date prefix of a log stream name.
    pub fn log_stream_date(self) -> String {
        let c = self.civil();
        format!("{:04}/{:02}/{:02}", c.year, c.month, c.day)
    }

    /// Parses RFC 3339 with `Z` or a numeric offset, optional fraction; or a bare `YYYY-MM-DD`.
    pub fn parse_rfc3339(s: &str) -> Result<Timestamp, String> {
        let bad = || format!("Invalid timestamp '{s}': expected RFC 3339, e.g. 2023-01-23T00:00:00Z");
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
            let part = s.get(r).ok_or_else(bad)?;
            if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            part.parse().map_err(|_| bad())
        };
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let (year, month, day) = (num(0..4)? as i64, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        let mut c = Civil { year, month, day, hour: 0, minute: 0, second: 0, millis: 0 };
        if b.len() == 10 {
            return Ok(Timestamp::from_civil(c));
        }
        if b.len() < 20 || !(b[10] == b'T' || b[10] == b't' || b[10] == b' ') || b[13] != b':' || b[16] != b':' {
            return Err(bad());
        }
        c.hour = num(11..13)?;
        c.minute = num(14..16)?;
        c.second = num(17..19)?;
        if c.hour > 23 || c.minute > 59 || c.second > 59 {
            return Err(bad());
        }
        let mut i = 19;
        if b[i] == b'.' {
            let start = i + 1;
            i = start;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(bad());
            }
            let frac = &s[start..i.min(start + 3)];
            c.millis = format!("{frac:0<3}").parse().map_err(|_| bad())?;
        }
        let offset_min: i64 = match &s[i..] {
            "Z" | "z" => 0,
            rest if rest.len() == 6
                && (rest.starts_with('+') || rest.starts_with('-'))
                && rest.as_bytes()[3] == b':' =>
            {
                let h = num(i + 1..i + 3)? as i64;
                let m = num(i + 4..i + 6)? as i64;
                let sign = if rest.starts_with('-') { -1 } else { 1 };
                sign * (h * 60 + m)
            }
            _ => return Err(bad()),
        };
        Ok(Timestamp::from_civil(c).plus(-offset_min * MINUTE))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

/// Parses `90s`, `15m`, `2h`, `3d` (and `500ms`) into milliseconds.
pub fn parse_duration(s: &str) -> Result<i64, DurationError> {
    let bad = || DurationError::Malformed(s.to_string());
    let split = s.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (n, unit) = s.split_at(split);
    let unit_ms = match unit {
        "ms" => 1,
        "s" => SECOND,
        "m" => MINUTE,
        "h" => HOUR,
        "d" => DAY,
        "w" => 7 * DAY,
        _ => return Err(bad()),
    };
    if n.is_empty() {
        return Err(bad());
    }
    // Well-formed digits that do not fit are a duration too long for any clock, not a typo.
    let too_long = || DurationError::OutOfRange(s.to_string());
    let n: i64 = n.parse().map_err(|_| too_long())?;
    n.checked_mul(unit_ms).ok_or_else(too_long)
}

/// A duration as `parse_duration` reads it, in its largest whole unit (`3650d`, `90s`).
pub fn format_duration(ms: i64) -> String {
    for (unit, name) in [(DAY, "d"), (HOUR, "h"), (MINUTE, "m"), (SECOND, "s")] {
        if ms != 0 && ms % unit == 0 {
            return format!("{}{name}", ms / unit);
        }
    }
    format!("{ms}ms")
}

/// Why a duration was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DurationError {
    Malformed(String),
    /// Well-formed, but longer than an `i64` of milliseconds.
    OutOfRange(String),
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DurationError::Malformed(s) => {
                write!(f, "Invalid duration '{s}': expected a number and a unit, e.g. 90s, 15m, 2h, 3d")
            }
            DurationError::OutOfRange(s) => write!(f, "Duration '{s}' is out of range"),
        }
    }
}

impl From<DurationError> for String {
    fn from(e: DurationError) -> String {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_clock_is_launch_week() {
        assert_eq!(DEFAULT_CLOCK.rfc3339(), "2023-01-23T00:00:00Z");
        assert_eq!(Timestamp::parse_rfc3339("2023-01-23T00:00:00Z"), Ok(DEFAULT_CLOCK));
    }

    #[test]
    fn round_trips_and_formats() {
        let t = Timestamp::parse_rfc3339("2024-02-29T13:04:05.25+01:00").unwrap();
        assert_eq!(t.rfc3339(), "2024-02-29T12:04:05.250Z");
        assert_eq!(t.lambda_last_modified(), "2024-02-29T12:04:05.250+0000");
        assert_eq!(t.log_stream_date(), "2024/02/29");
        assert_eq!(Timestamp::parse_rfc3339("1999-12-31").unwrap().rfc3339(), "1999-12-31T00:00:00Z");
    }

    #[test]
    fn rejects_malformed_times() {
        for bad in [
            "",
            "2023",
            "2023-02-29",
            "2023-13-01T00:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01T00:00:00",
            "2023-01-01T00:00:00.Z",
            "２０２３-01-01",
        ] {
            assert!(Timestamp::parse_rfc3339(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn simulated_time_has_ends() {
        assert_eq!(EARLIEST.rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(END_OF_TIME.rfc3339(), "2200-01-01T00:00:00Z");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(90 * SECOND));
        assert_eq!(parse_duration("15m"), Ok(15 * MINUTE));
        assert_eq!(parse_duration("3d"), Ok(3 * DAY));
        for bad in ["", "s", "10", "1y", "-1s"] {
            assert_eq!(parse_duration(bad), Err(DurationError::Malformed(bad.into())), "{bad}");
        }
        assert_eq!((format_duration(3650 * DAY), format_duration(90 * SECOND)), ("3650d".into(), "90s".into()));
        for huge in ["99999999999999999999d", "9223372036854775807w"] {
            assert_eq!(parse_duration(huge), Err(DurationError::OutOfRange(huge.into())), "{huge}");
        }
    }
}
