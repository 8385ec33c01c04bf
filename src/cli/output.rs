//! JSON as the AWS CLI v2 prints it with `--output json`: Python's `json.dumps(indent=4,
//! ensure_ascii=False)`, keys in the order the service sent them (serde_json's `preserve_order`
//! keeps a `Value`'s keys in the order the typed response wrote them).

use serde::Serialize;
use serde_json::Value;

/// Pretty JSON with a 4-space indent, the AWS CLI's layout. Responses are printed from the
/// `Value` the session keeps anyway, so the bundle carries one serialiser per response type
/// (into a `Value`), not a second one into text.
pub fn json(value: &Value) -> String {
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    match value.serialize(&mut ser) {
        // serde_json writes UTF-8 only.
        Ok(()) => String::from_utf8_lossy(&buf).into_owned(),
        Err(e) => format!("{{\"error\": \"the response could not be serialised: {e}\"}}"),
    }
}

/// One line of JSON with Python's default separators (`", "` and `": "`), keeping the key order
/// of `text`, which must be JSON: how a JSON-lines record embeds a printed response.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            ',' => out.push_str(", "),
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::api::InvokeResponse;

    #[test]
    fn four_spaces_and_service_order() {
        let r = InvokeResponse {
            status_code: 200,
            function_error: Some("Unhandled".into()),
            log_result: None,
            executed_version: "$LATEST".into(),
            payload: "{}".into(),
        };
        // Through a `Value`, the keys keep the response's order (not the alphabet's).
        assert_eq!(
            json(&serde_json::to_value(&r).unwrap()),
            "{\n    \"StatusCode\": 200,\n    \"FunctionError\": \"Unhandled\",\n    \"ExecutedVersion\": \"$LATEST\"\n}"
        );
        assert_eq!(json(&serde_json::json!({"a": [], "b": {}})), "{\n    \"a\": [],\n    \"b\": {}\n}");
    }

    #[test]
    fn one_line_keeps_order_and_strings() {
        let text = "{\n    \"Z\": [\n        1,\n        2\n    ],\n    \"A\": \"x, y: \\\"z\\\"  \"\n}";
        assert_eq!(one_line(text), "{\"Z\": [1, 2], \"A\": \"x, y: \\\"z\\\"  \"}");
    }
}
