// No network, proven: every request made by any of Sincerely's contexts in Chromium (the
// service worker, the popup and options pages, and the content scripts in the fixture
// pages) is recorded through the DevTools protocol during a run over every fixture, and
// the number that would leave the machine must be zero. The manifests ask for nothing
// beyond an approved list of permissions.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { disableAddedHosts, enableAddedHosts, launch } from './browsers.mjs';
import { DIST, loadCases, runsIn, sleep, waitFor } from './harness.mjs';

/** Anything with these schemes would leave the browser (or reach a local server). */
const NETWORK = /^(https?|wss?|ftp):/i;
const TARGET_TYPES = new Set(['page', 'service_worker', 'background_page', 'worker', 'shared_worker']);

/**
 * Records requests in every target of the browser through one browser-level DevTools
 * session. Playwright's own sessions use the flat protocol, so ours attaches to each
 * target in the older nested mode (Target.sendMessageToTarget), which lets the two
 * coexist without Playwright dropping messages for sessions it does not know.
 */
async function recordRequests(browser) {
  const extensionOrigin = `chrome-extension://${browser.extensionId}/`;
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const sessions = new Map(); // sessionId → { info, isolatedContexts: Set }
  const replies = new Map();
  const requests = [];
  let nextId = 1;

  function send(sessionId, method, params = {}) {
    const id = nextId++;
    const reply = new Promise((resolve, reject) => replies.set(id, { resolve, reject }));
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {});
    return reply;
  }

  /** Whether a request was started by our code: an extension target, or our script in a page. */
  function initiatedByUs(target, initiator) {
    if (target.url.startsWith(extensionOrigin)) return true;
    if (initiator?.url?.startsWith(extensionOrigin)) return true;
    for (let stack = initiator?.stack; stack; stack = stack.parent) {
      if (stack.callFrames.some((frame) => frame.url.startsWith(extensionOrigin))) return true;
    }
    return false;
  }

  cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
    const parsed = JSON.parse(message);
    if (parsed.id && replies.has(parsed.id)) {
      const { resolve, reject } = replies.get(parsed.id);
      replies.delete(parsed.id);
      if (parsed.error) reject(new Error(parsed.error.message));
      else resolve(parsed.result);
      return;
    }
    const session = sessions.get(sessionId);
    if (!session) return;
    const { method, params } = parsed;
    if (method === 'Runtime.executionContextCreated') {
      // Our content scripts' isolated world carries the extension's origin and name;
      // Playwright's own utility worlds are told apart by theirs.
      const { id, origin, name, auxData } = params.context;
      if (auxData?.type === 'isolated' && origin === extensionOrigin.slice(0, -1) && !name.startsWith('__playwright')) session.extensionWorlds.add(id);
    } else if (method === 'Network.requestWillBeSent' || method === 'Network.webSocketCreated') {
      const url = params.request?.url ?? params.url;
      requests.push({ target: session.info.type, targetUrl: session.info.url, url, byUs: initiatedByUs(session.info, params.initiator) });
    }
  });

  async function attach(info) {
    if (!TARGET_TYPES.has(info.type) || [...sessions.values()].some((s) => s.info.targetId === info.targetId)) return;
    try {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: info.targetId, flatten: false });
      const session = { info, extensionWorlds: new Set(), listening: false };
      sessions.set(sessionId, session);
      await send(sessionId, 'Network.enable');
      if (info.type === 'page') await send(sessionId, 'Runtime.enable');
      session.listening = true;
    } catch {
      // The target closed before we attached: nothing of it can make a request any more.
    }
  }
  cdp.on('Target.targetCreated', ({ targetInfo }) => attach(targetInfo));
  // A page keeps its target across navigations, but the URL we judge by must follow it.
  cdp.on('Target.targetInfoChanged', ({ targetInfo }) => {
    for (const session of sessions.values()) if (session.info.targetId === targetInfo.targetId) session.info = targetInfo;
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const { targetInfos } = await cdp.send('Target.getTargets');
  await Promise.all(targetInfos.map(attach));

  // Every page the tests open is listened to before it navigates, so no early request
  // (the content script's first fetch of the wasm) escapes.
  const newPage = browser.newPage;
  browser.newPage = async () => {
    const page = await newPage();
    const probe = await browser.context.newCDPSession(page.raw);
    const { targetInfo } = await probe.send('Target.getTargetInfo');
    await probe.detach();
    await waitFor(() => [...sessions.values()].some((s) => s.info.targetId === targetInfo.targetId && s.listening), 'the recorder on a new page');
    return page;
  };

  return {
    requests,
    sessions,
    attachedTo: (predicate) => [...sessions.values()].some((s) => s.listening && predicate(s.info)),
    /** Runs `expression` in our content script's world of the page at `pageUrl`. */
    async evaluateInContentScript(pageUrl, expression) {
      const [sessionId, session] = [...sessions.entries()].find(([, s]) => s.info.url === pageUrl && s.extensionWorlds.size) ?? [];
      if (!session) throw new Error(`no content-script world seen in ${pageUrl}`);
      const contextId = [...session.extensionWorlds].at(-1);
      // Code evaluated over the protocol has no URL; naming it as one of our files makes
      // its stack look like content.js's own, which is what the recorder judges by.
      const source = `${expression}\n//# sourceURL=${extensionOrigin}network-control.js`;
      return send(sessionId, 'Runtime.evaluate', { expression: source, contextId, awaitPromise: true });
    },
    close: () => cdp.detach(),
  };
}

let browser;
let recorder;
before(async () => {
  browser = await launch('chromium');
  recorder = await recordRequests(browser);
});
after(async () => {
  await recorder?.close().catch(() => {});
  await browser?.close();
});

const ourNetworkRequests = () => recorder.requests.filter((r) => r.byUs && NETWORK.test(r.url));

test('the recorder hears each kind of extension context, and their CSP refuses the network', async () => {
  // Deliberate requests, one from each context, so the zero below is a zero of a
  // recorder that works. The worker and the extension pages may fetch their own files
  // only (connect-src 'self' in the manifest): a request to the network from there is
  // refused before it starts, whatever the code asks for; so the recorder is proven on
  // a fetch of the package's own manifest, and the network request must not reach it.
  const control = 'https://control.sincerely.invalid/';
  const attempt = async (url) => {
    const own = await fetch(chrome.runtime.getURL('manifest.json')).then((response) => response.ok);
    const network = await fetch(url).then(
      () => 'fetched',
      (error) => String(error),
    );
    return { own, network };
  };
  const attempts = { worker: await browser.worker().evaluate(attempt, control + 'worker') };
  for (const file of ['popup.html', 'options.html']) {
    const page = await browser.newPage();
    await page.goto(browser.extensionUrl(file));
    await waitFor(() => recorder.attachedTo((info) => info.url.endsWith(file)), `attached to ${file}`);
    const violations = page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen = [];
          document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
          setTimeout(() => resolve(seen), 500);
        }),
    );
    attempts[file] = { ...(await page.evaluate(attempt, control + file)), violations: await violations };
    await page.close();
  }
  const manifestUrl = browser.extensionUrl('manifest.json');
  const heard = await waitFor(() => {
    const targets = new Set(recorder.requests.filter((r) => r.url === manifestUrl).map((r) => r.targetUrl.split('/').pop() || r.target));
    return targets.size >= 3 && [...targets].sort();
  }, "the own-file fetches of the worker and both pages", 5000);
  console.log(`own-file fetches heard from ${heard.join(', ')}; network attempts: ${JSON.stringify(attempts)}`);
  for (const [context, { own, network, violations }] of Object.entries(attempts)) {
    assert.equal(own, true, `${context} reads its own files`);
    assert.match(network, /TypeError|Failed to fetch/, `${context}: refused`);
    if (violations) assert.deepEqual(violations, ['connect-src'], `${context}: refused by the CSP`);
  }
  assert.deepEqual(
    recorder.requests.filter((r) => r.url.startsWith(control)).map((r) => r.url),
    [],
    'no network request of an extension context even started',
  );
  recorder.requests.length = 0;
  // The worker loads the engine at install (it mirrors the early tokens), before the
  // recorder was there: stopped now, it loads it again for the control page's calls.
  const options = await browser.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  const session = await options.raw.context().newCDPSession(options.raw);
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  await options.close();
  const url = 'https://x.com/sincerely-network-control';
  browser.router.serve(url, '<!doctype html><title>(2) Home / X</title><p>Nothing but text.</p>', null);
  const page = await browser.newPage();
  await page.goto(url);
  await waitFor(() => page.evaluate(() => document.title === 'Home / X'), 'the content script to run');
  await waitFor(() => recorder.attachedTo((info) => info.url === url), 'attached to the page');
  await waitFor(async () => {
    try {
      await recorder.evaluateInContentScript(url, `fetch(${JSON.stringify(control + 'content')}).catch(() => null)`);
      return true;
    } catch {
      return false;
    }
  }, "the content script's world");
  // The page's own request is not ours and must not be counted as ours.
  await page.evaluate((target) => fetch(target).catch(() => null), control + 'page');
  await page.close();

  const seen = await waitFor(() => {
    const ours = ourNetworkRequests().map((r) => `${r.target} ${r.url}`);
    return ours.length >= 1 && ours;
  }, 'the control requests', 5000);
  assert.deepEqual(seen.sort(), [`page ${control}content`]);
  const pageOwn = recorder.requests.find((r) => r.url === control + 'page');
  assert.equal(pageOwn?.byUs, false, "the page's own request is told apart from ours");
  // The worker's own fetch of the wasm is not looked for here: the worker compiles the
  // engine when it starts (the first-paint tokens, worker.js mirrorEarlyTokens), before
  // any recorder can attach, and wasm-bindgen never fetches it twice. The deliberate
  // request above proves the worker is heard, and the content-script one a content script.
  recorder.requests.length = 0;
});

