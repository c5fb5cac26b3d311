//! Fuzzes the settings parser (`src/settings.rs`) on arbitrary text: the strict import of
//! a file the user chose and the lenient reading of what storage holds (with its
//! migration). What must hold:
//!
//! - nothing panics; a refused import names at least one problem;
//! - an import either takes the whole file or nothing: `Ok` only when the lenient reader
//!   took every field without a warning, and then the settings validate, fit the quota
//!   and come back unchanged through export and import; and a file the lenient reader
//!   takes whole, with only known fields, is never refused;
//! - the lenient reader keeps every good field when another one is garbage, and what it
//!   returns re-serializes and reads back the same, without a warning;
//! - migrating twice changes nothing more; a normalised host stays as it is.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use sincerely::settings::{migrate, normalize_host, Settings, EXPORT_FORMAT, SETTINGS_VERSION};

/// The fields of the current version, as stored.
const FIELDS: [&str; 8] = [
    "enabled",
    "pausedHosts",
    "sites",
    "metrics",
    "badge",
    "memory",
    "mastodonHosts",
    "genericHosts",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check_import(text);
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        check_lenient(&value);
    }
    if let Some(host) = normalize_host(text) {
        assert_eq!(normalize_host(&host).as_deref(), Some(host.as_str()));
    }
});

/// The settings object inside a file: the exported shape or a bare object.
fn settings_of(file: &Value) -> Option<&Value> {
    match file.get("format") {
        Some(format) if format == EXPORT_FORMAT => file.get("settings"),
        Some(_) => None,
        None => Some(file),
    }
}

fn check_import(text: &str) {
    let imported = Settings::import(text);
    let file = serde_json::from_str::<Value>(text).ok();
    let inner = file
        .as_ref()
        .and_then(settings_of)
        .filter(|v| v.is_object());
    match &imported {
        Ok(settings) => {
            let inner = inner.expect("an import took something that is not a settings object");
            let version = inner.get("version").map(Value::as_u64);
            let known_version = match version {
                None => true,
                Some(version) => version.is_some_and(|v| v <= SETTINGS_VERSION as u64),
            };
            assert!(
                known_version,
                "an import took a file of version {version:?}"
            );
            let (lenient, warnings) = Settings::from_json_value(inner);
            assert!(
                warnings.is_empty(),
                "import took a file with bad fields: {warnings:?}"
            );
            assert_eq!(&lenient, settings, "import and the lenient reader disagree");
            assert!(settings.validate().is_empty());
            assert!(settings.to_storage_value().is_ok());
            assert_eq!(Settings::import(&settings.export()).as_ref(), Ok(settings));
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "refused without a reason");
            assert!(errors.iter().all(|error| !error.to_string().is_empty()));
            // The converse: a file whose every field is known and right is not refused.
            let Some(inner) = inner else { return };
            let object = inner.as_object().expect("filtered to objects");
            let version_ok = match object.get("version") {
                None => true,
                Some(version) => version
                    .as_u64()
                    .is_some_and(|v| v <= SETTINGS_VERSION as u64),
            };
            let known = object
                .keys()
                .all(|key| key == "version" || FIELDS.contains(&key.as_str()));
            let (lenient, warnings) = Settings::from_json_value(inner);
            if version_ok && known && warnings.is_empty() && lenient.to_storage_value().is_ok() {
                panic!("a good file was refused: {errors:?}");
            }
        }
    }
}

fn check_lenient(value: &Value) {
    let (settings, warnings) = Settings::from_json_value(value);
    assert_eq!(settings.version, SETTINGS_VERSION);
    for warning in &warnings {
        assert!(!warning.message.is_empty());
    }
    for host in settings
        .paused_hosts
        .iter()
        .chain(&settings.mastodon_hosts)
        .chain(&settings.generic_hosts)
    {
        assert_eq!(
            normalize_host(host).as_deref(),
            Some(host.as_str()),
            "kept a non-host"
        );
    }

    // What it read is stored as it is, and read back the same, with nothing to warn about.
    let stored = serde_json::to_value(&settings).expect("settings are plain data");
    let (again, warnings_again) = Settings::from_json_value(&stored);
    assert!(warnings_again.is_empty(), "{warnings_again:?}");
    assert_eq!(again, settings);

    let migrated = migrate(value.clone());
    assert_eq!(migrate(migrated.clone()), migrated, "migrating twice");

    // One field turned to garbage costs that field only. (Not `version`: another version
    // migrates the host lists differently.)
    let Some(object) = value.as_object() else {
        return;
    };
    for field in FIELDS {
        let mut spoiled = object.clone();
        spoiled.insert(field.into(), json!("\u{0}garbage"));
        let (read, warnings) = Settings::from_json_value(&Value::Object(spoiled));
        assert!(
            warnings.iter().any(|w| w.field == field),
            "{field}: no warning"
        );
        let expected = with_default(&settings, field);
        assert_eq!(read, expected, "spoiling {field} changed another field");
    }
}

/// `settings` with `field` back to its default.
fn with_default(settings: &Settings, field: &str) -> Settings {
    let defaults = Settings::default();
    let mut out = settings.clone();
    match field {
        "enabled" => out.enabled = defaults.enabled,
        "pausedHosts" => out.paused_hosts = defaults.paused_hosts,
        "sites" => out.sites = defaults.sites,
        "metrics" => out.metrics = defaults.metrics,
        "badge" => out.badge = defaults.badge,
        "memory" => out.memory = defaults.memory,
        "mastodonHosts" => out.mastodon_hosts = defaults.mastodon_hosts,
        "genericHosts" => out.generic_hosts = defaults.generic_hosts,
        other => unreachable!("{other}"),
    }
    out
}
