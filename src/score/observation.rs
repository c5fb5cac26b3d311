//! [`Observation`]: what Sincerely remembers about one profile between visits. It holds
//! feature counts and hashes, never post text, so it can live in `storage.local`.
//!
//! ## Usage
//! ```
//! use sincerely::score::{score_observation, score_posts, Observation, Post};
//! let first_visit = vec![Post { id: Some("1".into()), text: "Hello".into(), ..Post::default() }];
//! let mut stored = Observation::from_posts(&first_visit);
//! // Next visit: the same post again plus a new one. The repeat is recognised by its
//! // hashed id and not counted twice.
//! let second_visit = vec![
//!     first_visit[0].clone(),
//!     Post { id: Some("2".into()), text: "Thanks, that helps!".into(), ..Post::default() },
//! ];
//! stored.add_posts(&second_visit);
//! assert_eq!(stored.counts.items, 2);
//! // Store `serde_json::to_string(&stored)`; on load, call `validate()` first.
//! let badge = score_observation(&stored);
//! assert_eq!(badge.score, None); // Two posts are not enough to judge.
//! assert_eq!(score_posts(&first_visit), score_observation(&Observation::from_posts(&first_visit)));
//! ```
//!
//! ## Bounds
//! The sets are capped so a stored observation stays small: about 1.5 KB of JSON for a
//! profile seen once with 40 posts, 8 KB at most. [`MAX_SEEN_POSTS`] hashed post keys
//! (oldest dropped first), [`MAX_PEOPLE`] people and [`MAX_CONVERSATIONS`] conversations
//! (the least active folded into `overflow`), and [`MAX_TEMPLATES`] near-duplicate
//! templates (a sample by smallest hash). Below the caps, counting is exact and does not
//! depend on the order posts arrive in; above them it is a close approximation. One
//! exception: a copy-paste under a new id is recognised within one call of
//! [`Observation::add_posts`], not across visits (only ids are stored).
//!
//! Hashes are 32-bit integers: exact in JavaScript numbers and short in JSON.

use std::collections::{HashMap, HashSet};

use super::text::FastHashBuilder;

type FastMap<K, V> = HashMap<K, V, FastHashBuilder>;
type FastSet<K> = HashSet<K, FastHashBuilder>;

use serde::{Deserialize, Serialize};

use super::features::{post_features, PostFeatures};
use super::Post;

/// Bump when the meaning of a stored field changes; an observation of another version is
/// dropped and rebuilt from the next visit (see [`ObservationError::Version`]).
pub const OBSERVATION_VERSION: u32 = 1;
pub const MAX_SEEN_POSTS: usize = 300;
pub const MAX_PEOPLE: usize = 100;
pub const MAX_CONVERSATIONS: usize = 100;
pub const MAX_TEMPLATES: usize = 100;

/// Post counts by feature. Every field is a number of distinct posts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FeatureCounts {
    /// Authored posts (reposts excluded), each counted once.
    pub items: u32,
    pub reposts: u32,
    /// Replies to other people.
    pub replies: u32,
    /// Replies to oneself (threads).
    pub self_replies: u32,
    /// Replies plus posts that mention someone.
    pub addressed: u32,
    /// Replies whose thread id was known.
    pub threaded_replies: u32,
    /// Items whose time was known.
    pub timed_items: u32,
    pub questions: u32,
    pub follow_up_questions: u32,
    pub acknowledgements: u32,
    pub curt_contradictions: u32,
    pub text_items: u32,
    /// Text items written mostly in a script no word list reads.
    pub unread_text_items: u32,
    pub reasoning: u32,
    pub first_person: u32,
    pub compassion: u32,
    /// Sum over items of their word count, capped per post.
    pub capped_words: u64,
    pub bait: u32,
    /// Posts exempted from bait because they ask for help or advice.
    pub help_requests: u32,
    /// Posts with any kind of selling (promotion, link-only, audience boast).
    pub selling: u32,
    pub promotion: u32,
    pub link_only: u32,
    pub audience_boasts: u32,
    pub hashtag_stuffed: u32,
    pub incivility: u32,
    pub us_versus_them: u32,
    /// Posts whose text and target repeat an earlier post under another id.
    pub copies: u32,
    /// Posts sharing a template with an earlier post (same words, other links or numbers).
    pub template_repeats: u32,
}

