//! The scanner: walks a text's bytes to each number, reads it, rules out the
//! traps, and looks for a lexicon word on either side. The result is a [`Count`]
//! with the span to cut so that the words stay grammatical.
//!
//! Labels are short. A number with a metric word inside a long sentence is far more
//! likely prose that reached the recognizer by mistake than a label, so matches are
//! also bounded by how many words share their segment (the text between bullets,
//! line breaks and sentence ends).
//!
//! Every step is local or bounded, so a text is read in linear time: word counts stop
//! one past their limit, segment starts are remembered as the scan moves forward, and
//! the counts found so far are searched by position (a page can hand us 100 KB of
//! "1.2K followers"; the scanner once rescanned the segment for each number).

use super::kind::MetricKind;
use super::lexicon::{
    spelt_at, word_at, word_before, Entry, Lang, AFTER, BEFORE, FRAME, SOCIAL, TAIL,
};
use super::number::{self, Scanned, Token};
use super::text::{
    char_at, char_before, is_cjk, is_digit, is_joining_space, is_segment_separator, is_word_char,
};
use super::traps::{
    follows_loose_number, prose_word_before, rejects_number, token_before, word_is,
};
use super::words::{CONJUNCTIONS, CONNECTORS};
use super::{Count, RewriteMode, TextContext};

/// At most this many words may stand before a count in its segment ("View all").
const MAX_WORDS_BEFORE: usize = 4;
/// Social proof names people first ("Liked by Ana María López and").
const MAX_WORDS_BEFORE_SOCIAL: usize = 8;
/// At most this many words may follow the metric word in its segment.
const MAX_WORDS_AFTER: usize = 4;
/// Star counts this small are ratings ("5 stars"), not vanity.
const MAX_RATING: f64 = 10.0;

pub(super) fn find_counts(text: &str, context: TextContext) -> Vec<Count> {
    let counts = find_once(text, context);
    if counts.is_empty() {
        return counts;
    }
    // Hiding must not bring a word and another number together ("외 1 (3)" would
    // become "외 (3)"): a text whose rewrite holds a count again is ambiguous, and
    // is left alone. This is what makes rewriting idempotent.
    let hidden = super::rewrite::rewrite(text, &counts, RewriteMode::Hide);
    if !find_once(&hidden, context).is_empty() {
        return Vec::new();
    }
    // The same for coarse replies: "3 亿comment t k 0亿comment" read one count, but with
    // "1+" in place of "3 亿" fewer words stood before the second, which then counted
    // (found by the `recognize` fuzz target). A coarse rewrite must be final too.
    if counts.iter().any(|count| count.kind == MetricKind::Replies) {
        let coarse = super::rewrite::rewrite(text, &counts, RewriteMode::Coarse);
        let again = find_once(&coarse, context);
        if super::rewrite::rewrite(&coarse, &again, RewriteMode::Coarse) != coarse {
            return Vec::new();
        }
    }
    counts
}

fn find_once(text: &str, context: TextContext) -> Vec<Count> {
    let mut found: Vec<Count> = Vec::new();
    if context == TextContext::Prose
        || (context == TextContext::Sweep && !super::sweep::is_sweep_text(text))
    {
        return found;
    }
    let mut at = 0;
    if context == TextContext::Title {
        if let Some(count) = unread_in_title(text) {
            at = count.cut.end;
            found.push(count);
        }
    }
    let segments = Segments::default();
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        // Digits are ASCII or start with one of three lead bytes (Arabic-Indic,
        // Persian, full-width): everything else is skipped a byte at a time.
        if !(b.is_ascii_digit() || b == 0xD9 || b == 0xDB || b == 0xEF) {
            at += 1;
            continue;
        }
        let Some(c) = char_at(text, at) else {
            at += 1;
            continue;
        };
        if !is_digit(c) {
            at += c.len_utf8();
            continue;
        }
        if char_before(text, at).is_some_and(is_word_char) {
            at = number::skip_junk(text, at);
            continue;
        }
        let scanned = match number::scan(text, at, true) {
            Token::Number(scanned) => scanned,
            Token::Junk(end) => {
                at = end.max(at + 1);
                continue;
            }
        };
        let next = scanned.number.span.end.max(at + 1);
        let mut count = recognize(text, &scanned, &found, &segments);
        if count.is_none() && scanned.spaced_suffix {
            // "5 Mi piace" is five likes, not five million "piace".
            if let Token::Number(plain) = number::scan(text, at, false) {
                count = recognize(text, &plain, &found, &segments);
            }
        }
        if let Some(count) = count {
            if !overlaps_found(&found, &count) {
                found.push(count);
            }
        }
        at = next;
    }
    found
}

