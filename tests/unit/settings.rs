use super::*;
use serde_json::json;

#[test]
fn defaults_hide_everything_and_keep_the_badge() {
    let settings = Settings::default();
    assert!(settings.enabled && settings.badge && settings.memory);
    for kind in MetricKind::ALL {
        assert_eq!(settings.display(kind), Display::Hide);
    }
}

#[test]
fn a_bad_field_falls_back_alone() {
    let (settings, warnings) = Settings::from_json_value(&json!({
        "enabled": "yes please",
        "badge": false,
        "metrics": {"likes": "show", "views": "sideways", "nonsense": "hide"}
    }));
    assert!(
        settings.enabled,
        "bad master switch falls back to its default"
    );
    assert!(!settings.badge, "good field kept");
    assert_eq!(settings.display(MetricKind::Likes), Display::Show);
    assert_eq!(settings.display(MetricKind::Views), Display::Hide);
    let fields: Vec<&str> = warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(fields, ["enabled", "metrics.nonsense", "metrics.views"]);
}

#[test]
fn garbage_gives_defaults_with_a_warning_and_null_gives_defaults_silently() {
    let (settings, warnings) = Settings::from_json_value(&json!([1, 2, 3]));
    assert_eq!(settings, Settings::default());
    assert_eq!(warnings.len(), 1);
    let (settings, warnings) = Settings::from_json_value(&serde_json::Value::Null);
    assert_eq!(settings, Settings::default());
    assert!(warnings.is_empty());
}

#[test]
fn round_trips_through_json() {
    let mut settings = Settings::default();
    settings
        .metrics
        .insert(MetricKind::Replies, Display::Coarse);
    settings.paused_hosts.push("x.com".into());
    let value = serde_json::to_value(&settings).unwrap();
    let (back, warnings) = Settings::from_json_value(&value);
    assert!(warnings.is_empty());
    assert_eq!(back, settings);
}

#[test]
fn version_1_hosts_are_migrated_to_bare_host_names() {
    let (settings, warnings) = Settings::from_json_value(&json!({
        "version": 1,
        "pausedHosts": ["https://X.com/home", "x.com", "mastodon.social:443"],
        "genericHosts": ["not a host!"]
    }));
    assert_eq!(settings.version, SETTINGS_VERSION);
    assert_eq!(settings.paused_hosts, ["x.com", "mastodon.social"]);
    assert!(settings.generic_hosts.is_empty());
    let fields: Vec<&str> = warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(fields, ["genericHosts"]);
    // An unversioned value is version 1.
    let (settings, _) = Settings::from_json_value(&json!({"pausedHosts": ["HTTP://Example.org"]}));
    assert_eq!(settings.paused_hosts, ["example.org"]);
}

// Found by the `settings` fuzz target: a version 2 value with "mastodon.sAcial" was kept
// as it was, though version 2 promises lower-case hosts (and the worker's generic-mode
// registration skips any other).
#[test]
fn stored_hosts_in_capitals_are_read_in_lower_case_once() {
    let (settings, warnings) = Settings::from_json_value(&json!({
        "version": 2,
        "mastodonHosts": ["mastodon.sAcial", "Mastodon.Online", "mastodon.online"],
        "genericHosts": ["Example.ORG"]
    }));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        settings.mastodon_hosts,
        ["mastodon.sacial", "mastodon.online"]
    );
    assert_eq!(settings.generic_hosts, ["example.org"]);
    let stored = serde_json::to_value(&settings).unwrap();
    assert_eq!(Settings::from_json_value(&stored), (settings, Vec::new()));
}

// mastodon.social is built in now: a user who enabled it before keeps Sincerely there
// through the manifest, and the popup no longer lists it as an instance of their own.
#[test]
fn a_built_in_instance_leaves_the_added_ones() {
    let (settings, warnings) = Settings::from_json_value(&json!({
        "version": 2,
        "mastodonHosts": ["Mastodon.Social", "fosstodon.org"]
    }));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(settings.mastodon_hosts, ["fosstodon.org"]);
}

#[test]
fn a_current_value_is_not_migrated_again() {
    let value = json!({"version": SETTINGS_VERSION, "pausedHosts": ["x.com"]});
    assert_eq!(migrate(value.clone()), value);
}

#[test]
fn normalize_host_takes_urls_apart_and_refuses_non_hosts() {
    assert_eq!(
        normalize_host(" https://user@Sub.X.com:8080/a?b#c ").as_deref(),
        Some("sub.x.com")
    );
    assert_eq!(normalize_host("x.com.").as_deref(), Some("x.com"));
    for bad in ["", "-x.com", "x..com", "a b", "x.com:port", "ü.com"] {
        assert_eq!(normalize_host(bad), None, "{bad:?}");
    }
}

