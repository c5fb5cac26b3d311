// Leaving a page and coming back: a page restored from the back/forward cache keeps every
// number hidden, in the frames around the restore too, and the count stays exact; a
// settings change made while it was cached applies when it comes back. Two engine paths:
// x.com (the engine as JavaScript in Chrome) and bsky.app (wasm in the page). Playwright turns the cache
// off; it is on here, as in a user's browser.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { loadCases, probeSource, waitFor } from './harness.mjs';

const cases = loadCases();
const pairs = [
  { from: 'x/home-timeline', to: 'x/profile-kikobeats' },
  { from: 'bluesky/profile-stephenking', to: 'bluesky/post-thread' },
];

let browser;

before(async () => {
  browser = await launch('chromium', { bfcache: true });
});

after(async () => {
  await browser?.close();
});

// Several fixtures share an address (x.com/home): each is served just before its visit.
function visit(page, kase) {
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  return page.goto(kase.url);
}

// Records every pageshow, so the test knows whether the page came from the cache.
const pageshowRecorder = `addEventListener('pageshow', (event) => {
  const shows = (window.__shows ??= []);
  shows.push(event.persisted);
});`;

const rootState = (page) =>
  page.evaluate(() => ({
    hidden: Number(document.documentElement.getAttribute('data-sincerely-hidden')),
    tokens: document.documentElement.getAttribute('data-sincerely'),
    shows: window.__shows ?? [],
    leakFrames: window.__sincerelyProbe.leakFrames,
    leaks: window.__sincerelyProbe.leaks,
    frames: window.__sincerelyProbe.frames,
  }));

for (const { from, to } of pairs) {
  test(`${from} → ${to} → back: restored with every number still hidden`, async () => {
    const first = cases.find((c) => c.id === from);
    const second = cases.find((c) => c.id === to);
    const page = await browser.newPage();
    await page.addInitScript(pageshowRecorder);
    await page.addInitScript(probeSource(first.probes));
    await visit(page, first);
    if (first.ready) await waitFor(() => page.evaluate((s) => !!document.querySelector(s), first.ready), 'the page script');
    await waitFor(async () => (await rootState(page)).hidden === first.expectHidden, `${from} hidden`);
    // Marks this document: only a page restored from the cache still carries it.
    await page.evaluate(() => (window.__sameDocument = true));
    await visit(page, second);
    await waitFor(async () => (await rootState(page)).hidden === second.expectHidden, `${to} hidden`);
    await page.raw.goBack({ waitUntil: 'commit' });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'restored from the back/forward cache');
    await waitFor(async () => (await rootState(page)).shows.length === 2, 'the pageshow of the restore');
    const state = await rootState(page);
    assert.deepEqual(state.shows, [false, true]);
    assert.equal(state.hidden, first.expectHidden);
    assert.equal(state.tokens, '');
    assert.ok(state.frames > 0);
    assert.deepEqual(state.leaks, [], 'no frame showed a probed number');
    assert.equal(state.leakFrames, 0);
    await page.close();
  });
}

test('a settings change made while the page was cached applies when it comes back', async () => {
  const first = cases.find((c) => c.id === 'x/profile-kikobeats');
  const second = cases.find((c) => c.id === 'x/home-timeline');
  const page = await browser.newPage();
  await visit(page, first);
  await waitFor(() => page.evaluate(() => document.documentElement.getAttribute('data-sincerely-hidden') !== null), 'the plan');
  await page.evaluate(() => (window.__sameDocument = true));
  await visit(page, second);
  await waitFor(() => page.evaluate(() => document.documentElement.getAttribute('data-sincerely-hidden') !== null), 'the second plan');
  await browser.worker().evaluate(() => chrome.storage.sync.set({ settings: { metrics: { likes: 'show' } } }));
  await page.raw.goBack({ waitUntil: 'commit' });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'restored from the back/forward cache');
  await waitFor(() => page.evaluate(() => document.documentElement.getAttribute('data-sincerely') === 'show-likes'), 'the new settings');
  await browser.worker().evaluate(() => chrome.storage.sync.set({ settings: {} }));
  await page.close();
});
