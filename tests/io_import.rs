//! Importing focal points' needs and the centre's sessions: all rows or nothing, every bad
//! row named by line and column, what spreadsheets really save (BOM, xlsx, code page 1256,
//! Arabic digits, semicolons), and no panic on any bytes.
//!
//! `cargo test --release --test io_import -- --ignored --nocapture` prints the timing of a
//! 10,000-row needs import; with `QUDRA_IMPORT_FILE=big.csv`, `import_of_a_large_file`
//! imports that file once, for `/usr/bin/time -v` to measure the peak memory of.

use std::time::Instant;

use proptest::prelude::*;
use qudra::io::import::{needs_csv, sessions_csv, RowError, RowProblem};
use qudra::model::{validate, Mode, Scenario};

const NEEDS_HEADER: &str = "state,skill,level,trainees,priority,window_start,window_end,languages,modes,note\n";
const SESSIONS_HEADER: &str = "session,course,start,end,seats,max_per_state,min_participants,cost_per_seat,open_to\n";

fn fixture() -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io/scenario.json");
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn needs(body: &str) -> Vec<u8> {
    format!("{NEEDS_HEADER}{body}").into_bytes()
}

fn sessions(body: &str) -> Vec<u8> {
    format!("{SESSIONS_HEADER}{body}").into_bytes()
}

/// (line, column) of each error, for compact assertions.
fn places(errors: &[RowError]) -> Vec<(usize, Option<&str>)> {
    errors.iter().map(|e| (e.line, e.column)).collect()
}

#[test]
fn good_and_bad_rows_import_nothing_and_name_every_bad_line() {
    let scenario = fixture();
    let before = scenario.clone();
    let file = needs(
        "QA,forensics,1,4,3,,,,,fine\n\
         TN,forensic,1,2,3,,,,,typo in the skill\n\
         MA,crypto,2,two,3,,,,,not a number\n\
         QA,crypto,2,3,9,12/03/2027,,,,bad priority and date\n\
         TN,crypto,2,1,1,,,,,fine too\n",
    );
    let errors = needs_csv(&scenario, &file).unwrap_err();
    assert_eq!(
        places(&errors),
        [(3, Some("skill")), (4, Some("trainees")), (5, Some("window_start")), (5, Some("priority"))]
    );
    assert_eq!(errors[0].message(), "unknown skill \"forensic\"; did you mean \"forensics\"?");
    assert!(errors[2].message().contains("YYYY-MM-DD"), "{}", errors[2]);
    assert_eq!(errors[0].to_string(), "row 3, skill: unknown skill \"forensic\"; did you mean \"forensics\"?");
    assert_eq!(scenario, before);
}

#[test]
fn a_good_file_appends_needs_with_defaults_for_empty_cells() {
    let scenario = fixture();
    let imported = needs_csv(&scenario, &needs("qa,crypto,2,3,4,,,,,\n")).unwrap();
    assert_eq!(imported.added, 1);
    let need = imported.scenario.needs.last().unwrap();
    assert_eq!(need.id.as_str(), "QA-crypto-2-2", "QA-crypto-2 is taken");
    assert_eq!((need.state.as_str(), need.window, &need.languages, &need.modes), ("QA", None, &None, &None));
    assert_eq!(imported.scenario.needs.len(), scenario.needs.len() + 1);
    assert!(validate(&imported.scenario).is_empty());
}

#[test]
fn bom_crlf_and_arabic_digits_are_read() {
    let scenario = fixture();
    let mut file = b"\xEF\xBB\xBF".to_vec();
    file.extend(needs("QA,forensics,١,۱۲,٥,٢٠٢٧-٠١-٠١,2027-06-30,ar ; en,online,\n").iter());
    let text = String::from_utf8(file).unwrap().replace('\n', "\r\n");
    let imported = needs_csv(&scenario, text.as_bytes()).unwrap();
    let need = imported.scenario.needs.last().unwrap();
    assert_eq!((need.level, need.trainees, need.priority), (1, 12, 5));
    assert_eq!(need.window.unwrap().start.to_string(), "2027-01-01");
    assert_eq!(need.languages.as_deref(), Some(&["ar".to_string(), "en".to_string()][..]));
    assert_eq!(need.modes.as_deref(), Some(&[Mode::Online][..]));
}

