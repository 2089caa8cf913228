//! Focal points' and the centre's spreadsheets back into a scenario (SPEC §5): the needs CSV
//! and the sessions CSV, all rows or nothing.
//!
//! Each importer reads every row, reports every bad one with its line number and column,
//! merges the good ones into a copy of the scenario, validates that copy as a whole (SPEC §2)
//! and maps the problems of imported rows back to their lines. Only when nothing is wrong
//! does it return the new scenario; the scenario passed in is never changed.
//!
//! Decisions (see also README "Exchange files"):
//! - Needs are always **added**. The file has no id column; each new need gets the id
//!   `<STATE>-<skill>-<level>`, or `<STATE>-<skill>-<level>-<n>` with the smallest `n >= 2`
//!   that no other need has. Importing the same file twice adds the needs twice.
//! - Sessions are **added or replaced**: a row whose `session` id is already in the scenario
//!   replaces that session in place (the centre exports its list, edits dates or seats, and
//!   brings it back); empty optional cells mean the SPEC default, so an empty
//!   `max_per_state` removes the cap. The same id twice in one file is an error.
//! - Empty optional cells mean the SPEC default: no window (the horizon), the state's
//!   languages, all modes; no cap, minimum 0, cost 0, open to all states.

mod cells;
mod names;
mod problem;

pub use problem::RowProblem;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::model::{
    order, read, validate, CourseId, DateRange, Mode, Need, NeedId, NeedIds, ProblemKind, Scenario, Session, SessionId,
    SkillId, StateCode,
};

use super::csv::{count_filled_records, Record, Records, UnclosedQuote};

/// Columns of the needs CSV (SPEC §5), in template order.
pub const NEEDS_COLUMNS: [&str; 10] =
    ["state", "skill", "level", "trainees", "priority", "window_start", "window_end", "languages", "modes", "note"];
const NEEDS_REQUIRED: [&str; 5] = ["state", "skill", "level", "trainees", "priority"];

/// Columns of the sessions CSV (SPEC §5), in template order.
pub const SESSIONS_COLUMNS: [&str; 9] =
    ["session", "course", "start", "end", "seats", "max_per_state", "min_participants", "cost_per_seat", "open_to"];
const SESSIONS_REQUIRED: [&str; 5] = ["session", "course", "start", "end", "seats"];

/// One thing wrong with an imported file: where (row, column) and what, as data
/// ([`RowProblem`]); `Display` writes it as the command line does, `row 3, trainees: …`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{problem}", place(*.line, .column.as_deref()))]
pub struct RowError {
    /// The row as the spreadsheet numbers it: the record's ordinal in the file, the header
    /// being row 1 and blank rows counted, so a cell holding a line break does not shift
    /// the rows after it (the text line a row starts on can be larger). 0 means the file as
    /// a whole.
    pub line: usize,
    /// The CSV column the problem is in, when it is in one.
    pub column: Option<&'static str>,
    /// What is wrong. After the first [`FULL_PROBLEMS`] problems, each further row with
    /// problems is one [`RowProblem::MoreInRow`], so that a file of a million bad rows costs
    /// a small struct per row, not a sentence per cell.
    pub problem: RowProblem,
}

fn place(line: usize, column: Option<&str>) -> String {
    match (line, column) {
        (0, _) => String::new(),
        (row, Some(column)) => format!("row {row}, {column}: "),
        (row, None) => format!("row {row}: "),
    }
}

impl RowError {
    fn file(problem: RowProblem) -> RowError {
        RowError { line: 0, column: None, problem }
    }

    /// The command line's English words for the problem, without its place.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

/// A successful import: the new scenario and what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub scenario: Scenario,
    /// Rows that became new needs or sessions.
    pub added: usize,
    /// Rows that replaced a session of the same id.
    pub replaced: usize,
}

/// Merges a needs CSV into a copy of `scenario`: every row becomes a new need.
pub fn needs_csv(scenario: &Scenario, bytes: &[u8]) -> Result<Imported, Vec<RowError>> {
    needs_csv_of(scenario, bytes, None)
}

