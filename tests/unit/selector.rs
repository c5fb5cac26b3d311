use super::*;

#[test]
fn the_survey_list_finds_what_metrics_and_candidates_find_in_fewer_selectors() {
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
    for site in crate::sites::all() {
        let selectors: Vec<&str> = site
            .metrics
            .iter()
            .map(|rule| rule.selector)
            .chain(site.candidates.iter().copied())
            .collect();
        let survey = survey_list(selectors.iter().copied());
        let list = split_list(&survey);
        assert!(list.len() <= selectors.len(), "{}", site.id);
        for selector in &selectors {
            // Each selector is in the list, or narrowed to its rightmost compound there, or
            // one of an `:is()` before a rightmost compound it shares with others.
            let by = rightmost_compound(selector);
            let merged =
                split_rightmost(selector).is_some_and(|(prefix, combinator, rightmost)| {
                    list.iter().any(|entry| {
                        split_rightmost(entry).is_some_and(|(before, c, r)| {
                            c == combinator
                                && r == rightmost
                                && before
                                    .strip_prefix(":is(")
                                    .and_then(|b| b.strip_suffix(')'))
                                    .is_some_and(|inner| split_list(inner).contains(&prefix))
                        })
                    })
                });
            assert!(
                list.contains(selector) || (list.contains(&by) && selector.ends_with(by)) || merged,
                "{}: {selector} not found by {survey}",
                site.id
            );
        }
    }
    let x_metrics = || {
        crate::sites::by_id("x")
            .unwrap()
            .metrics
            .iter()
            .map(|rule| rule.selector)
    };
    let x = survey_list(x_metrics());
    // X's eight action-bar counts share a rightmost compound; its four header links share one too.
    assert_eq!(split_list(&x).len(), 3, "{x}");
    assert!(
        x.contains(r#":is(a[href$="/following"], a[href$="/followers"]"#),
        "{x}"
    );
}

#[test]
fn selectors_sharing_a_rightmost_compound_and_combinator_are_surveyed_as_one() {
    assert_eq!(
        survey_list(["a > b", "c > b", "d b", "e + b"].into_iter()),
        ":is(a, c) > b, d b, e + b"
    );
    assert_eq!(
        survey_list(["x y > b", "z > b"].into_iter()),
        ":is(x y, z) > b"
    );
    // A lone compound stays as it is; one selector of its kind keeps its own spelling.
    assert_eq!(survey_list(["b", "a>b"].into_iter()), "b, a>b");
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
