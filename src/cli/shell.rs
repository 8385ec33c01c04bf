//! Splits a command line into words the way a POSIX shell does, so lines copied from a terminal
//! (quotes, backslashes, comments) mean here what they mean there.
//!
//! There are no variables: `$LATEST` stays `$LATEST` even unquoted, because the playground has no
//! environment to expand it from and the qualifier is what the person meant. Operators (`|`, `;`,
//! `&`, `<`, `>`, backquote) are refused rather than ignored: the console runs one command a line.

use super::error::Failure;

fn unsupported(c: char) -> Failure {
    Failure::client(format!(
        "shell: '{c}' is not supported: the console runs one command per line (quote it to pass it as text)"
    ))
}

fn unterminated(quote: char) -> Failure {
    Failure::client(format!("shell: unexpected end of line while looking for matching {quote}"))
}

/// The words of one logical line. A `#` that begins a word starts a comment.
pub fn split(line: &str) -> Result<Vec<String>, Failure> {
    let mut words = Vec::new();
    let mut word = String::new();
    // A word exists once anything (even an empty quote pair) has been seen.
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            '#' if !in_word => break,
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(ch) => word.push(ch),
                        None => return Err(unterminated('\'')),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            // Inside double quotes a backslash escapes only these.
                            Some(e @ ('$' | '`' | '"' | '\\')) => word.push(e),
                            Some('\n') => {}
                            Some(other) => {
                                word.push('\\');
                                word.push(other);
                            }
                            None => return Err(unterminated('"')),
                        },
                        Some(ch) => word.push(ch),
                        None => return Err(unterminated('"')),
                    }
                }
            }
            '\\' => {
                match chars.next() {
                    Some('\n') => {}
                    Some(ch) => {
                        in_word = true;
                        word.push(ch);
                    }
                    None => return Err(Failure::client(
                        "shell: unexpected end of line after '\\' (in a scenario, a trailing \\ continues the line)",
                    )),
                }
            }
            '|' | ';' | '&' | '<' | '>' | '`' => return Err(unsupported(c)),
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        split(line).unwrap_or_else(|e| panic!("{line}: {}", e.printed))
    }

    #[test]
    fn splits_on_whitespace_and_keeps_quoted_spaces() {
        assert_eq!(words("  aws  lambda\tinvoke "), ["aws", "lambda", "invoke"]);
        assert_eq!(
            words(r#"--description "two words" 'and three here'"#),
            ["--description", "two words", "and three here"]
        );
        assert_eq!(words(r#"a''b "" ''"#), ["ab", "", ""]);
    }

    #[test]
    fn quotes_and_escapes_follow_posix_rules() {
        assert_eq!(words(r#"'{"Variables":{"A":"b"}}'"#), [r#"{"Variables":{"A":"b"}}"#]);
        assert_eq!(words(r#""say \"hi\" \n \\ \$""#), [r#"say "hi" \n \ $"#]);
        assert_eq!(words(r"it\'s a\ b"), ["it's", "a b"]);
        assert_eq!(words(r"'back\slash'"), [r"back\slash"]);
        assert_eq!(words("--qualifier $LATEST"), ["--qualifier", "$LATEST"]);
    }

    #[test]
    fn comments_start_only_at_a_word() {
        assert_eq!(words("aws lambda list-functions # all of them"), ["aws", "lambda", "list-functions"]);
        assert_eq!(words("a#b '#c'"), ["a#b", "#c"]);
        assert!(words("# only a comment").is_empty());
    }

    #[test]
    fn refuses_what_it_cannot_do() {
        for (line, needle) in [
            ("echo 'open", "matching '"),
            ("echo \"open", "matching \""),
            ("echo \"open\\", "matching \""),
            ("aws lambda list-functions | jq", "'|'"),
            ("a; b", "';'"),
            ("a > out", "'>'"),
            ("trailing \\", "trailing \\"),
        ] {
            let e = split(line).unwrap_err();
            assert!(e.printed.contains(needle), "{line}: {}", e.printed);
            assert_eq!(e.error.code, "UsageError");
        }
    }
}
