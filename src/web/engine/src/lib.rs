//! The `Engine` class, whose `handle` takes a protocol request and returns the
//! response (see [`sincerely::protocol`]); the content script and the service worker call it
//! the same way; the worker also asks it for the early tokens. (The background's settings
//! edits are a module of their own, src/web/settings: every tab compiles this one.) Errors
//! become JavaScript `Error`s; a Rust panic is printed to the console
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
