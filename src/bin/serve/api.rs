//! The JSON API (SPEC §8): the router, every permission of the roles table checked per
//! request, and the scenario's entities changed one transaction at a time, each validated by
//! the core before it is kept.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use sqlx::{AnyPool, Row};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use qudra::model::{validate, NeedIds, Problem, Scenario, SkillId, StateCode};
use qudra::solve::{solve, Options, Plan, SolveError, DEFAULT_TIME_LIMIT};
use qudra::ui::vm::connect::problems::{Code, Rule};

use super::auth::{self, Caller, Role};
use super::db::{self, AuditEntry, Backend, Counter, Entity, Kind, Stored};

/// The largest request body (SPEC §8): larger is 413.
pub const BODY_LIMIT: usize = 1024 * 1024;
/// The browser app's Content-Security-Policy, as `tests/e2e/serve.mjs` sends it.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";

#[derive(Clone)]
pub struct AppState {
    pub pool: AnyPool,
    pub backend: Backend,
    /// An argon2id hash of a random password: unknown logins are checked against it.
    pub dummy_hash: String,
    pub idle_seconds: i64,
    /// Cookies always `Secure` (`--secure-cookies`), not only behind an https proxy.
    pub secure: bool,
    /// Failed sign-ins are counted by the address in `X-Forwarded-For` (`--behind-proxy`).
    pub behind_proxy: bool,
    pub solve_lock: Arc<tokio::sync::Semaphore>,
    /// This process's writers, one at a time in arrival order (fair, unlike SQLite's busy
    /// wait), and the scenario as the last of them left it: used by the next writer when the
    /// revision shows no other process wrote in between, else read again.
    pub writer: Arc<tokio::sync::Mutex<Option<Stored>>>,
}

/// An answer other than success: a status and a JSON body that never carries SQL text, a
/// path on the server or a stack trace.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
}

impl ApiError {
    pub fn new(status: StatusCode, body: Value) -> ApiError {
        ApiError { status, body }
    }
    pub fn forbidden() -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, json!({"error": "your role may not do this"}))
    }
    pub fn not_found() -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, json!({"error": "not found"}))
    }
    pub fn bad_request(message: &str) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, json!({"error": message}))
    }
    pub fn internal() -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, json!({"error": "internal error; the change was not made"}))
    }
    fn problems(problems: Vec<Value>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, json!({"problems": problems}))
    }
    fn problem(path: &str, message: &str) -> ApiError {
        ApiError::problems(vec![json!({"path": path, "message": message})])
    }
    /// A 422 for a rule only the server keeps, at a field of the row sent, with its `code`.
    fn rule(field: &str, message: &str, rule: Rule) -> ApiError {
        ApiError::problems(vec![json!({"path": field, "field": field, "message": message, "code": Code::Server(rule)})])
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> ApiError {
        // The detail goes to the log only, without the statement's values.
        eprintln!("qudra serve: database error: {}", error_kind(&err));
        match &err {
            sqlx::Error::PoolTimedOut => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, json!({"error": "the server is busy; try again"}))
            }
            _ => ApiError::internal(),
        }
    }
}

fn error_kind(err: &sqlx::Error) -> String {
    match err {
        sqlx::Error::Database(db) => format!("database code {}", db.code().unwrap_or_default()),
        other => other.to_string().chars().take(200).collect(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// A request body as JSON (400 when it is not, with the problem's `code`: `not_json` and
/// where reading stopped).
pub fn json_body(bytes: &Bytes) -> Result<Value, ApiError> {
    serde_json::from_slice(bytes).map_err(|err| {
        let (line, column) = (err.line(), err.column());
        let message = format!("the body is not JSON: line {line}, column {column}");
        let code = Code::Server(Rule::NotJson { line, column });
        ApiError::new(
            StatusCode::BAD_REQUEST,
            json!({"error": message, "problems": [{"path": ".", "message": message, "code": code}]}),
        )
    })
}

/// A 422 for a body that is JSON but not an object, with the `not_an_object` code.
fn not_an_object(message: &str) -> ApiError {
    ApiError::problems(vec![json!({"path": ".", "message": message, "code": Code::Server(Rule::NotAnObject)})])
}

/// The whole application: the API, the calendar feeds, and the built app from `app_dir`.
pub fn router(state: AppState, app_dir: Option<PathBuf>) -> Router {
    let api = Router::new()
        .route("/health", get(health))
        .route("/login", post(auth::login))
        .route("/logout", post(auth::logout))
        .route("/session", get(auth::session))
        .route("/invitations", post(auth::accept_invitation))
        .route("/scenario", get(scenario))
        .route("/settings", get(get_settings).put(put_settings))
        .route("/plans", post(create_plan))
        .route("/plans/published", get(published_plan))
        .route("/plans/{id}/publish", post(publish_plan))
        .route("/overview", get(super::changes::overview))
        .route("/changes", get(super::changes::changes))
        .route("/audit", get(audit_log))
        .route("/users", get(auth::list_users).post(auth::create_user))
        .route("/users/{login}/disable", post(auth::disable_user))
        .route("/users/{login}/reset", post(auth::reset_user))
        .route("/needs/{id}/history", get(need_history))
        .route("/states/{code}/calendar-token", post(super::calendar::new_token))
        .route("/{kind}", post(create_entity))
        .route("/{kind}/{id}", get(get_entity).put(put_entity).delete(delete_entity))
        .fallback(|| async { ApiError::not_found() });
    let mut app = Router::new().nest("/api", api).route("/calendar/{file}", get(super::calendar::serve_feed));
    app = match app_dir {
        Some(dir) => app.fallback_service(
            tower::ServiceBuilder::new().layer(axum::middleware::from_fn(caching)).service(ServeDir::new(dir)),
        ),
        None => app.fallback(|| async { (StatusCode::NOT_FOUND, "not found") }),
    };
    app.with_state(state)
        .layer(axum::middleware::from_fn(log_request))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_: Box<dyn std::any::Any + Send>| {
            ApiError::internal().into_response()
        }))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(CompressionLayer::new())
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(60)))
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
}

