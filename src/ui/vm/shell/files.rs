//! Files in and out of the app: the whole scenario, and a focal point's "my submission" (the
//! needs of one state) that the regional centre imports. A file that cannot be read, is of
//! another kind, or would make the scenario invalid is refused whole; nothing changes.

use serde::{Deserialize, Serialize};

use crate::model::{
    order, validate, Need, ParseError, Problem, ProblemKind, Scenario, StateCode, SCENARIO_FORMAT, SCENARIO_VERSION,
};

/// The `format` tag of a submission file.
pub const SUBMISSION_FORMAT: &str = "qudra-submission";
/// The submission version this build reads and writes.
pub const SUBMISSION_VERSION: u32 = 1;

/// A focal point's needs for one state, sent to the regional centre.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    pub format: String,
    pub version: u32,
    pub state: StateCode,
    /// The scenario the needs were entered against, for the reader's information.
    #[serde(default)]
    pub scenario: String,
    pub needs: Vec<Need>,
}

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not JSON at all (or not text).
    NotJson { line: usize, column: usize },
    /// JSON, but neither a scenario nor a submission.
    UnknownFormat(String),
    /// Written by a newer Qudra.
    NewerVersion { found: u32, supported: u32 },
    /// A scenario or submission whose shape is wrong (a field misspelt, a bad date …).
    Shape(ParseError),
    /// The scenario it would give has validation problems.
    Invalid(Vec<Problem>),
    /// A submission names a state the scenario does not have.
    UnknownState(StateCode),
    /// A submission contains a need of another state.
    OtherState { need: String, state: StateCode },
}

/// What an accepted file did.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// The whole scenario was replaced.
    Scenario { needs: usize, sessions: usize },
    /// A state's needs were replaced by its submission.
    Submission { state: StateCode, needs: usize, replaced: usize },
}

/// The scenario file to download.
pub fn export_scenario(scenario: &Scenario) -> String {
    scenario.to_json()
}

/// The needs of `state` as a submission file.
pub fn export_submission(scenario: &Scenario, state: &StateCode) -> String {
    let submission = Submission {
        format: SUBMISSION_FORMAT.to_string(),
        version: SUBMISSION_VERSION,
        state: state.clone(),
        scenario: scenario.title.clone(),
        needs: scenario.needs.iter().filter(|n| &n.state == state).cloned().collect(),
    };
    serde_json::to_string_pretty(&submission).unwrap_or_default() + "\n"
}

/// A suggested file name for a download (ASCII only, so every system keeps it).
pub fn file_name(kind: &str, state: Option<&StateCode>) -> String {
    let safe = |s: &str| s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect::<String>();
    match state {
        Some(code) => format!("qudra-{}-{}.json", safe(kind), safe(code.as_str())),
        None => format!("qudra-{}.json", safe(kind)),
    }
}

/// Reads a scenario or submission file and returns the scenario it gives, or why not.
pub fn import(current: &Scenario, text: &str) -> Result<(Scenario, Imported), ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson { line: e.line(), column: e.column() })?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or_default().to_string();
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
    match format.as_str() {
        SCENARIO_FORMAT => {
            if version > SCENARIO_VERSION {
                return Err(ImportError::NewerVersion { found: version, supported: SCENARIO_VERSION });
            }
            // Unknown fields come with every other problem of the file (SPEC §2).
            let scenario = Scenario::from_json(text).map_err(|e| match e.problems.is_empty() {
                true => ImportError::Shape(e),
                false => ImportError::Invalid(e.problems),
            })?;
            check(&scenario)?;
            let imported = Imported::Scenario { needs: scenario.needs.len(), sessions: scenario.sessions.len() };
            Ok((scenario, imported))
        }
        SUBMISSION_FORMAT => {
            if version > SUBMISSION_VERSION {
                return Err(ImportError::NewerVersion { found: version, supported: SUBMISSION_VERSION });
            }
            let submission = parse_submission(text)?;
            merge_submission(current, submission)
        }
        other => Err(ImportError::UnknownFormat(other.to_string())),
    }
}

fn parse_submission(text: &str) -> Result<Submission, ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        ImportError::Shape(ParseError {
            path,
            kind: Box::new(ProblemKind::Shape { detail: inner.to_string() }),
            line: inner.line(),
            column: inner.column(),
            problems: Vec::new(),
        })
    })
}