/// Whether `count`'s cut overlaps one of `found`. Each cut holds its number and cuts
/// never overlap, so cuts found in text order are sorted by start and by end alike.
fn overlaps_found(found: &[Count], count: &Count) -> bool {
    let first_after = found.partition_point(|c| c.cut.end <= count.cut.start);
    found
        .get(first_after)
        .is_some_and(|c| c.cut.start < count.cut.end)
}

/// "(3) Home / X", "(99+) Inbox", "(3)": a leading counter in a tab title.
fn unread_in_title(text: &str) -> Option<Count> {
    let open = text.len() - text.trim_start().len();
    if char_at(text, open) != Some('(') {
        return None;
    }
    let Token::Number(scanned) = number::scan(text, open + 1, false) else {
        return None;
    };
    let span = scanned.number.span;
    if char_at(text, span.end) != Some(')') || scanned.number.value < 0.0 {
        return None;
    }
    let mut cut_end = span.end + 1;
    if let Some(space) = char_at(text, cut_end).filter(|c| is_joining_space(*c)) {
        // "(555) 123-4567" and "(3) (5) Home" are not one counter and a title, but
        // "(3) 100 loaves in 60 seconds - YouTube" is: titles open with numbers too.
        let next_at = cut_end + space.len_utf8();
        let next = char_at(text, next_at);
        if next == Some('(') || next.is_some_and(is_digit) && continues_phone(text, next_at) {
            return None;
        }
        cut_end += space.len_utf8();
    } else if char_at(text, cut_end).is_some_and(|c| is_digit(c) || c == '(') {
        return None;
    }
    Some(Count {
        kind: MetricKind::Unread,
        value: scanned.number.value,
        number: span,
        // The brackets belong to the counter: "(3) Home" becomes "Home".
        cut: open..cut_end,
    })
}

/// Whether the digits at `at` read as the rest of a telephone number after an area code
/// in brackets: "123-4567", "123.4567", "123 4567".
fn continues_phone(text: &str, at: usize) -> bool {
    let digits_end = text[at..]
        .char_indices()
        .find(|(_, c)| !is_digit(*c))
        .map_or(text.len(), |(i, _)| at + i);
    match char_at(text, digits_end) {
        Some('-' | '\u{2010}' | '\u{2013}' | '.') => true,
        Some(c) if is_joining_space(c) => {
            char_at(text, digits_end + c.len_utf8()).is_some_and(is_digit)
        }
        _ => false,
    }
}

struct Match {
    entry: &'static Entry,
    cut: std::ops::Range<usize>,
    /// Whether a connector ("de", "の") joined number and word.
    connector: bool,
}

