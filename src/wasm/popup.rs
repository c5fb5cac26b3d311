//! The popup and the options page: one export, `startPage("popup" | "options")`, builds
//! the page from the settings schema ([`crate::settings`]), the sites
//! ([`crate::sites::all`]) and the metric kinds ([`MetricKind::ALL`]), and writes every
//! change to `storage.sync` at once; the content scripts apply it live.
//!
//! ## Map
//! - `browser`: calls into `browser.*` / `chrome.*` (promises in both, MV3).
//! - `load` → `State` → `render` (the whole page, from the state) → one `change` and one
//!   `click` listener on the page root, dispatching on the control's id.
//! - A change edits the settings, saves them (validated, within the sync quota) and
//!   renders again, keeping the focus on the same control.
//!
//! Every string comes from `_locales` through `i18n.getMessage`.

use crate::recognize::MetricKind;
use crate::settings::{Display, Preset, Settings, SettingsError, SettingsWarning, STORAGE_KEY};
use crate::sites;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Which page is being built.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Page {
    Popup,
    Options,
}

/// A message shown under the controls: a polite status, or an alert with details.
#[derive(Clone, Default)]
struct Notice {
    alert: bool,
    lines: Vec<String>,
}

struct State {
    page: Page,
    loaded: bool,
    settings: Settings,
    warnings: Vec<SettingsWarning>,
    tab_host: Option<String>,
    tab_id: Option<f64>,
    /// The site the tab's markup shows, for sites served from any host (Mastodon).
    tab_site: Option<String>,
    tab_status: Option<serde_json::Value>,
    /// storage.local `settingsUpgrade`: the worker brought stored settings of an earlier
    /// version to this one (`from`, `to`, and the fields that fell back, `fellBack`).
    upgrade: Option<serde_json::Value>,
    asking_forget: bool,
    notice: Notice,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.with(|state| state.borrow_mut().as_mut().map(f))
}

/// Builds the page. `page` is "popup" or "options".
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(page: &str) -> Result<(), JsError> {
    let page = if page == "options" {
        Page::Options
    } else {
        Page::Popup
    };
    let document = gloo::utils::document();
    let root = document_element(&document)?;
    // The language of the messages file the browser picked, which is not always its
    // UI locale (@@ui_locale said en-US while the strings came from ja).
    root.set_attribute("lang", &t("lang", &[]))
        .map_err(js_error)?;
    root.set_attribute("dir", &t("@@bidi_dir", &[]))
        .map_err(js_error)?;
    document.set_title(&t(
        if page == Page::Options {
            "optionsTitle"
        } else {
            "extName"
        },
        &[],
    ));
    STATE.with(|state| {
        *state.borrow_mut() = Some(State {
            page,
            loaded: false,
            settings: Settings::default(),
            warnings: Vec::new(),
            tab_host: None,
            tab_id: None,
            tab_site: None,
            tab_status: None,
            upgrade: None,
            asking_forget: false,
            notice: Notice::default(),
        })
    });
    let app = app()?;
    listen(&app, "change", on_change)?;
    listen(&app, "click", on_click)?;
    // Renders the layout at once (invisible while busy) so that the loaded page takes
    // the same box: no jump when the data arrives.
    render();
    load(page);
    watch_storage();
    Ok(())
}

fn js_error(value: JsValue) -> JsError {
    JsError::new(&format!("{value:?}"))
}

fn document_element(document: &Document) -> Result<Element, JsError> {
    document
        .document_element()
        .ok_or_else(|| JsError::new("no document element"))
}

fn app() -> Result<HtmlElement, JsError> {
    gloo::utils::document()
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .ok_or_else(|| JsError::new("the page has no #app"))
}

fn listen(target: &HtmlElement, event: &str, handler: fn(&Element)) -> Result<(), JsError> {
    let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        // A click on a label's text or a button's inner span lands on the control.
        let control = target
            .closest("button, input, select")
            .ok()
            .flatten()
            .unwrap_or(target);
        handler(&control);
    });
    target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .map_err(js_error)?;
    // The listener lives as long as the page.
    closure.forget();
    Ok(())
}

// ---------------------------------------------------------------------------------
// browser: the extension APIs.

fn api() -> JsValue {
    let global = js_sys::global();
    let browser = Reflect::get(&global, &"browser".into()).unwrap_or(JsValue::UNDEFINED);
    if browser.is_undefined() {
        Reflect::get(&global, &"chrome".into()).unwrap_or(JsValue::UNDEFINED)
    } else {
        browser
    }
}

/// Calls `api.<path>(...args)`, e.g. `call("storage.sync.get", &[key])`.
fn call(path: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let mut parts: Vec<&str> = path.split('.').collect();
    let method = parts.pop().unwrap_or_default();
    let mut target = api();
    for part in parts {
        target = Reflect::get(&target, &part.into())?;
    }
    let function: Function = Reflect::get(&target, &method.into())?.dyn_into()?;
    function.apply(&target, &args.iter().collect::<Array>())
}

