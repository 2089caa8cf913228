//! The written sheets read back by an independent CSV parser (the `csv` crate): cells round
//! trip, formula starts are neutralised, and the plan sheet holds what the plan says.

use proptest::prelude::*;
use qudra::io::csv::{is_formula_like, plan_csv, text_cell, unmet_csv, Cell, CsvOptions, Sheet, PLAN_COLUMNS};
use qudra::io::FileLang;
use qudra::model::Scenario;
use qudra::solve::{solve, Options};

fn fixture() -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io/scenario.json");
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Rows of a written sheet as the `csv` crate reads them, after checking BOM and CRLF.
fn read_back(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("UTF-8 byte-order mark first");
    assert!(body.ends_with("\r\n"));
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.expect("valid CSV").iter().map(str::to_string).collect()).collect()
}

/// What a spreadsheet should show for a text cell: the text, after a `'` if it looks like
/// a formula (the apostrophe is how Excel marks "this is text").
fn shown(text: &str) -> String {
    if is_formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[test]
fn the_plan_sheet_has_the_spec_columns_and_one_row_per_allocation() {
    let scenario = fixture();
    let plan = solve(&scenario, &Options::default()).unwrap();
    for lang in FileLang::ALL {
        let rows = read_back(&plan_csv(&scenario, &plan, &CsvOptions { lang, state: None }).unwrap());
        assert_eq!(rows[0], PLAN_COLUMNS);
        assert_eq!(rows.len() - 1, plan.allocations.len());
        let total: i64 = rows[1..].iter().map(|r| r[13].parse::<i64>().unwrap()).sum();
        assert_eq!(total, plan.allocations.iter().map(|a| a.seats).sum::<i64>());
        for row in &rows {
            for cell in row {
                assert!(!is_formula_like(cell), "formula-like cell {cell:?} in {lang}");
            }
        }
    }
    // The course titled `=1+2";=1+2` is written as text, never as a formula.
    let en = read_back(&plan_csv(&scenario, &plan, &CsvOptions::default()).unwrap());
    assert!(en.iter().any(|r| r[7] == "'=1+2\";=1+2"));
}

#[test]
fn one_state_sheet_holds_only_that_state() {
    let scenario = fixture();
    let plan = solve(&scenario, &Options::default()).unwrap();
    let options = CsvOptions { lang: FileLang::Ar, state: Some("TN".into()) };
    let rows = read_back(&plan_csv(&scenario, &plan, &options).unwrap());
    assert_eq!(rows.len(), 3);
    assert!(rows[1..].iter().all(|r| r[0] == "TN" && r[1] == "تونس"));
    let unmet = read_back(&unmet_csv(&scenario, &plan, &options).unwrap());
    assert_eq!(unmet[1..].iter().map(|r| r[0].as_str()).collect::<Vec<_>>(), ["TN-crypto-2"]);
}

#[test]
fn an_unknown_state_or_a_foreign_plan_is_an_error_not_an_empty_file() {
    let scenario = fixture();
    let mut plan = solve(&scenario, &Options::default()).unwrap();
    let options = CsvOptions { lang: FileLang::En, state: Some("XX".into()) };
    assert!(plan_csv(&scenario, &plan, &options).is_err());
    plan.allocations[0].session = "GONE-1".into();
    let err = plan_csv(&scenario, &plan, &CsvOptions::default()).unwrap_err();
    assert!(err.to_string().contains("GONE-1"), "{err}");
}

proptest! {
    #[test]
    fn text_cells_round_trip_through_a_real_csv_parser(cells in proptest::collection::vec(any::<String>(), 2..8)) {
        let header: Vec<&str> = cells.iter().map(|_| "column").collect();
        let mut sheet = Sheet::new(&header);
        let row: Vec<Cell> = cells.iter().map(|c| Cell::Text(c)).collect();
        sheet.row(&row);
        let rows = read_back(&sheet.finish());
        prop_assert_eq!(rows.len(), 2);
        let expected: Vec<String> = cells.iter().map(|c| shown(c)).collect();
        prop_assert_eq!(&rows[1], &expected);
        for cell in &rows[1] {
            prop_assert!(!is_formula_like(cell));
        }
    }

    #[test]
    fn formula_starts_are_always_neutralised(
        start in prop::sample::select(vec!['=', '+', '-', '@', '\t', '\r', '\n', '\0']),
        rest in "[^\"]{0,40}",
    ) {
        let text = format!("{start}{rest}");
        let cell = text_cell(&text);
        let unquoted = cell.strip_prefix('"').unwrap_or(&cell);
        prop_assert!(unquoted.starts_with('\''), "{:?} written as {:?}", text, cell);
    }
}
