//! Accounts, sign-in and the caller of each request (SPEC §8): argon2id passwords, random
//! session and CSRF tokens stored only as SHA-256 hashes, throttled failures, idle expiry.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{ConnectInfo, FromRequestParts, Path, State};
use axum::http::header::{COOKIE, RETRY_AFTER, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use rand::RngCore;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};
use std::net::SocketAddr;

use super::api::{ApiError, AppState};
use super::db::{self, AuditEntry, Counter};

pub const COOKIE_NAME: &str = "qudra_session";
/// Failed sign-ins counted per login and per address within this many seconds…
const FAILURE_WINDOW: i64 = 15 * 60;
/// …before sign-in is refused (429).
const MAX_FAILURES: i64 = 5;

/// The four roles of the SPEC §8 table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Role {
    Admin,
    Centre,
    Planner,
    Focal,
}

impl Role {
    pub fn named(name: &str) -> Option<Role> {
        match name {
            "admin" => Some(Role::Admin),
            "centre" => Some(Role::Centre),
            "planner" => Some(Role::Planner),
            "focal" => Some(Role::Focal),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Centre => "centre",
            Role::Planner => "planner",
            Role::Focal => "focal",
        }
    }
}

/// The signed-in user making a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub login: String,
    pub role: Role,
    /// A focal point's state.
    pub state: Option<String>,
}

impl Caller {
    /// Whether the caller may read what belongs to `state` (needs, allocations).
    pub fn sees_state(&self, state: Option<&str>) -> bool {
        self.role != Role::Focal || (state.is_some() && state == self.state.as_deref())
    }

    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.role == role {
            Ok(())
        } else {
            Err(ApiError::forbidden())
        }
    }
}

/// A random token (32 bytes, base64url) and its SHA-256 hash, the only form stored.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A random password for the demo accounts (18 characters of base64url).
pub fn new_password() -> String {
    let mut bytes = [0u8; 14];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The argon2id hash (PHC string) of a password.
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| format!("cannot hash the password: {err}"))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// What a new password must be.
pub fn check_password(password: &str) -> Result<(), String> {
    if password.chars().count() < 10 {
        return Err("the password needs at least 10 characters".into());
    }
    if password.len() > 1024 {
        return Err("the password is longer than 1024 bytes".into());
    }
    Ok(())
}

/// Why an account was not added: its login is taken, or another reason (`message`).
pub struct AddUserError {
    pub taken: bool,
    pub message: String,
}

impl From<String> for AddUserError {
    fn from(message: String) -> AddUserError {
        AddUserError { taken: false, message }
    }
}

