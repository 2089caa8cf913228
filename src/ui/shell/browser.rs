//! The few things the app asks of the browser: local storage, downloading a file (Blob and
//! object URL; the only way data leaves the device), reading a chosen file, and the page's
//! language and direction, and running something once the page has painted.

use wasm_bindgen::JsCast;

/// Runs `f` in a task of its own right after the browser's next paint (the frame's callbacks
/// run before it paints; a zero timeout set there runs once it has): what is on screen is shown
/// first, and `f`'s work never delays that frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || leptos::prelude::set_timeout(f, std::time::Duration::ZERO));
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text under `key`, if storage is available and holds it.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; false when storage is off, full or refuses (the old value then stays).
pub fn write(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Offers `text` as a JSON file download named `name`.
pub fn download(name: &str, text: &str) -> bool {
    download_file(name, "application/json;charset=utf-8", text)
}

/// The text of the first file chosen in a file input, then clears the input so the same file
/// can be chosen again.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    let file = input.files()?.get(0)?;
    input.set_value("");
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?;
    text.as_string()
}

/// The bytes of the first file chosen in a file input (the importers judge the encoding
/// themselves), then clears the input so the same file can be chosen again.
pub async fn read_chosen_bytes(input: &web_sys::HtmlInputElement) -> Option<Vec<u8>> {
    let file = input.files()?.get(0)?;
    input.set_value("");
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Sets `<html lang dir>`, so the whole layout mirrors for Arabic.
pub fn set_language(code: &str, dir: &str) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Moves the keyboard focus to the element with `id`, if there is one.
pub fn focus(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Asks the user to confirm; false when they decline or the dialog cannot be shown.
pub fn confirm(message: &str) -> bool {
    web_sys::window().is_some_and(|w| w.confirm_with_message(message).unwrap_or(false))
}

/// True when the page is being hidden (tab switched, window closed).
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
}

/// Offers `text` as a file download named `name` of type `mime` (CSV, calendar, JSON …).
pub fn download_file(name: &str, mime: &str, text: &str) -> bool {
    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        let body = document.body()?;
        body.append_child(&anchor).ok()?;
        anchor.click();
        body.remove_child(&anchor).ok()?;
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    run().is_some()
}

/// Milliseconds on the browser's clock, for timing a solve.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The current time in UTC from the browser's clock (the calendar's DTSTAMP).
pub fn now_utc() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Opens the browser's print dialog (the print style sheet shows only the print area).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