test('no extension context makes a network request during a run over every fixture', async () => {
  const cases = loadCases().filter((kase) => runsIn(kase, 'chromium'));
  for (const kase of cases) {
    // A Mastodon instance or a generic-mode host: switched on as the popup does it.
    if (kase.settings) await enableAddedHosts(browser, kase.settings);
    // Each page as served, until its count settles: the engine runs in the worker where
    // the site's CSP refuses wasm and in the page elsewhere, so both paths are covered.
    browser.router.serve(kase.url, kase.html, kase.cspHeader);
    const page = await browser.newPage();
    await page.goto(kase.url);
    if (kase.ready) await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.ready), `${kase.id}: ${kase.ready}`);
    let last = null;
    let since = Date.now();
    const hidden = await waitFor(async () => {
      const now = await page.evaluate(() => document.documentElement.getAttribute('data-sincerely-hidden'));
      if (now !== last) [last, since] = [now, Date.now()];
      return now !== null && Date.now() - since >= (kase.settleMs ?? 300) && now;
    }, `${kase.id} to settle`, 20000);
    assert.equal(Number(hidden), kase.expectHidden, `${kase.id} ran`);
    await page.close();
    if (kase.settings) await disableAddedHosts(browser, kase.settings);
  }
  for (const file of ['popup.html', 'options.html']) {
    const page = await browser.newPage();
    await page.goto(browser.extensionUrl(file));
    await sleep(300);
    await page.close();
  }
  // The worker prunes the profile memory two seconds after a profile is saved.
  await sleep(2500);
  const byUs = recorder.requests.filter((r) => r.byUs);
  const network = ourNetworkRequests();
  console.log(
    `requests from extension contexts: ${byUs.length} (${byUs.filter((r) => r.target === 'service_worker').length} in the worker), ` +
      `${network.length} to the network, over ${cases.length} fixtures and ${recorder.sessions.size} targets`,
  );
  for (const kase of cases) assert.ok(recorder.attachedTo((info) => info.url === kase.url), `recorded ${kase.url}`);
  // Our content script ran under the recorder in every fixture page (its world was seen
  // there; each page also hid its count above), and asked for nothing at all: the engine
  // comes with it (engine-bytes.js), not as a file it fetches.
  for (const kase of cases) {
    assert.ok([...recorder.sessions.values()].some((s) => s.info.url === kase.url && s.extensionWorlds.size), `our content script in ${kase.id}`);
  }
  const fromContentScripts = byUs.filter((r) => r.target === 'page' && !r.targetUrl.startsWith('chrome-extension://'));
  assert.deepEqual(fromContentScripts.map((r) => `${r.targetUrl}: ${r.url}`), [], 'no request from a content script');
  assert.deepEqual(network, []);
});

