//! Each row's way to the server: the rows as the server last acknowledged them and their revs,
//! the [`PendingEdit`]s that make the server's copy equal to the app's (one per changed row:
//! POST a new row, PUT a changed one, DELETE a removed one), and each row's [`RowState`]
//! (saving, saved, not saved with the server's reason). A refused edit stays in the app's
//! scenario, so the typed text is never lost; it is sent again only once it changes.
//!
//! A pending edit is plain data (kind, id, operation with the rev it was based on), so a queue
//! of them can be kept while offline and a 409's `current` row compared with it.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::problems::{problems_of, ServerProblem};
use super::request::Answer;
use super::AccountRole;
use crate::model::{order, Scenario};

/// The scenario's lists the server keeps one row per entity of, in the scenario's order.
pub const KINDS: [&str; 6] = ["skills", "courses", "sessions", "needs", "pins", "exclusions"];

/// A row's key: `kind/id` (pins and exclusions: `need~session`), as `GET /api/scenario`'s
/// `revs` names it.
pub fn key(kind: &str, id: &str) -> String {
    format!("{kind}/{id}")
}

/// An entity's id within its kind, as the server derives it.
fn id_of(kind: &str, body: &Value) -> Option<String> {
    let text = |field: &str| body.get(field).and_then(Value::as_str).map(str::to_string);
    match kind {
        "pins" | "exclusions" => Some(format!("{}~{}", text("need")?, text("session")?)),
        "settings" => Some("settings".into()),
        _ => text("id"),
    }
}

/// Every row of the scenario the server keeps, by key (`settings/settings` included).
pub fn rows(scenario: &Scenario) -> BTreeMap<String, (String, String, Value)> {
    let mut out = BTreeMap::new();
    let Ok(Value::Object(map)) = serde_json::to_value(scenario) else {
        return out;
    };
    for kind in KINDS {
        for body in map.get(kind).and_then(Value::as_array).into_iter().flatten() {
            if let Some(id) = id_of(kind, body) {
                out.insert(key(kind, &id), (kind.to_string(), id, body.clone()));
            }
        }
    }
    if let Some(settings) = map.get("settings") {
        out.insert(key("settings", "settings"), ("settings".into(), "settings".into(), settings.clone()));
    }
    out
}

/// What to do to one row on the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Op {
    Create { body: Value },
    Replace { rev: i64, body: Value },
    Delete { rev: i64 },
}

/// One row's change, not yet acknowledged by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PendingEdit {
    pub kind: String,
    pub id: String,
    pub op: Op,
}

impl PendingEdit {
    pub fn key(&self) -> String {
        key(&self.kind, &self.id)
    }

    /// The body the edit sends, if any.
    pub fn body(&self) -> Option<&Value> {
        match &self.op {
            Op::Create { body } | Op::Replace { body, .. } => Some(body),
            Op::Delete { .. } => None,
        }
    }
}

/// Why the server did not keep an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// 403, 404, 409, 422 …; 0 when the server could not be reached.
    pub status: u16,
    /// The server's own words (its `error`, or each problem's path and message).
    pub detail: String,
    /// With 409: the row as the server now has it (with its `rev`).
    pub current: Option<Value>,
}

/// A row's state, shown next to it.
#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Saving,
    Saved,
    NotSaved(Refusal),
    /// Queued while the server cannot be reached; sent when it answers again.
    Waiting,
}

/// A 409 as the row shows it: who changed the row last and when (the server's `changed_by`
/// and `changed_at`), and each field whose value differs, with the app's value and the
/// server's side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub by: Option<String>,
    /// `YYYY-MM-DD HH:MM UTC`.
    pub at: Option<String>,
    /// `(field, mine, theirs)`, the values as JSON text; `mine` is `None` when this app
    /// deleted the row.
    pub fields: Vec<(String, Option<String>, String)>,
}

