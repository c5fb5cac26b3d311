//! Unit tests of the export readers (`src/export/`).

use super::*;

const OUTBOX: &str = r##"{
  "@context": "https://www.w3.org/ns/activitystreams",
  "id": "outbox.json",
  "type": "OrderedCollection",
  "totalItems": 3,
  "orderedItems": [
    {
      "id": "https://social.example/users/ana/statuses/1/activity",
      "type": "Create",
      "actor": "https://social.example/users/ana",
      "published": "2024-03-01T10:00:00Z",
      "object": {
        "id": "https://social.example/users/ana/statuses/1",
        "type": "Note",
        "inReplyTo": "https://other.example/users/bob/statuses/9",
        "published": "2024-03-01T10:00:00Z",
        "conversation": "tag:other.example,2024-03-01:objectId=9:objectType=Conversation",
        "content": "<p><span class=\"h-card\"><a href=\"https://other.example/@bob\" class=\"u-url mention\">@<span>bob</span></a></span> Thanks &amp; welcome! See <a href=\"https://docs.example/x\" rel=\"nofollow\">https://docs.example/x</a></p>",
        "tag": [
          {"type": "Mention", "href": "https://other.example/users/bob", "name": "@bob@other.example"},
          {"type": "Hashtag", "href": "https://social.example/tags/rust", "name": "#rust"}
        ]
      }
    },
    {
      "id": "https://social.example/users/ana/statuses/2/activity",
      "type": "Announce",
      "actor": "https://social.example/users/ana",
      "published": "2024-03-02T10:00:00Z",
      "object": "https://other.example/users/bob/statuses/10"
    },
    {
      "id": "https://social.example/users/ana/statuses/3/activity",
      "type": "Create",
      "actor": "https://social.example/users/ana",
      "object": {
        "id": "https://social.example/users/ana/statuses/3",
        "type": "Note",
        "inReplyTo": "https://social.example/users/ana/statuses/1",
        "content": "<p>And a second part.</p>"
      }
    }
  ]
}"##;

#[test]
fn mastodon_outbox_reads_replies_boosts_and_self_threads() {
    assert_eq!(
        detect_format(OUTBOX.as_bytes()),
        Ok(ExportFormat::MastodonOutbox)
    );
    let posts = parse_mastodon_outbox(OUTBOX.as_bytes()).unwrap();
    assert_eq!(posts.len(), 3);
    let reply = &posts[0];
    assert!(reply.is_reply);
    assert_eq!(reply.reply_to.as_deref(), Some("bob@other.example"));
    assert_eq!(reply.mentions, vec!["bob@other.example".to_string()]);
    assert_eq!(reply.hashtags, vec!["rust".to_string()]);
    assert_eq!(reply.links, vec!["https://docs.example/x".to_string()]);
    assert_eq!(
        reply.text,
        "@bob Thanks & welcome! See https://docs.example/x"
    );
    assert_eq!(reply.time, Some(1_709_287_200));
    assert_eq!(reply.author.as_deref(), Some("ana@social.example"));
    assert!(posts[1].is_repost);
    // A reply to oneself names oneself, so the model treats it as a thread.
    assert_eq!(posts[2].reply_to.as_deref(), Some("ana@social.example"));
}

#[test]
fn truncated_outbox_names_the_position() {
    let truncated = &OUTBOX.as_bytes()[..OUTBOX.len() / 2];
    let error = parse_mastodon_outbox(truncated).unwrap_err();
    assert!(matches!(error, ExportError::Syntax { .. }), "{error:?}");
    let (line, _column) = error.position();
    assert!(line > 10, "{error}");
    assert!(error
        .to_string()
        .starts_with(&format!("line {line}, column ")));
}

#[test]
fn outbox_without_items_is_a_shape_error() {
    let error = parse_mastodon_outbox(br#"{"type": "OrderedCollection"}"#).unwrap_err();
    assert!(matches!(error, ExportError::Shape { .. }), "{error:?}");
    assert!(error.to_string().contains("orderedItems"), "{error}");
}

const TWEETS: &str = r#"window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "1", "full_text": "@bob Thanks! How did you fix it?", "created_at": "Wed Oct 10 20:19:24 +0000 2018",
    "in_reply_to_status_id_str": "7", "in_reply_to_screen_name": "bob",
    "entities": {"hashtags": [], "user_mentions": [{"screen_name": "bob"}], "urls": []}}},
  {"tweet": {"id_str": "2", "full_text": "Part two of my thread", "in_reply_to_status_id_str": "3",
    "in_reply_to_screen_name": "me_myself", "entities": {}}},
  {"tweet": {"id_str": "3", "full_text": "RT @carol: big news", "entities": {}}}
]"#;

