//! Calendar feeds (SPEC §8): a secret URL per state that Outlook or Google Calendar
//! subscribes to, serving that state's events of the published plans (`io::ics::feed`).

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use sqlx::Row;

use qudra::io::ics::{feed, IcsOptions};
use qudra::io::FileLang;
use qudra::model::{Scenario, StateCode};
use qudra::solve::Plan;

use super::api::{ApiError, AppState};
use super::auth::{self, Caller, Role};
use super::db::{self, AuditEntry, Counter};

/// `POST /api/states/{code}/calendar-token` (that state's focal point, or an admin): a new
/// feed address, replacing the state's earlier one.
pub async fn new_token(
    State(app): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let allowed =
        caller.role == Role::Admin || (caller.role == Role::Focal && caller.state.as_deref() == Some(code.as_str()));
    if !allowed {
        return Err(ApiError::forbidden());
    }
    let (token, hash) = auth::new_token();
    let mut tx = app.pool.begin().await?;
    db::lock(&mut tx, Counter::Audit).await?;
    let known = sqlx::query("SELECT id FROM entities WHERE kind = 'states' AND id = $1")
        .bind(&code)
        .fetch_optional(&mut *tx)
        .await?;
    if known.is_none() {
        return Err(ApiError::not_found());
    }
    sqlx::query("DELETE FROM calendar_tokens WHERE state = $1").bind(&code).execute(&mut *tx).await?;
    sqlx::query("INSERT INTO calendar_tokens (state, token_hash) VALUES ($1, $2)")
        .bind(&code)
        .bind(hash)
        .execute(&mut *tx)
        .await?;
    db::audit(
        &mut tx,
        AuditEntry::event(&caller.login, "calendar-token", format!("states/{code}"), Some(code.clone())),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(json!({"url": format!("/calendar/{token}.ics")})))
}

/// `GET /calendar/{token}.ics`: the state's calendar of the published plans; 404 for a token
/// that is not (or no longer) a feed's.
pub async fn serve_feed(State(app): State<AppState>, Path(file): Path<String>) -> Result<Response, ApiError> {
    let token = file.strip_suffix(".ics").ok_or_else(ApiError::not_found)?;
    let row = sqlx::query("SELECT state FROM calendar_tokens WHERE token_hash = $1")
        .bind(auth::hash_token(token))
        .fetch_optional(&app.pool)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let state: String = row.try_get(0)?;
    let rows = sqlx::query("SELECT plan, scenario FROM plans WHERE published IS NOT NULL ORDER BY published")
        .fetch_all(&app.pool)
        .await?;
    let mut published = Vec::with_capacity(rows.len());
    for row in rows {
        let plan: String = row.try_get(0)?;
        let scenario: String = row.try_get(1)?;
        published.push((
            Scenario::from_json(&scenario).map_err(|_| ApiError::internal())?,
            Plan::from_json(&plan).map_err(|_| ApiError::internal())?,
        ));
    }
    let dtstamp = chrono::DateTime::from_timestamp(db::now(), 0).unwrap_or_default();
    let options = IcsOptions { lang: FileLang::En, state: Some(StateCode::new(state)), dtstamp };
    let text = tokio::task::spawn_blocking(move || feed(&published, &options))
        .await
        .map_err(|_| ApiError::internal())?
        .map_err(|_| ApiError::internal())?;
    let mut response = (StatusCode::OK, text).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    Ok(response)
}
