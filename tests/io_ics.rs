//! The calendar export read back by an independent parser (the `icalendar` crate), and the
//! folding and escaping invariants of RFC 5545 as properties.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use icalendar::{CalendarComponent, Component, DatePerhapsTime, EventLike};
use proptest::prelude::*;
use qudra::io::ics::{calendar, escape_text, fold, IcsOptions, MAX_LINE_OCTETS};
use qudra::io::FileLang;
use qudra::model::Scenario;
use qudra::solve::{solve, Options};

// ---------------------------------------------------------------------------------------
// What a calendar program does with a folded, escaped line (test-only: the app never reads a
// calendar back, so these live here rather than in `qudra::io::ics`).

/// Reverses [`fold`]: removes every CRLF followed by a space or tab (RFC 5545 §3.1).
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Reverses [`escape_text`]: what a calendar program shows for an escaped value.
fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn fixture() -> Scenario {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/io/scenario.json");
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn dtstamp() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

/// What a calendar program should show for one event.
#[derive(Debug, PartialEq)]
struct Shown {
    start: NaiveDate,
    end_exclusive: NaiveDate,
    summary: String,
    location: Option<String>,
}

fn date(value: Option<DatePerhapsTime>) -> NaiveDate {
    match value {
        Some(DatePerhapsTime::Date(date)) => date,
        other => panic!("expected an all-day date, got {other:?}"),
    }
}

#[test]
fn the_calendar_parses_in_the_icalendar_crate_and_gives_back_the_same_events() {
    let scenario = fixture();
    let plan = solve(&scenario, &Options::default()).unwrap();
    for lang in FileLang::ALL {
        let text = calendar(&scenario, &plan, &IcsOptions { lang, state: None, dtstamp: dtstamp() }).unwrap();

        // Strict syntax: the low-level parser accepts the whole unfolded document.
        let unfolded = icalendar::parser::unfold(&text);
        let parsed = icalendar::parser::read_calendar(&unfolded).expect("strict parse");
        assert!(parsed.components.iter().all(|c| c.name == "VEVENT" && c.components.is_empty()));
        assert_eq!(parsed.components.len(), 5, "one VEVENT per (state, session) with seats");

        // Typed values: one event per (state, session) with seats, right dates, unescaped text.
        let typed: icalendar::Calendar = text.parse().expect("typed parse");
        assert_eq!(typed.property_value("VERSION"), Some("2.0"));
        let mut events: BTreeMap<String, Shown> = BTreeMap::new();
        for component in &typed.components {
            let CalendarComponent::Event(event) = component else { continue };
            assert_eq!(event.get_timestamp(), Some(dtstamp()));
            let uid = event.get_uid().expect("UID").to_string();
            let shown = Shown {
                start: date(event.get_start()),
                end_exclusive: date(event.get_end()),
                summary: event.get_summary().expect("SUMMARY").to_string(),
                location: event.get_location().map(str::to_string),
            };
            assert!(events.insert(uid.clone(), shown).is_none(), "UID {uid} twice");
        }

        let mut expected: BTreeMap<String, i64> = BTreeMap::new();
        for allocation in &plan.allocations {
            let state = &scenario.need(&allocation.need).unwrap().state;
            *expected.entry(format!("{}.{}.2027@qudra", allocation.session, state)).or_default() += allocation.seats;
        }
        assert_eq!(events.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>());
        for (uid, seats) in expected {
            let session_id = uid.split('.').next().unwrap();
            let session = scenario.sessions.iter().find(|s| s.id.as_str() == session_id).unwrap();
            let course = scenario.course(&session.course).unwrap();
            let shown = &events[&uid];
            assert_eq!(shown.start, session.start, "{uid}");
            assert_eq!(shown.end_exclusive, session.end.checked_add_days(Days::new(1)).unwrap(), "{uid}");
            assert!(
                shown.summary.starts_with(qudra::model::name_in(&course.title, lang.code())),
                "{uid}: {}",
                shown.summary
            );
            assert!(shown.summary.contains(&seats.to_string()) || seats <= 2, "{uid}: {}", shown.summary);
            assert_eq!(shown.location.as_deref(), Some(course.location.in_lang(lang.code())), "{uid}");
        }
    }
}

#[test]
fn one_state_gets_only_its_own_events() {
    let scenario = fixture();
    let plan = solve(&scenario, &Options::default()).unwrap();
    let text =
        calendar(&scenario, &plan, &IcsOptions { lang: FileLang::Ar, state: Some("TN".into()), dtstamp: dtstamp() })
            .unwrap();
    let typed: icalendar::Calendar = text.parse().unwrap();
    let uids: Vec<&str> = typed.components.iter().filter_map(|c| c.as_event()?.get_uid()).collect();
    assert_eq!(uids, ["DF-102-A.TN.2027@qudra", "CR-201-A.TN.2027@qudra"]);
}

#[test]
fn every_physical_line_ends_in_crlf_and_fits_75_octets() {
    let scenario = fixture();
    let plan = solve(&scenario, &Options::default()).unwrap();
    let text = calendar(&scenario, &plan, &IcsOptions { lang: FileLang::Ar, state: None, dtstamp: dtstamp() }).unwrap();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "bare line break in {line:?}");
        assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {line}", line.len());
    }
}

