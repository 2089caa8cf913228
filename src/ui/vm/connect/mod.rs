//! The connected app (served by `qudra serve`): who is signed in, the requests the app sends
//! (`request`), and each row's way to the server (`sync`). Plain Rust, tested natively; the
//! components in `ui/connect` only render this and send what it builds.

pub mod admin;
pub mod problems;
pub mod queue;
pub mod request;
pub mod round;
pub mod sync;

use serde_json::Value;

/// The four roles of the shared workspace (SPEC §8): the account decides, never a chooser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountRole {
    Admin,
    Centre,
    Planner,
    Focal,
}

impl AccountRole {
    pub fn named(name: &str) -> Option<AccountRole> {
        match name {
            "admin" => Some(AccountRole::Admin),
            "centre" => Some(AccountRole::Centre),
            "planner" => Some(AccountRole::Planner),
            "focal" => Some(AccountRole::Focal),
            _ => None,
        }
    }

    /// The entity kinds this role may change (the server's roles table).
    pub fn writes(self, kind: &str) -> bool {
        match self {
            AccountRole::Focal => kind == "needs",
            AccountRole::Centre => matches!(kind, "courses" | "sessions" | "skills"),
            AccountRole::Planner => matches!(kind, "pins" | "exclusions" | "settings"),
            AccountRole::Admin => false,
        }
    }
}

/// The signed-in account, from the answer of `POST /api/login` or `GET /api/session`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub login: String,
    pub role: AccountRole,
    /// A focal point's state code.
    pub state: Option<String>,
    /// Sent as `X-CSRF-Token` with every change.
    pub csrf: String,
}

impl Account {
    /// `login` is the typed login when the answer does not repeat it (the sign-in answer).
    pub fn from_answer(body: &Value, login: Option<&str>) -> Option<Account> {
        let text = |field: &str| body.get(field).and_then(Value::as_str).map(str::to_string);
        Some(Account {
            login: text("login").or_else(|| login.map(str::to_string))?,
            role: AccountRole::named(body.get("role")?.as_str()?)?,
            state: text("state"),
            csrf: text("csrf")?,
        })
    }
}

/// Whether `GET /api/health` answered as `qudra serve` does: connected mode.
pub fn is_server_health(status: u16, body: &Value) -> bool {
    status == 200 && body.get("status").and_then(Value::as_str) == Some("ok")
}

/// The invitation token of a link `…/#invite=TOKEN` (what `qudra user add` prints).
pub fn invitation_token(hash: &str) -> Option<String> {
    let token = hash.strip_prefix('#').unwrap_or(hash).strip_prefix("invite=")?;
    (!token.is_empty() && token.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .then(|| token.to_string())
}

/// The server's rule for a new password (`check_password` in `src/bin/serve/auth.rs`).
pub const PASSWORD_MIN_CHARS: usize = 10;
pub const PASSWORD_MAX_BYTES: usize = 1024;

/// What is wrong with a new password before it is sent, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordIssue {
    TooShort,
    TooLong,
    Different,
}

pub fn check_new_password(password: &str, again: &str) -> Option<PasswordIssue> {
    if password.chars().count() < PASSWORD_MIN_CHARS {
        Some(PasswordIssue::TooShort)
    } else if password.len() > PASSWORD_MAX_BYTES {
        Some(PasswordIssue::TooLong)
    } else if password != again {
        Some(PasswordIssue::Different)
    } else {
        None
    }
}

/// Why a sign-in failed, as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInError {
    /// 401: wrong login or password (the server does not say which).
    Wrong,
    /// 429 with `Retry-After` seconds, shown in whole minutes (at least one).
    Throttled { minutes: u64 },
    /// Anything else: the server could not be reached or failed.
    Unavailable,
}

impl SignInError {
    pub fn from_status(status: u16, retry_after: Option<&str>) -> SignInError {
        match status {
            401 => SignInError::Wrong,
            429 => {
                let seconds = retry_after.and_then(|text| text.trim().parse::<u64>().ok()).unwrap_or(60);
                SignInError::Throttled { minutes: seconds.div_ceil(60).max(1) }
            }
            _ => SignInError::Unavailable,
        }
    }
}

