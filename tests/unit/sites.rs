use super::*;

#[test]
fn hosts_match_exactly_or_as_subdomains() {
    assert_eq!(for_host("x.com").map(|s| s.id), Some("x"));
    assert_eq!(for_host("mobile.x.com").map(|s| s.id), Some("x"));
    assert_eq!(for_host("X.COM.").map(|s| s.id), Some("x"));
    assert!(for_host("notx.com").is_none());
    assert!(for_host("x.com.evil.example").is_none());
}

#[test]
fn host_of_strips_port_credentials_and_path() {
    assert_eq!(host_of("https://x.com/Kikobeats"), Some("x.com"));
    assert_eq!(host_of("https://user:pw@x.com:8443/a?b#c"), Some("x.com"));
    assert_eq!(host_of("chrome://extensions"), None);
    assert_eq!(host_of("https:///nohost"), None);
}

#[test]
fn ids_are_unique_and_every_site_has_hooks() {
    let mut ids: Vec<&str> = all().iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all().len());
    for site in all() {
        assert!(!site.metrics.is_empty(), "{} has no metric rules", site.id);
        assert!(
            !site.matches.is_empty(),
            "{} has no match patterns",
            site.id
        );
        for pattern in site.matches {
            assert!(
                pattern.starts_with("https://") && pattern.ends_with("/*"),
                "{pattern}"
            );
        }
    }
}
