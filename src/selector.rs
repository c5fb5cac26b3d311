//! Reading CSS selector text from the site rules: where its top level is (outside
//! brackets, parentheses and quotes), and a shorter list for the content script's query.

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

/// One selector list that finds every element the given selectors find, in fewer
/// selectors: a query tries each selector of its list on each element, so its cost grows
/// with the list. Selectors whose rightmost compound names an attribute value
/// (`[data-testid="like"] [data-testid="app-text-transition-container"]`) are queried by
/// that compound alone, once for all that share it; the others that share a rightmost
/// compound and combinator are queried as one, what differs before them in an `:is()`
/// (`:is(a[href$="/followers"], a[href$="/following"]) > span:first-child`: the rightmost
/// is tried once per element, not once per selector). What the list finds is a superset:
/// the content script checks each element it found against the exact lists.
pub(crate) fn survey_list<'a>(selectors: impl Iterator<Item = &'a str>) -> String {
    let mut narrowed: Vec<&str> = Vec::new();
    for selector in selectors {
        let rightmost = rightmost_compound(selector);
        let by = if rightmost.contains("=\"") {
            rightmost
        } else {
            selector
        };
        if !narrowed.contains(&by) {
            narrowed.push(by);
        }
    }
    // Groups by (combinator, rightmost compound), in the order first seen.
    // Each group: its key, its selectors and what comes before their rightmost compound.
    let mut groups: Vec<(Option<(char, &str)>, Vec<(&str, &str)>)> = Vec::new();
    for selector in narrowed {
        let Some((prefix, combinator, rightmost)) = split_rightmost(selector) else {
            groups.push((None, vec![(selector, selector)]));
            continue;
        };
        let key = Some((combinator, rightmost));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push((selector, prefix)),
            None => groups.push((key, vec![(selector, prefix)])),
        }
    }
    let entries: Vec<String> = groups
        .into_iter()
        .map(|(key, members)| match (key, members.as_slice()) {
            (Some((combinator, rightmost)), [_, _, ..]) => {
                let prefixes: Vec<&str> = members.iter().map(|&(_, prefix)| prefix).collect();
                let joiner = if combinator == ' ' {
                    " ".to_string()
                } else {
                    format!(" {combinator} ")
                };
                format!(":is({}){joiner}{rightmost}", prefixes.join(", "))
            }
            (_, members) => members[0].0.to_string(),
        })
        .collect();
    entries.join(", ")
}

#[cfg(test)]
#[path = "../tests/unit/selector.rs"]
mod unit_tests;
