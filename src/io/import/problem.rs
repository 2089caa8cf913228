//! What can be wrong with an imported spreadsheet, as data: each kind carries its figures (the
//! text typed, the nearest known words, the column, the core's [`ProblemKind`]) so that the
//! browser phrases it in the interface's language; `Display` writes the command line's
//! English sentence.

use std::fmt;

use chrono::NaiveDate;

use crate::model::read::ReadError;
use crate::model::ProblemKind;

/// One kind of problem of an imported file, a row or a cell (see [`super::RowError`] for
/// where it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// Nothing but a byte-order mark and white space.
    EmptyFile,
    /// An Excel workbook (`.xlsx`) saved under a `.csv` name.
    Workbook,
    /// An old Excel workbook (`.xls`) under a `.csv` name.
    OldWorkbook,
    /// UTF-16 text (Excel's "Unicode Text").
    Utf16,
    /// Bytes that are not UTF-8 from this row on (the Windows Arabic code page, usually).
    NotUtf8,
    /// No header row at all.
    NoHeader,
    /// A quoted cell starts in this row and is never closed; `text_line` is the text line it
    /// starts on.
    UnclosedQuote { text_line: usize },
    /// A header names the same column twice.
    RepeatedColumn { column: &'static str },
    /// A header cell that is no column of the file; `known` lists the columns.
    UnknownColumn { found: String, known: &'static [&'static str] },
    /// A required column is not in the header.
    MissingColumn { column: &'static str, known: &'static [&'static str] },
    /// A row with filled cells beyond the header's columns.
    TooManyCells { cells: usize, columns: usize },
    /// A bidi control character (U+202A–202E, U+2066–2069) in a cell.
    BidiControl { found: char },
    /// A required cell is empty.
    Required,
    /// A number or date that cannot be read (the same reader as the app's fields).
    Read { text: String, error: ReadError },
    /// A name two states share.
    AmbiguousState { typed: String },
    /// No state is written so; `near` are the nearest codes, `known` every code.
    UnknownState { typed: String, near: Vec<String>, known: Vec<String> },
    /// A row of another state in a focal point's file of `only`'s needs.
    OtherState { found: String, only: String },
    /// No skill has this id; `near` are the nearest ids, `known` every id.
    UnknownSkill { typed: String, near: Vec<String>, known: Vec<String> },
    /// Not a language code; `named` is the code when a language's name was written.
    NotLanguageCode { item: String, named: Option<&'static str> },
    /// Not a delivery mode; `near` are the nearest modes.
    UnknownMode { item: String, near: Vec<&'static str> },
    /// `window_end` alone, before the horizon begins.
    EndBeforeHorizon { end: NaiveDate },
    /// `window_start` alone, after the horizon ends.
    StartAfterHorizon { start: NaiveDate },
    /// One end of the window without a horizon to take the other from.
    HalfWindow,
    /// The same session id twice in one file.
    RepeatedSession { id: String, first_line: usize },
    /// The core's validation of the merged scenario, about the row's own need or session.
    Invalid { path: String, kind: Box<ProblemKind> },
    /// The core's validation of a pin or exclusion, broken by this row.
    AfterRow { path: String, kind: Box<ProblemKind> },
    /// The core's validation of the scenario itself (not this file).
    InScenario { path: String, kind: Box<ProblemKind> },
    /// Past the first [`super::FULL_PROBLEMS`] problems: this row has problems too.
    MoreInRow,
}

const SAVE_AS: &str = "in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\"";

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RowProblem as R;
        match self {
            R::EmptyFile => f.write_str("the file is empty"),
            R::Workbook => write!(f, "this is an Excel workbook (.xlsx) with a .csv name, not a CSV file; {SAVE_AS}"),
            R::OldWorkbook => {
                write!(f, "this is an old Excel workbook (.xls) with a .csv name, not a CSV file; {SAVE_AS}")
            }
            R::Utf16 => write!(f, "this file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8 CSV; {SAVE_AS}"),
            R::NotUtf8 => write!(
                f,
                "this row is not UTF-8 text: the file was probably saved as \"CSV (Comma delimited)\" \
                 in the Windows Arabic code page (1256), which garbles Arabic; {SAVE_AS}"
            ),
            R::NoHeader => f.write_str("the file has no header row"),
            R::UnclosedQuote { text_line } => write!(
                f,
                "a quoted cell starts in this row (text line {text_line}) and is never closed (a \" is missing)"
            ),
            R::RepeatedColumn { column } => write!(f, "column \"{column}\" appears twice in the header"),
            R::UnknownColumn { found, known } => {
                write!(f, "unknown column \"{found}\" in the header (the columns are: {})", known.join(", "))
            }
            R::MissingColumn { column, known } => {
                write!(f, "the header has no \"{column}\" column (the columns are: {})", known.join(", "))
            }
            R::TooManyCells { cells, columns } => {
                write!(f, "the row has {cells} cells but the header has {columns} columns (is a comma missing quotes?)")
            }
            R::BidiControl { found } => write!(
                f,
                "contains an invisible direction control character (U+{:04X}) that can make the text \
                 show differently from what it is; retype the cell",
                *found as u32
            ),
            R::Required => f.write_str("is empty; this column is required"),
            R::Read { text, error } => f.write_str(&error.about(text)),
            R::AmbiguousState { typed } => write!(f, "\"{typed}\" names more than one state; write the state's code"),
            R::UnknownState { typed, near, known } => {
                write!(f, "unknown state \"{typed}\"{}", did_you_mean(near, Some(known)))
            }
            R::OtherState { found, only } => {
                write!(f, "this row is for {found}, but only {only}'s needs are imported here")
            }
            R::UnknownSkill { typed, near, known } => {
                write!(f, "unknown skill \"{typed}\"{}", did_you_mean(near, Some(known)))
            }
            R::NotLanguageCode { item, named } => {
                let hint = match named {
                    Some(code) => format!("; did you mean \"{code}\"?"),
                    None => " (separate several with ;)".to_string(),
                };
                write!(f, "\"{item}\" is not a language code such as ar, en or fr{hint}")
            }
            R::UnknownMode { item, near } => {
                let hint = match near.as_slice() {
                    [] => " (use in_person, online or blended, separated by ;)".to_string(),
                    near => did_you_mean(near, None),
                };
                write!(f, "unknown mode \"{item}\"{hint}")
            }
            R::EndBeforeHorizon { end } => write!(
                f,
                "{end} is before the scenario's horizon begins; with window_start empty the window \
                 starts with the horizon, so give a window_start or a later window_end"
            ),
            R::StartAfterHorizon { start } => write!(
                f,
                "{start} is after the scenario's horizon ends; with window_end empty the window \
                 ends with the horizon, so give a window_end or an earlier window_start"
            ),
            R::HalfWindow => f.write_str(
                "is empty but the other end of the window is given, and the scenario has no horizon to \
                 take it from; give both dates or neither",
            ),
            R::RepeatedSession { id, first_line } => {
                write!(f, "session \"{id}\" is already on row {first_line} of this file")
            }
            R::Invalid { kind, .. } => write!(f, "{kind}"),
            R::AfterRow { path, kind } => write!(f, "after this row, {path}: {kind}"),
            R::InScenario { path, kind } => write!(f, "in the scenario (not this file), {path}: {kind}"),
            R::MoreInRow => f.write_str("this row has problems too (not listed one by one: fix the rows above first)"),
        }
    }
}

/// `; did you mean "a"?` / `; did you mean "a" or "b"?`, or the list of what may be written
/// when nothing is near (and the list is short enough to read).
pub fn did_you_mean<S: AsRef<str>>(near: &[S], all: Option<&[String]>) -> String {
    let quoted: Vec<String> = near.iter().map(|w| format!("\"{}\"", w.as_ref())).collect();
    match quoted.as_slice() {
        [] => match all {
            Some(all) if !all.is_empty() && all.len() <= 12 => format!(" (known: {})", all.join(", ")),
            _ => String::new(),
        },
        [one] => format!("; did you mean {one}?"),
        [first @ .., last] => format!("; did you mean {} or {last}?", first.join(", ")),
    }
}

impl RowProblem {
    /// One of each kind, for the tests of every language's words.
    #[doc(hidden)]
    pub fn samples() -> Vec<RowProblem> {
        use RowProblem as R;
        let date = NaiveDate::from_ymd_opt(2027, 3, 12).unwrap_or_default();
        vec![
            R::EmptyFile,
            R::Workbook,
            R::OldWorkbook,
            R::Utf16,
            R::NotUtf8,
            R::NoHeader,
            R::UnclosedQuote { text_line: 7 },
            R::RepeatedColumn { column: "level" },
            R::UnknownColumn { found: "skil".into(), known: &super::NEEDS_COLUMNS },
            R::MissingColumn { column: "skill", known: &super::NEEDS_COLUMNS },
            R::TooManyCells { cells: 12, columns: 10 },
            R::BidiControl { found: '\u{202E}' },
            R::Required,
            R::Read { text: "two".into(), error: ReadError::NotNumber },
            R::AmbiguousState { typed: "Congo".into() },
            R::UnknownState { typed: "Qatr".into(), near: vec!["QA".into()], known: vec!["QA".into(), "TN".into()] },
            R::UnknownState { typed: "Zz".into(), near: vec![], known: vec!["QA".into(), "TN".into()] },
            R::OtherState { found: "TN".into(), only: "QA".into() },
            R::UnknownSkill { typed: "forensic".into(), near: vec!["forensics".into()], known: vec![] },
            R::UnknownSkill { typed: "zzz".into(), near: vec![], known: vec!["crypto".into(), "forensics".into()] },
            R::NotLanguageCode { item: "Arabic".into(), named: Some("ar") },
            R::NotLanguageCode { item: "ar fr".into(), named: None },
            R::UnknownMode { item: "onlin".into(), near: vec!["online"] },
            R::UnknownMode { item: "zzz".into(), near: vec![] },
            R::EndBeforeHorizon { end: date },
            R::StartAfterHorizon { start: date },
            R::HalfWindow,
            R::RepeatedSession { id: "DF-101-A".into(), first_line: 2 },
            R::Invalid { path: "needs[3].trainees".into(), kind: Box::new(ProblemKind::TraineesMin { trainees: 0 }) },
            R::AfterRow { path: "pins[0]".into(), kind: Box::new(ProblemKind::Empty) },
            R::InScenario { path: "settings.budget".into(), kind: Box::new(ProblemKind::Empty) },
            R::MoreInRow,
        ]
    }
}