/// Like [`call`], for the APIs that return a promise.
fn call_async(path: &str, args: &[JsValue]) -> Promise {
    match call(path, args) {
        Ok(value) => value
            .dyn_into::<Promise>()
            .unwrap_or_else(|value| Promise::resolve(&value)),
        Err(error) => Promise::reject(&error),
    }
}

/// Runs `done` once `promise` settles.
fn then(promise: Promise, done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let on_error = done.clone();
    let ok = Closure::once_into_js(move |value: JsValue| {
        if let Some(done) = done.borrow_mut().take() {
            done(Ok(value));
        }
    });
    let error = Closure::once_into_js(move |error: JsValue| {
        if let Some(done) = on_error.borrow_mut().take() {
            done(Err(error));
        }
    });
    // Called through `then` itself: js-sys's typed `then2` wants scoped closures, and
    // these must outlive this call.
    if let Ok(then) = Reflect::get(&promise, &"then".into()).and_then(|f| f.dyn_into::<Function>())
    {
        let _ = then.call2(&promise, &ok, &error);
    }
}

/// The message `key` from `_locales`, with `$1`… substituted; the key itself if missing.
fn t(key: &str, substitutions: &[&str]) -> String {
    let substitutions: Array = substitutions.iter().map(|s| JsValue::from(*s)).collect();
    call("i18n.getMessage", &[key.into(), substitutions.into()])
        .ok()
        .and_then(|value| value.as_string())
        .filter(|message| !message.is_empty())
        .unwrap_or_else(|| key.to_string())
}

