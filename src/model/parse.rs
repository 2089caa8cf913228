//! Reading a scenario file (SPEC §2) so that one pass reports every problem it can:
//!
//! 1. the text becomes a JSON tree, refusing a key repeated in one object (the last copy
//!    would silently win otherwise);
//! 2. the tree is walked against the fields each kind of object has: a list where an object
//!    belongs is refused (serde would read it as the fields in order), an unknown field is a
//!    problem and is dropped, so that the rest of the file can still be checked;
//! 3. the cleaned tree is deserialized; a value of the wrong type stops reading there, with
//!    its JSON path (and its line and column, found again in the text).
//!
//! `Scenario::from_json` then adds the validation problems of what was read when there were
//! unknown fields, so that a misspelt field is reported with every other problem.

use std::cell::RefCell;
use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{clean_serde_message, ParseError, Problem, ProblemKind, Scenario};

/// The `format` tag of a plan file (SPEC §4), named here so that a plan given where a
/// scenario belongs is called what it is (`solve::PLAN_FORMAT` is the same text).
const PLAN_FORMAT: &str = "qudra-plan";

/// Where a value sits in the document; turned into a path only when a problem names it.
#[derive(Clone, Copy)]
enum Place<'a> {
    Root,
    Key(&'a Place<'a>, &'a str),
    Index(&'a Place<'a>, usize),
}

impl Place<'_> {
    fn path(&self) -> String {
        match self {
            Place::Root => ".".to_string(),
            Place::Key(Place::Root, key) => key.to_string(),
            Place::Key(parent, key) => format!("{}.{key}", parent.path()),
            Place::Index(Place::Root, index) => format!("[{index}]"),
            Place::Index(parent, index) => format!("{}[{index}]", parent.path()),
        }
    }
}

/// Step 1: any JSON value, refusing a key that appears twice in one object. The path of the
/// repeated key is left in `repeated`, since serde's error only carries a message.
struct Tree<'a> {
    place: Place<'a>,
    repeated: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Tree<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Tree<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        let mut index = 0;
        while let Some(item) =
            seq.next_element_seed(Tree { place: Place::Index(&self.place, index), repeated: self.repeated })?
        {
            items.push(item);
            index += 1;
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            if map.contains_key(&key) {
                *self.repeated.borrow_mut() = Some(Place::Key(&self.place, &key).path());
                return Err(de::Error::custom(ProblemKind::RepeatedKey { key }));
            }
            let value =
                access.next_value_seed(Tree { place: Place::Key(&self.place, &key), repeated: self.repeated })?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

/// The kinds of object a scenario holds.
#[derive(Clone, Copy)]
enum Kind {
    Scenario,
    Range,
    Settings,
    State,
    Blackout,
    Skill,
    Course,
    Session,
    Need,
    Pin,
    Exclusion,
}

/// What a field holds, as far as the walk is concerned.
#[derive(Clone, Copy)]
enum Child {
    /// A value serde checks alone (number, text, list of text, names by language).
    Plain,
    /// One object (or null where the field is optional).
    One(Kind),
    /// A list of objects.
    Many(Kind),
}

/// The fields of each kind, in the order of the structs in `mod.rs` (a test checks that
/// every field a scenario writes is listed here).
fn fields(kind: Kind) -> &'static [(&'static str, Child)] {
    use Child::{Many, One, Plain};
    match kind {
        Kind::Scenario => &[
            ("format", Plain),
            ("version", Plain),
            ("title", Plain),
            ("horizon", One(Kind::Range)),
            ("settings", One(Kind::Settings)),
            ("states", Many(Kind::State)),
            ("skills", Many(Kind::Skill)),
            ("courses", Many(Kind::Course)),
            ("sessions", Many(Kind::Session)),
            ("needs", Many(Kind::Need)),
            ("pins", Many(Kind::Pin)),
            ("exclusions", Many(Kind::Exclusion)),
        ],
        Kind::Range => &[("start", Plain), ("end", Plain)],
        Kind::Settings => {
            &[("priority_weights", Plain), ("equity_bonus", Plain), ("cost_weight", Plain), ("currency", Plain)]
        }
        Kind::State => &[
            ("code", Plain),
            ("name", Plain),
            ("languages", Plain),
            ("budget", Plain),
            ("blackouts", Many(Kind::Blackout)),
        ],
        Kind::Blackout => &[("start", Plain), ("end", Plain), ("label", Plain)],
        Kind::Skill => &[("id", Plain), ("name", Plain)],
        Kind::Course => &[
            ("id", Plain),
            ("title", Plain),
            ("skill", Plain),
            ("level", Plain),
            ("language", Plain),
            ("mode", Plain),
            ("location", Plain),
        ],
        Kind::Session => &[
            ("id", Plain),
            ("course", Plain),
            ("start", Plain),
            ("end", Plain),
            ("seats", Plain),
            ("max_per_state", Plain),
            ("min_participants", Plain),
            ("cost_per_seat", Plain),
            ("open_to", Plain),
        ],
        Kind::Need => &[
            ("id", Plain),
            ("state", Plain),
            ("skill", Plain),
            ("level", Plain),
            ("trainees", Plain),
            ("priority", Plain),
            ("window", One(Kind::Range)),
            ("languages", Plain),
            ("modes", Plain),
            ("note", Plain),
        ],
        Kind::Pin => &[("need", Plain), ("session", Plain), ("seats", Plain)],
        Kind::Exclusion => &[("need", Plain), ("session", Plain)],
    }
}

