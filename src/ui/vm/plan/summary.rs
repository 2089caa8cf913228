//! What a solve gave, as an official reads it: trainees placed of those needed, the needs left
//! short and how many of them are critical, then each state's coverage at a glance. The
//! solver's own words (optimal, time limit, gap, milliseconds) are the Solve bar's details
//! line, not this.

use super::percent;
use super::solved::LastPlan;
use crate::model::{name_in, StateCode};
use crate::solve::Report;

/// The priority a need is critical at (the top of the 1..5 scale).
pub const CRITICAL: i64 = 5;

/// The headline figures of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Trainees with a seat, over every need.
    pub placed: i64,
    /// Trainees the needs ask for.
    pub trainees: i64,
    /// Needs with fewer seats than trainees.
    pub short: usize,
    /// Of those, the needs of critical priority.
    pub critical: usize,
    /// Each state's coverage, in the scenario's order of states.
    pub states: Vec<StateShare>,
}

/// One state's coverage, for the row of small bars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateShare {
    pub code: StateCode,
    pub name: String,
    pub planned: i64,
    pub needed: i64,
}

impl StateShare {
    /// Percent of its trainees placed, rounded down.
    pub fn percent(&self) -> i64 {
        percent(self.planned, self.needed)
    }
}

impl Summary {
    /// Percent of all trainees placed, rounded down.
    pub fn percent(&self) -> i64 {
        percent(self.placed, self.trainees)
    }
}

/// The summary of `solved`, whose report is `report`; state names in `lang`.
pub fn summary(solved: &LastPlan, report: &Report, lang: &str) -> Summary {
    let scenario = &solved.scenario;
    let states: Vec<StateShare> = scenario
        .states
        .iter()
        .filter_map(|st| {
            let c = report.by_state.get(&st.code)?;
            Some(StateShare {
                code: st.code.clone(),
                name: name_in(&st.name, lang).to_string(),
                planned: c.planned,
                needed: c.needed,
            })
        })
        .collect();
    let critical =
        solved.plan.unmet.iter().filter(|u| scenario.need(&u.need).is_some_and(|n| n.priority >= CRITICAL)).count();
    Summary {
        placed: report.by_state.values().map(|c| c.planned).sum(),
        trainees: report.by_state.values().map(|c| c.needed).sum(),
        short: solved.plan.unmet.len(),
        critical,
        states,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{report, served};
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn the_summary_counts_trainees_placed_needs_short_and_critical_ones() {
        let d = demo();
        let rep = report(&d.scenario, &d.plan);
        let s = summary(&d, &rep, "ar");
        let seats = served(&d.plan);
        let placed: i64 = d.scenario.needs.iter().map(|n| seats.get(&n.id).copied().unwrap_or(0).min(n.trainees)).sum();
        assert_eq!(s.placed, placed);
        assert_eq!(s.trainees, d.scenario.needs.iter().map(|n| n.trainees).sum::<i64>());
        let short: Vec<_> =
            d.scenario.needs.iter().filter(|n| seats.get(&n.id).copied().unwrap_or(0) < n.trainees).collect();
        assert_eq!(s.short, short.len());
        assert_eq!(s.critical, short.iter().filter(|n| n.priority == 5).count());
        assert!(s.critical > 0 && s.critical < s.short, "{s:?}");
        assert_eq!(s.states.len(), d.scenario.states.len());
        assert_eq!(s.states[0].code, d.scenario.states[0].code);
        assert!(s.states.iter().any(|st| st.name == "تونس"));
        assert_eq!(s.states.iter().map(|st| st.planned).sum::<i64>(), s.placed);
        assert!(s.percent() > 0 && s.percent() < 100);
    }
}