#[test]
fn export_then_import_gives_the_same_settings() {
    let mut settings = Settings::default();
    settings.set_all(Display::Coarse);
    settings.metrics.insert(MetricKind::Likes, Display::Show);
    settings.sites.insert("x".into(), false);
    settings.badge = false;
    settings.toggle_pause("x.com");
    let text = settings.export();
    assert!(text.contains(EXPORT_FORMAT));
    assert_eq!(Settings::import(&text), Ok(settings.clone()));
    // A bare settings object (what storage holds) imports too.
    let bare = serde_json::to_string(&settings).unwrap();
    assert_eq!(Settings::import(&bare), Ok(settings));
}

#[test]
fn a_version_1_file_imports_through_the_migration() {
    let imported =
        Settings::import(r#"{"version": 1, "pausedHosts": ["https://x.com/"]}"#).unwrap();
    assert_eq!(imported.paused_hosts, ["x.com"]);
}

#[test]
fn an_import_reports_every_problem_and_applies_nothing() {
    let errors = Settings::import(
        r#"{"enabled": "yes", "colour": "blue", "sites": {"myspace": true},
            "metrics": {"likes": "sideways"}, "genericHosts": ["not a host"]}"#,
    )
    .unwrap_err();
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "unknown field \"colour\"",
            "field \"enabled\": invalid type: string \"yes\", expected a boolean",
            "field \"metrics.likes\": unknown metric or display: \"sideways\"",
            "field \"genericHosts\": \"not a host\" is not a host name",
            "field \"sites\": no site \"myspace\"",
        ]
    );
}

