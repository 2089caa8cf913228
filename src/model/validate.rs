//! Validation of a parsed scenario (SPEC §2): every problem, each with its JSON path and a
//! plain message. A scenario with any problem is never solved.

use super::order;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::problem::{PinMismatch, Problem, ProblemKind as K, Quantity, Thing};
use super::{Course, DateRange, Mode, Names, Need, Scenario, Session, SCENARIO_FORMAT, SCENARIO_VERSION};

/// The largest count the model represents exactly: trainees, seats, caps, minimums, pinned
/// seats (SPEC §2). Far above any real course, far below where sums lose precision.
pub const MAX_COUNT: i64 = 100_000;
/// The largest amount of money: a cost per seat or a budget, in `settings.currency` units.
pub const MAX_MONEY: i64 = 1_000_000_000_000;
/// The largest priority weight, equity bonus or cost weight: with counts and money bounded,
/// the objective stays well inside what a double holds exactly enough to compare plans.
pub const MAX_WEIGHT: f64 = 1_000_000.0;
/// The earliest year a date may have (every date is then a valid RFC 5545 date).
pub const MIN_YEAR: i32 = 1900;
/// The latest year a date may have.
pub const MAX_YEAR: i32 = 2200;

/// Every problem of the scenario, in document order; empty when it can be solved.
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut out = Problems::default();
    check_header(scenario, &mut out);
    check_settings(scenario, &mut out);
    check_states(scenario, &mut out);
    check_skills(scenario, &mut out);
    check_courses(scenario, &mut out);
    check_sessions(scenario, &mut out);
    check_needs(scenario, &mut out);
    let lookup = Lookup::new(scenario);
    check_pins(scenario, &lookup, &mut out);
    check_exclusions(scenario, &lookup, &mut out);
    out.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, path: impl Into<String>, kind: K) {
        self.0.push(Problem::new(path, kind));
    }

    fn range(&mut self, path: &str, range: &DateRange) {
        self.date(format!("{path}.start"), range.start);
        self.date(format!("{path}.end"), range.end);
        if range.start > range.end {
            self.push(format!("{path}.start"), K::StartAfterEnd { start: range.start, end: range.end });
        }
    }

    fn date(&mut self, path: String, date: NaiveDate) {
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
            self.push(path, K::YearOutside { date });
        }
    }

    /// An id or a reference to one: letters, digits, `-`, `_`, `.` only. False (after
    /// reporting) when it breaks the rule, so that the caller does not also call it unknown.
    fn id(&mut self, path: impl Into<String>, id: &str) -> bool {
        if id.is_empty() {
            self.push(path, K::Empty);
            return false;
        }
        match id.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
            Some(found) => {
                self.push(path, K::IdCharacter { id: id.to_string(), found });
                false
            }
            None => true,
        }
    }

    /// A state code or a reference to one: exactly two capital letters (ISO 3166-1 alpha-2).
    fn state_code(&mut self, path: impl Into<String>, code: &str) -> bool {
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            return true;
        }
        let upper = code.trim().to_ascii_uppercase();
        let hint = (upper.len() == 2 && upper.bytes().all(|b| b.is_ascii_uppercase())).then_some(upper);
        self.push(path, K::StateCode { code: code.to_string(), hint });
        false
    }

    fn names(&mut self, path: &str, names: &Names) {
        if names.values().all(|n| n.trim().is_empty()) {
            self.push(path, K::NameMissing);
        }
        for (lang, name) in names {
            self.text(format!("{path}.{lang}"), name, false);
        }
    }

    /// Text people read: no bidirectional controls, no control characters (SPEC §2); a
    /// note may break lines (`\n`, `\r\n`).
    fn text(&mut self, path: String, text: &str, line_breaks: bool) {
        if let Some(found) = hidden_character(text, line_breaks) {
            self.push(path, K::HiddenCharacter { found });
        }
    }

    fn count(&mut self, path: impl Into<String>, value: i64) {
        if value > MAX_COUNT {
            self.push(path, K::CountTooLarge { value });
        }
    }

    fn money(&mut self, path: impl Into<String>, what: Quantity, value: i64) {
        if value < 0 {
            self.push(path, K::Negative { what, value });
        } else if value > MAX_MONEY {
            self.push(path, K::MoneyTooLarge { value });
        }
    }

    fn weight(&mut self, path: impl Into<String>, what: Quantity, value: f64) {
        // 1e300 reads better than its 301 digits.
        let shown = if value.abs() >= 1e15 { format!("{value:e}") } else { value.to_string() };
        if !value.is_finite() {
            self.push(path, K::NotFinite { what, shown });
        } else if value < 0.0 {
            self.push(path, K::NegativeWeight { what, shown });
        } else if value > MAX_WEIGHT {
            self.push(path, K::WeightTooLarge { shown });
        }
    }

    fn level(&mut self, path: String, level: i64) {
        if !(1..=3).contains(&level) {
            self.push(path, K::LevelRange { level });
        }
    }

    fn mode(&mut self, path: String, mode: &Mode) {
        if let Mode::Unknown(word) = mode {
            self.push(path, K::UnknownMode { word: word.clone() });
        }
    }
}

