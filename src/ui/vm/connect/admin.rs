//! The administrator's screens: adding an account (an invitation whose one-time link is shown
//! to copy), disabling one, resetting one (a new link), and the audit log newest first, a page
//! at a time. Plain data; `ui/connect/admin.rs` renders it.

use serde_json::{json, Value};

use super::request::{encode_segment as segment, Request};
use super::round::{post, shown};

/// The one-time link a new or reset account's invitation opens (`#invite=`, which the app
/// reads at start).
pub fn invitation_link(origin: &str, token: &str) -> String {
    format!("{}/#invite={token}", origin.trim_end_matches('/'))
}

/// The invitation token of `POST /api/users` or `…/reset`'s answer.
pub fn invitation_of(body: &Value) -> Option<String> {
    body.get("invitation").and_then(Value::as_str).filter(|token| !token.is_empty()).map(str::to_string)
}

/// Why adding an account failed, as the form says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteError {
    /// 409: the login is someone's already.
    Taken,
    /// 400: the server's sentence (which field, and why), e.g. a focal point without a state.
    Refused(String),
    /// The server could not be reached or failed.
    Unavailable,
}

impl InviteError {
    pub fn from_answer(status: u16, body: &Value) -> InviteError {
        match status {
            409 => InviteError::Taken,
            400 | 422 => InviteError::Refused(body.get("error").map(shown).unwrap_or_default()),
            _ => InviteError::Unavailable,
        }
    }
}

/// `POST /api/users`: only a focal point names a state.
pub fn invite(login: &str, role: &str, state: Option<&str>, csrf: &str) -> Request {
    let state = if role == "focal" { state.filter(|s| !s.is_empty()) } else { None };
    post("/api/users".into(), Some(json!({"login": login.trim(), "role": role, "state": state})), csrf)
}

pub fn disable(login: &str, csrf: &str) -> Request {
    post(format!("/api/users/{}/disable", segment(login)), None, csrf)
}

pub fn reset(login: &str, csrf: &str) -> Request {
    post(format!("/api/users/{}/reset", segment(login)), None, csrf)
}

pub fn audit() -> Request {
    Request { method: "GET", path: "/api/audit".into(), headers: Vec::new(), body: None }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    pub time: String,
    pub login: String,
    pub action: String,
    pub entity: String,
}

/// Audit lines shown on one page.
pub const AUDIT_PAGE: usize = 25;

/// `GET /api/audit` (oldest first) newest first.
pub fn audit_of(body: &Value) -> Vec<AuditLine> {
    let text = |entry: &Value, field: &str| entry.get(field).and_then(Value::as_str).unwrap_or_default().to_string();
    let mut lines: Vec<AuditLine> = body
        .as_array()
        .into_iter()
        .flatten()
        .map(|entry| AuditLine {
            time: text(entry, "time"),
            login: text(entry, "login"),
            action: text(entry, "action"),
            entity: text(entry, "entity"),
        })
        .collect();
    lines.reverse();
    lines
}

/// How many pages `count` lines fill (at least one, for the empty log).
pub fn pages(count: usize) -> usize {
    count.div_ceil(AUDIT_PAGE).max(1)
}

/// The lines of page `page` (from 0; past the end: the last page).
pub fn page(lines: &[AuditLine], page: usize) -> &[AuditLine] {
    let page = page.min(pages(lines.len()) - 1);
    let start = page * AUDIT_PAGE;
    &lines[start.min(lines.len())..(start + AUDIT_PAGE).min(lines.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_is_a_link_to_copy() {
        assert_eq!(invitation_link("http://127.0.0.1:8080/", "tok-1"), "http://127.0.0.1:8080/#invite=tok-1");
        assert_eq!(invitation_of(&json!({"login": "a", "invitation": "tok"})).as_deref(), Some("tok"));
        assert_eq!(invitation_of(&json!({"login": "a", "invitation": null})), None);
        assert_eq!(crate::ui::vm::connect::invitation_token("#invite=tok-1").as_deref(), Some("tok-1"));
    }

    #[test]
    fn only_a_focal_point_names_a_state() {
        let focal = invite(" focal-ma ", "focal", Some("MA"), "t");
        assert_eq!(focal.body.as_deref(), Some(r#"{"login":"focal-ma","role":"focal","state":"MA"}"#));
        let centre = invite("c2", "centre", Some("MA"), "t");
        assert_eq!(centre.body.as_deref(), Some(r#"{"login":"c2","role":"centre","state":null}"#));
        assert_eq!(disable("a b", "t").path, "/api/users/a%20b/disable");
        assert_eq!(reset("x", "t").path, "/api/users/x/reset");
    }

    #[test]
    fn a_refused_invitation_says_why() {
        assert_eq!(InviteError::from_answer(409, &json!({"error": "that login is taken"})), InviteError::Taken);
        assert_eq!(
            InviteError::from_answer(400, &json!({"error": "state: a focal point needs its state"})),
            InviteError::Refused("state: a focal point needs its state".into())
        );
        assert_eq!(InviteError::from_answer(500, &Value::Null), InviteError::Unavailable);
    }

    #[test]
    fn the_audit_log_newest_first_in_pages() {
        let entries: Vec<Value> = (0..60)
            .map(|n| json!({"time": format!("t{n:02}"), "login": "admin", "action": "create", "entity": format!("users/u{n}")}))
            .collect();
        let lines = audit_of(&Value::Array(entries));
        assert_eq!(lines[0].time, "t59");
        assert_eq!(pages(lines.len()), 3);
        assert_eq!(page(&lines, 0).len(), AUDIT_PAGE);
        assert_eq!(page(&lines, 2).len(), 10);
        assert_eq!(page(&lines, 2).last().map(|l| l.time.as_str()), Some("t00"));
        assert_eq!(page(&lines, 9), page(&lines, 2), "past the end: the last page");
        assert_eq!((pages(0), page(&[], 0).len()), (1, 0));
    }
}
