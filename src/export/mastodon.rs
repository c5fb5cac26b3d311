//! A Mastodon account export's `outbox.json`: an ActivityStreams `OrderedCollection`
//! whose `orderedItems` are `Create` activities (the account's statuses, with their HTML
//! content) and `Announce` activities (boosts, which become reposts). Other activity and
//! object types are skipped.
//!
//! Addresses come in two forms: by name (`https://host/users/ana`, `https://host/@ana`)
//! and, on newer servers, by account id (`https://host/ap/users/1234`, statuses under
//! `/ap/users/1234/statuses/…`). Both give a handle (`ana@host`, `1234@host`); the
//! outbox's own `actor` (and `actor.json`'s `id` and `preferredUsername`, when given)
//! say which of them are the account itself, so a reply to one's own status is a
//! thread in either form.

use serde::Deserialize;
use serde_json::Value;

use super::html::read_status_html;
use super::time::parse_rfc3339;
use super::{parse_json_at, skip_bom, ExportError};
use crate::score::Post;

/// The outbox's top level. Read by hand rather than derived: Mastodon writes the
/// `orderedItems` key twice in some exports (mastodon/mastodon#31091), and like other
/// JSON readers we keep the last one instead of refusing the file.
struct Outbox {
    kind: Option<String>,
    id: Option<String>,
    ordered_items: Vec<Activity>,
}

impl<'de> Deserialize<'de> for Outbox {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Outbox, D::Error> {
        struct OutboxVisitor;
        impl<'de> serde::de::Visitor<'de> for OutboxVisitor {
            type Value = Outbox;

            fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str("an ActivityStreams OrderedCollection")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Outbox, A::Error> {
                let mut kind = None;
                let mut id = None;
                let mut ordered_items = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "type" => kind = map.next_value::<Value>()?.as_str().map(str::to_string),
                        "id" => id = map.next_value::<Value>()?.as_str().map(str::to_string),
                        "orderedItems" => ordered_items = Some(map.next_value::<Vec<Item>>()?),
                        _ => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                if kind.as_deref().is_some_and(is_actor_type) {
                    return Err(serde::de::Error::custom(
                        "this is actor.json, the account's profile, not its posts: \
                         use outbox.json from the same export",
                    ));
                }
                let items =
                    ordered_items.ok_or_else(|| serde::de::Error::missing_field("orderedItems"))?;
                if !items.is_empty() && items.iter().all(|item| matches!(item, Item::Address(_))) {
                    return Err(serde::de::Error::custom(
                        "this collection lists addresses of other people's posts (likes.json or \
                         bookmarks.json), not the account's own: use outbox.json from the same export",
                    ));
                }
                Ok(Outbox {
                    kind,
                    id,
                    ordered_items: items
                        .into_iter()
                        .filter_map(|item| match item {
                            Item::Activity(activity) => Some(*activity),
                            Item::Address(_) => None,
                        })
                        .collect(),
                })
            }
        }
        deserializer.deserialize_map(OutboxVisitor)
    }
}

/// An item of `orderedItems`: an activity, or (in `likes.json` and `bookmarks.json`)
/// the bare address of someone else's status.
#[derive(Deserialize)]
#[serde(untagged)]
enum Item {
    Address(#[allow(dead_code)] String),
    Activity(Box<Activity>),
}

/// Actor types: an `actor.json` is one of these.
fn is_actor_type(kind: &str) -> bool {
    matches!(
        kind,
        "Person" | "Service" | "Application" | "Group" | "Organization"
    )
}

/// The account an export belongs to, from its `actor.json`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MastodonActor {
    /// The actor's address (`https://host/ap/users/1234` or `https://host/users/ana`).
    pub id: Option<String>,
    pub preferred_username: Option<String>,
}

/// Reads `actor.json`.
pub fn parse_mastodon_actor(bytes: &[u8]) -> Result<MastodonActor, ExportError> {
    #[derive(Deserialize)]
    struct Actor {
        #[serde(rename = "type", default)]
        kind: Option<String>,
        #[serde(default)]
        id: Option<String>,
        #[serde(rename = "preferredUsername", default)]
        preferred_username: Option<String>,
    }
    let actor: Actor = parse_json_at(bytes, skip_bom(bytes))?;
    if !actor.kind.as_deref().is_some_and(is_actor_type) {
        return Err(ExportError::Shape {
            line: 1,
            column: 1,
            message: "expected an actor (\"type\": \"Person\"), as in actor.json".into(),
        });
    }
    Ok(MastodonActor {
        id: actor.id,
        preferred_username: actor.preferred_username,
    })
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
/// `https://example.social/@bob/1` or `https://example.social/users/bob`; `1234@example.social`
/// from `https://example.social/ap/users/1234` and its statuses.
fn handle_from_url(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (host, path) = without_scheme.split_once('/')?;
    let mut segments = path.split('/');
    let name = match segments.next()? {
        "users" | "u" | "accounts" | "profile" => segments.next()?.to_string(),
        // Newer Mastodon: `/ap/users/<account id>`; the id stands for the name.
        "ap" if segments.next()? == "users" => segments.next()?.to_string(),
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
    parse_mastodon_outbox_of(bytes, None)
}

/// Reads an `outbox.json` of the account that `actor.json` describes.
pub fn parse_mastodon_outbox_of(
    bytes: &[u8],
    actor: Option<&MastodonActor>,
) -> Result<Vec<Post>, ExportError> {
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
    // Every handle that is the account itself, and the one it is called by: the
    // actor of its own posts, the outbox's address without "/outbox", and actor.json.
    let mut own_handles: Vec<String> = Vec::new();
    let actor_handle = actor
        .and_then(|actor| actor.id.as_deref())
        .and_then(handle_from_url);
    let named_handle = actor.and_then(|actor| {
        let name = actor.preferred_username.as_deref()?;
        let host = handle_from_url(actor.id.as_deref()?)?;
        let host = host.split_once('@')?.1.to_string();
        Some(format!("{name}@{host}").to_lowercase())
    });
    let outbox_owner = outbox
        .id
        .as_deref()
        .and_then(|id| id.strip_suffix("/outbox"))
        .and_then(handle_from_url);
    let item_actors = outbox
        .ordered_items
        .iter()
        .filter(|activity| is_type(&activity.kind, "Create"))
        .filter_map(|activity| activity.actor.as_deref().and_then(handle_from_url));
    for handle in named_handle
        .clone()
        .into_iter()
        .chain(actor_handle)
        .chain(outbox_owner)
        .chain(item_actors)
    {
        if !own_handles.contains(&handle) {
            own_handles.push(handle);
        }
    }
    // The name reads better than the id in a reason, and stays the same in both forms.
    let own = named_handle.or_else(|| own_handles.first().cloned());
    let mut posts = Vec::with_capacity(outbox.ordered_items.len());
    for activity in &outbox.ordered_items {
        let author = activity.actor.as_deref().and_then(handle_from_url);
        let author = match &author {
            Some(handle) if own_handles.contains(handle) => own.clone(),
            _ => author,
        };
        if is_type(&activity.kind, "Create") {
            if let Some(mut post) = post_from_create(activity, author.as_deref()) {
                if post
                    .reply_to
                    .as_ref()
                    .is_some_and(|target| own_handles.contains(target))
                {
                    post.reply_to = own.clone();
                }
                posts.push(post);
            }
        } else if is_type(&activity.kind, "Announce") {
            // A boost: someone else's words, kept as a repost (not the account's text).
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
