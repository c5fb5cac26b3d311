//! Fuzzes the recognizer: `find_counts` in every context on arbitrary UTF-8, then
//! `rewrite` in both modes. Checks the same invariants as the proptest properties:
//! no panic, cuts inside the text on character boundaries and around their number,
//! prose untouched, hiding removes the cuts and nothing else, rewriting idempotent.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sincerely::recognize::{find_counts, rewrite, RewriteMode, TextContext};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for context in [TextContext::Label, TextContext::Title, TextContext::Prose] {
        let counts = find_counts(text, context);
        if context == TextContext::Prose {
            assert!(counts.is_empty());
        }
        let mut outside = String::new();
        let mut at = 0;
        for count in &counts {
            assert!(count.cut.start <= count.number.start && count.number.end <= count.cut.end);
            assert!(count.cut.end <= text.len());
            assert!(text.is_char_boundary(count.cut.start) && text.is_char_boundary(count.cut.end));
            assert!(count.cut.start >= at, "cuts are ordered and disjoint");
            outside.push_str(&text[at..count.cut.start]);
            at = count.cut.end;
        }
        outside.push_str(&text[at..]);
        let hidden = rewrite(text, &counts, RewriteMode::Hide);
        assert_eq!(hidden, outside);
        let again = rewrite(&hidden, &find_counts(&hidden, context), RewriteMode::Hide);
        assert_eq!(again, hidden);
        let coarse = rewrite(text, &counts, RewriteMode::Coarse);
        let coarse_again = rewrite(&coarse, &find_counts(&coarse, context), RewriteMode::Coarse);
        assert_eq!(coarse_again, coarse);
    }
});