#[test]
fn a_cell_is_read_as_a_field_of_the_app_reads_the_same_text() {
    // Digits of any script and grouped thousands: the importer and the browser's fields use
    // one reader (model::read), so a value typed either way lands as the same number.
    use qudra::model::read::ReadError;
    use qudra::ui::vm::edit::field::{apply_text, Kind};
    use qudra::ui::vm::edit::issue::Issue;
    let scenario = fixture();
    for (typed, value) in [("١٬٠٠٠", 1000), ("1 000", 1000), ("१२", 12), ("１２", 12)] {
        let imported = needs_csv(&scenario, &needs(&format!("QA,forensics,1,\"{typed}\",3,,,,,\n"))).unwrap();
        assert_eq!(imported.scenario.needs.last().unwrap().trainees, value, "import of {typed}");
        let edited =
            apply_text(&scenario, &validate(&scenario), "needs[0].trainees", Kind::Int, typed).expect("a field edit");
        assert_eq!(edited.needs[0].trainees, value, "field edit of {typed}");
    }
    // Refused the same way: a point before three digits could be 1 or 1000.
    let errors = needs_csv(&scenario, &needs("QA,forensics,1,1.000,3,,,,,\n")).unwrap_err();
    assert_eq!(
        errors[0].message(),
        "\"1.000\" is ambiguous: is the point a thousands separator (1000) or a decimal point? \
         write the number without separators, e.g. 1000"
    );
    let field = apply_text(&scenario, &validate(&scenario), "needs[0].trainees", Kind::Int, "1.000").unwrap_err();
    assert_eq!(field[0].issue, Issue::Read(ReadError::AmbiguousPoint { plain: "1000".into() }));
}

#[test]
fn an_xlsx_with_a_csv_name_is_refused_with_a_clear_message() {
    let mut zip = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    zip.extend_from_slice(&[0u8; 64]);
    for errors in [needs_csv(&fixture(), &zip).unwrap_err(), sessions_csv(&fixture(), &zip).unwrap_err()] {
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message().contains("Excel workbook (.xlsx)"), "{}", errors[0]);
        assert!(errors[0].message().contains("CSV UTF-8"));
    }
}

#[test]
fn windows_1256_text_is_refused_with_its_line() {
    // "وحدة" in the Windows Arabic code page, as Excel's plain "CSV" saves it.
    let mut file = needs("QA,forensics,1,2,3,,,,,fine\n");
    file.extend_from_slice(b"QA,forensics,1,2,3,,,,,\xe6\xcd\xcf\xc9\n");
    let errors = needs_csv(&fixture(), &file).unwrap_err();
    assert_eq!(places(&errors), [(3, None)]);
    assert!(errors[0].message().contains("1256"), "{}", errors[0]);
}

