//! Just enough HTML to read a Mastodon status: its text (tags dropped, entities decoded,
//! paragraphs and line breaks kept as line breaks) and the links that are not mentions or
//! hashtags. Mastodon sanitises status HTML on the server, so a small tag walker is enough.

/// The text and plain links of a status's HTML content.
pub struct StatusHtml {
    pub text: String,
    pub links: Vec<String>,
}

/// The value of `name="…"` inside one tag, if present.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut search_from = 0;
    while let Some(found) = tag[search_from..].find(name) {
        let start = search_from + found;
        let after = &tag[start + name.len()..];
        let preceded_by_space = tag[..start].ends_with(|character: char| character.is_whitespace());
        if preceded_by_space {
            if let Some(value) = after.strip_prefix("=\"") {
                return value.find('"').map(|end| &value[..end]);
            }
            if let Some(value) = after.strip_prefix("='") {
                return value.find('\'').map(|end| &value[..end]);
            }
        }
        search_from = start + name.len();
    }
    None
}

/// Decodes the entities Mastodon emits; unknown ones are kept as written.
pub fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(ampersand) = rest.find('&') {
        decoded.push_str(&rest[..ampersand]);
        rest = &rest[ampersand..];
        // An entity is ASCII and short: look for its ';' in the first 12 bytes, cut on a
        // character boundary (text after a bare '&' may be any script).
        let mut window = rest.len().min(12);
        while !rest.is_char_boundary(window) {
            window -= 1;
        }
        let Some(semicolon) = rest[..window].find(';') else {
            decoded.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semicolon];
        let character = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| {
                    entity
                        .strip_prefix('#')
                        .and_then(|decimal| decimal.parse().ok())
                })
                .and_then(char::from_u32),
        };
        match character {
            Some(character) => {
                decoded.push(character);
                rest = &rest[semicolon + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

/// Reads a status's HTML.
pub fn read_status_html(html: &str) -> StatusHtml {
    let mut text = String::with_capacity(html.len());
    let mut links = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&decode_entities(&rest[..open]));
        let Some(close) = rest[open..].find('>') else {
            // An unclosed tag: keep the text as it is rather than lose it.
            text.push_str(&decode_entities(&rest[open..]));
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|character| character.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "br" => text.push('\n'),
            "p" if tag.starts_with('/') => text.push_str("\n\n"),
            "a" if !tag.starts_with('/') => {
                let class = attribute(tag, "class").unwrap_or("");
                let is_mention_or_hashtag = class
                    .split_whitespace()
                    .any(|part| part == "mention" || part == "hashtag" || part == "u-url");
                if let Some(href) = attribute(tag, "href") {
                    if !is_mention_or_hashtag {
                        links.push(decode_entities(href));
                    }
                }
            }
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(&decode_entities(rest));
    StatusHtml {
        text: text.trim().to_string(),
        links,
    }
}
