//! An X (Twitter) archive's `data/tweets.js`: a JavaScript assignment
//! `window.YTD.tweets.part0 = [{"tweet": {…}}, …]` around a JSON array. Older archives
//! use `window.YTD.tweet.part0` and bare tweet objects; both are read.
//!
//! The account is named by the archive's `data/account.js` (`accountId`, `username`):
//! a reply whose `in_reply_to_user_id` is the account's own id continues its own thread
//! and is not dialogue. Without `account.js`, the own id is the one most replied to
//! without the "@handle " that X puts in front of a reply to someone else (X writes none
//! in front of a reply to oneself): a vote over every reply, so one stray reply early in
//! the file does not decide it.
//!
//! The other files of an archive (`like.js`, `follower.js`, `account.js`…) share the
//! `window.YTD.<name>.part0 = [` form; they are refused with the name of the file to use.

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
    #[serde(deserialize_with = "string_or_number")]
    in_reply_to_user_id_str: Option<String>,
    #[serde(deserialize_with = "string_or_number")]
    in_reply_to_user_id: Option<String>,
    entities: Entities,
    retweeted: bool,
}

/// Archives write ids as strings; a number is read too rather than refused.
fn string_or_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(
        match Option::<serde_json::Value>::deserialize(deserializer)? {
            Some(serde_json::Value::String(text)) => Some(text),
            Some(serde_json::Value::Number(number)) => Some(number.to_string()),
            _ => None,
        },
    )
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

/// The account an archive belongs to, from its `data/account.js`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct XAccount {
    pub account_id: Option<String>,
    pub username: Option<String>,
}

/// `window.YTD.account.part0 = [{"account": {"accountId": …, "username": …}}]`.
#[derive(Deserialize)]
struct AccountEntry {
    account: AccountFields,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct AccountFields {
    account_id: Option<String>,
    username: Option<String>,
}

/// The archive files that hold the account's own posts: `tweets.js` (and its
/// `tweets-part1.js`…), `tweet.js` in older archives.
const POST_FILE_NAMES: [&str; 2] = ["tweets", "tweet"];

/// Where the JSON array starts after `window.YTD.<name>.part<N> =`, and the `<name>`.
fn json_start(bytes: &[u8]) -> Result<(usize, String), ExportError> {
    let start = skip_bom(bytes);
    let rest = &bytes[start..];
    let trimmed_start = rest
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let Some(after_prefix) = rest[trimmed_start..].strip_prefix(b"window.YTD.") else {
        return Err(ExportError::Unrecognised(
            "an X archive's tweets.js starts with \"window.YTD.tweets.part0 = [\"".into(),
        ));
    };
    let name: String = after_prefix
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'_' || **byte == b'-')
        .map(|byte| char::from(*byte))
        .collect();
    let equals = rest
        .iter()
        .position(|byte| *byte == b'=')
        .ok_or_else(|| ExportError::Syntax {
            line: 1,
            column: rest.len() + 1,
            message: "expected \"=\" after window.YTD…".into(),
        })?;
    Ok((start + equals + 1, name))
}

/// Reads `data/account.js`.
pub fn parse_x_account_js(bytes: &[u8]) -> Result<XAccount, ExportError> {
    let (start, name) = json_start(bytes)?;
    if name != "account" {
        return Err(ExportError::Unrecognised(format!(
            "this is the X archive's {name}.js, not account.js"
        )));
    }
    let entries: Vec<AccountEntry> = parse_json_at(bytes, start)?;
    let fields = entries
        .into_iter()
        .next()
        .map(|entry| entry.account)
        .unwrap_or_default();
    Ok(XAccount {
        account_id: fields.account_id,
        username: fields.username,
    })
}

/// Reads `data/tweets.js`, learning the account from the replies (see the module doc).
pub fn parse_x_tweets_js(bytes: &[u8]) -> Result<Vec<Post>, ExportError> {
    parse_x_tweets_js_of(bytes, None)
}

