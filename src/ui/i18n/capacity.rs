//! The words of "Where to add capacity" and of the value of a seat (issue 14): the part of a
//! language's [`super::Catalogue`] that `ui::plan::capacity` and the centre's session list use.
//! Each language implements [`CapacityWords`] in its own file (`en/capacity.rs`,
//! `ar/capacity.rs`, `fr/capacity.rs`, children of the language's module, so they count with
//! its plural forms); a missing word does not compile.

use chrono::NaiveDate;

use crate::solve::Status;
use crate::ui::vm::plan::capacity::{Gainers, SeatNote, Why};

/// One language's words for where to add capacity.
pub trait CapacityWords {
    /// The tab and the panel's heading: "Where to add capacity".
    fn capacity_title(&self) -> &'static str;
    /// What the panel does, in a sentence or two.
    fn capacity_intro(&self) -> &'static str;
    /// The label of the number of sessions to propose.
    fn sessions_to_propose(&self) -> &'static str;
    /// The button that starts the search.
    fn find_capacity(&self) -> &'static str;
    /// While the worker searches: "Looking for where to add capacity… 4 s".
    fn finding(&self, seconds: f64) -> String;
    /// After Stop: nothing was proposed.
    fn search_stopped(&self) -> &'static str;
    /// The result in words: how many proposals, whether they are proven the best of any
    /// `asked` new sessions, how far the best could be above them, and the seconds it took.
    fn found(&self, proposals: usize, asked: usize, status: Status, shortfall_percent: f64, seconds: f64) -> String;
    /// The dates of a proposal with their weekdays: "Sun 7 – Thu 11 March 2027".
    fn days(&self, start: NaiveDate, end: NaiveDate) -> String;
    /// "+3 trainees placed".
    fn more_placed(&self, trainees: i64) -> String;
    /// One state at one priority a proposal serves: "Tunisia, priority 4: 2 trainees".
    fn gainers(&self, gainers: &Gainers) -> String;
    /// The objective a proposal adds: "gain 27.55".
    fn gain(&self, gain: f64) -> String;
    /// The action that adds a proposal to the scenario.
    fn add_draft(&self) -> &'static str;
    /// A proposal already in the scenario: solve again to see what it serves.
    fn added_draft(&self) -> &'static str;
    /// Why no proposal or seat value could be found.
    fn capacity_refused(&self, why: &Why) -> String;
    /// The label of a proposed session on the year view.
    fn proposed(&self) -> &'static str;
    /// The heading of the session list's column.
    fn one_more_seat(&self) -> &'static str;
    /// What one more seat in a session would do: "One more seat here would serve a priority-4
    /// need of Tunisia".
    fn seat_note(&self, note: &SeatNote) -> String;
    /// While the seats are valued in the worker.
    fn valuing_seats(&self) -> &'static str;
    /// Before any plan: where the value of a seat comes from.
    fn seats_after_plan(&self) -> &'static str;
}

/// A proposal's dates with their weekdays, in the words `weekdays` (Sunday first) and `months`
/// of a language: "Sun 7 – Thu 11 March 2027", the month and year said once when shared.
pub(crate) fn days(start: NaiveDate, end: NaiveDate, weekdays: &[&str; 7], months: &[&str; 12]) -> String {
    use chrono::Datelike;
    let day = |date: NaiveDate| format!("{} {}", weekdays[date.weekday().num_days_from_sunday() as usize], date.day());
    let month = |date: NaiveDate| months[date.month0() as usize];
    if start == end {
        format!("{} {} {}", day(start), month(start), start.year())
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        format!("{} – {} {} {}", day(start), day(end), month(end), end.year())
    } else if start.year() == end.year() {
        format!("{} {} – {} {} {}", day(start), month(start), day(end), month(end), end.year())
    } else {
        format!("{} {} {} – {} {} {}", day(start), month(start), start.year(), day(end), month(end), end.year())
    }
}

