//! The AWS CLI's shorthand syntax for structure options, `Variables={KEY=value,KEY2=value}`,
//! parsed with the grammar and error messages of awscli/shorthand.py so a malformed value gets
//! the caret-under-the-problem message the real CLI prints.
//!
//! Linear in the input: errors are values that become text only when the parse fails as a whole
//! (the grammar backtracks after `a=b,c` to read `c` as the next key, and building the message at
//! every backtrack made long inputs quadratic), and nesting is bounded by [`MAX_DEPTH`].

use std::collections::HashMap;

/// A parsed shorthand value: what the Python parser builds from strings, lists and dicts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shorthand {
    Text(String),
    List(Vec<Shorthand>),
    /// Keys in first-seen order; a repeated key keeps its last value, as a Python dict update.
    Map(Vec<(String, Shorthand)>),
}

/// A map being parsed: pairs in first-seen order, with an index so that a repeated key is found
/// in constant time (a linear search made 62,500 pairs take seconds).
#[derive(Default)]
struct MapBuilder {
    pairs: Vec<(String, Shorthand)>,
    index: HashMap<String, usize>,
}

impl MapBuilder {
    fn insert(&mut self, key: String, value: Shorthand) {
        match self.index.get(&key) {
            Some(&i) => self.pairs[i].1 = value,
            None => {
                self.index.insert(key.clone(), self.pairs.len());
                self.pairs.push((key, value));
            }
        }
    }

    fn build(self) -> Shorthand {
        Shorthand::Map(self.pairs)
    }
}

// The character classes of the parser's `_FIRST_VALUE` and `_SECOND_VALUE` regular expressions.
fn value_start(c: char) -> bool {
    matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='Z' | '\\'..='z' | '|'..='\u{ffff}')
}

fn first_rest(c: char) -> bool {
    matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='\\' | '^'..='|' | '~'..='\u{ffff}')
}

fn second_rest(c: char) -> bool {
    matches!(c, '!' | '#'..='&' | '('..='+' | '-'..='<' | '>'..='\u{ffff}')
}

fn key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.#/:".contains(c)
}

/// How deeply `[...]` and `{...}` may nest, as serde_json's limit for JSON values (128).
/// [choice] The AWS CLI's recursive Python parser has no limit of its own: it fails at Python's
/// recursion limit (a few hundred levels) with a bare "maximum recursion depth exceeded". The
/// playground stops earlier, so that no input can exhaust the wasm stack (which would kill the
/// page), and names the parameter and the limit.
pub const MAX_DEPTH: usize = 128;

struct Parser {
    input: Vec<char>,
    index: usize,
    /// How many `[` and `{` enclose the current position.
    depth: usize,
}

/// Why a parse failed, kept cheap until it is printed.
enum Error {
    /// `Expected: '<expected>', received: '<actual>'` at a character index.
    Expected {
        expected: Expected,
        actual: Received,
        index: usize,
    },
    TooDeep,
}

enum Expected {
    Char(char),
    /// What the CLI's messages call a value: `<second>`, `<double quoted>`, ...
    Named(&'static str),
}

enum Received {
    Eof,
    None,
    Char(char),
}

type Parse<T> = Result<T, Error>;

impl Error {
    fn message(self, input: &[char]) -> String {
        let Error::Expected { expected, actual, index } = self else {
            return format!(
                "maximum recursion depth exceeded: lists and structures nest more than {MAX_DEPTH} levels deep"
            );
        };
        let expected = match expected {
            Expected::Char(c) => c.to_string(),
            Expected::Named(name) => name.to_string(),
        };
        let actual = match actual {
            Received::Eof => "EOF".to_string(),
            Received::None => "<none>".to_string(),
            Received::Char(c) => c.to_string(),
        };
        let text: String = input.iter().collect();
        // The caret counts characters from the last newline before the error, as the CLI's does.
        let before = &input[..index.min(input.len())];
        let spaces = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => index - nl - 1,
            None => index,
        };
        format!("Expected: '{expected}', received: '{actual}' for input:\n{text}\n{}^", " ".repeat(spaces))
    }
}

impl Parser {
    fn error(&self, expected: Expected, actual: Received) -> Error {
        Error::Expected { expected, actual, index: self.index }
    }

    fn current(&self) -> Option<char> {
        self.input.get(self.index).copied()
    }

    fn at_eof(&self) -> bool {
        self.index >= self.input.len()
    }

    fn whitespace(&mut self) {
        while self.current().is_some_and(char::is_whitespace) {
            self.index += 1;
        }
    }

