//! Unicode lower case, exactly as `char::to_lowercase` and `str::to_lowercase` give it,
//! from smaller tables: the standard library's took about 7 KB of the gzipped engine
//! wasm, these about 2 KB. build.rs derives them from the standard library itself, and
//! the tests below compare the two on every char.

include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));

/// The lower case of `c`: one char, or two for 'İ' ("i" and a combining dot).
pub fn lower(c: char) -> impl Iterator<Item = char> + Clone {
    let dot = (c == 'İ').then_some('\u{307}');
    std::iter::once(lower_first(c)).chain(dot)
}

/// The first char of the lower case of `c`.
pub fn lower_first(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == 'İ' {
        return 'i';
    }
    let code = c as u32;
    let run = LOWER_RUNS.partition_point(|&run| run >> 8 <= code);
    let Some(index) = run.checked_sub(1) else {
        return c;
    };
    let (start, length, apart) = (
        LOWER_RUNS[index] >> 8,
        LOWER_RUNS[index] >> 1 & 0x7f,
        (LOWER_RUNS[index] & 1) + 1,
    );
    let step = code - start;
    if !step.is_multiple_of(apart) || step / apart >= length {
        return c;
    }
    char::from_u32(code.wrapping_add_signed(LOWER_OFFSETS[index])).unwrap_or(c)
}

/// `text` in lower case, with "Σ" as "ς" at the end of a word.
pub fn lowercase(text: &str) -> String {
    let mut lowered = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c == 'Σ' {
            let word_final = cased_past_ignorables(text[..at].chars().rev())
                && !cased_past_ignorables(text[at + c.len_utf8()..].chars());
            lowered.push(if word_final { 'ς' } else { 'σ' });
        } else {
            lowered.extend(lower(c));
        }
    }
    lowered
}

const OTHER: u8 = 0;
/// Unicode's Case_Ignorable (apostrophes, combining marks…).
const IGNORABLE: u8 = 1;
/// Unicode's Cased, and not Case_Ignorable.
const CASED: u8 = 2;

/// Whether the first char that is not case-ignorable is cased (the final sigma rule).
fn cased_past_ignorables(mut chars: impl Iterator<Item = char>) -> bool {
    chars
        .find(|&c| sigma_class(c) != IGNORABLE)
        .map(sigma_class)
        == Some(CASED)
}

/// A slow walk through the runs, fine for the few chars around a "Σ".
fn sigma_class(c: char) -> u8 {
    sigma_class_runs()
        .find(|&(_, end, _)| (c as u32) < end)
        .map_or(OTHER, |(_, _, class)| class)
}

/// The runs of [`SIGMA_CLASS_RUNS`] as (first code point, end, class).
fn sigma_class_runs() -> impl Iterator<Item = (u32, u32, u8)> {
    let mut bytes = SIGMA_CLASS_RUNS.iter();
    let mut start = 0;
    std::iter::from_fn(move || {
        let mut value = 0;
        let mut shift = 0;
        loop {
            let byte = bytes.next()?;
            value |= u32::from(byte & 0x7f) << shift;
            shift += 7;
            if *byte < 0x80 {
                break;
            }
        }
        let run = (start, start + (value >> 2), (value & 3) as u8);
        start = run.1;
        Some(run)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_char_lowers_as_in_the_standard_library() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert!(lower(c).eq(c.to_lowercase()), "{c:?}");
        }
    }

    /// The classes, read back from how the standard library lowers a "Σ" after each char
    /// (as build.rs found them); [`lowercase`] reads them through [`sigma_class`].
    #[test]
    fn every_code_point_has_its_sigma_class() {
        let mut next = 0;
        for (start, end, class) in sigma_class_runs() {
            assert_eq!(start, next);
            for c in (start..end).filter_map(char::from_u32) {
                let alone = format!("{c}Σ").to_lowercase().ends_with('ς');
                let after_a_letter = format!("A{c}Σ").to_lowercase().ends_with('ς');
                let expected = match (alone, after_a_letter) {
                    (true, _) => CASED,
                    (false, true) => IGNORABLE,
                    (false, false) => OTHER,
                };
                assert_eq!(class, expected, "{c:?}");
            }
            next = end;
        }
        assert_eq!(next, char::MAX as u32 + 1);
    }

    #[test]
    fn words_lower_as_in_the_standard_library() {
        for text in [
            "ΟΔΥΣΣΕΥΣ",
            "#ΚΑΛΗΜΕΡΑΣ",
            "Σ",
            "ΑΣ'",
            "Α'Σ Β",
            "ΑΣ\u{301}Β",
            "İSTANBUL",
            "ǅUŠAN",
            "@Alice",
            "ＡＢＣ",
            "ΣΑΣ ΣΑΣ.",
            "ΑΣ\u{10FFFF}",
            "",
        ] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn greek_mixes_lower_as_in_the_standard_library(
            text in r"[ΣσςΑαΒİ'’\x{301}\x{200D}.A1 ·ǅ-]{0,12}|\PC{0,12}"
        ) {
            proptest::prop_assert_eq!(lowercase(&text), text.to_lowercase());
        }
    }
}
