//! A script's text as logical lines: comments, blank lines, and commands joined across trailing
//! backslashes, each with the number of the physical line it starts on.

/// One logical line of a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Blank {
        line: usize,
    },
    /// A line whose first non-blank character is `#`; `text` is the whole line, trimmed.
    Comment {
        line: usize,
        text: String,
    },
    /// A command (possibly starting with `!`), continuation lines joined with one space.
    Command {
        line: usize,
        text: String,
    },
}

/// An odd number of trailing backslashes continues the line (an even number is escaped ones).
fn continues(line: &str) -> bool {
    line.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

/// Splits a script into logical lines (numbers count from 1).
pub fn items(text: &str) -> Vec<Item> {
    // Editors on Windows start UTF-8 files with a byte-order mark; it is not part of the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    while let Some((number, raw)) = lines.next() {
        // Authors leave trailing spaces after a `\`; the line still continues.
        let mut line = raw.trim_end().to_string();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            out.push(Item::Blank { line: number });
            continue;
        }
        if trimmed.starts_with('#') {
            out.push(Item::Comment { line: number, text: trimmed.to_string() });
            continue;
        }
        // A here-document: the lines up to its delimiter belong to the command.
        if let Some(delimiter) = crate::cli::heredoc::delimiter(trimmed) {
            let mut text = trimmed.to_string();
            for (_, next) in lines.by_ref() {
                text.push('\n');
                text.push_str(next.trim_end_matches('\r'));
                if next.trim_end_matches('\r') == delimiter {
                    break;
                }
            }
            out.push(Item::Command { line: number, text });
            continue;
        }
        // Joined in place: copying the line at each `\` made long continued commands quadratic.
        while continues(&line) {
            line.pop();
            line.truncate(line.trim_end().len());
            match lines.next() {
                Some((_, next)) => {
                    line.push(' ');
                    line.push_str(next.trim());
                }
                None => break,
            }
        }
        out.push(Item::Command { line: number, text: line.trim().to_string() });
    }
    out
}

/// Just the commands, with their line numbers.
pub fn commands(text: &str) -> Vec<(usize, String)> {
    items(text)
        .into_iter()
        .filter_map(|item| match item {
            Item::Command { line, text } => Some((line, text)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_comments_and_numbers() {
        let text =
            "# intro\n\naws lambda invoke \\\n    --function-name f \\  \n    out.json\n! aws lambda x\r\nsim a \\\\\n";
        assert_eq!(
            items(text),
            vec![
                Item::Comment { line: 1, text: "# intro".into() },
                Item::Blank { line: 2 },
                Item::Command { line: 3, text: "aws lambda invoke --function-name f out.json".into() },
                Item::Command { line: 6, text: "! aws lambda x".into() },
                Item::Command { line: 7, text: "sim a \\\\".into() },
            ]
        );
        assert_eq!(commands("a \\"), vec![(1, "a".to_string())]);
        assert_eq!(commands("\u{feff}help\n"), vec![(1, "help".to_string())], "a byte-order mark is not text");
    }
}
