//! Calendars (RFC 5545): one all-day event per (state, session) with seats, for Outlook,
//! Google Calendar and Apple Calendar.
//!
//! Event UIDs are `<session>.<state>.<year>@qudra` (SPEC §5; `<year>` is the year the horizon
//! starts, or the session's start year without a horizon), so importing a newer export
//! updates the same events instead of adding copies, and a session id reused next year makes
//! new events instead of overwriting this year's. DTSTAMP comes from the caller, so the same plan always
//! gives the same bytes.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use super::{check, rows, words, ExportError, FileLang};
use crate::model::{name_in, order, NeedId, Scenario, Session, StateCode};
use crate::solve::Plan;

/// The PRODID every calendar carries.
pub const PRODID: &str = "-//Qudra//Training plan//EN";

/// Most octets a physical line may hold, not counting its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// How to write a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsOptions {
    /// Language of titles, state names and descriptions.
    pub lang: FileLang,
    /// Only this state's events; `None` for every state in one calendar.
    pub state: Option<StateCode>,
    /// When the calendar was made (DTSTAMP of every event), in UTC.
    pub dtstamp: DateTime<Utc>,
}

/// Seats of one state in one session, and which needs they serve.
struct Event<'a> {
    state: &'a StateCode,
    session: &'a Session,
    seats: i64,
    needs: Vec<(&'a NeedId, i64)>,
}

/// The plan as a calendar: one all-day VEVENT per (state, session) with seats > 0, sorted by
/// state, start date and session.
pub fn calendar(scenario: &Scenario, plan: &Plan, options: &IcsOptions) -> Result<String, ExportError> {
    check(scenario, plan, options.state.as_ref())?;
    let lang = options.lang;
    let mut events: BTreeMap<(&StateCode, NaiveDate, &str), Event> = BTreeMap::new();
    for row in rows(scenario, plan, options.state.as_ref()) {
        let key = (&row.need.state, row.session.start, row.session.id.as_str());
        let event = events.entry(key).or_insert_with(|| Event {
            state: &row.need.state,
            session: row.session,
            seats: 0,
            needs: Vec::new(),
        });
        event.seats += row.seats;
        event.needs.push((&row.need.id, row.seats));
    }

    let mut out = String::new();
    let mut put = |name: &str, value: &str| content_line(&mut out, name, value);
    put("BEGIN", "VCALENDAR");
    put("VERSION", "2.0");
    put("PRODID", PRODID);
    put("CALSCALE", "GREGORIAN");
    put("METHOD", "PUBLISH");
    let calendar_name = match options.state.as_ref().and_then(|code| scenario.state(code)) {
        Some(state) => format!("{} — {}", scenario.title, name_in(&state.name, lang.code())),
        None => scenario.title.clone(),
    };
    if !calendar_name.trim().is_empty() {
        put("X-WR-CALNAME", &escape_text(&calendar_name));
    }
    let dtstamp = options.dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut unwritable = Vec::new();
    for event in events.values() {
        let (start, end) = (event.session.start, event.session.end);
        if date_value(start).is_none() || end.checked_add_days(Days::new(1)).and_then(date_value).is_none() {
            unwritable.push(format!(
                "session \"{}\": {start} to {end} cannot be written as calendar dates (years 0000-9999)",
                event.session.id
            ));
        }
    }
    if !unwritable.is_empty() {
        return Err(ExportError::Mismatch(unwritable));
    }
    for event in events.values() {
        let text = EventText::new(scenario, event, lang);
        put("BEGIN", "VEVENT");
        let year = scenario.horizon.map_or(event.session.start.year(), |h| h.start.year());
        put("UID", &escape_text(&format!("{}.{}.{year}@qudra", event.session.id, event.state)));
        put("DTSTAMP", &dtstamp);
        let after_end = event.session.end.checked_add_days(Days::new(1));
        put("DTSTART;VALUE=DATE", &date_value(event.session.start).unwrap_or_default());
        put("DTEND;VALUE=DATE", &after_end.and_then(date_value).unwrap_or_default());
        put("SUMMARY", &escape_text(&text.summary));
        if !text.location.trim().is_empty() {
            put("LOCATION", &escape_text(&text.location));
        }
        put("DESCRIPTION", &escape_text(&text.description));
        put("END", "VEVENT");
    }
    put("END", "VCALENDAR");
    Ok(out)
}