/// Text a content line can hold: anything but CR and LF (which escaping removes first).
fn line_text() -> impl Strategy<Value = String> {
    "[^\r\n]{0,300}"
}

proptest! {
    #[test]
    fn folding_never_exceeds_75_octets_and_unfolds_to_the_original(line in line_text()) {
        let folded = fold(&line);
        for physical in folded.split("\r\n") {
            prop_assert!(physical.len() <= MAX_LINE_OCTETS, "{} octets", physical.len());
        }
        prop_assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn arabic_text_folds_between_letters(words in proptest::collection::vec("[\u{0621}-\u{064A} ]{1,12}", 1..20)) {
        let line = format!("SUMMARY:{}", escape_text(&words.join("،;, ")));
        let folded = fold(&line);
        for physical in folded.split("\r\n") {
            prop_assert!(physical.len() <= MAX_LINE_OCTETS);
        }
        prop_assert_eq!(unfold(&folded), line);
    }

    #[test]
    fn escaping_round_trips(text in "[^\r]{0,200}") {
        let no_controls: String = text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
        let escaped = escape_text(&no_controls);
        prop_assert!(!escaped.contains('\n'));
        prop_assert_eq!(unescape_text(&escaped), no_controls);
    }

    #[test]
    fn escaped_values_survive_the_icalendar_parser(text in "[a-zA-Z0-9 ,;:\\\\\n\u{0621}-\u{064A}\"']{1,120}") {
        let value = text.trim().to_string();
        prop_assume!(!value.is_empty());
        let doc = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20270101T000000Z\r\n{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            fold(&format!("SUMMARY:{}", escape_text(&value)))
        );
        let typed = doc.parse::<icalendar::Calendar>().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let summary = typed.components.iter().find_map(|c| c.as_event()?.get_summary().map(str::to_string));
        prop_assert_eq!(summary.as_deref(), Some(value.as_str()));
    }
}

#[test]
fn the_demo_plan_calendar_parses_with_one_event_per_state_and_session() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/demo-2027.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("notice: {path} is missing; the demo calendar check is skipped");
        return;
    };
    let scenario = Scenario::from_json(&text).unwrap();
    let plan = solve(&scenario, &Options::default()).unwrap();
    let ics = calendar(&scenario, &plan, &IcsOptions { lang: FileLang::Ar, state: None, dtstamp: dtstamp() }).unwrap();
    let typed: icalendar::Calendar = ics.parse().expect("typed parse");
    let mut pairs: Vec<String> = plan
        .allocations
        .iter()
        .map(|a| {
            format!(
                "{}.{}.{}@qudra",
                a.session,
                scenario.need(&a.need).unwrap().state,
                scenario.horizon.unwrap().start.year()
            )
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    let mut uids: Vec<String> =
        typed.components.iter().filter_map(|c| Some(c.as_event()?.get_uid()?.to_string())).collect();
    uids.sort();
    assert_eq!(uids, pairs);
}

/// The scenario moved by whole years, the way next year's copy of this year's scenario looks.
fn next_year(scenario: &Scenario) -> Scenario {
    let shift = |d: NaiveDate| d.with_year(d.year() + 1).unwrap();
    let mut next = scenario.clone();
    if let Some(h) = next.horizon.as_mut() {
        h.start = shift(h.start);
        h.end = shift(h.end);
    }
    for s in &mut next.sessions {
        s.start = shift(s.start);
        s.end = shift(s.end);
    }
    for n in &mut next.needs {
        if let Some(w) = n.window.as_mut() {
            w.start = shift(w.start);
            w.end = shift(w.end);
        }
    }
    for st in &mut next.states {
        for b in &mut st.blackouts {
            b.start = shift(b.start);
            b.end = shift(b.end);
        }
    }
    next
}

fn uids(ics: &str) -> Vec<String> {
    unfold(ics).lines().filter_map(|l| l.strip_prefix("UID:")).map(str::to_string).collect()
}

#[test]
fn uids_carry_the_year_so_next_years_calendar_never_overwrites_this_years() {
    let options = IcsOptions { lang: FileLang::En, state: None, dtstamp: dtstamp() };
    let this = fixture();
    let next = next_year(&this);
    let now = uids(&calendar(&this, &solve(&this, &Options::default()).unwrap(), &options).unwrap());
    let later = uids(&calendar(&next, &solve(&next, &Options::default()).unwrap(), &options).unwrap());
    assert!(now.contains(&"DF-101-A.QA.2027@qudra".to_string()), "{now:?}");
    assert!(later.contains(&"DF-101-A.QA.2028@qudra".to_string()), "{later:?}");
    assert!(now.iter().all(|uid| !later.contains(uid)), "{now:?} / {later:?}");

    // Without a horizon, the year is the session's own start year.
    let mut open = fixture();
    open.horizon = None;
    let open_uids = uids(&calendar(&open, &solve(&open, &Options::default()).unwrap(), &options).unwrap());
    assert!(open_uids.contains(&"DF-101-A.QA.2027@qudra".to_string()), "{open_uids:?}");
}

#[test]
fn dtend_after_the_last_day_of_a_year_is_a_valid_date() {
    let mut scenario = fixture();
    let plan = solve(&scenario, &Options::default()).unwrap();
    let session = scenario.sessions.iter_mut().find(|s| s.id.as_str() == "DF-101-A").unwrap();
    session.end = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
    scenario.horizon = None;
    for need in &mut scenario.needs {
        need.window = None;
    }
    for state in &mut scenario.states {
        state.blackouts.clear();
    }
    let ics = calendar(&scenario, &plan, &IcsOptions { lang: FileLang::En, state: None, dtstamp: dtstamp() }).unwrap();
    assert!(unfold(&ics).lines().any(|l| l == "DTEND;VALUE=DATE:20280101"), "{ics}");
    let typed: icalendar::Calendar = ics.parse().expect("typed parse");
    assert!(!typed.components.is_empty());

    // A year a calendar cannot hold is refused, never written as `+100000101`.
    let session = scenario.sessions.iter_mut().find(|s| s.id.as_str() == "DF-101-A").unwrap();
    session.end = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let err =
        calendar(&scenario, &plan, &IcsOptions { lang: FileLang::En, state: None, dtstamp: dtstamp() }).unwrap_err();
    assert!(err.to_string().contains("DF-101-A"), "{err}");
}

// The unit tests that lived in src/io/ics.rs, moved with `unfold` and `unescape_text`.

#[test]
fn folding_keeps_arabic_letters_whole() {
    let line = format!("SUMMARY:{}", "قطر".repeat(30));
    let folded = fold(&line);
    for physical in folded.split("\r\n") {
        assert!(physical.len() <= MAX_LINE_OCTETS, "{} octets", physical.len());
    }
    assert!(folded.contains("\r\n "));
    assert_eq!(unfold(&folded), line);
}

#[test]
fn a_short_line_is_not_folded() {
    assert_eq!(fold("VERSION:2.0"), "VERSION:2.0");
    let exactly = "X".repeat(MAX_LINE_OCTETS);
    assert_eq!(fold(&exactly), exactly);
    assert_eq!(fold(&format!("{exactly}Y")), format!("{exactly}\r\n Y"));
    let escape_at_the_edge = format!("{}\\,", "X".repeat(MAX_LINE_OCTETS - 1));
    assert_eq!(fold(&escape_at_the_edge), format!("{}\r\n \\,", "X".repeat(MAX_LINE_OCTETS - 1)));
}

#[test]
fn text_escaping_covers_the_rfc_characters() {
    assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    assert_eq!(unescape_text(&escape_text("a\\b;c,d\ne")), "a\\b;c,d\ne");
    assert_eq!(escape_text("bell\u{7}"), "bell");
}

/// The event of `uid` in a calendar, unfolded.
fn event_of(ics: &str, uid: &str) -> Option<String> {
    unfold(ics).split("BEGIN:VEVENT").find(|event| event.contains(&format!("UID:{uid}\r\n"))).map(str::to_string)
}

#[test]
fn a_feed_cancels_what_a_newer_plan_drops_and_raises_the_sequence() {
    use qudra::io::ics::feed;
    use qudra::model::{Exclusion, NeedId, SessionId};
    let first = fixture();
    let first_plan = solve(&first, &Options::default()).unwrap();
    let mut second = first.clone();
    second.exclusions.push(Exclusion { need: NeedId::new("QA-crypto-2"), session: SessionId::new("CR-201-A") });
    let second_plan = solve(&second, &Options::default()).unwrap();
    let options = IcsOptions { lang: FileLang::En, state: Some("QA".into()), dtstamp: dtstamp() };
    let uid = "CR-201-A.QA.2027@qudra";

    let one = feed(&[(first.clone(), first_plan.clone())], &options).unwrap();
    assert_eq!(uids(&one), uids(&calendar(&first, &first_plan, &options).unwrap()), "the plan's events");
    assert!(event_of(&one, uid).is_some_and(|event| event.contains("SEQUENCE:0") && !event.contains("CANCELLED")));

    let history = [(first.clone(), first_plan.clone()), (second.clone(), second_plan.clone())];
    let two = feed(&history, &options).unwrap();
    let dropped = event_of(&two, uid).expect("the dropped event stays in the feed");
    assert!(dropped.contains("STATUS:CANCELLED") && dropped.contains("SEQUENCE:1"), "{dropped}");
    assert!(!calendar(&second, &second_plan, &options).unwrap().contains(uid), "the newer plan has no such event");
    let parsed: icalendar::Calendar = two.parse().expect("the feed parses");
    assert_eq!(parsed.components.iter().filter(|c| matches!(c, CalendarComponent::Event(_))).count(), uids(&two).len());

    let back = feed(&[history[0].clone(), history[1].clone(), (first, first_plan)], &options).unwrap();
    let restored = event_of(&back, uid).expect("the event");
    assert!(restored.contains("SEQUENCE:2") && !restored.contains("CANCELLED"), "{restored}");
    assert!(back.ends_with("END:VCALENDAR\r\n") && back.lines().all(|line| line.len() <= 76));
}
