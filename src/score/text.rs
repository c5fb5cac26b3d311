//! Text plumbing for the lexical features: one normalised, space-padded form of a post in
//! which lexicon phrases are found on word boundaries without a regex engine (the wasm
//! build stays small), plus the stable hashes that let an `Observation` remember posts and
//! people without keeping their text.

/// A post's text prepared once, in a single pass, for every feature that reads text.
#[derive(Clone, Debug, Default)]
pub struct PreparedText {
    /// Lower-cased words joined by single spaces, with a space at each end, so that
    /// `" thank you "` only matches whole words. URLs, @mentions and #hashtags are dropped:
    /// they are counted structurally, and a handle such as `@why_not` must not look like a
    /// question word.
    pub padded_words: String,
    /// The lower-cased text with URLs, mentions and hashtags removed, kept for scripts
    /// that do not separate words with spaces (Japanese); empty for other posts.
    pub lowered: String,
    /// Hashtags written in the text, lower-cased, without "#".
    pub hashtags: Vec<String>,
    /// Prose words, counting two Japanese characters as one word (Japanese has no spaces).
    pub n_effective_words: usize,
    pub has_question_mark: bool,
    pub has_kana_or_kanji: bool,
    /// Most of the letters are in a script none of the word lists reads (Chinese without
    /// kana, Korean, Cyrillic, Arabic…): the lexical features can only miss here.
    pub in_unread_script: bool,
    pub has_url: bool,
    pub has_digit: bool,
    /// A code-like token after "code" ("use code SAVE20"): capitals and digits, 4 or more.
    pub has_discount_code: bool,
    /// Hash of the template text (letters only, lower-cased, without URLs, mentions,
    /// hashtags or digits): posts that share it repeat one another.
    pub template_hash: u64,
    /// Words in the template text.
    pub n_template_words: usize,
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

/// The scripts as the word lists see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// English, Spanish, German, French, Portuguese: Latin letters with their accents.
    Latin,
    Kana,
    /// CJK ideographs: Japanese beside kana, Chinese without.
    Han,
    /// A letter of a script no word list is written in.
    Unread,
    NotALetter,
}

pub fn script_of(character: char) -> Script {
    match character as u32 {
        _ if !character.is_alphabetic() => Script::NotALetter,
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x3040..=0x30FF | 0xFF66..=0xFF9F => Script::Kana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => Script::Han,
        _ => Script::Unread,
    }
}

