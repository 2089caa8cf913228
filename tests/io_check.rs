//! Every export first checks the plan against the scenario (`io::check`): a plan that the
//! scenario cannot have produced is refused with its first problems named, never written.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use qudra::io::csv::{plan_csv, unmet_csv, CsvOptions};
use qudra::io::ics::{calendar, IcsOptions};
use qudra::io::{json, ExportError, FileLang};
use qudra::model::{Pin, Scenario};
use qudra::solve::{solve, Allocation, Options, Plan};

fn scenario() -> Scenario {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/io/scenario.json");
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn dtstamp() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-01-15T08:00:00Z").unwrap().to_utc()
}

/// The problems every export gives for this pair; asserts all four agree and refuse.
fn refused(scenario: &Scenario, plan: &Plan) -> String {
    let csv = plan_csv(scenario, plan, &CsvOptions::default());
    let unmet = unmet_csv(scenario, plan, &CsvOptions::default());
    let ics = calendar(scenario, plan, &IcsOptions { lang: FileLang::En, state: None, dtstamp: dtstamp() });
    let json = json::export(scenario, plan);
    let errors: Vec<ExportError> =
        [csv, unmet, ics, json].into_iter().map(|r| r.expect_err("the export must be refused")).collect();
    assert!(errors.iter().all(|e| e == &errors[0]), "{errors:?}");
    assert!(matches!(errors[0], ExportError::Mismatch(_)));
    errors[0].to_string()
}

#[test]
fn the_solved_plan_passes_every_export() {
    let scenario = scenario();
    let plan = solve(&scenario, &Options::default()).unwrap();
    assert!(json::export(&scenario, &plan).is_ok());
    assert!(plan_csv(&scenario, &plan, &CsvOptions::default()).is_ok());
}

#[test]
fn a_session_cut_below_its_seats_in_the_plan_is_refused() {
    let mut scenario = scenario();
    let plan = solve(&scenario, &Options::default()).unwrap();
    // QA-forensics-1 has 4 seats in DF-101-A; the centre then cuts the session to 2 seats.
    scenario.sessions.iter_mut().find(|s| s.id.as_str() == "DF-101-A").unwrap().seats = 2;
    let message = refused(&scenario, &plan);
    assert!(message.contains("session \"DF-101-A\": 4 seats taken of 2"), "{message}");
}

#[test]
fn a_hand_edited_plan_with_more_seats_than_trainees_is_refused() {
    let scenario = scenario();
    let mut plan = solve(&scenario, &Options::default()).unwrap();
    let qa = plan.allocations.iter_mut().find(|a| a.need.as_str() == "QA-forensics-1").unwrap();
    qa.seats = 999;
    let message = refused(&scenario, &plan);
    assert!(message.contains("need \"QA-forensics-1\": 999 seats for 6 trainees"), "{message}");
    assert!(message.contains("above its cap of 4 per state"), "{message}");
    assert!(message.contains("sessions["), "the fill list no longer matches: {message}");
}

#[test]
fn another_scenarios_plan_is_refused_even_as_json() {
    let scenario = scenario();
    let mut other = scenario.clone();
    for need in &mut other.needs {
        need.id = format!("{}-2028", need.id).as_str().into();
    }
    let plan = solve(&other, &Options::default()).unwrap();
    let message = refused(&scenario, &plan);
    assert!(message.contains("no need \"QA-forensics-1-2028\""), "{message}");
    // The CLI test `a_mismatched_plan_lists_the_first_100_problems_and_the_total` sees the
    // list cut on a plan with more problems than `SHOWN_PROBLEMS`.
    assert!(message.lines().count() <= qudra::solve::SHOWN_PROBLEMS + 2, "{message}");
}

#[test]
fn an_incompatible_pair_is_refused_unless_pinned() {
    let scenario = scenario();
    let mut plan = solve(&scenario, &Options::default()).unwrap();
    // DF-102-A is taught in a language QA did not ask for: move QA's seats there.
    let qa = plan.allocations.iter_mut().find(|a| a.need.as_str() == "QA-forensics-1").unwrap();
    qa.session = "DF-102-A".into();
    qa.seats = 1;
    let message = refused(&scenario, &plan);
    assert!(
        message
            .contains("need \"QA-forensics-1\" in session \"DF-102-A\": need and session are not compatible (rule 2"),
        "{message}"
    );

    // A pin overrides rule 6; the plan that honours it exports.
    let mut pinned = scenario.clone();
    pinned.pins.push(Pin { need: "QA-forensics-1".into(), session: "DF-102-A".into(), seats: 1 });
    let plan = solve(&pinned, &Options::default()).unwrap();
    assert!(json::export(&pinned, &plan).is_ok());
    // ... and a plan that ignores the pin does not.
    let unpinned = solve(&scenario, &Options::default()).unwrap();
    let message = refused(&pinned, &unpinned);
    assert!(message.contains("pins[0]"), "{message}");
}

#[test]
fn an_unmet_list_that_disagrees_with_the_allocations_is_refused() {
    let scenario = scenario();
    let mut plan = solve(&scenario, &Options::default()).unwrap();
    plan.unmet.clear();
    plan.allocations.push(Allocation { need: "MA-crypto-2".into(), session: "CR-201-A".into(), seats: 0 });
    let message = refused(&scenario, &plan);
    assert!(message.contains("unmet: need"), "{message}");
    assert!(message.contains("0 seats (an allocation has at least 1)"), "{message}");
}

#[test]
fn budgets_are_checked() {
    let mut scenario = scenario();
    let plan = solve(&scenario, &Options::default()).unwrap();
    scenario.states.iter_mut().find(|s| s.code.as_str() == "QA").unwrap().budget = Some(1000);
    let message = refused(&scenario, &plan);
    assert!(message.contains("state QA: the plan spends 6000, above its budget of 1000"), "{message}");
}

#[test]
fn a_scenario_file_or_a_newer_version_is_not_read_as_a_plan() {
    let scenario_text = scenario().to_json();
    let err = json::read_plan(&scenario_text).unwrap_err();
    assert!(err.contains("this is a scenario file (format qudra-scenario), not a plan"), "{err}");

    let plan = solve(&scenario(), &Options::default()).unwrap();
    let newer = json::plan(&plan).replacen("\"version\": 1", "\"version\": 99", 1);
    let err = json::read_plan(&newer).unwrap_err();
    assert!(err.contains("this Qudra reads plan version 1") && err.contains("99"), "{err}");

    // A plan whose version was changed after reading is still refused by the export check.
    let mut odd = plan.clone();
    odd.version = 99;
    assert!(refused(&scenario(), &odd).contains("version"));
}
