//! The words of the planner's plan screens (solve, calendar, roster, by state, coverage, unmet
//! needs, changes, downloads): the part of a language's [`super::Catalogue`] that the plan
//! screens use. Each language file (`en.rs`, `ar.rs`, `fr.rs`) implements [`PlanWords`] in its
//! own block, matching on every [`P`], so a missing translation does not compile; the one
//! registry of languages is [`super::UiLang::catalogue`].

use crate::solve::Reason;
use crate::ui::vm::plan::adjust::Refused;
use crate::ui::vm::plan::solved::{PinClash, SolveOutcome};
use crate::ui::vm::plan::unmet_list::Detail;
use crate::ui::vm::plan::worker::Stopped;

/// Every fixed label of the plan screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    TabPlan,
    PlanIntro,
    Solve,
    Solving,
    TimeLimit,
    Seconds,
    NoPlanYet,
    OutOfDate,
    ViewCalendar,
    ViewByState,
    ViewCoverage,
    ViewUnmet,
    ViewChanges,
    ViewExport,
    CalendarHint,
    Running,
    NotRunning,
    Roster,
    Close,
    NobodyYet,
    RosterHint,
    Pin,
    Unpin,
    Exclude,
    Allow,
    Pinned,
    Excluded,
    PinNeedHere,
    ChooseNeed,
    AllStatesOption,
    Needed,
    Planned,
    Coverage,
    ByPriority,
    NothingAttended,
    UnmetOfState,
    Print,
    PrintHint,
    ChartByState,
    ChartBySkill,
    SeatsOffered,
    SeatsFilled,
    SessionsRunning,
    NeedsMet,
    NeedsPartly,
    NeedsNotMet,
    WeightedCoverage,
    PlanCost,
    UnmetHint,
    AllReasons,
    Reason,
    Missing,
    Why,
    NoUnmet,
    PinHere,
    ChangesHint,
    Before,
    After,
    NoChanges,
    FirstPlan,
    ExportHint,
    ExportPlanCsv,
    ExportUnmetCsv,
    ExportIcs,
    ExportJson,
    FilesLanguage,
    For,
    Downloaded,
    Dates,
    Adjustments,
    Stop,
    GapBefore,
    GapAfter,
}

/// One language's words for the plan screens, a part of its [`super::Catalogue`].
pub trait PlanWords {
    /// A fixed label.
    fn p(&self, m: P) -> &'static str;
    /// Why a need is not fully served (SPEC §4), as a sentence.
    fn reason(&self, reason: Reason) -> &'static str;
    /// The reason in two or three words, for a filter.
    fn reason_name(&self, reason: Reason) -> &'static str;
    /// One fact behind an unmet need, as a sentence with its figures.
    fn detail(&self, detail: &Detail) -> String;
    /// What the last solve gave, as a headline.
    fn outcome(&self, outcome: &SolveOutcome) -> String;
    /// Pins that cannot all hold, naming them and the limit they break.
    fn clash(&self, clash: &PinClash) -> String;
    /// Why an adjustment was not made.
    fn refused(&self, refused: &Refused) -> String;
    /// "18 of 24 seats filled".
    fn fill(&self, filled: i64, seats: i64) -> String;
    /// "40 of 52 trainees (76%)".
    fn coverage(&self, planned: i64, needed: i64) -> String;
    /// "61 of 104 sessions run".
    fn running(&self, running: usize, sessions: usize) -> String;
    /// "172 needs, 651 trainees without a seat".
    fn unmet_total(&self, needs: usize, seats: i64) -> String;
    /// "3 pins, 1 exclusion".
    fn adjustments(&self, pins: usize, exclusions: usize) -> String;
    /// "Training calendar 2027 — Tunisia".
    fn calendar_title(&self, year: i32, state: Option<&str>) -> String;
    /// Seats of one state, short: "3 seats".
    fn seats(&self, seats: i64) -> String;
    /// A solve on its way: "Solving… 3.2 s; best plan so far within 12.5 % of the best possible".
    fn progress(&self, seconds: f64, best_gap: Option<f64>) -> String;
    /// How a stopped solve ended.
    fn stopped(&self, stopped: Stopped) -> String;
}