/// A hash and how many replies it got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HashCount(pub u64, pub u32);

/// What was folded away when a capped set overflowed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Overflow {
    /// People dropped from `people`, and the replies they had.
    pub people: u32,
    pub people_replies: u32,
    /// Conversations dropped from `conversations` that had two or more turns.
    pub back_and_forth: u32,
}

/// The feature counts of one profile's posts, without their text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Observation {
    /// [`OBSERVATION_VERSION`] when written.
    pub v: u32,
    /// True when the posts are the account's whole history (an export), so an absence of
    /// replies means the account does not reply rather than that the page hid them.
    pub history_complete: bool,
    pub counts: FeatureCounts,
    /// Replies per person replied to: `[hash, replies]`.
    pub people: Vec<HashCount>,
    /// Turns per conversation: `[hash, turns]`.
    pub conversations: Vec<HashCount>,
    pub overflow: Overflow,
    /// Hashed keys of posts already counted (the id, or the content when there is no
    /// id), oldest first.
    pub seen_posts: Vec<u64>,
    /// Template hashes of posts long enough to be near-duplicates.
    pub templates: Vec<u64>,
}

impl Default for Observation {
    fn default() -> Observation {
        Observation {
            v: OBSERVATION_VERSION,
            history_complete: false,
            counts: FeatureCounts::default(),
            people: Vec::new(),
            conversations: Vec::new(),
            overflow: Overflow::default(),
            seen_posts: Vec::new(),
            templates: Vec::new(),
        }
    }
}

/// Why a stored observation was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ObservationError {
    /// Written by another model version: drop it and start from the next visit.
    #[error("observation version {found} is not {OBSERVATION_VERSION}")]
    Version { found: u32 },
    /// A capped set is over its cap or a count contradicts another: the store is corrupt;
    /// drop this observation.
    #[error("observation is inconsistent: {0}")]
    Inconsistent(&'static str),
}

/// The working form of an observation while posts are added: hash maps for lookups.
struct Tally {
    people: FastMap<u64, u32>,
    conversations: FastMap<u64, u32>,
    seen: FastSet<u64>,
    templates: FastSet<u64>,
}

impl Observation {
    /// An observation of `posts` alone.
    pub fn from_posts(posts: &[Post]) -> Observation {
        let mut observation = Observation::default();
        observation.add_posts(posts);
        observation
    }

    /// Marks the posts as the account's whole history (see `history_complete`).
    pub fn with_history_complete(mut self) -> Observation {
        self.history_complete = true;
        self
    }

    /// Adds the posts of one visit. A post already counted (same id, or same content when
    /// it has no id) is skipped; a post that repeats another's content under a new id is
    /// counted as a copy, which only adds noise.
    pub fn add_posts(&mut self, posts: &[Post]) {
        let features: Vec<PostFeatures> = posts.iter().map(post_features).collect();
        self.add_features(&features);
    }

