//! Adding, duplicating and deleting rows. New rows are valid from the start (fresh ids, known
//! skill and course), deleting a need or session also drops the pins and exclusions that name
//! it, and a course, skill or state still in use cannot be deleted.

use chrono::{Days, NaiveDate};

use super::free_week;
use super::issue::Thing;
use crate::model::{
    read, Blackout, Course, CourseId, Mode, Need, NeedId, NeedIds, Scenario, Session, SessionId, Skill, SkillId,
    StateCode,
};

/// Why a row cannot be deleted: other rows still refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InUse {
    pub by: Thing,
    pub count: usize,
}

/// `base-1`, `base-2` … the first one `taken` says is free.
pub fn fresh_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_else(|| base.to_string())
}

fn first_day(scenario: &Scenario) -> NaiveDate {
    scenario
        .horizon
        .map(|h| h.start)
        .or_else(|| scenario.sessions.iter().map(|s| s.start).min())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(read::FALLBACK_YEAR, 1, 3).unwrap_or_default())
}

/// Appends a need of `state` (first skill, level 1, one trainee, priority 3, defaults for the
/// rest) and returns its index.
pub fn add_need(scenario: &mut Scenario, state: &StateCode) -> usize {
    let skill = scenario.skills.first().map(|s| s.id.clone()).unwrap_or_default();
    let id = NeedIds::new(scenario).fresh(state, &skill, 1);
    scenario.needs.push(Need {
        id,
        state: state.clone(),
        skill,
        level: 1,
        trainees: 1,
        priority: 3,
        window: None,
        languages: None,
        modes: None,
        note: String::new(),
    });
    scenario.needs.len() - 1
}

/// Inserts a copy of need `i` with a fresh id right after it; returns the copy's index.
pub fn duplicate_need(scenario: &mut Scenario, i: usize) -> Option<usize> {
    let mut copy = scenario.needs.get(i)?.clone();
    copy.id = NeedIds::new(scenario).fresh(&copy.state, &copy.skill, copy.level);
    scenario.needs.insert(i + 1, copy);
    Some(i + 1)
}

/// Removes need `i` and the pins and exclusions that name it.
pub fn delete_need(scenario: &mut Scenario, i: usize) -> Option<Need> {
    if i >= scenario.needs.len() {
        return None;
    }
    let need = scenario.needs.remove(i);
    scenario.pins.retain(|p| p.need != need.id);
    scenario.exclusions.retain(|e| e.need != need.id);
    Some(need)
}