/// One account of `GET /api/users` (the admin's list).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub login: String,
    pub role: String,
    pub state: Option<String>,
    pub disabled: bool,
    pub invited: bool,
}

pub fn users_of(body: &Value) -> Vec<UserRow> {
    body.as_array()
        .into_iter()
        .flatten()
        .filter_map(|user| {
            Some(UserRow {
                login: user.get("login")?.as_str()?.to_string(),
                role: user.get("role")?.as_str()?.to_string(),
                state: user.get("state").and_then(Value::as_str).map(str::to_string),
                disabled: user.get("disabled").and_then(Value::as_bool).unwrap_or(false),
                invited: user.get("invited").and_then(Value::as_bool).unwrap_or(false),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn health_of_the_server_only() {
        assert!(is_server_health(200, &json!({"status": "ok", "revision": 4})));
        assert!(!is_server_health(404, &json!("not found")));
        assert!(!is_server_health(200, &json!("<!doctype html>")));
        assert!(!is_server_health(200, &json!({"status": "down"})));
    }

    #[test]
    fn account_from_sign_in_and_session_answers() {
        let login = json!({"login": "focal-qa", "role": "focal", "state": "QA", "csrf": "t"});
        let account = Account::from_answer(&login, None).unwrap();
        assert_eq!(
            (account.role, account.state.as_deref(), account.csrf.as_str()),
            (AccountRole::Focal, Some("QA"), "t")
        );
        let centre = json!({"role": "centre", "state": null, "csrf": "u"});
        assert_eq!(Account::from_answer(&centre, Some("centre")).unwrap().login, "centre");
        assert_eq!(Account::from_answer(&json!({"role": "king", "csrf": "x"}), Some("a")), None);
        assert_eq!(Account::from_answer(&json!({"role": "admin"}), Some("a")), None, "no csrf");
    }

    #[test]
    fn throttled_sign_in_in_whole_minutes() {
        assert_eq!(SignInError::from_status(429, Some("601")), SignInError::Throttled { minutes: 11 });
        assert_eq!(SignInError::from_status(429, Some("5")), SignInError::Throttled { minutes: 1 });
        assert_eq!(SignInError::from_status(429, None), SignInError::Throttled { minutes: 1 });
        assert_eq!(SignInError::from_status(401, None), SignInError::Wrong);
        assert_eq!(SignInError::from_status(500, None), SignInError::Unavailable);
    }

    #[test]
    fn invitation_links_and_password_rules() {
        assert_eq!(invitation_token("#invite=abc-_9").as_deref(), Some("abc-_9"));
        assert_eq!(invitation_token("#invite="), None);
        assert_eq!(invitation_token("#invite=a b"), None);
        assert_eq!(invitation_token("#other"), None);
        assert_eq!(check_new_password("short", "short"), Some(PasswordIssue::TooShort));
        assert_eq!(check_new_password("long enough!", "long enough?"), Some(PasswordIssue::Different));
        assert_eq!(check_new_password(&"x".repeat(1025), &"x".repeat(1025)), Some(PasswordIssue::TooLong));
        assert_eq!(check_new_password("ten chars!", "ten chars!"), None);
    }

    #[test]
    fn roles_write_what_the_server_allows() {
        assert!(AccountRole::Focal.writes("needs") && !AccountRole::Focal.writes("sessions"));
        assert!(AccountRole::Centre.writes("skills") && !AccountRole::Centre.writes("needs"));
        assert!(AccountRole::Planner.writes("pins") && !AccountRole::Planner.writes("courses"));
        assert!(!AccountRole::Admin.writes("needs"));
        let users =
            users_of(&json!([{"login": "a", "role": "admin", "state": null, "disabled": false, "invited": true}]));
        assert_eq!(users.len(), 1);
        assert!(users[0].invited);
    }
}
