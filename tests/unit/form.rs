use super::*;
use crate::settings::STORAGE_KEY;
use serde_json::json;

/// The popup on a tab of `host`, with what the tab reported.
fn popup_on(host: &str) -> Form {
    let mut form = Form::new(Page::Popup);
    form.tab = Tab {
        host: Some(host.to_string()),
        site: None,
        status: Some(TabStatus {
            hidden: 7,
            ..TabStatus::default()
        }),
    };
    form
}

/// Applies `action` and returns the value it stores; fails on anything else.
fn saved(form: &mut Form, action: Action) -> Value {
    match form.apply(action) {
        Ok(Outcome::Save { value, .. }) => value,
        other => panic!("not saved: {other:?}"),
    }
}

fn released(form: &mut Form, action: Action) -> Option<(AddedHosts, String)> {
    match form.apply(action) {
        Ok(Outcome::Save { released, .. }) => released,
        other => panic!("not saved: {other:?}"),
    }
}

#[test]
fn the_popup_on_a_supported_site_shows_its_switches_and_the_count() {
    let form = popup_on("x.com");
    let view = form.view();
    assert_eq!(view.tab_status, Some(msg("tabHidden", &["7"])));
    assert_eq!(view.tab_memory, None);
    assert!(view.enabled && view.badge);
    assert_eq!(
        view.pause,
        Some(Switch {
            label: msg("pauseSite", &["x.com"]),
            checked: false,
            disabled: false
        })
    );
    assert_eq!(view.mastodon, None, "x.com has rules");
    assert_eq!(view.generic, None, "x.com has rules");
    assert_eq!(view.preset, Some(Preset::HideAll));
    // The options page's parts are not the popup's.
    assert!(view.metrics.is_empty() && view.sites.is_empty() && view.hosts.is_empty());
}

#[test]
fn the_popup_without_a_host_disables_pause_and_says_nothing_ran() {
    let mut form = Form::new(Page::Popup);
    let view = form.view();
    assert_eq!(view.tab_status, Some(msg("tabNothing", &[])));
    assert_eq!(
        view.pause,
        Some(Switch {
            label: msg("pauseNoSite", &[]),
            checked: false,
            disabled: true
        })
    );
    assert_eq!(form.apply(Action::Pause(true)), Err(FormError::NoHost));
    assert_eq!(
        form.apply(Action::TabHost(AddedHosts::Generic, true)),
        Err(FormError::NoHost)
    );
    assert_eq!(form.settings, Settings::default());
}

#[test]
fn the_tab_report_names_each_failure_and_the_memory_error() {
    let mut form = popup_on("x.com");
    let report = |value: Value| Some(TabStatus::from_json(&value));
    form.tab.status = report(json!({"failed": "boom", "failure": "engine-crashed"}));
    assert_eq!(form.view().tab_status, Some(msg("tabCrashed", &[])));
    form.tab.status = report(json!({"failed": "gone", "failure": "worker-lost"}));
    assert_eq!(form.view().tab_status, Some(msg("tabWorkerLost", &[])));
    form.tab.status = report(json!({"failed": "no engine", "failure": "other"}));
    assert_eq!(
        form.view().tab_status,
        Some(msg("tabFailed", &["no engine"]))
    );
    // An empty failure text is no failure.
    form.tab.status = report(json!({"failed": "", "hidden": 3, "memoryError": "QUOTA"}));
    let view = form.view();
    assert_eq!(view.tab_status, Some(msg("tabHidden", &["3"])));
    assert_eq!(view.tab_memory, Some(msg("tabMemoryNotSaved", &["QUOTA"])));
}

#[test]
fn an_unknown_host_offers_generic_mode_and_a_mastodon_instance_its_own_switch() {
    let mut form = popup_on("stackoverflow.com");
    let view = form.view();
    assert_eq!(
        view.generic.map(|s| (s.label, s.checked)),
        Some((msg("genericSite", &["stackoverflow.com"]), false))
    );
    assert_eq!(view.mastodon, None);
    assert!(Form::should_probe("stackoverflow.com"));
    assert!(!Form::should_probe("x.com"));

    // Known by its markup: the Mastodon switch, and no generic one.
    form.tab.site = Some("mastodon".into());
    let view = form.view();
    assert_eq!(view.generic, None);
    assert_eq!(
        view.mastodon.map(|s| (s.label, s.checked)),
        Some((msg("mastodonSite", &["stackoverflow.com"]), false))
    );

    // Enabled before, the switch shows even when the probe saw nothing.
    form.tab.site = None;
    form.settings.mastodon_hosts = vec!["stackoverflow.com".into()];
    let view = form.view();
    assert_eq!(view.generic, None);
    assert_eq!(view.mastodon.map(|s| s.checked), Some(true));

    // A built-in instance is on like any supported site: neither switch.
    let form = popup_on("mastodon.social");
    assert_eq!((form.view().mastodon, form.view().generic), (None, None));
}

