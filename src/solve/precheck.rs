//! Pins that cannot all hold, found before solving so the planner is told which pins and
//! which limit clash, rather than only "infeasible".

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::compat::Index;
use crate::model::{order, NeedId, SessionId, StateCode};

/// A set of pins (and sessions) that cannot all be honoured, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinProblem {
    /// The pins involved, as (need, session).
    pub pins: Vec<(NeedId, SessionId)>,
    /// Sessions whose limit or minimum is involved.
    pub sessions: Vec<SessionId>,
    pub kind: ClashKind,
}

/// Which limit a set of pins breaks, with its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ClashKind {
    /// More seats pinned for a need than it has trainees.
    Trainees { need: NeedId, pinned: i64, trainees: i64 },
    /// More seats pinned into a session than it has.
    Seats { session: SessionId, pinned: i64, seats: i64 },
    /// More seats of one state pinned into a session than its cap per state.
    StateCap { state: StateCode, session: SessionId, pinned: i64, cap: i64 },
    /// Pinned seats cost more than the state's budget.
    Budget { state: StateCode, cost: i64, budget: i64, currency: String },
    /// A pinned session cannot reach its minimum number of participants: at most
    /// `reachable` trainees can attend it.
    Minimum { session: SessionId, reachable: i64, minimum: i64 },
    /// The pins do not hold together with seats, caps, budgets and minimums (the solver
    /// proved it); `sessions` are the minimum-size sessions involved.
    Together { sessions: Vec<SessionId> },
}