/// [`needs_csv`] for one state's focal point: a row of any other state is a problem
/// ([`RowProblem::OtherState`]).
pub fn needs_csv_of(scenario: &Scenario, bytes: &[u8], only: Option<&StateCode>) -> Result<Imported, Vec<RowError>> {
    let (table, records) = Table::read(bytes, &NEEDS_COLUMNS, &NEEDS_REQUIRED)?;
    let rows = records.filled();
    let mut errors = Vec::new();
    let mut merged = scenario.clone();
    let mut ids = NeedIds::new(scenario);
    let first = merged.needs.len();
    let mut lines = Vec::new();
    let mut unreadable = BTreeSet::new();
    let known = Known { only, ..Known::new(scenario) };
    for record in records {
        let record = record?;
        let row = Row { table: &table, record: &record, line: record.row };
        let before = errors.len();
        let mut need = need_of(&row, scenario, &known, &mut errors);
        if collapse(&mut errors, before) {
            continue;
        }
        unreadable.extend(errors[before..].iter().filter_map(|e| Some((e.line, e.column?))));
        need.id = ids.fresh(&need.state, &need.skill, need.level);
        if merged.needs.len() == merged.needs.capacity() {
            // Sized once for the rows left instead of doubled (see `count_filled_records`).
            merged.needs.reserve_exact(rows.saturating_sub(lines.len()).max(1));
        }
        merged.needs.push(need);
        lines.push(row.line);
    }
    let added = lines.len();
    lines.shrink_to_fit();
    let origin = Origin { first_need: first, need_lines: lines, sessions: BTreeMap::new(), unreadable };
    finish(merged, origin, errors, added, 0)
}

/// Merges a sessions CSV into a copy of `scenario`: a row adds a session, or replaces the
/// session with the same id.
pub fn sessions_csv(scenario: &Scenario, bytes: &[u8]) -> Result<Imported, Vec<RowError>> {
    let (table, records) = Table::read(bytes, &SESSIONS_COLUMNS, &SESSIONS_REQUIRED)?;
    let mut errors = Vec::new();
    let mut merged = scenario.clone();
    let mut position: BTreeMap<SessionId, usize> =
        order::map(scenario.sessions.iter().enumerate().map(|(i, s)| (s.id.clone(), i)));
    let mut seen_in_file: BTreeMap<SessionId, usize> = BTreeMap::new();
    let mut origin = Origin::default();
    let (mut added, mut replaced) = (0, 0);
    for record in records {
        let record = record?;
        let row = Row { table: &table, record: &record, line: record.row };
        let before = errors.len();
        let session = session_of(&row, scenario, &mut errors);
        if collapse(&mut errors, before) {
            continue;
        }
        origin.unreadable.extend(errors[before..].iter().filter_map(|e| Some((e.line, e.column?))));
        if origin.unreadable.contains(&(row.line, "session")) {
            continue; // without its id the row can be neither added nor matched
        }
        if let Some(first_line) = seen_in_file.get(&session.id) {
            errors.push(row.error(
                Some("session"),
                RowProblem::RepeatedSession { id: session.id.to_string(), first_line: *first_line },
            ));
            continue;
        }
        seen_in_file.insert(session.id.clone(), row.line);
        let index = match position.get(&session.id) {
            Some(&index) => {
                merged.sessions[index] = session;
                replaced += 1;
                index
            }
            None => {
                position.insert(session.id.clone(), merged.sessions.len());
                merged.sessions.push(session);
                added += 1;
                merged.sessions.len() - 1
            }
        };
        origin.sessions.insert(index, row.line);
    }
    finish(merged, origin, errors, added, replaced)
}

