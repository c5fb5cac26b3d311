/* The popup's first version: what Sincerely did on this tab. (Issue 7 replaces it.) */
'use strict';

(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const status = document.getElementById('status');
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  const key = `tab:${tab?.id}`;
  const stored = tab ? await api.storage.session.get(key) : {};
  const tabStatus = stored[key];
  if (!tabStatus) status.textContent = 'Sincerely has nothing to do on this tab.';
  else if (tabStatus.failed) status.textContent = `Off on this tab: ${tabStatus.failed}`;
  else status.textContent = `${tabStatus.hidden} numbers hidden on this tab.`;
})();
