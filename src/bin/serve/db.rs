//! The database: one pool over SQLite or PostgreSQL (sqlx's `Any` driver, chosen by the URL),
//! the migrations, and the scenario kept as entity rows.
//!
//! Every writer first raises a counter in the one `meta` row (`lock`): on PostgreSQL that
//! row lock, on SQLite the database's write lock, orders the writers of every process, so a
//! change validates against the scenario as it really is and no update is lost.

use std::str::FromStr;
use std::time::Duration;

use serde_json::{Map, Value};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Row};

use qudra::model::Scenario;

/// Which database the URL names (the few statements that differ).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Opens the database (an SQLite file is created if absent, in WAL mode) and brings its
/// schema up to date.
pub async fn open(url: &str) -> Result<(AnyPool, Backend), String> {
    sqlx::any::install_default_drivers();
    let (url, backend) = if let Some(rest) = url.strip_prefix("sqlite:") {
        let with_mode = if rest.contains("mode=") {
            url.to_string()
        } else if rest.contains('?') {
            format!("{url}&mode=rwc")
        } else {
            format!("{url}?mode=rwc")
        };
        (with_mode, Backend::Sqlite)
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        (url.to_string(), Backend::Postgres)
    } else {
        return Err(format!("--db must be sqlite://FILE or postgres://…, got \"{}\"", scheme_of(url)));
    };
    let options = AnyConnectOptions::from_str(&url).map_err(|err| format!("--db: {}", redact(&err.to_string())))?;
    let pool = AnyPoolOptions::new()
        .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(move |conn, _| {
            Box::pin(async move {
                if backend == Backend::Sqlite {
                    for pragma in
                        ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 30000"]
                    {
                        sqlx::query(pragma).execute(&mut *conn).await?;
                    }
                }
                Ok(())
            })
        })
        .connect_with(options)
        .await
        .map_err(|err| format!("cannot open the database: {}", redact(&err.to_string())))?;
    sqlx::migrate!("./migrations")
        .run(&pool)
        .await
        .map_err(|err| format!("cannot bring the database schema up to date: {}", redact(&err.to_string())))?;
    Ok((pool, backend))
}

/// `sqlite` or `postgres`: what may be said of a URL (it can hold a password).
pub fn scheme_of(url: &str) -> &str {
    url.split(':').next().unwrap_or_default()
}

/// Removes a `user:password@` from a message that may quote the URL.
fn redact(message: &str) -> String {
    let mut out = String::new();
    for word in message.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        match (word.find("://"), word.find('@')) {
            (Some(scheme), Some(at)) if at > scheme => {
                out.push_str(&word[..scheme + 3]);
                out.push('…');
                out.push_str(&word[at..]);
            }
            _ => out.push_str(word),
        }
    }
    out
}

/// Raises a counter of the `meta` row and returns its new value: the first statement of
/// every writing transaction (see the module's note).
pub async fn lock(tx: &mut Tx, counter: Counter) -> Result<i64, sqlx::Error> {
    let sql = match counter {
        Counter::Revision => "UPDATE meta SET revision = revision + 1 WHERE id = 1 RETURNING revision",
        Counter::Audit => "UPDATE meta SET audit_seq = audit_seq + 1 WHERE id = 1 RETURNING audit_seq",
        Counter::Plan => "UPDATE meta SET plan_seq = plan_seq + 1 WHERE id = 1 RETURNING plan_seq",
        Counter::User => "UPDATE meta SET user_seq = user_seq + 1 WHERE id = 1 RETURNING user_seq",
        Counter::Publish => "UPDATE meta SET publish_seq = publish_seq + 1 WHERE id = 1 RETURNING publish_seq",
    };
    sqlx::query(sql).fetch_one(&mut **tx).await?.try_get(0)
}

#[derive(Clone, Copy)]
pub enum Counter {
    Revision,
    Audit,
    Plan,
    User,
    Publish,
}

/// A read-only transaction that sees one consistent state of the database.
pub async fn snapshot(pool: &AnyPool, backend: Backend) -> Result<Tx, sqlx::Error> {
    let mut tx = pool.begin().await?;
    if backend == Backend::Postgres {
        sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute(&mut *tx).await?;
    }
    Ok(tx)
}

