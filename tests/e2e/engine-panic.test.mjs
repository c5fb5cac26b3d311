// A real Rust panic inside the engine, in real Chromium, on every engine path: the
// in-page wasm (bsky.app), the engine as JavaScript (x.com, whose CSP refuses wasm: what
// Chrome runs there) and the service worker (x.com again, from a copy of the build without
// the JavaScript engine, as a tab whose engine-js.js did not load).
//
// The panic comes from the fault-injection build (dist/chrome-faults, src/fault.rs): its
// engine panics when a text it decides holds the marker. The shipped build has no such
// path, and the first test checks that its wasm does not hold the marker at all, so no
// page can make the shipped engine panic this way. The page here sets its own title to
// a counter with the marker, as a page updates its title, and the content script sends
// that title to the engine.
//
// After the panic: Sincerely is off on that tab (every text it changed put back, the
// sheet inert, so the numbers show: see fail() in content.js for why), the page's own
// handlers still answer, the toolbar icon says "!", the popup says what happened and how
// to get Sincerely back, other tabs keep working, and a reload turns it on again.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browsers.mjs';
import { DIST, ROOT, loadCases, probeSource, waitFor, withoutEngineJs } from './harness.mjs';
import { english, openPopup, tabIdOf } from './popup-page.mjs';

const FAULTS_DIST = path.join(ROOT, 'dist/chrome-faults');
const MARKER = fs.readFileSync(path.join(ROOT, 'src/fault.rs'), 'utf8').match(/PANIC_MARKER: &str = "([^"]+)"/)[1];
const cases = Object.fromEntries(loadCases().map((kase) => [kase.id, kase]));

let browser;
let browserDir = null;
/** The browser with the build in `dir` loaded (one at a time). */
async function useBuild(dir) {
  if (browserDir === dir) return;
  await browser?.close();
  browser = await launch('chromium', { extensionDir: dir });
  browserDir = dir;
}
before(() => {
  assert.ok(fs.existsSync(FAULTS_DIST), 'dist/chrome-faults is built (cargo xtask dist)');
});
after(async () => {
  await browser?.close();
});

test('only the fault-injection build can be made to panic: the shipped engines do not hold the marker', () => {
  const holds = (file) => fs.readFileSync(file).includes(Buffer.from(MARKER));
  // wasm2js keeps the engine's data as base64 string literals: decoded, one by one.
  const scriptHolds = (file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/"([A-Za-z0-9+/]{64,}={0,2})"/g)].some(([, data]) => Buffer.from(data, 'base64').includes(Buffer.from(MARKER)));
  assert.ok(holds(path.join(FAULTS_DIST, 'sincerely_bg.wasm')), 'the control: the fault build holds it');
  assert.ok(scriptHolds(path.join(FAULTS_DIST, 'engine-js.js')), 'the control: the fault build of the JavaScript engine holds it');
  for (const browserDir of ['chrome', 'firefox']) {
    assert.equal(holds(path.join(DIST(browserDir), 'sincerely_bg.wasm')), false, `dist/${browserDir}`);
  }
  assert.equal(scriptHolds(path.join(DIST('chrome'), 'engine-js.js')), false, 'dist/chrome/engine-js.js');
});

const rootState = (page) =>
  page.evaluate(() => ({
    tokens: document.documentElement.getAttribute('data-sincerely'),
    hidden: Number(document.documentElement.getAttribute('data-sincerely-hidden')),
    engine: document.documentElement.getAttribute('data-sincerely-engine'),
  }));

/** Loads a case and waits until every number is hidden. */
async function open(kase) {
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  const page = await browser.newPage();
  await page.addInitScript(probeSource(kase.probes));
  const logs = [];
  page.raw.on('console', (message) => logs.push(message.text()));
  await page.goto(kase.url);
  if (kase.ready) await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.ready), kase.ready);
  await waitFor(async () => {
    const state = await rootState(page);
    return state.tokens === '' && state.hidden === kase.expectHidden;
  }, `${kase.id}: every number hidden`, 20000);
  return { page, logs };
}