/// The first character text people read may not hold (SPEC §2): a bidirectional control
/// or a control character; with `line_breaks`, `\n` and `\r\n` are allowed. The usual marks
/// (U+200E, U+200F, U+061C) are.
pub fn hidden_character(text: &str, line_breaks: bool) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = line_breaks && (c == '\n' || (c == '\r' && chars.peek() == Some(&'\n')));
        if !allowed && (is_bidi_control(c) || c.is_control()) {
            return Some(c);
        }
    }
    None
}

/// U+202A–U+202E and U+2066–U+2069: embeddings, overrides and isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Records the first path of each id and reports later copies.
fn check_duplicates<'a>(out: &mut Problems, thing: Thing, ids: impl Iterator<Item = (String, &'a str)>) {
    let mut seen: BTreeMap<&str, String> = BTreeMap::new();
    for (path, id) in ids {
        match seen.get(id) {
            Some(first) => out.push(path, K::Duplicate { thing, id: id.to_string(), first: first.clone() }),
            None => {
                seen.insert(id, path);
            }
        }
    }
}

fn check_header(scenario: &Scenario, out: &mut Problems) {
    if scenario.format != SCENARIO_FORMAT {
        out.push("format", K::FormatTag { found: scenario.format.clone() });
    }
    if scenario.version != SCENARIO_VERSION {
        out.push("version", K::Version { found: scenario.version });
    }
    out.text("title".to_string(), &scenario.title, false);
    if let Some(horizon) = &scenario.horizon {
        out.range("horizon", horizon);
    }
}

fn check_settings(scenario: &Scenario, out: &mut Problems) {
    let settings = &scenario.settings;
    if settings.priority_weights.len() != 5 {
        out.push("settings.priority_weights", K::WeightsCount { found: settings.priority_weights.len() });
    }
    for (i, weight) in settings.priority_weights.iter().enumerate() {
        out.weight(format!("settings.priority_weights[{i}]"), Quantity::Weight, *weight);
    }
    out.weight("settings.equity_bonus", Quantity::EquityBonus, settings.equity_bonus);
    out.weight("settings.cost_weight", Quantity::CostWeight, settings.cost_weight);
    out.text("settings.currency".to_string(), &settings.currency, false);
}

fn check_states(scenario: &Scenario, out: &mut Problems) {
    check_duplicates(
        out,
        Thing::State,
        scenario.states.iter().enumerate().map(|(i, s)| (format!("states[{i}].code"), s.code.as_str())),
    );
    for (i, state) in scenario.states.iter().enumerate() {
        let path = format!("states[{i}]");
        out.state_code(format!("{path}.code"), state.code.as_str());
        out.names(&format!("{path}.name"), &state.name);
        if state.languages.is_empty() {
            out.push(format!("{path}.languages"), K::LanguagesMissing);
        }
        if let Some(budget) = state.budget {
            out.money(format!("{path}.budget"), Quantity::Budget, budget);
        }
        for (j, blackout) in state.blackouts.iter().enumerate() {
            out.range(&format!("{path}.blackouts[{j}]"), &blackout.range());
            out.text(format!("{path}.blackouts[{j}].label"), &blackout.label, false);
        }
    }
}

fn check_skills(scenario: &Scenario, out: &mut Problems) {
    check_duplicates(
        out,
        Thing::Skill,
        scenario.skills.iter().enumerate().map(|(i, s)| (format!("skills[{i}].id"), s.id.as_str())),
    );
    for (i, skill) in scenario.skills.iter().enumerate() {
        out.id(format!("skills[{i}].id"), skill.id.as_str());
        out.names(&format!("skills[{i}].name"), &skill.name);
    }
}