/// Validates the merged scenario, maps its problems to lines, and decides all or nothing.
fn finish(
    merged: Scenario,
    origin: Origin,
    mut errors: Vec<RowError>,
    added: usize,
    replaced: usize,
) -> Result<Imported, Vec<RowError>> {
    // Problems of cells that could not be read were reported already; the stand-in values
    // that let the rest of such a row be checked must not add problems of their own.
    errors.extend(
        validate(&merged)
            .iter()
            .map(|p| origin.locate(&merged, &p.path, &p.kind))
            .filter(|e| !e.column.as_ref().is_some_and(|c| origin.unreadable.contains(&(e.line, *c)))),
    );
    if errors.is_empty() {
        return Ok(Imported { scenario: merged, added, replaced });
    }
    // Line order, keeping each line's errors in the order found (cell errors first).
    order::sort_by_key(&mut errors, |e| e.line);
    errors.dedup();
    if errors.len() > FULL_PROBLEMS {
        let tail = errors.split_off(FULL_PROBLEMS);
        for error in tail {
            if errors.last().is_none_or(|last| last.line != error.line) {
                errors.push(RowError { line: error.line, column: None, problem: RowProblem::MoreInRow });
            }
        }
    }
    Err(errors)
}

/// Problems an import reports one by one, each with its message; after them, each further
/// row with problems is one entry saying so (see [`RowError::message`]).
pub const FULL_PROBLEMS: usize = 1000;

/// Once [`FULL_PROBLEMS`] are listed, turns the problems a row added (from `before` on) into
/// one short entry, and says so: such a row is then left out of the merge, since nothing is
/// imported anyway and its stand-in values would only add problems of their own.
fn collapse(errors: &mut Vec<RowError>, before: usize) -> bool {
    if before < FULL_PROBLEMS || errors.len() == before {
        return false;
    }
    let line = errors[before].line;
    errors.truncate(before);
    errors.push(RowError { line, column: None, problem: RowProblem::MoreInRow });
    true
}

/// Which line each imported need or session came from, by its index in the merged scenario.
#[derive(Default)]
struct Origin {
    /// Imported needs are appended: the one at `first_need + i` came from row `need_lines[i]`.
    first_need: usize,
    need_lines: Vec<usize>,
    sessions: BTreeMap<usize, usize>,
    /// (line, column) of cells that could not be read and hold a stand-in value.
    unreadable: BTreeSet<(usize, &'static str)>,
}

impl Origin {
    fn need_line(&self, index: usize) -> Option<&usize> {
        self.need_lines.get(index.checked_sub(self.first_need)?)
    }

    /// A validation problem as a row error: on the line of the row it is about, in the CSV
    /// column of the field; problems elsewhere in the scenario are named by their JSON path.
    fn locate(&self, merged: &Scenario, path: &str, kind: &ProblemKind) -> RowError {
        let kind = Box::new(kind.clone());
        if let Some((list, index, field)) = split_path(path) {
            let line = match list {
                "needs" => self.need_line(index),
                "sessions" => self.sessions.get(&index),
                "pins" => merged.pins.get(index).and_then(|pin| self.line_of(merged, &pin.need, &pin.session)),
                "exclusions" => merged.exclusions.get(index).and_then(|ex| self.line_of(merged, &ex.need, &ex.session)),
                _ => None,
            };
            if let Some(&line) = line {
                let column = match list {
                    "needs" => need_column(field),
                    "sessions" => session_column(field),
                    _ => None,
                };
                let problem = if matches!(list, "pins" | "exclusions") {
                    RowProblem::AfterRow { path: path.to_string(), kind }
                } else {
                    RowProblem::Invalid { path: path.to_string(), kind }
                };
                return RowError { line, column, problem };
            }
        }
        RowError::file(RowProblem::InScenario { path: path.to_string(), kind })
    }

    /// The line of an imported need or session a pin or exclusion refers to.
    fn line_of(&self, merged: &Scenario, need: &NeedId, session: &SessionId) -> Option<&usize> {
        let need_line = merged.needs.iter().position(|n| &n.id == need).and_then(|i| self.need_line(i));
        let session_line = merged.sessions.iter().position(|s| &s.id == session).and_then(|i| self.sessions.get(&i));
        need_line.or(session_line)
    }
}

/// `needs[12].window.start` -> ("needs", 12, "window.start").
fn split_path(path: &str) -> Option<(&str, usize, &str)> {
    let open = path.find('[')?;
    let close = open + path[open..].find(']')?;
    let index = path[open + 1..close].parse().ok()?;
    let field = path[close + 1..].trim_start_matches('.');
    Some((&path[..open], index, field))
}

/// The needs CSV column of a need's JSON field.
fn need_column(field: &str) -> Option<&'static str> {
    let name = field.split(['.', '[']).next().unwrap_or("");
    Some(match (name, field) {
        ("window", f) if f.ends_with("end") => "window_end",
        ("window", _) => "window_start",
        ("state", _) => "state",
        ("skill", _) => "skill",
        ("level", _) => "level",
        ("trainees", _) => "trainees",
        ("priority", _) => "priority",
        ("languages", _) => "languages",
        ("modes", _) => "modes",
        ("note", _) => "note",
        _ => return None,
    })
}

