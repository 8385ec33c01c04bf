//! Decimal numbers as people type them (`0.1`, `.5`, `+2`, `1e-3`), read and printed without the
//! standard library's `f64` parser and printer: their correctly rounded algorithms bring tables
//! (10 KB of powers of five; Grisu's and Dragon's) and 28 KB of code into the bundle, for weights,
//! thresholds, rates and coordinates of a few digits. These are exact too, and small; slower, which
//! numbers of a few digits do not notice.
//!
//! The result is correctly rounded, as the standard library's: a quick exact path for up to 15
//! digits and exponents within ±22, and otherwise a small big-integer division (slow, and rare:
//! what `sim export` and share links print with 17 digits). `inf` and `nan` are not numbers here.

/// The value of `text`, or None when it is not a decimal number or does not fit an `f64`.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, mut i) = match bytes.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    // The significant digits (no leading zeros) and the power of ten that scales them.
    let (mut digits, mut exponent, mut seen_digit, mut seen_point) = (Vec::new(), 0i64, false, false);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'0'..=b'9' => {
                seen_digit = true;
                if !digits.is_empty() || b != b'0' {
                    digits.push(b - b'0');
                }
                if seen_point {
                    exponent -= 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(b'e' | b'E') = bytes.get(i) {
        let (sign, start) = match bytes.get(i + 1) {
            Some(b'-') => (-1, i + 2),
            Some(b'+') => (1, i + 2),
            _ => (1, i + 1),
        };
        let run = bytes.get(start..).unwrap_or_default().iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            return None;
        }
        let e = bytes[start..start + run].iter().fold(0i64, |e, &b| (e * 10 + i64::from(b - b'0')).min(1 << 20));
        exponent += sign * e;
        i = start + run;
    }
    if i != bytes.len() {
        return None;
    }
    // 800 digits decide any rounding (768 do): the rest only says "a little more", kept as one
    // digit, so a megabyte of digits costs no more than a short number.
    if digits.len() > 800 {
        let more = digits[800..].iter().any(|&d| d > 0);
        exponent += digits.len() as i64 - 800;
        digits.truncate(800);
        if more {
            digits.push(1);
            exponent -= 1;
        }
    }
    // Trailing zeros only scale.
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    let value = value(&digits, exponent)?;
    Some(if negative { -value } else { value })
}

/// The powers of ten an `f64` holds exactly.
const EXACT: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// `digits × 10^exponent`, correctly rounded; None past the largest `f64`.
fn value(digits: &[u8], exponent: i64) -> Option<f64> {
    if digits.is_empty() {
        return Some(0.0);
    }
    let magnitude = digits.len() as i64 + exponent; // the value is below 10^magnitude
    if magnitude > 310 {
        return None;
    }
    if magnitude < -330 {
        return Some(0.0);
    }
    // Up to 15 digits are exact in an f64, and so is 10^k up to 22: one rounding, the right one.
    if digits.len() <= 15 && exponent.abs() <= 22 {
        let m = digits.iter().fold(0u64, |m, &d| m * 10 + u64::from(d)) as f64;
        let p = EXACT[exponent.unsigned_abs() as usize];
        return Some(if exponent >= 0 { m * p } else { m / p });
    }
    // Otherwise divide exactly: the quotient's top 67 bits and whether anything remains, which
    // the conversion to f64 then rounds once.
    let mut numerator = Big::from_digits(digits);
    let mut denominator = Big::from_digits(&[1]);
    for _ in 0..exponent.abs() {
        if exponent > 0 { &mut numerator } else { &mut denominator }.times_ten();
    }
    let shift = numerator.bits() as i64 - denominator.bits() as i64;
    if shift > 0 {
        denominator.shift_left(shift as usize);
    } else {
        numerator.shift_left((-shift) as usize);
    }
    // Now numerator / denominator is within [1/2, 2).
    let mut quotient = 0u128;
    for _ in 0..67 {
        quotient <<= 1;
        if !numerator.less_than(&denominator) {
            numerator.subtract(&denominator);
            quotient |= 1;
        }
        numerator.shift_left(1);
    }
    let rest = !numerator.is_zero();
    // value = quotient × 2^scale (plus `rest`); its top bit is at `scale + 66` or `scale + 67`.
    let scale = shift - 66;
    let top = scale + 127 - i64::from(quotient.leading_zeros());
    let value = if top >= -1022 {
        // A normal number: the conversion rounds at bit 53 once, `rest` as its sticky bit.
        times_two_to((quotient | u128::from(rest)) as f64, scale)
    } else {
        // A subnormal one rounds at 2^-1074 instead: round there (half to even), then scale exactly.
        let drop = (-1074 - scale).min(100) as u32;
        let (kept, below, half) = (quotient >> drop, quotient & ((1 << drop) - 1), 1u128 << (drop - 1));
        let up = below > half || below == half && (rest || kept & 1 == 1);
        times_two_to((kept + u128::from(up)) as f64, scale + i64::from(drop))
    };
    value.is_finite().then_some(value)
}

