//! The settings form of the popup and the options page, without the DOM: from the stored
//! settings and what the page knows of its tab (plain data), [`Form::view`] says what
//! every control shows, and [`Form::apply`] turns a user's [`Action`] into the settings to
//! store or an error. src/web/popup/src/lib.rs only reads the controls, renders the view and
//! calls the browser; every settings edit is here, where `cargo test` reaches it.
//!
//! Texts are [`Message`]s: a `_locales` key and its substitutions, looked up by the page.

use super::{Display, Preset, Settings, SettingsError, SettingsWarning};
use crate::recognize::MetricKind;
use crate::sites;
use serde_json::Value;

/// Which page the form is on: the popup offers the tab's switches, the options page the
/// grid, the sites, the added hosts and the backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Popup,
    Options,
}

/// A `_locales` message: its key and the `$1`… substitutions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub key: String,
    pub args: Vec<String>,
    /// A message looked up first and substituted as `$1`, before `args` (`saveFailed`
    /// says why, in another message).
    pub reason: Option<Box<Message>>,
}

/// A message by key, with its substitutions.
pub fn msg(key: &str, args: &[&str]) -> Message {
    Message {
        key: key.to_string(),
        args: args.iter().map(|arg| arg.to_string()).collect(),
        reason: None,
    }
}

/// What the tab's content script reported (content.js `reportStatus`, in storage.session
/// under `tab:<id>`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TabStatus {
    pub hidden: u64,
    /// Why Sincerely turned itself off on the tab, if it did.
    pub failed: Option<String>,
    /// Which failure: `engine-crashed`, `worker-lost`, or another.
    pub failure: Option<String>,
    /// Why the tab's profiles could not be remembered (storage.local full).
    pub memory_error: Option<String>,
}

impl TabStatus {
    /// Reads the stored report; an empty text counts as absent.
    pub fn from_json(value: &Value) -> TabStatus {
        let text = |name: &str| {
            value
                .get(name)
                .and_then(Value::as_str)
                .filter(|text| !text.is_empty())
                .map(str::to_string)
        };
        TabStatus {
            hidden: value.get("hidden").and_then(Value::as_u64).unwrap_or(0),
            failed: text("failed"),
            failure: text("failure"),
            memory_error: text("memoryError"),
        }
    }
}

/// The worker's note of a settings upgrade (storage.local `settingsUpgrade`, worker.js):
/// from which version to which, and the fields that fell back to their defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upgrade {
    pub from: Option<u64>,
    pub to: Option<u64>,
    pub fell_back: Vec<SettingsWarning>,
}

impl Upgrade {
    /// Reads the note; `None` unless it is an object.
    pub fn from_json(value: &Value) -> Option<Upgrade> {
        value.as_object()?;
        let fell_back = value
            .get("fellBack")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|warning| {
                let text = |name: &str| {
                    warning
                        .get(name)
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                SettingsWarning {
                    field: text("field"),
                    message: text("message"),
                }
            })
            .collect();
        Some(Upgrade {
            from: value.get("from").and_then(Value::as_u64),
            to: value.get("to").and_then(Value::as_u64),
            fell_back,
        })
    }
}

/// The hosts the user added one by one from the popup, each with its optional host
/// permission: generic mode (the recognizer alone) and Mastodon instances (the Mastodon
/// rules, recognised by the page's markup).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddedHosts {
    Generic,
    Mastodon,
}

impl AddedHosts {
    fn list(self, settings: &mut Settings) -> &mut Vec<String> {
        match self {
            AddedHosts::Generic => &mut settings.generic_hosts,
            AddedHosts::Mastodon => &mut settings.mastodon_hosts,
        }
    }

    /// The origins of the permission asked for `host`. Mastodon serves only https; a
    /// generic site may still be on http. One origin per scheme: Chrome refuses
    /// `*://host/*`, which no single pattern of `optional_host_permissions` contains.
    pub fn origins(self, host: &str) -> Vec<String> {
        match self {
            AddedHosts::Generic => vec![format!("https://{host}/*"), format!("http://{host}/*")],
            AddedHosts::Mastodon => vec![format!("https://{host}/*")],
        }
    }
}

