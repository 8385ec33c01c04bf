//! `cat > template.yaml <<'EOF'` ... `EOF`: a file written from the lines that follow, as a shell
//! here-document writes it. A script keeps the body with its command (one logical line); the
//! console shows the same text.

/// The delimiter a command line opens a here-document with: `<<EOF`, `<<'EOF'`, `<<"EOF"`.
pub fn delimiter(first_line: &str) -> Option<String> {
    let (_, after) = first_line.rsplit_once("<<")?;
    let word = after.trim().trim_start_matches('-');
    let word = word.trim_matches(|c| c == '\'' || c == '"');
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then(|| word.to_string())
}

/// A here-document split from its command: (the command line, the body with a newline after
/// each line). The body ends at a line that is exactly the delimiter (or the text's end).
pub fn split(text: &str) -> Option<(&str, String)> {
    let (first, rest) = text.split_once('\n')?;
    let delimiter = delimiter(first)?;
    let mut body = String::new();
    for line in rest.lines() {
        if line.trim_end_matches('\r') == delimiter {
            break;
        }
        body.push_str(line);
        body.push('\n');
    }
    Some((first, body))
}

/// `cat > <path> <<'EOF'` with the body and its delimiter: a delimiter no body line equals.
pub fn render(path: &str, body: &str) -> String {
    let mut delimiter = "EOF".to_string();
    let mut n = 0;
    while body.lines().any(|l| l == delimiter) {
        n += 1;
        delimiter = format!("EOF{n}");
    }
    format!("cat > {} <<'{delimiter}'\n{body}{delimiter}", super::render::quote(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_bodies_and_rendering() {
        assert_eq!(delimiter("cat > t.yaml <<'EOF'").as_deref(), Some("EOF"));
        assert_eq!(delimiter("cat > t.yaml <<END").as_deref(), Some("END"));
        assert_eq!(delimiter("cat > t.yaml"), None);
        let (cmd, body) = split("cat > t.yaml <<'EOF'\nA: 1\n  B: !Ref x\nEOF").unwrap();
        assert_eq!((cmd, body.as_str()), ("cat > t.yaml <<'EOF'", "A: 1\n  B: !Ref x\n"));
        let text = render("t.yaml", "EOF\nx\n");
        assert_eq!(text, "cat > t.yaml <<'EOF1'\nEOF\nx\nEOF1");
        assert_eq!(split(&text).unwrap().1, "EOF\nx\n");
    }
}
