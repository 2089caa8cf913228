//! The year's calendar by month with each session's fill, for every state or one; the
//! session as the calendar shows it ([`Slot`]) is also what the roster and a state's view show.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::solved::LastPlan;
use crate::model::{name_in, order, CourseId, Need, NeedId, Session, SessionId, StateCode};

/// One session as the calendar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub session: SessionId,
    pub course: CourseId,
    pub title: String,
    pub location: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub seats: i64,
    pub filled: i64,
    pub running: bool,
    pub min_participants: i64,
    /// Seats of the state the view is about (`None` in the view of all states).
    pub state_seats: Option<i64>,
}

impl Slot {
    /// Filled over seats, 0..1, for the fill bar.
    pub fn fill(&self) -> f64 {
        if self.seats <= 0 {
            0.0
        } else {
            (self.filled as f64 / self.seats as f64).clamp(0.0, 1.0)
        }
    }
}

/// The sessions of the plan's year, month by month.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub year: i32,
    /// Twelve months, January first, each sorted by start date then id.
    pub months: Vec<Vec<Slot>>,
    /// Sessions starting in another year.
    pub outside: Vec<Slot>,
    pub running: usize,
    pub sessions: usize,
}

/// Seats per (state, session) and the needs behind them, from the plan's allocations.
pub(super) struct Seats<'a> {
    pub(super) by_pair: BTreeMap<(&'a StateCode, &'a SessionId), Vec<(&'a NeedId, i64)>>,
}

impl<'a> Seats<'a> {
    pub(super) fn new(solved: &'a LastPlan) -> Seats<'a> {
        let needs: BTreeMap<&NeedId, &Need> = order::map(solved.scenario.needs.iter().map(|n| (&n.id, n)));
        let mut by_pair: BTreeMap<(&StateCode, &SessionId), Vec<(&NeedId, i64)>> = BTreeMap::new();
        for a in &solved.plan.allocations {
            if let Some(need) = needs.get(&a.need) {
                by_pair.entry((&need.state, &a.session)).or_default().push((&need.id, a.seats));
            }
        }
        Seats { by_pair }
    }

    pub(super) fn of(&self, state: &StateCode, session: &SessionId) -> i64 {
        self.by_pair.get(&(state, session)).map_or(0, |needs| needs.iter().map(|(_, s)| s).sum())
    }
}

/// The year the plan is for: the horizon's, else the earliest session's (see
/// [`crate::model::read::scenario_year`]).
pub use crate::model::read::scenario_year as plan_year;

pub(super) fn slot(solved: &LastPlan, session: &Session, lang: &str, state_seats: Option<i64>) -> Slot {
    let course = solved.scenario.course(&session.course);
    let fill = solved.plan.sessions.iter().find(|f| f.session == session.id);
    Slot {
        session: session.id.clone(),
        course: session.course.clone(),
        title: course.map(|c| name_in(&c.title, lang).to_string()).unwrap_or_default(),
        location: course.map(|c| c.location.in_lang(lang).to_string()).unwrap_or_default(),
        start: session.start,
        end: session.end,
        seats: session.seats,
        filled: fill.map_or(0, |f| f.filled),
        running: fill.is_some_and(|f| f.running),
        min_participants: session.min_participants,
        state_seats,
    }
}

/// The calendar of every session, or of the sessions `state` attends (with its seats).
pub fn calendar(solved: &LastPlan, lang: &str, state: Option<&StateCode>) -> Calendar {
    let year = plan_year(&solved.scenario);
    let seats = Seats::new(solved);
    let mut sessions: Vec<&Session> = solved.scenario.sessions.iter().collect();
    order::sort_by(&mut sessions, |a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    let mut out = Calendar { year, months: vec![Vec::new(); 12], outside: Vec::new(), running: 0, sessions: 0 };
    for session in sessions {
        let state_seats = state.map(|code| seats.of(code, &session.id));
        if state_seats == Some(0) {
            continue;
        }
        let slot = slot(solved, session, lang, state_seats);
        out.sessions += 1;
        out.running += usize::from(slot.running);
        if slot.start.year() == year {
            out.months[slot.start.month0() as usize].push(slot);
        } else {
            out.outside.push(slot);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn the_calendar_shows_every_session_once_with_the_plans_fill() {
        let d = demo();
        let cal = calendar(&d, "en", None);
        assert_eq!(cal.year, 2027);
        let slots: Vec<&Slot> = cal.months.iter().flatten().chain(&cal.outside).collect();
        assert_eq!(slots.len(), d.scenario.sessions.len());
        assert_eq!(cal.sessions, d.scenario.sessions.len());
        for fill in &d.plan.sessions {
            let slot = slots.iter().find(|s| s.session == fill.session).unwrap();
            assert_eq!((slot.filled, slot.seats, slot.running), (fill.filled, fill.seats, fill.running));
        }
        assert_eq!(cal.running, d.plan.sessions.iter().filter(|f| f.running).count());
        for month in &cal.months {
            assert!(month.windows(2).all(|w| w[0].start <= w[1].start));
        }
        let ar = calendar(&d, "ar", None);
        let month = cal.months.iter().position(|m| !m.is_empty()).unwrap();
        assert_ne!(ar.months[month][0].title, cal.months[month][0].title);
    }

    #[test]
    fn a_states_calendar_holds_only_its_sessions_with_its_seats() {
        let d = demo();
        let tn: StateCode = "TN".into();
        let cal = calendar(&d, "en", Some(&tn));
        let planned: i64 =
            d.plan.allocations.iter().filter(|a| d.scenario.need(&a.need).unwrap().state == tn).map(|a| a.seats).sum();
        let slots: Vec<&Slot> = cal.months.iter().flatten().collect();
        assert!(!slots.is_empty());
        assert!(slots.iter().all(|s| s.state_seats.unwrap() > 0));
        assert_eq!(slots.iter().map(|s| s.state_seats.unwrap()).sum::<i64>(), planned);
    }
}
