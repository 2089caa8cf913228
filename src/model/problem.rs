//! What can be wrong with a scenario file, as data: a [`Problem`] is a JSON path and a
//! [`ProblemKind`] carrying the figures (the value, the limit, the unknown id, the hint).
//! `Display` gives the command line's English sentence; the browser app phrases each kind
//! in its own catalogues (one exhaustive match per language), never reading the English.

use std::fmt;

use chrono::NaiveDate;
use serde::ser::SerializeStruct;

use super::validate::{MAX_COUNT, MAX_MONEY, MAX_WEIGHT, MAX_YEAR, MIN_YEAR};
use super::{SCENARIO_FORMAT, SCENARIO_VERSION};

/// One thing wrong with a scenario, at a JSON path such as `needs[12].skill`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
    /// Line and column in the file's text, when reading stopped there.
    pub position: Option<(usize, usize)>,
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem { path: path.into(), kind, position: None }
    }

    /// The English sentence of the command line (without the path).
    pub fn message(&self) -> String {
        match self.position {
            Some((line, column)) => format!("{} (line {line}, column {column})", self.kind),
            None => self.kind.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message())
    }
}

/// Serialized as `{"path", "message"}`, as before the kinds were typed.
impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Problem", 2)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.message())?;
        s.end()
    }
}

/// The kind of thing an id names (a duplicate, an unknown reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Thing {
    State,
    Skill,
    Course,
    Need,
    Session,
}

impl Thing {
    pub const ALL: [Thing; 5] = [Thing::State, Thing::Skill, Thing::Course, Thing::Need, Thing::Session];

    fn word(self) -> &'static str {
        match self {
            Thing::State => "state",
            Thing::Skill => "skill",
            Thing::Course => "course",
            Thing::Need => "need",
            Thing::Session => "session",
        }
    }
}

/// The field a number belongs to, for the messages that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// A state's budget.
    Budget,
    /// A session's cost per seat.
    Cost,
    /// A session's seats.
    Seats,
    /// A session's minimum number of participants.
    Minimum,
    /// A priority weight.
    Weight,
    EquityBonus,
    CostWeight,
}

impl Quantity {
    pub const ALL: [Quantity; 7] = [
        Quantity::Budget,
        Quantity::Cost,
        Quantity::Seats,
        Quantity::Minimum,
        Quantity::Weight,
        Quantity::EquityBonus,
        Quantity::CostWeight,
    ];

    /// The English word the command line puts before the value ("" for none).
    fn word(self) -> &'static str {
        match self {
            Quantity::Budget => "budget",
            Quantity::Cost => "cost",
            Quantity::Seats => "seats",
            Quantity::Minimum => "",
            Quantity::Weight => "weight",
            Quantity::EquityBonus => "equity bonus",
            Quantity::CostWeight => "cost weight",
        }
    }
}

