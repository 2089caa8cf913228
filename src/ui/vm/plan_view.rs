//! What the plan's screens show, computed from a [`Solved`] pair (plan and the scenario it came
//! from): the year's calendar by month with each session's fill, a session's roster, one
//! state's sessions and coverage, the coverage charts' rows and their geometry (mirrored for
//! right-to-left), every unmet need with the detail behind its reason, and what a re-solve
//! moved. Lookups go by id and skip what is missing, so a plan read back from storage never
//! breaks a screen.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::solved::Solved;
use crate::model::{name_in, CourseId, Mode, Need, NeedId, Scenario, Session, SessionId, StateCode};
use crate::solve::{Change, Coverage, Explanation, Reason, Report, SessionState};

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
struct Seats<'a> {
    by_pair: BTreeMap<(&'a StateCode, &'a SessionId), Vec<(&'a NeedId, i64)>>,
}

impl<'a> Seats<'a> {
    fn new(solved: &'a Solved) -> Seats<'a> {
        let needs: BTreeMap<&NeedId, &Need> = solved.scenario.needs.iter().map(|n| (&n.id, n)).collect();
        let mut by_pair: BTreeMap<(&StateCode, &SessionId), Vec<(&NeedId, i64)>> = BTreeMap::new();
        for a in &solved.plan.allocations {
            if let Some(need) = needs.get(&a.need) {
                by_pair.entry((&need.state, &a.session)).or_default().push((&need.id, a.seats));
            }
        }
        Seats { by_pair }
    }

    fn of(&self, state: &StateCode, session: &SessionId) -> i64 {
        self.by_pair.get(&(state, session)).map_or(0, |needs| needs.iter().map(|(_, s)| s).sum())
    }
}

/// The year the plan is for: the horizon's, else the earliest session's (see
/// [`crate::model::read::scenario_year`]).
pub use crate::model::read::scenario_year as plan_year;

fn slot(solved: &Solved, session: &Session, lang: &str, state_seats: Option<i64>) -> Slot {
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
pub fn calendar(solved: &Solved, lang: &str, state: Option<&StateCode>) -> Calendar {
    let year = plan_year(&solved.scenario);
    let seats = Seats::new(solved);
    let mut sessions: Vec<&Session> = solved.scenario.sessions.iter().collect();
    sessions.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
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
pub fn roster(solved: &Solved, current: &Scenario, session: &SessionId, lang: &str) -> Option<Roster> {
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
    states.sort_by(|a, b| a.state.cmp(&b.state));
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

pub fn state_view(solved: &Solved, report: &Report, code: &StateCode, lang: &str) -> Option<StateView> {
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
    attend.sort_by(|a, b| (a.slot.start, &a.slot.session).cmp(&(b.slot.start, &b.slot.session)));
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

/// One bar of a coverage chart.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub key: String,
    pub label: String,
    pub needed: i64,
    pub planned: i64,
}

/// Trainees needed and planned per state, in the scenario's order of states.
pub fn state_bars(solved: &Solved, report: &Report, lang: &str) -> Vec<BarRow> {
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
pub fn skill_bars(solved: &Solved, report: &Report, lang: &str) -> Vec<BarRow> {
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

/// Where one bar of a chart is drawn (SVG user units).
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeom {
    pub y: f64,
    /// The label's anchor point; the label ends there (`text-anchor="end"` in the text's own
    /// direction, which is the page's).
    pub label_x: f64,
    /// x and width of the "needed" bar and of the "planned" bar drawn over it.
    pub needed: (f64, f64),
    pub planned: (f64, f64),
    /// The edge of the "planned/needed" figure nearest the bars (its left edge, or its right
    /// edge right-to-left); figures are written left to right in both directions.
    pub value_x: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    pub bar_height: f64,
    pub bars: Vec<BarGeom>,
}

/// Width of the label column and of the figure column of a chart.
const LABEL_WIDTH: f64 = 210.0;
const VALUE_WIDTH: f64 = 100.0;

/// Longest label a chart row shows in full (characters); longer ones are cut with "…" and the
/// full name is in the row's tooltip.
pub const LABEL_CHARS: usize = 34;

/// `text` cut to `max` characters, the last being "…" when it was longer.
pub fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect::<String>().trim_end().to_string();
        cut.push('…');
        cut
    }
}
const ROW_HEIGHT: f64 = 22.0;
const GAP: f64 = 6.0;

/// Lays out a horizontal bar chart `width` wide: labels at the line's start, bars scaled to the
/// largest need, figures after the bars. Right-to-left mirrors every x.
pub fn layout(rows: &[BarRow], width: f64, rtl: bool) -> ChartLayout {
    let max = rows.iter().map(|r| r.needed.max(r.planned)).max().unwrap_or(0).max(1) as f64;
    let span = (width - LABEL_WIDTH - VALUE_WIDTH).max(10.0);
    let bar_height = ROW_HEIGHT - 8.0;
    // x of a piece that starts `from` units after the label column and is `w` wide.
    let place = |from: f64, w: f64| if rtl { width - LABEL_WIDTH - from - w } else { LABEL_WIDTH + from };
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let needed_w = span * row.needed as f64 / max;
            let planned_w = span * row.planned.min(row.needed.max(row.planned)) as f64 / max;
            let label_x = if rtl { width - LABEL_WIDTH + GAP } else { LABEL_WIDTH - GAP };
            let value_x = if rtl { place(needed_w, 0.0) - GAP } else { place(needed_w, 0.0) + GAP };
            BarGeom {
                y: i as f64 * ROW_HEIGHT,
                label_x,
                needed: (place(0.0, needed_w), needed_w),
                planned: (place(0.0, planned_w), planned_w),
                value_x,
            }
        })
        .collect();
    ChartLayout { width, height: rows.len() as f64 * ROW_HEIGHT, bar_height, bars }
}

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
    /// The session a pin could put this need into (not for other levels).
    pub fn pinnable(&self) -> Option<&SessionId> {
        match self {
            Detail::Session { session, .. } | Detail::Ruled { session, .. } => Some(session),
            Detail::OtherLevel { .. } | Detail::NoSessionOfSkill => None,
        }
    }
}

/// Every unmet need of the plan (of one state, or all) with its reason and details, in the
/// plan's order. `explanations` are [`crate::solve::explain_all`] of the same plan.
pub fn unmet_rows(
    solved: &Solved,
    explanations: &[Explanation],
    lang: &str,
    state: Option<&StateCode>,
) -> Vec<UnmetRow> {
    let scenario = &solved.scenario;
    let by_need: BTreeMap<&NeedId, &Explanation> = explanations.iter().map(|e| (&e.need, e)).collect();
    solved
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
                reason: u.reason,
                details,
            })
        })
        .collect()
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
        others.sort_by_key(|(level, s)| ((level - need.level).abs(), s.start));
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