/// What the walk found.
#[derive(Default)]
struct Walk {
    problems: Vec<Problem>,
    /// A list stood where an object belongs: the tree cannot be read as a scenario.
    blocked: bool,
}

/// Step 2: checks `value` as an object of `kind`, dropping and reporting unknown fields.
fn walk(value: &mut Value, kind: Kind, place: Place<'_>, out: &mut Walk) {
    match value {
        Value::Array(_) => {
            out.problems.push(a_list_for_an_object(place));
            out.blocked = true;
        }
        Value::Object(map) => {
            let known = fields(kind);
            let unknown: Vec<String> =
                map.keys().filter(|k| !known.iter().any(|(name, _)| name == k)).cloned().collect();
            for key in unknown {
                map.remove(&key);
                out.problems.push(unknown_field(kind, &key, place));
            }
            for (name, child) in known {
                let Some(inner) = map.get_mut(*name) else { continue };
                let here = Place::Key(&place, name);
                match child {
                    Child::Plain => {}
                    Child::One(kind) => walk(inner, *kind, here, out),
                    Child::Many(kind) => {
                        if let Value::Array(items) = inner {
                            for (i, item) in items.iter_mut().enumerate() {
                                walk(item, *kind, Place::Index(&here, i), out);
                            }
                        }
                    }
                }
            }
        }
        // Null, text, numbers: serde says what was expected, at this path.
        _ => {}
    }
}

fn unknown_field(kind: Kind, key: &str, place: Place<'_>) -> Problem {
    let expected: Box<[&'static str]> = fields(kind).iter().map(|(name, _)| *name).collect();
    let hint = nearest(key, &expected);
    Problem::new(Place::Key(&place, key).path(), ProblemKind::UnknownField { key: key.to_string(), hint, expected })
}

fn a_list_for_an_object(place: Place<'_>) -> Problem {
    Problem::new(place.path(), ProblemKind::ListForObject)
}

/// Steps 1 and 2 on the text itself, building nothing: repeated keys stop reading (with
/// their line and column), lists where objects belong and unknown fields are collected.
/// A file where this finds nothing is then deserialized straight from its text.
struct Scan<'a> {
    /// The kind of object expected here; `None` inside plain values (only repeated keys).
    kind: Option<Kind>,
    /// A list of `kind` objects is expected here.
    list: bool,
    /// Keep this text as the file's `format`.
    capture: bool,
    place: Place<'a>,
    state: &'a RefCell<ScanState>,
}

#[derive(Default)]
struct ScanState {
    walk: Walk,
    /// The path and key of a repeated key.
    repeated: Option<(String, String)>,
    format: Option<String>,
}

