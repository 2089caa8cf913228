//! What the tables and summaries show, computed from the scenario alone.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::issue::FieldIssue;
use crate::model::{order, Problem, Scenario, SkillId, StateCode};

/// Indices of the needs of `state` (all needs for `None`), in document order.
pub fn needs_of(scenario: &Scenario, state: Option<&StateCode>) -> Vec<usize> {
    scenario
        .needs
        .iter()
        .enumerate()
        .filter(|(_, n)| state.is_none_or(|code| &n.state == code))
        .map(|(i, _)| i)
        .collect()
}

/// Rows a long table shows at once: the needs table shows one page of them, so that opening
/// it and typing in it stay quick however many needs the scenario has.
pub const ROWS_PER_PAGE: usize = 50;

/// One page of a table of `total` rows: which rows it shows (`from..to`), and how many pages
/// there are. A page past the end (rows deleted, another state chosen) shows the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The page shown, from 0.
    pub index: usize,
    pub pages: usize,
    pub from: usize,
    pub to: usize,
    pub total: usize,
}

impl Page {
    pub fn of(total: usize, asked: usize, per_page: usize) -> Page {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        let index = asked.min(pages - 1);
        let from = (index * per_page).min(total);
        Page { index, pages, from, to: (from + per_page).min(total), total }
    }

    pub fn has_previous(&self) -> bool {
        self.index > 0
    }

    pub fn has_next(&self) -> bool {
        self.index + 1 < self.pages
    }

    /// The rows of the page drawn once `drawn` of them are: a page is drawn
    /// [`ROWS_PER_FRAME`] rows a frame, so that no single task builds all of it.
    pub fn drawn(&self, drawn: usize) -> std::ops::Range<usize> {
        self.from..self.to.min(self.from.saturating_add(drawn))
    }

    /// Whether rows of the page are still to be drawn after `drawn`.
    pub fn more_to_draw(&self, drawn: usize) -> bool {
        self.from.saturating_add(drawn) < self.to
    }
}

/// Rows of a page a table draws in one frame: the first ones show at once, the rest follow a
/// frame later each, and the page never waits on all of them.
pub const ROWS_PER_FRAME: usize = 5;

/// Trainees asked for, by skill and priority.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// One row per skill with at least one need, in the order of the scenario's skills.
    pub rows: Vec<SummaryRow>,
    /// Trainees by priority 1..5 over all skills.
    pub by_priority: [i64; 5],
    pub total: i64,
    pub needs: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    pub skill: SkillId,
    pub by_priority: [i64; 5],
    pub total: i64,
}

/// The trainees `state` asks for (all states for `None`) by skill and priority.
pub fn summary(scenario: &Scenario, state: Option<&StateCode>) -> Summary {
    let mut by_skill: BTreeMap<&str, [i64; 5]> = BTreeMap::new();
    let mut out = Summary::default();
    for &i in &needs_of(scenario, state) {
        let need = &scenario.needs[i];
        out.needs += 1;
        if let Some(slot) = usize::try_from(need.priority - 1).ok().filter(|p| *p < 5) {
            by_skill.entry(need.skill.as_str()).or_default()[slot] += need.trainees;
            out.by_priority[slot] += need.trainees;
            out.total += need.trainees;
        }
    }
    let order = |id: &str| scenario.skills.iter().position(|s| s.id.as_str() == id).unwrap_or(usize::MAX);
    let mut rows: Vec<SummaryRow> = by_skill
        .into_iter()
        .map(|(skill, by_priority)| SummaryRow {
            skill: SkillId::new(skill),
            by_priority,
            total: by_priority.iter().sum(),
        })
        .collect();
    order::sort_by_key(&mut rows, |row| (order(row.skill.as_str()), row.skill.clone()));
    out.rows = rows;
    out
}

/// Sessions by the month they start in, for a year view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    /// Twelve months, January first; each holds session indices sorted by start date.
    pub months: Vec<Vec<usize>>,
    /// Sessions starting in another year.
    pub outside: Vec<usize>,
}

/// The year of the horizon (or of the earliest session), its sessions month by month.
pub fn year_view(scenario: &Scenario) -> Year {
    let year = crate::model::read::scenario_year(scenario);
    let mut order: Vec<usize> = (0..scenario.sessions.len()).collect();
    order::sort_by_key(&mut order, |&i| (scenario.sessions[i].start, scenario.sessions[i].id.clone()));
    let mut months = vec![Vec::new(); 12];
    let mut outside = Vec::new();
    for i in order {
        let start = scenario.sessions[i].start;
        if start.year() == year {
            months[start.month0() as usize].push(i);
        } else {
            outside.push(i);
        }
    }
    Year { year, months, outside }
}

