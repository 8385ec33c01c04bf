//! Scenarios as guided tours. A `## ` comment begins a step and is its title; the `# ` comments
//! right after it are the step's narrative; the commands up to the next `## ` are its lines, each
//! with the comments just above it as a note and its line number in the file.

use super::script::{items, Item};

/// One command of a tour step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepLine {
    /// Where the command starts in the scenario file.
    pub line: usize,
    pub text: String,
    /// The `# ` comments directly above it (joined with newlines), if any.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Empty for commands that come before the first `## ` title.
    pub title: String,
    /// The `# ` comments between the title and the first command (joined with newlines; an empty
    /// `#` line is a paragraph break).
    pub narrative: String,
    pub lines: Vec<StepLine>,
}

/// A parsed scenario: the comments before the first step, then the steps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tour {
    pub intro: String,
    pub steps: Vec<Step>,
}

/// The three stories of the AWS launch post "Introducing AWS Lambda runtime management controls",
/// how a runtime update meets a CodeDeploy canary, and runtime settings in a SAM template, as
/// `(id, title, scenario text)`.
pub const BUILTIN: &[(&str, &str, &str)] = &[
    ("two-phase-rollout", "Two-phase automatic rollout", include_str!("../../scenarios/two-phase-rollout.scenario")),
    (
        "function-update-mode",
        "Function update mode and rollback through published versions",
        include_str!("../../scenarios/function-update-mode.scenario"),
    ),
    (
        "manual-rollback",
        "Manual rollback after an incompatible runtime update",
        include_str!("../../scenarios/manual-rollback.scenario"),
    ),
    (
        "runtime-update-during-canary",
        "A runtime update during a canary",
        include_str!("../../scenarios/runtime-update-during-canary.scenario"),
    ),
    (
        "runtime-settings-in-sam",
        "Runtime settings in a SAM template",
        include_str!("../../scenarios/runtime-settings-in-sam.scenario"),
    ),
];

/// A built-in scenario by id: `(id, title, text)`.
pub fn builtin(id: &str) -> Option<(&'static str, &'static str, &'static str)> {
    BUILTIN.iter().copied().find(|(i, _, _)| *i == id)
}

/// `# text` to `text`; `#` alone to an empty line.
fn comment_text(comment: &str) -> &str {
    let body = comment.trim_start_matches('#');
    body.strip_prefix(' ').unwrap_or(body)
}

fn push_line(text: &mut String, line: &str) {
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(line);
}

/// Splits a scenario into its tour.
pub fn tour(text: &str) -> Tour {
    let mut tour = Tour::default();
    let mut pending_note = String::new();
    for item in items(text) {
        match item {
            Item::Blank { .. } => {}
            Item::Comment { text, .. } if text.starts_with("## ") || text == "##" => {
                tour.steps.push(Step {
                    title: text.trim_start_matches('#').trim().to_string(),
                    narrative: String::new(),
                    lines: Vec::new(),
                });
                pending_note.clear();
            }
            Item::Comment { text, .. } => {
                let body = comment_text(&text);
                match tour.steps.last_mut() {
                    None => push_line(&mut tour.intro, body),
                    Some(step) if step.lines.is_empty() => push_line(&mut step.narrative, body),
                    Some(_) => push_line(&mut pending_note, body),
                }
            }
            Item::Command { line, text } => {
                if tour.steps.is_empty() {
                    tour.steps.push(Step { title: String::new(), narrative: String::new(), lines: Vec::new() });
                }
                let note = std::mem::take(&mut pending_note);
                if let Some(step) = tour.steps.last_mut() {
                    step.lines.push(StepLine { line, text, note });
                }
            }
        }
    }
    tour
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# Title of the scenario\n# More intro.\n\n## First step\n# Why this step.\n#\n# Second paragraph.\nsim region eu-south-1\n# Then this:\naws lambda \\\n  list-functions\n\n## Second step\n! aws lambda get-function --function-name nope\n";

    #[test]
    fn steps_titles_narratives_notes_and_line_numbers() {
        let t = tour(TEXT);
        assert_eq!(t.intro, "Title of the scenario\nMore intro.");
        assert_eq!(t.steps.len(), 2);
        let first = &t.steps[0];
        assert_eq!(first.title, "First step");
        assert_eq!(first.narrative, "Why this step.\n\nSecond paragraph.");
        assert_eq!(
            first.lines,
            vec![
                StepLine { line: 8, text: "sim region eu-south-1".into(), note: String::new() },
                StepLine { line: 10, text: "aws lambda list-functions".into(), note: "Then this:".into() },
            ]
        );
        assert_eq!(t.steps[1].lines[0].line, 14);
        assert!(t.steps[1].lines[0].text.starts_with('!'));
    }

    #[test]
    fn commands_before_any_title_form_an_untitled_step() {
        let t = tour("sim region eu-west-1\n## Later\naws lambda list-functions\n");
        assert_eq!(t.steps[0].title, "");
        assert_eq!(t.steps[1].title, "Later");
    }

    #[test]
    fn builtins_are_tours() {
        assert_eq!(BUILTIN.len(), 5);
        for (id, title, text) in BUILTIN {
            let t = tour(text);
            assert!(!title.is_empty() && !t.intro.is_empty(), "{id}");
            assert!(t.steps.len() >= 3, "{id}");
            assert!(
                t.steps.iter().all(|s| !s.title.is_empty() && !s.narrative.is_empty() && !s.lines.is_empty()),
                "{id}"
            );
        }
        assert!(builtin("manual-rollback").is_some() && builtin("nope").is_none());
    }
}
