//! The settings schema shared by the engine, the popup and the options page.
//!
//! Stored as JSON in `storage.sync` under [`STORAGE_KEY`]. Two ways in:
//!
//! - [`Settings::from_json_value`] reads what is stored, leniently, field by field: a
//!   corrupt or foreign value falls back to the default for that field only and is
//!   reported as a [`SettingsWarning`], so one bad field never costs the others.
//! - [`Settings::import`] reads a file the user chose, strictly: it returns settings only
//!   when every field is right, and otherwise every problem at once, so an import never
//!   half-applies.
//!
//! Both run the stored value through [`migrate`] first. The way out is
//! [`Settings::to_storage_value`], which validates and checks the `storage.sync` quota,
//! and [`Settings::export`] for the file.
//!
//! ## Versions
//! - 1: the first release.
//! - 2: host lists hold bare, lowercase host names ("x.com"), never URLs or ports; version
//!   1 stored whatever it was given, so "https://X.com/" never matched a page.

use crate::recognize::MetricKind;
pub use preset::Preset;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub mod form;
mod preset;

/// The version written with every stored copy; bump it with a step in [`migrate`].
pub const SETTINGS_VERSION: u32 = 2;
/// The `storage.sync` key.
pub const STORAGE_KEY: &str = "settings";
/// `storage.sync.QUOTA_BYTES_PER_ITEM`: the key's length plus the value's JSON, in bytes
/// (the same in Chrome and Firefox).
pub const SYNC_QUOTA_BYTES_PER_ITEM: usize = 8192;
/// `storage.sync.QUOTA_BYTES`: everything the extension keeps in sync. Settings are the
/// only item, so the per-item quota is the one that binds; both are checked.
pub const SYNC_QUOTA_BYTES: usize = 102_400;
/// The longest host list accepted; a few hundred hosts fit well inside the item quota.
pub const MAX_HOSTS: usize = 200;
/// What an exported file says it is.
pub const EXPORT_FORMAT: &str = "sincerely-settings";

/// Why settings could not be imported or stored. Each says what the user should do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "type", content = "arg", rename_all = "kebab-case")]
pub enum SettingsError {
    /// The file is not JSON; the user picked the wrong file or it was cut short.
    #[error("not JSON (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a settings object.
    #[error("not a Sincerely settings file")]
    NotSettings,
    /// Written by a newer Sincerely: update this one first.
    #[error("made by a newer version of Sincerely (settings version {0})")]
    TooNew(u64),
    /// A field is unknown; the file was made by something else.
    #[error("unknown field \"{0}\"")]
    UnknownField(String),
    /// A field has the wrong kind of value.
    #[error("field \"{field}\": {message}")]
    BadField { field: String, message: String },
    /// A host list entry is not a host name.
    #[error("field \"{field}\": \"{host}\" is not a host name")]
    BadHost { field: String, host: String },
    /// A host list is longer than [`MAX_HOSTS`].
    #[error("field \"{field}\": more than {max} hosts")]
    TooManyHosts { field: String, max: usize },
    /// A per-site switch names a site Sincerely has no rules for.
    #[error("field \"sites\": no site \"{0}\"")]
    UnknownSite(String),
    /// Too big for `storage.sync`; remove hosts from the lists.
    #[error("{bytes} bytes is more than storage.sync allows ({max})")]
    TooLarge { bytes: usize, max: usize },
}

/// Brings a stored or imported value from the version it says it has to
/// [`SETTINGS_VERSION`]. A value without a version is version 1. A value from a newer
/// version is left as it is: the lenient reader keeps what it understands, and
/// [`Settings::import`] refuses it.
pub fn migrate(mut value: Value) -> Value {
    let Some(object) = value.as_object_mut() else {
        return value;
    };
    // Compared as read: a cast to u32 made 2^32 + 1 look like version 1.
    let version = object.get("version").and_then(Value::as_u64).unwrap_or(1);
    if version > u64::from(SETTINGS_VERSION) {
        return value;
    }
    if version < 2 {
        // 1 → 2: host lists become bare lowercase host names.
        for field in HOST_FIELDS {
            if let Some(Value::Array(hosts)) = object.get_mut(field) {
                let mut normalized: Vec<Value> = Vec::new();
                for host in hosts.iter() {
                    let entry = match host.as_str().and_then(normalize_host) {
                        Some(clean) => Value::String(clean),
                        // Not a string or not a host: kept, so the reader reports it.
                        None => host.clone(),
                    };
                    if !normalized.contains(&entry) {
                        normalized.push(entry);
                    }
                }
                *hosts = normalized;
            }
        }
    }
    object.insert("version".into(), SETTINGS_VERSION.into());
    value
}

