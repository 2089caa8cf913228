//! Conformance: the four shared scenarios (copied from the programme's conformance set into
//! `tests/fixtures/conformance/`) solve to `optimal` with the objective an independent MIP
//! solver proved (HiGHS, gap 1e-9; relative tolerance 1e-6 here) and the expected number of
//! unmet needs without a compatible session. The plans also keep the hard limits (the SPEC
//! re-implemented in `tests/common/oracle.rs`).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use common::oracle::{assert_within_limits, plan_objective};
use qudra::model::{validate, Scenario};
use qudra::solve::{solve, Options, Reason, Status};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    status: String,
    objective: f64,
    needs_without_compatible_session: usize,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conformance")
}

fn expected() -> BTreeMap<String, Expected> {
    let text = fs::read_to_string(dir().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json parses")
}

fn load(file: &str) -> Scenario {
    let text = fs::read_to_string(dir().join(file)).unwrap_or_else(|err| panic!("{file}: {err}"));
    let scenario = Scenario::from_json(&text).unwrap_or_else(|err| panic!("{file}: {err}"));
    assert_eq!(validate(&scenario), Vec::new(), "{file} is valid");
    scenario
}

fn conforms(file: &str) {
    let expected = expected();
    let want = expected.get(file).unwrap_or_else(|| panic!("{file} is not in expected.json"));
    let scenario = load(file);
    let plan = solve(&scenario, &Options::default()).unwrap_or_else(|err| panic!("{file}: {err}"));
    assert_eq!(want.status, "optimal");
    assert_eq!(plan.status, Status::Optimal, "{file}");
    let tolerance = 1e-6 * want.objective.abs().max(1.0);
    assert!(
        (plan.objective - want.objective).abs() <= tolerance,
        "{file}: objective {} but the proven optimum is {}",
        plan.objective,
        want.objective
    );
    let achieved = plan_objective(&scenario, &plan);
    assert!(
        (achieved - plan.objective).abs() <= tolerance,
        "{file}: reports {} but achieves {achieved}",
        plan.objective
    );
    let without = plan.unmet.iter().filter(|u| u.reason == Reason::NoCompatibleSession).count();
    assert_eq!(without, want.needs_without_compatible_session, "{file}: needs without a compatible session");
    assert_within_limits(file, &scenario, &plan);
}

#[test]
fn expected_json_covers_every_conformance_scenario() {
    let mut files: Vec<String> = fs::read_dir(dir())
        .expect("fixtures dir")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json") && name != "expected.json")
        .collect();
    files.sort();
    let listed: Vec<String> = expected().into_keys().collect();
    assert_eq!(files, listed);
    assert_eq!(listed, ["adjust.json", "budget.json", "minviable.json", "region.json"]);
}

#[test]
fn region_conforms() {
    conforms("region.json");
}

#[test]
fn budget_conforms() {
    conforms("budget.json");
}

#[test]
fn minviable_conforms() {
    conforms("minviable.json");
}

#[test]
fn adjust_conforms() {
    conforms("adjust.json");
}