/// The host lists the options page shows, each entry with its button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostList {
    /// `pausedHosts`: its button resumes (`resume-<index>`).
    Paused,
    /// An added list: its button stops Sincerely there (`unlist-` / `unmastodon-<index>`).
    Added(AddedHosts),
}

impl HostList {
    pub const ALL: [HostList; 3] = [
        HostList::Paused,
        HostList::Added(AddedHosts::Generic),
        HostList::Added(AddedHosts::Mastodon),
    ];

    /// The prefix of its buttons' ids.
    pub fn prefix(self) -> &'static str {
        match self {
            HostList::Paused => "resume",
            HostList::Added(AddedHosts::Generic) => "unlist",
            HostList::Added(AddedHosts::Mastodon) => "unmastodon",
        }
    }

    /// The list of the button with this id (`resume-0`…) and the index in it.
    pub fn from_button_id(id: &str) -> Option<(HostList, usize)> {
        let (prefix, index) = id.rsplit_once('-')?;
        let list = HostList::ALL
            .into_iter()
            .find(|list| list.prefix() == prefix)?;
        Some((list, index.parse().ok()?))
    }

    fn hosts(self, settings: &Settings) -> &Vec<String> {
        match self {
            HostList::Paused => &settings.paused_hosts,
            HostList::Added(AddedHosts::Generic) => &settings.generic_hosts,
            HostList::Added(AddedHosts::Mastodon) => &settings.mastodon_hosts,
        }
    }
}

/// What the user did, one variant per control that edits something.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The master switch (`#enabled`).
    Enabled(bool),
    /// The badge switch (`#badge`).
    Badge(bool),
    /// The profile memory switch (`#memory`, options).
    Memory(bool),
    /// Pause on the tab's host (`#pause`, popup).
    Pause(bool),
    /// Sincerely on the tab's host, generic or Mastodon (`#generic`, `#mastodon`, popup),
    /// once the browser granted the permission when switched on.
    TabHost(AddedHosts, bool),
    /// A site's switch (`#site-<id>`, options).
    Site(String, bool),
    /// A kind's switch (`#metric-<kind>`, options): on hides it, off shows it.
    Metric(MetricKind, bool),
    /// A kind's display select (`#display-<kind>`, options).
    Display(MetricKind, Display),
    /// A preset button (`#preset-<id>`).
    Preset(Preset),
    /// A host list's button (`#resume-<i>`, `#unlist-<i>`, `#unmastodon-<i>`, options).
    Remove(HostList, usize),
    /// A file chosen to import (`#import-file`, options): its text.
    Import(String),
    /// "Forget everything" (`#forget`), which asks first, and its cancel.
    AskForget,
    CancelForget,
    /// The forgetting was done (or failed): the question goes.
    Forgotten,
    /// The upgrade note's dismiss button (`#upgraded-ok`).
    DismissUpgrade,
}

/// What an action asks of the page besides rendering again.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Nothing to store: only the page changed.
    Page,
    /// Store this value under `STORAGE_KEY` (checked: valid and within the quota); then
    /// give back the permission of a host taken off an added list, if any.
    Save {
        value: Value,
        released: Option<(AddedHosts, String)>,
    },
}

/// Why an action changed nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    /// The edited settings may not be stored; the stored ones stay.
    #[error("settings not saved: {0}")]
    NotSaved(SettingsError),
    /// The file was not imported: every problem in it.
    #[error("settings not imported ({} problems)", .0.len())]
    NotImported(Vec<SettingsError>),
    /// The control acts on the tab's host and the tab has none (a browser page).
    #[error("the tab has no host")]
    NoHost,
    /// A host list's button for an entry that is gone (the list changed meanwhile).
    #[error("no host at {0}")]
    NoSuchEntry(usize),
}