#[test]
fn utf16_and_empty_files_are_refused() {
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("state".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    assert!(needs_csv(&fixture(), &utf16).unwrap_err()[0].message().contains("UTF-16"));
    assert!(needs_csv(&fixture(), b"").unwrap_err()[0].message().contains("empty"));
    assert!(needs_csv(&fixture(), b"\xEF\xBB\xBF\r\n").unwrap_err()[0].message().contains("empty"));
}

#[test]
fn dates_must_be_iso_and_hijri_dates_are_named() {
    let errors = needs_csv(&fixture(), &needs("QA,forensics,1,2,3,1448-07-01,2027-03-12,,,\n")).unwrap_err();
    assert_eq!(places(&errors), [(2, Some("window_start"))]);
    assert!(errors[0].message().contains("Hijri"), "{}", errors[0]);
    let errors = sessions_csv(&fixture(), &sessions("X-1,DF-101,03/12/2027,2027-03-14,10,,,,\n")).unwrap_err();
    assert!(errors[0].message().contains("YYYY-MM-DD"), "{}", errors[0]);
}

#[test]
fn bidi_controls_are_flagged_and_text_is_normalised() {
    let errors = needs_csv(&fixture(), &needs("Q\u{202E}A,forensics,1,2,3,,,,,\n")).unwrap_err();
    assert_eq!(places(&errors), [(2, Some("state"))]);
    assert!(errors[0].message().contains("U+202E"));
    // A decomposed "é" (e + U+0301) and a stray bell become the NFC text without controls.
    let imported = needs_csv(&fixture(), &needs("QA,forensics,1,2,3,,,,,Re\u{301}union\u{7}\n")).unwrap();
    assert_eq!(imported.scenario.needs.last().unwrap().note, "Réunion");
}

#[test]
fn semicolon_separated_files_from_european_and_arabic_excel_are_read() {
    let text = "state;skill;level;trainees;priority;languages\nTN;forensics;1;2;3;\"ar;fr\"\n";
    let imported = needs_csv(&fixture(), text.as_bytes()).unwrap();
    let need = imported.scenario.needs.last().unwrap();
    assert_eq!(need.languages.as_deref(), Some(&["ar".to_string(), "fr".to_string()][..]));
}

#[test]
fn header_problems_stop_the_import_with_every_problem_listed() {
    let errors = needs_csv(&fixture(), b"state,skil,level,priority,level\nQA,forensics,1,3,1\n").unwrap_err();
    let messages: Vec<String> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(errors.len(), 4, "{messages:?}");
    assert!(messages[0].contains("unknown column \"skil\""));
    assert!(messages[1].contains("\"level\" appears twice"));
    assert!(messages.iter().any(|m| m.contains("no \"skill\" column")));
    assert!(messages.iter().any(|m| m.contains("no \"trainees\" column")));
}

#[test]
fn a_row_with_too_many_cells_and_an_unclosed_quote_are_reported() {
    let errors = needs_csv(&fixture(), &needs("QA,forensics,1,2,3,,,,,note,extra\n")).unwrap_err();
    assert_eq!(places(&errors), [(2, None)]);
    let errors =
        needs_csv(&fixture(), &needs("QA,forensics,1,2,3,,,,,fine\nQA,forensics,1,2,3,,,,,\"open\n")).unwrap_err();
    assert_eq!(places(&errors), [(3, None)]);
    assert!(errors[0].message().contains("never closed"));
}

#[test]
fn a_half_window_takes_the_other_end_from_the_horizon() {
    let imported = needs_csv(&fixture(), &needs("QA,forensics,1,2,3,,2027-05-31,,,\n")).unwrap();
    let window = imported.scenario.needs.last().unwrap().window.unwrap();
    assert_eq!((window.start.to_string(), window.end.to_string()), ("2027-01-01".into(), "2027-05-31".into()));
    let mut no_horizon = fixture();
    no_horizon.horizon = None;
    let errors = needs_csv(&no_horizon, &needs("QA,forensics,1,2,3,,2027-05-31,,,\n")).unwrap_err();
    assert_eq!(places(&errors), [(2, Some("window_start"))]);
}

#[test]
fn sessions_replace_by_id_and_add_new_ones() {
    let scenario = fixture();
    let imported = sessions_csv(
        &scenario,
        &sessions(
            "DF-101-A,DF-101,2027-03-07,2027-03-11,16,,,1500,\n\
             DF-101-C,DF-101,2027-11-07,2027-11-11,12,3,6,1400,QA;tn\n",
        ),
    )
    .unwrap();
    assert_eq!((imported.added, imported.replaced), (1, 1));
    let sessions = &imported.scenario.sessions;
    assert_eq!(sessions.len(), scenario.sessions.len() + 1);
    assert_eq!(sessions[0].id.as_str(), "DF-101-A", "replaced in place");
    assert_eq!((sessions[0].seats, sessions[0].max_per_state), (16, None), "empty cap cell = no cap");
    let added = sessions.last().unwrap();
    assert_eq!((added.min_participants, added.cost_per_seat), (6, 1400));
    assert_eq!(added.open_to.as_ref().unwrap().iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["QA", "TN"]);
}

#[test]
fn session_problems_are_mapped_to_their_lines() {
    let mut scenario = fixture();
    scenario.pins.push(qudra::model::Pin { need: "QA-forensics-1".into(), session: "DF-101-A".into(), seats: 2 });
    let errors = sessions_csv(
        &scenario,
        &sessions(
            "DF-101-A,CR-201,2027-02-07,2027-02-11,10,4,0,1500,\n\
             DF-999-A,DF-999,2027-02-07,2027-02-01,5,0,6,-1,QA;XX\n\
             DF-101-A,DF-101,2027-02-07,2027-02-11,10,4,0,1500,\n",
        ),
    )
    .unwrap_err();
    assert_eq!(
        places(&errors),
        [
            (2, None), // the pin on DF-101-A no longer matches its skill
            (3, Some("course")),
            (3, Some("start")),
            (3, Some("max_per_state")),
            (3, Some("min_participants")),
            (3, Some("cost_per_seat")),
            (3, Some("open_to")),
            (4, Some("session")),
        ],
        "{errors:#?}"
    );
    assert!(errors[0].message().contains("pins[0]"), "{}", errors[0]);
    assert!(errors[7].message().contains("already on row 2"), "{}", errors[7]);
}

#[test]
fn problems_already_in_the_scenario_are_reported_as_such() {
    let mut scenario = fixture();
    scenario.needs[0].priority = 7;
    let errors = needs_csv(&scenario, &needs("QA,forensics,1,2,3,,,,,\n")).unwrap_err();
    assert_eq!(places(&errors), [(0, None)]);
    assert!(errors[0].message().contains("not this file"), "{}", errors[0]);
}

/// The demo scenario, when its generator has written it (data/demo-2027.json).
fn demo() -> Option<Scenario> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-2027.json");
    match std::fs::read_to_string(path) {
        Ok(text) => Some(Scenario::from_json(&text).expect("the demo scenario parses")),
        Err(_) => {
            println!("notice: {path} is missing; the template check against the demo is skipped");
            None
        }
    }
}

