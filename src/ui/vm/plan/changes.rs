//! What a re-solve moved: seats of a state in a session before and after, with names.

use chrono::NaiveDate;

use super::solved::LastPlan;
use crate::model::{name_in, SessionId, StateCode};
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
    }
}