fn to_js(value: &serde_json::Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn from_js(value: JsValue) -> serde_json::Value {
    if value.is_undefined() {
        return serde_json::Value::Null;
    }
    serde_wasm_bindgen::from_value(value).unwrap_or(serde_json::Value::Null)
}

fn error_message(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

// ---------------------------------------------------------------------------------
// Loading and saving.

fn load(page: Page) {
    then(
        call_async("storage.sync.get", &[STORAGE_KEY.into()]),
        move |stored| {
            let value = stored
                .ok()
                .and_then(|object| Reflect::get(&object, &STORAGE_KEY.into()).ok())
                .map(from_js)
                .unwrap_or(serde_json::Value::Null);
            let (settings, warnings) = Settings::from_json_value(&value);
            with_state(|state| {
                state.settings = settings;
                state.warnings = warnings;
            });
            load_upgrade(page);
        },
    );
}

/// The note of a settings upgrade, if one is waiting to be read; then the rest.
fn load_upgrade(page: Page) {
    then(
        call_async("storage.local.get", &[UPGRADE_KEY.into()]),
        move |stored| {
            let upgrade = stored
                .ok()
                .and_then(|object| Reflect::get(&object, &UPGRADE_KEY.into()).ok())
                .map(from_js)
                .filter(serde_json::Value::is_object);
            with_state(|state| state.upgrade = upgrade);
            if page == Page::Popup {
                load_tab();
            } else {
                finish_loading();
            }
        },
    );
}

/// The storage.local key the worker writes after upgrading the settings (worker.js).
const UPGRADE_KEY: &str = "settingsUpgrade";

/// The tab the popup is about: the active tab, or `?tab=<id>` when the popup is opened
/// as a page of its own (the end-to-end tests do that).
fn load_tab() {
    let requested = gloo::utils::window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("tab"))
        .and_then(|id| id.parse::<f64>().ok());
    let promise = match requested {
        Some(id) => call_async("tabs.get", &[id.into()]),
        None => {
            let query = Object::new();
            let _ = Reflect::set(&query, &"active".into(), &true.into());
            let _ = Reflect::set(&query, &"currentWindow".into(), &true.into());
            call_async("tabs.query", &[query.into()])
        }
    };
    then(promise, |tab| {
        let tab = tab.unwrap_or(JsValue::UNDEFINED);
        let tab = if Array::is_array(&tab) {
            Array::from(&tab).get(0)
        } else {
            tab
        };
        let id = Reflect::get(&tab, &"id".into())
            .ok()
            .and_then(|id| id.as_f64());
        let host = Reflect::get(&tab, &"url".into())
            .ok()
            .and_then(|url| url.as_string())
            .and_then(|url| sites::host_of(&url).map(str::to_ascii_lowercase));
        let probe = host
            .as_deref()
            .is_some_and(|host| sites::for_host(host).is_none());
        with_state(|state| {
            state.tab_host = host;
            state.tab_id = id;
        });
        let Some(id) = id else {
            finish_loading();
            return;
        };
        let load_status = move || {
            let key = format!("tab:{id}");
            then(
                call_async("storage.session.get", &[key.clone().into()]),
                move |stored| {
                    let status = stored
                        .ok()
                        .and_then(|object| Reflect::get(&object, &key.into()).ok())
                        .map(from_js)
                        .filter(|value| !value.is_null());
                    with_state(|state| state.tab_status = status);
                    finish_loading();
                },
            );
        };
        if probe {
            detect_site(id, load_status);
        } else {
            load_status();
        }
    });
}

/// Asks the tab which site its markup shows (extension/generated/detect.js, generated
/// from the `detect` selectors of the site rules). The popup may run it because the user
/// opened it on that tab (activeTab); anywhere it may not, nothing is detected.
fn detect_site(tab_id: f64, done: impl FnOnce() + 'static) {
    let injection = Object::new();
    let target = Object::new();
    let _ = Reflect::set(&target, &"tabId".into(), &tab_id.into());
    let _ = Reflect::set(&injection, &"target".into(), &target);
    let files = Array::of1(&"generated/detect.js".into());
    let _ = Reflect::set(&injection, &"files".into(), &files);
    then(
        call_async("scripting.executeScript", &[injection.into()]),
        move |results| {
            let site = results
                .ok()
                .map(|results| Array::from(&results).get(0))
                .and_then(|first| Reflect::get(&first, &"result".into()).ok())
                .and_then(|id| id.as_string())
                .filter(|id| sites::detected_by_markup().any(|site| site.id == id));
            with_state(|state| state.tab_site = site);
            done();
        },
    );
}

fn finish_loading() {
    with_state(|state| state.loaded = true);
    render();
    // The moment the controls can be used, from navigation start: what
    // tests/e2e/popup.test.mjs reports as open-to-interactive.
    let _ = Reflect::get(&js_sys::global(), &"performance".into()).and_then(|performance| {
        let mark: Function = Reflect::get(&performance, &"mark".into())?.dyn_into()?;
        mark.call1(&performance, &"sincerely-interactive".into())
    });
}

/// Re-reads the settings when someone else changes them (the keyboard command, the
/// other page), unless they are what this page just wrote.
fn watch_storage() {
    let closure = Closure::<dyn FnMut(JsValue, JsValue)>::new(|changes: JsValue, area: JsValue| {
        if area.as_string().as_deref() != Some("sync") {
            return;
        }
        let Ok(change) = Reflect::get(&changes, &STORAGE_KEY.into()) else {
            return;
        };
        if change.is_undefined() {
            return;
        }
        let value = from_js(Reflect::get(&change, &"newValue".into()).unwrap_or_default());
        let (settings, _) = Settings::from_json_value(&value);
        let changed = with_state(|state| {
            let changed = state.settings != settings;
            state.settings = settings;
            changed
        });
        if changed == Some(true) {
            render();
        }
    });
    let Ok(on_changed) = Reflect::get(&api(), &"storage".into())
        .and_then(|storage| Reflect::get(&storage, &"onChanged".into()))
    else {
        return;
    };
    let _ = Reflect::get(&on_changed, &"addListener".into())
        .and_then(|add| add.dyn_into::<Function>())
        .and_then(|add| add.call1(&on_changed, closure.as_ref()));
    closure.forget();
}

/// Writes the settings; a value that may not be stored is not written and is said why.
fn save() {
    save_and(|| {});
}

/// [`save`], then `after` once the settings are stored.
fn save_and(after: impl FnOnce() + 'static) {
    let Some(value) = with_state(|state| state.settings.to_storage_value()) else {
        return;
    };
    match value {
        Ok(value) => {
            let items = Object::new();
            let _ = Reflect::set(&items, &STORAGE_KEY.into(), &to_js(&value));
            then(
                call_async("storage.sync.set", &[items.into()]),
                |result| match result {
                    Ok(_) => after(),
                    Err(error) => {
                        show_notice(true, vec![t("saveFailed", &[&error_message(&error)])])
                    }
                },
            );
        }
        Err(error) => show_notice(true, vec![t("saveFailed", &[&error_text(&error)])]),
    }
}

fn show_notice(alert: bool, lines: Vec<String>) {
    with_state(|state| state.notice = Notice { alert, lines });
    render();
}

fn error_text(error: &SettingsError) -> String {
    match error {
        SettingsError::NotJson { line, column, .. } => {
            t("errNotJson", &[&line.to_string(), &column.to_string()])
        }
        SettingsError::NotSettings => t("errNotSettings", &[]),
        SettingsError::TooNew(version) => t("errTooNew", &[&version.to_string()]),
        SettingsError::UnknownField(field) => t("errUnknownField", &[field]),
        SettingsError::BadField { field, message } => t("errBadField", &[field, message]),
        SettingsError::BadHost { field, host } => t("errBadHost", &[host, field]),
        SettingsError::TooManyHosts { field, max } => {
            t("errTooManyHosts", &[field, &max.to_string()])
        }
        SettingsError::UnknownSite(site) => t("errUnknownSite", &[site]),
        SettingsError::TooLarge { bytes, max } => {
            t("errTooLarge", &[&bytes.to_string(), &max.to_string()])
        }
    }
}

// ---------------------------------------------------------------------------------
// Events: one listener each for `change` and `click`, by control id.

fn display_from_id(id: &str) -> Option<Display> {
    serde_json::from_value(serde_json::Value::String(id.into())).ok()
}

fn kind_from_id(id: &str) -> Option<MetricKind> {
    serde_json::from_value(serde_json::Value::String(id.into())).ok()
}

fn on_change(control: &Element) {
    let id = control.id();
    let checked = control
        .dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::checked)
        .unwrap_or(false);
    if id == "import-file" {
        import_file(control);
        return;
    }
    if id == "generic" {
        added_host_changed(AddedHosts::Generic, checked);
        return;
    }
    if id == "mastodon" {
        added_host_changed(AddedHosts::Mastodon, checked);
        return;
    }
    let value = control
        .dyn_ref::<HtmlSelectElement>()
        .map(HtmlSelectElement::value);
    let edited = with_state(|state| {
        let settings = &mut state.settings;
        match id.as_str() {
            "enabled" => settings.enabled = checked,
            "badge" => settings.badge = checked,
            "memory" => settings.memory = checked,
            "pause" => {
                if let Some(host) = &state.tab_host {
                    if settings.paused_on(host) != checked {
                        settings.toggle_pause(host);
                    }
                }
            }
            _ => {
                if let Some(site) = id.strip_prefix("site-") {
                    settings.sites.insert(site.to_string(), checked);
                } else if let Some(kind) = id.strip_prefix("metric-").and_then(kind_from_id) {
                    let display = if checked {
                        Display::Hide
                    } else {
                        Display::Show
                    };
                    settings.metrics.insert(kind, display);
                } else if let (Some(kind), Some(display)) = (
                    id.strip_prefix("display-").and_then(kind_from_id),
                    value.as_deref().and_then(display_from_id),
                ) {
                    settings.metrics.insert(kind, display);
                } else {
                    return false;
                }
            }
        }
        state.notice = Notice::default();
        true
    });
    if edited == Some(true) {
        save();
        render();
    }
}

