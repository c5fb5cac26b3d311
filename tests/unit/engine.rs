use super::*;
use crate::recognize::TextContext;
use std::collections::BTreeMap;

fn candidate(id: u32, text: &str, context: TextContext) -> Candidate {
    Candidate {
        id,
        text: text.into(),
        context,
        hint: None,
    }
}

#[test]
fn a_swept_bare_number_is_hidden_when_its_controls_label_names_a_metric_and_shown_with_the_metric()
{
    let engine = Engine::new(Settings::default());
    let with_hint = |id, text: &str, hint: &str, context| Candidate {
        hint: Some(hint.into()),
        ..candidate(id, text, context)
    };
    let decisions = engine.decide(&[
        with_hint(1, "57", "I like this", TextContext::Sweep),
        with_hint(2, "2", "Page 2", TextContext::Sweep),
        // Only the sweep reads hints: a rule's candidate says what it is by itself.
        with_hint(3, "57", "I like this", TextContext::Label),
        candidate(4, "57", TextContext::Sweep),
    ]);
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    assert_eq!(decisions[0].id, 1);
    assert_eq!(decisions[0].kinds, vec![MetricKind::Likes]);
    assert_eq!(
        (decisions[0].edits[0].start, decisions[0].edits[0].end),
        (0, 2)
    );
    // Likes shown: the number stays.
    let mut settings = Settings::default();
    settings.metrics.insert(MetricKind::Likes, Display::Show);
    let showing = Engine::new(settings);
    assert!(showing
        .decide(&[with_hint(1, "57", "Like", TextContext::Sweep)])
        .is_empty());
}

#[test]
fn plans_x_and_nothing_for_unknown_sites() {
    let engine = Engine::new(Settings::default());
    let plan = engine.page_plan("https://x.com/Kikobeats");
    assert!(plan.active);
    assert_eq!(plan.site.as_deref(), Some("x"));
    assert!(plan.candidates.contains("socialContext"));
    assert!(plan.title_counter);
    let plan = engine.page_plan("https://example.org/");
    assert!(!plan.active);
    assert_eq!(plan.reason.as_deref(), Some("no-rules"));
    assert_eq!(plan.root_tokens, "off");
}

#[test]
fn pause_disable_and_site_switch_turn_the_plan_off() {
    let mut settings = Settings::default();
    settings.paused_hosts.push("x.com".into());
    assert_eq!(
        Engine::new(settings)
            .page_plan("https://x.com/")
            .reason
            .as_deref(),
        Some("paused")
    );
    let settings = Settings {
        enabled: false,
        ..Settings::default()
    };
    assert_eq!(
        Engine::new(settings)
            .page_plan("https://x.com/")
            .reason
            .as_deref(),
        Some("disabled")
    );
    let mut settings = Settings::default();
    settings.sites.insert("x".into(), false);
    assert_eq!(
        Engine::new(settings)
            .page_plan("https://x.com/")
            .reason
            .as_deref(),
        Some("site-off")
    );
}

#[test]
fn root_tokens_name_only_the_kinds_of_the_sites_own_sheet() {
    // Karma, stars and claps shown; X's sheet hides none of them, so x.com reads nothing
    // of those choices (they would be the same string on every site: a fingerprint).
    let mut settings = Settings::default();
    for kind in [MetricKind::Votes, MetricKind::Stars, MetricKind::Claps] {
        settings.metrics.insert(kind, Display::Show);
    }
    settings.metrics.insert(MetricKind::Likes, Display::Hover);
    settings.mastodon_hosts.push("a.social".into());
    let engine = Engine::new(settings);
    assert_eq!(
        engine.page_plan("https://x.com/").root_tokens,
        "hover-likes"
    );
    assert!(engine
        .page_plan("https://github.com/rust-lang/rust")
        .root_tokens
        .split(' ')
        .any(|token| token == "show-stars"));
    // Every site: each token is for a kind its own rules hide, or `off`.
    for site in crate::sites::all() {
        let host = site.hosts.first().copied().unwrap_or("a.social");
        let tokens = engine.page_plan(&format!("https://{host}/")).root_tokens;
        assert!(!tokens.contains("off"), "{}: on", site.id);
        for token in tokens.split_whitespace() {
            let kind = token
                .trim_start_matches("show-")
                .trim_start_matches("hover-");
            assert!(
                site.metrics.iter().any(|rule| rule.kind.id() == kind)
                    || site.shadow.iter().any(|rule| rule.kind.id() == kind),
                "{}: {token}",
                site.id
            );
        }
    }
}

