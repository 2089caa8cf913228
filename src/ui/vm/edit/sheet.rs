//! Spreadsheets into the app: a needs or sessions CSV chosen as a file, or rows pasted from a
//! spreadsheet (tab-separated, header optional), through the command line's importer
//! ([`crate::io::import`]) with its rule: every row is taken or nothing changes. The
//! [`Report`] keeps the importer's typed problems and, for each problem's row, the cells of
//! that row, so that the report can show the row the user has to fix. The empty templates
//! are here too.

use std::collections::BTreeMap;

use crate::io::import::{self, RowError, NEEDS_COLUMNS, SESSIONS_COLUMNS};
use crate::model::{Scenario, StateCode};

/// Which spreadsheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Needs,
    Sessions,
}

impl Sheet {
    /// The columns the importer reads, in the template's order (SPEC §5).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Sheet::Needs => &NEEDS_COLUMNS,
            Sheet::Sessions => &SESSIONS_COLUMNS,
        }
    }

    /// The empty template: the header row only, written as `data/*-template.csv` and the
    /// command line's CSV files are (UTF-8 with a byte-order mark so that Excel shows Arabic,
    /// commas, CRLF).
    pub fn template(self) -> String {
        format!("\u{FEFF}{}\r\n", self.columns().join(","))
    }

    /// The template's file name.
    pub fn template_name(self) -> &'static str {
        match self {
            Sheet::Needs => "qudra-needs-template.csv",
            Sheet::Sessions => "qudra-sessions-template.csv",
        }
    }

    /// A short name for element ids (`needs`, `sessions`).
    pub fn code(self) -> &'static str {
        match self {
            Sheet::Needs => "needs",
            Sheet::Sessions => "sessions",
        }
    }
}

/// Where the rows came from: a file keeps its rows' numbers; pasted text without a header is
/// given the template's and its rows are numbered as pasted (the first pasted line is line 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    File,
    Paste,
}

/// The cells of a problem's row, under the file's header, for the report's preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowCells {
    pub header: Vec<String>,
    pub cells: Vec<String>,
}

/// What an import did: every row taken, or nothing and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// `added` new rows; `changed` rows replaced a session of the same id.
    Taken { added: usize, changed: usize },
    /// Nothing was imported; every problem with its place.
    Refused(Vec<RowError>),
}

/// The report shown after an import or paste.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub sheet: Sheet,
    pub source: Source,
    pub outcome: Outcome,
    /// The cells of the rows problems are on (the first [`PREVIEWED`] such rows), by row.
    pub rows: BTreeMap<usize, RowCells>,
}

/// Rows of a refused file whose cells the report keeps for their preview.
pub const PREVIEWED: usize = 200;

impl Report {
    /// The problems, in row order (none when the rows were taken).
    pub fn problems(&self) -> &[RowError] {
        match &self.outcome {
            Outcome::Refused(errors) => errors,
            Outcome::Taken { .. } => &[],
        }
    }
}

