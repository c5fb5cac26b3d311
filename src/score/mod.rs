//! The conversation-quality model: from the posts visible for one account, a score, a
//! label, four bars and the counts behind them. Everything runs locally; nothing here
//! reads the network or keeps post text.
//!
//! ## Usage
//! ```
//! use sincerely::score::{score_posts, Post};
//! let texts = [
//!     "Thanks, good point! How did you measure that?",
//!     "I agree, though it depends on the team. What did you try first?",
//!     "So sorry to hear that. Hope the move goes better next week.",
//!     "Fair enough, I was wrong about the dates. Where did you find them?",
//!     "Congrats on the launch! How long did the beta take?",
//!     "That makes sense because the cache is cold at start. Did you warm it?",
//!     "Interesting, I never thought of it that way. Which book was it?",
//!     "Thank you for the link, the second chart is the clearest.",
//!     "Maybe, but in my experience the old parser was slower. Did you profile it?",
//!     "Good question! I think it was 2019, though I'm not sure.",
//!     "Glad you're feeling better. Are you back at work?",
//!     "You're right, the docs say otherwise. Thanks for checking.",
//! ];
//! let posts: Vec<Post> = texts
//!     .iter()
//!     .enumerate()
//!     .map(|(index, text)| Post {
//!         id: Some(index.to_string()),
//!         text: text.to_string(),
//!         is_reply: true,
//!         reply_to: Some(format!("person{index}")),
//!         ..Post::default()
//!     })
//!     .collect();
//! let badge = score_posts(&posts);
//! assert_eq!(badge.label, "conversationalist");
//! assert!(badge.score.unwrap() > 60, "{badge:?}");
//! ```
//! To remember a profile across visits without keeping text, see [`Observation`].
//!
//! ## Layout
//! - `text`: normalised text and stable hashes; `lexicon/`: the phrase lists per language.
//! - `features`: the flags of one post; `observation`: their sum for a profile.
//! - `model`: bars, score and label; `confidence`: priors, Wilson intervals, bands;
//!   `reasons`: the sentences under the badge.
//!
//! The model is documented, with its measured figures and its limits, in
//! `tests/profiles/MODEL.md`.

mod confidence;
mod features;
mod lexicon;
mod model;
mod observation;
mod reasons;
mod text;

use serde::{Deserialize, Serialize};

pub use confidence::{wilson_interval, ConfidenceBand};
pub use model::Label;
pub use observation::{
    FeatureCounts, HashCount, Observation, ObservationError, Overflow, MAX_CONVERSATIONS,
    MAX_PEOPLE, MAX_SEEN_POSTS, MAX_TEMPLATES, OBSERVATION_VERSION,
};
pub use reasons::{Effect, Evidence, Reason, ReasonKind, Signal, REASON_KINDS};

/// Bump when the meaning of a score changes, so stored badges and cached reports can tell.
pub const MODEL_VERSION: u32 = 1;

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
    /// Handle of the post's author, when known: a reply to oneself continues a thread and
    /// is not dialogue.
    pub author: Option<String>,
}

/// One of the four bars.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bar {
    /// `dialogue`, `openness`, `substance` or `noise`.
    pub id: String,
    pub name: String,
    /// 0–100, or `None` when the page did not show what this bar measures. For `noise`
    /// higher is worse.
    pub value: Option<u8>,
    /// The plausible range (Wilson intervals of the underlying proportions).
    pub low: Option<u8>,
    pub high: Option<u8>,
}

/// How sure the badge is, and of how much.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Confidence {
    pub band: ConfidenceBand,
    pub name: String,
    /// Authored posts counted (reposts excluded), replies to others, people replied to.
    pub items: u32,
    pub replies: u32,
    pub people: u32,
}

