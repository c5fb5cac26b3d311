//! The conversation-quality model: from the posts visible for one account, a score,
//! a label, four bars and the reasons behind them. (Stub; issue 5 fills it in.)

use serde::{Deserialize, Serialize};

/// One authored item, as the page or an export shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Post {
    /// Stable id when known (used to avoid counting a post twice).
    pub id: Option<String>,
    pub text: String,
    pub is_reply: bool,
    /// Handle of the account replied to, without "@".
    pub reply_to: Option<String>,
    pub thread: Option<String>,
    pub mentions: Vec<String>,
    pub links: Vec<String>,
    pub hashtags: Vec<String>,
    /// Unix time in seconds, when known.
    pub time: Option<i64>,
    pub is_repost: bool,
}

/// What the badge shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    /// 0–100, or `None` when there is not enough to judge.
    pub score: Option<u8>,
    pub label: String,
    pub reasons: Vec<String>,
}

/// Scores the posts of one account.
pub fn score_posts(posts: &[Post]) -> Badge {
    Badge {
        score: None,
        label: "Not enough to judge".into(),
        reasons: vec![format!("{} posts seen", posts.len())],
    }
}
