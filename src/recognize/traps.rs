//! Numbers that are not counts: prices, percentages, times, ordinals, versions,
//! handles and URLs, years after a month, and numbers in the middle of a sentence.
//! Each check looks only at the characters around a number, so it costs nothing
//! unless a number is there.

use super::text::{char_at, char_before, fold, is_cjk, is_digit, is_joining_space, is_word_char};
use super::words::PROSE_BEFORE;
use super::Count;
use std::ops::Range;

const CURRENCIES: &[char] = &[
    '$', '€', '£', '¥', '₹', '₩', '₽', '₺', '¢', '円', '元', '원', '₴', '₱', '₪', '฿',
];

/// Whether the characters around `span` say it is not a count.
pub(super) fn rejects_number(text: &str, span: &Range<usize>) -> bool {
    let (start, end) = (span.start, span.end);
    if let Some(before) = char_before(text, start) {
        let before_that = char_before(text, start - before.len_utf8());
        let rejected = match before {
            c if is_word_char(c) => true,
            // Handles, hashtags, rankings, paths, query strings, percent-first
            // (Turkish "%50"), and ordinal prefixes (第5, 제5).
            '#' | '@' | '/' | '\\' | '=' | '_' | '&' | '%' | '№' | '第' | '제' | '*' | '^' => {
                true
            }
            // "9:00", "v1.2", "COVID-19": glued to a token before.
            ':' | '.' | ',' | '-' | '–' => before_that.is_some_and(is_word_char),
            c if CURRENCIES.contains(&c) => true,
            c if is_joining_space(c) => {
                before_that.is_some_and(|c| CURRENCIES.contains(&c) || c == '%')
            }
            // "1.2万1": glued to a number's suffix or counter.
            c if is_cjk(c) => before_that.is_some_and(is_digit),
            _ => false,
        };
        if rejected {
            return true;
        }
    }
    let last = char_before(text, end);
    if let Some(after) = char_at(text, end) {
        let after_that = char_at(text, end + after.len_utf8());
        let rejected = match after {
            c if is_digit(c) => true,
            // "1st", "5km", "3x"; a CJK counter or suffix may touch a word.
            c if is_word_char(c) => last.is_some_and(|l| is_digit(l) || l == '+' || l.is_ascii()),
            '%' | '％' | '‰' | '/' | '°' | 'º' | 'ª' => true,
            ':' | '\'' | '’' | '-' => after_that.is_some_and(is_word_char),
            // A German ordinal ("5. Platz"), but not the end of a sentence.
            '.' => {
                after_that.is_some_and(is_joining_space)
                    && char_at(text, end + 2).is_some_and(|c| c.is_alphabetic())
            }
            c if CURRENCIES.contains(&c) => true,
            c if is_joining_space(c) => {
                after_that.is_some_and(|c| CURRENCIES.contains(&c) || c == '%' || c == '％')
            }
            _ => false,
        };
        if rejected {
            return true;
        }
    }
    false
}

/// Tokens are read back at most this far: the words a check looks for are short, and a
/// page's one long run of "!1!1!1…" must not be read again for each of its numbers.
const MAX_TOKEN_BYTES: usize = 64;

/// The token (run of non-space characters) ending at `end`, after skipping at most two
/// joining spaces; only its last [`MAX_TOKEN_BYTES`] of a longer one.
pub(super) fn token_before(text: &str, end: usize) -> Option<Range<usize>> {
    let mut at = end;
    for _ in 0..2 {
        match char_before(text, at) {
            Some(c) if is_joining_space(c) => at -= c.len_utf8(),
            _ => break,
        }
    }
    let token_end = at;
    while let Some(c) = char_before(text, at) {
        if c.is_whitespace() || token_end - at >= MAX_TOKEN_BYTES {
            break;
        }
        at -= c.len_utf8();
    }
    (at < token_end).then_some(at..token_end)
}

/// Whether a number that no count claims stands just before `start` (skipping one
/// connector): "3 5 likes" is no label, and hiding "5" would make "3 likes" one.
pub(super) fn follows_loose_number(text: &str, start: usize, found: &[Count]) -> bool {
    let mut end = start;
    for _ in 0..2 {
        let Some(token) = token_before(text, end) else {
            return false;
        };
        let word = &text[token.clone()];
        if word.chars().any(is_digit) {
            // Counts are in text order, their numbers apart.
            let claims = found.partition_point(|count| count.number.end <= token.start);
            return !found
                .get(claims)
                .is_some_and(|count| count.number.contains(&token.start));
        }
        if !super::words::CONNECTORS
            .iter()
            .any(|c| c.trim_end().eq_ignore_ascii_case(word))
        {
            return false;
        }
        end = token.start;
    }
    false
}

/// The word before `start` (skipping one space), trailing punctuation removed, if it
/// is one that makes a number part of a sentence ("by 980 votes").
pub(super) fn prose_word_before(text: &str, start: usize) -> bool {
    let Some(token) = token_before(text, start) else {
        return false;
    };
    let mut end = token.end;
    while let Some(c) = char_before(text, end).filter(|c| !c.is_alphanumeric() && *c != '°') {
        end -= c.len_utf8();
        if end <= token.start {
            return false;
        }
    }
    let mut begin = token.start;
    while let Some(c) = char_at(text, begin).filter(|c| !c.is_alphanumeric()) {
        begin += c.len_utf8();
        if begin >= end {
            return false;
        }
    }
    let word = &text[begin..end];
    let first = word.chars().next().map(fold);
    PROSE_BEFORE
        .iter()
        .any(|stop| stop.chars().next() == first && word_is(word, stop))
}

/// Whether `word` (folded) equals `expected`.
pub(super) fn word_is(word: &str, expected: &str) -> bool {
    word.chars().map(fold).eq(expected.chars())
}
