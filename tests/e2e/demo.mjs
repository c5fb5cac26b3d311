// `cargo xtask run`: Sincerely on every demo page, before and after.
//
// Serves www/ on 127.0.0.1 and every fixture at its real URL (as the tests do), opens
// Chromium with the built extension, and for each demo page saves a screenshot without
// Sincerely (before) and with it (after) into target/demo/, printing what was hidden.
// It writes target/demo/index.html, every page before and after side by side, the popup
// and the options page, and the store-size screenshots in target/demo/store/. With a
// display ($DISPLAY) the browser stays open on the demo index to browse.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { addsHosts, disableAddedHosts, enableAddedHosts, launch } from './browsers.mjs';
import { loadCases, ROOT, runsIn, sleep } from './harness.mjs';
import { runCase } from './cases.mjs';

const OUT = path.join(ROOT, 'target/demo');
fs.mkdirSync(OUT, { recursive: true });
// Store-size screenshots (the Chrome Web Store takes 1280×800; addons.mozilla.org any size):
// a profile with its badge, a feed, a video page and Hacker News, after Sincerely.
const STORE = { dir: path.join(OUT, 'store'), width: 1280, height: 800 };
const STORE_PAGES = ['x/profile-conversational', 'bluesky/profile-stephenking', 'youtube/watch', 'hackernews/front-page'];
const headed = !!process.env.DISPLAY && !process.env.CI;
// --check (`cargo xtask run --check`, a step of `cargo xtask test`): every demo page, no
// screenshots, headless; fails when one does.
const check = process.argv.includes('--check');