// ---- manifests ---------------------------------------------------------------------

/**
 * What Sincerely may ask for, each for the reason extension/manifest.jsonc gives. A change
 * here is a change to PRIVACY.md and the store listing.
 */
const APPROVED = {
  // storage: settings, per-tab status, profile memory. activeTab: the popup may read the
  // address of the tab in front of the user, on a click, to offer generic mode there.
  // scripting: the worker registers the content script on hosts the user granted.
  permissions: ['storage', 'activeTab', 'scripting'],
  host_permissions: [
    // No `*.` wildcard: each subdomain a site serves its pages from, named.
    'https://x.com/*',
    'https://twitter.com/*',
    'https://bsky.app/*',
    // Mastodon's largest instance, built in; other instances are asked for one at a time.
    'https://mastodon.social/*',
    'https://threads.com/*',
    'https://www.threads.com/*',
    'https://threads.net/*',
    'https://www.threads.net/*',
    'https://instagram.com/*',
    'https://www.instagram.com/*',
    'https://facebook.com/*',
    'https://www.facebook.com/*',
    'https://m.facebook.com/*',
    'https://web.facebook.com/*',
    'https://linkedin.com/*',
    'https://www.linkedin.com/*',
    'https://www.youtube.com/*',
    'https://m.youtube.com/*',
    'https://www.reddit.com/*',
    'https://sh.reddit.com/*',
    'https://new.reddit.com/*',
    'https://old.reddit.com/*',
    'https://news.ycombinator.com/*',
    'https://github.com/*',
  ],
  // Generic mode asks the user for one host at a time, at run time; nothing is asked at
  // install and nothing else is optional.
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  optional_permissions: [],
};

for (const browserDir of ['chrome', 'firefox']) {
  test(`${browserDir}: the manifest asks only for the approved permissions`, () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST(browserDir), 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.permissions, APPROVED.permissions);
    assert.deepEqual(manifest.host_permissions, APPROVED.host_permissions);
    assert.deepEqual(manifest.host_permissions.filter((pattern) => pattern.includes('*.')), [], 'no subdomain wildcard');
    for (const optional of manifest.optional_host_permissions ?? []) assert.ok(APPROVED.optional_host_permissions.includes(optional), optional);
    assert.deepEqual(manifest.optional_permissions ?? [], APPROVED.optional_permissions);
    // The content scripts run on no site the host permissions do not name, and no file is
    // web-accessible (a page could load it to detect Sincerely).
    assert.equal(manifest.web_accessible_resources, undefined, 'no web-accessible resources');
    for (const entry of manifest.content_scripts) {
      for (const pattern of entry.matches) assert.ok(APPROVED.host_permissions.includes(pattern), pattern);
    }
    assert.equal(manifest.externally_connectable, undefined, 'no web page may message the extension');
  });
}
