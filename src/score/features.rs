//! What one post says about how its author converses: the per-post flags that
//! [`Observation`](super::Observation) adds up. Nothing here keeps the post's text.

use super::lexicon::{matched_lists, ListKind};
use super::text::{self, PreparedText};
use super::Post;

/// Words of a post that count toward substance; longer posts earn nothing more.
pub const SUBSTANCE_WORD_CAP: usize = 40;

/// Posts at least this long (in template words) can be near-duplicates of each other;
/// shorter ones ("Thanks!", "Congrats!") repeat innocently.
pub const TEMPLATE_MIN_WORDS: usize = 5;

/// Hash domains: equal strings in different roles must not collide.
pub const HASH_DOMAIN_POST_ID: u8 = 1;
pub const HASH_DOMAIN_POST_CONTENT: u8 = 2;
pub const HASH_DOMAIN_PERSON: u8 = 3;
pub const HASH_DOMAIN_CONVERSATION: u8 = 4;
// Domain 5 is the template text's, in `text`.

/// The flags of one post.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PostFeatures {
    /// Hash of the post's id, when it has one.
    pub id_hash: Option<u64>,
    /// Hash of what the post says and to whom: the post's key when it has no id.
    pub content_hash: u64,
    pub is_repost: bool,
    /// A reply to someone else (replies to oneself are threads, not dialogue).
    pub is_reply_to_other: bool,
    pub is_self_reply: bool,
    /// Hash of the person replied to.
    pub person_hash: Option<u64>,
    /// Hash of the conversation the reply belongs to: the thread when known, else the
    /// person (and the day, when the time is known).
    pub conversation_hash: Option<u64>,
    pub has_thread: bool,
    pub has_time: bool,
    /// Replies and posts that mention someone: speech aimed at a person.
    pub addresses_someone: bool,
    pub is_question: bool,
    /// A question aimed at someone that is not bait.
    pub follow_up_question: bool,
    pub acknowledgement: bool,
    pub curt_contradiction: bool,
    pub reasoning: bool,
    pub first_person: bool,
    pub compassion: bool,
    pub has_text: bool,
    /// Written mostly in a script no word list reads (see `text::Script`).
    pub in_unread_script: bool,
    pub capped_words: u32,
    pub bait: bool,
    pub help_request: bool,
    pub promotion: bool,
    pub link_only: bool,
    pub audience_boast: bool,
    pub hashtag_stuffed: bool,
    pub incivility: bool,
    pub us_versus_them: bool,
    /// Hash of the post's template text, for posts long enough to be near-duplicates.
    pub template_hash: Option<u64>,
}

impl PostFeatures {
    /// Any kind of selling: promotion or an audience boast. A bare link is not selling:
    /// a music video or an article posted without a word is sharing; what sells is the
    /// call to watch, buy or subscribe ("New video up!"), which `promotion` reads.
    pub fn selling(&self) -> bool {
        self.promotion || self.audience_boast
    }
}

/// Lower-cases a handle and drops a leading "@", so "@Alice" and "alice" are one person.
pub fn normalise_handle(handle: &str) -> String {
    crate::case::lowercase(handle.trim().trim_start_matches(['@', '＠']))
}

/// Hashtags that announce an advertisement or a giveaway.
const PROMOTION_HASHTAGS: [&str; 8] = [
    "ad",
    "ads",
    "sponsored",
    "giveaway",
    "promo",
    "sale",
    "affiliate",
    "werbung",
];

