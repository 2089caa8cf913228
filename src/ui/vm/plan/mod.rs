//! What the plan's screens show, computed from a [`solved::LastPlan`] (the plan and the scenario
//! it came from), one file per screen of `ui/plan`: the year's `calendar` by month with each
//! session's fill, a session's `roster`, one state's part (`by_state`), the coverage charts'
//! rows (`dashboard`) and their geometry (`bar_chart`, mirrored for right-to-left), every unmet
//! need with the detail behind its reason (`unmet_list`), what a re-solve moved (`changes`), the
//! downloads (`exports`), and the planner's adjustments (`adjust`). Lookups go by id and skip
//! what is missing, so a plan read back from storage never breaks a screen.

pub mod adjust;
pub mod bar_chart;
pub mod by_state;
pub mod calendar;
pub mod capacity;
pub mod changes;
pub mod dashboard;
pub mod exports;
pub mod remedy;
pub mod roster;
pub mod solved;
pub mod summary;
pub mod timeline;
pub mod unmet_list;
pub mod worker;

/// Percent, rounded down so that 99.6% never reads as 100% while a trainee is unserved.
pub fn percent(planned: i64, needed: i64) -> i64 {
    if needed <= 0 {
        100
    } else {
        planned * 100 / needed
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::percent;
    use super::solved::LastPlan;
    use crate::model::Scenario;
    use crate::solve::{solve, Options};

    const DEMO: &str = include_str!("../../../../data/demo-2027.json");

    /// `scenario` solved with the default options, as the plan screens receive it.
    pub(crate) fn solved(scenario: Scenario) -> LastPlan {
        let plan = solve(&scenario, &Options::default()).unwrap();
        LastPlan { scenario, plan, ms: 1.0 }
    }

    /// The demo scenario, solved.
    pub(crate) fn demo() -> LastPlan {
        solved(Scenario::from_json(DEMO).unwrap())
    }

    #[test]
    fn percent_rounds_down_and_nothing_needed_is_all_served() {
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(199, 200), 99);
        assert_eq!(percent(0, 0), 100);
    }
}