/// The sessions CSV column of a session's JSON field.
fn session_column(field: &str) -> Option<&'static str> {
    let name = field.split(['.', '[']).next().unwrap_or("");
    SESSIONS_COLUMNS.iter().find(|c| **c == name).copied().or(if name == "id" { Some("session") } else { None })
}

/// True when the first line of `text` is a header of `columns` (its first cell names one of
/// them), so that pasted rows without a header can be given the template's.
pub fn has_header(text: &str, columns: &[&str]) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let cell = first.split([',', ';', '\t']).next().unwrap_or("");
    let name = cells::column_name(&cells::clean(cell).unwrap_or_default());
    columns.contains(&name.as_str())
}

/// The header's cells and the cells of row `row` of a file (rows numbered as in
/// [`RowError::line`]), to show the row a problem is in; `None` when the file cannot be read
/// or has no such row.
pub fn row_cells(bytes: &[u8], row: usize) -> Option<(Vec<String>, Vec<String>)> {
    let text = cells::decode(bytes).ok()?;
    let mut records = Records::new(text, cells::delimiter(text));
    let header = records.next()?.ok()?;
    if row <= 1 {
        return (row == 1).then(|| (header.cells.clone(), header.cells));
    }
    let record = records.map_while(Result::ok).find(|r| r.row == row)?;
    Some((header.cells, record.cells))
}

/// The checked header of a CSV file.
struct Table {
    /// Position of each known column in the file, by column name.
    columns: BTreeMap<&'static str, usize>,
    header_width: usize,
}

/// The data rows after the header, read one at a time (a large file is never held as cells
/// all at once), skipping rows whose cells are all empty (spreadsheets leave them). A quote
/// that is never closed ends the import with that one error: the rows after it cannot be told
/// apart.
struct DataRows<'a>(Records<'a>, usize);

impl DataRows<'_> {
    /// At least the number of rows left that are not blank (see `count_filled_records`).
    fn filled(&self) -> usize {
        self.1
    }
}

impl Iterator for DataRows<'_> {
    type Item = Result<Record, Vec<RowError>>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.0.next()? {
                Ok(record) if is_blank(&record) => continue,
                Ok(record) => return Some(Ok(record)),
                Err(err) => return Some(Err(vec![unclosed(&err)])),
            }
        }
    }
}

fn unclosed(err: &UnclosedQuote) -> RowError {
    RowError { line: err.row, column: None, problem: RowProblem::UnclosedQuote { text_line: err.line } }
}

