//! The one module that talks to `qudra serve`: sends a [`Request`] built by
//! `vm::connect::request` with the browser's `fetch` (same origin, so the session cookie goes
//! with it) and reads the answer. A status is read before the body, and every failure is a
//! value: nothing here logs or throws.

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::vm::connect::request::{Answer, Request};

/// The server's answer, or `None` when it could not be reached.
pub async fn send(request: &Request) -> Option<Answer> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_method(request.method);
    let headers = web_sys::Headers::new().ok()?;
    headers.set("Accept", "application/json").ok()?;
    for (name, value) in &request.headers {
        headers.set(name, value).ok()?;
    }
    if let Some(body) = &request.body {
        headers.set("Content-Type", "application/json").ok()?;
        init.set_body(&wasm_bindgen::JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&request.path, &init)).await.ok()?.dyn_into().ok()?;
    let status = response.status();
    let retry_after = response.headers().get("Retry-After").ok().flatten();
    let is_json =
        response.headers().get("Content-Type").ok().flatten().is_some_and(|kind| kind.starts_with("application/json"));
    let text = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|text| text.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    let body = if is_json { serde_json::from_str(&text).unwrap_or(Value::Null) } else { Value::String(text) };
    Some(Answer { status, body, retry_after })
}

/// The page's origin (`http://127.0.0.1:8080`): with the login, whose offline queue it is.
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The fragment of the page's address (`#invite=…`), and a way to clear it.
/// Whether `public/boot.js` found `qudra serve` (its `GET /api/health` answered, so it marked
/// the page `data-server="qudra"` and loaded this app): the start need not ask again.
pub fn server_found_at_boot() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-server"))
        .is_some_and(|server| server == "qudra")
}

pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

pub fn clear_hash() {
    if let Some(window) = web_sys::window() {
        if let Ok(history) = window.history() {
            let path = window.location().pathname().unwrap_or_else(|_| "/".into());
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}
