//! The wasm glue, tested in headless Chromium by wasm-bindgen-test
//! (`cargo xtask test` runs it; by hand: see README, "Tests").

#![cfg(target_arch = "wasm32")]

use js_sys::{Map, Reflect, JSON};
use sincerely_web::WasmEngine as Engine;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("valid JSON in the test")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("an object")
}

#[wasm_bindgen_test]
fn page_plan_answers_plain_json_objects() {
    let engine = Engine::new(JsValue::NULL).unwrap();
    let response = engine
        .handle(json(
            r#"{"v":1,"type":"page-plan","arg":{"url":"https://x.com/home"}}"#,
        ))
        .unwrap();
    assert_eq!(get(&response, "type"), "page-plan");
    let plan = get(&response, "arg");
    assert!(!plan.is_instance_of::<Map>(), "a plain object, not a Map");
    assert_eq!(get(&plan, "site"), "x");
    assert_eq!(get(&plan, "active"), true);
}

#[wasm_bindgen_test]
fn decide_returns_utf16_edits() {
    let engine = Engine::new(JsValue::UNDEFINED).unwrap();
    let response = engine
        .handle(json(r#"{"v":1,"type":"decide","arg":{"items":[{"id":3,"text":"😀 1,203 followers","context":"label"}]}}"#))
        .unwrap();
    let decisions = get(&response, "arg");
    let first = Reflect::get_u32(&decisions, 0).unwrap();
    let edit = Reflect::get_u32(&get(&first, "edits"), 0).unwrap();
    // "😀" is two UTF-16 units, then a space: the number starts at 3.
    assert_eq!(get(&edit, "start"), 3);
}

#[wasm_bindgen_test]
fn garbage_settings_fall_back_and_are_reported() {
    let engine = Engine::new(json(r#"{"enabled":"maybe","badge":false}"#)).unwrap();
    let warnings = engine.warnings().unwrap();
    assert_eq!(js_sys::Array::from(&warnings).length(), 1);
    // What the worker writes back after an update is the settings module's (its own
    // wasm test, src/web/settings/tests/wasm.rs, reads these same settings).
    let response = engine
        .handle(json(
            r#"{"v":1,"type":"page-plan","arg":{"url":"https://x.com/"}}"#,
        ))
        .unwrap();
    assert_eq!(
        get(&get(&response, "arg"), "active"),
        true,
        "enabled fell back to true"
    );
}

#[wasm_bindgen_test]
fn a_malformed_request_is_a_js_error_not_a_panic() {
    let engine = Engine::new(JsValue::NULL).unwrap();
    assert!(engine.handle(json(r#"{"v":1,"type":"nonsense"}"#)).is_err());
    assert!(engine.handle(JsValue::from_str("not an object")).is_err());
    // The engine still answers afterwards.
    assert!(engine
        .handle(json(
            r#"{"v":1,"type":"page-plan","arg":{"url":"https://x.com/"}}"#
        ))
        .is_ok());
}
