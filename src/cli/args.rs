//! Option parsing with argparse's rules, which the AWS CLI inherits: `--opt value` and
//! `--opt=value`, the last of a repeated option wins, a word that looks like an option is never
//! taken as a value, and errors are found in argparse's order (a missing value while scanning,
//! then missing required arguments; unknown words are the caller's to report last).
//!
//! Abbreviated option names are not accepted: exact names keep a typo an error, not a surprise.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One value: `--x v` or `--x=v`.
    Value,
    /// `--x` sets true and `--no-x` sets false (the AWS CLI's boolean parameters).
    Flag,
    /// `--x` alone, no `--no-x` form (global switches such as `--no-cli-pager`).
    Switch,
    /// Every following word that is not an option (argparse `nargs='*'`): `--architectures arm64`.
    List,
    /// One value each time, all kept: `sim release --region a --region b`.
    Repeated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    /// Without the leading `--`.
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
}

pub const fn value(name: &'static str) -> Opt {
    Opt { name, kind: Kind::Value, required: false }
}

pub const fn required(name: &'static str) -> Opt {
    Opt { name, kind: Kind::Value, required: true }
}

pub const fn flag(name: &'static str) -> Opt {
    Opt { name, kind: Kind::Flag, required: false }
}

pub const fn switch(name: &'static str) -> Opt {
    Opt { name, kind: Kind::Switch, required: false }
}

pub const fn list(name: &'static str) -> Opt {
    Opt { name, kind: Kind::List, required: false }
}

pub const fn list_required(name: &'static str) -> Opt {
    Opt { name, kind: Kind::List, required: true }
}

pub const fn repeated(name: &'static str) -> Opt {
    Opt { name, kind: Kind::Repeated, required: false }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    Text(String),
    Bool(bool),
    Many(Vec<String>),
}

/// What a parse found: option values in the order given, named positionals, and leftovers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    values: Vec<(&'static str, Given)>,
    /// Values of the named positionals, in order.
    pub positionals: Vec<String>,
    /// Words no option or positional took, in the order they appeared (options and values).
    pub unknown: Vec<String>,
}

impl Parsed {
    fn last(&self, name: &str) -> Option<&Given> {
        self.values.iter().rev().find(|(n, _)| *n == name).map(|(_, g)| g)
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match self.last(name) {
            Some(Given::Text(t)) => Some(t),
            _ => None,
        }
    }

