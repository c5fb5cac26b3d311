// Reading what the page itself cannot: the badge lives in a closed shadow root, which
// only the DevTools protocol (DOM.getDocument with pierce) sees. Chromium only.

function walk(node, visit, parent = null) {
  visit(node, parent);
  for (const child of node.children ?? []) walk(child, visit, node);
  for (const shadow of node.shadowRoots ?? []) walk(shadow, visit, node);
}

function attributesOf(node) {
  const attributes = {};
  for (let i = 0; i < (node.attributes ?? []).length; i += 2) attributes[node.attributes[i]] = node.attributes[i + 1];
  return attributes;
}

/**
 * Every <sincerely-badge> on the page: its shadow root's type, the button's text and
 * attributes, the panel's text and whether it is hidden.
 */
export async function readBadges(rawPage) {
  const client = await rawPage.context().newCDPSession(rawPage);
  try {
    const { root } = await client.send('DOM.getDocument', { depth: -1, pierce: true });
    const badges = [];
    walk(root, (node) => {
      if (node.localName !== 'sincerely-badge') return;
      const shadow = node.shadowRoots?.[0];
      const badge = { shadowType: shadow?.shadowRootType ?? null, button: null, panel: null };
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
      badges.push(badge);
    });
    return badges;
  } finally {
    await client.detach();
  }
}
