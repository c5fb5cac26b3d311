// The end-to-end harness: real Chromium (playwright-core) and real Firefox ESR
// (puppeteer-core over WebDriver BiDi), each with the built extension loaded.
//
// Pages are served at their real https URLs with the site's real CSP header through
// request interception; every other request is blocked and recorded, and a test that
// sees one fails. A probe injected before any page script records, on every animation
// frame, whether a digit is visible inside the case's probe selectors, open shadow roots
// included.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = (browser) => path.join(ROOT, 'dist', browser);
const CSP = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/e2e/csp.json'), 'utf8')).policies;

/** Every case under tests/fixtures, with its page loaded. */
/** Whether `kase` runs in `browserName` (a case names its browsers; Chromium alone by default). */
export const runsIn = (kase, browserName) => (kase.browsers ?? ['chromium']).includes(browserName);

export function loadCases() {
  const cases = [];
  const base = path.join(ROOT, 'tests/fixtures');
  for (const site of fs.readdirSync(base).sort()) {
    const siteDir = path.join(base, site);
    if (!fs.statSync(siteDir).isDirectory()) continue;
    for (const name of fs.readdirSync(siteDir).sort()) {
      const dir = path.join(siteDir, name);
      const casePath = path.join(dir, 'case.json');
      if (!fs.existsSync(casePath)) continue;
      const spec = JSON.parse(fs.readFileSync(casePath, 'utf8'));
      const csp = spec.csp ? CSP[spec.csp] : null;
      if (spec.csp && !csp) throw new Error(`${site}/${name}: no CSP named ${spec.csp}`);
      cases.push({ id: `${site}/${name}`, site, dir, ...spec, cspHeader: csp, html: fs.readFileSync(path.join(dir, 'page.html')) });
    }
  }
  return cases;
}

/** A request router: fixtures by URL, extension files through, everything else blocked. */
export class Router {
  constructor() {
    this.pages = new Map();
    this.blocked = [];
  }
  serve(url, html, csp) {
    this.pages.set(url.split('#')[0], { html, csp });
  }
  /** → {fulfill: {status, headers, body}} | {pass: true} | {block: true} */
  decide(url) {
    if (/^(chrome-extension|moz-extension|data|blob|about):/.test(url)) return { pass: true };
    // The demo command's own www/ server on loopback.
    if (this.passPrefix && url.startsWith(this.passPrefix)) return { pass: true };
    const page = this.pages.get(url.split('#')[0]);
    if (page) {
      const headers = { 'content-type': 'text/html; charset=utf-8' };
      if (page.csp) headers['content-security-policy'] = page.csp;
      return { fulfill: { status: 200, headers, body: page.html } };
    }
    this.blocked.push(url);
    return { block: true };
  }
  /** Requests that would have left the machine, minus the page's own resources we chose to block. */
  leaks(allowedPrefixes = []) {
    return this.blocked.filter((url) => !allowedPrefixes.some((prefix) => url.startsWith(prefix)));
  }
}

/** The probe: runs in the page's main world before any page script. */
export function probeSource(probes) {
  return `(() => {
    const probes = ${JSON.stringify(probes)};
    const digit = /[0-9\\u0660-\\u0669\\u06F0-\\u06F9\\uFF10-\\uFF19]/;
    // leakFramesAt: leak frames by the count the content script reported at that frame
    // (data-sincerely-hidden, absent before its first report), for generic mode's promise.
    const state = { frames: 0, leakFrames: 0, leaks: [], leakFramesAt: {}, running: true };
    Object.defineProperty(window, '__sincerelyProbe', { value: state });
    function visible(element) {
      if (!element.getClientRects().length) return false;
      return element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    }
    // "host >>> inner" reaches into open shadow roots: inner is matched inside the shadow
    // root of each host (Reddit draws its counts there).
    function query(selector) {
      const [first, ...inner] = selector.split(/\s*>>>\s*/);
      let found = [...document.querySelectorAll(first)];
      for (const part of inner) found = found.flatMap((host) => (host.shadowRoot ? [...host.shadowRoot.querySelectorAll(part)] : []));
      return found;
    }
    // Every text node under element, through every open shadow root below it too.
    function eachText(element, visit) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) visit(node);
        else if (node.shadowRoot) eachText(node.shadowRoot, visit);
      }
    }
    function leaksNow() {
      const found = [];
      for (const selector of probes) {
        for (const element of query(selector)) {
          eachText(element, (node) => {
            // A text right under a shadow root is drawn as its host's.
            const owner = node.parentElement ?? node.parentNode?.host;
            if (digit.test(node.data) && owner && visible(owner)) {
              found.push(selector + ' → ' + JSON.stringify(node.data.trim().slice(0, 60)));
            }
          });
        }
      }
      return found;
    }
    state.check = leaksNow;
    function frame() {
      if (!state.running) return;
      state.frames++;
      if (document.documentElement) {
        const found = leaksNow();
        if (found.length) {
          state.leakFrames++;
          const reported = document.documentElement.getAttribute('data-sincerely-hidden') ?? 'none';
          state.leakFramesAt[reported] = (state.leakFramesAt[reported] ?? 0) + 1;
          if (state.leaks.length < 20) state.leaks.push(...found.slice(0, 20 - state.leaks.length));
        }
      }
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  })();`;
}

export function tempProfile(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sincerely-${prefix}-`));
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `read()` is truthy, or throws with `what` after `ms`. */
export async function waitFor(read, what, ms = 10000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A copy of the build in `dir` (dist/chrome or dist/chrome-faults) whose strict-CSP entry
 * has no engine-js.js: x.com, github.com and news.ycombinator.com then run the engine in
 * the service worker, as a tab does whose JavaScript engine failed to load. For the tests
 * of the worker path itself (its faults, a panic in it).
 */
export function withoutEngineJs(dir) {
  const copy = path.join(ROOT, 'target/e2e', `${path.basename(dir)}-worker-path`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(dir, copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const entries = manifest.content_scripts.filter((entry) => entry.js?.includes('engine-js.js'));
  if (!entries.length) throw new Error(`${dir}/manifest.json has no entry with engine-js.js: rebuild with \`cargo xtask dist\``);
  for (const entry of entries) entry.js = entry.js.filter((script) => script !== 'engine-js.js');
  fs.rmSync(path.join(copy, 'engine-js.js'));
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
  return copy;
}
