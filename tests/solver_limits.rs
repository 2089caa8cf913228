//! The solver on the demo scenario with the largest weights and bonus the validation
//! allows (issue 10, item 6): it used to spin at full CPU past any time limit, because the
//! flow compared costs of 10^12 with an absolute tolerance of 10^-9.

mod common;

use common::oracle::{assert_honest, assert_within_limits, close, plan_objective};
use qudra::io::json;
use qudra::model::{validate, Scenario};
use qudra::solve::{solve, Options, Plan, Status};

fn demo() -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-2027.json");
    let text = std::fs::read_to_string(path).expect("the demo scenario");
    json::read_scenario(&text).expect("the demo scenario parses")
}

/// Seats, caps, budgets, trainees and pins all hold, the objective is the SPEC's for the
/// plan's seats, and the bound and gap are honest.
fn assert_valid(scenario: &Scenario, plan: &Plan) {
    assert_honest(&scenario.title, plan);
    let exact = plan_objective(scenario, plan);
    assert!(close(plan.objective, exact), "{} vs {exact}", plan.objective);
    assert_within_limits(&scenario.title, scenario, plan);
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
    // Whatever the status (a solver that proves this at once may call it optimal), the plan
    // holds and its bound and gap are honest.
    assert_valid(&scenario, &plan);
}
