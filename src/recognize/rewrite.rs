//! Rewriting: turns counts into edits of the original text. Hiding cuts each count's
//! span; coarse mode keeps replies readable as 0 / 1 / 1+ and hides the rest.

use super::kind::MetricKind;
use super::{coarse, Count, Edit, RewriteMode};

pub(super) fn edits(text: &str, counts: &[Count], mode: RewriteMode) -> Vec<Edit> {
    let mut edits: Vec<Edit> = counts
        .iter()
        .filter(|count| count.cut.end <= text.len() && count.cut.start <= count.cut.end)
        .filter(|count| {
            text.is_char_boundary(count.cut.start) && text.is_char_boundary(count.cut.end)
        })
        .map(|count| match (mode, count.kind) {
            (RewriteMode::Coarse, MetricKind::Replies) => Edit {
                range: count.number.clone(),
                replacement: coarse(count.value).to_string(),
            },
            _ => Edit {
                range: count.cut.clone(),
                replacement: String::new(),
            },
        })
        .collect();
    crate::small_sort::insertion_sort_by(&mut edits, |a, b| {
        (a.range.start, a.range.end).cmp(&(b.range.start, b.range.end))
    });
    // Overlapping edits cannot both apply; keep the first of each overlap.
    let mut last_end = 0;
    edits.retain(|edit| {
        let keep = edit.range.start >= last_end;
        if keep {
            last_end = edit.range.end;
        }
        keep
    });
    edits
}

pub(super) fn rewrite(text: &str, counts: &[Count], mode: RewriteMode) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits(text, counts, mode) {
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.replacement);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}