fn on_click(control: &Element) {
    if control.tag_name() != "BUTTON" {
        return;
    }
    match control.id().as_str() {
        id if id.starts_with("preset-") => {
            let Some(preset) = Preset::from_id(&id["preset-".len()..]) else {
                return;
            };
            with_state(|state| {
                state.settings.apply_preset(preset);
                state.notice = Notice::default();
            });
            save();
            render();
            focus(&format!("preset-{}", preset.id()));
        }
        "forget" => {
            with_state(|state| state.asking_forget = true);
            render();
            focus("forget-cancel");
        }
        "forget-cancel" => {
            with_state(|state| state.asking_forget = false);
            render();
            focus("forget");
        }
        "forget-confirm" => forget_everything(),
        "upgraded-ok" => {
            with_state(|state| state.upgrade = None);
            then(
                call_async("storage.local.remove", &[UPGRADE_KEY.into()]),
                |_| {},
            );
            render();
        }
        "open-options" => {
            let _ = call("runtime.openOptionsPage", &[]);
        }
        "export" => export_file(),
        id => {
            if let Some(index) = id.strip_prefix("resume-").and_then(|i| i.parse().ok()) {
                with_state(|state| {
                    if index < state.settings.paused_hosts.len() {
                        state.settings.paused_hosts.remove(index);
                    }
                    state.notice = Notice::default();
                });
                save();
                render();
                focus("h-hosts");
            } else if let Some(index) = id.strip_prefix("unlist-").and_then(|i| i.parse().ok()) {
                remove_added_host(AddedHosts::Generic, index);
            } else if let Some(index) = id.strip_prefix("unmastodon-").and_then(|i| i.parse().ok())
            {
                remove_added_host(AddedHosts::Mastodon, index);
            }
        }
    }
}

