//! Validation of a parsed scenario (SPEC §2): every problem, each with its JSON path and a
//! plain message. A scenario with any problem is never solved.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{DateRange, Mode, Names, Scenario, SCENARIO_FORMAT, SCENARIO_VERSION};

/// One thing wrong with a scenario, at a JSON path such as `needs[12].skill`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

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
    check_pins(scenario, &mut out);
    check_exclusions(scenario, &mut out);
    out.0
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem::new(path, message));
    }

    fn range(&mut self, path: &str, range: &DateRange) {
        if range.start > range.end {
            self.push(format!("{path}.start"), format!("starts on {} after it ends on {}", range.start, range.end));
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.push(path, "must not be empty");
        }
    }

    fn names(&mut self, path: &str, names: &Names) {
        if names.values().all(|n| n.trim().is_empty()) {
            self.push(path, "needs a name in at least one language");
        }
    }

    fn level(&mut self, path: String, level: i64) {
        if !(1..=3).contains(&level) {
            self.push(path, format!("level {level} is outside 1..3 (1 basic, 2 intermediate, 3 advanced)"));
        }
    }

    fn mode(&mut self, path: String, mode: &Mode) {
        if let Mode::Unknown(word) = mode {
            self.push(path, format!("unknown mode \"{word}\" (use in_person, online or blended)"));
        }
    }
}

/// Records the first path of each id and reports later copies.
fn check_duplicates<'a>(out: &mut Problems, kind: &str, ids: impl Iterator<Item = (String, &'a str)>) {
    let mut seen: BTreeMap<&str, String> = BTreeMap::new();
    for (path, id) in ids {
        match seen.get(id) {
            Some(first) => out.push(path, format!("duplicate {kind} id \"{id}\" (first at {first})")),
            None => {
                seen.insert(id, path);
            }
        }
    }
}

fn check_header(scenario: &Scenario, out: &mut Problems) {
    if scenario.format != SCENARIO_FORMAT {
        out.push("format", format!("expected \"{SCENARIO_FORMAT}\", found \"{}\"", scenario.format));
    }
    if scenario.version != SCENARIO_VERSION {
        out.push(
            "version",
            format!("this Qudra reads version {SCENARIO_VERSION}, the file is version {}", scenario.version),
        );
    }
    if let Some(horizon) = &scenario.horizon {
        out.range("horizon", horizon);
    }
}

fn check_settings(scenario: &Scenario, out: &mut Problems) {
    let settings = &scenario.settings;
    if settings.priority_weights.len() != 5 {
        out.push(
            "settings.priority_weights",
            format!("needs exactly 5 weights (priority 1 to 5), found {}", settings.priority_weights.len()),
        );
    }
    for (i, weight) in settings.priority_weights.iter().enumerate() {
        if !weight.is_finite() || *weight < 0.0 {
            out.push(format!("settings.priority_weights[{i}]"), format!("weight {weight} must not be negative"));
        }
    }
    if !settings.equity_bonus.is_finite() || settings.equity_bonus < 0.0 {
        out.push("settings.equity_bonus", "must not be negative");
    }
    if !settings.cost_weight.is_finite() || settings.cost_weight < 0.0 {
        out.push("settings.cost_weight", "must not be negative");
    }
}

fn check_states(scenario: &Scenario, out: &mut Problems) {
    check_duplicates(
        out,
        "state",
        scenario.states.iter().enumerate().map(|(i, s)| (format!("states[{i}].code"), s.code.as_str())),
    );
    for (i, state) in scenario.states.iter().enumerate() {
        let path = format!("states[{i}]");
        out.id(&format!("{path}.code"), state.code.as_str());
        out.names(&format!("{path}.name"), &state.name);
        if state.languages.is_empty() {
            out.push(format!("{path}.languages"), "needs at least one training language");
        }
        if let Some(budget) = state.budget {
            if budget < 0 {
                out.push(format!("{path}.budget"), format!("budget {budget} must not be negative"));
            }
        }
        for (j, blackout) in state.blackouts.iter().enumerate() {
            out.range(&format!("{path}.blackouts[{j}]"), &blackout.range());
        }
    }
}