#[test]
fn x_archive_reads_replies_self_threads_and_retweets() {
    assert_eq!(detect_format(TWEETS.as_bytes()), Ok(ExportFormat::XArchive));
    let posts = parse_x_tweets_js(TWEETS.as_bytes()).unwrap();
    assert_eq!(posts.len(), 3);
    assert_eq!(posts[0].reply_to.as_deref(), Some("bob"));
    assert_eq!(posts[0].time, Some(1_539_202_764));
    assert_eq!(posts[0].author.as_deref(), Some("me_myself"));
    assert_eq!(posts[1].reply_to.as_deref(), Some("me_myself"));
    assert!(posts[2].is_repost);
}

#[test]
fn x_archive_error_positions_count_the_javascript_prefix() {
    let broken = "window.YTD.tweets.part0 = [ {\"tweet\": 5} ]";
    let error = parse_x_tweets_js(broken.as_bytes()).unwrap_err();
    assert_eq!(error.position().0, 1);
    assert!(error.position().1 > 26, "{error}");
    let truncated = &TWEETS.as_bytes()[..200];
    let error = parse_x_tweets_js(truncated).unwrap_err();
    assert!(matches!(error, ExportError::Syntax { .. }), "{error:?}");
}

#[test]
fn plain_posts_read_both_shapes() {
    let list = br#"[{"text": "hi", "isReply": true, "replyTo": "ana"}]"#;
    let wrapped = br#"{"posts": [{"text": "hi", "isReply": true, "replyTo": "ana"}]}"#;
    assert_eq!(
        parse_plain_posts(list).unwrap(),
        parse_plain_posts(wrapped).unwrap()
    );
    assert_eq!(detect_format(wrapped), Ok(ExportFormat::PlainJson));
    let error = parse_plain_posts(b"[{\"text\": 5}]").unwrap_err();
    assert_eq!(error.position(), (1, 11));
}

#[test]
fn garbage_is_unrecognised_not_a_panic() {
    for input in [
        &b""[..],
        b"   ",
        b"hello",
        b"\xff\xfe",
        b"window.YTD",
        b"{",
        b"[",
        b"\xEF\xBB\xBF[",
    ] {
        assert!(parse_any(input).is_err(), "{input:?}");
    }
}

#[test]
fn dates_parse() {
    assert_eq!(time::parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(
        time::parse_rfc3339("2024-03-01T12:00:00.123+02:00"),
        Some(1_709_287_200)
    );
    assert_eq!(time::parse_rfc3339("not a date"), None);
    assert_eq!(
        time::parse_rfc3339("2000-03-01T00:00:00Z"),
        Some(951_868_800)
    );
    assert_eq!(time::parse_rfc3339("2024-13-01T00:00:00Z"), None);
    assert_eq!(
        time::parse_twitter_date("Thu Jan 01 00:00:10 +0000 1970"),
        Some(10)
    );
}

#[test]
fn html_entities_and_breaks() {
    let status = html::read_status_html("<p>a &lt;b&gt; &#39;c&#x27;<br>d</p><p>e &unknown; f</p>");
    assert_eq!(status.text, "a <b> 'c'\nd\n\ne &unknown; f");
}

// Found by the `exports` fuzz target: a bare '&' followed by Japanese cut the 12-byte
// window looking for ';' inside a character, and reading the outbox panicked.
#[test]
fn a_bare_ampersand_before_any_script_is_kept() {
    assert_eq!(html::decode_entities("&aいいねと"), "&aいいねと");
    assert_eq!(html::decode_entities("&#x3042;&あ;"), "あ&あ;");
    let outbox = r#"{"type": "OrderedCollection", "orderedItems": [{"type": "Create",
        "object": {"type": "Note", "content": "<p>RT&aお願いします</p>"}}]}"#;
    let posts = parse_mastodon_outbox(outbox.as_bytes()).unwrap();
    assert_eq!(posts[0].text, "RT&aお願いします");
}

