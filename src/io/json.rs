//! JSON files: the plan (SPEC §4) and the scenario (SPEC §2), pretty-printed with two-space
//! indents, fields in the order the SPEC lists them and names sorted by language code, so
//! the same data always gives the same bytes and diffs between versions stay small.

use crate::model::{ParseError, Scenario};
use crate::solve::Plan;

/// The plan as written by `qudra export --format json` and `qudra solve`.
pub fn plan(plan: &Plan) -> String {
    plan.to_json()
}

/// The scenario as written by `qudra import` and the browser's "save".
pub fn scenario(scenario: &Scenario) -> String {
    scenario.to_json()
}

/// Reads a plan file; the error names the JSON path of the bad value.
pub fn read_plan(text: &str) -> Result<Plan, String> {
    Plan::from_json(text)
}

/// Reads a scenario file (not validated: call `model::validate` next).
pub fn read_scenario(text: &str) -> Result<Scenario, ParseError> {
    Scenario::from_json(text)
}
