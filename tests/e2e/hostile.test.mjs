// Hostile pages in real Chromium: markup and script carried as text, a page that breaks
// built-ins in its own world, a page of over 100,000 nodes, a page of 20,000 shadow roots,
// a mutation storm while the page's own input handler must stay responsive, and a page
// that moves our badge's host in
// a loop. The fixtures are tests/fixtures/x/hostile-*; the generic suite also runs all but
// hostile-overrides in both browsers.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browsers.mjs';
import { DIST, loadCases, probeSource, sleep, waitFor, withoutEngineJs } from './harness.mjs';
import { runCase } from './cases.mjs';
import { readBadges } from './pierce.mjs';

const cases = Object.fromEntries(loadCases().map((kase) => [kase.id, kase]));
let browser;
before(async () => {
  browser = await launch('chromium');
});
after(async () => {
  await browser?.close();
});

const PROBE_WORLD = 'sincerely-e2e-probe';

/**
 * Reads a page through an isolated world of the test's own, created at document start:
 * built-ins the page breaks in its main world (Array.prototype.map, JSON, rAF) are
 * intact there, so neither the probe nor the reads can be fooled or blinded by the page.
 */
async function isolatedReader(page, source) {
  const cdp = await page.raw.context().newCDPSession(page.raw);
  let contextId = null;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.name === PROBE_WORLD) contextId = context.id;
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Page.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: PROBE_WORLD });
  async function evaluate(expression, inMainWorld = false) {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      ...(inMainWorld ? {} : { contextId }),
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }
  return {
    read: (fn, arg) => evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`),
    /** In the page's own world; the protocol serialises the answer natively. */
    readMainWorld: (expression) => evaluate(expression, true),
    ready: () => contextId !== null,
    close: () => cdp.detach(),
  };
}

/** Waits until the hidden count stays the same for `ms`; returns it. */
async function settle(read, ms, what) {
  let last = null;
  let since = Date.now();
  return waitFor(async () => {
    const now = await read();
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    return now !== null && Date.now() - since >= ms && now;
  }, what, 30000);
}

const rootHidden = () => document.documentElement.getAttribute('data-sincerely-hidden');

test('markup and script carried as text never run and are never rewritten', async () => {
  const kase = cases['x/hostile-markup'];
  // Without a CSP, so that an inline handler would run if anything parsed it as markup
  // (x.com's nonce-based policy would block it and hide a bug).
  const result = await runCase(browser, kase, { csp: null, keepPage: true });
  const page = result.page;
  assert.deepEqual(result.leaks, []);
  assert.equal(result.hidden, kase.expectHidden);
  assert.equal(result.title, kase.expectTitle, 'the title keeps its markup as text');
  assert.deepEqual(result.snapshot.texts, result.baseline.texts, 'names and posts unchanged');
  const after = await page.evaluate(() => ({
    pwned: window.__sincerelyPwned ?? null,
    elements: document.querySelectorAll('#timeline img, #timeline script, #timeline svg:not([viewBox]), #timeline iframe, title *').length,
    scripts: document.scripts.length,
    contexts: [...document.querySelectorAll('[data-testid=socialContext]')].map((e) => e.textContent),
    hiddenContexts: [...document.querySelectorAll('[data-testid=socialContext]')].filter((e) => !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })).length,
  }));
  assert.equal(after.pwned, null, 'no payload ran');
  assert.equal(after.elements, 0, 'no element was made from the text');
  assert.equal(after.scripts, 1, "only the page's own script");
  assert.equal(after.contexts.length, 8);
  assert.equal(after.hiddenContexts, 0, 'every decided line is shown again');
  for (const text of after.contexts) {
    assert.doesNotMatch(text, /\d/, `count removed: ${text}`);
    assert.match(text, /^(<img src=x onerror="window.__sincerelyPwned='name'">|<script>window.__sincerelyPwned='script'<\/script>|ana &lt;b&gt;bold&lt;\/b&gt; <b>|"><svg onload=window.__sincerelyPwned='svg'>) /, `markup kept as text: ${text}`);
  }
  // The control: the same payload, parsed as markup by the page itself, does run here.
  await page.evaluate(() => {
    const holder = document.createElement('div');
    document.body.append(holder);
    holder.innerHTML = '<img src=x onerror="window.__sincerelyPwned=\'control\'">';
  });
  await waitFor(() => page.evaluate(() => window.__sincerelyPwned === 'control'), 'the control payload to run');
  await page.close();
});

test('a page that breaks built-ins in its own world does not break Sincerely', async () => {
  const kase = cases['x/hostile-overrides'];
  // The unbroken original, for the texts and the badge to compare with.
  const original = await runCase(browser, cases['x/profile-conversational'], { keepPage: true });
  const [originalBadge] = await waitFor(async () => {
    const badges = await readBadges(original.page.raw);
    return badges.length && badges[0].button?.texts.length ? badges : null;
  }, 'the badge on the original page');
  await original.page.close();

  browser.router.serve(kase.url, kase.html, kase.cspHeader);
  const page = await browser.newPage();
  const reader = await isolatedReader(page, probeSource(kase.probes));
  await page.goto(kase.url);
  const overridden = await reader.readMainWorld(
    "[document.documentElement.hasAttribute('data-fixture-overrides'), String(Element.prototype.attachShadow).includes('not allowed'), String(MutationObserver).startsWith('class'), String(Array.prototype.map).includes('not allowed')]",
  );
  assert.deepEqual(overridden, [true, true, true, true], "the page's overrides are in force in its world");
  await waitFor(() => reader.read((s) => !!document.querySelector(s), kase.ready), kase.ready);
  const hidden = await settle(() => reader.read(rootHidden), kase.settleMs, 'the hostile profile to settle');
  assert.equal(Number(hidden), kase.expectHidden, 'every count hidden, including the ones added after load');
  const state = await reader.read(
    ({ unchanged }) => {
      const probe = window.__sincerelyProbe;
      probe.running = false;
      return {
        frames: probe.frames,
        leaks: probe.leaks,
        leaksAtEnd: probe.check(),
        title: document.title,
        engine: document.documentElement.getAttribute('data-sincerely-engine'),
        texts: unchanged.map((selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent)),
      };
    },
    { unchanged: kase.unchanged },
  );
  assert.ok(state.frames > 0, 'the probe saw frames');
  assert.deepEqual(state.leaks, []);
  assert.deepEqual(state.leaksAtEnd, []);
  assert.equal(state.title, kase.expectTitle, 'the counter the page put in the title after load is gone');
  assert.equal(state.engine, 'in-page-js');
  assert.deepEqual(state.texts, original.snapshot.texts, 'post text unchanged');
  const [badge] = await waitFor(async () => {
    const badges = await readBadges(page.raw);
    return badges.length && badges[0].button?.texts.length ? badges : null;
  }, 'the badge on the hostile page');
  assert.equal(badge.shadowType, 'closed');
  assert.deepEqual(badge.button.texts, originalBadge.button.texts, 'the same badge as on the unbroken page');
  await reader.close();
  await page.close();
});

/** Records, in the page, when the hidden count last changed (ms after navigation start). */
const SETTLE_CLOCK = `(() => {
  const clock = { changes: 0, last: 0 };
  Object.defineProperty(window, '__sincerelyClock', { value: clock });
  new MutationObserver(() => { clock.changes++; clock.last = performance.now(); })
    .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-sincerely-hidden'] });
})();`;

test('a page of over 100,000 nodes: everything hidden, and the time to settle', async () => {
  const kase = cases['x/hostile-huge'];
  // With the real CSP and with none: Chrome runs the engine as JavaScript on x.com either
  // way (no engine bytes in its script entry); the second load shows the spread of the figure.
  for (const [label, csp] of [['real CSP', kase.cspHeader], ['no CSP', null]]) {
    browser.router.serve(kase.url, kase.html, csp);
    const page = await browser.newPage();
    await page.addInitScript(probeSource(kase.probes));
    await page.addInitScript(SETTLE_CLOCK);
    await page.goto(kase.url);
    await waitFor(async () => Number(await page.evaluate(rootHidden)) === kase.expectHidden, `${label}: all ${kase.expectHidden} hidden`, 30000);
    await sleep(kase.settleMs);
    const figures = await page.evaluate(() => {
      const probe = window.__sincerelyProbe;
      probe.running = false;
      let nodes = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) nodes++;
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        nodes,
        hidden: Number(document.documentElement.getAttribute('data-sincerely-hidden')),
        engine: document.documentElement.getAttribute('data-sincerely-engine'),
        settledMs: Math.round(window.__sincerelyClock.last),
        loadMs: Math.round(navigation.loadEventEnd),
        frames: probe.frames,
        leaks: probe.leaks,
        leaksAtEnd: probe.check(),
      };
    });
    console.log(`100k-node page, ${label}, engine ${figures.engine}: ${figures.nodes} nodes, load at ${figures.loadMs} ms, all ${figures.hidden} hidden at ${figures.settledMs} ms after navigation start`);
    assert.ok(figures.nodes >= 100000, `${figures.nodes} nodes`);
    assert.equal(figures.hidden, kase.expectHidden);
    assert.ok(figures.frames > 0);
    assert.deepEqual(figures.leaks, []);
    assert.deepEqual(figures.leaksAtEnd, []);
    await page.close();
  }
});

test('a page of 20,000 shadow roots and one nesting them 500 deep: the sweep stays on, capped, and the page keeps its timers', async () => {
  // Hand-made, served at a Reddit address (no CSP there: the engine runs in the page). Each
  // host's shadow root holds a comment count no rule names; the sweep finds each, a few
  // frames at a time. The 500-deep nest is below the sweep's depth cap: left alone, and
  // nothing breaks.
  const url = 'https://www.reddit.com/r/hostile_shadows/';
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>r/hostile_shadows</title></head>
<body><shreddit-app><main id="m"></main></shreddit-app>
<script nonce="sincerely-e2e">
addEventListener('load', () => {
  let last = performance.now();
  window.__longestGap = 0;
  setInterval(() => { const now = performance.now(); window.__longestGap = Math.max(window.__longestGap, now - last); last = now; }, 10);
  const main = document.getElementById('m');
  for (let i = 0; i < 20000; i++) {
    const host = document.createElement('div');
    const link = document.createElement('a');
    link.href = '#c' + i;
    link.textContent = (i % 97 + 2) + ' comments';
    host.attachShadow({ mode: 'open' }).append(link);
    main.append(host);
  }
  let at = main;
  for (let depth = 0; depth < 500; depth++) {
    const host = document.createElement('span');
    at.append(host);
    at = host.attachShadow({ mode: 'open' });
  }
  const deep = document.createElement('a');
  deep.textContent = '7 comments';
  at.append(deep);
  document.documentElement.setAttribute('data-fixture-done', '');
});
</script></body></html>`;
  // The page's own loop blocks its timer too: the same page where no content script runs
  // gives the figure to read ours against.
  const baselineUrl = 'https://baseline.sincerely.invalid/hostile-shadows';
  browser.router.serve(baselineUrl, html, null);
  const baseline = await browser.newPage();
  await baseline.goto(baselineUrl);
  await waitFor(() => baseline.evaluate(() => document.documentElement.hasAttribute('data-fixture-done')), 'the baseline page built');
  await sleep(1500);
  const baselineGap = Math.round(await baseline.evaluate(() => window.__longestGap));
  await baseline.close();
  browser.router.serve(url, html, null);
  const page = await browser.newPage();
  await page.goto(url);
  const hidden = await settle(() => page.evaluate(rootHidden), 1000, 'the count settles');
  const state = await page.evaluate(() => ({
    tokens: document.documentElement.getAttribute('data-sincerely'),
    visible: [...document.getElementById('m').children].filter((host) => host.shadowRoot && /\d/.test(host.shadowRoot.textContent)).length,
    gap: Math.round(window.__longestGap),
  }));
  console.log(`20,000 shadow roots: ${hidden} hidden, ${state.visible} hosts still showing a digit, longest gap of the page's 10 ms timer ${state.gap} ms (${baselineGap} ms without Sincerely)`);
  assert.notEqual(state.tokens, 'off', 'Sincerely stayed on');
  assert.equal(Number(hidden), 20000);
  assert.equal(state.visible, 0);
  await page.close();
});