#[test]
fn shown_kinds_become_root_tokens_and_are_not_rewritten() {
    let mut settings = Settings::default();
    settings.metrics.insert(MetricKind::Likes, Display::Show);
    settings.metrics.insert(MetricKind::Views, Display::Hover);
    let engine = Engine::new(settings);
    assert_eq!(
        engine.page_plan("https://x.com/").root_tokens,
        "show-likes hover-views"
    );
    let decisions = engine.decide(&[
        candidate(1, "27 likes", TextContext::Label),
        candidate(2, "3,893 Followers", TextContext::Label),
    ]);
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].id, 2);
    assert_eq!(
        decisions[0].edits,
        [TextEdit {
            start: 0,
            end: 6,
            text: String::new()
        }]
    );
}

#[test]
fn coarse_replaces_the_number_only() {
    let mut settings = Settings::default();
    settings
        .metrics
        .insert(MetricKind::Replies, Display::Coarse);
    let decisions = Engine::new(settings).decide(&[candidate(4, "12 replies", TextContext::Label)]);
    assert_eq!(
        decisions[0].edits,
        [TextEdit {
            start: 0,
            end: 2,
            text: "1+".into()
        }]
    );
}

// A page can set a 100 KB title: the engine reads its start, where a counter stands,
// and nothing past MAX_TEXT_BYTES (the "5 likes" there is left alone).
#[test]
fn only_the_start_of_a_long_text_is_read() {
    let text = format!("(3) {}· 5 likes", "word ".repeat(20_000));
    let decisions =
        Engine::new(Settings::default()).decide(&[candidate(1, &text, TextContext::Title)]);
    let edits = &decisions[0].edits;
    assert_eq!(
        (edits[0].start, edits[0].end),
        (0, 4),
        "the counter is hidden"
    );
    assert!(
        edits.iter().all(|edit| edit.end as usize <= MAX_TEXT_BYTES),
        "an edit past the cap: {:?}",
        edits.last()
    );
    // The cut falls on a space, so no word is read in two halves.
    assert_eq!(readable_prefix("ab cd"), "ab cd");
    let long = format!("{} tail", "é".repeat(MAX_TEXT_BYTES));
    assert!(readable_prefix(&long).len() <= MAX_TEXT_BYTES);
}

#[test]
fn prose_is_never_decided() {
    let decisions = Engine::new(Settings::default()).decide(&[candidate(
        1,
        "I have 5,000 followers",
        TextContext::Prose,
    )]);
    assert!(decisions.is_empty());
}

#[test]
fn a_wrong_protocol_version_is_an_error_answer() {
    let request: Request = serde_json::from_value(
        serde_json::json!({"v": 99, "type": "page-plan", "arg": {"url": "https://x.com/"}}),
    )
    .unwrap();
    let response = Engine::new(Settings::default()).handle(request);
    assert!(matches!(response.answer, Answer::Error { .. }));
}

