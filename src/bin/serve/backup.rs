//! `qudra backup` and `qudra restore`: the whole workspace as one JSON file, read in one
//! consistent snapshot while servers keep running, and loaded into an empty database of
//! either kind (a SQLite backup restores into PostgreSQL and the reverse). Sessions and
//! failed sign-ins are not kept: after a restore everyone signs in again.

use serde_json::{json, Map, Value};
use sqlx::{AnyPool, Row};

use super::db::{self, Backend, Counter};

pub const FORMAT: &str = "qudra-backup";
pub const VERSION: i64 = 1;

#[derive(Clone, Copy)]
enum Column {
    Int,
    Text,
}

use Column::{Int, Text};

/// Every table kept, with its columns in order (the schema of `migrations/`).
const TABLES: [(&str, &[(&str, Column)]); 6] = [
    (
        "meta",
        &[
            ("id", Int),
            ("revision", Int),
            ("audit_seq", Int),
            ("plan_seq", Int),
            ("user_seq", Int),
            ("publish_seq", Int),
            ("title", Text),
            ("horizon", Text),
            ("seeded", Int),
        ],
    ),
    ("entities", &[("kind", Text), ("id", Text), ("state", Text), ("pos", Int), ("rev", Int), ("body", Text)]),
    (
        "users",
        &[
            ("id", Int),
            ("login", Text),
            ("role", Text),
            ("state", Text),
            ("password_hash", Text),
            ("invite_hash", Text),
            ("disabled", Int),
            ("last_sign_in", Int),
        ],
    ),
    (
        "audit",
        &[
            ("id", Int),
            ("at", Int),
            ("login", Text),
            ("action", Text),
            ("entity", Text),
            ("state", Text),
            ("before_json", Text),
            ("after_json", Text),
        ],
    ),
    (
        "plans",
        &[
            ("id", Int),
            ("revision", Int),
            ("created_at", Int),
            ("created_by", Text),
            ("plan", Text),
            ("scenario", Text),
            ("published", Int),
            ("published_at", Int),
            ("note", Text),
            ("published_by", Text),
        ],
    ),
    ("calendar_tokens", &[("state", Text), ("token_hash", Text)]),
];

/// The backup's JSON: every table's rows as objects, read in one snapshot.
pub async fn dump(pool: &AnyPool, backend: Backend) -> Result<Value, String> {
    let failed = |err: sqlx::Error| format!("cannot read the database: {err}");
    let mut tx = db::snapshot(pool, backend).await.map_err(failed)?;
    let mut tables = Map::new();
    for (table, columns) in TABLES {
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        // Table and column names are the constants above, never input.
        let sql = format!("SELECT {} FROM {table} ORDER BY {}", names.join(", "), names[0]);
        let rows = sqlx::query(&sql).fetch_all(&mut *tx).await.map_err(failed)?;
        let mut list = Vec::with_capacity(rows.len());
        for row in rows {
            let mut object = Map::new();
            for (index, (name, column)) in columns.iter().enumerate() {
                let value = match column {
                    Int => row.try_get::<Option<i64>, _>(index).map(|v| v.map_or(Value::Null, Value::from)),
                    Text => row.try_get::<Option<String>, _>(index).map(|v| v.map_or(Value::Null, Value::from)),
                }
                .map_err(failed)?;
                object.insert((*name).to_string(), value);
            }
            list.push(Value::Object(object));
        }
        tables.insert(table.to_string(), Value::Array(list));
    }
    Ok(json!({"format": FORMAT, "version": VERSION, "tables": tables}))
}

/// Loads a backup into an empty database (no scenario, no accounts), all of it or nothing.
pub async fn load(pool: &AnyPool, backup: &Value) -> Result<(), String> {
    if backup.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!("not a Qudra backup (format {FORMAT})"));
    }
    if backup.get("version").and_then(Value::as_i64) != Some(VERSION) {
        return Err(format!("a backup of another version; this qudra reads version {VERSION}"));
    }
    if backup.pointer("/tables/meta").and_then(Value::as_array).map(Vec::len) != Some(1) {
        return Err("tables.meta: the backup needs its one meta row".into());
    }
    let failed = |err: sqlx::Error| format!("cannot write the database: {err}");
    let mut tx = pool.begin().await.map_err(failed)?;
    db::lock(&mut tx, Counter::Revision).await.map_err(failed)?;
    let seeded: i64 = sqlx::query("SELECT seeded FROM meta WHERE id = 1")
        .fetch_one(&mut *tx)
        .await
        .and_then(|r| r.try_get(0))
        .map_err(failed)?;
    let users: i64 = sqlx::query("SELECT COUNT(*) FROM users")
        .fetch_one(&mut *tx)
        .await
        .and_then(|r| r.try_get(0))
        .map_err(failed)?;
    if seeded != 0 || users != 0 {
        return Err("the database is not empty; restore into a new one".into());
    }
    sqlx::query("DELETE FROM meta").execute(&mut *tx).await.map_err(failed)?;
    for (table, columns) in TABLES {
        let rows = backup.pointer(&format!("/tables/{table}")).and_then(Value::as_array).cloned().unwrap_or_default();
        let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
        let marks: Vec<String> = (1..=columns.len()).map(|n| format!("${n}")).collect();
        let sql = format!("INSERT INTO {table} ({}) VALUES ({})", names.join(", "), marks.join(", "));
        for (line, row) in rows.iter().enumerate() {
            let mut query = sqlx::query(&sql);
            for (name, column) in columns {
                let value = row.get(*name).unwrap_or(&Value::Null);
                let wrong = || {
                    format!(
                        "tables.{table}[{line}].{name}: not a {}",
                        if matches!(column, Int) { "whole number" } else { "text" }
                    )
                };
                query = match (column, value) {
                    (Int, Value::Null) => query.bind(None::<i64>),
                    (Int, value) => query.bind(Some(value.as_i64().ok_or_else(wrong)?)),
                    (Text, Value::Null) => query.bind(None::<String>),
                    (Text, value) => query.bind(Some(value.as_str().ok_or_else(wrong)?.to_string())),
                };
            }
            query.execute(&mut *tx).await.map_err(|err| format!("tables.{table}[{line}]: {}", failed(err)))?;
        }
    }
    tx.commit().await.map_err(failed)
}
