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

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::model::{order, Need, NeedId, Scenario, Session, SessionId, StateCode};
use crate::solve::Plan;

pub use import::{Imported, RowError, RowProblem};
pub use words::{reason_words, ReasonWords};

/// The language of the words an export writes (state names, course titles, reasons).
/// Column names, ids and codes stay as the SPEC writes them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileLang {
    #[default]
    En,
    Ar,
    Fr,
}

impl FileLang {
    pub const ALL: [FileLang; 3] = [FileLang::En, FileLang::Ar, FileLang::Fr];

    /// The language code used in scenario names (`en`, `ar`, `fr`).
    pub fn code(self) -> &'static str {
        match self {
            FileLang::En => "en",
            FileLang::Ar => "ar",
            FileLang::Fr => "fr",
        }
    }
}

impl fmt::Display for FileLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for FileLang {
    type Err = String;

    fn from_str(code: &str) -> Result<FileLang, String> {
        FileLang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| format!("unknown language \"{code}\" (use en, ar or fr)"))
    }
}

/// Why an export could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// `--state` names a state the scenario does not have.
    #[error("the scenario has no state \"{0}\"")]
    UnknownState(StateCode),
    /// The plan was computed from another scenario, an older version of this one, or edited
    /// by hand: the first problems (see [`crate::solve::verify`]), then "and N more".
    #[error("the plan does not fit this scenario:\n  {}", .0.join("\n  "))]
    Mismatch(Vec<String>),
}

/// The check every export runs first (csv, unmet-csv, ics, json; command line and browser):
/// the chosen state exists, and the plan is one `scenario` can have produced
/// ([`crate::solve::verify`]: format and version, needs and sessions known, seats within
/// trainees, capacity, caps and budgets, pins honoured, pairs compatible or pinned, its
/// `sessions` and `unmet` lists consistent). A plan that fails is never written, not even in
/// part: a shorter or wrong file that looks right is worse than an error.
pub fn check(scenario: &Scenario, plan: &Plan, state: Option<&StateCode>) -> Result<(), ExportError> {
    if let Some(code) = state {
        if scenario.state(code).is_none() {
            return Err(ExportError::UnknownState(code.clone()));
        }
    }
    let problems = crate::solve::verify(scenario, plan);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ExportError::Mismatch(problems))
    }
}

/// One allocation with the need and session it joins, looked up once.
struct Row<'a> {
    need: &'a Need,
    session: &'a Session,
    seats: i64,
}

/// The plan's allocations for one state or all, sorted the way a reader scans them:
/// by state, then date, then session, then need. Call after [`check`].
fn rows<'a>(scenario: &'a Scenario, plan: &Plan, state: Option<&StateCode>) -> Vec<Row<'a>> {
    let needs: BTreeMap<&NeedId, &Need> = order::map(scenario.needs.iter().map(|n| (&n.id, n)));
    let sessions: BTreeMap<&SessionId, &Session> = order::map(scenario.sessions.iter().map(|s| (&s.id, s)));
    let mut rows: Vec<Row<'a>> = plan
        .allocations
        .iter()
        .filter_map(|a| Some(Row { need: needs.get(&a.need)?, session: sessions.get(&a.session)?, seats: a.seats }))
        .filter(|row| row.seats > 0 && state.is_none_or(|code| &row.need.state == code))
        .collect();
    order::sort_by(&mut rows, |a, b| {
        (&a.need.state, a.session.start, &a.session.id, &a.need.id).cmp(&(
            &b.need.state,
            b.session.start,
            &b.session.id,
            &b.need.id,
        ))
    });
    rows
}
