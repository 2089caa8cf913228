//! A scenario file is read as strictly as the CSV import (issue 10, items 5, 9, 12, 13, 14):
//! counts, money and weights within what the model represents exactly; no text that shows
//! other words than it holds; objects only, no key twice, dates exactly `YYYY-MM-DD`, ids and
//! state codes of a fixed alphabet; unknown fields reported with every other problem; and
//! validation that stays linear on large files.

mod common;

use common::cli::{run, scratch, stderr, write};
use qudra::io::import::needs_csv;
use qudra::model::{validate, Problem, ProblemKind, Scenario, MAX_COUNT, MAX_MONEY, MAX_WEIGHT};
use serde_json::{json, Value};

fn valid() -> Value {
    json!({
        "format": "qudra-scenario",
        "version": 1,
        "title": "Strict fixture",
        "horizon": {"start": "2027-01-01", "end": "2027-12-31"},
        "settings": {"priority_weights": [1, 2, 4, 8, 16], "equity_bonus": 0.5, "cost_weight": 0.0001, "currency": "USD"},
        "states": [
            {"code": "QA", "name": {"en": "Qatar", "ar": "قطر"}, "languages": ["ar", "en"], "budget": 50000,
             "blackouts": [{"start": "2027-12-18", "end": "2027-12-18", "label": "National Day"}]},
            {"code": "TN", "name": {"en": "Tunisia"}, "languages": ["ar", "fr"], "budget": null}
        ],
        "skills": [{"id": "forensics", "name": {"en": "Digital forensics"}}],
        "courses": [{"id": "DF-101", "title": {"en": "Digital forensics fundamentals", "ar": "أساسيات"},
                     "skill": "forensics", "level": 1, "language": "ar", "mode": "in_person", "location": "Doha"}],
        "sessions": [{"id": "DF-101-A", "course": "DF-101", "start": "2027-02-07", "end": "2027-02-11", "seats": 24,
                      "max_per_state": 4, "min_participants": 2, "cost_per_seat": 1500, "open_to": ["QA", "TN"]}],
        "needs": [
            {"id": "QA-f-1", "state": "QA", "skill": "forensics", "level": 1, "trainees": 6, "priority": 4,
             "window": {"start": "2027-01-01", "end": "2027-06-30"}, "note": "Evidence lab"},
            {"id": "TN-f-1", "state": "TN", "skill": "forensics", "level": 1, "trainees": 3, "priority": 2}
        ],
        "pins": [{"need": "QA-f-1", "session": "DF-101-A", "seats": 2}],
        "exclusions": [{"need": "TN-f-1", "session": "DF-101-A"}]
    })
}

/// The valid fixture with values replaced at JSON pointers.
fn with(changes: &[(&str, Value)]) -> Value {
    let mut doc = valid();
    for (pointer, value) in changes {
        *doc.pointer_mut(pointer).unwrap_or_else(|| panic!("fixture has no {pointer}")) = value.clone();
    }
    doc
}

/// Every problem the file has, whether reading or validating found it.
fn all_problems(text: &str) -> Vec<Problem> {
    match Scenario::from_json(text) {
        Ok(scenario) => validate(&scenario),
        Err(err) => err.all_problems(),
    }
}

/// A problem at exactly `path` whose message holds every word.
fn assert_problem(text: &str, path: &str, words: &[&str]) {
    let found = all_problems(text);
    assert!(
        found.iter().any(|p| p.path == path && words.iter().all(|w| p.message().contains(w))),
        "expected {path}: {words:?}, found {found:#?}"
    );
}

fn assert_valid(doc: &Value) {
    assert_eq!(all_problems(&doc.to_string()), vec![], "{doc}");
}

#[test]
fn the_fixture_is_valid() {
    assert_valid(&valid());
}

// Item 5: overflow and float range.