#[test]
fn the_templates_import_into_the_demo_scenario() {
    let needs_template = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/needs-template.csv")).unwrap();
    let sessions_template = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/sessions-template.csv")).unwrap();
    for template in [&needs_template, &sessions_template] {
        assert!(template.starts_with(b"\xEF\xBB\xBFs"), "BOM first, so Excel shows Arabic");
        let text = String::from_utf8(template.to_vec()).unwrap();
        assert_eq!(text.matches("\r\n").count(), text.matches('\n').count(), "CRLF line ends");
    }
    let Some(demo) = demo() else { return };
    let with_needs = needs_csv(&demo, &needs_template).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(with_needs.added, 6);
    let with_sessions = sessions_csv(&with_needs.scenario, &sessions_template).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!((with_sessions.added, with_sessions.replaced), (5, 0));
}

/// A needs file of `rows` rows over the fixture's states and skills.
fn big_needs_file(rows: usize) -> Vec<u8> {
    let mut text = String::from("\u{feff}");
    text.push_str(NEEDS_HEADER);
    let states = ["QA", "TN", "MA"];
    for i in 0..rows {
        let (skill, level) = if i % 2 == 0 { ("forensics", 1) } else { ("crypto", 2) };
        text.push_str(&format!(
            "{},{skill},{level},{},{},2027-01-01,2027-12-31,ar;en,in_person;online,\"Row {i}, unit ٣\"\r\n",
            states[i % 3],
            1 + i % 20,
            1 + i % 5
        ));
    }
    text.into_bytes()
}

#[test]
fn a_large_file_imports_every_row() {
    let imported = needs_csv(&fixture(), &big_needs_file(2_000)).unwrap();
    assert_eq!(imported.added, 2_000);
}

#[test]
#[ignore = "benchmark: prints timings; run with --release -- --ignored --nocapture"]
fn bench_ten_thousand_needs_rows() {
    let scenario = fixture();
    let file = big_needs_file(10_000);
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let imported = needs_csv(&scenario, &file).unwrap();
        best = best.min(start.elapsed().as_secs_f64());
        assert_eq!(imported.added, 10_000);
    }
    println!("needs import: 10,000 rows, {} KiB, best of 5: {:.1} ms", file.len() / 1024, best * 1e3);
}