/// The command line's sentence.
impl fmt::Display for PinProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pins = describe(&self.pins);
        match &self.kind {
            ClashKind::Trainees { need, pinned, trainees } => {
                write!(f, "pins {pins} put {pinned} trainees of need {need} in sessions, but it has only {trainees}")
            }
            ClashKind::Seats { session, pinned, seats } => {
                write!(f, "pins {pins} put {pinned} trainees in session {session}, which has {seats} seats")
            }
            ClashKind::StateCap { state, session, pinned, cap } => write!(
                f,
                "pins {pins} put {pinned} trainees of {state} in session {session}, which takes at most {cap} per state"
            ),
            ClashKind::Budget { state, cost, budget, currency } => {
                write!(f, "pins {pins} cost {currency} {cost}, more than the budget of {state} ({budget})")
            }
            ClashKind::Minimum { session, reachable, minimum } => write!(
                f,
                "pins {pins} make session {session} run, but at most {reachable} trainees can attend it and it needs \
                 {minimum}"
            ),
            ClashKind::Together { sessions } => {
                write!(
                    f,
                    "the pins {pins} cannot all hold together with the sessions' seats, caps, budgets and minimums"
                )?;
                if !sessions.is_empty() {
                    let ids: Vec<&str> = sessions.iter().map(|s| s.as_str()).collect();
                    write!(f, " (minimum-size sessions involved: {})", ids.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

fn describe(pins: &[(NeedId, SessionId)]) -> String {
    pins.iter().map(|(n, s)| format!("{n} -> {s}")).collect::<Vec<_>>().join(", ")
}

/// Pinned pair indices grouped by a key, in key order.
fn group<K: Ord>(index: &Index, key: impl Fn(usize) -> K) -> BTreeMap<K, Vec<usize>> {
    let mut groups: BTreeMap<K, Vec<usize>> = BTreeMap::new();
    for (p, pair) in index.pairs.iter().enumerate() {
        if pair.pin.is_some() {
            groups.entry(key(p)).or_default().push(p);
        }
    }
    groups
}

fn pinned_seats(index: &Index, pairs: &[usize]) -> i64 {
    pairs.iter().filter_map(|&p| index.pairs[p].pin).sum()
}

fn pin_ids(index: &Index, pairs: &[usize]) -> Vec<(NeedId, SessionId)> {
    pairs
        .iter()
        .map(|&p| {
            let pair = &index.pairs[p];
            (index.need(pair.need).id.clone(), index.session(pair.session).id.clone())
        })
        .collect()
}

/// The obvious causes: pins above a need's trainees, a session's seats or cap, a state's
/// budget, or a minimum the session cannot reach.
pub fn pins(index: &Index) -> Vec<PinProblem> {
    let mut out = Vec::new();
    for (n, pairs) in group(index, |p| index.pairs[p].need) {
        let pinned = pinned_seats(index, &pairs);
        let need = index.need(n);
        if pinned > need.trainees {
            let pins = pin_ids(index, &pairs);
            out.push(PinProblem {
                kind: ClashKind::Trainees { need: need.id.clone(), pinned, trainees: need.trainees },
                sessions: pins.iter().map(|(_, s)| s.clone()).collect(),
                pins,
            });
        }
    }
    for (s, pairs) in group(index, |p| index.pairs[p].session) {
        let pinned = pinned_seats(index, &pairs);
        let session = index.session(s);
        if pinned > session.seats {
            let pins = pin_ids(index, &pairs);
            out.push(PinProblem {
                kind: ClashKind::Seats { session: session.id.clone(), pinned, seats: session.seats },
                sessions: vec![session.id.clone()],
                pins,
            });
        }
    }
    for ((s, state), pairs) in group(index, |p| (index.pairs[p].session, index.state_of[index.pairs[p].need])) {
        let session = index.session(s);
        let Some(cap) = session.max_per_state else { continue };
        let pinned = pinned_seats(index, &pairs);
        if pinned > cap {
            let pins = pin_ids(index, &pairs);
            out.push(PinProblem {
                kind: ClashKind::StateCap {
                    state: index.scenario.states[state].code.clone(),
                    session: session.id.clone(),
                    pinned,
                    cap,
                },
                sessions: vec![session.id.clone()],
                pins,
            });
        }
    }
    for (state, pairs) in group(index, |p| index.state_of[index.pairs[p].need]) {
        let state = &index.scenario.states[state];
        let Some(budget) = state.budget else { continue };
        let cost: i64 = pairs
            .iter()
            .map(|&p| index.pairs[p].pin.unwrap_or(0) * index.session(index.pairs[p].session).cost_per_seat)
            .sum();
        if cost > budget {
            let pins = pin_ids(index, &pairs);
            out.push(PinProblem {
                kind: ClashKind::Budget {
                    state: state.code.clone(),
                    cost,
                    budget,
                    currency: index.scenario.settings.currency.clone(),
                },
                sessions: pins.iter().map(|(_, s)| s.clone()).collect(),
                pins,
            });
        }
    }
    for (s, pairs) in group(index, |p| index.pairs[p].session) {
        let session = index.session(s);
        let reachable: i64 = index.by_session[s].iter().map(|&p| index.pairs[p].upper).sum();
        if session.min_participants > 0 && reachable.min(session.seats) < session.min_participants {
            let pins = pin_ids(index, &pairs);
            out.push(PinProblem {
                kind: ClashKind::Minimum {
                    session: session.id.clone(),
                    reachable: reachable.min(session.seats),
                    minimum: session.min_participants,
                },
                sessions: vec![session.id.clone()],
                pins,
            });
        }
    }
    out
}

/// When the solver proves infeasibility that the pre-checks did not see, name every pin
/// and every pinned session with a minimum: together they are the cause.
pub fn infeasible_fallback(index: &Index) -> Vec<PinProblem> {
    let pinned: Vec<usize> = (0..index.pairs.len()).filter(|&p| index.pairs[p].pin.is_some()).collect();
    let pins = pin_ids(index, &pinned);
    let mut sessions: Vec<SessionId> = pinned
        .iter()
        .map(|&p| index.pairs[p].session)
        .filter(|&s| index.session(s).min_participants > 0)
        .map(|s| index.session(s).id.clone())
        .collect();
    order::sort(&mut sessions);
    sessions.dedup();
    vec![PinProblem { pins, kind: ClashKind::Together { sessions: sessions.clone() }, sessions }]
}