/// A state's calendar feed over the published plans, oldest first (SPEC §8): the events of
/// the newest plan, each with a `SEQUENCE` raised every time a newer plan changed it, and
/// every event an earlier plan had and the newest dropped, kept with `STATUS:CANCELLED` and a
/// higher `SEQUENCE` (after the newest plan's events, which keep its order), so that a
/// subscribed calendar removes it. Empty `published`: an empty calendar.
pub fn feed(published: &[(Scenario, Plan)], options: &IcsOptions) -> Result<String, ExportError> {
    let mut versions: BTreeMap<String, (Vec<String>, u32, bool)> = BTreeMap::new();
    let mut head: Vec<String> = Vec::new();
    let mut order: Vec<String> = Vec::new();
    for (scenario, plan) in published {
        let text = calendar(scenario, plan, options)?;
        let (lines, events) = split_events(&text);
        head = lines;
        order = events.iter().map(|(uid, _)| uid.clone()).collect();
        let present: std::collections::BTreeSet<&String> = order::set(events.iter().map(|(uid, _)| uid));
        for (uid, (_, sequence, cancelled)) in versions.iter_mut() {
            if !present.contains(uid) && !*cancelled {
                *cancelled = true;
                *sequence += 1;
            }
        }
        for (uid, lines) in &events {
            match versions.get_mut(uid) {
                Some((old, sequence, cancelled)) => {
                    if *cancelled || *old != *lines {
                        *sequence += 1;
                    }
                    *old = lines.clone();
                    *cancelled = false;
                }
                None => {
                    versions.insert(uid.clone(), (lines.clone(), 0, false));
                }
            }
        }
    }
    if head.is_empty() {
        head = ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODID}"), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
            .map(str::to_string)
            .to_vec();
    }
    let mut out = String::new();
    for line in head {
        out.push_str(&line);
        out.push_str("\r\n");
    }
    let dtstamp = format!("DTSTAMP:{}", options.dtstamp.format("%Y%m%dT%H%M%SZ"));
    // The newest plan's events in its order, then the cancelled ones.
    let cancelled = versions.iter().filter(|(_, (_, _, cancelled))| *cancelled).map(|(uid, _)| uid.clone());
    let uids: Vec<String> = order.iter().cloned().chain(cancelled).collect();
    for (lines, sequence, cancelled) in uids.iter().filter_map(|uid| versions.get(uid)) {
        out.push_str("BEGIN:VEVENT\r\n");
        for line in lines {
            let line = if line.starts_with("DTSTAMP:") { &dtstamp } else { line };
            out.push_str(line);
            out.push_str("\r\n");
            if line.starts_with("UID:") {
                out.push_str(&format!("SEQUENCE:{sequence}\r\n"));
                if *cancelled {
                    out.push_str("STATUS:CANCELLED\r\n");
                }
            }
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    Ok(out)
}

/// A calendar's lines before its first event (folded lines kept whole), and each event's
/// lines between BEGIN and END by its UID.
fn split_events(text: &str) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let mut logical: Vec<String> = Vec::new();
    for physical in text.split("\r\n") {
        match (physical.strip_prefix(' '), logical.last_mut()) {
            (Some(_), Some(last)) => {
                last.push_str("\r\n");
                last.push_str(physical);
            }
            _ if physical.is_empty() => {}
            _ => logical.push(physical.to_string()),
        }
    }
    let mut head = Vec::new();
    let mut events = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in logical {
        match (line.as_str(), current.as_mut()) {
            ("BEGIN:VEVENT", _) => current = Some(Vec::new()),
            ("END:VEVENT", _) => {
                let lines = current.take().unwrap_or_default();
                let uid = lines.iter().find(|line| line.starts_with("UID:")).cloned().unwrap_or_default();
                events.push((uid, lines));
            }
            (_, Some(lines)) => lines.push(line),
            ("END:VCALENDAR", None) => {}
            (_, None) => head.push(line),
        }
    }
    (head, events)
}

