// Sites the manifest cannot list, switched on from the real popup in Chromium: a Mastodon
// instance (recognised by its markup, through the popup's probe) and a site without
// rules (generic mode, on the Stack Overflow fixture). Each asks for that one host's optional permission from the
// click, the worker registers the content scripts there, they survive a browser restart,
// and they go when the switch goes off or the user takes the permission back in Chrome.
//
// Not exercised: Chrome's permission dialog itself, which a headless browser neither
// shows nor answers. The test grants the host first where a user can grant it without
// any extension asking (chrome://extensions → Site access → Add a site); Chrome then
// remembers it and the popup's permissions.request resolves without the dialog.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { enableAddedHosts, launch } from './browsers.mjs';
import { loadCases, probeSource, tempProfile, waitFor } from './harness.mjs';
import { openRealPopup } from './popup-hosts.mjs';

// mastodon.social is built in (see the last tests): the instance a user adds is another
// one, serving the same markup.
const builtInMastodon = loadCases().find((c) => c.id === 'mastodon/home-timeline');
const mastodon = { ...builtInMastodon, url: builtInMastodon.url.replace('https://mastodon.social/', 'https://mastodon.online/') };
const INSTANCE = 'https://mastodon.online/*';

let profileDir;
let browser;

async function openTab(kase) {
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  const page = (await browser.newPage()).raw;
  await page.addInitScript(probeSource(kase.probes ?? []));
  await page.goto(kase.url, { waitUntil: 'load' });
  return page;
}

const tabState = (page) =>
  page.evaluate(() => ({
    hidden: document.documentElement.getAttribute('data-sincerely-hidden'),
    engine: document.documentElement.getAttribute('data-sincerely-engine'),
    title: document.title,
    leaks: window.__sincerelyProbe?.leaks ?? null,
    leaksNow: window.__sincerelyProbe?.check() ?? null,
  }));

const stored = () => browser.worker().evaluate(() => chrome.storage.sync.get('settings').then((s) => s.settings));
const registered = () => browser.worker().evaluate(() => chrome.scripting.getRegisteredContentScripts());
const granted = (origin) => browser.worker().evaluate((o) => chrome.permissions.contains({ origins: [o] }), origin);

before(async () => {
  profileDir = tempProfile('added-hosts');
  browser = await launch('chromium', { userDataDir: profileDir });
});

after(async () => {
  await browser?.close();
});

test('Mastodon: the popup recognises an instance by its markup and enables Sincerely there', async () => {
  const tab = await openTab(mastodon);
  // Before: no content script runs on an instance nobody enabled.
  let state = await tabState(tab);
  assert.equal(state.hidden, null);
  assert.equal(state.title, '(3) Home - Mastodon');
  assert.equal(await granted(INSTANCE), false);

  await browser.grantInBrowserUi([INSTANCE]);
  const popup = await openRealPopup(browser, mastodon.url);
  assert.equal(await popup.text('label[for=mastodon]'), 'Enable Sincerely on mastodon.online (Mastodon)');
  assert.equal(await popup.evaluate(() => document.getElementById('mastodon').checked), false);
  assert.equal(await popup.evaluate(() => !!document.getElementById('generic')), false, 'no generic switch on a recognised instance');
  assert.equal(await popup.text('label[for=pause]'), 'Pause on mastodon.online');

  await popup.click('label[for=mastodon]');
  // The worker registers the scripts and reloads the tab; the reloaded page is Sincerely's.
  state = await waitFor(async () => {
    const now = await tabState(tab).catch(() => null);
    return now?.hidden === String(mastodon.expectHidden) && now;
  }, 'the tab reloaded with Sincerely');
  assert.equal(state.title, mastodon.expectTitle);
  assert.equal(state.engine, 'worker');
  assert.deepEqual(state.leaks, [], 'no number visible in any frame of the reloaded tab');
  assert.deepEqual(state.leaksNow, []);
  assert.equal(await granted(INSTANCE), true);
  assert.deepEqual((await stored()).mastodonHosts, ['mastodon.online']);
  const scripts = await registered();
  assert.deepEqual(
    scripts.map((s) => [s.id, s.matches, s.css, s.runAt]),
    [['sincerely-mastodon', [INSTANCE], ['generated/mastodon.css'], 'document_start']],
  );
  await popup.close();

  // Opened again: the switch is on and the popup counts what the tab hid (once the
  // tab's report, sent a moment after it settles, has reached the worker).
  await waitFor(
    () => browser.worker().evaluate((n) => chrome.storage.session.get(null).then((all) => Object.values(all).some((s) => s.hidden === n)), mastodon.expectHidden),
    "the tab's report",
  );
  const again = await openRealPopup(browser, mastodon.url);
  assert.equal(await again.evaluate(() => document.getElementById('mastodon').checked), true);
  assert.equal(await again.text('#tab-status'), `Numbers hidden on this tab: ${mastodon.expectHidden}`);
  await again.close();
  await tab.close();
});