/**
 * Watches the "reposted" lines on every frame: the page only ever writes "<name> and N
 * others reposted", and Sincerely may only take the count out. Anything else is text
 * garbled by an edit that landed on text it was not decided for.
 */
const GARBLE_WATCH = `(() => {
  const garbled = [];
  Object.defineProperty(window, '__sincerelyGarbled', { value: garbled });
  const shape = /^[a-z_]+ and (\\d+ )?others reposted$/;
  function frame() {
    for (const line of document.querySelectorAll('[data-testid=socialContext]')) {
      if (!shape.test(line.textContent) && garbled.length < 20) garbled.push(line.textContent);
    }
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();`;

const STORM_RATE = 10000;
const STORM_SECONDS = 10;

/**
 * Starts the page's storm and types into its search box throughout, through the
 * browser's real input pipeline, as a person would. Returns the storm's figures and the
 * handler latencies, sorted.
 */
async function typeThroughStorm(page) {
  await page.evaluate(({ rate, seconds }) => window.fixtureStorm(rate, seconds), { rate: STORM_RATE, seconds: STORM_SECONDS });
  const box = page.raw.locator('#box');
  while (await page.evaluate(() => window.fixtureStormState.running)) {
    await box.pressSequentially('sincerely', { delay: 60 });
    await box.fill('');
  }
  const storm = await page.evaluate(() => ({ ...window.fixtureStormState, latencies: [...window.fixtureLatencies] }));
  storm.latencies.sort((a, b) => a - b);
  storm.at = (q) => storm.latencies[Math.min(storm.latencies.length - 1, Math.floor(q * storm.latencies.length))].toFixed(1);
  return storm;
}
// Chrome runs the engine on x.com whatever the CSP: as JavaScript in the page (engine-js.js),
// or in the worker when that script did not load (a copy of the build without it), and the
// storm runs on both; the in-page wasm path's cost is synchronous like the first and shows
// in Firefox's generic run of the same fixture.
let workerBrowser = null;
async function browserFor(enginePath) {
  if (enginePath !== 'worker') return browser;
  workerBrowser ??= await launch('chromium', { extensionDir: withoutEngineJs(DIST('chrome')) });
  return workerBrowser;
}
after(async () => {
  await workerBrowser?.close();
});
for (const enginePath of ['in-page-js', 'worker']) {
  test(`a mutation storm (${enginePath}): the page stays responsive, nothing flashes or garbles, memory stays bounded`, async () => {
    const browser = await browserFor(enginePath);
    const kase = cases['x/hostile-storm'];
    const RATE = STORM_RATE;
    const SECONDS = STORM_SECONDS;
    browser.router.serve(kase.url, kase.html, kase.cspHeader);
    const page = await browser.newPage();
    await page.addInitScript(probeSource(kase.probes));
    await page.addInitScript(GARBLE_WATCH);
    await page.goto(kase.url);
    await settle(() => page.evaluate(rootHidden), kase.settleMs, 'the storm page to settle');
    assert.equal(Number(await page.evaluate(rootHidden)), kase.expectHidden);
    const cdp = await page.raw.context().newCDPSession(page.raw);
    await cdp.send('Performance.enable');
    // The page's and the content script's heaps are one isolate's; collected garbage first,
    // so the figure is what is kept, not what is pending.
    const heapUsed = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    };
    const heapBefore = await heapUsed();

    const storm = await typeThroughStorm(page);
    await settle(() => page.evaluate(rootHidden), 1000, 'the page to settle after the storm');
    const heapAfter = await heapUsed();
    const end = await page.evaluate(() => {
      const probe = window.__sincerelyProbe;
      probe.running = false;
      return {
        frames: probe.frames,
        leakFrames: probe.leakFrames,
        leaks: probe.leaks,
        leaksAtEnd: probe.check(),
        tokens: document.documentElement.getAttribute('data-sincerely'),
        engine: document.documentElement.getAttribute('data-sincerely-engine'),
        contexts: [...document.querySelectorAll('[data-testid=socialContext]')].map((e) => e.textContent),
        garbled: window.__sincerelyGarbled,
        hiddenContexts: [...document.querySelectorAll('[data-testid=socialContext]')].filter((e) => !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })).length,
        echo: document.getElementById('echo').textContent,
      };
    });
    await cdp.detach();

    const latencies = storm.latencies;
    const p = storm.at;
    const mb = (bytes) => (bytes / 1048576).toFixed(1);
    console.log(
      `storm: ${storm.done} mutations in ${(storm.ms / 1000).toFixed(1)} s (${Math.round(storm.done / (storm.ms / 1000))}/s: ` +
        `${storm.counts} counts, ${storm.contexts} reposted lines, ${storm.posts} posts replaced); ` +
        `${latencies.length} input events, handler latency median ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms; ` +
        `JS heap ${mb(heapBefore)} MB before, ${mb(heapAfter)} MB after; ${end.frames} frames probed`,
    );
    assert.ok(storm.done >= RATE * SECONDS * 0.9, `the storm reached ${storm.done} mutations`);
    // Enough samples to see a blocked main thread. The driver's round trips set how many
    // (40 with four builds running beside the test).
    assert.ok(latencies.length >= 30, `${latencies.length} input events`);
    assert.ok(latencies.at(-1) < 100, `the page's input handler answered within 100 ms (max ${p(1)} ms)`);
    assert.equal(end.echo, '', 'the last input reached the page');
    assert.notEqual(end.tokens, 'off', 'Sincerely is still on');
    assert.equal(end.engine, enginePath);
    // Edits decided for text the page has since replaced must not land on the new text.
    assert.deepEqual(end.garbled, [], 'reposted lines garbled during the storm');
    assert.ok(end.contexts.length > 0);
    assert.equal(end.hiddenContexts, 0, 'every reposted line is shown again once decided');
    for (const text of end.contexts) assert.match(text, /^[a-z_]+ and others reposted$/, 'a reposted line intact, its count removed');
    assert.deepEqual(end.leaks, [], `a number was visible in ${end.leakFrames} of ${end.frames} frames`);
    assert.deepEqual(end.leaksAtEnd, []);
    assert.ok(heapAfter < 2 * heapBefore + 50 * 1048576, `heap ${mb(heapAfter)} MB after, ${mb(heapBefore)} MB before`);
    await page.close();

    // The same storm on the same page without Sincerely (an origin no content script
    // matches), so the figures above can be read against the page's own cost.
    const reference = await browser.newPage();
    browser.router.serve('https://baseline.sincerely.invalid/storm', kase.html, kase.cspHeader);
    await reference.goto('https://baseline.sincerely.invalid/storm');
    const without = await typeThroughStorm(reference);
    console.log(
      `storm without Sincerely: ${without.done} mutations; handler latency median ${without.at(0.5)} ms, p95 ${without.at(0.95)} ms, max ${without.at(1)} ms`,
    );
    await reference.close();
  });
}

