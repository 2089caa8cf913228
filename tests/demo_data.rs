//! The shipped demo scenario `data/demo-2027.json`: it is what a new user opens first, so it
//! must be valid, complete, realistic enough for a planner to recognise, solve quickly to a
//! plan that shows every kind of unmet reason, and be exactly what `gen-demo` writes.

use std::collections::BTreeSet;
use std::process::Command;

use chrono::{Datelike, NaiveDate, Weekday};
use qudra::io::csv::{plan_csv, CsvOptions};
use qudra::io::FileLang;
use qudra::model::{validate, Location, Scenario};
use qudra::solve::{solve, Options, Plan, Reason, Status};

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-2027.json");

/// The 22 member states of the League of Arab States (DOMAIN.md).
const ARAB_LEAGUE: [&str; 22] = [
    "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO",
    "SY", "TN", "YE",
];

fn demo_text() -> String {
    std::fs::read_to_string(DEMO).expect("data/demo-2027.json is readable")
}

fn demo() -> Scenario {
    Scenario::from_json(&demo_text()).expect("the demo parses")
}

fn demo_plan() -> (Scenario, Plan) {
    let scenario = demo();
    let plan = solve(&scenario, &Options::default()).expect("the demo solves");
    (scenario, plan)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_demo_parses_and_validates_without_problems() {
    let scenario = demo();
    assert_eq!(validate(&scenario), vec![]);
    assert_eq!(scenario.settings.currency, "USD");
    let horizon = scenario.horizon.expect("the demo has a horizon");
    assert_eq!((horizon.start, horizon.end), (date("2027-01-01"), date("2027-12-31")));
}

#[test]
fn the_demo_covers_the_22_states_and_a_full_catalogue() {
    let scenario = demo();
    let codes: BTreeSet<&str> = scenario.states.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ARAB_LEAGUE.into_iter().collect());
    for state in &scenario.states {
        for lang in ["en", "ar"] {
            assert!(state.name.get(lang).is_some_and(|n| !n.is_empty()), "{} has no {lang} name", state.code);
        }
    }
    assert!(scenario.skills.len() >= 20, "{} skills", scenario.skills.len());
    assert!(scenario.courses.len() >= 40, "{} courses", scenario.courses.len());
    assert!(scenario.sessions.len() >= 100, "{} sessions", scenario.sessions.len());
    let with_needs: BTreeSet<&str> = scenario.needs.iter().map(|n| n.state.as_str()).collect();
    assert_eq!(with_needs, codes, "every state has needs");
    for skill in &scenario.skills {
        assert!(skill.name.contains_key("en") && skill.name.contains_key("ar"), "skill {}", skill.id);
    }
    for course in &scenario.courses {
        assert!(course.title.contains_key("en") && course.title.contains_key("ar"), "course {}", course.id);
    }
}

#[test]
fn languages_follow_the_region() {
    let scenario = demo();
    let speaks_french: BTreeSet<&str> =
        scenario.states.iter().filter(|s| s.languages.iter().any(|l| l == "fr")).map(|s| s.code.as_str()).collect();
    assert_eq!(speaks_french, ["DJ", "DZ", "KM", "LB", "MA", "MR", "TN"].into_iter().collect());
    let in_french = scenario.courses.iter().filter(|c| c.language == "fr").count();
    let in_arabic = scenario.courses.iter().filter(|c| c.language == "ar").count();
    assert!(in_french >= 3 && in_arabic > scenario.courses.len() / 2, "{in_french} fr, {in_arabic} ar");
}

#[test]
fn doha_sessions_run_sunday_to_thursday_and_mostly_outside_ramadan() {
    let scenario = demo();
    let working = [Weekday::Sun, Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu];
    let ramadan = (date("2027-02-08"), date("2027-03-08"));
    let mut in_ramadan = 0;
    for session in &scenario.sessions {
        let course = scenario.course(&session.course).unwrap();
        if course.location.in_lang("en") == "Doha" {
            let days = session.start.iter_days().take_while(|d| *d <= session.end);
            for day in days {
                assert!(working.contains(&day.weekday()), "{} runs on {day}", session.id);
            }
        }
        if session.start <= ramadan.1 && ramadan.0 <= session.end {
            in_ramadan += 1;
        }
    }
    assert!(in_ramadan * 10 < scenario.sessions.len(), "{in_ramadan} sessions in Ramadan");
}

#[test]
fn the_demo_solves_to_an_optimal_plan_showing_every_unmet_reason() {
    let (scenario, plan) = demo_plan();
    assert_eq!(plan.status, Status::Optimal);
    let reasons: BTreeSet<Reason> = plan.unmet.iter().map(|u| u.reason).collect();
    for reason in
        [Reason::NoCompatibleSession, Reason::Capacity, Reason::StateCap, Reason::Budget, Reason::MinParticipants]
    {
        assert!(reasons.contains(&reason), "no need is unmet for {reason:?}: {reasons:?}");
    }
    // A plan that mostly works: most trainees get a seat, but not all.
    let needed: i64 = scenario.needs.iter().map(|n| n.trainees).sum();
    let served: i64 = plan.allocations.iter().map(|a| a.seats).sum();
    let share = served as f64 / needed as f64;
    assert!((0.55..=0.80).contains(&share), "{served} of {needed} trainees served");
}

#[test]
fn limited_budgets_are_spent_but_never_exceeded() {
    let (scenario, plan) = demo_plan();
    let limited: Vec<_> = scenario.states.iter().filter(|s| s.budget.is_some()).collect();
    assert!((4..=6).contains(&limited.len()), "{} states with a budget", limited.len());
    for state in limited {
        let spent: i64 = plan
            .allocations
            .iter()
            .filter(|a| scenario.need(&a.need).unwrap().state == state.code)
            .map(|a| a.seats * scenario.session(&a.session).unwrap().cost_per_seat)
            .sum();
        let budget = state.budget.unwrap();
        assert!(spent <= budget, "{} spends {spent} of {budget}", state.code);
        assert!(spent > 0, "{} spends nothing", state.code);
    }
}

#[test]
fn the_generator_reproduces_the_committed_file_byte_for_byte() {
    let output = Command::new(env!("CARGO_BIN_EXE_gen-demo")).output().expect("gen-demo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let generated = String::from_utf8(output.stdout).expect("gen-demo prints UTF-8");
    assert!(
        generated == demo_text(),
        "data/demo-2027.json is stale: run `cargo run --bin gen-demo -- data/demo-2027.json`"
    );
}

#[test]
fn every_demo_location_has_names_in_the_three_languages_and_the_sheets_use_them() {
    let (scenario, plan) = demo_plan();
    for course in &scenario.courses {
        let Location::Names(names) = &course.location else { panic!("{} has a plain location", course.id) };
        for lang in ["en", "ar", "fr"] {
            assert!(names.get(lang).is_some_and(|n| !n.trim().is_empty()), "{} has no {lang} location", course.id);
        }
    }
    let sheet = |lang| plan_csv(&scenario, &plan, &CsvOptions { lang, state: None }).unwrap();
    assert!(sheet(FileLang::Ar).contains(",الدوحة,"), "the Arabic sheet names Doha in Arabic");
    assert!(!sheet(FileLang::En).contains("الدوحة"));
}
