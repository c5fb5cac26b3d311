// What the extension changed on each fixture page, text by text: every text node whose
// data differs from the same page without Sincerely, in document order, open shadow roots
// included. `node tests/e2e/sweep-report.mjs [id-prefix…]` (after `cargo xtask dist`).
// Each change is sorted by the independent probe (probe.mjs, not our rules or recognizer):
// a count when its original text and one of the page's visible number-and-metric-word runs
// contain one another, else "NOT A COUNT" for a person to read (#19's target: none).
// A report for people: it prints, and asserts nothing.

import { launch } from './browsers.mjs';
import { loadCases, runsIn } from './harness.mjs';
import { runCase } from './cases.mjs';
import { visibleCounts } from './probe.mjs';

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

const totals = { pages: 0, changed: 0, notCounts: 0 };
const browser = await launch('chromium');
for (const kase of cases) {
  browser.router.serve('https://report.sincerely.invalid/' + kase.id, kase.html, kase.cspHeader);
  const before = await browser.newPage();
  await before.goto('https://report.sincerely.invalid/' + kase.id);
  const original = await before.evaluate(textsInPage);
  const counts = await before.evaluate(visibleCounts);
  await before.close();
  const result = await runCase(browser, kase, { keepPage: true });
  const now = await result.page.evaluate(textsInPage);
  await result.page.close();
  const changed = [];
  if (now.length === original.length) {
    for (let i = 0; i < now.length; i++) if (now[i] !== original[i]) changed.push([original[i], now[i]]);
  }
  const flat = (text) => text.replace(/\s+/g, ' ').trim();
  const isCount = (text) => flat(text) !== '' && counts.some((run) => run.includes(flat(text)) || flat(text).includes(run));
  // A space between a number and its word goes with the number: not a text of its own.
  const isGap = (text) => flat(text) === '';
  const notCounts = changed.filter(([from]) => !isGap(from) && !isCount(from)).length;
  totals.pages++;
  totals.changed += changed.length;
  totals.notCounts += notCounts;
  console.log(`\n${kase.id}: ${result.hidden} hidden (expected ${kase.expectHidden}), ${changed.length} texts changed, ${notCounts} not counts${now.length === original.length ? '' : ' (page structure differs: not compared)'}`);
  for (const [from, to] of changed) console.log(`  ${isGap(from) ? '(gap) ' : isCount(from) ? '' : 'NOT A COUNT '}${JSON.stringify(from.slice(0, 80))} → ${JSON.stringify(to.slice(0, 80))}`);
}
console.log(`\n${totals.pages} pages: ${totals.changed} texts changed, ${totals.notCounts} of them not counts`);
await browser.close();