    fn expect(&mut self, c: char, whitespace: bool) -> Parse<()> {
        if whitespace {
            self.whitespace();
        }
        let expected = Expected::Char(c);
        match self.current() {
            None => return Err(self.error(expected, Received::Eof)),
            Some(actual) if actual != c => return Err(self.error(expected, Received::Char(actual))),
            Some(_) => self.index += 1,
        }
        if whitespace {
            self.whitespace();
        }
        Ok(())
    }

    fn parameter(&mut self) -> Parse<Shorthand> {
        let mut params = MapBuilder::default();
        let (k, v) = self.keyval()?;
        params.insert(k, v);
        while !self.at_eof() {
            self.expect(',', true)?;
            let (k, v) = self.keyval()?;
            params.insert(k, v);
        }
        Ok(params.build())
    }

    fn keyval(&mut self) -> Parse<(String, Shorthand)> {
        let key = self.key();
        self.expect('=', true)?;
        Ok((key, self.values()?))
    }

    fn key(&mut self) -> String {
        let start = self.index;
        while self.current().is_some_and(key_char) {
            self.index += 1;
        }
        self.input[start..self.index].iter().collect()
    }

    fn values(&mut self) -> Parse<Shorthand> {
        match self.current() {
            None => Ok(Shorthand::Text(String::new())),
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            Some(_) => self.csv_value(),
        }
    }

    fn csv_value(&mut self) -> Parse<Shorthand> {
        let first = self.first_value()?;
        self.whitespace();
        if self.current() != Some(',') {
            return Ok(Shorthand::Text(first));
        }
        self.expect(',', true)?;
        let mut items = vec![Shorthand::Text(first.clone())];
        loop {
            let attempt = self.second_value().and_then(|v| {
                self.whitespace();
                if self.at_eof() {
                    return Ok((v, true));
                }
                self.expect(',', true).map(|_| (v, false))
            });
            match attempt {
                Ok((v, done)) => {
                    items.push(Shorthand::Text(v));
                    if done {
                        break;
                    }
                }
                // `a=b,c=d`: the `c` was the next key, not a list item: back up to its comma.
                Err(e) => {
                    if self.at_eof() {
                        return Err(e);
                    }
                    while self.index > 0 && self.current() != Some(',') {
                        self.index -= 1;
                    }
                    break;
                }
            }
        }
        if items.len() == 1 {
            return Ok(Shorthand::Text(first));
        }
        Ok(Shorthand::List(items))
    }

    /// Enters one more level of `[` or `{`; refused past [`MAX_DEPTH`].
    fn nest(&mut self) -> Parse<()> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::TooDeep);
        }
        self.depth += 1;
        Ok(())
    }

    fn explicit_list(&mut self) -> Parse<Shorthand> {
        self.nest()?;
        self.expect('[', true)?;
        let mut items = Vec::new();
        while self.current() != Some(']') {
            items.push(self.explicit_value()?);
            self.whitespace();
            if self.current() != Some(']') {
                self.expect(',', false)?;
                self.whitespace();
            }
        }
        self.expect(']', false)?;
        self.depth -= 1;
        Ok(Shorthand::List(items))
    }

    fn hash_literal(&mut self) -> Parse<Shorthand> {
        self.nest()?;
        self.expect('{', true)?;
        let mut map = MapBuilder::default();
        while self.current() != Some('}') {
            let key = self.key();
            self.expect('=', true)?;
            let v = self.explicit_value()?;
            self.whitespace();
            if self.current() != Some('}') {
                self.expect(',', false)?;
                self.whitespace();
            }
            map.insert(key, v);
        }
        self.expect('}', false)?;
        self.depth -= 1;
        Ok(map.build())
    }

    fn explicit_value(&mut self) -> Parse<Shorthand> {
        match self.current() {
            Some('[') => self.explicit_list(),
            Some('{') => self.hash_literal(),
            _ => self.first_value().map(Shorthand::Text),
        }
    }

    fn first_value(&mut self) -> Parse<String> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => Ok(self.unquoted(first_rest).unwrap_or_default()),
        }
    }

    fn second_value(&mut self) -> Parse<String> {
        match self.current() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => self.unquoted(second_rest).ok_or_else(|| self.error(Expected::Named("<second>"), Received::None)),
        }
    }

    /// A value start character, then more (or `\,`, an escaped comma). None if nothing matched.
    fn unquoted(&mut self, rest: fn(char) -> bool) -> Option<String> {
        let mut out = String::new();
        let mut i = self.index;
        let escaped_comma = |i: usize| self.input.get(i) == Some(&'\\') && self.input.get(i + 1) == Some(&',');
        loop {
            let first = i == self.index;
            if escaped_comma(i) {
                out.push(',');
                i += 2;
            } else if self.input.get(i).is_some_and(|&c| if first { value_start(c) } else { rest(c) }) {
                out.push(self.input[i]);
                i += 1;
            } else {
                break;
            }
        }
        if i == self.index {
            return None;
        }
        self.index = i;
        Some(out)
    }

    /// `'...'` or `"..."`: `\\` and an escaped quote are escapes; the match is the longest one.
    fn quoted(&mut self, quote: char) -> Parse<String> {
        let start = self.index;
        let mut i = start + 1;
        let mut close = None;
        while i < self.input.len() {
            let c = self.input[i];
            let next = self.input.get(i + 1).copied();
            if c == '\\' && (next == Some('\\') || next == Some(quote)) {
                i += 2;
            } else if c == quote {
                close = Some(i);
                break;
            } else {
                i += 1;
            }
        }
        // The regular expression backtracks when an escape swallowed the closing quote.
        let close = close.or_else(|| (start + 1..self.input.len()).rev().find(|&j| self.input[j] == quote));
        let Some(close) = close else {
            let name = if quote == '\'' { "<singled quoted>" } else { "<double quoted>" };
            return Err(self.error(Expected::Named(name), Received::None));
        };
        self.index = close + 1;
        let raw: String = self.input[start + 1..close].iter().collect();
        Ok(raw.replace(&format!("\\{quote}"), &quote.to_string()).replace("\\\\", "\\"))
    }
}