#[test]
fn counts_above_the_bound_are_problems_at_their_path() {
    let max = i64::MAX;
    let cases: [(&str, i64, &str); 6] = [
        ("/needs/1/trainees", max, "needs[1].trainees"),
        ("/sessions/0/seats", max, "sessions[0].seats"),
        ("/sessions/0/max_per_state", MAX_COUNT + 1, "sessions[0].max_per_state"),
        ("/sessions/0/min_participants", MAX_COUNT + 1, "sessions[0].min_participants"),
        ("/pins/0/seats", max, "pins[0].seats"),
        ("/needs/0/trainees", MAX_COUNT + 1, "needs[0].trainees"),
    ];
    for (pointer, value, path) in cases {
        let text = with(&[(pointer, json!(value))]).to_string();
        assert_problem(&text, path, &[&value.to_string(), "is more than 100000"]);
    }
    assert_problem(
        &with(&[("/needs/1/trainees", json!(max))]).to_string(),
        "needs[1].trainees",
        &["9223372036854775807 is more than 100000"],
    );
    // A bound is its own kind, not the "at least 1" rule of the same fields.
    for (pointer, path) in
        [("/needs/1/trainees", "needs[1].trainees"), ("/sessions/0/max_per_state", "sessions[0].max_per_state")]
    {
        let found = all_problems(&with(&[(pointer, json!(max))]).to_string());
        let problem = found.iter().find(|p| p.path == path).expect(path);
        assert_eq!(problem.kind, ProblemKind::CountTooLarge { value: max }, "{problem}");
    }
    // The bound itself is fine.
    assert_valid(&with(&[
        ("/needs/0/trainees", json!(MAX_COUNT)),
        ("/sessions/0/seats", json!(MAX_COUNT)),
        ("/sessions/0/max_per_state", json!(MAX_COUNT)),
        ("/sessions/0/min_participants", json!(MAX_COUNT)),
        ("/pins/0/seats", json!(MAX_COUNT)),
    ]));
}

#[test]
fn money_above_the_bound_is_a_problem_at_its_path() {
    for (pointer, path) in
        [("/sessions/0/cost_per_seat", "sessions[0].cost_per_seat"), ("/states/0/budget", "states[0].budget")]
    {
        assert_problem(&with(&[(pointer, json!(i64::MAX))]).to_string(), path, &["is more than 1000000000000"]);
        assert_problem(&with(&[(pointer, json!(MAX_MONEY + 1))]).to_string(), path, &["1000000000001"]);
        assert_problem(&with(&[(pointer, json!(-1))]).to_string(), path, &["negative"]);
        assert_valid(&with(&[(pointer, json!(MAX_MONEY))]));
    }
}

#[test]
fn weights_must_be_finite_and_at_most_a_million() {
    for (pointer, path) in [
        ("/settings/priority_weights/3", "settings.priority_weights[3]"),
        ("/settings/equity_bonus", "settings.equity_bonus"),
        ("/settings/cost_weight", "settings.cost_weight"),
    ] {
        for (value, shown) in [(1e18, "1e18"), (1e300, "1e300"), (MAX_WEIGHT * 1.5, "1500000")] {
            let text = with(&[(pointer, json!(value))]).to_string();
            assert_problem(&text, path, &[&format!("{shown} is more than 1000000")]);
        }
        assert_problem(&with(&[(pointer, json!(-0.5))]).to_string(), path, &["negative"]);
        assert_valid(&with(&[(pointer, json!(MAX_WEIGHT))]));
    }
    let strict = json!([1, 100, 1e4, 1e6, 1e8]);
    assert_problem(
        &with(&[("/settings/priority_weights", strict)]).to_string(),
        "settings.priority_weights[4]",
        &["100000000 is more than 1000000"],
    );
}

#[test]
fn numbers_beyond_what_json_integers_hold_are_a_clear_problem() {
    let base = valid().to_string();
    for (number, path) in [
        ("99999999999999999999", "needs[1].trainees"),
        ("-99999999999999999999", "needs[1].trainees"),
        ("6.5", "needs[1].trainees"),
    ] {
        let text = base.replace("\"trainees\":3", &format!("\"trainees\":{number}"));
        assert_ne!(text, base);
        let err = Scenario::from_json(&text).expect_err(number);
        assert_eq!(err.path, path, "{err}");
        assert!(err.message().contains("whole number"), "{err}");
        assert!(err.line == 1 && err.column > 0, "the place in the text is kept: {err:?}");
    }
    // Too large even for a double: the JSON reader names the place in the text.
    let text = base.replace("\"trainees\":3", "\"trainees\":1e400");
    let err = Scenario::from_json(&text).expect_err("1e400");
    assert!(err.line > 0 && err.message().contains("out of range"), "{err:?}");
}

// Item 9: validation is linear (correctness on a large file; the timing is in the report).