/// A new account. `password` None: an invitation token is returned instead (to be taken up
/// at `POST /api/invitations`).
pub async fn add_user(
    pool: &AnyPool,
    by: &str,
    login: &str,
    role: Role,
    state: Option<&str>,
    password: Option<&str>,
) -> Result<Option<String>, AddUserError> {
    let password_hash = match password {
        Some(password) => {
            check_password(password)?;
            let password = password.to_string();
            Some(
                tokio::task::spawn_blocking(move || hash_password(&password))
                    .await
                    .map_err(|err| err.to_string())??,
            )
        }
        None => None,
    };
    let invite = if password.is_none() { Some(new_token()) } else { None };
    let internal = |err: sqlx::Error| format!("cannot add the account: {err}");
    let mut tx = pool.begin().await.map_err(internal)?;
    let id = db::lock(&mut tx, Counter::User).await.map_err(internal)?;
    let taken = sqlx::query("SELECT id FROM users WHERE login = $1")
        .bind(login)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
    if taken.is_some() {
        return Err(AddUserError { taken: true, message: format!("the login \"{login}\" is taken") });
    }
    sqlx::query(
        "INSERT INTO users (id, login, role, state, password_hash, invite_hash, disabled) \
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(id)
    .bind(login)
    .bind(role.name())
    .bind(state.map(str::to_string))
    .bind(password_hash)
    .bind(invite.as_ref().map(|(_, hash)| hash.clone()))
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    let after = json!({"login": login, "role": role.name(), "state": state});
    db::audit(
        &mut tx,
        AuditEntry {
            login: by,
            action: "create",
            entity: format!("users/{login}"),
            state: None,
            before: None,
            after: Some(&after),
        },
    )
    .await
    .map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(invite.map(|(token, _)| token))
}

/// Disables an account (and ends its sessions), or sets a new invitation in place of its
/// password (`reset`). Returns the invitation token of a reset.
pub async fn change_user(pool: &AnyPool, by: &str, login: &str, reset: bool) -> Result<Option<String>, String> {
    let internal = |err: sqlx::Error| format!("cannot change the account: {err}");
    let mut tx = pool.begin().await.map_err(internal)?;
    db::lock(&mut tx, Counter::User).await.map_err(internal)?;
    let row = sqlx::query("SELECT id FROM users WHERE login = $1")
        .bind(login)
        .fetch_optional(&mut *tx)
        .await
        .map_err(internal)?;
    let Some(row) = row else {
        return Err(format!("no account \"{login}\""));
    };
    let id: i64 = row.try_get(0).map_err(internal)?;
    let invite = if reset { Some(new_token()) } else { None };
    match &invite {
        Some((_, hash)) => sqlx::query("UPDATE users SET password_hash = NULL, invite_hash = $1 WHERE id = $2")
            .bind(hash.clone())
            .bind(id),
        None => sqlx::query("UPDATE users SET disabled = 1 WHERE id = $1").bind(id),
    }
    .execute(&mut *tx)
    .await
    .map_err(internal)?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await.map_err(internal)?;
    let action = if reset { "reset" } else { "disable" };
    db::audit(&mut tx, AuditEntry::event(by, action, format!("users/{login}"), None)).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    Ok(invite.map(|(token, _)| token))
}

/// The address failed sign-ins are counted by: the peer's, or behind a reverse proxy
/// (`--behind-proxy`) the last one of `X-Forwarded-For`, the address the proxy saw.
fn client_address(app: &AppState, headers: &HeaderMap, peer: SocketAddr) -> std::net::IpAddr {
    if !app.behind_proxy {
        return peer.ip();
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .next_back()
        .and_then(|address| address.trim().parse().ok())
        .unwrap_or(peer.ip())
}

/// `POST /api/login`.
pub async fn login(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let body: Value = super::api::json_body(&body)?;
    let (Some(login), Some(password)) =
        (body.get("login").and_then(Value::as_str), body.get("password").and_then(Value::as_str))
    else {
        return Err(ApiError::bad_request("give {\"login\": …, \"password\": …}"));
    };
    let subjects = [format!("login:{login}"), format!("addr:{}", client_address(&app, &headers, peer))];
    let now = db::now();
    for subject in &subjects {
        let row = sqlx::query("SELECT COUNT(*), MIN(at) FROM login_failures WHERE subject = $1 AND at > $2")
            .bind(subject)
            .bind(now - FAILURE_WINDOW)
            .fetch_one(&app.pool)
            .await?;
        let count: i64 = row.try_get(0)?;
        if count >= MAX_FAILURES {
            let oldest: Option<i64> = row.try_get(1)?;
            let wait = (oldest.unwrap_or(now) + FAILURE_WINDOW - now).max(1);
            let mut response = (
                StatusCode::TOO_MANY_REQUESTS,
                axum::Json(json!({"error": "too many failed sign-ins; try again later"})),
            )
                .into_response();
            response.headers_mut().insert(RETRY_AFTER, HeaderValue::from(wait));
            return Ok(response);
        }
    }
    let row = sqlx::query("SELECT id, role, state, password_hash FROM users WHERE login = $1 AND disabled = 0")
        .bind(login)
        .fetch_optional(&app.pool)
        .await?;
    let (user, hash) = match &row {
        Some(row) => {
            let hash: Option<String> = row.try_get(3)?;
            (Some(row), hash)
        }
        None => (None, None),
    };
    // An unknown login is checked against a hash too, so that it takes as long.
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| app.dummy_hash.clone());
    let password = password.to_string();
    let verified = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|_| ApiError::internal())?;
    let user = match user {
        Some(user) if known && verified => user,
        _ => {
            for subject in &subjects {
                sqlx::query("INSERT INTO login_failures (subject, at) VALUES ($1, $2)")
                    .bind(subject)
                    .bind(now)
                    .execute(&app.pool)
                    .await?;
            }
            return Err(ApiError::new(StatusCode::UNAUTHORIZED, json!({"error": "wrong login or password"})));
        }
    };
    let user_id: i64 = user.try_get(0)?;
    let role: String = user.try_get(1)?;
    let state: Option<String> = user.try_get(2)?;
    sqlx::query("DELETE FROM login_failures WHERE subject = $1").bind(&subjects[0]).execute(&app.pool).await?;
    sqlx::query("UPDATE users SET last_sign_in = $1 WHERE id = $2").bind(now).bind(user_id).execute(&app.pool).await?;
    sqlx::query("DELETE FROM sessions WHERE last_seen < $1").bind(now - app.idle_seconds).execute(&app.pool).await?;
    let (token, token_hash) = new_token();
    let (csrf, csrf_hash) = new_token();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_hash, last_seen) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf_hash)
        .bind(now)
        .execute(&app.pool)
        .await?;
    let secure = headers.get("x-forwarded-proto").is_some_and(|proto| proto.as_bytes() == b"https") || app.secure;
    let cookie =
        format!("{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Strict{}", if secure { "; Secure" } else { "" });
    let mut response = axum::Json(json!({"login": login, "role": role, "state": state, "csrf": csrf})).into_response();
    response.headers_mut().insert(SET_COOKIE, HeaderValue::from_str(&cookie).map_err(|_| ApiError::internal())?);
    Ok(response)
}