    /// Adds pre-computed post features (see [`add_posts`](Self::add_posts)).
    pub fn add_features(&mut self, features: &[PostFeatures]) {
        let mut tally = Tally {
            people: self
                .people
                .iter()
                .map(|HashCount(hash, count)| (*hash, *count))
                .collect(),
            conversations: self
                .conversations
                .iter()
                .map(|HashCount(hash, count)| (*hash, *count))
                .collect(),
            seen: self.seen_posts.iter().copied().collect(),
            templates: self.templates.iter().copied().collect(),
        };
        for post in features {
            self.add_one(post, &mut tally);
        }
        self.people = bounded_by_count(tally.people, MAX_PEOPLE, |dropped| {
            self.overflow.people += 1;
            self.overflow.people_replies += dropped;
        });
        self.conversations = bounded_by_count(tally.conversations, MAX_CONVERSATIONS, |dropped| {
            if dropped >= 2 {
                self.overflow.back_and_forth += 1;
            }
        });
        if self.seen_posts.len() > MAX_SEEN_POSTS {
            let excess = self.seen_posts.len() - MAX_SEEN_POSTS;
            self.seen_posts.drain(..excess);
        }
        if self.templates.len() > MAX_TEMPLATES {
            // Keep the smallest hashes: a uniform sample that does not depend on order.
            crate::small_sort::heapsort(&mut self.templates);
            self.templates.truncate(MAX_TEMPLATES);
        }
    }

    fn add_one(&mut self, post: &PostFeatures, tally: &mut Tally) {
        // A post is recognised by its id, or by its content when it has none (then a repeat
        // cannot be told from the same post seen twice, and is not counted).
        let primary_key = post.id_hash.unwrap_or(post.content_hash);
        if tally.seen.contains(&primary_key) {
            return;
        }
        self.remember(primary_key, tally);
        // A repost (a Mastodon boost, an X retweet) carries someone else's words, and a
        // boost carries no text at all: every boost would hash alike and read as a copy.
        // It is counted apart and never as the account's own words, in no bar.
        if post.is_repost {
            self.counts.reposts += 1;
            return;
        }
        // The content of a post with an id is remembered for this call only: across visits
        // the id recognises the post, and storing both would double the stored size.
        if post.id_hash.is_some() && !tally.seen.insert(post.content_hash) {
            // Same words to the same person under a new id: a copy-paste. It says nothing
            // new about the author except that they repeat themselves. (The same words to
            // another person share a template, counted below.)
            self.counts.copies += 1;
            return;
        }

        let counts = &mut self.counts;
        counts.items += 1;
        counts.self_replies += u32::from(post.is_self_reply);
        counts.timed_items += u32::from(post.has_time);
        if post.is_reply_to_other {
            counts.replies += 1;
            counts.threaded_replies += u32::from(post.has_thread);
            if let Some(person) = post.person_hash {
                *tally.people.entry(person).or_default() += 1;
            }
            if let Some(conversation) = post.conversation_hash {
                *tally.conversations.entry(conversation).or_default() += 1;
            }
        }
        counts.addressed += u32::from(post.addresses_someone);
        counts.questions += u32::from(post.is_question);
        counts.follow_up_questions += u32::from(post.follow_up_question);
        counts.acknowledgements += u32::from(post.acknowledgement && post.addresses_someone);
        counts.curt_contradictions += u32::from(post.curt_contradiction);
        counts.text_items += u32::from(post.has_text);
        counts.unread_text_items += u32::from(post.has_text && post.in_unread_script);
        counts.reasoning += u32::from(post.reasoning);
        counts.first_person += u32::from(post.first_person);
        counts.compassion += u32::from(post.compassion);
        counts.capped_words += u64::from(post.capped_words);
        counts.bait += u32::from(post.bait);
        counts.help_requests += u32::from(post.help_request);
        counts.selling += u32::from(post.selling());
        counts.promotion += u32::from(post.promotion);
        counts.link_only += u32::from(post.link_only);
        counts.audience_boasts += u32::from(post.audience_boast);
        counts.hashtag_stuffed += u32::from(post.hashtag_stuffed);
        counts.incivility += u32::from(post.incivility);
        counts.us_versus_them += u32::from(post.us_versus_them);
        if let Some(template) = post.template_hash {
            if !tally.templates.insert(template) {
                counts.template_repeats += 1;
            } else {
                self.templates.push(template);
            }
        }
    }

