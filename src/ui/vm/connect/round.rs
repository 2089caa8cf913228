//! The planning round on the server, read for the screens: what changed since the last
//! published plan (`GET /api/changes`, the planner's check before publishing), the published
//! plan with its note and each state's sessions gained and lost (`GET /api/plans/published`),
//! a state's calendar feed address and its replacement, the centre's overview of who has
//! entered what (`GET /api/overview`) and a need's history (`GET /api/needs/{id}/history`).
//! Every answer is read leniently: a missing field is empty, never a panic.

use serde_json::{json, Value};

use super::request::{encode_segment as segment, Request};
use crate::model::{order, Scenario};
use crate::solve::Plan;
use crate::ui::vm::plan::solved::LastPlan;

fn text(value: &Value, field: &str) -> Option<String> {
    value.get(field).and_then(Value::as_str).map(str::to_string)
}

fn list<'a>(value: &'a Value, field: &str) -> impl Iterator<Item = &'a Value> {
    value.get(field).and_then(Value::as_array).into_iter().flatten()
}

/// A JSON value as a person reads it: text without quotes, nothing as "—".
pub fn shown(value: &Value) -> String {
    match value {
        Value::Null => "—".into(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// An RFC 3339 time of the server (`2026-11-29T12:07:31+00:00`) as `2026-11-29 12:07 UTC`; any
/// other text as it is.
pub fn when(time: &str) -> String {
    let (date, rest) = time.split_once('T').unwrap_or((time, ""));
    let clock: String = rest.chars().take(5).collect();
    if date.len() == 10 && clock.len() == 5 && clock.as_bytes()[2] == b':' {
        format!("{date} {clock} UTC")
    } else {
        time.to_string()
    }
}

/// One field's value before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// An entity that changed, with its changed fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub id: String,
    pub fields: Vec<FieldChange>,
}

/// One state's needs since the last published plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateNeeds {
    pub state: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<Changed>,
}

/// `GET /api/changes`: what a new publication would carry that the last one did not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// When the last plan was published; `None` before the first publication.
    pub since: Option<String>,
    pub states: Vec<StateNeeds>,
    pub sessions_added: Vec<String>,
    pub sessions_removed: Vec<String>,
    pub sessions_changed: Vec<Changed>,
}

impl Changes {
    pub fn from_answer(body: &Value) -> Changes {
        let ids =
            |items: &Value, field: &str| -> Vec<String> { list(items, field).filter_map(|e| text(e, "id")).collect() };
        let changed = |items: &Value, field: &str| -> Vec<Changed> {
            list(items, field)
                .filter_map(|entity| {
                    Some(Changed {
                        id: text(entity, "id")?,
                        fields: list(entity, "fields")
                            .filter_map(|f| {
                                Some(FieldChange {
                                    field: text(f, "field")?,
                                    before: shown(f.get("before").unwrap_or(&Value::Null)),
                                    after: shown(f.get("after").unwrap_or(&Value::Null)),
                                })
                            })
                            .collect(),
                    })
                })
                .collect()
        };
        let needs = body.get("needs").cloned().unwrap_or(Value::Null);
        let sessions = body.get("sessions").cloned().unwrap_or(Value::Null);
        Changes {
            since: body.get("since").and_then(|since| text(since, "published_at")),
            states: list(&needs, "states")
                .filter_map(|state| {
                    Some(StateNeeds {
                        state: text(state, "state")?,
                        added: ids(state, "added"),
                        removed: ids(state, "removed"),
                        changed: changed(state, "changed"),
                    })
                })
                .collect(),
            sessions_added: ids(&sessions, "added"),
            sessions_removed: ids(&sessions, "removed"),
            sessions_changed: changed(&sessions, "changed"),
        }
    }

    /// Needs added, in every state.
    pub fn needs_added(&self) -> usize {
        self.states.iter().map(|s| s.added.len()).sum()
    }

