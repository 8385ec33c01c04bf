//! The visible time window and its scale.

use crate::model::time::{DAY, HOUR, MINUTE};
use crate::model::Timestamp;

/// An SVG coordinate or length: two decimals at most (a hundredth of a pixel), where a computed
/// value's shortest form runs to 17 digits; through model::decimal, not the standard library's
/// float printing, which the bundle does without.
pub fn px(x: f64) -> String {
    crate::model::decimal::trimmed(x, 2)
}

/// Width of the lane labels on the left.
pub const LABEL: f64 = 170.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub from: i64,
    pub to: i64,
}

/// Maps time to x in a drawing `width` pixels wide (the SVG is drawn at its real size, so text
/// is never stretched).
#[derive(Clone, Copy)]
pub struct Scale {
    pub w: Window,
    pub width: f64,
}

impl Scale {
    pub fn x(&self, t: i64) -> f64 {
        LABEL + (t - self.w.from) as f64 / (self.w.to - self.w.from).max(1) as f64 * (self.width - LABEL)
    }
}

impl Window {
    pub fn zoom(self, factor: f64) -> Window {
        let mid = (self.from + self.to) / 2;
        let half = (((self.to - self.from) as f64 * factor) as i64 / 2).clamp(10 * MINUTE, 3650 * DAY);
        Window { from: mid - half, to: mid + half }
    }

    pub fn pan(self, fraction: f64) -> Window {
        let d = ((self.to - self.from) as f64 * fraction) as i64;
        Window { from: self.from + d, to: self.to + d }
    }
}

/// Fit: from the start of the session to a little past now, in steps (an hour, then 1, 2, 4, 7,
/// 14 days, ...) so that the window, and every lane drawn in it, stays the same while the clock
/// plays on; a session of minutes (a canary) still gets a readable hour. Each step redraws
/// every lane, so there are few of them.
pub fn fit(start: Timestamp, now: Timestamp) -> Window {
    let needed = (now.0 - start.0).max(0) * 13 / 12;
    let mut span = DAY;
    let days = [1, 2, 4, 7, 14, 30, 60, 91, 182, 365].map(|d| d * DAY);
    for s in std::iter::once(HOUR).chain(days) {
        span = s;
        if span >= needed {
            break;
        }
    }
    while span < needed {
        span *= 2;
    }
    Window { from: start.0, to: start.0 + span }
}

/// A tick step for a window `span` long drawn `plot` pixels wide: at most ten ticks, and no
/// closer than 56 pixels, so that labels never overlap on a phone.
pub fn tick_step(span: i64, plot: f64) -> i64 {
    let most = ((plot / 56.0) as i64).clamp(2, 10);
    [5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY]
        .into_iter()
        .find(|s| span / s <= most)
        .unwrap_or_else(|| {
            // Past ten weeks: whole multiples of two weeks.
            let fortnights = (span / (14 * DAY) / most).max(1);
            fortnights * 14 * DAY
        })
}

pub fn tick_label(t: Timestamp, step: i64) -> String {
    let c = t.civil();
    if step >= DAY || (c.hour == 0 && c.minute == 0) {
        format!("{:02}-{:02}", c.month, c.day)
    } else {
        format!("{:02}:{:02}", c.hour, c.minute)
    }
}

/// A lane's name as it fits its label column (11 px monospace, 20 characters from x = 10 to
/// the plot): a long function name is cut in the middle of the name, never in the qualifier or
/// alias after `sep`, which tells the lanes of one function apart. The lane's accessible name
/// and tooltip keep the whole name.
pub fn fit_lane_label(label: &str, sep: char) -> String {
    const FITS: usize = 20;
    let count = label.chars().count();
    if count <= FITS {
        return label.to_string();
    }
    let (name, tail) = label.rsplit_once(sep).map_or((label, String::new()), |(n, t)| (n, format!("{sep}{t}")));
    let room = FITS.saturating_sub(tail.chars().count() + 1).max(4);
    let head: String = name.chars().take(room).collect();
    format!("{head}…{tail}")
}

/// [choice] The width of a marker label: bold 10 px text, about 6.5 px a character.
pub fn label_width(text: &str) -> f64 {
    text.chars().count() as f64 * 6.5 + 4.0
}

/// Rows for labels along the axis so that none overlaps another: each label (its x and width,
/// in any order) takes the first row whose labels all end before it starts.
pub fn label_rows(labels: &[(f64, f64)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    crate::model::order::sort_by(&mut order, |&a, &b| labels[a].0.total_cmp(&labels[b].0));
    let mut ends: Vec<f64> = Vec::new();
    let mut rows = vec![0; labels.len()];
    for i in order {
        let (x, width) = labels[i];
        let row = ends.iter().position(|&end| end <= x).unwrap_or(ends.len());
        if row == ends.len() {
            ends.push(0.0);
        }
        ends[row] = x + width;
        rows[i] = row;
    }
    rows
}
