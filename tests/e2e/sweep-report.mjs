// What the extension changed on each fixture page, text by text: every text node whose
// data differs from the same page without Sincerely, in document order, open shadow roots
// included. `node tests/e2e/sweep-report.mjs [id-prefix…]` (after `cargo xtask dist`).
// A report for people: it prints, and asserts nothing.

import { launch } from './browsers.mjs';
import { loadCases, runsIn } from './harness.mjs';
import { runCase } from './cases.mjs';

const prefixes = process.argv.slice(2);
const cases = loadCases().filter((kase) => runsIn(kase, 'chromium') && !kase.pending && !kase.settings && (!prefixes.length || prefixes.some((p) => kase.id.startsWith(p))));

function textsInPage() {
  const out = [];
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === 3) {
        if (node.parentElement && !['SCRIPT', 'STYLE'].includes(node.parentElement.tagName)) out.push(node.data);
      } else if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document.body ?? document.documentElement);
  return out;
}

const browser = await launch('chromium');
for (const kase of cases) {
  browser.router.serve('https://report.sincerely.invalid/' + kase.id, kase.html, kase.cspHeader);
  const before = await browser.newPage();
  await before.goto('https://report.sincerely.invalid/' + kase.id);
  const original = await before.evaluate(textsInPage);
  await before.close();
  const result = await runCase(browser, kase, { keepPage: true });
  const now = await result.page.evaluate(textsInPage);
  await result.page.close();
  const changed = [];
  if (now.length === original.length) {
    for (let i = 0; i < now.length; i++) if (now[i] !== original[i]) changed.push([original[i], now[i]]);
  }
  console.log(`\n${kase.id}: ${result.hidden} hidden (expected ${kase.expectHidden}), ${changed.length} texts changed${now.length === original.length ? '' : ' (page structure differs: not compared)'}`);
  for (const [from, to] of changed) console.log(`  ${JSON.stringify(from.trim().slice(0, 80))} → ${JSON.stringify(to.trim().slice(0, 80))}`);
}
await browser.close();