/// What the badge shows. Serialized to JavaScript as plain JSON:
/// ```json
/// {"v":1,"score":72,"scoreLow":64,"scoreHigh":79,
///  "label":"conversationalist","labelName":"Conversationalist",
///  "confidence":{"band":"medium","name":"Medium","items":48,"replies":31,"people":23},
///  "bars":[{"id":"dialogue","name":"Dialogue","value":81,"low":70,"high":88}, …],
///  "reasons":[{"id":"follow-up-questions","text":"9 follow-up questions in 31 replies to 23 people",
///              "effect":"raises","count":9,"total":35}, …]}
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Badge {
    /// [`MODEL_VERSION`].
    pub v: u32,
    /// 0–100, or `None` when there is not enough to judge.
    pub score: Option<u8>,
    pub score_low: Option<u8>,
    pub score_high: Option<u8>,
    /// The label's stable id (see [`Label`]).
    pub label: String,
    /// The label's English display name.
    pub label_name: String,
    pub confidence: Confidence,
    /// Dialogue, Openness, Substance & warmth, Noise: always four, in that order.
    pub bars: Vec<Bar>,
    /// At most three, strongest first.
    pub reasons: Vec<Reason>,
}

/// Scores the posts of one account.
pub fn score_posts(posts: &[Post]) -> Badge {
    score_observation(&Observation::from_posts(posts))
}

fn percent(value: f64) -> u8 {
    (value * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Scores a remembered [`Observation`]; `score_posts(p) == score_observation(&Observation::from_posts(p))`.
pub fn score_observation(observation: &Observation) -> Badge {
    let output = model::run(observation);
    let bar = |id: &str, name: &str, range: Option<model::BarRange>| Bar {
        id: id.into(),
        name: name.into(),
        value: range.map(|range| percent(range.point)),
        low: range.map(|range| percent(range.low)),
        high: range.map(|range| percent(range.high)),
    };
    let score_of = |value: f64| value.round().clamp(0.0, 100.0) as u8;
    Badge {
        v: MODEL_VERSION,
        score: output.score.map(|score| score_of(score.point)),
        score_low: output.score.map(|score| score_of(score.low)),
        score_high: output.score.map(|score| score_of(score.high)),
        label: output.label.id().into(),
        label_name: output.label.display_name().into(),
        confidence: Confidence {
            band: output.band,
            name: output.band.display_name().into(),
            items: observation.counts.items,
            replies: observation.counts.replies,
            people: observation.n_people(),
        },
        bars: vec![
            bar("dialogue", "Dialogue", output.dialogue),
            bar("openness", "Openness", output.openness),
            bar("substance", "Substance & warmth", output.substance),
            bar("noise", "Noise", output.noise),
        ],
        reasons: reasons::reasons(observation, &output),
    }
}

/// The languages the lexical features read, as BCP 47 tags; structural features read
/// every language.
pub fn lexicon_languages() -> Vec<&'static str> {
    lexicon::languages()
}

#[doc(hidden)]
/// A helper for tests and the evaluation: the per-post flags, to measure how often a
/// feature fires on a corpus.
pub fn post_flags(post: &Post) -> PostFlags {
    let features = features::post_features(post);
    PostFlags {
        bait: features.bait,
        incivility: features.incivility,
        us_versus_them: features.us_versus_them,
        selling: features.selling(),
        question: features.is_question,
        follow_up_question: features.follow_up_question,
        acknowledgement: features.acknowledgement,
        reasoning: features.reasoning,
        compassion: features.compassion,
        curt_contradiction: features.curt_contradiction,
    }
}

#[doc(hidden)]
/// See [`post_flags`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PostFlags {
    pub bait: bool,
    pub incivility: bool,
    pub us_versus_them: bool,
    pub selling: bool,
    pub question: bool,
    pub follow_up_question: bool,
    pub acknowledgement: bool,
    pub reasoning: bool,
    pub compassion: bool,
    pub curt_contradiction: bool,
}

#[cfg(test)]
#[path = "../../tests/unit/score.rs"]
mod unit_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../tests/unit/score_properties.rs"]
mod property_tests;
