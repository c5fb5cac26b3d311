//! Reading CSS selector text from the site rules: where its top level is (outside
//! brackets, parentheses and quotes), and the same list in fewer selectors.

/// The characters of `selector` outside brackets, parentheses and quotes, with their byte
/// offsets: where its combinators and list commas are.
pub(crate) fn top_level(selector: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let (mut depth, mut quote) = (0i32, None);
    selector.char_indices().filter(move |&(_, c)| {
        let outside = quote.is_none() && depth == 0;
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '(') => depth += 1,
            (None, ']' | ')') => depth -= 1,
            _ => return outside,
        }
        false
    })
}

/// The last compound selector of a complex selector: what follows its last combinator.
pub(crate) fn rightmost_compound(selector: &str) -> &str {
    let start = top_level(selector)
        .filter(|&(_, c)| matches!(c, ' ' | '>' | '+' | '~'))
        .last()
        .map_or(0, |(at, _)| at + 1);
    selector[start..].trim()
}

/// `selector` as (what comes before its rightmost compound, the combinator there, the
/// rightmost compound); None for a lone compound.
fn split_rightmost(selector: &str) -> Option<(&str, char, &str)> {
    let rightmost = rightmost_compound(selector);
    let head = selector.trim_end().strip_suffix(rightmost)?.trim_end();
    let (prefix, combinator) = match head.chars().last()? {
        c @ ('>' | '+' | '~') => (head[..head.len() - 1].trim_end(), c),
        _ => (head, ' '),
    };
    (!prefix.is_empty()).then_some((prefix, combinator, rightmost))
}

/// The selectors as one list that matches exactly what they match, in fewer selectors:
/// a query or `matches` tries each selector of its list on each element, so its cost
/// grows with the list. Selectors that share their rightmost compound and the combinator
/// before it become one, what differs before them in an `:is()`
/// (`:is([data-testid="like"], [data-testid="reply"]) [data-testid="count"]`: the
/// rightmost is tried once per element, not once per selector).
pub(crate) fn merged_list<'a>(selectors: impl Iterator<Item = &'a str>) -> String {
    let mut groups: Vec<Group> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for selector in selectors {
        if seen.contains(&selector) {
            continue;
        }
        seen.push(selector);
        let Some((prefix, combinator, rightmost)) = split_rightmost(selector) else {
            groups.push(Group {
                tail: None,
                selectors: vec![selector],
                prefixes: vec![],
            });
            continue;
        };
        let tail = Some((combinator, rightmost));
        match groups.iter_mut().find(|group| group.tail == tail) {
            Some(group) => {
                group.selectors.push(selector);
                group.prefixes.push(prefix);
            }
            None => groups.push(Group {
                tail,
                selectors: vec![selector],
                prefixes: vec![prefix],
            }),
        }
    }
    let entries: Vec<String> = groups
        .into_iter()
        .map(|group| match group.tail {
            Some((combinator, rightmost)) if group.selectors.len() > 1 => {
                let joiner = if combinator == ' ' {
                    " ".to_string()
                } else {
                    format!(" {combinator} ")
                };
                format!(":is({}){joiner}{rightmost}", group.prefixes.join(", "))
            }
            _ => group.selectors[0].to_string(),
        })
        .collect();
    entries.join(", ")
}

/// Selectors of `merged_list` that become one entry.
struct Group<'a> {
    /// The combinator and rightmost compound they share; None for a lone compound.
    tail: Option<(char, &'a str)>,
    selectors: Vec<&'a str>,
    /// What comes before the tail in each.
    prefixes: Vec<&'a str>,
}

#[cfg(test)]
#[path = "../tests/unit/selector.rs"]
mod unit_tests;
