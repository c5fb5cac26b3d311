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

/// The phrase index must find exactly what searching for every phrase finds.
#[test]
fn phrase_index_agrees_with_the_naive_search() {
    use super::lexicon::{matched_lists, ListKind, ALL_LEXICONS};
    use super::text::PreparedText;
    let tweets = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/profiles/real/vader_tweets_GroundTruth.txt"
    ))
    .unwrap();
    let extra = [
        "Congratulations!! So proud of you",
        "¿Cómo lo resolviste? Muchas gracias",
        "Wrong. You're an idiot.",
        "ありがとうございます。どうやって解決しましたか？",
        "i'm not sure, it depends on the data, e.g. the 2019 study",
    ];
    for text in tweets
        .lines()
        .filter_map(|line| line.splitn(3, '\t').nth(2))
        .chain(extra)
    {
        let prepared = PreparedText::new(text);
        let fast = matched_lists(&prepared);
        for kind in ListKind::ALL {
            let slow = ALL_LEXICONS.iter().any(|lexicon| {
                if lexicon.spaced {
                    prepared.has_any_phrase(kind.list(lexicon))
                } else {
                    prepared.has_kana_or_kanji && prepared.has_any_substring(kind.list(lexicon))
                }
            });
            assert_eq!(fast.contains(kind), slow, "{kind:?} on {text:?}");
        }
    }
}

#[test]
fn bait_with_a_request_for_help_is_not_bait() {
    let flags = post_flags(&Post {
        text: "Any advice on fixing a leaky tap? Let me know in the comments".into(),
        ..Post::default()
    });
    assert!(!flags.bait);
    let flags = post_flags(&Post {
        text: "LIKE and SHARE if you agree!!!".into(),
        ..Post::default()
    });
    assert!(flags.bait);
}

#[test]
fn sentiment_is_not_warmth() {
    // Enthusiasm with bait is bait; a plain complaint is not incivility.
    let bait = post_flags(&Post {
        text: "Amazing!!! LIKE and SHARE if you love this 😍😍".into(),
        ..Post::default()
    });
    assert!(bait.bait);
    assert!(!bait.compassion);
    let complaint = post_flags(&Post {
        text: "Ugh, this weather is awful and the train is late again.".into(),
        ..Post::default()
    });
    assert!(!complaint.incivility);
}

#[test]
fn lexical_features_read_six_languages() {
    assert_eq!(
        lexicon_languages(),
        vec!["en", "es", "de", "fr", "pt", "ja"]
    );
    let questions = [
        "¿Cómo lo resolviste?",
        "Wie hast du das gelöst?",
        "Comment tu as fait ?",
        "Como você resolveu isso?",
        "どうやって解決しましたか",
    ];
    for text in questions {
        let flags = post_flags(&Post {
            text: text.into(),
            is_reply: true,
            reply_to: Some("ana".into()),
            ..Post::default()
        });
        assert!(flags.follow_up_question, "{text}");
    }
    for text in [
        "Muchas gracias",
        "Vielen Dank",
        "Merci beaucoup",
        "Muito obrigada",
        "ありがとうございます",
    ] {
        assert!(
            post_flags(&Post {
                text: text.into(),
                ..Post::default()
            })
            .acknowledgement,
            "{text}"
        );
    }
    for text in [
        "Dale like si estás de acuerdo",
        "Like wenn du zustimmst",
        "Partage si tu es d'accord",
        "Curte se você concorda",
        "いいねとRTお願いします",
    ] {
        assert!(
            post_flags(&Post {
                text: text.into(),
                ..Post::default()
            })
            .bait,
            "{text}"
        );
    }
}

#[test]
fn self_replies_are_threads_not_dialogue() {
    let posts: Vec<Post> = (0..12)
        .map(|index| Post {
            id: Some(index.to_string()),
            text: format!("Part {index} of my thread about bridges and their history"),
            is_reply: true,
            reply_to: Some("me".into()),
            author: Some("me".into()),
            ..Post::default()
        })
        .collect();
    let observation = Observation::from_posts(&posts);
    assert_eq!(observation.counts.replies, 0);
    assert_eq!(observation.counts.self_replies, 12);
}