test('Mastodon: the instance stays enabled after a browser restart', async () => {
  await browser.close();
  browser = await launch('chromium', { userDataDir: profileDir });
  // The registration was kept (persistAcrossSessions); a page that loads while Chrome is
  // still starting the extension may miss it, as it would miss the manifest's scripts.
  await waitFor(async () => (await registered()).some((script) => script.id === 'sincerely-mastodon'), 'the registration after the restart');
  const tab = await openTab(mastodon);
  const state = await waitFor(async () => {
    const now = await tabState(tab);
    return now.hidden === String(mastodon.expectHidden) && now;
  }, 'Sincerely on the instance after the restart');
  assert.deepEqual(state.leaks, []);
  assert.equal(state.title, mastodon.expectTitle);
  await tab.close();
});

test('Mastodon: switched off in the popup, the permission and the registration go', async () => {
  const tab = await openTab(mastodon);
  await waitFor(async () => (await tabState(tab)).hidden === String(mastodon.expectHidden), 'Sincerely on the instance');
  const popup = await openRealPopup(browser, mastodon.url);
  await popup.click('label[for=mastodon]');
  await waitFor(async () => (await registered()).length === 0, 'the registration removed');
  await waitFor(async () => !(await granted(INSTANCE)), 'the permission given back');
  assert.deepEqual((await stored()).mastodonHosts, []);
  // The reloaded tab is the page as the site sent it.
  await waitFor(async () => {
    const now = await tabState(tab).catch(() => null);
    return now && now.hidden === null && now.title === '(3) Home - Mastodon';
  }, 'the tab reloaded without Sincerely');
  await popup.close();
  await tab.close();
});

test('Mastodon: a permission taken back in Chrome drops the instance from the settings', async () => {
  const tab = await openTab(mastodon);
  const popup = await openRealPopup(browser, mastodon.url);
  // Given back by the extension itself, the grant is remembered: no dialog this time either.
  await popup.click('label[for=mastodon]');
  await waitFor(async () => (await tabState(tab).catch(() => null))?.hidden === String(mastodon.expectHidden), 'enabled again');
  await popup.close();
  const extensions = await browser.context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(
    ([id, origin]) => new Promise((resolve) => chrome.developerPrivate.removeHostPermission(id, origin, resolve)),
    [browser.extensionId, INSTANCE],
  );
  await extensions.close();
  await waitFor(async () => (await registered()).length === 0, 'the registration removed');
  await waitFor(async () => (await stored()).mastodonHosts.length === 0, 'the instance dropped from the settings');
  await tab.close();
});