impl Table {
    /// Decodes the bytes, reads and checks the header; any failure here stops the import,
    /// since rows cannot be read without knowing the columns.
    fn read<'a>(
        bytes: &'a [u8],
        known: &'static [&'static str],
        required: &[&'static str],
    ) -> Result<(Table, DataRows<'a>), Vec<RowError>> {
        let text = cells::decode(bytes).map_err(|(line, problem)| vec![RowError { line, column: None, problem }])?;
        let delimiter = cells::delimiter(text);
        let mut records = DataRows(Records::new(text, delimiter), count_filled_records(text, delimiter));
        let header = match records.next() {
            Some(header) => header?,
            None => return Err(vec![RowError::file(RowProblem::NoHeader)]),
        };
        let mut errors = Vec::new();
        let mut columns = BTreeMap::new();
        for (position, cell) in header.cells.iter().enumerate() {
            let name = cells::column_name(&cells::clean(cell).unwrap_or_default());
            if name.is_empty() && position + 1 == header.cells.len() {
                continue; // a trailing comma after the last column name
            }
            match known.iter().find(|k| **k == name) {
                Some(&column) if columns.contains_key(column) => errors.push(RowError {
                    line: header.row,
                    column: Some(column),
                    problem: RowProblem::RepeatedColumn { column },
                }),
                Some(&column) => {
                    columns.insert(column, position);
                }
                None => errors.push(RowError {
                    line: header.row,
                    column: None,
                    problem: RowProblem::UnknownColumn { found: cell.trim().to_string(), known },
                }),
            }
        }
        for &column in required {
            if !columns.contains_key(column) {
                errors.push(RowError {
                    line: header.row,
                    column: None,
                    problem: RowProblem::MissingColumn { column, known },
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok((Table { columns, header_width: header.cells.len() }, records))
    }
}

fn is_blank(record: &Record) -> bool {
    record.cells.iter().all(|c| c.trim().is_empty())
}

/// One data row and the cells of its known columns.
struct Row<'a> {
    table: &'a Table,
    record: &'a Record,
    line: usize,
}

impl Row<'_> {
    fn error(&self, column: Option<&'static str>, problem: RowProblem) -> RowError {
        RowError { line: self.line, column, problem }
    }

    /// Checks that the row has no cells beyond the header's columns.
    fn check_width(&self, errors: &mut Vec<RowError>) -> bool {
        let extra = self.record.cells.iter().skip(self.table.header_width).any(|c| !c.trim().is_empty());
        if extra {
            errors.push(self.error(
                None,
                RowProblem::TooManyCells { cells: self.record.cells.len(), columns: self.table.header_width },
            ));
        }
        !extra
    }

    /// The cleaned text of a column; empty when the column or cell is absent.
    fn text(&self, column: &'static str, errors: &mut Vec<RowError>) -> Option<String> {
        let raw =
            self.table.columns.get(column).and_then(|&i| self.record.cells.get(i)).map(String::as_str).unwrap_or("");
        cells::clean(raw).map_err(|problem| errors.push(self.error(Some(column), problem))).ok()
    }

    /// A required text cell.
    fn required(&self, column: &'static str, errors: &mut Vec<RowError>) -> Option<String> {
        let text = self.text(column, errors)?;
        if text.is_empty() {
            errors.push(self.error(Some(column), RowProblem::Required));
            return None;
        }
        Some(text)
    }

    /// A required whole number.
    fn number(&self, column: &'static str, errors: &mut Vec<RowError>) -> Option<i64> {
        let text = self.required(column, errors)?;
        read::whole_number(&text)
            .map_err(|e| errors.push(self.error(Some(column), RowProblem::Read { text: text.clone(), error: e })))
            .ok()
    }

    /// An optional whole number: `Ok(None)` when the cell is empty.
    fn optional_number(&self, column: &'static str, errors: &mut Vec<RowError>) -> Result<Option<i64>, ()> {
        let text = self.text(column, errors).ok_or(())?;
        if text.is_empty() {
            return Ok(None);
        }
        read::whole_number(&text)
            .map(Some)
            .map_err(|e| errors.push(self.error(Some(column), RowProblem::Read { text: text.clone(), error: e })))
    }

    /// An optional date: `Ok(None)` when the cell is empty.
    fn optional_date(&self, column: &'static str, errors: &mut Vec<RowError>) -> Result<Option<chrono::NaiveDate>, ()> {
        let text = self.text(column, errors).ok_or(())?;
        if text.is_empty() {
            return Ok(None);
        }
        read::iso_date(&text)
            .map(Some)
            .map_err(|e| errors.push(self.error(Some(column), RowProblem::Read { text: text.clone(), error: e })))
    }

    fn date(&self, column: &'static str, errors: &mut Vec<RowError>) -> Option<chrono::NaiveDate> {
        match self.optional_date(column, errors) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                errors.push(self.error(Some(column), RowProblem::Required));
                None
            }
            Err(()) => None,
        }
    }

    /// An optional `;` list: `Ok(None)` when the cell is empty.
    fn optional_list(&self, column: &'static str, errors: &mut Vec<RowError>) -> Result<Option<Vec<String>>, ()> {
        let text = self.text(column, errors).ok_or(())?;
        let items = cells::list(&text);
        Ok(if items.is_empty() { None } else { Some(items) })
    }
}

