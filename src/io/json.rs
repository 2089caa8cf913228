//! JSON files: the plan (SPEC §4) and the scenario (SPEC §2), pretty-printed with two-space
//! indents, fields in the order the SPEC lists them and names sorted by language code, so
//! the same data always gives the same bytes and diffs between versions stay small.

use super::{check, ExportError};
use crate::model::{ParseError, Scenario, SCENARIO_FORMAT};
use crate::solve::{Plan, PLAN_FORMAT, PLAN_VERSION};

/// The plan as written by `qudra solve` (no check: the solver made it from the scenario).
pub fn plan(plan: &Plan) -> String {
    plan.to_json()
}

/// The plan as written by `qudra export --format json` and the browser's download: checked
/// against its scenario first ([`check`]), like every other export.
pub fn export(scenario: &Scenario, plan: &Plan) -> Result<String, ExportError> {
    check(scenario, plan, None)?;
    Ok(plan.to_json())
}

/// The scenario as written by `qudra import` and the browser's "save".
pub fn scenario(scenario: &Scenario) -> String {
    scenario.to_json()
}

/// Reads a plan file; the error names the JSON path of the bad value. A file of another
/// kind (a scenario) or another version says so before any field is read.
pub fn read_plan(text: &str) -> Result<Plan, String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    if let Ok(head) = serde_json::from_str::<Head>(body) {
        match head.format.as_ref().and_then(|f| f.as_str()) {
            Some(PLAN_FORMAT) | None => {}
            Some(SCENARIO_FORMAT) => {
                return Err(format!(
                    "format: this is a scenario file (format {SCENARIO_FORMAT}), not a plan (format {PLAN_FORMAT})"
                ))
            }
            Some(other) => return Err(format!("format: \"{other}\" is not a plan (format {PLAN_FORMAT})")),
        }
        if let Some(version) = head.version.filter(|v| v.as_u64() != Some(u64::from(PLAN_VERSION))) {
            return Err(format!(
                "version: this Qudra reads plan version {PLAN_VERSION}; the file is version {version}"
            ));
        }
    }
    Plan::from_json(text)
}

/// Reads a scenario file (not validated: call `model::validate` next).
pub fn read_scenario(text: &str) -> Result<Scenario, ParseError> {
    Scenario::from_json(text)
}

/// The scenario as [`scenario`] writes it, straight into `out`, so that a large scenario
/// is never held a second time as one string (a pretty-printed scenario is about five times
/// the size of the CSV it was imported from).
pub fn write_scenario(scenario: &Scenario, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, scenario)?;
    out.write_all(b"\n")
}
