//! Every unmet need with the detail behind its reason (the sessions that could have taken it
//! and why they did not), and the seats to offer when pinning one.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::solved::LastPlan;
use crate::model::{name_in, order, Need, NeedId, Scenario, Session, SessionId, StateCode};
use crate::solve::{Explanation, Reason, SessionState};

/// An unmet need as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnmetRow {
    pub need: NeedId,
    pub state: StateCode,
    pub state_name: String,
    pub skill_name: String,
    pub level: i64,
    pub priority: i64,
    pub trainees: i64,
    /// Trainees left without a seat.
    pub seats: i64,
    /// Seats the need holds through its pins (a pin may break the need's own rules, so a
    /// need can hold seats while no session fits it).
    pub pinned: i64,
    pub reason: Reason,
    pub details: Vec<Detail>,
}

/// One fact behind an unmet need.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// A compatible session, and why it took no more of this need.
    Session { session: SessionId, start: NaiveDate, end: NaiveDate, state: SessionState, numbers: Numbers },
    /// A session of the same skill and level that a rule kept from this need.
    Ruled { session: SessionId, start: NaiveDate, end: NaiveDate, fact: Fact },
    /// A session of the same skill at another level (nothing at the need's level exists).
    OtherLevel { session: SessionId, level: i64 },
    /// No session teaches this skill at all.
    NoSessionOfSkill,
}

/// The figures of a compatible session seen from a need's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbers {
    pub filled: i64,
    pub seats: i64,
    pub state_filled: i64,
    pub cap: Option<i64>,
    pub minimum: i64,
    pub cost: i64,
    pub budget_left: Option<i64>,
    pub currency: String,
}

/// What a rule found, concretely: `explain` finds it (the blackout that the session
/// touches, the languages the need accepts).
pub use crate::solve::Fact;

impl Detail {
    /// The rule of the need's own that a pin into this session would break (its languages,
    /// modes, window, its state's blackouts, the session's states, the planner's exclusion),
    /// to be said before pinning; `None` for a session that fits.
    pub fn pin_warning(&self) -> Option<&Fact> {
        match self {
            Detail::Ruled { fact: Fact::SkillLevel, .. } => None,
            Detail::Ruled { fact, .. } => Some(fact),
            Detail::Session { .. } | Detail::OtherLevel { .. } | Detail::NoSessionOfSkill => None,
        }
    }

    /// The session a pin could put this need into (not for other levels).
    pub fn pinnable(&self) -> Option<&SessionId> {
        match self {
            Detail::Session { session, .. } | Detail::Ruled { session, .. } => Some(session),
            Detail::OtherLevel { .. } | Detail::NoSessionOfSkill => None,
        }
    }
}

/// Every unmet need of the plan (of one state, or all) with its reason and details, most
/// harmful first (see [`by_harm`]). `explanations` are [`crate::solve::explain_all`] of the
/// same plan.
pub fn unmet_rows(
    solved: &LastPlan,
    explanations: &[Explanation],
    lang: &str,
    state: Option<&StateCode>,
) -> Vec<UnmetRow> {
    let scenario = &solved.scenario;
    let by_need: BTreeMap<&NeedId, &Explanation> = order::map(explanations.iter().map(|e| (&e.need, e)));
    let mut pinned: BTreeMap<&NeedId, i64> = BTreeMap::new();
    for a in &solved.plan.allocations {
        if scenario.pins.iter().any(|p| p.need == a.need && p.session == a.session) {
            *pinned.entry(&a.need).or_default() += a.seats;
        }
    }
    let mut rows: Vec<UnmetRow> = solved
        .plan
        .unmet
        .iter()
        .filter_map(|u| {
            let need = scenario.need(&u.need)?;
            if state.is_some_and(|code| &need.state != code) {
                return None;
            }
            let details = by_need.get(&u.need).map(|e| details(scenario, need, e)).unwrap_or_default();
            Some(UnmetRow {
                need: need.id.clone(),
                state: need.state.clone(),
                state_name: scenario.state(&need.state).map(|s| name_in(&s.name, lang).to_string()).unwrap_or_default(),
                skill_name: scenario.skill(&need.skill).map(|s| name_in(&s.name, lang).to_string()).unwrap_or_default(),
                level: need.level,
                priority: need.priority,
                trainees: need.trainees,
                seats: u.seats,
                pinned: pinned.get(&u.need).copied().unwrap_or(0),
                reason: u.reason,
                details,
            })
        })
        .collect();
    order::sort_by_key(&mut rows, by_harm);
    rows
}