/// A 409's row as the server has it, without what the answer adds to the entity.
fn theirs_of(current: &Value) -> (Value, Option<i64>) {
    let mut body = current.clone();
    let rev = body.get("rev").and_then(Value::as_i64);
    if let Value::Object(map) = &mut body {
        for field in ["rev", "changed_by", "changed_at"] {
            map.remove(field);
        }
    }
    (body, rev)
}

/// An RFC 3339 time as a row shows it: `2027-03-01 09:30 UTC`.
fn minutes(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(day), Some(time)) => format!("{day} {time} UTC"),
        _ => at.to_string(),
    }
}

/// JSON text of a value, strings without their quotes.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// `scenario` with the row `kind/id` replaced by `body` (added when it is not there, removed
/// with `None`), or why the result is not a scenario.
pub fn with_row(scenario: &Scenario, kind: &str, id: &str, body: Option<&Value>) -> Result<Scenario, String> {
    let mut whole = serde_json::to_value(scenario).map_err(|err| err.to_string())?;
    if kind == "settings" {
        if let Some(body) = body {
            whole["settings"] = body.clone();
        }
    } else if let Some(Value::Array(list)) = whole.get_mut(kind) {
        let at = list.iter().position(|row| id_of(kind, row).as_deref() == Some(id));
        match (at, body) {
            (Some(at), Some(body)) => list[at] = body.clone(),
            (None, Some(body)) => list.push(body.clone()),
            (Some(at), None) => {
                list.remove(at);
            }
            (None, None) => {}
        }
    } else {
        return Err(format!("the scenario has no list \"{kind}\""));
    }
    serde_json::from_value(whole).map_err(|err| err.to_string())
}

/// The app's copy of the server's rows and where each of the app's edits stands.
#[derive(Debug, Clone, Default)]
pub struct Sync {
    role: Option<AccountRole>,
    /// Each row's body as the server acknowledged it.
    synced: BTreeMap<String, Value>,
    revs: BTreeMap<String, i64>,
    in_flight: BTreeSet<String>,
    /// The body of an edit the server refused, not sent again until it changes.
    refused: BTreeMap<String, Option<Value>>,
    states: BTreeMap<String, RowState>,
    /// A delete held back until the create it came with is kept (a row's id changed: the
    /// original is deleted only once the row under its new id is on the server), by the
    /// delete's key: the create's key.
    held: BTreeMap<String, String>,
    /// The typed problems of each row's last refusal (see [`Sync::problems`]).
    problems: BTreeMap<String, Vec<ServerProblem>>,
}

/// The scenario of `GET /api/scenario` (its `revision` and `revs` taken out) and the rows'
/// revs, or why the answer cannot be read.
pub fn from_server(mut body: Value, role: AccountRole) -> Result<(Scenario, Sync), String> {
    let Value::Object(map) = &mut body else {
        return Err("the scenario is not a JSON object".into());
    };
    map.remove("revision");
    let revs: BTreeMap<String, i64> = match map.remove("revs") {
        Some(Value::Object(revs)) => revs.into_iter().filter_map(|(key, rev)| Some((key, rev.as_i64()?))).collect(),
        _ => BTreeMap::new(),
    };
    let scenario: Scenario = serde_json::from_value(body).map_err(|err| err.to_string())?;
    let synced = rows(&scenario).into_iter().map(|(key, (_, _, body))| (key, body)).collect();
    Ok((scenario, Sync { role: Some(role), synced, revs, ..Sync::default() }))
}

impl Sync {
    pub fn state(&self, key: &str) -> Option<&RowState> {
        self.states.get(key)
    }

    pub fn states(&self) -> &BTreeMap<String, RowState> {
        &self.states
    }

    pub fn rev(&self, key: &str) -> Option<i64> {
        self.revs.get(key).copied()
    }

