// Launching the two real browsers with the built extension, behind one small interface:
//   const b = await launch('chromium' | 'firefox', { extension, userDataDir })
//   b.router (see harness.mjs), b.newPage(), page.addInitScript(src), page.goto(url),
//   page.evaluate(fn, arg), page.click(sel), b.extensionUrl(path), b.extensionPage(path),
//   b.close()
// and enableAddedHosts(b, settings) / disableAddedHosts(b): a Mastodon instance or a
// generic-mode host switched on as the popup does it (permission, settings, registration).

import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { DIST, Router, tempProfile, waitFor } from './harness.mjs';

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

// `extensionDir`: another build than dist/chrome (the fault-injection build).
async function launchChromium({ extension = true, userDataDir, bfcache = false, extensionDir = DIST('chrome') } = {}) {
  // --enable-unsafe-extension-debugging: the DevTools protocol's Extensions domain, whose
  // triggerAction opens the real popup on a tab as a click on the toolbar button does.
  const args = [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'];
  if (extension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
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
    async extensionPage(file) {
      const page = await this.newPage();
      await page.goto(this.extensionUrl(file));
      return page;
    },
    /**
     * The user grants `origins` in Chrome's own extension page (Site access → On specific
     * sites → Add a site, i.e. developerPrivate.addHostPermission). Chrome remembers the
     * grant, so the extension's own permissions.request for these origins then resolves
     * without its dialog: the one thing a headless browser can neither show nor answer.
     */
    async grantInBrowserUi(origins) {
      const page = await context.newPage();
      try {
        await page.goto('chrome://extensions');
        for (const origin of origins) {
          await page.evaluate(
            ([id, pattern]) =>
              new Promise((resolve, reject) => {
                setTimeout(() => reject(new Error(`chrome://extensions did not add ${pattern} in 15 s`)), 15000);
                chrome.developerPrivate.addHostPermission(id, pattern, () =>
                  chrome.runtime.lastError ? reject(new Error(chrome.runtime.lastError.message)) : resolve(),
                );
              }),
            [extensionId, origin],
          );
        }
      } finally {
        await page.close();
      }
    },
    close: () => context.close(),
  };
}

// A fixed internal UUID, so that the moz-extension:// address is known in advance.
const FIREFOX_UUID = '6f1d5c52-3a5e-4f0c-9d43-5b1b0c7e2a11';

// `prefs`: more Firefox preferences, for a test that needs the browser to behave otherwise.
async function launchFirefox({ extension = true, prefs = {} } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without the flag.
    args: ['--width=1280', '--height=900', '--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'sincerely@sincerely-extension': FIREFOX_UUID }),
      // permissions.request, still only from a click, is granted without the doorhanger
      // (which WebDriver cannot answer).
      'extensions.webextOptionalPermissionPrompts': false,
      // Quiet start: no update, telemetry or captive-portal checks to be refused.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      // Temporary add-ons get their host permissions without a prompt.
      'extensions.originControls.grantByDefault': true,
      ...prefs,
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
    extensionUrl: (file) => `moz-extension://${FIREFOX_UUID}/${file}`,
    async extensionPage(file) {
      const page = await this.newPage();
      const url = this.extensionUrl(file);
      // Navigating to a privileged page does not complete in puppeteer's eyes (the load
      // event never comes), but the page is there: poll it.
      page.raw.goto(url, { timeout: 5000 }).catch(() => {});
      await waitFor(() => page.evaluate((target) => location.href === target && document.readyState === 'complete', url).catch(() => false), `${file} loaded`);
      return page;
    },
    // Firefox asks nothing more: the pref above grants a request made from a click.
    async grantInBrowserUi() {},
    close: () => browser.close(),
  };
}

export function launch(name, options) {
  if (name === 'chromium') return launchChromium(options);
  if (name === 'firefox') return launchFirefox(options);
  throw new Error(`unknown browser ${name}`);
}

/** The permission the popup asks for a host it adds (see src/web/popup/src/lib.rs, AddedHosts). */
function originsOf(settings) {
  return [
    ...(settings.mastodonHosts ?? []).map((host) => `https://${host}/*`),
    ...(settings.genericHosts ?? []).flatMap((host) => [`https://${host}/*`, `http://${host}/*`]),
  ];
}

/**
 * Switches Sincerely on for the hosts in `settings` (mastodonHosts, genericHosts) the way
 * the popup does: the user grants the host, the extension asks for it with
 * permissions.request from a click in one of its pages, the settings name the host, and
 * the worker registers the content scripts there. Resolves once they are registered.
 */
/** Whether a case's settings add hosts (a Mastodon instance, a generic-mode site) to switch on. */
export const addsHosts = (settings) => !!(settings?.mastodonHosts?.length || settings?.genericHosts?.length);

export async function enableAddedHosts(browser, settings) {
  const origins = originsOf(settings);
  await browser.grantInBrowserUi(origins);
  const page = await browser.extensionPage('options.html');
  try {
    await page.evaluate((wanted) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const button = document.createElement('button');
      button.id = 'e2e-grant';
      button.textContent = 'grant';
      button.style.cssText = 'position: fixed; inset: 0 auto auto 0; z-index: 9';
      button.addEventListener('click', () => {
        api.permissions.request({ origins: wanted }).then(
          (granted) => (button.dataset.granted = String(granted)),
          (error) => (button.dataset.granted = String(error?.message ?? error)),
        );
      });
      document.body.append(button);
    }, origins);
    await page.click('#e2e-grant');
    const granted = await waitFor(() => page.evaluate(() => document.getElementById('e2e-grant').dataset.granted), 'permissions.request');
    if (granted !== 'true') throw new Error(`permissions.request(${origins}) answered ${granted}`);
    await page.evaluate((value) => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ settings: value }), settings);
    const hosts = [...(settings.mastodonHosts ?? []), ...(settings.genericHosts ?? [])];
    await waitFor(async () => {
      const scripts = await page.evaluate(() => (globalThis.browser ?? globalThis.chrome).scripting.getRegisteredContentScripts());
      const matches = scripts.flatMap((script) => script.matches);
      return hosts.every((host) => matches.includes(`https://${host}/*`));
    }, `content scripts registered for ${hosts}`);
  } finally {
    await page.close();
  }
}

/** Back to no stored settings and no added host: the registrations go with them. */
export async function disableAddedHosts(browser, settings) {
  const page = await browser.extensionPage('options.html');
  try {
    await page.evaluate(async (origins) => {
      const api = globalThis.browser ?? globalThis.chrome;
      await api.storage.sync.remove('settings');
      await api.permissions.remove({ origins });
    }, originsOf(settings));
    await waitFor(async () => {
      const scripts = await page.evaluate(() => (globalThis.browser ?? globalThis.chrome).scripting.getRegisteredContentScripts());
      return scripts.length === 0;
    }, 'registrations removed');
  } finally {
    await page.close();
  }
}
