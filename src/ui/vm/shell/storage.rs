//! What the browser keeps on the device: the scenario in an envelope carrying a
//! `schema_version`. Older envelopes are brought up to date by pure migration steps, one per
//! version; an envelope from a newer Qudra is refused so that it is never overwritten by an
//! older build. The browser side (`ui::store`) only moves these strings in and out.

use serde_json::{json, Value};

use crate::model::Scenario;

/// The storage schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// The storage keys, all under one prefix so "Clear local data" knows what is ours.
pub const KEY_SCENARIO: &str = "qudra.scenario";
pub const KEY_LANG: &str = "qudra.lang";
pub const KEY_ROLE: &str = "qudra.role";
pub const KEY_FOCAL_STATE: &str = "qudra.focal_state";
/// Present ("1") while the stored scenario is still the demo's (edited or not), so that the
/// demo banner stays until the user imports a scenario or starts empty.
pub const KEY_DEMO: &str = "qudra.demo";
/// The connected app's offline queue (`vm::connect::queue`): every account's edits that wait
/// for the server, in the same `schema_version` envelope. Not among [`ALL_KEYS`]: "Clear local
/// data" is the standalone app's, which never holds a queue.
pub const KEY_QUEUE: &str = "qudra.queue";
pub const ALL_KEYS: [&str; 5] = [KEY_SCENARIO, KEY_LANG, KEY_ROLE, KEY_FOCAL_STATE, KEY_DEMO];

/// What was found in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Nothing,
    /// The stored scenario, migrated from `from` when that is older than [`SCHEMA_VERSION`].
    Scenario { scenario: Box<Scenario>, from: u32 },
    /// Stored by a newer Qudra; must not be read or overwritten.
    Newer(u32),
    /// Present but unreadable; kept untouched so nothing is lost.
    Unreadable(String),
}

/// The envelope to store.
pub fn encode(scenario: &Scenario) -> String {
    json!({ "schema_version": SCHEMA_VERSION, "scenario": scenario }).to_string()
}

/// Reads what `encode` (of this or an older build) stored.
pub fn decode(stored: Option<&str>) -> Loaded {
    let Some(text) = stored.filter(|t| !t.trim().is_empty()) else {
        return Loaded::Nothing;
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return Loaded::Unreadable(e.to_string()),
    };
    let from = version_of(&value);
    if from > SCHEMA_VERSION {
        return Loaded::Newer(from);
    }
    let migrated = match migrate(value, from) {
        Ok(value) => value,
        Err(message) => return Loaded::Unreadable(message),
    };
    let scenario = migrated.get("scenario").cloned().unwrap_or(Value::Null);
    match Scenario::from_json(&scenario.to_string()) {
        Ok(scenario) => Loaded::Scenario { scenario: Box::new(scenario), from },
        Err(e) => Loaded::Unreadable(e.to_string()),
    }
}

/// The schema version of a stored value; a value without one is version 0.
fn version_of(value: &Value) -> u32 {
    value.get("schema_version").and_then(Value::as_u64).map(|v| u32::try_from(v).unwrap_or(u32::MAX)).unwrap_or(0)
}

/// Applies the migration steps from `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut value: Value, from: u32) -> Result<Value, String> {
    for version in from..SCHEMA_VERSION {
        value = match version {
            0 => v0_to_v1(value)?,
            other => return Err(format!("no migration from storage schema {other}")),
        };
    }
    Ok(value)
}

/// Version 0 is a bare scenario document (a scenario file as exported, pasted or left by a
/// prototype) with no envelope; version 1 wraps it.
fn v0_to_v1(value: Value) -> Result<Value, String> {
    if value.get("format").and_then(Value::as_str) != Some(crate::model::SCENARIO_FORMAT) {
        return Err("stored data is neither a storage envelope nor a scenario".to_string());
    }
    Ok(json!({ "schema_version": 1, "scenario": value }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        let mut s = Scenario::empty("Plan 2027");
        s.settings.equity_bonus = 0.25;
        s
    }

    #[test]
    fn a_stored_scenario_comes_back_exactly() {
        let s = scenario();
        assert_eq!(decode(Some(&encode(&s))), Loaded::Scenario { scenario: Box::new(s), from: SCHEMA_VERSION });
    }

    #[test]
    fn nothing_stored_is_a_first_visit() {
        assert_eq!(decode(None), Loaded::Nothing);
        assert_eq!(decode(Some("")), Loaded::Nothing);
    }

    #[test]
    fn schema_0_a_bare_scenario_migrates_to_the_envelope() {
        let s = scenario();
        let loaded = decode(Some(&s.to_json()));
        assert_eq!(loaded, Loaded::Scenario { scenario: Box::new(s), from: 0 });
        assert!(migrate(json!({"something": 1}), 0).is_err());
    }

    #[test]
    fn schema_1_is_read_as_is() {
        let stored = json!({"schema_version": 1, "scenario": scenario()});
        assert_eq!(migrate(stored.clone(), 1).unwrap(), stored);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let stored = json!({"schema_version": SCHEMA_VERSION + 1, "scenario": {"anything": true}}).to_string();
        assert_eq!(decode(Some(&stored)), Loaded::Newer(SCHEMA_VERSION + 1));
    }

    #[test]
    fn unreadable_data_is_reported_not_replaced() {
        assert!(matches!(decode(Some("{\"schema_version\":1,")), Loaded::Unreadable(_)));
        assert!(matches!(decode(Some("{\"schema_version\":1,\"scenario\":{}}")), Loaded::Unreadable(_)));
    }
}
