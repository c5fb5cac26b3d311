//! Property tests of the export readers (`src/export/`): whatever the bytes, a reader
//! returns posts or a positioned error and never panics. These are the same entry points a
//! cargo-fuzz target calls.

use super::*;
use proptest::prelude::*;

/// Small valid documents of each format, to truncate and corrupt.
const SEEDS: [&str; 3] = [
    r##"{"@context":"https://www.w3.org/ns/activitystreams","type":"OrderedCollection","orderedItems":[{"type":"Create","actor":"https://s.example/users/a","object":{"id":"https://s.example/users/a/statuses/1","type":"Note","inReplyTo":"https://o.example/@b/2","content":"<p>Thanks &amp; <a href=\"https://x.example\">link</a></p>","tag":[{"type":"Mention","href":"https://o.example/@b","name":"@b"}]}},{"type":"Announce","object":"https://o.example/3"}]}"##,
    r#"window.YTD.tweets.part0 = [{"tweet":{"id_str":"1","full_text":"@b hi? #tag","created_at":"Wed Oct 10 20:19:24 +0000 2018","in_reply_to_screen_name":"b","entities":{"hashtags":[{"text":"tag"}],"user_mentions":[{"screen_name":"b"}],"urls":[]}}}]"#,
    r#"{"posts":[{"id":"1","text":"Thanks! How?","isReply":true,"replyTo":"ana","time":1700000000}]}"#,
];

fn check_any(bytes: &[u8]) {
    for result in [
        parse_mastodon_outbox(bytes),
        parse_x_tweets_js(bytes),
        parse_plain_posts(bytes),
        parse_any(bytes).map(|(_, posts)| posts),
    ] {
        if let Err(error) = result {
            let (line, column) = error.position();
            assert!(line >= 1 && column >= 1, "{error}");
            assert!(error
                .to_string()
                .starts_with(&format!("line {line}, column {column}")));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        check_any(&bytes);
    }

    #[test]
    fn truncated_and_corrupted_exports_never_panic(
        seed in 0..SEEDS.len(),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        replacement in any::<u8>(),
    ) {
        let document = SEEDS[seed].as_bytes();
        let mut corrupted = document.to_vec();
        let flip = flip.index(corrupted.len());
        corrupted[flip] = replacement;
        check_any(&corrupted);
        let cut = cut.index(document.len());
        check_any(&document[..cut]);
        // Every proper prefix of a valid document is an error, never a silent success
        // with fewer posts, except where the cut falls in trailing whitespace.
        if cut < document.len() && !document[cut..].iter().all(u8::is_ascii_whitespace) {
            prop_assert!(parse_any(&document[..cut]).is_err());
        }
    }
}

#[test]
fn seeds_parse() {
    for seed in SEEDS {
        let (_, posts) = parse_any(seed.as_bytes()).unwrap();
        assert!(!posts.is_empty());
    }
}
