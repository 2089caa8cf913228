//! The year as a timeline: twelve month columns (as wide as their days), and each skill's
//! sessions as bars on them, placed by their dates and stacked in as few lanes as keep them
//! apart. A bar is at least [`MIN_WIDTH`] of the year wide, so that a one-week session can
//! carry its fill; lanes are packed by that drawn width.

use chrono::{Datelike, NaiveDate};

use super::calendar::{calendar, Slot};
use super::solved::LastPlan;
use crate::model::{name_in, SkillId, StateCode};

/// The narrowest bar, as a fraction of the year (about two and a half weeks).
pub const MIN_WIDTH: f64 = 0.07;

/// One session on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub slot: Slot,
    /// Where the bar starts, as a fraction of the year from 1 January.
    pub start: f64,
    /// How wide it is drawn, as a fraction of the year (at least [`MIN_WIDTH`]).
    pub width: f64,
}

/// A skill's sessions, in lanes that keep their bars apart.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillRow {
    pub skill: SkillId,
    pub name: String,
    /// Each lane's bars, by start date.
    pub lanes: Vec<Vec<Bar>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub year: i32,
    /// Days of each month of the year, for the columns' widths.
    pub month_days: [u32; 12],
    /// The skills with a session in the year, in the scenario's order.
    pub skills: Vec<SkillRow>,
    /// Sessions starting in another year.
    pub outside: Vec<Slot>,
    /// Sessions of the year that will not run (below their minimum), by start date.
    pub not_running: Vec<Slot>,
    pub running: usize,
    pub sessions: usize,
}

fn days_in_year(year: i32) -> f64 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366.0
    } else {
        365.0
    }
}

/// Days of each month of `year`.
pub fn month_days(year: i32) -> [u32; 12] {
    let mut days = [31; 12];
    for (m, d) in days.iter_mut().enumerate() {
        let first = NaiveDate::from_ymd_opt(year, m as u32 + 1, 1);
        let next = if m == 11 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, m as u32 + 2, 1)
        };
        if let (Some(a), Some(b)) = (first, next) {
            *d = u32::try_from((b - a).num_days()).unwrap_or(31);
        }
    }
    days
}

/// The timeline of every session of the plan, names in `lang`.
pub fn timeline(solved: &LastPlan, lang: &str) -> Timeline {
    timeline_of(solved, lang, None)
}

/// The timeline of the sessions `state` has seats in (every session with `None`): a focal
/// point's published calendar, what its feed subscribes to.
pub fn timeline_of(solved: &LastPlan, lang: &str, state: Option<&StateCode>) -> Timeline {
    let cal = calendar(solved, lang, state);
    let year = cal.year;
    let days = days_in_year(year);
    let scenario = &solved.scenario;
    let slots: Vec<Slot> = cal.months.into_iter().flatten().collect();
    let not_running = slots.iter().filter(|s| !s.running).cloned().collect();
    let skills = scenario
        .skills
        .iter()
        .filter_map(|skill| {
            let mut lanes: Vec<Vec<Bar>> = Vec::new();
            for slot in slots.iter().filter(|s| scenario.course(&s.course).is_some_and(|c| c.skill == skill.id)) {
                let start = f64::from(slot.start.ordinal0()) / days;
                let length = ((slot.end - slot.start).num_days() + 1) as f64 / days;
                let width = length.max(MIN_WIDTH).min(1.0 - start).max(0.0);
                // The lane whose drawn end is at or before this start; a bar past the year's end
                // is drawn to it.
                let end_of = |lane: &Vec<Bar>| lane.last().map_or(0.0, |b| b.start + b.width.max(MIN_WIDTH));
                let bar = Bar { slot: slot.clone(), start, width };
                match lanes.iter_mut().find(|lane| end_of(lane) <= start + 1e-9) {
                    Some(lane) => lane.push(bar),
                    None => lanes.push(vec![bar]),
                }
            }
            (!lanes.is_empty()).then(|| SkillRow {
                skill: skill.id.clone(),
                name: name_in(&skill.name, lang).to_string(),
                lanes,
            })
        })
        .collect();
    Timeline {
        year,
        month_days: month_days(year),
        skills,
        outside: cal.outside,
        not_running,
        running: cal.running,
        sessions: cal.sessions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::vm::plan::tests::demo;

    #[test]
    fn every_session_of_the_year_is_one_bar_on_its_skills_row_and_bars_of_a_lane_never_overlap() {
        let d = demo();
        let t = timeline(&d, "en");
        assert_eq!(t.year, 2027);
        assert_eq!(t.month_days.iter().sum::<u32>(), 365);
        assert_eq!(t.month_days[1], 28);
        let bars: Vec<&Bar> = t.skills.iter().flat_map(|s| s.lanes.iter().flatten()).collect();
        assert_eq!(bars.len() + t.outside.len(), d.scenario.sessions.len());
        for row in &t.skills {
            for bar in row.lanes.iter().flatten() {
                let course = d.scenario.course(&bar.slot.course).unwrap();
                assert_eq!(course.skill, row.skill, "{}", bar.slot.session);
                assert!(bar.width >= MIN_WIDTH - 1e-9 || bar.start + bar.width >= 1.0 - 1e-9);
                assert!(bar.start >= 0.0 && bar.start + bar.width <= 1.0 + 1e-9);
            }
            for lane in &row.lanes {
                assert!(lane.windows(2).all(|w| w[0].start + w[0].width <= w[1].start + 1e-9), "{}", row.skill);
            }
        }
        // Far fewer lanes than sessions: the year fits on a screen.
        let lanes: usize = t.skills.iter().map(|s| s.lanes.len()).sum();
        assert!(lanes * 3 < bars.len(), "{lanes} lanes for {} sessions", bars.len());
        // 1 March starts where January and February end.
        let march = d.scenario.sessions.iter().find(|s| s.start.month() == 3).unwrap();
        let bar = bars.iter().find(|b| b.slot.session == march.id).unwrap();
        assert!(bar.start >= 59.0 / 365.0 && bar.start < 90.0 / 365.0);
        assert_eq!(t.not_running.len(), t.sessions - t.running);
        assert!(t.not_running.iter().all(|s| !s.running && s.filled < s.min_participants.max(1)));
        assert_eq!(month_days(2028)[1], 29);
    }

    /// A state's timeline draws exactly the sessions the plan gives that state seats in, each
    /// with the state's seats.
    #[test]
    fn a_states_timeline_draws_only_its_sessions() {
        let d = demo();
        let needs: std::collections::BTreeMap<_, _> = d.scenario.needs.iter().map(|n| (&n.id, &n.state)).collect();
        for state in &d.scenario.states {
            let mut own: Vec<_> = d
                .plan
                .allocations
                .iter()
                .filter(|a| needs.get(&a.need) == Some(&&state.code))
                .map(|a| a.session.clone())
                .collect();
            own.sort();
            own.dedup();
            let t = timeline_of(&d, "ar", Some(&state.code));
            let mut drawn: Vec<_> = t
                .skills
                .iter()
                .flat_map(|s| s.lanes.iter().flatten().map(|b| &b.slot))
                .chain(&t.outside)
                .map(|slot| {
                    assert!(slot.state_seats.is_some_and(|seats| seats > 0), "{}", slot.session);
                    slot.session.clone()
                })
                .collect();
            drawn.sort();
            assert_eq!(drawn, own, "{}", state.code);
            assert_eq!(t.sessions, own.len());
        }
        assert!(
            timeline_of(&d, "en", None).sessions > timeline_of(&d, "en", Some(&d.scenario.states[0].code)).sessions
        );
    }
}
