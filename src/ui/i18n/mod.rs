//! Every word the app shows, one catalogue per language (`en.rs`, `ar.rs`, `fr.rs`). A label
//! is a [`Msg`]; each catalogue matches on all of them, so a missing translation does not
//! compile. Messages with values (counts, dates, ids) are methods of [`Catalogue`].
//! Ids and codes inside a sentence are wrapped in Unicode isolates (see [`iso`]), the plain-text
//! twin of `<bdi>`, so Latin ids and numbers stay readable inside Arabic text.

mod ar;
mod capacity;
pub mod connect;
mod en;
mod first;
mod fr;
pub mod offline;
mod plan;
mod plural;
mod remedy;
mod result;
pub mod round;
mod sheet;

pub use capacity::CapacityWords;
pub use first::FirstWords;
pub use plan::{PlanWords, P};
pub use remedy::RemedyWords;
pub use result::ResultWords;
pub use sheet::{SheetWords, S};

use chrono::{Datelike, NaiveDate};

use crate::model::read::ReadError;

use super::vm::edit::deleted::DeletedNeed;
use super::vm::edit::issue::{Issue, Thing};
use super::vm::edit::rows::InUse;
use super::vm::shell::files::{ImportError, Imported};
use crate::model::NeedId;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Ar,
    Fr,
}

impl UiLang {
    pub const ALL: [UiLang; 3] = [UiLang::Ar, UiLang::En, UiLang::Fr];

    /// The BCP 47 code, also used for `<html lang>` and in storage.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Ar => "ar",
            UiLang::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<UiLang> {
        UiLang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Text direction for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            UiLang::Ar => "rtl",
            UiLang::En | UiLang::Fr => "ltr",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn own_name(self) -> &'static str {
        match self {
            UiLang::En => "English",
            UiLang::Ar => "العربية",
            UiLang::Fr => "Français",
        }
    }

    pub fn catalogue(self) -> &'static dyn Catalogue {
        match self {
            UiLang::En => &en::En,
            UiLang::Ar => &ar::Ar,
            UiLang::Fr => &fr::Fr,
        }
    }

    /// The label `m` in this language.
    pub fn t(self, m: Msg) -> &'static str {
        self.catalogue().text(m)
    }

    /// The plan screens' label `m` in this language.
    pub fn p(self, m: P) -> &'static str {
        self.catalogue().p(m)
    }
}

/// Wraps text in first-strong isolates so its direction does not disturb the sentence around it.
pub fn iso(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// `n` with its thousands grouped by `sep` ("2,831", "2\u{202F}831"), the sign first.
pub fn group(n: i64, sep: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// Every fixed label of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    AppTagline,
    /// The skip link, the page's first focusable element.
    SkipToMain,
    /// A workspace whose code is still being fetched (`role="status"`).
    ScreenLoading,
    /// A workspace whose code could not be fetched (`role="alert"`), and its retry button.
    ScreenLoadFailed,
    ScreenRetry,
    Workspace,
    RoleFocal,
    RoleCentre,
    RolePlanner,
    Language,
    Undo,
    Redo,
    Import,
    ExportScenario,
    ResetDemo,
    ClearLocal,
    ConfirmReset,
    ConfirmClear,
    Dismiss,
    Saved,
    Saving,
    NotSaving,
    PrivacyNote,
    FocalIntro,
    YourState,
    NeedsHeading,
    AddNeed,
    Duplicate,
    Delete,
    NoNeeds,
    PreviousPage,
    NextPage,
    ExportSubmission,
    SubmissionHint,
    SummaryHeading,
    Total,
    Id,
    State,
    Skill,
    Level,
    Trainees,
    Priority,
    Window,
    From,
    To,
    Languages,
    Modes,
    Note,
    Actions,
    Level1,
    Level2,
    Level3,
    Priority1,
    Priority2,
    Priority3,
    Priority4,
    Priority5,
    ModeInPerson,
    ModeOnline,
    ModeBlended,
    WholeHorizon,
    StateLanguagesDefault,
    NotSaved,
    CentreIntro,
    Courses,
    Sessions,
    AddCourse,
    AddSession,
    Course,
    TitleEn,
    TitleAr,
    Mode,
    Location,
    Start,
    End,
    Seats,
    CapPerState,
    MinParticipants,
    CostPerSeat,
    OpenTo,
    OpenToHint,
    NoCapHint,
    YearView,
    NoSessions,
    OtherYears,
    NewCourse,
    NewSkill,
    NewBlackout,
    PlannerIntro,
    TabNeeds,
    TabCatalogue,
    TabStates,
    TabSkills,
    TabSettings,
    TabAdjustments,
    ShowState,
    AllStates,
    Code,
    NameEn,
    NameAr,
    Budget,
    BudgetHint,
    Blackouts,
    AddBlackout,
    Label,
    AddSkill,
    ScenarioTitle,
    Horizon,
    PriorityWeights,
    EquityBonus,
    CostWeight,
    Currency,
    ExplainTitle,
    ExplainHorizon,
    ExplainWeights,
    ExplainEquity,
    ExplainCostWeight,
    ExplainCurrency,
    Pins,
    Exclusions,
    Need,
    Session,
    NoPins,
    NoExclusions,
    PinsHint,
    LangAr,
    LangEn,
    LangFr,
    Unlimited,
    Problems,
    DateFormat,
    DateHelp,
}

/// A message about something that happened (an import, a failed save …).
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    Imported(Imported),
    ImportFailed(ImportError),
    ReadFailed,
    SaveFailed,
    StorageNewer(u32),
    StorageUnreadable,
    StorageMigrated(u32),
    ResetDone,
    Cleared,
    InUse(InUse),
    /// A need was deleted; the toast offers to take it back.
    NeedDeleted(Box<DeletedNeed>),
    /// The deleted need could not be put back: a need of its id exists again.
    RestoreFailed(NeedId),
    /// The demo's made-up data was left for empty data.
    StartedEmpty,
}