impl FormError {
    /// The lines the page shows, as an alert.
    pub fn messages(&self) -> Vec<Message> {
        match self {
            FormError::NotSaved(error) => {
                vec![Message {
                    reason: Some(Box::new(error_message(error))),
                    ..msg("saveFailed", &[])
                }]
            }
            FormError::NotImported(errors) => std::iter::once(msg("importFailed", &[]))
                .chain(errors.iter().map(error_message))
                .collect(),
            // Nothing to say: the control is disabled or gone.
            FormError::NoHost | FormError::NoSuchEntry(_) => Vec::new(),
        }
    }
}

/// The message saying what is wrong with settings, for the user.
pub fn error_message(error: &SettingsError) -> Message {
    match error {
        SettingsError::NotJson { line, column, .. } => {
            msg("errNotJson", &[&line.to_string(), &column.to_string()])
        }
        SettingsError::NotSettings => msg("errNotSettings", &[]),
        SettingsError::TooNew(version) => msg("errTooNew", &[&version.to_string()]),
        SettingsError::UnknownField(field) => msg("errUnknownField", &[field]),
        SettingsError::BadField { field, message } => msg("errBadField", &[field, message]),
        SettingsError::BadHost { field, host } => msg("errBadHost", &[host, field]),
        SettingsError::TooManyHosts { field, max } => {
            msg("errTooManyHosts", &[field, &max.to_string()])
        }
        SettingsError::UnknownSite(site) => msg("errUnknownSite", &[site]),
        SettingsError::TooLarge { bytes, max } => {
            msg("errTooLarge", &[&bytes.to_string(), &max.to_string()])
        }
    }
}

/// A labelled switch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Switch {
    pub label: Message,
    pub checked: bool,
    pub disabled: bool,
}

/// One entry of a host list and its button.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostRow {
    pub list: HostList,
    pub index: usize,
    pub text: Message,
    pub button: Message,
}

/// A field that fell back to its default: `None` for the whole settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub field: Option<String>,
    pub message: String,
}

/// The upgrade note: its sentence, the fields that fell back (then it is an alert).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpgradeNote {
    pub message: Message,
    pub fell_back: Vec<Note>,
}

/// What every control shows. Popup-only parts are `None` (or empty) on the options page
/// and the other way round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    /// The tab's report (popup).
    pub tab_status: Option<Message>,
    /// The tab could not remember profiles, and why (popup).
    pub tab_memory: Option<Message>,
    pub enabled: bool,
    pub badge: bool,
    /// Pause on the tab's host; disabled without one (popup).
    pub pause: Option<Switch>,
    /// Sincerely on a Mastodon instance: shown on one known by its markup or enabled
    /// before, never on a built-in one, which is on like any supported site (popup).
    pub mastodon: Option<Switch>,
    /// Generic mode, on a host no rules know (popup).
    pub generic: Option<Switch>,
    /// The preset the settings match, whose button is pressed.
    pub preset: Option<Preset>,
    /// The rest is the options page's.
    pub memory: bool,
    pub asking_forget: bool,
    /// Each kind's display, in [`MetricKind::ALL`] order; its switch is on unless shown.
    pub metrics: Vec<(MetricKind, Display)>,
    /// Each site's id and whether it is on, in [`sites::all`] order.
    pub sites: Vec<(&'static str, bool)>,
    /// Paused hosts, then generic, then Mastodon ones.
    pub hosts: Vec<HostRow>,
    /// Both pages: the upgrade note and the fields that fell back.
    pub upgrade: Option<UpgradeNote>,
    pub fallbacks: Vec<Note>,
}

/// The tab the popup is about, as plain data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tab {
    /// The tab's host, lowercase; `None` on a page without one.
    pub host: Option<String>,
    /// The site the tab's markup shows, for sites served from any host (Mastodon).
    pub site: Option<String>,
    pub status: Option<TabStatus>,
}

/// The form: the settings as stored, what the page knows, and the forget question.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub page: Page,
    pub settings: Settings,
    /// The fields that fell back when the stored settings were read.
    pub warnings: Vec<SettingsWarning>,
    pub tab: Tab,
    pub upgrade: Option<Upgrade>,
    pub asking_forget: bool,
}