/// The kinds of entity the scenario is kept as, each a list of the §2 scenario.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    States,
    Skills,
    Courses,
    Sessions,
    Needs,
    Pins,
    Exclusions,
    Settings,
}

impl Kind {
    pub const LISTS: [Kind; 7] =
        [Kind::States, Kind::Skills, Kind::Courses, Kind::Sessions, Kind::Needs, Kind::Pins, Kind::Exclusions];

    /// The scenario's key, the table's `kind` and the API's path segment.
    pub fn name(self) -> &'static str {
        match self {
            Kind::States => "states",
            Kind::Skills => "skills",
            Kind::Courses => "courses",
            Kind::Sessions => "sessions",
            Kind::Needs => "needs",
            Kind::Pins => "pins",
            Kind::Exclusions => "exclusions",
            Kind::Settings => "settings",
        }
    }

    pub fn named(name: &str) -> Option<Kind> {
        Kind::LISTS.into_iter().chain([Kind::Settings]).find(|kind| kind.name() == name)
    }

    /// An entity's key: its id, a state's code, `need~session` for pins and exclusions.
    pub fn key(self, body: &Value) -> Option<String> {
        let text = |field: &str| body.get(field).and_then(Value::as_str).map(str::to_string);
        match self {
            Kind::States => text("code"),
            Kind::Pins | Kind::Exclusions => Some(format!("{}~{}", text("need")?, text("session")?)),
            Kind::Settings => Some("settings".into()),
            _ => text("id"),
        }
    }
}

/// One stored entity.
#[derive(Clone, Debug)]
pub struct Entity {
    pub kind: Kind,
    pub id: String,
    pub state: Option<String>,
    pub pos: i64,
    pub rev: i64,
    pub body: Value,
}

impl Entity {
    /// The entity as the API returns it: its §2 fields and `"rev"`.
    pub fn with_rev(&self) -> Value {
        let mut body = self.body.clone();
        if let Value::Object(map) = &mut body {
            map.insert("rev".into(), Value::from(self.rev));
        }
        body
    }
}

/// The whole scenario as stored: the meta row and every entity, in the scenario's order.
#[derive(Clone)]
pub struct Stored {
    pub revision: i64,
    pub title: String,
    pub horizon: Option<Value>,
    pub entities: Vec<Entity>,
}

impl Stored {
    pub fn find(&self, kind: Kind, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|entity| entity.kind == kind && entity.id == id)
    }

    /// The §2 scenario as JSON, with the entities `keep` lets through.
    pub fn to_json(&self, keep: impl Fn(&Entity) -> bool) -> Map<String, Value> {
        let mut map = Map::new();
        map.insert("format".into(), Value::from(qudra::model::SCENARIO_FORMAT));
        map.insert("version".into(), Value::from(qudra::model::SCENARIO_VERSION));
        map.insert("title".into(), Value::from(self.title.clone()));
        if let Some(horizon) = &self.horizon {
            map.insert("horizon".into(), horizon.clone());
        }
        if let Some(settings) = self.entities.iter().find(|entity| entity.kind == Kind::Settings) {
            map.insert("settings".into(), settings.body.clone());
        }
        for kind in Kind::LISTS {
            let list: Vec<Value> = self
                .entities
                .iter()
                .filter(|entity| entity.kind == kind && keep(entity))
                .map(|entity| entity.body.clone())
                .collect();
            map.insert(kind.name().into(), Value::Array(list));
        }
        map
    }
}

fn kind_of(name: &str) -> Result<Kind, sqlx::Error> {
    Kind::named(name).ok_or_else(|| sqlx::Error::Protocol(format!("unknown entity kind {name}")))
}

/// Reads the whole scenario within `tx`.
pub async fn load(tx: &mut Tx) -> Result<Stored, sqlx::Error> {
    let meta = sqlx::query("SELECT revision, title, horizon FROM meta WHERE id = 1").fetch_one(&mut **tx).await?;
    let horizon: Option<String> = meta.try_get(2)?;
    let rows = sqlx::query("SELECT kind, id, state, pos, rev, body FROM entities ORDER BY pos, id")
        .fetch_all(&mut **tx)
        .await?;
    let mut entities = Vec::with_capacity(rows.len());
    for row in rows {
        let kind: String = row.try_get(0)?;
        let body: String = row.try_get(5)?;
        entities.push(Entity {
            kind: kind_of(&kind)?,
            id: row.try_get(1)?,
            state: row.try_get(2)?,
            pos: row.try_get(3)?,
            rev: row.try_get(4)?,
            body: serde_json::from_str(&body).map_err(|err| sqlx::Error::Decode(Box::new(err)))?,
        });
    }
    Ok(Stored {
        revision: meta.try_get(0)?,
        title: meta.try_get(1)?,
        horizon: horizon.and_then(|text| serde_json::from_str(&text).ok()),
        entities,
    })
}