    /// The edits that bring the server's copy to `scenario`, for the rows the role may write
    /// and that are not already on their way; each is marked saving.
    pub fn pending(&mut self, scenario: &Scenario) -> Vec<PendingEdit> {
        let Some(role) = self.role else {
            return Vec::new();
        };
        let now = rows(scenario);
        self.release_holds(&now);
        let mut edits = Vec::new();
        for (key, (kind, id, body)) in &now {
            if !role.writes(kind) || self.in_flight.contains(key) {
                continue;
            }
            if self.synced.get(key) == Some(body) {
                // Typed back to what the server has: nothing to send, nothing refused.
                if self.refused.remove(key).is_some() {
                    self.states.insert(key.clone(), RowState::Saved);
                }
                continue;
            }
            if self.refused.get(key) == Some(&Some(body.clone())) {
                continue;
            }
            let op = match self.revs.get(key) {
                Some(&rev) if self.synced.contains_key(key) => Op::Replace { rev, body: body.clone() },
                _ => Op::Create { body: body.clone() },
            };
            edits.push(PendingEdit { kind: kind.clone(), id: id.clone(), op });
        }
        for key in self.synced.keys() {
            let Some((kind, id)) = key.split_once('/') else { continue };
            if now.contains_key(key) || !role.writes(kind) || self.in_flight.contains(key) {
                continue;
            }
            if self.refused.get(key) == Some(&None) || self.held.contains_key(key) {
                continue;
            }
            if let Some(&rev) = self.revs.get(key) {
                edits.push(PendingEdit { kind: kind.to_string(), id: id.to_string(), op: Op::Delete { rev } });
            }
        }
        self.hold_deletes_behind_creates(&mut edits);
        for edit in &edits {
            self.in_flight.insert(edit.key());
            self.states.insert(edit.key(), RowState::Saving);
        }
        edits
    }

    /// The server's answer to `edit`: kept (its new rev, the row saved) or refused (the
    /// reason shown, the app's row left as typed).
    pub fn settle(&mut self, edit: &PendingEdit, answer: &Answer) {
        let key = edit.key();
        self.in_flight.remove(&key);
        if (200..300).contains(&answer.status) {
            self.refused.remove(&key);
            match edit.body() {
                Some(body) => {
                    self.synced.insert(key.clone(), body.clone());
                    if let Some(rev) = answer.body.get("rev").and_then(Value::as_i64) {
                        self.revs.insert(key.clone(), rev);
                    }
                }
                None => {
                    self.synced.remove(&key);
                    self.revs.remove(&key);
                }
            }
            self.states.insert(key, RowState::Saved);
        } else {
            self.refused.insert(key.clone(), edit.body().cloned());
            let current = (answer.status == 409).then(|| answer.body.clone());
            let refusal = Refusal { status: answer.status, detail: detail(&answer.body), current };
            self.problems.insert(key.clone(), problems_of(&answer.body));
            self.states.insert(key, RowState::NotSaved(refusal));
        }
    }

    /// The two sides of a row the server refused with 409.
    pub fn conflict(&self, key: &str) -> Option<Conflict> {
        let Some(RowState::NotSaved(Refusal { status: 409, current: Some(current), .. })) = self.states.get(key) else {
            return None;
        };
        let (theirs, _) = theirs_of(current);
        let mine = self.refused.get(key).cloned().flatten();
        let text = |field: &str| current.get(field).and_then(Value::as_str).map(str::to_string);
        let mut fields = Vec::new();
        if let Value::Object(theirs) = &theirs {
            for (field, value) in theirs {
                let my_value = mine.as_ref().map(|mine| mine.get(field).cloned().unwrap_or(Value::Null));
                if my_value.as_ref() != Some(value) {
                    fields.push((field.clone(), my_value.as_ref().map(shown), shown(value)));
                }
            }
        }
        Some(Conflict { by: text("changed_by"), at: text("changed_at").map(|at| minutes(&at)), fields })
    }

    /// "Keep mine" on a 409: the server's row becomes the one this edit is based on (its new
    /// rev), so the next [`Sync::pending`] sends the app's row again over it. False when the
    /// row is not in conflict.
    pub fn keep_mine(&mut self, key: &str) -> bool {
        let Some(RowState::NotSaved(Refusal { status: 409, current: Some(current), .. })) = self.states.get(key) else {
            return false;
        };
        let (theirs, rev) = theirs_of(current);
        let Some(rev) = rev else { return false };
        self.synced.insert(key.to_string(), theirs);
        self.revs.insert(key.to_string(), rev);
        self.refused.remove(key);
        self.states.remove(key);
        true
    }