/// Whether `id` is one [`NeedIds`] hands out for `need`'s state, skill and level: the base
/// `STATE-skill-level`, or the base with `-n`.
fn is_scheme_id(id: &NeedId, need: &Need) -> bool {
    let base = format!("{}-{}-{}", need.state, need.skill, need.level);
    match id.as_str().strip_prefix(base.as_str()) {
        Some("") => true,
        Some(rest) => rest.strip_prefix('-').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

/// The index of the need a field path names when the path is its state, skill or level
/// (`needs[3].skill`).
fn kind_field(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("needs[")?;
    let (index, field) = rest.split_once(']')?;
    matches!(field, ".skill" | ".level" | ".state").then(|| index.parse().ok())?
}

/// A new need's id follows what it is: after an edit of `path` turned `before` into `after`,
/// when `path` is the state, skill or level of a need that `is_new` (added or duplicated on
/// this page), whose id is still the scheme's id for what it was (nobody typed another) and
/// which no pin or exclusion names, that need takes the scheme's id for what it is now
/// (`TN-forensics-1` becomes `TN-crypto-1`). Returns the new id, or `None` when the id stays.
pub fn follow_id(
    before: &Scenario,
    after: &mut Scenario,
    path: &str,
    is_new: impl Fn(&NeedId) -> bool,
) -> Option<NeedId> {
    let i = kind_field(path)?;
    let was = before.needs.get(i)?;
    let now = after.needs.get(i)?;
    let same_kind = now.state == was.state && now.skill == was.skill && now.level == was.level;
    if same_kind || now.id != was.id || !is_new(&was.id) || !is_scheme_id(&was.id, was) {
        return None;
    }
    if after.pins.iter().any(|p| p.need == was.id) || after.exclusions.iter().any(|e| e.need == was.id) {
        return None;
    }
    let id = NeedIds::new(after).fresh(&now.state, &now.skill, now.level);
    let need = after.needs.get_mut(i)?;
    need.id = id.clone();
    Some(id)
}

/// Appends a session of `course` (or the first course) in the first free working week
/// ([`free_week::first_free_week`]: Sunday to Thursday, no session of the course, no holiday)
/// and returns its index.
pub fn add_session(scenario: &mut Scenario, course: Option<&CourseId>) -> Option<usize> {
    let course = course.cloned().or_else(|| scenario.courses.first().map(|c| c.id.clone()))?;
    let (start, end) = match free_week::first_free_week(scenario, &course) {
        Some(week) => (week.start, week.end),
        None => {
            let start = first_day(scenario);
            (start, start.checked_add_days(Days::new(4)).unwrap_or(start))
        }
    };
    let id = fresh_id(course.as_str(), |id| scenario.session(&SessionId::new(id)).is_some());
    scenario.sessions.push(Session {
        id: SessionId::new(id),
        course,
        start,
        end,
        seats: 20,
        max_per_state: None,
        min_participants: 0,
        cost_per_seat: 0,
        open_to: None,
    });
    Some(scenario.sessions.len() - 1)
}

/// Inserts a copy of session `i` with a fresh id right after it.
pub fn duplicate_session(scenario: &mut Scenario, i: usize) -> Option<usize> {
    let mut copy = scenario.sessions.get(i)?.clone();
    copy.id = SessionId::new(fresh_id(copy.course.as_str(), |id| scenario.session(&SessionId::new(id)).is_some()));
    scenario.sessions.insert(i + 1, copy);
    Some(i + 1)
}

/// Removes session `i` and the pins and exclusions that name it.
pub fn delete_session(scenario: &mut Scenario, i: usize) -> Option<Session> {
    if i >= scenario.sessions.len() {
        return None;
    }
    let session = scenario.sessions.remove(i);
    scenario.pins.retain(|p| p.session != session.id);
    scenario.exclusions.retain(|e| e.session != session.id);
    Some(session)
}

/// Appends a course of the first skill, in Arabic, in person in Doha; returns its index.
pub fn add_course(scenario: &mut Scenario, title_en: &str, title_ar: &str) -> usize {
    let skill = scenario.skills.first().map(|s| s.id.clone()).unwrap_or_default();
    let id = fresh_id("COURSE", |id| scenario.course(&CourseId::new(id)).is_some());
    let title = [("en".to_string(), title_en.to_string()), ("ar".to_string(), title_ar.to_string())].into();
    scenario.courses.push(Course {
        id: CourseId::new(id),
        title,
        skill,
        level: 1,
        language: "ar".into(),
        mode: Mode::InPerson,
        location: "Doha".into(),
    });
    scenario.courses.len() - 1
}

/// Removes course `i`, unless sessions still offer it.
pub fn delete_course(scenario: &mut Scenario, i: usize) -> Result<Course, InUse> {
    let Some(course) = scenario.courses.get(i) else {
        return Err(InUse { by: Thing::Course, count: 0 });
    };
    let count = scenario.sessions.iter().filter(|s| s.course == course.id).count();
    if count > 0 {
        return Err(InUse { by: Thing::Session, count });
    }
    Ok(scenario.courses.remove(i))
}

/// Appends a skill with a fresh id; returns its index.
pub fn add_skill(scenario: &mut Scenario, name_en: &str, name_ar: &str) -> usize {
    let id = fresh_id("skill", |id| scenario.skill(&SkillId::new(id)).is_some());
    let name = [("en".to_string(), name_en.to_string()), ("ar".to_string(), name_ar.to_string())].into();
    scenario.skills.push(Skill { id: SkillId::new(id), name });
    scenario.skills.len() - 1
}

/// Removes skill `i`, unless courses or needs still use it.
pub fn delete_skill(scenario: &mut Scenario, i: usize) -> Result<Skill, InUse> {
    let Some(skill) = scenario.skills.get(i) else {
        return Err(InUse { by: Thing::Skill, count: 0 });
    };
    let courses = scenario.courses.iter().filter(|c| c.skill == skill.id).count();
    if courses > 0 {
        return Err(InUse { by: Thing::Course, count: courses });
    }
    let needs = scenario.needs.iter().filter(|n| n.skill == skill.id).count();
    if needs > 0 {
        return Err(InUse { by: Thing::Need, count: needs });
    }
    Ok(scenario.skills.remove(i))
}

/// Adds a one-day blackout to state `i` at the start of the horizon; returns its index.
pub fn add_blackout(scenario: &mut Scenario, i: usize, label: &str) -> Option<usize> {
    let day = first_day(scenario);
    let state = scenario.states.get_mut(i)?;
    state.blackouts.push(Blackout { start: day, end: day, label: label.to_string() });
    Some(state.blackouts.len() - 1)
}

pub fn delete_blackout(scenario: &mut Scenario, state: usize, i: usize) -> Option<Blackout> {
    let blackouts = &mut scenario.states.get_mut(state)?.blackouts;
    (i < blackouts.len()).then(|| blackouts.remove(i))
}

pub fn delete_pin(scenario: &mut Scenario, i: usize) -> bool {
    (i < scenario.pins.len()).then(|| scenario.pins.remove(i)).is_some()
}

pub fn delete_exclusion(scenario: &mut Scenario, i: usize) -> bool {
    (i < scenario.exclusions.len()).then(|| scenario.exclusions.remove(i)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{validate, Exclusion, Pin};
    use crate::ui::vm::fixture::Fixture;

    fn scenario() -> Scenario {
        Fixture::forensics_2027()
            .state("QA", "Qatar", None, &["ar", "en"])
            .skill("osint", "OSINT")
            .need("QA-forensics-1", "QA", ("forensics", 1), (6, 4))
            .pin("QA-forensics-1", "DF-101-A", 2)
            .build()
    }

    /// Sets `path` to `value` as the app does, then lets a new need's id follow.
    fn edit(s: &Scenario, path: &str, value: serde_json::Value, new: &[&str]) -> (Scenario, Option<NeedId>) {
        let mut next = crate::ui::vm::edit::field::set(s, &validate(s), path, value).unwrap();
        let id = follow_id(s, &mut next, path, |id| new.contains(&id.as_str()));
        (next, id)
    }

    #[test]
    fn a_new_needs_id_follows_its_skill_and_level_until_someone_types_one() {
        let mut s = scenario();
        s.pins.clear();
        s.skills.push(Skill { id: "crypto".into(), name: [("en".to_string(), "Crypto".to_string())].into() });
        let i = add_need(&mut s, &"QA".into());
        assert_eq!(s.needs[i].id.as_str(), "QA-forensics-1-2");
        let (s, id) = edit(&s, &format!("needs[{i}].skill"), "crypto".into(), &["QA-forensics-1-2"]);
        assert_eq!(id.as_ref().map(NeedId::as_str), Some("QA-crypto-1"));
        assert_eq!(s.needs[i].id.as_str(), "QA-crypto-1");
        let (s, _) = edit(&s, &format!("needs[{i}].level"), 3.into(), &["QA-crypto-1"]);
        assert_eq!(s.needs[i].id.as_str(), "QA-crypto-3");
        // Back to forensics level 1: that id is taken by the first need, so the next number.
        let (s, _) = edit(&s, &format!("needs[{i}].skill"), "forensics".into(), &["QA-crypto-3"]);
        let (s, _) = edit(&s, &format!("needs[{i}].level"), 1.into(), &["QA-forensics-3"]);
        assert_eq!(s.needs[i].id.as_str(), "QA-forensics-1-2");
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        // An id typed by the user stays.
        let (s, _) = edit(&s, &format!("needs[{i}].id"), "QA-mine".into(), &["QA-forensics-1-2", "QA-mine"]);
        let (s, id) = edit(&s, &format!("needs[{i}].skill"), "crypto".into(), &["QA-forensics-1-2", "QA-mine"]);
        assert_eq!((id, s.needs[i].id.as_str()), (None, "QA-mine"));
    }

    #[test]
    fn an_old_or_pinned_needs_id_never_changes() {
        let mut s = scenario();
        s.skills.push(Skill { id: "crypto".into(), name: [("en".to_string(), "Crypto".to_string())].into() });
        // Not added on this page: the demo's or a stored need.
        s.pins.clear();
        let (after, id) = edit(&s, "needs[0].skill", "crypto".into(), &[]);
        assert_eq!((id, after.needs[0].id.as_str()), (None, "QA-forensics-1"));
        // New, but an exclusion names it.
        let mut with_crypto = scenario();
        with_crypto.pins.clear();
        with_crypto.exclusions.push(Exclusion { need: "QA-forensics-1".into(), session: "DF-101-A".into() });
        with_crypto.skills.push(Skill { id: "crypto".into(), name: [("en".to_string(), "Crypto".to_string())].into() });
        let (after, id) = edit(&with_crypto, "needs[0].skill", "crypto".into(), &["QA-forensics-1"]);
        assert_eq!((id, after.needs[0].id.as_str()), (None, "QA-forensics-1"));
        // Other fields of a new need leave its id alone.
        let (after, id) = edit(&with_crypto, "needs[0].trainees", 9.into(), &["QA-forensics-1"]);
        assert_eq!((id, after.needs[0].id.as_str()), (None, "QA-forensics-1"));
    }

    #[test]
    fn scheme_ids_are_recognised_and_paths_read() {
        let s = scenario();
        let need = &s.needs[0];
        assert!(is_scheme_id(&"QA-forensics-1".into(), need));
        assert!(is_scheme_id(&"QA-forensics-1-12".into(), need));
        assert!(!is_scheme_id(&"QA-forensics-1-".into(), need));
        assert!(!is_scheme_id(&"QA-forensics-1x".into(), need));
        assert!(!is_scheme_id(&"QA-forensics-2".into(), need));
        assert_eq!(kind_field("needs[12].skill"), Some(12));
        assert_eq!(kind_field("needs[3].level"), Some(3));
        assert_eq!(kind_field("needs[3].trainees"), None);
        assert_eq!(kind_field("sessions[3].level"), None);
    }

    #[test]
    fn a_new_need_is_valid_and_gets_a_fresh_id() {
        let mut s = scenario();
        let i = add_need(&mut s, &"QA".into());
        // The importer's scheme: state, skill, level, then a number when taken.
        assert_eq!(s.needs[i].id.as_str(), "QA-forensics-1-2");
        let j = add_need(&mut s, &"QA".into());
        assert_eq!(s.needs[j].id.as_str(), "QA-forensics-1-3");
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    }

    #[test]
    fn duplicating_copies_the_row_under_a_new_id_right_after_it() {
        let mut s = scenario();
        let i = duplicate_need(&mut s, 0).unwrap();
        assert_eq!(i, 1);
        assert_eq!(s.needs[1].trainees, 6);
        assert_eq!(s.needs[1].id.as_str(), "QA-forensics-1-2");
        let j = duplicate_session(&mut s, 0).unwrap();
        assert_eq!(s.sessions[j].id.as_str(), "DF-101-1");
        assert!(validate(&s).is_empty());
    }

    #[test]
    fn deleting_a_need_or_session_drops_its_pins_and_exclusions() {
        let mut s = scenario();
        s.exclusions.push(Exclusion { need: "QA-forensics-1".into(), session: "DF-101-A".into() });
        s.pins.push(Pin { need: "other".into(), session: "DF-101-B".into(), seats: 1 });
        delete_need(&mut s, 0).unwrap();
        assert_eq!(s.pins.len(), 1);
        assert!(s.exclusions.is_empty());
        let mut s = scenario();
        delete_session(&mut s, 0).unwrap();
        assert!(s.pins.is_empty());
        assert!(validate(&s).is_empty());
    }

    #[test]
    fn things_in_use_cannot_be_deleted() {
        let mut s = scenario();
        assert_eq!(delete_course(&mut s, 0), Err(InUse { by: Thing::Session, count: 1 }));
        assert_eq!(delete_skill(&mut s, 0), Err(InUse { by: Thing::Course, count: 1 }));
        assert!(delete_skill(&mut s, 1).is_ok());
        let i = add_course(&mut s, "New", "جديد");
        assert!(delete_course(&mut s, i).is_ok());
    }

    #[test]
    fn new_sessions_courses_skills_and_blackouts_are_valid() {
        let mut s = scenario();
        let i = add_session(&mut s, None).unwrap();
        // Not 1–5 January: the first Sunday to Thursday, 3–7 January 2027.
        assert_eq!(s.sessions[i].start.to_string(), "2027-01-03");
        assert_eq!(s.sessions[i].end.to_string(), "2027-01-07");
        add_course(&mut s, "New course", "دورة جديدة");
        add_skill(&mut s, "New skill", "مهارة جديدة");
        let b = add_blackout(&mut s, 0, "Holiday").unwrap();
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        assert!(delete_blackout(&mut s, 0, b).is_some());
        assert!(delete_pin(&mut s, 0));
        assert!(!delete_exclusion(&mut s, 0));
    }
}
