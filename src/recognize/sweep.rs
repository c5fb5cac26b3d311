//! Which page texts the sweep hands to the recognizer: short interface texts that hold
//! a number and do not read as prose. The sweep (issue 19) looks outside the containers
//! the site rules name, so this gate is what keeps it off articles, bios and comments.

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

#[cfg(test)]
#[path = "../../tests/unit/sweep.rs"]
mod unit_tests;