fn recognize(text: &str, scanned: &Scanned, found: &[Count], segments: &Segments) -> Option<Count> {
    let span = scanned.number.span.clone();
    if rejects_number(text, &span) || follows_loose_number(text, span.start, found) {
        return None;
    }
    let after = match_after(text, scanned);
    let before = match_before(text, scanned, found);
    let chosen = match (after, before) {
        (Some(after), Some(before)) if before.entry.cjk => {
            // "フォロワー1.2万人 フォロー中123人": a counter or a tight join binds the
            // number to the word before it; "1,234件のいいね" binds it to the word after.
            // Without either, the layout decides: a segment that opens with a word
            // ("게시물 1,234 팔로워 1.2만") puts words before numbers.
            let tight = !char_before(text, span.start).is_some_and(is_joining_space);
            if !after.connector
                && (scanned.counter || tight || opens_with_word(text, span.start, segments))
            {
                before
            } else {
                after
            }
        }
        (Some(after), _) => after,
        (None, before) => before?,
    };
    let mut value = scanned.number.value;
    if chosen.entry.lang == Lang::Tr && scanned.suffix.is_some_and(|s| s.text == "B") {
        // Turkish "1,2 B takipçi" is 1,2 *bin*: a thousand and two hundred.
        value = value / 1e9 * 1e3;
    }
    Some(Count {
        kind: chosen.entry.kind,
        value,
        number: span,
        cut: chosen.cut,
    })
}

/// One joining space (or a single line break) at `at`, and where it ends.
fn joining_space_at(text: &str, at: usize) -> usize {
    match char_at(text, at) {
        Some(c) if is_joining_space(c) || c == '\n' => at + c.len_utf8(),
        _ => at,
    }
}

fn match_after(text: &str, scanned: &Scanned) -> Option<Match> {
    let span = &scanned.number.span;
    let word_start = joining_space_at(text, span.end);
    let (entry, word_end, cut_end, connector) = match word_at(text, word_start, AFTER) {
        Some((entry, end)) => (entry, end, word_start, false),
        None => CONNECTORS.iter().find_map(|connector| {
            let after = spelt_at(text, word_start, connector)?;
            let (entry, end) = word_at(text, after, AFTER)?;
            Some((entry, end, after, true))
        })?,
    };
    if !entry.cjk {
        if entry.kind == MetricKind::Stars && is_rating(scanned) {
            return None;
        }
        let social = entry.place & SOCIAL != 0;
        let conjunction = social && conjunction_before(text, span.start);
        if social && !conjunction {
            return None;
        }
        if !conjunction && prose_word_before(text, span.start) {
            return None;
        }
        // "700 members of the Mystery Writers": a noun phrase, not a label.
        if entry.lang == Lang::En
            && spelt_at(text, joining_space_at(text, word_end), "of ").is_some()
        {
            return None;
        }
        let limit = if conjunction {
            MAX_WORDS_BEFORE_SOCIAL
        } else {
            MAX_WORDS_BEFORE
        };
        if words_before(text, span.start, limit) > limit
            || words_after(text, word_end, MAX_WORDS_AFTER) > MAX_WORDS_AFTER
        {
            return None;
        }
    }
    Some(Match {
        entry,
        cut: span.start..cut_end,
        connector,
    })
}

fn match_before(text: &str, scanned: &Scanned, found: &[Count]) -> Option<Match> {
    let span = &scanned.number.span;
    let paren = char_before(text, span.start) == Some('(') && char_at(text, span.end) == Some(')');
    let (number_start, number_end) = if paren {
        (span.start - 1, span.end + 1)
    } else {
        (span.start, span.end)
    };
    let mut at = number_start;
    let space_before = char_before(text, at).filter(|c| is_joining_space(*c));
    if let Some(space) = space_before {
        at -= space.len_utf8();
    }
    let colon = char_before(text, at).filter(|c| matches!(c, ':' | '：'));
    if let Some(colon) = colon {
        at -= colon.len_utf8();
    }
    let (entry, word_start) = word_before(text, at, BEFORE | FRAME)?;
    let space_after = char_at(text, number_end).filter(|c| is_joining_space(*c));
    if !entry.cjk {
        if entry.place & FRAME != 0 {
            // "Viewed 3,000,367 times": the verb needs its "times".
            let tail = space_after.map(|s| number_end + s.len_utf8())?;
            let (tail_entry, tail_end) = word_at(text, tail, TAIL)?;
            let _ = tail_entry;
            if words_before(text, word_start, MAX_WORDS_BEFORE) > MAX_WORDS_BEFORE
                || words_after(text, tail_end, MAX_WORDS_AFTER) > MAX_WORDS_AFTER
            {
                return None;
            }
        } else {
            // "Followers 1.2K" is a label only when it is the whole segment, or when a
            // colon or brackets say so ("Total views: 1,234", old Reddit's "full
            // comments (649)", Instagram's "View replies (3)").
            if !ends_segment(text, number_end) {
                return None;
            }
            let starts = if colon.is_some() || paren {
                words_before(text, word_start, 2) <= 2
            } else {
                starts_segment(text, word_start, found)
            };
            if !starts || (entry.kind == MetricKind::Stars && is_rating(scanned)) {
                return None;
            }
        }
    }
    // The joining space is the one between word and number; only a frame's number
    // ("Viewed 3 times") sits between two words and takes the space after it.
    let cut = match (space_after, space_before) {
        (Some(space), _) if entry.place & FRAME != 0 => number_start..number_end + space.len_utf8(),
        (_, Some(space)) => number_start - space.len_utf8()..number_end,
        _ => number_start..number_end,
    };
    Some(Match {
        entry,
        cut,
        connector: false,
    })
}

