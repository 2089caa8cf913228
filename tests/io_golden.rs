//! Every export and both imports of the small exchange fixture, compared byte for byte with
//! `tests/golden/`. Run with `UPDATE_GOLDEN=1` to rewrite the golden files after an
//! intended change, then review the diff.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use qudra::io::csv::{plan_csv, unmet_csv, CsvOptions};
use qudra::io::ics::{calendar, IcsOptions};
use qudra::io::{import, json, FileLang};
use qudra::model::{Scenario, StateCode};
use qudra::solve::{solve, Options, Plan, Status};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/io").join(name)
}

fn scenario() -> Scenario {
    let text = std::fs::read_to_string(fixture("scenario.json")).unwrap();
    Scenario::from_json(&text).unwrap()
}

/// The fixture's plan. Its optimum is unique (every tie is broken by seat cost), so the
/// exports do not depend on which optimal allocation the solver happens to return.
fn plan(scenario: &Scenario) -> Plan {
    let mut plan = solve(scenario, &Options::default()).unwrap();
    assert_eq!(plan.status, Status::Optimal);
    // Model sizes and timing belong to the solver, not to the file format: zeroed so a
    // change in how the solver builds its model does not show up as an export change.
    plan.stats.solve_ms = 0;
    plan.stats.variables = 0;
    plan.stats.constraints = 0;
    plan
}

fn dtstamp() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2027-01-15T08:00:00Z").unwrap().to_utc()
}

/// Compares `actual` with the golden file, or rewrites it when `UPDATE_GOLDEN=1`.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1 to create it", path.display()));
    if expected != actual.as_bytes() {
        let expected = String::from_utf8_lossy(&expected);
        let line = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).map_or(0, |i| i + 1);
        panic!(
            "{} differs from the export (first differing line {line}); if the change is intended, \
             rerun with UPDATE_GOLDEN=1 and review the diff\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

fn options(lang: FileLang, state: Option<&str>) -> CsvOptions {
    CsvOptions { lang, state: state.map(StateCode::from) }
}

#[test]
fn the_fixture_plan_is_the_one_the_golden_files_show() {
    let scenario = scenario();
    let plan = plan(&scenario);
    let seats: Vec<(&str, &str, i64)> =
        plan.allocations.iter().map(|a| (a.need.as_str(), a.session.as_str(), a.seats)).collect();
    assert_eq!(
        seats,
        [
            ("MA-forensics-1", "DF-102-A", 3),
            ("QA-crypto-2", "CR-201-A", 3),
            ("QA-forensics-1", "DF-101-A", 4),
            ("TN-crypto-2", "CR-201-A", 3),
            ("TN-forensics-1", "DF-102-A", 5),
        ]
    );
    golden("plan.json", &json::plan(&plan));
}

#[test]
fn plan_csv_in_english_arabic_and_french_for_all_states_and_one() {
    let scenario = scenario();
    let plan = plan(&scenario);
    golden("plan-en.csv", &plan_csv(&scenario, &plan, &options(FileLang::En, None)).unwrap());
    golden("plan-ar.csv", &plan_csv(&scenario, &plan, &options(FileLang::Ar, None)).unwrap());
    golden("plan-QA-en.csv", &plan_csv(&scenario, &plan, &options(FileLang::En, Some("QA"))).unwrap());
    golden("plan-TN-fr.csv", &plan_csv(&scenario, &plan, &options(FileLang::Fr, Some("TN"))).unwrap());
}

#[test]
fn unmet_csv_gives_the_reason_in_words() {
    let scenario = scenario();
    let plan = plan(&scenario);
    golden("unmet-en.csv", &unmet_csv(&scenario, &plan, &options(FileLang::En, None)).unwrap());
    golden("unmet-ar.csv", &unmet_csv(&scenario, &plan, &options(FileLang::Ar, None)).unwrap());
    golden("unmet-fr.csv", &unmet_csv(&scenario, &plan, &options(FileLang::Fr, None)).unwrap());
}

#[test]
fn calendars_for_all_states_and_one_state_in_arabic_and_french() {
    let scenario = scenario();
    let plan = plan(&scenario);
    let all = IcsOptions { lang: FileLang::En, state: None, dtstamp: dtstamp() };
    golden("calendar-en.ics", &calendar(&scenario, &plan, &all).unwrap());
    let qatar = IcsOptions { lang: FileLang::Ar, state: Some("QA".into()), dtstamp: dtstamp() };
    golden("calendar-QA-ar.ics", &calendar(&scenario, &plan, &qatar).unwrap());
    let tunisia = IcsOptions { lang: FileLang::Fr, state: Some("TN".into()), dtstamp: dtstamp() };
    golden("calendar-TN-fr.ics", &calendar(&scenario, &plan, &tunisia).unwrap());
}

#[test]
fn imported_needs_and_sessions_give_the_golden_scenarios() {
    let scenario = scenario();
    let needs = import::needs_csv(&scenario, &std::fs::read(fixture("needs.csv")).unwrap()).unwrap();
    assert_eq!((needs.added, needs.replaced), (4, 0));
    golden("import-needs.json", &json::scenario(&needs.scenario));
    let sessions = import::sessions_csv(&scenario, &std::fs::read(fixture("sessions.csv")).unwrap()).unwrap();
    assert_eq!((sessions.added, sessions.replaced), (2, 1));
    golden("import-sessions.json", &json::scenario(&sessions.scenario));
}

#[test]
fn the_scenario_json_round_trips_byte_for_byte() {
    let scenario = scenario();
    let text = json::scenario(&scenario);
    assert_eq!(json::scenario(&json::read_scenario(&text).unwrap()), text);
    let plan = plan(&scenario);
    let text = json::plan(&plan);
    assert_eq!(json::plan(&json::read_plan(&text).unwrap()), text);
}
