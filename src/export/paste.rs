//! A pasted conversation (a thread or a comment section), read into posts and scored
//! per participant, for the www playground's "try it on a conversation".
//!
//! One post per line, `@handle: text` (the `@` is optional). A line that does not start
//! with a handle and a colon continues the post above it. Replies are marked in front of
//! the handle with `↳` or `>`, once per level:
//! ```text
//! @ana: Has anyone profiled the new parser?
//! ↳ @bob: Yes, it is about twice as fast. What input did you use?
//! ↳ ↳ @ana: Mostly large JSON exports. Thanks!
//! > @carol: Not yet, but I will this week.
//! ```
//! A post with n markers replies to the closest post above it with n − 1 markers; a post
//! without markers starts a new thread. When no line has a marker at all, the paste is
//! read as a chat: each message replies to the previous message by someone else.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::plain_text::{links_in, words_with_prefix};
use super::report::reply_target;
use crate::score::{post_flags, score_posts, Badge, Post, PostFlags, REASON_KINDS};

/// A per-post signal the model counts, for showing on a short conversation where a
/// badge would need more posts: id, display name, and whether it raises the score.
pub struct PostSignal {
    pub id: &'static str,
    pub name: &'static str,
    pub raises: bool,
    pub shows: fn(&PostFlags) -> bool,
}

/// The signals of the reasons read from a post's words, in [`REASON_KINDS`] order.
pub fn signals() -> impl Iterator<Item = PostSignal> {
    REASON_KINDS.iter().filter_map(|kind| {
        let signal = kind.signal?;
        Some(PostSignal {
            id: signal.id,
            name: signal.name,
            raises: kind.raises,
            shows: kind.evidence.words()?,
        })
    })
}

/// One post of a pasted conversation, as the page lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PastedPost {
    /// Line of the paste where the post starts, from 1.
    pub line: usize,
    pub handle: String,
    pub depth: usize,
    pub reply_to: Option<String>,
    pub text: String,
    /// The ids of the [`signals`] this post shows.
    pub signals: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignalCount {
    pub id: &'static str,
    pub name: &'static str,
    /// `raises` or `lowers`, as on the badge's reasons.
    pub effect: &'static str,
    pub count: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub handle: String,
    pub posts: usize,
    pub replies: usize,
    /// Distinct people this participant replied to.
    pub people: usize,
    pub badge: Badge,
    /// How many of their posts show each signal (only those that occur).
    pub signals: Vec<SignalCount>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Conversation {
    /// `threaded` (reply markers) or `chat` (none: each message answers the previous one).
    pub mode: &'static str,
    pub posts: Vec<PastedPost>,
    pub participants: Vec<Participant>,
    /// Lines that could not be read, e.g. `line 1: no "@handle:" at the start`.
    pub warnings: Vec<String>,
}

/// `ana` from `@ana: text`, with the text after the colon; `None` for a line that does
/// not start with a handle (it continues the post above).
fn split_handle(line: &str) -> Option<(&str, &str)> {
    let (head, text) = line.split_once(':')?;
    let handle = head.trim().trim_start_matches(['@', '＠']);
    let valid = !handle.is_empty()
        && handle.chars().count() <= 40
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
        // "https://…" is a link, not a handle.
        && !text.starts_with("//");
    valid.then(|| (handle, text.trim()))
}

/// The reply markers in front of a line (`↳`, `>`, with spaces between) and the rest.
fn split_markers(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix('↳').or_else(|| rest.strip_prefix('>')) {
            depth += 1;
            rest = after.trim_start();
        } else {
            return (depth, rest);
        }
    }
}

