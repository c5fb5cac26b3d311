//! An X (Twitter) archive's `data/tweets.js`: a JavaScript assignment
//! `window.YTD.tweets.part0 = [{"tweet": {…}}, …]` around a JSON array. Older archives
//! use `window.YTD.tweet.part0` and bare tweet objects; both are read.
//!
//! X writes "@handle " in front of a reply to someone else, but not in front of a reply
//! to oneself; that is how a thread of one's own is told apart from dialogue, and how the
//! account's own handle is learnt (the archive's `tweets.js` does not name it).

use serde::Deserialize;

use super::time::parse_twitter_date;
use super::{parse_json_at, skip_bom, ExportError};
use crate::score::Post;

/// One element of the array: `{"tweet": {…}}`, or in older archives the tweet itself.
/// (Not an untagged enum: that would hide where a malformed tweet is.)
#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    tweet: Option<Tweet>,
    #[serde(flatten)]
    bare: Tweet,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Tweet {
    id_str: Option<String>,
    id: Option<String>,
    full_text: Option<String>,
    text: Option<String>,
    created_at: Option<String>,
    in_reply_to_status_id_str: Option<String>,
    in_reply_to_screen_name: Option<String>,
    entities: Entities,
    retweeted: bool,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Entities {
    hashtags: Vec<Hashtag>,
    user_mentions: Vec<UserMention>,
    urls: Vec<Url>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Hashtag {
    text: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct UserMention {
    screen_name: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Url {
    expanded_url: Option<String>,
    url: Option<String>,
}

/// Finds where the JSON array starts after `window.YTD.<name>.part<N> =`.
fn json_start(bytes: &[u8]) -> Result<usize, ExportError> {
    let start = skip_bom(bytes);
    let rest = &bytes[start..];
    let trimmed_start = rest
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(rest.len());
    if !rest[trimmed_start..].starts_with(b"window.YTD.") {
        return Err(ExportError::Unrecognised(
            "an X archive's tweets.js starts with \"window.YTD.tweets.part0 = [\"".into(),
        ));
    }
    let equals = rest
        .iter()
        .position(|byte| *byte == b'=')
        .ok_or_else(|| ExportError::Syntax {
            line: 1,
            column: rest.len() + 1,
            message: "expected \"=\" after window.YTD…".into(),
        })?;
    Ok(start + equals + 1)
}

/// Reads `data/tweets.js`.
pub fn parse_x_tweets_js(bytes: &[u8]) -> Result<Vec<Post>, ExportError> {
    let start = json_start(bytes)?;
    let entries: Vec<Entry> = parse_json_at(bytes, start)?;
    let tweets: Vec<Tweet> = entries
        .into_iter()
        .map(|entry| entry.tweet.unwrap_or(entry.bare))
        .collect();
    let text_of = |tweet: &Tweet| {
        tweet
            .full_text
            .clone()
            .or_else(|| tweet.text.clone())
            .unwrap_or_default()
    };
    // The account's own handle: whoever it replies to without the automatic "@" prefix.
    let own_handle = tweets.iter().find_map(|tweet| {
        let target = tweet.in_reply_to_screen_name.as_deref()?;
        let text = text_of(tweet);
        let prefixed = text
            .to_lowercase()
            .starts_with(&format!("@{}", target.to_lowercase()));
        (!prefixed).then(|| target.to_string())
    });
    Ok(tweets
        .iter()
        .map(|tweet| {
            let text = text_of(tweet);
            Post {
                id: tweet.id_str.clone().or_else(|| tweet.id.clone()),
                is_repost: tweet.retweeted || text.starts_with("RT @"),
                is_reply: tweet.in_reply_to_status_id_str.is_some()
                    || tweet.in_reply_to_screen_name.is_some(),
                reply_to: tweet.in_reply_to_screen_name.clone(),
                thread: None,
                mentions: tweet
                    .entities
                    .user_mentions
                    .iter()
                    .map(|mention| mention.screen_name.clone())
                    .collect(),
                links: tweet
                    .entities
                    .urls
                    .iter()
                    .filter_map(|url| url.expanded_url.clone().or_else(|| url.url.clone()))
                    .collect(),
                hashtags: tweet
                    .entities
                    .hashtags
                    .iter()
                    .map(|hashtag| hashtag.text.clone())
                    .collect(),
                time: tweet.created_at.as_deref().and_then(parse_twitter_date),
                author: own_handle.clone(),
                text,
            }
        })
        .collect())
}