/// An outbox of `n_boosts` boosts and one note, by `actor`.
fn outbox_with_boosts(n_boosts: usize) -> String {
    let boosts: Vec<String> = (0..n_boosts)
        .map(|index| {
            format!(
                r#"{{"id": "https://social.example/users/ana/statuses/{index}/activity", "type": "Announce",
                   "actor": "https://social.example/users/ana", "object": "https://other.example/users/bob/statuses/{index}"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"type": "OrderedCollection", "orderedItems": [{}]}}"#,
        boosts.join(",")
    )
}

#[test]
fn boosts_are_reposts_not_copies() {
    use crate::score::Observation;
    let posts = parse_mastodon_outbox(outbox_with_boosts(30).as_bytes()).unwrap();
    assert!(posts
        .iter()
        .all(|post| post.is_repost && post.text.is_empty()));
    let observation = Observation::from_posts(&posts);
    assert_eq!(observation.counts.reposts, 30);
    assert_eq!(observation.counts.copies, 0);
    assert_eq!(observation.counts.items, 0);
}

/// Newer Mastodon servers address accounts by id: `/ap/users/<id>`.
const ID_FORM_OUTBOX: &str = r#"{
  "id": "https://big.example/ap/users/1100/outbox",
  "type": "OrderedCollection",
  "orderedItems": [
    {"type": "Create", "actor": "https://big.example/ap/users/1100",
     "object": {"id": "https://big.example/ap/users/1100/statuses/1", "type": "Note", "content": "<p>Part one</p>"}},
    {"type": "Create", "actor": "https://big.example/ap/users/1100",
     "object": {"id": "https://big.example/ap/users/1100/statuses/2", "type": "Note",
                "inReplyTo": "https://big.example/ap/users/1100/statuses/1", "content": "<p>Part two</p>"}},
    {"type": "Create", "actor": "https://big.example/ap/users/1100",
     "object": {"id": "https://big.example/ap/users/1100/statuses/3", "type": "Note",
                "inReplyTo": "https://big.example/ap/users/2200/statuses/9", "content": "<p>Nice one</p>"}}
  ]
}"#;

#[test]
fn id_form_addresses_are_read_and_self_replies_are_threads() {
    let posts = parse_mastodon_outbox(ID_FORM_OUTBOX.as_bytes()).unwrap();
    assert_eq!(posts[0].author.as_deref(), Some("1100@big.example"));
    assert_eq!(posts[1].reply_to.as_deref(), Some("1100@big.example"));
    assert_eq!(posts[2].reply_to.as_deref(), Some("2200@big.example"));
    let features = crate::score::Observation::from_posts(&posts);
    assert_eq!(features.counts.self_replies, 1);
    assert_eq!(features.counts.replies, 1);
    // With actor.json, the account is called by its name in either form.
    let actor = parse_mastodon_actor(
        br#"{"@context": "https://www.w3.org/ns/activitystreams", "type": "Person",
            "id": "https://big.example/ap/users/1100", "preferredUsername": "ana"}"#,
    )
    .unwrap();
    let posts = parse_mastodon_outbox_of(ID_FORM_OUTBOX.as_bytes(), Some(&actor)).unwrap();
    assert_eq!(posts[0].author.as_deref(), Some("ana@big.example"));
    assert_eq!(posts[1].reply_to.as_deref(), Some("ana@big.example"));
}

#[test]
fn a_duplicate_ordered_items_key_keeps_the_last() {
    // mastodon/mastodon#31091: some exports write the key twice.
    let outbox = r#"{"type": "OrderedCollection", "orderedItems": [],
      "orderedItems": [{"type": "Create", "actor": "https://s.example/users/ana",
        "object": {"id": "https://s.example/users/ana/statuses/1", "type": "Note", "content": "<p>Hi</p>"}}]}"#;
    let posts = parse_mastodon_outbox(outbox.as_bytes()).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].text, "Hi");
}