/// How long a browser keeps a file whose name changes with its content: a year.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Whether a file's name carries trunk's content hash: a dash, then 12 to 16 hexadecimal
/// digits (trunk writes a 64-bit hash without its leading zeros, so `first-4ec755cb4e873ae.css`
/// has 15), then the extension or `_bg` (`qudra-web-77c149ac33d9065c_bg.wasm`).
pub fn hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The app's files' caching: a hashed file is kept a year unasked (`immutable`); any other
/// (`index.html`, `boot.js`, the worker builds trunk names without a hash) is asked about at
/// each use (`no-cache`) with a weak ETag of its size and modification time, and an
/// `If-None-Match` that names it is answered 304 without the body, so after an upgrade a
/// browser never runs an old solver with a new app.
async fn caching(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let name = request.uri().path().rsplit('/').next().unwrap_or_default().to_string();
    let asked = request.headers().get(header::IF_NONE_MATCH).cloned();
    let mut response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    if hashed(&name) {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(IMMUTABLE));
        return response;
    }
    let no_cache = HeaderValue::from_static("no-cache");
    let text = |name: header::HeaderName| {
        response.headers().get(name).and_then(|value| value.to_str().ok()).unwrap_or_default().to_string()
    };
    let modified = chrono::DateTime::parse_from_rfc2822(&text(header::LAST_MODIFIED)).ok();
    let length = text(header::CONTENT_LENGTH);
    let etag = modified
        .filter(|_| !length.is_empty())
        .and_then(|at| HeaderValue::from_str(&format!("W/\"{length}-{:x}\"", at.timestamp())).ok());
    let Some(etag) = etag else {
        response.headers_mut().insert(header::CACHE_CONTROL, no_cache);
        return response;
    };
    if asked.is_some_and(|asked| etag_matches(&asked, &etag)) {
        let mut unchanged = StatusCode::NOT_MODIFIED.into_response();
        unchanged.headers_mut().insert(header::ETAG, etag);
        unchanged.headers_mut().insert(header::CACHE_CONTROL, no_cache);
        return unchanged;
    }
    response.headers_mut().insert(header::ETAG, etag);
    response.headers_mut().insert(header::CACHE_CONTROL, no_cache);
    response
}

/// Whether an `If-None-Match` value names `etag` (weakly compared, as RFC 9110 says for it):
/// `*`, or any of its comma-separated tags with or without `W/`.
fn etag_matches(asked: &HeaderValue, etag: &HeaderValue) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    let ours = opaque(etag.to_str().unwrap_or_default());
    asked.to_str().unwrap_or_default().split(',').any(|tag| tag.trim() == "*" || opaque(tag) == ours)
}

/// One JSON line per request on standard error: time, method, route (the pattern, never the
/// ids or the query), status and milliseconds; no login, address, token or body.
async fn log_request(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let started = std::time::Instant::now();
    let method = request.method().to_string();
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(|| "-".to_string(), |path| path.as_str().to_string());
    let response = next.run(request).await;
    let line = json!({
        "time": chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "method": method,
        "route": route,
        "status": response.status().as_u16(),
        "ms": started.elapsed().as_millis() as u64,
    });
    crate::cli::say(&line.to_string());
    response
}

/// `GET /api/health`: the database answers.
async fn health(State(app): State<AppState>) -> Result<Json<Value>, ApiError> {
    let revision: i64 = sqlx::query("SELECT revision FROM meta WHERE id = 1").fetch_one(&app.pool).await?.try_get(0)?;
    Ok(Json(json!({"status": "ok", "revision": revision})))
}