test('a page that removes and re-adds our badge in a loop: no fight, the badge survives', async () => {
  const kase = cases['x/profile-conversational'];
  const result = await runCase(browser, kase, { keepPage: true });
  const page = result.page;
  const badgesNow = async () => {
    const badges = await readBadges(page.raw);
    return badges.length && badges[0].button?.texts.length ? badges : null;
  };
  const [before] = await waitFor(badgesNow, 'the badge');
  const errors = [];
  page.raw.on('console', (message) => message.type() === 'warning' && /Sincerely/.test(message.text()) && errors.push(message.text()));
  // The page's own script takes our host out and puts it back every 4 ms for 2 s, and
  // counts how often it found it: a content script that fought back would show as more
  // hosts, or as the loop finding none.
  const loop = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const counts = { moved: 0, missing: 0, most: 0 };
        const until = performance.now() + 2000;
        const timer = setInterval(() => {
          const hosts = document.querySelectorAll('[data-sincerely-badge]');
          counts.most = Math.max(counts.most, hosts.length);
          const host = hosts[0];
          if (!host) counts.missing++;
          else {
            const parent = host.parentNode;
            const next = host.nextSibling;
            host.remove();
            parent.insertBefore(host, next);
            counts.moved++;
          }
          if (performance.now() > until) {
            clearInterval(timer);
            resolve(counts);
          }
        }, 4);
      }),
  );
  await sleep(500);
  const badges = await badgesNow();
  const root = await page.evaluate(() => ({
    tokens: document.documentElement.getAttribute('data-sincerely'),
    hidden: Number(document.documentElement.getAttribute('data-sincerely-hidden')),
  }));
  console.log(`badge host moved ${loop.moved} times by the page; at most ${loop.most} host(s) at once; missing ${loop.missing} times`);
  assert.ok(loop.moved > 100, `the loop ran (${loop.moved} moves)`);
  assert.equal(loop.most, 1, 'never a second badge');
  assert.equal(loop.missing, 0);
  assert.equal(badges?.length, 1, 'the badge is still there');
  assert.deepEqual(badges[0].button.texts, before.button.texts);
  assert.equal(root.tokens, '', 'Sincerely is still on');
  assert.equal(root.hidden, kase.expectHidden);
  assert.deepEqual(errors, [], 'no failure reported');
  await page.close();
});

