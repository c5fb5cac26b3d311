//! The settings module's glue, tested in headless Chromium by wasm-bindgen-test
//! (`cargo xtask test` runs it, as it does the engine's).

#![cfg(target_arch = "wasm32")]

use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("valid JSON in the test")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("an object")
}

#[wasm_bindgen_test]
fn garbage_settings_are_written_back_as_read_with_their_warnings() {
    let answer =
        sincerely_settings::upgraded(json(r#"{"enabled":"maybe","badge":false}"#)).unwrap();
    assert_eq!(js_sys::Array::from(&get(&answer, "warnings")).length(), 1);
    // What the worker writes back after an update: the settings as read, in this version.
    let stored = get(&answer, "settings");
    assert!(get(&stored, "version").as_f64().is_some());
    assert_eq!(get(&stored, "badge"), false);
    assert_eq!(get(&stored, "enabled"), true, "enabled fell back to true");
}

#[wasm_bindgen_test]
fn the_pause_toggles_on_an_http_host_only() {
    let toggled = sincerely_settings::pause_toggled(JsValue::NULL, "https://X.com/home").unwrap();
    assert_eq!(get(&toggled, "paused"), true);
    let hosts = get(&get(&toggled, "settings"), "pausedHosts");
    assert_eq!(Reflect::get_u32(&hosts, 0).unwrap(), "x.com");
    let again =
        sincerely_settings::pause_toggled(get(&toggled, "settings"), "https://x.com/").unwrap();
    assert_eq!(get(&again, "paused"), false);
    assert!(
        sincerely_settings::pause_toggled(JsValue::NULL, "about:blank")
            .unwrap()
            .is_null()
    );
}

#[wasm_bindgen_test]
fn added_hosts_become_patterns_and_a_revoked_one_is_forgotten() {
    let stored = json(r#"{"genericHosts":["news.example.org","-bad.org"]}"#);
    let origins = sincerely_settings::added_host_origins(stored.clone()).unwrap();
    let generic = js_sys::Array::from(&get(&origins, "genericHosts"));
    assert_eq!(generic.length(), 2);
    assert_eq!(generic.get(0), "https://news.example.org/*");
    assert_eq!(
        js_sys::Array::from(&get(&origins, "mastodonHosts")).length(),
        0
    );
    let removed = json(r#"["https://news.example.org/*", 7]"#);
    let forgotten =
        sincerely_settings::revoked_hosts_forgotten(stored.clone(), removed.clone(), json("[]"))
            .unwrap();
    assert_eq!(
        js_sys::Array::from(&get(&forgotten, "genericHosts")).length(),
        0
    );
    // Still granted under the other scheme: nothing to store.
    let granted = json(r#"["http://news.example.org/*"]"#);
    assert!(
        sincerely_settings::revoked_hosts_forgotten(stored, removed, granted)
            .unwrap()
            .is_null()
    );
}
