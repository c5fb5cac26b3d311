//! Fault injection, for test builds only: the web crates call [`panic_on_marker`] when
//! built with their feature `fault-injection` (which `cargo xtask dist` builds into
//! `dist/chrome-faults/`, never into `dist/chrome`, `dist/firefox` or the store zips), so
//! a `decide` request whose texts hold [`PANIC_MARKER`] panics for real inside the engine
//! and the end-to-end test can see what a Rust bug does to a tab. The shipped engine never
//! calls it; tests/e2e/faults.test.mjs checks that its wasm does not even hold the marker.

use crate::protocol::{self, Call};

/// The text that makes a test build's engine panic.
pub const PANIC_MARKER: &str = "sincerely-fault-injection:panic";

/// Panics when `request` (protocol JSON text) is a `decide` call one of whose candidates
/// carries [`PANIC_MARKER`].
pub fn panic_on_marker(request: &str) {
    let Ok(request) = protocol::read_request(request) else {
        return;
    };
    if let Call::Decide { items } = request.call {
        if items.iter().any(|item| item.text.contains(PANIC_MARKER)) {
            panic!("fault injection: {PANIC_MARKER}");
        }
    }
}
