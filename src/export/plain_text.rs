//! Posts as plain text: what the www playground reads when pasted text is not an export.
//!
//! One post per paragraph (paragraphs are separated by blank lines; without any blank
//! line, one post per line). A post that starts with `@handle` is a reply to that handle,
//! as X writes replies; `@words` are mentions, `#words` hashtags, `http(s)://…` words
//! links. Pasted posts are not the whole history, so the badge says when it needs more
//! replies.

use crate::score::Post;

/// The name of the plain-text format, for the page.
pub const PLAIN_TEXT_NAME: &str = "posts as plain text";

/// Posts as plain text (see the module documentation).
pub fn read_plain_text(text: &str) -> Vec<Post> {
    let has_blank_line = text.lines().any(|line| line.trim().is_empty())
        && text.lines().filter(|line| !line.trim().is_empty()).count() > 1;
    let mut chunks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || !has_blank_line {
            if !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
            if line.is_empty() {
                continue;
            }
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
        .into_iter()
        .map(|text| {
            let mentions = words_with_prefix(&text, '@');
            let reply_to = text
                .starts_with(['@', '＠'])
                .then(|| mentions.first().cloned())
                .flatten();
            Post {
                is_reply: reply_to.is_some(),
                reply_to,
                links: links_in(&text),
                hashtags: words_with_prefix(&text, '#'),
                mentions,
                text,
                ..Post::default()
            }
        })
        .collect()
}

/// The words of `text` that start with `prefix`, without it and without trailing
/// punctuation: `@ana,` is `ana`.
pub fn words_with_prefix(text: &str, prefix: char) -> Vec<String> {
    text.split_whitespace()
        .filter_map(|word| word.strip_prefix(prefix))
        .map(|word| word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// The `http://` and `https://` words of `text`.
pub fn links_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|word| word.starts_with("http://") || word.starts_with("https://"))
        .map(str::to_string)
        .collect()
}
