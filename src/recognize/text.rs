//! Character classes the recognizer scans by: digits of every script it reads, the
//! whitespace that joins a number to its word, segment separators, and a cheap
//! case fold. Kept apart so the scanner reads as grammar rather than code points.

/// The zero of each decimal digit run the recognizer reads: ASCII, Arabic-Indic, Persian
/// and full-width, each followed by its nine other digits. The one list of digits: the
/// content script's digit test (`digitClass` in extension/generated/constants.js) is
/// generated from it, so the page never sends, or skips, a text the engine reads otherwise.
pub(crate) const DIGIT_ZEROS: [char; 4] = ['0', '\u{660}', '\u{6F0}', '\u{FF10}'];

/// The value of a decimal digit in any run of [`DIGIT_ZEROS`].
#[inline]
pub(super) fn digit_value(c: char) -> Option<u32> {
    DIGIT_ZEROS.iter().find_map(|&zero| {
        let value = (c as u32).wrapping_sub(zero as u32);
        (value < 10).then_some(value)
    })
}

#[inline]
pub(super) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Han, kana and Hangul: scripts written without spaces between words, where a word
/// may touch a number ("フォロワー1.2万人") and no word boundary is required.
#[inline]
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF
        | 0x3005..=0x3007
        | 0x3040..=0x30FF
        | 0x3130..=0x318F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F
        | 0x20000..=0x2FFFF)
}

/// A letter or digit of a script that separates words with spaces: touching a number,
/// it makes the number part of a token ("v2", "1st", "user123").
#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Whitespace that may join a number to its word on one line (regular, no-break,
/// narrow no-break, thin, figure and ideographic spaces).
#[inline]
pub(super) fn is_joining_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\u{3000}'
    )
}

/// Characters that end a segment of interface text: a label's parts are often glued
/// with bullets ("14,748,479 views • 24 Apr 2018") or line breaks.
#[inline]
pub(super) fn is_segment_separator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '•'
            | '·'
            | '|'
            | '‧'
            | '∙'
            | '・'
            | '⋅'
            | '。'
            | '！'
            | '？'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '「'
            | '」'
            | '—'
            | '／'
    )
}

/// A one-character case fold good enough for the lexicon: lower case, with the
/// typographic apostrophe read as the ASCII one and Turkish dotted capital I as "i".
#[inline]
pub(super) fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '’' | 'ʼ' | '′' => '\'',
        'İ' => 'i',
        _ => crate::case::lower_first(c),
    }
}

/// The character starting at byte `at`, if any.
#[inline]
pub(super) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|rest| rest.chars().next())
}

/// The character ending at byte `at`, if any.
#[inline]
pub(super) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|head| head.chars().next_back())
}
