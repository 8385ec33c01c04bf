//! Intrinsic functions, short (`!Ref`) and long (`Fn::GetAtt`) forms, against a stack's
//! parameters, conditions and the resources made so far. `AWS::NoValue` removes the property.

use crate::order::Map;

use serde_json::Value as Json;

use super::yaml::{Node, Value};

/// What a resource made so far answers to `Ref` and `GetAtt`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Made {
    pub reference: String,
    pub attributes: Map<String, String>,
}

pub struct Context<'a> {
    pub region: &'a str,
    pub account: &'a str,
    pub stack_name: &'a str,
    pub stack_id: &'a str,
    pub parameters: &'a Map<String, Json>,
    pub conditions: &'a Map<String, bool>,
    pub made: &'a Map<String, Made>,
    /// The template's `Mappings` section, for `Fn::FindInMap`.
    pub mappings: Option<&'a Node>,
}

/// The intrinsic a node calls, and its argument: `!Ref x` or `{"Ref": "x"}`.
fn intrinsic(node: &Node) -> Option<(String, &Node)> {
    if let Some(tag) = &node.tag {
        let name = if tag == "Ref" || tag == "Condition" { tag.clone() } else { format!("Fn::{tag}") };
        return Some((name, node));
    }
    match &node.value {
        Value::Map(entries) if entries.len() == 1 => {
            let (k, v) = &entries[0];
            (k == "Ref" || k == "Condition" || k.starts_with("Fn::")).then(|| (k.clone(), v))
        }
        _ => None,
    }
}

/// The argument of a tagged node is the node without its tag.
fn argument(node: &Node) -> Node {
    Node { tag: None, ..node.clone() }
}

fn scalar(node: &Node) -> Json {
    match &node.value {
        Value::Scalar { text, plain: true } => match text.as_str() {
            "true" | "True" | "TRUE" => Json::Bool(true),
            "false" | "False" | "FALSE" => Json::Bool(false),
            "null" | "~" | "" => Json::Null,
            t => t
                .parse::<i64>()
                .map(Json::from)
                .ok()
                .or_else(|| crate::decimal::parse(t).map(Json::from))
                .unwrap_or_else(|| Json::String(t.to_string())),
        },
        Value::Scalar { text, .. } => Json::String(text.clone()),
        _ => Json::Null,
    }
}