    /// Needs whose seats asked for (`trainees`) changed, in every state.
    pub fn seats_changed(&self) -> usize {
        self.states.iter().flat_map(|s| &s.changed).filter(|c| c.fields.iter().any(|f| f.field == "trainees")).count()
    }

    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
            && self.sessions_added.is_empty()
            && self.sessions_removed.is_empty()
            && self.sessions_changed.is_empty()
    }
}

/// A session in which a state has more or fewer seats than in the plan published before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatMove {
    pub session: String,
    pub before: i64,
    pub after: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateSessions {
    pub state: String,
    pub gained: Vec<SeatMove>,
    pub lost: Vec<SeatMove>,
}

/// `GET /api/plans/published`: the plan every role reads, and what its publication says.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub id: i64,
    pub revision: i64,
    pub note: Option<String>,
    pub published_at: Option<String>,
    pub published_by: Option<String>,
    /// The plan published before this one, if any.
    pub previous: Option<i64>,
    pub changes: Vec<StateSessions>,
    pub plan: Plan,
    /// The scenario the plan was solved from, as the caller may see it (`solved_from`): the
    /// needs behind its allocations, also those deleted since.
    pub solved_from: Option<Scenario>,
}

/// The fields the server adds to the §4 plan of a published plan.
const PUBLISHED_FIELDS: [&str; 8] =
    ["id", "revision", "note", "published_at", "published_by", "previous", "changes", "solved_from"];

impl Published {
    /// The answer read, or the JSON path of what does not fit a §4 plan.
    pub fn from_answer(body: &Value) -> Result<Published, String> {
        let Value::Object(map) = body else {
            return Err("expected a JSON object".into());
        };
        let mut plan = map.clone();
        for field in PUBLISHED_FIELDS {
            plan.remove(field);
        }
        let plan = Plan::from_json(&Value::Object(plan).to_string())?;
        let solved_from = match map.get("solved_from") {
            None | Some(Value::Null) => None,
            Some(scenario) => Some(
                serde_json::from_value::<Scenario>(scenario.clone()).map_err(|err| format!("solved_from: {err}"))?,
            ),
        };
        let moves = |state: &Value, field: &str| -> Vec<SeatMove> {
            list(state, field)
                .filter_map(|m| {
                    Some(SeatMove {
                        session: text(m, "session")?,
                        before: m.get("before")?.as_i64()?,
                        after: m.get("after")?.as_i64()?,
                    })
                })
                .collect()
        };
        Ok(Published {
            id: body.get("id").and_then(Value::as_i64).ok_or("id: expected a whole number")?,
            revision: body.get("revision").and_then(Value::as_i64).unwrap_or(0),
            note: text(body, "note").filter(|note| !note.trim().is_empty()),
            published_at: text(body, "published_at"),
            published_by: text(body, "published_by"),
            previous: body.get("previous").and_then(Value::as_i64),
            changes: list(body, "changes")
                .filter_map(|state| {
                    Some(StateSessions {
                        state: text(state, "state")?,
                        gained: moves(state, "gained"),
                        lost: moves(state, "lost"),
                    })
                })
                .collect(),
            plan,
            solved_from,
        })
    }

    /// The plan with the scenario it was solved from (the server's snapshot; `current`, the
    /// app's scenario now, only from a server that sends none), so that its calendar finds a
    /// state's seats through the needs that were published, also one deleted since.
    pub fn last_plan(&self, current: Scenario) -> LastPlan {
        LastPlan { scenario: self.solved_from.clone().unwrap_or(current), plan: self.plan.clone(), ms: 0.0 }
    }

    /// The sessions one state gained and lost (none when nothing changed for it).
    pub fn changes_of(&self, state: &str) -> StateSessions {
        self.changes.iter().find(|s| s.state == state).cloned().unwrap_or(StateSessions {
            state: state.to_string(),
            gained: Vec::new(),
            lost: Vec::new(),
        })
    }
}