for (const [id, enginePath, next, build] of [
  ['bluesky/profile-stephenking', 'in-page', 'bluesky/post-thread', () => FAULTS_DIST],
  ['x/home-timeline', 'in-page-js', 'x/profile-kikobeats', () => FAULTS_DIST],
  ['x/home-timeline', 'worker', 'x/profile-kikobeats', () => withoutEngineJs(FAULTS_DIST)],
]) {
  test(`a panic in the engine (${enginePath}): the tab turns Sincerely off, the page keeps working, the popup says so`, async () => {
    await useBuild(build());
    const kase = cases[id];
    const { page, logs } = await open(kase);
    assert.equal((await rootState(page)).engine, enginePath);
    // A handler of the page's own, to click after the panic.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'page-own-button';
      button.textContent = 'page button';
      button.style.cssText = 'position: fixed; left: 8px; bottom: 8px; z-index: 2147483647';
      button.addEventListener('click', () => document.documentElement.setAttribute('data-page-clicked', String(Date.now())));
      document.body.prepend(button);
    });

    // The page puts a counter and the marker in its title; the engine panics deciding it.
    const title = `(3) ${MARKER}`;
    await page.evaluate((text) => {
      document.title = text;
    }, title);
    await waitFor(async () => (await rootState(page)).tokens === 'off', 'Sincerely off on the tab', 10000);
    const tabId = await tabIdOf(browser, kase.url);
    const status = await waitFor(
      () => browser.worker().evaluate((key) => chrome.storage.session.get(key).then((s) => s[key]?.failed && s[key]), `tab:${tabId}`),
      'the tab status',
    );
    console.log(`${id}: status ${JSON.stringify(status)}; console: ${JSON.stringify(logs.filter((l) => /Sincerely|panic/i.test(l)).map((l) => l.split('\n').slice(0, 2).join(' ')))}`);
    // A trap, not some other error: the release build aborts on a panic.
    assert.equal(status.failure, 'engine-crashed');
    assert.equal(status.hidden, 0, 'nothing hidden any more');
    // wasm traps with "unreachable"; wasm2js's JavaScript throws "abort" where wasm traps.
    assert.match(status.failed, enginePath === 'in-page-js' ? /\babort\b/ : /unreachable/);
    if (enginePath === 'in-page') {
      assert.ok(logs.some((text) => text.includes('fault injection') && text.includes('panicked')), 'the panic hook printed the panic');
    }

    // The page as without Sincerely: its title as it set it, the numbers back, every
    // text visible and in place, and its own handlers answering.
    const after = await page.evaluate(() => ({
      title: document.title,
      leaks: window.__sincerelyProbe.check().length,
      heldBack: [...document.querySelectorAll('[data-sincerely-seen]')].length,
    }));
    assert.equal(after.title, title);
    assert.ok(after.leaks > 0, 'the numbers show again');
    for (const selector of kase.layout ?? []) {
      const hidden = await page.evaluate(
        (s) => [...document.querySelectorAll(s)].filter((e) => !e.checkVisibility({ visibilityProperty: true, opacityProperty: true })).length,
        selector,
      );
      assert.equal(hidden, 0, `${selector}: every one visible`);
    }
    await page.click('#page-own-button');
    await waitFor(() => page.evaluate(() => document.documentElement.hasAttribute('data-page-clicked')), 'the page handler', 3000);
    if (kase.click) {
      await page.click(kase.click.selector);
      await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.click.expect), kase.click.expect, 3000);
    }

    // The toolbar icon and the popup say it, with the way back.
    assert.equal(await browser.worker().evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId), '!');
    const popup = await openPopup(browser, tabId);
    assert.equal(await popup.textContent('#tab-status'), english('tabCrashed'));
    await popup.close();

    // Another tab on the same engine path still works (the worker builds new engines).
    const other = await open(cases[next]);
    assert.equal((await rootState(other.page)).engine, enginePath);
    await other.page.close();

    // A reload turns Sincerely on again on the tab.
    await page.raw.reload({ waitUntil: 'load' });
    if (kase.ready) await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.ready), kase.ready);
    await waitFor(async () => {
      const state = await rootState(page);
      return state.tokens === '' && state.hidden === kase.expectHidden;
    }, `${id}: on again after a reload`, 20000);
    await page.close();
  });
}
