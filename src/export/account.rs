//! One account read from one or more export files, as `sincerely score FILE… --merge`
//! and the www playground both read it, and the badge it gets.
//!
//! ## Usage
//! ```
//! use sincerely::export::Account;
//! let mut account = Account::default();
//! account.add_file("posts.json", br#"[{"text": "Thanks! How did you fix it?"}]"#).unwrap();
//! assert_eq!(account.posts.len(), 1);
//! let badge = account.badge();
//! assert_eq!(badge.label, "not-enough-to-judge");
//! ```

use serde::Serialize;

use super::plain_text::{read_plain_text, PLAIN_TEXT_NAME};
use super::read_error::ReadError;
use super::{
    detect_format, parse_mastodon_actor, parse_mastodon_outbox_of, parse_plain_posts,
    parse_x_account_js, parse_x_tweets_js_of, ExportError, ExportFormat,
};
use crate::score::{score_observation, Badge, Observation, Post};

/// Reads one export file. `beside` returns another file of the same export by name
/// (`account.js` beside an X archive's `tweets.js`, `actor.json` beside a Mastodon
/// `outbox.json`), which says whose posts these are; `|_| None` when there is none.
pub fn read_export(
    bytes: &[u8],
    beside: impl Fn(&str) -> Option<Vec<u8>>,
) -> Result<(ExportFormat, Vec<Post>), ExportError> {
    let format = detect_format(bytes)?;
    let posts = match format {
        ExportFormat::XArchive => {
            let account = beside("account.js").and_then(|bytes| parse_x_account_js(&bytes).ok());
            parse_x_tweets_js_of(bytes, account.as_ref())?
        }
        ExportFormat::MastodonOutbox => {
            let actor = beside("actor.json").and_then(|bytes| parse_mastodon_actor(&bytes).ok());
            parse_mastodon_outbox_of(bytes, actor.as_ref())?
        }
        ExportFormat::PlainJson => parse_plain_posts(bytes)?,
    };
    Ok((format, posts))
}

/// Scores posts read in `format`. An export is the account's whole history, so no
/// replies there means none exist; posts without a format (pasted text) are not.
pub fn badge_for(format: Option<ExportFormat>, posts: &[Post]) -> Badge {
    let observation = Observation::from_posts(posts);
    if format.is_some_and(ExportFormat::is_whole_history) {
        score_observation(&observation.with_history_complete())
    } else {
        score_observation(&observation)
    }
}

/// The posts of one account, gathered file by file and scored together.
#[derive(Clone, Debug, Default)]
pub struct Account {
    /// The format of the first export read, `None` when only plain text was.
    pub format: Option<ExportFormat>,
    pub posts: Vec<Post>,
    /// The files read, in order.
    pub files: Vec<String>,
}

/// What adding a file answers: `{ok: true, format, formatName, posts}` or `{ok: false,
/// error}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Added {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<ExportFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format_name: Option<&'static str>,
    /// Posts read from this file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posts: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<ReadError>,
}

impl Account {
    /// Adds posts read from `file`; the first export's format is the account's.
    pub fn add(&mut self, file: &str, format: Option<ExportFormat>, posts: Vec<Post>) {
        if let Some(format) = format {
            self.format.get_or_insert(format);
        }
        self.files.push(file.to_string());
        self.posts.extend(posts);
    }

    /// Reads one export file (any format `sincerely score` reads, without the files
    /// beside it). A file that cannot be read leaves the account as it was.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<Added, Box<ReadError>> {
        let (format, posts) = read_export(bytes, |_| None)
            .map_err(|error| Box::new(ReadError::new(name, bytes, &error)))?;
        let n_posts = posts.len();
        self.add(name, Some(format), posts);
        Ok(Added {
            ok: true,
            format: Some(format),
            format_name: Some(format.display_name()),
            posts: Some(n_posts),
            error: None,
        })
    }

    /// Reads pasted text: an export's text (as [`add_file`](Self::add_file)), or else
    /// posts as plain text (see `plain_text`).
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<Added, Box<ReadError>> {
        if !matches!(
            detect_format(text.as_bytes()),
            Err(ExportError::Unrecognised(_))
        ) || text.trim().is_empty()
        {
            return self.add_file(name, text.as_bytes());
        }
        let posts = read_plain_text(text);
        let n_posts = posts.len();
        self.add(name, None, posts);
        Ok(Added {
            ok: true,
            format: None,
            format_name: Some(PLAIN_TEXT_NAME),
            posts: Some(n_posts),
            error: None,
        })
    }

    /// The badge of everything added, as `sincerely score --merge` computes it.
    pub fn badge(&self) -> Badge {
        badge_for(self.format, &self.posts)
    }
}

impl Added {
    /// The answer for a file that could not be read.
    pub fn failed(error: ReadError) -> Added {
        Added {
            ok: false,
            format: None,
            format_name: None,
            posts: None,
            error: Some(error),
        }
    }
}

#[cfg(test)]
#[path = "../../tests/unit/export_account.rs"]
mod unit_tests;