/// Parses a shorthand value; the error is the message after `Error parsing parameter '--x': `.
pub fn parse(value: &str) -> Result<Shorthand, String> {
    let mut parser = Parser { input: value.chars().collect(), index: 0, depth: 0 };
    parser.parameter().map_err(|e| e.message(&parser.input))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Shorthand {
        Shorthand::Text(s.into())
    }

    fn map(pairs: &[(&str, Shorthand)]) -> Shorthand {
        Shorthand::Map(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[test]
    fn the_environment_form() {
        assert_eq!(
            parse("Variables={KEY=value,KEY2='value two',EMPTY=''}").unwrap(),
            map(&[("Variables", map(&[("KEY", text("value")), ("KEY2", text("value two")), ("EMPTY", text(""))]))])
        );
        assert_eq!(
            parse("Variables={URL=https://x.test/a=b,Q='a,b',D=\"it\\\"s\"}").unwrap(),
            map(&[(
                "Variables",
                map(&[("URL", text("https://x.test/a=b")), ("Q", text("a,b")), ("D", text("it\"s"))])
            )])
        );
    }

    #[test]
    fn scalars_lists_and_escapes() {
        assert_eq!(parse("a=b").unwrap(), map(&[("a", text("b"))]));
        assert_eq!(parse("a=b,c").unwrap(), map(&[("a", Shorthand::List(vec![text("b"), text("c")]))]));
        assert_eq!(parse("a=b,c=d").unwrap(), map(&[("a", text("b")), ("c", text("d"))]));
        assert_eq!(parse("a=x\\,y").unwrap(), map(&[("a", text("x,y"))]));
        assert_eq!(parse("a=[1,2]").unwrap(), map(&[("a", Shorthand::List(vec![text("1"), text("2")]))]));
        assert_eq!(parse("a=1,a=2").unwrap(), map(&[("a", text("2"))]));
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(parse("Variables").unwrap_err(), "Expected: '=', received: 'EOF' for input:\nVariables\n         ^");
        assert_eq!(
            parse("Variables={A=1").unwrap_err(),
            "Expected: ',', received: 'EOF' for input:\nVariables={A=1\n              ^"
        );
        assert!(parse("Variables={A=1}}").unwrap_err().contains("Expected: ','"));
        assert!(parse("a='open").unwrap_err().contains("<singled quoted>"));
        assert!(parse("").unwrap_err().contains("received: 'EOF'"));
        // As in the AWS CLI, a space in a value needs quotes.
        assert!(parse("Variables={A=b c}").unwrap_err().contains("Expected: ',', received: 'c'"));
        assert!(parse("a=[1,").is_err());
    }

    #[test]
    fn nesting_stops_at_the_limit_without_exhausting_the_stack() {
        let deepest = format!("a={}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deepest).is_ok());
        for hostile in [
            format!("a={}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1)),
            format!("a={}", "[".repeat(100_000)),
            format!("a={}", "{=".repeat(100_000)),
            format!("a={}", "[{x=".repeat(50_000)),
        ] {
            let e = parse(&hostile).unwrap_err();
            assert!(e.starts_with("maximum recursion depth exceeded"), "{}", &e[..80.min(e.len())]);
        }
    }
}
