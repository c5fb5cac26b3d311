// The badge's memory: local, bounded, text-free, and harmless when corrupt.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './browsers.mjs';
import { loadCases, sleep, tempProfile, waitFor } from './harness.mjs';
import { runCase } from './cases.mjs';
import { readBadges } from './pierce.mjs';

let browser;
const profileDir = tempProfile('memory'); // Kept across a restart of the browser.
const kase = loadCases().find((c) => c.id === 'x/profile-conversational');
const KEY = 'profile:x:anaortega';
const local = (fn, arg) => browser.worker().evaluate(fn, arg);

before(async () => {
  browser = await launch('chromium', { userDataDir: profileDir });
});
after(async () => {
  await browser?.close();
});

async function visit() {
  const result = await runCase(browser, kase, { keepPage: true });
  const [badge] = await waitFor(async () => {
    const badges = await readBadges(result.page.raw);
    return badges.length && badges[0].button?.texts.length ? badges : null;
  }, 'the badge');
  return { page: result.page, badge };
}

test('a visit is remembered as counts, without any post text', async () => {
  const { page } = await visit();
  const stored = await waitFor(() => local((key) => chrome.storage.local.get(key).then((all) => all[key]), KEY), 'the stored observation', 5000);
  await page.close();
  assert.ok(stored.seen > Date.now() - 60_000);
  assert.ok(stored.observation.counts, 'feature counts are stored');
  const json = JSON.stringify(stored);
  const posts = JSON.parse(fs.readFileSync(path.join(kase.dir, 'posts.json'), 'utf8'));
  for (const post of posts) {
    for (const phrase of post.text.split(/[.!?]/).map((s) => s.trim()).filter((s) => s.length > 12)) {
      assert.ok(!json.includes(phrase), `post text leaked into memory: ${phrase}`);
    }
  }
  assert.ok(!json.includes('anaortega/status'), 'no post ids in clear');
});

test('a second visit does not count the same posts twice', async () => {
  const before = await local((key) => chrome.storage.local.get(key).then((all) => all[key].observation.counts), KEY);
  const { page, badge } = await visit();
  await sleep(1500);
  const after = await local((key) => chrome.storage.local.get(key).then((all) => all[key].observation.counts), KEY);
  await page.close();
  assert.deepEqual(after, before);
  assert.ok(badge.button.texts.join(' ').includes('Conversationalist'));
});

test('a corrupt stored profile is dropped and the badge still shows', async () => {
  await local((key) => chrome.storage.local.set({ [key]: { seen: 1, observation: { v: 1, counts: 'garbage', seenPosts: [-1] } } }), KEY);
  const { page, badge } = await visit();
  await page.close();
  assert.ok(badge.button.texts.join(' ').includes('Conversationalist'));
  const stored = await waitFor(
    () => local((key) => chrome.storage.local.get(key).then((all) => typeof all[key]?.observation?.counts === 'object' && all[key]), KEY),
    'a valid observation written back',
    5000,
  );
  assert.ok(stored.seen > 1);
});

test('memory keeps at most 2,000 profiles, none older than 90 days', async () => {
  await local(async () => {
    const now = Date.now();
    const entries = {};
    for (let i = 0; i < 2010; i++) entries[`profile:x:fake${i}`] = { seen: now - i * 1000, observation: {} };
    entries['profile:x:ancient'] = { seen: now - 91 * 86400e3, observation: {} };
    await chrome.storage.local.set(entries);
  });
  const { page } = await visit(); // Saving this profile schedules the prune.
  await page.close();
  const counts = await waitFor(
    () =>
      local(async () => {
        const all = await chrome.storage.local.get(null);
        const keys = Object.keys(all).filter((k) => k.startsWith('profile:'));
        return keys.length <= 2000 && { total: keys.length, ancient: 'profile:x:ancient' in all, ana: 'profile:x:anaortega' in all };
      }),
    'the prune',
    10000,
  );
  assert.deepEqual(counts, { total: 2000, ancient: false, ana: true });
});

test('switching memory off drops a save that was waiting', async () => {
  const { page } = await visit();
  const seen = () => local((key) => chrome.storage.local.get(key).then((all) => all[key]?.seen ?? 0), KEY);
  await sleep(1200); // The next answer is saved at once…
  const before = await seen();
  const addPost = () => page.evaluate(() => document.querySelector('article').after(document.querySelector('article').cloneNode(true)));
  await addPost();
  const saved = await waitFor(async () => {
    const at = await seen();
    return at > before && at;
  }, 'the new post saved');
  // …and the one after it waits for a second to pass since then.
  await addPost();
  const off = await local(() => chrome.storage.sync.set({ settings: { memory: false } }).then(() => Date.now()));
  assert.ok(off - saved < 900, `memory went off ${off - saved} ms after the last save, while the next one waited`);
  await sleep(2000);
  const last = await seen();
  assert.ok(last < off, `last saved ${last - off} ms after memory went off`);
  await page.close();
  await local(() => chrome.storage.sync.set({ settings: {} }));
});

