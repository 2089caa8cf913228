//! `qudra validate` and `qudra solve` as a planner runs them (SPEC §6): exit status 0/1/2,
//! every problem listed with its path, the plan on stdout or in `-o`, infeasible pins
//! named, and the same plan from two separate processes.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use common::cli::{code, conformance, repo, run, scratch, stderr, stdout, write, QUDRA};
use qudra::solve::{Plan, Status};

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

/// Every engine gives the proven objective, the default (no --solver) too; a build without
/// HiGHS says how to get it.
#[test]
fn solve_with_each_solver() {
    let microlp = run(&["solve", &conformance("budget.json"), "--solver", "microlp"]);
    assert_eq!(code(&microlp), 0, "{}", stderr(&microlp));
    let default = run(&["solve", &conformance("budget.json")]);
    assert_eq!(code(&default), 0, "{}", stderr(&default));
    let highs = run(&["solve", &conformance("budget.json"), "--solver", "highs"]);
    let auto = run(&["solve", &conformance("budget.json"), "--solver", "auto"]);
    if cfg!(feature = "highs") {
        for out in [&microlp, &default, &highs, &auto] {
            assert_eq!(code(out), 0, "{}", stderr(out));
            let plan = Plan::from_json(&stdout(out)).unwrap();
            assert_eq!(plan.status, Status::Optimal);
            assert!((plan.objective - 4235.96).abs() < 1e-6 * 4235.96, "{}", plan.objective);
        }
    } else {
        for out in [&highs, &auto] {
            assert_eq!(code(out), 2);
            assert!(stderr(out).contains("default features"), "{}", stderr(out));
        }
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

// files written whole or not at all (-o)

fn demo() -> PathBuf {
    repo("data/demo-2027.json")
}

fn needs_template() -> String {
    repo("data/needs-template.csv").to_string_lossy().into_owned()
}

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// A write cut by the file-size limit (or a full disk) leaves the old scenario byte for byte,
/// no temporary file beside it, and says so with exit 1; without the limit the same command
/// replaces the scenario with the merged one.
#[cfg(unix)]
#[test]
fn an_interrupted_write_leaves_the_old_file_as_it_was() {
    let dir = scratch("atomic-write");
    let scenario = dir.join("s.json");
    fs::copy(demo(), &scenario).unwrap();
    let original = fs::read(&scenario).unwrap();
    assert!(original.len() > 100 * 1024, "the scenario is larger than the limit below");
    let target = scenario.to_str().unwrap();
    let template = needs_template();
    let out = Command::new("sh")
        .args(["-c", r#"ulimit -f 100 && exec "$0" "$@""#, QUDRA, "import", "--needs", &template, target, "-o", target])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("s.json: cannot write"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(fs::read(&scenario).unwrap(), original, "the scenario is untouched");
    assert_eq!(names_in(&dir), ["s.json"], "no temporary file is left");

    let out = run(&["import", "--needs", &template, target, "-o", target]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(fs::read(&scenario).unwrap().len() > original.len(), "the needs are merged into the scenario");
    assert_eq!(code(&run(&["validate", target])), 0);
    assert_eq!(names_in(&dir), ["s.json"]);
}

/// `-o` naming an input, however spelt (relative, `./`, `..`, a symlink), is refused with
/// exit 2 and the input left as it was; only import may replace its scenario.
#[test]
fn output_may_not_replace_an_input() {
    let dir = scratch("output-is-input");
    let scenario = write(&dir, "x.json", &small(""));
    let plan = dir.join("plan.json").to_string_lossy().into_owned();
    assert_eq!(code(&run(&["solve", &scenario, "-o", &plan])), 0);
    let csv = write(&dir, "needs.csv", "state,skill,level,trainees,priority\nQA,forensics,1,2,3\n");
    let scenario_text = fs::read(&scenario).unwrap();
    let plan_text = fs::read(&plan).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&scenario, dir.join("link.json")).unwrap();
    let in_dir = |args: &[&str]| Command::new(QUDRA).args(args).current_dir(&dir).output().unwrap();
    let dotted = dir.join("sub/../x.json");
    fs::create_dir_all(dir.join("sub")).unwrap();
    let mut cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["solve", "x.json", "-o", "x.json"], "x.json"),
        (vec!["solve", "x.json", "-o", "./x.json"], "x.json"),
        (vec!["solve", &scenario, "--output", dotted.to_str().unwrap()], "x.json"),
        (vec!["export", "plan.json", "--scenario", "x.json", "--format", "csv", "-o", "plan.json"], "plan.json"),
        (vec!["export", "plan.json", "--scenario", "x.json", "--format", "json", "-o", "./x.json"], "x.json"),
        (vec!["import", "--needs", "needs.csv", "x.json", "-o", "./needs.csv"], "needs.csv"),
    ];
    if cfg!(unix) {
        cases.push((vec!["solve", "x.json", "-o", "link.json"], "link.json"));
    }
    for (args, named) in cases {
        let out = in_dir(&args);
        assert_eq!(code(&out), 2, "qudra {args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(named) && err.contains("would replace"), "qudra {args:?}: {err}");
        assert_eq!(fs::read(&scenario).unwrap(), scenario_text, "qudra {args:?}");
        assert_eq!(fs::read(&plan).unwrap(), plan_text, "qudra {args:?}");
    }
    assert!(fs::read_to_string(&csv).unwrap().starts_with("state,"));
    // import writes over its own scenario, as documented.
    let out = in_dir(&["import", "--needs", "needs.csv", "x.json", "-o", "./x.json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_ne!(fs::read(&scenario).unwrap(), scenario_text);
}

// the command line itself

#[test]
fn a_repeated_option_is_refused_naming_it() {
    let dir = scratch("repeated");
    let scenario = write(&dir, "x.json", &small(""));
    let a = write(&dir, "a.csv", "state,skill,level,trainees,priority\nQA,forensics,1,2,3\n");
    let b = write(&dir, "b.csv", "state,skill,level,trainees,priority\nTN,forensics,1,2,3\n");
    let out_a = dir.join("a.json").to_string_lossy().into_owned();
    let out_b = dir.join("b.json").to_string_lossy().into_owned();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["import", "--needs", &a, "--needs", &b, &scenario], "--needs"),
        (vec!["import", "--needs", &a, &scenario, "-o", &out_a, "-o", &out_b], "--output"),
        (vec!["solve", &scenario, "-o", &out_a, "--output", &out_b], "--output"),
        (vec!["solve", &scenario, "--time-limit", "5", "--time-limit", "9"], "--time-limit"),
        (vec!["export", &out_a, "--scenario", &scenario, "--format", "csv", "--format", "ics"], "--format"),
    ];
    for (args, flag) in cases {
        let out = run(&args);
        assert_eq!(code(&out), 2, "qudra {args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(&format!("{flag} is given twice")), "qudra {args:?}: {}", stderr(&out));
        assert!(!dir.join("a.json").exists() && !dir.join("b.json").exists(), "qudra {args:?} wrote a file");
    }
    let bench = Command::new(env!("CARGO_BIN_EXE_bench")).args(["--seed", "1", "--seed", "2"]).output().unwrap();
    assert_eq!(code(&bench), 2);
    assert!(stderr(&bench).contains("--seed is given twice"), "{}", stderr(&bench));
    let gen = Command::new(env!("CARGO_BIN_EXE_gen-demo")).args([&out_a, &out_b]).output().unwrap();
    assert_eq!(code(&gen), 2);
    assert!(!dir.join("a.json").exists());
}

/// Every command answers --help with its own options on stdout, exit 0; solve's says the
/// default time limit, the one the browser app uses.
#[test]
fn each_command_has_help() {
    for (command, option) in
        [("validate", "SCENARIO.json"), ("solve", "--time-limit"), ("export", "--format"), ("import", "--sessions")]
    {
        for args in [vec![command, "--help"], vec!["help", command], vec![command, "-h"]] {
            let out = run(&args);
            assert_eq!(code(&out), 0, "qudra {args:?}: {}", stderr(&out));
            assert!(stdout(&out).contains(&format!("Usage: qudra {command}")), "qudra {args:?}: {}", stdout(&out));
            assert!(stdout(&out).contains(option), "qudra {args:?}: {}", stdout(&out));
        }
    }
    let solve = stdout(&run(&["solve", "--help"]));
    let default = format!("default {} s", qudra::solve::DEFAULT_TIME_LIMIT);
    assert!(solve.contains(&default), "{solve}");
    assert!(stdout(&run(&["help"])).contains(&format!("{} s unless --time-limit", qudra::solve::DEFAULT_TIME_LIMIT)));
    for program in [env!("CARGO_BIN_EXE_bench"), env!("CARGO_BIN_EXE_gen-demo")] {
        let out = Command::new(program).arg("--help").output().unwrap();
        assert_eq!(code(&out), 0, "{program}: {}", stderr(&out));
        assert!(stdout(&out).starts_with("Usage: "), "{program}: {}", stdout(&out));
    }
}

// problems listed: the first 100, then how many more

#[test]
fn a_long_list_of_problems_shows_the_first_100_and_the_total() {
    let dir = scratch("many-problems");
    let needs: Vec<String> = (0..150)
        .map(|i| {
            format!(
                r#"{{"id": "QA-{i}", "state": "QA", "skill": "forensic", "level": 1, "trainees": 1, "priority": 3}}"#
            )
        })
        .collect();
    let start = small("").find(r#""needs": ["#).unwrap();
    let end = small("").find(r#""pins""#).unwrap();
    let text = format!("{}\"needs\": [{}],\n  {}", &small("")[..start], needs.join(",\n"), &small("")[end..]);
    let file = write(&dir, "many.json", &text);
    for args in [vec!["validate", file.as_str()], vec!["solve", file.as_str()]] {
        let out = run(&args);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("150 problems found"), "{err}");
        assert_eq!(err.lines().filter(|line| line.contains("unknown skill")).count(), 100, "{err}");
        assert!(err.contains("… and 50 more problems"), "{err}");
    }
    let scenario = write(&dir, "x.json", &small(""));
    let rows: String = (0..130).map(|_| "QA,forensic,1,2,3\n").collect();
    let csv = write(&dir, "bad.csv", &format!("state,skill,level,trainees,priority\n{rows}"));
    let out = run(&["import", "--needs", &csv, &scenario]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("130 problems found; nothing was imported"), "{err}");
    assert_eq!(err.lines().filter(|line| line.contains("unknown skill")).count(), 100, "{err}");
    assert!(err.contains("… and 30 more problems"), "{err}");
}

// standard output closed or full

/// A pipe whose reading end is already closed, as `qudra … | true` once `true` has exited.
#[cfg(unix)]
fn closed_pipe() -> std::process::Stdio {
    use std::os::fd::{FromRawFd, OwnedFd};
    let mut fds = [0; 2];
    // SAFETY: pipe() fills the array with two new descriptors, each owned exactly once below.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let (read, write) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read);
    std::process::Stdio::from(write)
}

#[cfg(unix)]
#[test]
fn a_closed_or_full_stdout_is_an_error_not_a_panic() {
    let region = conformance("region.json");
    let cases: Vec<(&str, Vec<&str>)> = vec![
        (QUDRA, vec!["validate", &region]),
        (QUDRA, vec!["help"]),
        (QUDRA, vec!["solve", "--help"]),
        (QUDRA, vec!["solve", &region]),
        (env!("CARGO_BIN_EXE_gen-demo"), vec![]),
        (env!("CARGO_BIN_EXE_bench"), vec!["--help"]),
    ];
    for (program, args) in cases {
        let closed = Command::new(program).args(&args).stdout(closed_pipe()).output().unwrap();
        assert_eq!(code(&closed), 1, "{program} {args:?} | true: {}", stderr(&closed));
        assert!(!stderr(&closed).contains("panicked"), "{program} {args:?}: {}", stderr(&closed));
        assert!(!stderr(&closed).contains("cannot write"), "a closed pipe is silent: {}", stderr(&closed));

        let full = fs::File::options().write(true).open("/dev/full").unwrap();
        let out = Command::new(program).args(&args).stdout(full).output().unwrap();
        assert_eq!(code(&out), 1, "{program} {args:?} >/dev/full: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{program} {args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("cannot write to standard output"), "{program} {args:?}: {}", stderr(&out));
    }
}

// plan and scenario swapped

#[test]
fn a_plan_given_for_a_scenario_is_named_as_such() {
    let dir = scratch("swapped");
    let scenario = write(&dir, "scenario.json", &small(""));
    let plan = dir.join("plan.json").to_string_lossy().into_owned();
    assert_eq!(code(&run(&["solve", &scenario, "-o", &plan])), 0);
    for args in [
        vec!["validate", plan.as_str()],
        vec!["solve", plan.as_str()],
        vec!["export", scenario.as_str(), "--scenario", plan.as_str(), "--format", "csv"],
        vec!["export", plan.as_str(), "--scenario", plan.as_str(), "--format", "csv"],
        vec!["import", "--needs", scenario.as_str(), plan.as_str()],
    ] {
        let out = run(&args);
        assert_eq!(code(&out), 1, "qudra {args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(!err.contains("unknown field"), "qudra {args:?}: {err}");
        assert!(
            err.contains("plan.json is a plan file (format qudra-plan)")
                || err.contains("scenario.json is a scenario file (format qudra-scenario)"),
            "qudra {args:?}: {err}"
        );
    }
    let out = run(&["export", &scenario, "--scenario", &plan, "--format", "csv"]);
    assert!(stderr(&out).contains("give the plan as PLAN.json and the scenario after --scenario"), "{}", stderr(&out));
}
