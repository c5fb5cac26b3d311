// `cargo xtask run`: Sincerely on every demo page, before and after.
//
// Serves www/ on 127.0.0.1 and every fixture at its real URL (as the tests do), opens
// Chromium with the built extension, and for each demo page saves a screenshot without
// Sincerely (before) and with it (after) into target/demo/, printing what was hidden.
// With a display ($DISPLAY) the browser stays open on the demo index for you to browse.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch } from './browsers.mjs';
import { loadCases, ROOT, sleep } from './harness.mjs';
import { runCase } from './cases.mjs';

const OUT = path.join(ROOT, 'target/demo');
fs.mkdirSync(OUT, { recursive: true });
const headed = !!process.env.DISPLAY && !process.env.CI;

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
const cases = loadCases();
console.log(`www/ at ${wwwUrl}\nscreenshots in ${path.relative(ROOT, OUT)}/\n`);
console.log('page'.padEnd(34), 'hidden', ' engine', ' visible numbers left');
for (const kase of cases) {
  const name = kase.id.replace('/', '-');
  // Before: the same page at an origin no content script matches.
  const url = 'https://before.sincerely.invalid/' + kase.id;
  browser.router.serve(url, kase.html, kase.cspHeader);
  const before = await browser.newPage();
  await before.goto(url);
  await sleep(kase.ready ? 800 : 300);
  await before.screenshot(path.join(OUT, `${name}-before.png`));
  await before.close();
  const result = await runCase(browser, kase, { keepPage: true });
  await result.page.screenshot(path.join(OUT, `${name}-after.png`));
  await result.page.close();
  console.log(kase.id.padEnd(34), String(result.hidden).padStart(6), String(result.engine).padStart(8), ` ${result.leaksAtEnd.length}`);
}
if (headed) {
  console.log('\nThe browser stays open; close it to finish.');
  const page = await browser.newPage();
  await page.goto(wwwUrl);
  await new Promise((resolve) => browser.context?.on('close', resolve));
} else {
  await browser.close();
}
server.close();