/// Reads one needs row, recording an error for each cell that cannot be read. Such cells
/// get a stand-in value so the rest of the row is still checked with the whole scenario;
/// any error means nothing is imported, so stand-ins never reach a saved scenario.
fn need_of(row: &Row, scenario: &Scenario, known: &Known<'_>, errors: &mut Vec<RowError>) -> Need {
    row.check_width(errors);
    let state = row.required("state", errors).and_then(|typed| {
        let state =
            known.states.resolve(&typed).map_err(|problem| errors.push(row.error(Some("state"), problem))).ok()?;
        match known.only {
            Some(only) if *only != state => {
                let problem = RowProblem::OtherState { found: state.to_string(), only: only.to_string() };
                errors.push(row.error(Some("state"), problem));
                None
            }
            _ => Some(state),
        }
    });
    let skill = row
        .required("skill", errors)
        .and_then(|typed| known.skill(&typed).map_err(|problem| errors.push(row.error(Some("skill"), problem))).ok());
    let level = row.number("level", errors);
    let trainees = row.number("trainees", errors);
    let priority = row.number("priority", errors);
    let start = row.optional_date("window_start", errors);
    let end = row.optional_date("window_end", errors);
    let languages = row.optional_list("languages", errors);
    let modes = row.optional_list("modes", errors);
    let note = row.text("note", errors);

    let window = match (start, end) {
        (Ok(Some(start)), Ok(Some(end))) => Some(DateRange { start, end }),
        (Ok(None), Ok(None)) | (Err(()), _) | (_, Err(())) => None,
        (Ok(start), Ok(end)) => match scenario.horizon {
            // One end typed, the other taken from the horizon: a window that is empty is
            // reported with the date that was typed, never with the one filled in.
            Some(horizon) => match (start, end) {
                (None, Some(end)) if end < horizon.start => {
                    errors.push(row.error(Some("window_end"), RowProblem::EndBeforeHorizon { end }));
                    None
                }
                (Some(start), None) if start > horizon.end => {
                    errors.push(row.error(Some("window_start"), RowProblem::StartAfterHorizon { start }));
                    None
                }
                _ => Some(DateRange { start: start.unwrap_or(horizon.start), end: end.unwrap_or(horizon.end) }),
            },
            None => {
                let missing = if start.is_none() { "window_start" } else { "window_end" };
                errors.push(row.error(Some(missing), RowProblem::HalfWindow));
                None
            }
        },
    };
    Need {
        id: NeedId::default(),
        state: state.unwrap_or_default(),
        skill: skill.unwrap_or_default(),
        level: level.unwrap_or(1),
        trainees: trainees.unwrap_or(1),
        priority: priority.unwrap_or(1),
        window,
        languages: languages.ok().and_then(|list| language_codes(row, list, errors)).flatten(),
        modes: modes.ok().and_then(|list| modes_of(row, list, errors)).flatten(),
        note: note.unwrap_or_default(),
    }
}

/// What the needs importer knows of the scenario, looked up once per file.
struct Known<'a> {
    /// The one state whose needs the file may hold, for a focal point.
    only: Option<&'a StateCode>,
    states: names::States,
    /// Skill ids, and (folded word, id) for every id and name, for suggestions.
    skill_ids: BTreeSet<String>,
    skill_words: Vec<(String, String)>,
}

impl Known<'_> {
    fn new(scenario: &Scenario) -> Known<'static> {
        let skill_words = scenario
            .skills
            .iter()
            .flat_map(|skill| {
                let id = skill.id.as_str().to_string();
                std::iter::once((names::fold(&id), id.clone()))
                    .chain(skill.name.values().map(move |n| (names::fold(n), id.clone())))
            })
            .collect();
        Known {
            only: None,
            states: names::States::new(scenario),
            skill_ids: order::set(scenario.skills.iter().map(|s| s.id.as_str().to_string())),
            skill_words,
        }
    }

    /// The skill id as typed, or the problem naming the nearest ids.
    fn skill(&self, typed: &str) -> Result<SkillId, RowProblem> {
        if self.skill_ids.contains(typed) {
            return Ok(SkillId(typed.to_string()));
        }
        let mut near: Vec<String> = Vec::new();
        let folded = names::fold(typed);
        for id in names::nearest_folded(&folded, self.skill_words.iter().map(|(word, id)| (word, id.as_str()))) {
            if !near.iter().any(|n| n == id) {
                near.push(id.to_string());
            }
        }
        let known: Vec<String> = self.skill_ids.iter().cloned().collect();
        Err(RowProblem::UnknownSkill { typed: typed.to_string(), near, known })
    }
}