/// What is wrong, with its figures. Weights are carried as the text the message shows
/// (`1e300`, `-0.5`), so that kinds stay comparable.
///
/// Serialized as an object tagged by `"kind"` (`{"kind": "trainees_min", "trainees": 0}`):
/// the server's 422 carries it as each problem's `code`, which the app phrases as it phrases
/// its own validation. `UnknownField` reads back without its `hint` and `expected` (the
/// reader's own static field names).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    // ---- Reading the file (`parse.rs`) ----
    /// A key appears twice in one object.
    RepeatedKey {
        key: String,
    },
    /// A field the object does not have; `hint` is the nearest known field.
    UnknownField {
        key: String,
        #[serde(skip_deserializing)]
        hint: Option<&'static str>,
        #[serde(skip_deserializing)]
        expected: Box<[&'static str]>,
    },
    /// A list stands where an object with named fields belongs.
    ListForObject,
    /// A date not written `YYYY-MM-DD`, or no real day.
    NotADate {
        text: String,
    },
    /// The file is a plan, not a scenario.
    PlanFile,
    /// Text follows the scenario's closing brace.
    TrailingText,
    /// The JSON has the wrong shape here (a text for a number, a missing field): serde's own
    /// words, which no catalogue can phrase better.
    Shape {
        detail: String,
    },
    // ---- Validation (`validate.rs`) ----
    /// `format` is not the scenario's tag.
    FormatTag {
        found: String,
    },
    /// A `version` this build does not read.
    Version {
        found: u32,
    },
    /// A date whose year is outside `MIN_YEAR..=MAX_YEAR`.
    YearOutside {
        date: NaiveDate,
    },
    StartAfterEnd {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// An empty id, reference or language.
    Empty,
    /// An id holding a character outside letters, digits, `-`, `_`, `.`.
    IdCharacter {
        id: String,
        found: char,
    },
    /// A state code that is not two capital letters; `hint` is the code in capitals.
    StateCode {
        code: String,
        hint: Option<String>,
    },
    NameMissing,
    /// Text holding a bidirectional control or a control character.
    HiddenCharacter {
        found: char,
    },
    /// A count above `MAX_COUNT`.
    CountTooLarge {
        value: i64,
    },
    /// An amount of money above `MAX_MONEY`.
    MoneyTooLarge {
        value: i64,
    },
    /// A weight above `MAX_WEIGHT`.
    WeightTooLarge {
        shown: String,
    },
    Negative {
        what: Quantity,
        value: i64,
    },
    NegativeWeight {
        what: Quantity,
        shown: String,
    },
    NotFinite {
        what: Quantity,
        shown: String,
    },
    LevelRange {
        level: i64,
    },
    PriorityRange {
        priority: i64,
    },
    UnknownMode {
        word: String,
    },
    Duplicate {
        thing: Thing,
        id: String,
        first: String,
    },
    WeightsCount {
        found: usize,
    },
    LanguagesMissing,
    Unknown {
        thing: Thing,
        id: String,
    },
    CapMin {
        cap: i64,
    },
    TraineesMin {
        trainees: i64,
    },
    MinAboveSeats {
        minimum: i64,
        seats: i64,
    },
    PinSeats {
        seats: i64,
    },
    /// A pin between a need and a session of another skill or level.
    PinSkillLevel(Box<PinMismatch>),
    /// A second pin of the same pair (`first` is the first pin's index).
    SecondPin {
        need: String,
        session: String,
        first: usize,
    },
    SecondExclusion {
        need: String,
        session: String,
        first: usize,
    },
    PinExcluded {
        need: String,
        session: String,
    },
}

/// A pin's need and session of different skills or levels.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct PinMismatch {
    pub need: String,
    pub need_skill: String,
    pub need_level: i64,
    pub session: String,
    pub course_skill: String,
    pub course_level: i64,
}

