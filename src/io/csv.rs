//! Spreadsheet files: the plan and the unmet needs as Excel-safe CSV, and the small
//! RFC 4180 reader the importers use.
//!
//! Written files are UTF-8 with a byte-order mark (so Excel shows Arabic), CRLF line ends,
//! and every text cell that a spreadsheet could take for a formula neutralised with a
//! leading `'` (OWASP "CSV injection").

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{check, rows, words, ExportError, FileLang};
use crate::model::{name_in, order, Need, NeedId, Scenario, StateCode};
use crate::solve::Plan;

/// Columns of the plan sheet (SPEC §5), in order.
pub const PLAN_COLUMNS: [&str; 14] = [
    "state",
    "state_name",
    "need",
    "skill",
    "level",
    "session",
    "course",
    "title",
    "start",
    "end",
    "location",
    "mode",
    "language",
    "seats",
];

/// Columns of the unmet-needs sheet, in order.
pub const UNMET_COLUMNS: [&str; 7] = ["need", "state", "state_name", "skill", "level", "seats", "reason"];

/// How to write a sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvOptions {
    /// Language of state names, course titles, locations and reasons.
    pub lang: FileLang,
    /// Only this state's rows; `None` for every state.
    pub state: Option<StateCode>,
}

/// The plan as a sheet: one row per allocation, sorted by state, start date, session, need.
pub fn plan_csv(scenario: &Scenario, plan: &Plan, options: &CsvOptions) -> Result<String, ExportError> {
    check(scenario, plan, options.state.as_ref())?;
    let lang = options.lang.code();
    let mut sheet = Sheet::new(&PLAN_COLUMNS);
    for row in rows(scenario, plan, options.state.as_ref()) {
        let state_name = scenario.state(&row.need.state).map(|s| name_in(&s.name, lang)).unwrap_or("");
        let course = scenario.course(&row.session.course);
        let start = row.session.start.to_string();
        let end = row.session.end.to_string();
        sheet.row(&[
            Cell::Text(row.need.state.as_str()),
            Cell::Text(state_name),
            Cell::Text(row.need.id.as_str()),
            Cell::Text(row.need.skill.as_str()),
            Cell::Number(row.need.level),
            Cell::Text(row.session.id.as_str()),
            Cell::Text(row.session.course.as_str()),
            Cell::Text(course.map(|c| name_in(&c.title, lang)).unwrap_or("")),
            Cell::Text(&start),
            Cell::Text(&end),
            Cell::Text(course.map(|c| c.location.in_lang(lang)).unwrap_or("")),
            Cell::Text(course.map(|c| c.mode.as_str()).unwrap_or("")),
            Cell::Text(course.map(|c| c.language.as_str()).unwrap_or("")),
            Cell::Number(row.seats),
        ]);
    }
    Ok(sheet.finish())
}

/// The needs left (partly) without seats, with the reason in words, sorted by state, need.
pub fn unmet_csv(scenario: &Scenario, plan: &Plan, options: &CsvOptions) -> Result<String, ExportError> {
    check(scenario, plan, options.state.as_ref())?;
    let lang = options.lang.code();
    let needs: BTreeMap<&NeedId, &Need> = order::map(scenario.needs.iter().map(|n| (&n.id, n)));
    let mut unmet: Vec<_> = plan
        .unmet
        .iter()
        .filter_map(|u| Some((*needs.get(&u.need)?, u)))
        .filter(|(need, _)| options.state.as_ref().is_none_or(|code| &need.state == code))
        .collect();
    order::sort_by_key(&mut unmet, |(need, _)| (&need.state, &need.id));
    let mut sheet = Sheet::new(&UNMET_COLUMNS);
    for (need, u) in unmet {
        let state_name = scenario.state(&need.state).map(|s| name_in(&s.name, lang)).unwrap_or("");
        sheet.row(&[
            Cell::Text(need.id.as_str()),
            Cell::Text(need.state.as_str()),
            Cell::Text(state_name),
            Cell::Text(need.skill.as_str()),
            Cell::Number(need.level),
            Cell::Number(u.seats),
            Cell::Text(words::reason(u.reason, options.lang)),
        ]);
    }
    Ok(sheet.finish())
}

