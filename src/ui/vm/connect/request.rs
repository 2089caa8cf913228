//! Every request the connected app sends, as plain data: method, path, headers and body. The
//! one module that calls `fetch` (`ui/connect/http.rs`) sends a [`Request`] as it is.

use serde_json::{json, Value};

use super::sync::{Op, PendingEdit};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: &'static str,
    pub path: String,
    pub headers: Vec<(&'static str, String)>,
    /// A JSON body.
    pub body: Option<String>,
}

impl Request {
    fn get(path: &str) -> Request {
        Request { method: "GET", path: path.to_string(), headers: Vec::new(), body: None }
    }

    fn post(path: &str, body: Option<Value>) -> Request {
        Request { method: "POST", path: path.to_string(), headers: Vec::new(), body: body.map(|b| b.to_string()) }
    }

    fn csrf(mut self, csrf: &str) -> Request {
        self.headers.push(("X-CSRF-Token", csrf.to_string()));
        self
    }
}

/// The server's answer as the app reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
    pub retry_after: Option<String>,
}

pub fn health() -> Request {
    Request::get("/api/health")
}

pub fn session() -> Request {
    Request::get("/api/session")
}

pub fn login(login: &str, password: &str) -> Request {
    Request::post("/api/login", Some(json!({"login": login, "password": password})))
}

pub fn logout(csrf: &str) -> Request {
    Request::post("/api/logout", None).csrf(csrf)
}

pub fn accept_invitation(token: &str, password: &str) -> Request {
    Request::post("/api/invitations", Some(json!({"token": token, "password": password})))
}

pub fn scenario() -> Request {
    Request::get("/api/scenario")
}

pub fn users() -> Request {
    Request::get("/api/users")
}

/// One row's change: POST a new row, PUT with `If-Match` a changed one, DELETE with `If-Match`.
pub fn edit(edit: &PendingEdit, csrf: &str) -> Request {
    let one = format!("/api/{}/{}", edit.kind, encode_segment(&edit.id));
    let request = match &edit.op {
        Op::Create { body } => Request::post(&format!("/api/{}", edit.kind), Some(body.clone())),
        Op::Replace { rev, body } => Request {
            method: "PUT",
            path: one,
            headers: vec![("If-Match", format!("\"{rev}\""))],
            body: Some(body.to_string()),
        },
        Op::Delete { rev } => {
            Request { method: "DELETE", path: one, headers: vec![("If-Match", format!("\"{rev}\""))], body: None }
        }
    };
    request.csrf(csrf)
}

/// A path segment with everything but unreserved characters percent-encoded (ids may hold `~`
/// for pins; a state code or an id never holds `/`, but a typed one might).
pub fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pending(op: Op) -> PendingEdit {
        PendingEdit { kind: "needs".into(), id: "QA-forensics-1".into(), op }
    }

    #[test]
    fn a_changed_row_is_put_with_its_rev_and_the_csrf() {
        let request = edit(&pending(Op::Replace { rev: 7, body: json!({"trainees": 4}) }), "tok");
        assert_eq!((request.method, request.path.as_str()), ("PUT", "/api/needs/QA-forensics-1"));
        assert!(request.headers.contains(&("If-Match", "\"7\"".to_string())));
        assert!(request.headers.contains(&("X-CSRF-Token", "tok".to_string())));
        assert_eq!(request.body.as_deref(), Some(r#"{"trainees":4}"#));
    }

    #[test]
    fn new_rows_are_posted_and_deleted_rows_carry_their_rev() {
        let created = edit(&pending(Op::Create { body: json!({"id": "QA-forensics-1"}) }), "tok");
        assert_eq!((created.method, created.path.as_str()), ("POST", "/api/needs"));
        assert!(!created.headers.iter().any(|(name, _)| *name == "If-Match"));
        let deleted = edit(&pending(Op::Delete { rev: 2 }), "tok");
        assert_eq!((deleted.method, deleted.body.clone()), ("DELETE", None));
        assert!(deleted.headers.contains(&("If-Match", "\"2\"".to_string())));
    }

    #[test]
    fn ids_are_encoded_in_the_path() {
        let mut pin = pending(Op::Delete { rev: 1 });
        pin.kind = "pins".into();
        pin.id = "QA-x~S 1/2".into();
        assert_eq!(edit(&pin, "t").path, "/api/pins/QA-x~S%201%2F2");
    }

    #[test]
    fn sign_in_and_out() {
        assert_eq!(login("a", "b").body.as_deref(), Some(r#"{"login":"a","password":"b"}"#));
        assert!(logout("c").headers.contains(&("X-CSRF-Token", "c".to_string())));
        assert_eq!(health().path, "/api/health");
        assert_eq!(accept_invitation("t", "p").path, "/api/invitations");
    }
}