pub fn read_conversation(text: &str) -> Conversation {
    struct Draft {
        line: usize,
        handle: String,
        depth: usize,
        text: String,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut warnings = Vec::new();
    for (index, raw_line) in text.lines().enumerate() {
        if raw_line.trim().is_empty() {
            continue;
        }
        let (depth, rest) = split_markers(raw_line);
        match split_handle(rest) {
            Some((handle, text)) => drafts.push(Draft {
                line: index + 1,
                handle: handle.to_string(),
                depth,
                text: text.to_string(),
            }),
            None => match drafts.last_mut() {
                Some(draft) if depth == 0 => {
                    draft.text.push('\n');
                    draft.text.push_str(raw_line.trim());
                }
                _ => warnings.push(format!(
                    "line {}: no \"@handle:\" at the start, so it was skipped",
                    index + 1
                )),
            },
        }
    }
    let threaded = drafts.iter().any(|draft| draft.depth > 0);
    let mut posts: Vec<Post> = Vec::with_capacity(drafts.len());
    let mut pasted: Vec<PastedPost> = Vec::with_capacity(drafts.len());
    // The closest post above at each depth, and the thread root of each post.
    let mut open: Vec<usize> = Vec::new();
    let mut roots: Vec<usize> = Vec::with_capacity(drafts.len());
    for (index, draft) in drafts.iter().enumerate() {
        let parent = if threaded {
            open.truncate(draft.depth);
            let parent = if draft.depth > 0 {
                open.last().copied()
            } else {
                None
            };
            if draft.depth > 0 && parent.is_none() {
                warnings.push(format!(
                    "line {}: a reply with nothing above it to reply to",
                    draft.line
                ));
            }
            // A post that skips a level is taken as one level below its parent.
            while open.len() < draft.depth {
                open.push(parent.unwrap_or(index));
            }
            open.push(index);
            parent
        } else {
            drafts[..index]
                .iter()
                .rposition(|other| !other.handle.eq_ignore_ascii_case(&draft.handle))
        };
        let root = parent.map_or(index, |parent| roots[parent]);
        roots.push(root);
        let reply_to = parent.map(|parent| drafts[parent].handle.clone());
        posts.push(Post {
            id: Some(format!("paste-{index}")),
            text: draft.text.clone(),
            is_reply: reply_to.is_some(),
            reply_to: reply_to.clone(),
            thread: Some(format!("paste-thread-{root}")),
            mentions: words_with_prefix(&draft.text, '@'),
            links: links_in(&draft.text),
            hashtags: words_with_prefix(&draft.text, '#'),
            time: None,
            is_repost: false,
            author: Some(draft.handle.clone()),
        });
        let flags = post_flags(posts.last().expect("just pushed"));
        pasted.push(PastedPost {
            signals: signals()
                .filter(|signal| (signal.shows)(&flags))
                .map(|signal| signal.id)
                .collect(),
            line: draft.line,
            handle: draft.handle.clone(),
            depth: if threaded {
                draft.depth
            } else {
                usize::from(reply_to.is_some())
            },
            reply_to,
            text: draft.text.clone(),
        });
    }
    // Participants in order of first appearance; handles compare without case.
    let mut order: Vec<String> = Vec::new();
    let mut by_handle: HashMap<String, (String, Vec<Post>)> = HashMap::new();
    for post in posts {
        let handle = post.author.clone().unwrap_or_default();
        let key = handle.to_lowercase();
        by_handle
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                (handle, Vec::new())
            })
            .1
            .push(post);
    }
    let participants = order
        .iter()
        .filter_map(|key| by_handle.remove(key))
        .map(|(handle, posts)| {
            let flags: Vec<PostFlags> = posts.iter().map(post_flags).collect();
            let targets: HashSet<String> = posts.iter().filter_map(reply_target).collect();
            Participant {
                replies: posts.iter().filter(|post| post.is_reply).count(),
                people: targets.iter().filter(|target| !target.is_empty()).count(),
                posts: posts.len(),
                badge: score_posts(&posts),
                signals: signals()
                    .map(|signal| SignalCount {
                        id: signal.id,
                        name: signal.name,
                        effect: if signal.raises { "raises" } else { "lowers" },
                        count: flags.iter().filter(|flags| (signal.shows)(flags)).count(),
                    })
                    .filter(|signal| signal.count > 0)
                    .collect(),
                handle,
            }
        })
        .collect();
    Conversation {
        mode: if threaded { "threaded" } else { "chat" },
        posts: pasted,
        participants,
        warnings,
    }
}

#[cfg(test)]
#[path = "../../tests/unit/export_paste.rs"]
mod unit_tests;
