// Defines the fixture tests for one browser: every case in tests/fixtures that lists it.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { addsHosts, disableAddedHosts, enableAddedHosts, launch } from './browsers.mjs';
import { DIST, loadCases, runsIn, waitFor } from './harness.mjs';
import { runCase } from './cases.mjs';
import { visibleCounts } from './probe.mjs';

/**
 * The content-script entry that carries no engine bytes (the sites whose CSP refuses wasm,
 * see dist/chrome/manifest.json): its match patterns, and the engine path it leads to
 * (the engine as JavaScript when the entry ships engine-js.js, else the worker).
 */
function strictCspEntry() {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST('chrome'), 'manifest.json'), 'utf8'));
  const entry = manifest.content_scripts.find((e) => e.js?.includes('content.js') && !e.js.includes('engine-bytes.js'));
  return { matches: entry?.matches ?? [], engine: entry?.js.includes('engine-js.js') ? 'in-page-js' : 'worker' };
}

function matchesPattern(url, pattern) {
  const [, scheme, hostPattern, pathPattern] = pattern.match(/^(\w+):\/\/([^/]+)(\/.*)$/);
  const target = new URL(url);
  if (`${scheme}:` !== target.protocol) return false;
  const hostOk = hostPattern.startsWith('*.') ? target.hostname.endsWith(hostPattern.slice(1)) : target.hostname === hostPattern;
  return hostOk && new RegExp(`^${pathPattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(target.pathname);
}

/** Lets the page's inline scripts run, but no wasm: Chrome's content script uses the worker. */
const WORKER_CSP = "script-src 'self' 'unsafe-inline'";

/** Whether a CSP lets a content script compile wasm in Chrome. */
export function wasmAllowed(csp) {
  if (!csp) return true;
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]),
  );
  const scriptSrc = directives['script-src'] ?? directives['default-src'];
  if (!scriptSrc) return true;
  return scriptSrc.includes("'wasm-unsafe-eval'") || scriptSrc.includes("'unsafe-eval'");
}

export function defineFixtureSuite(browserName) {
  // SINCERELY_CASES=reddit/ runs only the cases whose id starts with it (while working on one site).
  const only = process.env.SINCERELY_CASES ?? '';
  const cases = loadCases().filter((kase) => runsIn(kase, browserName) && kase.id.startsWith(only));
  describe(`${browserName}: every fixture`, () => {
    let browser;
    const probeSaw = [];
    before(async () => {
      browser = await launch(browserName);
    });
    after(async () => {
      await browser?.close();
    });
    for (const kase of cases) {
      // In Chromium a page whose CSP refuses wasm is loaded twice: with that CSP and with
      // none, to prove the fallback works even where the build did not expect it.
      const variants = browserName === 'chromium' && kase.cspHeader ? [['real CSP', kase.cspHeader], ['no CSP', null]] : [['as served', kase.cspHeader]];
      // A case with `bothEngines` on a site that allows wasm also runs, in Chromium, under a
      // CSP without 'wasm-unsafe-eval': the content script falls back to the service worker.
      if (browserName === 'chromium' && kase.bothEngines && wasmAllowed(kase.cspHeader)) variants.push(['worker path', WORKER_CSP]);
      for (const [label, csp] of variants) {
        // A case whose feature is not built yet says so and is skipped, never passed.
        test(`${kase.id} (${label})`, { skip: kase.pending ?? false }, async (t) => {
          // A Mastodon instance or a generic-mode host: switched on as the popup does it.
          const addedHosts = addsHosts(kase.settings);
          if (kase.settings) {
            await enableAddedHosts(browser, kase.settings);
            t.after(() => disableAddedHosts(browser, kase.settings));
          }
          const result = await runCase(browser, kase, { csp, keepPage: true });
          const page = result.page;
          // On hosts added at run time the content script gets no engine bytes, so it
          // goes to the worker in both browsers (SCRIPT_FILES in extension/worker.js). On
          // Chrome's strict-CSP sites it runs the engine as JavaScript, whatever the CSP.
          const strict = strictCspEntry();
          const onStrictSite = strict.matches.some((pattern) => matchesPattern(kase.url, pattern));
          let expectedEngine = 'in-page';
          if (addedHosts) expectedEngine = 'worker';
          else if (browserName === 'chromium' && onStrictSite) expectedEngine = strict.engine;
          else if (browserName === 'chromium' && !wasmAllowed(csp)) expectedEngine = 'worker';
          assert.equal(result.engine, expectedEngine, 'engine path');
          assert.ok(result.frames > 0, 'the probe saw frames');
          if (kase.flash === 'before-first-pass') {
            // Generic mode: no stylesheet knows where a site prints its numbers, so what the
            // parser painted before the engine's first pass may show until that pass; once
            // the reported count is final, no frame may show one. The early frames are a
            // figure, printed, not a pass/fail (they depend on the machine's load).
            const late = result.leakFramesAt[String(kase.expectHidden)] ?? 0;
            assert.equal(late, 0, `a number was visible in ${late} frames after the first pass: ${result.leaks.join('; ')}`);
            t.diagnostic(`${result.leakFrames} of ${result.frames} frames showed a number before the first pass`);
          } else {
            assert.deepEqual(result.leaks, [], `a number was visible in ${result.leakFrames} of ${result.frames} frames`);
          }
          assert.deepEqual(result.leaksAtEnd, [], 'a number is visible at the end');
          // The same, by a probe that knows neither our rules nor our recognizer.
          assert.deepEqual(await page.evaluate(visibleCounts, kase.unchanged ?? []), [], 'the independent probe sees a count');
          t.diagnostic(`the independent probe saw ${result.baseline.probeCounts.length} counts without Sincerely, none with it`);
          probeSaw.push(...result.baseline.probeCounts);
          assert.equal(result.hidden, kase.expectHidden, 'numbers reported hidden');
          assert.deepEqual(result.snapshot.texts, result.baseline.texts, 'post text unchanged');
          assert.deepEqual(result.snapshot.boxes, result.baseline.boxes, 'layout did not move');
          if (kase.observed !== undefined) assert.equal(result.scope, String(kase.observed), 'containers observed (0: the whole document)');
          if (kase.expectTitle) assert.equal(result.title, kase.expectTitle, 'tab title');
          if (kase.click) {
            // A click on a control whose count is hidden still reaches the page's handler.
            await page.click(kase.click.selector);
            await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.click.expect), kase.click.expect, 3000);
          }
          await page.close();
        });
      }
    }
    // Its zeros above are the zeros of a probe that sees: without Sincerely it does.
    test('the independent probe sees the counts of the pages without Sincerely', () => {
      if (cases.length) assert.ok(probeSaw.length > cases.length, `${probeSaw.length} counts on ${cases.length} pages: ${probeSaw.slice(0, 5).join('; ')}`);
    });
  });
}
