/*
 * The background: a service worker in Chrome, an event page in Firefox.
 *
 *   engineCall   → serves protocol requests for tabs whose page CSP keeps the engine
 *                  out of the content script (Chrome on x.com, github.com, …)
 *   tabStatus    ← content scripts report how many numbers they hid and whether the
 *                  engine failed; kept in storage.session for the popup, shown on the icon
 *   syncGeneric  ← the popup added or removed a host (generic mode, a Mastodon instance):
 *                  (un)register the content scripts for the granted hosts, then reload
 *                  that tab
 *   earlyTokens  → storage.local: each host's root tokens under the current settings, for
 *                  the content script's first frames
 *   settingsUpgrade → at install, update and start: settings of an earlier version are
 *                  written back in this one; storage.local says so to the popup
 *   togglePause  ← the keyboard command: pauses or resumes on the current tab's host
 *                  (the settings module edits them, with the popup's checks); the tabs
 *                  apply it live
 *
 * Each call carries the settings its tab applies; engines are cached by those settings,
 * so a tab never gets an answer for settings it has not seen yet. Nothing here makes a
 * network request.
 */
'use strict';

// Firefox's event page gets both from the manifest, before this file.
if (typeof importScripts === 'function') {
  importScripts('generated/constants.js');
  importScripts('sincerely.js');
  importScripts('sincerely_settings.js');
}

const api = globalThis.browser ?? globalThis.chrome;
const { messages } = sincerelyConstants; // src/protocol.rs, message.
let modulePromise = null;
let settingsPromise = null;
const engines = new Map(); // JSON of the settings → Engine; the last two only.

function loadModule() {
  // A load that failed is tried again by the next call.
  modulePromise ??= wasm_bindgen({ module_or_path: api.runtime.getURL('sincerely_bg.wasm') }).catch((error) => {
    modulePromise = null;
    throw error;
  });
  return modulePromise;
}

// The settings edits are a module of their own (src/web/settings), kept out of the engine
// that every tab compiles: `sincerelySettings`, loaded on the first edit.
function settingsModule() {
  settingsPromise ??= sincerelySettings({ module_or_path: api.runtime.getURL('sincerely_settings_bg.wasm') }).then(
    () => sincerelySettings,
    (error) => {
      settingsPromise = null;
      throw error;
    },
  );
  return settingsPromise;
}

async function engineFor(settings) {
  await loadModule();
  const key = JSON.stringify(settings ?? null);
  let engine = engines.get(key);
  if (!engine) {
    engine = new wasm_bindgen.Engine(settings ?? null);
    engines.set(key, engine);
    while (engines.size > 2) {
      const [oldest] = engines.keys();
      engines.get(oldest).free();
      engines.delete(oldest);
    }
  }
  return engine;
}

async function serveEngineCall(request, settings) {
  try {
    return { response: (await engineFor(settings)).handle(request) };
  } catch (error) {
    // A Rust panic traps (the release build aborts) and leaves that Engine object
    // borrowed for good, so the engines go and the next call builds new ones. The module
    // instance stays (wasm-bindgen keeps one); the trap lost only the call's stack frame.
    engines.clear();
    // A trap is a Rust panic (the release build aborts): the tab says the engine crashed.
    return { error: String(error?.message ?? error), crashed: error instanceof WebAssembly.RuntimeError };
  }
}

async function recordTabStatus(tabId, status) {
  if (tabId === undefined) return;
  await api.storage.session?.set({ [`tab:${tabId}`]: status });
  const text = status.failed ? '!' : status.hidden > 0 ? String(Math.min(status.hidden, 999)) : '';
  await api.action.setBadgeText({ tabId, text });
  await api.action.setBadgeBackgroundColor?.({ tabId, color: status.failed ? '#b3261e' : '#5b5f66' });
}