/// A character named so that a reader can find it although it may be invisible.
pub fn describe_char(c: char) -> String {
    let name = match c {
        ' ' => "a space",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        c if c.is_control() => "a control character",
        c if c.is_whitespace() => "a space",
        _ => return format!("\"{c}\" (U+{:04X})", c as u32),
    };
    format!("U+{:04X} ({name})", c as u32)
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind as K;
        match self {
            K::RepeatedKey { key } => write!(
                f,
                "the key \"{key}\" appears twice in this object (only one copy can be kept; remove the other)"
            ),
            K::UnknownField { key, hint, expected } => {
                let hint = hint.map(|h| format!("did you mean \"{h}\"? ")).unwrap_or_default();
                write!(f, "unknown field \"{key}\" ({hint}expected one of {})", expected.join(", "))
            }
            K::ListForObject => f.write_str(
                "expected an object with named fields, found a list (fields are named, never given by position)",
            ),
            K::NotADate { text } => {
                write!(f, "\"{}\" is not a date written YYYY-MM-DD (for example 2027-02-07)", text.escape_debug())
            }
            K::PlanFile => f.write_str(
                "this is a plan file (format \"qudra-plan\"), not a scenario: give the scenario the plan was made from",
            ),
            K::TrailingText => f.write_str("unexpected text after the scenario"),
            K::Shape { detail } => f.write_str(detail),
            K::FormatTag { found } => write!(f, "expected \"{SCENARIO_FORMAT}\", found \"{}\"", found.escape_debug()),
            K::Version { found } => {
                write!(f, "this Qudra reads version {SCENARIO_VERSION}, the file is version {found}")
            }
            K::YearOutside { date } => write!(f, "the year of {date} is outside {MIN_YEAR}..{MAX_YEAR}"),
            K::StartAfterEnd { start, end } => write!(f, "starts on {start} after it ends on {end}"),
            K::Empty => f.write_str("must not be empty"),
            K::IdCharacter { id, found } => write!(
                f,
                "id \"{}\" holds {}; ids may hold only letters, digits, -, _ and .",
                id.escape_debug(),
                describe_char(*found)
            ),
            K::StateCode { code, hint } => {
                write!(f, "state code \"{}\" must be two capital letters (ISO 3166-1, like QA)", code.escape_debug())?;
                match hint {
                    Some(upper) => write!(f, " (did you mean \"{upper}\"?)"),
                    None => Ok(()),
                }
            }
            K::NameMissing => f.write_str("needs a name in at least one language"),
            K::HiddenCharacter { found } => {
                write!(f, "holds {}, which can make text show other words than it holds", describe_char(*found))
            }
            K::CountTooLarge { value } => write!(f, "{value} is more than {MAX_COUNT}, the most Qudra plans exactly"),
            K::MoneyTooLarge { value } => write!(f, "{value} is more than {MAX_MONEY}, the most Qudra plans exactly"),
            K::WeightTooLarge { shown } => {
                write!(f, "{shown} is more than {MAX_WEIGHT}, the most Qudra weighs exactly")
            }
            K::Negative { what: Quantity::Minimum, .. } => f.write_str("must not be negative"),
            K::Negative { what, value } => write!(f, "{} {value} must not be negative", what.word()),
            K::NegativeWeight { what, shown } => write!(f, "{} {shown} must not be negative", what.word()),
            K::NotFinite { what, shown } => write!(f, "{} {shown} must be a finite number", what.word()),
            K::LevelRange { level } => {
                write!(f, "level {level} is outside 1..3 (1 basic, 2 intermediate, 3 advanced)")
            }
            K::PriorityRange { priority } => write!(f, "priority {priority} is outside 1..5 (1 low, 5 critical)"),
            K::UnknownMode { word } => write!(f, "unknown mode \"{word}\" (use in_person, online or blended)"),
            K::Duplicate { thing, id, first } => {
                write!(f, "duplicate {} id \"{id}\" (first at {first})", thing.word())
            }
            K::WeightsCount { found } => write!(f, "needs exactly 5 weights (priority 1 to 5), found {found}"),
            K::LanguagesMissing => f.write_str("needs at least one training language"),
            K::Unknown { thing, id } => write!(f, "unknown {} \"{id}\"", thing.word()),
            K::CapMin { cap } => write!(f, "cap {cap} must be at least 1 (or null for no cap)"),
            K::TraineesMin { trainees } => write!(f, "trainees {trainees} must be at least 1"),
            K::MinAboveSeats { minimum, seats } => write!(f, "minimum {minimum} is more than the {seats} seats"),
            K::PinSeats { seats } => write!(f, "a pin needs at least 1 seat, found {seats}"),
            K::PinSkillLevel(m) => write!(
                f,
                "need \"{}\" is {} level {} but session \"{}\" teaches {} level {}",
                m.need, m.need_skill, m.need_level, m.session, m.course_skill, m.course_level
            ),
            K::SecondPin { need, session, first } => {
                write!(f, "second pin of need \"{need}\" to session \"{session}\" (first at pins[{first}])")
            }
            K::SecondExclusion { need, session, first } => write!(
                f,
                "second exclusion of need \"{need}\" from session \"{session}\" (first at exclusions[{first}])"
            ),
            K::PinExcluded { need, session } => {
                write!(f, "need \"{need}\" is pinned to session \"{session}\" but that pairing is excluded")
            }
        }
    }
}

