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

/// One selector list that finds every element the given selectors find, in fewer
/// selectors: a query tries each selector of its list on each element, so its cost grows
/// with the list. Selectors whose rightmost compound names an attribute value
/// (`[data-testid="like"] [data-testid="app-text-transition-container"]`) are queried by
/// that compound alone, once for all that share it; the rest as they are.
pub(crate) fn survey_list<'a>(selectors: impl Iterator<Item = &'a str>) -> String {
    let mut list: Vec<&str> = Vec::new();
    for selector in selectors {
        let rightmost = rightmost_compound(selector);
        let by = if rightmost.contains("=\"") {
            rightmost
        } else {
            selector
        };
        if !list.contains(&by) {
            list.push(by);
        }
    }
    list.join(", ")
}

#[cfg(test)]
#[path = "../tests/unit/selector.rs"]
mod unit_tests;
