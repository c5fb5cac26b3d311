//! Word lists kept as one string each. In wasm32 every `&str` of a `&[&str]` costs eight
//! bytes of pointer and length, more than most of the words themselves: as slices, the
//! lexicons' pointers took about a tenth of the gzipped engine module.

/// Words, each followed by `|`. Build one with [`word_list!`].
#[derive(Clone, Copy, Debug)]
pub struct WordList(pub &'static str);

impl WordList {
    /// The words, in the order they were written.
    pub fn iter(self) -> std::str::SplitTerminator<'static, char> {
        self.0.split_terminator('|')
    }
}

impl IntoIterator for WordList {
    type Item = &'static str;
    type IntoIter = std::str::SplitTerminator<'static, char>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Whether a word would break its list: it must not be empty or hold the separator.
#[doc(hidden)]
pub const fn is_listable(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'|' {
            return false;
        }
        at += 1;
    }
    !bytes.is_empty()
}

/// `word_list!["likes", "like"]`: a [`WordList`] written like an array of strings. Every
/// word is checked when the crate compiles.
macro_rules! word_list {
    ($($word:literal),* $(,)?) => {{
        $(const _: () = assert!($crate::word_list::is_listable($word), "empty word or a '|' in a word list");)*
        $crate::word_list::WordList(concat!($($word, "|"),*))
    }};
}
pub(crate) use word_list;
