//! Number parsing: digits of four scripts, grouping and decimal separators, compact
//! suffixes in twelve languages ("1.2K", "1,2 Mio.", "1.2万", "1,2 тыс."), counter
//! words attached to CJK numbers ("1.2万人"), a trailing "+", and ranges ("11-50"),
//! each with its exact byte span.
//!
//! The grammar is deliberately strict: a token that is not a well-formed count
//! ("1.2.3", "25.11.2026", "555-123-4567") is reported as junk so that the scanner
//! skips it whole instead of finding a count in its tail.

use super::text::{char_at, char_before, digit_value, is_joining_space, is_word_char};
use std::ops::Range;

/// A number as printed in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The value; "N+" is read as "more than N", so "1+" is 2 and "99+" is 100.
    pub value: f64,
    /// Byte span in the text: sign, digits, compact suffix, "+" and counter included.
    pub span: Range<usize>,
}

/// A compact suffix ("K", "Mio.", "万") and the power it stands for.
#[derive(Debug)]
pub(super) struct Suffix {
    pub text: &'static str,
    pub scale: f64,
    /// Whether it may follow the digits after one space ("1,2 Mio."); single Latin
    /// letters that are also units ("5 m") may not, except the ones sites print so.
    pub spaced: bool,
}

const fn suffix(text: &'static str, scale: f64, spaced: bool) -> Suffix {
    Suffix {
        text,
        scale,
        spaced,
    }
}

/// Compact suffixes, longest first so that "Mio." wins over "M". Matched case
/// sensitively: sites print them in a fixed case, and "Mi piace" must not read "Mi".
pub(super) const SUFFIXES: &[Suffix] = &[
    suffix("Milliarden", 1e9, true),
    suffix("Millionen", 1e6, true),
    suffix("milliards", 1e9, true),
    suffix("миллионов", 1e6, true),
    suffix("миллиона", 1e6, true),
    suffix("Milliarde", 1e9, true),
    suffix("milliard", 1e9, true),
    suffix("millions", 1e6, true),
    suffix("millones", 1e6, true),
    suffix("thousand", 1e3, true),
    suffix("миллион", 1e6, true),
    suffix("million", 1e6, true),
    suffix("Million", 1e6, true),
    suffix("milhões", 1e6, true),
    suffix("miliardi", 1e9, true),
    suffix("billion", 1e9, true),
    suffix("milioni", 1e6, true),
    suffix("milione", 1e6, true),
    suffix("miljoen", 1e6, true),
    suffix("miljard", 1e9, true),
    suffix("millón", 1e6, true),
    suffix("milhão", 1e6, true),
    suffix("milyon", 1e6, true),
    suffix("milyar", 1e9, true),
    suffix("тысячи", 1e3, true),
    suffix("тысяча", 1e3, true),
    suffix("тысяч", 1e3, true),
    suffix("млрд.", 1e9, true),
    suffix("млрд", 1e9, true),
    suffix("Mrd.", 1e9, true),
    suffix("Mio.", 1e6, true),
    suffix("Tsd.", 1e3, true),
    suffix("mln.", 1e6, true),
    suffix("Mln.", 1e6, true),
    suffix("mld.", 1e9, true),
    suffix("тыс.", 1e3, true),
    suffix("млн.", 1e6, true),
    suffix("Mrd", 1e9, true),
    suffix("Mio", 1e6, true),
    suffix("Tsd", 1e3, true),
    suffix("mln", 1e6, true),
    suffix("Mln", 1e6, true),
    suffix("mld", 1e9, true),
    suffix("Mld", 1e9, true),
    suffix("mil", 1e3, true),
    suffix("Mil", 1e3, true),
    suffix("bin", 1e3, true),
    suffix("Bin", 1e3, true),
    suffix("тыс", 1e3, true),
    suffix("млн", 1e6, true),
    suffix("Md", 1e9, true),
    suffix("Mn", 1e6, true),
    suffix("mn", 1e6, true),
    suffix("Bn", 1e9, true),
    suffix("bn", 1e9, true),
    suffix("Mr", 1e9, true),
    suffix("mi", 1e6, true),
    suffix("K", 1e3, true),
    suffix("k", 1e3, true),
    suffix("M", 1e6, true),
    suffix("B", 1e9, true),
    suffix("m", 1e6, false),
    suffix("b", 1e9, false),
    suffix("万", 1e4, true),
    suffix("萬", 1e4, true),
    suffix("億", 1e8, true),
    suffix("亿", 1e8, true),
    suffix("千", 1e3, true),
    suffix("천", 1e3, true),
    suffix("만", 1e4, true),
    suffix("억", 1e8, true),
];