/// The plan this browser last saw published, kept so a newer one is announced as new.
pub const KEY_SEEN_PLAN: &str = "qudra.seen-published-plan";

/// Whether the published plan `id` is news to a browser that last saw `seen`.
pub fn is_new(id: i64, seen: Option<&str>) -> bool {
    seen.and_then(|seen| seen.trim().parse::<i64>().ok()).is_none_or(|seen| seen < id)
}

/// The feed's absolute address, for Outlook or Google Calendar: the page's origin and the path
/// the server answered (`/calendar/<token>.ics`).
pub fn feed_url(origin: &str, path: &str) -> String {
    format!("{}/{}", origin.trim_end_matches('/'), path.trim_start_matches('/'))
}

/// The path of `POST /api/states/{code}/calendar-token`'s answer, if it is one.
pub fn feed_path(body: &Value) -> Option<String> {
    text(body, "url").filter(|url| url.starts_with("/calendar/") && url.ends_with(".ics"))
}

/// One state's line of the centre's overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRound {
    pub code: String,
    pub needs: i64,
    pub trainees: i64,
    pub last_changed: Option<String>,
    pub last_changed_by: Option<String>,
}

/// `GET /api/overview`: every state in the scenario's order, and those that entered nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    pub states: Vec<StateRound>,
    pub waiting: Vec<String>,
}

impl Overview {
    pub fn from_answer(body: &Value) -> Overview {
        let states: Vec<StateRound> = list(body, "states")
            .filter_map(|state| {
                Some(StateRound {
                    code: text(state, "code")?,
                    needs: state.get("needs").and_then(Value::as_i64).unwrap_or(0),
                    trainees: state.get("trainees").and_then(Value::as_i64).unwrap_or(0),
                    last_changed: text(state, "last_changed"),
                    last_changed_by: text(state, "last_changed_by"),
                })
            })
            .collect();
        let waiting = list(body, "entered_nothing").filter_map(Value::as_str).map(str::to_string).collect();
        Overview { states, waiting }
    }

    /// The states that have submitted needs, most recently changed first.
    pub fn submitted(&self) -> Vec<&StateRound> {
        let mut done: Vec<&StateRound> = self.states.iter().filter(|s| s.needs > 0).collect();
        order::sort_by(&mut done, |a, b| b.last_changed.cmp(&a.last_changed));
        done
    }
}

/// One change of a need, as its history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub time: String,
    pub login: String,
    pub action: String,
    pub fields: Vec<FieldChange>,
}

/// `GET /api/needs/{id}/history` (oldest first) as the screen lists it: newest first, each
/// entry with the fields whose value it changed.
pub fn history_of(body: &Value) -> Vec<HistoryEntry> {
    let mut entries: Vec<HistoryEntry> = body
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let before = entry.get("before").and_then(Value::as_object);
            let after = entry.get("after").and_then(Value::as_object);
            let mut names: Vec<&String> = after.into_iter().flat_map(|m| m.keys()).collect();
            names.extend(
                before.into_iter().flat_map(|m| m.keys()).filter(|k| !after.is_some_and(|a| a.contains_key(*k))),
            );
            let fields = names
                .into_iter()
                .filter(|name| *name != "rev")
                .filter_map(|name| {
                    let was = before.and_then(|m| m.get(name)).unwrap_or(&Value::Null);
                    let now = after.and_then(|m| m.get(name)).unwrap_or(&Value::Null);
                    (was != now).then(|| FieldChange { field: name.clone(), before: shown(was), after: shown(now) })
                })
                .collect();
            Some(HistoryEntry {
                time: text(entry, "time")?,
                login: text(entry, "login")?,
                action: text(entry, "action").unwrap_or_default(),
                fields,
            })
        })
        .collect();
    entries.reverse();
    entries
}

fn get(path: String) -> Request {
    Request { method: "GET", path, headers: Vec::new(), body: None }
}

