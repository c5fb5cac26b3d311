/*
 * The background: a service worker in Chrome, an event page in Firefox.
 *
 *   engineCall   → serves protocol requests for tabs whose page CSP keeps the engine
 *                  out of the content script (Chrome on x.com, github.com, …)
 *   tabStatus    ← content scripts report how many numbers they hid and whether the
 *                  engine failed; kept in storage.session for the popup, shown on the icon
 *
 * The engine is rebuilt whenever the stored settings change. Nothing here makes a
 * network request.
 */
'use strict';

if (typeof importScripts === 'function') importScripts('sincerely.js');

const api = globalThis.browser ?? globalThis.chrome;
let enginePromise = null;

function engine() {
  enginePromise ??= (async () => {
    await wasm_bindgen({ module_or_path: api.runtime.getURL('sincerely_bg.wasm') });
    const { settings } = await api.storage.sync.get('settings');
    return new wasm_bindgen.Engine(settings ?? null);
  })();
  return enginePromise;
}

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes.settings) enginePromise = null;
});

async function serveEngineCall(request) {
  try {
    return { response: (await engine()).handle(request) };
  } catch (error) {
    // A trapped instance is not reused: the next call compiles a fresh one.
    enginePromise = null;
    return { error: String(error?.message ?? error) };
  }
}

async function recordTabStatus(tabId, status) {
  if (tabId === undefined) return;
  await api.storage.session?.set({ [`tab:${tabId}`]: status });
  const text = status.failed ? '!' : status.hidden > 0 ? String(Math.min(status.hidden, 999)) : '';
  await api.action.setBadgeText({ tabId, text });
  await api.action.setBadgeBackgroundColor?.({ tabId, color: status.failed ? '#b3261e' : '#5b5f66' });
}

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  switch (message?.what) {
    case 'engineCall':
      serveEngineCall(message.request).then(sendResponse);
      return true;
    case 'tabStatus':
      recordTabStatus(sender.tab?.id, message.status).then(() => sendResponse(true), () => sendResponse(false));
      return true;
    default:
      return false;
  }
});

api.tabs?.onRemoved?.addListener((tabId) => api.storage.session?.remove(`tab:${tabId}`));
