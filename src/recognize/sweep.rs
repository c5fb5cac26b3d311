//! Which page texts the sweep hands to the recognizer: short interface texts that hold
//! a number and do not read as prose. The sweep (issue 19) looks outside the containers
//! the site rules name, so this gate is what keeps it off articles, bios and comments.
//! A bare number ("57" in a button) is read with the label of its control (`bare_count`).

use super::{Count, TextContext};

/// Longest text the sweep looks at, in characters. Counts sit in buttons, links and
/// headers ("14,748,479 views • 24 Apr 2018" is 31); longer runs are prose or lists.
pub const MAX_SWEEP_CHARS: usize = 96;

/// Most words a swept text may have: "134 comments 21 shares" is 4, a sentence is more.
const MAX_WORDS: usize = 12;

/// Words at which a text with terminal punctuation starts to read as a sentence.
const SENTENCE_WORDS: usize = 5;

/// True if `text` is a short interface text worth asking the recognizer about.
pub fn is_sweep_text(text: &str) -> bool {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.chars().count() > MAX_SWEEP_CHARS {
        return false;
    }
    // Without a digit there is no count, whatever the words say.
    if !trimmed.chars().any(char::is_numeric) {
        return false;
    }
    !reads_as_prose(trimmed)
}

/// A sentence shape: many words, or an inner sentence break, or a capitalised run of
/// words that ends in a full stop, question or exclamation mark.
fn reads_as_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if words > MAX_WORDS {
        return true;
    }
    if has_inner_sentence_break(text) {
        return true;
    }
    let ends_like_sentence = text.ends_with(['.', '!', '?', '。', '！', '？']);
    ends_like_sentence && words >= SENTENCE_WORDS
}

/// ". Next" inside the text: two sentences, so prose.
fn has_inner_sentence_break(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase())
}

/// Most words of a control's label read for the metric it names ("like this video along
/// with 57 other people" names likes in its second word).
const MAX_LABEL_WORDS: usize = 12;

/// A bare number the sweep found ("57" in a button) is a count when the label of the
/// control around it, its `aria-label` or `title`, names a metric: "57" under "Like" or
/// "10 Replies. Reply" is that many likes or replies. The label's words are tried one and
/// two at a time after the number, as the recognizer reads "57 likes" or "57 me gusta";
/// a label naming no metric ("Page 2", "Step 3 of 5") leaves the number alone.
pub fn bare_count(text: &str, label: &str) -> Option<Count> {
    let start = text.len() - text.trim_start().len();
    let number = super::parse_number(text, start)?;
    if number.span.start != start || !text[number.span.end..].trim().is_empty() {
        return None;
    }
    let digits = &text[number.span.clone()];
    let words: Vec<&str> = label
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
        .filter(|word| !word.is_empty())
        .take(MAX_LABEL_WORDS)
        .collect();
    let phrases = words
        .iter()
        .map(|word| word.to_string())
        .chain(words.windows(2).map(|pair| pair.join(" ")));
    for phrase in phrases {
        let probe = format!("{digits} {phrase}");
        let found = super::find_counts(&probe, TextContext::Label);
        if let [count] = found.as_slice() {
            if count.number == (0..digits.len()) {
                return Some(Count {
                    kind: count.kind,
                    value: count.value,
                    number: number.span.clone(),
                    cut: number.span,
                });
            }
        }
    }
    None
}

#[cfg(test)]
#[path = "../../tests/unit/sweep.rs"]
mod unit_tests;
