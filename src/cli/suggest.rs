//! argparse's "Invalid choice" message as the AWS CLI prints it (awscli/argparser.py): the
//! choices two to a line, padded to 40 columns, then Python difflib's close matches.

/// Python's `repr()` of a string, as `%r` prints the rejected value.
pub fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The length of the longest common substring of `a[alo..ahi]` and `b[blo..bhi]`, with where
/// it starts in each: the first such block difflib's `find_longest_match` finds.
fn longest_match(
    a: &[char],
    b: &[char],
    (alo, ahi): (usize, usize),
    (blo, bhi): (usize, usize),
) -> (usize, usize, usize) {
    let (mut best_i, mut best_j, mut best) = (alo, blo, 0);
    let mut prev = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut row = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate().take(bhi).skip(blo) {
            if ca == cb {
                let k = prev[j] + 1;
                row[j + 1] = k;
                if k > best {
                    (best_i, best_j, best) = (i + 1 - k, j + 1 - k, k);
                }
            }
        }
        prev = row;
    }
    (best_i, best_j, best)
}

/// difflib's `SequenceMatcher(None, a, b).ratio()`: twice the matched characters over the total.
pub fn ratio(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let mut matched = 0;
    let mut queue = vec![((0, a.len()), (0, b.len()))];
    while let Some(((alo, ahi), (blo, bhi))) = queue.pop() {
        let (i, j, k) = longest_match(&a, &b, (alo, ahi), (blo, bhi));
        if k == 0 {
            continue;
        }
        matched += k;
        queue.push(((alo, i), (blo, j)));
        queue.push(((i + k, ahi), (j + k, bhi)));
    }
    2.0 * matched as f64 / total as f64
}

/// difflib's `get_close_matches(word, choices, n=3, cutoff=0.8)`, best first.
pub fn close_matches<'a>(word: &str, choices: &[&'a str]) -> Vec<&'a str> {
    // Long inputs cannot be close to a short choice; skip the quadratic work for them.
    if word.chars().count() > 200 {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &str)> =
        choices.iter().map(|c| (ratio(c, word), *c)).filter(|(score, _)| *score >= 0.8).collect();
    // nlargest on (score, choice): ties go to the greater string.
    crate::model::order::sort_by(&mut scored, |x, y| y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1)));
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// `argument <name>: Invalid choice, valid choices are: ...` (without the `argument` prefix).
pub fn invalid_choice(value: &str, choices: &[&str]) -> String {
    let mut lines = vec!["Invalid choice, valid choices are:\n".to_string()];
    for pair in choices.chunks(2) {
        let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        lines.push(cells.join(" | "));
    }
    let possible = close_matches(value, choices);
    if !possible.is_empty() {
        lines.push(format!("\n\nInvalid choice: {}, maybe you meant:\n", python_repr(value)));
        lines.extend(possible.iter().map(|p| format!("  * {p}")));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_difflib() {
        assert_eq!(ratio("abcd", "bcde"), 0.75);
        assert_eq!(ratio("", ""), 1.0);
        assert!((ratio("get-function", "get-functoin") - 22.0 / 24.0).abs() < 1e-9);
    }

    #[test]
    fn suggests_like_the_aws_cli() {
        let choices = ["get-function", "get-function-configuration", "invoke", "help"];
        assert_eq!(close_matches("get-functoin", &choices), ["get-function"]);
        assert!(close_matches("nothing-alike", &choices).is_empty());
        let msg = invalid_choice("get-functoin", &choices);
        assert!(msg.starts_with("Invalid choice, valid choices are:\n\nget-function "));
        assert!(msg.contains(&format!("{:<40} | {:<40}", "invoke", "help")));
        assert!(msg.ends_with("\n\n\nInvalid choice: 'get-functoin', maybe you meant:\n\n  * get-function"));
    }

    #[test]
    fn python_reprs() {
        assert_eq!(python_repr("a"), "'a'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("a'\"b\n"), "'a\\'\"b\\n'");
    }
}