/// Whether the caller may read an entity: a focal point sees its own state's needs and the
/// pins and exclusions on them; everyone sees the rest.
fn visible(caller: &Caller, stored: &Stored, entity: &Entity) -> bool {
    if caller.role != Role::Focal {
        return true;
    }
    match entity.kind {
        Kind::Needs => caller.sees_state(entity.state.as_deref()),
        Kind::Pins | Kind::Exclusions => {
            let need = entity.body.get("need").and_then(Value::as_str).unwrap_or_default();
            stored.find(Kind::Needs, need).is_some_and(|need| caller.sees_state(need.state.as_deref()))
        }
        _ => true,
    }
}

/// `GET /api/scenario`: the §2 scenario as the caller may see it, with `"revision"`.
async fn scenario(State(app): State<AppState>, caller: Caller) -> Result<Json<Value>, ApiError> {
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let stored = db::load(&mut tx).await?;
    let mut map = stored.to_json(|entity| visible(&caller, &stored, entity));
    map.insert("revision".into(), Value::from(stored.revision));
    // Each visible entity's rev under "kind/id", for the app's If-Match.
    let revs: Map<String, Value> = stored
        .entities
        .iter()
        .filter(|entity| visible(&caller, &stored, entity))
        .map(|entity| (format!("{}/{}", entity.kind.name(), entity.id), Value::from(entity.rev)))
        .collect();
    map.insert("revs".into(), Value::Object(revs));
    Ok(Json(Value::Object(map)))
}

async fn get_entity(
    State(app): State<AppState>,
    caller: Caller,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let kind = Kind::named(&kind).filter(|kind| *kind != Kind::Settings).ok_or_else(ApiError::not_found)?;
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let stored = db::load(&mut tx).await?;
    let entity =
        stored.find(kind, &id).filter(|entity| visible(&caller, &stored, entity)).ok_or_else(ApiError::not_found)?;
    Ok(Json(entity.with_rev()))
}

async fn get_settings(State(app): State<AppState>, caller: Caller) -> Result<Json<Value>, ApiError> {
    let _ = caller;
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let stored = db::load(&mut tx).await?;
    let entity = stored.find(Kind::Settings, "settings").ok_or_else(ApiError::not_found)?;
    Ok(Json(entity.with_rev()))
}

/// Who may change entities of `kind` (SPEC §8 table).
fn writer(kind: Kind) -> Option<Role> {
    match kind {
        Kind::Needs => Some(Role::Focal),
        Kind::Skills | Kind::Courses | Kind::Sessions => Some(Role::Centre),
        Kind::Pins | Kind::Exclusions | Kind::Settings => Some(Role::Planner),
        Kind::States => None,
    }
}

/// A writable kind the caller's role may change (403 otherwise; 404 for no such kind).
fn writable(caller: &Caller, kind: &str) -> Result<Kind, ApiError> {
    let kind = Kind::named(kind).ok_or_else(ApiError::not_found)?;
    match writer(kind) {
        Some(role) if role == caller.role => Ok(kind),
        Some(_) => Err(ApiError::forbidden()),
        None => Err(ApiError::new(StatusCode::METHOD_NOT_ALLOWED, json!({"error": "states are read-only here"}))),
    }
}

/// The revision an `If-Match` header names (`"3"`, `W/"3"` or `3`); 428 without one.
fn if_match(headers: &HeaderMap) -> Result<i64, ApiError> {
    let value = headers.get(header::IF_MATCH).ok_or_else(|| {
        ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            json!({"error": "give the entity's rev in an If-Match header (If-Match: \"3\")"}),
        )
    })?;
    let text = value.to_str().unwrap_or_default().trim();
    let text = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
    text.parse::<i64>().map_err(|_| ApiError::bad_request("If-Match must be the entity's rev, as \"3\""))
}

/// An entity's body from a request: a JSON object without `"rev"`.
fn entity_body(bytes: &Bytes) -> Result<Value, ApiError> {
    let mut value = json_body(bytes)?;
    match &mut value {
        Value::Object(map) => {
            map.remove("rev");
        }
        _ => return Err(not_an_object("expected a JSON object")),
    }
    Ok(value)
}

/// What a request does to one entity.
enum Change {
    Create(Value),
    Replace { id: String, rev: i64, body: Value },
    Delete { id: String, rev: i64 },
}

async fn create_entity(
    State(app): State<AppState>,
    caller: Caller,
    Path(kind): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let kind = writable(&caller, &kind)?;
    if kind == Kind::Settings {
        return Err(ApiError::new(StatusCode::METHOD_NOT_ALLOWED, json!({"error": "change the settings with PUT"})));
    }
    let stored = apply(&app, &caller, kind, Change::Create(entity_body(&body)?)).await?;
    Ok((StatusCode::CREATED, Json(stored.map(|entity| entity.with_rev()).unwrap_or(Value::Null))).into_response())
}

