//! The planner's adjustments as edits of the scenario: pin seats of a need into a session,
//! remove a pin, exclude a pairing, allow it again. Pins and exclusions are part of the
//! scenario (SPEC §2), so they are saved and undone with it. An edit that would make the
//! scenario invalid is refused with the reason; one that contradicts an earlier adjustment of
//! the same pair replaces it (the latest word of the planner wins).

use crate::model::{Exclusion, NeedId, Pin, Scenario, SessionId};

/// Why an adjustment was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The need is no longer in the scenario.
    UnknownNeed(NeedId),
    /// The session is no longer in the scenario.
    UnknownSession(SessionId),
    /// The session's course teaches another skill or level (a pin overrides rules 2–6 only).
    SkillLevel,
    /// A pin needs at least one seat.
    Seats,
}

fn check_pair(scenario: &Scenario, need: &NeedId, session: &SessionId) -> Result<(), Refused> {
    let n = scenario.need(need).ok_or_else(|| Refused::UnknownNeed(need.clone()))?;
    let s = scenario.session(session).ok_or_else(|| Refused::UnknownSession(session.clone()))?;
    match scenario.course(&s.course) {
        Some(course) if course.skill == n.skill && course.level == n.level => Ok(()),
        _ => Err(Refused::SkillLevel),
    }
}

/// Pins `seats` trainees of `need` into `session`: sets the seats of an existing pin of the
/// pair, and lifts an exclusion of the pair.
pub fn pin(scenario: &mut Scenario, need: &NeedId, session: &SessionId, seats: i64) -> Result<(), Refused> {
    check_pair(scenario, need, session)?;
    if seats < 1 {
        return Err(Refused::Seats);
    }
    scenario.exclusions.retain(|e| !(&e.need == need && &e.session == session));
    match scenario.pins.iter_mut().find(|p| &p.need == need && &p.session == session) {
        Some(existing) => existing.seats = seats,
        None => scenario.pins.push(Pin { need: need.clone(), session: session.clone(), seats }),
    }
    Ok(())
}

/// Removes the pin of the pair; false if there was none.
pub fn unpin(scenario: &mut Scenario, need: &NeedId, session: &SessionId) -> bool {
    let before = scenario.pins.len();
    scenario.pins.retain(|p| !(&p.need == need && &p.session == session));
    scenario.pins.len() != before
}

/// Forbids the pairing; a pin of the pair is removed.
pub fn exclude(scenario: &mut Scenario, need: &NeedId, session: &SessionId) -> Result<(), Refused> {
    scenario.need(need).ok_or_else(|| Refused::UnknownNeed(need.clone()))?;
    scenario.session(session).ok_or_else(|| Refused::UnknownSession(session.clone()))?;
    unpin(scenario, need, session);
    if !excluded(scenario, need, session) {
        scenario.exclusions.push(Exclusion { need: need.clone(), session: session.clone() });
    }
    Ok(())
}

/// Allows the pairing again; false if it was not excluded.
pub fn unexclude(scenario: &mut Scenario, need: &NeedId, session: &SessionId) -> bool {
    let before = scenario.exclusions.len();
    scenario.exclusions.retain(|e| !(&e.need == need && &e.session == session));
    scenario.exclusions.len() != before
}

/// Seats pinned for the pair, if it is pinned.
pub fn pinned(scenario: &Scenario, need: &NeedId, session: &SessionId) -> Option<i64> {
    scenario.pins.iter().find(|p| &p.need == need && &p.session == session).map(|p| p.seats)
}

pub fn excluded(scenario: &Scenario, need: &NeedId, session: &SessionId) -> bool {
    scenario.exclusions.iter().any(|e| &e.need == need && &e.session == session)
}

/// Needs that may be pinned into `session`: same skill and level, in scenario order.
pub fn pinnable_needs(scenario: &Scenario, session: &SessionId) -> Vec<NeedId> {
    let Some(course) = scenario.session(session).and_then(|s| scenario.course(&s.course)) else {
        return Vec::new();
    };
    scenario.needs.iter().filter(|n| n.skill == course.skill && n.level == course.level).map(|n| n.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;
    use crate::ui::vm::plan::solved::tests::small;

    fn ids(need: &str, session: &str) -> (NeedId, SessionId) {
        (need.into(), session.into())
    }

    #[test]
    fn a_pin_is_added_then_its_seats_changed_and_the_scenario_stays_valid() {
        let mut s = small();
        let (n, x) = ids("TN-1", "DF-101-B");
        pin(&mut s, &n, &x, 2).unwrap();
        assert_eq!(pinned(&s, &n, &x), Some(2));
        pin(&mut s, &n, &x, 3).unwrap();
        assert_eq!(s.pins.len(), 1);
        assert_eq!(pinned(&s, &n, &x), Some(3));
        assert!(validate(&s).is_empty());
        assert!(unpin(&mut s, &n, &x));
        assert!(!unpin(&mut s, &n, &x));
        assert!(s.pins.is_empty());
    }

    #[test]
    fn pin_and_exclusion_of_one_pair_replace_each_other() {
        let mut s = small();
        let (n, x) = ids("QA-1", "DF-101-A");
        exclude(&mut s, &n, &x).unwrap();
        exclude(&mut s, &n, &x).unwrap();
        assert_eq!(s.exclusions.len(), 1);
        pin(&mut s, &n, &x, 1).unwrap();
        assert!(!excluded(&s, &n, &x) && pinned(&s, &n, &x) == Some(1));
        exclude(&mut s, &n, &x).unwrap();
        assert!(excluded(&s, &n, &x) && pinned(&s, &n, &x).is_none());
        assert!(validate(&s).is_empty());
        assert!(unexclude(&mut s, &n, &x));
        assert!(s.exclusions.is_empty());
    }

    #[test]
    fn impossible_adjustments_are_refused_and_change_nothing() {
        let mut s = small();
        s.courses.push(crate::model::Course { level: 2, id: "DF-201".into(), ..s.courses[0].clone() });
        let mut other = s.sessions[0].clone();
        other.id = "DF-201-A".into();
        other.course = "DF-201".into();
        s.sessions.push(other);
        let before = s.clone();
        assert_eq!(pin(&mut s, &"QA-1".into(), &"DF-201-A".into(), 1), Err(Refused::SkillLevel));
        assert_eq!(pin(&mut s, &"QA-1".into(), &"DF-101-A".into(), 0), Err(Refused::Seats));
        assert_eq!(pin(&mut s, &"XX".into(), &"DF-101-A".into(), 1), Err(Refused::UnknownNeed("XX".into())));
        assert_eq!(exclude(&mut s, &"QA-1".into(), &"ZZ".into()), Err(Refused::UnknownSession("ZZ".into())));
        assert_eq!(s, before);
        assert_eq!(pinnable_needs(&s, &"DF-101-A".into()), vec![NeedId::new("QA-1"), NeedId::new("TN-1")]);
        assert!(pinnable_needs(&s, &"DF-201-A".into()).is_empty());
    }
}