/// `x × 2^e`, exact while the result stays normal (in steps, so no factor leaves the range).
fn times_two_to(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= f64::from_bits(2023 << 52); // 2^1000
        e -= 1000;
    }
    while e < -1000 {
        x *= f64::from_bits(23 << 52); // 2^-1000
        e += 1000;
    }
    x * f64::from_bits(((1023 + e) as u64) << 52)
}

/// `format!("{x:.places$}")`: `places` digits after the point, rounded half to even on the exact
/// value, as the standard library prints it.
pub fn fixed(x: f64, places: usize) -> String {
    // Quick: below 10^9 once scaled, the product's error (under 10^-6) cannot move a rounding
    // that is not within 10^-6 of a tie. Coordinates and percentages all take this path.
    let scaled = x.abs() * EXACT.get(places).copied().unwrap_or(f64::INFINITY);
    if scaled < 1e9 {
        let whole = scaled.floor();
        let fraction = scaled - whole;
        if (fraction - 0.5).abs() > 1e-6 {
            let n = whole as u64 + u64::from(fraction > 0.5);
            return signed(x, written(&integer_digits(n), 0, places));
        }
    }
    let Some((digits, point)) = exact(x) else { return special(x) };
    signed(x, written(&round(&digits, point + places, Rounding::HalfEven), 0, places))
}

