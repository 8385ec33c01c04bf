//! Tab completion in the console: the command, the service, the operation or directive, its
//! options, and function names after `--function-name` (or as a `sim` directive's first word).

use super::operations::SERVICES;
use super::sim::DIRECTIVES;

/// The longest text every candidate starts with.
fn common_prefix(candidates: &[String]) -> String {
    let Some(first) = candidates.first() else { return String::new() };
    let mut end = first.len();
    for c in &candidates[1..] {
        end = end.min(first.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count());
    }
    first[..end].to_string()
}

/// The line with its last word completed as far as the candidates agree; `None` when nothing
/// can be added. A single candidate is completed with a space after it.
pub fn complete(line: &str, functions: &[String]) -> Option<String> {
    let (head, word) = match line.rfind(' ') {
        Some(i) => (&line[..=i], &line[i + 1..]),
        None => ("", line),
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    let options = |opts: &mut dyn Iterator<Item = &str>| opts.map(|o| format!("--{o}")).collect::<Vec<String>>();
    let candidates: Vec<String> = match words.as_slice() {
        [] => ["aws", "sim", "sam", "cat", "help"].map(String::from).to_vec(),
        ["aws"] => SERVICES.iter().map(|(s, _)| s.to_string()).collect(),
        ["aws", service] => SERVICES
            .iter()
            .find(|(s, _)| s == service)
            .map(|(_, ops)| ops.iter().map(|o| o.name.to_string()).collect())
            .unwrap_or_default(),
        ["aws", service, operation, ..] => {
            let op = super::operations::find(service, operation)?;
            if words.last() == Some(&"--function-name") {
                functions.to_vec()
            } else {
                options(&mut op.options.iter().map(|o| o.name))
            }
        }
        ["sam"] => vec!["deploy".to_string()],
        ["sam", "deploy", ..] => options(&mut super::operations::SAM_DEPLOY.options.iter().map(|o| o.name)),
        ["sim"] => DIRECTIVES.iter().map(|d| d.name.to_string()).collect(),
        ["sim", directive, rest @ ..] => {
            let d = DIRECTIVES.iter().find(|d| d.name == *directive)?;
            let wants_function = d.positionals.first() == Some(&"<function>") && rest.is_empty();
            if (wants_function && !word.starts_with('-')) || rest.last() == Some(&"--function") {
                functions.to_vec()
            } else {
                options(&mut d.options.iter().map(|o| o.name))
            }
        }
        _ => Vec::new(),
    };
    let matching: Vec<String> = candidates.into_iter().filter(|c| c.starts_with(word)).collect();
    let completed = match matching.as_slice() {
        [] => return None,
        [one] => format!("{one} "),
        many => common_prefix(many),
    };
    (completed.len() > word.len()).then(|| format!("{head}{completed}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_commands_operations_options_and_names() {
        let fns = vec!["orders".to_string(), "payments".to_string()];
        assert_eq!(complete("aw", &fns).as_deref(), Some("aws "));
        assert_eq!(complete("aws la", &fns).as_deref(), Some("aws lambda "));
        assert_eq!(
            complete("aws lambda get-function-c", &fns).as_deref(),
            Some("aws lambda get-function-configuration ")
        );
        assert_eq!(complete("aws lambda get-f", &fns).as_deref(), Some("aws lambda get-function"));
        assert_eq!(complete("aws lambda invoke --func", &fns).as_deref(), Some("aws lambda invoke --function-name "));
        assert_eq!(
            complete("aws lambda invoke --function-name pa", &fns).as_deref(),
            Some("aws lambda invoke --function-name payments ")
        );
        assert_eq!(complete("sim rel", &fns), None, "release and relies-on agree on rel only");
        assert_eq!(complete("sim relea", &fns).as_deref(), Some("sim release "));
        assert_eq!(complete("sim traffic or", &fns).as_deref(), Some("sim traffic orders "));
        assert_eq!(complete("sim deploy orders --ali", &fns).as_deref(), Some("sim deploy orders --alias "));
        assert_eq!(complete("aws lambda nothing --x", &fns), None);
        assert_eq!(complete("zzz", &fns), None);
    }
}