fn check_courses(scenario: &Scenario, out: &mut Problems) {
    let skills: BTreeSet<&str> = order::set(scenario.skills.iter().map(|s| s.id.as_str()));
    check_duplicates(
        out,
        Thing::Course,
        scenario.courses.iter().enumerate().map(|(i, c)| (format!("courses[{i}].id"), c.id.as_str())),
    );
    for (i, course) in scenario.courses.iter().enumerate() {
        let path = format!("courses[{i}]");
        out.id(format!("{path}.id"), course.id.as_str());
        out.names(&format!("{path}.title"), &course.title);
        if out.id(format!("{path}.skill"), course.skill.as_str()) && !skills.contains(course.skill.as_str()) {
            out.push(format!("{path}.skill"), K::Unknown { thing: Thing::Skill, id: course.skill.to_string() });
        }
        out.level(format!("{path}.level"), course.level);
        if course.language.trim().is_empty() {
            out.push(format!("{path}.language"), K::Empty);
        }
        out.mode(format!("{path}.mode"), &course.mode);
        for (suffix, text) in course.location.texts() {
            out.text(format!("{path}.location{suffix}"), text, false);
        }
    }
}

fn check_sessions(scenario: &Scenario, out: &mut Problems) {
    let courses: BTreeSet<&str> = order::set(scenario.courses.iter().map(|c| c.id.as_str()));
    let states: BTreeSet<&str> = order::set(scenario.states.iter().map(|s| s.code.as_str()));
    check_duplicates(
        out,
        Thing::Session,
        scenario.sessions.iter().enumerate().map(|(i, s)| (format!("sessions[{i}].id"), s.id.as_str())),
    );
    for (i, session) in scenario.sessions.iter().enumerate() {
        let path = format!("sessions[{i}]");
        out.id(format!("{path}.id"), session.id.as_str());
        if out.id(format!("{path}.course"), session.course.as_str()) && !courses.contains(session.course.as_str()) {
            out.push(format!("{path}.course"), K::Unknown { thing: Thing::Course, id: session.course.to_string() });
        }
        out.range(&path, &session.dates());
        if session.seats < 0 {
            out.push(format!("{path}.seats"), K::Negative { what: Quantity::Seats, value: session.seats });
        }
        out.count(format!("{path}.seats"), session.seats);
        if let Some(cap) = session.max_per_state {
            if cap < 1 {
                out.push(format!("{path}.max_per_state"), K::CapMin { cap });
            }
            out.count(format!("{path}.max_per_state"), cap);
        }
        if session.min_participants < 0 {
            out.push(
                format!("{path}.min_participants"),
                K::Negative { what: Quantity::Minimum, value: session.min_participants },
            );
        } else if session.min_participants > MAX_COUNT {
            out.count(format!("{path}.min_participants"), session.min_participants);
        } else if session.seats >= 0 && session.min_participants > session.seats {
            out.push(
                format!("{path}.min_participants"),
                K::MinAboveSeats { minimum: session.min_participants, seats: session.seats },
            );
        }
        out.money(format!("{path}.cost_per_seat"), Quantity::Cost, session.cost_per_seat);
        if let Some(open_to) = &session.open_to {
            for (j, code) in open_to.iter().enumerate() {
                let at = format!("{path}.open_to[{j}]");
                if out.state_code(at.clone(), code.as_str()) && !states.contains(code.as_str()) {
                    out.push(at, K::Unknown { thing: Thing::State, id: code.to_string() });
                }
            }
        }
    }
}

fn check_needs(scenario: &Scenario, out: &mut Problems) {
    let states: BTreeSet<&str> = order::set(scenario.states.iter().map(|s| s.code.as_str()));
    let skills: BTreeSet<&str> = order::set(scenario.skills.iter().map(|s| s.id.as_str()));
    check_duplicates(
        out,
        Thing::Need,
        scenario.needs.iter().enumerate().map(|(i, n)| (format!("needs[{i}].id"), n.id.as_str())),
    );
    for (i, need) in scenario.needs.iter().enumerate() {
        let path = format!("needs[{i}]");
        out.id(format!("{path}.id"), need.id.as_str());
        if out.state_code(format!("{path}.state"), need.state.as_str()) && !states.contains(need.state.as_str()) {
            out.push(format!("{path}.state"), K::Unknown { thing: Thing::State, id: need.state.to_string() });
        }
        if out.id(format!("{path}.skill"), need.skill.as_str()) && !skills.contains(need.skill.as_str()) {
            out.push(format!("{path}.skill"), K::Unknown { thing: Thing::Skill, id: need.skill.to_string() });
        }
        out.level(format!("{path}.level"), need.level);
        if need.trainees < 1 {
            out.push(format!("{path}.trainees"), K::TraineesMin { trainees: need.trainees });
        }
        out.count(format!("{path}.trainees"), need.trainees);
        if !(1..=5).contains(&need.priority) {
            out.push(format!("{path}.priority"), K::PriorityRange { priority: need.priority });
        }
        if let Some(window) = &need.window {
            out.range(&format!("{path}.window"), window);
        }
        if let Some(modes) = &need.modes {
            for (j, mode) in modes.iter().enumerate() {
                out.mode(format!("{path}.modes[{j}]"), mode);
            }
        }
        out.text(format!("{path}.note"), &need.note, true);
    }
}