#[test]
#[ignore = "measurement: QUDRA_IMPORT_FILE=needs.csv /usr/bin/time -v <test binary> --ignored import_of_a_large_file"]
fn import_of_a_large_file() {
    let Ok(path) = std::env::var("QUDRA_IMPORT_FILE") else {
        println!("notice: set QUDRA_IMPORT_FILE to a needs CSV to measure its import");
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let start = Instant::now();
    match needs_csv(&fixture(), &bytes) {
        Ok(imported) => println!("{path}: {} needs added", imported.added),
        Err(errors) => println!("{path}: {} problems", errors.len()),
    }
    println!("{} MiB in {:.1} s", bytes.len() >> 20, start.elapsed().as_secs_f64());
}

#[test]
fn a_file_of_bad_rows_keeps_one_small_entry_per_row_after_the_first_problems() {
    let scenario = fixture();
    let rows = 3_000;
    let body: String = (0..rows).map(|_| "QAX,forensicx,1,many,9,2027-13-01,,xx1,teleport,bad\n").collect();
    let errors = needs_csv(&scenario, &needs(&body)).unwrap_err();
    let full = qudra::io::import::FULL_PROBLEMS;
    // Every row is named, the first problems in full, then one entry per row.
    assert!(errors.len() <= full + rows, "{} entries for {rows} rows", errors.len());
    assert_eq!(errors.last().unwrap().line, rows + 1);
    assert!(errors[..full].iter().all(|e| !e.message().contains("problems too")));
    assert!(errors[0].to_string().starts_with("row 2, state: unknown state \"QAX\""), "{}", errors[0]);
    let tail = &errors[full..];
    assert!(tail.iter().all(|e| e.problem == RowProblem::MoreInRow), "no sentence per cell");
    let mut lines: Vec<usize> = tail.iter().map(|e| e.line).collect();
    lines.dedup();
    assert_eq!(lines.len(), tail.len(), "one entry per row");
}

/// Bytes that look like a needs or sessions file often enough to reach the row readers.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        Just(String::new()),
        "[A-Za-z]{1,3}",
        "-?[0-9]{1,4}",
        "[٠-٩]{1,3}",
        "20[0-9]{2}-[0-1][0-9]-[0-3][0-9]",
        "[a-z;؛ ]{0,12}",
        "\"[^\"]{0,6}\"?",
        any::<String>(),
    ];
    let row = proptest::collection::vec(cell, 0..12).prop_map(|cells| cells.join(","));
    (
        prop::sample::select(vec![NEEDS_HEADER, SESSIONS_HEADER, "state;skill\n", ""]),
        proptest::collection::vec(row, 0..6),
    )
        .prop_map(|(header, rows)| format!("{header}{}", rows.join("\r\n")).into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic_either_importer(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let scenario = fixture();
        let _ = needs_csv(&scenario, &bytes);
        let _ = sessions_csv(&scenario, &bytes);
    }

    #[test]
    fn csv_like_files_never_panic_and_never_half_import(bytes in csv_like()) {
        let scenario = fixture();
        if let Ok(imported) = needs_csv(&scenario, &bytes) {
            prop_assert!(validate(&imported.scenario).is_empty());
            prop_assert_eq!(imported.scenario.needs.len(), scenario.needs.len() + imported.added);
        }
        if let Ok(imported) = sessions_csv(&scenario, &bytes) {
            prop_assert!(validate(&imported.scenario).is_empty());
        }
    }
}

#[test]
fn rows_are_numbered_as_the_spreadsheet_shows_them_after_a_cell_with_a_line_break() {
    let scenario = fixture();
    // Row 2 holds a note over two text lines; row 3 has a bad trainees cell.
    let file = needs("QA,forensics,1,4,3,,,,,\"first line\nsecond line\"\nTN,crypto,2,many,3,,,,,\n");
    let errors = needs_csv(&scenario, &file).unwrap_err();
    assert_eq!(places(&errors), [(3, Some("trainees"))]);
    assert!(errors[0].to_string().starts_with("row 3, trainees: "), "{}", errors[0]);

    // The same for a validation problem found after merging, and in the sessions file.
    let file = needs("QA,forensics,1,4,3,,,,,\"a\r\nb\r\nc\"\nTN,crypto,2,1,9,,,,,\n");
    assert_eq!(places(&needs_csv(&scenario, &file).unwrap_err()), [(3, Some("priority"))]);
    let file =
        sessions("X-1,DF-101,2027-03-07,2027-03-11,10,,,,\"TN;\nMA\"\nX-2,DF-101,2027-03-07,2027-03-01,10,,,,\n");
    let errors = sessions_csv(&scenario, &file).unwrap_err();
    assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [3], "{errors:?}");
}