impl<'a> Scan<'a> {
    fn plain(place: Place<'a>, state: &'a RefCell<ScanState>) -> Scan<'a> {
        Scan { kind: None, list: false, capture: false, place, state }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        if self.capture {
            self.state.borrow_mut().format = Some(v.to_string());
        }
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let element_kind = match (self.kind, self.list) {
            (Some(kind), true) => Some(kind),
            (Some(_), false) => {
                let mut state = self.state.borrow_mut();
                state.walk.problems.push(a_list_for_an_object(self.place));
                state.walk.blocked = true;
                None
            }
            (None, _) => None,
        };
        let mut index = 0;
        loop {
            let place = Place::Index(&self.place, index);
            let seed = Scan { kind: element_kind, list: false, capture: false, place, state: self.state };
            if seq.next_element_seed(seed)?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        let kind = if self.list { None } else { self.kind };
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = access.next_key::<String>()? {
            let place = Place::Key(&self.place, &key);
            if seen.contains(&key) {
                let kind = ProblemKind::RepeatedKey { key: key.clone() };
                self.state.borrow_mut().repeated = Some((place.path(), key));
                return Err(de::Error::custom(kind));
            }
            let mut seed = Scan::plain(place, self.state);
            if let Some(kind) = kind {
                match fields(kind).iter().find(|(name, _)| *name == key) {
                    None => self.state.borrow_mut().walk.problems.push(unknown_field(kind, &key, self.place)),
                    Some((_, Child::Plain)) => seed.capture = matches!(kind, Kind::Scenario) && key == "format",
                    Some((_, Child::One(inner))) => seed.kind = Some(*inner),
                    Some((_, Child::Many(inner))) => {
                        seed.kind = Some(*inner);
                        seed.list = true;
                    }
                }
            }
            access.next_value_seed(seed)?;
            seen.push(key);
        }
        Ok(())
    }
}

/// The known name closest to a misspelt one (at most two edits away, case ignored).
fn nearest<'a>(word: &str, names: &[&'a str]) -> Option<&'a str> {
    let word = word.to_lowercase();
    names.iter().map(|name| (edit_distance(&word, name), *name)).filter(|(d, _)| *d <= 2).min().map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let replace = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = replace.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// Reads the scenario with unknown fields dropped, and a problem for each dropped field.
pub(super) fn read(text: &str) -> Result<(Scenario, Vec<Problem>), ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let state = RefCell::new(ScanState::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let root = Scan { kind: Some(Kind::Scenario), list: false, capture: false, place: Place::Root, state: &state };
    BAD_DATE.with(|bad| bad.borrow_mut().take());
    root.deserialize(&mut de).map_err(|err| {
        let (path, kind) = match state.borrow_mut().repeated.take() {
            Some((path, key)) => (path, ProblemKind::RepeatedKey { key }),
            None => (".".to_string(), shape(clean_serde_message(&err.to_string()))),
        };
        ParseError { path, kind: Box::new(kind), line: err.line(), column: err.column(), problems: Vec::new() }
    })?;
    de.end().map_err(|err| ParseError {
        path: ".".to_string(),
        kind: Box::new(ProblemKind::TrailingText),
        line: err.line(),
        column: err.column(),
        problems: Vec::new(),
    })?;
    let scanned = state.into_inner();
    if scanned.format.as_deref() == Some(PLAN_FORMAT) {
        return Err(ParseError::at("format", ProblemKind::PlanFile));
    }
    if scanned.walk.blocked {
        return Err(ParseError::from_problems(scanned.walk.problems));
    }
    if scanned.walk.problems.is_empty() {
        // The usual case: straight from the text, which keeps line and column.
        return match tracked(text) {
            Ok(scenario) => Ok((scenario, Vec::new())),
            Err(err) => {
                let path = err.path().to_string();
                let inner = err.into_inner();
                Err(ParseError {
                    path,
                    kind: Box::new(shape(plain_message(&inner.to_string()))),
                    line: inner.line(),
                    column: inner.column(),
                    problems: Vec::new(),
                })
            }
        };
    }
    // Unknown fields: drop them from a tree and read the rest, so that it can be validated.
    let repeated = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let mut tree = Tree { place: Place::Root, repeated: &repeated }
        .deserialize(&mut de)
        .map_err(|err| ParseError::at(".", shape(clean_serde_message(&err.to_string()))))?;
    let mut walked = Walk::default();
    walk(&mut tree, Kind::Scenario, Place::Root, &mut walked);
    if walked.blocked {
        return Err(ParseError::from_problems(walked.problems));
    }
    // Read back from the tree's text, through the same reader as a clean file: one copy of
    // the scenario's path-tracking reader in the program (the browser app's wasm among them)
    // instead of a second one over the tree.
    let cleaned = serde_json::to_string(&tree).map_err(|err| ParseError::at(".", shape(err.to_string())))?;
    match tracked(&cleaned) {
        Ok(scenario) => Ok((scenario, walked.problems)),
        Err(err) => {
            let path = err.path().to_string();
            let message = plain_message(&err.into_inner().to_string());
            // The tree has no positions: read the text again for the line and column of
            // the same error (it stops at the same place when nothing was dropped).
            let (line, column) = position_in_text(text, &path).unwrap_or((0, 0));
            let error = Problem::new(path, shape(message));
            let mut problems = walked.problems;
            problems.push(error);
            let mut err = ParseError::from_problems(problems);
            if err.problems.len() == 1 {
                err.problems.clear();
                err.line = line;
                err.column = column;
            }
            Err(err)
        }
    }
}