/// A gain with at most two decimals and no trailing zeros, with the language's decimal mark.
pub(crate) fn figure(value: f64, mark: char) -> String {
    let text = format!("{:.2}", (value * 100.0).round() / 100.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', &mark.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::UiLang;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    const ARABIC: fn(&str) -> bool = |text| text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));

    #[test]
    fn a_proposals_dates_are_written_with_their_weekdays() {
        let (start, end) = (date(2027, 3, 7), date(2027, 3, 11));
        assert_eq!(UiLang::En.catalogue().days(start, end), "Sun 7 – Thu 11 March 2027");
        assert_eq!(UiLang::Fr.catalogue().days(start, end), "dim. 7 – jeu. 11 mars 2027");
        assert_eq!(UiLang::Ar.catalogue().days(start, end), "الأحد 7 – الخميس 11 مارس 2027");
        assert_eq!(
            UiLang::En.catalogue().days(date(2027, 2, 28), date(2027, 3, 4)),
            "Sun 28 February – Thu 4 March 2027"
        );
        assert_eq!(
            UiLang::En.catalogue().days(date(2027, 12, 26), date(2028, 1, 3)),
            "Sun 26 December 2027 – Mon 3 January 2028"
        );
    }

    #[test]
    fn the_value_of_a_seat_names_the_priority_and_the_state_in_each_language() {
        let tunisia = |name: &str| SeatNote::Serves { priority: 4, state: name.into(), exact: true };
        assert_eq!(
            UiLang::En.catalogue().seat_note(&tunisia("Tunisia")),
            "One more seat here would serve a priority-4 need of Tunisia"
        );
        assert_eq!(
            UiLang::Fr.catalogue().seat_note(&tunisia("Tunisie")),
            "Une place de plus ici servirait un besoin de priorité 4 de Tunisie"
        );
        let ar = UiLang::Ar.catalogue().seat_note(&tunisia("تونس"));
        assert!(ar.contains("بأولوية 4") && ar.contains("تونس"), "{ar}");
        let estimate = SeatNote::Serves { priority: 2, state: "Qatar".into(), exact: false };
        assert!(UiLang::En.catalogue().seat_note(&estimate).ends_with("(estimate)"));
        for lang in [UiLang::En, UiLang::Ar, UiLang::Fr] {
            let nobody = lang.catalogue().seat_note(&SeatNote::Nobody);
            assert_ne!(nobody, lang.catalogue().seat_note(&tunisia("x")));
        }
        assert!(ARABIC(&UiLang::Ar.catalogue().seat_note(&SeatNote::Nobody)));
    }

    #[test]
    fn the_result_says_whether_the_choice_is_proven_the_best_and_counts_in_the_plural() {
        let en = UiLang::En.catalogue();
        assert_eq!(
            en.found(5, 5, Status::Optimal, 0.0, 2.04),
            "The best 5 new sessions: no other choice of 5 sessions seats more (found in 2.0 s)."
        );
        assert_eq!(
            en.found(1, 1, Status::TimeLimit, 1.3, 12.0),
            "1 new session, good but not proven the best: the best choice could add at most 1.3% more (found in 12.0 s)."
        );
        assert!(en.found(0, 5, Status::Optimal, 0.0, 1.0).starts_with("No new session"));
        let ar = UiLang::Ar.catalogue();
        assert!(
            ar.found(2, 5, Status::Optimal, 0.0, 1.0).contains("موعدان"),
            "{}",
            ar.found(2, 5, Status::Optimal, 0.0, 1.0)
        );
        assert!(ar.found(5, 5, Status::TimeLimit, 1.3, 1.0).contains("1.3٪"));
        assert!(UiLang::Fr.catalogue().found(5, 5, Status::TimeLimit, 1.3, 1.0).contains("1,3\u{202F}%"));
    }

    #[test]
    fn who_gains_is_counted_in_each_languages_plural_and_gains_drop_trailing_zeros() {
        let g = |trainees| Gainers { state: "TN".into(), name: "Tunisia".into(), priority: 4, trainees };
        assert_eq!(UiLang::En.catalogue().gainers(&g(1)), "Tunisia, priority 4: 1 trainee");
        assert_eq!(UiLang::En.catalogue().gainers(&g(3)), "Tunisia, priority 4: 3 trainees");
        assert_eq!(UiLang::Fr.catalogue().gainers(&g(3)), "Tunisia, priorité 4 : 3 stagiaires");
        assert!(UiLang::Ar.catalogue().gainers(&g(2)).ends_with("متدربان"));
        assert_eq!(UiLang::En.catalogue().more_placed(1), "+1 trainee placed");
        assert_eq!(UiLang::En.catalogue().gain(27.55), "gain 27.55");
        assert_eq!(UiLang::En.catalogue().gain(15.7), "gain 15.7");
        assert_eq!(UiLang::Fr.catalogue().gain(15.0), "gain 15");
        assert_eq!(UiLang::Fr.catalogue().gain(2.5), "gain 2,5");
    }

    #[test]
    fn every_refusal_and_label_has_arabic_words_in_arabic() {
        let ar = UiLang::Ar.catalogue();
        for why in [Why::NoHorizon, Why::Problems, Why::NoPlanInTime, Why::Failed { message: "x".into() }] {
            assert!(ARABIC(&ar.capacity_refused(&why)), "{why:?}");
        }
        for label in [
            ar.capacity_title(),
            ar.capacity_intro(),
            ar.sessions_to_propose(),
            ar.find_capacity(),
            ar.search_stopped(),
            ar.add_draft(),
            ar.added_draft(),
            ar.proposed(),
            ar.one_more_seat(),
            ar.valuing_seats(),
            ar.seats_after_plan(),
        ] {
            assert!(ARABIC(label), "{label}");
        }
        assert!(ARABIC(&ar.finding(3.0)) && ARABIC(&ar.more_placed(3)));
    }
}
