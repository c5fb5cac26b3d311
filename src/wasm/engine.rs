//! The `Engine` class, whose `handle` takes a protocol request and returns the
//! response (see [`crate::protocol`]); the content script and the service worker call it
//! the same way. Errors become JavaScript `Error`s; a Rust panic is printed to the console
//! by the panic hook and surfaces to the caller as a `RuntimeError`.

use crate::protocol::{Request, Response};
use crate::settings::Settings;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// JSON-compatible output, so answers look the same after a trip through
/// `runtime.sendMessage` (no `Map`s).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    engine: crate::Engine,
    warnings: JsValue,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Builds an engine from stored settings (any value: bad fields fall back to defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<WasmEngine, JsError> {
        let value: serde_json::Value = if settings.is_undefined() || settings.is_null() {
            serde_json::Value::Null
        } else {
            serde_wasm_bindgen::from_value(settings).unwrap_or(serde_json::Value::Null)
        };
        let (settings, warnings) = Settings::from_json_value(&value);
        if !warnings.is_empty() {
            gloo::console::warn!(format!(
                "Sincerely: settings fell back to defaults: {warnings:?}"
            ));
        }
        Ok(WasmEngine {
            engine: crate::Engine::new(settings),
            warnings: to_js(&warnings)?,
        })
    }

    /// The settings fields that could not be read.
    #[wasm_bindgen(getter)]
    pub fn warnings(&self) -> JsValue {
        self.warnings.clone()
    }

    /// Host → root tokens under these settings (see `Engine::early_tokens`); the worker
    /// mirrors it to `storage.local` for the content script's first paint.
    #[wasm_bindgen(js_name = earlyTokens)]
    pub fn early_tokens(&self) -> Result<JsValue, JsError> {
        to_js(&self.engine.early_tokens())
    }

    /// Serves one protocol request.
    pub fn handle(&self, request: JsValue) -> Result<JsValue, JsError> {
        let request: Request = serde_wasm_bindgen::from_value(request)
            .map_err(|error| JsError::new(&format!("bad request: {error}")))?;
        let response: Response = self.engine.handle(request);
        to_js(&response)
    }
}