fn focus(id: &str) {
    if let Some(element) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The hosts the user added one by one from the popup, each with its optional host
/// permission: generic mode (the recognizer alone) and Mastodon instances (the Mastodon
/// rules, recognised by the page's markup).
#[derive(Clone, Copy)]
enum AddedHosts {
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

    /// The permission asked for `host`. Mastodon serves only https; a generic site may
    /// still be on http. One origin per scheme: Chrome refuses `*://host/*`, which no
    /// single pattern of `optional_host_permissions` contains.
    fn permission(self, host: &str) -> JsValue {
        let origins = Array::of1(&format!("https://{host}/*").into());
        if let AddedHosts::Generic = self {
            origins.push(&format!("http://{host}/*").into());
        }
        let request = Object::new();
        let _ = Reflect::set(&request, &"origins".into(), &origins);
        request.into()
    }
}

/// "Hide numbers on this site too" and "Enable Sincerely on <host> (Mastodon)": asks for
/// the optional permission for this one host (within the click, as browsers require),
/// then adds the host to its list; the worker registers the content script there and
/// reloads the tab. Switching it off gives the permission back.
fn added_host_changed(kind: AddedHosts, checked: bool) {
    let Some(Some((host, tab_id))) = with_state(|state| state.tab_host.clone().zip(state.tab_id))
    else {
        return;
    };
    let request = kind.permission(&host);
    let after_save = move || {
        let message = Object::new();
        let _ = Reflect::set(
            &message,
            &"what".into(),
            &crate::protocol::message::SYNC_GENERIC.into(),
        );
        let _ = Reflect::set(&message, &"tabId".into(), &tab_id.into());
        then(call_async("runtime.sendMessage", &[message.into()]), |_| {});
    };
    if checked {
        then(
            call_async("permissions.request", &[request]),
            move |granted| {
                if granted.ok().and_then(|g| g.as_bool()) != Some(true) {
                    show_notice(true, vec![t("genericDenied", &[])]);
                    return;
                }
                with_state(|state| {
                    let list = kind.list(&mut state.settings);
                    if !list.contains(&host) {
                        list.push(host);
                    }
                    state.notice = Notice::default();
                });
                save_and(after_save);
                render();
            },
        );
    } else {
        with_state(|state| {
            kind.list(&mut state.settings)
                .retain(|known| *known != host);
            state.notice = Notice::default();
        });
        save_and(move || {
            then(call_async("permissions.remove", &[request]), |_| {});
            after_save();
        });
        render();
    }
}

/// Options: stops Sincerely on the added host at `index` and gives its permission back.
fn remove_added_host(kind: AddedHosts, index: usize) {
    let Some(Some(host)) = with_state(|state| {
        let list = kind.list(&mut state.settings);
        (index < list.len()).then(|| list.remove(index))
    }) else {
        return;
    };
    let request = kind.permission(&host);
    save_and(move || {
        then(call_async("permissions.remove", &[request]), |_| {});
    });
    render();
    focus("h-hosts");
}

/// The `storage.local` key whose change tells open tabs that the user forgot every profile
/// (extension/content.js listens for it). Removed with the profiles.
const FORGET_SIGNAL: &str = "forgotten";

/// Removes the badge memory: every `storage.local` key starting with `profile:`.
///
/// A tab showing a profile holds what it remembered and may have a write of it on its
/// way; `FORGET_SIGNAL`, written before the removal, tells every tab to drop its memory
/// and take back its own writes (which land after them). The signal goes with the profiles.
fn forget_everything() {
    then(call_async("storage.local.get", &[JsValue::NULL]), |all| {
        let keys: Array = all
            .ok()
            .map(|all| Object::keys(all.unchecked_ref::<Object>()))
            .unwrap_or_default()
            .iter()
            .filter(|key| key.as_string().is_some_and(|k| k.starts_with("profile:")))
            .collect();
        let count = keys.length();
        keys.push(&FORGET_SIGNAL.into());
        let signal = Object::new();
        let _ = Reflect::set(&signal, &FORGET_SIGNAL.into(), &js_sys::Date::now().into());
        // Removed even if the signal could not be written (storage full).
        then(
            call_async("storage.local.set", &[signal.into()]),
            move |_| {
                then(
                    call_async("storage.local.remove", &[keys.into()]),
                    move |result| {
                        with_state(|state| state.asking_forget = false);
                        match result {
                            Ok(_) => {
                                show_notice(false, vec![t("forgotten", &[&count.to_string()])])
                            }
                            Err(error) => show_notice(true, vec![error_message(&error)]),
                        }
                        focus("forget");
                    },
                );
            },
        );
    });
}

fn export_file() {
    let Some(text) = with_state(|state| state.settings.export()) else {
        return;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = Array::of1(&text.into());
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", "sincerely-settings.json");
        if let Some(link) = link.dyn_ref::<HtmlElement>() {
            link.click();
        }
    }
    // Revoked later: Firefox starts the download after the click returns.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    show_notice(false, vec![t("exported", &[])]);
}

/// Reads the chosen file; applies it only if all of it is right.
fn import_file(control: &Element) {
    let Some(file) = control
        .dyn_ref::<HtmlInputElement>()
        .and_then(HtmlInputElement::files)
        .and_then(|files| files.get(0))
    else {
        return;
    };
    then(file.text(), |text| {
        let text = text.ok().and_then(|t| t.as_string()).unwrap_or_default();
        match Settings::import(&text) {
            Ok(settings) => {
                with_state(|state| {
                    state.settings = settings;
                    state.warnings.clear();
                });
                save();
                show_notice(false, vec![t("imported", &[])]);
            }
            Err(errors) => {
                let mut lines = vec![t("importFailed", &[])];
                lines.extend(errors.iter().map(error_text));
                show_notice(true, lines);
            }
        }
        // The same file can be chosen again after fixing it.
        if let Some(input) = gloo::utils::document()
            .get_element_by_id("import-file")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            input.set_value("");
        }
    });
}

// ---------------------------------------------------------------------------------
// Rendering: the whole page from the state.

