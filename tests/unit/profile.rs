use super::*;
use crate::sites;

fn x() -> &'static ProfileRules {
    &sites::by_id("x").unwrap().profile
}

#[test]
fn x_profile_urls_give_handles_and_site_pages_do_not() {
    assert_eq!(
        handle_of_url(x(), "https://x.com/Kikobeats").as_deref(),
        Some("kikobeats")
    );
    assert_eq!(
        handle_of_url(x(), "https://x.com/Kikobeats/with_replies?mx=2").as_deref(),
        Some("kikobeats")
    );
    assert_eq!(handle_of_url(x(), "https://x.com/home"), None);
    assert_eq!(handle_of_url(x(), "https://x.com/i/flow/login"), None);
    assert_eq!(handle_of_url(x(), "https://x.com/"), None);
}

#[test]
fn patterns_with_prefix_and_query() {
    let rules = ProfileRules {
        paths: &["/@{handle}", "/user?id={handle}"],
        ..ProfileRules::NONE
    };
    assert_eq!(
        handle_of_path(&rules, "/@ana/with_replies").as_deref(),
        Some("ana")
    );
    assert_eq!(
        handle_of_path(&rules, "/user?id=pg&x=1").as_deref(),
        Some("pg")
    );
    assert_eq!(handle_of_path(&rules, "/item?id=1"), None);
}

#[test]
fn raw_posts_become_posts_with_replies_mentions_and_reposts() {
    let raw = [
        RawPost {
            text: "Agree with @bo, see https://example.org #rust".into(),
            author: Some("/Kikobeats".into()),
            links: vec![
                RawLink {
                    href: "/Kikobeats".into(),
                    text: "Kiko".into(),
                    in_text: false,
                },
                RawLink {
                    href: "/ana".into(),
                    text: "@ana".into(),
                    in_text: false,
                },
                RawLink {
                    href: "/bo".into(),
                    text: "@bo".into(),
                    in_text: true,
                },
                RawLink {
                    href: "https://example.org".into(),
                    text: "example.org".into(),
                    in_text: true,
                },
                RawLink {
                    href: "/hashtag/rust".into(),
                    text: "#rust".into(),
                    in_text: true,
                },
            ],
            time: Some("2024-02-18T12:00:00.000Z".into()),
            permalink: Some("/Kikobeats/status/1".into()),
            ..RawPost::default()
        },
        RawPost {
            text: "someone else's".into(),
            author: Some("/rauchg".into()),
            ..RawPost::default()
        },
    ];
    let posts = posts_of(x(), "kikobeats", &raw);
    assert!(posts[0].is_reply);
    assert_eq!(posts[0].reply_to.as_deref(), Some("ana"));
    assert_eq!(posts[0].mentions, ["bo"]);
    assert_eq!(posts[0].links, ["https://example.org"]);
    assert_eq!(posts[0].hashtags, ["rust"]);
    assert_eq!(posts[0].time, Some(1_708_257_600));
    assert!(!posts[0].is_repost);
    assert!(
        posts[1].is_repost,
        "a post by someone else on the profile is a repost"
    );
}

#[test]
fn datetimes_parse_or_refuse() {
    assert_eq!(parse_datetime("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_datetime("2000-03-01T00:00:00Z"), Some(951_868_800));
    assert_eq!(parse_datetime("yesterday"), None);
    assert_eq!(parse_datetime("2024-13-01T00:00:00Z"), None);
}