/// Replaces the needs of the submission's state with the submitted ones, keeping the place of
/// the state's first need so the file's order stays stable.
fn merge_submission(current: &Scenario, submission: Submission) -> Result<(Scenario, Imported), ImportError> {
    let state = submission.state.clone();
    if current.state(&state).is_none() {
        return Err(ImportError::UnknownState(state));
    }
    if let Some(need) = submission.needs.iter().find(|n| n.state != state) {
        return Err(ImportError::OtherState { need: need.id.to_string(), state: need.state.clone() });
    }
    let mut scenario = current.clone();
    let at = scenario.needs.iter().position(|n| n.state == state).unwrap_or(scenario.needs.len());
    let replaced = scenario.needs.iter().filter(|n| n.state == state).count();
    scenario.needs.retain(|n| n.state != state);
    let count = submission.needs.len();
    let at = at.min(scenario.needs.len());
    scenario.needs.splice(at..at, submission.needs);
    let kept: std::collections::BTreeSet<_> = order::set(scenario.needs.iter().map(|n| n.id.clone()));
    scenario.pins.retain(|p| kept.contains(&p.need));
    scenario.exclusions.retain(|e| kept.contains(&e.need));
    check(&scenario)?;
    Ok((scenario, Imported::Submission { state, needs: count, replaced }))
}

fn check(scenario: &Scenario) -> Result<(), ImportError> {
    let problems = validate(scenario);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::Invalid(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,"title":"Plan 2027",
            "states":[{"code":"QA","name":{"en":"Qatar"},"languages":["ar","en"]},
                      {"code":"TN","name":{"en":"Tunisia"},"languages":["ar","fr"]}],
            "skills":[{"id":"forensics","name":{"en":"Digital forensics"}}],
            "courses":[],"sessions":[],
            "needs":[{"id":"TN-1","state":"TN","skill":"forensics","level":1,"trainees":3,"priority":4},
                     {"id":"QA-1","state":"QA","skill":"forensics","level":1,"trainees":6,"priority":4},
                     {"id":"QA-2","state":"QA","skill":"forensics","level":2,"trainees":2,"priority":2}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_submission_round_trips_into_the_centres_scenario() {
        let mut focal = scenario();
        focal.needs[1].trainees = 10;
        focal.needs.remove(2);
        let file = export_submission(&focal, &"QA".into());
        let (merged, imported) = import(&scenario(), &file).unwrap();
        assert_eq!(imported, Imported::Submission { state: "QA".into(), needs: 1, replaced: 2 });
        assert_eq!(merged.needs.len(), 2);
        assert_eq!(merged.needs[1].trainees, 10);
        assert_eq!(merged.needs[0].id.as_str(), "TN-1");
    }

    #[test]
    fn a_scenario_file_replaces_everything() {
        let mut other = scenario();
        other.title = "Other".into();
        let (s, imported) = import(&scenario(), &other.to_json()).unwrap();
        assert_eq!(s.title, "Other");
        assert_eq!(imported, Imported::Scenario { needs: 3, sessions: 0 });
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let s = scenario();
        assert!(matches!(import(&s, "not json"), Err(ImportError::NotJson { line: 1, .. })));
        assert_eq!(import(&s, r#"{"format":"x"}"#).unwrap_err(), ImportError::UnknownFormat("x".into()));
        assert!(matches!(
            import(&s, r#"{"format":"qudra-scenario","version":9}"#),
            Err(ImportError::NewerVersion { found: 9, .. })
        ));
        let misspelt = s.to_json().replace("\"trainees\"", "\"trainess\"");
        let err = import(&s, &misspelt).unwrap_err();
        // Each misspelt field is named, with every other problem of the file.
        assert!(matches!(&err, ImportError::Invalid(p) if p[0].path == "needs[0].trainess" && p.len() == 4), "{err:?}");
        let invalid = s.to_json().replace("\"trainees\": 3", "\"trainees\": 0");
        assert!(matches!(import(&s, &invalid), Err(ImportError::Invalid(p)) if p[0].path == "needs[0].trainees"));
    }

    #[test]
    fn a_submission_must_stay_within_its_state_and_the_scenario() {
        let s = scenario();
        let file = export_submission(&s, &"QA".into());
        let other_state = file.replacen("\"state\": \"QA\",\n  \"scenario\"", "\"state\": \"TN\",\n  \"scenario\"", 1);
        assert!(matches!(import(&s, &other_state), Err(ImportError::OtherState { .. })));
        let unknown = file.replace("\"QA\"", "\"ZZ\"");
        assert_eq!(import(&s, &unknown).unwrap_err(), ImportError::UnknownState("ZZ".into()));
        let clash = file.replace("QA-2", "TN-1");
        assert!(matches!(import(&s, &clash), Err(ImportError::Invalid(_))));
    }

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(file_name("submission", Some(&"QA".into())), "qudra-submission-QA.json");
        assert_eq!(file_name("scenario", None), "qudra-scenario.json");
    }
}
