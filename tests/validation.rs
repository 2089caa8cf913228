//! Scenario validation (SPEC §2): every error class is reported at its JSON path with a
//! plain message, unknown fields are rejected at parse time with their path, and a file
//! with several errors reports all of them.

use qudra::model::{validate, Problem, ProblemKind, Scenario, Thing};
use serde_json::{json, Value};

/// A valid scenario: two states, two skills, two courses, two sessions, thirteen needs
/// (so that `needs[12]` exists, as in the SPEC's example), one pin, one exclusion.
fn valid() -> Value {
    let needs: Vec<Value> = (0..13)
        .map(|i| {
            let (skill, level) = if i == 1 { ("crypto", 2) } else { ("forensics", 1) };
            json!({
                "id": format!("need-{i:02}"),
                "state": if i % 2 == 0 { "QA" } else { "TN" },
                "skill": skill,
                "level": level,
                "trainees": 3,
                "priority": 1 + i % 5,
                "window": {"start": "2027-01-01", "end": "2027-06-30"},
                "languages": ["ar", "en"],
                "modes": ["in_person", "online"]
            })
        })
        .collect();
    json!({
        "format": "qudra-scenario",
        "version": 1,
        "title": "Validation fixture",
        "horizon": {"start": "2027-01-01", "end": "2027-12-31"},
        "settings": {"priority_weights": [1, 2, 4, 8, 16], "equity_bonus": 0.5, "cost_weight": 0.0001, "currency": "USD"},
        "states": [
            {"code": "QA", "name": {"en": "Qatar", "ar": "قطر"}, "languages": ["ar", "en"], "budget": null,
             "blackouts": [{"start": "2027-12-18", "end": "2027-12-18", "label": "National Day"}]},
            {"code": "TN", "name": {"en": "Tunisia", "ar": "تونس"}, "languages": ["ar", "fr"], "budget": 50000}
        ],
        "skills": [
            {"id": "forensics", "name": {"en": "Digital forensics"}},
            {"id": "crypto", "name": {"en": "Crypto-asset tracing"}}
        ],
        "courses": [
            {"id": "DF-101", "title": {"en": "Forensics fundamentals"}, "skill": "forensics", "level": 1,
             "language": "ar", "mode": "in_person", "location": "Doha"},
            {"id": "CT-201", "title": {"en": "Tracing crypto-assets"}, "skill": "crypto", "level": 2,
             "language": "en", "mode": "online", "location": "Tunis"}
        ],
        "sessions": [
            {"id": "DF-101-A", "course": "DF-101", "start": "2027-02-07", "end": "2027-02-11", "seats": 24,
             "max_per_state": 4, "min_participants": 0, "cost_per_seat": 1500, "open_to": null},
            {"id": "CT-201-A", "course": "CT-201", "start": "2027-03-07", "end": "2027-03-11", "seats": 20,
             "max_per_state": null, "min_participants": 5, "cost_per_seat": 900, "open_to": ["QA", "TN"]}
        ],
        "needs": needs,
        "pins": [{"need": "need-01", "session": "CT-201-A", "seats": 2}],
        "exclusions": [{"need": "need-02", "session": "DF-101-A"}]
    })
}

/// The valid fixture with one value replaced, at a JSON pointer such as `/needs/12/skill`.
fn with(changes: &[(&str, Value)]) -> Value {
    let mut doc = valid();
    for (pointer, value) in changes {
        match doc.pointer_mut(pointer) {
            Some(slot) => *slot = value.clone(),
            None => panic!("fixture has no {pointer}"),
        }
    }
    doc
}

/// Appends a value to the array at `pointer`.
fn push(mut doc: Value, pointer: &str, value: Value) -> Value {
    doc.pointer_mut(pointer).and_then(Value::as_array_mut).expect("an array").push(value);
    doc
}

fn problems(doc: &Value) -> Vec<Problem> {
    let scenario = Scenario::from_json(&doc.to_string()).unwrap_or_else(|err| panic!("should parse: {err}"));
    validate(&scenario)
}