/// The sort key of harm: higher priority first, then more trainees without a seat; the sort
/// is stable, so ties keep the plan's order (state, then need).
pub fn by_harm(row: &UnmetRow) -> (std::cmp::Reverse<i64>, std::cmp::Reverse<i64>) {
    (std::cmp::Reverse(row.priority), std::cmp::Reverse(row.seats))
}

/// Unmet needs counted by state and reason: a small table of states (rows) by reasons
/// (columns), each state's total and each reason's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pivot {
    /// The reasons that occur, in SPEC §4 order.
    pub reasons: Vec<Reason>,
    /// The states with an unmet need, in the scenario's order.
    pub rows: Vec<PivotRow>,
    /// Unmet needs per reason, in the order of `reasons`.
    pub totals: Vec<usize>,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PivotRow {
    pub state: StateCode,
    pub state_name: String,
    /// Unmet needs of the state per reason, in the order of [`Pivot::reasons`].
    pub counts: Vec<usize>,
    pub total: usize,
}

/// The plan's unmet needs counted by state and reason.
pub fn pivot(solved: &LastPlan, lang: &str) -> Pivot {
    let scenario = &solved.scenario;
    let mut counts: BTreeMap<&StateCode, BTreeMap<Reason, usize>> = BTreeMap::new();
    for u in &solved.plan.unmet {
        if let Some(need) = scenario.need(&u.need) {
            *counts.entry(&need.state).or_default().entry(u.reason).or_default() += 1;
        }
    }
    let reasons: Vec<Reason> =
        Reason::ALL.into_iter().filter(|r| counts.values().any(|by| by.contains_key(r))).collect();
    let rows: Vec<PivotRow> = scenario
        .states
        .iter()
        .filter_map(|st| {
            let by = counts.get(&st.code)?;
            Some(PivotRow {
                state: st.code.clone(),
                state_name: name_in(&st.name, lang).to_string(),
                counts: reasons.iter().map(|r| by.get(r).copied().unwrap_or(0)).collect(),
                total: by.values().sum(),
            })
        })
        .collect();
    let totals = (0..reasons.len()).map(|i| rows.iter().map(|r| r.counts[i]).sum()).collect();
    Pivot { reasons, total: rows.iter().map(|r| r.total).sum(), rows, totals }
}

fn details(scenario: &Scenario, need: &Need, why: &Explanation) -> Vec<Detail> {
    let currency = &scenario.settings.currency;
    let mut out: Vec<Detail> = why
        .candidates
        .iter()
        .filter_map(|c| {
            let s = scenario.session(&c.session)?;
            Some(Detail::Session {
                session: c.session.clone(),
                start: s.start,
                end: s.end,
                state: c.state,
                numbers: Numbers {
                    filled: c.filled,
                    seats: c.seats,
                    state_filled: c.state_filled,
                    cap: s.max_per_state,
                    minimum: s.min_participants,
                    cost: c.cost_per_seat,
                    budget_left: why.budget_left,
                    currency: currency.clone(),
                },
            })
        })
        .collect();
    out.extend(why.ruled_out.iter().filter_map(|r| {
        let s = scenario.session(&r.session)?;
        Some(Detail::Ruled { session: r.session.clone(), start: s.start, end: s.end, fact: r.fact.clone() })
    }));
    if out.is_empty() {
        // Nothing at the need's skill and level: the nearest candidates are other levels.
        let mut others: Vec<(i64, &Session)> = scenario
            .sessions
            .iter()
            .filter_map(|s| {
                let course = scenario.course(&s.course)?;
                (course.skill == need.skill).then_some((course.level, s))
            })
            .collect();
        order::sort_by_key(&mut others, |(level, s)| ((level - need.level).abs(), s.start));
        out.extend(others.iter().take(3).map(|(level, s)| Detail::OtherLevel { session: s.id.clone(), level: *level }));
        if out.is_empty() {
            out.push(Detail::NoSessionOfSkill);
        }
    }
    out
}

