//! Where a new session goes: the first free working week of the planning period. The region's
//! working week is Sunday to Thursday (DOMAIN: Doha sessions run Sun–Thu); a week is free for
//! a course when none of the course's sessions overlaps it and it touches no state's blackout
//! (the holidays the data gives: Ramadan, the Eids, national days), since a new session is
//! open to every state.

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{read, CourseId, DateRange, Scenario};

/// The days a working week spans, Sunday to Thursday.
const WORKING_DAYS: u64 = 5;

/// The period weeks are sought in: the horizon, else the year of the scenario.
fn period(scenario: &Scenario) -> DateRange {
    scenario.horizon.unwrap_or_else(|| {
        let year = read::scenario_year(scenario);
        let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or_default();
        DateRange { start: day(1, 1), end: day(12, 31) }
    })
}

/// The first Sunday on or after `day`.
fn sunday_from(day: NaiveDate) -> NaiveDate {
    let ahead = (7 - day.weekday().num_days_from_sunday()) % 7;
    day.checked_add_days(Days::new(u64::from(ahead))).unwrap_or(day)
}

/// Every Sunday–Thursday week that lies within the period, in order.
fn weeks(period: DateRange) -> impl Iterator<Item = DateRange> {
    let mut start = sunday_from(period.start);
    std::iter::from_fn(move || {
        let end = start.checked_add_days(Days::new(WORKING_DAYS - 1))?;
        if end > period.end {
            return None;
        }
        let week = DateRange { start, end };
        start = start.checked_add_days(Days::new(7))?;
        Some(week)
    })
}

/// The first working week (Sunday to Thursday) of the planning period where `course` has no
/// session yet and no state has a blackout; failing that, the first week without a session of
/// the course; failing that, the period's first week. `None` only when the period holds no
/// whole working week.
pub fn first_free_week(scenario: &Scenario, course: &CourseId) -> Option<DateRange> {
    let taken: Vec<DateRange> = scenario.sessions.iter().filter(|s| &s.course == course).map(|s| s.dates()).collect();
    let holidays: Vec<DateRange> = scenario.states.iter().flat_map(|s| s.blackouts.iter().map(|b| b.range())).collect();
    let period = period(scenario);
    let no_session = |w: &DateRange| !taken.iter().any(|t| t.intersects(w));
    let no_holiday = |w: &DateRange| !holidays.iter().any(|h| h.intersects(w));
    weeks(period)
        .find(|w| no_session(w) && no_holiday(w))
        .or_else(|| weeks(period).find(no_session))
        .or_else(|| weeks(period).next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn date(text: &str) -> NaiveDate {
        crate::model::parse_iso_date(text).unwrap()
    }

    fn scenario() -> Scenario {
        Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,
            "horizon":{"start":"2027-01-01","end":"2027-12-31"},
            "states":[{"code":"QA","name":{"en":"Qatar"},"languages":["ar","en"],
                       "blackouts":[{"start":"2027-01-12","end":"2027-01-12","label":"Holiday"}]},
                      {"code":"SD","name":{"en":"Sudan"},"languages":["ar"],
                       "blackouts":[{"start":"2027-01-19","end":"2027-01-21","label":"Other"}]}],
            "skills":[{"id":"forensics","name":{"en":"Digital forensics"}}],
            "courses":[{"id":"DF-101","title":{"en":"DF"},"skill":"forensics","level":1,"language":"ar","mode":"in_person"},
                       {"id":"DF-102","title":{"en":"DF"},"skill":"forensics","level":1,"language":"ar","mode":"in_person"}],
            "sessions":[{"id":"DF-101-A","course":"DF-101","start":"2027-01-03","end":"2027-01-07","seats":24},
                        {"id":"DF-101-B","course":"DF-101","start":"2027-01-28","end":"2027-01-28","seats":24}],
            "needs":[]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_new_session_takes_the_first_sunday_to_thursday_free_of_the_course_and_of_holidays() {
        let s = scenario();
        // 1 January 2027 is a Friday: the first working week is 3–7 January, which DF-101 has;
        // the next two touch a blackout of Qatar, then of Sudan; 24–28 January has DF-101-B.
        let week = first_free_week(&s, &"DF-101".into()).unwrap();
        assert_eq!((week.start, week.end), (date("2027-01-31"), date("2027-02-04")));
        assert_eq!(week.start.weekday(), Weekday::Sun);
        assert_eq!(week.end.weekday(), Weekday::Thu);
        // Another course has no session yet: its first week is the period's first.
        let week = first_free_week(&s, &"DF-102".into()).unwrap();
        assert_eq!((week.start, week.end), (date("2027-01-03"), date("2027-01-07")));
    }

    #[test]
    fn when_every_week_touches_a_holiday_the_course_still_gets_a_week_of_its_own() {
        let mut s = scenario();
        s.horizon = Some(DateRange { start: date("2027-01-01"), end: date("2027-01-14") });
        s.states[0].blackouts[0].end = date("2027-01-20");
        s.states[0].blackouts[0].start = date("2027-01-01");
        let week = first_free_week(&s, &"DF-101".into()).unwrap();
        assert_eq!(week.start, date("2027-01-10"));
        s.horizon = Some(DateRange { start: date("2027-01-01"), end: date("2027-01-06") });
        assert_eq!(first_free_week(&s, &"DF-101".into()), None);
    }

    #[test]
    fn without_a_horizon_the_scenarios_year_is_searched() {
        let mut s = scenario();
        s.horizon = None;
        s.states.iter_mut().for_each(|st| st.blackouts.clear());
        let week = first_free_week(&s, &"DF-102".into()).unwrap();
        assert_eq!(week.start, date("2027-01-03"));
    }
}