/// Exactly the expected problems, in this order: each path exact, each message containing
/// every listed word.
fn assert_problems(doc: &Value, expected: &[(&str, &[&str])]) {
    let found = problems(doc);
    let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
    let wanted: Vec<&str> = expected.iter().map(|(path, _)| *path).collect();
    assert_eq!(paths, wanted, "problems: {found:#?}");
    for (problem, (_, words)) in found.iter().zip(expected) {
        for word in *words {
            assert!(problem.message().contains(word), "{problem} should mention {word:?}");
        }
    }
}

/// At least a problem at `path` whose message has every word (for errors that
/// legitimately trigger a second, related problem).
fn assert_reports(doc: &Value, path: &str, words: &[&str]) {
    let found = problems(doc);
    assert!(
        found.iter().any(|p| p.path == path && words.iter().all(|w| p.message().contains(w))),
        "no problem at {path} mentioning {words:?}: {found:#?}"
    );
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(problems(&valid()), Vec::new());
}

#[test]
fn a_problem_prints_as_path_colon_message() {
    let found = problems(&with(&[("/needs/12/skill", json!("forensic"))]));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].to_string(), r#"needs[12].skill: unknown skill "forensic""#);
}

// Duplicate ids, of each kind.

#[test]
fn duplicate_state_code() {
    // TN's needs now name a state that no longer exists, so they dangle too.
    let doc = with(&[("/states/1/code", json!("QA"))]);
    assert_reports(&doc, "states[1].code", &["duplicate", "\"QA\"", "states[0].code"]);
}

#[test]
fn duplicate_skill_id() {
    // The second skill's old id is still used by a course and a need, so they dangle too.
    let doc = with(&[("/skills/1/id", json!("forensics"))]);
    assert_reports(&doc, "skills[1].id", &["duplicate", "\"forensics\""]);
}

#[test]
fn duplicate_course_id() {
    let doc = with(&[("/courses/1/id", json!("DF-101"))]);
    assert_reports(&doc, "courses[1].id", &["duplicate", "\"DF-101\""]);
}

#[test]
fn duplicate_session_id() {
    let doc = with(&[("/sessions/1/id", json!("DF-101-A"))]);
    assert_reports(&doc, "sessions[1].id", &["duplicate", "\"DF-101-A\""]);
}

#[test]
fn duplicate_need_id() {
    assert_problems(&with(&[("/needs/7/id", json!("need-03"))]), &[("needs[7].id", &["duplicate", "\"need-03\""])]);
}

// Dangling references.

#[test]
fn unknown_skill_of_a_need() {
    assert_problems(&with(&[("/needs/12/skill", json!("forensic"))]), &[("needs[12].skill", &["unknown skill"])]);
}

#[test]
fn unknown_state_of_a_need() {
    assert_problems(&with(&[("/needs/4/state", json!("XX"))]), &[("needs[4].state", &["unknown state", "\"XX\""])]);
}

#[test]
fn unknown_skill_of_a_course() {
    assert_problems(
        &with(&[("/courses/0/skill", json!("forensix"))]),
        &[("courses[0].skill", &["unknown skill", "\"forensix\""])],
    );
}

#[test]
fn unknown_course_of_a_session() {
    assert_problems(
        &with(&[("/sessions/0/course", json!("DF-999"))]),
        &[("sessions[0].course", &["unknown course", "\"DF-999\""])],
    );
}

#[test]
fn unknown_state_in_open_to() {
    assert_problems(
        &with(&[("/sessions/1/open_to", json!(["QA", "EG"]))]),
        &[("sessions[1].open_to[1]", &["unknown state", "\"EG\""])],
    );
}

#[test]
fn unknown_need_and_session_of_a_pin() {
    assert_problems(
        &with(&[("/pins/0/need", json!("need-99")), ("/pins/0/session", json!("XX-1"))]),
        &[("pins[0].need", &["unknown need", "\"need-99\""]), ("pins[0].session", &["unknown session", "\"XX-1\""])],
    );
}