#[test]
fn an_export_without_replies_is_judged_a_broadcaster() {
    let posts: Vec<Post> = (0..40)
        .map(|index| Post {
            id: Some(index.to_string()),
            text: format!(
                "Market note: {} moved today, and the chart says {} about {}",
                ["yields", "stocks", "oil", "gold", "rents"][index % 5],
                [
                    "little",
                    "a lot",
                    "nothing new",
                    "plenty",
                    "much more",
                    "less",
                    "enough",
                    "the opposite"
                ][index / 5],
                [
                    "rates",
                    "jobs",
                    "housing",
                    "energy",
                    "food",
                    "wages",
                    "trade",
                    "transport"
                ][index % 8],
            ),
            ..Post::default()
        })
        .collect();
    assert_eq!(score_posts(&posts).score, None);
    let badge = score_observation(&Observation::from_posts(&posts).with_history_complete());
    assert_eq!(badge.label, "broadcaster");
    assert!(badge.score.is_some());
}

#[test]
fn unknown_bars_are_unknown_not_zero() {
    let posts: Vec<Post> = (0..12)
        .map(|index| Post {
            id: Some(index.to_string()),
            text: format!("A post about walking number {index} in the park"),
            ..Post::default()
        })
        .collect();
    let badge = score_posts(&posts);
    assert_eq!(
        badge.bars[0].value, None,
        "Dialogue: the replies tab was not loaded"
    );
    assert_eq!(badge.bars[1].value, None, "Openness: nobody was addressed");
    assert!(badge.bars[3].value.is_some());
}

#[test]
fn observation_validation_rejects_corruption() {
    let mut observation = Observation::default();
    assert_eq!(observation.validate(), Ok(()));
    observation.v = 99;
    assert_eq!(
        observation.validate(),
        Err(ObservationError::Version { found: 99 })
    );
    observation.v = OBSERVATION_VERSION;
    observation.counts.replies = 3;
    assert!(observation.validate().is_err());
    observation.counts.items = 3;
    observation.counts.addressed = 3;
    assert_eq!(observation.validate(), Ok(()));
    observation.seen_posts.push(1 << 40);
    assert!(observation.validate().is_err());
}

#[test]
fn wilson_interval_matches_a_known_value() {
    // 8 of 10 at 95 %: (0.490, 0.943).
    let (low, high) = wilson_interval(8.0, 10.0);
    assert!(
        (low - 0.490).abs() < 0.001 && (high - 0.943).abs() < 0.001,
        "{low} {high}"
    );
}

#[test]
fn badge_json_shape_is_stable() {
    let badge = score_posts(&[]);
    let json = serde_json::to_value(&badge).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "bars",
            "confidence",
            "label",
            "labelName",
            "reasons",
            "score",
            "scoreHigh",
            "scoreLow",
            "v"
        ]
    );
    assert_eq!(json["confidence"]["band"], "none");
    assert_eq!(json["bars"][2]["name"], "Substance & warmth");
}

#[test]
fn identical_replies_to_different_people_are_copies() {
    let mut posts: Vec<Post> = (0..12)
        .map(|index| {
            reply(
                index,
                &format!("person{index}"),
                "Wake up, this is exactly what they want you to believe",
            )
        })
        .collect();
    posts.push(reply(99, "ana", "Thanks!"));
    posts.push(reply(100, "bob", "Thanks!"));
    let observation = Observation::from_posts(&posts);
    // The eleven pasted after the first repeat it (its template), whoever they went to.
    assert_eq!(
        observation.counts.copies + observation.counts.template_repeats,
        11
    );
    // A short "Thanks!" to two people is two replies, not a repeat.
    assert_eq!(observation.counts.replies, 14);
}

#[test]
fn hostile_questions_are_not_follow_up_questions() {
    for text in [
        "Are you kidding me?",
        "How stupid can you be?",
        "Bist du blöd?",
        "Who asked you, clown?",
        "¿Qué te pasa?",
        "Tá de brincadeira?",
    ] {
        let flags = post_flags(&reply(0, "ana", text));
        assert!(flags.question, "{text}");
        assert!(!flags.follow_up_question, "{text}");
    }
    assert!(post_flags(&reply(0, "ana", "How did you measure that?")).follow_up_question);
}

#[test]
fn follow_up_questions_are_counted_in_replies_only() {
    // Questions in posts that only mention someone are not follow-ups of a reply.
    let mut posts: Vec<Post> = (0..10)
        .map(|index| Post {
            id: Some(format!("m{index}")),
            text: format!("Hey @friend{index}, what do you think of the new park?"),
            mentions: vec![format!("friend{index}")],
            ..Post::default()
        })
        .collect();
    posts.extend((0..5).map(|index| reply(index, &format!("p{index}"), "Nice, congrats!")));
    let badge = score_observation(&Observation::from_posts(&posts).with_history_complete());
    let observation = Observation::from_posts(&posts);
    assert_eq!(observation.counts.follow_up_questions, 0);
    assert!(
        badge
            .reasons
            .iter()
            .all(|reason| reason.id != "follow-up-questions"),
        "{:?}",
        badge.reasons
    );
}