#[test]
fn a_large_file_with_many_exclusions_reports_exactly_its_problems() {
    let n = 20_000;
    let mut doc = valid();
    let needs: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("N{i}"), "state": "QA", "skill": "forensics", "level": 1, "trainees": 1, "priority": 1}))
        .collect();
    let sessions: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("S{i}"), "course": "DF-101", "start": "2027-03-01", "end": "2027-03-02", "seats": 5}))
        .collect();
    let mut exclusions: Vec<Value> =
        (0..n).map(|i| json!({"need": format!("N{i}"), "session": format!("S{}", (i * 7) % n)})).collect();
    exclusions.push(json!({"need": "N5", "session": "nowhere"}));
    let mut pins: Vec<Value> =
        (1..n).map(|i| json!({"need": format!("N{i}"), "session": format!("S{}", i - 1), "seats": 1})).collect();
    pins.push(json!({"need": "N0", "session": "S0", "seats": 1}));
    doc["needs"] = Value::Array(needs);
    doc["sessions"] = Value::Array(sessions);
    doc["exclusions"] = Value::Array(exclusions);
    doc["pins"] = Value::Array(pins);
    let found = all_problems(&doc.to_string());
    let last_pin = format!("pins[{}]", n - 1);
    assert_eq!(
        found.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
        [last_pin.as_str(), &format!("exclusions[{n}].session")],
        "{found:#?}"
    );
    assert!(found[0].message().contains("excluded"), "{}", found[0]);
    assert!(found[1].message().contains("unknown session \"nowhere\""), "{}", found[1]);
}

// Item 12: bidirectional controls and control characters.

#[test]
fn text_people_read_refuses_bidi_controls_and_control_characters() {
    let evil = "Readiness exercises \u{202E} evil \u{202C}";
    let cases = [
        ("/title", "title"),
        ("/settings/currency", "settings.currency"),
        ("/states/0/name/en", "states[0].name.en"),
        ("/states/0/blackouts/0/label", "states[0].blackouts[0].label"),
        ("/skills/0/name/en", "skills[0].name.en"),
        ("/courses/0/title/ar", "courses[0].title.ar"),
        ("/courses/0/location", "courses[0].location"),
        ("/needs/0/note", "needs[0].note"),
    ];
    for (pointer, path) in cases {
        assert_problem(&with(&[(pointer, json!(evil))]).to_string(), path, &["U+202E", "RIGHT-TO-LEFT OVERRIDE"]);
        for c in ['\u{202A}', '\u{2066}', '\u{2069}', '\u{0}', '\u{7}', '\u{1b}', '\u{85}', '\u{9f}'] {
            let text = format!("a{c}b");
            assert_problem(&with(&[(pointer, json!(text))]).to_string(), path, &[&format!("U+{:04X}", c as u32)]);
        }
    }
    // A note may break lines; a title may not.
    assert_valid(&with(&[("/needs/0/note", json!("first line\nsecond\r\nthird"))]));
    assert_problem(&with(&[("/needs/0/note", json!("a\rb"))]).to_string(), "needs[0].note", &["U+000D"]);
    assert_problem(&with(&[("/title", json!("a\nb"))]).to_string(), "title", &["U+000A"]);
    // Arabic with its ordinary marks is text, not a control.
    assert_valid(&with(&[("/title", json!("خطة التدريب ٢٠٢٧ \u{200F}"))]));
}

// SPEC §2: a course's location is a plain text or names keyed by language.

#[test]
fn a_location_may_be_names_keyed_by_language_and_each_name_is_checked() {
    let names = json!({"en": "Doha", "ar": "الدوحة", "fr": "Doha"});
    let doc = with(&[("/courses/0/location", names)]);
    assert_valid(&doc);
    let scenario = Scenario::from_json(&doc.to_string()).unwrap();
    assert_eq!(scenario.courses[0].location.in_lang("ar"), "الدوحة");
    assert_eq!(scenario.courses[0].location.in_lang("de"), "Doha", "a missing language falls back to English");
    // Written back, it stays an object, and a plain text stays a plain text.
    let written = serde_json::to_value(&scenario).unwrap();
    assert_eq!(written.pointer("/courses/0/location/ar"), Some(&json!("الدوحة")));
    let plain = Scenario::from_json(&valid().to_string()).unwrap();
    assert!(serde_json::to_value(&plain).unwrap().pointer("/courses/0/location").unwrap().is_string());

    let evil = with(&[("/courses/0/location", json!({"en": "Doha", "ar": "الدوحة \u{202E}"}))]);
    assert_problem(&evil.to_string(), "courses[0].location.ar", &["U+202E"]);
    for wrong in [json!(7), json!(["Doha"]), json!({"en": 7})] {
        let doc = with(&[("/courses/0/location", wrong.clone())]);
        let err = Scenario::from_json(&doc.to_string()).expect_err("not a location");
        assert!(err.to_string().contains("courses[0].location"), "{wrong}: {err}");
    }
}

