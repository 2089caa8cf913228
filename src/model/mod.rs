//! The scenario as plain data (SPEC §2): states, skills, courses, sessions, needs, pins and
//! exclusions, with every default of the SPEC, plus parsing that names the JSON path of a
//! bad field. Validation of the parsed scenario lives in `validate.rs`.

mod ids;
pub mod order;
mod parse;
mod problem;
pub mod read;
mod validate;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use ids::{CourseId, NeedId, NeedIds, SessionId, SkillId, StateCode};
pub use parse::parse_iso_date;
pub use problem::{describe_char, PinMismatch, Problem, ProblemKind, Quantity, Thing};
pub use validate::{hidden_character, validate, MAX_COUNT, MAX_MONEY, MAX_WEIGHT, MAX_YEAR, MIN_YEAR};

/// The `format` tag every scenario file carries.
pub const SCENARIO_FORMAT: &str = "qudra-scenario";
/// The scenario format version this build reads and writes.
pub const SCENARIO_VERSION: u32 = 1;

/// Text in several languages, keyed by language code (`en`, `ar`, `fr`).
pub type Names = BTreeMap<String, String>;

/// Picks the text in `lang`, falling back to English, then to any language present.
pub fn name_in<'a>(names: &'a Names, lang: &str) -> &'a str {
    names.get(lang).or_else(|| names.get("en")).or_else(|| names.values().next()).map(String::as_str).unwrap_or("")
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRange {
    #[serde(deserialize_with = "parse::strict_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "parse::strict_date")]
    pub end: NaiveDate,
}

impl DateRange {
    /// True when the two inclusive ranges share at least one day.
    pub fn intersects(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// True when `inner` lies entirely inside `self`.
    pub fn contains(&self, inner: &DateRange) -> bool {
        self.start <= inner.start && inner.end <= self.end
    }

    /// Number of days, counting both ends.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// How a course is delivered. Unknown words are kept so that validation can name them
/// instead of the parser stopping at the first one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    InPerson,
    Online,
    Blended,
    Unknown(String),
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::InPerson, Mode::Online, Mode::Blended];

    pub fn as_str(&self) -> &str {
        match self {
            Mode::InPerson => "in_person",
            Mode::Online => "online",
            Mode::Blended => "blended",
            Mode::Unknown(word) => word,
        }
    }

    pub fn parse(word: &str) -> Mode {
        match word {
            "in_person" => Mode::InPerson,
            "online" => Mode::Online,
            "blended" => Mode::Blended,
            other => Mode::Unknown(other.to_string()),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Mode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Mode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Ok(Mode::parse(&word))
    }
}

/// Weights and prices that shape the objective (SPEC §3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Value of one trained officer, by priority 1..5.
    pub priority_weights: Vec<f64>,
    /// Extra value of each seat in the first half of a need.
    pub equity_bonus: f64,
    /// Objective penalty per currency unit spent.
    pub cost_weight: f64,
    pub currency: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            priority_weights: vec![1.0, 2.0, 4.0, 8.0, 16.0],
            equity_bonus: 0.5,
            cost_weight: 0.0001,
            currency: "USD".to_string(),
        }
    }
}

/// Days a state cannot send trainees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blackout {
    #[serde(deserialize_with = "parse::strict_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "parse::strict_date")]
    pub end: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
}

impl Blackout {
    pub fn range(&self) -> DateRange {
        DateRange { start: self.start, end: self.end }
    }
}

/// A member state and what it can attend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub code: StateCode,
    pub name: Names,
    pub languages: Vec<String>,
    /// Training budget for the horizon; `None` is unlimited.
    #[serde(default)]
    pub budget: Option<i64>,
    #[serde(default)]
    pub blackouts: Vec<Blackout>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    pub id: SkillId,
    pub name: Names,
}

/// A catalogue entry: one skill at one level, in one language and mode, at a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub id: CourseId,
    pub title: Names,
    pub skill: SkillId,
    pub level: i64,
    pub language: String,
    pub mode: Mode,
    #[serde(default)]
    pub location: Location,
}

/// Where a course is taught (SPEC §2): one text for every language, or, like a title,
/// names keyed by language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Location {
    Plain(String),
    Names(Names),
}

impl Location {
    /// The place in `lang`: the plain text, or the name in that language, else English,
    /// else any language present.
    pub fn in_lang(&self, lang: &str) -> &str {
        match self {
            Location::Plain(text) => text,
            Location::Names(names) => name_in(names, lang),
        }
    }

    /// Every text the location holds, with the suffix of its JSON path (`""` or `".ar"`).
    pub fn texts(&self) -> Vec<(String, &str)> {
        match self {
            Location::Plain(text) => vec![(String::new(), text.as_str())],
            Location::Names(names) => names.iter().map(|(lang, text)| (format!(".{lang}"), text.as_str())).collect(),
        }
    }