impl Note {
    /// Warnings stay until dismissed; the rest are information.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            Note::ImportFailed(_)
                | Note::ReadFailed
                | Note::SaveFailed
                | Note::StorageNewer(_)
                | Note::StorageUnreadable
                | Note::InUse(_)
                | Note::RestoreFailed(_)
        )
    }
}

/// The words for text a field could not read ([`ReadError`], from the core's reader shared
/// with the spreadsheet importer). Each language file implements it in its own block,
/// matching every kind, so a kind without words does not compile.
pub trait ReadWords {
    fn read_error(&self, error: &ReadError) -> String;
}

/// One language's texts: its fixed labels and the messages with values, the words for text a
/// field could not read ([`ReadWords`]) and those of the plan screens ([`PlanWords`]).
pub trait Catalogue:
    Sync + ReadWords + PlanWords + ResultWords + FirstWords + SheetWords + CapacityWords + RemedyWords
{
    /// A fixed label.
    fn text(&self, m: Msg) -> &'static str;
    /// Month `1..=12`, full name.
    fn month(&self, month: u32) -> &'static str;
    /// What is wrong with a field.
    fn issue(&self, issue: &Issue) -> String;
    /// Something that happened.
    fn note(&self, note: &Note) -> String;
    /// "N needs, T trainees".
    fn needs_total(&self, needs: usize, trainees: i64) -> String;
    /// "N sessions, S seats".
    fn sessions_total(&self, sessions: usize, seats: i64) -> String;
    /// A table's page: "Needs 51–100 of 317".
    fn rows_shown(&self, from: usize, to: usize, total: usize) -> String;

    /// A date in words: `7 February 2027` (Gregorian calendar).
    fn date(&self, date: NaiveDate) -> String {
        format!("{} {} {}", date.day(), self.month(date.month()), date.year())
    }

    /// A range of dates, shortened when both ends share a month.
    fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            self.date(start)
        } else if start.year() == end.year() && start.month() == end.month() {
            format!("{}–{} {} {}", start.day(), end.day(), self.month(start.month()), start.year())
        } else {
            format!("{} – {}", self.date(start), self.date(end))
        }
    }

    /// The name of a training language code (`ar` -> "Arabic"); other codes as they are.
    fn language_name(&self, code: &str) -> String {
        match code {
            "ar" => self.text(Msg::LangAr).to_string(),
            "en" => self.text(Msg::LangEn).to_string(),
            "fr" => self.text(Msg::LangFr).to_string(),
            other => other.to_string(),
        }
    }
}

/// The label of a level `1..=3`.
pub fn level_msg(level: i64) -> Option<Msg> {
    [Msg::Level1, Msg::Level2, Msg::Level3].get(usize::try_from(level - 1).ok()?).copied()
}

