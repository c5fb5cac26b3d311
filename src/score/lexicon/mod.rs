//! The phrase lists behind the lexical features, one file per language. Every list here
//! was written for Sincerely and ships under the crate's MIT licence; none is copied from
//! another lexicon. Structural features (replies, people, threads, links, hashtags,
//! repeats) need no lexicon and work in every language.
//!
//! Entries of spaced languages are lower-case words separated by single spaces, matched on
//! word boundaries by [`PreparedText::has_phrase`]: a trailing `*` makes the last word a
//! prefix and a leading `^` anchors the phrase at the start of the post. Japanese entries
//! are substrings.

mod de;
mod en;
mod es;
mod fr;
mod ja;
mod pt;

use super::text::PreparedText;

/// One language's phrases, grouped by the feature they feed.
pub struct Lexicon {
    /// A BCP 47 tag, for the documentation and the tests.
    pub language: &'static str,
    /// False for languages written without spaces: their entries are substrings.
    pub spaced: bool,
    /// Question words that make a question even without a "?" (many people drop it).
    pub question_openers: &'static [&'static str],
    /// Thanks, acknowledgement, agreement and hedges: the marks of someone listening.
    pub acknowledgement: &'static [&'static str],
    /// Curt contradiction at the start of a reply ("Wrong.", "lol no").
    pub curt_openers: &'static [&'static str],
    /// Reasoning and nuance markers.
    pub reasoning: &'static [&'static str],
    /// First-person singular experience.
    pub first_person: &'static [&'static str],
    /// Compassion, encouragement and affinity.
    pub compassion: &'static [&'static str],
    /// Engagement bait: asking for likes, shares, tags, votes or comments for reach.
    pub bait: &'static [&'static str],
    /// Genuine requests for help or advice: they exempt a post from the bait count.
    pub help_requests: &'static [&'static str],
    /// Selling and self-promotion: calls to action, "link in bio", discount codes.
    pub promotion: &'static [&'static str],
    /// Boasts about audience size ("just hit 10k followers").
    pub audience_boasts: &'static [&'static str],
    /// Insults aimed at people. Plain swearing is not here: it says nothing about how a
    /// person treats others.
    pub incivility: &'static [&'static str],
    /// Us-versus-them generalisations about groups of people.
    pub us_versus_them: &'static [&'static str],
}

/// Every lexicon, English first.
pub static ALL_LEXICONS: [&Lexicon; 6] = [
    &en::ENGLISH,
    &es::SPANISH,
    &de::GERMAN,
    &fr::FRENCH,
    &pt::PORTUGUESE,
    &ja::JAPANESE,
];

impl Lexicon {
    /// Whether any entry of `list` (one of this lexicon's fields) occurs in `text`.
    pub fn matches(&self, text: &PreparedText, list: &[&str]) -> bool {
        if self.spaced {
            text.has_any_phrase(list)
        } else {
            text.has_any_substring(list)
        }
    }
}

/// Whether any language's `pick`ed list matches. The Latin-script lexicons all run on
/// every post: the lists barely overlap, and guessing the language of a ten-word post is
/// less reliable than looking for every language's phrases. The Japanese lexicon runs
/// only on posts that contain Japanese script.
pub fn any_language_matches(
    text: &PreparedText,
    pick: impl Fn(&Lexicon) -> &'static [&'static str],
) -> bool {
    ALL_LEXICONS.iter().any(|lexicon| {
        (lexicon.spaced || text.has_kana_or_kanji) && lexicon.matches(text, pick(lexicon))
    })
}

/// The languages with a lexicon, as BCP 47 tags.
pub fn languages() -> Vec<&'static str> {
    ALL_LEXICONS
        .iter()
        .map(|lexicon| lexicon.language)
        .collect()
}
