//! Fault injection, for test builds only: with the cargo feature `fault-injection` (which
//! `cargo xtask dist` builds into `dist/chrome-faults/`, never into `dist/chrome`,
//! `dist/firefox` or the store zips), a `decide` call whose texts hold [`PANIC_MARKER`]
//! panics for real inside the engine, so the end-to-end test can see what a Rust bug does
//! to a tab. The shipped engine has no such path; tests/e2e/faults.test.mjs checks that
//! its wasm does not even hold the marker.

use crate::protocol::Candidate;

/// The text that makes a test build's engine panic.
pub const PANIC_MARKER: &str = "sincerely-fault-injection:panic";

/// Panics when a candidate carries [`PANIC_MARKER`].
pub fn panic_on_marker(items: &[Candidate]) {
    if items.iter().any(|item| item.text.contains(PANIC_MARKER)) {
        panic!("fault injection: {PANIC_MARKER}");
    }
}
