//! Unit tests for the sweep gate (src/recognize/sweep.rs).
use super::*;

#[test]
fn leaked_interface_counts_are_swept() {
    for text in [
        "159\u{a0}comments",
        "14,748,479 views • 24 Apr 2018",
        "24 replies",
        "5,750 followers",
        "2 Comments",
        "48.2K followers",
        "512 following",
        "42 likes",
        "View replies (4)",
        "12K likes",
        "134 comments 21 shares",
    ] {
        assert!(is_sweep_text(text), "{text:?} should be swept");
    }
}

#[test]
fn texts_without_digits_are_skipped() {
    assert!(!is_sweep_text("Followers"));
    assert!(!is_sweep_text("   "));
}

#[test]
fn prose_is_skipped() {
    assert!(!is_sweep_text(
        "We shipped 3 fixes today and 42 people said thanks."
    ));
    assert!(!is_sweep_text("Got 12 likes. Then it died."));
    assert!(!is_sweep_text(
        "one two three four five six seven eight nine ten eleven twelve 13"
    ));
}

#[test]
fn long_texts_are_skipped() {
    let long = "1 ".repeat(60);
    assert!(!is_sweep_text(&long));
}

#[test]
fn short_non_count_texts_still_reach_the_recognizer() {
    // The gate only says "short interface text"; the recognizer's traps decide these.
    assert!(is_sweep_text("Top 10"));
    assert!(is_sweep_text("$4.99"));
    assert!(is_sweep_text("v2.3.1"));
}

#[test]
fn swept_leaks_are_counts_and_swept_traps_are_not() {
    use crate::recognize::{find_counts, TextContext};
    for text in [
        "24 replies",
        "5,750 followers",
        "48.2K followers",
        "42 likes",
        "12K likes",
    ] {
        assert!(
            !find_counts(text, TextContext::Label).is_empty(),
            "{text:?}"
        );
    }
    for text in [
        "Top 10",
        "$4.99",
        "v2.3.1",
        "24 Apr 2018",
        "@user42",
        "3:45 PM",
    ] {
        assert!(is_sweep_text(text), "{text:?}");
        assert!(find_counts(text, TextContext::Label).is_empty(), "{text:?}");
    }
}

// The sweep context is the gate and the label reader in one: the engine, not the content
// script, decides what reads as an interface text.
#[test]
fn the_sweep_context_reads_interface_texts_and_leaves_sentences() {
    use crate::recognize::{find_counts, TextContext};
    for text in [
        "24 replies",
        "14,748,479 views • 24 Apr 2018",
        "View 3 replies",
        "48.2K Followers",
    ] {
        assert!(
            !find_counts(text, TextContext::Sweep).is_empty(),
            "{text:?}"
        );
    }
    // A comment in markup no rule knows: a sentence, so its numbers stay.
    let sentence = "I baked 24 loaves this week and got 5 likes from my family.";
    assert!(find_counts(sentence, TextContext::Sweep).is_empty());
    for text in [
        "Top 10 bread tips, version 2.3.1",
        "Join for $4.99",
        "Chapter 3: shaping (part 2 of 5)",
    ] {
        assert!(find_counts(text, TextContext::Sweep).is_empty(), "{text:?}");
    }
}

#[test]
fn a_bare_number_is_the_count_its_controls_label_names() {
    use crate::recognize::MetricKind;
    for (text, label, kind, value) in [
        (
            "57",
            "like this video along with 57 other people",
            MetricKind::Likes,
            57.0,
        ),
        ("10", "10 Replies. Reply", MetricKind::Replies, 10.0),
        (" 1.2K ", "Repost", MetricKind::Reposts, 1200.0),
        ("36", "Like (36 likes)", MetricKind::Likes, 36.0),
        ("4", "Me gusta", MetricKind::Likes, 4.0),
    ] {
        let count = bare_count(text, label).unwrap_or_else(|| panic!("{text:?} under {label:?}"));
        assert_eq!(
            (count.kind, count.value),
            (kind, value),
            "{text:?} under {label:?}"
        );
        assert_eq!(&text[count.cut.clone()], text.trim());
    }
}

#[test]
fn a_label_naming_no_metric_or_a_text_that_is_not_a_bare_number_is_left_alone() {
    for (text, label) in [
        ("2", "Page 2"),
        ("3", "Step 3 of 5"),
        ("15", "December 15, 2026"),
        ("$20", "Like"),
        ("v2", "Like"),
        ("3:45", "Reply"),
        ("57 people", "Like"),
        ("57", ""),
    ] {
        assert_eq!(bare_count(text, label), None, "{text:?} under {label:?}");
    }
}
