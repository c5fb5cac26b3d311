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
