use super::*;
use crate::sites;

#[test]
fn every_metric_selector_of_every_site_is_in_its_sheet() {
    for site in sites::all() {
        let css = site_css(site);
        for rule in site.metrics {
            assert!(
                css.contains(rule.selector),
                "{}: {}",
                site.id,
                rule.selector
            );
        }
        for candidate in site.candidates {
            assert!(css.contains(candidate), "{}: {}", site.id, candidate);
        }
    }
}

#[test]
fn a_kind_is_hidden_unless_shown_and_nothing_applies_when_off() {
    let css = site_css(sites::by_id("x").unwrap());
    let likes_rule = css
        .split("}\n")
        .find(|block| {
            block.contains("[data-testid=\"like\"]") && block.contains("visibility: hidden")
        })
        .expect("a hiding rule for likes");
    assert!(likes_rule.contains("~=\"off\"]"));
    assert!(likes_rule.contains("~=\"show-likes\"]"));
    assert!(likes_rule.contains("~=\"hover-likes\"]"));
    assert!(!likes_rule.contains("show-views"));
}

#[test]
fn braces_balance() {
    for site in sites::all() {
        let css = site_css(site);
        assert_eq!(
            css.matches('{').count(),
            css.matches('}').count(),
            "{}",
            site.id
        );
    }
}

#[test]
fn shadow_hosts_are_held_and_kinds_reach_shadow_trees_through_custom_properties() {
    let reddit = sites::by_id("reddit").unwrap();
    let page = site_css(reddit);
    let hold = page
        .split("}\n")
        .find(|block| block.contains(":not([data-sincerely-shadow])") && block.contains("hidden"))
        .expect("a hold for shadow hosts");
    assert!(hold.contains("shreddit-post") && hold.contains("~=\"off\"]"));
    assert!(page.contains("{ --sincerely-votes: hidden; }"));
    assert!(page.contains("{ --sincerely-votes-idle: 0; }"));
    for host in reddit.shadow_hosts() {
        let sheet = shadow_css(reddit, host);
        for rule in reddit.shadow.iter().filter(|rule| rule.host == host) {
            assert!(sheet.contains(rule.selector), "{host}: {}", rule.selector);
        }
        assert_eq!(sheet.matches('{').count(), sheet.matches('}').count());
        // Settings never reach a shadow sheet except through the inherited properties.
        assert!(!sheet.contains(ROOT_ATTRIBUTE));
    }
    // No shadow rules, no shadow half.
    assert!(!site_css(sites::by_id("x").unwrap()).contains(SHADOW_ATTRIBUTE));
}

/// A comma at the top level of a rule's selector would split it into a selector without
/// the root-attribute guard (hidden even when paused), now that rules are spelled out.
#[test]
fn no_rule_selector_is_a_list() {
    let top_level_comma = |selector| crate::selector::top_level(selector).any(|(_, c)| c == ',');
    for site in sites::all() {
        let selectors = site.metrics.iter().map(|rule| rule.selector);
        for selector in selectors.chain(site.candidates.iter().copied()) {
            assert!(!top_level_comma(selector), "{}: {selector}", site.id);
        }
    }
}

#[test]
fn every_rule_is_guarded_by_the_root_attribute() {
    for site in sites::all() {
        for line in site_css(site).lines().filter(|line| line.ends_with('}')) {
            assert!(
                line.starts_with("html") || line.starts_with(":where(html"),
                "{}: {line}",
                site.id
            );
        }
    }
}