#[test]
fn unknown_need_and_session_of_an_exclusion() {
    assert_problems(
        &with(&[("/exclusions/0/need", json!("need-99")), ("/exclusions/0/session", json!("XX-1"))]),
        &[
            ("exclusions[0].need", &["unknown need", "\"need-99\""]),
            ("exclusions[0].session", &["unknown session", "\"XX-1\""]),
        ],
    );
}

// Start after end.

#[test]
fn start_after_end_of_horizon_blackout_session_and_window() {
    let doc = with(&[
        ("/horizon/start", json!("2028-01-01")),
        ("/states/0/blackouts/0/start", json!("2027-12-19")),
        ("/sessions/0/start", json!("2027-02-12")),
        ("/needs/5/window/end", json!("2026-12-31")),
    ]);
    assert_problems(
        &doc,
        &[
            ("horizon.start", &["2028-01-01", "2027-12-31"]),
            ("states[0].blackouts[0].start", &["2027-12-19", "2027-12-18"]),
            ("sessions[0].start", &["2027-02-12", "2027-02-11"]),
            ("needs[5].window.start", &["2027-01-01", "2026-12-31"]),
        ],
    );
}

#[test]
fn a_one_day_range_is_fine() {
    let doc = with(&[("/sessions/0/end", json!("2027-02-07"))]);
    assert_eq!(problems(&doc), Vec::new());
}

// Levels, priorities, trainees.

#[test]
fn level_outside_1_to_3() {
    assert_problems(&with(&[("/needs/3/level", json!(4))]), &[("needs[3].level", &["level 4", "1..3"])]);
    assert_problems(&with(&[("/needs/3/level", json!(0))]), &[("needs[3].level", &["level 0", "1..3"])]);
    // A course at level 0 also breaks nothing else: no pin uses DF-101.
    assert_problems(&with(&[("/courses/0/level", json!(0))]), &[("courses[0].level", &["level 0"])]);
    for level in 1..=3 {
        assert_problems(&with(&[("/needs/3/level", json!(level))]), &[]);
    }
}

#[test]
fn priority_outside_1_to_5() {
    assert_problems(&with(&[("/needs/6/priority", json!(0))]), &[("needs[6].priority", &["priority 0", "1..5"])]);
    assert_problems(&with(&[("/needs/6/priority", json!(6))]), &[("needs[6].priority", &["priority 6", "1..5"])]);
    assert_problems(&with(&[("/needs/6/priority", json!(5))]), &[]);
}

#[test]
fn trainees_below_1() {
    assert_problems(&with(&[("/needs/8/trainees", json!(0))]), &[("needs[8].trainees", &["trainees 0", "at least 1"])]);
    assert_problems(&with(&[("/needs/8/trainees", json!(-2))]), &[("needs[8].trainees", &["trainees -2"])]);
    assert_problems(&with(&[("/needs/8/trainees", json!(1))]), &[]);
}

// Sessions: seats, cap, minimum, cost; states: budget.

#[test]
fn negative_seats() {
    assert_reports(&with(&[("/sessions/0/seats", json!(-1))]), "sessions[0].seats", &["-1", "negative"]);
    // Zero seats is a session nobody can attend, not an error.
    assert_problems(&with(&[("/sessions/0/seats", json!(0))]), &[]);
}

#[test]
fn max_per_state_below_1() {
    assert_problems(
        &with(&[("/sessions/0/max_per_state", json!(0))]),
        &[("sessions[0].max_per_state", &["cap 0", "at least 1"])],
    );
    assert_problems(&with(&[("/sessions/0/max_per_state", json!(1))]), &[]);
}

#[test]
fn min_participants_above_seats() {
    assert_problems(
        &with(&[("/sessions/1/min_participants", json!(21))]),
        &[("sessions[1].min_participants", &["21", "20 seats"])],
    );
    assert_problems(&with(&[("/sessions/1/min_participants", json!(20))]), &[]);
}

