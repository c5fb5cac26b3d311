//! Metric kinds and the words that name them. (Minimal first version: English; see issue 3.)

use super::{coarse, number::parse_number, Count, Edit, RewriteMode, TextContext};

/// What a count counts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum MetricKind {
    Followers,
    Following,
    Likes,
    Reposts,
    Replies,
    Views,
    Subscribers,
    Votes,
    Claps,
    Stars,
    Bookmarks,
    Reputation,
    Connections,
    Posts,
    Others,
    Unread,
}

impl MetricKind {
    pub const ALL: [MetricKind; 16] = [
        MetricKind::Followers,
        MetricKind::Following,
        MetricKind::Likes,
        MetricKind::Reposts,
        MetricKind::Replies,
        MetricKind::Views,
        MetricKind::Subscribers,
        MetricKind::Votes,
        MetricKind::Claps,
        MetricKind::Stars,
        MetricKind::Bookmarks,
        MetricKind::Reputation,
        MetricKind::Connections,
        MetricKind::Posts,
        MetricKind::Others,
        MetricKind::Unread,
    ];

    /// The stable id used in settings, CSS attributes and messages.
    pub fn id(self) -> &'static str {
        match self {
            MetricKind::Followers => "followers",
            MetricKind::Following => "following",
            MetricKind::Likes => "likes",
            MetricKind::Reposts => "reposts",
            MetricKind::Replies => "replies",
            MetricKind::Views => "views",
            MetricKind::Subscribers => "subscribers",
            MetricKind::Votes => "votes",
            MetricKind::Claps => "claps",
            MetricKind::Stars => "stars",
            MetricKind::Bookmarks => "bookmarks",
            MetricKind::Reputation => "reputation",
            MetricKind::Connections => "connections",
            MetricKind::Posts => "posts",
            MetricKind::Others => "others",
            MetricKind::Unread => "unread",
        }
    }
}

const WORDS: &[(&str, MetricKind)] = &[
    ("followers", MetricKind::Followers),
    ("follower", MetricKind::Followers),
    ("following", MetricKind::Following),
    ("likes", MetricKind::Likes),
    ("like", MetricKind::Likes),
    ("reposts", MetricKind::Reposts),
    ("retweets", MetricKind::Reposts),
    ("quotes", MetricKind::Reposts),
    ("replies", MetricKind::Replies),
    ("reply", MetricKind::Replies),
    ("comments", MetricKind::Replies),
    ("views", MetricKind::Views),
    ("subscribers", MetricKind::Subscribers),
    ("points", MetricKind::Votes),
    ("posts", MetricKind::Posts),
    ("others", MetricKind::Others),
];

pub(super) fn find_counts(text: &str, context: TextContext) -> Vec<Count> {
    let mut found = Vec::new();
    if context == TextContext::Prose {
        return found;
    }
    if context == TextContext::Title && text.starts_with('(') {
        if let Some(number) = parse_number(text, 1) {
            if text[number.span.end..].starts_with(") ") {
                found.push(Count {
                    kind: MetricKind::Unread,
                    value: number.value,
                    number: number.span.clone(),
                    cut: 0..number.span.end + 2,
                });
            }
        }
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_number =
            bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric());
        if !starts_number || found.iter().any(|c: &Count| c.cut.contains(&at)) {
            at += 1;
            continue;
        }
        let Some(number) = parse_number(text, at) else {
            at += 1;
            continue;
        };
        let rest = &text[number.span.end..];
        let word_start = rest.len() - rest.trim_start().len();
        let word: String = rest[word_start..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if let Some(&(_, kind)) = WORDS.iter().find(|(w, _)| *w == word) {
            found.push(Count {
                kind,
                value: number.value,
                number: number.span.clone(),
                cut: number.span.start..number.span.end + word_start,
            });
        }
        at = number.span.end.max(at + 1);
    }
    found
}

pub(super) fn edits(_text: &str, counts: &[Count], mode: RewriteMode) -> Vec<Edit> {
    let mut edits: Vec<Edit> = counts
        .iter()
        .map(|count| match (mode, count.kind) {
            (RewriteMode::Coarse, MetricKind::Replies) => Edit {
                range: count.number.clone(),
                replacement: coarse(count.value).to_string(),
            },
            _ => Edit {
                range: count.cut.clone(),
                replacement: String::new(),
            },
        })
        .collect();
    edits.sort_by_key(|edit| edit.range.start);
    edits
}