// www/ as a static site, on loopback only.
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = http.createServer((request, response) => {
  const file = path.join(ROOT, 'www', path.normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
  const target = fs.existsSync(file) && fs.statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
  if (!target.startsWith(path.join(ROOT, 'www')) || !fs.existsSync(target)) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
  fs.createReadStream(target).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const wwwUrl = `http://127.0.0.1:${server.address().port}/`;

const browser = await launch('chromium');
browser.router.passPrefix = wwwUrl;
// The pages Chromium runs, as the fixture suite picks them; a page not built yet is left out.
const cases = loadCases().filter((kase) => runsIn(kase, 'chromium') && !kase.pending);
console.log(`www/ at ${wwwUrl}${check ? '' : `\nscreenshots in ${path.relative(ROOT, OUT)}/`}\n`);
console.log('page'.padEnd(34), 'hidden', ' engine', ' visible numbers left');
const rows = [];
const failures = [];
for (const kase of cases) {
  const name = kase.id.replace('/', '-');
  try {
    if (!check) {
      // Before: the same page at an origin no content script matches.
      const url = 'https://before.sincerely.invalid/' + kase.id;
      browser.router.serve(url, kase.html, kase.cspHeader);
      const before = await browser.newPage();
      await before.goto(url);
      await sleep(kase.ready ? 800 : 300);
      await before.screenshot(path.join(OUT, `${name}-before.png`));
      await before.close();
    }
    // A Mastodon instance or a generic-mode host is switched on as the popup does it: on a
    // fresh profile Sincerely does not run there (it once timed out waiting here).
    const added = addsHosts(kase.settings);
    if (kase.settings) await enableAddedHosts(browser, kase.settings);
    try {
      const result = await runCase(browser, kase, { keepPage: true });
      if (!check) await result.page.screenshot(path.join(OUT, `${name}-after.png`));
      if (!check && STORE_PAGES.includes(kase.id)) await storeScreenshot(result.page, name);
      await result.page.close();
      console.log(kase.id.padEnd(34), String(result.hidden).padStart(6), String(result.engine).padStart(8), ` ${result.leaksAtEnd.length}`);
      rows.push({ kase, name, result, added });
      if (result.leaksAtEnd.length) failures.push(`${kase.id}: ${result.leaksAtEnd.length} numbers still visible`);
      else if (result.hidden !== kase.expectHidden) failures.push(`${kase.id}: ${result.hidden} hidden, ${kase.expectHidden} expected`);
    } finally {
      if (kase.settings) await disableAddedHosts(browser, kase.settings);
    }
  } catch (error) {
    console.log(kase.id.padEnd(34), `failed: ${error.message}`);
    failures.push(`${kase.id}: ${error.message}`);
  }
}
if (!check) {
  // The popup, as a person opens it on the last page.
  const popup = await browser.extensionPage('popup.html');
  await sleep(500);
  await popup.screenshot(path.join(OUT, 'popup.png'));
  await popup.close();
  // The options page, where the per-kind grid and the sites are.
  const options = await browser.extensionPage('options.html');
  await sleep(500);
  await options.screenshot(path.join(OUT, 'options.png'));
  await options.close();
  writeIndex(rows);
}
if (failures.length) {
  console.error(`\n${failures.length} of ${cases.length} demo pages failed:\n  ${failures.join('\n  ')}`);
  await browser.close();
  server.close();
  process.exit(1);
}
console.log(`\nall ${cases.length} demo pages: every number hidden.`);
if (!check) console.log(`Open ${path.join(OUT, 'index.html')}`);
if (headed && !check) {
  console.log('\nThe browser stays open; close it to finish.');
  const page = await browser.newPage();
  await page.goto(wwwUrl);
  await new Promise((resolve) => browser.context?.on('close', resolve));
} else {
  await browser.close();
}
server.close();

/** target/demo/store/<page>.png at the store's size, checked from the PNG's own header. */
async function storeScreenshot(page, name) {
  fs.mkdirSync(STORE.dir, { recursive: true });
  await page.raw.setViewportSize({ width: STORE.width, height: STORE.height });
  await sleep(300);
  const file = path.join(STORE.dir, `${name}.png`);
  await page.screenshot(file);
  const png = fs.readFileSync(file);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (width !== STORE.width || height !== STORE.height) throw new Error(`${file}: ${width}×${height}, not ${STORE.width}×${STORE.height}`);
}

/** target/demo/index.html: every page before and after, side by side, and the popup. */
function writeIndex(rows) {
  const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const row = ({ kase, name, result, added }) => `<section>
<h2>${escape(kase.id)}</h2>
<p>${escape(kase.url)} · ${escape(result.hidden)} numbers hidden · engine: ${escape(result.engine)}${added ? ' · switched on as the popup does' : ''}${result.leaksAtEnd.length ? ` · <strong>${escape(result.leaksAtEnd.length)} still visible</strong>` : ''}</p>
<div class="pair"><figure><img src="${escape(name)}-before.png" alt=""><figcaption>before</figcaption></figure><figure><img src="${escape(name)}-after.png" alt=""><figcaption>with Sincerely</figcaption></figure></div>
</section>`;
  const html = `<!doctype html>
<meta charset="utf-8"><title>Sincerely demo</title>
<style>body{font:15px system-ui;margin:2em}.pair{display:flex;gap:1em}figure{margin:0;flex:1}img{width:100%;border:1px solid #ccc}section{margin-bottom:3em}</style>
<h1>Sincerely on every demo page</h1>
<p>${escape(rows.length)} pages, each before (no extension) and after. Badge pages show the badge in the after column.</p>
<section><h2>The popup</h2><img src="popup.png" alt="" style="width:auto"></section>
<section><h2>The options page (All settings)</h2><img src="options.png" alt="" style="width:auto"></section>
<section><h2>Store screenshots (${STORE.width}×${STORE.height})</h2><div class="pair">${STORE_PAGES.map((id) => `<figure><img src="store/${escape(id.replace('/', '-'))}.png" alt=""><figcaption>${escape(id)}</figcaption></figure>`).join('')}</div></section>
${rows.map(row).join('\n')}
`;
  fs.writeFileSync(path.join(OUT, 'index.html'), html);
  const missing = STORE_PAGES.filter((id) => !fs.existsSync(path.join(STORE.dir, `${id.replace('/', '-')}.png`)));
  if (missing.length) failures.push(`store screenshots missing: ${missing.join(', ')}`);
}
