//! The small scenarios the view-model's tests start from, written once: a builder over the
//! scenario's JSON that each test module fills with the states, needs, pins and exclusions it
//! needs, read at the end by `Scenario::from_json` as a file would be.

use serde_json::{json, Value};

use crate::model::Scenario;

/// A test scenario being built.
pub(crate) struct Fixture(Value);

impl Fixture {
    /// The year 2027 (its horizon), the skill `forensics` ("Digital forensics"), the course
    /// `DF-101` (level 1, Arabic, in person) and its session `DF-101-A` (7–11 February 2027,
    /// 24 seats); no state, need, pin or exclusion yet.
    pub(crate) fn forensics_2027() -> Fixture {
        Fixture(json!({
            "format": "qudra-scenario", "version": 1,
            "horizon": {"start": "2027-01-01", "end": "2027-12-31"},
            "states": [],
            "skills": [{"id": "forensics", "name": {"en": "Digital forensics"}}],
            "courses": [{"id": "DF-101", "title": {"en": "DF"}, "skill": "forensics", "level": 1,
                         "language": "ar", "mode": "in_person"}],
            "sessions": [{"id": "DF-101-A", "course": "DF-101", "start": "2027-02-07", "end": "2027-02-11", "seats": 24}],
            "needs": [], "pins": [], "exclusions": []
        }))
    }

    fn push(mut self, list: &str, row: Value) -> Fixture {
        if let Some(rows) = self.0.get_mut(list).and_then(Value::as_array_mut) {
            rows.push(row);
        }
        self
    }

    /// A state with its English name, its Arabic one if given, and its languages.
    pub(crate) fn state(self, code: &str, en: &str, ar: Option<&str>, languages: &[&str]) -> Fixture {
        let mut name = json!({"en": en});
        if let Some(ar) = ar {
            name["ar"] = json!(ar);
        }
        self.push("states", json!({"code": code, "name": name, "languages": languages}))
    }

    pub(crate) fn skill(self, id: &str, en: &str) -> Fixture {
        self.push("skills", json!({"id": id, "name": {"en": en}}))
    }

    /// A session of `course` from `start` to `end` with `seats`.
    pub(crate) fn session(self, id: &str, course: &str, (start, end): (&str, &str), seats: i64) -> Fixture {
        self.push("sessions", json!({"id": id, "course": course, "start": start, "end": end, "seats": seats}))
    }

    /// A need of `state` for `skill` at `level`: (trainees, priority).
    pub(crate) fn need(
        self,
        id: &str,
        state: &str,
        (skill, level): (&str, i64),
        (trainees, priority): (i64, i64),
    ) -> Fixture {
        let need = json!({"id": id, "state": state, "skill": skill, "level": level, "trainees": trainees, "priority": priority});
        self.push("needs", need)
    }

    pub(crate) fn pin(self, need: &str, session: &str, seats: i64) -> Fixture {
        self.push("pins", json!({"need": need, "session": session, "seats": seats}))
    }

    pub(crate) fn exclusion(self, need: &str, session: &str) -> Fixture {
        self.push("exclusions", json!({"need": need, "session": session}))
    }

    /// Any other value, at its JSON pointer (`/sessions/0/seats`, `/horizon`); `Value::Null`
    /// at a field of an object removes it.
    pub(crate) fn set(mut self, pointer: &str, value: Value) -> Fixture {
        let (parent, field) = pointer.rsplit_once('/').unwrap_or(("", pointer));
        match self.0.pointer_mut(parent) {
            Some(Value::Object(map)) if value.is_null() => {
                map.remove(field);
            }
            Some(Value::Object(map)) => {
                map.insert(field.to_string(), value);
            }
            Some(Value::Array(list)) => match field.parse::<usize>().ok().and_then(|at| list.get_mut(at)) {
                Some(slot) => *slot = value,
                None => panic!("no {pointer} in the fixture"),
            },
            _ => panic!("no {pointer} in the fixture"),
        }
        self
    }

    /// The scenario, read as a file is.
    pub(crate) fn build(self) -> Scenario {
        Scenario::from_json(&self.0.to_string()).unwrap_or_else(|err| panic!("the fixture does not read: {err:?}"))
    }
}