/// A POST with the sign-in's CSRF token (the admin's requests use it too).
pub(super) fn post(path: String, body: Option<Value>, csrf: &str) -> Request {
    Request {
        method: "POST",
        path,
        headers: vec![("X-CSRF-Token", csrf.to_string())],
        body: body.map(|body| body.to_string()),
    }
}

pub fn changes() -> Request {
    get("/api/changes".into())
}

pub fn overview() -> Request {
    get("/api/overview".into())
}

pub fn published() -> Request {
    get("/api/plans/published".into())
}

/// Solves the current revision on the server (planner).
pub fn solve_on_server(csrf: &str) -> Request {
    post("/api/plans".into(), None, csrf)
}

/// Publishes a plan the server solved, with the note when one was written.
pub fn publish(plan: i64, note: &str, csrf: &str) -> Request {
    let body = (!note.trim().is_empty()).then(|| json!({"note": note.trim()}));
    post(format!("/api/plans/{plan}/publish"), body, csrf)
}

/// A new feed address for the state, which ends the old one.
pub fn new_feed(state: &str, csrf: &str) -> Request {
    post(format!("/api/states/{}/calendar-token", segment(state)), None, csrf)
}

pub fn need_history(id: &str) -> Request {
    get(format!("/api/needs/{}/history", segment(id)))
}