/// [`fixed`] without the fraction's trailing zeros: `12.5`, `100`, `33.33`; for coordinates,
/// where the shortest form of a computed value would run to 17 digits.
pub fn trimmed(x: f64, places: usize) -> String {
    let text = without_trailing_zeros(fixed(x, places));
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// `x.to_string()`: the fewest significant digits that read back as `x` (the nearest such
/// decimal, a tie rounding up), written out in full without an exponent, as the standard library
/// prints it.
pub fn shortest(x: f64) -> String {
    // Quick: a decimal of at most six places and fifteen digits that reads back as `x` is the
    // shortest (two such decimals never read back as one f64), found without big numbers.
    for (places, power) in EXACT.iter().enumerate().take(7) {
        let scaled = x.abs() * power;
        if scaled < 1e15 && scaled == scaled.trunc() {
            let text = without_trailing_zeros(written(&integer_digits(scaled as u64), 0, places));
            if parse(&text) == Some(x.abs()) {
                return signed(x, text);
            }
        }
    }
    let Some((digits, point)) = exact(x) else { return special(x) };
    let first = digits.iter().position(|&d| d > 0).unwrap_or(digits.len());
    let mut text = String::from("0");
    for significant in 1..=17 {
        // The first `keep` digits, rounded, times 10^(point - keep).
        let keep = first + significant;
        // The nearest decimal of this length (a tie rounds up, as the standard library's
        // shortest digits do), else the next one up: at a power of two the values that read back
        // reach twice as far above `x` as below it.
        let read_back = [Rounding::HalfUp, Rounding::Up].into_iter().find_map(|rule| {
            let rounded = round(&digits, keep, rule);
            let candidate =
                without_trailing_zeros(written(&rounded, point.saturating_sub(keep), keep.saturating_sub(point)));
            let found = parse(&candidate) == Some(x.abs());
            text = candidate;
            found.then_some(())
        });
        if read_back.is_some() {
            break;
        }
    }
    signed(x, text)
}

/// `12.50` → `12.5`, `3.00` → `3`; a number without a point stays as it is.
fn without_trailing_zeros(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

fn integer_digits(mut n: u64) -> Vec<u8> {
    let mut digits = vec![(n % 10) as u8];
    while n >= 10 {
        n /= 10;
        digits.push((n % 10) as u8);
    }
    digits.reverse();
    digits
}

fn signed(x: f64, text: String) -> String {
    if x.is_sign_negative() {
        format!("-{text}")
    } else {
        text
    }
}

fn special(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else {
        signed(x, "inf".into())
    }
}

/// The exact decimal digits of `|x|` and how many of them come before its point (at least one);
/// None when `x` is not finite.
fn exact(x: f64) -> Option<(Vec<u8>, usize)> {
    if !x.is_finite() {
        return None;
    }
    let bits = x.to_bits();
    let (raw_exponent, fraction) = (((bits >> 52) & 0x7ff) as i64, bits & ((1 << 52) - 1));
    let (mantissa, exponent) =
        if raw_exponent == 0 { (fraction, -1074) } else { (fraction | 1 << 52, raw_exponent - 1075) };
    let mut n = Big(vec![mantissa as u32, (mantissa >> 32) as u32]);
    if exponent >= 0 {
        n.shift_left(exponent as usize);
        let digits = n.digits();
        let point = digits.len();
        return Some((digits, point));
    }
    // m / 2^k = m × 5^k / 10^k: the digits of m × 5^k, with k of them after the point.
    let k = (-exponent) as usize;
    for _ in 0..k {
        n.times(5);
    }
    let mut digits = n.digits();
    if digits.len() <= k {
        digits.splice(0..0, std::iter::repeat_n(0, k + 1 - digits.len()));
    }
    let point = digits.len() - k;
    Some((digits, point))
}

#[derive(Clone, Copy, PartialEq)]
enum Rounding {
    HalfEven,
    HalfUp,
    /// Up whenever anything is cut off.
    Up,
}

/// The first `keep` of `digits`, rounded by `rule` on the rest; a carry adds a digit in front.
fn round(digits: &[u8], keep: usize, rule: Rounding) -> Vec<u8> {
    if keep >= digits.len() {
        let mut out = digits.to_vec();
        out.resize(keep, 0);
        return out;
    }
    let mut out = digits[..keep].to_vec();
    let (next, rest) = (digits[keep], &digits[keep + 1..]);
    let exactly_half = next == 5 && rest.iter().all(|&d| d == 0);
    let up = match rule {
        Rounding::Up => next > 0 || rest.iter().any(|&d| d > 0),
        Rounding::HalfUp => next >= 5,
        Rounding::HalfEven => {
            next > 5 || next == 5 && !exactly_half || exactly_half && out.last().is_some_and(|d| d % 2 == 1)
        }
    };
    if up {
        match out.iter().rposition(|&d| d < 9) {
            Some(i) => {
                out[i] += 1;
                out[i + 1..].fill(0);
            }
            None => {
                out.fill(0);
                out.insert(0, 1);
            }
        }
    }
    out
}

/// `digits`, then `zeros` zeros, with the point `places` digits from the right.
fn written(digits: &[u8], zeros: usize, places: usize) -> String {
    let mut all = digits.to_vec();
    all.resize(all.len() + zeros, 0);
    if all.len() <= places {
        all.splice(0..0, std::iter::repeat_n(0, places + 1 - all.len()));
    }
    let split = all.len() - places;
    let first = all[..split - 1].iter().position(|&d| d > 0).unwrap_or(split - 1);
    let mut text: String = all[first..split].iter().map(|&d| char::from(b'0' + d)).collect();
    if places > 0 {
        text.push('.');
        text.extend(all[split..].iter().map(|&d| char::from(b'0' + d)));
    }
    text
}

/// A natural number in base 2^32, least significant limb first: just what `value` needs.
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut n = Big(vec![0]);
        for &d in digits {
            n.times_ten();
            n.add_small(u32::from(d));
        }
        n
    }

    fn times_ten(&mut self) {
        self.times(10);
    }

    fn times(&mut self, factor: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let x = u64::from(*limb) * u64::from(factor) + carry;
            *limb = x as u32;
            carry = x >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// The decimal digits, most significant first ("0" for zero): nine at a time.
    fn digits(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while !self.is_zero() {
            let mut rest = 0u64;
            for limb in self.0.iter_mut().rev() {
                let x = (rest << 32) | u64::from(*limb);
                *limb = (x / 1_000_000_000) as u32;
                rest = x % 1_000_000_000;
            }
            while self.0.last() == Some(&0) {
                self.0.pop();
            }
            for _ in 0..9 {
                out.push((rest % 10) as u8);
                rest /= 10;
            }
        }
        while out.len() > 1 && out.last() == Some(&0) {
            out.pop();
        }
        if out.is_empty() {
            out.push(0);
        }
        out.reverse();
        out
    }

    fn add_small(&mut self, mut carry: u32) {
        for limb in &mut self.0 {
            let (x, over) = limb.overflowing_add(carry);
            *limb = x;
            if !over {
                return;
            }
            carry = 1;
        }
        self.0.push(carry);
    }

    fn bits(&self) -> usize {
        let top = self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        if top == 0 {
            0
        } else {
            top * 32 - self.0[top - 1].leading_zeros() as usize
        }
    }

    fn shift_left(&mut self, by: usize) {
        let (limbs, bits) = (by / 32, by % 32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.0 {
                let x = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = x;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn less_than(&self, other: &Big) -> bool {
        let n = self.0.len().max(other.0.len());
        for i in (0..n).rev() {
            let (a, b) = (self.0.get(i).copied().unwrap_or(0), other.0.get(i).copied().unwrap_or(0));
            if a != b {
                return a < b;
            }
        }
        false
    }

    /// `self - other`, for `other <= self`.
    fn subtract(&mut self, other: &Big) {
        let mut borrow = false;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let (x, b1) = limb.overflowing_sub(other.0.get(i).copied().unwrap_or(0));
            let (x, b2) = x.overflowing_sub(u32::from(borrow));
            *limb = x;
            borrow = b1 || b2;
        }
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::{fixed, parse, shortest, trimmed};

    #[test]
    fn reads_what_rust_reads_for_the_numbers_people_type() {
        for text in [
            "0",
            "0.1",
            "0.25",
            ".5",
            "5.",
            "+2",
            "-3.75",
            "1e3",
            "1E-3",
            "2.5e+2",
            "007",
            "0.000",
            "100",
            "99.99",
            "0.0001",
            "9007199254740993",
            "9007199254740995",
            "5e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1e-400",
            "2.2250738585072011e-308",
            "1.7976931348623157e308",
            "0.1e1",
            "100000000000000000000000e-23",
            "123456789012345",
            "3.141592653589793",
            "1e22",
            "1e-22",
            "0.30000000000000004",
        ] {
            assert_eq!(parse(text), text.parse::<f64>().ok(), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_decimal_number() {
        for text in ["", "-", ".", "e3", "1e", "1e+", "1.2.3", " 1", "1 ", "0x10", "inf", "NaN", "1,5", "--1", "1e400"]
        {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn long_numbers_cost_little_and_round_as_the_standard_library_does() {
        let long = format!("0.{}", "3".repeat(1_000_000));
        let started = std::time::Instant::now();
        assert_eq!(parse(&long), long.parse::<f64>().ok());
        assert!(started.elapsed().as_secs_f64() < 1.0);
        let halfway = format!("9007199254740993.{}1", "0".repeat(900));
        assert_eq!(parse(&halfway), halfway.parse::<f64>().ok());
    }

    #[test]
    fn prints_as_the_standard_library_prints() {
        let mut rng = crate::rng::Rng::new(5);
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            0.125,
            0.375,
            1.005,
            2.5,
            3.5,
            -2.5,
            0.05,
            9.95,
            99.95,
            1e21,
            1e-7,
            123.456,
            1e300,
            5e-324,
            0.3,
            100.0,
            0.000123,
            -7.25,
            1234567.0,
            4.35,
            0.045,
            1e9,
            1e10,
            999999999.5,
        ];
        for _ in 0..2_000 {
            values.push(f64::from_bits(rng.next_u64()));
            values.push((rng.next_u64() % 1_000_000) as f64 / 1000.0);
            values.push((rng.next_u64() % 10_000) as f64 * 0.01);
        }
        for x in values {
            assert_eq!(shortest(x), x.to_string(), "{x:e}");
            for places in 0..4 {
                assert_eq!(fixed(x, places), format!("{x:.places$}"), "{x:e} to {places}");
            }
        }
        // Powers of two, where the shortest decimal may lie above the nearest.
        for e in -1074..=1023 {
            let x = 2f64.powi(e);
            assert_eq!(shortest(x), x.to_string(), "2^{e}");
        }
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!((shortest(x), fixed(x, 1)), (x.to_string(), format!("{x:.1}")));
        }
        assert_eq!(
            [trimmed(12.5, 2), trimmed(100.0, 2), trimmed(100.0 / 3.0, 2), trimmed(-0.001, 2)],
            ["12.5", "100", "33.33", "0"]
        );
    }

    /// Every f64 printed the shortest way (`{}` and `{:e}`) reads back as itself.
    #[test]
    fn reads_back_every_printed_f64() {
        let mut rng = crate::rng::Rng::new(11);
        for _ in 0..20_000 {
            let x = f64::from_bits(rng.next_u64());
            if !x.is_finite() {
                continue;
            }
            assert_eq!(parse(&format!("{x:e}")), Some(x), "{x:e}");
            if x.abs() > 1e-30 && x.abs() < 1e30 || x.abs() < 1e-300 {
                assert_eq!(parse(&format!("{x}")), Some(x), "{x}");
            }
            let y = (rng.next_u64() % 100_000_000) as f64 / 7.0;
            assert_eq!(parse(&format!("{y}")), Some(y), "{y}");
        }
    }

    #[test]
    fn stays_close_beyond_the_exact_range() {
        for text in [
            "12345678901234567890123",
            "0.12345678901234567890123",
            "12345678901234567890.5",
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "6.02214076e23",
        ] {
            let (ours, exact) = (parse(text).unwrap(), text.parse::<f64>().unwrap());
            assert!(((ours - exact) / exact).abs() < 1e-14, "{text}: {ours} vs {exact}");
        }
    }
}
