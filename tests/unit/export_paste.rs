//! Unit tests of the pasted-conversation reader (`src/export/paste.rs`).

use super::*;

#[test]
fn markers_make_a_thread() {
    let conversation = read_conversation(
        "@ana: Has anyone profiled the new parser?\n\
         ↳ @bob: Yes. What input did you use?\n\
         ↳ ↳ @ana: Mostly large JSON exports. Thanks!\n\
         > @carol: Not yet, but I will this week.\n\
         and that continues carol's post",
    );
    assert_eq!(conversation.mode, "threaded");
    let shape: Vec<_> = conversation
        .posts
        .iter()
        .map(|post| {
            (
                post.line,
                post.handle.as_str(),
                post.depth,
                post.reply_to.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        [
            (1, "ana", 0, None),
            (2, "bob", 1, Some("ana")),
            (3, "ana", 2, Some("bob")),
            (4, "carol", 1, Some("ana")),
        ]
    );
    assert!(conversation.posts[3]
        .text
        .ends_with("continues carol's post"));
    assert!(conversation.posts[1]
        .signals
        .contains(&"follow-up-question"));
    let handles: Vec<_> = conversation
        .participants
        .iter()
        .map(|p| p.handle.as_str())
        .collect();
    assert_eq!(handles, ["ana", "bob", "carol"]);
    let ana = &conversation.participants[0];
    assert_eq!((ana.posts, ana.replies, ana.people), (2, 1, 1));
    assert_eq!(ana.badge.label, "not-enough-to-judge");
    assert!(conversation.warnings.is_empty());
}

#[test]
fn without_markers_it_is_a_chat() {
    let conversation = read_conversation("@ana: hi\n@ANA: still me\n@bob: hello ana");
    assert_eq!(conversation.mode, "chat");
    let replies: Vec<_> = conversation
        .posts
        .iter()
        .map(|post| post.reply_to.as_deref())
        .collect();
    // Each message answers the previous message by someone else; handles ignore case.
    assert_eq!(replies, [None, None, Some("ANA")]);
    assert_eq!(conversation.participants.len(), 2);
}

#[test]
fn unreadable_lines_are_warned_about() {
    let conversation =
        read_conversation("no handle here\n> @a: a reply to nothing\nhttps://x.example: a link");
    assert_eq!(
        conversation.warnings,
        [
            "line 1: no \"@handle:\" at the start, so it was skipped",
            "line 2: a reply with nothing above it to reply to",
        ]
    );
    // A link is not a handle: that line continues the post above.
    assert_eq!(conversation.posts.len(), 1);
    assert!(conversation.posts[0].text.contains("https://x.example"));
}

/// The signals are the reasons read from words, one list with the badge's.
#[test]
fn signals_come_from_the_reason_kinds() {
    let ids: Vec<_> = signals().map(|signal| (signal.id, signal.raises)).collect();
    assert_eq!(
        ids,
        [
            ("follow-up-question", true),
            ("acknowledgement", true),
            ("reasoning", true),
            ("warmth", true),
            ("curt-contradiction", false),
            ("engagement-bait", false),
            ("selling", false),
            ("incivility", false),
            ("us-versus-them", false),
        ]
    );
    let conversation =
        read_conversation("@a: LIKE and SHARE if you agree!!! Tag three friends\n@b: ok");
    let bait = &conversation.participants[0].signals;
    assert_eq!(
        (bait[0].id, bait[0].effect, bait[0].count),
        ("engagement-bait", "lowers", 1)
    );
}
