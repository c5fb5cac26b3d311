//! Number parsing: digits, grouping, decimals and compact suffixes, with exact spans.
//! (Minimal first version: ASCII digits, `,`/`.` grouping and K/M/B; see issue 3.)

use std::ops::Range;

/// A number as printed in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Byte span in the text, compact suffix and trailing "+" included.
    pub span: Range<usize>,
}

/// Parses the number that starts at byte `start` of `text`, if any.
pub fn parse_number(text: &str, start: usize) -> Option<Number> {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut digits = String::new();
    while end < bytes.len() {
        let b = bytes[end];
        let separator = (b == b',' || b == b'.')
            && end + 1 < bytes.len()
            && bytes[end + 1].is_ascii_digit()
            && !digits.is_empty();
        if b.is_ascii_digit() || separator {
            digits.push(b as char);
        } else {
            break;
        }
        end += 1;
    }
    if digits.is_empty() {
        return None;
    }
    let mut value: f64 = digits.replace(',', "").parse().ok()?;
    if let Some(&b) = bytes.get(end) {
        let mult = match b {
            b'K' | b'k' => Some(1e3),
            b'M' => Some(1e6),
            b'B' => Some(1e9),
            _ => None,
        };
        if let Some(mult) = mult {
            if !bytes.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
                value *= mult;
                end += 1;
            }
        }
    }
    Some(Number {
        value,
        span: start..end,
    })
}
