//! The `Engine` class, whose `handle` takes a protocol request and returns the
//! response (see [`sincerely::protocol`]); the content script and the service worker call it
//! the same way. Errors become JavaScript `Error`s; a Rust panic is printed to the console
//! by the panic hook and surfaces to the caller as a `RuntimeError`.
//!
//! Values cross the boundary as JSON text (the browser's `JSON.stringify`/`JSON.parse` on
//! the JavaScript side, serde_json here): one string each way is faster than walking the
//! objects field by field from wasm, and one deserializer keeps the module small.

use js_sys::JSON;
use serde::Serialize;
use sincerely::settings::Settings;
use wasm_bindgen::prelude::*;

/// A JavaScript value (plain data) as JSON text; `undefined` and functions become `null`.
fn to_json_text(value: &JsValue) -> Option<String> {
    JSON::stringify(value).ok()?.as_string()
}

/// Plain JSON-compatible objects (no `Map`s), so answers look the same after a trip
/// through `runtime.sendMessage`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|error| JsError::new(&error.to_string()))?;
    JSON::parse(&text).map_err(|_| JsError::new("the engine wrote JSON the browser could not read"))
}

/// Rust panics become readable console errors.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    engine: sincerely::Engine,
    warnings: Vec<sincerely::settings::SettingsWarning>,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Builds an engine from stored settings (any value: bad fields fall back to defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<WasmEngine, JsError> {
        let value: serde_json::Value = to_json_text(&settings)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(serde_json::Value::Null);
        let (settings, warnings) = Settings::from_json_value(&value);
        if !warnings.is_empty() {
            let fields: Vec<String> = warnings
                .iter()
                .map(|w| format!("{} ({})", w.field, w.message))
                .collect();
            gloo::console::warn!(format!(
                "Sincerely: settings fell back to defaults: {}",
                fields.join("; ")
            ));
        }
        Ok(WasmEngine {
            engine: sincerely::Engine::new(settings),
            warnings,
        })
    }

    /// The settings fields that could not be read.
    #[wasm_bindgen(getter)]
    pub fn warnings(&self) -> Result<JsValue, JsError> {
        to_js(&self.warnings)
    }

    /// The settings as read, as `storage.sync` should hold them in this version (with
    /// their `version`), or null when they may not be stored (invalid or too large): what
    /// the worker writes back after an update. Worked out only when asked, so that a tab's
    /// start runs none of it.
    #[wasm_bindgen(getter)]
    pub fn settings(&self) -> Result<JsValue, JsError> {
        match self.engine.settings().to_storage_value() {
            Ok(value) => to_js(&value),
            Err(_) => Ok(JsValue::NULL),
        }
    }

    /// Host → root tokens under these settings (see `Engine::early_tokens`); the worker
    /// mirrors it to `storage.local` for the content script's first paint.
    #[wasm_bindgen(js_name = earlyTokens)]
    pub fn early_tokens(&self) -> Result<JsValue, JsError> {
        let object = js_sys::Object::new();
        for (host, tokens) in self.engine.early_tokens() {
            js_sys::Reflect::set(&object, &host.into(), &tokens.into())
                .map_err(|_| JsError::new("could not list the early tokens"))?;
        }
        Ok(object.into())
    }

    /// The keyboard command: these settings with the pause on `url`'s host toggled, as
    /// `{settings, paused}` to store, or null when there is nothing to store (no http(s)
    /// host, or a result `storage.sync` would refuse; see `Settings::pause_toggled`).
    #[wasm_bindgen(js_name = pauseToggled)]
    pub fn pause_toggled(&self, url: &str) -> Result<JsValue, JsError> {
        match self.engine.settings().pause_toggled(url) {
            Some(Ok((settings, paused))) => {
                to_js(&serde_json::json!({ "settings": settings, "paused": paused }))
            }
            Some(Err(error)) => {
                gloo::console::warn!(format!("Sincerely: pause not changed: {error}"));
                Ok(JsValue::NULL)
            }
            None => Ok(JsValue::NULL),
        }
    }

    /// `{genericHosts: [...], mastodonHosts: [...]}`: the match patterns the worker
    /// registers the content scripts on, before it keeps those the user granted (see
    /// `Settings::added_host_origins`: the engine's own host check, not one of the worker's).
    #[wasm_bindgen(js_name = addedHostOrigins)]
    pub fn added_host_origins(&self) -> Result<JsValue, JsError> {
        to_js(&self.engine.settings().added_host_origins())
    }

    /// A permission taken back: these settings without the added hosts that `removed`
    /// (match patterns) names and `granted` (the patterns still granted) does not, to
    /// store, or null when nothing changes or the result may not be stored (see
    /// `Settings::revoked_hosts_forgotten`). Entries that are not strings are ignored.
    #[wasm_bindgen(js_name = revokedHostsForgotten)]
    pub fn revoked_hosts_forgotten(
        &self,
        removed: JsValue,
        granted: JsValue,
    ) -> Result<JsValue, JsError> {
        let strings = |value: &JsValue| -> Vec<String> {
            to_json_text(value)
                .and_then(|text| serde_json::from_str::<Vec<serde_json::Value>>(&text).ok())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|entry| entry.as_str().map(str::to_owned))
                .collect()
        };
        match self
            .engine
            .settings()
            .revoked_hosts_forgotten(&strings(&removed), &strings(&granted))
        {
            Some(Ok(settings)) => to_js(&settings),
            Some(Err(error)) => {
                gloo::console::warn!(format!("Sincerely: revoked hosts not forgotten: {error}"));
                Ok(JsValue::NULL)
            }
            None => Ok(JsValue::NULL),
        }
    }

    /// Serves one protocol request.
    pub fn handle(&self, request: JsValue) -> Result<JsValue, JsError> {
        let text = to_json_text(&request).ok_or_else(|| JsError::new("bad request: not JSON"))?;
        #[cfg(feature = "fault-injection")]
        sincerely::fault::panic_on_marker(&text);
        let answer = self.engine.handle_json(&text)?;
        JSON::parse(&answer)
            .map_err(|_| JsError::new("the engine wrote JSON the browser could not read"))
    }
}