pub async fn insert_entity(tx: &mut Tx, entity: &Entity) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO entities (kind, id, state, pos, rev, body) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(entity.kind.name())
        .bind(&entity.id)
        .bind(entity.state.clone())
        .bind(entity.pos)
        .bind(entity.rev)
        .bind(entity.body.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn update_entity(tx: &mut Tx, entity: &Entity) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE entities SET state = $1, rev = $2, body = $3 WHERE kind = $4 AND id = $5")
        .bind(entity.state.clone())
        .bind(entity.rev)
        .bind(entity.body.to_string())
        .bind(entity.kind.name())
        .bind(&entity.id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn delete_entity(tx: &mut Tx, kind: Kind, id: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM entities WHERE kind = $1 AND id = $2")
        .bind(kind.name())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// One row of the audit log, written in the transaction of the change it records.
pub struct AuditEntry<'a> {
    pub login: &'a str,
    pub action: &'a str,
    pub entity: String,
    pub state: Option<String>,
    pub before: Option<&'a Value>,
    pub after: Option<&'a Value>,
}

impl<'a> AuditEntry<'a> {
    /// An entry without a before and after (a publication, a new feed token, an account disabled).
    pub fn event(login: &'a str, action: &'a str, entity: String, state: Option<String>) -> AuditEntry<'a> {
        AuditEntry { login, action, entity, state, before: None, after: None }
    }
}

pub async fn audit(tx: &mut Tx, entry: AuditEntry<'_>) -> Result<(), sqlx::Error> {
    let id = lock(tx, Counter::Audit).await?;
    sqlx::query(
        "INSERT INTO audit (id, at, login, action, entity, state, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(now())
    .bind(entry.login)
    .bind(entry.action)
    .bind(entry.entity)
    .bind(entry.state)
    .bind(entry.before.map(Value::to_string))
    .bind(entry.after.map(Value::to_string))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Seconds since 1970.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// Loads a valid scenario into an empty database (nothing when it already holds one).
/// Returns whether it seeded.
pub async fn seed(pool: &AnyPool, scenario: &Scenario, login: &str) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    lock(&mut tx, Counter::Revision).await?;
    let seeded: i64 = sqlx::query("SELECT seeded FROM meta WHERE id = 1").fetch_one(&mut *tx).await?.try_get(0)?;
    if seeded != 0 {
        return Ok(false);
    }
    let value = serde_json::to_value(scenario).map_err(|err| sqlx::Error::Decode(Box::new(err)))?;
    let horizon = value.get("horizon").map(Value::to_string);
    sqlx::query("UPDATE meta SET title = $1, horizon = $2, seeded = 1 WHERE id = 1")
        .bind(&scenario.title)
        .bind(horizon)
        .execute(&mut *tx)
        .await?;
    let mut pos = 0;
    let settings = value.get("settings").cloned().unwrap_or(Value::Object(Map::new()));
    let mut all =
        vec![Entity { kind: Kind::Settings, id: "settings".into(), state: None, pos, rev: 1, body: settings }];
    for kind in Kind::LISTS {
        for body in value.get(kind.name()).and_then(Value::as_array).cloned().unwrap_or_default() {
            pos += 1;
            let id = kind.key(&body).unwrap_or_default();
            let state = state_of(kind, &body);
            all.push(Entity { kind, id, state, pos, rev: 1, body });
        }
    }
    for entity in &all {
        insert_entity(&mut tx, entity).await?;
    }
    audit(
        &mut tx,
        AuditEntry {
            login,
            action: "seed",
            entity: "scenario".into(),
            state: None,
            before: None,
            after: Some(&Value::from(format!("{} entities", all.len()))),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// A need's state (the focal point's filter); nothing for other kinds.
pub fn state_of(kind: Kind, body: &Value) -> Option<String> {
    match kind {
        Kind::Needs => body.get("state").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}