// Profile memory: at most 2,000 profiles and PROFILE_BYTES of them, least recently seen
// dropped first, and none older than 90 days (see PRIVACY.md). Chrome gives storage.local
// 10 MiB, and 2,000 profiles of 6.5-9 KB would take 13-18: the byte budget leaves the
// rest for the settings' mirror and the upgrade note. The prune runs at most PRUNE_WAIT
// after a save asked for it, however steadily tabs keep saving (a debounce restarted by
// each save never ran).
const MAX_PROFILES = 2000;
const PROFILE_DAYS = 90;
const PROFILE_BYTES = 7 * 1024 * 1024;
const PRUNE_WAIT = 2000;
// Mastodon profiles were keyed by handle alone before their instance was part of the key
// (profile:mastodon:<host>/<handle>, src/engine.rs): such an old key may hold the posts of
// a namesake on another instance, so it goes, and the next visit starts afresh.
const UNQUALIFIED_MASTODON = /^profile:mastodon:[^/]*$/;
let pruneTimer = 0;
function schedulePrune() {
  pruneTimer ||= setTimeout(() => {
    pruneTimer = 0;
    pruneProfiles().catch((error) => console.warn(`Sincerely: profiles not pruned: ${error?.message ?? error}`));
  }, PRUNE_WAIT);
}
/** Drops what the bounds above say, and `reserve` bytes more for a write to come. */
async function pruneProfiles(reserve = 0) {
  const everything = await api.storage.local.get(null);
  // Chrome counts a key's length and its value's JSON.
  const profiles = Object.entries(everything)
    .filter(([key]) => key.startsWith('profile:'))
    .map(([key, value]) => ({ key, seen: Number(value?.seen) || 0, bytes: key.length + JSON.stringify(value ?? null).length }))
    .sort((a, b) => b.seen - a.seen);
  const oldest = Date.now() - PROFILE_DAYS * 86400e3;
  let bytes = 0;
  const drop = [];
  for (const [index, profile] of profiles.entries()) {
    bytes += profile.bytes;
    if (index >= MAX_PROFILES || profile.seen < oldest || bytes > PROFILE_BYTES - reserve || UNQUALIFIED_MASTODON.test(profile.key)) {
      drop.push(profile.key);
      bytes -= profile.bytes;
    }
  }
  if (drop.length) await api.storage.local.remove(drop);
}

/**
 * Writes the worker's own records to storage.local. Profiles that tabs saved since the
 * last prune may have filled it; then the least recently seen make room and the write is
 * tried again, since a stale mirror or a lost upgrade note costs more than a profile.
 */
async function setLocal(items) {
  try {
    await api.storage.local.set(items);
  } catch {
    await pruneProfiles(JSON.stringify(items).length + 64 * 1024);
    await api.storage.local.set(items);
  }
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  switch (message?.what) {
    case messages.engineCall:
      serveEngineCall(message.request, message.settings).then(sendResponse);
      return true;
    case messages.tabStatus:
      recordTabStatus(sender.tab?.id, message.status).then(() => sendResponse(true), () => sendResponse(false));
      return true;
    case messages.syncGeneric:
      // Only the extension's own pages (popup, options) may ask; content scripts may not.
      if (sender.id !== api.runtime.id || !sender.url?.startsWith(api.runtime.getURL(''))) return false;
      syncRegistrations()
        .then(() => (message.tabId !== undefined ? api.tabs.reload(message.tabId) : undefined))
        .then(() => sendResponse(true), (error) => sendResponse({ error: String(error?.message ?? error) }));
      return true;
    case messages.profileSaved:
      schedulePrune();
      return false;
    default:
      return false;
  }
});

/**
 * Pauses or resumes Sincerely on the host of `tab`; returns whether it is now paused, or
 * null when nothing changed. The edit is the engine's (Settings::pause_toggled), checked
 * as the popup's edits are: an http(s) host only, and a value storage.sync takes.
 */
async function togglePause(tab) {
  const { settings } = await api.storage.sync.get('settings');
  const toggled = (await settingsModule()).pauseToggled(settings ?? null, String(tab?.url ?? ''));
  if (!toggled) return null;
  await api.storage.sync.set({ settings: toggled.settings });
  return toggled.paused;
}

// The first frames follow the settings: the engine's root tokens for every host it knows,
// mirrored to storage.local, which the content script reads before the engine is ready
// (wasm may take tens of milliseconds; one storage read does not). Rewritten at every start
// and settings change; a failed write only costs that early paint its settings.
let earlySync = Promise.resolve();
function mirrorEarlyTokens() {
  earlySync = earlySync.then(mirrorEarlyTokensNow).catch((error) => console.warn(`Sincerely: early tokens not mirrored: ${error?.message ?? error}`));
  return earlySync;
}
async function mirrorEarlyTokensNow() {
  const { settings } = await api.storage.sync.get('settings');
  const earlyTokens = (await engineFor(settings)).earlyTokens();
  await setLocal({ earlyTokens });
}

// Settings of an earlier version (from before an update, or synced from an older copy on
// another machine) are written back once in this version, as the engine reads them: every
// choice it could read kept, the rest at their defaults. `settingsUpgrade` in storage.local
// tells the popup what happened and what could not be kept, until the user dismisses it.
async function upgradeSettings() {
  const { settings } = await api.storage.sync.get('settings');
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return;
  const { settings: upgraded, warnings } = (await settingsModule()).upgraded(settings);
  const from = Number.isInteger(settings.version) ? settings.version : 1;
  if (!upgraded || from >= upgraded.version) return;
  await api.storage.sync.set({ settings: upgraded });
  const settingsUpgrade = { from, to: upgraded.version, at: Date.now(), fellBack: warnings };
  await setLocal({ settingsUpgrade });
}
function upgradeSettingsLogged() {
  return upgradeSettings().catch((error) => console.warn(`Sincerely: settings not upgraded: ${error?.message ?? error}`));
}