impl Form {
    /// A form for `page` with the default settings, until the stored ones are read.
    pub fn new(page: Page) -> Form {
        Form {
            page,
            settings: Settings::default(),
            warnings: Vec::new(),
            tab: Tab::default(),
            upgrade: None,
            asking_forget: false,
        }
    }

    /// Takes the stored value (`storage.sync` under `STORAGE_KEY`), leniently.
    pub fn load(&mut self, stored: &Value) {
        let (settings, warnings) = Settings::from_json_value(stored);
        self.settings = settings;
        self.warnings = warnings;
    }

    /// Takes a value someone else stored (the keyboard command, the other page); returns
    /// whether the settings changed, that is, whether the page must render again.
    pub fn stored_elsewhere(&mut self, stored: &Value) -> bool {
        let (settings, _) = Settings::from_json_value(stored);
        let changed = self.settings != settings;
        self.settings = settings;
        changed
    }

    /// Whether the popup should ask the tab which site its markup shows: a host no
    /// built-in rules know.
    pub fn should_probe(host: &str) -> bool {
        sites::for_host(host).is_none()
    }

    fn on_added_list(&self, kind: AddedHosts, host: &str) -> bool {
        let list = match kind {
            AddedHosts::Generic => &self.settings.generic_hosts,
            AddedHosts::Mastodon => &self.settings.mastodon_hosts,
        };
        list.iter().any(|known| known.eq_ignore_ascii_case(host))
    }

    /// What every control shows.
    pub fn view(&self) -> View {
        let settings = &self.settings;
        let popup = self.page == Page::Popup;
        let options = self.page == Page::Options;
        let host = self.tab.host.as_deref().filter(|_| popup);
        let tab_status = popup.then(|| match &self.tab.status {
            None => msg("tabNothing", &[]),
            Some(status) => match (&status.failed, status.failure.as_deref()) {
                (Some(_), Some("engine-crashed")) => msg("tabCrashed", &[]),
                (Some(_), Some("worker-lost")) => msg("tabWorkerLost", &[]),
                (Some(reason), _) => msg("tabFailed", &[reason]),
                (None, _) => msg("tabHidden", &[&status.hidden.to_string()]),
            },
        });
        let tab_memory = self
            .tab
            .status
            .as_ref()
            .and_then(|status| status.memory_error.as_deref())
            .filter(|_| popup)
            .map(|reason| msg("tabMemoryNotSaved", &[reason]));
        let pause = popup.then(|| match host {
            Some(host) => Switch {
                label: msg("pauseSite", &[host]),
                checked: settings.paused_on(host),
                disabled: false,
            },
            None => Switch {
                label: msg("pauseNoSite", &[]),
                checked: false,
                disabled: true,
            },
        });
        let unknown_host = host.filter(|host| sites::for_host(host).is_none());
        let mastodon = unknown_host.and_then(|host| {
            let enabled = self.on_added_list(AddedHosts::Mastodon, host);
            (enabled || self.tab.site.as_deref() == Some("mastodon")).then(|| Switch {
                label: msg("mastodonSite", &[host]),
                checked: enabled,
                disabled: false,
            })
        });
        let generic = unknown_host
            .filter(|host| {
                self.tab.site.is_none() && !self.on_added_list(AddedHosts::Mastodon, host)
            })
            .map(|host| Switch {
                label: msg("genericSite", &[host]),
                checked: settings.generic_hosts.iter().any(|known| known == host),
                disabled: false,
            });
        let metrics = if options {
            MetricKind::ALL
                .into_iter()
                .map(|kind| (kind, settings.display(kind)))
                .collect()
        } else {
            Vec::new()
        };
        let site_list = if options {
            sites::all()
                .iter()
                .map(|site| (site.id, settings.site_enabled(site.id)))
                .collect()
        } else {
            Vec::new()
        };
        let mut hosts = Vec::new();
        for list in HostList::ALL.into_iter().filter(|_| options) {
            let (text, button) = match list {
                HostList::Paused => ("pausedOn", "resumeHost"),
                HostList::Added(AddedHosts::Generic) => ("genericOn", "unlistHost"),
                HostList::Added(AddedHosts::Mastodon) => ("mastodonOn", "unlistHost"),
            };
            for (index, host) in list.hosts(settings).iter().enumerate() {
                hosts.push(HostRow {
                    list,
                    index,
                    text: msg(text, &[host]),
                    button: msg(button, &[host]),
                });
            }
        }
        let note = |warning: &SettingsWarning| Note {
            field: (!warning.field.is_empty()).then(|| warning.field.clone()),
            message: warning.message.clone(),
        };
        let upgrade = self.upgrade.as_ref().map(|upgrade| {
            let number = |n: Option<u64>| n.map_or_else(|| "?".to_string(), |n| n.to_string());
            let key = if upgrade.fell_back.is_empty() {
                "settingsUpgraded"
            } else {
                "settingsUpgradedFellBack"
            };
            UpgradeNote {
                message: msg(key, &[&number(upgrade.from), &number(upgrade.to)]),
                fell_back: upgrade.fell_back.iter().map(note).collect(),
            }
        });
        View {
            tab_status,
            tab_memory,
            enabled: settings.enabled,
            badge: settings.badge,
            pause,
            mastodon,
            generic,
            preset: settings.preset(),
            memory: settings.memory,
            asking_forget: options && self.asking_forget,
            metrics,
            sites: site_list,
            hosts,
            upgrade,
            fallbacks: self.warnings.iter().map(note).collect(),
        }
    }