/// Counter words that CJK languages attach to a number ("1.2万人", "12件", "3개"); they
/// belong to the number, so hiding "1.2万人" leaves no stray "人".
const COUNTERS: &[char] = &[
    '人', '件', '回', '名', '個', '个', '次', '条', '條', '則', '篇', '本', '명', '개', '회', '건',
    '번',
];

/// Korean particles that may follow a counter.
const PARTICLES: &[char] = &['이', '가', '을', '를', '의', '은', '는', '도'];

/// Separators between groups of digits or before decimals.
fn is_number_separator(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ' ' | '\'' | '’' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '٬' | '٫' | '，' | '．'
    )
}

/// Separators that may also mark decimals.
fn is_decimal_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '٫' | '，' | '．')
}

/// Separators that only ever group thousands, and must be followed by exactly three
/// digits: a space before anything else is just a space. French sites print a
/// narrow no-break space, but copied or re-rendered text often has a plain one.
fn is_grouping_only(c: char) -> bool {
    matches!(
        c,
        ' ' | '\'' | '’' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '٬'
    )
}

fn is_range_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '~' | '〜' | '～')
}

/// A scanned number with what the recognizer needs beyond its value.
#[derive(Debug)]
pub(super) struct Scanned {
    pub number: Number,
    /// The compact suffix read, if any.
    pub suffix: Option<&'static Suffix>,
    /// Whether the suffix was separated from the digits by a space: the scanner
    /// retries without it when the word that follows makes no sense otherwise.
    pub spaced_suffix: bool,
    /// Whether a CJK counter word closes the number.
    pub counter: bool,
}

/// What starts at a digit.
#[derive(Debug)]
pub(super) enum Token {
    Number(Scanned),
    /// Not a count (a version, a date, a phone number); skip to this byte.
    Junk(usize),
}

/// Parses the number that starts at byte `start` of `text`, if any.
///
/// `start` must be a character boundary; a sign just before it ("-5 points") is
/// included when the sign itself follows a space or the start of the text.
pub fn parse_number(text: &str, start: usize) -> Option<Number> {
    match scan(text, start, true) {
        Token::Number(scanned) => Some(scanned.number),
        Token::Junk(_) => None,
    }
}

/// Digits and separators from `start`: the integer value, the decimal part and the
/// end, or the end of the junk token.
struct Plain {
    value: f64,
    end: usize,
    /// The value read as a decimal when a single separator was taken for grouping
    /// because three digits followed: a compact suffix after it makes it a decimal
    /// ("1.234K" is rare, but it is 1.234 thousand, not 1234 thousand).
    as_decimal: Option<f64>,
}

