//! Exchange files (SPEC §5): the plan out to spreadsheets ([`csv`]), calendars ([`ics`]) and
//! JSON ([`json`]), and focal points' spreadsheets back in ([`import`]).
//!
//! Everything here is pure: exports take `&Scenario + &Plan + options` and return the file's
//! text; imports take the file's bytes and return a new scenario or every bad row. Nothing
//! reads a clock, a file or the browser, so the command line and the browser app call the
//! same functions and get the same bytes.

pub mod csv;
pub mod ics;
pub mod import;
pub mod json;
mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use crate::model::{Need, NeedId, Scenario, Session, SessionId, StateCode};
use crate::solve::Plan;

pub use import::{Imported, RowError};

/// The language of the words an export writes (state names, course titles, reasons).
/// Column names, ids and codes stay as the SPEC writes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    /// The language code used in scenario names (`en`, `ar`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(code: &str) -> Result<Lang, String> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| format!("unknown language \"{code}\" (use en or ar)"))
    }
}

/// Why an export could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// `--state` names a state the scenario does not have.
    #[error("the scenario has no state \"{0}\"")]
    UnknownState(StateCode),
    /// The plan was computed from another scenario (or an older version of this one).
    #[error("the plan does not belong to this scenario:\n  {}", .0.join("\n  "))]
    Mismatch(Vec<String>),
}

/// Checks that every need and session the plan names is in the scenario, and that the
/// chosen state exists, so that an export never silently drops rows.
fn check_pair(scenario: &Scenario, plan: &Plan, state: Option<&StateCode>) -> Result<(), ExportError> {
    if let Some(code) = state {
        if scenario.state(code).is_none() {
            return Err(ExportError::UnknownState(code.clone()));
        }
    }
    let needs: BTreeSet<&str> = scenario.needs.iter().map(|n| n.id.as_str()).collect();
    let sessions: BTreeSet<&str> = scenario.sessions.iter().map(|s| s.id.as_str()).collect();
    let mut missing = Vec::new();
    for (i, allocation) in plan.allocations.iter().enumerate() {
        if !needs.contains(allocation.need.as_str()) {
            missing.push(format!("allocations[{i}].need: no need \"{}\" in the scenario", allocation.need));
        }
        if !sessions.contains(allocation.session.as_str()) {
            missing.push(format!("allocations[{i}].session: no session \"{}\" in the scenario", allocation.session));
        }
    }
    for (i, unmet) in plan.unmet.iter().enumerate() {
        if !needs.contains(unmet.need.as_str()) {
            missing.push(format!("unmet[{i}].need: no need \"{}\" in the scenario", unmet.need));
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(ExportError::Mismatch(missing))
    }
}

/// One allocation with the need and session it joins, looked up once.
struct Row<'a> {
    need: &'a Need,
    session: &'a Session,
    seats: i64,
}

/// The plan's allocations for one state or all, sorted the way a reader scans them:
/// by state, then date, then session, then need. Call after [`check_pair`].
fn rows<'a>(scenario: &'a Scenario, plan: &Plan, state: Option<&StateCode>) -> Vec<Row<'a>> {
    let needs: BTreeMap<&NeedId, &Need> = scenario.needs.iter().map(|n| (&n.id, n)).collect();
    let sessions: BTreeMap<&SessionId, &Session> = scenario.sessions.iter().map(|s| (&s.id, s)).collect();
    let mut rows: Vec<Row<'a>> = plan
        .allocations
        .iter()
        .filter_map(|a| Some(Row { need: needs.get(&a.need)?, session: sessions.get(&a.session)?, seats: a.seats }))
        .filter(|row| row.seats > 0 && state.is_none_or(|code| &row.need.state == code))
        .collect();
    rows.sort_by(|a, b| {
        (&a.need.state, a.session.start, &a.session.id, &a.need.id).cmp(&(
            &b.need.state,
            b.session.start,
            &b.session.id,
            &b.need.id,
        ))
    });
    rows
}
