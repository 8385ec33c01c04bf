//! Template text to a tree that keeps what CloudFormation reads from YAML: each node's line and
//! column, and its short-form tag (`!Ref`, `!GetAtt`, ...). JSON is YAML, so JSON templates take
//! the same path. Aliases are refused (CloudFormation has none); scalars stay text until a property
//! asks.

use saphyr_parser::{Event, Parser, ScalarStyle, Span, Tag};
use std::borrow::Cow;

/// Nesting beyond this is refused: a template nested this deep is an attack, not a template.
const MAX_DEPTH: usize = 128;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// 1-based line and column of the node's start.
    pub line: usize,
    pub column: usize,
    /// A local tag without its `!`: `Ref`, `GetAtt`, ...
    pub tag: Option<String>,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A scalar's text; `plain` when it was written unquoted (so `true`, `3`, `null` are typed).
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    /// Keys in the order written.
    Map(Vec<(String, Node)>),
}

/// A parse error at a position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if self.tag.is_none() => Some(text),
            _ => None,
        }
    }

    pub fn entries(&self) -> &[(String, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// A node made by the playground (no position in any file).
    pub fn synthetic(value: Value) -> Node {
        Node { line: 0, column: 0, tag: None, value }
    }
}

fn local_tag(tag: Option<Cow<'_, Tag>>) -> Option<String> {
    let tag = tag?;
    // `!Ref` has the primary handle `!`; core tags (`!!str`) are types, not functions.
    (tag.handle == "!").then(|| tag.suffix.clone())
}

fn position(span: &Span) -> (usize, usize) {
    (span.start.line(), span.start.col() + 1)
}

enum Open {
    Seq(Node, usize),
    Map(Node, Option<String>, usize),
}

/// The first tab in a line's indentation at or after `from` (1-based line and column).
fn indenting_tab(text: &str, from: usize) -> Option<(usize, usize)> {
    text.lines().enumerate().skip(from.saturating_sub(1)).find_map(|(i, l)| {
        let indent = l.len() - l.trim_start_matches([' ', '\t']).len();
        l[..indent].find('\t').map(|c| (i + 1, c + 1))
    })
}

/// Parses the first document of a text.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut done: Option<Node> = None;
    let error = |line: usize, column: usize, message: String| YamlError { line, column, message };
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| {
            let (line, column) = match e.info().contains("tab") {
                // The parser marks where the scalar before the tab began; the reader needs the tab.
                true => indenting_tab(text, e.marker().line()).unwrap_or((e.marker().line(), e.marker().col() + 1)),
                false => (e.marker().line(), e.marker().col() + 1),
            };
            error(line, column, e.info().to_string())
        })?;
        let (line, column) = position(&span);
        // A node complete: into its parent, or the document's root.
        let mut finished: Option<(Node, usize)> = None;
        match event {
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => {}
            Event::DocumentEnd | Event::StreamEnd => {
                if done.is_some() || event == Event::StreamEnd {
                    break;
                }
            }
            // CloudFormation's YAML takes no aliases; copying them would also let a few hundred
            // bytes expand exponentially.
            Event::Alias(_) => {
                return Err(error(
                    line,
                    column,
                    "aliases (*name) are not supported in CloudFormation templates".into(),
                ));
            }
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == ScalarStyle::Plain;
                let value = Value::Scalar { text: text.into_owned(), plain };
                finished = Some((Node { line, column, tag: local_tag(tag), value }, anchor));
            }
            Event::SequenceStart(anchor, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(line, column, format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                let node = Node { line, column, tag: local_tag(tag), value: Value::Seq(Vec::new()) };
                stack.push(Open::Seq(node, anchor));
            }
            Event::MappingStart(anchor, tag) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(line, column, format!("nesting deeper than {MAX_DEPTH} levels")));
                }
                let node = Node { line, column, tag: local_tag(tag), value: Value::Map(Vec::new()) };
                stack.push(Open::Map(node, None, anchor));
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Open::Seq(node, anchor)) | Some(Open::Map(node, _, anchor)) => finished = Some((node, anchor)),
                None => return Err(error(line, column, "unbalanced collection end".into())),
            },
        }
        let Some((node, _anchor)) = finished else { continue };
        match stack.last_mut() {
            None => done = Some(node),
            Some(Open::Seq(seq, _)) => {
                if let Value::Seq(items) = &mut seq.value {
                    items.push(node);
                }
            }
            Some(Open::Map(map, key, _)) => match key.take() {
                None => match node.value {
                    Value::Scalar { text, .. } => *key = Some(text),
                    _ => return Err(error(node.line, node.column, "a mapping key must be a scalar".into())),
                },
                Some(k) => {
                    if let Value::Map(entries) = &mut map.value {
                        if entries.iter().any(|(e, _)| *e == k) {
                            return Err(error(node.line, node.column, format!("duplicate key '{k}'")));
                        }
                        entries.push((k, node));
                    }
                }
            },
        }
    }
    done.ok_or_else(|| error(1, 1, "the template is empty".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_positions_and_json() {
        let n = parse("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt Role.Arn\n      Name: !Sub '${AWS::StackName}-fn'\n").unwrap();
        let role = n.get("Resources").unwrap().get("Fn").unwrap().get("Properties").unwrap().get("Role").unwrap();
        assert_eq!(role.tag.as_deref(), Some("GetAtt"));
        assert_eq!((role.line, role.column), (5, 13));
        let j = parse("{\"A\": [1, \"b\"]}").unwrap();
        assert!(matches!(&j.get("A").unwrap().value, Value::Seq(items) if items.len() == 2));
        let e = parse("A: [1, 2\nB: 3\n").unwrap_err();
        assert!(e.line >= 1, "{e:?}");
        assert!(parse("A: 1\nA: 2\n").unwrap_err().message.contains("duplicate key"));
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).is_err());
    }
}