fn check_skills(scenario: &Scenario, out: &mut Problems) {
    check_duplicates(
        out,
        "skill",
        scenario.skills.iter().enumerate().map(|(i, s)| (format!("skills[{i}].id"), s.id.as_str())),
    );
    for (i, skill) in scenario.skills.iter().enumerate() {
        out.id(&format!("skills[{i}].id"), skill.id.as_str());
        out.names(&format!("skills[{i}].name"), &skill.name);
    }
}

fn check_courses(scenario: &Scenario, out: &mut Problems) {
    let skills: BTreeSet<&str> = scenario.skills.iter().map(|s| s.id.as_str()).collect();
    check_duplicates(
        out,
        "course",
        scenario.courses.iter().enumerate().map(|(i, c)| (format!("courses[{i}].id"), c.id.as_str())),
    );
    for (i, course) in scenario.courses.iter().enumerate() {
        let path = format!("courses[{i}]");
        out.id(&format!("{path}.id"), course.id.as_str());
        out.names(&format!("{path}.title"), &course.title);
        if !skills.contains(course.skill.as_str()) {
            out.push(format!("{path}.skill"), format!("unknown skill \"{}\"", course.skill));
        }
        out.level(format!("{path}.level"), course.level);
        if course.language.trim().is_empty() {
            out.push(format!("{path}.language"), "must not be empty");
        }
        out.mode(format!("{path}.mode"), &course.mode);
    }
}

fn check_sessions(scenario: &Scenario, out: &mut Problems) {
    let courses: BTreeSet<&str> = scenario.courses.iter().map(|c| c.id.as_str()).collect();
    let states: BTreeSet<&str> = scenario.states.iter().map(|s| s.code.as_str()).collect();
    check_duplicates(
        out,
        "session",
        scenario.sessions.iter().enumerate().map(|(i, s)| (format!("sessions[{i}].id"), s.id.as_str())),
    );
    for (i, session) in scenario.sessions.iter().enumerate() {
        let path = format!("sessions[{i}]");
        out.id(&format!("{path}.id"), session.id.as_str());
        if !courses.contains(session.course.as_str()) {
            out.push(format!("{path}.course"), format!("unknown course \"{}\"", session.course));
        }
        out.range(&path, &session.dates());
        if session.seats < 0 {
            out.push(format!("{path}.seats"), format!("seats {} must not be negative", session.seats));
        }
        if let Some(cap) = session.max_per_state {
            if cap < 1 {
                out.push(format!("{path}.max_per_state"), format!("cap {cap} must be at least 1 (or null for no cap)"));
            }
        }
        if session.min_participants < 0 {
            out.push(format!("{path}.min_participants"), "must not be negative");
        } else if session.seats >= 0 && session.min_participants > session.seats {
            out.push(
                format!("{path}.min_participants"),
                format!("minimum {} is more than the {} seats", session.min_participants, session.seats),
            );
        }
        if session.cost_per_seat < 0 {
            out.push(format!("{path}.cost_per_seat"), format!("cost {} must not be negative", session.cost_per_seat));
        }
        if let Some(open_to) = &session.open_to {
            for (j, code) in open_to.iter().enumerate() {
                if !states.contains(code.as_str()) {
                    out.push(format!("{path}.open_to[{j}]"), format!("unknown state \"{code}\""));
                }
            }
        }
    }
}