/// Computes the flags of one post.
pub fn post_features(post: &Post) -> PostFeatures {
    let prepared = PreparedText::new(&post.text);
    let reply_target = post
        .reply_to
        .as_deref()
        .map(normalise_handle)
        .filter(|handle| !handle.is_empty())
        .or_else(|| {
            post.is_reply
                .then(|| {
                    post.mentions
                        .first()
                        .map(|mention| normalise_handle(mention))
                })
                .flatten()
        });
    let author = post.author.as_deref().map(normalise_handle);
    let is_self_reply =
        post.is_reply && reply_target.is_some() && reply_target.as_deref() == author.as_deref();
    let is_reply_to_other = post.is_reply && !is_self_reply && !post.is_repost;
    let person_hash = reply_target
        .as_deref()
        .filter(|_| is_reply_to_other)
        .map(|handle| text::stable_hash(HASH_DOMAIN_PERSON, handle.as_bytes()));
    let has_thread = post
        .thread
        .as_deref()
        .is_some_and(|thread| !thread.is_empty());
    let conversation_hash = if !is_reply_to_other {
        None
    } else if let Some(thread) = post.thread.as_deref().filter(|thread| !thread.is_empty()) {
        Some(text::stable_hash(
            HASH_DOMAIN_CONVERSATION,
            format!("t:{thread}").as_bytes(),
        ))
    } else {
        let person = reply_target.as_deref().unwrap_or("");
        let key = match post.time {
            // Without a thread id, two replies to one person on one day are taken as one
            // conversation; it is the closest structural proxy for back-and-forth.
            Some(time) => format!("p:{person}:{}", time.div_euclid(86_400)),
            None => format!("p:{person}"),
        };
        Some(text::stable_hash(HASH_DOMAIN_CONVERSATION, key.as_bytes()))
    };
    let addresses_someone = is_reply_to_other
        || post.mentions.iter().any(|mention| {
            let handle = normalise_handle(mention);
            !handle.is_empty() && Some(&handle) != author.as_ref()
        });

    let lists = matched_lists(&prepared);
    let bait_phrase = lists.contains(ListKind::Bait);
    let help_request = lists.contains(ListKind::HelpRequests);
    // "Any advice? Let me know in the comments" is a request for help, not bait.
    let bait = bait_phrase && !help_request;
    let is_question = prepared.has_question_mark || lists.contains(ListKind::QuestionOpeners);
    let incivility = lists.contains(ListKind::Incivility);
    let us_versus_them = lists.contains(ListKind::UsVersusThem);
    // A follow-up question follows up on what someone said: it is asked in a reply to
    // them, and it wants an answer. "How stupid can you be?" and "Are you kidding me?"
    // want none.
    let follow_up_question = is_question
        && is_reply_to_other
        && !bait
        && !incivility
        && !us_versus_them
        && !lists.contains(ListKind::Rhetorical);
    let acknowledgement = lists.contains(ListKind::Acknowledgement) && !bait;
    let curt_contradiction = is_reply_to_other
        && prepared.n_effective_words <= 12
        && lists.contains(ListKind::CurtOpeners);

    let hashtag_count = post.hashtags.len().max(prepared.hashtags.len());
    let hashtag_stuffed =
        hashtag_count >= 4 || (hashtag_count >= 3 && hashtag_count >= prepared.n_effective_words);
    let promotion_hashtag = post
        .hashtags
        .iter()
        .map(|tag| crate::case::lowercase(tag.trim_start_matches('#')))
        .chain(prepared.hashtags.iter().cloned())
        .any(|tag| PROMOTION_HASHTAGS.contains(&tag.as_str()));
    let promotion =
        promotion_hashtag || prepared.has_discount_code || lists.contains(ListKind::Promotion);
    let audience_boast = prepared.has_digit && lists.contains(ListKind::AudienceBoasts);
    let has_link = !post.links.is_empty() || prepared.has_url;
    let link_only = has_link && !is_reply_to_other && prepared.n_effective_words < 4;

    let template_hash =
        (prepared.n_template_words >= TEMPLATE_MIN_WORDS).then_some(prepared.template_hash);

    // What the post says and to whom, hashed piece by piece.
    let mut content = text::Fnv1a::new(HASH_DOMAIN_POST_CONTENT);
    for part in [
        post.text.as_str(),
        reply_target.as_deref().unwrap_or(""),
        post.thread.as_deref().unwrap_or(""),
    ] {
        content.write(part.as_bytes());
        content.write(&[0]);
    }
    content.write(&[u8::from(post.is_reply), u8::from(post.is_repost)]);

    PostFeatures {
        id_hash: post
            .id
            .as_deref()
            .filter(|id| !id.is_empty())
            .map(|id| text::stable_hash(HASH_DOMAIN_POST_ID, id.as_bytes())),
        content_hash: content.finish_stored(),
        is_repost: post.is_repost,
        is_reply_to_other,
        is_self_reply,
        person_hash,
        conversation_hash,
        has_thread,
        has_time: post.time.is_some(),
        addresses_someone,
        is_question,
        follow_up_question,
        acknowledgement,
        curt_contradiction,
        reasoning: lists.contains(ListKind::Reasoning),
        first_person: lists.contains(ListKind::FirstPerson),
        // Warm words in a bait post are part of the bait ("Like if you love your mom ❤️").
        compassion: lists.contains(ListKind::Compassion) && !bait,
        has_text: prepared.n_effective_words > 0,
        in_unread_script: prepared.in_unread_script,
        capped_words: prepared.n_effective_words.min(SUBSTANCE_WORD_CAP) as u32,
        bait,
        help_request,
        promotion,
        link_only,
        audience_boast,
        hashtag_stuffed,
        incivility,
        us_versus_them,
        template_hash,
    }
}