async fn put_entity(
    State(app): State<AppState>,
    caller: Caller,
    Path((kind, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let kind = writable(&caller, &kind)?;
    let rev = if_match(&headers)?;
    let stored = apply(&app, &caller, kind, Change::Replace { id, rev, body: entity_body(&body)? }).await?;
    Ok(Json(stored.map(|entity| entity.with_rev()).unwrap_or(Value::Null)).into_response())
}

async fn put_settings(
    State(app): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    put_entity(State(app), caller, Path(("settings".into(), "settings".into())), headers, body).await
}

async fn delete_entity(
    State(app): State<AppState>,
    caller: Caller,
    Path((kind, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let kind = writable(&caller, &kind)?;
    if kind == Kind::Settings {
        return Err(ApiError::new(StatusCode::METHOD_NOT_ALLOWED, json!({"error": "the settings cannot be deleted"})));
    }
    let rev = if_match(&headers)?;
    apply(&app, &caller, kind, Change::Delete { id, rev }).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A focal point may only write needs of its own state.
fn own_state(caller: &Caller, kind: Kind, body: &Value) -> Result<(), ApiError> {
    if caller.role == Role::Focal && kind == Kind::Needs {
        let state = body.get("state").and_then(Value::as_str);
        if state != caller.state.as_deref() {
            let own = caller.state.clone().unwrap_or_default();
            let message = format!("a focal point enters needs of its own state ({own})");
            let code = Code::Server(Rule::OtherState { state: own });
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                json!({"error": message, "problems": [{"path": "state", "field": "state", "message": message, "code": code}]}),
            ));
        }
    }
    Ok(())
}

/// A focal point's new need has an id starting with its state's code (`QA-…`): ids of other
/// states' needs are never its to collide with, so a refusal cannot tell it that one exists.
fn own_id(caller: &Caller, kind: Kind, body: &Value) -> Result<(), ApiError> {
    let (Role::Focal, Kind::Needs, Some(state)) = (caller.role, kind, caller.state.as_deref()) else {
        return Ok(());
    };
    match body.get("id").and_then(Value::as_str) {
        Some(id) if !id.starts_with(&format!("{state}-")) => Err(ApiError::rule(
            "id",
            &format!("a need of {state} has an id that starts with \"{state}-\""),
            Rule::NeedIdPrefix { state: state.to_string() },
        )),
        _ => Ok(()),
    }
}

/// Applies one change in one transaction: the writers' lock (the revision grows), the
/// scenario read, the permission and `If-Match` checks, the candidate scenario validated by
/// the core (422 with its problems when the change adds one), the row, the audit entry.
/// Returns the stored entity (None after a delete).
async fn apply(app: &AppState, caller: &Caller, kind: Kind, change: Change) -> Result<Option<Entity>, ApiError> {
    let mut cache = app.writer.lock().await;
    let mut tx = app.pool.begin().await?;
    let revision = db::lock(&mut tx, Counter::Revision).await?;
    let mut stored = match cache.take() {
        Some(stored) if stored.revision == revision - 1 => stored,
        _ => db::load(&mut tx).await?,
    };
    let outcome = change_entity(&mut tx, caller, kind, change, &stored).await?;
    tx.commit().await?;
    // The cache follows the committed change.
    stored.revision = revision;
    let entity = match outcome {
        Outcome::Stored(new) => {
            match stored.entities.iter_mut().find(|old| old.kind == kind && old.id == new.id) {
                Some(old) => *old = new.clone(),
                None => stored.entities.push(new.clone()),
            }
            Some(new)
        }
        Outcome::Deleted(id) => {
            stored.entities.retain(|old| old.kind != kind || old.id != id);
            None
        }
    };
    *cache = Some(stored);
    Ok(entity)
}

/// What a change left: the entity as stored, or the id of the one deleted.
enum Outcome {
    Stored(Entity),
    Deleted(String),
}

/// The checks and writes of `apply`, within its transaction.
async fn change_entity(
    tx: &mut db::Tx,
    caller: &Caller,
    kind: Kind,
    change: Change,
    stored: &Stored,
) -> Result<Outcome, ApiError> {
    let (before, body, id) = match change {
        Change::Create(mut body) => {
            if kind == Kind::Needs && body.get("id").is_none() {
                fill_need_id(stored, &mut body);
            }
            own_state(caller, kind, &body)?;
            own_id(caller, kind, &body)?;
            // A create sent again (an offline queue's, whose first answer was lost) with the
            // id it was given and the same body: the row it made, nothing written twice.
            let same = kind.key(&body).and_then(|id| stored.find(kind, &id)).filter(|old| old.body == body);
            if let Some(old) = same.filter(|old| visible(caller, stored, old)) {
                return Ok(Outcome::Stored(old.clone()));
            }
            (None, Some(body), None)
        }
        Change::Replace { id, rev, body } => {
            let current = match current(caller, stored, kind, &id, rev) {
                Ok(current) => current,
                Err(err) => return Err(last_change(tx, kind, &id, err).await),
            };
            own_state(caller, kind, &body)?;
            let sent = kind.key(&body);
            if sent.as_deref() != Some(id.as_str()) {
                let rule = Rule::KeyDiffers { address: id.clone(), sent };
                return Err(ApiError::rule(key_field(kind), "differs from the entity named in the address", rule));
            }
            (Some(current.clone()), Some(body), Some(id))
        }
        Change::Delete { id, rev } => {
            let current = match current(caller, stored, kind, &id, rev) {
                Ok(current) => current,
                Err(err) => return Err(last_change(tx, kind, &id, err).await),
            };
            (Some(current.clone()), None, Some(id))
        }
    };
    // The candidate scenario: the stored one with this entity added, replaced or removed.
    let mut map = stored.to_json(|entity| Some(entity.id.as_str()) != id.as_deref() || entity.kind != kind);
    let index = match (&body, kind) {
        (Some(body), Kind::Settings) => {
            map.insert("settings".into(), body.clone());
            0
        }
        (Some(body), _) => {
            let list = list_mut(&mut map, kind);
            let at = match &before {
                Some(old) => stored
                    .entities
                    .iter()
                    .filter(|entity| entity.kind == kind && entity.pos < old.pos)
                    .count()
                    .min(list.len()),
                None => list.len(),
            };
            list.insert(at, body.clone());
            at
        }
        (None, _) => 0,
    };
    let text = Value::Object(map).to_string();
    // Problems inside the row sent name its field, for the app to show them next to it.
    let row = body.as_ref().map(|_| match kind {
        Kind::Settings => "settings".to_string(),
        _ => format!("{}[{index}]", kind.name()),
    });
    let scenario = match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(err) => return Err(refusal_in(err.all_problems(), row.as_deref())),
    };
    let problems = validate(&scenario);
    if !problems.is_empty() {
        return Err(refusal_in(problems, row.as_deref()));
    }
    let after = body.as_ref().map(|_| normalised(&scenario, kind, index)).transpose()?;
    let entity = match (&before, &after) {
        (_, Some(after_body)) => {
            let id = kind.key(after_body).ok_or_else(ApiError::internal)?;
            let pos = match &before {
                Some(old) => old.pos,
                None => stored.entities.iter().map(|entity| entity.pos).max().unwrap_or(0) + 1,
            };
            let entity = Entity {
                kind,
                id,
                state: db::state_of(kind, after_body),
                pos,
                rev: before.as_ref().map_or(1, |old| old.rev + 1),
                body: after_body.clone(),
            };
            if before.is_some() {
                db::update_entity(tx, &entity).await?;
            } else {
                db::insert_entity(tx, &entity).await?;
            }
            Some(entity)
        }
        (Some(old), None) => {
            db::delete_entity(tx, kind, &old.id).await?;
            None
        }
        (None, None) => None,
    };
    let named = entity.as_ref().or(before.as_ref()).ok_or_else(ApiError::internal)?;
    db::audit(
        tx,
        AuditEntry {
            login: &caller.login,
            action: match (&before, &entity) {
                (None, _) => "create",
                (Some(_), Some(_)) => "update",
                (Some(_), None) => "delete",
            },
            entity: format!("{}/{}", kind.name(), named.id),
            state: named.state.clone(),
            before: before.as_ref().map(|old| &old.body),
            after: entity.as_ref().map(|new| &new.body),
        },
    )
    .await?;
    match (entity, before) {
        (Some(entity), _) => Ok(Outcome::Stored(entity)),
        (None, Some(old)) => Ok(Outcome::Deleted(old.id)),
        (None, None) => Err(ApiError::internal()),
    }
}

/// The entity a change names: 404 when the caller cannot see it, 409 with it when `rev` is
/// not its current one.
fn current<'a>(caller: &Caller, stored: &'a Stored, kind: Kind, id: &str, rev: i64) -> Result<&'a Entity, ApiError> {
    let current =
        stored.find(kind, id).filter(|entity| visible(caller, stored, entity)).ok_or_else(ApiError::not_found)?;
    if current.rev != rev {
        return Err(ApiError::new(StatusCode::CONFLICT, current.with_rev()));
    }
    Ok(current)
}