pub fn change_rows(solved: &Solved, changes: &[Change], lang: &str) -> Vec<ChangeRow> {
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

/// Percent, rounded down so that 99.6% never reads as 100% while a trainee is unserved.
pub fn percent(planned: i64, needed: i64) -> i64 {
    if needed <= 0 {
        100
    } else {
        planned * 100 / needed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solve::{explain_all, report, solve, Options};
    use crate::ui::vm::solved::tests::small;

    const DEMO: &str = include_str!("../../../data/demo-2027.json");

    fn solved(scenario: Scenario) -> Solved {
        let plan = solve(&scenario, &Options::default()).unwrap();
        Solved { scenario, plan, ms: 1.0 }
    }

    fn demo() -> Solved {
        solved(Scenario::from_json(DEMO).unwrap())
    }

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

    #[test]
    fn chart_bars_scale_to_the_largest_need_and_mirror_right_to_left() {
        let rows = vec![
            BarRow { key: "A".into(), label: "A".into(), needed: 100, planned: 50 },
            BarRow { key: "B".into(), label: "B".into(), needed: 40, planned: 40 },
        ];
        let ltr = layout(&rows, 600.0, false);
        let rtl = layout(&rows, 600.0, true);
        let span = 600.0 - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(ltr.bars[0].needed, (LABEL_WIDTH, span));
        assert_eq!(ltr.bars[0].planned.1, span / 2.0);
        assert_eq!(ltr.bars[1].needed.1, ltr.bars[1].planned.1);
        assert_eq!(ltr.height, 2.0 * ROW_HEIGHT);
        for (l, r) in ltr.bars.iter().zip(&rtl.bars) {
            // Mirror images: the right edge of one is the left edge of the other.
            assert_eq!(r.needed.0 + r.needed.1, 600.0 - l.needed.0);
            assert_eq!(r.planned.0 + r.planned.1, 600.0 - l.planned.0);
            assert!(r.label_x > r.needed.0 + r.needed.1 && l.label_x < l.needed.0);
            assert!(r.value_x < r.needed.0 && l.value_x > l.needed.0 + l.needed.1);
        }
        assert!(layout(&[], 600.0, false).bars.is_empty());
    }

    #[test]
    fn long_chart_labels_are_cut_with_an_ellipsis() {
        assert_eq!(short_label("Digital forensics", 34), "Digital forensics");
        assert_eq!(short_label("Open-source intelligence (OSINT)", 10), "Open-sour…");
        assert_eq!(short_label("الجرائم المرتكبة بالذكاء الاصطناعي", 8).chars().count(), 8);
    }

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

    #[test]
    fn every_unmet_need_has_its_reason_and_at_least_one_detail() {
        let d = demo();
        let why = explain_all(&d.scenario, &d.plan.allocations);
        let rows = unmet_rows(&d, &why, "en", None);
        assert_eq!(rows.len(), d.plan.unmet.len());
        for (row, unmet) in rows.iter().zip(&d.plan.unmet) {
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
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(0, 0), 100);
    }

    #[test]
    fn change_rows_name_states_and_sessions() {
        let d = demo();
        let c = Change { state: "TN".into(), session: d.scenario.sessions[0].id.clone(), before: 2, after: 0 };
        let rows = change_rows(&d, &[c], "ar");
        assert_eq!(rows[0].state_name, "تونس");
        assert!(!rows[0].title.is_empty());
    }
}