#[test]
fn incivility_is_caught_in_german_and_english() {
    for text in [
        "Du Vollpfosten, verpiss dich",
        "Halt die Fresse, du Abschaum",
        "Was für ein Drecksack",
        "You subhuman vermin",
        "Traitors like you deserve to die",
        "What a scumbag",
    ] {
        assert!(post_flags(&reply(0, "ana", text)).incivility, "{text}");
    }
    assert!(!post_flags(&reply(0, "ana", "Ich bin heute so müde")).incivility);
}

#[test]
fn bare_links_are_sharing_and_announcements_are_promotion() {
    let bare = Post {
        text: "https://video.example/watch?v=abc".into(),
        links: vec!["https://video.example/watch?v=abc".into()],
        ..Post::default()
    };
    assert!(!post_flags(&bare).selling);
    for text in [
        "New video up! https://video.example/v/1",
        "New episode is out https://pod.example/42",
        "Neue Folge ist da: https://pod.example/43",
    ] {
        assert!(
            post_flags(&Post {
                text: text.into(),
                ..Post::default()
            })
            .selling,
            "{text}"
        );
    }
}

// A stored observation is read from storage a page's own script cannot write, but a
// corrupt or crafted one must not take the engine down: four billion people folded into
// the overflow once meant a share each (32 GB). Inconsistent overflows are refused, and
// the entropy never allocates per person, even for a consistent huge one.
#[test]
fn a_huge_overflow_is_refused_or_read_without_allocating() {
    let crafted: Observation =
        serde_json::from_str(r#"{"v":1,"overflow":{"people":4000000000}}"#).unwrap();
    assert!(crafted.validate().is_err(), "more people than replies");
    let mut huge = Observation::default();
    huge.counts.items = 4_000_000_000;
    huge.counts.replies = 4_000_000_000;
    huge.counts.addressed = 4_000_000_000;
    huge.overflow.people = 4_000_000_000;
    huge.overflow.people_replies = 4_000_000_000;
    assert_eq!(huge.validate(), Ok(()));
    assert!((huge.effective_people() - 4e9).abs() < 1e3);
    assert!(score_observation(&huge).score.is_some());
    // The closed form equals a share per person.
    let small = Observation {
        people: vec![HashCount(1, 3), HashCount(2, 1)],
        overflow: Overflow {
            people: 2,
            people_replies: 4,
            back_and_forth: 0,
        },
        ..Observation::default()
    };
    let shares = [3.0, 1.0, 2.0, 2.0_f64];
    let entropy: f64 = shares.iter().map(|s| -(s / 8.0) * (s / 8.0).ln()).sum();
    assert!((small.effective_people() - entropy.exp()).abs() < 1e-12);
}

#[test]
fn a_single_post_takes_a_singular_verb_in_the_reasons() {
    // "1 post give reasons" was printed for one reasoning post among plain replies.
    let mut posts: Vec<Post> = (0..10)
        .map(|index| reply(index, &format!("p{index}"), "Sounds good to me."))
        .collect();
    posts.push(reply(10, "p10", "I disagree, because the tests run twice."));
    posts.push(reply(11, "p11", "So sorry for your loss."));
    let badge = score_observation(&Observation::from_posts(&posts).with_history_complete());
    let texts: Vec<&str> = badge
        .reasons
        .iter()
        .map(|reason| reason.text.as_str())
        .collect();
    for (id, text) in [
        ("reasoning", "1 post gives reasons, examples or caveats"),
        (
            "warmth",
            "1 post offers sympathy, encouragement or congratulations",
        ),
    ] {
        if let Some(reason) = badge.reasons.iter().find(|reason| reason.id == id) {
            assert_eq!(reason.text, text, "{texts:?}");
        }
    }
    for id in ["reasoning", "warmth"] {
        assert!(
            badge.reasons.iter().any(|reason| reason.id == id),
            "{id} missing from {texts:?}"
        );
    }
}

/// A whole history that mostly passes others' posts on (an X archive of retweets, a
/// Mastodon outbox of boosts) is a broadcaster's, not too little to judge: the reposts
/// are what the account put out. On a page, where reposts are a chosen few, they still
/// do not make up for too few posts.
#[test]
fn a_history_of_reposts_is_a_broadcaster_not_too_little_to_judge() {
    let mut posts: Vec<Post> = (0..12)
        .map(|index| Post {
            id: Some(format!("rt{index}")),
            text: format!("RT @source{index}: something worth passing on, number {index}"),
            is_repost: true,
            ..Post::default()
        })
        .collect();
    posts.push(Post {
        id: Some("own".into()),
        text: "A short note of my own about the weekend".into(),
        ..Post::default()
    });
    posts.push(reply(0, "ana", "Nice one, thanks for sharing it"));

    let badge = score_observation(&Observation::from_posts(&posts).with_history_complete());
    assert_eq!(badge.label, "broadcaster");
    let score = badge
        .score
        .expect("a whole history of 14 posts and reposts is scored");
    assert!(score < 30, "one reply in 14 is little dialogue: {score}");
    let few_replies = badge
        .reasons
        .iter()
        .find(|reason| reason.id == "few-replies")
        .expect("the reasons say how few of them are replies");
    assert_eq!(
        few_replies.text,
        "Only 1 of 14 posts and reposts are replies to someone"
    );

    let page = score_observation(&Observation::from_posts(&posts));
    assert_eq!(page.label, "not-enough-to-judge");
}

/// Openness and Substance & warmth are read from word lists in six languages. An account
/// that writes in another script (here Chinese: ideographs without kana) is not "closed"
/// or "empty" for the lists finding nothing: those bars are unknown, the score rests on
/// the structure (replies, people, turns), and the first reason says why. Japanese,
/// which mixes ideographs with kana, is still read.
#[test]
fn posts_in_a_language_no_word_list_reads_leave_the_lexical_bars_unknown() {
    let chinese_replies = [
        "對啊，我也是這樣想的",
        "哈哈，這個好玩",
        "明天一起去吃飯吧",
        "因為伺服器太慢了",
        "我覺得還可以再改一下",
    ];
    let mut posts: Vec<Post> = (0..10)
        .map(|index| {
            // A second turn in each conversation says something new.
            let text = if index < 5 {
                chinese_replies[index].to_string()
            } else {
                format!(
                    "{}，{}",
                    chinese_replies[index % 5],
                    chinese_replies[(index + 1) % 5]
                )
            };
            let mut post = reply(
                index,
                ["wei", "lin", "chen", "zhou", "wang"][index % 5],
                &text,
            );
            post.thread = Some(format!("thread{}", index % 5));
            post
        })
        .collect();
    for index in 0..6 {
        posts.push(Post {
            id: Some(format!("own{index}")),
            text: format!("今天在家裡架了自己的伺服器，第{index}次嘗試"),
            ..Post::default()
        });
    }
    let observation = Observation::from_posts(&posts).with_history_complete();
    let badge = score_observation(&observation);
    assert_eq!(
        badge.bars[1].value, None,
        "Openness is not read from Chinese"
    );
    assert_eq!(badge.bars[2].value, None, "nor Substance & warmth");
    assert_eq!(badge.reasons[0].id, "unread-language");
    assert_eq!(
        badge.reasons[0].text,
        "16 of 16 posts are in a language the word lists do not read: Openness and Substance unknown"
    );
    assert_eq!(
        badge.label, "conversationalist",
        "10 of 16 posts answer 5 people, each twice"
    );

    let japanese: Vec<Post> = (0..10)
        .map(|index| {
            let text = format!("ありがとうございます。{index}番目はどうやって解決しましたか？");
            reply(index, ["aoi", "ren"][index % 2], &text)
        })
        .collect();
    let badge = score_observation(&Observation::from_posts(&japanese).with_history_complete());
    assert!(badge.bars[1].value.is_some(), "Japanese is read");
}

/// Replies that answer many people in plain statements: no question, no thanks, so the
/// lexical bars stay low and the score under the Conversationalist's 55.
fn plain_replies(n_replies: usize) -> Vec<Post> {
    let statements = [
        "The library rooms are free for nonprofits here, booking takes two minutes",
        "That release moved the config into one file, the old flags still work",
        "Our power was back by the evening, the whole street had lost it",
        "The spec says the attribute is boolean, so its value is ignored",
        "I had the same crash on the old driver, the new one fixed it",
        "The bus on weekends runs every half hour from the station",
        "My grandmother made it with plums instead of apples, just as good",
        "The museum reopened last month with the east wing closed",
        "That road floods after heavy rain, the bridge route is longer but dry",
        "Version two dropped the plugin system entirely, which broke my setup",
    ];
    let people = ["ana", "ben", "chloe", "dev", "emre", "femi", "gus", "hana"];
    (0..n_replies)
        .map(|index| {
            let text = statements[index % statements.len()];
            let mut post = reply(index, people[index % people.len()], text);
            // Five threads, so most conversations get a second turn.
            post.thread = Some(format!("thread-{}", index % 5));
            post
        })
        .collect()
}

fn own_posts(n_posts: usize) -> Vec<Post> {
    let texts = [
        "Spent the afternoon fixing the shed roof",
        "First frost this morning, the tomatoes did not make it",
        "Finished the long novel about the lighthouse keeper",
        "New bike lane on the high street is finally open",
        "Made soup from whatever was left in the fridge",
        "The cat has claimed the new armchair as hers",
        "Trying to learn the cello at forty, slowly",
        "Rain all week, the garden is a pond",
        "Moved the desk to the window and work feels lighter",
        "Old photos from the attic, mostly of hats",
    ];
    (0..n_posts)
        .map(|index| Post {
            id: Some(format!("own{index}")),
            text: texts[index % texts.len()].into(),
            ..Post::default()
        })
        .collect()
}

fn reposts(n_reposts: usize) -> Vec<Post> {
    (0..n_reposts)
        .map(|index| Post {
            id: Some(format!("rt{index}")),
            text: format!("RT @news{index}: a story worth passing on"),
            is_repost: true,
            ..Post::default()
        })
        .collect()
}

/// In a whole history, an account at least half of whose own posts answer other people
/// converses, even when it asks and thanks in none of the words the lists read: the
/// reply structure says so. Under half, or on a page (where the share only says which
/// tab was open), the score's bar still decides.
#[test]
fn an_export_mostly_answering_people_is_a_conversationalist_in_plain_words() {
    let mut posts = plain_replies(10);
    posts.extend(own_posts(8));
    posts.extend(reposts(4));
    let export = score_observation(&Observation::from_posts(&posts).with_history_complete());
    let score = export.score.expect("22 posts and reposts are scored");
    assert!(score < 55, "the words alone do not reach the bar: {score}");
    assert_eq!(
        export.label, "conversationalist",
        "10 of 18 own posts answer 8 people: {export:?}"
    );

    let page = score_observation(&Observation::from_posts(&posts));
    assert_eq!(
        page.label, "balanced",
        "a page's share is the tab's: {page:?}"
    );

    let mut fewer = plain_replies(8);
    fewer.extend(own_posts(10));
    let fewer = score_observation(&Observation::from_posts(&fewer).with_history_complete());
    assert_eq!(fewer.label, "balanced", "8 of 18 is under half: {fewer:?}");
}

/// The profiles of the evaluation corpus (`tests/profiles/*.json`), as observations.
fn corpus_observations() -> Vec<(String, Observation)> {
    let directory = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/profiles");
    let mut paths: Vec<_> = std::fs::read_dir(directory)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let posts = crate::export::parse_plain_posts(&bytes).unwrap();
            (path.display().to_string(), Observation::from_posts(&posts))
        })
        .collect()
}