    /// The same location with its name in `lang` replaced by `text`: a plain text stays
    /// plain, names keep their other languages.
    pub fn with_text(&self, lang: &str, text: &str) -> Location {
        match self {
            Location::Plain(_) => Location::Plain(text.to_string()),
            Location::Names(names) => {
                let mut names = names.clone();
                names.insert(lang.to_string(), text.to_string());
                Location::Names(names)
            }
        }
    }
}

impl Default for Location {
    fn default() -> Self {
        Location::Plain(String::new())
    }
}

impl From<&str> for Location {
    fn from(text: &str) -> Self {
        Location::Plain(text.to_string())
    }
}

impl<'de> Deserialize<'de> for Location {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Location;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or names keyed by language")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Location, E> {
                Ok(Location::Plain(text.to_string()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Location, M::Error> {
                Names::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Location::Names)
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

/// One dated offering of a course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub id: SessionId,
    pub course: CourseId,
    #[serde(deserialize_with = "parse::strict_date")]
    pub start: NaiveDate,
    #[serde(deserialize_with = "parse::strict_date")]
    pub end: NaiveDate,
    pub seats: i64,
    #[serde(default)]
    pub max_per_state: Option<i64>,
    #[serde(default)]
    pub min_participants: i64,
    #[serde(default)]
    pub cost_per_seat: i64,
    /// `None`: open to every state.
    #[serde(default)]
    pub open_to: Option<Vec<StateCode>>,
}

impl Session {
    pub fn dates(&self) -> DateRange {
        DateRange { start: self.start, end: self.end }
    }
}

/// "State K needs T officers trained in skill S at level L."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub id: NeedId,
    pub state: StateCode,
    pub skill: SkillId,
    pub level: i64,
    pub trainees: i64,
    pub priority: i64,
    /// `None`: the scenario's horizon, or unbounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<DateRange>,
    /// `None`: the state's languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<String>>,
    /// `None`: all three modes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modes: Option<Vec<Mode>>,
    /// Free text from the focal point (not used by the solver).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The planner forces `seats` trainees of a need into a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    pub need: NeedId,
    pub session: SessionId,
    pub seats: i64,
}

/// The planner forbids a need/session pairing.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub need: NeedId,
    pub session: SessionId,
}

/// Everything a plan is computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<DateRange>,
    #[serde(default)]
    pub settings: Settings,
    pub states: Vec<State>,
    pub skills: Vec<Skill>,
    pub courses: Vec<Course>,
    pub sessions: Vec<Session>,
    pub needs: Vec<Need>,
    #[serde(default)]
    pub pins: Vec<Pin>,
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
}

/// A scenario file that could not be read as JSON of the right shape, or that has unknown
/// fields (then `problems` lists them with every other problem of the file, SPEC §2).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct ParseError {
    /// JSON path of the offending value (`.` for the whole document).
    pub path: String,
    /// (Boxed: a `Result` with a `ParseError` stays small.)
    pub kind: Box<ProblemKind>,
    /// Where in the text, when known (0 when not).
    pub line: usize,
    pub column: usize,
    /// Every problem found, this one first, when there are several; empty when reading
    /// stopped at this one.
    pub problems: Vec<Problem>,
}

impl ParseError {
    /// One problem at `path`, position unknown.
    pub fn at(path: impl Into<String>, kind: ProblemKind) -> ParseError {
        ParseError { path: path.into(), kind: Box::new(kind), line: 0, column: 0, problems: Vec::new() }
    }

    /// The English sentence of the command line (without path or position).
    pub fn message(&self) -> String {
        self.kind.to_string()
    }

    /// The first of `problems`, carrying them all when there are several.
    pub fn from_problems(problems: Vec<Problem>) -> ParseError {
        let first = problems.first().cloned().unwrap_or_else(|| Problem::new(".", ProblemKind::ListForObject));
        let problems = if problems.len() > 1 { problems } else { Vec::new() };
        ParseError { path: first.path, kind: Box::new(first.kind), line: 0, column: 0, problems }
    }

    /// The same error as a validation problem, so callers can list both kinds alike.
    pub fn to_problem(&self) -> Problem {
        let mut problem = Problem::new(self.path.clone(), (*self.kind).clone());
        if self.line > 0 {
            problem.position = Some((self.line, self.column));
        }
        problem
    }

    /// Every problem of the file this error knows of (at least this one).
    pub fn all_problems(&self) -> Vec<Problem> {
        if self.problems.is_empty() {
            vec![self.to_problem()]
        } else {
            self.problems.clone()
        }
    }
}

impl Scenario {
    /// An empty scenario with the current format tag, for building in code.
    pub fn empty(title: &str) -> Scenario {
        Scenario {
            format: SCENARIO_FORMAT.to_string(),
            version: SCENARIO_VERSION,
            title: title.to_string(),
            horizon: None,
            settings: Settings::default(),
            states: Vec::new(),
            skills: Vec::new(),
            courses: Vec::new(),
            sessions: Vec::new(),
            needs: Vec::new(),
            pins: Vec::new(),
            exclusions: Vec::new(),
        }
    }