/// Language codes (`ar`, `en`, `fr`) in lower case; `Some(None)` for an empty cell.
fn language_codes(row: &Row, list: Option<Vec<String>>, errors: &mut Vec<RowError>) -> Option<Option<Vec<String>>> {
    let Some(list) = list else {
        return Some(None);
    };
    let mut codes = Vec::new();
    for item in list {
        let code = item.to_ascii_lowercase();
        if (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase()) {
            if !codes.contains(&code) {
                codes.push(code);
            }
        } else {
            let named = names::language_named(&item);
            errors.push(row.error(Some("languages"), RowProblem::NotLanguageCode { item, named }));
            return None;
        }
    }
    codes.shrink_to_fit(); // one list per imported need: no spare capacity
    Some(Some(codes))
}

/// The delivery modes as the file writes them, for suggestions.
const MODES: [&str; 3] = ["in_person", "online", "blended"];

/// Delivery modes; `in person` and `In-Person` are read as `in_person`.
fn modes_of(row: &Row, list: Option<Vec<String>>, errors: &mut Vec<RowError>) -> Option<Option<Vec<Mode>>> {
    let Some(list) = list else {
        return Some(None);
    };
    let mut modes = Vec::new();
    for item in list {
        match Mode::parse(&cells::column_name(&item)) {
            Mode::Unknown(_) => {
                let near = names::nearest(&cells::column_name(&item), MODES.iter().copied());
                errors.push(row.error(Some("modes"), RowProblem::UnknownMode { item, near }));
                return None;
            }
            mode if !modes.contains(&mode) => modes.push(mode),
            _ => {}
        }
    }
    modes.shrink_to_fit();
    Some(Some(modes))
}

/// Reads one sessions row, with stand-ins for unreadable cells (see [`need_of`]).
fn session_of(row: &Row, scenario: &Scenario, errors: &mut Vec<RowError>) -> Session {
    row.check_width(errors);
    let id = row.required("session", errors);
    let course = row.required("course", errors);
    let start = row.date("start", errors);
    let end = row.date("end", errors);
    let seats = row.number("seats", errors);
    let max_per_state = row.optional_number("max_per_state", errors);
    let min_participants = row.optional_number("min_participants", errors);
    let cost_per_seat = row.optional_number("cost_per_seat", errors);
    let open_to = row.optional_list("open_to", errors);
    let fallback = scenario.horizon.map_or(chrono::NaiveDate::MIN, |h| h.start);
    Session {
        id: SessionId(id.unwrap_or_default()),
        course: CourseId(course.unwrap_or_default()),
        start: start.or(end).unwrap_or(fallback),
        end: end.or(start).unwrap_or(fallback),
        seats: seats.unwrap_or(0),
        max_per_state: max_per_state.unwrap_or(None),
        min_participants: min_participants.ok().flatten().unwrap_or(0),
        cost_per_seat: cost_per_seat.ok().flatten().unwrap_or(0),
        open_to: open_to.ok().flatten().map(|codes| codes.iter().map(|c| StateCode(c.to_uppercase())).collect()),
    }
}

impl fmt::Display for Imported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} added, {} replaced", self.added, self.replaced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_list_index_and_field() {
        assert_eq!(split_path("needs[12].window.start"), Some(("needs", 12, "window.start")));
        assert_eq!(split_path("sessions[0]"), Some(("sessions", 0, "")));
        assert_eq!(split_path("format"), None);
        assert_eq!(need_column("window.start"), Some("window_start"));
        assert_eq!(need_column("modes[1]"), Some("modes"));
        assert_eq!(session_column("id"), Some("session"));
        assert_eq!(session_column("open_to[0]"), Some("open_to"));
    }
}