/// `POST /api/logout`: ends the session on the server.
pub async fn logout(State(app): State<AppState>, caller: Caller, headers: HeaderMap) -> Result<Response, ApiError> {
    let _ = caller;
    if let Some(token) = session_token(&headers) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(hash_token(&token)).execute(&app.pool).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .insert(SET_COOKIE, HeaderValue::from_static("qudra_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    Ok(response)
}

/// `GET /api/session`: who the session cookie belongs to, for an app that was reloaded
/// (`{"login", "role", "state", "csrf"}`; 401 without a live session). The CSRF token is
/// issued anew, since only its hash is kept: the previous one stops working.
pub async fn session(State(app): State<AppState>, caller: Caller, headers: HeaderMap) -> Result<Response, ApiError> {
    let token = session_token(&headers).ok_or_else(ApiError::internal)?;
    let (csrf, csrf_hash) = new_token();
    sqlx::query("UPDATE sessions SET csrf_hash = $1 WHERE token_hash = $2")
        .bind(csrf_hash)
        .bind(hash_token(&token))
        .execute(&app.pool)
        .await?;
    Ok(axum::Json(json!({"login": caller.login, "role": caller.role.name(), "state": caller.state, "csrf": csrf}))
        .into_response())
}

/// `POST /api/invitations` `{"token", "password"}`: sets the password of an invited account.
pub async fn accept_invitation(State(app): State<AppState>, body: axum::body::Bytes) -> Result<Response, ApiError> {
    let body: Value = super::api::json_body(&body)?;
    let (Some(token), Some(password)) =
        (body.get("token").and_then(Value::as_str), body.get("password").and_then(Value::as_str))
    else {
        return Err(ApiError::bad_request("give {\"token\": …, \"password\": …}"));
    };
    check_password(password).map_err(|message| ApiError::bad_request(&message))?;
    let password = password.to_string();
    let hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| ApiError::internal())?
        .map_err(|_| ApiError::internal())?;
    let mut tx = app.pool.begin().await?;
    db::lock(&mut tx, Counter::User).await?;
    let invited = sqlx::query("SELECT id, login FROM users WHERE invite_hash = $1")
        .bind(hash_token(token))
        .fetch_optional(&mut *tx)
        .await?;
    let Some(invited) = invited else {
        return Err(ApiError::not_found());
    };
    let (id, login): (i64, String) = (invited.try_get(0)?, invited.try_get(1)?);
    sqlx::query("UPDATE users SET password_hash = $1, invite_hash = NULL WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    db::audit(&mut tx, AuditEntry::event(&login, "accept-invitation", format!("users/{login}"), None)).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn session_token(headers: &HeaderMap) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|value| value.to_str().ok()).flat_map(|value| value.split(';')).find_map(
        |pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == COOKIE_NAME && !value.is_empty()).then(|| value.to_string())
        },
    )
}

/// The caller of a request: a live session (else 401), and on every request that changes
/// something the session's CSRF token in `X-CSRF-Token` (else 403).
impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Caller, ApiError> {
        let unauthorised = || ApiError::new(StatusCode::UNAUTHORIZED, json!({"error": "sign in first"}));
        let token = session_token(&parts.headers).ok_or_else(unauthorised)?;
        let row = sqlx::query(
            "SELECT u.login, u.role, u.state, s.csrf_hash, s.last_seen FROM sessions s \
             JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND u.disabled = 0",
        )
        .bind(hash_token(&token))
        .fetch_optional(&app.pool)
        .await?
        .ok_or_else(unauthorised)?;
        let now = db::now();
        let last_seen: i64 = row.try_get(4)?;
        if now - last_seen > app.idle_seconds {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(hash_token(&token))
                .execute(&app.pool)
                .await?;
            return Err(unauthorised());
        }
        if now - last_seen >= 30 {
            sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(hash_token(&token))
                .execute(&app.pool)
                .await?;
        }
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            let csrf_hash: String = row.try_get(3)?;
            let given = parts.headers.get("x-csrf-token").and_then(|value| value.to_str().ok()).map(hash_token);
            if given.as_deref() != Some(csrf_hash.as_str()) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    json!({"error": "missing or wrong X-CSRF-Token header (the csrf of the sign-in answer)"}),
                ));
            }
        }
        let role: String = row.try_get(1)?;
        Ok(Caller {
            login: row.try_get(0)?,
            role: Role::named(&role).ok_or_else(ApiError::internal)?,
            state: row.try_get(2)?,
        })
    }
}

