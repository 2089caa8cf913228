//! One state's part of the plan: the sessions its officers attend, its coverage and its
//! unmet needs.

use super::calendar::{slot, Seats, Slot};
use super::solved::LastPlan;
use crate::model::{name_in, order, Mode, NeedId, StateCode};
use crate::solve::{Coverage, Reason, Report};

/// One state's part of the plan: what its officers attend, and how well it is served.
#[derive(Debug, Clone, PartialEq)]
pub struct StateView {
    pub code: StateCode,
    pub name: String,
    pub coverage: Coverage,
    /// Sessions with seats of the state, by start date.
    pub attend: Vec<Attend>,
    /// Needs of the state left (partly) unmet: need, seats missing, reason.
    pub unmet: Vec<(NeedId, i64, Reason)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attend {
    pub slot: Slot,
    pub language: String,
    pub mode: Mode,
    pub needs: Vec<(NeedId, i64)>,
}

pub fn state_view(solved: &LastPlan, report: &Report, code: &StateCode, lang: &str) -> Option<StateView> {
    let scenario = &solved.scenario;
    let state = scenario.state(code)?;
    let seats = Seats::new(solved);
    let mut attend: Vec<Attend> = seats
        .by_pair
        .iter()
        .filter(|((st, _), _)| *st == code)
        .filter_map(|((_, session), needs)| {
            let s = scenario.session(session)?;
            let course = scenario.course(&s.course);
            Some(Attend {
                slot: slot(solved, s, lang, Some(needs.iter().map(|(_, n)| n).sum())),
                language: course.map(|c| c.language.clone()).unwrap_or_default(),
                mode: course.map_or(Mode::InPerson, |c| c.mode.clone()),
                needs: needs.iter().map(|(n, seats)| ((*n).clone(), *seats)).collect(),
            })
        })
        .collect();
    order::sort_by(&mut attend, |a, b| (a.slot.start, &a.slot.session).cmp(&(b.slot.start, &b.slot.session)));
    let of_state: Vec<&NeedId> = scenario.needs.iter().filter(|n| &n.state == code).map(|n| &n.id).collect();
    let unmet =
        solved.plan.unmet.iter().filter(|u| of_state.contains(&&u.need)).map(|u| (u.need.clone(), u.seats, u.reason));
    Some(StateView {
        code: code.clone(),
        name: name_in(&state.name, lang).to_string(),
        coverage: report.by_state.get(code).cloned().unwrap_or_default(),
        attend,
        unmet: unmet.collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::report;
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn a_state_view_lists_its_sessions_by_date_and_its_coverage() {
        let d = demo();
        let rep = report(&d.scenario, &d.plan);
        let v = state_view(&d, &rep, &"TN".into(), "ar").unwrap();
        assert_eq!(v.name, "تونس");
        assert!(v.attend.windows(2).all(|w| w[0].slot.start <= w[1].slot.start));
        let attended: i64 = v.attend.iter().map(|a| a.slot.state_seats.unwrap()).sum();
        assert_eq!(attended, v.coverage.planned);
        assert_eq!(v.coverage.by_priority.iter().map(|p| p.0).sum::<i64>(), v.coverage.needed);
        let missing: i64 = v.unmet.iter().map(|u| u.1).sum();
        assert_eq!(v.coverage.needed - v.coverage.planned, missing);
    }
}