fn check_needs(scenario: &Scenario, out: &mut Problems) {
    let states: BTreeSet<&str> = scenario.states.iter().map(|s| s.code.as_str()).collect();
    let skills: BTreeSet<&str> = scenario.skills.iter().map(|s| s.id.as_str()).collect();
    check_duplicates(
        out,
        "need",
        scenario.needs.iter().enumerate().map(|(i, n)| (format!("needs[{i}].id"), n.id.as_str())),
    );
    for (i, need) in scenario.needs.iter().enumerate() {
        let path = format!("needs[{i}]");
        out.id(&format!("{path}.id"), need.id.as_str());
        if !states.contains(need.state.as_str()) {
            out.push(format!("{path}.state"), format!("unknown state \"{}\"", need.state));
        }
        if !skills.contains(need.skill.as_str()) {
            out.push(format!("{path}.skill"), format!("unknown skill \"{}\"", need.skill));
        }
        out.level(format!("{path}.level"), need.level);
        if need.trainees < 1 {
            out.push(format!("{path}.trainees"), format!("trainees {} must be at least 1", need.trainees));
        }
        if !(1..=5).contains(&need.priority) {
            out.push(
                format!("{path}.priority"),
                format!("priority {} is outside 1..5 (1 low, 5 critical)", need.priority),
            );
        }
        if let Some(window) = &need.window {
            out.range(&format!("{path}.window"), window);
        }
        if let Some(modes) = &need.modes {
            for (j, mode) in modes.iter().enumerate() {
                out.mode(format!("{path}.modes[{j}]"), mode);
            }
        }
    }
}

fn check_pins(scenario: &Scenario, out: &mut Problems) {
    let excluded: BTreeSet<(&str, &str)> =
        scenario.exclusions.iter().map(|e| (e.need.as_str(), e.session.as_str())).collect();
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, pin) in scenario.pins.iter().enumerate() {
        let path = format!("pins[{i}]");
        let need = scenario.need(&pin.need);
        let session = scenario.session(&pin.session);
        if need.is_none() {
            out.push(format!("{path}.need"), format!("unknown need \"{}\"", pin.need));
        }
        if session.is_none() {
            out.push(format!("{path}.session"), format!("unknown session \"{}\"", pin.session));
        }
        if let (Some(need), Some(course)) = (need, session.and_then(|s| scenario.course(&s.course))) {
            if need.skill != course.skill || need.level != course.level {
                out.push(
                    path.clone(),
                    format!(
                        "need \"{}\" is {} level {} but session \"{}\" teaches {} level {}",
                        need.id, need.skill, need.level, pin.session, course.skill, course.level
                    ),
                );
            }
        }
        if pin.seats < 1 {
            out.push(format!("{path}.seats"), format!("a pin needs at least 1 seat, found {}", pin.seats));
        }
        let key = (pin.need.as_str(), pin.session.as_str());
        match seen.get(&key) {
            Some(first) => out.push(
                path.clone(),
                format!("second pin of need \"{}\" to session \"{}\" (first at pins[{first}])", pin.need, pin.session),
            ),
            None => {
                seen.insert(key, i);
            }
        }
        if excluded.contains(&key) {
            out.push(
                path,
                format!("need \"{}\" is pinned to session \"{}\" but that pairing is excluded", pin.need, pin.session),
            );
        }
    }
}

fn check_exclusions(scenario: &Scenario, out: &mut Problems) {
    let mut seen: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (i, exclusion) in scenario.exclusions.iter().enumerate() {
        let path = format!("exclusions[{i}]");
        if scenario.need(&exclusion.need).is_none() {
            out.push(format!("{path}.need"), format!("unknown need \"{}\"", exclusion.need));
        }
        if scenario.session(&exclusion.session).is_none() {
            out.push(format!("{path}.session"), format!("unknown session \"{}\"", exclusion.session));
        }
        let key = (exclusion.need.as_str(), exclusion.session.as_str());
        match seen.get(&key) {
            Some(first) => out.push(
                path,
                format!(
                    "second exclusion of need \"{}\" from session \"{}\" (first at exclusions[{first}])",
                    exclusion.need, exclusion.session
                ),
            ),
            None => {
                seen.insert(key, i);
            }
        }
    }
}