/// Whether the segment holding `at` opens with something other than a number.
fn opens_with_word(text: &str, at: usize, segments: &Segments) -> bool {
    segments
        .first_char(text, at)
        .is_some_and(|(first_at, c)| first_at < at && !is_digit(c))
}

/// The segment the scan is in, remembered as it moves forward so that no number
/// walks back to its segment's start: `start` is a segment start with no other one
/// in `start..=known_to`, and `first` the segment's first non-space character.
#[derive(Default)]
struct Segments {
    known: std::cell::Cell<(usize, usize)>,
    first: std::cell::Cell<Option<(usize, char)>>,
}

impl Segments {
    fn start(&self, text: &str, at: usize) -> usize {
        let (start, known_to) = self.known.get();
        if (start..=known_to).contains(&at) {
            return start;
        }
        let (mut new_start, mut position) = if at > known_to {
            (start, known_to)
        } else {
            // Behind the segment (never during a forward scan): walk back once.
            (segment_start(text, at), at)
        };
        while position < at {
            position += char_at(text, position).map_or(1, char::len_utf8);
            if starts_segment_at(text, position) {
                new_start = position;
            }
        }
        if new_start != start {
            self.first.set(None);
        }
        self.known.set((new_start, at));
        new_start
    }

    /// The first non-space character of the segment holding `at`, and where it is.
    fn first_char(&self, text: &str, at: usize) -> Option<(usize, char)> {
        let start = self.start(text, at);
        if let Some(first) = self.first.get() {
            return Some(first);
        }
        let first = text[start..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace())
            .map(|(i, c)| (start + i, c));
        self.first.set(first);
        first
    }
}

/// Whether a conjunction ("and", "y", "et", "und", "и", "ve") stands before `start`.
fn conjunction_before(text: &str, start: usize) -> bool {
    let Some(token) = token_before(text, start) else {
        return false;
    };
    let word = &text[token];
    CONJUNCTIONS.iter().any(|c| word_is(word, c))
}

/// "5 stars" out of five is a rating; GitHub-sized star counts are not.
fn is_rating(scanned: &Scanned) -> bool {
    scanned.number.value <= MAX_RATING
}

/// Where the segment holding `at` starts.
fn segment_start(text: &str, at: usize) -> usize {
    let mut position = at;
    while let Some(c) = char_before(text, position) {
        if starts_segment_at(text, position) {
            break;
        }
        position -= c.len_utf8();
    }
    position
}

/// Whether a segment starts at `position`: after a separator, or after the space
/// that follows a sentence's end.
fn starts_segment_at(text: &str, position: usize) -> bool {
    match char_before(text, position) {
        Some(c) if is_segment_separator(c) => true,
        Some(c) if c.is_whitespace() => {
            matches!(char_before(text, position - c.len_utf8()), Some('.' | ';'))
        }
        _ => false,
    }
}

