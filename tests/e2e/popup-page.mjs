// The popup as the user sees it for one tab, in Chromium: opened as an extension page in a
// window of its own with `?tab=<id>` (src/web/popup/src/lib.rs reads the tab from there when it
// is not the toolbar's popup), so the tab it describes stays open and visible.

import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const ENGLISH = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));

/** The English message `key` with `$1`… substituted, as chrome.i18n would give it. */
export function english(key, ...substitutions) {
  const { message, placeholders = {} } = ENGLISH[key];
  return message.replace(/\$(\w+)\$/g, (_, name) => {
    const content = placeholders[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, index) => substitutions[Number(index) - 1] ?? '');
  });
}

// `via`: where to call the extension APIs from, the service worker unless given (an open
// extension page, when the test stops the worker).

/** The id of the open tab whose URL matches `pattern` (a match pattern). */
export async function tabIdOf(browser, pattern, via = browser.worker()) {
  return via.evaluate((url) => chrome.tabs.query({ url }).then(([tab]) => tab?.id), pattern);
}

/** Opens the popup for `tabId` (or a page of the extension) and waits until it has loaded. */
export async function openPopup(browser, tabId, { file = 'popup.html', via = browser.worker() } = {}) {
  const url = browser.extensionUrl(tabId === undefined ? file : `${file}?tab=${tabId}`);
  const opened = browser.context.waitForEvent('page', (page) => page.url() === url);
  await via.evaluate((target) => chrome.windows.create({ url: target, type: 'normal', width: 420, height: 800 }), url);
  const page = await opened;
  await page.waitForSelector('main[aria-busy=false]');
  return page;
}