/// Whether `token` starts with `prefix`, ignoring ASCII case, without allocating.
fn starts_with_ignoring_case(token: &str, prefix: &str) -> bool {
    token.len() >= prefix.len()
        && token.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_url_token(token: &str) -> bool {
    starts_with_ignoring_case(token, "http://")
        || starts_with_ignoring_case(token, "https://")
        || starts_with_ignoring_case(token, "www.")
}

/// Words announcing a discount code in the next token.
fn is_code_word(token: &str) -> bool {
    // Most tokens are not candidates: skip the Unicode lower-casing for them.
    if !(4..=14).contains(&token.len()) || !token.starts_with(['c', 'C', 'g', 'G', 'r', 'R']) {
        return false;
    }
    let cleaned = token.trim_matches(|character: char| !character.is_alphanumeric());
    [
        "code",
        "código",
        "codigo",
        "cupom",
        "cupón",
        "gutschein",
        "rabattcode",
    ]
    .iter()
    .any(|word| {
        cleaned
            .chars()
            .flat_map(crate::case::lower)
            .eq(word.chars())
    })
}

fn looks_like_discount_code(token: &str) -> bool {
    let cleaned = token.trim_matches(|character: char| !character.is_alphanumeric());
    cleaned.len() >= 4
        && cleaned
            .bytes()
            .all(|byte| byte.is_ascii_uppercase() || byte.is_ascii_digit())
        && cleaned.bytes().any(|byte| byte.is_ascii_uppercase())
}

/// Pushes the lower case of `character`, with a fast path for ASCII.
fn push_lowercase(target: &mut String, character: char) {
    if character.is_ascii() {
        target.push(character.to_ascii_lowercase());
    } else {
        target.extend(crate::case::lower(character));
    }
}

impl PreparedText {
    /// Marks where a URL or mention was dropped, so no phrase spans it: "RT @ana: if
    /// only" must not read as "rt if". At the start of a post nothing is marked, so a
    /// reply's leading "@ana" does not stop "Wrong." from being its first word.
    fn break_phrase(&mut self) {
        if self.padded_words.len() > 1 && !self.padded_words.ends_with(" \u{1} ") {
            self.padded_words.push_str("\u{1} ");
        }
    }

    pub fn new(text: &str) -> PreparedText {
        let mut prepared = PreparedText {
            padded_words: String::with_capacity(text.len() + 2),
            ..PreparedText::default()
        };
        prepared.padded_words.push(' ');
        let mut template_hasher = Fnv1a::new(HASH_DOMAIN_TEMPLATE_TEXT);
        let mut previous_was_code_word = false;
        let (mut n_read_letters, mut n_kana, mut n_han, mut n_unread_letters) = (0, 0, 0, 0);
        for token in text.split_whitespace() {
            if previous_was_code_word && looks_like_discount_code(token) {
                prepared.has_discount_code = true;
            }
            previous_was_code_word = is_code_word(token);
            if is_url_token(token) {
                prepared.has_url = true;
                prepared.break_phrase();
                continue;
            }
            if token.starts_with(['@', '＠']) {
                prepared.break_phrase();
                continue;
            }
            if let Some(tag) = token.strip_prefix('#').or_else(|| token.strip_prefix('＃')) {
                let tag = tag.trim_end_matches(|character: char| !character.is_alphanumeric());
                if !tag.is_empty() {
                    prepared.hashtags.push(crate::case::lowercase(tag));
                }
                prepared.break_phrase();
                continue;
            }
            let mut in_word = false;
            let mut n_japanese: usize = 0;
            let mut n_template_letters = 0;
            for character in token.chars() {
                if character.is_ascii() {
                    // The fast path for the common case; same rules as below.
                    let byte = character as u8;
                    match byte {
                        b'?' => prepared.has_question_mark = true,
                        b'0'..=b'9' => prepared.has_digit = true,
                        _ => {}
                    }
                    let lower = byte.to_ascii_lowercase();
                    if byte.is_ascii_alphabetic() {
                        n_read_letters += 1;
                        n_template_letters += 1;
                        template_hasher.write_byte(lower);
                    }
                    if byte.is_ascii_alphanumeric() || byte == b'\'' {
                        if !in_word && prepared.padded_words.as_bytes().last() != Some(&b' ') {
                            prepared.padded_words.push(' ');
                        }
                        in_word = true;
                        prepared.padded_words.push(lower as char);
                    } else {
                        in_word = false;
                    }
                    continue;
                }
                if matches!(character, '？' | '¿') {
                    prepared.has_question_mark = true;
                }
                if is_kana_or_kanji(character) {
                    n_japanese += 1;
                }
                match script_of(character) {
                    Script::Latin => n_read_letters += 1,
                    Script::Kana => n_kana += 1,
                    Script::Han => n_han += 1,
                    Script::Unread => n_unread_letters += 1,
                    Script::NotALetter => {}
                }
                if character.is_alphabetic() {
                    n_template_letters += 1;
                    for lower in crate::case::lower(character) {
                        let mut buffer = [0; 4];
                        template_hasher.write(lower.encode_utf8(&mut buffer).as_bytes());
                    }
                }
                if is_word_char(character) {
                    if !in_word && prepared.padded_words.as_bytes().last() != Some(&b' ') {
                        prepared.padded_words.push(' ');
                    }
                    in_word = true;
                    if character == '’' {
                        prepared.padded_words.push('\'');
                    } else {
                        push_lowercase(&mut prepared.padded_words, character);
                    }
                } else {
                    in_word = false;
                }
            }
            if prepared.padded_words.as_bytes().last() != Some(&b' ') {
                prepared.padded_words.push(' ');
            }
            // A Japanese word averages about two characters.
            let n_words = if n_japanese == 0 {
                1
            } else {
                n_japanese.div_ceil(2)
            };
            prepared.n_effective_words += n_words;
            if n_template_letters > 0 {
                template_hasher.write(b" ");
                prepared.n_template_words += if n_japanese == 0 { 1 } else { n_words };
            }
            prepared.has_kana_or_kanji |= n_japanese > 0;
        }
        prepared.template_hash = template_hasher.finish_stored();
        // Ideographs are read as Japanese only beside kana: Chinese writes none.
        let (read, unread) = if n_kana > 0 {
            (n_read_letters + n_kana + n_han, n_unread_letters)
        } else {
            (n_read_letters, n_unread_letters + n_han)
        };
        prepared.in_unread_script = unread > read;
        if prepared.has_kana_or_kanji {
            // Only Japanese needs the unsplit text, so only Japanese posts pay for it.
            prepared.lowered = text
                .split_whitespace()
                .filter(|token| !is_url_token(token) && !token.starts_with(['@', '＠', '#', '＃']))
                .flat_map(|token| token.chars().chain(std::iter::once(' ')))
                .flat_map(crate::case::lower)
                .collect();
        }
        prepared
    }

    /// Whether a lexicon entry occurs: the slow, obvious definition that the phrase index
    /// in `lexicon` must agree with (checked by a unit test). Entries are lower-case words separated by single
    /// spaces; a trailing `*` makes the last word a prefix (`"congrat*"`), and a leading
    /// `^` anchors the phrase at the start of the post.
    #[cfg(test)]
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

    #[cfg(test)]
    pub fn has_any_phrase(&self, phrases: crate::word_list::WordList) -> bool {
        phrases.iter().any(|phrase| self.has_phrase(phrase))
    }

    /// Substring lookup for the Japanese lexicon.
    pub fn has_any_substring(&self, needles: crate::word_list::WordList) -> bool {
        needles.iter().any(|needle| self.lowered.contains(needle))
    }
}

/// Stored hashes are cut to 32 bits: exact in JavaScript numbers (which hold 53), and
/// short in the JSON kept per profile. Collisions are rare at the sizes we keep (a few
/// hundred hashes per set) and cost at most one miscounted post.
pub const STORED_HASH_MASK: u64 = 0xFFFF_FFFF;

/// A 32-bit hash of `bytes` in a `domain` (post ids, post contents, people, threads and
/// templates hash apart, so equal strings in two roles never collide on purpose). FNV-1a:
/// stable across platforms and releases, which matters because hashes are stored in the
/// user's browser between visits.
pub fn stable_hash(domain: u8, bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::new(domain);
    hasher.write(bytes);
    hasher.finish_stored()
}

/// Domain of template hashes (see [`PreparedText::template_hash`]).
pub const HASH_DOMAIN_TEMPLATE_TEXT: u8 = 5;

/// FNV-1a fed piece by piece, so nothing is concatenated to be hashed.
pub struct Fnv1a(u64);

impl Fnv1a {
    pub fn new(domain: u8) -> Fnv1a {
        let mut hasher = Fnv1a(0xcbf2_9ce4_8422_2325);
        hasher.write(&[domain]);
        hasher
    }

    #[inline]
    pub fn write_byte(&mut self, byte: u8) {
        self.0 ^= u64::from(byte);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    pub fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// The hash folded to 32 bits (see [`STORED_HASH_MASK`]).
    pub fn finish_stored(&self) -> u64 {
        (self.0 ^ (self.0 >> 32)) & STORED_HASH_MASK
    }
}

impl Default for Fnv1a {
    fn default() -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

/// FNV for the engine's own hash maps: their keys are short words or hashes already, for
/// which SipHash's flood resistance buys nothing and costs much of the scoring time.
impl std::hash::Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        Fnv1a::write(self, bytes);
    }

    fn write_u64(&mut self, value: u64) {
        // Keys that are already hashes only need mixing, not byte-by-byte hashing.
        self.0 ^= value;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// A `BuildHasher` for [`Fnv1a`].
pub type FastHashBuilder = std::hash::BuildHasherDefault<Fnv1a>;