/// The reasons follow the model's weights: with every term's weight at zero but one, the
/// reason that term ranks comes first wherever it applies. Reasons that kept weights of
/// their own would rank by those and fail here.
#[test]
fn reasons_follow_the_model_weights() {
    use super::model::{run_with, Term, Weights};
    use super::reasons::{ranked, REASON_KINDS};
    let only = |kept: Term| {
        let mut weights = Weights::MODEL;
        for term in Term::ALL.into_iter().filter(|term| *term != kept) {
            let weight = match term {
                Term::ReplyShare => &mut weights.reply_share,
                Term::Breadth => &mut weights.breadth,
                Term::BackAndForth => &mut weights.back_and_forth,
                Term::FollowUpQuestions => &mut weights.follow_up_questions,
                Term::Acknowledgements => &mut weights.acknowledgements,
                Term::CurtPenalty => &mut weights.curt_penalty,
                Term::Reasoning => &mut weights.reasoning,
                Term::FirstPerson => &mut weights.first_person,
                Term::Compassion => &mut weights.compassion,
                Term::Length => &mut weights.length,
                Term::Bait => &mut weights.bait,
                Term::Selling => &mut weights.selling,
                Term::HashtagStuffing => &mut weights.hashtag_stuffing,
                Term::Repeats => &mut weights.repeats,
                Term::Incivility => &mut weights.incivility,
                Term::UsVersusThem => &mut weights.us_versus_them,
                Term::CurtContradictions => &mut weights.curt_contradictions,
            };
            *weight = 0.0;
        }
        assert_eq!(weights.of(kept), Weights::MODEL.of(kept));
        weights
    };
    let mut exercised: Vec<&str> = Vec::new();
    for (name, observation) in corpus_observations() {
        for term in Term::ALL {
            let output = run_with(&observation, &only(term));
            let shown: Vec<_> = ranked(&observation, &output)
                .into_iter()
                .filter(|candidate| candidate.reason.effect != Effect::Info)
                .collect();
            let of_term = |reason: &Reason| {
                REASON_KINDS
                    .iter()
                    .any(|kind| kind.id == reason.id && kind.term == term)
            };
            // A reason of this term that moved the score at all (a reply share exactly
            // at the neutral point does not).
            let applies = shown
                .iter()
                .find(|candidate| of_term(&candidate.reason) && candidate.strength > 0.0);
            if let Some(applies) = applies {
                assert!(
                    of_term(&shown[0].reason),
                    "{name}: with only {term:?} weighed, {} ranks above {}",
                    shown[0].reason.id,
                    applies.reason.id
                );
                let kind = REASON_KINDS
                    .iter()
                    .find(|kind| kind.id == applies.reason.id);
                exercised.push(kind.unwrap().id);
            }
        }
    }
    // The corpus exercises every reason, so none is checked vacuously.
    for kind in &REASON_KINDS {
        assert!(exercised.contains(&kind.id), "{} never applied", kind.id);
    }
}

