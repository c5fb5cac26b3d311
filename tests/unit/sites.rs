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
        // Mastodon runs on any host: the user enables an instance from the popup, which
        // registers the content script for that host at run time, so it alone has no
        // static hosts or match patterns.
        if site.id == "mastodon" {
            assert!(site.hosts.is_empty() && site.matches.is_empty());
        } else {
            assert!(
                !site.matches.is_empty(),
                "{} has no match patterns",
                site.id
            );
        }
        for pattern in site.matches {
            assert!(
                pattern.starts_with("https://") && pattern.ends_with("/*"),
                "{pattern}"
            );
        }
    }
}

#[test]
fn every_site_is_found_by_its_hosts() {
    let expected = [
        ("x.com", "x"),
        ("bsky.app", "bluesky"),
        ("www.threads.com", "threads"),
        ("www.threads.net", "threads"),
        ("www.instagram.com", "instagram"),
        ("www.facebook.com", "facebook"),
        ("www.linkedin.com", "linkedin"),
        ("www.youtube.com", "youtube"),
        ("m.youtube.com", "youtube"),
        ("www.reddit.com", "reddit"),
        ("old.reddit.com", "old-reddit"),
        ("news.ycombinator.com", "hackernews"),
        ("github.com", "github"),
    ];
    for (host, id) in expected {
        assert_eq!(for_host(host).map(|s| s.id), Some(id), "{host}");
    }
    // Every listed host leads back to its own site, so no earlier site shadows a later one.
    for site in all() {
        for host in site.hosts {
            assert_eq!(for_host(host).map(|s| s.id), Some(site.id), "{host}");
        }
    }
    // Mastodon is found only through the instances the user enabled (see the engine).
    assert!(for_host("mastodon.social").is_none());
    assert!(for_host("ycombinator.com").is_none());
    assert!(for_host("notgithub.com").is_none());
}

#[test]
fn sites_are_listed_in_popup_order() {
    let ids: Vec<&str> = all().iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "x",
            "bluesky",
            "mastodon",
            "threads",
            "instagram",
            "facebook",
            "linkedin",
            "youtube",
            "reddit",
            "old-reddit",
            "hackernews",
            "github",
        ]
    );
}

#[test]
fn every_site_with_a_profile_page_can_place_the_badge() {
    for site in all() {
        let profile = &site.profile;
        assert!(!profile.header.is_empty(), "{}: no header", site.id);
        assert!(!profile.post.is_empty(), "{}: no post", site.id);
        assert!(!profile.post_text.is_empty(), "{}: no post text", site.id);
        assert!(!profile.paths.is_empty(), "{}: no profile paths", site.id);
        assert!(!site.observe.is_empty(), "{}: nothing to observe", site.id);
        assert!(!site.source.is_empty(), "{}: no source", site.id);
    }
}