    pub fn flag(&self, name: &str) -> Option<bool> {
        match self.last(name) {
            Some(Given::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    pub fn list(&self, name: &str) -> Option<&[String]> {
        match self.last(name) {
            Some(Given::Many(v)) => Some(v),
            _ => None,
        }
    }

    /// Every value of a repeated option, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.values
            .iter()
            .filter(|(n, _)| *n == name)
            .filter_map(|(_, g)| match g {
                Given::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.last(name).is_some()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgError {
    /// `argument --x: expected one argument`
    ExpectedOne(String),
    /// `argument --publish: ignored explicit argument 'yes'`
    IgnoredExplicit(String, String),
    /// `the following arguments are required: --a, outfile`
    Required(Vec<String>),
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::ExpectedOne(o) => write!(f, "argument {o}: expected one argument"),
            ArgError::IgnoredExplicit(o, v) => write!(f, "argument {o}: ignored explicit argument '{v}'"),
            ArgError::Required(names) => write!(f, "the following arguments are required: {}", names.join(", ")),
        }
    }
}

/// argparse's test for "this word is an option": a leading `-`, more than one character, not a
/// negative number, no space.
pub fn looks_like_option(word: &str) -> bool {
    let negative_number = word.strip_prefix('-').is_some_and(|rest| {
        let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        (!int.is_empty() || !frac.is_empty()) && digits(int) && digits(frac) && !rest.ends_with('.')
    });
    // As argparse: a word with a space is a value, unless it is `--name=value` (the space in
    // the value), as in `--description="v one"`.
    let attached = word.starts_with("--") && word.split_once('=').is_some_and(|(name, _)| !name.contains(' '));
    word.starts_with('-') && word.len() > 1 && !negative_number && (!word.contains(' ') || attached)
}

enum Found {
    Option(Opt, bool),
    Unknown,
}

fn find(opts: &[Opt], name: &str) -> Found {
    for o in opts {
        if o.name == name {
            return Found::Option(*o, true);
        }
        if o.kind == Kind::Flag && name.strip_prefix("no-") == Some(o.name) {
            return Found::Option(*o, false);
        }
    }
    Found::Unknown
}

/// Parses `words` against `opts` and the named positionals (all required, in order).
pub fn parse(words: &[String], opts: &[Opt], positionals: &[&str]) -> Result<Parsed, ArgError> {
    let mut out = Parsed::default();
    let mut i = 0;
    let mut only_positionals = false;
    let mut loose = Vec::new();
    while i < words.len() {
        let word = &words[i];
        i += 1;
        if only_positionals || !looks_like_option(word) {
            loose.push(word.clone());
            continue;
        }
        if word == "--" {
            only_positionals = true;
            continue;
        }
        // Single-dash words name nothing here: every AWS CLI option is long.
        let Some(body) = word.strip_prefix("--") else {
            out.unknown.push(word.clone());
            continue;
        };
        let (name, explicit) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let Found::Option(opt, positive) = find(opts, name) else {
            out.unknown.push(word.clone());
            continue;
        };
        let shown = format!("--{name}");
        let given = match opt.kind {
            Kind::Flag | Kind::Switch => {
                if let Some(v) = explicit {
                    return Err(ArgError::IgnoredExplicit(shown, v));
                }
                Given::Bool(positive)
            }
            Kind::List => {
                let mut items: Vec<String> = explicit.into_iter().collect();
                if items.is_empty() {
                    while i < words.len() && !looks_like_option(&words[i]) {
                        items.push(words[i].clone());
                        i += 1;
                    }
                }
                Given::Many(items)
            }
            Kind::Value | Kind::Repeated => match explicit {
                Some(v) => Given::Text(v),
                None if i < words.len() && !looks_like_option(&words[i]) => {
                    i += 1;
                    Given::Text(words[i - 1].clone())
                }
                None => return Err(ArgError::ExpectedOne(shown)),
            },
        };
        out.values.push((opt.name, given));
    }
    let mut missing: Vec<String> =
        opts.iter().filter(|o| o.required && !out.has(o.name)).map(|o| format!("--{}", o.name)).collect();
    let mut loose = loose.into_iter();
    for p in positionals {
        match loose.next() {
            Some(v) => out.positionals.push(v),
            None => missing.push(p.to_string()),
        }
    }
    if !missing.is_empty() {
        return Err(ArgError::Required(missing));
    }
    out.unknown.extend(loose);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPTS: &[Opt] = &[required("function-name"), value("qualifier"), flag("publish"), list("architectures")];

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn both_value_forms_and_last_wins() {
        let p = parse(&words("--function-name a --qualifier=1 --function-name=b"), OPTS, &[]).unwrap();
        assert_eq!(p.text("function-name"), Some("b"));
        assert_eq!(p.text("qualifier"), Some("1"));
        assert_eq!(p.text("missing"), None);
    }

    #[test]
    fn flags_lists_and_positionals() {
        let p = parse(
            &words("--no-publish --function-name f --architectures arm64 x86_64 --publish out"),
            OPTS,
            &["outfile"],
        );
        // `out` follows a flag, so it is a positional.
        let p = p.unwrap();
        assert_eq!(p.flag("publish"), Some(true));
        assert_eq!(p.list("architectures").unwrap(), ["arm64", "x86_64"]);
        assert_eq!(p.positionals, ["out"]);
        let p = parse(&words("--function-name f --architectures=arm64 extra"), OPTS, &[]).unwrap();
        assert_eq!(p.list("architectures").unwrap(), ["arm64"]);
        assert_eq!(p.unknown, ["extra"]);
    }

    #[test]
    fn negative_numbers_are_values_and_options_are_not() {
        let p = parse(&words("--function-name -5"), OPTS, &[]).unwrap();
        assert_eq!(p.text("function-name"), Some("-5"));
        assert_eq!(
            parse(&words("--function-name --qualifier 1"), OPTS, &[]).unwrap_err().to_string(),
            "argument --function-name: expected one argument"
        );
        assert!(!looks_like_option("-1.5") && !looks_like_option("-") && looks_like_option("-x"));
        assert!(!looks_like_option("--a b"));
    }

    #[test]
    fn errors_read_like_argparse() {
        assert_eq!(
            parse(&[], OPTS, &["outfile"]).unwrap_err().to_string(),
            "the following arguments are required: --function-name, outfile"
        );
        assert_eq!(
            parse(&words("--function-name f --publish=yes"), OPTS, &[]).unwrap_err().to_string(),
            "argument --publish: ignored explicit argument 'yes'"
        );
        let p = parse(&words("--function-name f --foo bar -x --qualifier"), OPTS, &[]);
        assert_eq!(p.unwrap_err(), ArgError::ExpectedOne("--qualifier".into()));
        let p = parse(&words("--function-name f --foo bar -x"), OPTS, &[]).unwrap();
        assert_eq!(p.unknown, ["--foo", "-x", "bar"]);
    }

    #[test]
    fn double_dash_ends_options() {
        let p = parse(&words("--function-name f -- --publish"), OPTS, &["outfile"]).unwrap();
        assert_eq!(p.positionals, ["--publish"]);
        assert_eq!(p.flag("publish"), None);
    }

    #[test]
    fn repeated_options_keep_every_value() {
        let p = parse(&words("--region a --region=b"), &[repeated("region")], &[]).unwrap();
        assert_eq!(p.all("region"), ["a", "b"]);
    }
}
