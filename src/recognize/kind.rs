//! Metric kinds: what a count counts, and the stable ids settings, CSS and messages
//! use for them. The words that name each kind live in `words.rs`.

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