/// One cell of a written sheet. Numbers are written as they are; text is neutralised and
/// quoted by [`text_cell`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(&'a str),
    Number(i64),
}

/// A sheet being written: BOM, header, then rows, every line ending in CRLF.
pub struct Sheet {
    out: String,
}

impl Sheet {
    pub fn new(columns: &[&str]) -> Sheet {
        let mut sheet = Sheet { out: String::from('\u{feff}') };
        let header: Vec<Cell> = columns.iter().map(|c| Cell::Text(c)).collect();
        sheet.row(&header);
        sheet
    }

    pub fn row(&mut self, cells: &[Cell]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match cell {
                Cell::Text(text) => self.out.push_str(&text_cell(text)),
                Cell::Number(number) => self.out.push_str(&number.to_string()),
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
/// (or strip them and then do).
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '\t', '\r', '\n', '\0'];

/// True when a spreadsheet could run the cell as a formula.
pub fn is_formula_like(text: &str) -> bool {
    text.starts_with(FORMULA_STARTS)
}

/// A text cell as written: a leading `'` when it could be taken for a formula, then RFC 4180
/// quoting when it holds a comma, semicolon (the list separator of many Excel locales), quote,
/// line break or tab, or starts or ends with a space.
///
/// `=1+2";=1+2` becomes `"'=1+2"";=1+2"`.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    let neutral: Cow<str> = if is_formula_like(text) { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) };
    let needs_quotes =
        neutral.contains([',', ';', '"', '\r', '\n', '\t']) || neutral.starts_with(' ') || neutral.ends_with(' ');
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", neutral.replace('"', "\"\"")))
    } else {
        neutral
    }
}

/// One record of a CSV file: its cells, its row as a spreadsheet numbers it (the record's
/// ordinal, 1 for the first, blank records included) and the text line it starts on (which
/// is larger after a cell holding a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub row: usize,
    pub line: usize,
    pub cells: Vec<String>,
}

/// A quoted cell that is never closed: the only way a CSV file cannot be split into records.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}: a quoted cell starts here and is never closed (a \" is missing)")]
pub struct UnclosedQuote {
    /// The row (record ordinal) the quote is in.
    pub row: usize,
    /// The text line it starts on.
    pub line: usize,
}

/// Splits CSV text into records (RFC 4180, read leniently the way spreadsheets do): cells are
/// separated by `delimiter`, records by CRLF, LF or CR; a quoted cell may hold delimiters,
/// line breaks and doubled quotes; text after a closing quote is kept. Blank lines give a
/// record with one empty cell. See [`Records`] to read one record at a time.
pub fn parse(text: &str, delimiter: char) -> Result<Vec<Record>, UnclosedQuote> {
    Records::new(text, delimiter).collect()
}

/// How many records of `text` hold something besides delimiters and spaces: at least the
/// number of rows [`parse`] gives that are not blank, counted without allocating, so a
/// reader can size its list once instead of doubling it (a doubling briefly holds the old
/// and the new list, the largest allocation of a big import).
pub fn count_filled_records(text: &str, delimiter: char) -> usize {
    let delimiter = u8::try_from(delimiter).unwrap_or(b',');
    let (mut count, mut filled, mut quoted) = (0, false, false);
    let mut bytes = text.bytes().peekable();
    while let Some(byte) = bytes.next() {
        match byte {
            b'"' if quoted && bytes.peek() == Some(&b'"') => {
                bytes.next();
            }
            b'"' => {
                quoted = !quoted;
                filled = true;
            }
            b'\r' | b'\n' if !quoted => {
                count += usize::from(filled);
                filled = false;
            }
            b' ' | b'\t' => {}
            byte if byte == delimiter => {}
            _ => filled = true,
        }
    }
    count + usize::from(filled)
}