fn element(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = gloo::utils::document()
        .create_element(tag)
        .expect("a known tag");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

fn with_text(element: Element, text: &str) -> Element {
    element.set_text_content(Some(text));
    element
}

fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

/// A labelled switch (a checkbox drawn as a switch).
fn switch(id: &str, label: &str, checked: bool, disabled: bool) -> Element {
    let row = element("div", &[("class", "row")]);
    let input = element(
        "input",
        &[("type", "checkbox"), ("id", id), ("class", "switch")],
    );
    if checked {
        let _ = input.set_attribute("checked", "");
    }
    if disabled {
        let _ = input.set_attribute("disabled", "");
    }
    let label = with_text(element("label", &[("for", id)]), label);
    append(&row, &[&label, &input]);
    row
}

fn section(id: &str, title: &str) -> Element {
    let section = element("section", &[("aria-labelledby", id)]);
    append(&section, &[&with_text(element("h2", &[("id", id)]), title)]);
    section
}

fn render() {
    let Ok(app) = app() else { return };
    let document = gloo::utils::document();
    let focused = document.active_element().map(|e| e.id());
    let built = with_state(|state| build(state));
    let Some(built) = built else { return };
    // Everything but the two live regions is rebuilt; they stay, so that assistive
    // technology announces what is written into them.
    let (notice, alert) = live_regions(&app);
    let children = app.children();
    for index in (0..children.length()).rev() {
        if let Some(child) = children.item(index) {
            if child != notice && child != alert {
                child.remove();
            }
        }
    }
    for node in built {
        let _ = app.insert_before(&node, Some(&notice));
    }
    if let Some(current) = with_state(|state| state.notice.clone()) {
        let (target, other) = if current.alert {
            (&alert, &notice)
        } else {
            (&notice, &alert)
        };
        fill_region(other, &[]);
        fill_region(target, &current.lines);
    }
    let loaded = with_state(|state| state.loaded).unwrap_or(false);
    let _ = app.set_attribute("aria-busy", if loaded { "false" } else { "true" });
    if let Some(id) = focused.filter(|id| !id.is_empty()) {
        focus(&id);
    }
}

/// The status region (`#notice`) and the alert region (`#alert`), made once.
fn live_regions(app: &HtmlElement) -> (Element, Element) {
    let document = gloo::utils::document();
    let region = |id: &str, role: &str, class: &str| {
        document.get_element_by_id(id).unwrap_or_else(|| {
            let region = element("div", &[("id", id), ("role", role), ("class", class)]);
            let _ = app.append_child(&region);
            region
        })
    };
    (
        region("notice", "status", "notice"),
        region("alert", "alert", "notice alert"),
    )
}

/// Writes `lines` into a live region unless it already holds them (no repeat
/// announcement on a render that changed nothing there).
fn fill_region(region: &Element, lines: &[String]) {
    let joined = lines.join("\n");
    if region.get_attribute("data-lines").unwrap_or_default() == joined {
        return;
    }
    let _ = region.set_attribute("data-lines", &joined);
    region.set_text_content(None);
    for line in lines {
        append(region, &[&with_text(element("p", &[]), line)]);
    }
}

fn build(state: &State) -> Vec<Element> {
    let settings = &state.settings;
    let mut out = Vec::new();
    let header = element("header", &[]);
    append(
        &header,
        &[&with_text(element("h1", &[]), &t("extName", &[]))],
    );
    if state.page == Page::Popup {
        let field = |name: &str| {
            state
                .tab_status
                .as_ref()
                .and_then(|status| status.get(name))
                .and_then(|value| value.as_str())
                .filter(|text| !text.is_empty())
        };
        // The tab's report (content.js `reportStatus`): off after a failure, and which.
        let text = match (&state.tab_status, field("failed"), field("failure")) {
            (None, _, _) => t("tabNothing", &[]),
            (Some(_), Some(_), Some("engine-crashed")) => t("tabCrashed", &[]),
            (Some(_), Some(_), Some("worker-lost")) => t("tabWorkerLost", &[]),
            (Some(_), Some(reason), _) => t("tabFailed", &[reason]),
            (Some(status), None, _) => {
                let hidden = status.get("hidden").and_then(|h| h.as_u64()).unwrap_or(0);
                t("tabHidden", &[&hidden.to_string()])
            }
        };
        append(
            &header,
            &[&with_text(
                element("p", &[("id", "tab-status"), ("role", "status")]),
                &text,
            )],
        );
        // Profiles that could not be remembered (storage.local full): the badge still
        // shows, but the next visit starts from nothing.
        if let Some(reason) = field("memoryError") {
            append(
                &header,
                &[&with_text(
                    element("p", &[("id", "tab-memory"), ("class", "notice alert")]),
                    &t("tabMemoryNotSaved", &[reason]),
                )],
            );
        }
    }
    out.push(header);

    // General.
    let general = section("h-general", &t("sectionGeneral", &[]));
    append(
        &general,
        &[&switch(
            "enabled",
            &t("enabled", &[]),
            settings.enabled,
            false,
        )],
    );
    if state.page == Page::Popup {
        let (label, paused, disabled) = match &state.tab_host {
            Some(host) => (t("pauseSite", &[host]), settings.paused_on(host), false),
            None => (t("pauseNoSite", &[]), false, true),
        };
        append(&general, &[&switch("pause", &label, paused, disabled)]);
        // A Mastodon instance (known by its markup, or enabled before): its rules, with
        // the user's permission for that host. A built-in one (mastodon.social) is on
        // already, like any supported site.
        if let Some(host) = state
            .tab_host
            .as_ref()
            .filter(|h| sites::for_host(h).is_none())
        {
            let enabled = settings
                .mastodon_hosts
                .iter()
                .any(|known| known.eq_ignore_ascii_case(host));
            if enabled || state.tab_site.as_deref() == Some("mastodon") {
                append(
                    &general,
                    &[&switch(
                        "mastodon",
                        &t("mastodonSite", &[host]),
                        enabled,
                        false,
                    )],
                );
            }
        }
        // Other sites without rules: the recognizer alone, with the user's permission.
        if let Some(host) = &state.tab_host {
            let known = sites::for_host(host).is_some()
                || state.tab_site.is_some()
                || settings
                    .mastodon_hosts
                    .iter()
                    .any(|known| known.eq_ignore_ascii_case(host));
            if !known {
                append(
                    &general,
                    &[&switch(
                        "generic",
                        &t("genericSite", &[host]),
                        settings.generic_hosts.iter().any(|h| h == host),
                        false,
                    )],
                );
            }
        }
    }
    append(
        &general,
        &[&switch("badge", &t("badge", &[]), settings.badge, false)],
    );
    out.push(general);

    // Presets: the few choices most people want, before the full grid.
    out.push(build_presets(settings));

    if state.page == Page::Popup {
        // The rest is on the options page: the popup stays within Chrome's 600 px.
        out.push(with_text(
            element(
                "button",
                &[
                    ("type", "button"),
                    ("id", "open-options"),
                    ("class", "link"),
                ],
            ),
            &t("openOptions", &[]),
        ));
        push_notes(state, &mut out);
        return out;
    }

    // Options: the profile memory, the per-kind grid, the sites, the hosts, the backup.
    let memory = section("h-memory", &t("sectionMemory", &[]));
    append(
        &memory,
        &[&switch("memory", &t("memory", &[]), settings.memory, false)],
    );
    let forget = element("div", &[("class", "row forget")]);
    if state.asking_forget {
        append(
            &forget,
            &[
                &with_text(
                    element("span", &[("id", "forget-ask")]),
                    &t("forgetAsk", &[]),
                ),
                &with_text(
                    element(
                        "button",
                        &[
                            ("type", "button"),
                            ("id", "forget-confirm"),
                            ("class", "danger"),
                            ("aria-describedby", "forget-ask"),
                        ],
                    ),
                    &t("forgetConfirm", &[]),
                ),
                &with_text(
                    element("button", &[("type", "button"), ("id", "forget-cancel")]),
                    &t("cancel", &[]),
                ),
            ],
        );
    } else {
        append(
            &forget,
            &[&with_text(
                element("button", &[("type", "button"), ("id", "forget")]),
                &t("forget", &[]),
            )],
        );
    }
    append(&memory, &[&forget]);
    out.push(memory);

    // Numbers: a switch and a display mode per kind.
    let numbers = section("h-numbers", &t("sectionNumbers", &[]));
    let list = element("div", &[("class", "metrics")]);
    for kind in MetricKind::ALL {
        let id = kind.id();
        let name = t(&format!("metric_{id}"), &[]);
        let display = settings.display(kind);
        let row = switch(
            &format!("metric-{id}"),
            &name,
            display != Display::Show,
            false,
        );
        let select = element(
            "select",
            &[
                ("id", &format!("display-{id}")),
                ("aria-label", &t("displayOf", &[&name])),
            ],
        );
        for option in [
            Display::Hide,
            Display::Coarse,
            Display::Hover,
            Display::Show,
        ] {
            let value = serde_json::to_value(option)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let item = with_text(
                element("option", &[("value", &value)]),
                &t(&format!("display_{value}"), &[]),
            );
            if option == display {
                let _ = item.set_attribute("selected", "");
            }
            append(&select, &[&item]);
        }
        append(&row, &[&select]);
        append(&list, &[&row]);
    }
    append(&numbers, &[&list]);
    out.push(numbers);

    // Sites.
    let sites_section = section("h-sites", &t("sectionSites", &[]));
    for site in sites::all() {
        append(
            &sites_section,
            &[&switch(
                &format!("site-{}", site.id),
                site.name,
                settings.site_enabled(site.id),
                false,
            )],
        );
    }
    out.push(sites_section);

    {
        // The hosts the popup added one by one: paused, and generic mode.
        let hosts = section("h-hosts", &t("sectionHosts", &[]));
        let _ = hosts
            .first_element_child()
            .map(|heading| heading.set_attribute("tabindex", "-1"));
        let lists = [
            ("resume", "resumeHost", &settings.paused_hosts),
            ("unlist", "unlistHost", &settings.generic_hosts),
            ("unmastodon", "unlistHost", &settings.mastodon_hosts),
        ];
        if lists.iter().all(|(_, _, list)| list.is_empty()) {
            append(
                &hosts,
                &[&with_text(element("p", &[]), &t("hostsNone", &[]))],
            );
        }
        for (prefix, key, list) in lists {
            for (index, host) in list.iter().enumerate() {
                let row = element("div", &[("class", "row")]);
                let text_key = match prefix {
                    "resume" => "pausedOn",
                    "unlist" => "genericOn",
                    _ => "mastodonOn",
                };
                append(
                    &row,
                    &[
                        &with_text(element("span", &[("class", "host")]), &t(text_key, &[host])),
                        &with_text(
                            element(
                                "button",
                                &[("type", "button"), ("id", &format!("{prefix}-{index}"))],
                            ),
                            &t(key, &[host]),
                        ),
                    ],
                );
                append(&hosts, &[&row]);
            }
        }
        out.push(hosts);
        let backup = section("h-backup", &t("sectionBackup", &[]));
        let row = element("div", &[("class", "row backup")]);
        append(
            &row,
            &[
                &with_text(
                    element("button", &[("type", "button"), ("id", "export")]),
                    &t("exportFile", &[]),
                ),
                &with_text(
                    element("label", &[("for", "import-file"), ("class", "file")]),
                    &t("importFile", &[]),
                ),
                &element(
                    "input",
                    &[
                        ("type", "file"),
                        ("id", "import-file"),
                        ("accept", ".json,application/json"),
                    ],
                ),
            ],
        );
        append(&backup, &[&row]);
        out.push(backup);
    }
    push_notes(state, &mut out);
    out
}

/// The preset buttons, the one the settings match pressed.
fn build_presets(settings: &Settings) -> Element {
    let presets = section("h-presets", &t("sectionPresets", &[]));
    let list = element("div", &[("class", "presets")]);
    let current = settings.preset();
    for preset in Preset::ALL {
        let id = preset.id();
        let pressed = if current == Some(preset) {
            "true"
        } else {
            "false"
        };
        let button = with_text(
            element(
                "button",
                &[
                    ("type", "button"),
                    ("id", &format!("preset-{id}")),
                    ("aria-pressed", pressed),
                ],
            ),
            &t(&format!("preset_{}", id.replace('-', "_")), &[]),
        );
        append(&list, &[&button]);
    }
    append(&presets, &[&list]);
    presets
}

/// An upgrade of stored settings, what fell back to defaults (the last notice follows):
/// all at the end, so that none moves a control.
fn push_notes(state: &State, out: &mut Vec<Element>) {
    if let Some(upgrade) = &state.upgrade {
        out.push(build_upgrade(upgrade));
    }
    if !state.warnings.is_empty() {
        let fallbacks = element("div", &[("id", "fallbacks"), ("class", "notice alert")]);
        append(
            &fallbacks,
            &[&with_text(element("p", &[]), &t("fallbackIntro", &[]))],
        );
        let list = element("ul", &[]);
        for warning in &state.warnings {
            let field = if warning.field.is_empty() {
                t("fallbackAll", &[])
            } else {
                warning.field.clone()
            };
            append(
                &list,
                &[&with_text(
                    element("li", &[]),
                    &format!("{field}: {}", warning.message),
                )],
            );
        }
        append(&fallbacks, &[&list]);
        out.push(fallbacks);
    }
}

/// "Your settings were brought from version 1 to 2", with what could not be kept, and a
/// button that dismisses it.
fn build_upgrade(upgrade: &serde_json::Value) -> Element {
    let number = |name: &str| {
        upgrade
            .get(name)
            .and_then(|v| v.as_u64())
            .map(|v| v.to_string())
            .unwrap_or_else(|| "?".into())
    };
    let (from, to) = (number("from"), number("to"));
    let fell_back: Vec<(String, String)> = upgrade
        .get("fellBack")
        .and_then(|list| list.as_array())
        .into_iter()
        .flatten()
        .map(|warning| {
            let text = |name: &str| {
                warning
                    .get(name)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            (text("field"), text("message"))
        })
        .collect();
    let note = element("div", &[("id", "upgraded"), ("class", "notice")]);
    let key = if fell_back.is_empty() {
        "settingsUpgraded"
    } else {
        "settingsUpgradedFellBack"
    };
    append(
        &note,
        &[&with_text(element("p", &[]), &t(key, &[&from, &to]))],
    );
    if !fell_back.is_empty() {
        let _ = note.set_attribute("class", "notice alert");
        let list = element("ul", &[]);
        for (field, message) in fell_back {
            let field = if field.is_empty() {
                t("fallbackAll", &[])
            } else {
                field
            };
            append(
                &list,
                &[&with_text(
                    element("li", &[]),
                    &format!("{field}: {message}"),
                )],
            );
        }
        append(&note, &[&list]);
    }
    append(
        &note,
        &[&with_text(
            element("button", &[("type", "button"), ("id", "upgraded-ok")]),
            &t("upgradeDismiss", &[]),
        )],
    );
    note
}
