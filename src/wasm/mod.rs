//! The browser glue: the only place that names wasm_bindgen, js_sys, web_sys or gloo.
//!
//! - [`engine`]: the `Engine` class the content script and the worker call.
//! - `popup` (feature `ui`): the popup and options pages, built as their own module so
//!   the content script's wasm stays small.
//! - `playground` (feature `www`): the www/ playground's exports, built for `--target web`.

pub mod engine;
#[cfg(feature = "www")]
pub mod playground;
#[cfg(feature = "ui")]
pub mod popup;

#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() -> Result<(), wasm_bindgen::JsValue> {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
    Ok(())
}
