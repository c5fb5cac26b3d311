//! The background's settings edits, as the global `sincerelySettings` (wasm-bindgen's
//! no-modules glue under that name, beside the engine's `wasm_bindgen`): the stored value
//! as this version writes it, the keyboard command's pause, the added hosts' match
//! patterns, and a permission taken back. Every edit is the core's
//! ([`sincerely::settings::Settings`]), checked as the popup's are.
//!
//! Only the worker (Chrome) or event page (Firefox) calls these, so they live outside the
//! engine module that every tab compiles: there they cost each tab 9 KB of wasm it never
//! runs. Each function takes the value `storage.sync` holds and reads it as the engine
//! does (bad fields fall back to defaults).

use js_sys::JSON;
use serde::Serialize;
use sincerely::settings::Settings;
use wasm_bindgen::prelude::*;

/// Rust panics become readable console errors.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The stored value read leniently, with what could not be read.
fn read(stored: &JsValue) -> (Settings, Vec<sincerely::settings::SettingsWarning>) {
    let value: serde_json::Value = JSON::stringify(stored)
        .ok()
        .and_then(|text| text.as_string())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(serde_json::Value::Null);
    Settings::from_json_value(&value)
}

/// Plain JSON-compatible objects, so answers look the same after a trip through storage.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|error| JsError::new(&error.to_string()))?;
    JSON::parse(&text).map_err(|_| JsError::new("Rust wrote JSON the browser could not read"))
}

/// An edit's result: the value to store, or null when there is nothing to store (the
/// reason is logged when the result may not be stored).
fn stored_or_null<T: Serialize>(
    edit: Option<Result<T, sincerely::settings::SettingsError>>,
    what: &str,
) -> Result<JsValue, JsError> {
    match edit {
        Some(Ok(value)) => to_js(&value),
        Some(Err(error)) => {
            gloo::console::warn!(format!("Sincerely: {what}: {error}"));
            Ok(JsValue::NULL)
        }
        None => Ok(JsValue::NULL),
    }
}

/// `{settings, warnings}`: the settings as read, as `storage.sync` should hold them in this
/// version (with their `version`), or null when they may not be stored (invalid or too
/// large), and the fields that could not be read. What the background writes back after an
/// update.
#[wasm_bindgen]
pub fn upgraded(stored: JsValue) -> Result<JsValue, JsError> {
    let (settings, warnings) = read(&stored);
    let settings = settings.to_storage_value().ok();
    to_js(&serde_json::json!({ "settings": settings, "warnings": warnings }))
}

/// The keyboard command: the settings with the pause on `url`'s host toggled, as
/// `{settings, paused}` to store, or null when there is nothing to store (no http(s) host,
/// or a result `storage.sync` would refuse; see `Settings::pause_toggled`).
#[wasm_bindgen(js_name = pauseToggled)]
pub fn pause_toggled(stored: JsValue, url: &str) -> Result<JsValue, JsError> {
    let edit = read(&stored).0.pause_toggled(url).map(|result| {
        result
            .map(|(settings, paused)| serde_json::json!({ "settings": settings, "paused": paused }))
    });
    stored_or_null(edit, "pause not changed")
}

/// `{genericHosts: [...], mastodonHosts: [...]}`: the match patterns the background
/// registers the content scripts on, before it keeps those the user granted (see
/// `Settings::added_host_origins`: the settings' own host check).
#[wasm_bindgen(js_name = addedHostOrigins)]
pub fn added_host_origins(stored: JsValue) -> Result<JsValue, JsError> {
    to_js(&read(&stored).0.added_host_origins())
}

/// A permission taken back: the settings without the added hosts that `removed` (match
/// patterns) names and `granted` (the patterns still granted) does not, to store, or null
/// when nothing changes or the result may not be stored (see
/// `Settings::revoked_hosts_forgotten`). Entries that are not strings are ignored.
#[wasm_bindgen(js_name = revokedHostsForgotten)]
pub fn revoked_hosts_forgotten(
    stored: JsValue,
    removed: JsValue,
    granted: JsValue,
) -> Result<JsValue, JsError> {
    let strings = |value: &JsValue| -> Vec<String> {
        value
            .dyn_ref::<js_sys::Array>()
            .map(|array| array.iter().filter_map(|entry| entry.as_string()).collect())
            .unwrap_or_default()
    };
    let edit = read(&stored)
        .0
        .revoked_hosts_forgotten(&strings(&removed), &strings(&granted));
    stored_or_null(edit, "revoked hosts not forgotten")
}