/// Reads `data/tweets.js` of the account that `account.js` names.
pub fn parse_x_tweets_js_of(
    bytes: &[u8],
    account: Option<&XAccount>,
) -> Result<Vec<Post>, ExportError> {
    let (start, name) = json_start(bytes)?;
    if !POST_FILE_NAMES.contains(&name.as_str()) {
        return Err(ExportError::Unrecognised(format!(
            "this is the X archive's {name}.js (window.YTD.{name}), not your posts: \
             use data/tweets.js (tweet.js in older archives) from the same archive"
        )));
    }
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
    let target_id = |tweet: &Tweet| {
        tweet
            .in_reply_to_user_id_str
            .clone()
            .or_else(|| tweet.in_reply_to_user_id.clone())
    };
    let unprefixed = |tweet: &Tweet| {
        tweet
            .in_reply_to_screen_name
            .as_deref()
            .is_some_and(|target| {
                !text_of(tweet)
                    .to_lowercase()
                    .starts_with(&format!("@{}", target.to_lowercase()))
            })
    };
    // The own account: named by account.js, else the target most replied to without
    // the automatic "@" prefix (ties go to the first seen, so the result is stable).
    let mut own_id = account.and_then(|account| account.account_id.clone());
    let mut own_handle = account.and_then(|account| account.username.clone());
    if own_id.is_none() && own_handle.is_none() {
        let mut votes: Vec<(String, Option<String>, usize)> = Vec::new();
        for tweet in tweets.iter().filter(|tweet| unprefixed(tweet)) {
            let handle = tweet.in_reply_to_screen_name.clone().unwrap_or_default();
            let key = target_id(tweet).unwrap_or_else(|| handle.to_lowercase());
            match votes.iter_mut().find(|(seen, _, _)| *seen == key) {
                Some(vote) => vote.2 += 1,
                None => votes.push((key, Some(handle), 1)),
            }
        }
        let mut best: Option<&(String, Option<String>, usize)> = None;
        for vote in &votes {
            if best.is_none_or(|best| vote.2 > best.2) {
                best = Some(vote);
            }
        }
        if let Some((key, handle, _)) = best {
            own_handle = handle.clone();
            own_id = tweets
                .iter()
                .find(|tweet| tweet.in_reply_to_screen_name == *handle)
                .and_then(target_id)
                .filter(|id| id == key);
        }
    }
    // The handle the account used in its own replies, when account.js gave only the id.
    if own_handle.is_none() {
        own_handle = tweets
            .iter()
            .find(|tweet| target_id(tweet).is_some() && target_id(tweet) == own_id)
            .and_then(|tweet| tweet.in_reply_to_screen_name.clone());
    }
    let is_own = |tweet: &Tweet| match (target_id(tweet), &own_id) {
        (Some(id), Some(own)) => id == *own,
        _ => match (&tweet.in_reply_to_screen_name, &own_handle) {
            (Some(target), Some(own)) => target.eq_ignore_ascii_case(own),
            _ => false,
        },
    };
    Ok(tweets
        .iter()
        .map(|tweet| {
            let text = text_of(tweet);
            let is_reply = tweet.in_reply_to_status_id_str.is_some()
                || tweet.in_reply_to_screen_name.is_some()
                || target_id(tweet).is_some();
            // A reply to oneself names oneself even after a rename or when the handle is
            // missing, so the model reads it as a thread.
            let reply_to = if is_reply && is_own(tweet) {
                own_handle.clone().or_else(|| own_id.clone())
            } else {
                // Archives leave the handle out of some replies (to an account since
                // renamed or gone); the id still names one person.
                tweet
                    .in_reply_to_screen_name
                    .clone()
                    .or_else(|| target_id(tweet))
            };
            Post {
                id: tweet.id_str.clone().or_else(|| tweet.id.clone()),
                is_repost: tweet.retweeted || text.starts_with("RT @"),
                is_reply,
                reply_to,
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
                author: own_handle.clone().or_else(|| own_id.clone()),
                text,
            }
        })
        .collect())
}
