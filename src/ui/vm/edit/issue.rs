//! What is wrong with a field, in a form every language catalogue can phrase: the core's
//! problems as the core typed them ([`ProblemKind`]) and the app's own reading errors (text
//! that is not a number or a date). The core stays the only judge of what is valid; no
//! English sentence of the core is read here.

use crate::model::{Problem, ProblemKind};

use crate::model::read::ReadError;
pub use crate::model::Thing;
use crate::ui::vm::connect::problems::Rule;

/// One thing wrong with a field, ready for a catalogue to phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The typed text is not the number or date the field takes (see [`crate::model::read`]).
    Read(ReadError),
    /// A value is required here.
    Required,
    /// A problem the core found (validation or reading the scenario).
    Problem(ProblemKind),
    /// A rule only the shared workspace's server keeps (its 422's typed `code`).
    Server(Rule),
    /// The app could not apply an edit (a field it does not know): a fault of the app, shown
    /// with its technical detail inside a translated sentence.
    Internal(String),
}

/// A problem found for a field: where (JSON path) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    pub path: String,
    pub issue: Issue,
}

impl FieldIssue {
    pub fn new(path: impl Into<String>, issue: Issue) -> FieldIssue {
        FieldIssue { path: path.into(), issue }
    }

    pub fn from_problem(problem: &Problem) -> FieldIssue {
        FieldIssue::new(problem.path.clone(), Issue::Problem(problem.kind.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, Scenario};

    /// Every problem of a broken scenario reaches the app as the core's kind, with its path.
    #[test]
    fn core_problems_keep_their_kind_and_path() {
        let text = r#"{"format":"qudra-scenario","version":1,
          "states":[{"code":"QA","name":{"en":"Q"},"languages":["ar"]}],
          "skills":[{"id":"f","name":{"en":"F"}}],
          "courses":[],"sessions":[],
          "needs":[{"id":"N","state":"QA","skill":"forensic","level":1,"trainees":0,"priority":3}]}"#;
        let scenario = Scenario::from_json(text).unwrap();
        let issues: Vec<FieldIssue> = validate(&scenario).iter().map(FieldIssue::from_problem).collect();
        assert_eq!(
            issues,
            vec![
                FieldIssue::new(
                    "needs[0].skill",
                    Issue::Problem(ProblemKind::Unknown { thing: Thing::Skill, id: "forensic".into() })
                ),
                FieldIssue::new("needs[0].trainees", Issue::Problem(ProblemKind::TraineesMin { trainees: 0 })),
            ]
        );
    }
}