#[test]
fn other_mastodon_export_files_say_to_use_the_outbox() {
    let actor = br#"{"@context": "https://www.w3.org/ns/activitystreams", "type": "Person",
        "id": "https://s.example/users/ana", "outbox": "outbox.json"}"#;
    let error = parse_any(actor).unwrap_err();
    assert!(error.to_string().contains("use outbox.json"), "{error}");
    let likes =
        br#"{"@context": "https://www.w3.org/ns/activitystreams", "type": "OrderedCollection",
        "orderedItems": ["https://other.example/users/bob/statuses/1"]}"#;
    let error = parse_any(likes).unwrap_err();
    assert!(error.to_string().contains("use outbox.json"), "{error}");
}

#[test]
fn other_x_archive_files_say_to_use_tweets_js() {
    for (name, body) in [
        (
            "like",
            r#"[{"like": {"tweetId": "1", "fullText": "hello"}}]"#,
        ),
        (
            "account",
            r#"[{"account": {"accountId": "42", "username": "ana"}}]"#,
        ),
        ("follower", r#"[{"follower": {"accountId": "7"}}]"#),
    ] {
        let file = format!("window.YTD.{name}.part0 = {body}");
        let error = parse_any(file.as_bytes()).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(&format!("{name}.js")), "{message}");
        assert!(message.contains("use data/tweets.js"), "{message}");
    }
    assert!(parse_any(b"window.YTD.tweet.part0 = []").is_ok());
}

/// A reply at the start to someone without the "@" prefix (a quote-reply), then a long
/// self-thread: the account is the one replied to most without the prefix, or the one
/// `account.js` names.
#[test]
fn the_x_account_comes_from_the_archive_not_the_first_reply() {
    let mut tweets = vec![
        r#"{"tweet": {"id_str": "0", "full_text": "Agreed, and well put", "in_reply_to_status_id_str": "9",
            "in_reply_to_screen_name": "stray", "in_reply_to_user_id_str": "77"}}"#
            .to_string(),
    ];
    for index in 1..=6 {
        tweets.push(format!(
            r#"{{"tweet": {{"id_str": "{index}", "full_text": "Part {index} of the thread", "in_reply_to_status_id_str": "{}",
                "in_reply_to_screen_name": "Me_Myself", "in_reply_to_user_id_str": "42"}}}}"#,
            index - 1
        ));
    }
    let file = format!("window.YTD.tweets.part0 = [{}]", tweets.join(","));
    let posts = parse_x_tweets_js(file.as_bytes()).unwrap();
    assert!(posts
        .iter()
        .all(|post| post.author.as_deref() == Some("Me_Myself")));
    let observation = crate::score::Observation::from_posts(&posts);
    assert_eq!(observation.counts.self_replies, 6);
    assert_eq!(observation.counts.replies, 1);
    // account.js settles it even when the self-replies carry an old handle.
    let account = parse_x_account_js(
        br#"window.YTD.account.part0 = [{"account": {"accountId": "42", "username": "new_name"}}]"#,
    )
    .unwrap();
    let posts = parse_x_tweets_js_of(file.as_bytes(), Some(&account)).unwrap();
    assert_eq!(posts[3].reply_to.as_deref(), Some("new_name"));
    assert_eq!(posts[0].reply_to.as_deref(), Some("stray"));
    assert_eq!(posts[0].author.as_deref(), Some("new_name"));
}

/// Some archived replies carry the replied-to account's id but no handle (the account was
/// renamed or is gone) and, written without the "@", no mention either: the id still
/// names the person, so two such replies to one account are one person, not none.
#[test]
fn a_reply_without_the_handle_is_to_the_person_its_id_names() {
    let tweets: Vec<String> = [("1", "23741945"), ("2", "23741945"), ("3", "555")]
        .iter()
        .map(|(id, user)| {
            format!(
                r#"{{"tweet": {{"id_str": "{id}", "full_text": "Good point, number {id}", "in_reply_to_status_id_str": "9{id}",
                    "in_reply_to_user_id_str": "{user}"}}}}"#
            )
        })
        .collect();
    let file = format!("window.YTD.tweets.part0 = [{}]", tweets.join(","));
    let posts = parse_x_tweets_js(file.as_bytes()).unwrap();
    assert_eq!(posts[0].reply_to.as_deref(), Some("23741945"));
    let observation = crate::score::Observation::from_posts(&posts);
    assert_eq!(observation.counts.replies, 3);
    assert_eq!(observation.n_people(), 2);
}