/// The first problem of a 422 naming `note`, for the publish form.
pub fn note_problem(body: &Value) -> Option<String> {
    list(body, "problems").find(|p| text(p, "path").as_deref() == Some("note")).and_then(|p| text(p, "message"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes_answer() -> Value {
        json!({
            "revision": 9,
            "since": {"plan": 1, "revision": 5, "published_at": "2026-11-29T10:00:00+00:00"},
            "needs": {"added": 1, "removed": 0, "changed": 2, "states": [
                {"state": "QA", "added": [{"id": "QA-x-2", "state": "QA", "trainees": 3}], "removed": [],
                 "changed": [{"id": "QA-x-1", "state": "QA", "fields": [{"field": "trainees", "before": 4, "after": 6}]}]},
                {"state": "TN", "added": [], "removed": [],
                 "changed": [{"id": "TN-y-1", "state": "TN", "fields": [{"field": "languages", "before": ["ar"], "after": ["ar", "fr"]}]}]}
            ]},
            "sessions": {"added": [], "removed": [{"id": "S-9"}],
                "changed": [{"id": "S-1", "fields": [{"field": "seats", "before": 20, "after": 24}]}]}
        })
    }

    #[test]
    fn changes_since_the_last_publication_by_state() {
        let changes = Changes::from_answer(&changes_answer());
        assert_eq!(changes.since.as_deref(), Some("2026-11-29T10:00:00+00:00"));
        assert_eq!((changes.needs_added(), changes.seats_changed()), (1, 1), "languages are not seats");
        assert_eq!(changes.states[0].added, vec!["QA-x-2"]);
        assert_eq!(
            changes.states[0].changed[0].fields[0],
            FieldChange { field: "trainees".into(), before: "4".into(), after: "6".into() }
        );
        assert_eq!(changes.states[1].changed[0].fields[0].after, "ar, fr");
        assert_eq!(changes.sessions_removed, vec!["S-9"]);
        assert_eq!(changes.sessions_changed[0].fields[0].before, "20");
        assert!(!changes.is_empty());
        let first = Changes::from_answer(&json!({"since": null, "needs": {"states": []}, "sessions": {}}));
        assert_eq!(first.since, None);
        assert!(first.is_empty());
    }

    fn published_answer() -> Value {
        json!({
            "format": "qudra-plan", "version": 1, "scenario": "demo", "status": "optimal",
            "objective": 10.0, "bound": 10.0, "gap": 0.0,
            "allocations": [{"need": "QA-x-1", "session": "S-1", "seats": 4}],
            "sessions": [{"session": "S-1", "filled": 4, "seats": 20, "running": true}],
            "unmet": [], "stats": {"needs": 1, "sessions": 1, "solve_ms": 3, "variables": 1, "constraints": 1},
            "id": 3, "revision": 12, "note": "Second round", "published_at": "2026-11-29T12:07:31+00:00",
            "published_by": "planner", "previous": 1,
            "changes": [{"state": "QA", "gained": [{"session": "S-1", "before": 0, "after": 4}],
                         "lost": [{"session": "S-2", "before": 3, "after": 0}]}]
        })
    }

    #[test]
    fn the_published_plan_with_its_note_and_a_states_sessions() {
        let body = published_answer();
        let Ok(published) = Published::from_answer(&body) else {
            panic!("{:?}", Published::from_answer(&body).err());
        };
        assert_eq!((published.id, published.previous), (3, Some(1)));
        assert_eq!(published.note.as_deref(), Some("Second round"));
        assert_eq!(published.plan.allocations.len(), 1);
        let qa = published.changes_of("QA");
        assert_eq!((qa.gained[0].after, qa.lost[0].session.as_str()), (4, "S-2"));
        assert!(published.changes_of("TN").gained.is_empty());
        assert_eq!(when(published.published_at.as_deref().unwrap_or_default()), "2026-11-29 12:07 UTC");
        assert_eq!(when("yesterday"), "yesterday");
    }

    /// A need deleted after publishing: the published calendar still holds the state's
    /// session, found through the scenario the plan was solved from, not the app's current one.
    #[test]
    fn a_published_calendar_keeps_a_session_whose_need_was_deleted_since() {
        use crate::ui::vm::plan::calendar::calendar;
        let demo = crate::ui::vm::plan::tests::demo();
        let state_of = |id: &crate::model::NeedId| demo.scenario.need(id).map(|n| n.state.clone());
        // A session the need's state has seats in through this need alone.
        let first = demo
            .plan
            .allocations
            .iter()
            .find(|a| {
                !demo
                    .plan
                    .allocations
                    .iter()
                    .any(|b| b.session == a.session && b.need != a.need && state_of(&b.need) == state_of(&a.need))
            })
            .expect("a session with one need of a state");
        let need = demo.scenario.need(&first.need).expect("its need").clone();
        let sessions_of = |solved: &LastPlan| -> Vec<String> {
            calendar(solved, "en", Some(&need.state)).months.iter().flatten().map(|s| s.session.to_string()).collect()
        };
        let published_sessions = sessions_of(&demo);
        assert!(published_sessions.contains(&first.session.to_string()));

        let mut answer = serde_json::from_str::<Value>(&demo.plan.to_json()).expect("a plan's JSON");
        answer["id"] = json!(4);
        answer["solved_from"] = serde_json::to_value(&demo.scenario).expect("the scenario's JSON");
        let published = Published::from_answer(&answer).expect("read");
        let mut current = demo.scenario.clone();
        current.needs.retain(|n| n.state != need.state || n.id != first.need);
        current.pins.retain(|p| p.need != first.need);
        current.exclusions.retain(|e| e.need != first.need);
        assert_eq!(sessions_of(&published.last_plan(current.clone())), published_sessions, "what was published");
        let through_current = LastPlan { scenario: current.clone(), plan: demo.plan.clone(), ms: 0.0 };
        assert!(!sessions_of(&through_current).contains(&first.session.to_string()), "the current needs lose it");

        // An answer without the snapshot falls back to the app's scenario, which lost the need.
        answer.as_object_mut().map(|map| map.remove("solved_from"));
        let older = Published::from_answer(&answer).expect("read");
        assert_eq!(older.solved_from, None);
        assert_eq!(older.last_plan(current.clone()).scenario, current);
        let mut broken = answer.clone();
        broken["solved_from"] = json!({"format": 3});
        assert!(Published::from_answer(&broken).err().unwrap_or_default().starts_with("solved_from"));
    }

    #[test]
    fn a_plan_that_is_not_one_names_its_path() {
        let mut body = published_answer();
        body["allocations"][0]["seats"] = json!("four");
        let err = Published::from_answer(&body).err().unwrap_or_default();
        assert!(err.starts_with("allocations[0].seats"), "{err}");
        assert!(Published::from_answer(&json!([])).is_err());
    }

    #[test]
    fn a_plan_is_news_until_this_browser_saw_it() {
        assert!(is_new(3, None));
        assert!(is_new(3, Some("2")));
        assert!(!is_new(3, Some("3")));
        assert!(is_new(3, Some("garbage")));
    }

    #[test]
    fn feed_addresses_are_absolute() {
        assert_eq!(feed_url("http://127.0.0.1:8080/", "/calendar/abc.ics"), "http://127.0.0.1:8080/calendar/abc.ics");
        assert_eq!(feed_path(&json!({"url": "/calendar/abc.ics"})).as_deref(), Some("/calendar/abc.ics"));
        assert_eq!(feed_path(&json!({"url": "https://evil.example/x.ics"})), None);
        assert_eq!(new_feed("QA", "t").path, "/api/states/QA/calendar-token");
    }

    #[test]
    fn the_overview_lists_the_submitted_newest_first_and_the_waiting() {
        let overview = Overview::from_answer(&json!({"states": [
            {"code": "QA", "needs": 2, "trainees": 9, "last_changed": "2026-11-29T09:00:00+00:00", "last_changed_by": "focal-qa"},
            {"code": "TN", "needs": 1, "trainees": 2, "last_changed": "2026-11-29T11:00:00+00:00", "last_changed_by": "focal-tn"},
            {"code": "KM", "needs": 0, "trainees": 0, "last_changed": null, "last_changed_by": null}
        ], "entered_nothing": ["KM"]}));
        let codes: Vec<&str> = overview.submitted().iter().map(|s| s.code.as_str()).collect();
        assert_eq!(codes, ["TN", "QA"]);
        assert_eq!(overview.waiting, ["KM"]);
    }

    #[test]
    fn a_needs_history_newest_first_with_what_changed() {
        let history = history_of(&json!([
            {"time": "2026-11-29T09:00:00+00:00", "login": "focal-qa", "action": "create", "entity": "needs/QA-x-1",
             "before": null, "after": {"id": "QA-x-1", "trainees": 4}},
            {"time": "2026-11-29T10:00:00+00:00", "login": "focal-qa2", "action": "update", "entity": "needs/QA-x-1",
             "before": {"id": "QA-x-1", "trainees": 4, "rev": 1}, "after": {"id": "QA-x-1", "trainees": 6, "rev": 2}}
        ]));
        assert_eq!(history.len(), 2);
        assert_eq!((history[0].login.as_str(), history[0].action.as_str()), ("focal-qa2", "update"));
        assert_eq!(
            history[0].fields,
            vec![FieldChange { field: "trainees".into(), before: "4".into(), after: "6".into() }]
        );
        assert_eq!(history[1].fields.len(), 2, "a creation shows every field");
    }

    #[test]
    fn publishing_sends_the_note_only_when_written() {
        let with = publish(3, "  Final  ", "t");
        assert_eq!((with.path.as_str(), with.body.as_deref()), ("/api/plans/3/publish", Some(r#"{"note":"Final"}"#)));
        assert_eq!(publish(3, "  ", "t").body, None);
        assert!(with.headers.contains(&("X-CSRF-Token", "t".to_string())));
        assert_eq!(
            note_problem(&json!({"problems": [{"path": "note", "message": "2001 characters; at most 2000"}]}))
                .as_deref(),
            Some("2001 characters; at most 2000")
        );
        assert_eq!(need_history("QA-x 1").path, "/api/needs/QA-x%201/history");
    }
}
