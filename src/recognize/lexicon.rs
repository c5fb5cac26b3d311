//! The lexicon: which words name a metric, in which language, and on which side of
//! the number they may stand. The words themselves live in [`super::words`]; this
//! module indexes them once and matches them against text without allocating.

use super::kind::MetricKind;
use super::text::{char_at, char_before, fold, is_joining_space, is_word_char};
use super::words;
use std::sync::OnceLock;

/// A language the lexicon covers; used to report, and to read the few suffixes whose
/// meaning depends on it (Turkish "B" is *bin*, a thousand, not a billion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Es,
    Pt,
    Fr,
    De,
    It,
    Nl,
    Ja,
    Ko,
    Zh,
    Ru,
    Tr,
}

/// The word follows the number ("1.2K followers").
pub(super) const AFTER: u8 = 1;
/// The word precedes the number ("Followers 1.2K", "フォロワー 1.2万人").
pub(super) const BEFORE: u8 = 2;
/// A verb before the number that needs a [`TAIL`] word after it ("Viewed 3 times").
pub(super) const FRAME: u8 = 4;
/// Closes a [`FRAME`] ("times", "veces", "fois"); never a metric on its own.
pub(super) const TAIL: u8 = 8;
/// Social proof ("ana and 1,203 others"): after a conjunction only.
pub(super) const SOCIAL: u8 = 16;

/// One lexicon word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Entry {
    /// Lower case; a space matches any one joining space, "'" matches "’" too.
    pub word: &'static str,
    pub kind: MetricKind,
    pub lang: Lang,
    pub place: u8,
    /// Whether the word is written in a script without spaces (no word boundary).
    pub cjk: bool,
}

struct Index {
    entries: Vec<Entry>,
    /// (first char, entry index), sorted: the candidates for a word after a number.
    by_first: Vec<(char, u16)>,
    /// (last char, entry index), sorted: the candidates for a word before a number.
    by_last: Vec<(char, u16)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut entries = Vec::new();
        for (lang, table) in words::TABLES {
            for (kind, place, forms) in table.iter() {
                for word in forms.iter() {
                    entries.push(Entry {
                        word,
                        kind: *kind,
                        lang: *lang,
                        place: *place,
                        cjk: word.chars().any(super::text::is_cjk),
                    });
                }
            }
        }
        let mut by_first: Vec<(char, u16)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((e.word.chars().next()?, i as u16)))
            .collect();
        crate::small_sort::heapsort(&mut by_first);
        let mut by_last: Vec<(char, u16)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((e.word.chars().next_back()?, i as u16)))
            .collect();
        crate::small_sort::heapsort(&mut by_last);
        Index {
            entries,
            by_first,
            by_last,
        }
    })
}

/// Every entry, for tests.
#[cfg(test)]
pub(crate) fn entries() -> &'static [Entry] {
    &index().entries
}

fn candidates(keys: &[(char, u16)], key: char) -> &[(char, u16)] {
    let from = keys.partition_point(|(c, _)| *c < key);
    let to = keys.partition_point(|(c, _)| *c <= key);
    &keys[from..to]
}

/// Whether `word` is spelt at byte `at`; returns where it ends.
pub(super) fn spelt_at(text: &str, at: usize, word: &str) -> Option<usize> {
    let mut rest = text.get(at..)?.chars();
    let mut end = at;
    for w in word.chars() {
        let t = rest.next()?;
        let same = if w == ' ' {
            is_joining_space(t)
        } else {
            fold(t) == w
        };
        if !same {
            return None;
        }
        end += t.len_utf8();
    }
    Some(end)
}

/// Whether `word` is spelt just before byte `end`; returns where it starts.
pub(super) fn spelt_before(text: &str, end: usize, word: &str) -> Option<usize> {
    let mut rest = text.get(..end)?.chars().rev();
    let mut start = end;
    for w in word.chars().rev() {
        let t = rest.next()?;
        let same = if w == ' ' {
            is_joining_space(t)
        } else {
            fold(t) == w
        };
        if !same {
            return None;
        }
        start -= t.len_utf8();
    }
    Some(start)
}

/// The longest entry with a place in `places` spelt at `at`, and where it ends.
pub(super) fn word_at(text: &str, at: usize, places: u8) -> Option<(&'static Entry, usize)> {
    let index = index();
    let first = fold(char_at(text, at)?);
    let mut best: Option<(&'static Entry, usize)> = None;
    for &(_, i) in candidates(&index.by_first, first) {
        let entry = &index.entries[i as usize];
        if entry.place & places == 0 {
            continue;
        }
        let Some(end) = spelt_at(text, at, entry.word) else {
            continue;
        };
        let bounded = entry.cjk
            || !entry.word.chars().next_back().is_some_and(is_word_char)
            || !char_at(text, end).is_some_and(is_word_char);
        if bounded && best.is_none_or(|(_, best_end)| end > best_end) {
            best = Some((entry, end));
        }
    }
    best
}

/// The longest entry with a place in `places` spelt just before `end`, and where it
/// starts.
pub(super) fn word_before(text: &str, end: usize, places: u8) -> Option<(&'static Entry, usize)> {
    let index = index();
    let last = fold(char_before(text, end)?);
    let mut best: Option<(&'static Entry, usize)> = None;
    for &(_, i) in candidates(&index.by_last, last) {
        let entry = &index.entries[i as usize];
        if entry.place & places == 0 {
            continue;
        }
        let Some(start) = spelt_before(text, end, entry.word) else {
            continue;
        };
        let bounded = entry.cjk
            || !entry.word.chars().next().is_some_and(is_word_char)
            || !char_before(text, start).is_some_and(is_word_char);
        if bounded && best.is_none_or(|(_, best_start)| start < best_start) {
            best = Some((entry, start));
        }
    }
    best
}
