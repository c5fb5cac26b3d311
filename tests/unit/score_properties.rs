//! Property tests of the conversation-quality model (`src/score/`): the invariants that
//! make the score hard to game and independent of how a page happened to list posts.

use super::*;
use proptest::prelude::*;

/// Sentences of every kind the model reacts to, so random profiles exercise every bar.
const SENTENCES: [&str; 16] = [
    "Thanks, that helps a lot!",
    "How did you fix the build in the end?",
    "I think it depends on the team, because small teams move faster.",
    "So sorry to hear that, take care.",
    "Like and share if you agree!!!",
    "Use code SAVE20 for 20% off, link in bio",
    "Wrong. You're an idiot.",
    "These people never learn.",
    "New post on the blog today.",
    "The train was late again this morning.",
    "¿Cómo lo resolviste? ¡Gracias!",
    "ありがとうございます。どうやって解決しましたか？",
    "#one #two #three #four",
    "https://example.com/link",
    "Good point, I agree.",
    "Rain all weekend, the garden is happy.",
];
const PEOPLE: [&str; 6] = ["ana", "bo", "chen", "dee", "eli", "fay"];

fn post_strategy() -> impl Strategy<Value = Post> {
    (
        0..SENTENCES.len(),
        0..SENTENCES.len(),
        any::<bool>(),
        0..PEOPLE.len(),
        proptest::option::of(0..4u8),
        any::<bool>(),
        proptest::option::of(0..1_000_000i64),
    )
        .prop_map(
            |(first, second, is_reply, person, thread, is_repost, time)| Post {
                id: None,
                text: format!("{} {}", SENTENCES[first], SENTENCES[second]),
                is_reply,
                reply_to: is_reply.then(|| PEOPLE[person].to_string()),
                thread: thread.map(|thread| format!("t{thread}")),
                time,
                is_repost: is_repost && !is_reply && first % 5 == 0,
                ..Post::default()
            },
        )
}

/// Profiles with unique ids, as every site and export gives them.
fn profile_strategy() -> impl Strategy<Value = Vec<Post>> {
    proptest::collection::vec(post_strategy(), 0..60).prop_map(|mut posts| {
        for (index, post) in posts.iter_mut().enumerate() {
            post.id = Some(format!("p{index}"));
        }
        posts
    })
}

fn dialogue(badge: &Badge) -> Option<u8> {
    badge.bars[0].value
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_genuine_reply_to_a_new_person_never_lowers_dialogue(
        posts in profile_strategy(),
        sentence in 0..SENTENCES.len(),
        thread in proptest::option::of(0..4u8),
    ) {
        let before = dialogue(&score_posts(&posts));
        let mut with_reply = posts.clone();
        with_reply.push(Post {
            id: Some("new-reply".into()),
            text: SENTENCES[sentence].into(),
            is_reply: true,
            reply_to: Some("someone_new".into()),
            thread: thread.map(|thread| format!("t{thread}")),
            ..Post::default()
        });
        let after = dialogue(&score_posts(&with_reply));
        if let Some(before) = before {
            prop_assert!(after.is_some_and(|after| after >= before), "{before} → {after:?}");
        }
    }

    #[test]
    fn duplicating_a_post_never_raises_the_score(
        posts in profile_strategy(),
        pick in any::<prop::sample::Index>(),
        new_id in any::<bool>(),
    ) {
        prop_assume!(!posts.is_empty());
        let before = score_posts(&posts).score;
        let mut duplicated = posts.clone();
        let mut copy = posts[pick.index(posts.len())].clone();
        if new_id {
            // A copy-paste published as a new post.
            copy.id = Some("copy".into());
        }
        duplicated.push(copy);
        let after = score_posts(&duplicated).score;
        match (before, after) {
            (None, None) => {}
            (Some(before), Some(after)) => prop_assert!(after <= before, "{before} → {after}"),
            (before, after) => prop_assert!(false, "{before:?} → {after:?}"),
        }
    }

    #[test]
    fn the_score_does_not_depend_on_post_order_when_time_is_unknown(
        posts in profile_strategy().prop_map(|posts| {
            posts.into_iter().map(|post| Post { time: None, ..post }).collect::<Vec<_>>()
        }).prop_shuffle(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = posts.clone();
        // A deterministic reordering from the seed: rotate, then reverse half the time.
        if !shuffled.is_empty() {
            let rotation = (seed as usize) % shuffled.len();
            shuffled.rotate_left(rotation);
        }
        if seed % 2 == 0 {
            shuffled.reverse();
        }
        prop_assert_eq!(score_posts(&posts), score_posts(&shuffled));
    }

    #[test]
    fn every_value_lies_in_its_range(posts in profile_strategy()) {
        let badge = score_posts(&posts);
        if let (Some(low), Some(score), Some(high)) = (badge.score_low, badge.score, badge.score_high) {
            prop_assert!(low <= score && score <= high, "{low} {score} {high}");
        }
        for bar in &badge.bars {
            if let (Some(low), Some(value), Some(high)) = (bar.low, bar.value, bar.high) {
                prop_assert!(low <= value && value <= high, "{bar:?}");
            }
        }
    }

    #[test]
    fn an_observation_round_trips_through_json_and_scores_the_same(posts in profile_strategy()) {
        let observation = Observation::from_posts(&posts);
        prop_assert_eq!(observation.validate(), Ok(()));
        let json = serde_json::to_string(&observation).unwrap();
        let restored: Observation = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(score_observation(&restored), score_posts(&posts));
    }

    #[test]
    fn adding_the_same_visit_twice_changes_nothing(posts in profile_strategy()) {
        let mut observation = Observation::from_posts(&posts);
        observation.add_posts(&posts);
        prop_assert_eq!(score_observation(&observation), score_posts(&posts));
    }

    #[test]
    fn splitting_posts_across_visits_gives_the_same_badge(
        posts in profile_strategy(),
        split in any::<prop::sample::Index>(),
    ) {
        let split = if posts.is_empty() { 0 } else { split.index(posts.len()) };
        let whole = Observation::from_posts(&posts);
        let mut observation = Observation::from_posts(&posts[..split]);
        observation.add_posts(&posts[split..]);
        // Copies under a new id are only recognised within one call (ids are what is
        // stored), so the badges match exactly when there are none.
        if whole.counts.copies == 0 {
            prop_assert_eq!(score_observation(&observation), score_posts(&posts));
        }
        // Merging two observations of different posts also adds up, except for repeats
        // across the two: a merge sees hashes of the other's posts, not their features.
        if whole.counts.copies == 0 && whole.counts.template_repeats == 0 {
            let mut merged = Observation::from_posts(&posts[..split]);
            merged.merge(&Observation::from_posts(&posts[split..]));
            prop_assert_eq!(merged.counts, whole.counts);
        }
    }
}
