//! The words of "what would fix it" in the unmet list (issue 14 item 2): each fix in a
//! sentence a centre manager reads ("One more seat in Digital forensics foundations, Doha,
//! 7–11 March 2027 would place 1 trainee."), the search's progress, and the action. Each
//! language implements [`RemedyWords`] in its own file (`en/remedy.rs`, `ar/remedy.rs`,
//! `fr/remedy.rs`), matching every kind of change, so a kind without words does not compile.

use super::Catalogue;
use crate::ui::vm::plan::remedy::FixRow;

/// One language's words for what would fix an unmet need.
pub trait RemedyWords {
    /// The heading over a need's fixes: "What would fix it".
    fn fixes_heading(&self) -> &'static str;
    /// One fix in a sentence, with the session it names, the state, the money and the seats
    /// it would give the need.
    fn fix(&self, row: &FixRow) -> String;
    /// While the worker searches: "Finding what would fix each unmet need… 40 of 167".
    fn fixes_progress(&self, done: usize, total: usize) -> String;
    /// When every unmet need has its fixes, and how long it took.
    fn fixes_found(&self, total: usize, seconds: f64) -> String;
    /// A need no single change gives one more seat.
    fn no_fix(&self) -> &'static str;
    /// The action that makes a fix's change.
    fn apply_fix(&self) -> &'static str;
    /// A fix whose change is made (or whose session or need changed) since the plan.
    fn fix_changed(&self) -> &'static str;
    /// The button that asks again (after the worker was stopped).
    fn find_fixes(&self) -> &'static str;
    /// The search was stopped before the end.
    fn fixes_stopped(&self) -> &'static str;
}

