//! `qudra validate` and `qudra solve` as a planner runs them (SPEC §6): exit status 0/1/2,
//! every problem listed with its path, the plan on stdout or in `-o`, infeasible pins
//! named, and the same plan from two separate processes.

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

use qudra::solve::{Plan, Status};

const QUDRA: &str = env!("CARGO_BIN_EXE_qudra");

fn conformance(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/conformance")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A fresh folder for one test, under Cargo's scratch space for integration tests.
fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{test}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(QUDRA).args(args).output().expect("run qudra")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 stderr")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

/// A small valid scenario: QA and TN, one course, two sessions, two needs.
fn small(pins: &str) -> String {
    format!(
        r#"{{
  "format": "qudra-scenario", "version": 1, "title": "CLI fixture",
  "states": [
    {{"code": "QA", "name": {{"en": "Qatar"}}, "languages": ["ar", "en"]}},
    {{"code": "TN", "name": {{"en": "Tunisia"}}, "languages": ["ar", "fr"]}}
  ],
  "skills": [{{"id": "forensics", "name": {{"en": "Digital forensics"}}}}],
  "courses": [{{"id": "DF-101", "title": {{"en": "Fundamentals"}}, "skill": "forensics", "level": 1,
               "language": "ar", "mode": "in_person"}}],
  "sessions": [
    {{"id": "DF-101-A", "course": "DF-101", "start": "2027-02-07", "end": "2027-02-11", "seats": 3}},
    {{"id": "DF-101-B", "course": "DF-101", "start": "2027-05-02", "end": "2027-05-06", "seats": 4}}
  ],
  "needs": [
    {{"id": "QA-1", "state": "QA", "skill": "forensics", "level": 1, "trainees": 4, "priority": 4}},
    {{"id": "TN-1", "state": "TN", "skill": "forensics", "level": 1, "trainees": 2, "priority": 2}}
  ],
  "pins": [{pins}]
}}"#
    )
}