#[test]
fn json_text_in_and_out_is_the_same_dispatch() {
    // What both wasm boundaries call (src/web/engine, src/web/sync).
    let engine = Engine::new(Settings::default());
    let request = r#"{"v":1,"type":"decide","arg":{"items":[{"id":3,"text":"Liked by ana and 1,203 others","context":"label"}]}}"#;
    let answer: serde_json::Value =
        serde_json::from_str(&engine.handle_json(request).unwrap()).unwrap();
    assert_eq!(answer["type"], "decisions");
    assert_eq!(answer["arg"][0]["id"], 3);
    assert_eq!(answer["arg"][0]["edits"][0]["text"], "");
    let plan: serde_json::Value = serde_json::from_str(
        &engine
            .handle_json(r#"{"v":1,"type":"page-plan","arg":{"url":"https://x.com/home"}}"#)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(plan["arg"]["site"], "x");
}

#[test]
fn json_text_that_is_no_request_is_a_bad_request() {
    let engine = Engine::new(Settings::default());
    for text in [
        "",
        "not json",
        r#"{"v":1,"type":"nope"}"#,
        r#"{"type":"decide"}"#,
    ] {
        let error = engine.handle_json(text).unwrap_err();
        assert!(matches!(error, ProtocolError::BadRequest(_)), "{text}");
        assert!(error.to_string().starts_with("bad request: "), "{error}");
    }
}

#[test]
fn profile_plans_only_on_profile_pages_and_only_with_the_badge_on() {
    let engine = Engine::new(Settings::default());
    let plan = engine.page_plan("https://x.com/Kikobeats/with_replies");
    let profile = plan.profile.expect("a profile plan");
    assert_eq!(profile.handle, "kikobeats");
    assert_eq!(profile.key, "profile:x:kikobeats");
    assert!(profile.memory);
    assert!(engine.page_plan("https://x.com/home").profile.is_none());
    let no_badge = Engine::new(Settings {
        badge: false,
        ..Settings::default()
    });
    assert!(no_badge
        .page_plan("https://x.com/Kikobeats")
        .profile
        .is_none());
}

// A profile page can hold more posts than the observation remembers hashes of: with 400
// sent each time and 300 remembered, 100 were forgotten at once and recounted on every
// update (400, 500, 600…).
#[test]
fn the_same_posts_sent_again_leave_the_counts_unchanged() {
    use crate::profile::RawPost;
    let posts: Vec<RawPost> = (0..400)
        .map(|index| RawPost {
            text: format!("@bo thanks for the link, post {index}"),
            author: Some("/ana".into()),
            permalink: Some(format!("/ana/status/{index}")),
            ..RawPost::default()
        })
        .collect();
    let engine = Engine::new(Settings::default());
    let plan = engine.page_plan("https://x.com/ana").profile.unwrap();
    assert_eq!(plan.max_posts, score::MAX_SEEN_POSTS);
    let mut memory = None;
    let mut items = Vec::new();
    for _ in 0..5 {
        let answer = engine
            .profile("https://x.com/ana", &posts, memory.as_ref())
            .unwrap();
        let observation = answer.observation.unwrap();
        items.push(observation.counts.items);
        memory = Some(serde_json::to_value(observation).unwrap());
    }
    assert_eq!(items, [300; 5]);
}

#[test]
fn a_profile_answer_scores_and_returns_what_to_remember() {
    use crate::profile::RawPost;
    let posts: Vec<RawPost> = (0..3)
        .map(|index| RawPost {
            text: format!("Post number {index}"),
            author: Some("/ana".into()),
            permalink: Some(format!("/ana/status/{index}")),
            ..RawPost::default()
        })
        .collect();
    let engine = Engine::new(Settings::default());
    let answer = engine.profile("https://x.com/ana", &posts, None).unwrap();
    assert_eq!(answer.handle, "ana");
    assert_eq!(
        answer.badge.score, None,
        "three posts are not enough to judge"
    );
    let remembered = serde_json::to_value(answer.observation.unwrap()).unwrap();
    assert!(
        !remembered.to_string().contains("Post number"),
        "no text is remembered"
    );
    // The same posts again, with the memory: nothing is counted twice.
    let again = engine
        .profile("https://x.com/ana", &posts, Some(&remembered))
        .unwrap();
    assert_eq!(
        serde_json::to_value(again.observation.unwrap()).unwrap(),
        remembered
    );
    // Garbage memory is reported and ignored.
    let garbage = serde_json::json!({"v": 1, "counts": "nope"});
    let answer = engine
        .profile("https://x.com/ana", &posts, Some(&garbage))
        .unwrap();
    assert!(answer.memory_error.is_some());
    // Memory off: nothing to remember.
    let forgetful = Engine::new(Settings {
        memory: false,
        ..Settings::default()
    });
    assert!(forgetful
        .profile("https://x.com/ana", &posts, None)
        .unwrap()
        .observation
        .is_none());
    assert!(engine.profile("https://x.com/home", &posts, None).is_none());
}

#[test]
fn early_tokens_match_the_page_plan_host_by_host() {
    let mut settings = Settings::default();
    settings.metrics.insert(MetricKind::Likes, Display::Show);
    settings.paused_hosts.push("www.reddit.com".into());
    settings.paused_hosts.push("example.org".into());
    settings.mastodon_hosts.push("Mastodon.Social".into());
    let engine = Engine::new(settings);
    let early: BTreeMap<String, String> = engine.early_tokens().into_iter().collect();
    assert_eq!(early.len(), engine.early_tokens().len(), "each host once");
    assert_eq!(early["x.com"], "show-likes");
    assert_eq!(early["www.facebook.com"], "show-likes");
    assert_eq!(early["mastodon.social"], "show-likes");
    assert_eq!(
        early["www.reddit.com"], "off",
        "a paused host shows its numbers"
    );
    assert!(
        !early.contains_key("example.org"),
        "no sheet there, nothing to say"
    );
    // Every entry is what the page plan itself says for that host.
    for (host, tokens) in &early {
        assert_eq!(
            &engine
                .page_plan(&format!("https://{host}/some/page"))
                .root_tokens,
            tokens
        );
    }
    let off = Engine::new(Settings {
        enabled: false,
        ..Settings::default()
    });
    assert!(off.early_tokens().iter().all(|(_, tokens)| tokens == "off"));
}

#[test]
fn reddit_plans_its_shadow_roots_and_counts_only_hidden_kinds() {
    let plan = Engine::new(Settings::default()).page_plan("https://www.reddit.com/r/rust/");
    let hosts: Vec<&str> = plan
        .shadow
        .iter()
        .map(|entry| entry.host.as_str())
        .collect();
    assert_eq!(hosts, ["shreddit-post", "shreddit-comment-action-row"]);
    let post = &plan.shadow[0];
    assert!(post.css.contains("--sincerely-votes"));
    assert!(post.css.contains("--sincerely-replies"));
    assert!(post.metrics.contains("comments-button"));

    let mut settings = Settings::default();
    settings.metrics.insert(MetricKind::Replies, Display::Show);
    let plan = Engine::new(settings).page_plan("https://www.reddit.com/r/rust/");
    let post = &plan.shadow[0];
    // The sheet does not change with settings; the figure counts only what is hidden.
    assert!(post.css.contains("comments-button"));
    assert!(!post.metrics.contains("comments-button"));
    assert!(post.metrics.contains("[data-post-click-location=\"vote\"]"));
    assert!(Engine::new(Settings::default())
        .page_plan("https://x.com/")
        .shadow
        .is_empty());
}

#[test]
fn mastodon_social_has_the_mastodon_rules_out_of_the_box() {
    let engine = Engine::new(Settings::default());
    let plan = engine.page_plan("https://mastodon.social/@ana/with_replies");
    assert!(plan.active);
    assert_eq!(plan.site.as_deref(), Some("mastodon"));
    assert!(plan.metrics.contains(".icon-button__counter"));
    assert!(plan.profile.is_some());
    // Its memory keys name the instance, as when it was an added one: what was
    // remembered there before it was built in is found again.
    assert_eq!(
        plan.profile.unwrap().key,
        "profile:mastodon:mastodon.social/ana"
    );
}

#[test]
fn a_mastodon_instance_gets_the_mastodon_rules_only_once_enabled() {
    let plan = Engine::new(Settings::default()).page_plan("https://mastodon.online/home");
    assert_eq!(plan.reason.as_deref(), Some("no-rules"));
    let settings = Settings {
        mastodon_hosts: vec!["Mastodon.Online".into()],
        // Listed in both: the site's rules win over the recognizer alone.
        generic_hosts: vec!["mastodon.online".into()],
        ..Settings::default()
    };
    let engine = Engine::new(settings.clone());
    let plan = engine.page_plan("https://mastodon.online/@ana/with_replies");
    assert!(plan.active);
    assert_eq!(plan.site.as_deref(), Some("mastodon"));
    assert!(!plan.generic);
    assert!(plan.metrics.contains(".icon-button__counter"));
    assert!(plan.title_counter);
    assert!(
        plan.profile.is_some(),
        "the badge works on an enabled instance"
    );
    // Another instance the user did not enable stays untouched.
    let other = engine.page_plan("https://fosstodon.org/home");
    assert_eq!(other.reason.as_deref(), Some("no-rules"));
    // The per-site switch covers every instance.
    let mut settings = settings;
    settings.sites.insert("mastodon".into(), false);
    let engine = Engine::new(settings);
    assert_eq!(
        engine
            .page_plan("https://mastodon.online/home")
            .reason
            .as_deref(),
        Some("site-off")
    );
    assert_eq!(
        engine
            .page_plan("https://mastodon.social/home")
            .reason
            .as_deref(),
        Some("site-off")
    );
}

#[test]
fn source_line_breaks_read_as_the_one_space_the_page_shows() {
    let engine = Engine::new(Settings::default());
    // Stack Overflow's header row: a label, then the count on the next source line.
    let text = "\n    Viewed\n    3,000,367 times\n  ";
    let decisions = engine.decide(&[candidate(1, text, TextContext::Label)]);
    assert_eq!(decisions.len(), 1, "the split label is read as one");
    let edit = &decisions[0].edits[0];
    let mut shown: Vec<u16> = text.encode_utf16().collect();
    shown.splice(edit.start as usize..edit.end as usize, []);
    assert_eq!(
        String::from_utf16(&shown).unwrap(),
        "\n    Viewed\n    times\n  ",
        "the number and its joining space go; the page's own whitespace stays"
    );
    // Offsets still land in UTF-16 after a collapsed run and non-ASCII text.
    let text = "Ana’s café  \n 1,203 followers";
    let decisions = engine.decide(&[candidate(2, text, TextContext::Label)]);
    assert_eq!(decisions.len(), 1);
    for edit in &decisions[0].edits {
        let units: Vec<u16> = text.encode_utf16().collect();
        let cut = String::from_utf16(&units[edit.start as usize..edit.end as usize]).unwrap();
        assert_eq!(cut, "1,203 ");
    }
    // Nothing to collapse: the text is read as it is.
    let (rendered, map) = as_rendered("12K Followers");
    assert!(matches!(rendered, std::borrow::Cow::Borrowed(_)));
    assert_eq!(map, (0..=13).collect::<Vec<_>>());
}

// One person per instance: an instance the user added must not write the memory of a
// namesake elsewhere, nor of a remote account it claims to show.
#[test]
fn mastodon_memory_keys_name_the_instance() {
    let engine = Engine::new(Settings {
        mastodon_hosts: vec!["a.social".into(), "evil.example".into()],
        ..Settings::default()
    });
    let key = |url: &str| engine.page_plan(url).profile.unwrap().key;
    assert_eq!(
        key("https://a.social/@alice"),
        "profile:mastodon:a.social/alice"
    );
    assert_eq!(
        key("https://evil.example/@alice"),
        "profile:mastodon:evil.example/alice"
    );
    assert_eq!(
        key("https://evil.example/@bob@other.social"),
        "profile:mastodon:evil.example/bob@other.social"
    );
    // Sites with hosts of their own keep their keys.
    assert_eq!(key("https://x.com/ana"), "profile:x:ana");
}

#[test]
fn the_sweep_runs_on_supported_sites_and_skips_post_text_and_the_rules_own_counts() {
    let engine = Engine::new(Settings::default());
    let plan = engine.page_plan("https://x.com/anaortega");
    assert!(plan.sweep);
    for skipped in [
        "[data-testid=\"tweetText\"]",
        "[contenteditable]",
        "head",
        "textarea",
    ] {
        assert!(
            plan.sweep_skip.contains(skipped),
            "{skipped}: {}",
            plan.sweep_skip
        );
    }
    assert!(
        plan.sweep_skip.contains("app-text-transition-container"),
        "a count the rules hide is not swept again"
    );
    // Nor one the rules hide inside a shadow root they style (the sweep goes into open
    // shadow roots too).
    let reddit = engine.page_plan("https://www.reddit.com/r/programming/");
    assert!(
        reddit
            .sweep_skip
            .contains("[data-post-click-location=\"vote\"]"),
        "{}",
        reddit.sweep_skip
    );
    // Generic mode reads everything its own way; a page without rules gets nothing.
    assert!(!engine.page_plan("https://example.org/").sweep);
}