/// The label of a priority `1..=5`.
pub fn priority_msg(priority: i64) -> Option<Msg> {
    [Msg::Priority1, Msg::Priority2, Msg::Priority3, Msg::Priority4, Msg::Priority5]
        .get(usize::try_from(priority - 1).ok()?)
        .copied()
}

/// The label of a delivery mode.
pub fn mode_msg(mode: &crate::model::Mode) -> Option<Msg> {
    use crate::model::Mode;
    match mode {
        Mode::InPerson => Some(Msg::ModeInPerson),
        Mode::Online => Some(Msg::ModeOnline),
        Mode::Blended => Some(Msg::ModeBlended),
        Mode::Unknown(_) => None,
    }
}

/// A character by its code point (`U+202E`), for characters that may be invisible.
pub(crate) fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Helpers shared by the catalogues for the parts of messages that are data.
pub(crate) fn first_problem(error: &ImportError) -> Option<(String, Issue)> {
    match error {
        ImportError::Invalid(problems) => problems.first().map(|p| (p.path.clone(), Issue::Problem(p.kind.clone()))),
        _ => None,
    }
}

/// The kind of thing, for messages about references.
pub(crate) fn thing_index(thing: Thing) -> usize {
    match thing {
        Thing::State => 0,
        Thing::Skill => 1,
        Thing::Course => 2,
        Thing::Need => 3,
        Thing::Session => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_MSGS: &[Msg] =
        &[Msg::AppName, Msg::SkipToMain, Msg::Saved, Msg::ExplainEquity, Msg::Problems, Msg::YearView];

    #[test]
    fn every_language_has_text_for_sampled_labels_and_all_months() {
        for lang in UiLang::ALL {
            let c = lang.catalogue();
            for m in ALL_MSGS {
                assert!(!c.text(*m).is_empty(), "{lang:?} {m:?}");
            }
            for month in 1..=12 {
                assert!(!c.month(month).is_empty());
            }
        }
    }

    #[test]
    fn thousands_are_grouped_by_three_with_the_sign_first() {
        assert_eq!(group(0, ','), "0");
        assert_eq!(group(999, ','), "999");
        assert_eq!(group(2831, ','), "2,831");
        assert_eq!(group(-1234567, '\u{202F}'), "-1\u{202F}234\u{202F}567");
        assert_eq!(group(i64::MIN, ',').len(), "-9,223,372,036,854,775,808".len());
    }

    #[test]
    fn arabic_is_right_to_left_and_remembered_by_code() {
        assert_eq!(UiLang::Ar.dir(), "rtl");
        assert_eq!(UiLang::En.dir(), "ltr");
        assert_eq!(UiLang::from_code("ar"), Some(UiLang::Ar));
        assert_eq!(UiLang::from_code("de"), None);
    }

    #[test]
    fn dates_are_written_in_the_chosen_language() {
        let d = NaiveDate::from_ymd_opt(2027, 2, 7).unwrap();
        assert_eq!(UiLang::En.catalogue().date(d), "7 February 2027");
        assert_eq!(UiLang::Ar.catalogue().date(d), "7 فبراير 2027");
        assert_eq!(UiLang::Fr.catalogue().date(d), "7 février 2027");
        let e = NaiveDate::from_ymd_opt(2027, 2, 11).unwrap();
        assert_eq!(UiLang::En.catalogue().date_range(d, e), "7–11 February 2027");
    }

    #[test]
    fn the_arabic_labels_are_arabic() {
        let arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for m in ALL_MSGS {
            if *m != Msg::AppName {
                assert!(arabic(UiLang::Ar.t(*m)), "{m:?}");
            }
        }
        assert!(arabic(&UiLang::Ar.catalogue().issue(&Issue::Problem(crate::model::ProblemKind::Empty))));
        assert!(arabic(&UiLang::Ar.catalogue().note(&Note::SaveFailed)));
    }

    /// Every kind of problem the core can report has words in every language (the compiler
    /// sees to it: each catalogue matches `ProblemKind` without a wildcard), and in Arabic
    /// they hold Arabic words, not only ids and numbers or an English sentence.
    #[test]
    fn every_problem_kind_has_words_in_every_language_and_arabic_words_in_arabic() {
        use crate::model::ProblemKind;
        let arabic_letters = |s: &str| s.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count();
        let samples = ProblemKind::samples();
        assert!(samples.len() > 40, "{}", samples.len());
        for kind in &samples {
            let issue = Issue::Problem(kind.clone());
            let [ar, en, fr] = UiLang::ALL.map(|lang| lang.catalogue().issue(&issue));
            assert!(!en.is_empty() && !fr.is_empty(), "{kind:?}");
            assert!(arabic_letters(&ar) >= 6, "{kind:?}: {ar}");
            // The Latin letters of an Arabic message are those of its data (ids, codes, the
            // field names of the file, the date pattern), never a sentence of its own.
            let latin_words = ar
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 1 && !w.chars().all(|c| c.is_ascii_uppercase()))
                .filter(|w| !format!("{kind:?}").contains(w))
                .count();
            assert_eq!(latin_words, 0, "{kind:?}: {ar}");
            assert_ne!(en, fr, "{kind:?}");
        }
        let internal = UiLang::Ar.catalogue().issue(&Issue::Internal("no field at x".into()));
        assert!(arabic_letters(&internal) >= 6, "{internal}");
    }

    /// Every clash of pins has Arabic words.
    #[test]
    fn every_clash_kind_has_arabic_words() {
        use crate::solve::ClashKind;
        use crate::ui::vm::plan::solved::PinClash;
        let kinds = [
            ClashKind::Trainees { need: "QA-1".into(), pinned: 7, trainees: 5 },
            ClashKind::Seats { session: "S".into(), pinned: 6, seats: 5 },
            ClashKind::StateCap { state: "TN".into(), session: "S".into(), pinned: 5, cap: 4 },
            ClashKind::Budget { state: "QA".into(), cost: 4000, budget: 3000, currency: "USD".into() },
            ClashKind::Minimum { session: "S".into(), reachable: 1, minimum: 3 },
            ClashKind::Together { sessions: vec![] },
            ClashKind::Together { sessions: vec!["S".into()] },
        ];
        for kind in kinds {
            let clash = PinClash { kind: kind.clone(), pins: vec![("QA-1".into(), "S".into(), 2)] };
            let ar = UiLang::Ar.catalogue().clash(&clash);
            assert!(ar.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count() >= 6, "{kind:?}: {ar}");
        }
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;
    use crate::model::{Problem, ProblemKind};
    use crate::ui::vm::edit::rows::InUse;
    use crate::ui::vm::plan::solved::SolveOutcome;

    const COUNTS: [i64; 6] = [0, 1, 2, 3, 11, 100];

    #[test]
    fn arabic_counts_take_each_of_the_six_forms() {
        let ar = UiLang::Ar.catalogue();
        assert_eq!(COUNTS.map(|n| ar.seats(n)), ["لا مقاعد", "مقعد واحد", "مقعدان", "3 مقاعد", "11 مقعدًا", "100 مقعد"]);
        assert_eq!(ar.adjustments(1, 2), "تثبيت واحد، استبعادان");
        assert_eq!(ar.needs_total(11, 100), "11 احتياجًا، 100 متدرب");
        let in_use = |count| ar.note(&Note::InUse(InUse { by: Thing::Session, count }));
        assert!(in_use(2).ends_with("في موعدين."), "{}", in_use(2));
        assert!(in_use(5).ends_with("في 5 مواعيد."), "{}", in_use(5));
    }

    #[test]
    fn french_counts_zero_and_one_in_the_singular_and_english_only_one() {
        let fr = UiLang::Fr.catalogue();
        assert_eq!([0, 1, 2].map(|n| fr.seats(n)), ["0 place", "1 place", "2 places"]);
        assert_eq!(fr.adjustments(0, 1), "0 affectation forcée, 1 exclusion");
        assert_eq!(fr.running(1, 4), "1 session sur 4 a lieu");
        let en = UiLang::En.catalogue();
        assert_eq!([0, 1, 2].map(|n| en.seats(n)), ["0 seats", "1 seat", "2 seats"]);
        assert_eq!(en.adjustments(1, 2), "1 pin, 2 exclusions");
        assert_eq!(en.note(&Note::InUse(InUse { by: Thing::Need, count: 1 })), "Cannot delete: 1 need still uses it.");
    }

    /// No counted text falls back on "problem(s)"-style words, in any language, for any count.
    #[test]
    fn no_count_is_written_with_a_bracketed_plural() {
        let problem = Problem { path: "needs[0].trainees".into(), kind: ProblemKind::Empty, position: None };
        for lang in UiLang::ALL {
            let c = lang.catalogue();
            for n in COUNTS {
                let k = usize::try_from(n).unwrap();
                let invalid = SolveOutcome::Invalid(vec![problem.clone(); k.max(1)]);
                let texts = [
                    c.seats(n),
                    c.fill(n, n),
                    c.coverage(n, n),
                    c.running(k, k),
                    c.unmet_total(k, n),
                    c.adjustments(k, k),
                    c.needs_total(k, n),
                    c.sessions_total(k, n),
                    c.outcome(&invalid),
                    c.note(&Note::Imported(Imported::Scenario { needs: k, sessions: k })),
                    c.note(&Note::InUse(InUse { by: Thing::Skill, count: k })),
                ];
                for text in texts {
                    assert!(
                        !text.contains("(s)") && !text.contains("(e)") && !text.contains("(es)"),
                        "{lang:?}: {text}"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod read_words_tests {
    use super::*;

    /// One of each kind; the catalogues' exhaustive matches make sure none is missing there.
    fn every_read_error() -> Vec<ReadError> {
        vec![
            ReadError::NotWholeNumber,
            ReadError::Fraction,
            ReadError::AmbiguousPoint { plain: "1000".into() },
            ReadError::TooLarge,
            ReadError::NotNumber,
            ReadError::Hijri { year: Some(1448) },
            ReadError::AmbiguousDate,
            ReadError::HasTime,
            ReadError::NotDate,
            ReadError::NotADay,
        ]
    }

    #[test]
    fn every_reading_error_has_words_in_every_language_and_arabic_ones_are_arabic() {
        let arabic = |s: &str| s.chars().filter(|c| ('\u{0600}'..='\u{06FF}').contains(c)).count() > 5;
        for error in every_read_error() {
            for lang in UiLang::ALL {
                let words = lang.catalogue().issue(&Issue::Read(error.clone()));
                assert!(!words.is_empty(), "{lang:?} {error:?}");
                assert_ne!(words, error.to_string(), "{lang:?} {error:?} is the core's English");
            }
            assert!(arabic(&UiLang::Ar.catalogue().issue(&Issue::Read(error.clone()))), "{error:?}");
        }
        let hijri = UiLang::Ar.catalogue().issue(&Issue::Read(ReadError::Hijri { year: None }));
        assert!(hijri.contains("هجري"), "{hijri}");
    }
}

#[cfg(test)]
mod shared_reason_tests {
    use super::UiLang;
    use crate::io::csv::{unmet_csv, CsvOptions};
    use crate::model::Scenario;
    use crate::solve::{solve, Options, Reason};

    #[test]
    fn the_unmet_reason_on_screen_is_the_one_in_the_downloaded_sheet() {
        // QA's need has no session of its skill; TN's session is too small for both needs.
        let scenario = Scenario::from_json(
            r#"{"format":"qudra-scenario","version":1,
            "states":[{"code":"QA","name":{"en":"Qatar"},"languages":["ar","en"]},
                      {"code":"TN","name":{"en":"Tunisia"},"languages":["ar","fr"]}],
            "skills":[{"id":"forensics","name":{"en":"DF"}},{"id":"osint","name":{"en":"OSINT"}}],
            "courses":[{"id":"DF-101","title":{"en":"DF"},"skill":"forensics","level":1,"language":"ar","mode":"in_person"}],
            "sessions":[{"id":"DF-101-A","course":"DF-101","start":"2027-02-07","end":"2027-02-11","seats":2}],
            "needs":[{"id":"QA-osint-1","state":"QA","skill":"osint","level":1,"trainees":2,"priority":4},
                     {"id":"TN-forensics-1","state":"TN","skill":"forensics","level":1,"trainees":5,"priority":4}]}"#,
        )
        .unwrap();
        let plan = solve(&scenario, &Options::default()).unwrap();
        let reasons: Vec<Reason> = plan.unmet.iter().map(|u| u.reason).collect();
        assert!(reasons.contains(&Reason::NoCompatibleSession) && reasons.contains(&Reason::Capacity), "{reasons:?}");
        for (lang, io_lang) in [(UiLang::En, crate::io::FileLang::En), (UiLang::Ar, crate::io::FileLang::Ar)] {
            let sheet = unmet_csv(&scenario, &plan, &CsvOptions { lang: io_lang, state: None }).unwrap();
            for reason in &reasons {
                let said = lang.catalogue().reason(*reason);
                assert!(sheet.contains(said), "{lang:?} {reason:?}: {said} not in\n{sheet}");
            }
        }
    }
}