#[cfg(test)]
impl ProblemKind {
    /// One of each kind (each `Quantity` and `Thing` too), for the tests that read every
    /// kind's words in every language. The match below has no wildcard, so a new kind makes
    /// its author come here (the catalogues' matches make sure it has words at all).
    pub fn samples() -> Vec<ProblemKind> {
        use ProblemKind as K;
        let date = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap_or_default();
        let mut out = vec![
            K::RepeatedKey { key: "seats".into() },
            K::UnknownField { key: "budgett".into(), hint: Some("budget"), expected: Box::new(["code", "budget"]) },
            K::UnknownField { key: "zzz".into(), hint: None, expected: Box::new(["code", "budget"]) },
            K::ListForObject,
            K::NotADate { text: "2027-02-30".into() },
            K::PlanFile,
            K::TrailingText,
            K::Shape { detail: "invalid type: string \"x\", expected a whole number".into() },
            K::FormatTag { found: "other".into() },
            K::Version { found: 9 },
            K::YearOutside { date },
            K::StartAfterEnd { start: date, end: date },
            K::Empty,
            K::IdCharacter { id: "QA 1".into(), found: ' ' },
            K::StateCode { code: "qa".into(), hint: Some("QA".into()) },
            K::StateCode { code: "Q1".into(), hint: None },
            K::NameMissing,
            K::HiddenCharacter { found: '\u{202E}' },
            K::CountTooLarge { value: 100_001 },
            K::MoneyTooLarge { value: MAX_MONEY + 1 },
            K::WeightTooLarge { shown: "1e300".into() },
            K::NegativeWeight { what: Quantity::EquityBonus, shown: "-1".into() },
            K::NotFinite { what: Quantity::Weight, shown: "NaN".into() },
            K::LevelRange { level: 4 },
            K::PriorityRange { priority: 9 },
            K::UnknownMode { word: "by_post".into() },
            K::WeightsCount { found: 3 },
            K::LanguagesMissing,
            K::CapMin { cap: 0 },
            K::TraineesMin { trainees: 0 },
            K::MinAboveSeats { minimum: 8, seats: 5 },
            K::PinSeats { seats: 0 },
            K::PinSkillLevel(Box::new(PinMismatch {
                need: "QA-1".into(),
                need_skill: "forensics".into(),
                need_level: 1,
                session: "S".into(),
                course_skill: "malware".into(),
                course_level: 2,
            })),
            K::SecondPin { need: "QA-1".into(), session: "S".into(), first: 0 },
            K::SecondExclusion { need: "QA-1".into(), session: "S".into(), first: 0 },
            K::PinExcluded { need: "QA-1".into(), session: "S".into() },
        ];
        for what in Quantity::ALL {
            out.push(K::Negative { what, value: -1 });
        }
        for thing in Thing::ALL {
            out.push(K::Duplicate { thing, id: "X-1".into(), first: "needs[0].id".into() });
            out.push(K::Unknown { thing, id: "X-1".into() });
        }
        // The compiler keeps this list whole: a kind missing here is a missing arm.
        for kind in &out {
            match kind {
                K::RepeatedKey { .. }
                | K::UnknownField { .. }
                | K::ListForObject
                | K::NotADate { .. }
                | K::PlanFile
                | K::TrailingText
                | K::Shape { .. }
                | K::FormatTag { .. }
                | K::Version { .. }
                | K::YearOutside { .. }
                | K::StartAfterEnd { .. }
                | K::Empty
                | K::IdCharacter { .. }
                | K::StateCode { .. }
                | K::NameMissing
                | K::HiddenCharacter { .. }
                | K::CountTooLarge { .. }
                | K::MoneyTooLarge { .. }
                | K::WeightTooLarge { .. }
                | K::Negative { .. }
                | K::NegativeWeight { .. }
                | K::NotFinite { .. }
                | K::LevelRange { .. }
                | K::PriorityRange { .. }
                | K::UnknownMode { .. }
                | K::Duplicate { .. }
                | K::WeightsCount { .. }
                | K::LanguagesMissing
                | K::Unknown { .. }
                | K::CapMin { .. }
                | K::TraineesMin { .. }
                | K::MinAboveSeats { .. }
                | K::PinSeats { .. }
                | K::PinSkillLevel(_)
                | K::SecondPin { .. }
                | K::SecondExclusion { .. }
                | K::PinExcluded { .. } => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scenario;

    const HEAD: &str = r#"{"format":"qudra-scenario","version":1,"skills":[],"courses":[],"sessions":[],"needs":[],"#;

    /// The reading problems of a file come typed, with the data the app phrases; the command
    /// line's sentence is unchanged.
    #[test]
    fn reading_problems_are_typed() {
        let err = Scenario::from_json(&format!(
            "{HEAD}\"horizon\":{{\"start\":\"2027-02-30\",\"end\":\"2027-12-31\"}},\"states\":[]}}"
        ))
        .unwrap_err();
        assert_eq!(*err.kind, ProblemKind::NotADate { text: "2027-02-30".into() });
        assert!(err.to_problem().to_string().contains("(line 1, column"), "{}", err.to_problem());

        let err = Scenario::from_json(&format!("{HEAD}\"states\":[],\"states\":[]}}")).unwrap_err();
        assert_eq!(*err.kind, ProblemKind::RepeatedKey { key: "states".into() });

        let text = format!(
            "{HEAD}\"states\":[{{\"code\":\"QA\",\"name\":{{\"en\":\"Q\"}},\"languages\":[\"ar\"],\"budgett\":5}}]}}"
        );
        let err = Scenario::from_json(&text).unwrap_err();
        assert_eq!(err.path, "states[0].budgett");
        assert!(matches!(&*err.kind, ProblemKind::UnknownField { key, hint: Some("budget"), .. } if key == "budgett"));
        assert!(err.message().starts_with("unknown field \"budgett\" (did you mean \"budget\"?"), "{}", err.message());

        let err = Scenario::from_json(&format!("{HEAD}\"states\":[[\"QA\"]]}}")).unwrap_err();
        assert_eq!(*err.kind, ProblemKind::ListForObject);
    }

    /// Small enough to travel in a `Result` (clippy's `result_large_err`).
    #[test]
    fn a_parse_error_stays_small() {
        let size = std::mem::size_of::<crate::model::ParseError>();
        assert!(size <= 128, "{size}");
    }

    /// Every kind writes a sentence of its own for the command line.
    #[test]
    fn every_kind_has_an_english_sentence() {
        for kind in ProblemKind::samples() {
            assert!(kind.to_string().len() > 8, "{kind:?}");
        }
    }
}

#[cfg(test)]
mod wire {
    use super::*;

    /// Every kind travels as JSON tagged by `kind` and reads back the same (the server's 422
    /// `code`); `UnknownField` without its static field names.
    #[test]
    fn every_kind_reads_back_from_its_json() {
        for kind in ProblemKind::samples() {
            let json = serde_json::to_value(&kind).unwrap();
            assert!(json.get("kind").and_then(serde_json::Value::as_str).is_some(), "{json}");
            let back = serde_json::from_value::<ProblemKind>(json.clone()).unwrap();
            match kind {
                ProblemKind::UnknownField { key, .. } => {
                    assert_eq!(back, ProblemKind::UnknownField { key, hint: None, expected: Box::new([]) }, "{json}")
                }
                _ => assert_eq!(back, kind, "{json}"),
            }
        }
        let json = serde_json::to_value(ProblemKind::TraineesMin { trainees: 0 }).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "trainees_min", "trainees": 0}));
    }
}