/// A 409 with who changed the entity last and when (`changed_by`, `changed_at`, from the
/// audit log), so the one refused can be shown both values and whose the other is; any other
/// refusal as it is.
async fn last_change(tx: &mut db::Tx, kind: Kind, id: &str, mut err: ApiError) -> ApiError {
    if err.status != StatusCode::CONFLICT {
        return err;
    }
    let last = sqlx::query("SELECT login, at FROM audit WHERE entity = $1 ORDER BY id DESC LIMIT 1")
        .bind(format!("{}/{id}", kind.name()))
        .fetch_optional(&mut **tx)
        .await;
    if let (Ok(Some(row)), Value::Object(body)) = (last, &mut err.body) {
        if let (Ok(login), Ok(at)) = (row.try_get::<String, _>(0), row.try_get::<i64, _>(1)) {
            body.insert("changed_by".into(), json!(login));
            body.insert("changed_at".into(), json!(time(at)));
        }
    }
    err
}

fn key_field(kind: Kind) -> &'static str {
    match kind {
        Kind::States => "code",
        Kind::Pins | Kind::Exclusions => "need",
        _ => "id",
    }
}

fn list_mut(map: &mut Map<String, Value>, kind: Kind) -> &mut Vec<Value> {
    let slot = map.entry(kind.name()).or_insert_with(|| Value::Array(Vec::new()));
    if !slot.is_array() {
        *slot = Value::Array(Vec::new());
    }
    match slot {
        Value::Array(list) => list,
        _ => unreachable!("made an array above"),
    }
}

