//! The settings schema shared by the engine, the popup and the options page.
//!
//! Stored as JSON in `storage.sync` under [`STORAGE_KEY`]. Reading is lenient field by
//! field: a corrupt or foreign value falls back to the default for that field only and
//! is reported as a [`SettingsWarning`], so one bad field never costs the others.

use crate::recognize::MetricKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version written with every stored copy; bump it with a migration in [`Settings::from_json_value`].
pub const SETTINGS_VERSION: u32 = 1;
/// The `storage.sync` key.
pub const STORAGE_KEY: &str = "settings";

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
        settings.version = SETTINGS_VERSION;
        (settings, warnings)
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