/// Seats to offer when pinning an unmet need into a session: what is missing, within the
/// session's seats and cap per state, at least one.
pub fn suggested_seats(scenario: &Scenario, missing: i64, session: &SessionId) -> i64 {
    let Some(s) = scenario.session(session) else { return missing.max(1) };
    missing.min(s.seats).min(s.max_per_state.unwrap_or(i64::MAX)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mode;
    use crate::solve::explain_all;
    use crate::ui::vm::plan::solved::tests::small;
    use crate::ui::vm::plan::tests::{demo, solved};

    #[test]
    fn every_unmet_need_has_its_reason_and_at_least_one_detail() {
        let d = demo();
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let rows = unmet_rows(&d, &why, "en", None);
        assert_eq!(rows.len(), d.plan.unmet.len());
        for row in &rows {
            let unmet = d.plan.unmet.iter().find(|u| u.need == row.need).unwrap();
            assert_eq!((&row.need, row.seats, row.reason), (&unmet.need, unmet.seats, unmet.reason));
            assert!(!row.details.is_empty(), "{row:?}");
            match row.reason {
                Reason::NoCompatibleSession => {
                    assert!(row.details.iter().all(|d| !matches!(d, Detail::Session { .. })), "{row:?}")
                }
                Reason::Capacity => assert!(row.details.iter().any(
                    |d| matches!(d, Detail::Session { state: SessionState::Full, numbers, .. } if numbers.filled == numbers.seats)
                )),
                Reason::StateCap => assert!(row.details.iter().any(|d| matches!(
                    d,
                    Detail::Session { state: SessionState::AtStateCap, numbers, .. } if Some(numbers.state_filled) == numbers.cap
                ))),
                Reason::Budget => assert!(row.details.iter().any(|d| matches!(
                    d,
                    Detail::Session { state: SessionState::OverBudget, numbers, .. }
                        if numbers.budget_left.is_some_and(|left| left < numbers.cost)
                ))),
                _ => {}
            }
        }
        let tn = unmet_rows(&d, &why, "en", Some(&"TN".into()));
        assert!(tn.iter().all(|r| r.state.as_str() == "TN"));
    }

    #[test]
    fn the_most_harmful_come_first_and_the_pivot_counts_every_unmet_need_once() {
        let d = demo();
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let rows = unmet_rows(&d, &why, "en", None);
        assert!(rows.windows(2).all(|w| (w[0].priority, w[0].seats) >= (w[1].priority, w[1].seats)));
        assert_eq!(rows[0].priority, 5, "the first row is a critical need");
        assert!(rows.iter().any(|r| r.priority < 5));
        // Ties keep the plan's order.
        let plan_index = |r: &UnmetRow| d.plan.unmet.iter().position(|u| u.need == r.need).unwrap();
        assert!(rows.windows(2).all(|w| by_harm(&w[0]) != by_harm(&w[1]) || plan_index(&w[0]) < plan_index(&w[1])));

        let p = pivot(&d, "ar");
        assert_eq!(p.total, d.plan.unmet.len());
        assert_eq!(p.totals.iter().sum::<usize>(), p.total);
        assert!(p
            .reasons
            .windows(2)
            .all(|w| Reason::ALL.iter().position(|r| *r == w[0]) < Reason::ALL.iter().position(|r| *r == w[1])));
        for row in &p.rows {
            assert_eq!(row.counts.iter().sum::<usize>(), row.total);
            for (i, reason) in p.reasons.iter().enumerate() {
                let expected = d
                    .plan
                    .unmet
                    .iter()
                    .filter(|u| u.reason == *reason && d.scenario.need(&u.need).unwrap().state == row.state)
                    .count();
                assert_eq!(row.counts[i], expected, "{} {reason:?}", row.state);
            }
        }
        assert!(p.rows.iter().any(|r| r.state_name == "تونس"));
    }

    fn tn_facts(s: Scenario) -> (Reason, Vec<Fact>) {
        let d = solved(s);
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let rows = unmet_rows(&d, &why, "en", Some(&"TN".into()));
        assert!(rows[0].details.iter().all(|d| d.pinnable().is_some()));
        let facts = rows[0]
            .details
            .iter()
            .filter_map(|d| match d {
                Detail::Ruled { fact, .. } => Some(fact.clone()),
                _ => None,
            })
            .collect();
        (rows[0].reason, facts)
    }

    #[test]
    fn a_ruled_out_session_says_which_rule_with_the_facts() {
        let date = |d: &str| d.parse::<NaiveDate>().unwrap();
        let mut s = small();
        s.states[1].blackouts.push(crate::model::Blackout {
            start: date("2027-02-08"),
            end: date("2027-02-08"),
            label: "Elections".into(),
        });
        let window = crate::model::DateRange { start: date("2027-01-01"), end: date("2027-06-30") };
        s.needs[1].window = Some(window);
        let (reason, facts) = tn_facts(s);
        assert_eq!(reason, Reason::NoCompatibleSession);
        assert_eq!(
            facts,
            vec![
                Fact::Blackout { label: "Elections".into(), start: date("2027-02-08"), end: date("2027-02-08") },
                Fact::Window { window: Some(window) },
            ]
        );
        let mut s = small();
        s.needs[1].languages = Some(vec!["fr".into()]);
        s.needs[1].modes = Some(vec![Mode::Online]);
        s.sessions[1].open_to = Some(vec!["QA".into()]);
        s.exclusions.push(crate::model::Exclusion { need: "TN-1".into(), session: "DF-101-A".into() });
        let (_, facts) = tn_facts(s);
        assert_eq!(facts[0], Fact::Language { course: "ar".into(), accepted: vec!["fr".into()] });
        let mut s = small();
        s.needs[1].modes = Some(vec![Mode::Online]);
        assert_eq!(tn_facts(s).1[0], Fact::Mode { course: Mode::InPerson, accepted: vec![Mode::Online] });
        let mut s = small();
        s.sessions[1].open_to = Some(vec!["QA".into()]);
        s.exclusions.push(crate::model::Exclusion { need: "TN-1".into(), session: "DF-101-A".into() });
        assert_eq!(tn_facts(s).1, vec![Fact::Excluded, Fact::OpenTo(vec!["QA".into()])]);
    }

    #[test]
    fn a_pin_that_breaks_the_needs_rules_is_warned_and_its_seats_are_shown_held() {
        let mut s = small();
        s.needs[1].languages = Some(vec!["fr".into()]);
        let d = solved(s.clone());
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let row = unmet_rows(&d, &why, "en", Some(&"TN".into())).remove(0);
        assert_eq!(row.reason, Reason::NoCompatibleSession);
        assert_eq!(row.pinned, 0);
        let ruled = row.details.iter().find(|d| matches!(d, Detail::Ruled { .. })).unwrap();
        assert_eq!(ruled.pin_warning(), Some(&Fact::Language { course: "ar".into(), accepted: vec!["fr".into()] }));
        let session = ruled.pinnable().unwrap().clone();
        // Pinned anyway and solved again: the need holds its pinned seats, still short.
        crate::ui::vm::plan::adjust::pin(&mut s, &row.need, &session, 2).unwrap();
        let d = solved(s);
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let row = unmet_rows(&d, &why, "en", Some(&"TN".into())).remove(0);
        assert_eq!((row.pinned, row.seats), (2, row.trainees - 2));
        // A session that fits gives no warning.
        let d = demo();
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let rows = unmet_rows(&d, &why, "en", None);
        let fits = rows.iter().flat_map(|r| &r.details).find(|d| matches!(d, Detail::Session { .. })).unwrap();
        assert_eq!(fits.pin_warning(), None);
    }

    #[test]
    fn with_nothing_at_its_level_the_nearest_levels_are_named() {
        let mut s = small();
        s.needs[1].level = 3;
        let d = solved(s);
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let rows = unmet_rows(&d, &why, "en", Some(&"TN".into()));
        assert!(matches!(rows[0].details[0], Detail::OtherLevel { level: 1, .. }));
        assert!(rows[0].details[0].pinnable().is_none());
        let mut s = small();
        s.needs[1].skill = "osint".into();
        let name = [("en".to_string(), "OSINT".to_string())].into_iter().collect();
        s.skills.push(crate::model::Skill { id: "osint".into(), name });
        let d = solved(s);
        let why = explain_all(&d.scenario, &d.plan.allocations);
        assert_eq!(unmet_rows(&d, &why, "en", Some(&"TN".into()))[0].details, vec![Detail::NoSessionOfSkill]);
    }

    #[test]
    fn suggested_pin_seats_stay_within_seats_and_cap() {
        let s = small();
        assert_eq!(suggested_seats(&s, 6, &"DF-101-A".into()), 4);
        assert_eq!(suggested_seats(&s, 2, &"DF-101-A".into()), 2);
        assert_eq!(suggested_seats(&s, 9, &"DF-101-B".into()), 4);
    }
}
