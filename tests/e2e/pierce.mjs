// Reading what the page itself cannot: the badge lives in a closed shadow root, which
// only the browser's automation protocol sees: in Chromium the DevTools protocol
// (DOM.getDocument with pierce), in Firefox WebDriver BiDi (node serialisation with
// includeShadowTree "all"). Both are read into the same shape.

function walk(node, visit, parent = null) {
  visit(node, parent);
  for (const child of node.children ?? []) walk(child, visit, node);
  for (const shadow of node.shadowRoots ?? []) walk(shadow, visit, node);
}

function attributesOf(node) {
  if (!Array.isArray(node.attributes)) return { ...(node.attributes ?? {}) };
  const attributes = {};
  for (let i = 0; i < node.attributes.length; i += 2) attributes[node.attributes[i]] = node.attributes[i + 1];
  return attributes;
}

/** A badge host (in the CDP node shape) → {host, shadowType, button, panel}. */
function badgeOf(node) {
  const shadow = node.shadowRoots?.[0];
  const badge = { host: attributesOf(node), shadowType: shadow?.shadowRootType ?? null, button: null, panel: null };
  walk(shadow ?? {}, (inner) => {
    if (inner.localName !== 'button' && !(inner.localName === 'div' && attributesOf(inner).role === 'dialog')) return;
    const texts = [];
    walk(inner, (leaf, parent) => {
      if (leaf.nodeType === 3 && parent?.localName !== 'style') texts.push(leaf.nodeValue);
    });
    const part = { attributes: attributesOf(inner), texts };
    if (inner.localName === 'button') badge.button = part;
    else badge.panel = part;
  });
  return badge;
}

/** A BiDi serialised node → the CDP node shape used above. */
function fromBidi(remote) {
  const value = remote?.value ?? {};
  const node = { nodeType: value.nodeType, localName: value.localName, nodeValue: value.nodeValue, attributes: value.attributes ?? {} };
  node.children = (value.children ?? []).map(fromBidi);
  if (value.shadowRoot) {
    const shadow = fromBidi(value.shadowRoot);
    shadow.shadowRootType = value.shadowRoot.value?.mode ?? null;
    node.shadowRoots = [shadow];
  }
  return node;
}

async function readBadgesFirefox(browser, page) {
  const answer = await browser.connection.send('script.evaluate', {
    expression: "[...document.querySelectorAll('[data-sincerely-badge]')]",
    target: { context: page.mainFrame()._id },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 30, includeShadowTree: 'all' },
  });
  return (answer.result.result?.value ?? []).map((remote) => badgeOf(fromBidi(remote)));
}

/**
 * Every badge (`span[data-sincerely-badge]`) on the page: its host's attributes, its shadow root's type, the
 * button's text and attributes, the panel's text and whether it is hidden. `page` is a
 * page of tests/e2e/browsers.mjs.
 */
export async function readBadges(page) {
  if (page.browserName === 'firefox') return readBadgesFirefox(page.browser, page.raw);
  const rawPage = page.raw ?? page;
  const client = await rawPage.context().newCDPSession(rawPage);
  try {
    const { root } = await client.send('DOM.getDocument', { depth: -1, pierce: true });
    const badges = [];
    walk(root, (node) => {
      if (node.attributes?.includes('data-sincerely-badge')) badges.push(badgeOf(node));
    });
    return badges;
  } finally {
    await client.detach();
  }
}
