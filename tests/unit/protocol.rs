use super::*;
use serde_json::json;

#[test]
fn requests_are_adjacently_tagged() {
    let request: Request = serde_json::from_value(json!({
        "v": 1, "type": "decide",
        "arg": {"items": [{"id": 7, "text": "3 replies", "context": "label"}]}
    }))
    .unwrap();
    assert_eq!(request.v, PROTOCOL_VERSION);
    match request.call {
        Call::Decide { items } => assert_eq!(items[0].id, 7),
        other => panic!("{other:?}"),
    }
}

#[test]
fn responses_carry_the_version_and_a_type() {
    let response = Response {
        v: PROTOCOL_VERSION,
        answer: Answer::Error {
            message: "boom".into(),
        },
    };
    assert_eq!(
        serde_json::to_value(&response).unwrap(),
        json!({"v": 1, "type": "error", "arg": {"message": "boom"}})
    );
}

#[test]
fn utf16_offsets_count_surrogate_pairs() {
    let text = "😀 12 likes";
    let byte = text.find('1').unwrap();
    assert_eq!(byte, 5);
    assert_eq!(utf16_offset(text, byte), 3);
}

// The content script caps what it sends with its own copy of the bound.
#[test]
fn the_content_script_caps_texts_as_the_engine_does() {
    let content = include_str!("../../extension/content.js");
    assert!(
        content.contains(&format!("const MAX_TEXT_UNITS = {MAX_TEXT_UNITS};")),
        "extension/content.js must declare MAX_TEXT_UNITS = {MAX_TEXT_UNITS}"
    );
}