#[test]
fn the_master_badge_and_memory_switches_store_what_they_show() {
    let mut form = Form::new(Page::Options);
    let value = saved(&mut form, Action::Enabled(false));
    assert_eq!(value["enabled"], json!(false));
    assert!(!form.view().enabled);
    let value = saved(&mut form, Action::Badge(false));
    assert_eq!(value["badge"], json!(false));
    assert!(!form.view().badge);
    let value = saved(&mut form, Action::Memory(false));
    assert_eq!(value["memory"], json!(false));
    assert!(!form.view().memory);
    assert_eq!(value["version"], json!(crate::settings::SETTINGS_VERSION));
    saved(&mut form, Action::Enabled(true));
    assert!(form.settings.enabled);
}

#[test]
fn pause_adds_and_removes_the_tab_host_once() {
    let mut form = popup_on("x.com");
    let value = saved(&mut form, Action::Pause(true));
    assert_eq!(value["pausedHosts"], json!(["x.com"]));
    assert_eq!(form.view().pause.map(|s| s.checked), Some(true));
    // A second "on" (the other page paused meanwhile) does not add it twice.
    let value = saved(&mut form, Action::Pause(true));
    assert_eq!(value["pausedHosts"], json!(["x.com"]));
    let value = saved(&mut form, Action::Pause(false));
    assert_eq!(value["pausedHosts"], json!([]));
}

#[test]
fn an_added_host_switch_adds_the_tab_host_and_off_gives_its_permission_back() {
    for kind in [AddedHosts::Generic, AddedHosts::Mastodon] {
        let field = match kind {
            AddedHosts::Generic => "genericHosts",
            AddedHosts::Mastodon => "mastodonHosts",
        };
        let mut form = popup_on("mastodon.online");
        assert_eq!(released(&mut form, Action::TabHost(kind, true)), None);
        let value = saved(&mut form, Action::TabHost(kind, true));
        assert_eq!(value[field], json!(["mastodon.online"]), "{kind:?} once");
        assert_eq!(
            released(&mut form, Action::TabHost(kind, false)),
            Some((kind, "mastodon.online".to_string()))
        );
        assert_eq!(form.settings, Settings::default());
    }
    assert_eq!(
        AddedHosts::Generic.origins("a.org"),
        ["https://a.org/*", "http://a.org/*"]
    );
    assert_eq!(AddedHosts::Mastodon.origins("a.org"), ["https://a.org/*"]);
}

#[test]
fn the_options_page_lists_every_kind_site_and_added_host() {
    let mut form = Form::new(Page::Options);
    form.load(&json!({
        "metrics": {"likes": "show", "views": "coarse"},
        "sites": {"x": false},
        "pausedHosts": ["x.com"],
        "genericHosts": ["example.org"],
        "mastodonHosts": ["mastodon.online"],
    }));
    let view = form.view();
    assert_eq!(view.tab_status, None);
    assert_eq!(view.pause, None);
    assert_eq!(view.metrics.len(), MetricKind::ALL.len());
    assert!(view.metrics.contains(&(MetricKind::Likes, Display::Show)));
    assert!(view.metrics.contains(&(MetricKind::Views, Display::Coarse)));
    assert!(view
        .metrics
        .contains(&(MetricKind::Followers, Display::Hide)));
    assert_eq!(view.sites.len(), sites::all().len());
    assert!(view.sites.contains(&("x", false)));
    assert!(view.sites.contains(&("bluesky", true)));
    assert_eq!(view.preset, None, "no preset matches");
    let rows: Vec<(String, Message, Message)> = view
        .hosts
        .iter()
        .map(|row| {
            (
                format!("{}-{}", row.list.prefix(), row.index),
                row.text.clone(),
                row.button.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "resume-0".to_string(),
                msg("pausedOn", &["x.com"]),
                msg("resumeHost", &["x.com"])
            ),
            (
                "unlist-0".to_string(),
                msg("genericOn", &["example.org"]),
                msg("unlistHost", &["example.org"])
            ),
            (
                "unmastodon-0".to_string(),
                msg("mastodonOn", &["mastodon.online"]),
                msg("unlistHost", &["mastodon.online"])
            ),
        ]
    );
    for (id, _, _) in &rows {
        let (list, index) = HostList::from_button_id(id).expect("a host button");
        assert_eq!((list.prefix(), index), (&id[..id.len() - 2], 0));
    }
    assert_eq!(HostList::from_button_id("preset-rough"), None);
}

