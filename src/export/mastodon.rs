//! A Mastodon account export's `outbox.json`: an ActivityStreams `OrderedCollection`
//! whose `orderedItems` are `Create` activities (the account's statuses, with their HTML
//! content) and `Announce` activities (boosts, which become reposts). Other activity and
//! object types are skipped.

use serde::Deserialize;
use serde_json::Value;

use super::html::read_status_html;
use super::time::parse_rfc3339;
use super::{parse_json_at, skip_bom, ExportError};
use crate::score::Post;

#[derive(Deserialize)]
struct Outbox {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(rename = "orderedItems")]
    ordered_items: Vec<Activity>,
}

#[derive(Deserialize)]
struct Activity {
    #[serde(rename = "type", default)]
    kind: Value,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    actor: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    object: Value,
}

/// `bob@example.social` from `https://example.social/users/bob/statuses/1`,
/// `https://example.social/@bob/1` or `https://example.social/users/bob`.
fn handle_from_url(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = without_scheme.split_once('/')?;
    let mut segments = path.split('/');
    let name = match segments.next()? {
        "users" | "u" | "accounts" | "profile" => segments.next()?.to_string(),
        first if first.starts_with('@') => first.trim_start_matches('@').to_string(),
        _ => return None,
    };
    if name.is_empty() {
        return None;
    }
    // A remote account linked through this server already carries its domain.
    if name.contains('@') {
        return Some(name.to_lowercase());
    }
    Some(format!("{name}@{host}").to_lowercase())
}

fn string_field<'a>(object: &'a Value, name: &str) -> Option<&'a str> {
    object.get(name).and_then(Value::as_str)
}

fn is_type(value: &Value, wanted: &str) -> bool {
    match value {
        Value::String(kind) => kind == wanted,
        Value::Array(kinds) => kinds.iter().any(|kind| kind.as_str() == Some(wanted)),
        _ => false,
    }
}

fn post_from_create(activity: &Activity, author: Option<&str>) -> Option<Post> {
    let object = &activity.object;
    let kind = object.get("type")?;
    if !(is_type(kind, "Note") || is_type(kind, "Question") || is_type(kind, "Article")) {
        return None;
    }
    let content = string_field(object, "content").unwrap_or("");
    let status = read_status_html(content);
    let mut mentions = Vec::new();
    let mut hashtags = Vec::new();
    if let Some(tags) = object.get("tag").and_then(Value::as_array) {
        for tag in tags {
            let name = string_field(tag, "name").unwrap_or("");
            if is_type(tag.get("type").unwrap_or(&Value::Null), "Mention") {
                let handle = string_field(tag, "href")
                    .and_then(handle_from_url)
                    .unwrap_or_else(|| name.trim_start_matches('@').to_lowercase());
                mentions.push(handle);
            } else if is_type(tag.get("type").unwrap_or(&Value::Null), "Hashtag") {
                hashtags.push(name.trim_start_matches('#').to_string());
            }
        }
    }
    let in_reply_to = object.get("inReplyTo").and_then(|value| {
        value
            .as_str()
            .or_else(|| value.get("id").and_then(Value::as_str))
    });
    let reply_to = in_reply_to.and_then(handle_from_url);
    let published = string_field(object, "published").or(activity.published.as_deref());
    Some(Post {
        id: string_field(object, "id")
            .map(str::to_string)
            .or_else(|| activity.id.clone()),
        text: status.text,
        is_reply: in_reply_to.is_some(),
        reply_to,
        thread: string_field(object, "conversation")
            .or_else(|| string_field(object, "context"))
            .map(str::to_string),
        mentions,
        links: status.links,
        hashtags,
        time: published.and_then(parse_rfc3339),
        is_repost: false,
        author: author.map(str::to_string),
    })
}

/// Reads an `outbox.json`.
pub fn parse_mastodon_outbox(bytes: &[u8]) -> Result<Vec<Post>, ExportError> {
    let outbox: Outbox = parse_json_at(bytes, skip_bom(bytes))?;
    if let Some(kind) = outbox.kind.as_deref() {
        if kind != "OrderedCollection" && kind != "OrderedCollectionPage" {
            return Err(ExportError::Shape {
                line: 1,
                column: 1,
                message: format!("expected an OrderedCollection, found type \"{kind}\""),
            });
        }
    }
    let mut posts = Vec::with_capacity(outbox.ordered_items.len());
    for activity in &outbox.ordered_items {
        let author = activity.actor.as_deref().and_then(handle_from_url);
        if is_type(&activity.kind, "Create") {
            if let Some(post) = post_from_create(activity, author.as_deref()) {
                posts.push(post);
            }
        } else if is_type(&activity.kind, "Announce") {
            posts.push(Post {
                id: activity.id.clone(),
                is_repost: true,
                time: activity.published.as_deref().and_then(parse_rfc3339),
                author,
                ..Post::default()
            });
        }
    }
    Ok(posts)
}