/// The contributions the reasons read are the model's own: each bar is the sum of its
/// terms' points, as the badge shows it.
#[test]
fn term_contributions_make_the_bars() {
    use super::model::{run, Part, Term, Weights};
    for (name, observation) in corpus_observations() {
        let output = run(&observation);
        let bar_of = |part: Part| {
            let total: f64 = Term::ALL
                .into_iter()
                .filter(|term| term.part() == part)
                .map(|term| {
                    let points = output.points(term).unwrap();
                    if term == Term::CurtPenalty {
                        -points
                    } else {
                        points
                    }
                })
                .sum();
            total / (100.0 * Weights::MODEL.of_part(part).unwrap())
        };
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        if let Some(dialogue) = output.dialogue {
            assert!(close(dialogue.point, bar_of(Part::Dialogue)), "{name}");
        }
        if let Some(openness) = output.openness {
            assert!(
                close(openness.point, bar_of(Part::Openness).clamp(0.0, 1.0)),
                "{name}"
            );
        }
        if let Some(substance) = output.substance {
            assert!(close(substance.point, bar_of(Part::Substance)), "{name}");
        }
        // Noise terms are penalties: at a base of 100 they take their weighted share.
        let noise: f64 = Term::ALL
            .into_iter()
            .filter(|term| matches!(term.part(), Part::SellingNoise | Part::HostileNoise))
            .map(|term| output.penalty_points(term, Weights::MODEL.of(term), 100.0))
            .sum::<f64>()
            / (100.0 * Weights::MODEL.noise_penalty);
        if let Some(bar) = output.noise {
            assert!(close(bar.point, noise.clamp(0.0, 1.0)), "{name}");
        }
    }
}

/// One list of reasons: ids are unique, and every reason a scored corpus badge gives
/// (those that explain a missing score aside) is in it, with its effect.
#[test]
fn reason_kinds_are_the_one_list() {
    use super::reasons::{ReasonKind, REASON_KINDS};
    for (index, kind) in REASON_KINDS.iter().enumerate() {
        assert!(
            REASON_KINDS[..index]
                .iter()
                .all(|other| other.id != kind.id),
            "{} twice",
            kind.id
        );
    }
    for (name, observation) in corpus_observations() {
        let output = super::model::run(&observation);
        for candidate in super::reasons::ranked(&observation, &output) {
            let reason = candidate.reason;
            if reason.effect == Effect::Info {
                continue;
            }
            let kind = ReasonKind::of(&reason.id)
                .unwrap_or_else(|| panic!("{name}: {} is not in REASON_KINDS", reason.id));
            assert_eq!(kind.effect(), reason.effect, "{name}: {}", reason.id);
        }
    }
}