/// Every [`P`], for tests that each language says something for each.
#[cfg(test)]
pub const ALL_P: &[P] = &[
    P::TabPlan,
    P::PlanIntro,
    P::Solve,
    P::Solving,
    P::TimeLimit,
    P::Seconds,
    P::NoPlanYet,
    P::OutOfDate,
    P::ViewCalendar,
    P::ViewByState,
    P::ViewCoverage,
    P::ViewUnmet,
    P::ViewChanges,
    P::ViewExport,
    P::CalendarHint,
    P::Running,
    P::NotRunning,
    P::Roster,
    P::Close,
    P::NobodyYet,
    P::RosterHint,
    P::Pin,
    P::Unpin,
    P::Exclude,
    P::Allow,
    P::Pinned,
    P::Excluded,
    P::PinNeedHere,
    P::ChooseNeed,
    P::AllStatesOption,
    P::Needed,
    P::Planned,
    P::Coverage,
    P::ByPriority,
    P::NothingAttended,
    P::UnmetOfState,
    P::Print,
    P::PrintHint,
    P::ChartByState,
    P::ChartBySkill,
    P::SeatsOffered,
    P::SeatsFilled,
    P::SessionsRunning,
    P::NeedsMet,
    P::NeedsPartly,
    P::NeedsNotMet,
    P::WeightedCoverage,
    P::PlanCost,
    P::UnmetHint,
    P::AllReasons,
    P::Reason,
    P::Missing,
    P::Why,
    P::NoUnmet,
    P::PinHere,
    P::ChangesHint,
    P::Before,
    P::After,
    P::NoChanges,
    P::FirstPlan,
    P::ExportHint,
    P::ExportPlanCsv,
    P::ExportUnmetCsv,
    P::ExportIcs,
    P::ExportJson,
    P::FilesLanguage,
    P::For,
    P::Downloaded,
    P::Dates,
    P::Adjustments,
    P::Stop,
    P::GapBefore,
    P::GapAfter,
];

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{DateRange, Mode, SessionId};
    use crate::solve::{SessionState, Status};
    use crate::ui::i18n::UiLang;
    use crate::ui::vm::plan::solved::ClashKind;
    use crate::ui::vm::plan::unmet_list::{Fact, Numbers};

    fn arabic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    fn date(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn numbers() -> Numbers {
        Numbers {
            filled: 24,
            seats: 24,
            state_filled: 4,
            cap: Some(4),
            minimum: 8,
            cost: 1500,
            budget_left: Some(900),
            currency: "USD".into(),
        }
    }

    fn details() -> Vec<Detail> {
        let session = |state| Detail::Session {
            session: SessionId::new("DF-101-A"),
            start: date("2027-02-07"),
            end: date("2027-02-11"),
            state,
            numbers: numbers(),
        };
        let ruled = |fact| Detail::Ruled {
            session: SessionId::new("DF-101-B"),
            start: date("2027-10-03"),
            end: date("2027-10-07"),
            fact,
        };
        vec![
            session(SessionState::Full),
            session(SessionState::AtStateCap),
            session(SessionState::NotRunning),
            session(SessionState::OverBudget),
            session(SessionState::HasRoom),
            ruled(Fact::Language { course: "fr".into(), accepted: vec!["ar".into(), "en".into()] }),
            ruled(Fact::Mode { course: Mode::InPerson, accepted: vec![Mode::Online] }),
            ruled(Fact::Window { window: Some(DateRange { start: date("2027-01-01"), end: date("2027-06-30") }) }),
            ruled(Fact::Window { window: None }),
            ruled(Fact::Blackout { label: "Elections".into(), start: date("2027-10-05"), end: date("2027-10-05") }),
            ruled(Fact::OpenTo(vec!["QA".into(), "BH".into()])),
            ruled(Fact::Excluded),
            ruled(Fact::SkillLevel),
            Detail::OtherLevel { session: SessionId::new("DF-201-A"), level: 2 },
            Detail::NoSessionOfSkill,
        ]
    }

    #[test]
    fn every_language_says_every_label_reason_and_detail() {
        for lang in UiLang::ALL {
            let c = lang.catalogue();
            for &m in ALL_P {
                assert!(!c.p(m).is_empty(), "{lang:?} {m:?}");
            }
            for r in Reason::ALL {
                assert!(!c.reason(r).is_empty() && !c.reason_name(r).is_empty());
            }
            let texts: Vec<String> = details().iter().map(|d| c.detail(d)).collect();
            for (i, text) in texts.iter().enumerate() {
                assert!(!text.is_empty());
                // Each fact reads differently from the others.
                assert!(texts.iter().enumerate().all(|(j, t)| i == j || t != text), "{lang:?}: {text}");
            }
        }
    }

    #[test]
    fn details_carry_their_figures_and_ids_isolated() {
        for lang in UiLang::ALL {
            let c = lang.catalogue();
            let d = details();
            assert!(c.detail(&d[0]).contains("24"), "{lang:?}");
            assert!(c.detail(&d[0]).contains("\u{2068}DF-101-A\u{2069}"), "{lang:?}");
            assert!(c.detail(&d[1]).contains('4'));
            // Money is grouped, with its currency where the language puts it.
            assert!(
                c.detail(&d[3]).contains(&c.money(1500, "USD")) && c.detail(&d[3]).contains(&c.money(900, "USD")),
                "{lang:?}: {}",
                c.detail(&d[3])
            );
            assert!(c.detail(&d[3]).contains(&c.number(1500)), "{lang:?}");
            assert!(c.detail(&d[9]).contains("Elections"));
            assert!(c.detail(&d[10]).contains("QA"));
        }
    }

    #[test]
    fn arabic_reasons_and_outcomes_are_arabic() {
        let c = UiLang::Ar.catalogue();
        for r in Reason::ALL {
            assert!(arabic(c.reason(r)), "{r:?}");
        }
        for d in details() {
            assert!(arabic(&c.detail(&d)), "{d:?}");
        }
        let planned = SolveOutcome::Planned {
            status: Status::TimeLimit,
            objective: 90.0,
            bound: 100.0,
            gap: 0.1,
            ms: 10_000.0,
            changes: None,
        };
        assert!(arabic(&c.outcome(&planned)));
        assert!(c.outcome(&planned).contains("10"));
        for &m in ALL_P {
            assert!(arabic(c.p(m)), "{m:?}");
        }
    }

    #[test]
    fn outcomes_and_clashes_name_the_status_the_gap_and_the_pins() {
        let en = UiLang::En.catalogue();
        let optimal = SolveOutcome::Planned {
            status: Status::Optimal,
            objective: 1.0,
            bound: 1.0,
            gap: 0.0,
            ms: 38.4,
            changes: None,
        };
        assert!(en.outcome(&optimal).contains("Optimal") && en.outcome(&optimal).contains("38 ms"));
        let limited = SolveOutcome::Planned {
            status: Status::TimeLimit,
            objective: 90.0,
            bound: 100.0,
            gap: 0.1,
            ms: 10_000.0,
            changes: None,
        };
        let text = en.outcome(&limited);
        assert!(text.contains("10.0%") && text.contains("100"), "{text}");
        let clash = PinClash {
            kind: ClashKind::StateCap { state: "QA".into(), session: "DF-101-A".into(), pinned: 5, cap: 4 },
            pins: vec![("QA-1".into(), "DF-101-A".into(), 5)],
        };
        for lang in UiLang::ALL {
            let text = lang.catalogue().clash(&clash);
            assert!(text.contains("\u{2068}QA-1\u{2069}") && text.contains('5') && text.contains('4'), "{text}");
        }
        let infeasible = SolveOutcome::Infeasible(vec![clash]);
        assert!(!en.outcome(&infeasible).is_empty());
        assert!(en.refused(&Refused::SkillLevel).contains("level"));
    }

    #[test]
    fn a_solve_on_its_way_and_a_stopped_one_are_told_with_their_figures_in_each_language() {
        for lang in UiLang::ALL {
            let c = lang.catalogue();
            let working = c.progress(3.25, Some(0.125));
            assert!(working.contains("3") && working.contains("12"), "{working}");
            assert_ne!(c.progress(3.25, None), working);
            let kept = c.stopped(Stopped::WithPlan { gap: 0.0425 });
            assert!(kept.contains("4"), "{kept}");
            assert_ne!(c.stopped(Stopped::BeforeAnyPlan), kept);
        }
        let en = UiLang::En.catalogue();
        assert_eq!(
            en.stopped(Stopped::WithPlan { gap: 0.0425 }),
            "Stopped: the best plan found so far, within 4.2 % of the best possible."
        );
        assert_eq!(en.progress(3.25, None), "Solving… 3.2 s; no plan yet.");
        assert!(arabic(&UiLang::Ar.catalogue().stopped(Stopped::BeforeAnyPlan)));
    }
}