/// A new need without an id gets the one need-id scheme's next id.
fn fill_need_id(stored: &Stored, body: &mut Value) {
    let (Some(state), Some(skill), Some(level)) = (
        body.get("state").and_then(Value::as_str),
        body.get("skill").and_then(Value::as_str),
        body.get("level").and_then(Value::as_i64),
    ) else {
        return;
    };
    let mut scenario = Scenario::empty("");
    scenario.needs = stored
        .entities
        .iter()
        .filter(|entity| entity.kind == Kind::Needs)
        .filter_map(|entity| serde_json::from_value(entity.body.clone()).ok())
        .collect();
    let id = NeedIds::new(&scenario).fresh(&StateCode::new(state), &SkillId::new(skill), level);
    if let Value::Object(map) = body {
        map.insert("id".into(), Value::from(id.as_str()));
    }
}

/// The entity as the core reads it (defaults filled, fields in their order).
fn normalised(scenario: &Scenario, kind: Kind, index: usize) -> Result<Value, ApiError> {
    let value = match kind {
        Kind::States => scenario.states.get(index).map(serde_json::to_value),
        Kind::Skills => scenario.skills.get(index).map(serde_json::to_value),
        Kind::Courses => scenario.courses.get(index).map(serde_json::to_value),
        Kind::Sessions => scenario.sessions.get(index).map(serde_json::to_value),
        Kind::Needs => scenario.needs.get(index).map(serde_json::to_value),
        Kind::Pins => scenario.pins.get(index).map(serde_json::to_value),
        Kind::Exclusions => scenario.exclusions.get(index).map(serde_json::to_value),
        Kind::Settings => Some(serde_json::to_value(&scenario.settings)),
    };
    value.and_then(Result::ok).ok_or_else(ApiError::internal)
}

/// A 422 with each problem's path, English message and typed `code` (the core's kind).
fn refusal(problems: Vec<Problem>) -> ApiError {
    refusal_in(problems, None)
}

/// A 422 as [`refusal`]; a problem inside `row` (`needs[3]`) also names its `field` there
/// (`trainees`, `window.start`).
fn refusal_in(problems: Vec<Problem>, row: Option<&str>) -> ApiError {
    ApiError::problems(
        problems
            .iter()
            .map(|problem| {
                let mut entry = json!({"path": problem.path, "message": problem.message(), "code": problem.kind});
                let field = row.and_then(|row| problem.path.strip_prefix(row)).and_then(|rest| rest.strip_prefix('.'));
                if let (Some(field), Value::Object(map)) = (field, &mut entry) {
                    map.insert("field".into(), Value::from(field));
                }
                entry
            })
            .collect(),
    )
}

