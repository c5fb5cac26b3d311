// The first frames follow the settings: a user who shows likes, or paused a site, sees the
// numbers as soon as one storage read answers (usually before the first paint), not once
// the engine is ready. The worker mirrors each host's root tokens to storage.local; the
// content script reads them at document_start. The build here leaves out the JavaScript
// engine that Chrome runs on x.com (withoutEngineJs), so the engine there is the service
// worker's: the slowest start there is, and a path every strict-CSP tab falls back to.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { DIST, loadCases, waitFor, withoutEngineJs } from './harness.mjs';

const kase = loadCases().find((c) => c.id === 'x/profile-kikobeats');
const LIKES = '[data-testid=like] [data-testid=app-text-transition-container]';
const FOLLOWERS = "a[href='/Kikobeats/verified_followers']";

// Every animation frame from the first one: the root tokens and how many of the probed
// elements exist and how many of those are visible.
const frameRecorder = `(() => {
  const frames = [];
  Object.defineProperty(window, '__frames', { value: frames });
  // The text nodes with a digit under the selector, and those whose element shows.
  const count = (selector) => {
    const digits = [];
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/[0-9]/.test(node.data)) digits.push(node.parentElement);
    }
    return { present: digits.length, visible: digits.filter((e) => e.checkVisibility({ visibilityProperty: true })).length };
  };
  function frame() {
    if (frames.length < 600) {
      frames.push({
        tokens: document.documentElement?.getAttribute('data-sincerely') ?? null,
        // Set once the engine's page plan has applied.
        engine: document.documentElement?.getAttribute('data-sincerely-engine') ?? null,
        likes: count(${JSON.stringify(LIKES)}),
        followers: count(${JSON.stringify(FOLLOWERS)}),
      });
      requestAnimationFrame(frame);
    }
  }
  requestAnimationFrame(frame);
})();`;

let browser;

before(async () => {
  browser = await launch('chromium', { extensionDir: withoutEngineJs(DIST('chrome')) });
  browser.router.serve(kase.url, kase.html, kase.cspHeader);
});

after(async () => {
  await browser?.close();
});

async function setSettings(settings) {
  await browser.worker().evaluate((value) => chrome.storage.sync.set({ settings: value }), settings);
}

const mirrored = () => browser.worker().evaluate(async () => (await chrome.storage.local.get('earlyTokens')).earlyTokens);

// The worker is kept busy while the page loads, so the engine's page plan arrives well
// after the first frames and they show what the mirror alone did: the control below fails
// for the right reason, not because the engine happened to answer before the first paint
// (on a quiet machine it can).
const STALL_MS = 1000;

/** Loads the fixture in a fresh tab and returns its frames once the plan has applied. */
async function framesOfAVisit(settledTokens) {
  const page = await browser.newPage();
  await page.addInitScript(frameRecorder);
  const stall = browser.worker().evaluate((ms) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
  }, STALL_MS);
  await page.goto(kase.url);
  await stall;
  // The plan applied (active or not) once the hidden count is reported.
  await waitFor(() => page.evaluate(() => document.documentElement.hasAttribute('data-sincerely-hidden')), 'the plan');
  // A few frames more, so that the last one recorded is drawn under the plan.
  const planned = await page.evaluate(() => window.__frames.length);
  await waitFor(async () => (await page.evaluate(() => window.__frames.length)) > Math.max(20, planned + 2), 'a few frames');
  const frames = await page.evaluate(() => window.__frames);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('data-sincerely')), settledTokens);
  await page.close();
  return frames.filter((f) => f.likes.present > 0);
}

/**
 * The frames from the one where the mirror's tokens applied. They must have come before the
 * engine's plan (the worker is kept busy meanwhile): the mirror, not the engine, set them.
 * The frames before it (the storage read still on its way) keep the sheet's default.
 */
function fromTheMirror(frames, tokens, what) {
  assert.ok(frames.length > 0, 'frames with the posts were recorded');
  const first = frames.findIndex((frame) => frame.tokens === tokens);
  assert.ok(first >= 0, `the tokens "${tokens}" applied`);
  assert.equal(frames[first].engine, null, 'the mirror applied them before the engine was ready');
  const beforePlan = frames.filter((frame) => frame.engine === null).length;
  console.log(`${what}: the mirror's tokens from frame ${first} (0: the first painted), the engine's plan from frame ${beforePlan}`);
  for (const frame of frames.slice(0, first)) assert.equal(frame.tokens, null, JSON.stringify(frame));
  for (const frame of frames.slice(first)) assert.equal(frame.tokens, tokens, JSON.stringify(frame));
  return frames.slice(first);
}

test('likes shown: visible from the mirror’s first frame, long before the engine', async () => {
  await setSettings({ metrics: { likes: 'show' } });
  await waitFor(async () => (await mirrored())?.['x.com'] === 'show-likes', 'the mirror');
  const frames = await framesOfAVisit('show-likes');
  for (const frame of fromTheMirror(frames, 'show-likes', 'likes shown')) assert.equal(frame.likes.visible, frame.likes.present, JSON.stringify(frame));
  // Followers stay hidden from the first frame to the last.
  for (const frame of frames) assert.equal(frame.followers.visible, 0, JSON.stringify(frame));
});

test('site paused: the page as without us from the mirror’s first frame', async () => {
  await setSettings({ pausedHosts: ['x.com'] });
  await waitFor(async () => (await mirrored())?.['x.com'] === 'off', 'the mirror');
  const frames = await framesOfAVisit('off');
  for (const frame of fromTheMirror(frames, 'off', 'site paused')) {
    assert.ok(frame.followers.present > 0);
    assert.equal(frame.followers.visible, frame.followers.present, JSON.stringify(frame));
  }
});

test('control: without the mirror the frames before the engine hide the shown likes', async () => {
  // Proves the frames above came from the mirror: here nothing sets the tokens until the
  // engine's plan, and until then the sheet's default hides the likes.
  await setSettings({ metrics: { likes: 'show' } });
  await waitFor(async () => (await mirrored())?.['x.com'] === 'show-likes', 'the mirror');
  await browser.worker().evaluate(() => chrome.storage.local.remove('earlyTokens'));
  const frames = await framesOfAVisit('show-likes');
  const beforePlan = frames.filter((frame) => frame.engine === null);
  assert.ok(beforePlan.length > 0, 'frames were painted before the plan');
  for (const frame of beforePlan) {
    assert.equal(frame.tokens, null, JSON.stringify(frame));
    assert.equal(frame.likes.visible, 0, JSON.stringify(frame));
  }
  assert.equal(frames.at(-1).likes.visible, frames.at(-1).likes.present);
});

test('hide everything (the default): no frame shows a like', async () => {
  await setSettings({});
  await waitFor(async () => (await mirrored())?.['x.com'] === '', 'the mirror');
  const frames = await framesOfAVisit('');
  for (const frame of frames) assert.equal(frame.likes.visible, 0, JSON.stringify(frame));
});