fn scan_digits(text: &str, start: usize) -> Result<Plain, usize> {
    let mut at = start;
    // Groups: (separator before, value, number of digits).
    let mut groups: [(char, f64, u32); 8] = [('\0', 0.0, 0); 8];
    let mut n_groups = 0;
    let mut value = 0.0f64;
    let mut n_digits = 0u32;
    let mut separator = '\0';
    loop {
        match char_at(text, at) {
            Some(c) if digit_value(c).is_some() => {
                value = value * 10.0 + f64::from(digit_value(c).unwrap_or(0));
                n_digits += 1;
                at += c.len_utf8();
            }
            Some(c) if is_number_separator(c) && n_digits > 0 => {
                let after = at + c.len_utf8();
                if char_at(text, after).is_none_or(|d| digit_value(d).is_none()) {
                    break;
                }
                if is_grouping_only(c) && count_digits(text, after) != 3 {
                    break;
                }
                if n_groups == groups.len() - 1 {
                    return Err(skip_junk(text, at));
                }
                groups[n_groups] = (separator, value, n_digits);
                n_groups += 1;
                separator = c;
                value = 0.0;
                n_digits = 0;
                at = after;
            }
            _ => break,
        }
    }
    if n_digits == 0 {
        return Err(at.max(start + 1));
    }
    groups[n_groups] = (separator, value, n_digits);
    let groups = &groups[..=n_groups];
    if groups.len() == 1 {
        return Ok(Plain {
            value,
            end: at,
            as_decimal: None,
        });
    }
    let (last_separator, last_value, last_len) = groups[groups.len() - 1];
    let head = &groups[..groups.len() - 1];
    let grouping = head[0].2 <= 3;
    let inner_ok = head[1..].iter().all(|g| g.2 == 3);
    let inner_separator = head.get(1).map(|g| g.0);
    let whole = |gs: &[(char, f64, u32)]| gs.iter().fold(0.0, |acc, g| acc * 1000.0 + g.1);
    if !grouping || !inner_ok || inner_separator.is_some_and(|s| head[1..].iter().any(|g| g.0 != s))
    {
        return Err(skip_junk(text, at));
    }
    let all_grouping = last_len == 3 && inner_separator.is_none_or(|s| s == last_separator);
    if all_grouping {
        let as_decimal = (groups.len() == 2 && is_decimal_separator(last_separator))
            .then_some(head[0].1 + last_value / 1000.0);
        return Ok(Plain {
            value: whole(groups),
            end: at,
            as_decimal,
        });
    }
    let decimal_ok =
        is_decimal_separator(last_separator) && inner_separator.is_none_or(|s| s != last_separator);
    if decimal_ok {
        let int = whole(head);
        let fraction = last_value / 10f64.powi(last_len as i32);
        return Ok(Plain {
            value: int + fraction,
            end: at,
            as_decimal: None,
        });
    }
    Err(skip_junk(text, at))
}

fn count_digits(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .take_while(|c| digit_value(*c).is_some())
        .take(4)
        .count()
}

/// The end of a junk token: everything alphanumeric or number-like from `at`.
pub(super) fn skip_junk(text: &str, mut at: usize) -> usize {
    while let Some(c) = char_at(text, at) {
        let glue = (is_number_separator(c) && !c.is_whitespace())
            || is_range_dash(c)
            || matches!(c, ':' | '/' | '_');
        let next_is_word = char_at(text, at + c.len_utf8()).is_some_and(is_word_char);
        if is_word_char(c) || (glue && next_is_word) {
            at += c.len_utf8();
        } else {
            break;
        }
    }
    at
}

/// Scans the token starting at `start`: a number, or junk to skip.
pub(super) fn scan(text: &str, start: usize, allow_spaced_suffix: bool) -> Token {
    let first = match scan_one(text, start, allow_spaced_suffix) {
        Ok(first) => first,
        Err(end) => return Token::Junk(end),
    };
    // A range ("11-50 employees", "1K–5K"): read the second number and keep the first
    // value, the one the text vouches for; a third part makes it a date or a phone.
    let at = first.number.span.end;
    let mut dash_at = at;
    if char_at(text, dash_at).is_some_and(|c| c == ' ') {
        dash_at += 1;
    }
    let dash = char_at(text, dash_at);
    if let Some(dash) = dash.filter(|c| is_range_dash(*c)) {
        let mut second_at = dash_at + dash.len_utf8();
        if dash_at > at && char_at(text, second_at) == Some(' ') {
            second_at += 1;
        }
        if char_at(text, second_at).is_some_and(|c| digit_value(c).is_some()) {
            let second = match scan_one(text, second_at, allow_spaced_suffix) {
                Ok(second) => second,
                Err(end) => return Token::Junk(end),
            };
            let end = second.number.span.end;
            if char_at(text, end).is_some_and(is_range_dash)
                && char_at(text, end + 1).is_some_and(|c| digit_value(c).is_some())
            {
                return Token::Junk(skip_junk(text, end));
            }
            let mut value = first.number.value;
            if first.suffix.is_none() {
                if let Some(suffix) = second.suffix {
                    value *= suffix.scale;
                }
            }
            return Token::Number(Scanned {
                number: Number {
                    value,
                    span: first.number.span.start..end,
                },
                suffix: first.suffix.or(second.suffix),
                spaced_suffix: first.spaced_suffix || second.spaced_suffix,
                counter: second.counter,
            });
        }
    }
    Token::Number(first)
}

