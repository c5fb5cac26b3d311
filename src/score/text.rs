//! Text plumbing for the lexical features: one normalised, space-padded form of a post in
//! which lexicon phrases are found on word boundaries without a regex engine (the wasm
//! build stays small), plus the stable hashes that let an `Observation` remember posts and
//! people without keeping their text.

/// A post's text prepared once for every lexicon lookup.
#[derive(Clone, Debug, Default)]
pub struct PreparedText {
    /// Lower-cased words joined by single spaces, with a space at each end, so that
    /// `" thank you "` only matches whole words. URLs, @mentions and #hashtags are dropped:
    /// they are counted structurally, and a handle such as `@why_not` must not look like a
    /// question word.
    pub padded_words: String,
    /// The lower-cased text with URLs, mentions and hashtags removed, kept for scripts
    /// that do not separate words with spaces (Japanese).
    pub lowered: String,
    pub n_hashtag_words: usize,
    /// Prose words, counting two Japanese characters as one word (Japanese has no spaces).
    pub n_effective_words: usize,
    pub has_question_mark: bool,
    pub has_kana_or_kanji: bool,
}

/// True for the characters that make up words in every script we read.
fn is_word_char(character: char) -> bool {
    character.is_alphanumeric() || character == '\'' || character == '’'
}

/// True for Hiragana, Katakana and the CJK ideographs: Japanese has no spaces, so its
/// lexicon is matched as substrings.
pub fn is_kana_or_kanji(character: char) -> bool {
    matches!(character as u32, 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xFF66..=0xFF9F)
}

fn is_url_token(token: &str) -> bool {
    let lowered = token.to_ascii_lowercase();
    lowered.starts_with("http://") || lowered.starts_with("https://") || lowered.starts_with("www.")
}

impl PreparedText {
    pub fn new(text: &str) -> PreparedText {
        let mut padded_words = String::with_capacity(text.len() + 2);
        padded_words.push(' ');
        let mut lowered = String::with_capacity(text.len());
        let mut n_hashtag_words = 0;
        let mut has_kana_or_kanji = false;
        for token in text.split_whitespace() {
            if is_url_token(token) || token.starts_with('@') || token.starts_with('＠') {
                continue;
            }
            if token.starts_with('#') || token.starts_with('＃') {
                n_hashtag_words += 1;
                continue;
            }
            lowered.push_str(token);
            lowered.push(' ');
            let mut in_word = false;
            for character in token.chars() {
                if is_kana_or_kanji(character) {
                    has_kana_or_kanji = true;
                }
                if is_word_char(character) {
                    if !in_word && !padded_words.ends_with(' ') {
                        padded_words.push(' ');
                    }
                    in_word = true;
                    if character == '’' {
                        padded_words.push('\'');
                    } else {
                        padded_words.extend(character.to_lowercase());
                    }
                } else {
                    in_word = false;
                }
            }
            if !padded_words.ends_with(' ') {
                padded_words.push(' ');
            }
        }
        if !padded_words.ends_with(' ') {
            padded_words.push(' ');
        }
        let lowered = lowered.to_lowercase();
        let n_effective_words = lowered.split_whitespace().map(effective_word_count).sum();
        PreparedText {
            n_effective_words,
            has_question_mark: text.contains(['?', '？', '¿']),
            padded_words,
            lowered,
            n_hashtag_words,
            has_kana_or_kanji,
        }
    }

    /// Whether a lexicon entry occurs. Entries are lower-case words separated by single
    /// spaces; a trailing `*` makes the last word a prefix (`"congrat*"`), and a leading
    /// `^` anchors the phrase at the start of the post.
    pub fn has_phrase(&self, phrase: &str) -> bool {
        let (anchored, phrase) = match phrase.strip_prefix('^') {
            Some(rest) => (true, rest),
            None => (false, phrase),
        };
        let (prefix, phrase) = match phrase.strip_suffix('*') {
            Some(rest) => (true, rest),
            None => (false, phrase),
        };
        let body = &self.padded_words[1..];
        if anchored {
            return body.starts_with(phrase) && (prefix || body[phrase.len()..].starts_with(' '));
        }
        let mut search_from = 0;
        while let Some(found) = self.padded_words[search_from..].find(phrase) {
            let start = search_from + found;
            let end = start + phrase.len();
            let before_ok = self.padded_words[..start].ends_with(' ');
            let after_ok = prefix || self.padded_words[end..].starts_with(' ');
            if before_ok && after_ok {
                return true;
            }
            search_from = start + phrase.chars().next().map_or(1, char::len_utf8);
        }
        false
    }

    pub fn has_any_phrase(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|phrase| self.has_phrase(phrase))
    }

    /// Substring lookup for the Japanese lexicon.
    pub fn has_any_substring(&self, needles: &[&str]) -> bool {
        needles.iter().any(|needle| self.lowered.contains(needle))
    }
}

/// FNV-1a, 64-bit: stable across platforms and releases, which matters because hashes are
/// stored in the user's browser between visits.
pub fn fnv1a_64(domain: u8, bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in std::iter::once(domain).chain(bytes.iter().copied()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The largest integer a JavaScript number holds exactly. Stored hashes are cut to 53 bits
/// so they survive a round trip through `JSON.parse` in the extension.
pub const JS_SAFE_HASH_MASK: u64 = (1 << 53) - 1;

/// A 53-bit hash of `bytes` in a `domain` (post ids, post contents, people, threads and
/// templates hash apart, so equal strings in two roles never collide on purpose).
pub fn stable_hash(domain: u8, bytes: &[u8]) -> u64 {
    let hash = fnv1a_64(domain, bytes);
    // Fold the high bits in: FNV's low bits alone are weaker.
    (hash ^ (hash >> 53)) & JS_SAFE_HASH_MASK
}

/// The text with digits, URLs, mentions, hashtags, punctuation and case removed: posts that
/// share it are one template ("New video is up! <link>" with a different link each day).
pub fn template_text(text: &str) -> (String, usize) {
    let mut template = String::new();
    let mut n_words = 0;
    for token in text.split_whitespace() {
        if is_url_token(token) || token.starts_with(['@', '#', '＠', '＃']) {
            continue;
        }
        let word: String = token
            .chars()
            .filter(|character| character.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        if word.is_empty() {
            continue;
        }
        n_words += effective_word_count(&word);
        template.push_str(&word);
        template.push(' ');
    }
    (template, n_words)
}

/// Words in one space-free token: one, or half its Japanese characters, since a Japanese
/// word averages about two characters.
pub fn effective_word_count(token: &str) -> usize {
    let n_japanese = token
        .chars()
        .filter(|character| is_kana_or_kanji(*character))
        .count();
    if n_japanese == 0 {
        1
    } else {
        n_japanese.div_ceil(2)
    }
}