const HOST_FIELDS: [&str; 3] = ["pausedHosts", "mastodonHosts", "genericHosts"];

/// "https://X.com:443/home" → "x.com"; `None` when what is left is not a host name.
pub fn normalize_host(raw: &str) -> Option<String> {
    let mut host = raw.trim();
    if let Some((_, rest)) = host.split_once("://") {
        host = rest;
    }
    host = host.split(['/', '?', '#']).next().unwrap_or_default();
    host = host.rsplit('@').next().unwrap_or_default();
    if let Some((name, port)) = host.rsplit_once(':') {
        if port.chars().all(|c| c.is_ascii_digit()) {
            host = name;
        }
    }
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    is_host(&host).then_some(host)
}

/// The one host a match pattern or origin names ("https://example.org/*" →
/// "example.org"), lower case; `None` for a wildcard host (`*.example.org`, `<all_urls>`)
/// or anything that is not a host name.
pub fn pattern_host(pattern: &str) -> Option<String> {
    let (scheme, rest) = pattern.split_once("://")?;
    if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphabetic() || c == '*') {
        return None;
    }
    let host = rest.split('/').next()?.to_ascii_lowercase();
    is_host(&host).then_some(host)
}

/// A DNS host name: dot-separated labels of letters, digits and inner hyphens.
fn is_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// [`Settings::added_host_origins`]: match patterns per list of added hosts, named as the
/// lists are in storage (`genericHosts`, `mastodonHosts`). A struct, not a map: the engine
/// module ships no map code for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddedHostOrigins {
    pub generic_hosts: Vec<String>,
    pub mastodon_hosts: Vec<String>,
}

/// How one kind of number is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Display {
    #[default]
    Hide,
    /// 0 / 1 / 1+ instead of the number.
    Coarse,
    /// Hidden until the pointer is over it.
    Hover,
    Show,
}

/// Everything the user can set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    pub version: u32,
    /// The master switch.
    pub enabled: bool,
    /// Hosts where the user paused Sincerely ("pause on this site").
    pub paused_hosts: Vec<String>,
    /// Per-site switches by site id; a missing site is on.
    pub sites: BTreeMap<String, bool>,
    /// Per-kind display; a missing kind is hidden.
    pub metrics: BTreeMap<MetricKind, Display>,
    /// The conversation-quality badge on profiles.
    pub badge: bool,
    /// Remember feature counts of profiles across visits.
    pub memory: bool,
    /// Mastodon instances the user enabled (host names).
    pub mastodon_hosts: Vec<String>,
    /// Other sites where the recognizer alone hides numbers (host names).
    pub generic_hosts: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            enabled: true,
            paused_hosts: Vec::new(),
            sites: BTreeMap::new(),
            metrics: BTreeMap::new(),
            badge: true,
            memory: true,
            mastodon_hosts: Vec::new(),
            generic_hosts: Vec::new(),
        }
    }
}

/// A field that could not be read and fell back to its default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettingsWarning {
    pub field: String,
    pub message: String,
}

impl Settings {
    /// Reads stored settings leniently: unknown fields are ignored, bad fields default.
    pub fn from_json_value(value: &serde_json::Value) -> (Settings, Vec<SettingsWarning>) {
        let mut settings = Settings::default();
        let mut warnings = Vec::new();
        let value = migrate(value.clone());
        let Some(object) = value.as_object() else {
            if !value.is_null() {
                warnings.push(SettingsWarning {
                    field: String::new(),
                    message: "settings were not an object; using defaults".into(),
                });
            }
            return (settings, warnings);
        };
        macro_rules! field {
            ($name:literal, $field:ident) => {
                if let Some(raw) = object.get($name) {
                    match serde_json::from_value(raw.clone()) {
                        Ok(parsed) => settings.$field = parsed,
                        Err(error) => warnings.push(SettingsWarning {
                            field: $name.into(),
                            message: error.to_string(),
                        }),
                    }
                }
            };
        }
        field!("enabled", enabled);
        field!("pausedHosts", paused_hosts);
        field!("sites", sites);
        field!("badge", badge);
        field!("memory", memory);
        field!("mastodonHosts", mastodon_hosts);
        field!("genericHosts", generic_hosts);
        // Metrics are read kind by kind so one unknown display keeps the others.
        if let Some(raw) = object.get("metrics") {
            match raw.as_object() {
                Some(metrics) => {
                    for (key, raw_display) in metrics {
                        let kind = serde_json::from_value::<MetricKind>(key.clone().into());
                        let display = serde_json::from_value::<Display>(raw_display.clone());
                        match (kind, display) {
                            (Ok(kind), Ok(display)) => {
                                settings.metrics.insert(kind, display);
                            }
                            _ => warnings.push(SettingsWarning {
                                field: format!("metrics.{key}"),
                                message: format!("unknown metric or display: {raw_display}"),
                            }),
                        }
                    }
                }
                None => warnings.push(SettingsWarning {
                    field: "metrics".into(),
                    message: "not an object".into(),
                }),
            }
        }
        // Hosts that are not host names go, one by one, each with a warning. The rest are
        // read in lower case, once: the worker registers generic mode only for lower-case
        // hosts, so a stored "Example.org" would have been on in the engine but not there.
        for (name, list) in [
            ("pausedHosts", &mut settings.paused_hosts),
            ("mastodonHosts", &mut settings.mastodon_hosts),
            ("genericHosts", &mut settings.generic_hosts),
        ] {
            let mut kept: Vec<String> = Vec::with_capacity(list.len());
            for host in list.drain(..) {
                if !is_host(&host) {
                    warnings.push(SettingsWarning {
                        field: name.into(),
                        message: format!("\"{host}\" is not a host name"),
                    });
                    continue;
                }
                let host = host.to_ascii_lowercase();
                if !kept.contains(&host) {
                    kept.push(host);
                }
            }
            *list = kept;
        }
        // An instance that is now built in (mastodon.social) needs no entry of its own: the
        // manifest runs Sincerely there, and the popup would offer to "enable" it again.
        settings
            .mastodon_hosts
            .retain(|host| crate::sites::for_host(host).is_none());
        settings.version = SETTINGS_VERSION;
        (settings, warnings)
    }

