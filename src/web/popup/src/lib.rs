//! The popup and the options page's view: one export, `startPage("popup" | "options")`.
//! The pages' markup is static (extension/popup.html, options.html); this fills its
//! `data-i18n` texts, renders the settings form's view ([`sincerely::settings::form`]) into
//! the controls, found by id, and turns the user's changes into the form's actions, whose
//! settings it writes to `storage.sync` at once; the content scripts apply them live.
//!
//! ## Map
//! - `browser`: the extension APIs, typed imports, awaited with wasm-bindgen-futures.
//! - `start_page` → `localize`, the grid's and the sites' rows → `load` (settings, the
//!   upgrade note, the popup's tab) → `render`.
//! - One `change` and one `click` listener on `#app`, dispatching on the control's id to
//!   a [`form::Action`]; an edit renders at once and saves in the background.

mod browser;

use js_sys::Array;
use serde_json::{json, Value};
use sincerely::recognize::MetricKind;
use sincerely::settings::form::{self, Action, AddedHosts, Form, HostList, Message, Outcome};
use sincerely::settings::{Display, Preset, STORAGE_KEY};
use sincerely::sites;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Document, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// A message shown under the controls: a polite status, or an alert with details.
#[derive(Clone, Default)]
struct Notice {
    alert: bool,
    lines: Vec<String>,
}

struct State {
    form: Form,
    loaded: bool,
    tab_id: Option<f64>,
    notice: Notice,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.with(|state| state.borrow_mut().as_mut().map(f))
}

/// Rust panics become readable console errors.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Fills and runs the page. `page` is "popup" or "options".
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(page: &str) -> Result<(), JsError> {
    let page = if page == "options" {
        form::Page::Options
    } else {
        form::Page::Popup
    };
    let document = gloo::utils::document();
    let root = document
        .document_element()
        .ok_or_else(|| JsError::new("no document element"))?;
    // The language of the messages file the browser picked, which is not always its
    // UI locale (@@ui_locale said en-US while the strings came from ja).
    root.set_attribute("lang", &t("lang", &[]))
        .map_err(js_error)?;
    root.set_attribute("dir", &t("@@bidi_dir", &[]))
        .map_err(js_error)?;
    localize(&document)?;
    if page == form::Page::Options {
        build_rows(&document)?;
    }
    STATE.with(|state| {
        *state.borrow_mut() = Some(State {
            form: Form::new(page),
            loaded: false,
            tab_id: None,
            notice: Notice::default(),
        })
    });
    let app = by_id("app").ok_or_else(|| JsError::new("the page has no #app"))?;
    listen(&app, "change", on_change)?;
    listen(&app, "click", on_click)?;
    // The layout at once (invisible while busy), so that the loaded page takes the same
    // box: no jump when the data arrives.
    render();
    spawn_local(load(page));
    watch_storage();
    Ok(())
}

fn js_error(value: JsValue) -> JsError {
    JsError::new(&error_message(&value))
}

fn error_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

fn by_id(id: &str) -> Option<Element> {
    gloo::utils::document().get_element_by_id(id)
}

