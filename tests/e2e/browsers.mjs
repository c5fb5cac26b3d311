// Launching the two real browsers with the built extension, behind one small interface:
//   const b = await launch('chromium' | 'firefox', { extension, userDataDir })
//   b.router (see harness.mjs), b.newPage(), page.addInitScript(src), page.goto(url),
//   page.evaluate(fn, arg), page.click(sel), b.extensionUrl(path), b.close()

import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { DIST, Router, tempProfile } from './harness.mjs';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-gpu',
  '--disable-sync',
  '--disable-quic',
  // Without these Chromium phones home at start; the machine refuses and we'd count it.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--metrics-recording-only',
];

async function launchChromium({ extension = true, userDataDir, bfcache = false } = {}) {
  const args = [...CHROMIUM_ARGS];
  if (extension) args.push(`--disable-extensions-except=${DIST('chrome')}`, `--load-extension=${DIST('chrome')}`);
  const context = await chromium.launchPersistentContext(userDataDir ?? tempProfile('chromium'), {
    executablePath: '/usr/bin/chromium',
    headless: false, // --headless=new above: the old headless mode cannot load extensions.
    args,
    viewport: { width: 1280, height: 900 },
    // Playwright turns the back/forward cache off; a user's browser has it on.
    ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : [],
  });
  const router = new Router();
  await context.route('**/*', (route) => {
    const decision = router.decide(route.request().url());
    if (decision.pass) return route.continue();
    if (decision.fulfill) return route.fulfill(decision.fulfill);
    return route.abort('blockedbyclient');
  });
  let extensionId = null;
  if (extension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
  }
  return {
    name: 'chromium',
    context,
    router,
    extensionId,
    worker: () => context.serviceWorkers()[0],
    async newPage() {
      const page = await context.newPage();
      return {
        raw: page,
        browserName: 'chromium',
        addInitScript: (source) => page.addInitScript(source),
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (selector) => page.click(selector),
        screenshot: (file) => page.screenshot({ path: file }),
        close: () => page.close(),
      };
    },
    extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
    close: () => context.close(),
  };
}

async function launchFirefox({ extension = true } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    args: ['--width=1280', '--height=900'],
    extraPrefsFirefox: {
      // Quiet start: no update, telemetry or captive-portal checks to be refused.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      // Temporary add-ons get their host permissions without a prompt.
      'extensions.originControls.grantByDefault': true,
    },
  });
  let extensionId = null;
  if (extension) extensionId = await browser.installExtension(DIST('firefox'));
  const router = new Router();
  return {
    name: 'firefox',
    browser,
    router,
    extensionId,
    async newPage() {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const decision = router.decide(request.url());
        // A request of a page that has since closed is gone; nothing to resolve.
        const ignoreGone = () => {};
        if (decision.pass) return request.continue().catch(ignoreGone);
        if (decision.fulfill) {
          const { status, headers, body } = decision.fulfill;
          return request.respond({ status, headers, body, contentType: headers['content-type'] }).catch(ignoreGone);
        }
        return request.abort('blockedbyclient').catch(ignoreGone);
      });
      return {
        raw: page,
        browserName: 'firefox',
        browser,
        addInitScript: (source) => page.evaluateOnNewDocument(source),
        goto: (url) => page.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, arg) => page.evaluate(fn, arg),
        click: (selector) => page.click(selector),
        screenshot: (file) => page.screenshot({ path: file }),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

export function launch(name, options) {
  if (name === 'chromium') return launchChromium(options);
  if (name === 'firefox') return launchFirefox(options);
  throw new Error(`unknown browser ${name}`);
}
