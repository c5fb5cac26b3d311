/*
 * sincerelyBadge: the conversation-quality badge, drawn next to a profile's name.
 *
 *   <span data-sincerely-badge>  host element, inserted after the header's first child;
 *     a built-in element, which no page can define as a custom element of its own (a
 *     page that claimed a name of ours first took its shadow root and turned us off)
 *     #shadow-root (closed)   page CSS and page scripts can neither restyle nor read it
 *       <button>   label · score · confidence; Enter, Space or a click opens the panel
 *       <div role="dialog">   the four bars and the top reasons; Escape closes it
 *
 * Built with DOM APIs and textContent only: nothing from the page or the engine is ever
 * parsed as HTML. Follows the page's light or dark background and its direction.
 */
'use strict';

var sincerelyBadge = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const ATTRIBUTE = sincerelyConstants.attributes.badge; // src/css.rs, BADGE_ATTRIBUTE.

  // Strings come from _locales when they exist there; English otherwise.
  const ENGLISH = {
    badgeTitle: 'Conversation quality',
    badgeNotEnough: 'Not enough to judge',
    badgeConfidence: '$1 confidence',
    badgeOutOf: '$1 of 100',
    badgeReasons: 'Why',
    badgeFootnote: 'Computed on this device from $1 posts. Nothing was sent anywhere.',
  };
  function text(id, ...substitutions) {
    let message = '';
    try {
      message = api.i18n.getMessage(id, substitutions);
    } catch {
      // Outside the extension's locale system: fall back below.
    }
    if (!message) {
      message = ENGLISH[id] ?? id;
      substitutions.forEach((value, index) => {
        message = message.replace(`$${index + 1}`, String(value));
      });
    }
    return message;
  }

  const STYLE = `
    button { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 6px;
      padding: 3px 10px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg);
      color: var(--fg); white-space: nowrap; }
    button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--tone); }
    .score { font-weight: 600; }
    .muted { color: var(--muted); }
    [role=dialog] { position: absolute; inset-inline-start: 0; top: calc(100% + 6px); z-index: 2147483000;
      width: 300px; padding: 12px; border-radius: 12px; border: 1px solid var(--line);
      background: var(--bg); color: var(--fg); box-shadow: 0 8px 24px rgba(0,0,0,.25); white-space: normal; }
    [role=dialog][hidden] { display: none; }
    h2 { all: unset; display: block; font-weight: 600; margin-bottom: 8px; }
    .bar { display: grid; grid-template-columns: 8.5em 1fr 2.5em; align-items: center; gap: 8px; margin: 4px 0; }
    .track { height: 6px; border-radius: 3px; background: var(--line); overflow: hidden; }
    .fill { height: 100%; background: var(--accent); }
    .fill.noise { background: var(--warn); }
    ul { margin: 8px 0 0; padding-inline-start: 18px; }
    li { margin: 2px 0; }
    p { margin: 8px 0 0; font-size: 12px; color: var(--muted); }
  `;
  // The host's own look, inline and !important: page rules on the host beat `:host` ones,
  // even !important ones in its stylesheets, but never an inline !important declaration.
  const HOST_STYLE = [
    'all: initial', 'display: inline-block', 'vertical-align: middle', 'margin-inline-start: 8px',
    'font: 13px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif', 'position: relative',
    'visibility: visible', 'opacity: 1',
  ].map((declaration) => `${declaration} !important;`).join('');
  const THEMES = {
    light: '--bg:#ffffff;--fg:#0f1419;--muted:#536471;--line:#cfd9de;--accent:#147970;--warn:#b3261e;',
    dark: '--bg:#16181c;--fg:#e7e9ea;--muted:#8b98a5;--line:#38444d;--accent:#4fd1c5;--warn:#f4877f;',
  };
  const TONES = { conversationalist: '#1a9c5b', balanced: '#3b82f6', broadcaster: '#d97706', promoter: '#dc2626' };

  /** Light or dark, from the first opaque background at or above `element`. */
  function themeOf(element) {
    for (let node = element; node; node = node.parentElement) {
      const match = getComputedStyle(node).backgroundColor.match(/rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/);
      if (match && (match[4] === undefined || Number(match[4]) > 0.5)) {
        const [r, g, b] = match.slice(1, 4).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
      }
    }
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /**
   * `el('p', {class: 'x'}, 'text', child)`: an element with attributes and children; an
   * attribute that is null, undefined or false is left out, and so is a null child. The
   * one copy: www/app.js draws with it too (`cargo xtask dist` copies this file to www/).
   */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  /** One badge per header; `show` replaces its content, `remove` takes it away. */
  function create(header) {
    const host = document.createElement('span');
    host.setAttribute(ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const button = el('button', { type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog' });
    const panel = el('div', { role: 'dialog', hidden: '' });
    shadow.append(style, button, panel);

    function setOpen(open) {
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
    }
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      event.preventDefault();
      setOpen(panel.hidden);
    });
    host.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        event.stopPropagation();
        setOpen(false);
        button.focus();
      }
    });
    // Clicks inside the badge are ours; the page must not follow a link around it.
    host.addEventListener('click', (event) => event.stopPropagation());

    function show(badge) {
      const theme = themeOf(header);
      // The colours too: a page's `--bg: … !important` on the host would win otherwise.
      host.setAttribute('style', THEMES[theme].replaceAll(';', ' !important;') + HOST_STYLE);
      host.dir = getComputedStyle(header).direction;
      const judged = badge.score !== null && badge.score !== undefined;
      const confidence = text('badgeConfidence', badge.confidence.name.toLowerCase());
      const label = judged ? badge.labelName : text('badgeNotEnough');
      const dot = el('span', { class: 'dot', 'aria-hidden': 'true' });
      dot.style.background = TONES[badge.label] ?? 'var(--muted)';
      const parts = [dot, el('span', { class: 'label' }, label)];
      if (judged) parts.push(el('span', { class: 'score' }, String(badge.score)), el('span', { class: 'muted' }, `· ${confidence}`));
      button.replaceChildren(...parts);
      button.setAttribute(
        'aria-label',
        `${text('badgeTitle')}: ${label}${judged ? `, ${text('badgeOutOf', badge.score)}, ${confidence}` : ''}`,
      );
      const bars = badge.bars.map((bar) => {
        const known = bar.value !== null && bar.value !== undefined;
        const fill = el('div', { class: bar.id === 'noise' ? 'fill noise' : 'fill' });
        fill.style.width = `${known ? bar.value : 0}%`;
        return el('div', { class: 'bar' }, el('span', {}, bar.name), el('div', { class: 'track', role: 'presentation' }, fill), el('span', { class: 'muted' }, known ? String(bar.value) : '–'));
      });
      const reasons = el('ul', {}, ...badge.reasons.map((reason) => el('li', {}, reason.text)));
      panel.setAttribute('aria-label', text('badgeTitle'));
      panel.replaceChildren(
        el('h2', {}, `${text('badgeTitle')}: ${label}`),
        ...bars,
        ...(badge.reasons.length ? [el('h2', {}, text('badgeReasons')), reasons] : []),
        el('p', {}, text('badgeFootnote', badge.confidence.items)),
      );
      if (!host.isConnected || host.parentElement !== header) header.append(host);
    }

    return { host, show, remove: () => host.remove(), get connected() { return host.isConnected; } };
  }

  return { create, el, ATTRIBUTE };
})();