#[test]
fn the_grid_sets_one_kind_by_switch_or_select() {
    let mut form = Form::new(Page::Options);
    let value = saved(&mut form, Action::Metric(MetricKind::Likes, false));
    assert_eq!(value["metrics"]["likes"], json!("show"));
    let value = saved(
        &mut form,
        Action::Display(MetricKind::Likes, Display::Hover),
    );
    assert_eq!(value["metrics"]["likes"], json!("hover"));
    let value = saved(&mut form, Action::Metric(MetricKind::Likes, true));
    assert_eq!(value["metrics"]["likes"], json!("hide"));
    let value = saved(
        &mut form,
        Action::Display(MetricKind::Views, Display::Coarse),
    );
    assert_eq!(value["metrics"]["views"], json!("coarse"));
    assert!(form
        .view()
        .metrics
        .contains(&(MetricKind::Views, Display::Coarse)));
}

#[test]
fn a_site_switch_stores_the_site() {
    let mut form = Form::new(Page::Options);
    let value = saved(&mut form, Action::Site("x".into(), false));
    assert_eq!(value["sites"], json!({"x": false}));
    assert!(form.view().sites.contains(&("x", false)));
    let value = saved(&mut form, Action::Site("x".into(), true));
    assert_eq!(value["sites"], json!({"x": true}));
    // A site no rules know may not be stored.
    let before = form.settings.clone();
    assert!(matches!(
        form.apply(Action::Site("nowhere".into(), true)),
        Err(FormError::NotSaved(SettingsError::UnknownSite(_)))
    ));
    assert_eq!(form.settings, before, "nothing changed");
}

#[test]
fn a_preset_sets_every_kind_and_shows_pressed() {
    for preset in Preset::ALL {
        let mut form = popup_on("x.com");
        form.settings.enabled = false;
        let value = saved(&mut form, Action::Preset(preset));
        assert_eq!(form.view().preset, Some(preset));
        for kind in MetricKind::ALL {
            assert_eq!(
                value["metrics"][kind.id()],
                serde_json::to_value(preset.display(kind)).unwrap()
            );
        }
        assert_eq!(value["enabled"], json!(false), "the rest stays");
    }
}

#[test]
fn the_host_buttons_remove_one_entry_and_give_added_permissions_back() {
    let mut form = Form::new(Page::Options);
    form.load(&json!({
        "pausedHosts": ["x.com", "bsky.app"],
        "genericHosts": ["example.org"],
        "mastodonHosts": ["mastodon.online"],
    }));
    assert_eq!(
        released(&mut form, Action::Remove(HostList::Paused, 1)),
        None
    );
    assert_eq!(form.settings.paused_hosts, ["x.com"]);
    assert_eq!(
        released(
            &mut form,
            Action::Remove(HostList::Added(AddedHosts::Generic), 0)
        ),
        Some((AddedHosts::Generic, "example.org".into()))
    );
    assert_eq!(
        released(
            &mut form,
            Action::Remove(HostList::Added(AddedHosts::Mastodon), 0)
        ),
        Some((AddedHosts::Mastodon, "mastodon.online".into()))
    );
    // A button for an entry that is gone changes nothing.
    assert_eq!(
        form.apply(Action::Remove(HostList::Added(AddedHosts::Mastodon), 0)),
        Err(FormError::NoSuchEntry(0))
    );
    let value = saved(&mut form, Action::Remove(HostList::Paused, 0));
    assert_eq!(value["pausedHosts"], json!([]));
    assert!(form.view().hosts.is_empty());
}

#[test]
fn an_import_applies_all_of_a_good_file_and_nothing_of_a_bad_one() {
    let mut form = Form::new(Page::Options);
    form.load(&json!({"enabled": "yes please"}));
    assert_eq!(form.view().fallbacks.len(), 1);
    let before = form.settings.clone();
    let error = form
        .apply(Action::Import("{\"enabled\": tru".into()))
        .unwrap_err();
    let lines = error.messages();
    assert_eq!(lines[0], msg("importFailed", &[]));
    assert_eq!(lines[1].key, "errNotJson");
    let error = form
        .apply(Action::Import(
            json!({"metrics": {"likes": "show"}, "badge": "no"}).to_string(),
        ))
        .unwrap_err();
    assert!(matches!(&error, FormError::NotImported(errors) if errors.len() == 1));
    assert_eq!(error.messages()[1].key, "errBadField");
    assert_eq!(form.settings, before, "a bad file applies nothing");
    assert_eq!(form.view().fallbacks.len(), 1, "and the note stays");

    let mut exported = Settings::default();
    exported.metrics.insert(MetricKind::Likes, Display::Show);
    let value = saved(&mut form, Action::Import(exported.export()));
    assert_eq!(value["metrics"]["likes"], json!("show"));
    assert!(
        form.view().fallbacks.is_empty(),
        "read strictly: none fell back"
    );
}