    /// Reads an imported file strictly: every field must be known and right, or nothing
    /// is returned but the full list of what is wrong.
    pub fn import(text: &str) -> Result<Settings, Vec<SettingsError>> {
        let value: Value = serde_json::from_str(text).map_err(|error| {
            vec![SettingsError::NotJson {
                line: error.line(),
                column: error.column(),
                message: error.to_string(),
            }]
        })?;
        let mut value = match value {
            // The exported shape, or a bare settings object.
            Value::Object(mut object) if object.get("format").is_some() => {
                if object.get("format") != Some(&Value::String(EXPORT_FORMAT.into())) {
                    return Err(vec![SettingsError::NotSettings]);
                }
                object.remove("settings").unwrap_or(Value::Null)
            }
            other => other,
        };
        if !value.is_object() {
            return Err(vec![SettingsError::NotSettings]);
        }
        if let Some(version) = value.get("version") {
            match version.as_u64() {
                Some(v) if v > u64::from(SETTINGS_VERSION) => {
                    return Err(vec![SettingsError::TooNew(v)])
                }
                Some(_) => {}
                None => {
                    return Err(vec![SettingsError::BadField {
                        field: "version".into(),
                        message: "not a whole number".into(),
                    }])
                }
            }
        }
        value = migrate(value);
        let mut errors = Vec::new();
        let known = [
            "version",
            "enabled",
            "pausedHosts",
            "sites",
            "metrics",
            "badge",
            "memory",
            "mastodonHosts",
            "genericHosts",
        ];
        for key in value.as_object().into_iter().flat_map(|o| o.keys()) {
            if !known.contains(&key.as_str()) {
                errors.push(SettingsError::UnknownField(key.clone()));
            }
        }
        let (settings, warnings) = Settings::from_json_value(&value);
        for warning in warnings {
            errors.push(SettingsError::BadField {
                field: warning.field,
                message: warning.message,
            });
        }
        errors.extend(settings.validate());
        if errors.is_empty() {
            if let Err(error) = settings.to_storage_value() {
                errors.push(error);
            }
        }
        if errors.is_empty() {
            Ok(settings)
        } else {
            Err(errors)
        }
    }

    /// What is wrong with these settings, if anything: unknown sites, hosts that are not
    /// host names, lists longer than [`MAX_HOSTS`].
    pub fn validate(&self) -> Vec<SettingsError> {
        let mut errors = Vec::new();
        for id in self.sites.keys() {
            if crate::sites::by_id(id).is_none() {
                errors.push(SettingsError::UnknownSite(id.clone()));
            }
        }
        for (field, list) in [
            ("pausedHosts", &self.paused_hosts),
            ("mastodonHosts", &self.mastodon_hosts),
            ("genericHosts", &self.generic_hosts),
        ] {
            if list.len() > MAX_HOSTS {
                errors.push(SettingsError::TooManyHosts {
                    field: field.into(),
                    max: MAX_HOSTS,
                });
            }
            for host in list {
                if !is_host(host) {
                    errors.push(SettingsError::BadHost {
                        field: field.into(),
                        host: host.clone(),
                    });
                }
            }
        }
        errors
    }

