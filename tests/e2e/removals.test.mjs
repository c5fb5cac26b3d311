// What a removal in the page asks of the content script, in real Chromium: a single-page
// app that takes out an observed container (no longer observed) and puts a fresh one back
// (observed, its numbers hidden), and a page that drops our <style> from a shadow root
// (it must come back).
// Removals anywhere else are not looked at: these are the two that matter.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { loadCases, waitFor } from './harness.mjs';
import { runCase } from './cases.mjs';

const cases = Object.fromEntries(loadCases().map((kase) => [kase.id, kase]));
let browser;
before(async () => {
  browser = await launch('chromium');
});
after(async () => {
  await browser?.close();
});

test('a container the app takes out stops being observed; the one it puts back is observed', async () => {
  const { page } = await runCase(browser, cases['x/home-timeline'], { keepPage: true });
  const scope = () => page.evaluate(() => Number(document.documentElement.getAttribute('data-sincerely-scope')));
  const before = await scope();
  assert.ok(before >= 2, `containers observed: ${before}`);
  // The app takes its primary column out…
  await page.evaluate(() => {
    const old = document.querySelector('[data-testid="primaryColumn"]');
    window.__column = { parent: old.parentNode, next: old.nextSibling, shell: old.cloneNode(false) };
    old.remove();
  });
  await waitFor(async () => (await scope()) === before - 1, 'one container fewer observed');
  // …and puts a fresh one back, holding a social context line with a count; a frame
  // later it adds a second line to it.
  await page.evaluate(() => {
    const { parent, next, shell } = window.__column;
    const line = (n) => {
      const element = document.createElement('div');
      element.dataset.testid = 'socialContext';
      element.textContent = `Liked by ana and ${n} others`;
      element.className = `back-${n}`;
      return element;
    };
    shell.append(line(41));
    parent.insertBefore(shell, next);
    requestAnimationFrame(() => requestAnimationFrame(() => shell.append(line(42))));
  });
  const lines = await waitFor(
    () =>
      page.evaluate(() => {
        const found = [...document.querySelectorAll('.back-41, .back-42')];
        return found.length === 2 && found.every((line) => line.hasAttribute('data-sincerely-seen')) && found.map((line) => line.textContent);
      }),
    'both lines in the new column read by the engine',
  );
  assert.deepEqual(lines, ['Liked by ana and others', 'Liked by ana and others']);
  assert.equal(await scope(), before, 'as many containers observed as at first');
  await page.close();
});

test('a page that drops our <style> from a shadow root: it comes back', async () => {
  const { page } = await runCase(browser, cases['reddit/shreddit-feed'], { keepPage: true });
  const ours = () =>
    page.evaluate(() => {
      const host = document.querySelector('shreddit-post[data-sincerely-shadow]');
      // Ours is the one whose text the page never wrote: it hides the counts.
      const sheets = [...(host?.shadowRoot?.querySelectorAll('style') ?? [])].filter((style) => /visibility|opacity/.test(style.textContent));
      return sheets.length;
    });
  assert.equal(await ours(), 1, 'our sheet is in the first post’s shadow root');
  await page.evaluate(() => {
    const host = document.querySelector('shreddit-post[data-sincerely-shadow]');
    for (const style of host.shadowRoot.querySelectorAll('style')) if (/visibility|opacity/.test(style.textContent)) style.remove();
  });
  await waitFor(async () => (await ours()) === 1, 'our sheet back in the shadow root');
  await page.close();
});