#[test]
fn a_needs_csv_whose_note_holds_an_override_names_its_line() {
    let scenario = Scenario::from_json(&valid().to_string()).unwrap();
    let csv = "state,skill,level,trainees,priority,window_start,window_end,languages,modes,note\n\
               QA,forensics,1,2,3,,,,,fine\n\
               TN,forensics,1,2,3,,,,,Readiness \u{202E}evil\u{202C}\n";
    let errors = needs_csv(&scenario, csv.as_bytes()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 3);
    assert_eq!(errors[0].column, Some("note"));
    assert!(errors[0].message().contains("U+202E"), "{}", errors[0]);
}

// Item 13: as strict as the CSV import.

#[test]
fn a_positional_array_is_never_an_object() {
    let obj = valid();
    let fields: Vec<Value> = obj.as_object().unwrap().values().cloned().collect();
    assert_eq!(fields.len(), 12);
    let err = Scenario::from_json(&Value::Array(fields).to_string()).unwrap_err();
    assert_eq!(err.path, ".");
    assert!(err.message().contains("found a list"), "{err}");

    let need = with(&[("/needs/1", json!(["TN-f-2", "TN", "forensics", 1, 3, 2]))]);
    let err = Scenario::from_json(&need.to_string()).unwrap_err();
    assert_eq!((err.path.as_str(), err.message().contains("expected an object")), ("needs[1]", true), "{err}");
    let range = with(&[("/horizon", json!(["2027-01-01", "2027-12-31"]))]);
    assert_eq!(Scenario::from_json(&range.to_string()).unwrap_err().path, "horizon");
}

#[test]
fn a_key_twice_in_one_object_is_refused_with_its_path() {
    let text = valid().to_string();
    let twice_in_name = text.replacen("\"en\":\"Qatar\"", "\"en\":\"Qatar\",\"en\":\"Spoofed\"", 1);
    let err = Scenario::from_json(&twice_in_name).unwrap_err();
    assert_eq!(err.path, "states[0].name.en");
    assert!(err.message().contains("twice") && err.line == 1 && err.column > 0, "{err:?}");

    let twice_at_top = text.replacen("\"version\":1", "\"version\":1,\"version\":1", 1);
    assert_eq!(Scenario::from_json(&twice_at_top).unwrap_err().path, "version");
    let twice_in_need = text.replacen("\"trainees\":3", "\"trainees\":3,\"trainees\":30", 1);
    assert_eq!(Scenario::from_json(&twice_in_need).unwrap_err().path, "needs[1].trainees");
}

#[test]
fn dates_are_exactly_year_month_day_between_1900_and_2200() {
    for bad in ["2027-2-7", " 2027-02-11", "2027-02-11 ", "2027-02-30", "27-02-11", "2027-02-11T00:00"] {
        for (pointer, path) in [
            ("/sessions/0/start", "sessions[0].start"),
            ("/horizon/end", "horizon.end"),
            ("/needs/0/window/start", "needs[0].window.start"),
            ("/states/0/blackouts/0/end", "states[0].blackouts[0].end"),
        ] {
            let err = Scenario::from_json(&with(&[(pointer, json!(bad))]).to_string()).unwrap_err();
            assert_eq!(err.path, path, "{bad}: {err}");
            assert!(err.message().contains("YYYY-MM-DD"), "{err}");
        }
    }
    let far = with(&[("/sessions/0/end", json!("9999-12-31")), ("/horizon/start", json!("1899-12-31"))]);
    assert_problem(&far.to_string(), "sessions[0].end", &["9999", "1900..2200"]);
    assert_problem(&far.to_string(), "horizon.start", &["1899", "1900..2200"]);
    assert_valid(&with(&[("/horizon/start", json!("1900-01-01")), ("/horizon/end", json!("2200-12-31"))]));
}

#[test]
fn ids_and_every_reference_hold_letters_digits_dash_underscore_dot() {
    for bad in ["QA-f-1 ", "QA f 1", "QA-f-1\u{202E}", "QA\u{0}f", "قطر-1", ""] {
        let cases = [
            ("/needs/0/id", "needs[0].id"),
            ("/sessions/0/id", "sessions[0].id"),
            ("/courses/0/id", "courses[0].id"),
            ("/skills/0/id", "skills[0].id"),
            ("/pins/0/need", "pins[0].need"),
            ("/exclusions/0/session", "exclusions[0].session"),
            ("/sessions/0/course", "sessions[0].course"),
            ("/needs/1/skill", "needs[1].skill"),
        ];
        for (pointer, path) in cases {
            let text = with(&[(pointer, json!(bad))]).to_string();
            let found = all_problems(&text);
            let here: Vec<&Problem> = found.iter().filter(|p| p.path == path).collect();
            assert_eq!(here.len(), 1, "{bad:?} at {path}: {found:#?}");
            assert!(
                here[0].message().contains("letters, digits") || here[0].message().contains("empty"),
                "{}",
                here[0]
            );
        }
    }
    assert_problem(&with(&[("/pins/0/need", json!("QA-f-1 "))]).to_string(), "pins[0].need", &["a space"]);
    assert_valid(&with(&[("/needs/0/id", json!("QA_f.1-b")), ("/pins/0/need", json!("QA_f.1-b"))]));
}

