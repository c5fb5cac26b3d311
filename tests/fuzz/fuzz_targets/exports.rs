//! Fuzzes the export readers (`src/export/`): a Mastodon `outbox.json` (with its status
//! HTML and dates), an X archive's `tweets.js` and the plain JSON posts. What must hold:
//!
//! - on any bytes, every reader returns posts or an error positioned inside the file
//!   (line and column from 1, the line no further than the file has), never a panic;
//! - `parse_any` agrees with `detect_format` and with the reader of that format, and what
//!   it reads can be scored (the playground and the CLI do that next);
//! - any text, put where an export carries text or a date in an otherwise valid file,
//!   reads: one post, the X and plain text exactly as given.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::json;
use sincerely::export::{
    detect_format, parse_any, parse_mastodon_outbox, parse_plain_posts, parse_x_tweets_js,
    ExportError, ExportFormat,
};
use sincerely::score::score_posts;

fuzz_target!(|data: &[u8]| {
    check_bytes(data);
    check_text_in_valid_files(&String::from_utf8_lossy(data));
});

fn check_error(bytes: &[u8], error: &ExportError) {
    let (line, column) = error.position();
    let lines = bytes.iter().filter(|byte| **byte == b'\n').count() + 1;
    assert!(line >= 1 && column >= 1, "{error}");
    assert!(line <= lines, "line {line} of a file of {lines}: {error}");
    assert!(error
        .to_string()
        .starts_with(&format!("line {line}, column {column}")));
}

fn check_bytes(bytes: &[u8]) {
    let by_format = [
        (ExportFormat::MastodonOutbox, parse_mastodon_outbox(bytes)),
        (ExportFormat::XArchive, parse_x_tweets_js(bytes)),
        (ExportFormat::PlainJson, parse_plain_posts(bytes)),
    ];
    for (_, result) in &by_format {
        if let Err(error) = result {
            check_error(bytes, error);
        }
    }
    let detected = detect_format(bytes);
    match parse_any(bytes) {
        Ok((format, posts)) => {
            assert_eq!(detected.as_ref().ok(), Some(&format));
            let (_, direct) = by_format.iter().find(|(f, _)| *f == format).unwrap();
            assert_eq!(
                direct.as_ref().ok(),
                Some(&posts),
                "parse_any and its reader differ"
            );
            let _ = score_posts(&posts);
        }
        Err(error) => {
            check_error(bytes, &error);
            if let Ok(format) = detected {
                let (_, direct) = by_format.iter().find(|(f, _)| *f == format).unwrap();
                assert_eq!(direct.as_ref().err(), Some(&error));
            }
        }
    }
}

fn check_text_in_valid_files(text: &str) {
    let outbox = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "type": "OrderedCollection",
        "orderedItems": [{
            "type": "Create",
            "actor": text,
            "published": text,
            "object": {"type": "Note", "content": text, "published": text, "inReplyTo": text,
                       "tag": [{"type": "Mention", "href": text, "name": text},
                               {"type": "Hashtag", "name": text}]}
        }]
    });
    let posts = parse_mastodon_outbox(outbox.to_string().as_bytes())
        .unwrap_or_else(|error| panic!("a valid outbox was refused: {error}"));
    assert_eq!(posts.len(), 1);

    let tweets = json!([{"tweet": {
        "id_str": "1", "full_text": text, "created_at": text, "in_reply_to_screen_name": text,
        "entities": {"hashtags": [{"text": text}], "user_mentions": [{"screen_name": text}],
                     "urls": [{"expanded_url": text}]}
    }}]);
    let file = format!("window.YTD.tweets.part0 = {tweets}");
    let posts = parse_x_tweets_js(file.as_bytes())
        .unwrap_or_else(|error| panic!("a valid tweets.js was refused: {error}"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].text, text);

    let plain = json!([{"text": text, "replyTo": text, "mentions": [text]}]);
    let posts = parse_plain_posts(plain.to_string().as_bytes())
        .unwrap_or_else(|error| panic!("valid plain posts were refused: {error}"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].text, text);
    let _ = score_posts(&posts);
}
