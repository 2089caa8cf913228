//! The words of spreadsheets in (`vm::edit::sheet`): importing a needs or sessions CSV,
//! pasting rows, the templates, and the report with every problem of the importer
//! ([`RowProblem`], typed by the core) and its place. Each language file implements
//! [`SheetWords`] in its own block, matching every [`S`] and every kind of problem without a
//! wildcard, so a kind without words in en, ar and fr does not compile.

use super::iso;
use crate::io::import::RowProblem;
use crate::ui::vm::edit::sheet::Report;

/// Every fixed label of spreadsheets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum S {
    /// The heading of the box.
    Spreadsheets,
    ImportNeeds,
    ImportSessions,
    NeedsTemplate,
    SessionsTemplate,
    PasteRows,
    PasteHint,
    AddPasted,
    ShowRow,
    RowOfFile,
    Close,
    /// Only the first problems are listed.
    FirstShown,
}

impl S {
    pub const ALL: [S; 12] = [
        S::Spreadsheets,
        S::ImportNeeds,
        S::ImportSessions,
        S::NeedsTemplate,
        S::SessionsTemplate,
        S::PasteRows,
        S::PasteHint,
        S::AddPasted,
        S::ShowRow,
        S::RowOfFile,
        S::Close,
        S::FirstShown,
    ];
}

/// One language's words for spreadsheets in.
pub trait SheetWords {
    /// A fixed label.
    fn s(&self, m: S) -> &'static str;
    /// The report's first sentence: how many rows were added and changed, or that nothing
    /// changed and how many problems there are.
    fn sheet_report(&self, report: &Report) -> String;
    /// Where a problem is: "Line 3, column trainees"; the file as a whole when `line` is 0.
    fn row_place(&self, line: usize, column: Option<&str>) -> String;
    /// What is wrong, in words.
    fn row_problem(&self, problem: &RowProblem) -> String;
}

/// Words a reader may pick from, each isolated: `a`, `a or b`, `a, b or c` (with the
/// language's `comma` and `or`).
pub(super) fn alternatives(words: &[impl AsRef<str>], comma: &str, or: &str) -> String {
    let words: Vec<String> = words.iter().map(|w| iso(w.as_ref())).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{}{or}{last}", first.join(comma)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::RowError;
    use crate::ui::i18n::UiLang;
    use crate::ui::vm::edit::sheet::{Outcome, Sheet, Source};
    use std::collections::BTreeMap;

    fn arabic_letters(s: &str) -> usize {
        s.chars().filter(|c| ('\u{0621}'..='\u{064A}').contains(c)).count()
    }

    /// Every kind of problem has words in every language, the three differ, the English is
    /// not the command line's sentence, and the Arabic is Arabic (Latin only in the data).
    #[test]
    fn every_import_problem_has_words_in_every_language_and_arabic_words_in_arabic() {
        let samples = RowProblem::samples();
        assert!(samples.len() > 30, "{}", samples.len());
        for problem in &samples {
            let [ar, en, fr] = UiLang::ALL.map(|lang| lang.catalogue().row_problem(problem));
            assert!(!en.is_empty() && !fr.is_empty(), "{problem:?}");
            assert_ne!(en, fr, "{problem:?}");
            assert!(arabic_letters(&ar) >= 6, "{problem:?}: {ar}");
            let latin_sentence = ar
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 3 && w.chars().all(|c| c.is_ascii_lowercase()))
                .filter(|w| !format!("{problem:?}").to_lowercase().contains(w))
                // The file's own words: its column names, the modes, the extension.
                .filter(|w| !["window", "start", "person", "online", "blended", "xlsx"].contains(w))
                .count();
            assert_eq!(latin_sentence, 0, "{problem:?}: {ar}");
        }
        for m in S::ALL {
            assert!(arabic_letters(UiLang::Ar.catalogue().s(m)) >= 2, "{m:?}");
            assert_ne!(UiLang::En.catalogue().s(m), UiLang::Fr.catalogue().s(m), "{m:?}");
        }
    }

    fn report(sheet: Sheet, outcome: Outcome) -> Report {
        Report { sheet, source: Source::File, outcome, rows: BTreeMap::new() }
    }

    #[test]
    fn the_report_counts_what_was_added_and_changed_in_each_language() {
        let needs = |added| report(Sheet::Needs, Outcome::Taken { added, changed: 0 });
        let en = UiLang::En.catalogue();
        assert_eq!(en.sheet_report(&needs(1)), "1 need added.");
        assert_eq!(en.sheet_report(&needs(12)), "12 needs added.");
        let sessions = report(Sheet::Sessions, Outcome::Taken { added: 1, changed: 2 });
        assert_eq!(en.sheet_report(&sessions), "1 session added, 2 changed.");
        assert_eq!(UiLang::Ar.catalogue().sheet_report(&needs(2)), "أُضيف احتياجان.");
        assert_eq!(UiLang::Ar.catalogue().sheet_report(&needs(11)), "أُضيف 11 احتياجًا.");
        assert_eq!(UiLang::Fr.catalogue().sheet_report(&needs(2)), "2 besoins ajoutés.");
        assert!(en.sheet_report(&needs(0)).contains("no rows"));
    }

    #[test]
    fn a_refused_file_says_nothing_changed_and_names_each_problems_line_and_column() {
        let error = RowError { line: 3, column: Some("trainees"), problem: RowProblem::Required };
        let refused = report(Sheet::Needs, Outcome::Refused(vec![error.clone(), error]));
        assert_eq!(
            UiLang::En.catalogue().sheet_report(&refused),
            "Nothing was imported: 2 problems to fix. Every row is imported together, or none."
        );
        let ar = UiLang::Ar.catalogue();
        assert!(ar.sheet_report(&refused).contains("مشكلتان"), "{}", ar.sheet_report(&refused));
        assert_eq!(UiLang::En.catalogue().row_place(3, Some("trainees")), "Line 3, column \u{2068}trainees\u{2069}");
        assert_eq!(ar.row_place(3, Some("trainees")), "السطر 3، العمود \u{2068}trainees\u{2069}");
        assert_eq!(UiLang::Fr.catalogue().row_place(0, None), "Le fichier");
    }
}