test('generic mode: the popup switches Sincerely on for a site without rules, and off', async () => {
  const question = loadCases().find((c) => c.id === 'stackoverflow/question');
  const origins = ['https://stackoverflow.com/*', 'http://stackoverflow.com/*'];
  const tab = await openTab(question);
  assert.equal((await tabState(tab)).hidden, null);
  await browser.grantInBrowserUi(origins);
  const popup = await openRealPopup(browser, question.url);
  assert.equal(await popup.text('label[for=generic]'), 'Hide numbers on stackoverflow.com too');
  assert.equal(await popup.evaluate(() => !!document.getElementById('mastodon')), false, 'the probe does not take it for Mastodon');
  await popup.click('label[for=generic]');
  const state = await waitFor(async () => {
    const now = await tabState(tab).catch(() => null);
    return now?.hidden === String(question.expectHidden) && now;
  }, 'the tab reloaded in generic mode');
  assert.deepEqual(state.leaksNow, [], 'no number left visible in the probes');
  assert.deepEqual((await stored()).genericHosts, ['stackoverflow.com']);
  const scripts = await registered();
  assert.deepEqual(scripts.map((s) => [s.id, [...s.matches].sort(), s.css ?? []]), [['sincerely-generic', [...origins].sort(), []]]);
  await popup.close();

  const again = await openRealPopup(browser, question.url);
  assert.equal(await again.evaluate(() => document.getElementById('generic').checked), true);
  await again.click('label[for=generic]');
  await waitFor(async () => (await registered()).length === 0, 'the registration removed');
  // Permissions go after the registration: wait for them rather than race them.
  for (const origin of origins) await waitFor(async () => !(await granted(origin)), `${origin} given back`);
  assert.deepEqual((await stored()).genericHosts, []);
  // The reloaded tab is the page as the site sent it; closing a tab mid-reload can hang.
  await waitFor(async () => {
    const now = await tabState(tab).catch(() => null);
    return now && now.hidden === null;
  }, 'the tab reloaded without Sincerely');
  await again.close();
  await tab.close();
});

test('a site Sincerely has rules for offers neither switch', async () => {
  const x = loadCases().find((c) => c.id === 'x/profile-kikobeats');
  const tab = await openTab(x);
  const popup = await openRealPopup(browser, x.url);
  assert.equal(await popup.evaluate(() => !!document.getElementById('mastodon') || !!document.getElementById('generic')), false);
  await popup.close();
  await tab.close();
});

test('mastodon.social works out of the box: numbers hidden, no switch to find, nothing registered', async () => {
  const tab = await openTab(builtInMastodon);
  const state = await waitFor(async () => {
    const now = await tabState(tab);
    return now.hidden === String(builtInMastodon.expectHidden) && now;
  }, 'Sincerely on mastodon.social without any setting');
  assert.deepEqual(state.leaks, [], 'no number visible in any frame');
  assert.equal(state.title, builtInMastodon.expectTitle);
  assert.equal(state.engine, 'in-page', "mastodon.social's CSP allows wasm: the manifest's in-page entry");
  const popup = await openRealPopup(browser, builtInMastodon.url);
  assert.equal(await popup.evaluate(() => !!document.getElementById('mastodon') || !!document.getElementById('generic')), false);
  assert.equal(await popup.text('label[for=pause]'), 'Pause on mastodon.social');
  await popup.close();
  await tab.close();
});

test('mastodon.social enabled by hand in an older version: no second registration, and the options page does not list it', async () => {
  await enableAddedHosts(browser, { mastodonHosts: ['mastodon.online'] });
  const setHosts = (hosts) =>
    browser.worker().evaluate(async (mastodonHosts) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...settings, mastodonHosts } });
    }, hosts);
  // Only mastodon.social left in the list: the manifest runs Sincerely there, so nothing
  // stays registered (before, a second registration ran every script twice).
  await setHosts(['mastodon.social']);
  await waitFor(async () => (await registered()).length === 0, 'no registration for a built-in instance');
  await setHosts(['mastodon.social', 'mastodon.online']);
  await waitFor(async () => (await registered()).length === 1, 'the added instance registered again');
  assert.deepEqual((await registered()).map((s) => [s.id, s.matches]), [['sincerely-mastodon', [INSTANCE]]]);
  const options = await browser.extensionPage('options.html');
  await waitFor(() => options.evaluate(() => !!document.getElementById('unmastodon-0')), 'the added instances listed');
  assert.equal(await options.evaluate(() => document.querySelectorAll('[id^=unmastodon-]').length), 1, 'only mastodon.online is listed as added');
  assert.match(await options.evaluate(() => document.getElementById('unmastodon-0').closest('.row').textContent), /mastodon\.online/);
  await options.close();
});