fn scan_one(text: &str, start: usize, allow_spaced_suffix: bool) -> Result<Scanned, usize> {
    let plain = scan_digits(text, start)?;
    let mut value = plain.value;
    let mut at = plain.end;
    let mut span_start = start;
    if let Some(sign) = char_before(text, start).filter(|c| matches!(c, '-' | '−')) {
        let before_sign = start - sign.len_utf8();
        let free = char_before(text, before_sign).is_none_or(is_joining_space);
        if free {
            span_start = before_sign;
            value = -value;
        }
    }
    let mut found_suffix = None;
    let mut spaced_suffix = false;
    let read_suffix = |from: usize, spaced: bool| -> Option<&'static Suffix> {
        let rest = &text[from..];
        // Every suffix starts with a letter: most numbers end at a space or a sign.
        if !rest.chars().next().is_some_and(char::is_alphabetic) {
            return None;
        }
        SUFFIXES.iter().find(|s| {
            (!spaced || s.spaced)
                && rest.starts_with(s.text)
                && (!s.text.chars().next_back().is_some_and(is_word_char)
                    || !char_at(text, from + s.text.len()).is_some_and(is_word_char))
        })
    };
    if let Some(suffix) = read_suffix(at, false) {
        found_suffix = Some((suffix, at));
    } else if allow_spaced_suffix && char_at(text, at).is_some_and(is_joining_space) {
        let space = char_at(text, at).map_or(1, char::len_utf8);
        if let Some(suffix) = read_suffix(at + space, true) {
            found_suffix = Some((suffix, at + space));
            spaced_suffix = true;
        }
    }
    if let Some((suffix, suffix_at)) = found_suffix {
        if let Some(decimal) = plain.as_decimal {
            value = decimal.copysign(value);
        }
        value *= suffix.scale;
        at = suffix_at + suffix.text.len();
    }
    let mut counter = false;
    let counter_at = if char_at(text, at) == Some(' ') {
        at + 1
    } else {
        at
    };
    // A counter that starts a metric word ("12 回复", replies) is the word's.
    let counter_char = char_at(text, counter_at)
        .filter(|c| COUNTERS.contains(c))
        .filter(|_| super::lexicon::word_at(text, counter_at, super::lexicon::AFTER).is_none());
    if let Some(c) = counter_char {
        at = counter_at + c.len_utf8();
        counter = true;
        // A Korean particle closes the counter noun ("1,203명이 좋아합니다"); it goes
        // with the number, or hiding it would leave "외이".
        if ('\u{AC00}'..='\u{D7AF}').contains(&c) {
            if let Some(particle) = char_at(text, at).filter(|p| PARTICLES.contains(p)) {
                let after = at + particle.len_utf8();
                if char_at(text, after).is_none_or(|n| !super::text::is_cjk(n)) {
                    at = after;
                }
            }
        }
    }
    if char_at(text, at) == Some('+') {
        // "99+" is more than 99; reading it as 100 keeps coarse mode idempotent
        // ("1+" stays "1+").
        value = value.floor() + 1.0;
        at += 1;
    }
    Ok(Scanned {
        number: Number {
            value,
            span: span_start..at,
        },
        suffix: found_suffix.map(|(suffix, _)| suffix),
        spaced_suffix,
        counter,
    })
}
