//! A file that could not be read, told to a person: what is wrong, where, the text
//! around the place, and what to do about it (the www playground shows it).

use serde::Serialize;

use super::ExportError;

/// A file that could not be read, with what is wrong and where.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadError {
    pub file: String,
    /// `syntax`, `shape` or `unrecognised`.
    pub kind: &'static str,
    pub line: usize,
    pub column: usize,
    /// The parser's words, e.g. "EOF while parsing an object".
    pub message: String,
    /// What the reader should do about it.
    pub advice: &'static str,
    /// The text around the position, and where in it the position falls (in characters).
    pub excerpt: String,
    pub excerpt_column: usize,
}

impl ReadError {
    pub fn new(file: &str, bytes: &[u8], error: &ExportError) -> ReadError {
        let (kind, message, advice) = match error {
            ExportError::Syntax { message, .. } => (
                "syntax",
                message.clone(),
                "The file is damaged or cut short. Export it again, or unzip it again if it came from an archive.",
            ),
            ExportError::Shape { message, .. } => (
                "shape",
                message.clone(),
                "The file is valid JSON but not shaped like an export Sincerely reads.",
            ),
            ExportError::Unrecognised(message) => (
                "unrecognised",
                message.clone(),
                "Drop a Mastodon outbox.json, an X archive's data/tweets.js, either archive's .zip, or a JSON list of posts.",
            ),
        };
        let (line, column) = error.position();
        // The start of a file that is not an export at all (a photo, a PDF) shows nothing useful.
        let (excerpt, excerpt_column) = match error {
            ExportError::Unrecognised(_) => (String::new(), 0),
            _ => excerpt_at(bytes, line, column),
        };
        ReadError {
            file: file.to_string(),
            kind,
            line,
            column,
            message,
            advice,
            excerpt,
            excerpt_column,
        }
    }
}

/// Up to 40 bytes either side of (line, column) on that line, as text, and the character
/// index of the position within it. Columns count bytes from 1, as `serde_json` does.
pub fn excerpt_at(bytes: &[u8], line: usize, column: usize) -> (String, usize) {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(index, _)| index + 1)
    };
    let line_end = bytes[line_start..]
        .iter()
        .position(|byte| *byte == b'\n')
        .map_or(bytes.len(), |index| line_start + index);
    let position = (line_start + column.saturating_sub(1)).min(line_end);
    let mut start = position.saturating_sub(40).max(line_start);
    let mut end = (position + 40).min(line_end);
    // Stay on character boundaries: UTF-8 continuation bytes are 0b10xxxxxx.
    while start > line_start && (bytes[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    while end < line_end && (bytes[end] & 0xC0) == 0x80 {
        end += 1;
    }
    let before = String::from_utf8_lossy(&bytes[start..position]);
    let text = String::from_utf8_lossy(&bytes[start..end]).replace(['\r', '\t'], " ");
    (text, before.chars().count())
}
