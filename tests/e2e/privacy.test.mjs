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
