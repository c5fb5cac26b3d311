//! Profiles: which page is whose, and the posts the content script read there, turned
//! into the model's [`Post`]s.
//!
//! The content script knows nothing about sites; it reads each post element with the
//! selectors of [`ProfileRules`] into a [`RawPost`] (texts and links as printed) and the
//! engine makes sense of them here: handles from link shapes, replies, mentions, links
//! and hashtags.

use crate::export::time::parse_rfc3339;
use crate::score::Post;
use crate::sites::{host_of, ProfileRules};
use serde::{Deserialize, Serialize};

/// A post as the content script read it, before any interpretation.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RawPost {
    /// The post's own text (`ProfileRules::post_text`).
    pub text: String,
    /// The `href` of the author link.
    pub author: Option<String>,
    /// Every link in the post, as printed.
    pub links: Vec<RawLink>,
    /// Text of the post outside its own text and author block, e.g. "Replying to @ana"
    /// (bounded by the content script).
    pub context: String,
    /// The `datetime` attribute, when the site prints one.
    pub time: Option<String>,
    /// The permalink's `href`.
    pub permalink: Option<String>,
    /// The site's repost marker was present.
    pub repost: bool,
    /// The site's reply marker was present.
    pub reply: bool,
    /// The "Replied to …" link (`ProfileRules::reply_to`), when the post has one.
    pub reply_to: Option<RawLink>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, rename_all = "camelCase")]
pub struct RawLink {
    pub href: String,
    pub text: String,
    /// Inside the post's own text (a mention, hashtag or link the author wrote).
    pub in_text: bool,
}

/// The handle of the profile at `url`, if it is a profile page.
pub fn handle_of_url(rules: &ProfileRules, url: &str) -> Option<String> {
    let host = host_of(url)?;
    let after_host = &url[url.find(host)? + host.len()..];
    let path_and_query = after_host.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit());
    let path_and_query = path_and_query.split('#').next().unwrap_or_default();
    handle_of_path(rules, path_and_query)
}

/// The handle in a path (and query) such as `/@ana/with_replies` or `/user?id=ana`.
pub fn handle_of_path(rules: &ProfileRules, path: &str) -> Option<String> {
    rules.paths.iter().find_map(|pattern| {
        let (prefix, suffix) = pattern.split_once("{handle}")?;
        let rest = path.strip_prefix(prefix)?;
        let end = rest.find(['/', '?', '&', '#']).unwrap_or(rest.len());
        let (handle, after) = rest.split_at(end);
        if !after.starts_with(suffix) && !suffix.is_empty() {
            return None;
        }
        let valid = !handle.is_empty()
            && handle.len() <= 100
            && handle
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@'));
        let reserved = rules
            .not_handles
            .iter()
            .any(|word| word.eq_ignore_ascii_case(handle));
        (valid && !reserved).then(|| handle.to_ascii_lowercase())
    })
}

/// The handle a link points at: a profile path on this site, or "@name" as printed.
fn handle_of_link(rules: &ProfileRules, link: &RawLink) -> Option<String> {
    let path = if link.href.starts_with('/') {
        link.href.clone()
    } else if let Some(host) = host_of(&link.href) {
        link.href[link.href.find(host)? + host.len()..].to_string()
    } else if !link.href.is_empty() && !link.href.contains(':') {
        // Relative to the site's root, as Hacker News prints them: `user?id=ana`.
        format!("/{}", link.href)
    } else {
        String::new()
    };
    handle_of_path(rules, &path).or_else(|| {
        let printed = link.text.trim().strip_prefix('@')?;
        let name: String = printed.split('@').next()?.to_string();
        (!name.is_empty()).then(|| name.to_ascii_lowercase())
    })
}

/// Turns what the page showed into the model's posts, keeping only the owner's own.
/// Reposts of others are kept as reposts (they count as broadcast, not as writing);
/// other people's posts shown as context are left out (see
/// [`ProfileRules::others_are_reposts`]).
pub fn posts_of(rules: &ProfileRules, owner: &str, raw_posts: &[RawPost]) -> Vec<Post> {
    let mut posts = Vec::new();
    // The author of the context post just above, which the next owner's post may answer.
    let mut parent: Option<String> = None;
    for raw in raw_posts {
        let author = raw.author.as_deref().and_then(|href| {
            handle_of_link(
                rules,
                &RawLink {
                    href: href.into(),
                    ..RawLink::default()
                },
            )
        });
        let by_owner = author.as_deref().is_none_or(|author| author == owner);
        if !by_owner && !raw.repost && !rules.others_are_reposts {
            parent = author;
            continue;
        }
        let mut post = Post {
            id: raw.permalink.clone(),
            text: raw.text.clone(),
            is_repost: raw.repost || !by_owner,
            author: author.clone(),
            time: raw.time.as_deref().and_then(parse_rfc3339),
            ..Post::default()
        };
        // A "Replied to" link names the person, even oneself ("continued thread"). On a
        // repost it is the original author's reply, not the owner's.
        post.reply_to = raw
            .reply_to
            .as_ref()
            .filter(|_| !post.is_repost)
            .and_then(|link| handle_of_link(rules, link));
        if post.reply_to.is_none() && rules.parent_precedes && by_owner {
            post.reply_to = parent.take();
        }
        parent = None;
        for link in &raw.links {
            let printed = link.text.trim();
            if link.in_text {
                if printed.starts_with('#') {
                    post.hashtags
                        .push(crate::case::lowercase(printed.trim_start_matches('#')));
                } else if printed.starts_with('@') {
                    if let Some(handle) = handle_of_link(rules, link) {
                        post.mentions.push(handle);
                    }
                } else if link.href.starts_with("http") {
                    post.links.push(link.href.clone());
                }
            } else if post.reply_to.is_none() && !post.is_repost && printed.starts_with('@') {
                // An @-link outside the text and the name block: "Replying to @ana".
                if let Some(handle) = handle_of_link(rules, link) {
                    if Some(&handle) != author.as_ref() && handle != owner {
                        post.reply_to = Some(handle);
                    }
                }
            }
        }
        post.is_reply = post.reply_to.is_some() || raw.reply;
        posts.push(post);
    }
    posts
}

#[cfg(test)]
#[path = "../tests/unit/profile.rs"]
mod unit_tests;