test('a 100 KB tab title on a worker-path page leaves another tab answered within a second', async () => {
  // Where the engine runs in the one service worker every such tab shares (x.com from a
  // build without engine-js.js; on the JavaScript path each tab has its own). The first tab
  // changes its title to a new 100 KB of "1.2K followers" every 100 ms (the recognizer
  // once took seconds for each); the second then sets a title with an unread counter and
  // must get it hidden within a second.
  const csp = cases['x/home-timeline'].cspHeader;
  const html = (title) => `<!doctype html><html><head><title>${title}</title></head><body><main role="main"></main></body></html>`;
  const browser = await browserFor('worker');
  browser.router.serve('https://x.com/hostile-title', html('Hostile'), csp);
  browser.router.serve('https://x.com/messages', html('Messages / X'), csp);
  const hostile = await browser.newPage();
  await hostile.goto('https://x.com/hostile-title');
  await waitFor(() => hostile.evaluate(() => document.documentElement.getAttribute('data-sincerely-engine')), 'the hostile tab to start');
  await hostile.evaluate(() => {
    let round = 0;
    setInterval(() => {
      round++;
      document.title = `(${round}) ` + `${round}.2K followers `.repeat(100_000 / 16);
    }, 100);
  });
  const other = await browser.newPage();
  await other.goto('https://x.com/messages');
  const engine = await waitFor(() => other.evaluate(() => document.documentElement.getAttribute('data-sincerely-engine')), 'the other tab to start', 20000);
  assert.equal(engine, 'worker');
  await sleep(1000); // Several of the hostile titles are in the worker's queue by now.
  const latencies = [];
  for (let unread = 1; unread <= 3; unread++) {
    const started = Date.now();
    await other.evaluate((n) => (document.title = `(${n}) Messages / X`), unread);
    await waitFor(() => other.evaluate(() => document.title === 'Messages / X'), `unread counter ${unread} hidden`, 15000);
    latencies.push(Date.now() - started);
  }
  const hostileTitle = await hostile.evaluate(() => ({ length: document.title.length, head: document.title.slice(0, 12) }));
  console.log(`other tab's title answered in ${latencies.join(', ')} ms while the hostile tab's title is ${hostileTitle.length} characters ("${hostileTitle.head}…")`);
  assert.ok(hostileTitle.length > 90_000, 'the hostile title is in place');
  assert.ok(Math.max(...latencies) < 1000, `answered within 1 s: ${latencies.join(', ')} ms`);
  await hostile.close();
  await other.close();
});