    /// Applies what the user did. A settings edit yields the value to store and keeps
    /// the new settings; one that may not be stored changes nothing and says why.
    pub fn apply(&mut self, action: Action) -> Result<Outcome, FormError> {
        let mut next = self.settings.clone();
        let mut released = None;
        let import = matches!(action, Action::Import(_));
        match action {
            Action::AskForget | Action::CancelForget | Action::Forgotten => {
                self.asking_forget = action == Action::AskForget;
                return Ok(Outcome::Page);
            }
            Action::DismissUpgrade => {
                self.upgrade = None;
                return Ok(Outcome::Page);
            }
            Action::Enabled(on) => next.enabled = on,
            Action::Badge(on) => next.badge = on,
            Action::Memory(on) => next.memory = on,
            Action::Pause(paused) => {
                let host = self.tab.host.as_deref().ok_or(FormError::NoHost)?;
                if next.paused_on(host) != paused {
                    next.toggle_pause(host);
                }
            }
            Action::TabHost(kind, on) => {
                let host = self.tab.host.clone().ok_or(FormError::NoHost)?;
                let list = kind.list(&mut next);
                if on {
                    if !list.contains(&host) {
                        list.push(host);
                    }
                } else {
                    list.retain(|known| *known != host);
                    released = Some((kind, host));
                }
            }
            Action::Site(id, on) => {
                next.sites.insert(id, on);
            }
            Action::Metric(kind, hidden) => {
                let display = if hidden { Display::Hide } else { Display::Show };
                next.metrics.insert(kind, display);
            }
            Action::Display(kind, display) => {
                next.metrics.insert(kind, display);
            }
            Action::Preset(preset) => next.apply_preset(preset),
            Action::Remove(list, index) => {
                let hosts = match list {
                    HostList::Paused => &mut next.paused_hosts,
                    HostList::Added(kind) => kind.list(&mut next),
                };
                if index >= hosts.len() {
                    return Err(FormError::NoSuchEntry(index));
                }
                let host = hosts.remove(index);
                if let HostList::Added(kind) = list {
                    released = Some((kind, host));
                }
            }
            Action::Import(text) => {
                next = Settings::import(&text).map_err(FormError::NotImported)?;
            }
        }
        let value = next.to_storage_value().map_err(FormError::NotSaved)?;
        if import {
            // Every field read strictly: none fell back any more.
            self.warnings.clear();
        }
        self.settings = next;
        Ok(Outcome::Save { value, released })
    }
}

#[cfg(test)]
#[path = "../../tests/unit/form.rs"]
mod unit_tests;
