//! Who sits in one session: the states and needs with seats, and the pins and exclusions the
//! planner may change there.

use super::calendar::{slot, Seats, Slot};
use super::solved::LastPlan;
use crate::model::{name_in, order, Mode, NeedId, Scenario, SessionId, StateCode};

/// Who sits in one session.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub slot: Slot,
    pub language: String,
    pub mode: Mode,
    pub max_per_state: Option<i64>,
    pub cost_per_seat: i64,
    pub open_to: Option<Vec<StateCode>>,
    /// States with seats, by code.
    pub states: Vec<RosterState>,
    /// Pins and exclusions of this session in the current scenario (newer than the plan
    /// when it is out of date).
    pub pins: Vec<(NeedId, i64)>,
    pub exclusions: Vec<NeedId>,
    /// Needs of the current scenario that may be pinned here (same skill and level), with the
    /// seats the plan gives them in all.
    pub pinnable: Vec<PinOption>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RosterState {
    pub state: StateCode,
    pub name: String,
    pub seats: i64,
    pub needs: Vec<RosterNeed>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RosterNeed {
    pub need: NeedId,
    pub seats: i64,
    pub trainees: i64,
    pub priority: i64,
    /// Seats pinned for this pair in the current scenario.
    pub pinned: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PinOption {
    pub need: NeedId,
    pub state: StateCode,
    pub trainees: i64,
    pub planned: i64,
}

/// The roster of `session` in the plan; adjustments are read from `current`.
pub fn roster(solved: &LastPlan, current: &Scenario, session: &SessionId, lang: &str) -> Option<Roster> {
    let scenario = &solved.scenario;
    let s = scenario.session(session)?;
    let course = scenario.course(&s.course);
    let seats = Seats::new(solved);
    let mut states: Vec<RosterState> = seats
        .by_pair
        .iter()
        .filter(|((_, id), _)| *id == session)
        .map(|((state, _), needs)| RosterState {
            state: (*state).clone(),
            name: scenario.state(state).map(|st| name_in(&st.name, lang).to_string()).unwrap_or_default(),
            seats: needs.iter().map(|(_, n)| n).sum(),
            needs: needs
                .iter()
                .map(|(need, seats)| {
                    let n = scenario.need(need);
                    RosterNeed {
                        need: (*need).clone(),
                        seats: *seats,
                        trainees: n.map_or(0, |n| n.trainees),
                        priority: n.map_or(0, |n| n.priority),
                        pinned: super::adjust::pinned(current, need, session),
                    }
                })
                .collect(),
        })
        .collect();
    order::sort_by(&mut states, |a, b| a.state.cmp(&b.state));
    let served = crate::solve::served(&solved.plan);
    let pinnable = super::adjust::pinnable_needs(current, session)
        .into_iter()
        .filter_map(|id| {
            let need = current.need(&id)?;
            Some(PinOption {
                planned: served.get(&id).copied().unwrap_or(0),
                state: need.state.clone(),
                trainees: need.trainees,
                need: id,
            })
        })
        .collect();
    Some(Roster {
        slot: slot(solved, s, lang, None),
        language: course.map(|c| c.language.clone()).unwrap_or_default(),
        mode: course.map_or(Mode::InPerson, |c| c.mode.clone()),
        max_per_state: s.max_per_state,
        cost_per_seat: s.cost_per_seat,
        open_to: s.open_to.clone(),
        states,
        pins: current.pins.iter().filter(|p| &p.session == session).map(|p| (p.need.clone(), p.seats)).collect(),
        exclusions: current.exclusions.iter().filter(|e| &e.session == session).map(|e| e.need.clone()).collect(),
        pinnable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn a_roster_adds_up_to_the_sessions_fill_and_shows_current_pins() {
        let d = demo();
        let fill = d.plan.sessions.iter().find(|f| f.filled > 0).unwrap();
        let mut current = d.scenario.clone();
        let first = d.plan.allocations.iter().find(|a| a.session == fill.session).unwrap();
        super::super::adjust::pin(&mut current, &first.need, &first.session, 1).unwrap();
        let r = roster(&d, &current, &fill.session, "en").unwrap();
        assert_eq!(r.states.iter().map(|s| s.seats).sum::<i64>(), fill.filled);
        assert!(r.states.windows(2).all(|w| w[0].state < w[1].state));
        let pinned: Vec<&RosterNeed> = r.states.iter().flat_map(|s| &s.needs).filter(|n| n.pinned.is_some()).collect();
        assert_eq!(pinned.len(), 1);
        assert_eq!(r.pins, vec![(first.need.clone(), 1)]);
        assert!(r.pinnable.iter().any(|p| p.need == first.need));
        assert!(roster(&d, &current, &"nope".into(), "en").is_none());
    }
}
