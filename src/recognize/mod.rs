//! The vanity-number recognizer: finds counts printed inside short UI texts
//! ("1.2K Followers", "Liked by ana and 1,203 others", "(3) Home / X") and says how
//! to rewrite the text so the words stay and the number goes.
//!
//! ## Usage
//! ```
//! use sincerely::recognize::{find_counts, rewrite, MetricKind, RewriteMode, TextContext};
//! let text = "1.2K Followers";
//! let counts = find_counts(text, TextContext::Label);
//! assert_eq!(counts[0].kind, MetricKind::Followers);
//! assert_eq!(rewrite(text, &counts, RewriteMode::Hide), "Followers");
//! ```
//!
//! Offsets are byte offsets into the `&str` given; the protocol layer converts them to
//! UTF-16 for JavaScript.
//!
//! ## Map
//! - `text`: character classes (digits of four scripts, joining spaces, separators).
//! - [`number`](parse_number): the number grammar and compact suffixes.
//! - `words`: the lexicon data, twelve languages; `lexicon`: its index and matching.
//! - `traps`: prices, times, ordinals, handles, and numbers inside sentences.
//! - `scan`: the scanner that ties them together into [`Count`]s.
//! - `rewrite`: counts to [`Edit`]s.
//! - `sweep`: which short interface texts the sweep hands to the recognizer.
//! - `kind`: [`MetricKind`].
//!
//! Quality figures: `cargo test --test recognizer_quality`; speed: `cargo bench --bench
//! recognize`; fuzzing: `tests/fuzz/README.md`.

mod kind;
mod lexicon;
mod number;
mod rewrite;
mod scan;
mod sweep;
mod text;
mod traps;
mod words;

pub use kind::MetricKind;
pub use number::{parse_number, Number};
pub use sweep::{bare_count, is_sweep_text, MAX_SWEEP_CHARS};
pub(crate) use text::DIGIT_ZEROS;

use std::ops::Range;

/// Where a text came from: decides how bold the recognizer may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextContext {
    /// Interface text near a post or profile (buttons, links, headers, captions).
    Label,
    /// The document title ("(3) Home / X"): a leading "(N)" is an unread counter.
    Title,
    /// A post's own words. Never rewritten; `find_counts` returns nothing.
    Prose,
    /// Interface text the sweep found outside the containers the site rules name: read as
    /// a label, but only when [`is_sweep_text`] takes it for a short interface text.
    Sweep,
}

/// One vanity metric found in a text.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Count {
    pub kind: MetricKind,
    /// The parsed value (1.2K → 1200.0).
    pub value: f64,
    /// Byte span of the number itself, suffix included ("1.2K").
    pub number: Range<usize>,
    /// Byte span to delete when hiding: the number plus the space that joins it to
    /// its words, so that "1.2K Followers" becomes "Followers".
    pub cut: Range<usize>,
}

/// How a rewrite treats the numbers it removes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum RewriteMode {
    /// Remove the number and its joining space.
    #[default]
    Hide,
    /// Keep conversation signals readable: replies become 0 / 1 / 1+, others are hidden.
    Coarse,
}

/// One replacement of a byte range of the original text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// Finds every vanity metric in `text`. Prose yields nothing: post text is never touched.
pub fn find_counts(text: &str, context: TextContext) -> Vec<Count> {
    scan::find_counts(text, context)
}

/// The edits that turn `text` into its rewrite (sorted, non-overlapping).
pub fn edits(text: &str, counts: &[Count], mode: RewriteMode) -> Vec<Edit> {
    rewrite::edits(text, counts, mode)
}

/// Applies [`edits`] and returns the rewritten text.
pub fn rewrite(text: &str, counts: &[Count], mode: RewriteMode) -> String {
    rewrite::rewrite(text, counts, mode)
}

/// The coarse form of a count: "0", "1" or "1+" (Mastodon's convention for replies).
pub fn coarse(value: f64) -> &'static str {
    if value < 0.5 {
        "0"
    } else if value < 1.5 {
        "1"
    } else {
        "1+"
    }
}

#[cfg(test)]
#[path = "../../tests/unit/recognize.rs"]
mod unit_tests;