    /// Reads a scenario from JSON text; a shape error names the JSON path it occurred at.
    /// A UTF-8 byte order mark (Windows editors add one) is ignored. Objects only (never a
    /// list of fields by position), no key twice in one object, dates exactly `YYYY-MM-DD`.
    /// Unknown fields are refused together with every validation problem of the rest of the
    /// file (in `ParseError::problems`); a valid result still wants [`validate`].
    pub fn from_json(text: &str) -> Result<Scenario, ParseError> {
        let (scenario, mut problems) = parse::read(text)?;
        if problems.is_empty() {
            return Ok(scenario);
        }
        problems.extend(validate(&scenario));
        let mut err = ParseError::from_problems(problems.clone());
        err.problems = problems;
        Err(err)
    }

    /// Reads a scenario, dropping unknown fields and returning a problem for each, for a
    /// caller that lists them with the validation problems itself.
    pub fn read_json(text: &str) -> Result<(Scenario, Vec<Problem>), ParseError> {
        parse::read(text)
    }

    /// Pretty JSON with fields in their declared order (stable across runs).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn state(&self, code: &StateCode) -> Option<&State> {
        self.states.iter().find(|s| &s.code == code)
    }

    pub fn course(&self, id: &CourseId) -> Option<&Course> {
        self.courses.iter().find(|c| &c.id == id)
    }

    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skills.iter().find(|s| &s.id == id)
    }

    pub fn session(&self, id: &SessionId) -> Option<&Session> {
        self.sessions.iter().find(|s| &s.id == id)
    }

    pub fn need(&self, id: &NeedId) -> Option<&Need> {
        self.needs.iter().find(|n| &n.id == id)
    }

    /// The need's window, defaulting to the horizon; `None` means unbounded.
    pub fn effective_window(&self, need: &Need) -> Option<DateRange> {
        need.window.or(self.horizon)
    }

    /// The need's acceptable languages, defaulting to its state's.
    pub fn effective_languages<'a>(&'a self, need: &'a Need) -> &'a [String] {
        match &need.languages {
            Some(languages) => languages,
            None => self.state(&need.state).map(|s| s.languages.as_slice()).unwrap_or(&[]),
        }
    }

    /// The need's acceptable modes, defaulting to all three.
    pub fn effective_modes<'a>(&'a self, need: &'a Need) -> &'a [Mode] {
        match &need.modes {
            Some(modes) => modes,
            None => &Mode::ALL,
        }
    }
}

/// serde_json appends " at line L column C"; the path and position are reported separately.
fn clean_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(pos) => message[..pos].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format":"qudra-scenario","version":1,"states":[],"skills":[],
        "courses":[],"sessions":[],"needs":[]}"#;

    #[test]
    fn omitted_settings_take_the_spec_defaults() {
        let scenario = Scenario::from_json(MINIMAL).unwrap();
        assert_eq!(scenario.settings.priority_weights, vec![1.0, 2.0, 4.0, 8.0, 16.0]);
        assert_eq!(scenario.settings.equity_bonus, 0.5);
        assert_eq!(scenario.settings.cost_weight, 0.0001);
        assert_eq!(scenario.settings.currency, "USD");
        assert!(scenario.pins.is_empty() && scenario.exclusions.is_empty());
    }

    #[test]
    fn a_partial_settings_object_keeps_the_other_defaults() {
        let text = MINIMAL.replace("\"states\"", "\"settings\":{\"equity_bonus\":1},\"states\"");
        let scenario = Scenario::from_json(&text).unwrap();
        assert_eq!(scenario.settings.equity_bonus, 1.0);
        assert_eq!(scenario.settings.cost_weight, 0.0001);
    }

    #[test]
    fn unknown_fields_are_rejected_with_their_path() {
        let text = MINIMAL
            .replace("\"states\":[]", "\"states\":[{\"code\":\"QA\",\"name\":{},\"languages\":[],\"budgett\":5}]");
        let err = Scenario::from_json(&text).unwrap_err();
        assert_eq!(err.path, "states[0].budgett");
        assert!(err.message().contains("unknown field \"budgett\""), "{}", err.message());
    }

    #[test]
    fn a_bad_date_names_its_path() {
        let text = MINIMAL
            .replace("\"states\":[]", "\"horizon\":{\"start\":\"2027-13-01\",\"end\":\"2027-12-31\"},\"states\":[]");
        let err = Scenario::from_json(&text).unwrap_err();
        assert_eq!(err.path, "horizon.start");
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let with_bom = format!("\u{feff}{MINIMAL}");
        assert_eq!(Scenario::from_json(&with_bom).unwrap(), Scenario::from_json(MINIMAL).unwrap());
    }

    #[test]
    fn modes_round_trip_and_keep_unknown_words() {
        let modes: Vec<Mode> = serde_json::from_str(r#"["online","in_person","by_post"]"#).unwrap();
        assert_eq!(modes[2], Mode::Unknown("by_post".into()));
        assert_eq!(serde_json::to_string(&modes).unwrap(), r#"["online","in_person","by_post"]"#);
    }
}
