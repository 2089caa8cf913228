//! From the blocks' seats to the plan of SPEC §4: allocations in a stable order, how full
//! each session is, the unmet needs with their reasons, objective, bound and gap.

use std::collections::BTreeMap;

use super::compat::Index;
use super::explain;
use super::objective::round6;
use super::plan::{Allocation, Plan, SessionFill, Stats, Status, PLAN_FORMAT};
use crate::model::SessionId;

/// The allocations with seats > 0 of a block, from the seats of each pair.
pub(super) fn allocations_of(index: &Index, seats: impl Fn(usize) -> i64) -> Vec<Allocation> {
    index
        .pairs
        .iter()
        .enumerate()
        .map(|(p, pair)| Allocation {
            need: index.need(pair.need).id.clone(),
            session: index.session(pair.session).id.clone(),
            seats: seats(p),
        })
        .filter(|a| a.seats > 0)
        .collect()
}

/// The plan of these allocations of the whole scenario, with its status, objective and
/// bound (both already rounded), and statistics.
pub(super) fn plan(
    index: &Index,
    mut allocations: Vec<Allocation>,
    status: Status,
    objective: f64,
    bound: f64,
    stats: Stats,
) -> Plan {
    allocations.sort_by(|a, b| (&a.need, &a.session).cmp(&(&b.need, &b.session)));
    let mut filled_of: BTreeMap<&SessionId, i64> = BTreeMap::new();
    for allocation in &allocations {
        *filled_of.entry(&allocation.session).or_default() += allocation.seats;
    }
    let sessions = index
        .scenario
        .sessions
        .iter()
        .map(|session| {
            let filled = filled_of.get(&session.id).copied().unwrap_or(0);
            SessionFill { session: session.id.clone(), filled, seats: session.seats, running: filled > 0 }
        })
        .collect();
    let unmet = explain::unmet(index, &allocations);
    let gap = round6(((bound - objective) / bound.abs().max(1.0)).max(0.0));
    Plan {
        format: PLAN_FORMAT.to_string(),
        version: 1,
        scenario: index.scenario.title.clone(),
        status,
        objective,
        bound,
        gap,
        allocations,
        sessions,
        unmet,
        stats,
    }
}