/// Text of a resolved value, as `Sub` and `Join` splice it.
pub fn text(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

impl Context<'_> {
    fn reference(&self, name: &str) -> Result<Option<Json>, String> {
        Ok(Some(Json::String(match name {
            "AWS::Region" => self.region.into(),
            "AWS::AccountId" => self.account.into(),
            "AWS::StackName" => self.stack_name.into(),
            "AWS::StackId" => self.stack_id.into(),
            "AWS::Partition" => "aws".into(),
            "AWS::URLSuffix" => "amazonaws.com".into(),
            "AWS::NoValue" => return Ok(None),
            // No SNS topics in the playground: the stack's notification ARNs are none.
            "AWS::NotificationARNs" => return Ok(Some(Json::Array(Vec::new()))),
            _ => {
                if let Some(p) = self.parameters.get(name) {
                    return Ok(Some(p.clone()));
                }
                match self.made.get(name) {
                    Some(m) => m.reference.clone(),
                    None => {
                        return Err(format!(
                            "Unresolved resource dependencies [{name}] in the Resources block of the template"
                        ))
                    }
                }
            }
        })))
    }

    fn attribute(&self, resource: &str, attribute: &str) -> Result<Json, String> {
        let made = self.made.get(resource).ok_or_else(|| {
            format!("Template error: instance of Fn::GetAtt references undefined resource {resource}")
        })?;
        made.attributes.get(attribute).map(|v| Json::String(v.clone())).ok_or_else(|| {
            format!("Template error: resource {resource} does not support attribute type {attribute} in Fn::GetAtt")
        })
    }

    /// The value of a condition by name.
    pub fn condition(&self, name: &str) -> Result<bool, String> {
        self.conditions
            .get(name)
            .copied()
            .ok_or_else(|| format!("Template format error: Unresolved condition dependency {name} in Fn::If"))
    }

    /// A condition's expression (`Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `Condition`).
    pub fn boolean(&self, node: &Node) -> Result<bool, String> {
        let Some((name, arg)) = intrinsic(node) else {
            return match self.resolve(node)? {
                Some(Json::Bool(b)) => Ok(b),
                Some(Json::String(s)) if s == "true" || s == "false" => Ok(s == "true"),
                _ => Err("Template error: a condition must be a condition function".into()),
            };
        };
        let items = |arg: &Node| -> Vec<Node> {
            match &argument(arg).value {
                Value::Seq(items) => items.clone(),
                _ => Vec::new(),
            }
        };
        match name.as_str() {
            "Fn::Equals" => {
                let list = items(arg);
                let [a, b] = list.as_slice() else {
                    return Err("Template error: Fn::Equals requires a list of two values".into());
                };
                Ok(self.resolve(a)?.map(|v| text(&v)) == self.resolve(b)?.map(|v| text(&v)))
            }
            "Fn::Not" => {
                let list = items(arg);
                let [a] = list.as_slice() else {
                    return Err("Template error: Fn::Not requires a list of one condition".into());
                };
                Ok(!self.boolean(a)?)
            }
            "Fn::And" => items(arg).iter().try_fold(true, |acc, c| Ok(acc && self.boolean(c)?)),
            "Fn::Or" => items(arg).iter().try_fold(false, |acc, c| Ok(acc || self.boolean(c)?)),
            "Condition" => {
                let n = argument(arg);
                self.condition(n.as_str().unwrap_or_default())
            }
            other => Err(format!("Template error: {other} is not a condition function")),
        }
    }

    /// A node's value with every intrinsic applied; `None` is `AWS::NoValue`.
    pub fn resolve(&self, node: &Node) -> Result<Option<Json>, String> {
        if let Some((name, arg)) = intrinsic(node) {
            return self.call(&name, &argument(arg));
        }
        Ok(Some(match &node.value {
            Value::Scalar { .. } => scalar(node),
            Value::Seq(items) => {
                let mut out = Vec::new();
                for item in items {
                    if let Some(v) = self.resolve(item)? {
                        out.push(v);
                    }
                }
                Json::Array(out)
            }
            Value::Map(entries) => {
                let mut out = serde_json::Map::new();
                for (k, v) in entries {
                    if let Some(v) = self.resolve(v)? {
                        out.insert(k.clone(), v);
                    }
                }
                Json::Object(out)
            }
        }))
    }

    fn call(&self, name: &str, arg: &Node) -> Result<Option<Json>, String> {
        let list = || match &arg.value {
            Value::Seq(items) => items.clone(),
            _ => Vec::new(),
        };
        let scalar_text = |n: &Node| match &n.value {
            Value::Scalar { text, .. } => Some(text.clone()),
            _ => None,
        };
        match name {
            "Ref" => {
                let target = scalar_text(arg).ok_or("Template error: Ref requires a string")?;
                self.reference(&target)
            }
            "Fn::GetAtt" => {
                let (resource, attribute) = match &arg.value {
                    Value::Scalar { text, .. } => match text.split_once('.') {
                        Some((r, a)) => (r.to_string(), a.to_string()),
                        None => return Err(format!("Template error: every Fn::GetAtt object requires two non-empty parameters ({text})")),
                    },
                    Value::Seq(items) if items.len() == 2 => (
                        scalar_text(&items[0]).unwrap_or_default(),
                        scalar_text(&items[1]).unwrap_or_default(),
                    ),
                    _ => return Err("Template error: every Fn::GetAtt object requires two non-empty parameters".into()),
                };
                self.attribute(&resource, &attribute).map(Some)
            }
            "Fn::Sub" => {
                let (template, vars) = match &arg.value {
                    Value::Scalar { text, .. } => (text.clone(), Vec::new()),
                    Value::Seq(items) if !items.is_empty() => {
                        (scalar_text(&items[0]).unwrap_or_default(), items.get(1).map(|m| m.entries().to_vec()).unwrap_or_default())
                    }
                    _ => return Err("Template error: Fn::Sub requires a string or a list of a string and a map".into()),
                };
                let mut out = String::new();
                let mut rest = template.as_str();
                while let Some(start) = rest.find("${") {
                    out.push_str(&rest[..start]);
                    let after = &rest[start + 2..];
                    let Some(end) = after.find('}') else {
                        out.push_str(&rest[start..]);
                        rest = "";
                        break;
                    };
                    let name = &after[..end];
                    if let Some(literal) = name.strip_prefix('!') {
                        out.push_str("${");
                        out.push_str(literal);
                        out.push('}');
                    } else if let Some((_, v)) = vars.iter().find(|(k, _)| k == name) {
                        out.push_str(&self.resolve(v)?.map(|v| text(&v)).unwrap_or_default());
                    } else if let Some((r, a)) = name.split_once('.').filter(|(r, _)| !r.starts_with("AWS::")) {
                        out.push_str(&text(&self.attribute(r, a)?));
                    } else {
                        out.push_str(&self.reference(name)?.map(|v| text(&v)).unwrap_or_default());
                    }
                    rest = &after[end + 1..];
                }
                out.push_str(rest);
                Ok(Some(Json::String(out)))
            }
            "Fn::If" => {
                let items = list();
                let [condition, yes, no] = items.as_slice() else {
                    return Err("Template error: Fn::If requires a list of three elements".into());
                };
                let name = scalar_text(condition).unwrap_or_default();
                if self.condition(&name)? {
                    self.resolve(yes)
                } else {
                    self.resolve(no)
                }
            }
            "Fn::Join" => {
                let items = list();
                let [delimiter, values] = items.as_slice() else {
                    return Err("Template error: Fn::Join requires a list of a delimiter and a list".into());
                };
                let delimiter = scalar_text(delimiter).unwrap_or_default();
                let parts = match self.resolve(values)? {
                    Some(Json::Array(v)) => v.iter().map(text).collect::<Vec<_>>(),
                    _ => return Err("Template error: Fn::Join requires a list of values".into()),
                };
                Ok(Some(Json::String(parts.join(&delimiter))))
            }
            "Fn::Select" => {
                let items = list();
                let [index, values] = items.as_slice() else {
                    return Err("Template error: Fn::Select requires a list of an index and a list".into());
                };
                let i: usize = scalar_text(index).and_then(|t| t.parse().ok()).ok_or("Template error: Fn::Select index must be a number")?;
                match self.resolve(values)? {
                    Some(Json::Array(v)) => v.get(i).cloned().map(Some).ok_or_else(|| "Template error: Fn::Select cannot select nonexistent value at index ".to_string() + &i.to_string()),
                    _ => Err("Template error: Fn::Select requires a list of values".into()),
                }
            }
            "Fn::Split" => {
                let items = list();
                let [delimiter, source] = items.as_slice() else {
                    return Err("Template error: Fn::Split requires a list of a delimiter and a string".into());
                };
                let delimiter = scalar_text(delimiter).filter(|d| !d.is_empty());
                let (Some(delimiter), Some(Json::String(source))) = (delimiter, self.resolve(source)?) else {
                    return Err("Template error: Fn::Split requires a non-empty delimiter and a string".into());
                };
                Ok(Some(Json::Array(source.split(delimiter.as_str()).map(|p| Json::String(p.into())).collect())))
            }
            "Fn::FindInMap" => {
                let items = list();
                let [map, top, second] = items.as_slice() else {
                    return Err("Template error: Fn::FindInMap requires a list of a map name and two keys".into());
                };
                let mut keys = Vec::new();
                for k in [map, top, second] {
                    keys.push(self.resolve(k)?.map(|v| text(&v)).unwrap_or_default());
                }
                let found = self
                    .mappings
                    .and_then(|m| m.get(&keys[0]))
                    .and_then(|m| m.get(&keys[1]))
                    .and_then(|m| m.get(&keys[2]));
                match found {
                    Some(value) => self.resolve(value),
                    None => Err(format!("Template error: Unable to get mapping for {}::{}::{}", keys[0], keys[1], keys[2])),
                }
            }
            "Fn::Equals" | "Fn::Not" | "Fn::And" | "Fn::Or" => {
                let node = Node { tag: Some(name.trim_start_matches("Fn::").to_string()), ..arg.clone() };
                self.boolean(&node).map(|b| Some(Json::Bool(b)))
            }
            other => Err(format!(
                "Template error: the playground does not evaluate {other} (it evaluates Ref, Fn::Sub, Fn::GetAtt, Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap)"
            )),
        }
    }
}

