//! Readers for account exports: a Mastodon `outbox.json`, an X archive's `data/tweets.js`
//! and Sincerely's plain JSON list of posts; an [`Account`] gathers them file by file.
//! Beside them, what the www playground reads: posts as plain text (`plain_text`), a
//! pasted conversation ([`paste`]), and the conversation [`report`]. Each turns bytes into [`Post`]s for the
//! model, and each fails with an [`ExportError`] that names the position of the problem
//! (line and column, counted from 1) instead of panicking, so a fuzz target can call
//! them on any input.
//!
//! ## The plain JSON format
//! Either a JSON array of posts or an object `{"posts": [...]}`. A post is the engine's
//! [`Post`], in camelCase, every field optional:
//! ```json
//! [{"id": "1", "text": "Thanks! How did you fix it?", "isReply": true,
//!   "replyTo": "ana", "thread": "t1", "mentions": ["ana"], "links": [],
//!   "hashtags": [], "time": 1700000000, "isRepost": false, "author": "me"}]
//! ```

mod account;
mod html;
mod mastodon;
pub mod paste;
mod plain;
mod plain_text;
mod read_error;
pub mod report;
pub(crate) mod time;
mod x_archive;

use crate::score::Post;
use serde::Serialize;

pub use account::{badge_for, read_export, Account, Added};
pub use mastodon::{
    parse_mastodon_actor, parse_mastodon_outbox, parse_mastodon_outbox_of, MastodonActor,
};
pub use plain::parse_plain_posts;
pub use plain_text::{read_plain_text, PLAIN_TEXT_NAME};
pub use read_error::ReadError;
pub use x_archive::{parse_x_account_js, parse_x_tweets_js, parse_x_tweets_js_of, XAccount};

/// Why an export could not be read. Positions count lines and columns from 1; the column
/// counts bytes, as `serde_json` does.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExportError {
    /// The bytes are not valid JSON there (or end too early): the file is damaged or
    /// truncated; export it again.
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is valid but not shaped like this kind of export.
    #[error("line {line}, column {column}: {message}")]
    Shape {
        line: usize,
        column: usize,
        message: String,
    },
    /// Nothing here looks like a known export.
    #[error("line 1, column 1: {0}")]
    Unrecognised(String),
}

impl ExportError {
    /// The (line, column) of the problem.
    pub fn position(&self) -> (usize, usize) {
        match self {
            ExportError::Syntax { line, column, .. } | ExportError::Shape { line, column, .. } => {
                (*line, *column)
            }
            ExportError::Unrecognised(_) => (1, 1),
        }
    }

    /// Converts a `serde_json` error, shifting its position by where the JSON started.
    fn from_json(error: serde_json::Error, start: TextPosition) -> ExportError {
        let (line, column) = start.shift(error.line(), error.column());
        let message = strip_position(&error.to_string());
        match error.classify() {
            serde_json::error::Category::Data => ExportError::Shape {
                line,
                column,
                message,
            },
            _ => ExportError::Syntax {
                line,
                column,
                message,
            },
        }
    }
}

/// `serde_json` appends " at line L column C"; we say the position first instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

/// Where a JSON document starts inside a file (after a BOM or a JavaScript prefix).
#[derive(Clone, Copy, Debug, Default)]
struct TextPosition {
    /// Lines before the JSON starts.
    lines_before: usize,
    /// Bytes before the JSON on its first line.
    columns_before: usize,
}

impl TextPosition {
    fn of_offset(bytes: &[u8], offset: usize) -> TextPosition {
        let before = &bytes[..offset];
        let lines_before = before.iter().filter(|byte| **byte == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |index| index + 1);
        TextPosition {
            lines_before,
            columns_before: offset - line_start,
        }
    }

    fn shift(self, line: usize, column: usize) -> (usize, usize) {
        // serde_json reports line 0 or column 0 for errors at the very start; we count
        // from 1 everywhere.
        let line = line.max(1);
        let column = column.max(1);
        if line == 1 {
            (1 + self.lines_before, column + self.columns_before)
        } else {
            (line + self.lines_before, column)
        }
    }
}

/// Skips a UTF-8 byte-order mark, which some editors add.
fn skip_bom(bytes: &[u8]) -> usize {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    }
}

/// Parses JSON that starts at `offset`, with positions relative to the whole file.
fn parse_json_at<'a, T: serde::Deserialize<'a>>(
    bytes: &'a [u8],
    offset: usize,
) -> Result<T, ExportError> {
    serde_json::from_slice(&bytes[offset..])
        .map_err(|error| ExportError::from_json(error, TextPosition::of_offset(bytes, offset)))
}

/// The kinds of export we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    MastodonOutbox,
    XArchive,
    PlainJson,
}

impl ExportFormat {
    pub fn display_name(self) -> &'static str {
        match self {
            ExportFormat::MastodonOutbox => "Mastodon export (outbox.json)",
            ExportFormat::XArchive => "X archive (tweets.js)",
            ExportFormat::PlainJson => "plain JSON posts",
        }
    }

    /// Whether the format holds the account's whole history, so that missing replies
    /// mean the account does not reply.
    pub fn is_whole_history(self) -> bool {
        !matches!(self, ExportFormat::PlainJson)
    }
}

/// Guesses the format from the first bytes: `window.YTD` is an X archive, an object with
/// `orderedItems` or an ActivityStreams `@context` is a Mastodon outbox, and any other
/// array or object is the plain format.
pub fn detect_format(bytes: &[u8]) -> Result<ExportFormat, ExportError> {
    let start = skip_bom(bytes);
    let first = bytes[start..]
        .iter()
        .position(|byte| !byte.is_ascii_whitespace());
    let Some(first) = first.map(|index| index + start) else {
        return Err(ExportError::Unrecognised("the file is empty".into()));
    };
    let head = &bytes[first..bytes.len().min(first + 4096)];
    match bytes[first] {
        b'w' if head.starts_with(b"window.YTD") => Ok(ExportFormat::XArchive),
        b'[' => Ok(ExportFormat::PlainJson),
        b'{' => {
            let contains =
                |needle: &[u8]| bytes.windows(needle.len()).any(|window| window == needle);
            if contains(b"\"orderedItems\"")
                || head.windows(10).any(|window| window == b"\"@context\"")
            {
                Ok(ExportFormat::MastodonOutbox)
            } else {
                Ok(ExportFormat::PlainJson)
            }
        }
        _ => Err(ExportError::Unrecognised(
            "not a Mastodon outbox.json, an X tweets.js or a JSON list of posts".into(),
        )),
    }
}

/// Detects the format and parses, without the files beside it (see [`read_export`]).
pub fn parse_any(bytes: &[u8]) -> Result<(ExportFormat, Vec<Post>), ExportError> {
    read_export(bytes, |_| None)
}

#[cfg(test)]
#[path = "../../tests/unit/export.rs"]
mod unit_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "../../tests/unit/export_properties.rs"]
mod property_tests;
