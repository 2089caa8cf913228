//! `qudra export` and `qudra import` as a planner runs them: exit status, what is written
//! where, and that a bad file leaves every file untouched.

mod common;

use std::path::{Path, PathBuf};

use common::cli::{repo, run, scratch, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    repo("tests/fixtures/io").join(name)
}

/// Solves the fixture into `dir/plan.json`.
fn solved(dir: &Path) -> String {
    let plan = dir.join("plan.json").to_string_lossy().into_owned();
    let out = run(&["solve", fixture("scenario.json").to_str().unwrap(), "-o", &plan]);
    assert!(out.status.success(), "{}", stderr(&out));
    plan
}

#[test]
fn export_writes_each_format() {
    let dir = scratch("formats");
    let plan = solved(&dir);
    let scenario = fixture("scenario.json");
    let scenario = scenario.to_str().unwrap();
    let csv = run(&["export", &plan, "--scenario", scenario, "--format", "csv", "--lang", "ar"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    assert!(csv.stdout.starts_with("\u{feff}state,state_name,".as_bytes()));
    assert!(stdout(&csv).contains("قطر"));

    let ics_path = dir.join("qa.ics");
    let ics = run(&[
        "export",
        &plan,
        "--scenario",
        scenario,
        "--format",
        "ics",
        "--state",
        "qa",
        "-o",
        ics_path.to_str().unwrap(),
    ]);
    assert!(ics.status.success(), "{}", stderr(&ics));
    let calendar = std::fs::read_to_string(&ics_path).unwrap();
    assert!(calendar.contains("DTSTAMP:20270115T080000Z\r\n"), "SOURCE_DATE_EPOCH is the stamp");
    assert_eq!(calendar.matches("BEGIN:VEVENT").count(), 2);

    let unmet = run(&["export", &plan, "--scenario", scenario, "--format", "unmet-csv"]);
    assert!(stdout(&unmet).contains("Every suitable session is full"));
    let unmet = run(&["export", &plan, "--scenario", scenario, "--format", "unmet-csv", "--lang", "fr"]);
    assert!(stdout(&unmet).contains("Toutes les sessions adaptées sont complètes"), "{}", stdout(&unmet));
    assert!(stdout(&unmet).contains(",Tunisie,"), "{}", stdout(&unmet));
    let json = run(&["export", &plan, "--scenario", scenario, "--format", "json"]);
    assert_eq!(stdout(&json), std::fs::read_to_string(&plan).unwrap());
}

#[test]
fn export_usage_and_input_errors_have_their_exit_codes() {
    let dir = scratch("export-errors");
    let plan = solved(&dir);
    let scenario = fixture("scenario.json");
    let scenario = scenario.to_str().unwrap();
    for args in [
        vec!["export", &plan, "--scenario", scenario, "--format", "xlsx"],
        vec!["export", &plan, "--scenario", scenario],
        vec!["export", &plan, "--format", "csv"],
        vec!["export", &plan, "--scenario", scenario, "--format", "csv", "--lang", "de"],
        vec!["export", &plan, "--scenario", scenario, "--format", "json", "--state", "QA"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = run(&["export", &plan, "--scenario", scenario, "--format", "csv", "--state", "XX"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no state \"XX\""), "{}", stderr(&out));
}

#[test]
fn a_bad_needs_file_changes_nothing_and_lists_every_line() {
    let dir = scratch("bad-needs");
    let scenario = dir.join("scenario.json");
    std::fs::copy(fixture("scenario.json"), &scenario).unwrap();
    let original = std::fs::read(&scenario).unwrap();
    let needs = dir.join("needs.csv");
    std::fs::write(
        &needs,
        "state,skill,level,trainees,priority\nQA,forensics,1,2,3\nQA,forensic,1,2,3\nTN,crypto,2,0,8\n",
    )
    .unwrap();
    let out_path = dir.join("out.json");
    let out = run(&[
        "import",
        "--needs",
        needs.to_str().unwrap(),
        scenario.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr(&out);
    assert!(stderr.contains("3 problems found; nothing was imported"), "{stderr}");
    assert!(stderr.contains("row 3, skill: unknown skill \"forensic\""), "{stderr}");
    assert!(stderr.contains("row 4, trainees:"), "{stderr}");
    assert!(stderr.contains("row 4, priority:"), "{stderr}");
    assert!(!out_path.exists(), "nothing is written");
    assert_eq!(std::fs::read(&scenario).unwrap(), original, "the scenario is untouched");
}

#[test]
fn a_good_sessions_file_goes_to_stdout_or_the_output_file() {
    let dir = scratch("good-sessions");
    let scenario = fixture("scenario.json");
    let sessions = fixture("sessions.csv");
    let out = run(&["import", "--sessions", sessions.to_str().unwrap(), scenario.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 sessions added, 1 replaced"), "{}", stderr(&out));
    let merged = dir.join("merged.json");
    std::fs::write(&merged, &out.stdout).unwrap();
    let check = run(&["validate", merged.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(stdout(&check).contains("5 sessions"));
}

#[test]
fn import_needs_exactly_one_file() {
    let scenario = fixture("scenario.json");
    let csv = fixture("needs.csv");
    let (scenario, csv) = (scenario.to_str().unwrap(), csv.to_str().unwrap());
    assert_eq!(run(&["import", scenario]).status.code(), Some(2));
    assert_eq!(run(&["import", "--needs", csv, "--sessions", csv, scenario]).status.code(), Some(2));
    assert_eq!(run(&["import", "--needs", csv]).status.code(), Some(2));
}

/// A plan of another scenario has a problem in nearly every row: the first 100 are listed,
/// then how many more, not thousands of lines.
#[test]
fn a_mismatched_plan_lists_the_first_100_problems_and_the_total() {
    let dir = scratch("mismatch-many");
    let plan = dir.join("demo-plan.json").to_string_lossy().into_owned();
    let demo = repo("data/demo-2027.json");
    let out = run(&["solve", demo.to_str().unwrap(), "-o", &plan]);
    assert!(out.status.success(), "{}", stderr(&out));
    let scenario = fixture("scenario.json");
    let out = run(&["export", &plan, "--scenario", scenario.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = stderr(&out);
    let listed = stderr.lines().filter(|line| line.starts_with("  ") && !line.contains(" more problem")).count();
    assert_eq!(listed, 100, "{stderr}");
    assert!(stderr.contains(" more problem"), "{stderr}");
}

#[test]
fn export_refuses_a_plan_the_scenario_no_longer_fits_and_a_scenario_given_as_the_plan() {
    let dir = scratch("export-check");
    let plan = solved(&dir);
    // The centre cuts DF-101-A from 10 seats to 2 after the plan was made.
    let mut scenario: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("scenario.json")).unwrap()).unwrap();
    for session in scenario["sessions"].as_array_mut().unwrap() {
        if session["id"] == "DF-101-A" {
            session["seats"] = 2.into();
        }
    }
    let cut = dir.join("cut.json");
    std::fs::write(&cut, serde_json::to_string(&scenario).unwrap()).unwrap();
    let out_path = dir.join("plan.csv");
    for format in ["csv", "unmet-csv", "ics"] {
        let out = run(&[
            "export",
            &plan,
            "--scenario",
            cut.to_str().unwrap(),
            "--format",
            format,
            "-o",
            out_path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", stderr(&out));
        assert!(stderr(&out).contains("session \"DF-101-A\": 4 seats taken of 2"), "{}", stderr(&out));
        assert!(!out_path.exists(), "{format}: nothing is written");
    }

    // The scenario passed where the plan belongs.
    let scenario_path = fixture("scenario.json");
    let scenario_path = scenario_path.to_str().unwrap();
    let out = run(&["export", scenario_path, "--scenario", scenario_path, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is a scenario file (format qudra-scenario), not a plan"), "{}", stderr(&out));
}
