//! Pins that cannot all hold, found before solving so the planner is told which pins and
//! which limit clash, rather than only "infeasible".

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::compat::Index;
use crate::model::{NeedId, SessionId};

/// A set of pins (and sessions) that cannot all be honoured, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PinProblem {
    /// The pins involved, as (need, session).
    pub pins: Vec<(NeedId, SessionId)>,
    /// Sessions whose limit or minimum is involved.
    pub sessions: Vec<SessionId>,
    pub message: String,
}

impl fmt::Display for PinProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
                message: format!(
                    "pins {} put {pinned} trainees of need {} in sessions, but it has only {}",
                    describe(&pins),
                    need.id,
                    need.trainees
                ),
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
                message: format!(
                    "pins {} put {pinned} trainees in session {}, which has {} seats",
                    describe(&pins),
                    session.id,
                    session.seats
                ),
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
                message: format!(
                    "pins {} put {pinned} trainees of {} in session {}, which takes at most {cap} per state",
                    describe(&pins),
                    index.scenario.states[state].code,
                    session.id
                ),
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
                message: format!(
                    "pins {} cost {} {cost}, more than the budget of {} ({budget})",
                    describe(&pins),
                    index.scenario.settings.currency,
                    state.code
                ),
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
                message: format!(
                    "pins {} make session {} run, but at most {} trainees can attend it and it needs {}",
                    describe(&pins),
                    session.id,
                    reachable.min(session.seats),
                    session.min_participants
                ),
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
    sessions.sort();
    sessions.dedup();
    vec![PinProblem {
        message: format!(
            "the pins {} cannot all hold together with the sessions' seats, caps, budgets and minimums{}",
            describe(&pins),
            if sessions.is_empty() {
                String::new()
            } else {
                format!(
                    " (minimum-size sessions involved: {})",
                    sessions.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
                )
            }
        ),
        pins,
        sessions,
    }]
}
