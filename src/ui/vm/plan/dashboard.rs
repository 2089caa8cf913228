//! The coverage charts' rows: trainees needed and planned per state and per skill.

use super::solved::LastPlan;
use crate::model::name_in;
use crate::solve::Report;

/// One bar of a coverage chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub key: String,
    pub label: String,
    pub needed: i64,
    pub planned: i64,
}

/// Trainees needed and planned per state, in the scenario's order of states.
pub fn state_bars(solved: &LastPlan, report: &Report, lang: &str) -> Vec<BarRow> {
    solved
        .scenario
        .states
        .iter()
        .filter_map(|st| {
            let c = report.by_state.get(&st.code)?;
            Some(BarRow {
                key: st.code.to_string(),
                label: name_in(&st.name, lang).to_string(),
                needed: c.needed,
                planned: c.planned,
            })
        })
        .collect()
}

/// Trainees needed and planned per skill, in the scenario's order of skills.
pub fn skill_bars(solved: &LastPlan, report: &Report, lang: &str) -> Vec<BarRow> {
    solved
        .scenario
        .skills
        .iter()
        .filter_map(|sk| {
            let c = report.by_skill.get(&sk.id)?;
            Some(BarRow {
                key: sk.id.to_string(),
                label: name_in(&sk.name, lang).to_string(),
                needed: c.needed,
                planned: c.planned,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::report;
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn dashboard_rows_follow_the_scenarios_order_and_add_up() {
        let d = demo();
        let rep = report(&d.scenario, &d.plan);
        let states = state_bars(&d, &rep, "en");
        let skills = skill_bars(&d, &rep, "en");
        assert_eq!(states.iter().map(|r| r.planned).sum::<i64>(), skills.iter().map(|r| r.planned).sum::<i64>());
        assert_eq!(states[0].key, d.scenario.states[0].code.as_str());
        assert!(states.iter().all(|r| r.planned <= r.needed));
    }
}
