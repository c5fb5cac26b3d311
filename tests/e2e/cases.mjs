// Runs one fixture case in an open browser and returns what happened.

import { probeSource, sleep, waitFor } from './harness.mjs';
import { visibleCounts } from './probe.mjs';

const BASELINE_ORIGIN = 'https://baseline.sincerely.invalid/';

/** Texts and boxes of the page without Sincerely (an origin no content script matches). */
async function baseline(browser, kase) {
  const url = BASELINE_ORIGIN + kase.id;
  browser.router.serve(url, kase.html, kase.cspHeader);
  const page = await browser.newPage();
  await page.goto(url);
  if (kase.ready) await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.ready), `baseline ready: ${kase.ready}`);
  await sleep(kase.settleMs ?? 300);
  const snapshot = await page.evaluate(snapshotInPage, { unchanged: kase.unchanged ?? [], layout: kase.layout ?? [] });
  // What the independent probe sees without us: proof, page by page, that it can see.
  snapshot.probeCounts = await page.evaluate(visibleCounts, kase.unchanged ?? []);
  await page.close();
  return snapshot;
}

function snapshotInPage({ unchanged, layout }) {
  // An element's text as a reader gets it: through the open shadow roots below it too (a
  // component's meta line may live in its own shadow root).
  const composed = (root) => {
    let text = '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) text += node.data;
      else if (node.shadowRoot) text += composed(node.shadowRoot);
    }
    return text;
  };
  const texts = unchanged.map((selector) => [...document.querySelectorAll(selector)].map(composed));
  // x, width and height, not y: a row must not jump sideways or change size when its
  // counts go, while the page above may settle a few pixels differently between loads
  // (blocked images get their broken-image box at slightly different times).
  const boxes = layout.map((selector) =>
    [...document.querySelectorAll(selector)].map((e) => {
      const r = e.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.width), Math.round(r.height)].join(',');
    }),
  );
  return { texts, boxes };
}

/**
 * Loads the case at its real URL with `csp` (the real header, or null to serve none)
 * and returns { frames, leakFrames, leaks, hidden, engine, snapshot, baseline }.
 */
export async function runCase(browser, kase, { csp = kase.cspHeader, keepPage = false } = {}) {
  const before = await baseline(browser, kase);
  browser.router.serve(kase.url, kase.html, csp);
  const page = await browser.newPage();
  await page.addInitScript(probeSource(kase.probes ?? []));
  await page.goto(kase.url);
  if (kase.ready) await waitFor(() => page.evaluate((s) => !!document.querySelector(s), kase.ready), `ready: ${kase.ready}`);
  // Settled: the reported count stops changing for settleMs.
  let last = null;
  let stableSince = Date.now();
  await waitFor(async () => {
    const now = await page.evaluate(() => document.documentElement.getAttribute('data-sincerely-hidden') ?? document.documentElement.getAttribute('data-sincerely'));
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
    return now !== null && Date.now() - stableSince >= (kase.settleMs ?? 300);
  }, `${kase.id} to settle`, 20000);
  const result = await page.evaluate(() => {
    const probe = window.__sincerelyProbe;
    probe.running = false;
    const root = document.documentElement;
    return {
      frames: probe.frames,
      leakFrames: probe.leakFrames,
      leakFramesAt: probe.leakFramesAt,
      leaks: probe.leaks,
      leaksAtEnd: probe.check(),
      hidden: Number(root.getAttribute('data-sincerely-hidden')),
      engine: root.getAttribute('data-sincerely-engine'),
      tokens: root.getAttribute('data-sincerely'),
      scope: root.getAttribute('data-sincerely-scope'),
      title: document.title,
    };
  });
  result.snapshot = await page.evaluate(snapshotInPage, { unchanged: kase.unchanged ?? [], layout: kase.layout ?? [] });
  result.baseline = before;
  if (keepPage) result.page = page;
  else await page.close();
  return result;
}