/// Imports `bytes` as `sheet` into a copy of `scenario`: the new scenario when every row is
/// taken (`None` otherwise), and the report. `only` limits a needs file to one state's rows
/// (the focal point's workspace).
pub fn import(
    scenario: &Scenario,
    sheet: Sheet,
    source: Source,
    bytes: &[u8],
    only: Option<&StateCode>,
) -> (Option<Scenario>, Report) {
    let with_header;
    let (bytes, shift) = match source {
        Source::Paste if !import::has_header(&String::from_utf8_lossy(bytes), sheet.columns()) => {
            let mut text = sheet.columns().join("\t").into_bytes();
            text.push(b'\n');
            text.extend_from_slice(bytes);
            with_header = text;
            (&with_header[..], 1)
        }
        _ => (bytes, 0),
    };
    let result = match sheet {
        Sheet::Needs => import::needs_csv_of(scenario, bytes, only),
        Sheet::Sessions => import::sessions_csv(scenario, bytes),
    };
    match result {
        Ok(imported) => {
            let outcome = Outcome::Taken { added: imported.added, changed: imported.replaced };
            (Some(imported.scenario), Report { sheet, source, outcome, rows: BTreeMap::new() })
        }
        Err(mut errors) => {
            let mut rows = BTreeMap::new();
            for error in &errors {
                if error.line == 0 || rows.contains_key(&error.line) {
                    continue;
                }
                if rows.len() == PREVIEWED {
                    break;
                }
                if let Some((header, cells)) = import::row_cells(bytes, error.line) {
                    rows.insert(error.line - shift, RowCells { header, cells });
                }
            }
            for error in &mut errors {
                error.line = error.line.saturating_sub(shift);
            }
            (None, Report { sheet, source, outcome: Outcome::Refused(errors), rows })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::RowProblem;
    use crate::ui::vm::fixture::Fixture;

    fn scenario() -> Scenario {
        Fixture::forensics_2027()
            .state("QA", "Qatar", Some("قطر"), &["ar", "en"])
            .state("TN", "Tunisia", None, &["ar", "fr"])
            .set("/skills/0/name/en", serde_json::json!("DF"))
            .skill("osint", "OSINT")
            .set("/sessions/0/seats", serde_json::json!(20))
            .need("QA-osint-1", "QA", ("osint", 1), (2, 4))
            .build()
    }

    /// What Excel writes: a byte-order mark, semicolons, CRLF.
    const EXCEL_NEEDS: &[u8] =
        "\u{FEFF}state;skill;level;trainees;priority;window_start;window_end;languages;modes;note\r\n\
        QA;forensics;1;4;3;;;ar;in_person;وحدة الأدلة\r\n\
        قطر;osint;2;٣;5;2027-03-01;2027-06-30;;;\r\n"
            .as_bytes();

    #[test]
    fn a_good_excel_file_adds_every_row() {
        let before = scenario();
        let (after, report) = import(&before, Sheet::Needs, Source::File, EXCEL_NEEDS, None);
        let after = after.expect("taken");
        assert_eq!(after.needs.len(), before.needs.len() + 2);
        assert_eq!(after.needs[2].trainees, 3);
        assert_eq!(report.outcome, Outcome::Taken { added: 2, changed: 0 });
        assert!(report.problems().is_empty());
    }

    #[test]
    fn one_bad_row_takes_nothing_and_names_its_line_and_column_with_the_row_to_show() {
        let text = "state,skill,level,trainees,priority\nQA,forensics,1,4,3\nTN,osint,1,two,3\n";
        let before = scenario();
        let (after, report) = import(&before, Sheet::Needs, Source::File, text.as_bytes(), None);
        assert_eq!(after, None);
        let problems = report.problems();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (3, Some("trainees")));
        assert!(matches!(&problems[0].problem, RowProblem::Read { text, .. } if text == "two"));
        let row = &report.rows[&3];
        assert_eq!(row.header[3], "trainees");
        assert_eq!(row.cells, ["TN", "osint", "1", "two", "3"]);
    }

    #[test]
    fn pasted_rows_without_a_header_take_the_templates_columns_and_are_numbered_as_pasted() {
        let pasted = "QA\tforensics\t1\t4\t3\t\t\t\t\tfrom Excel\nTN\tosint\t2\t5\t2\n";
        let (after, report) = import(&scenario(), Sheet::Needs, Source::Paste, pasted.as_bytes(), None);
        assert_eq!(after.map(|s| s.needs.len()), Some(3));
        assert_eq!(report.outcome, Outcome::Taken { added: 2, changed: 0 });

        let bad = "QA\tforensics\t1\t4\t3\nTN\tforensic\t2\t5\t2\n";
        let (after, report) = import(&scenario(), Sheet::Needs, Source::Paste, bad.as_bytes(), None);
        assert_eq!(after, None);
        assert_eq!((report.problems()[0].line, report.problems()[0].column), (2, Some("skill")));
        assert_eq!(report.rows[&2].cells[1], "forensic");
    }

    #[test]
    fn pasted_rows_with_their_header_keep_it() {
        let pasted = "trainees\tstate\tskill\tlevel\tpriority\n7\tTN\tosint\t1\t2\n";
        let (after, _) = import(&scenario(), Sheet::Needs, Source::Paste, pasted.as_bytes(), None);
        assert_eq!(after.and_then(|s| s.needs.last().map(|n| n.trainees)), Some(7));
    }

    #[test]
    fn a_focal_points_file_may_hold_only_its_states_needs() {
        let text = "state,skill,level,trainees,priority\nQA,forensics,1,4,3\nTN,osint,1,2,3\n";
        let qa = StateCode("QA".into());
        let (after, report) = import(&scenario(), Sheet::Needs, Source::File, text.as_bytes(), Some(&qa));
        assert_eq!(after, None);
        assert_eq!(report.problems()[0].problem, RowProblem::OtherState { found: "TN".into(), only: "QA".into() });
        assert_eq!((report.problems()[0].line, report.problems()[0].column), (3, Some("state")));
    }

    #[test]
    fn sessions_are_added_or_changed() {
        let text = "session,course,start,end,seats\nDF-101-A,DF-101,2027-02-07,2027-02-11,30\n\
                    DF-101-B,DF-101,2027-05-02,2027-05-06,15\n";
        let (after, report) = import(&scenario(), Sheet::Sessions, Source::File, text.as_bytes(), None);
        let after = after.expect("taken");
        assert_eq!(after.sessions[0].seats, 30);
        assert_eq!(after.sessions.len(), 2);
        assert_eq!(report.outcome, Outcome::Taken { added: 1, changed: 1 });
    }

    #[test]
    fn the_templates_are_the_importers_header_as_excel_reads_it() {
        assert_eq!(
            Sheet::Needs.template(),
            "\u{FEFF}state,skill,level,trainees,priority,window_start,window_end,languages,modes,note\r\n"
        );
        let on_disk = include_str!("../../../../data/sessions-template.csv");
        assert!(on_disk.starts_with(Sheet::Sessions.template().trim_end()), "{on_disk}");
        // An empty template imports nothing and says why, rather than a blank success.
        let (after, report) = import(&scenario(), Sheet::Needs, Source::File, Sheet::Needs.template().as_bytes(), None);
        assert_eq!(after.map(|s| s.needs.len()), Some(1));
        assert_eq!(report.outcome, Outcome::Taken { added: 0, changed: 0 });
    }
}