/// Validation problems by the path of the field they concern.
pub fn issues_by_path(problems: &[Problem]) -> BTreeMap<String, Vec<FieldIssue>> {
    let mut map: BTreeMap<String, Vec<FieldIssue>> = BTreeMap::new();
    for problem in problems {
        map.entry(problem.path.clone()).or_default().push(FieldIssue::from_problem(problem));
    }
    map
}

/// Training languages offered anywhere in the scenario (states and courses), sorted, with the
/// programme's three languages always present.
pub fn languages(scenario: &Scenario) -> Vec<String> {
    let mut all: Vec<String> = ["ar", "en", "fr"].iter().map(|l| l.to_string()).collect();
    all.extend(scenario.states.iter().flat_map(|s| s.languages.iter().cloned()));
    all.extend(scenario.courses.iter().map(|c| c.language.clone()));
    all.retain(|l| !l.trim().is_empty());
    order::sort(&mut all);
    all.dedup();
    all
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_long_table_is_shown_a_page_at_a_time_and_a_page_past_the_end_is_the_last() {
        assert_eq!(Page::of(317, 0, 50), Page { index: 0, pages: 7, from: 0, to: 50, total: 317 });
        let last = Page::of(317, 6, 50);
        assert_eq!((last.from, last.to), (300, 317));
        assert!(last.has_previous() && !last.has_next());
        assert_eq!(Page::of(317, 99, 50), last);
        let empty = Page::of(0, 3, 50);
        assert_eq!((empty.index, empty.pages, empty.from, empty.to), (0, 1, 0, 0));
        assert!(!empty.has_previous() && !empty.has_next());
        assert_eq!(Page::of(5000, 1, 50).from, 50);
    }

    #[test]
    fn a_page_is_drawn_a_few_rows_a_frame() {
        let page = Page::of(317, 6, 50);
        assert_eq!(page.drawn(10), 300..310);
        assert!(page.more_to_draw(10));
        assert_eq!(page.drawn(20), 300..317);
        assert!(!page.more_to_draw(20));
        assert_eq!(page.drawn(usize::MAX), 300..317);
    }

    use super::*;

    fn scenario() -> Scenario {
        Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,
            "horizon":{"start":"2027-01-01","end":"2027-12-31"},
            "states":[{"code":"QA","name":{"en":"Qatar"},"languages":["ar","en"]},
                      {"code":"TN","name":{"en":"Tunisia"},"languages":["ar","fr"]}],
            "skills":[{"id":"osint","name":{"en":"OSINT"}},{"id":"forensics","name":{"en":"Digital forensics"}}],
            "courses":[{"id":"DF","title":{"en":"DF"},"skill":"forensics","level":1,"language":"ar","mode":"in_person"}],
            "sessions":[{"id":"B","course":"DF","start":"2027-03-07","end":"2027-03-11","seats":24},
                        {"id":"A","course":"DF","start":"2027-03-01","end":"2027-03-02","seats":24},
                        {"id":"C","course":"DF","start":"2028-01-09","end":"2028-01-10","seats":24}],
            "needs":[{"id":"QA-1","state":"QA","skill":"forensics","level":1,"trainees":6,"priority":4},
                     {"id":"TN-1","state":"TN","skill":"forensics","level":1,"trainees":3,"priority":4},
                     {"id":"QA-2","state":"QA","skill":"osint","level":2,"trainees":2,"priority":5},
                     {"id":"QA-3","state":"QA","skill":"forensics","level":2,"trainees":1,"priority":1}]}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_state_sees_only_its_own_needs() {
        let s = scenario();
        assert_eq!(needs_of(&s, Some(&"QA".into())), vec![0, 2, 3]);
        assert_eq!(needs_of(&s, None).len(), 4);
    }

    #[test]
    fn the_summary_adds_trainees_by_skill_and_priority_in_skill_order() {
        let s = summary(&scenario(), Some(&"QA".into()));
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[0].skill.as_str(), "osint");
        assert_eq!(s.rows[0].by_priority, [0, 0, 0, 0, 2]);
        assert_eq!(s.rows[1].by_priority, [1, 0, 0, 6, 0]);
        assert_eq!(s.by_priority, [1, 0, 0, 6, 2]);
        assert_eq!((s.total, s.needs), (9, 3));
    }

    #[test]
    fn the_year_view_sorts_sessions_into_months() {
        let y = year_view(&scenario());
        assert_eq!(y.year, 2027);
        assert_eq!(y.months[2], vec![1, 0]);
        assert_eq!(y.outside, vec![2]);
        assert!(y.months[0].is_empty());
    }

    #[test]
    fn languages_cover_states_and_courses() {
        assert_eq!(languages(&scenario()), vec!["ar", "en", "fr"]);
    }
}
