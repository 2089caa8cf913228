//! The first visit: who the user is (a state's focal point, the regional centre or the
//! planner), asked once when nothing is stored yet; and what "start empty" leaves of the demo
//! when the user would rather not work on made-up data.

use super::Role;
use crate::model::{Scenario, StateCode};

/// The answer to "who are you?" on the first visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// The focal point of this state.
    Focal(StateCode),
    Centre,
    Planner,
}

impl Choice {
    pub fn role(&self) -> Role {
        match self {
            Choice::Focal(_) => Role::Focal,
            Choice::Centre => Role::Centre,
            Choice::Planner => Role::Planner,
        }
    }

    /// The focal point's state, to remember with the role.
    pub fn state(&self) -> Option<&StateCode> {
        match self {
            Choice::Focal(state) => Some(state),
            Choice::Centre | Choice::Planner => None,
        }
    }
}

/// A first visit is one where the browser holds neither a scenario nor a chosen workspace:
/// someone who has edited, imported or chosen before is never asked again.
pub fn is_first_visit(stored_scenario: bool, stored_role: bool) -> bool {
    !stored_scenario && !stored_role
}

/// The demo without its made-up data: the member states (names, languages, the holidays as
/// blackouts), the skills, the planning period and the settings stay, since they are the
/// region's; the states' budgets, the courses, sessions, needs, pins and exclusions go.
pub fn empty_like(demo: &Scenario) -> Scenario {
    let mut empty = Scenario::empty(&demo.title);
    empty.horizon = demo.horizon;
    empty.settings = demo.settings.clone();
    empty.skills = demo.skills.clone();
    empty.states = demo.states.clone();
    for state in &mut empty.states {
        state.budget = None;
    }
    empty
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    #[test]
    fn only_a_browser_holding_nothing_is_asked_who_the_user_is() {
        assert!(is_first_visit(false, false));
        assert!(!is_first_visit(true, false));
        assert!(!is_first_visit(false, true));
        assert_eq!(Choice::Focal("TN".into()).role(), Role::Focal);
        assert_eq!(Choice::Focal("TN".into()).state(), Some(&StateCode::new("TN")));
        assert_eq!(Choice::Planner.state(), None);
        assert_eq!(Choice::Centre.role(), Role::Centre);
    }

    #[test]
    fn starting_empty_keeps_the_regions_states_and_skills_and_drops_the_made_up_data() {
        let demo = Scenario::from_json(include_str!("../../../../data/demo-2027.json")).unwrap();
        let empty = empty_like(&demo);
        assert_eq!(empty.states.len(), 22);
        assert_eq!(empty.skills, demo.skills);
        assert_eq!(empty.horizon, demo.horizon);
        assert!(empty.needs.is_empty() && empty.sessions.is_empty() && empty.courses.is_empty());
        assert!(empty.states.iter().all(|s| s.budget.is_none()));
        assert!(empty.states.iter().any(|s| !s.blackouts.is_empty()), "the holidays stay");
        assert!(validate(&empty).is_empty(), "{:?}", validate(&empty));
    }
}