fn listen(target: &Element, event: &str, handler: fn(&Element)) -> Result<(), JsError> {
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
// Texts.

/// The message `key` from `_locales`, with `$1`… substituted; the key itself if missing.
fn t(key: &str, substitutions: &[&str]) -> String {
    let substitutions: Array = substitutions.iter().map(|s| JsValue::from(*s)).collect();
    let message = browser::get_message(key, &substitutions);
    if message.is_empty() {
        key.to_string()
    } else {
        message
    }
}

/// A form's [`Message`], its nested reason looked up first.
fn text(message: &Message) -> String {
    let mut args: Vec<String> = message.reason.iter().map(|reason| text(reason)).collect();
    args.extend(message.args.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    t(&message.key, &args)
}

/// Sets the text of every `data-i18n` element, in the page and in its templates, to its
/// message. Text only: no markup comes from the messages.
fn localize(document: &Document) -> Result<(), JsError> {
    let fill = |list: web_sys::NodeList| {
        for index in 0..list.length() {
            let Some(element) = list.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(key) = element.get_attribute("data-i18n") {
                element.set_text_content(Some(&t(&key, &[])));
            }
        }
    };
    fill(
        document
            .query_selector_all("[data-i18n]")
            .map_err(js_error)?,
    );
    let templates = document.query_selector_all("template").map_err(js_error)?;
    for index in 0..templates.length() {
        if let Some(template) = templates
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::HtmlTemplateElement>().ok())
        {
            fill(
                template
                    .content()
                    .query_selector_all("[data-i18n]")
                    .map_err(js_error)?,
            );
        }
    }
    Ok(())
}

/// A copy of the template `id`'s first element.
fn from_template(id: &str) -> Option<Element> {
    by_id(id)?
        .dyn_into::<web_sys::HtmlTemplateElement>()
        .ok()?
        .content()
        .first_element_child()?
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<Element>()
        .ok()
}

/// The options page's rows that follow the kinds and the sites: one per kind in the
/// grid, one per site.
fn build_rows(document: &Document) -> Result<(), JsError> {
    let missing = || JsError::new("the options page lacks a row template");
    let grid = document.get_element_by_id("metrics").ok_or_else(missing)?;
    for kind in MetricKind::ALL {
        let id = kind.id();
        let name = t(&format!("metric_{id}"), &[]);
        let row = from_template("tpl-metric").ok_or_else(missing)?;
        let control = |selector: &str| row.query_selector(selector).ok().flatten();
        let (Some(label), Some(input), Some(select)) =
            (control("label"), control("input"), control("select"))
        else {
            return Err(missing());
        };
        let _ = label.set_attribute("for", &format!("metric-{id}"));
        label.set_text_content(Some(&name));
        input.set_id(&format!("metric-{id}"));
        select.set_id(&format!("display-{id}"));
        let _ = select.set_attribute("aria-label", &t("displayOf", &[&name]));
        grid.append_child(&row).map_err(js_error)?;
    }
    let list = document.get_element_by_id("sites").ok_or_else(missing)?;
    for site in sites::all() {
        let row = from_template("tpl-site").ok_or_else(missing)?;
        let control = |selector: &str| row.query_selector(selector).ok().flatten();
        let (Some(label), Some(input)) = (control("label"), control("input")) else {
            return Err(missing());
        };
        let _ = label.set_attribute("for", &format!("site-{}", site.id));
        label.set_text_content(Some(site.name));
        input.set_id(&format!("site-{}", site.id));
        list.append_child(&row).map_err(js_error)?;
    }
    Ok(())
}

fn to_js(value: &Value) -> JsValue {
    use serde::Serialize;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn from_js(value: &JsValue) -> Value {
    if value.is_undefined() {
        return Value::Null;
    }
    serde_wasm_bindgen::from_value(value.clone()).unwrap_or(Value::Null)
}

/// The item `key` of what a `storage.*.get` gave.
fn item(stored: Result<JsValue, JsValue>, key: &str) -> Value {
    stored
        .map(|items| from_js(&items))
        .ok()
        .and_then(|mut items| items.get_mut(key).map(Value::take))
        .unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------
// Loading and saving.

/// The storage.local key the worker writes after upgrading the settings (worker.js).
const UPGRADE_KEY: &str = "settingsUpgrade";

async fn load(page: form::Page) {
    let storage = browser::storage();
    let stored = item(storage.sync.get(&STORAGE_KEY.into()).await, STORAGE_KEY);
    with_state(|state| state.form.load(&stored));
    // The note of a settings upgrade, if one is waiting to be read.
    let upgrade = item(storage.local.get(&UPGRADE_KEY.into()).await, UPGRADE_KEY);
    with_state(|state| state.form.upgrade = form::Upgrade::from_json(&upgrade));
    if page == form::Page::Popup {
        load_tab(&storage).await;
    }
    with_state(|state| state.loaded = true);
    render();
    // The moment the controls can be used, from navigation start: what
    // tests/e2e/popup.test.mjs reports as open-to-interactive.
    let _ = browser::performance_mark("sincerely-interactive");
}

/// The tab the popup is about: the active tab, or `?tab=<id>` when the popup is opened
/// as a page of its own (the end-to-end tests do that); its host, the site its markup
/// shows where no rules know the host, and what its content script reported.
async fn load_tab(storage: &browser::Storage) {
    let requested = gloo::utils::window()
        .location()
        .search()
        .ok()
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("tab"))
        .and_then(|id| id.parse::<f64>().ok());
    let tab = match requested {
        Some(id) => browser::tab(id).await,
        None => browser::tabs(&to_js(&json!({"active": true, "currentWindow": true}))).await,
    };
    let tab = tab.map(|tab| from_js(&tab)).unwrap_or(Value::Null);
    let tab = if tab.is_array() { tab[0].clone() } else { tab };
    let id = tab.get("id").and_then(Value::as_f64);
    let host = tab
        .get("url")
        .and_then(Value::as_str)
        .and_then(sites::host_of)
        .map(str::to_ascii_lowercase);
    let probe = host.as_deref().is_some_and(Form::should_probe);
    with_state(|state| {
        state.form.tab.host = host;
        state.tab_id = id;
    });
    let Some(id) = id else { return };
    if probe {
        let site = detect_site(id).await;
        with_state(|state| state.form.tab.site = site);
    }
    let key = format!("tab:{id}");
    let status = item(storage.session.get(&key.as_str().into()).await, &key);
    with_state(|state| {
        state.form.tab.status = (!status.is_null()).then(|| form::TabStatus::from_json(&status))
    });
}

/// Asks the tab which site its markup shows (extension/generated/detect.js, generated
/// from the `detect` selectors of the site rules). The popup may run it because the user
/// opened it on that tab (activeTab); anywhere it may not, nothing is detected.
async fn detect_site(tab_id: f64) -> Option<String> {
    let injection = json!({"target": {"tabId": tab_id}, "files": ["generated/detect.js"]});
    let results = browser::execute_script(&to_js(&injection)).await.ok()?;
    let site = from_js(&results)[0]["result"].as_str()?.to_string();
    sites::detected_by_markup()
        .any(|known| known.id == site)
        .then_some(site)
}

/// Re-reads the settings when someone else changes them (the keyboard command, the
/// other page), unless they are what this page just wrote.
fn watch_storage() {
    let closure = Closure::<dyn FnMut(JsValue, JsValue)>::new(|changes: JsValue, area: JsValue| {
        if area.as_string().as_deref() != Some("sync") {
            return;
        }
        let changes = from_js(&changes);
        let Some(change) = changes.get(STORAGE_KEY) else {
            return;
        };
        let stored = change.get("newValue").cloned().unwrap_or(Value::Null);
        if with_state(|state| state.form.stored_elsewhere(&stored)) == Some(true) {
            render();
        }
    });
    browser::on_storage_changed(&closure);
    closure.forget();
}

/// Writes a value the form checked; says why when the browser refuses it. Returns
/// whether it was written.
async fn save(value: Value) -> bool {
    let mut items = serde_json::Map::new();
    items.insert(STORAGE_KEY.to_string(), value);
    let storage = browser::storage();
    match storage.sync.set(&to_js(&Value::Object(items))).await {
        Ok(_) => true,
        Err(error) => {
            show_notice(true, vec![t("saveFailed", &[&error_message(&error)])]);
            false
        }
    }
}

fn show_notice(alert: bool, lines: Vec<String>) {
    with_state(|state| state.notice = Notice { alert, lines });
    render();
}

/// The permission request for `host` on an added list.
fn permission(kind: AddedHosts, host: &str) -> JsValue {
    to_js(&json!({ "origins": kind.origins(host) }))
}

/// Applies `action`, renders, and saves what it yields in the background; then gives back
/// the permission of a host taken off an added list, and tells the worker when the tab's
/// own host changed (it registers the content script there and reloads the tab).
fn act(action: Action) {
    let tab_host = matches!(action, Action::TabHost(..));
    let Some(result) = with_state(|state| {
        let result = state.form.apply(action);
        if let Ok(Outcome::Save { .. }) = result {
            state.notice = Notice::default();
        }
        result
    }) else {
        return;
    };
    match result {
        Ok(Outcome::Page) => render(),
        Ok(Outcome::Save { value, released }) => {
            render();
            let tab_id = with_state(|state| state.tab_id).flatten();
            spawn_local(async move {
                if !save(value).await {
                    return;
                }
                if let Some((kind, host)) = released {
                    let _ = browser::remove_permissions(&permission(kind, &host)).await;
                }
                if let (true, Some(tab_id)) = (tab_host, tab_id) {
                    let message = json!({"what": sincerely::protocol::message::SYNC_GENERIC, "tabId": tab_id});
                    let _ = browser::send_message(&to_js(&message)).await;
                }
            });
        }
        Err(error) => {
            let lines: Vec<String> = error.messages().iter().map(text).collect();
            if lines.is_empty() {
                render();
            } else {
                show_notice(true, lines);
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Events: one listener each for `change` and `click`, by control id.

fn display_from_id(id: &str) -> Option<Display> {
    serde_json::from_value(Value::String(id.into())).ok()
}

fn kind_from_id(id: &str) -> Option<MetricKind> {
    serde_json::from_value(Value::String(id.into())).ok()
}

fn on_change(control: &Element) {
    let id = control.id();
    let checked = control
        .dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::checked)
        .unwrap_or(false);
    let action = match id.as_str() {
        "import-file" => return import_file(control),
        "generic" => return added_host_changed(AddedHosts::Generic, checked),
        "mastodon" => return added_host_changed(AddedHosts::Mastodon, checked),
        "enabled" => Action::Enabled(checked),
        "badge" => Action::Badge(checked),
        "memory" => Action::Memory(checked),
        "pause" => Action::Pause(checked),
        _ => {
            let value = control
                .dyn_ref::<HtmlSelectElement>()
                .map(HtmlSelectElement::value);
            if let Some(site) = id.strip_prefix("site-") {
                Action::Site(site.to_string(), checked)
            } else if let Some(kind) = id.strip_prefix("metric-").and_then(kind_from_id) {
                Action::Metric(kind, checked)
            } else if let (Some(kind), Some(display)) = (
                id.strip_prefix("display-").and_then(kind_from_id),
                value.as_deref().and_then(display_from_id),
            ) {
                Action::Display(kind, display)
            } else {
                return;
            }
        }
    };
    act(action);
}

fn on_click(control: &Element) {
    if control.tag_name() != "BUTTON" {
        return;
    }
    match control.id().as_str() {
        id if id.starts_with("preset-") => {
            if let Some(preset) = Preset::from_id(&id["preset-".len()..]) {
                act(Action::Preset(preset));
            }
        }
        "forget" => {
            act(Action::AskForget);
            focus("forget-cancel");
        }
        "forget-cancel" => {
            act(Action::CancelForget);
            focus("forget");
        }
        "forget-confirm" => spawn_local(forget_everything()),
        "upgraded-ok" => {
            act(Action::DismissUpgrade);
            spawn_local(async {
                let _ = browser::storage().local.remove(&UPGRADE_KEY.into()).await;
            });
        }
        "open-options" => spawn_local(async {
            let _ = browser::open_options_page().await;
        }),
        "export" => export_file(),
        id => {
            if let Some((list, index)) = HostList::from_button_id(id) {
                act(Action::Remove(list, index));
                focus("h-hosts");
            }
        }
    }
}

fn focus(id: &str) {
    if let Some(element) = by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// "Hide numbers on this site too" and "Enable Sincerely on <host> (Mastodon)": asks for
/// the optional permission for this one host (within the click, as browsers require),
/// then adds the host to its list. Switching it off gives the permission back.
fn added_host_changed(kind: AddedHosts, checked: bool) {
    let Some(Some(host)) = with_state(|state| state.form.tab.host.clone()) else {
        return;
    };
    if !checked {
        act(Action::TabHost(kind, false));
        return;
    }
    let request = browser::request_permissions(&permission(kind, &host));
    spawn_local(async move {
        let granted = match request {
            Ok(promise) => JsFuture::from(promise).await.ok(),
            Err(_) => None,
        };
        if granted.and_then(|granted| granted.as_bool()) == Some(true) {
            act(Action::TabHost(kind, true));
        } else {
            show_notice(true, vec![t("genericDenied", &[])]);
        }
    });
}

/// The `storage.local` key whose change tells open tabs that the user forgot every profile
/// (extension/content.js listens for it). Removed with the profiles.
const FORGET_SIGNAL: &str = "forgotten";

/// Removes the badge memory: every `storage.local` key starting with `profile:`.
///
/// A tab showing a profile holds what it remembered and may have a write of it on its
/// way; `FORGET_SIGNAL`, written before the removal, tells every tab to drop its memory
/// and take back its own writes (which land after them). The signal goes with the profiles.
async fn forget_everything() {
    let storage = browser::storage();
    let all = storage
        .local
        .get(&JsValue::NULL)
        .await
        .map(|all| from_js(&all));
    let mut keys: Vec<String> = all
        .ok()
        .and_then(|all| all.as_object().map(|all| all.keys().cloned().collect()))
        .unwrap_or_default();
    keys.retain(|key| key.starts_with("profile:"));
    let count = keys.len();
    keys.push(FORGET_SIGNAL.to_string());
    let signal = json!({ FORGET_SIGNAL: js_sys::Date::now() });
    // Removed even if the signal could not be written (storage full).
    let _ = storage.local.set(&to_js(&signal)).await;
    let removed = storage.local.remove(&to_js(&json!(keys))).await;
    act(Action::Forgotten);
    match removed {
        Ok(_) => show_notice(false, vec![t("forgotten", &[&count.to_string()])]),
        Err(error) => show_notice(true, vec![error_message(&error)]),
    }
    focus("forget");
}

fn export_file() {
    let Some(text) = with_state(|state| state.form.settings.export()) else {
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

/// Reads the chosen file; the form applies it only if all of it is right.
fn import_file(control: &Element) {
    let Some(input) = control.dyn_ref::<HtmlInputElement>().cloned() else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    spawn_local(async move {
        let contents = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|contents| contents.as_string())
            .unwrap_or_default();
        let imported = with_state(|state| state.form.apply(Action::Import(contents)));
        match imported {
            Some(Ok(Outcome::Save { value, .. })) => {
                show_notice(false, vec![t("imported", &[])]);
                save(value).await;
            }
            Some(Err(error)) => show_notice(true, error.messages().iter().map(text).collect()),
            _ => {}
        }
        // The same file can be chosen again after fixing it.
        input.set_value("");
    });
}

// ---------------------------------------------------------------------------------
// Rendering: the form's view into the page's controls.

fn set_switch(id: &str, checked: bool) {
    if let Some(input) = by_id(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        input.set_checked(checked);
    }
}

fn set_text(id: &str, text: &str) {
    if let Some(element) = by_id(id) {
        element.set_text_content(Some(text));
    }
}

/// Shows the part `id` made from the template `tpl-<id>`, right after the template, or
/// takes it away; returns it when shown.
fn optional(id: &str, shown: bool) -> Option<Element> {
    let current = by_id(id);
    if !shown {
        if let Some(current) = current {
            current.remove();
        }
        return None;
    }
    if current.is_some() {
        return current;
    }
    let template = by_id(&format!("tpl-{id}"))?;
    let made = from_template(&format!("tpl-{id}"))?;
    template.after_with_node_1(&made).ok()?;
    Some(made)
}

/// A switch that is there only sometimes: its row made from `tpl-<id>`, its label set.
fn optional_switch(id: &str, switch: Option<&form::Switch>) {
    if optional(id, switch.is_some()).is_none() {
        return;
    }
    if let Some(switch) = switch {
        render_switch(id, switch);
    }
}

fn render_switch(id: &str, switch: &form::Switch) {
    if let Ok(Some(label)) = gloo::utils::document().query_selector(&format!("label[for={id}]")) {
        label.set_text_content(Some(&text(&switch.label)));
    }
    if let Some(input) = by_id(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        input.set_checked(switch.checked);
        input.set_disabled(switch.disabled);
    }
}

/// Replaces the items of the list `ul` inside `parent` with one per line.
fn fill_list(parent: &Element, lines: &[String]) {
    let Ok(Some(list)) = parent.query_selector("ul") else {
        return;
    };
    list.set_text_content(None);
    for line in lines {
        if let Ok(item) = gloo::utils::document().create_element("li") {
            item.set_text_content(Some(line));
            let _ = list.append_child(&item);
        }
    }
}

fn note_lines(notes: &[form::Note]) -> Vec<String> {
    notes
        .iter()
        .map(|note| {
            let field = note.field.clone().unwrap_or_else(|| t("fallbackAll", &[]));
            format!("{field}: {}", note.message)
        })
        .collect()
}

fn render() {
    let Some((view, notice, loaded)) =
        with_state(|state| (state.form.view(), state.notice.clone(), state.loaded))
    else {
        return;
    };
    let focused = gloo::utils::document().active_element().map(|e| e.id());

    if let Some(status) = &view.tab_status {
        set_text("tab-status", &text(status));
    }
    if let Some(memory) = optional("tab-memory", view.tab_memory.is_some()) {
        memory.set_text_content(view.tab_memory.as_ref().map(text).as_deref());
    }
    set_switch("enabled", view.enabled);
    if let Some(pause) = &view.pause {
        render_switch("pause", pause);
    }
    optional_switch("mastodon", view.mastodon.as_ref());
    optional_switch("generic", view.generic.as_ref());
    set_switch("badge", view.badge);
    for preset in Preset::ALL {
        if let Some(button) = by_id(&format!("preset-{}", preset.id())) {
            let pressed = if view.preset == Some(preset) {
                "true"
            } else {
                "false"
            };
            let _ = button.set_attribute("aria-pressed", pressed);
        }
    }

    // The options page.
    set_switch("memory", view.memory);
    for (id, asking) in [
        ("forget-ask", true),
        ("forget-confirm", true),
        ("forget-cancel", true),
        ("forget", false),
    ] {
        if let Some(element) = by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            element.set_hidden(asking != view.asking_forget);
        }
    }
    for (kind, display) in &view.metrics {
        set_switch(&format!("metric-{}", kind.id()), *display != Display::Show);
        if let Some(select) = by_id(&format!("display-{}", kind.id()))
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        {
            if let Value::String(value) = json!(display) {
                select.set_value(&value);
            }
        }
    }
    for (site, on) in &view.sites {
        set_switch(&format!("site-{site}"), *on);
    }
    if let Some(section) = by_id("hosts") {
        render_hosts(&section, &view.hosts);
    }

    // Both: the notes at the end, so that none moves a control.
    if let Some(note) = optional("upgraded", view.upgrade.is_some()) {
        if let Some(upgrade) = &view.upgrade {
            if let Ok(Some(sentence)) = note.query_selector("p") {
                sentence.set_text_content(Some(&text(&upgrade.message)));
            }
            fill_list(&note, &note_lines(&upgrade.fell_back));
            let class = if upgrade.fell_back.is_empty() {
                "notice"
            } else {
                "notice alert"
            };
            let _ = note.set_attribute("class", class);
            // No empty list: the note without losses has none.
            if let Ok(Some(list)) = note.query_selector("ul") {
                list.toggle_attribute_with_force("hidden", upgrade.fell_back.is_empty())
                    .ok();
            }
        }
    }
    if let Some(fallbacks) = optional("fallbacks", !view.fallbacks.is_empty()) {
        fill_list(&fallbacks, &note_lines(&view.fallbacks));
    }
    if let (Some(status), Some(alert)) = (by_id("notice"), by_id("alert")) {
        let (target, other) = if notice.alert {
            (&alert, &status)
        } else {
            (&status, &alert)
        };
        fill_region(other, &[]);
        fill_region(target, &notice.lines);
    }
    if let Some(app) = by_id("app") {
        let _ = app.set_attribute("aria-busy", if loaded { "false" } else { "true" });
    }
    // A control made anew (a host's row) takes back the focus it had.
    let lost = gloo::utils::document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default();
    if let Some(id) = focused.filter(|id| !id.is_empty() && *id != lost) {
        focus(&id);
    }
}

/// The paused and added hosts, each with its button, or the sentence saying there are none.
fn render_hosts(section: &Element, hosts: &[form::HostRow]) {
    while let Some(row) = section.last_element_child() {
        if row.tag_name() == "H2" {
            break;
        }
        row.remove();
    }
    if hosts.is_empty() {
        if let Some(none) = from_template("tpl-hosts-none") {
            let _ = section.append_child(&none);
        }
        return;
    }
    for host in hosts {
        let Some(row) = from_template("tpl-host") else {
            return;
        };
        if let (Ok(Some(span)), Ok(Some(button))) =
            (row.query_selector("span"), row.query_selector("button"))
        {
            span.set_text_content(Some(&text(&host.text)));
            button.set_id(&format!("{}-{}", host.list.prefix(), host.index));
            button.set_text_content(Some(&text(&host.button)));
        }
        let _ = section.append_child(&row);
    }
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
        if let Ok(paragraph) = gloo::utils::document().create_element("p") {
            paragraph.set_text_content(Some(line));
            let _ = region.append_child(&paragraph);
        }
    }
}