#[test]
fn an_edit_that_may_not_be_stored_changes_nothing_and_says_why() {
    let mut form = popup_on("x.com");
    form.settings.paused_hosts = (0..crate::settings::MAX_HOSTS)
        .map(|i| format!("h{i}.example"))
        .collect();
    let before = form.settings.clone();
    let error = form.apply(Action::Pause(true)).unwrap_err();
    assert!(matches!(
        error,
        FormError::NotSaved(SettingsError::TooManyHosts { .. })
    ));
    let lines = error.messages();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].key, "saveFailed");
    assert_eq!(
        lines[0].reason.as_deref().map(|reason| reason.key.as_str()),
        Some("errTooManyHosts")
    );
    assert_eq!(form.settings, before);
}

#[test]
fn forget_asks_first_and_the_question_goes_after_cancel_or_done() {
    let mut form = Form::new(Page::Options);
    assert!(!form.view().asking_forget);
    assert_eq!(form.apply(Action::AskForget), Ok(Outcome::Page));
    assert!(form.view().asking_forget);
    form.apply(Action::CancelForget).unwrap();
    assert!(!form.view().asking_forget);
    form.apply(Action::AskForget).unwrap();
    form.apply(Action::Forgotten).unwrap();
    assert!(!form.view().asking_forget);
    assert_eq!(form.settings, Settings::default(), "the settings stay");
}

#[test]
fn the_upgrade_note_says_what_fell_back_until_dismissed() {
    let mut form = popup_on("x.com");
    form.upgrade = Upgrade::from_json(&json!({"from": 1, "to": 2, "fellBack": []}));
    let note = form.view().upgrade.expect("a note");
    assert_eq!(note.message, msg("settingsUpgraded", &["1", "2"]));
    assert!(note.fell_back.is_empty());
    form.upgrade = Upgrade::from_json(&json!({
        "from": 1,
        "fellBack": [{"field": "pausedHosts", "message": "bad"}, {"field": "", "message": "all"}],
    }));
    let note = form.view().upgrade.expect("a note");
    assert_eq!(note.message, msg("settingsUpgradedFellBack", &["1", "?"]));
    assert_eq!(
        note.fell_back,
        [
            Note {
                field: Some("pausedHosts".into()),
                message: "bad".into()
            },
            Note {
                field: None,
                message: "all".into()
            },
        ]
    );
    assert_eq!(form.apply(Action::DismissUpgrade), Ok(Outcome::Page));
    assert_eq!(form.view().upgrade, None);
    assert_eq!(Upgrade::from_json(&json!("not a note")), None);
}

#[test]
fn stored_settings_that_fell_back_are_named_and_a_change_elsewhere_is_taken() {
    let mut form = popup_on("x.com");
    form.load(&json!({"enabled": "yes please", "metrics": {"views": "sideways"}}));
    let fields: Vec<Option<String>> = form.view().fallbacks.into_iter().map(|n| n.field).collect();
    assert_eq!(
        fields,
        [
            Some("enabled".to_string()),
            Some("metrics.views".to_string())
        ]
    );
    assert!(form.stored_elsewhere(&json!({"badge": false})));
    assert!(!form.view().badge);
    assert!(!form.stored_elsewhere(&json!({"badge": false})), "the same");
    // What a save writes is what a read gives back.
    let value = saved(&mut form, Action::Badge(true));
    assert!(!form.stored_elsewhere(&value));
    assert_eq!(STORAGE_KEY, "settings");
}

#[test]
fn every_settings_error_has_its_message() {
    let errors = [
        (
            SettingsError::NotJson {
                line: 1,
                column: 2,
                message: "x".into(),
            },
            "errNotJson",
        ),
        (SettingsError::NotSettings, "errNotSettings"),
        (SettingsError::TooNew(9), "errTooNew"),
        (SettingsError::UnknownField("f".into()), "errUnknownField"),
        (
            SettingsError::BadField {
                field: "f".into(),
                message: "m".into(),
            },
            "errBadField",
        ),
        (
            SettingsError::BadHost {
                field: "f".into(),
                host: "h".into(),
            },
            "errBadHost",
        ),
        (
            SettingsError::TooManyHosts {
                field: "f".into(),
                max: 2,
            },
            "errTooManyHosts",
        ),
        (SettingsError::UnknownSite("s".into()), "errUnknownSite"),
        (SettingsError::TooLarge { bytes: 9, max: 8 }, "errTooLarge"),
    ];
    for (error, key) in errors {
        assert_eq!(error_message(&error).key, key);
    }
    assert_eq!(
        error_message(&SettingsError::BadHost {
            field: "f".into(),
            host: "h".into()
        })
        .args,
        ["h", "f"]
    );
}
