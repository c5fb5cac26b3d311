//! The extension APIs the popup and the options page call, as typed imports. They bind
//! to `browser.*`: Firefox's namespace, which popup.js and options.js point at Chrome's
//! `chrome` where there is none (both return promises in MV3). An `async fn` import
//! awaits the promise through wasm-bindgen-futures; the one call that must start within
//! the user's click (`permissions.request`) returns the promise itself.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `storage.sync`, `storage.local` or `storage.session`.
    #[derive(Clone)]
    pub type StorageArea;

    #[wasm_bindgen(method, catch)]
    pub async fn get(this: &StorageArea, keys: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub async fn set(this: &StorageArea, items: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch)]
    pub async fn remove(this: &StorageArea, keys: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(thread_local_v2, js_namespace = ["browser", "storage"], js_name = sync)]
    static SYNC: StorageArea;
    #[wasm_bindgen(thread_local_v2, js_namespace = ["browser", "storage"], js_name = local)]
    static LOCAL: StorageArea;
    #[wasm_bindgen(thread_local_v2, js_namespace = ["browser", "storage"], js_name = session)]
    static SESSION: StorageArea;

    /// `storage.onChanged.addListener((changes, areaName) => …)`.
    #[wasm_bindgen(js_namespace = ["browser", "storage", "onChanged"], js_name = addListener)]
    pub fn on_storage_changed(listener: &Closure<dyn FnMut(JsValue, JsValue)>);

    #[wasm_bindgen(catch, js_namespace = ["browser", "tabs"], js_name = get)]
    pub async fn tab(id: f64) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["browser", "tabs"], js_name = query)]
    pub async fn tabs(query: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["browser", "scripting"], js_name = executeScript)]
    pub async fn execute_script(injection: &JsValue) -> Result<JsValue, JsValue>;

    /// Called within the click: browsers grant optional permissions only there.
    #[wasm_bindgen(catch, js_namespace = ["browser", "permissions"], js_name = request)]
    pub fn request_permissions(permissions: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["browser", "permissions"], js_name = remove)]
    pub async fn remove_permissions(permissions: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["browser", "runtime"], js_name = sendMessage)]
    pub async fn send_message(message: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = ["browser", "runtime"], js_name = openOptionsPage)]
    pub async fn open_options_page() -> Result<JsValue, JsValue>;

    /// `i18n.getMessage`: "" for a key no `_locales` has.
    #[wasm_bindgen(js_namespace = ["browser", "i18n"], js_name = getMessage)]
    pub fn get_message(key: &str, substitutions: &Array) -> String;

    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    pub fn performance_mark(name: &str) -> Result<JsValue, JsValue>;
}

/// The three storage areas.
pub struct Storage {
    pub sync: StorageArea,
    pub local: StorageArea,
    pub session: StorageArea,
}

pub fn storage() -> Storage {
    Storage {
        sync: SYNC.with(StorageArea::clone),
        local: LOCAL.with(StorageArea::clone),
        session: SESSION.with(StorageArea::clone),
    }
}