/// `POST /api/plans` (planner): solves the current revision with the core, stores the plan
/// with the scenario and revision it was solved from → 201 with the §4 plan, `id`, `revision`.
async fn create_plan(State(app): State<AppState>, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Role::Planner)?;
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let stored = db::load(&mut tx).await?;
    drop(tx);
    let text = Value::Object(stored.to_json(|_| true)).to_string();
    let scenario = Scenario::from_json(&text).map_err(|err| refusal(err.all_problems()))?;
    // One solve at a time per process: the solver uses every core.
    let _permit = app.solve_lock.acquire().await.map_err(|_| ApiError::internal())?;
    let options = Options { time_limit: Some(DEFAULT_TIME_LIMIT), ..Options::default() };
    let solved =
        tokio::task::spawn_blocking(move || solve(&scenario, &options)).await.map_err(|_| ApiError::internal())?;
    let plan = solved.map_err(|err| match err {
        SolveError::Invalid(problems) => refusal(problems),
        SolveError::Infeasible(clashes) => ApiError::problems(
            clashes.iter().map(|clash| json!({"path": "pins", "message": clash.to_string()})).collect(),
        ),
        other => ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, json!({"error": other.to_string()})),
    })?;
    let plan_text = plan.to_json();
    let mut tx = app.pool.begin().await?;
    let id = db::lock(&mut tx, Counter::Plan).await?;
    sqlx::query(
        "INSERT INTO plans (id, revision, created_at, created_by, plan, scenario, published, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL)",
    )
    .bind(id)
    .bind(stored.revision)
    .bind(db::now())
    .bind(&caller.login)
    .bind(&plan_text)
    .bind(&text)
    .execute(&mut *tx)
    .await?;
    let summary = json!({"revision": stored.revision, "status": plan.status.as_str(), "objective": plan.objective});
    db::audit(
        &mut tx,
        AuditEntry {
            login: &caller.login,
            action: "solve",
            entity: format!("plans/{id}"),
            state: None,
            before: None,
            after: Some(&summary),
        },
    )
    .await?;
    tx.commit().await?;
    let mut body = serde_json::from_str::<Value>(&plan_text).map_err(|_| ApiError::internal())?;
    if let Value::Object(map) = &mut body {
        map.insert("id".into(), Value::from(id));
        map.insert("revision".into(), Value::from(stored.revision));
    }
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The longest note a publication may carry, in characters.
pub const NOTE_LIMIT: usize = 2000;

/// A publication's note from the request body: none for an empty body or no `"note"`; 422
/// naming `note` when it is not text, too long, or holds a control character or bidirectional
/// control (line breaks and the usual marks U+200E, U+200F, U+061C are fine).
fn publication_note(bytes: &Bytes) -> Result<Option<String>, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let body = json_body(bytes)?;
    let Value::Object(map) = body else {
        return Err(not_an_object("expected a JSON object, as {\"note\": \"…\"}"));
    };
    if let Some(field) = map.keys().find(|field| *field != "note") {
        return Err(ApiError::problem(field, "unknown field; a publication takes only \"note\""));
    }
    let note = match map.get("note") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(note)) => note,
        Some(_) => return Err(ApiError::problem("note", "expected text")),
    };
    let length = note.chars().count();
    if length > NOTE_LIMIT {
        return Err(ApiError::problem("note", &format!("{length} characters; at most {NOTE_LIMIT}")));
    }
    if let Some(found) = qudra::model::hidden_character(note, true) {
        return Err(ApiError::problem(
            "note",
            &format!("holds {}, which could hide or reorder text", qudra::model::describe_char(found)),
        ));
    }
    Ok(Some(note.clone()).filter(|note| !note.trim().is_empty()))
}

