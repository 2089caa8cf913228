//! The plan (SPEC §4): what the solver decided, as plain data in a stable order.

use serde::{Deserialize, Serialize};

use crate::model::{NeedId, SessionId};

/// The `format` tag every plan file carries.
pub const PLAN_FORMAT: &str = "qudra-plan";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Proven optimal.
    Optimal,
    /// The best plan found before the time limit; `bound` and `gap` say how far from optimal it may be.
    TimeLimit,
}

impl Status {
    /// The word used in plan files.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Optimal => "optimal",
            Status::TimeLimit => "time_limit",
        }
    }
}

/// Seats of one need in one session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocation {
    pub need: NeedId,
    pub session: SessionId,
    pub seats: i64,
}

/// How full a session is in the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionFill {
    pub session: SessionId,
    pub filled: i64,
    pub seats: i64,
    pub running: bool,
}

/// Why a need is not fully served: the first reason of SPEC §4 that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    NoCompatibleSession,
    Budget,
    Capacity,
    StateCap,
    MinParticipants,
    Cost,
}

impl Reason {
    pub const ALL: [Reason; 6] = [
        Reason::NoCompatibleSession,
        Reason::Budget,
        Reason::Capacity,
        Reason::StateCap,
        Reason::MinParticipants,
        Reason::Cost,
    ];

    /// The word used in plan files.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoCompatibleSession => "no_compatible_session",
            Reason::Budget => "budget",
            Reason::Capacity => "capacity",
            Reason::StateCap => "state_cap",
            Reason::MinParticipants => "min_participants",
            Reason::Cost => "cost",
        }
    }
}

/// A need with fewer seats than trainees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unmet {
    pub need: NeedId,
    /// Trainees left without a seat.
    pub seats: i64,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    pub needs: usize,
    pub sessions: usize,
    pub variables: usize,
    pub constraints: usize,
    /// Time inside the solver, in milliseconds (the one field that differs between runs).
    pub solve_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format: String,
    pub version: u32,
    /// Title of the scenario the plan was computed from.
    pub scenario: String,
    pub status: Status,
    pub objective: f64,
    pub bound: f64,
    pub gap: f64,
    pub allocations: Vec<Allocation>,
    pub sessions: Vec<SessionFill>,
    pub unmet: Vec<Unmet>,
    pub stats: Stats,
}

impl Plan {
    /// Pretty JSON, fields in SPEC order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Reads a plan file (a leading byte order mark is ignored); the error names the JSON path.
    pub fn from_json(text: &str) -> Result<Plan, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|err| {
            let path = err.path().to_string();
            format!("{path}: {}", err.into_inner())
        })
    }

    /// Seats given to one need in total.
    pub fn served(&self, need: &NeedId) -> i64 {
        self.allocations.iter().filter(|a| &a.need == need).map(|a| a.seats).sum()
    }
}