#[test]
fn negative_cost_and_budget() {
    assert_problems(
        &with(&[("/states/1/budget", json!(-5)), ("/sessions/1/cost_per_seat", json!(-900))]),
        &[("states[1].budget", &["-5", "negative"]), ("sessions[1].cost_per_seat", &["-900", "negative"])],
    );
    assert_problems(&with(&[("/states/1/budget", json!(0)), ("/sessions/1/cost_per_seat", json!(0))]), &[]);
}

// Modes and weights.

#[test]
fn unknown_mode_of_a_course_and_a_need() {
    assert_problems(
        &with(&[("/courses/0/mode", json!("hybrid")), ("/needs/9/modes", json!(["online", "classroom"]))]),
        &[
            ("courses[0].mode", &["unknown mode", "\"hybrid\""]),
            ("needs[9].modes[1]", &["unknown mode", "\"classroom\""]),
        ],
    );
}

#[test]
fn weights_not_five() {
    assert_problems(
        &with(&[("/settings/priority_weights", json!([1, 2, 4, 8]))]),
        &[("settings.priority_weights", &["5", "found 4"])],
    );
    assert_problems(
        &with(&[("/settings/priority_weights", json!([1, 2, 4, 8, 16, 32]))]),
        &[("settings.priority_weights", &["found 6"])],
    );
}

#[test]
fn negative_weight() {
    assert_problems(
        &with(&[("/settings/priority_weights", json!([1, 2, -4, 8, 16]))]),
        &[("settings.priority_weights[2]", &["-4", "negative"])],
    );
}

// Pins and exclusions.

#[test]
fn pin_across_skill_or_level() {
    // need-01 is crypto level 2; DF-101-A teaches forensics level 1.
    assert_problems(
        &with(&[("/pins/0/session", json!("DF-101-A"))]),
        &[("pins[0]", &["need-01", "crypto level 2", "DF-101-A", "forensics level 1"])],
    );
    // Same skill, other level.
    assert_problems(&with(&[("/courses/1/level", json!(3))]), &[("pins[0]", &["level 2", "level 3"])]);
}

#[test]
fn pin_with_fewer_than_one_seat() {
    assert_problems(&with(&[("/pins/0/seats", json!(0))]), &[("pins[0].seats", &["at least 1", "found 0"])]);
}

#[test]
fn two_pins_on_the_same_pair() {
    let doc = push(valid(), "/pins", json!({"need": "need-01", "session": "CT-201-A", "seats": 1}));
    assert_problems(&doc, &[("pins[1]", &["second pin", "need-01", "CT-201-A", "pins[0]"])]);
}

#[test]
fn two_exclusions_on_the_same_pair() {
    let doc = push(valid(), "/exclusions", json!({"need": "need-02", "session": "DF-101-A"}));
    assert_problems(&doc, &[("exclusions[1]", &["second exclusion", "need-02", "DF-101-A", "exclusions[0]"])]);
}

#[test]
fn pin_on_an_excluded_pair() {
    let doc = push(valid(), "/exclusions", json!({"need": "need-01", "session": "CT-201-A"}));
    assert_problems(&doc, &[("pins[0]", &["need-01", "CT-201-A", "excluded"])]);
}

// Unknown fields and bad shapes are parse errors with their path.

fn parse_error(doc: &Value) -> (String, String) {
    match Scenario::from_json(&doc.to_string()) {
        Ok(_) => panic!("should not parse"),
        Err(err) => {
            let message = err.message();
            (err.path, message)
        }
    }
}