/// `small` with three validation problems.
fn bad() -> String {
    small("")
        .replace(r#""trainees": 4, "priority": 4"#, r#""trainees": 0, "priority": 4"#)
        .replace(r#""seats": 4}"#, r#""seats": 4, "max_per_state": 0}"#)
        .replace(
            r#""skill": "forensics", "level": 1, "trainees": 2"#,
            r#""skill": "forensic", "level": 1, "trainees": 2"#,
        )
}

/// The plan text without the one line that may differ between runs.
fn without_solve_ms(plan: &str) -> String {
    let kept: Vec<&str> = plan.lines().filter(|line| !line.trim_start().starts_with("\"solve_ms\"")).collect();
    assert_eq!(kept.len() + 1, plan.lines().count(), "the plan has exactly one solve_ms line");
    kept.join("\n")
}

// validate

#[test]
fn validate_accepts_a_valid_file() {
    let out = run(&["validate", &conformance("region.json")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("valid"), "{}", stdout(&out));
}

#[test]
fn validate_lists_every_problem_with_its_path() {
    let dir = scratch("validate-bad");
    let file = write(&dir, "bad.json", &bad());
    let out = run(&["validate", &file]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("3 problem"), "{err}");
    for line in [
        "sessions[1].max_per_state: cap 0 must be at least 1",
        "needs[0].trainees: trainees 0 must be at least 1",
        "needs[1].skill: unknown skill \"forensic\"",
    ] {
        assert!(err.contains(line), "missing {line:?} in:\n{err}");
    }
}

#[test]
fn validate_names_the_path_of_an_unknown_field() {
    let dir = scratch("validate-unknown-field");
    let file = write(&dir, "typo.json", &small("").replace(r#""seats": 3}"#, r#""seats": 3, "seat_cost": 10}"#));
    let out = run(&["validate", &file]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("sessions[0].seat_cost") && err.contains("unknown field"), "{err}");
}

#[test]
fn validate_reports_a_missing_file() {
    let dir = scratch("validate-missing");
    let missing = dir.join("nowhere.json").to_string_lossy().into_owned();
    let out = run(&["validate", &missing]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("nowhere.json"), "{}", stderr(&out));
}

// solve

#[test]
fn solve_writes_the_plan_to_stdout() {
    let out = run(&["solve", &conformance("region.json")]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let plan = Plan::from_json(&stdout(&out)).expect("a plan on stdout");
    assert_eq!(plan.format, "qudra-plan");
    assert_eq!(plan.status, Status::Optimal);
    assert!((plan.objective - 4984.74).abs() < 1e-6 * 4984.74, "{}", plan.objective);
}

#[test]
fn solve_writes_the_plan_to_the_output_file() {
    let dir = scratch("solve-output");
    let scenario = write(&dir, "small.json", &small(""));
    let target = dir.join("plan.json").to_string_lossy().into_owned();
    let out = run(&["solve", &scenario, "-o", &target]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    let written = fs::read_to_string(&target).expect("plan file");
    let plan = Plan::from_json(&written).expect("a plan in the file");
    assert_eq!(plan.scenario, "CLI fixture");
    // Seven seats for six trainees: everyone is placed.
    assert_eq!(plan.served(&"QA-1".into()) + plan.served(&"TN-1".into()), 6);
    assert!(plan.unmet.is_empty());
    // The same plan as on stdout.
    let to_stdout = run(&["solve", &scenario]);
    assert_eq!(without_solve_ms(&written), without_solve_ms(&stdout(&to_stdout)));
}

#[test]
fn solve_accepts_a_time_limit() {
    let out = run(&["solve", &conformance("region.json"), "--time-limit", "60"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let plan = Plan::from_json(&stdout(&out)).unwrap();
    assert_eq!(plan.status, Status::Optimal);
}

/// Both engines give the proven objective; a build without HiGHS says how to get it.
#[test]
fn solve_with_each_solver() {
    let microlp = run(&["solve", &conformance("budget.json"), "--solver", "microlp"]);
    assert_eq!(code(&microlp), 0, "{}", stderr(&microlp));
    let highs = run(&["solve", &conformance("budget.json"), "--solver", "highs"]);
    if cfg!(feature = "highs") {
        assert_eq!(code(&highs), 0, "{}", stderr(&highs));
        for out in [&microlp, &highs] {
            let plan = Plan::from_json(&stdout(out)).unwrap();
            assert_eq!(plan.status, Status::Optimal);
            assert!((plan.objective - 4235.96).abs() < 1e-6 * 4235.96, "{}", plan.objective);
        }
    } else {
        assert_eq!(code(&highs), 2);
        assert!(stderr(&highs).contains("--features highs"), "{}", stderr(&highs));
    }
}

#[test]
fn solve_refuses_an_invalid_file_and_writes_nothing() {
    let dir = scratch("solve-invalid");
    let scenario = write(&dir, "bad.json", &bad());
    let target = dir.join("plan.json");
    let out = run(&["solve", &scenario, "-o", target.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("needs[1].skill"), "{}", stderr(&out));
    assert!(!target.exists(), "no plan is written for an invalid scenario");
}

#[test]
fn solve_names_the_pins_of_an_infeasible_pin_set() {
    // DF-101-A has 3 seats; the pins put 3 + 1 trainees in it.
    let dir = scratch("solve-infeasible");
    let pins =
        r#"{"need": "QA-1", "session": "DF-101-A", "seats": 3}, {"need": "TN-1", "session": "DF-101-A", "seats": 1}"#;
    let scenario = write(&dir, "pins.json", &small(pins));
    let target = dir.join("plan.json");
    let out = run(&["solve", &scenario, "-o", target.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("infeasible"), "{err}");
    assert!(err.contains("QA-1 -> DF-101-A") && err.contains("TN-1 -> DF-101-A"), "{err}");
    assert!(!target.exists());
    // The same pins within the seats solve.
    let fine = write(&dir, "fine.json", &small(&pins.replace(r#""seats": 3}"#, r#""seats": 2}"#)));
    assert_eq!(code(&run(&["solve", &fine])), 0);
}

// usage errors

#[test]
fn usage_errors_exit_2() {
    let region = conformance("region.json");
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["plan"],
        vec!["solve"],
        vec!["solve", &region, "--fast"],
        vec!["solve", &region, "-o"],
        vec!["solve", &region, "--time-limit", "soon"],
        vec!["solve", &region, "--time-limit", "0"],
        vec!["solve", &region, "--time-limit", "-5"],
        vec!["solve", &region, &region],
        vec!["solve", &region, "--solver", "cplex"],
        vec!["solve", &region, "--gap", "1.5"],
        vec!["solve", &region, "--gap", "-0.1"],
        vec!["validate"],
        vec!["validate", &region, "--strict", "yes"],
    ];
    for args in cases {
        let out = run(&args);
        assert_eq!(code(&out), 2, "qudra {args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("Usage"), "qudra {args:?} shows the usage");
        assert!(out.stdout.is_empty(), "qudra {args:?} writes no plan");
    }
}

#[test]
fn help_exits_0_with_the_usage() {
    let out = run(&["help"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("qudra solve SCENARIO.json"));
}

// determinism

#[test]
fn two_processes_write_the_same_plan_apart_from_solve_ms() {
    for name in ["region.json", "budget.json", "minviable.json", "adjust.json"] {
        let first = run(&["solve", &conformance(name)]);
        let second = run(&["solve", &conformance(name)]);
        assert_eq!(code(&first), 0, "{name}: {}", stderr(&first));
        assert_eq!(code(&second), 0, "{name}: {}", stderr(&second));
        assert_eq!(without_solve_ms(&stdout(&first)), without_solve_ms(&stdout(&second)), "{name}");
    }
}
