// The conversation-quality badge on profile pages, in real Chromium: what it shows must
// be what the native `sincerely score` computes for the same posts.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { launch } from './browsers.mjs';
import { loadCases, ROOT, waitFor } from './harness.mjs';
import { runCase } from './cases.mjs';
import { readBadges } from './pierce.mjs';

let browser;
before(async () => {
  browser = await launch('chromium');
});
after(async () => {
  await browser?.close();
});

/** The reference: the native command line on the fixture's posts.json. */
function expectedBadge(kase, posts = kase.badge.posts) {
  const file = path.join(kase.dir, posts);
  const output = execFileSync('cargo', ['run', '--quiet', '--', 'score', file, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(output).files[0].badge;
}

const cases = loadCases().filter((kase) => kase.badge);

for (const kase of cases) {
  test(`${kase.id}: the badge matches the engine`, async () => {
    const expected = expectedBadge(kase);
    const result = await runCase(browser, kase, { keepPage: true });
    const page = result.page.raw;
    const [badge] = await waitFor(async () => {
      const badges = await readBadges(page);
      return badges.length && badges[0].button?.texts.length ? badges : null;
    }, 'the badge');
    assert.equal(badge.shadowType, 'closed');
    const shown = badge.button.texts.join(' ');
    assert.ok(shown.includes(expected.labelName), `label: ${shown} vs ${expected.labelName}`);
    assert.ok(shown.includes(String(expected.score)), `score: ${shown} vs ${expected.score}`);
    assert.match(badge.button.attributes['aria-label'], new RegExp(`${expected.labelName}, ${expected.score} of 100`));
    const panelText = badge.panel.texts.join('\n');
    for (const reason of expected.reasons) assert.ok(panelText.includes(reason.text), `reason missing: ${reason.text}`);
    for (const bar of expected.bars) assert.ok(panelText.includes(bar.name), `bar missing: ${bar.name}`);
    assert.ok('hidden' in badge.panel.attributes, 'the panel starts closed');

    // Click opens the panel; Escape closes it.
    await page.click('sincerely-badge');
    await waitFor(async () => (await readBadges(page))[0].button.attributes['aria-expanded'] === 'true', 'the panel to open');
    await page.keyboard.press('Escape');
    await waitFor(async () => (await readBadges(page))[0].button.attributes['aria-expanded'] === 'false', 'the panel to close');

    // The page's own scripts cannot reach into it.
    const fromPage = await page.evaluate(() => {
      const host = document.querySelector('sincerely-badge');
      return { shadowRoot: host.shadowRoot, text: host.textContent, attributes: host.getAttributeNames() };
    });
    assert.equal(fromPage.shadowRoot, null);
    assert.equal(fromPage.text, '');

    if (kase.navigate) {
      // The site moves to another person in place. After the click, no painted frame may
      // still hold the previous person's badge (checked after each frame's paint).
      const expectedNext = expectedBadge(kase, kase.navigate.posts);
      await page.evaluate(() => {
        window.__oldBadge = document.querySelector('sincerely-badge');
        window.__oldBadgeFrames = 0;
        let frames = 0;
        const tick = () =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const navigated = document.documentElement.hasAttribute('data-fixture-navigated');
              if (navigated && window.__oldBadge.isConnected) window.__oldBadgeFrames++;
              if (++frames < 90) tick();
            }, 0),
          );
        tick();
      });
      await page.click(kase.navigate.click);
      await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.navigate.ready), 'the navigation');
      const [next] = await waitFor(async () => {
        const badges = await readBadges(page);
        const label = expectedNext.score === null ? 'Not enough to judge' : expectedNext.labelName;
        return badges.length === 1 && badges[0].button.texts.join(' ').includes(label) ? badges : null;
      }, "the next person's badge");
      assert.ok(next.button.attributes['aria-label'].includes(expectedNext.score === null ? 'Not enough to judge' : expectedNext.labelName));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(await page.evaluate(() => window.__oldBadgeFrames), 0, 'frames painted with the previous badge');
    }
    await page.close();
  });
}

test('no badge on a page that is not a profile', async () => {
  const kase = loadCases().find((c) => c.id === 'x/home-timeline');
  const result = await runCase(browser, kase, { keepPage: true });
  assert.deepEqual(await readBadges(result.page.raw), []);
  await result.page.close();
});

// Firefox: the same pipeline (in-page engine there). Closed shadow roots are out of reach
// of the page and of puppeteer, so this checks that a badge of plausible size is drawn
// and that the page cannot look inside it.
test('firefox: the badge is drawn on an X profile and stays closed', async () => {
  const firefox = await launch('firefox');
  try {
    const kase = loadCases().find((c) => c.id === 'x/profile-conversational');
    const result = await runCase(firefox, kase, { keepPage: true });
    const seen = await waitFor(
      () =>
        result.page.evaluate(() => {
          const host = document.querySelector('sincerely-badge');
          const box = host?.getBoundingClientRect();
          return host && box.width > 60 && box.height > 10 && { width: box.width, shadowRoot: host.shadowRoot, text: host.textContent };
        }),
      'the badge in Firefox',
    );
    assert.equal(seen.shadowRoot, null);
    assert.equal(seen.text, '');
    assert.equal(result.engine, 'in-page');
    await result.page.close();
  } finally {
    await firefox.close();
  }
});
