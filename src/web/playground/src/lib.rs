//! The www/ playground's exports (built with `--target web` and loaded by
//! `www/worker.js`): the conversation report of an account export, and the badges of the
//! people in a pasted conversation. Only the glue to JavaScript is here: the reading and
//! scoring are the core's ([`export::Account`], [`export::report`], [`export::paste`]),
//! tested natively, and the page does all DOM work with the plain JSON these return.
//!
//! ## Usage (from the worker)
//! ```js
//! const reader = new ExportReader();
//! const added = reader.add('outbox.json', bytes);   // {ok, format, …} or {ok: false, error}
//! reader.addText('pasted posts', text);              // an export's text, or posts as text
//! const report = reader.report();                    // the badge plus what the charts draw
//! const conversation = scoreConversation(text);      // see src/export/paste.rs
//! ```
//!
//! The report's badge is computed exactly as `sincerely score FILE… --merge` computes it
//! (both go through [`export::Account`]), so the page and the command line agree on
//! every figure.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use sincerely::export::{self, Account, Added, ReadError};

/// JSON-compatible output: plain objects and arrays, never `Map`s.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

fn answer(added: Result<Added, Box<ReadError>>) -> Result<JsValue, JsError> {
    to_js(&added.unwrap_or_else(|error| Added::failed(*error)))
}

/// Rust panics become readable console errors.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads export files one at a time (so the worker can report progress between files)
/// and scores them together as one account, like `sincerely score --merge`.
#[wasm_bindgen]
#[derive(Default)]
pub struct ExportReader {
    account: Account,
}

#[wasm_bindgen]
impl ExportReader {
    #[wasm_bindgen(constructor)]
    pub fn new() -> ExportReader {
        ExportReader::default()
    }

    /// Reads one file (any format `sincerely score` reads). Answers `{ok: true, format,
    /// formatName, posts}` or `{ok: false, error: {file, kind, line, column, message,
    /// advice, excerpt, excerptColumn}}`; a bad file leaves the reader as it was.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        answer(self.account.add_file(name, bytes))
    }

    /// Reads pasted text: an export's text (as [`add`](Self::add)), or else posts as
    /// plain text (see `src/export/plain_text.rs`).
    #[wasm_bindgen(js_name = addText)]
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<JsValue, JsError> {
        answer(self.account.add_text(name, text))
    }

    /// Posts read so far.
    #[wasm_bindgen(getter)]
    pub fn posts(&self) -> usize {
        self.account.posts.len()
    }

    /// The report over every file added.
    pub fn report(&self) -> Result<JsValue, JsError> {
        to_js(&export::report::report_of(&self.account))
    }
}

/// Reads a pasted conversation (see `src/export/paste.rs`) and scores each participant
/// from their posts in it.
#[wasm_bindgen(js_name = scoreConversation)]
pub fn score_conversation(text: &str) -> Result<JsValue, JsError> {
    to_js(&export::paste::read_conversation(text))
}
