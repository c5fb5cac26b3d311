//! Unit tests of the conversation-quality model (`src/score/`).

use super::*;

fn reply(index: usize, person: &str, text: &str) -> Post {
    Post {
        id: Some(format!("r{index}")),
        text: text.into(),
        is_reply: true,
        reply_to: Some(person.into()),
        ..Post::default()
    }
}

#[test]
fn tiny_sample_is_not_enough_to_judge() {
    let posts: Vec<Post> = (0..5).map(|index| reply(index, "ana", "Thanks!")).collect();
    let badge = score_posts(&posts);
    assert_eq!(badge.score, None);
    assert_eq!(badge.label, "not-enough-to-judge");
    assert_eq!(badge.reasons[0].id, "too-few-posts");
}