    fn remember(&mut self, hash: u64, tally: &mut Tally) {
        if tally.seen.insert(hash) {
            self.seen_posts.push(hash);
        }
    }

    /// Adds another observation of the same profile, for example from another device.
    /// Counts add up exactly when the two saw different posts. Posts both saw cannot be
    /// subtracted (their features are not kept), so the other's counts are scaled down by
    /// the share of its remembered posts this one already has.
    pub fn merge(&mut self, other: &Observation) {
        let known: FastSet<u64> = self.seen_posts.iter().copied().collect();
        let n_shared = other
            .seen_posts
            .iter()
            .filter(|hash| known.contains(hash))
            .count();
        let keep_share = if other.seen_posts.is_empty() {
            1.0
        } else {
            1.0 - n_shared as f64 / other.seen_posts.len() as f64
        };
        let scale = |count: u32| (f64::from(count) * keep_share).round() as u32;
        let theirs = &other.counts;
        let mine = &mut self.counts;
        macro_rules! add_scaled {
            ($($field:ident),*) => { $( mine.$field += scale(theirs.$field); )* };
        }
        add_scaled!(
            items,
            reposts,
            replies,
            self_replies,
            addressed,
            threaded_replies,
            timed_items,
            questions,
            follow_up_questions,
            acknowledgements,
            curt_contradictions,
            text_items,
            unread_text_items,
            reasoning,
            first_person,
            compassion,
            bait,
            help_requests,
            selling,
            promotion,
            link_only,
            audience_boasts,
            hashtag_stuffed,
            incivility,
            us_versus_them,
            copies,
            template_repeats
        );
        mine.capped_words += (theirs.capped_words as f64 * keep_share).round() as u64;
        let mut people: FastMap<u64, u32> = self.people.iter().map(|h| (h.0, h.1)).collect();
        for HashCount(hash, count) in &other.people {
            *people.entry(*hash).or_default() += scale(*count);
        }
        let mut conversations: FastMap<u64, u32> =
            self.conversations.iter().map(|h| (h.0, h.1)).collect();
        for HashCount(hash, count) in &other.conversations {
            *conversations.entry(*hash).or_default() += scale(*count);
        }
        self.overflow.people += scale(other.overflow.people);
        self.overflow.people_replies += scale(other.overflow.people_replies);
        self.overflow.back_and_forth += scale(other.overflow.back_and_forth);
        self.history_complete |= other.history_complete;
        self.people = bounded_by_count(people, MAX_PEOPLE, |dropped| {
            self.overflow.people += 1;
            self.overflow.people_replies += dropped;
        });
        self.conversations = bounded_by_count(conversations, MAX_CONVERSATIONS, |dropped| {
            if dropped >= 2 {
                self.overflow.back_and_forth += 1;
            }
        });
        for hash in &other.seen_posts {
            if !known.contains(hash) {
                self.seen_posts.push(*hash);
            }
        }
        if self.seen_posts.len() > MAX_SEEN_POSTS {
            let excess = self.seen_posts.len() - MAX_SEEN_POSTS;
            self.seen_posts.drain(..excess);
        }
        let mut templates: Vec<u64> = self
            .templates
            .iter()
            .chain(&other.templates)
            .copied()
            .collect();
        crate::small_sort::heapsort(&mut templates);
        templates.dedup();
        templates.truncate(MAX_TEMPLATES);
        self.templates = templates;
    }

