// What Sincerely must never do to the sites it runs on.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { loadCases, sleep, waitFor } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch('chromium');
});
after(async () => {
  await browser?.close();
});

test('no CSP violation report reaches a strict-CSP site because of us', async () => {
  const csp = loadCases().find((kase) => kase.csp === 'x').cspHeader;
  const url = 'https://x.com/sincerely-empty';
  browser.router.serve(url, '<!doctype html><title>(2) Home / X</title><p>Nothing but text.</p>', csp);
  const blockedBefore = browser.router.blocked.length;
  const page = await browser.newPage();
  await page.goto(url);
  // The engine is up (the title counter went) before we look for reports.
  await waitFor(() => page.evaluate(() => document.title === 'Home / X'), 'the title rewrite');
  await sleep(500);
  const reports = browser.router.blocked.slice(blockedBefore).filter((u) => u.includes('csp_report'));
  assert.deepEqual(reports, []);
  // The engine ran in the page, as JavaScript: no wasm compile for Chrome to report.
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-sincerely-engine')), 'in-page-js');
  await page.close();
});

test('what a page can read of the settings: its own kinds, nothing of the others', async () => {
  // The page reads every attribute of ours in the DOM from its own world. Two sets of
  // settings that differ only in kinds X's sheet does not hide (karma, stars, claps,
  // subscribers, reputation, connections) must look the same to x.com: otherwise the
  // whole settings would read as one string, the same on every site, a cross-site
  // fingerprint. A kind X does hide (likes) is in what it reads, as its visibility is.
  const kase = loadCases().find((c) => c.id === 'x/profile-kikobeats');
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  const readable = async (settings) => {
    await browser.worker().evaluate((value) => chrome.storage.sync.set({ settings: value }), settings);
    const page = await browser.newPage();
    await page.goto(kase.url);
    const read = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .flatMap((element) => [...element.attributes].filter((a) => a.name.startsWith('data-sincerely')).map((a) => `${element.localName}[${a.name}=${a.value}]`))
          .sort(),
      );
    let last = null;
    let since = Date.now();
    const seen = await waitFor(async () => {
      const now = JSON.stringify(await read());
      if (now !== last) [last, since] = [now, Date.now()];
      return Date.now() - since >= 700 && JSON.parse(now);
    }, 'the page to settle', 20000);
    await page.close();
    return seen.filter((entry) => !entry.includes('data-sincerely-seen'));
  };
  const others = Object.fromEntries(['votes', 'stars', 'claps', 'subscribers', 'reputation', 'connections'].map((kind) => [kind, 'show']));
  const plain = await readable({});
  const withOthers = await readable({ metrics: others });
  const likes = await readable({ metrics: { ...others, likes: 'show' } });
  console.log(`what x.com reads: ${JSON.stringify(plain)}; with likes shown: ${JSON.stringify(likes)}`);
  assert.ok(plain.some((entry) => entry.startsWith('html[data-sincerely=')), 'the root tokens are read');
  assert.deepEqual(withOthers, plain, 'settings for kinds the site does not show are not readable there');
  assert.ok(likes.includes('html[data-sincerely=show-likes]'), JSON.stringify(likes));
  await browser.worker().evaluate(() => chrome.storage.sync.set({ settings: {} }));
});