#[test]
fn malformed_foreign_and_newer_files_are_refused_clearly() {
    match Settings::import("{\"enabled\": tru")
        .unwrap_err()
        .as_slice()
    {
        [SettingsError::NotJson { line: 1, .. }] => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(
        Settings::import("[1, 2]"),
        Err(vec![SettingsError::NotSettings])
    );
    assert_eq!(
        Settings::import(r#"{"format": "uBlock", "settings": {}}"#),
        Err(vec![SettingsError::NotSettings])
    );
    assert_eq!(
        Settings::import(r#"{"version": 99}"#),
        Err(vec![SettingsError::TooNew(99)])
    );
    // Found by the `settings` fuzz target's property (an import only takes versions it
    // knows): the version was cast to u32, so 2^32 + 2 imported as a version 2 file.
    assert_eq!(
        Settings::import(r#"{"version": 4294967298, "enabled": false}"#),
        Err(vec![SettingsError::TooNew(4_294_967_298)])
    );
    let stored = json!({"version": 4_294_967_297_u64, "pausedHosts": ["https://X.com/"]});
    assert_eq!(
        migrate(stored.clone()),
        stored,
        "a newer value is not migrated as version 1"
    );
}

#[test]
fn storage_value_respects_the_sync_item_quota() {
    let mut settings = Settings {
        paused_hosts: (0..MAX_HOSTS)
            .map(|i| format!("host-{i}.example.org"))
            .collect(),
        ..Settings::default()
    };
    let value = settings.to_storage_value().unwrap();
    assert!(STORAGE_KEY.len() + value.to_string().len() <= SYNC_QUOTA_BYTES_PER_ITEM);
    settings.generic_hosts = settings.paused_hosts.clone();
    match settings.to_storage_value() {
        Err(SettingsError::TooLarge { bytes, max }) => {
            assert!(bytes > max && max == SYNC_QUOTA_BYTES_PER_ITEM)
        }
        other => panic!("{other:?}"),
    }
    settings
        .generic_hosts
        .push("one-too-many.example.org".into());
    assert!(matches!(
        settings.to_storage_value(),
        Err(SettingsError::TooManyHosts { .. })
    ));
}

#[test]
fn toggle_pause_and_hide_all() {
    let mut settings = Settings::default();
    assert!(settings.toggle_pause("X.com"));
    assert!(settings.paused_on("x.com"));
    assert!(!settings.toggle_pause("x.com"));
    assert!(settings.paused_hosts.is_empty());
    settings.metrics.insert(MetricKind::Views, Display::Show);
    settings.set_all(Display::Hide);
    assert!(MetricKind::ALL
        .iter()
        .all(|&kind| settings.display(kind) == Display::Hide));
}

// The keyboard command edits the settings as the popup does: an http(s) host only, and
// never a value storage.sync refuses (it once wrote any tab's host, unchecked).
#[test]
fn the_pause_command_is_checked_like_every_edit() {
    let settings = Settings::default();
    let (value, paused) = settings
        .pause_toggled("https://X.com:443/home")
        .unwrap()
        .unwrap();
    assert!(paused);
    assert_eq!(value["pausedHosts"], serde_json::json!(["x.com"]));
    let (again, _) = Settings::from_json_value(&value);
    let (value, paused) = again.pause_toggled("https://x.com/").unwrap().unwrap();
    assert!(!paused);
    assert_eq!(value["pausedHosts"], serde_json::json!([]));
    assert!(settings.pause_toggled("chrome://extensions/").is_none());
    assert!(settings.pause_toggled("file:///etc/passwd").is_none());
    assert!(settings.pause_toggled("not a url").is_none());
    // Full (to the item quota, or to the most hosts a list takes): one host more may not
    // be stored.
    let mut full = Settings::default();
    let mut index = 0;
    while full.to_storage_value().is_ok() {
        full.paused_hosts
            .push(format!("host-number-{index}.example"));
        index += 1;
    }
    full.paused_hosts.pop();
    assert!(matches!(
        full.pause_toggled("https://one-more-host.example/"),
        Some(Err(_))
    ));
}

// The worker registers the content scripts on the added hosts by the engine's check alone.
// Its own regex (/^[a-z0-9.-]+$/, before the check moved here) let "a..b.org" and
// "-x.org" through, which the engine never ran on, and turned "Example.org" away, which
// the engine read as example.org: now both read the same list.
#[test]
fn added_hosts_are_registered_by_the_engines_host_check() {
    let (settings, warnings) = Settings::from_json_value(&serde_json::json!({
        "version": SETTINGS_VERSION,
        "genericHosts": ["a..b.org", "-x.org", "Example.org", "news.example.org"],
        "mastodonHosts": ["mastodon.online", "x.org-", "mastodon.social"],
    }));
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    let origins = settings.added_host_origins();
    assert_eq!(
        origins.generic_hosts,
        [
            "https://example.org/*",
            "http://example.org/*",
            "https://news.example.org/*",
            "http://news.example.org/*"
        ]
    );
    // mastodon.social is built in: the manifest's own scripts run there.
    assert_eq!(
        origins.mastodon_hosts,
        ["https://mastodon.online/*", "http://mastodon.online/*"]
    );
    // Settings made in code are checked too.
    let unchecked = Settings {
        generic_hosts: vec!["a..b.org".into(), "ok.org".into()],
        ..Settings::default()
    };
    assert_eq!(
        unchecked.added_host_origins().generic_hosts,
        ["https://ok.org/*", "http://ok.org/*"]
    );
}

#[test]
fn pattern_host_reads_one_host_or_none() {
    assert_eq!(
        pattern_host("https://Mastodon.Online/*").as_deref(),
        Some("mastodon.online")
    );
    assert_eq!(
        pattern_host("*://example.org/").as_deref(),
        Some("example.org")
    );
    assert_eq!(pattern_host("https://*.example.org/*"), None);
    assert_eq!(pattern_host("<all_urls>"), None);
    assert_eq!(pattern_host("https://a..b.org/*"), None);
    assert_eq!(pattern_host("https:///*"), None);
}

// A permission taken back in the browser drops the host from its list, unless the other
// scheme is still granted; the edit is checked like every other.
#[test]
fn a_revoked_host_leaves_its_list() {
    let (settings, _) = Settings::from_json_value(&serde_json::json!({
        "genericHosts": ["stackoverflow.com", "example.org"],
        "mastodonHosts": ["mastodon.online"],
        "pausedHosts": ["mastodon.online"],
    }));
    let revoked = |removed: &[&str], granted: &[&str]| {
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        settings.revoked_hosts_forgotten(&strings(removed), &strings(granted))
    };
    let value = revoked(&["https://mastodon.online/*"], &["https://example.org/*"])
        .unwrap()
        .unwrap();
    assert_eq!(value["mastodonHosts"], serde_json::json!([]));
    assert_eq!(
        value["genericHosts"],
        serde_json::json!(["stackoverflow.com", "example.org"])
    );
    // Pausing is not a permission: the pause stays.
    assert_eq!(value["pausedHosts"], serde_json::json!(["mastodon.online"]));
    assert_eq!(value["version"], serde_json::json!(SETTINGS_VERSION));
    // The http origin went, the https one is still granted: the host stays.
    assert!(revoked(
        &["http://stackoverflow.com/*"],
        &["https://stackoverflow.com/*"]
    )
    .is_none());
    // Both went at once.
    let value = revoked(
        &["https://stackoverflow.com/*", "http://stackoverflow.com/*"],
        &["https://example.org/*"],
    )
    .unwrap()
    .unwrap();
    assert_eq!(value["genericHosts"], serde_json::json!(["example.org"]));
    // A host on no list, or a pattern naming no one host: nothing to store.
    assert!(revoked(&["https://other.org/*"], &[]).is_none());
    assert!(revoked(&["https://*/*", "<all_urls>"], &[]).is_none());
}
