//! Unit tests of reading one account from several files (`src/export/account.rs`).

use super::*;

const PLAIN: &[u8] =
    br#"[{"id": "1", "text": "Thanks! How did you fix it?", "isReply": true, "replyTo": "ana"},
  {"id": "2", "text": "Shipping the new parser today."}]"#;

const OUTBOX: &[u8] = br#"{"@context": "https://www.w3.org/ns/activitystreams", "orderedItems": [
  {"type": "Create", "published": "2024-03-01T10:00:00Z",
   "object": {"id": "https://social.example/users/ana/statuses/1", "type": "Note",
              "content": "<p>Hello</p>", "published": "2024-03-01T10:00:00Z"}}]}"#;

#[test]
fn files_merge_into_one_account_with_the_first_format() {
    let mut account = Account::default();
    let added = account.add_file("posts.json", PLAIN).unwrap();
    assert_eq!(added.format, Some(ExportFormat::PlainJson));
    assert_eq!(added.posts, Some(2));
    let added = account.add_file("outbox.json", OUTBOX).unwrap();
    assert_eq!(added.format, Some(ExportFormat::MastodonOutbox));
    assert_eq!(account.format, Some(ExportFormat::PlainJson));
    assert_eq!(account.posts.len(), 3);
    assert_eq!(account.files, ["posts.json", "outbox.json"]);
    assert_eq!(account.badge(), badge_for(account.format, &account.posts));
}

#[test]
fn a_bad_file_leaves_the_account_as_it_was() {
    let mut account = Account::default();
    account.add_file("posts.json", PLAIN).unwrap();
    let error = account
        .add_file("cut.json", b"[\n{\"text\": \"a\"},\n{\"text\" 1}]")
        .unwrap_err();
    assert_eq!(
        (error.kind, error.line, error.file.as_str()),
        ("syntax", 3, "cut.json")
    );
    // The caret falls under the problem in the excerpt.
    assert_eq!(&error.excerpt[error.excerpt_column..], "1}]");
    assert_eq!(account.posts.len(), 2);
    assert_eq!(account.files, ["posts.json"]);
    let error = account.add_file("photo.png", b"\x89PNG").unwrap_err();
    assert_eq!((error.kind, error.excerpt.as_str()), ("unrecognised", ""));
    assert!(!serde_json::to_string(&Added::failed(*error))
        .unwrap()
        .contains("format"));
}

#[test]
fn pasted_text_is_an_export_or_else_posts_as_plain_text() {
    let mut account = Account::default();
    let added = account
        .add_text("pasted", std::str::from_utf8(PLAIN).unwrap())
        .unwrap();
    assert_eq!(added.format, Some(ExportFormat::PlainJson));
    let added = account
        .add_text(
            "pasted",
            "@ana Thanks, that fixed it!\n\nNew post about #rust",
        )
        .unwrap();
    assert_eq!(
        (added.format, added.format_name, added.posts),
        (None, Some(PLAIN_TEXT_NAME), Some(2))
    );
    assert_eq!(account.posts.len(), 4);
    // Empty text is an empty file, not zero posts.
    assert_eq!(
        account.add_text("empty", "  \n").unwrap_err().kind,
        "unrecognised"
    );
}

/// Plain posts are not a whole history (no replies there says nothing); an export is.
#[test]
fn only_an_export_is_the_whole_history() {
    let words = ["rain", "sun", "snow", "wind", "fog", "hail"];
    let posts: Vec<Post> = (0..12)
        .map(|index| Post {
            id: Some(index.to_string()),
            text: format!(
                "{} here, {} tomorrow",
                words[index % 6],
                words[(index / 6 + index) % 6]
            ),
            ..Post::default()
        })
        .collect();
    assert_eq!(badge_for(None, &posts).score, None);
    assert_eq!(badge_for(Some(ExportFormat::PlainJson), &posts).score, None);
    let export = badge_for(Some(ExportFormat::MastodonOutbox), &posts);
    assert!(export.score.is_some(), "{export:?}");
}

#[test]
fn read_export_reads_the_file_beside_only_for_its_format() {
    let asked = std::cell::RefCell::new(Vec::new());
    let beside = |name: &str| {
        asked.borrow_mut().push(name.to_string());
        None
    };
    read_export(OUTBOX, beside).unwrap();
    read_export(PLAIN, beside).unwrap();
    assert_eq!(*asked.borrow(), ["actor.json"]);
}