#[test]
fn a_state_is_its_code_or_any_of_its_names_whatever_the_case_accents_or_tashkeel() {
    let scenario = fixture();
    let names: Vec<String> =
        scenario.states.iter().find(|s| s.code.as_str() == "QA").unwrap().name.values().cloned().collect();
    assert!(names.iter().any(|n| n == "قطر"), "{names:?}");
    let file = needs("قطر,forensics,1,1,3,,,,,\nqatar,forensics,1,1,3,,,,,\n  QATAR ,forensics,1,1,3,,,,,\nqa,forensics,1,1,3,,,,,\nقَطَر,forensics,1,1,3,,,,,\n");
    let imported = needs_csv(&scenario, &file).unwrap();
    let added = &imported.scenario.needs[scenario.needs.len()..];
    assert_eq!(added.len(), 5);
    assert!(added.iter().all(|n| n.state.as_str() == "QA"), "{added:?}");

    // Latin accents are ignored too, in any of the state's names (here a French one).
    let mut scenario = scenario;
    let qatar = scenario.states.iter_mut().find(|s| s.code.as_str() == "QA").unwrap();
    qatar.name.insert("fr".into(), "État du Qatar".into());
    let imported = needs_csv(&scenario, &needs("etat du  QATAR,crypto,2,1,3,,,,,\n")).unwrap();
    assert_eq!(imported.scenario.needs.last().unwrap().state.as_str(), "QA");
}

#[test]
fn unknown_words_get_the_nearest_known_ones() {
    let scenario = fixture();
    let file = needs("Qatr,forensics,1,1,3,,,,,\nQA,forensic,1,1,3,,,,,\nQA,forensics,1,1,3,,,,onlin,\nQA,forensics,1,1,3,,,Arabic,,\n");
    let errors = needs_csv(&scenario, &file).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "row 2, state: unknown state \"Qatr\"; did you mean \"QA\"?",
            "row 3, skill: unknown skill \"forensic\"; did you mean \"forensics\"?",
            "row 4, modes: unknown mode \"onlin\"; did you mean \"online\"?",
            "row 5, languages: \"Arabic\" is not a language code such as ar, en or fr; did you mean \"ar\"?",
        ]
    );
}

#[test]
fn a_grouped_thousand_is_a_thousand_or_an_error_never_one() {
    let scenario = fixture();
    let imported = needs_csv(&scenario, &needs("QA,forensics,1,\"1,000\",3,,,,,\n")).unwrap();
    assert_eq!(imported.scenario.needs.last().unwrap().trainees, 1000);
    for typed in ["1.000", "1.500"] {
        let errors = needs_csv(&scenario, &needs(&format!("QA,forensics,1,{typed},3,,,,,\n"))).unwrap_err();
        assert_eq!(places(&errors), [(2, Some("trainees"))]);
        assert!(errors[0].message().contains("ambiguous"), "{}", errors[0]);
    }
}

#[test]
fn a_window_error_names_only_dates_the_user_typed() {
    let scenario = fixture();
    // Only the end is typed, before the horizon starts (2027-01-01).
    let errors = needs_csv(&scenario, &needs("QA,forensics,1,2,3,,2026-11-30,,,\n")).unwrap_err();
    assert_eq!(places(&errors), [(2, Some("window_end"))]);
    assert!(errors[0].message().contains("2026-11-30"), "{}", errors[0]);
    assert!(!errors[0].message().contains("2027-01-01"), "{}", errors[0]);
    // Only the start is typed, after the horizon ends (2027-12-31).
    let errors = needs_csv(&scenario, &needs("QA,forensics,1,2,3,2028-02-01,,,,\n")).unwrap_err();
    assert_eq!(places(&errors), [(2, Some("window_start"))]);
    assert!(!errors[0].message().contains("2027-12-31"), "{}", errors[0]);
}
