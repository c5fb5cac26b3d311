//! The phrase lists behind the lexical features, one file per language. Every list here
//! was written for Sincerely and ships under the crate's MIT licence; none is copied from
//! another lexicon. Structural features (replies, people, threads, links, hashtags,
//! repeats) need no lexicon and work in every language.
//!
//! Entries of spaced languages are lower-case words separated by single spaces, matched on
//! word boundaries (through an index by first word, see [`matched_lists`]): a trailing `*` makes the last word a
//! prefix and a leading `^` anchors the phrase at the start of the post. Japanese entries
//! are substrings.

mod de;
mod en;
mod es;
mod fr;
mod ja;
mod pt;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::text::{FastHashBuilder, PreparedText};
use crate::word_list::WordList;

/// One language's phrases, grouped by the feature they feed.
pub struct Lexicon {
    /// A BCP 47 tag, for the documentation and the tests.
    pub language: &'static str,
    /// False for languages written without spaces: their entries are substrings.
    pub spaced: bool,
    /// Question words that make a question even without a "?" (many people drop it).
    pub question_openers: WordList,
    /// Thanks, acknowledgement, agreement and hedges: the marks of someone listening.
    pub acknowledgement: WordList,
    /// Curt contradiction at the start of a reply ("Wrong.", "lol no").
    pub curt_openers: WordList,
    /// Reasoning and nuance markers.
    pub reasoning: WordList,
    /// First-person singular experience.
    pub first_person: WordList,
    /// Compassion, encouragement and affinity.
    pub compassion: WordList,
    /// Engagement bait: asking for likes, shares, tags, votes or comments for reach.
    pub bait: WordList,
    /// Genuine requests for help or advice: they exempt a post from the bait count.
    pub help_requests: WordList,
    /// Selling and self-promotion: calls to action, "link in bio", discount codes.
    pub promotion: WordList,
    /// Boasts about audience size ("just hit 10k followers").
    pub audience_boasts: WordList,
    /// Insults aimed at people. Plain swearing is not here: it says nothing about how a
    /// person treats others.
    pub incivility: WordList,
    /// Us-versus-them generalisations about groups of people.
    pub us_versus_them: WordList,
    /// Rhetorical and hostile questions that want no answer ("are you kidding me"): they
    /// are not follow-up questions.
    pub rhetorical: WordList,
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

/// The lists of a lexicon, as bits of a [`ListSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    QuestionOpeners = 0,
    Acknowledgement,
    CurtOpeners,
    Reasoning,
    FirstPerson,
    Compassion,
    Bait,
    HelpRequests,
    Promotion,
    AudienceBoasts,
    Incivility,
    UsVersusThem,
    Rhetorical,
}

impl ListKind {
    pub const ALL: [ListKind; 13] = [
        ListKind::QuestionOpeners,
        ListKind::Acknowledgement,
        ListKind::CurtOpeners,
        ListKind::Reasoning,
        ListKind::FirstPerson,
        ListKind::Compassion,
        ListKind::Bait,
        ListKind::HelpRequests,
        ListKind::Promotion,
        ListKind::AudienceBoasts,
        ListKind::Incivility,
        ListKind::UsVersusThem,
        ListKind::Rhetorical,
    ];

    pub fn list(self, lexicon: &Lexicon) -> WordList {
        match self {
            ListKind::QuestionOpeners => lexicon.question_openers,
            ListKind::Acknowledgement => lexicon.acknowledgement,
            ListKind::CurtOpeners => lexicon.curt_openers,
            ListKind::Reasoning => lexicon.reasoning,
            ListKind::FirstPerson => lexicon.first_person,
            ListKind::Compassion => lexicon.compassion,
            ListKind::Bait => lexicon.bait,
            ListKind::HelpRequests => lexicon.help_requests,
            ListKind::Promotion => lexicon.promotion,
            ListKind::AudienceBoasts => lexicon.audience_boasts,
            ListKind::Incivility => lexicon.incivility,
            ListKind::UsVersusThem => lexicon.us_versus_them,
            ListKind::Rhetorical => lexicon.rhetorical,
        }
    }
}

