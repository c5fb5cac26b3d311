// An update of the extension over settings of the previous schema version, in real
// Chromium: an unpacked copy of dist/chrome holds settings written as version 1 wrote them
// (hosts as typed, "https://Bsky.App/…"); the browser is closed, the copy's manifest
// version bumped, and the browser started again on the same profile: Chrome loads the new
// version and fires onInstalled with reason "update". Then: storage.sync holds the settings in
// the current version with every choice kept, the pages obey them, and the popup says the
// settings were upgraded and nothing was lost. With corrupt fields in the old value, the
// rest is kept, those fields take their defaults, and the popup lists them.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browsers.mjs';
import { DIST, loadCases, tempProfile, waitFor } from './harness.mjs';
import { english, openPopup } from './popup-page.mjs';

const cases = Object.fromEntries(loadCases().map((kase) => [kase.id, kase]));
const extensionDir = path.join(tempProfile('update-extension'), 'chrome');
const userDataDir = tempProfile('update');
let browser;
let version = JSON.parse(fs.readFileSync(path.join(DIST('chrome'), 'manifest.json'), 'utf8')).version;

before(async () => {
  fs.cpSync(DIST('chrome'), extensionDir, { recursive: true });
  browser = await launch('chromium', { extensionDir, userDataDir });
});
after(async () => {
  await browser?.close();
});

/** An extension page to call the storage APIs from (the worker restarts on a reload). */
async function extensionPage() {
  const page = await browser.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  return page;
}

/** Closes the browser, bumps the manifest version on disk and starts it again: an update. */
async function update() {
  await browser.close();
  const manifestPath = path.join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const parts = manifest.version.split('.').map(Number);
  parts[parts.length - 1] += 1;
  manifest.version = parts.join('.');
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  browser = await launch('chromium', { extensionDir, userDataDir });
  const running = await browser.worker().evaluate(() => chrome.runtime.getManifest().version);
  assert.equal(running, manifest.version, 'the new version runs');
  version = manifest.version;
}

/** The root tokens a page ends with, once the content script has applied the engine's plan. */
async function tokensOn(kase) {
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  const page = await browser.newPage();
  await page.goto(kase.url);
  // data-sincerely-hidden is written with each report, after the plan is applied (active
  // or not); the tokens before it may be the early copy from storage.local.
  const tokens = await waitFor(
    () => page.evaluate(() => document.documentElement.hasAttribute('data-sincerely-hidden') && document.documentElement.getAttribute('data-sincerely')),
    `${kase.id}: the plan applied`,
  );
  await page.close();
  return tokens;
}

async function storedAfterUpdate(old) {
  const options = await extensionPage();
  await options.evaluate(async (value) => {
    await chrome.storage.local.remove('settingsUpgrade');
    await chrome.storage.sync.set({ settings: value });
  }, old);
  await options.close();
  const before = version;
  await update();
  assert.notEqual(version, before);
  const page = await extensionPage();
  const stored = await waitFor(
    () => page.evaluate(() => chrome.storage.sync.get('settings').then(({ settings }) => settings?.version === 2 && settings)),
    'the settings written back in version 2',
  );
  const note = await page.evaluate(() => chrome.storage.local.get('settingsUpgrade').then((s) => s.settingsUpgrade));
  await page.close();
  return { stored, note };
}

test('an update over version 1 settings: migrated with every choice kept, pages obey, the popup says nothing was lost', async () => {
  const old = {
    version: 1,
    enabled: true,
    metrics: { likes: 'show', views: 'hover' },
    pausedHosts: ['https://Bsky.App/profile/someone'],
    mastodonHosts: ['https://Mastodon.Online:443/'],
    badge: false,
    memory: false,
  };
  const { stored, note } = await storedAfterUpdate(old);
  console.log(`stored: ${JSON.stringify(stored)}; note: ${JSON.stringify(note)}`);
  assert.deepEqual(stored, {
    version: 2,
    enabled: true,
    pausedHosts: ['bsky.app'],
    sites: {},
    metrics: { likes: 'show', views: 'hover' },
    badge: false,
    memory: false,
    mastodonHosts: ['mastodon.online'],
    genericHosts: [],
  });
  assert.equal(note.from, 1);
  assert.equal(note.to, 2);
  assert.deepEqual(note.fellBack, []);

  // The pages obey: likes shown and views on hover on x.com; bsky.app paused (a host the
  // first version stored as a URL, which never matched a page).
  const x = (await tokensOn(cases['x/profile-kikobeats'])).split(' ');
  assert.ok(x.includes('show-likes') && x.includes('hover-views'), `x.com tokens: ${x}`);
  assert.equal(await tokensOn(cases['bluesky/profile-stephenking']), 'off');

  const via = await extensionPage();
  const popup = await openPopup(browser, undefined, { via });
  await via.close();
  assert.equal(await popup.textContent('#upgraded > p'), english('settingsUpgraded', '1', '2'));
  assert.equal(await popup.locator('#upgraded li').count(), 0);
  // Dismissed, it is gone for good.
  await popup.click('#upgraded-ok');
  await waitFor(async () => (await popup.locator('#upgraded').count()) === 0, 'the note dismissed');
  assert.equal(await popup.evaluate(() => chrome.storage.local.get('settingsUpgrade').then((s) => s.settingsUpgrade ?? null)), null);
  await popup.close();
});

test('an update over version 1 settings with corrupt fields: the rest kept, those at their defaults, the popup lists them', async () => {
  const old = {
    version: 1,
    metrics: { likes: 'sideways', views: 'show' },
    pausedHosts: ['https://X.com/home'],
    genericHosts: ['not a host!'],
    badge: false,
  };
  const { stored, note } = await storedAfterUpdate(old);
  console.log(`stored: ${JSON.stringify(stored)}; note: ${JSON.stringify(note)}`);
  assert.deepEqual(stored.metrics, { views: 'show' }, 'likes back to its default (hidden), views kept');
  assert.deepEqual(stored.pausedHosts, ['x.com']);
  assert.deepEqual(stored.genericHosts, []);
  assert.equal(stored.badge, false);
  assert.deepEqual(
    note.fellBack.map((warning) => warning.field),
    ['metrics.likes', 'genericHosts'],
  );
  assert.equal(await tokensOn(cases['x/profile-kikobeats']), 'off', 'x.com paused');

  const via = await extensionPage();
  const popup = await openPopup(browser, undefined, { via });
  await via.close();
  assert.equal(await popup.textContent('#upgraded > p'), english('settingsUpgradedFellBack', '1', '2'));
  const listed = (await popup.locator('#upgraded li').allTextContents()).map((line) => line.split(':')[0]);
  assert.deepEqual(listed, ['metrics.likes', 'genericHosts']);
  await popup.close();
});