/// `GET /api/users` (admin): every account, without secrets: its role and state, whether it
/// is disabled, has no password yet (`invited`) or an invitation not yet taken up
/// (`invitation_pending`), and its last sign-in (`last_sign_in`, null before the first).
pub async fn list_users(State(app): State<AppState>, caller: Caller) -> Result<axum::Json<Value>, ApiError> {
    caller.require(Role::Admin)?;
    let rows = sqlx::query(
        "SELECT login, role, state, disabled, password_hash IS NULL, invite_hash IS NOT NULL, last_sign_in \
         FROM users ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await?;
    let flag = |row: &sqlx::any::AnyRow, index: usize| {
        row.try_get::<bool, _>(index).or_else(|_| row.try_get::<i64, _>(index).map(|n| n != 0))
    };
    let mut users = Vec::with_capacity(rows.len());
    for row in rows {
        users.push(json!({
            "login": row.try_get::<String, _>(0)?,
            "role": row.try_get::<String, _>(1)?,
            "state": row.try_get::<Option<String>, _>(2)?,
            "disabled": row.try_get::<i64, _>(3)? != 0,
            "invited": flag(&row, 4)?,
            "invitation_pending": flag(&row, 5)?,
            "last_sign_in": row.try_get::<Option<i64>, _>(6)?.and_then(super::api::time),
        }));
    }
    Ok(axum::Json(Value::Array(users)))
}

/// `POST /api/users` (admin) `{"login", "role", "state"}`: a new account with a one-time
/// invitation → 201 `{"login", "role", "state", "invitation"}`.
pub async fn create_user(
    State(app): State<AppState>,
    caller: Caller,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    caller.require(Role::Admin)?;
    let body: Value = super::api::json_body(&body)?;
    let login = body.get("login").and_then(Value::as_str).unwrap_or_default().trim().to_string();
    if !valid_login(&login) {
        return Err(ApiError::bad_request("login: 1 to 64 characters, no spaces or control characters"));
    }
    let role = body.get("role").and_then(Value::as_str).and_then(Role::named);
    let state = body.get("state").and_then(Value::as_str).map(str::to_string);
    let role = match (role, &state) {
        (Some(Role::Focal), Some(code)) => {
            let known = sqlx::query("SELECT id FROM entities WHERE kind = 'states' AND id = $1")
                .bind(code)
                .fetch_optional(&app.pool)
                .await?;
            if known.is_none() {
                return Err(ApiError::bad_request("state: no such state in the scenario"));
            }
            Role::Focal
        }
        (Some(Role::Focal), None) => return Err(ApiError::bad_request("state: a focal point needs its state")),
        (Some(role), None) => role,
        (Some(_), Some(_)) => return Err(ApiError::bad_request("state: only a focal point has a state")),
        (None, _) => return Err(ApiError::bad_request("role: admin, centre, planner or focal")),
    };
    let invitation = add_user(&app.pool, &caller.login, &login, role, state.as_deref(), None).await.map_err(|err| {
        if err.taken {
            ApiError::new(StatusCode::CONFLICT, json!({"error": "that login is taken"}))
        } else {
            eprintln!("qudra serve: an account was not added: {}", err.message.chars().take(200).collect::<String>());
            ApiError::internal()
        }
    })?;
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({"login": login, "role": role.name(), "state": state, "invitation": invitation})),
    )
        .into_response())
}

/// `POST /api/users/{login}/disable` and `…/reset` (admin).
pub async fn disable_user(
    State(app): State<AppState>,
    caller: Caller,
    Path(login): Path<String>,
) -> Result<Response, ApiError> {
    caller.require(Role::Admin)?;
    change_user(&app.pool, &caller.login, &login, false).await.map_err(|_| ApiError::not_found())?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn reset_user(
    State(app): State<AppState>,
    caller: Caller,
    Path(login): Path<String>,
) -> Result<axum::Json<Value>, ApiError> {
    caller.require(Role::Admin)?;
    let invitation = change_user(&app.pool, &caller.login, &login, true).await.map_err(|_| ApiError::not_found())?;
    Ok(axum::Json(json!({"login": login, "invitation": invitation})))
}

/// A sign-in name: 1 to 64 characters, no spaces or control characters.
pub fn valid_login(login: &str) -> bool {
    !login.is_empty() && login.chars().count() <= 64 && !login.chars().any(|c| c.is_control() || c.is_whitespace())
}
