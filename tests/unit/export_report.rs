//! Unit tests of the conversation report (`src/export/report.rs`) and the plain-text
//! reader it is often fed by.

use super::*;
use crate::export::read_plain_text;

fn post(text: &str, reply_to: Option<&str>, time: Option<i64>) -> Post {
    Post {
        text: text.into(),
        is_reply: reply_to.is_some(),
        reply_to: reply_to.map(str::to_string),
        time,
        ..Post::default()
    }
}

const DAY: i64 = 86_400;
/// 2024-01-01T00:00:00Z.
const JAN_2024: i64 = 1_704_067_200;

#[test]
fn timeline_fills_gaps_and_counts_each_kind() {
    let mut account = Account::default();
    let mut repost = post("passed on", None, Some(JAN_2024));
    repost.is_repost = true;
    account.add(
        "a",
        Some(ExportFormat::MastodonOutbox),
        vec![
            post("Thanks, how did you fix it?", Some("ana"), Some(JAN_2024)),
            post("Morning all", None, Some(JAN_2024 + DAY)),
            repost,
            post("Good point, Bob", Some("@Bob"), Some(JAN_2024 + 70 * DAY)),
            post("No date", Some("ana"), None),
        ],
    );
    let report = report_of(&account);
    let periods: Vec<_> = report
        .timeline
        .iter()
        .map(|period| {
            (
                period.period.as_str(),
                period.replies,
                period.broadcasts,
                period.reposts,
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("2024-01", 1, 1, 1),
            ("2024-02", 0, 0, 0),
            ("2024-03", 1, 0, 0)
        ]
    );
    assert_eq!((report.untimed.replies, report.granularity), (1, "month"));
    // Handles are normalised: `@Bob` is `bob`.
    let people: Vec<_> = report
        .people
        .iter()
        .map(|person| (person.handle.as_str(), person.replies))
        .collect();
    assert_eq!(people, [("ana", 2), ("bob", 1)]);
    assert_eq!((report.n_people, report.posts), (2, 5));
    assert_eq!(
        report.format_name,
        ExportFormat::MastodonOutbox.display_name()
    );
}

#[test]
fn long_histories_are_drawn_by_year() {
    let mut account = Account::default();
    // Posts 31 days apart fall in 61 different months, December 2018 to December 2023.
    let posts = (0..=MAX_MONTHS as i64)
        .map(|month| post("A post", None, Some(JAN_2024 - month * 31 * DAY - DAY)))
        .collect();
    account.add("a", None, posts);
    let report = report_of(&account);
    assert_eq!(report.granularity, "year");
    let years: Vec<_> = report
        .timeline
        .iter()
        .map(|period| period.period.as_str())
        .collect();
    assert_eq!(years, ["2018", "2019", "2020", "2021", "2022", "2023"]);
    let total: u32 = report.timeline.iter().map(|period| period.broadcasts).sum();
    assert_eq!(total, MAX_MONTHS as u32 + 1);
    assert_eq!(report.format_name, PLAIN_TEXT_NAME);
}

#[test]
fn replies_to_oneself_are_threads_not_replies() {
    let mut own = post("continuing my thread", Some("me"), None);
    own.author = Some("Me".into());
    assert_eq!(reply_target(&own), None);
    let mut unknown = post("a reply to someone", None, None);
    unknown.is_reply = true;
    assert_eq!(reply_target(&unknown).as_deref(), Some(""));
}

/// Each reason on the badge comes with the account's own posts behind it, newest first,
/// one reason per post.
#[test]
fn examples_illustrate_the_reasons_on_the_badge() {
    let texts = [
        "Thanks, good point! How did you measure that?",
        "I agree, though it depends on the team. What did you try first?",
        "Interesting, I never thought of it that way. Which book was it?",
        "Fair enough, I was wrong about the dates. Where did you find them?",
        "Congrats on the launch! How long did the beta take?",
        "Maybe, but in my experience the old parser was slower. Did you profile it?",
    ];
    let posts: Vec<Post> = (0..24)
        .map(|index| {
            post(
                &format!("{} ({index})", texts[index % texts.len()]),
                Some(&format!("person{index}")),
                Some(JAN_2024 + index as i64 * DAY),
            )
        })
        .collect();
    let mut account = Account::default();
    account.add("a", Some(ExportFormat::XArchive), posts);
    let report = report_of(&account);
    assert!(!report.examples.is_empty());
    let mut seen = std::collections::HashSet::new();
    for (id, examples) in &report.examples {
        assert!(
            report.badge.reasons.iter().any(|reason| &reason.id == id),
            "{id}"
        );
        assert!(
            !examples.is_empty() && examples.len() <= MAX_EXAMPLES,
            "{id}"
        );
        assert!(examples.windows(2).all(|pair| pair[0].time > pair[1].time));
        for example in examples {
            assert!(
                seen.insert(example.text.clone()),
                "{} shown twice",
                example.text
            );
        }
    }
}

#[test]
fn examples_are_cut_at_a_character() {
    let long = "é".repeat(MAX_EXAMPLE_CHARS + 5);
    let cut_text = cut(&long);
    assert_eq!(cut_text.chars().count(), MAX_EXAMPLE_CHARS + 1);
    assert!(cut_text.ends_with('…'));
    assert_eq!(cut("  short  "), "short");
}

#[test]
fn plain_text_is_one_post_per_paragraph_or_per_line() {
    let paragraphs = read_plain_text("@ana Thanks!\nSee https://a.example\n\nNew #rust post");
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(paragraphs[0].reply_to.as_deref(), Some("ana"));
    assert_eq!(paragraphs[0].links, ["https://a.example"]);
    assert_eq!(paragraphs[1].hashtags, ["rust"]);
    assert!(!paragraphs[1].is_reply);
    let lines = read_plain_text("one\ntwo\n  three  ");
    let texts: Vec<_> = lines.iter().map(|post| post.text.as_str()).collect();
    assert_eq!(texts, ["one", "two", "three"]);
    // A mention inside the text is not a reply.
    assert!(!read_plain_text("Ask @ana, she knows.")[0].is_reply);
}
