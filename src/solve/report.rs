//! What a plan means for people: coverage per state and per skill, totals, and what changed
//! between two plans. Pure functions of (scenario, plan), shared by the CLI and the app.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::Plan;
use crate::model::{order, NeedId, Scenario, SessionId, SkillId, StateCode};

/// Trainees needed and planned for a group of needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    pub needed: i64,
    pub planned: i64,
    /// Trainees needed and planned per priority 1..5 (index 0 is priority 1).
    pub by_priority: [(i64, i64); 5],
}

impl Coverage {
    fn add(&mut self, priority: i64, needed: i64, planned: i64) {
        self.needed += needed;
        self.planned += planned;
        let slot = &mut self.by_priority[(priority.clamp(1, 5) - 1) as usize];
        slot.0 += needed;
        slot.1 += planned;
    }
}

/// Totals of a plan, as a dashboard shows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    pub seats_offered: i64,
    pub seats_filled: i64,
    pub sessions_running: usize,
    pub needs_met: usize,
    pub needs_partly_met: usize,
    pub needs_not_met: usize,
    /// Planned over needed, each trainee weighted by its priority weight.
    pub weighted_coverage: f64,
    /// Money the planned seats cost, in the scenario's currency.
    pub cost: i64,
}

/// Coverage by state and by skill, and the plan's totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub by_state: BTreeMap<StateCode, Coverage>,
    pub by_skill: BTreeMap<SkillId, Coverage>,
    pub totals: Totals,
}

/// Seats of each need, from the plan's allocations.
pub fn served(plan: &Plan) -> BTreeMap<&NeedId, i64> {
    let mut served = BTreeMap::new();
    for allocation in &plan.allocations {
        *served.entry(&allocation.need).or_default() += allocation.seats;
    }
    served
}

pub fn report(scenario: &Scenario, plan: &Plan) -> Report {
    let served = served(plan);
    let mut report = Report::default();
    let (mut weighted_needed, mut weighted_planned) = (0.0, 0.0);
    for need in &scenario.needs {
        let planned = served.get(&need.id).copied().unwrap_or(0).min(need.trainees);
        report.by_state.entry(need.state.clone()).or_default().add(need.priority, need.trainees, planned);
        report.by_skill.entry(need.skill.clone()).or_default().add(need.priority, need.trainees, planned);
        let weight = scenario.settings.priority_weights.get((need.priority.clamp(1, 5) - 1) as usize).copied();
        let weight = weight.unwrap_or(1.0);
        weighted_needed += weight * need.trainees as f64;
        weighted_planned += weight * planned as f64;
        let totals = &mut report.totals;
        match planned {
            0 => totals.needs_not_met += 1,
            p if p >= need.trainees => totals.needs_met += 1,
            _ => totals.needs_partly_met += 1,
        }
    }
    let cost_of: BTreeMap<&SessionId, i64> = order::map(scenario.sessions.iter().map(|s| (&s.id, s.cost_per_seat)));
    let totals = &mut report.totals;
    totals.seats_offered = scenario.sessions.iter().map(|s| s.seats).sum();
    totals.seats_filled = plan.sessions.iter().map(|s| s.filled).sum();
    totals.sessions_running = plan.sessions.iter().filter(|s| s.running).count();
    totals.cost = plan.allocations.iter().map(|a| a.seats * cost_of.get(&a.session).copied().unwrap_or(0)).sum();
    totals.weighted_coverage = if weighted_needed > 0.0 { weighted_planned / weighted_needed } else { 1.0 };
    report
}

/// Seats of one state in one session that changed between two plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub state: StateCode,
    pub session: SessionId,
    pub before: i64,
    pub after: i64,
}

/// What moved between two plans of the same scenario, per (state, session), in that order.
pub fn changes(scenario: &Scenario, before: &Plan, after: &Plan) -> Vec<Change> {
    let state_of: BTreeMap<&NeedId, &StateCode> = order::map(scenario.needs.iter().map(|n| (&n.id, &n.state)));
    let mut seats: BTreeMap<(StateCode, SessionId), (i64, i64)> = BTreeMap::new();
    for (plan, slot) in [(before, 0), (after, 1)] {
        for allocation in &plan.allocations {
            let Some(state) = state_of.get(&allocation.need) else { continue };
            let entry = seats.entry(((*state).clone(), allocation.session.clone())).or_default();
            if slot == 0 {
                entry.0 += allocation.seats;
            } else {
                entry.1 += allocation.seats;
            }
        }
    }
    seats
        .into_iter()
        .filter(|(_, (b, a))| b != a)
        .map(|((state, session), (before, after))| Change { state, session, before, after })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{solve, Options};
    use crate::synth::{scenario, Scale, Variant};

    #[test]
    fn coverage_adds_up_to_the_plan() {
        let scenario = scenario(Scale::Region, Variant::Pure, 3);
        let plan = solve(&scenario, &Options::default()).unwrap();
        let report = report(&scenario, &plan);
        let planned: i64 = plan.allocations.iter().map(|a| a.seats).sum();
        let needed: i64 = scenario.needs.iter().map(|n| n.trainees).sum();
        assert_eq!(report.by_state.values().map(|c| c.planned).sum::<i64>(), planned);
        assert_eq!(report.by_skill.values().map(|c| c.needed).sum::<i64>(), needed);
        assert_eq!(report.totals.seats_filled, planned);
        let t = &report.totals;
        assert_eq!(t.needs_met + t.needs_partly_met + t.needs_not_met, scenario.needs.len());
        assert_eq!(t.needs_partly_met + t.needs_not_met, plan.unmet.len());
        assert!(t.weighted_coverage > 0.0 && t.weighted_coverage < 1.0);
    }

    #[test]
    fn changes_list_moved_seats_per_state_and_session() {
        let mut scenario = scenario(Scale::Region, Variant::Pure, 3);
        let before = solve(&scenario, &Options::default()).unwrap();
        let moved = before.allocations[0].clone();
        scenario.exclusions.push(crate::model::Exclusion { need: moved.need.clone(), session: moved.session.clone() });
        let after = solve(&scenario, &Options::default()).unwrap();
        let moves = changes(&scenario, &before, &after);
        let state = &scenario.need(&moved.need).unwrap().state;
        assert!(moves.iter().any(|c| &c.state == state && c.session == moved.session && c.after < c.before));
        assert!(changes(&scenario, &before, &before).is_empty());
    }
}