// Hosts the user added from the popup, each with its optional host permission:
//   sincerely-generic   settings.genericHosts: the scripts alone (the recognizer reads text)
//   sincerely-mastodon  settings.mastodonHosts: Mastodon's generated sheet at
//                       document_start too; the engine applies the Mastodon rules there
//                       because the same settings name the host
// The manifest's own content_scripts cannot grow at run time, so these are registered
// (scripting.registerContentScripts, kept across browser restarts) and registered again
// whenever the settings or the permissions change, and at every start, so they always
// match both. A registration that would not change is left alone.
// Without engine-bytes.js: on a host the user added, whose CSP nobody has looked at, the
// engine runs in the worker from the start.
const SCRIPT_FILES = ['generated/constants.js', 'engine-host.js', 'badge.js', 'content.js'];
const ADDED_HOSTS = [
  { id: 'sincerely-generic', field: 'genericHosts', css: [] },
  { id: 'sincerely-mastodon', field: 'mastodonHosts', css: ['generated/mastodon.css'] },
];
let registrationSync = Promise.resolve();
function syncRegistrations() {
  registrationSync = registrationSync.then(syncRegistrationsNow, syncRegistrationsNow);
  return registrationSync;
}

// The origins the manifest's own content scripts run on (mastodon.social among them): a
// second registration there would run every script twice.
const BUILT_IN = new Set((api.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []));

/**
 * The match patterns in `origins` that the user granted and the manifest does not cover.
 * The engine lists them from the settings (addedHostOrigins: each host's https and http
 * origin, by the settings' own host check); the popup asks for https (Mastodon) or both.
 */
async function grantedMatches(origins) {
  const matches = [];
  for (const origin of origins ?? []) {
    if (BUILT_IN.has(origin) || matches.includes(origin)) continue;
    if (await api.permissions.contains({ origins: [origin] })) matches.push(origin);
  }
  return matches;
}

async function syncRegistrationsNow() {
  if (!api.scripting?.registerContentScripts) return;
  const { settings } = await api.storage.sync.get('settings');
  const origins = (await settingsModule()).addedHostOrigins(settings ?? null);
  const registered = await api.scripting.getRegisteredContentScripts({ ids: ADDED_HOSTS.map((kind) => kind.id) });
  for (const { id, field, css } of ADDED_HOSTS) {
    const matches = await grantedMatches(origins[field]);
    const wanted = { id, matches, js: SCRIPT_FILES, css, runAt: 'document_start', persistAcrossSessions: true };
    const current = registered.find((script) => script.id === id);
    const same = (a, b) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
    if (current && same(current.matches, matches) && same(current.js, SCRIPT_FILES) && same(current.css, css)) continue;
    if (!current && !matches.length) continue;
    if (current) await api.scripting.unregisterContentScripts({ ids: [id] });
    if (matches.length) await api.scripting.registerContentScripts([css.length ? wanted : { ...wanted, css: undefined }]);
  }
}

/**
 * The user took a host's permission back (in the browser's own settings): Sincerely stops
 * there for good, so the host leaves its list too and the popup offers it afresh, unless
 * the other scheme is still granted. The edit is the engine's
 * (Settings::revoked_hosts_forgotten), checked as every settings edit is.
 */
async function forgetRevokedHosts(removed) {
  const revoked = removed?.origins ?? [];
  if (!revoked.length) return;
  const { settings } = await api.storage.sync.get('settings');
  const edits = await settingsModule();
  const granted = await grantedMatches(Object.values(edits.addedHostOrigins(settings ?? null)).flat());
  const forgotten = edits.revokedHostsForgotten(settings ?? null, revoked, granted);
  if (forgotten) await api.storage.sync.set({ settings: forgotten });
}

api.permissions?.onAdded?.addListener(() => syncRegistrations());
api.permissions?.onRemoved?.addListener((removed) => {
  forgetRevokedHosts(removed).finally(() => syncRegistrations());
});
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes.settings) {
    syncRegistrations();
    mirrorEarlyTokens();
  }
});
// At install, update and browser start: settings in this version, registrations and the
// first-paint mirror as the settings say.
function onStart() {
  upgradeSettingsLogged();
  syncRegistrations();
  mirrorEarlyTokens();
  // Profiles expire even when none is saved any more (memory off, or no profile visited).
  schedulePrune();
}
api.runtime.onStartup?.addListener(onStart);
api.runtime.onInstalled?.addListener(onStart);

api.commands?.onCommand?.addListener(async (command, tab) => {
  if (command !== 'toggle-pause') return;
  // Chrome and Firefox pass the active tab; older versions do not.
  tab ??= (await api.tabs.query({ active: true, currentWindow: true }))[0];
  await togglePause(tab);
});

api.tabs?.onRemoved?.addListener((tabId) => api.storage.session?.remove(`tab:${tabId}`));
