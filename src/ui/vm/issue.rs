//! What is wrong with a field, in a form every language catalogue can phrase: the core's
//! validation problems (matched by their path and wording) and the app's own reading errors
//! (text that is not a number or a date). The core stays the only judge of what is valid;
//! this module only gives its verdicts a translatable shape.

use chrono::NaiveDate;

use crate::model::read::ReadError;
use crate::model::Problem;

/// One thing wrong with a field, ready for a catalogue to phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    /// The typed text is not the number or date the field takes (see [`crate::model::read`]).
    Read(ReadError),
    /// A value is required here.
    Required,
    Empty,
    Duplicate(String),
    NameMissing,
    LanguagesMissing,
    Negative,
    StartAfterEnd(NaiveDate, NaiveDate),
    LevelRange,
    PriorityRange,
    TraineesMin,
    CapMin,
    MinAboveSeats(i64),
    Unknown(Thing, String),
    UnknownMode(String),
    WeightsCount,
    PinSeats,
    /// A problem this module does not know; shown in the core's own (English) words.
    Other(String),
}

/// The kind of thing an unknown reference names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    State,
    Skill,
    Course,
    Need,
    Session,
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
        FieldIssue::new(problem.path.clone(), classify(&problem.message))
    }
}

/// Gives a core validation message its translatable shape.
pub fn classify(message: &str) -> Issue {
    let quoted = || {
        let start = message.find('"')? + 1;
        let end = start + message[start..].find('"')?;
        Some(message[start..end].to_string())
    };
    let number_after = |prefix: &str| -> Option<i64> {
        let rest = &message[message.find(prefix)? + prefix.len()..];
        rest.split_whitespace().next()?.parse().ok()
    };
    if message == "must not be empty" {
        return Issue::Empty;
    }
    if message.starts_with("duplicate ") {
        return Issue::Duplicate(quoted().unwrap_or_default());
    }
    if message.starts_with("needs a name") {
        return Issue::NameMissing;
    }
    if message.starts_with("needs at least one training language") {
        return Issue::LanguagesMissing;
    }
    if message.ends_with("must not be negative") {
        return Issue::Negative;
    }
    if let Some(rest) = message.strip_prefix("starts on ") {
        let mut words = rest.split_whitespace();
        let start = words.next().and_then(|w| w.parse().ok());
        let end = words.last().and_then(|w| w.parse().ok());
        if let (Some(start), Some(end)) = (start, end) {
            return Issue::StartAfterEnd(start, end);
        }
    }
    if message.starts_with("level ") && message.contains("outside 1..3") {
        return Issue::LevelRange;
    }
    if message.starts_with("priority ") && message.contains("outside 1..5") {
        return Issue::PriorityRange;
    }
    if message.starts_with("trainees ") {
        return Issue::TraineesMin;
    }
    if message.starts_with("cap ") {
        return Issue::CapMin;
    }
    if message.starts_with("minimum ") {
        if let Some(seats) = number_after("than the ") {
            return Issue::MinAboveSeats(seats);
        }
    }
    if message.starts_with("unknown mode") {
        return Issue::UnknownMode(quoted().unwrap_or_default());
    }
    if let Some(rest) = message.strip_prefix("unknown ") {
        let thing = match rest.split_whitespace().next() {
            Some("state") => Some(Thing::State),
            Some("skill") => Some(Thing::Skill),
            Some("course") => Some(Thing::Course),
            Some("need") => Some(Thing::Need),
            Some("session") => Some(Thing::Session),
            _ => None,
        };
        if let Some(thing) = thing {
            return Issue::Unknown(thing, quoted().unwrap_or_default());
        }
    }
    if message.starts_with("needs exactly 5 weights") {
        return Issue::WeightsCount;
    }
    if message.starts_with("a pin needs at least 1 seat") {
        return Issue::PinSeats;
    }
    Issue::Other(message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, Scenario};

    #[test]
    fn core_messages_get_their_translatable_shape() {
        assert_eq!(classify("trainees 0 must be at least 1"), Issue::TraineesMin);
        assert_eq!(classify("unknown skill \"forensic\""), Issue::Unknown(Thing::Skill, "forensic".into()));
        assert_eq!(classify("minimum 8 is more than the 5 seats"), Issue::MinAboveSeats(5));
        assert_eq!(
            classify("starts on 2027-03-02 after it ends on 2027-03-01"),
            Issue::StartAfterEnd(
                NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(),
                NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
            )
        );
        assert_eq!(classify("duplicate need id \"QA-1\" (first at needs[0].id)"), Issue::Duplicate("QA-1".into()));
        assert_eq!(classify("something new"), Issue::Other("something new".into()));
    }

    /// Every message the core's validation produces for a broken scenario is understood, so no
    /// Arabic user sees an English sentence for a common mistake.
    #[test]
    fn every_core_problem_of_a_broken_scenario_is_classified() {
        let text = r#"{"format":"qudra-scenario","version":1,
          "settings":{"priority_weights":[1,2,-4],"equity_bonus":-1},
          "states":[{"code":"QA","name":{"en":""},"languages":[],"budget":-5,
                     "blackouts":[{"start":"2027-02-02","end":"2027-02-01"}]}],
          "skills":[{"id":"f","name":{"en":"F"}},{"id":"f","name":{"en":"G"}}],
          "courses":[{"id":"C","title":{"en":"C"},"skill":"x","level":4,"language":"ar","mode":"by_post"}],
          "sessions":[{"id":"S","course":"D","start":"2027-01-02","end":"2027-01-01","seats":-1,
                       "max_per_state":0,"min_participants":3,"cost_per_seat":-1,"open_to":["ZZ"]}],
          "needs":[{"id":"N","state":"XX","skill":"f","level":0,"trainees":0,"priority":9}],
          "pins":[{"need":"N","session":"S","seats":0}]}"#;
        let scenario = Scenario::from_json(text).unwrap();
        let problems = validate(&scenario);
        assert!(problems.len() > 15, "{problems:?}");
        for problem in &problems {
            let issue = classify(&problem.message);
            // Pin/skill mismatches are rare planner-only problems, left in the core's words.
            if !problem.path.starts_with("pins[0]") || problem.path.ends_with(".seats") {
                assert!(!matches!(issue, Issue::Other(_)), "unclassified: {problem}");
            }
        }
    }
}
