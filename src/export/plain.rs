//! The plain JSON list of posts (documented in the module above).

use serde::Deserialize;

use super::{parse_json_at, skip_bom, ExportError};
use crate::score::Post;

/// The object form, `{"posts": [...]}`.
#[derive(Deserialize)]
struct WrappedPosts {
    posts: Vec<Post>,
}

/// Reads `[post, …]` or `{"posts": [post, …]}`.
pub fn parse_plain_posts(bytes: &[u8]) -> Result<Vec<Post>, ExportError> {
    let start = skip_bom(bytes);
    let first = bytes[start..]
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .map_or(bytes.len(), |index| index + start);
    // The two shapes are parsed separately: an untagged enum would hide where an error is.
    if bytes.get(first) == Some(&b'{') {
        let wrapped: WrappedPosts = parse_json_at(bytes, start)?;
        return Ok(wrapped.posts);
    }
    parse_json_at(bytes, start)
}