    /// Checks a stored observation before it is used or written back.
    pub fn validate(&self) -> Result<(), ObservationError> {
        if self.v != OBSERVATION_VERSION {
            return Err(ObservationError::Version { found: self.v });
        }
        let counts = &self.counts;
        fn too_big(mut hashes: impl Iterator<Item = u64>) -> bool {
            hashes.any(|hash| hash > super::text::STORED_HASH_MASK)
        }
        if self.seen_posts.len() > MAX_SEEN_POSTS
            || self.people.len() > MAX_PEOPLE
            || self.conversations.len() > MAX_CONVERSATIONS
            || self.templates.len() > MAX_TEMPLATES
        {
            return Err(ObservationError::Inconsistent(
                "a capped set is over its cap",
            ));
        }
        if too_big(self.seen_posts.iter().copied())
            || too_big(self.templates.iter().copied())
            || too_big(self.people.iter().map(|h| h.0))
            || too_big(self.conversations.iter().map(|h| h.0))
        {
            return Err(ObservationError::Inconsistent(
                "a hash is wider than 32 bits",
            ));
        }
        let subsets = [
            counts.replies,
            counts.addressed,
            counts.text_items,
            counts.bait,
            counts.selling,
            counts.incivility,
            counts.template_repeats,
            counts.self_replies,
        ];
        if subsets.iter().any(|count| *count > counts.items)
            || counts.replies > counts.addressed
            || counts.unread_text_items > counts.text_items
        {
            return Err(ObservationError::Inconsistent(
                "a feature count exceeds its total",
            ));
        }
        // Each person and each conversation took a reply at least: a stored overflow of
        // four billion people (whose shares the entropy once allocated) is corrupt.
        let n_people = self.people.len() as u64 + u64::from(self.overflow.people);
        if n_people > u64::from(counts.replies) || self.overflow.back_and_forth > counts.replies {
            return Err(ObservationError::Inconsistent(
                "more people or conversations than replies",
            ));
        }
        let people_replies: u64 = self.people.iter().map(|h| u64::from(h.1)).sum::<u64>()
            + u64::from(self.overflow.people_replies);
        if people_replies > u64::from(counts.replies) {
            return Err(ObservationError::Inconsistent(
                "more replies per person than replies",
            ));
        }
        Ok(())
    }

    /// Distinct people replied to, including those folded into the overflow.
    pub fn n_people(&self) -> u32 {
        (self.people.len() as u32).saturating_add(self.overflow.people)
    }

    /// Conversations where the account took two or more turns.
    pub fn n_back_and_forth(&self) -> u32 {
        self.conversations.iter().filter(|h| h.1 >= 2).count() as u32 + self.overflow.back_and_forth
    }

    /// The effective number of people replied to: e raised to the Shannon entropy of the
    /// replies over people. Ten replies to ten people give 10; nine to one person and one
    /// to another give about 1.4. People folded into the overflow count as equal shares.
    pub fn effective_people(&self) -> f64 {
        let overflow_replies = f64::from(self.overflow.people_replies);
        let total = self.people.iter().map(|h| f64::from(h.1)).sum::<f64>() + overflow_replies;
        if total <= 0.0 {
            return 0.0;
        }
        let term = |share: f64| {
            let probability = share / total;
            -probability * probability.ln()
        };
        let mut entropy: f64 = self
            .people
            .iter()
            .map(|h| f64::from(h.1))
            .filter(|share| *share > 0.0)
            .map(term)
            .sum();
        // The overflow's equal shares in one term each, never one value per person.
        if self.overflow.people > 0 && overflow_replies > 0.0 {
            let n_overflow = f64::from(self.overflow.people);
            entropy += n_overflow * term(overflow_replies / n_overflow);
        }
        entropy.exp()
    }
}

/// Keeps the `cap` largest counts (ties broken by hash, so the result never depends on
/// order) and reports each dropped count.
fn bounded_by_count(
    map: FastMap<u64, u32>,
    cap: usize,
    mut on_dropped: impl FnMut(u32),
) -> Vec<HashCount> {
    let mut entries: Vec<HashCount> = map
        .into_iter()
        .map(|(hash, count)| HashCount(hash, count))
        .collect();
    crate::small_sort::heapsort_by(&mut entries, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if entries.len() > cap {
        for dropped in entries.drain(cap..) {
            on_dropped(dropped.1);
        }
    }
    entries
}
