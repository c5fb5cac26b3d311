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
        let list: Vec<&str> = survey.split(", ").collect();
        assert!(list.len() <= selectors.len(), "{}", site.id);
        for selector in &selectors {
            // Each selector is in the list, or is narrowed from its rightmost compound there.
            let by = rightmost_compound(selector);
            assert!(
                list.contains(selector) || (list.contains(&by) && selector.ends_with(by)),
                "{}: {selector}",
                site.id
            );
        }
    }
    let x = survey_list(
        crate::sites::by_id("x")
            .unwrap()
            .metrics
            .iter()
            .map(|rule| rule.selector),
    );
    assert!(x.split(", ").count() < 10, "{x}");
}