    /// The value to write under [`STORAGE_KEY`], or why it may not be written: invalid,
    /// or larger than `storage.sync` takes for one item.
    pub fn to_storage_value(&self) -> Result<Value, SettingsError> {
        if let Some(error) = self.validate().into_iter().next() {
            return Err(error);
        }
        let mut settings = self.clone();
        settings.version = SETTINGS_VERSION;
        let value = serde_json::to_value(&settings).expect("settings are plain data");
        let bytes = STORAGE_KEY.len() + value.to_string().len();
        let max = SYNC_QUOTA_BYTES_PER_ITEM.min(SYNC_QUOTA_BYTES);
        if bytes > max {
            return Err(SettingsError::TooLarge { bytes, max });
        }
        Ok(value)
    }

    /// The settings as an export file: pretty JSON that [`Settings::import`] reads back.
    pub fn export(&self) -> String {
        let mut settings = self.clone();
        settings.version = SETTINGS_VERSION;
        let file = serde_json::json!({ "format": EXPORT_FORMAT, "settings": settings });
        serde_json::to_string_pretty(&file).expect("settings are plain data") + "\n"
    }

    /// Sets the display of every kind at once ("hide all" is `set_all(Display::Hide)`).
    pub fn set_all(&mut self, display: Display) {
        for kind in MetricKind::ALL {
            self.metrics.insert(kind, display);
        }
    }

    /// Pauses or resumes on `host`; returns whether it is paused afterwards.
    pub fn toggle_pause(&mut self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        if self.paused_on(&host) {
            self.paused_hosts.retain(|h| !h.eq_ignore_ascii_case(&host));
            false
        } else {
            self.paused_hosts.push(host);
            true
        }
    }

    /// The settings with the pause on `url`'s host toggled, checked as every settings
    /// edit is: the value to store and whether the host is paused now; `None` for a page
    /// that is not http(s) or has no host, `Err` when the result may not be stored
    /// (`storage.sync` would refuse it). The keyboard command's edit (worker.js).
    pub fn pause_toggled(&self, url: &str) -> Option<Result<(Value, bool), SettingsError>> {
        let (scheme, _) = url.split_once("://")?;
        if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
            return None;
        }
        let host = normalize_host(url)?;
        let mut next = self.clone();
        let paused = next.toggle_pause(&host);
        Some(next.to_storage_value().map(|value| (value, paused)))
    }

    /// The match patterns the worker registers the content scripts on, per list of added
    /// hosts: each host's https and then http origin. Only host names by
    /// [`normalize_host`]'s check go in, the check every edit makes (the worker once had a
    /// looser one of its own); the worker keeps those the user granted.
    pub fn added_host_origins(&self) -> AddedHostOrigins {
        let origins = |hosts: &[String]| {
            hosts
                .iter()
                .filter(|host| is_host(host))
                .flat_map(|host| [format!("https://{host}/*"), format!("http://{host}/*")])
                .collect()
        };
        AddedHostOrigins {
            generic_hosts: origins(&self.generic_hosts),
            mastodon_hosts: origins(&self.mastodon_hosts),
        }
    }

    /// The settings without the added hosts whose permission the user took back (in the
    /// browser's own settings): a host leaves `genericHosts` and `mastodonHosts` when one of
    /// the match patterns in `removed` names it and none in `granted` (those still granted)
    /// does. The value to store, `None` when no list changes, `Err` when it may not be
    /// stored. The worker's edit on `permissions.onRemoved`.
    pub fn revoked_hosts_forgotten(
        &self,
        removed: &[String],
        granted: &[String],
    ) -> Option<Result<Value, SettingsError>> {
        let named = |patterns: &[String], host: &str| {
            patterns
                .iter()
                .any(|pattern| pattern_host(pattern).as_deref() == Some(host))
        };
        let mut next = self.clone();
        let mut changed = false;
        for list in [&mut next.generic_hosts, &mut next.mastodon_hosts] {
            let before = list.len();
            list.retain(|host| !named(removed, host) || named(granted, host));
            changed |= list.len() != before;
        }
        changed.then(|| next.to_storage_value())
    }

    /// How `kind` is displayed.
    pub fn display(&self, kind: MetricKind) -> Display {
        self.metrics.get(&kind).copied().unwrap_or_default()
    }

    /// Whether the site with this id is switched on.
    pub fn site_enabled(&self, site_id: &str) -> bool {
        self.sites.get(site_id).copied().unwrap_or(true)
    }

    /// Whether the user paused Sincerely on `host`.
    pub fn paused_on(&self, host: &str) -> bool {
        self.paused_hosts
            .iter()
            .any(|paused| paused.eq_ignore_ascii_case(host))
    }
}

#[cfg(test)]
#[path = "../tests/unit/settings.rs"]
mod unit_tests;