/// The session a fix names as a sentence says it: its title, its place and its dates in the
/// words of `language`, joined by `comma` (empty for a fix that names no session).
pub(crate) fn place_words(language: &(impl Catalogue + ?Sized), row: &FixRow, comma: &str) -> String {
    let Some(place) = &row.place else { return String::new() };
    let mut parts = vec![place.title.clone()];
    if !place.location.trim().is_empty() {
        parts.push(place.location.clone());
    }
    parts.push(language.date_range(place.start, place.end));
    parts.join(comma)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::{DateRange, Mode};
    use crate::solve::Remedy;
    use crate::ui::i18n::UiLang;
    use crate::ui::vm::plan::remedy::Place;

    fn row(remedy: Remedy, gains: i64) -> FixRow {
        let date = |d: u32| NaiveDate::from_ymd_opt(2027, 3, d).expect("a date");
        FixRow {
            need: "EG-forensics-1".into(),
            remedy,
            gains,
            place: Some(Place {
                session: "DF-101-A".into(),
                title: "Digital forensics foundations".into(),
                location: "Doha".into(),
                start: date(7),
                end: date(11),
            }),
            state: "Egypt".into(),
            currency: "USD".into(),
            changed: false,
        }
    }

    fn all_kinds() -> Vec<FixRow> {
        let window = DateRange {
            start: NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date"),
            end: NaiveDate::from_ymd_opt(2027, 3, 11).expect("a date"),
        };
        vec![
            row(Remedy::Seat { session: "DF-101-A".into() }, 1),
            row(Remedy::StateCap { session: "DF-101-A".into(), cap: 5 }, 2),
            row(Remedy::Window { session: "DF-101-A".into(), days: 12, window }, 3),
            row(Remedy::Language { session: "DF-101-A".into(), language: "ar".into() }, 1),
            row(Remedy::Mode { session: "DF-101-A".into(), mode: Mode::Online }, 11),
            FixRow { place: None, ..row(Remedy::Budget { amount: 3400 }, 2) },
        ]
    }

    #[test]
    fn each_kind_of_fix_is_said_in_english_with_the_session_the_state_and_the_money() {
        let en = UiLang::En.catalogue();
        let said: Vec<String> = all_kinds().iter().map(|r| en.fix(r)).collect();
        assert_eq!(
            said,
            vec![
                "One more seat in Digital forensics foundations, Doha, 7–11 March 2027 would place 1 trainee.",
                "Allowing Egypt 5 seats in Digital forensics foundations, Doha, 7–11 March 2027 (one more) would place 2 trainees.",
                "Widening the window by 12 days reaches Digital forensics foundations, Doha, 7–11 March 2027 and would place 3 trainees.",
                "Accepting Arabic would open Digital forensics foundations, Doha, 7–11 March 2027 and place 1 trainee.",
                "Accepting online delivery would open Digital forensics foundations, Doha, 7–11 March 2027 and place 11 trainees.",
                "Raising Egypt's budget by USD\u{a0}3,400 would place 2 trainees.",
            ]
        );
        assert_eq!(en.fixes_progress(40, 167), "Finding what would fix each unmet need… 40 of 167");
    }

    #[test]
    fn each_kind_of_fix_is_said_in_french_with_its_grouping_and_plurals() {
        let fr = UiLang::Fr.catalogue();
        let said: Vec<String> = all_kinds().iter().map(|r| fr.fix(r)).collect();
        assert_eq!(
            said,
            vec![
                "Une place de plus dans Digital forensics foundations, Doha, 7–11 mars 2027 placerait 1 stagiaire.",
                "Porter à 5 les places d’Egypt dans Digital forensics foundations, Doha, 7–11 mars 2027 (une de plus) placerait 2 stagiaires.",
                "Élargir la période de 12 jours atteint Digital forensics foundations, Doha, 7–11 mars 2027 et placerait 3 stagiaires.",
                "Accepter la langue arabe ouvrirait Digital forensics foundations, Doha, 7–11 mars 2027 et placerait 1 stagiaire.",
                "Accepter le mode en ligne ouvrirait Digital forensics foundations, Doha, 7–11 mars 2027 et placerait 11 stagiaires.",
                "Augmenter de 3\u{202F}400\u{a0}USD le budget d’Egypt placerait 2 stagiaires.",
            ]
        );
        assert_eq!(fr.fixes_progress(40, 167), "Recherche de ce qui pourvoirait chaque besoin… 40 sur 167");
    }

    #[test]
    fn each_kind_of_fix_is_said_in_arabic_with_its_figures_isolated_and_its_plurals() {
        let ar = UiLang::Ar.catalogue();
        let rows: Vec<FixRow> = all_kinds()
            .into_iter()
            .map(|r| FixRow {
                state: "مصر".into(),
                place: r.place.map(|p| Place {
                    title: "أساسيات التحليل الجنائي الرقمي".into(),
                    location: "الدوحة".into(),
                    ..p
                }),
                ..r
            })
            .collect();
        let said: Vec<String> = rows.iter().map(|r| ar.fix(r)).collect();
        let place = "أساسيات التحليل الجنائي الرقمي، الدوحة، \u{2068}7–11\u{2069} مارس 2027";
        assert_eq!(said[0], format!("مقعد إضافي في {place} يمنح مقعدًا لمتدرب واحد."));
        assert_eq!(said[1], format!("رفع حد مصر في {place} إلى 5 مقاعد (مقعد إضافي) يمنح مقعدًا لمتدربَين."));
        assert_eq!(said[2], format!("توسيع الفترة بمقدار 12 يومًا يبلغ {place} ويمنح مقعدًا لـ3 متدربين."));
        assert_eq!(said[3], format!("قبول اللغة العربية يفتح {place} ويمنح مقعدًا لمتدرب واحد."));
        assert_eq!(said[4], format!("قبول نمط «عن بُعد» يفتح {place} ويمنح مقعدًا لـ11 متدربًا."));
        assert_eq!(said[5], "زيادة ميزانية مصر بمقدار \u{2068}3,400\u{2069} دولار أمريكي تمنح مقعدًا لمتدربَين.");
        assert_eq!(ar.fixes_progress(40, 167), "جارٍ البحث عمّا يلبّي كل احتياج غير ملبّى… 40 من 167");
    }
}