#[test]
fn state_codes_are_two_capital_letters_with_a_hint() {
    assert_problem(&with(&[("/states/1/code", json!("tn"))]).to_string(), "states[1].code", &["did you mean \"TN\"?"]);
    assert_problem(&with(&[("/needs/0/state", json!("qa"))]).to_string(), "needs[0].state", &["did you mean \"QA\"?"]);
    assert_problem(&with(&[("/sessions/0/open_to/1", json!("Tn"))]).to_string(), "sessions[0].open_to[1]", &["TN"]);
    for bad in ["QAT", "Q", "Q1", "ق"] {
        assert_problem(
            &with(&[("/states/1/code", json!(bad))]).to_string(),
            "states[1].code",
            &["two capital letters"],
        );
    }
}

#[test]
fn a_plan_file_given_as_a_scenario_is_called_a_plan_file() {
    let plan = json!({"format": "qudra-plan", "version": 1, "scenario": "Strict fixture", "status": "optimal",
                      "allocations": [], "sessions": [], "unmet": []});
    let err = Scenario::from_json(&plan.to_string()).unwrap_err();
    assert_eq!(err.path, "format");
    assert!(err.message().contains("plan file"), "{err}");
    assert!(!err.message().contains("unknown field"), "{err}");
}

// Item 14: unknown fields are reported with every other problem.

fn misspelt_and_four_more() -> String {
    let mut doc = with(&[
        ("/needs/0/level", json!(4)),
        ("/needs/1/skill", json!("forensic")),
        ("/sessions/0/seats", json!(-1)),
        ("/settings/equity_bonus", json!(1e300)),
    ]);
    doc["states"][0]["budgett"] = json!(1000);
    doc.to_string()
}

#[test]
fn a_misspelt_field_is_reported_with_every_other_problem() {
    let err = Scenario::from_json(&misspelt_and_four_more()).unwrap_err();
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    for path in ["states[0].budgett", "needs[0].level", "needs[1].skill", "sessions[0].seats", "settings.equity_bonus"]
    {
        assert!(paths.contains(&path), "{path} missing from {:#?}", err.problems);
    }
    assert_eq!(err.path, "states[0].budgett");
    assert!(err.message().contains("did you mean \"budget\"?"), "{err}");
    // Reading (without validating) gives the scenario and the dropped field alone.
    let (scenario, dropped) = Scenario::read_json(&misspelt_and_four_more()).unwrap();
    assert_eq!(dropped.len(), 1);
    assert_eq!(scenario.states[0].budget, Some(50000));
}

#[test]
fn the_command_line_prints_the_misspelling_with_every_other_problem() {
    let dir = scratch("typo");
    let file = write(&dir, "typo.json", &misspelt_and_four_more());
    let out = run(&["validate", &file]);
    let stderr = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    for path in ["states[0].budgett", "needs[0].level", "needs[1].skill", "sessions[0].seats", "settings.equity_bonus"]
    {
        assert!(stderr.contains(&format!("  {path}: ")), "{path} missing from {stderr}");
    }
    // The fifth problem brings a sixth: the pin no longer matches the need's level.
    assert!(stderr.contains("6 problems found"), "{stderr}");
}

#[test]
fn a_misspelt_field_and_a_wrong_type_are_both_named_with_the_place_of_the_second() {
    let mut doc = with(&[("/needs/1/trainees", json!("ten"))]);
    doc["states"][0]["budgett"] = json!(1000);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let err = Scenario::from_json(&text).unwrap_err();
    let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["states[0].budgett", "needs[1].trainees"], "{:#?}", err.problems);
    assert!(err.problems[1].message().contains("expected a whole number"), "{}", err.problems[1].message());
    // Alone, the wrong type keeps its line and column in the file as written.
    let alone = serde_json::to_string_pretty(&with(&[("/needs/1/trainees", json!("ten"))])).unwrap();
    let err = Scenario::from_json(&alone).unwrap_err();
    assert_eq!(err.path, "needs[1].trainees");
    let line = alone.lines().position(|l| l.contains("\"ten\"")).unwrap() + 1;
    assert_eq!(err.line, line, "{err:?}");
    assert!(err.column > 0, "{err:?}");
}