/// The scenario read from JSON text, an error naming its JSON path: the one path-tracking
/// reader of a scenario.
fn tracked(text: &str) -> Result<Scenario, serde_path_to_error::Error<serde_json::Error>> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de)
}

thread_local! {
    /// The last date `strict_date` refused: serde's error carries only its words, and this
    /// gives the error its kind back (see [`shape`]).
    static BAD_DATE: RefCell<Option<ProblemKind>> = const { RefCell::new(None) };
}

/// The kind of a serde error: the date `strict_date` refused when the words are that date's
/// own, else serde's words as they are.
fn shape(detail: String) -> ProblemKind {
    match BAD_DATE.with(|bad| bad.borrow_mut().take()) {
        Some(kind) if kind.to_string() == detail => kind,
        _ => ProblemKind::Shape { detail },
    }
}

/// serde's message without its position, in the words of the SPEC.
fn plain_message(message: &str) -> String {
    clean_serde_message(message)
        .replace("expected i64", "expected a whole number")
        .replace("expected u32", "expected a whole number")
}

/// Line and column of the first shape error the text gives, when it is at `path`.
fn position_in_text(text: &str, path: &str) -> Option<(usize, usize)> {
    match tracked(text) {
        Err(err) if err.path().to_string() == path => Some((err.inner().line(), err.inner().column())),
        _ => None,
    }
}

/// A date written exactly `YYYY-MM-DD` (SPEC §2): no spaces, no missing zeros, a real day.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    if !super::read::iso_shaped(text) {
        return None;
    }
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `deserialize_with` for every date of a scenario.
pub(super) fn strict_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
    parse_iso_date(&text).ok_or_else(|| {
        let kind = ProblemKind::NotADate { text: text.to_string() };
        let error = de::Error::custom(&kind);
        BAD_DATE.with(|bad| *bad.borrow_mut() = Some(kind));
        error
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Blackout, Course, DateRange, Exclusion, Mode, Need, Pin, Session, Settings, Skill, State};

    /// Every field a full scenario writes is one the walk knows, so none is dropped.
    #[test]
    fn the_walk_knows_every_field_the_structs_have() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let range = DateRange { start: day, end: day };
        let mut s = Scenario::empty("t");
        s.horizon = Some(range);
        s.settings = Settings::default();
        s.states.push(State {
            code: "QA".into(),
            name: Default::default(),
            languages: vec![],
            budget: Some(1),
            blackouts: vec![Blackout { start: day, end: day, label: "x".into() }],
        });
        s.skills.push(Skill { id: "s".into(), name: Default::default() });
        s.courses.push(Course {
            id: "c".into(),
            title: Default::default(),
            skill: "s".into(),
            level: 1,
            language: "ar".into(),
            mode: Mode::Online,
            location: "Doha".into(),
        });
        s.sessions.push(Session {
            id: "x".into(),
            course: "c".into(),
            start: day,
            end: day,
            seats: 1,
            max_per_state: Some(1),
            min_participants: 0,
            cost_per_seat: 0,
            open_to: Some(vec![]),
        });
        s.needs.push(Need {
            id: "n".into(),
            state: "QA".into(),
            skill: "s".into(),
            level: 1,
            trainees: 1,
            priority: 1,
            window: Some(range),
            languages: Some(vec![]),
            modes: Some(vec![]),
            note: "n".into(),
        });
        s.pins.push(Pin { need: "n".into(), session: "x".into(), seats: 1 });
        s.exclusions.push(Exclusion { need: "n".into(), session: "x".into() });
        let (read_back, problems) = read(&s.to_json()).unwrap();
        assert_eq!(problems, vec![]);
        assert_eq!(read_back, s);
    }

    #[test]
    fn dates_must_be_exactly_year_month_day() {
        assert_eq!(parse_iso_date("2027-02-07"), NaiveDate::from_ymd_opt(2027, 2, 7));
        for bad in ["2027-2-7", " 2027-02-11", "2027-02-11 ", "2027-02-30", "+2027-02-11", "2027/02/11", "२०२७-02-11"]
        {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn misspelt_fields_get_a_suggestion() {
        assert_eq!(nearest("budgett", &["code", "budget"]), Some("budget"));
        assert_eq!(nearest("colour", &["code", "budget"]), None);
    }
}