/// The records of CSV text one at a time, as [`parse`] splits them, so that a large file is
/// never held as cells all at once (only the record being read is).
pub struct Records<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    delimiter: char,
    /// Text line the next record starts on, and rows read so far.
    line: usize,
    rows: usize,
    failed: bool,
}

impl<'a> Records<'a> {
    pub fn new(text: &'a str, delimiter: char) -> Records<'a> {
        Records { chars: text.chars().peekable(), delimiter, line: 1, rows: 0, failed: false }
    }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, UnclosedQuote>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        self.chars.peek()?;
        let record_line = self.line;
        let row = self.rows + 1;
        let mut cells = Vec::new();
        let mut cell = String::new();
        while let Some(ch) = self.chars.next() {
            if ch == '"' && cell.is_empty() {
                let quote_line = self.line;
                loop {
                    match self.chars.next() {
                        Some('"') if self.chars.peek() == Some(&'"') => {
                            self.chars.next();
                            cell.push('"');
                        }
                        Some('"') => break,
                        Some(inner) => {
                            if inner == '\n' || (inner == '\r' && self.chars.peek() != Some(&'\n')) {
                                self.line += 1;
                            }
                            cell.push(inner);
                        }
                        None => {
                            self.failed = true;
                            return Some(Err(UnclosedQuote { row, line: quote_line }));
                        }
                    }
                }
            } else if ch == self.delimiter {
                cells.push(std::mem::take(&mut cell));
            } else if ch == '\r' || ch == '\n' {
                if ch == '\r' && self.chars.peek() == Some(&'\n') {
                    self.chars.next();
                }
                self.line += 1;
                break;
            } else {
                cell.push(ch);
            }
        }
        cells.push(cell);
        self.rows = row;
        Some(Ok(Record { row, line: record_line, cells }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owasp_example_is_neutralised_and_quoted() {
        assert_eq!(text_cell("=1+2\";=1+2"), "\"'=1+2\"\";=1+2\"");
    }

    #[test]
    fn every_formula_start_gets_an_apostrophe() {
        for start in ["=", "+", "-", "@", "\t", "\r", "\n", "\0"] {
            let text = format!("{start}SUM(A1)");
            let cell = text_cell(&text);
            assert!(cell.trim_start_matches('"').starts_with('\''), "{start:?} gave {cell:?}");
        }
        assert_eq!(text_cell("Doha"), "Doha");
        assert_eq!(text_cell("قطر"), "قطر");
    }

    #[test]
    fn quoted_cells_hold_delimiters_and_line_breaks() {
        let records = parse("a,\"b,c\"\r\n\"d\r\ne\",\"f\"\"g\"\nh", ',').unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].cells, ["a", "b,c"]);
        assert_eq!(records[1].line, 2);
        assert_eq!(records[1].cells, ["d\r\ne", "f\"g"]);
        assert_eq!(records[2].line, 4);
        assert_eq!(records[2].row, 3, "the spreadsheet's third row, after a cell with a line break");
        assert_eq!(records[2].cells, ["h"]);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(parse("a\nb,\"c\n", ','), Err(UnclosedQuote { row: 2, line: 2 }));
    }

    #[test]
    fn filled_records_are_counted_as_parse_splits_them() {
        let text = "h1,h2\r\n,\n\"a\nb\",c\n\n \"x\"\"y\"\rlast";
        let filled = parse(text, ',').unwrap().iter().filter(|r| r.cells.iter().any(|c| !c.trim().is_empty())).count();
        assert_eq!(filled, 4);
        assert_eq!(count_filled_records(text, ','), 4);
    }

    #[test]
    fn a_trailing_delimiter_makes_an_empty_cell() {
        assert_eq!(parse("a,\n", ',').unwrap()[0].cells, ["a", ""]);
        assert_eq!(parse("a;b", ';').unwrap()[0].cells, ["a", "b"]);
    }
}
