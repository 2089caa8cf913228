//! What the centre and the planner follow between publications: each state's needs at a
//! glance (`GET /api/overview`), what changed since the last published plan
//! (`GET /api/changes`), and per state the sessions a published plan gained or lost against
//! the one published before it (part of `GET /api/plans/published`).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Json;
use serde_json::{json, Map, Value};
use sqlx::Row;

use qudra::model::Scenario;
use qudra::solve::Plan;

use super::api::{time, ApiError, AppState};
use super::auth::{Caller, Role};
use super::db::{self, Kind, Stored};

/// `GET /api/overview` (centre, planner, admin): every state in the scenario's order with
/// its needs, trainees, when its needs last changed and by whom, and whether it has entered
/// nothing yet.
pub async fn overview(State(app): State<AppState>, caller: Caller) -> Result<Json<Value>, ApiError> {
    if caller.role == Role::Focal {
        return Err(ApiError::forbidden());
    }
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let stored = db::load(&mut tx).await?;
    // The latest audit entry of each state's needs (a need's entries carry its state).
    let rows = sqlx::query(
        "SELECT state, at, login FROM audit WHERE id IN \
         (SELECT MAX(id) FROM audit WHERE entity LIKE 'needs/%' AND state IS NOT NULL GROUP BY state)",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut last: BTreeMap<String, (i64, String)> = BTreeMap::new();
    for row in rows {
        let state: Option<String> = row.try_get(0)?;
        if let Some(state) = state {
            last.insert(state, (row.try_get(1)?, row.try_get(2)?));
        }
    }
    let mut totals: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for need in stored.entities.iter().filter(|entity| entity.kind == Kind::Needs) {
        let total = totals.entry(need.state.as_deref().unwrap_or_default()).or_default();
        total.0 += 1;
        total.1 += need.body.get("trainees").and_then(Value::as_i64).unwrap_or(0);
    }
    let states: Vec<Value> = stored
        .entities
        .iter()
        .filter(|entity| entity.kind == Kind::States)
        .map(|state| {
            let (needs, trainees) = totals.get(state.id.as_str()).copied().unwrap_or_default();
            let changed = last.get(&state.id);
            json!({
                "code": state.id,
                "name": state.body.get("name"),
                "needs": needs,
                "trainees": trainees,
                "last_changed": changed.and_then(|(at, _)| time(*at)),
                "last_changed_by": changed.map(|(_, login)| login),
                "entered_nothing": needs == 0,
            })
        })
        .collect();
    let waiting: Vec<&Value> =
        states.iter().filter(|state| state["entered_nothing"] == true).map(|state| &state["code"]).collect();
    Ok(Json(json!({"revision": stored.revision, "states": states, "entered_nothing": waiting})))
}

/// `GET /api/changes` (planner, admin): the needs and sessions added, removed and changed
/// between the scenario the last published plan was solved from and now. Before any plan was
/// published, everything counts as added.
pub async fn changes(State(app): State<AppState>, caller: Caller) -> Result<Json<Value>, ApiError> {
    if !matches!(caller.role, Role::Planner | Role::Admin) {
        return Err(ApiError::forbidden());
    }
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let stored = db::load(&mut tx).await?;
    let row = sqlx::query(
        "SELECT id, revision, published_at, scenario FROM plans WHERE published IS NOT NULL \
         ORDER BY published DESC LIMIT 1",
    )
    .fetch_optional(&mut *tx)
    .await?;
    let (since, before) = match row {
        Some(row) => {
            let text: String = row.try_get(3)?;
            let scenario: Value = serde_json::from_str(&text).map_err(|_| ApiError::internal())?;
            let published_at: Option<i64> = row.try_get(2)?;
            let since = json!({
                "plan": row.try_get::<i64, _>(0)?,
                "revision": row.try_get::<i64, _>(1)?,
                "published_at": published_at.and_then(time),
            });
            (since, scenario)
        }
        None => (Value::Null, json!({})),
    };
    let list = |kind: Kind| before.get(kind.name()).and_then(Value::as_array).cloned().unwrap_or_default();
    let now = |kind: Kind| -> Vec<Value> {
        stored.entities.iter().filter(|entity| entity.kind == kind).map(|entity| entity.body.clone()).collect()
    };
    let needs = compare(&list(Kind::Needs), &now(Kind::Needs));
    let sessions = compare(&list(Kind::Sessions), &now(Kind::Sessions));
    let mut body = json!({
        "revision": stored.revision,
        "since": since,
        "needs": {
            "added": needs.added.len(),
            "removed": needs.removed.len(),
            "changed": needs.changed.len(),
            "states": needs_by_state(&stored, &needs),
        },
        "sessions": {
            "added": sessions.added,
            "removed": sessions.removed,
            "changed": sessions.changed,
        },
    });
    if since.is_null() {
        body["message"] = json!("no plan has been published yet: every need and session counts as added");
    }
    Ok(Json(body))
}

/// Entities (needs or sessions) of two scenarios compared by id.
struct Compared {
    added: Vec<Value>,
    removed: Vec<Value>,
    /// `{"id", "state" (needs), "fields": [{"field", "before", "after"}]}`
    changed: Vec<Value>,
}

fn compare(before: &[Value], after: &[Value]) -> Compared {
    let id = |entity: &Value| entity.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
    let old: BTreeMap<String, &Value> = before.iter().map(|entity| (id(entity), entity)).collect();
    let new: BTreeMap<String, &Value> = after.iter().map(|entity| (id(entity), entity)).collect();
    let mut compared = Compared { added: Vec::new(), removed: Vec::new(), changed: Vec::new() };
    for entity in after {
        match old.get(&id(entity)) {
            None => compared.added.push(entity.clone()),
            Some(was) => {
                let fields = changed_fields(was, entity);
                if !fields.is_empty() {
                    let mut change = json!({"id": id(entity), "fields": fields});
                    if let Some(state) = entity.get("state") {
                        change["state"] = state.clone();
                    }
                    compared.changed.push(change);
                }
            }
        }
    }
    compared.removed = before.iter().filter(|entity| !new.contains_key(&id(entity))).cloned().collect();
    compared
}

/// The fields whose values differ, in the order the entity writes them.
fn changed_fields(before: &Value, after: &Value) -> Vec<Value> {
    let empty = Map::new();
    let old = before.as_object().unwrap_or(&empty);
    let new = after.as_object().unwrap_or(&empty);
    let mut names: Vec<&String> = new.keys().collect();
    names.extend(old.keys().filter(|name| !new.contains_key(*name)));
    names
        .into_iter()
        .filter(|name| old.get(*name) != new.get(*name))
        .map(|name| json!({"field": name, "before": old.get(name), "after": new.get(name)}))
        .collect()
}

/// The needs' changes of each state that has some, in the scenario's order of states.
fn needs_by_state(stored: &Stored, needs: &Compared) -> Vec<Value> {
    let state_of = |need: &Value| need.get("state").and_then(Value::as_str).unwrap_or_default().to_string();
    let mut order: Vec<String> =
        stored.entities.iter().filter(|entity| entity.kind == Kind::States).map(|state| state.id.clone()).collect();
    for need in needs.added.iter().chain(&needs.removed).chain(&needs.changed) {
        let state = state_of(need);
        if !order.contains(&state) {
            order.push(state);
        }
    }
    order
        .into_iter()
        .filter_map(|state| {
            let of = |list: &[Value]| -> Vec<Value> {
                list.iter().filter(|need| state_of(need) == state).cloned().collect()
            };
            let (added, removed, changed) = (of(&needs.added), of(&needs.removed), of(&needs.changed));
            (!added.is_empty() || !removed.is_empty() || !changed.is_empty())
                .then(|| json!({"state": state, "added": added, "removed": removed, "changed": changed}))
        })
        .collect()
}

/// Seats of each state in each session of a plan (a need's state from the plan's scenario).
fn seats_by_state(plan: &Plan, scenario: &Scenario) -> BTreeMap<(String, String), i64> {
    let mut seats = BTreeMap::new();
    for allocation in &plan.allocations {
        if let Some(need) = scenario.need(&allocation.need) {
            *seats.entry((need.state.as_str().to_string(), allocation.session.as_str().to_string())).or_insert(0) +=
                allocation.seats;
        }
    }
    seats
}

/// Per state the caller may see (in `states`' order), the sessions a published plan gained
/// and lost seats in against the previous published plan (none before the first): `[{"state",
/// "gained": [{"session", "before", "after"}], "lost": [...]}]`, states without a change left out.
pub fn sessions_gained_and_lost(
    caller: &Caller,
    states: &[String],
    current: (&Plan, &Scenario),
    previous: Option<(&Plan, &Scenario)>,
) -> Vec<Value> {
    let now = seats_by_state(current.0, current.1);
    let then = previous.map(|(plan, scenario)| seats_by_state(plan, scenario)).unwrap_or_default();
    states
        .iter()
        .filter(|state| caller.sees_state(Some(state.as_str())))
        .filter_map(|state| {
            let mut sessions: Vec<&String> =
                now.keys().chain(then.keys()).filter(|(of, _)| of == state).map(|(_, session)| session).collect();
            sessions.sort();
            sessions.dedup();
            let (mut gained, mut lost) = (Vec::new(), Vec::new());
            for session in sessions {
                let key = (state.clone(), session.clone());
                let (before, after) = (then.get(&key).copied().unwrap_or(0), now.get(&key).copied().unwrap_or(0));
                let row = json!({"session": session, "before": before, "after": after});
                if after > before {
                    gained.push(row);
                } else if after < before {
                    lost.push(row);
                }
            }
            (!gained.is_empty() || !lost.is_empty()).then(|| json!({"state": state, "gained": gained, "lost": lost}))
        })
        .collect()
}