test('with memory off nothing is stored', async () => {
  await local(() => chrome.storage.local.clear());
  await local(() => chrome.storage.sync.set({ settings: { memory: false } }));
  const { page } = await visit();
  await sleep(1500);
  await page.close();
  const keys = await local(() => chrome.storage.local.get(null).then((all) => Object.keys(all)));
  // The settings' mirror for the first frames (PRIVACY.md) is not memory of anyone.
  assert.deepEqual(keys.filter((key) => key !== 'earlyTokens'), []);
  await local(() => chrome.storage.sync.set({ settings: {} }));
});

test('a profile past 90 days goes at the next browser start, with no profile saved since', async () => {
  await local(() => chrome.storage.sync.set({ settings: { memory: false } }));
  await local(() =>
    chrome.storage.local.set({
      'profile:x:expired': { seen: Date.now() - 91 * 86400e3, observation: {} },
      'profile:x:recent': { seen: Date.now() - 89 * 86400e3, observation: {} },
    }),
  );
  await sleep(3000); // Nothing prunes them while the browser runs: no profile is saved.
  assert.ok(await local(() => chrome.storage.local.get('profile:x:expired').then((all) => 'profile:x:expired' in all)), 'still there before');
  await browser.close();
  browser = await launch('chromium', { userDataDir: profileDir });
  const left = await waitFor(
    () =>
      local(async () => {
        const all = await chrome.storage.local.get(null);
        return !('profile:x:expired' in all) && Object.keys(all).filter((key) => key.startsWith('profile:'));
      }),
    'the expired profile pruned',
    10000,
  );
  assert.deepEqual(left, ['profile:x:recent']);
  await local(() => chrome.storage.sync.set({ settings: {} }));
});

test('2,500 steady saves: at most 2,000 profiles, within the byte budget, and the worker still writes', async () => {
  // Tabs save in a steady stream (here an extension page, 4 ms apart, each telling the
  // worker as a tab does); profiles of 7 KB, the size of a busy one. A prune that waited
  // for a quiet moment never ran, and 2,000 of them exceed Chrome's 10 MiB.
  const options = await browser.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  const BUDGET = 7 * 1024 * 1024; // PROFILE_BYTES in extension/worker.js.
  const run = await options.evaluate(async () => {
    await chrome.storage.local.clear();
    // A Mastodon profile from before keys named the instance, and one after.
    const future = Date.now() + 86400e3;
    await chrome.storage.local.set({ 'profile:mastodon:alice': { seen: future }, 'profile:mastodon:a.social/alice': { seen: future } });
    const pad = 'x'.repeat(7000);
    let refused = 0;
    const started = Date.now();
    for (let i = 0; i < 2500; i++) {
      await chrome.storage.local.set({ [`profile:x:steady${i}`]: { seen: started + i, observation: { pad } } }).catch(() => refused++);
      chrome.runtime.sendMessage({ what: 'profileSaved' }).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    return { refused, ms: Date.now() - started };
  });
  await sleep(3000); // One prune wait after the last save.
  const after = await options.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    const profiles = Object.entries(all).filter(([key]) => key.startsWith('profile:'));
    return {
      n: profiles.length,
      bytes: profiles.reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0),
      newest: 'profile:x:steady2499' in all,
      mastodon: Object.keys(all).filter((key) => key.startsWith('profile:mastodon:')),
      inUse: await chrome.storage.local.getBytesInUse(null),
    };
  });
  console.log(`2,500 saves in ${run.ms} ms, ${run.refused} refused; left ${after.n} profiles, ${after.bytes} bytes (${after.inUse} in use)`);
  assert.equal(run.refused, 0, 'no save refused for want of room');
  assert.ok(after.n <= 2000, `${after.n} profiles`);
  assert.ok(after.bytes <= BUDGET, `${after.bytes} bytes`);
  assert.ok(after.newest, 'the least recently seen went, not the newest');
  assert.deepEqual(after.mastodon, ['profile:mastodon:a.social/alice'], 'a Mastodon key without its instance goes');

  // Now tabs fill storage.local to the brim with profiles between two prunes: the settings'
  // mirror for the first frames is still written (room is made for it).
  const filled = await options.evaluate(async () => {
    const pad = 'x'.repeat(7000);
    for (let i = 0; ; i++) {
      const ok = await chrome.storage.local.set({ [`profile:x:brim${i}`]: { seen: Date.now(), observation: { pad } } }).then(
        () => true,
        () => false,
      );
      if (!ok) return i;
    }
  });
  await options.evaluate(() => chrome.storage.sync.set({ settings: { metrics: { likes: 'show' } } }));
  const mirrored = await waitFor(
    () => options.evaluate(() => chrome.storage.local.get('earlyTokens').then(({ earlyTokens }) => earlyTokens?.['x.com']?.includes('show-likes') && earlyTokens)),
    'the early tokens written into a full storage.local',
    10000,
  );
  console.log(`filled with ${filled} more profiles; early tokens mirrored for ${Object.keys(mirrored).length} hosts`);
  await options.evaluate(() => chrome.storage.sync.set({ settings: {} }));
  await options.evaluate(() => chrome.storage.local.clear());
  await options.close();
});
