//! The words of a result an official reads: the plan's headline (trainees placed, needs short,
//! critical ones) with numbers grouped as the interface's language groups them, and each
//! state's coverage at a glance. Each language file implements [`ResultWords`] in its own
//! block, so a missing translation does not compile.

use crate::solve::Fact;
use crate::ui::vm::plan::changes::Cause;
use crate::ui::vm::plan::summary::Summary;

/// One language's words for the result of a solve, a part of its [`super::Catalogue`].
pub trait ResultWords {
    /// A whole number with its thousands grouped: "2,831" (English and Arabic with Latin
    /// digits), "2 831" (French, with a narrow no-break space).
    fn number(&self, n: i64) -> String;
    /// An amount of money in the scenario's currency (a code such as `USD`) as the language
    /// writes it: "USD 2,981,550", "2 981 550 USD" (French, narrow no-break spaces), "2,981,550
    /// دولار أمريكي" (Arabic, Latin digits as everywhere in the app, the currency after and
    /// named in Arabic when it is a common one). The figure sits in an isolate where the words
    /// around it run the other way.
    fn money(&self, amount: i64, currency: &str) -> String;
    /// A percent as the language writes it: "77%", "77 %" (French), "77٪" (Arabic).
    fn percent(&self, n: i64) -> String;
    /// "2,180 of 2,831 trainees placed (77%), 167 needs short, 12 of them critical".
    fn headline(&self, summary: &Summary) -> String;
    /// The heading of the states' small bars.
    fn by_state_glance(&self) -> &'static str;
    /// "9 of 9 trainees without a seat".
    fn without_seat(&self, missing: i64, trainees: i64) -> String;
    /// How the unmet list is ordered.
    fn harm_order(&self) -> &'static str;
    /// The caption of the table of unmet needs by state and reason.
    fn pivot_title(&self) -> &'static str;
    /// The heading of a total row or column.
    fn total(&self) -> &'static str;
    /// Before a pin that breaks a rule of the need's own: "These trainees do not accept
    /// Arabic (they accept French). Pin anyway?"
    fn pin_warning(&self, fact: &Fact) -> String;
    /// The button that makes such a pin.
    fn pin_anyway(&self) -> &'static str;
    /// The button that does not.
    fn cancel(&self) -> &'static str;
    /// A short need's seats held through pins: "Holds 2 pinned seats."
    fn held_by_pins(&self, seats: i64) -> String;
    /// The reason of a need that holds pinned seats while no session fits it.
    fn no_other_session(&self) -> &'static str;
    /// The heading of the net change per state after a re-solve.
    fn net_title(&self) -> &'static str;
    /// Column headings: seats gained, seats lost, net.
    fn gained_lost_net(&self) -> [&'static str; 3];
    /// The heading of the column that says what forced a change.
    fn cause_heading(&self) -> &'static str;
    /// What forced a change: "forced by a pin".
    fn cause(&self, cause: Cause) -> &'static str;
    /// Why a session will not run: "will not run: below its minimum of 8 participants".
    fn will_not_run(&self, minimum: i64) -> String;
    /// The heading of the list of sessions that will not run.
    fn not_running_title(&self) -> &'static str;
    /// The short word on a bar of a session that will not run.
    fn not_running_mark(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use crate::solve::Fact;
    use crate::ui::i18n::UiLang;
    use crate::ui::vm::plan::changes::Cause;
    use crate::ui::vm::plan::summary::Summary;

    fn summary(placed: i64, trainees: i64, short: usize, critical: usize) -> Summary {
        Summary { placed, trainees, short, critical, states: Vec::new() }
    }

    #[test]
    fn the_headline_leads_with_trainees_placed_grouped_as_each_language_groups() {
        let s = summary(2180, 2831, 167, 12);
        assert_eq!(
            UiLang::En.catalogue().headline(&s),
            "2,180 of 2,831 trainees placed (77%), 167 needs short, 12 of them critical"
        );
        assert_eq!(
            UiLang::Ar.catalogue().headline(&s),
            "حصل 2,180 من أصل 2,831 متدربًا على مقاعد (77٪)، و167 احتياجًا دون تلبية كاملة، منها 12 بأولوية حرجة"
        );
        assert_eq!(
            UiLang::Fr.catalogue().headline(&s),
            "2\u{202F}180 stagiaires placés sur 2\u{202F}831 (77\u{202F}%), 167 besoins non couverts, dont 12 critiques"
        );
        // Arabic counts take their plural forms: two needs (the dual), one critical need.
        assert_eq!(
            UiLang::Ar.catalogue().headline(&summary(5, 7, 2, 1)),
            "حصل 5 من أصل 7 متدربين على مقاعد (71٪)، واحتياجان دون تلبية كاملة، منها احتياج واحد بأولوية حرجة"
        );
        assert_eq!(UiLang::En.catalogue().without_seat(9, 9), "9 of 9 trainees without a seat");
        assert_eq!(UiLang::En.catalogue().without_seat(1, 1), "1 of 1 trainee without a seat");
        assert_eq!(UiLang::Ar.catalogue().without_seat(9, 9), "9 من أصل 9 متدربين بلا مقعد");
        assert_eq!(UiLang::Ar.catalogue().without_seat(2, 2), "2 من أصل متدربَين بلا مقعد");
        assert_eq!(UiLang::Fr.catalogue().without_seat(3, 1200), "3 stagiaires sur 1\u{202F}200 sans place");
        let arabic = Fact::Language { course: "ar".into(), accepted: vec!["fr".into(), "en".into()] };
        assert_eq!(
            UiLang::En.catalogue().pin_warning(&arabic),
            "These trainees do not accept Arabic (they accept French, English). Pin anyway?"
        );
        assert_eq!(
            UiLang::Ar.catalogue().pin_warning(&arabic),
            "هؤلاء المتدربون لا يقبلون العربية (يقبلون: الفرنسية، الإنجليزية). هل تثبّت رغم ذلك؟"
        );
        assert_eq!(UiLang::En.catalogue().held_by_pins(2), "Holds 2 pinned seats.");
        assert_eq!(UiLang::Ar.catalogue().held_by_pins(2), "له مقعدان بالتثبيت.");
        assert_eq!(
            UiLang::ALL.map(|l| l.catalogue().percent(77)),
            ["77٪".to_string(), "77%".to_string(), "77\u{202F}%".to_string()]
        );
        assert_eq!(UiLang::En.catalogue().cause(Cause::Pin), "forced by a pin");
        assert_eq!(UiLang::En.catalogue().will_not_run(8), "will not run: below its minimum of 8 participants");
        assert_eq!(UiLang::Ar.catalogue().will_not_run(8), "لن ينعقد: دون حده الأدنى من المشاركين (8)");
        assert_eq!(
            UiLang::En.catalogue().headline(&summary(7, 7, 0, 0)),
            "7 of 7 trainees placed (100%), every need met in full"
        );
        assert_eq!(
            UiLang::En.catalogue().headline(&summary(1, 1, 1, 1)),
            "1 of 1 trainee placed (100%), 1 need short, all of them critical"
        );
    }

    #[test]
    fn money_is_grouped_with_the_currency_where_each_language_puts_it() {
        assert_eq!(UiLang::En.catalogue().money(2_981_550, "USD"), "USD\u{a0}2,981,550");
        assert_eq!(UiLang::Fr.catalogue().money(2_981_550, "USD"), "2\u{202F}981\u{202F}550\u{a0}USD");
        assert_eq!(UiLang::Ar.catalogue().money(2_981_550, "USD"), "\u{2068}2,981,550\u{2069} دولار أمريكي");
        // A currency without an Arabic name stays as its code, isolated; no currency, no word.
        assert_eq!(UiLang::Ar.catalogue().money(1500, "XOF"), "\u{2068}1,500\u{2069} \u{2068}XOF\u{2069}");
        assert_eq!(UiLang::En.catalogue().money(-1500, " "), "-1,500");
        assert_eq!(UiLang::Fr.catalogue().money(999, "EUR"), "999\u{a0}EUR");
    }
}