/// Whether a segment ends at `position`: before a separator, or before a sentence's
/// end.
fn ends_segment_at(text: &str, position: usize) -> bool {
    match char_at(text, position) {
        Some(c) if is_segment_separator(c) => true,
        Some('.' | ';') => char_at(text, position + 1).is_none_or(|n| n.is_whitespace()),
        Some(_) => false,
        None => true,
    }
}

/// How much a word counts towards its segment's length: numbers and connectors do
/// not, so that hiding a count never lets another one through.
fn word_weight(word: &str) -> usize {
    let counts = !word.chars().any(is_digit)
        && !CONNECTORS
            .iter()
            .any(|c| c.trim_end().eq_ignore_ascii_case(word))
        && word.chars().any(|c| c.is_alphabetic());
    if !counts {
        return 0;
    }
    // A run of CJK counts as a word per three characters.
    let n_cjk = word.chars().filter(|c| is_cjk(*c)).count();
    if n_cjk > 3 {
        n_cjk.div_ceil(3)
    } else {
        1
    }
}

/// The words between the start of `at`'s segment and `at`, counted back from `at`
/// and only up to one past `limit`: the callers ask whether there are too many.
fn words_before(text: &str, at: usize, limit: usize) -> usize {
    let mut n_words = 0;
    let mut position = at;
    let mut word_end = None;
    loop {
        let c = char_before(text, position).filter(|_| !starts_segment_at(text, position));
        if let Some(c) = c.filter(|c| !c.is_whitespace()) {
            word_end.get_or_insert(position);
            position -= c.len_utf8();
            continue;
        }
        if let Some(end) = word_end.take() {
            n_words += word_weight(&text[position..end]);
            if n_words > limit {
                return n_words;
            }
        }
        match c {
            Some(space) => position -= space.len_utf8(),
            None => return n_words,
        }
    }
}

/// The words between `at` and the end of its segment, up to one past `limit`.
fn words_after(text: &str, at: usize, limit: usize) -> usize {
    let mut n_words = 0;
    let mut position = at;
    let mut word_start = None;
    loop {
        let c = char_at(text, position).filter(|_| !ends_segment_at(text, position));
        if let Some(c) = c.filter(|c| !c.is_whitespace()) {
            word_start.get_or_insert(position);
            position += c.len_utf8();
            continue;
        }
        if let Some(start) = word_start.take() {
            n_words += word_weight(&text[start..position]);
            if n_words > limit {
                return n_words;
            }
        }
        match c {
            Some(space) => position += space.len_utf8(),
            None => return n_words,
        }
    }
}

/// Whether only spaces stand between `at` and the end of its segment.
fn ends_segment(text: &str, at: usize) -> bool {
    let mut position = at;
    while !ends_segment_at(text, position) {
        match char_at(text, position) {
            Some(c) if c.is_whitespace() => position += c.len_utf8(),
            _ => return false,
        }
    }
    true
}

/// Whether only spaces stand between the start of `at`'s segment and `at`.
fn only_spaces_before(text: &str, at: usize) -> bool {
    let mut position = at;
    while !starts_segment_at(text, position) {
        match char_before(text, position) {
            Some(c) if c.is_whitespace() => position -= c.len_utf8(),
            Some(_) => return false,
            None => return true,
        }
    }
    true
}

/// Whether the word at `at` opens its segment, counting a count's number before it
/// as nothing ("5 Followers 3": both numbers go).
fn starts_segment(text: &str, mut at: usize, found: &[Count]) -> bool {
    for _ in 0..3 {
        if only_spaces_before(text, at) {
            return true;
        }
        let Some(token) = token_before(text, at) else {
            return false;
        };
        if found
            .binary_search_by_key(&token.start, |c| c.number.start)
            .is_err()
        {
            return false;
        }
        at = token.start;
    }
    false
}
