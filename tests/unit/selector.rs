use super::*;

#[test]
fn each_site_list_merges_into_the_same_selectors_in_fewer() {
    assert_eq!(
        rightmost_compound(r#"[data-testid="like"] [data-testid="a b"]"#),
        r#"[data-testid="a b"]"#
    );
    assert_eq!(
        rightmost_compound("a[href$='/x'] > span:first-child"),
        "span:first-child"
    );
    assert_eq!(
        rightmost_compound("h2 + div:not(.a > b)"),
        "div:not(.a > b)"
    );
    let merged_from = |entry: &str, selector: &str| {
        // `selector` is `entry`, or one of the selectors in the `:is()` before its rightmost.
        entry == selector
            || split_rightmost(selector).is_some_and(|(prefix, combinator, rightmost)| {
                split_rightmost(entry).is_some_and(|(before, c, r)| {
                    c == combinator
                        && r == rightmost
                        && is_members(before).is_some_and(|inner| inner.contains(&prefix))
                })
            })
    };
    for site in crate::sites::all() {
        let metrics: Vec<&str> = site.metrics.iter().map(|rule| rule.selector).collect();
        for selectors in [&metrics, &site.candidates.to_vec()] {
            let merged = merged_list(selectors.iter().copied());
            let list = split_list(&merged);
            assert!(list.len() <= selectors.len().max(1), "{}", site.id);
            // Every selector is in the list, on its own or merged; and nothing else is.
            for selector in selectors.iter() {
                let found = list.iter().any(|entry| merged_from(entry, selector));
                assert!(found, "{}: {selector} is not in {merged}", site.id);
            }
            for entry in &list {
                // An entry is a site selector, or an `:is()` of the site selectors that end
                // the way it ends: nothing is added.
                if selectors.contains(entry) || (entry.is_empty() && selectors.is_empty()) {
                    continue;
                }
                let (before, combinator, rightmost) = split_rightmost(entry).unwrap();
                for prefix in is_members(before).unwrap() {
                    let from_site = selectors.iter().any(|selector| {
                        split_rightmost(selector) == Some((prefix, combinator, rightmost))
                    });
                    assert!(
                        from_site,
                        "{}: {entry} holds {prefix}, which no site selector does",
                        site.id
                    );
                }
            }
        }
    }
    let x = merged_list(
        crate::sites::by_id("x")
            .unwrap()
            .metrics
            .iter()
            .map(|rule| rule.selector),
    );
    // X's eight action-bar counts share a rightmost compound, its four header links another
    // and its two unread badges a third.
    assert_eq!(split_list(&x).len(), 3, "{x}");
    assert!(
        x.contains(r#":is(a[href$="/following"], a[href$="/followers"]"#),
        "{x}"
    );
}

#[test]
fn selectors_sharing_a_rightmost_compound_and_combinator_are_merged() {
    assert_eq!(
        merged_list(["a > b", "c > b", "d b", "e + b", "a > b"].into_iter()),
        ":is(a, c) > b, d b, e + b"
    );
    assert_eq!(
        merged_list(["x y > b", "z > b"].into_iter()),
        ":is(x y, z) > b"
    );
    // A lone compound stays as it is; one selector of its kind keeps its own spelling.
    assert_eq!(merged_list(["b", "a>b", "b"].into_iter()), "b, a>b");
    assert_eq!(merged_list(std::iter::empty()), "");
    assert_eq!(
        split_rightmost("a > b:not(c > d)"),
        Some(("a", '>', "b:not(c > d)"))
    );
    assert_eq!(split_rightmost("b"), None);
}

/// A selector list at its top-level commas.
fn split_list(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, _) in top_level(list).filter(|&(_, c)| c == ',') {
        parts.push(list[start..at].trim());
        start = at + 1;
    }
    parts.push(list[start..].trim());
    parts
}

/// The selectors inside `:is(…)`, when `before` is one.
fn is_members(before: &str) -> Option<Vec<&str>> {
    let inner = before.strip_prefix(":is(")?.strip_suffix(')')?;
    Some(split_list(inner))
}