/// Which lists matched a post, one bit per [`ListKind`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListSet(u32);

impl ListSet {
    pub fn contains(self, kind: ListKind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }

    fn insert(&mut self, kind: ListKind) {
        self.0 |= 1 << kind as u32;
    }
}

/// One phrase of a spaced lexicon, filed under its first word.
struct IndexedPhrase {
    /// The phrase without its `^` and `*` marks.
    words: &'static str,
    anchored: bool,
    prefix: bool,
    kind: ListKind,
}

/// Every spaced-language phrase by first word, so a post is matched by looking up each of
/// its words once instead of searching for every phrase (about 1,500 of them): this is
/// what keeps a 200-post profile under a millisecond.
struct PhraseIndex {
    by_first_word: HashMap<&'static str, Vec<IndexedPhrase>, FastHashBuilder>,
    /// Single-word prefixes ("congrat*"): few, so they are tried against every word.
    single_word_prefixes: Vec<(&'static str, bool, ListKind)>,
}

fn phrase_index() -> &'static PhraseIndex {
    static INDEX: OnceLock<PhraseIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = PhraseIndex {
            by_first_word: HashMap::default(),
            single_word_prefixes: Vec::new(),
        };
        for lexicon in ALL_LEXICONS.iter().filter(|lexicon| lexicon.spaced) {
            for kind in ListKind::ALL {
                for phrase in kind.list(lexicon) {
                    let (anchored, rest) = match phrase.strip_prefix('^') {
                        Some(rest) => (true, rest),
                        None => (false, phrase),
                    };
                    let (prefix, words) = match rest.strip_suffix('*') {
                        Some(words) => (true, words),
                        None => (false, rest),
                    };
                    let first_word = words.split(' ').next().unwrap_or(words);
                    if prefix && first_word == words {
                        index.single_word_prefixes.push((words, anchored, kind));
                        continue;
                    }
                    index
                        .by_first_word
                        .entry(first_word)
                        .or_default()
                        .push(IndexedPhrase {
                            words,
                            anchored,
                            prefix,
                            kind,
                        });
                }
            }
        }
        index
    })
}

/// Every list that matches the post, in any language. The Latin-script lexicons all run
/// on every post: the lists barely overlap, and guessing the language of a ten-word post
/// is less reliable than looking for every language's phrases. The Japanese lexicon runs
/// only on posts that contain Japanese script.
pub fn matched_lists(text: &PreparedText) -> ListSet {
    let index = phrase_index();
    let mut matched = ListSet::default();
    let padded = text.padded_words.as_str();
    let mut word_start = 1;
    let mut is_first_word = true;
    while word_start < padded.len() {
        let Some(length) = padded[word_start..].find(' ') else {
            break;
        };
        let word = &padded[word_start..word_start + length];
        if !word.is_empty() {
            let from_here = &padded[word_start..];
            if let Some(phrases) = index.by_first_word.get(word) {
                for phrase in phrases {
                    if (phrase.anchored && !is_first_word) || matched.contains(phrase.kind) {
                        continue;
                    }
                    if from_here.starts_with(phrase.words)
                        && (phrase.prefix || from_here[phrase.words.len()..].starts_with(' '))
                    {
                        matched.insert(phrase.kind);
                    }
                }
            }
            for (prefix, anchored, kind) in &index.single_word_prefixes {
                if (!*anchored || is_first_word) && word.starts_with(prefix) {
                    matched.insert(*kind);
                }
            }
            is_first_word = false;
        }
        word_start += length + 1;
    }
    if text.has_kana_or_kanji {
        for lexicon in ALL_LEXICONS.iter().filter(|lexicon| !lexicon.spaced) {
            for kind in ListKind::ALL {
                if !matched.contains(kind) && text.has_any_substring(kind.list(lexicon)) {
                    matched.insert(kind);
                }
            }
        }
    }
    matched
}

/// The languages with a lexicon, as BCP 47 tags.
pub fn languages() -> Vec<&'static str> {
    ALL_LEXICONS
        .iter()
        .map(|lexicon| lexicon.language)
        .collect()
}