/// Every condition's value, in the order written (a condition may use an earlier one).
pub fn conditions(defs: &[(String, Node)], base: &Context) -> Result<Map<String, bool>, String> {
    let mut out = Map::new();
    for (name, node) in defs {
        let cx = Context { conditions: &out, ..*base };
        let value = cx.boolean(node)?;
        out.insert(name.clone(), value);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;

    #[test]
    fn intrinsics_short_and_long() {
        let params: Map<String, Json> = [("Mode".to_string(), Json::String("Manual".into()))].into();
        let mut made = Map::new();
        made.insert(
            "Fn".to_string(),
            Made { reference: "stack-fn".into(), attributes: [("Arn".to_string(), "arn:fn".to_string())].into() },
        );
        let conditions: Map<String, bool> = Map::new();
        let cx = Context {
            region: "eu-west-1",
            account: "123456789012",
            stack_name: "s",
            stack_id: "id",
            parameters: &params,
            conditions: &conditions,
            made: &made,
            mappings: None,
        };
        let defs =
            yaml::parse("IsManual: !Equals [!Ref Mode, Manual]\nNotManual: !Not [!Condition IsManual]\n").unwrap();
        let conditions = super::conditions(defs.entries(), &cx).unwrap();
        assert!(conditions["IsManual"]);
        assert!(!conditions["NotManual"]);
        let cx = Context { conditions: &conditions, ..cx };
        let n = yaml::parse(
            "A: !Sub '${AWS::StackName}-${Fn}-${Fn.Arn}-${!Literal}'\nB: {\"Fn::GetAtt\": [Fn, Arn]}\nC: !If [IsManual, !Ref Mode, !Ref AWS::NoValue]\nD: !If [NotManual, x, !Ref AWS::NoValue]\nE: 128\nF: !Join ['-', [a, !Ref AWS::Region]]\n",
        )
        .unwrap();
        let v = cx.resolve(&n).unwrap().unwrap();
        assert_eq!(v["A"], "s-stack-fn-arn:fn-${Literal}");
        assert_eq!(v["B"], "arn:fn");
        assert_eq!(v["C"], "Manual");
        assert!(v.get("D").is_none());
        assert_eq!(v["E"], 128);
        assert_eq!(v["F"], "a-eu-west-1");
        let bad = yaml::parse("A: !GetAtt Fn.Nope\n").unwrap();
        assert!(cx.resolve(&bad).unwrap_err().contains("does not support attribute type Nope"));
    }
}
