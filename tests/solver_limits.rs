//! The solver on the demo scenario with the largest weights and bonus the validation
//! allows (issue 10, item 6): it used to spin at full CPU past any time limit, because the
//! flow compared costs of 10^12 with an absolute tolerance of 10^-9.

use std::collections::BTreeMap;

use qudra::io::json;
use qudra::model::{validate, Scenario};
use qudra::solve::{solve, Options, Plan, Status};

fn demo() -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-2027.json");
    let text = std::fs::read_to_string(path).expect("the demo scenario");
    json::read_scenario(&text).expect("the demo scenario parses")
}

/// The SPEC §3 objective of the plan's seats, computed here from the scenario.
fn spec_objective(scenario: &Scenario, plan: &Plan) -> f64 {
    let settings = &scenario.settings;
    let mut value = 0.0;
    for need in &scenario.needs {
        let served = plan.served(&need.id);
        let weight = settings.priority_weights[need.priority as usize - 1];
        value += weight * (served as f64 + settings.equity_bonus * served.min((need.trainees + 1) / 2) as f64);
    }
    for allocation in &plan.allocations {
        let session = scenario.session(&allocation.session).expect("a known session");
        value -= settings.cost_weight * (allocation.seats * session.cost_per_seat) as f64;
    }
    value
}

/// Seats, caps, budgets and trainees all hold, and the bound is not below the objective.
fn assert_valid(scenario: &Scenario, plan: &Plan) {
    assert!(plan.bound >= plan.objective, "bound {} below objective {}", plan.bound, plan.objective);
    let exact = spec_objective(scenario, plan);
    assert!((plan.objective - exact).abs() <= 1e-6 * exact.abs().max(1.0), "{} vs {exact}", plan.objective);
    let mut filled: BTreeMap<&str, i64> = BTreeMap::new();
    let mut by_state: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    let mut spent: BTreeMap<&str, i64> = BTreeMap::new();
    let mut served: BTreeMap<&str, i64> = BTreeMap::new();
    for allocation in &plan.allocations {
        let need = scenario.need(&allocation.need).expect("a known need");
        let session = scenario.session(&allocation.session).expect("a known session");
        *filled.entry(session.id.as_str()).or_default() += allocation.seats;
        *by_state.entry((session.id.as_str(), need.state.as_str())).or_default() += allocation.seats;
        *spent.entry(need.state.as_str()).or_default() += allocation.seats * session.cost_per_seat;
        *served.entry(need.id.as_str()).or_default() += allocation.seats;
    }
    for session in &scenario.sessions {
        let filled = filled.get(session.id.as_str()).copied().unwrap_or(0);
        assert!(filled <= session.seats, "{} over its seats", session.id);
        assert!(filled == 0 || filled >= session.min_participants, "{} below its minimum", session.id);
    }
    for ((session, _), seats) in by_state {
        let cap = scenario.session(&session.into()).and_then(|s| s.max_per_state).unwrap_or(i64::MAX);
        assert!(seats <= cap, "{session} over its cap");
    }
    for state in &scenario.states {
        let spent = spent.get(state.code.as_str()).copied().unwrap_or(0);
        assert!(spent <= state.budget.unwrap_or(i64::MAX), "{} over its budget", state.code);
    }
    for need in &scenario.needs {
        assert!(served.get(need.id.as_str()).copied().unwrap_or(0) <= need.trainees, "{} over", need.id);
    }
}

#[test]
fn the_demo_with_strict_priority_weights_and_the_largest_bonus_is_solved() {
    let mut scenario = demo();
    scenario.settings.priority_weights = vec![1.0, 10.0, 1e3, 1e5, 1e6];
    scenario.settings.equity_bonus = 1e6;
    assert_eq!(validate(&scenario), Vec::new());
    let plan = solve(&scenario, &Options { time_limit: Some(120.0), ..Options::default() }).expect("a plan");
    assert_valid(&scenario, &plan);
    assert_eq!(plan.status, Status::Optimal, "objective {} bound {}", plan.objective, plan.bound);
}

#[test]
fn the_demo_with_a_limit_already_spent_still_gets_a_valid_plan() {
    let mut scenario = demo();
    scenario.settings.priority_weights = vec![1.0, 10.0, 1e3, 1e5, 1e6];
    let plan =
        solve(&scenario, &Options { time_limit: Some(0.0), ..Options::default() }).expect("a plan, not an error");
    assert_eq!(plan.status, Status::TimeLimit);
    assert_valid(&scenario, &plan);
}
