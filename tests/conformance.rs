//! Conformance: the four shared scenarios (copied from the programme's conformance set into
//! `tests/fixtures/conformance/`) solve to `optimal` with the objective an independent MIP
//! solver proved (HiGHS, gap 1e-9; relative tolerance 1e-6 here) and the expected number of
//! unmet needs without a compatible session. The plans also keep the hard limits.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

use qudra::model::{validate, Scenario};
use qudra::solve::{solve, Options, Plan, Reason, Status};
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

/// The SPEC §3 objective of the plan's seats, computed here.
fn spec_objective(s: &Scenario, plan: &Plan) -> f64 {
    let settings = &s.settings;
    let mut value = 0.0;
    for need in &s.needs {
        let u = plan.served(&need.id);
        let w = settings.priority_weights[need.priority as usize - 1];
        value += w * (u as f64 + settings.equity_bonus * u.min((need.trainees + 1) / 2) as f64);
    }
    for a in &plan.allocations {
        value -= settings.cost_weight * (a.seats * s.session(&a.session).unwrap().cost_per_seat) as f64;
    }
    value
}

/// Demand, capacity, caps, minimums, budgets and pins.
fn assert_within_limits(file: &str, s: &Scenario, plan: &Plan) {
    for need in &s.needs {
        assert!(plan.served(&need.id) <= need.trainees, "{file}: {} over-served", need.id);
    }
    let mut spent: BTreeMap<&str, i64> = BTreeMap::new();
    let mut held: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for a in &plan.allocations {
        let need = s.need(&a.need).expect("known need");
        let session = s.session(&a.session).expect("known session");
        *spent.entry(need.state.as_str()).or_default() += a.seats * session.cost_per_seat;
        *held.entry((session.id.as_str(), need.state.as_str())).or_default() += a.seats;
    }
    for session in &s.sessions {
        let filled: i64 = plan.allocations.iter().filter(|a| a.session == session.id).map(|a| a.seats).sum();
        assert!(filled <= session.seats, "{file}: {} overfull", session.id);
        assert!(filled == 0 || filled >= session.min_participants, "{file}: {} below its minimum", session.id);
        if let Some(cap) = session.max_per_state {
            for state in &s.states {
                let mine = held.get(&(session.id.as_str(), state.code.as_str())).copied().unwrap_or(0);
                assert!(mine <= cap, "{file}: {} over the cap in {}", state.code, session.id);
            }
        }
    }
    for state in &s.states {
        if let Some(budget) = state.budget {
            let paid = spent.get(state.code.as_str()).copied().unwrap_or(0);
            assert!(paid <= budget, "{file}: {} spends {paid} of {budget}", state.code);
        }
    }
    for pin in &s.pins {
        let seats: i64 =
            plan.allocations.iter().filter(|a| a.need == pin.need && a.session == pin.session).map(|a| a.seats).sum();
        assert_eq!(seats, pin.seats, "{file}: pin {} -> {}", pin.need, pin.session);
    }
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
    let achieved = spec_objective(&scenario, &plan);
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