    /// "Take theirs" on a 409: the server's row, as `(kind, id, body)` for the app's scenario
    /// ([`with_row`]); the row is then saved as the server has it.
    pub fn take_theirs(&mut self, key: &str) -> Option<(String, String, Value)> {
        let Some(RowState::NotSaved(Refusal { status: 409, current: Some(current), .. })) = self.states.get(key) else {
            return None;
        };
        let (theirs, rev) = theirs_of(current);
        let (kind, id) = key.split_once('/')?;
        let (kind, id) = (kind.to_string(), id.to_string());
        self.synced.insert(key.to_string(), theirs.clone());
        if let Some(rev) = rev {
            self.revs.insert(key.to_string(), rev);
        }
        self.refused.remove(key);
        self.states.insert(key.to_string(), RowState::Saved);
        Some((kind, id, theirs))
    }

    /// Drops each held delete that no longer waits: its create was kept, or the create's row
    /// is gone, or the original is back in the scenario.
    fn release_holds(&mut self, now: &BTreeMap<String, (String, String, Value)>) {
        let synced = &self.synced;
        self.held.retain(|delete, create| {
            now.contains_key(create.as_str())
                && !synced.contains_key(create.as_str())
                && !now.contains_key(delete.as_str())
        });
    }

    /// A row whose id changed comes as a delete of the old id and a create of the new one in
    /// the same batch: each such delete is taken out and held until its create is kept, so a
    /// refused create never leaves the original deleted on the server.
    fn hold_deletes_behind_creates(&mut self, edits: &mut Vec<PendingEdit>) {
        let mut creates: Vec<(String, String)> = edits
            .iter()
            .filter(|edit| matches!(edit.op, Op::Create { .. }))
            .map(|edit| (edit.kind.clone(), edit.key()))
            .collect();
        edits.retain(|edit| {
            if !matches!(edit.op, Op::Delete { .. }) {
                return true;
            }
            let Some(at) = creates.iter().position(|(kind, _)| *kind == edit.kind) else { return true };
            let (_, create) = creates.remove(at);
            self.held.insert(edit.key(), create);
            false
        });
    }

    /// `edit` could not reach the server and waits in the offline queue: the row says it
    /// waits, and it is not computed again by [`Sync::pending`] until [`Sync::settle`] takes
    /// the server's answer to it.
    pub fn wait(&mut self, edit: &PendingEdit) {
        let key = edit.key();
        self.in_flight.insert(key.clone());
        self.states.insert(key, RowState::Waiting);
    }

    /// The typed problems of each row now not saved, by its key (rows saved since, or whose
    /// refusal had none, are left out).
    pub fn problems(&self) -> BTreeMap<String, Vec<ServerProblem>> {
        order::map(
            self.problems
                .iter()
                .filter(|(key, problems)| {
                    !problems.is_empty()
                        && matches!(self.states.get(*key), Some(RowState::NotSaved(refusal)) if refusal.status != 0)
                })
                .map(|(key, problems)| (key.clone(), problems.clone())),
        )
    }

    /// The rows still waiting for an answer.
    pub fn saving(&self) -> usize {
        self.in_flight.len()
    }
}