#[test]
fn unknown_fields_are_rejected_with_their_path() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (push(valid(), "/needs", json!({})), "needs[13]", "missing field"),
        (
            {
                let mut doc = valid();
                doc["needs"][3]["prioritty"] = json!(2);
                doc
            },
            "needs[3].prioritty",
            "unknown field \"prioritty\"",
        ),
        (
            {
                let mut doc = valid();
                doc["sessions"][1]["seat"] = json!(2);
                doc
            },
            "sessions[1].seat",
            "unknown field \"seat\"",
        ),
        (
            {
                let mut doc = valid();
                doc["settings"]["cost_weigth"] = json!(0.1);
                doc
            },
            "settings.cost_weigth",
            "unknown field \"cost_weigth\"",
        ),
        (
            {
                let mut doc = valid();
                doc["titel"] = json!("typo");
                doc
            },
            "titel",
            "unknown field \"titel\"",
        ),
        (
            {
                let mut doc = valid();
                doc["states"][0]["blackouts"][0]["lable"] = json!("typo");
                doc
            },
            "states[0].blackouts[0].lable",
            "unknown field \"lable\"",
        ),
    ];
    for (doc, path, words) in cases {
        let (found_path, message) = parse_error(&doc);
        assert_eq!(found_path, path, "{message}");
        assert!(message.contains(words), "{path}: {message}");
    }
}

#[test]
fn a_value_of_the_wrong_type_names_its_path() {
    let (path, _) = parse_error(&with(&[("/needs/2/trainees", json!("six"))]));
    assert_eq!(path, "needs[2].trainees");
    let (path, _) = parse_error(&with(&[("/sessions/0/start", json!("2027-02-30"))]));
    assert_eq!(path, "sessions[0].start");
}

#[test]
fn omitted_optional_fields_take_their_defaults_and_stay_valid() {
    let mut doc = valid();
    let root = doc.as_object_mut().unwrap();
    for key in ["title", "horizon", "settings", "pins", "exclusions"] {
        root.remove(key);
    }
    for need in doc["needs"].as_array_mut().unwrap() {
        let need = need.as_object_mut().unwrap();
        need.remove("window");
        need.remove("languages");
        need.remove("modes");
    }
    for session in doc["sessions"].as_array_mut().unwrap() {
        let session = session.as_object_mut().unwrap();
        for key in ["max_per_state", "min_participants", "cost_per_seat", "open_to"] {
            session.remove(key);
        }
    }
    assert_eq!(problems(&doc), Vec::new());
}

// All problems of a file, not just the first.

#[test]
fn a_file_with_several_errors_reports_all_of_them_in_document_order() {
    let doc = with(&[
        ("/settings/priority_weights", json!([1, 2, 4])),
        ("/states/0/budget", json!(-1)),
        ("/courses/1/mode", json!("correspondence")),
        ("/sessions/0/max_per_state", json!(0)),
        ("/needs/0/priority", json!(9)),
        ("/needs/12/skill", json!("forensic")),
        ("/pins/0/seats", json!(0)),
    ]);
    let doc = push(doc, "/exclusions", json!({"need": "need-02", "session": "DF-101-A"}));
    assert_problems(
        &doc,
        &[
            ("settings.priority_weights", &["5"]),
            ("states[0].budget", &["negative"]),
            ("courses[1].mode", &["correspondence"]),
            ("sessions[0].max_per_state", &["at least 1"]),
            ("needs[0].priority", &["9"]),
            ("needs[12].skill", &["forensic"]),
            ("pins[0].seats", &["0"]),
            ("exclusions[1]", &["second exclusion"]),
        ],
    );
}

#[test]
fn an_invalid_scenario_is_never_solved() {
    let scenario = Scenario::from_json(&with(&[("/needs/12/skill", json!("forensic"))]).to_string()).unwrap();
    match qudra::solve::solve(&scenario, &Default::default()) {
        Err(qudra::solve::SolveError::Invalid(found)) => {
            assert_eq!(
                found,
                vec![Problem::new(
                    "needs[12].skill",
                    ProblemKind::Unknown { thing: Thing::Skill, id: "forensic".into() }
                )]
            );
            assert_eq!(found[0].to_string(), "needs[12].skill: unknown skill \"forensic\"");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}