/// A DATE value (RFC 5545 §3.3.4: exactly four digits of year), or `None` for a year a
/// calendar cannot hold.
fn date_value(date: NaiveDate) -> Option<String> {
    (0..=9999).contains(&date.year()).then(|| date.format("%Y%m%d").to_string())
}

/// The human-readable parts of one event.
struct EventText {
    summary: String,
    location: String,
    description: String,
}

impl EventText {
    fn new(scenario: &Scenario, event: &Event, lang: FileLang) -> EventText {
        let code = lang.code();
        let labels = words::event_labels(lang);
        let state_name = scenario
            .state(event.state)
            .map(|s| name_in(&s.name, code))
            .filter(|name| !name.is_empty())
            .unwrap_or(event.state.as_str());
        let course = scenario.course(&event.session.course);
        let title =
            course.map(|c| name_in(&c.title, code)).filter(|t| !t.is_empty()).unwrap_or(event.session.course.as_str());
        let seats = words::seats(event.seats, lang);
        let summary = format!("{title} ({state_name}{}{seats})", labels.comma);

        let mut lines = vec![format!("{}: {} {title}", labels.course, event.session.course)];
        if let Some(course) = course {
            let skill = scenario
                .skill(&course.skill)
                .map(|s| name_in(&s.name, code))
                .filter(|name| !name.is_empty())
                .unwrap_or(course.skill.as_str());
            lines.push(format!("{}: {skill}", labels.skill));
            lines.push(format!("{}: {}", labels.level, words::level(course.level, lang)));
            lines.push(format!("{}: {}", labels.language, words::language(&course.language, lang)));
            lines.push(format!("{}: {}", labels.mode, words::mode(&course.mode, lang)));
        }
        lines.push(format!("{}: {}", labels.session, event.session.id));
        lines.push(format!("{}: {}{}{}", labels.dates, event.session.start, labels.to, event.session.end));
        lines.push(format!("{}: {state_name}{}{seats}", labels.seats, labels.comma));
        let needs: Vec<String> = event.needs.iter().map(|(id, seats)| format!("{id} ({seats})")).collect();
        lines.push(format!("{}: {}", labels.needs, needs.join(labels.comma)));
        EventText {
            summary,
            location: course.map(|c| c.location.in_lang(code).to_string()).unwrap_or_default(),
            description: lines.join("\n"),
        }
    }
}

/// Appends `NAME:value` folded to at most 75 octets a line, ending in CRLF.
fn content_line(out: &mut String, name: &str, value: &str) {
    out.push_str(&fold(&format!("{name}:{value}")));
    out.push_str("\r\n");
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` and line breaks get a backslash;
/// other control characters, which TEXT may not hold, are dropped (tab is kept).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (without its CRLF) into physical lines of at most 75 octets,
/// joined by CRLF + space. Breaks fall only between characters, so no UTF-8 sequence is
/// split, and never inside a backslash escape (`\,`), which some readers mishandle.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 32 * 3);
    let mut used = 0;
    let mut chars = line.chars();
    while let Some(ch) = chars.next() {
        let escaped = if ch == '\\' { chars.next() } else { None };
        let width = ch.len_utf8() + escaped.map_or(0, char::len_utf8);
        if used + width > MAX_LINE_OCTETS && used > 1 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        out.extend(escaped);
        used += width;
    }
    out
}