/// `POST /api/plans/{id}/publish` (planner), optionally with `{"note": "…"}`: the plan becomes
/// the one every role reads. A published plan is never changed; publishing it again is
/// refused (409).
async fn publish_plan(
    State(app): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.require(Role::Planner)?;
    let note = publication_note(&body)?;
    let id: i64 = id.parse().map_err(|_| ApiError::not_found())?;
    let mut tx = app.pool.begin().await?;
    let number = db::lock(&mut tx, Counter::Publish).await?;
    let row = sqlx::query("SELECT published FROM plans WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?;
    let Some(row) = row else {
        return Err(ApiError::not_found());
    };
    let published: Option<i64> = row.try_get(0)?;
    if published.is_some() {
        return Err(ApiError::new(StatusCode::CONFLICT, json!({"error": "this plan is published already"})));
    }
    sqlx::query("UPDATE plans SET published = $1, published_at = $2, published_by = $3, note = $4 WHERE id = $5")
        .bind(number)
        .bind(db::now())
        .bind(&caller.login)
        .bind(note.clone())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let after = note.as_ref().map(|note| json!({"note": note}));
    db::audit(
        &mut tx,
        AuditEntry {
            after: after.as_ref(),
            ..AuditEntry::event(&caller.login, "publish", format!("plans/{id}"), None)
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Json(json!({"id": id, "published": number})).into_response())
}

/// `GET /api/plans/published`: the published plan with its `note`, `published_at`,
/// `published_by`, the scenario it was solved from (`solved_from`), and per state the sessions gained and lost against the plan published
/// before it (`changes`); a focal point's holds only its state's allocations, unmet needs,
/// changes (and the sessions it has seats in) and its state's needs, pins and exclusions.
async fn published_plan(State(app): State<AppState>, caller: Caller) -> Result<Response, ApiError> {
    let mut tx = db::snapshot(&app.pool, app.backend).await?;
    let rows = sqlx::query(
        "SELECT id, revision, plan, scenario, note, published_at, published_by FROM plans \
         WHERE published IS NOT NULL ORDER BY published DESC LIMIT 2",
    )
    .fetch_all(&mut *tx)
    .await?;
    drop(tx);
    let read = |row: &sqlx::any::AnyRow| -> Result<(Plan, Scenario), ApiError> {
        let plan_text: String = row.try_get(2)?;
        let scenario_text: String = row.try_get(3)?;
        let plan = Plan::from_json(&plan_text).map_err(|_| ApiError::internal())?;
        let scenario = Scenario::from_json(&scenario_text).map_err(|_| ApiError::internal())?;
        Ok((plan, scenario))
    };
    let latest = rows.first().ok_or_else(ApiError::not_found)?;
    let (id, revision): (i64, i64) = (latest.try_get(0)?, latest.try_get(1)?);
    let (mut plan, mut scenario) = read(latest)?;
    let previous = rows.get(1).map(read).transpose()?;
    let states: Vec<String> = scenario.states.iter().map(|state| state.code.as_str().to_string()).collect();
    let changes = super::changes::sessions_gained_and_lost(
        &caller,
        &states,
        (&plan, &scenario),
        previous.as_ref().map(|(plan, scenario)| (plan, scenario)),
    );
    let published_at: Option<i64> = latest.try_get(5)?;
    let extra = json!({
        "note": latest.try_get::<Option<String>, _>(4)?,
        "published_at": published_at.and_then(time),
        "published_by": latest.try_get::<Option<String>, _>(6)?,
        "previous": rows.get(1).map(|row| row.try_get::<i64, _>(0)).transpose()?,
        "changes": changes,
    });
    if caller.role == Role::Focal {
        let own = |need: &qudra::model::NeedId| {
            scenario.need(need).is_some_and(|need| Some(need.state.as_str()) == caller.state.as_deref())
        };
        plan.allocations.retain(|allocation| own(&allocation.need));
        plan.unmet.retain(|unmet| own(&unmet.need));
        let sessions: std::collections::BTreeSet<_> =
            plan.allocations.iter().map(|allocation| allocation.session.clone()).collect();
        plan.sessions.retain(|fill| sessions.contains(&fill.session));
        let needs: std::collections::BTreeSet<_> =
            scenario.needs.iter().filter(|need| own(&need.id)).map(|need| need.id.clone()).collect();
        scenario.pins.retain(|pin| needs.contains(&pin.need));
        scenario.exclusions.retain(|exclusion| needs.contains(&exclusion.need));
        scenario.needs.retain(|need| needs.contains(&need.id));
    }
    let mut body = serde_json::from_str::<Value>(&plan.to_json()).map_err(|_| ApiError::internal())?;
    let scenario = serde_json::to_value(&scenario).map_err(|_| ApiError::internal())?;
    if let Value::Object(map) = &mut body {
        // The scenario it was solved from, as the caller may see it: its needs are the ones
        // behind the allocations, also those deleted since.
        map.insert("solved_from".into(), scenario);
        map.insert("id".into(), Value::from(id));
        map.insert("revision".into(), Value::from(revision));
        if let Value::Object(extra) = extra {
            map.extend(extra);
        }
    }
    Ok(Json(body).into_response())
}

/// `GET /api/audit` (admin): every change, oldest first.
async fn audit_log(State(app): State<AppState>, caller: Caller) -> Result<Json<Value>, ApiError> {
    caller.require(Role::Admin)?;
    let rows = sqlx::query("SELECT at, login, action, entity, before_json, after_json FROM audit ORDER BY id")
        .fetch_all(&app.pool)
        .await?;
    audit_entries(rows)
}

/// `GET /api/needs/{id}/history`: the audit entries of one need, for whoever may read it (a
/// focal point: its own state's needs, even deleted ones).
async fn need_history(
    State(app): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let rows = sqlx::query(
        "SELECT at, login, action, entity, before_json, after_json, state FROM audit WHERE entity = $1 ORDER BY id",
    )
    .bind(format!("needs/{id}"))
    .fetch_all(&app.pool)
    .await?;
    for row in &rows {
        let state: Option<String> = row.try_get(6)?;
        if !caller.sees_state(state.as_deref()) {
            return Err(ApiError::not_found());
        }
    }
    if rows.is_empty() {
        return Err(ApiError::not_found());
    }
    audit_entries(rows)
}

/// A stored time (seconds since 1970) as the API writes times (RFC 3339, UTC).
pub fn time(at: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(at, 0).map(|time| time.to_rfc3339())
}

fn audit_entries(rows: Vec<sqlx::any::AnyRow>) -> Result<Json<Value>, ApiError> {
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let at: i64 = row.try_get(0)?;
        let before: Option<String> = row.try_get(4)?;
        let after: Option<String> = row.try_get(5)?;
        let parse = |text: Option<String>| text.and_then(|text| serde_json::from_str::<Value>(&text).ok());
        entries.push(json!({
            "time": time(at),
            "login": row.try_get::<String, _>(1)?,
            "action": row.try_get::<String, _>(2)?,
            "entity": row.try_get::<String, _>(3)?,
            "before": parse(before),
            "after": parse(after),
        }));
    }
    Ok(Json(Value::Array(entries)))
}
