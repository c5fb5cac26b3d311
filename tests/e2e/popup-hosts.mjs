// The real popup, opened on a tab as a click on the toolbar button opens it: the
// DevTools protocol's Extensions.triggerAction (Chromium with
// --enable-unsafe-extension-debugging, over Playwright's pipe). It also grants activeTab
// on that tab, which is what lets the popup read the tab's address and run its probe.
// Playwright does not list the popup among its pages, so it is driven over the protocol
// in the nested mode network.test.mjs uses: evaluation, and real mouse events, whose
// clicks carry the user gesture permissions.request requires.

import { waitFor } from './harness.mjs';

export async function openRealPopup(browser, tabUrl) {
  const cdp = await browser.context.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((info) => info.url === tabUrl);
  if (!tab) throw new Error(`no tab at ${tabUrl}`);
  const popupUrl = browser.extensionUrl('popup.html');
  const isPopup = (info) => info.type === 'page' && info.url === popupUrl;
  const before = new Set((await cdp.send('Target.getTargets')).targetInfos.filter(isPopup).map((info) => info.targetId));
  await cdp.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tab.targetId });
  const target = await waitFor(
    async () => (await cdp.send('Target.getTargets')).targetInfos.find((info) => isPopup(info) && !before.has(info.targetId)),
    'the popup to open',
  );
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const replies = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', ({ sessionId: from, message }) => {
    if (from !== sessionId) return;
    const parsed = JSON.parse(message);
    const reply = replies.get(parsed.id);
    if (!reply) return;
    replies.delete(parsed.id);
    if (parsed.error) reply.reject(new Error(parsed.error.message));
    else reply.resolve(parsed.result);
  });
  // A popup that closed or stopped answering fails the call instead of hanging the run.
  let closed = false;
  cdp.on('Target.detachedFromTarget', ({ sessionId: gone }) => {
    if (gone !== sessionId) return;
    closed = true;
    for (const reply of replies.values()) reply.reject(new Error('the popup closed'));
    replies.clear();
  });
  const send = (method, params = {}) => {
    if (closed) return Promise.reject(new Error('the popup closed'));
    const id = nextId++;
    const reply = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        replies.delete(id);
        reject(new Error(`${method}: no answer from the popup in 15 s`));
      }, 15000);
      replies.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {});
    return reply;
  };
  /** The value of `fn(arg)` in the popup. */
  const evaluate = async (fn, arg) => {
    const expression = `(${fn})(${JSON.stringify(arg ?? null)})`;
    const { result, exceptionDetails } = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  };
  await waitFor(() => evaluate(() => !!document.querySelector('main[aria-busy=false]')), 'the popup to load');
  return {
    evaluate,
    text: (selector) => evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    /** A real mouse click in the middle of the element. */
    async click(selector) {
      const point = await evaluate((s) => {
        const element = document.querySelector(s);
        if (!element) return null;
        element.scrollIntoView({ block: 'center' });
        const box = element.getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
      }, selector);
      if (!point) throw new Error(`no ${selector} in the popup`);
      const [x, y] = point;
      await send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      for (const type of ['mousePressed', 'mouseReleased']) await send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
    },
    async close() {
      await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}
