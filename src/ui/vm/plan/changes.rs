//! What a re-solve moved: first the net change of each state (seats gained and lost), then
//! seats of a state in a session before and after, with names, each marked when a pin or an
//! exclusion of the planner forced it.

use chrono::NaiveDate;

use super::solved::LastPlan;
use crate::model::{name_in, NeedId, Scenario, SessionId, StateCode};
use crate::solve::Change;

/// A change between two plans, with names.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    pub state: StateCode,
    pub state_name: String,
    pub session: SessionId,
    pub title: String,
    pub start: Option<NaiveDate>,
    pub before: i64,
    pub after: i64,
    /// The planner's adjustment behind this change, if one is.
    pub cause: Option<Cause>,
}

/// What forced a change: a pin of a need of the state into the session, or an exclusion of
/// such a pairing (in the scenario the new plan was computed from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    Pin,
    Exclusion,
}

/// A state's seats gained and lost over every session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateNet {
    pub state: StateCode,
    pub state_name: String,
    pub gained: i64,
    pub lost: i64,
}

impl StateNet {
    pub fn net(&self) -> i64 {
        self.gained - self.lost
    }
}

/// The net change of each state that changed, in the scenario's order of states.
pub fn net_by_state(solved: &LastPlan, changes: &[Change], lang: &str) -> Vec<StateNet> {
    let scenario = &solved.scenario;
    scenario
        .states
        .iter()
        .filter_map(|st| {
            let mine: Vec<&Change> = changes.iter().filter(|c| c.state == st.code).collect();
            (!mine.is_empty()).then(|| StateNet {
                state: st.code.clone(),
                state_name: name_in(&st.name, lang).to_string(),
                gained: mine.iter().map(|c| (c.after - c.before).max(0)).sum(),
                lost: mine.iter().map(|c| (c.before - c.after).max(0)).sum(),
            })
        })
        .collect()
}

/// The adjustment behind a change of `state`'s seats in `session`: a pin if one of its needs
/// is pinned there, else an exclusion if one of its needs is excluded from it.
fn cause(scenario: &Scenario, state: &StateCode, session: &SessionId) -> Option<Cause> {
    let of_state = |need: &NeedId| scenario.need(need).is_some_and(|n| &n.state == state);
    if scenario.pins.iter().any(|p| &p.session == session && of_state(&p.need)) {
        Some(Cause::Pin)
    } else if scenario.exclusions.iter().any(|e| &e.session == session && of_state(&e.need)) {
        Some(Cause::Exclusion)
    } else {
        None
    }
}

pub fn change_rows(solved: &LastPlan, changes: &[Change], lang: &str) -> Vec<ChangeRow> {
    let scenario = &solved.scenario;
    changes
        .iter()
        .map(|c| {
            let session = scenario.session(&c.session);
            ChangeRow {
                state: c.state.clone(),
                state_name: scenario.state(&c.state).map(|s| name_in(&s.name, lang).to_string()).unwrap_or_default(),
                session: c.session.clone(),
                title: session
                    .and_then(|s| scenario.course(&s.course))
                    .map(|c| name_in(&c.title, lang).to_string())
                    .unwrap_or_default(),
                start: session.map(|s| s.start),
                before: c.before,
                after: c.after,
                cause: cause(scenario, &c.state, &c.session),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn change_rows_name_states_and_sessions() {
        let d = demo();
        let c = Change { state: "TN".into(), session: d.scenario.sessions[0].id.clone(), before: 2, after: 0 };
        let rows = change_rows(&d, &[c], "ar");
        assert_eq!(rows[0].state_name, "تونس");
        assert!(!rows[0].title.is_empty());
        assert_eq!(rows[0].cause, None);
    }

    #[test]
    fn the_net_change_per_state_adds_up_and_pins_and_exclusions_are_named_as_causes() {
        let mut s = crate::ui::vm::plan::solved::tests::small();
        let (a, b): (SessionId, SessionId) = ("DF-101-A".into(), "DF-101-B".into());
        s.pins.push(crate::model::Pin { need: "TN-1".into(), session: b.clone(), seats: 3 });
        s.exclusions.push(crate::model::Exclusion { need: "QA-1".into(), session: a.clone() });
        let d = crate::ui::vm::plan::tests::solved(s);
        let changes = vec![
            Change { state: "TN".into(), session: b.clone(), before: 0, after: 3 },
            Change { state: "TN".into(), session: a.clone(), before: 4, after: 2 },
            Change { state: "QA".into(), session: a.clone(), before: 2, after: 0 },
        ];
        let net = net_by_state(&d, &changes, "en");
        assert_eq!(
            net.iter().map(|n| (n.state.as_str(), n.gained, n.lost, n.net())).collect::<Vec<_>>(),
            vec![("QA", 0, 2, -2), ("TN", 3, 2, 1)]
        );
        assert_eq!(net[1].state_name, "Tunisia");
        let rows = change_rows(&d, &changes, "en");
        assert_eq!(
            rows.iter().map(|r| r.cause).collect::<Vec<_>>(),
            vec![Some(Cause::Pin), None, Some(Cause::Exclusion)]
        );
    }
}