/// The server's words in a refusal: `error`, or each problem as `path: message`.
pub fn detail(body: &Value) -> String {
    if let Some(error) = body.get("error").and_then(Value::as_str) {
        return error.to_string();
    }
    let problems: Vec<String> = body
        .get("problems")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|problem| {
            let text = |field: &str| problem.get(field).and_then(Value::as_str).unwrap_or_default().to_string();
            match (text("path"), text("message")) {
                (path, message) if path.is_empty() => message,
                (path, message) => format!("{path}: {message}"),
            }
        })
        .collect();
    problems.join("; ")
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use serde_json::{json, Map};

    const DEMO: &str = include_str!("../../../../data/demo-2027.json");

    /// The demo as `GET /api/scenario` gives it, every row at rev 3.
    pub(in crate::ui::vm::connect) fn server_answer() -> Value {
        let mut body: Value = serde_json::from_str(DEMO).unwrap();
        let scenario: Scenario = serde_json::from_value(body.clone()).unwrap();
        let mut revs = Map::new();
        for (key, _) in rows(&scenario) {
            revs.insert(key, json!(3));
        }
        body["revision"] = json!(40);
        body["revs"] = Value::Object(revs);
        body
    }

    fn ok(rev: i64) -> Answer {
        Answer { status: 200, body: json!({"rev": rev}), retry_after: None }
    }

    #[test]
    fn nothing_is_sent_until_something_changes() {
        let (scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        assert!(sync.pending(&scenario).is_empty());
    }

    #[test]
    fn a_changed_need_is_put_with_its_rev_then_saved_with_the_new_one() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        scenario.needs[0].trainees += 5;
        let edits = sync.pending(&scenario);
        assert_eq!(edits.len(), 1);
        let edit = &edits[0];
        assert!(
            matches!(&edit.op, Op::Replace { rev: 3, body } if body["trainees"] == json!(scenario.needs[0].trainees))
        );
        assert_eq!(sync.state(&edit.key()), Some(&RowState::Saving));
        assert!(sync.pending(&scenario).is_empty(), "not sent twice while on its way");
        sync.settle(edit, &ok(4));
        assert_eq!(sync.state(&edit.key()), Some(&RowState::Saved));
        assert_eq!(sync.rev(&edit.key()), Some(4));
        scenario.needs[0].trainees += 1;
        assert!(matches!(sync.pending(&scenario)[0].op, Op::Replace { rev: 4, .. }));
    }

    #[test]
    fn a_refusal_keeps_the_reason_and_is_not_resent_until_the_row_changes() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        let before = scenario.needs[0].trainees;
        scenario.needs[0].trainees = 9999;
        let edit = sync.pending(&scenario).remove(0);
        let refused = Answer {
            status: 422,
            body: json!({"problems": [{"path": "needs[0].trainees", "message": "too many"}]}),
            retry_after: None,
        };
        sync.settle(&edit, &refused);
        let Some(RowState::NotSaved(refusal)) = sync.state(&edit.key()) else { panic!("not saved") };
        assert_eq!((refusal.status, refusal.detail.as_str()), (422, "needs[0].trainees: too many"));
        assert_eq!(scenario.needs[0].trainees, 9999, "the typed value stays");
        assert!(sync.pending(&scenario).is_empty(), "the same refused row is not sent again");
        scenario.needs[0].trainees = before + 1;
        let again = sync.pending(&scenario);
        assert_eq!(again.len(), 1, "sent again once changed");
        sync.settle(&again[0], &refused);
        scenario.needs[0].trainees = before;
        assert!(sync.pending(&scenario).is_empty());
        assert_eq!(sync.state(&edit.key()), Some(&RowState::Saved), "back to the server's value");
    }

    #[test]
    fn a_conflict_keeps_the_servers_row_for_later() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        scenario.needs[0].trainees += 1;
        let edit = sync.pending(&scenario).remove(0);
        let current = json!({"id": "x", "rev": 9, "error": "changed meanwhile"});
        sync.settle(&edit, &Answer { status: 409, body: current.clone(), retry_after: None });
        let Some(RowState::NotSaved(refusal)) = sync.state(&edit.key()) else { panic!("not saved") };
        assert_eq!(refusal.current.as_ref(), Some(&current));
    }

    /// A 409 on the first need: the server has `theirs` trainees at rev 9, changed by `other`.
    fn in_conflict(mine: i64, theirs: i64) -> (Scenario, Sync, String) {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        scenario.needs[0].trainees = mine;
        let edit = sync.pending(&scenario).remove(0);
        let mut current = edit.body().unwrap().clone();
        current["trainees"] = json!(theirs);
        current["rev"] = json!(9);
        current["changed_by"] = json!("focal-qa-2");
        current["changed_at"] = json!("2027-03-01T09:30:12+00:00");
        sync.settle(&edit, &Answer { status: 409, body: current, retry_after: None });
        (scenario, sync, edit.key())
    }

    #[test]
    fn a_conflict_shows_who_when_and_both_values() {
        let (_, sync, key) = in_conflict(41, 17);
        let conflict = sync.conflict(&key).expect("a conflict");
        assert_eq!(conflict.by.as_deref(), Some("focal-qa-2"));
        assert_eq!(conflict.at.as_deref(), Some("2027-03-01 09:30 UTC"));
        assert_eq!(conflict.fields, vec![("trainees".to_string(), Some("41".to_string()), "17".to_string())]);
        assert_eq!(sync.conflict("needs/none"), None);
    }

    #[test]
    fn keep_mine_sends_the_typed_row_again_with_the_servers_rev() {
        let (scenario, mut sync, key) = in_conflict(41, 17);
        assert!(sync.pending(&scenario).is_empty(), "not resent by itself");
        assert!(sync.keep_mine(&key));
        let again = sync.pending(&scenario);
        assert_eq!(again.len(), 1);
        assert!(matches!(&again[0].op, Op::Replace { rev: 9, body } if body["trainees"] == json!(41)), "{again:?}");
        sync.settle(&again[0], &ok(10));
        assert_eq!(sync.state(&key), Some(&RowState::Saved));
        assert!(!sync.keep_mine(&key), "no conflict any more");
    }

    #[test]
    fn take_theirs_puts_the_servers_row_in_the_scenario_and_sends_nothing() {
        let (scenario, mut sync, key) = in_conflict(41, 17);
        let (kind, id, body) = sync.take_theirs(&key).expect("theirs");
        let scenario = with_row(&scenario, &kind, &id, Some(&body)).unwrap();
        assert_eq!(scenario.needs[0].trainees, 17);
        assert!(sync.pending(&scenario).is_empty(), "the server has it already");
        assert_eq!(sync.state(&key), Some(&RowState::Saved));
        assert_eq!(sync.rev(&key), Some(9));
    }

    #[test]
    fn with_row_adds_replaces_and_removes() {
        let (scenario, _) = from_server(server_answer(), AccountRole::Focal).unwrap();
        let mut body = serde_json::to_value(&scenario.needs[0]).unwrap();
        body["id"] = json!("QA-new-1");
        let added = with_row(&scenario, "needs", "QA-new-1", Some(&body)).unwrap();
        assert_eq!(added.needs.len(), scenario.needs.len() + 1);
        let removed = with_row(&added, "needs", "QA-new-1", None).unwrap();
        assert_eq!(removed.needs.len(), scenario.needs.len());
        assert!(with_row(&scenario, "planets", "x", None).is_err());
    }

    #[test]
    fn new_rows_are_created_and_removed_rows_deleted() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        let mut added = scenario.needs[0].clone();
        added.id = crate::model::NeedId::new(format!("{}-9", added.id));
        let gone = scenario.needs.remove(1);
        scenario.needs.push(added.clone());
        let edits = sync.pending(&scenario);
        assert_eq!(edits.len(), 1, "a removal that comes with a creation waits for it: {edits:?}");
        assert!(edits[0].id == added.id.as_str() && matches!(edits[0].op, Op::Create { .. }));
        sync.settle(&edits[0], &ok(1));
        let edits = sync.pending(&scenario);
        let delete = edits.iter().find(|e| e.id == gone.id.as_str()).unwrap();
        assert_eq!(delete.op, Op::Delete { rev: 3 });
        sync.settle(delete, &Answer { status: 204, body: Value::Null, retry_after: None });
        assert_eq!(sync.rev(&delete.key()), None);
    }

    /// The first need's id changed to `new_id`: the scenario and the edits of that change.
    fn id_changed(new_id: &str) -> (Scenario, Sync, String, Vec<PendingEdit>) {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        let old = key("needs", scenario.needs[0].id.as_str());
        scenario.needs[0].id = crate::model::NeedId::new(new_id);
        let edits = sync.pending(&scenario);
        (scenario, sync, old, edits)
    }

    #[test]
    fn an_id_change_creates_the_new_row_first_and_deletes_the_original_only_once_it_is_kept() {
        let (scenario, mut sync, old, edits) = id_changed("QA-renamed-1");
        assert_eq!(edits.len(), 1, "the create alone: {edits:?}");
        assert!(matches!(edits[0].op, Op::Create { .. }) && edits[0].id == "QA-renamed-1");
        assert!(sync.pending(&scenario).is_empty(), "the delete waits while the create is on its way");
        sync.settle(&edits[0], &Answer { status: 201, body: json!({"rev": 41}), retry_after: None });
        let then = sync.pending(&scenario);
        assert_eq!(then.len(), 1);
        assert_eq!((then[0].key(), &then[0].op), (old.clone(), &Op::Delete { rev: 3 }));
        sync.settle(&then[0], &Answer { status: 204, body: Value::Null, retry_after: None });
        assert!(sync.pending(&scenario).is_empty());
        assert_eq!(sync.rev(&old), None);
    }

    #[test]
    fn a_refused_create_of_a_new_id_leaves_the_original_on_the_server() {
        let (mut scenario, mut sync, old, edits) = id_changed("XX-renamed-1");
        let refused = Answer {
            status: 422,
            body: json!({"problems": [{"path": "id", "message": "a need of QA has an id that starts with \"QA-\""}]}),
            retry_after: None,
        };
        sync.settle(&edits[0], &refused);
        assert!(sync.pending(&scenario).is_empty(), "no delete of the original after a refused create");
        let Some(RowState::NotSaved(refusal)) = sync.state(&edits[0].key()) else { panic!("the row shows it") };
        assert_eq!(refusal.status, 422);
        assert!(refusal.detail.starts_with("id: a need of QA"), "{}", refusal.detail);
        assert_eq!(sync.rev(&old), Some(3), "the original is still the server's");
        // The id typed back: the original is the server's row again, nothing to send.
        scenario.needs[0].id = crate::model::NeedId::new(old.trim_start_matches("needs/"));
        assert!(sync.pending(&scenario).is_empty());
    }

    #[test]
    fn a_need_removed_on_its_own_is_deleted_at_once() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        let gone = scenario.needs.remove(0);
        let edits = sync.pending(&scenario);
        assert_eq!(edits.len(), 1);
        assert_eq!((edits[0].id.as_str(), &edits[0].op), (gone.id.as_str(), &Op::Delete { rev: 3 }));
    }

    #[test]
    fn a_waiting_edit_shows_it_waits_and_is_not_computed_again_until_answered() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Focal).unwrap();
        scenario.needs[0].trainees += 2;
        let edit = sync.pending(&scenario).remove(0);
        sync.wait(&edit);
        assert_eq!(sync.state(&edit.key()), Some(&RowState::Waiting));
        scenario.needs[0].trainees += 1;
        assert!(sync.pending(&scenario).is_empty(), "the queue carries the row's later changes");
        sync.settle(&edit, &ok(4));
        assert_eq!(sync.state(&edit.key()), Some(&RowState::Saved));
        assert!(matches!(sync.pending(&scenario)[0].op, Op::Replace { rev: 4, .. }), "what changed meanwhile");
    }

    #[test]
    fn a_role_sends_only_what_it_may_change() {
        let (mut scenario, mut sync) = from_server(server_answer(), AccountRole::Centre).unwrap();
        scenario.needs[0].trainees += 1;
        assert!(sync.pending(&scenario).is_empty(), "the centre does not write needs");
        scenario.sessions[0].seats += 1;
        let edits = sync.pending(&scenario);
        assert_eq!((edits.len(), edits[0].kind.as_str()), (1, "sessions"));
        sync.wait(&edits[0]);
        assert_eq!(sync.state(&edits[0].key()), Some(&RowState::Waiting), "an unreachable server: it waits");
    }
}