/// Needs, sessions and courses by id, so that pins and exclusions are checked in one pass
/// (the first of duplicate ids wins, as `Scenario::need` finds it).
struct Lookup<'a> {
    needs: HashMap<&'a str, &'a Need>,
    sessions: HashMap<&'a str, &'a Session>,
    courses: HashMap<&'a str, &'a Course>,
}

impl<'a> Lookup<'a> {
    fn new(scenario: &'a Scenario) -> Lookup<'a> {
        fn first<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, &'a T> {
            let mut map = HashMap::with_capacity(items.len());
            for item in items {
                map.entry(id(item)).or_insert(item);
            }
            map
        }
        Lookup {
            needs: first(&scenario.needs, |n| n.id.as_str()),
            sessions: first(&scenario.sessions, |s| s.id.as_str()),
            courses: first(&scenario.courses, |c| c.id.as_str()),
        }
    }

    /// The need and session a pin or exclusion names, reporting either that is unknown.
    fn pair(
        &self,
        out: &mut Problems,
        path: &str,
        need: &str,
        session: &str,
    ) -> (Option<&'a Need>, Option<&'a Session>) {
        let found_need = self.needs.get(need).copied();
        let found_session = self.sessions.get(session).copied();
        if out.id(format!("{path}.need"), need) && found_need.is_none() {
            out.push(format!("{path}.need"), K::Unknown { thing: Thing::Need, id: need.to_string() });
        }
        if out.id(format!("{path}.session"), session) && found_session.is_none() {
            out.push(format!("{path}.session"), K::Unknown { thing: Thing::Session, id: session.to_string() });
        }
        (found_need, found_session)
    }
}

fn check_pins(scenario: &Scenario, lookup: &Lookup<'_>, out: &mut Problems) {
    let excluded: BTreeSet<(&str, &str)> =
        order::set(scenario.exclusions.iter().map(|e| (e.need.as_str(), e.session.as_str())));
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, pin) in scenario.pins.iter().enumerate() {
        let path = format!("pins[{i}]");
        let (need, session) = lookup.pair(out, &path, pin.need.as_str(), pin.session.as_str());
        let course = session.and_then(|s| lookup.courses.get(s.course.as_str()).copied());
        if let (Some(need), Some(course)) = (need, course) {
            if need.skill != course.skill || need.level != course.level {
                out.push(
                    path.clone(),
                    K::PinSkillLevel(Box::new(PinMismatch {
                        need: need.id.to_string(),
                        need_skill: need.skill.to_string(),
                        need_level: need.level,
                        session: pin.session.to_string(),
                        course_skill: course.skill.to_string(),
                        course_level: course.level,
                    })),
                );
            }
        }
        if pin.seats < 1 {
            out.push(format!("{path}.seats"), K::PinSeats { seats: pin.seats });
        }
        out.count(format!("{path}.seats"), pin.seats);
        let key = (pin.need.as_str(), pin.session.as_str());
        match seen.get(&key) {
            Some(&first) => out.push(
                path.clone(),
                K::SecondPin { need: pin.need.to_string(), session: pin.session.to_string(), first },
            ),
            None => {
                seen.insert(key, i);
            }
        }
        if excluded.contains(&key) {
            out.push(path, K::PinExcluded { need: pin.need.to_string(), session: pin.session.to_string() });
        }
    }
}

fn check_exclusions(scenario: &Scenario, lookup: &Lookup<'_>, out: &mut Problems) {
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, exclusion) in scenario.exclusions.iter().enumerate() {
        let path = format!("exclusions[{i}]");
        lookup.pair(out, &path, exclusion.need.as_str(), exclusion.session.as_str());
        let key = (exclusion.need.as_str(), exclusion.session.as_str());
        match seen.get(&key) {
            Some(&first) => out.push(
                path,
                K::SecondExclusion { need: exclusion.need.to_string(), session: exclusion.session.to_string(), first },
            ),
            None => {
                seen.insert(key, i);
            }
        }
    }
}
