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

// The scripts read every constant they share with the engine from
// extension/generated/constants.js; none keeps a copy of its own, which nothing would
// check (the content script once declared PROTOCOL_VERSION, MAX_TEXT_UNITS, the attributes
// and the digit class by hand, and the worker and engine-host.js the message names).
#[test]
fn no_script_keeps_its_own_copy_of_a_shared_constant() {
    let constants = shared_constants();
    let mut forbidden: Vec<String> = Vec::new();
    for quote in ['\'', '"', '`'] {
        // Any attribute of ours, even one no Rust const names yet.
        forbidden.push(format!("{quote}data-sincerely"));
        forbidden.push(format!("{quote}[data-sincerely"));
        for name in message::ALL {
            forbidden.push(format!("{quote}{name}{quote}"));
        }
    }
    for name in ["PROTOCOL_VERSION", "protocolVersion"] {
        forbidden.push(format!("{name} = {PROTOCOL_VERSION}"));
    }
    forbidden.push(format!("v: {PROTOCOL_VERSION}"));
    for name in ["MAX_TEXT_UNITS", "maxTextUnits"] {
        forbidden.push(format!("{name} = {MAX_TEXT_UNITS}"));
    }
    for zero in crate::recognize::DIGIT_ZEROS.into_iter().skip(1) {
        forbidden.push(format!("\\u{:04x}", zero as u32));
        forbidden.push(zero.to_string());
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("extension");
    let mut scripts = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|extension| extension != "js") {
            continue;
        }
        scripts += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        let lower = source.to_lowercase();
        for pattern in &forbidden {
            assert!(
                !lower.contains(&pattern.to_lowercase()),
                "{}: holds {pattern:?}: read it from sincerelyConstants (extension/generated/constants.js)",
                path.display()
            );
        }
        // What the scripts read must exist: a misspelt name would be `undefined` silently.
        for (at, _) in source.match_indices("constants.") {
            let before = source[..at].chars().next_back();
            // `sincerelyConstants.` or a local `constants.`, not a file name (`generated/constants.js`).
            let reference = source[..at].ends_with("sincerely")
                || !before.is_some_and(|c| c.is_alphanumeric() || "_./$".contains(c));
            if !reference {
                continue;
            }
            let path_text: String = source[at + "constants.".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '_')
                .collect();
            let mut value = &constants;
            for key in path_text.trim_end_matches('.').split('.') {
                value = value.get(key).unwrap_or_else(|| {
                    panic!("{}: sincerelyConstants has no {path_text}", path.display())
                });
            }
        }
        for object in ["attributes", "messages"] {
            let mut rest = source.as_str();
            while let Some(at) = rest.find(&format!("{object}.")) {
                let name: String = rest[at + object.len() + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let before = rest[..at].chars().next_back();
                if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !name.is_empty() {
                    assert!(
                        constants[object].get(&name).is_some(),
                        "{}: sincerelyConstants.{object} has no {name}",
                        path.display()
                    );
                }
                rest = &rest[at + object.len() + 1..];
            }
        }
    }
    assert!(
        scripts >= 4,
        "the extension's scripts were found in {}",
        dir.display()
    );
}

#[test]
fn the_shared_constants_come_from_the_rust_consts() {
    let constants = shared_constants();
    assert_eq!(constants["protocolVersion"], PROTOCOL_VERSION);
    assert_eq!(constants["maxTextUnits"], MAX_TEXT_UNITS);
    assert_eq!(constants["attributes"]["root"], crate::css::ROOT_ATTRIBUTE);
    assert_eq!(constants["attributes"]["seen"], crate::css::SEEN_ATTRIBUTE);
    assert_eq!(
        constants["attributes"]["shadow"],
        crate::css::SHADOW_ATTRIBUTE
    );
    assert_eq!(
        constants["messages"].as_object().unwrap().len(),
        message::ALL.len()
    );
    // Every attribute is one of ours.
    for (_, name) in constants["attributes"].as_object().unwrap() {
        assert!(name
            .as_str()
            .unwrap()
            .starts_with(crate::css::ROOT_ATTRIBUTE));
    }
    let script = constants_script();
    assert!(script.contains("var sincerelyConstants = Object.freeze({"));
    assert!(script.contains("  messages: Object.freeze({\n    engineCall: \"engineCall\",\n"));
}

// The content script's digit test reads what the recognizer reads: the same runs, ten
// digits each, as the UTF-16 escapes a RegExp without the u flag takes.
#[test]
fn the_digit_class_is_the_recognizers_digits() {
    assert_eq!(
        digit_class(),
        r"[\u0030-\u0039\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]"
    );
    // And the recognizer reads each run of the class as digits: "٣٧" is 37.
    for zero in crate::recognize::DIGIT_ZEROS {
        let digit = |n: u32| char::from_u32(zero as u32 + n).unwrap();
        let text = format!("{}{} likes", digit(3), digit(7));
        let number = crate::recognize::parse_number(&text, 0).unwrap();
        assert_eq!(number.value, 37.0, "{text}");
        // The character after the run is not a digit of it.
        let after = format!("{}{} likes", digit(3), digit(10));
        let number = crate::recognize::parse_number(&after, 0);
        assert!(
            number.is_none_or(|n| n.span.end <= digit(3).len_utf8()),
            "{after}"
        );
    }
}
