/*
 * Sincerely's content script: the engine decides, this file applies.
 *
 *   earlyTokens ─ the settings' root tokens for this host, mirrored by the worker in
 *                 storage.local: set once read, so the first frames follow the settings
 *   bootstrap ─ settings (storage.sync) → engineHost.start → page-plan → activate()
 *     │            any failure → fail(): <html data-sincerely="off">, page as without us,
 *     │            reason reported to the popup
 *     │   settings change (storage.onChanged) → a new plan → activate() or deactivate(),
 *     │            live, without reload
 *     ├─ rootTokens   sets <html data-sincerely="…">: the generated sheet (already injected
 *     │               at document_start by the manifest) hides or shows each kind
 *     ├─ domSurveyor  one scan at start, then only the subtrees the page adds:
 *     │                 metric elements → counted (CSS already hid them)
 *     │                 candidate containers → their text goes to the engine in batches;
 *     │                 the sheet holds them invisible until they carry data-sincerely-seen
 *     ├─ domWatcher   MutationObserver whose callback only queues (and holds a decided
 *     │               candidate invisible again when the page changes its text); work runs
 *     │               on the next frame (rAF, with a timer fallback for background tabs),
 *     │               time-boxed; once parsed, it observes only the site's containers
 *     │               (plan.observe) and their ancestors' children, and follows them
 *     ├─ shadowStyler counts inside open shadow roots (Reddit): puts the engine's sheet into
 *     │               each host's shadow root, then marks the host, which the page sheet
 *     │               held until then
 *     ├─ textEditor   applies the engine's edits to text nodes, never to text the page
 *     │               changed while the engine decided; remembers originals so a
 *     │               settings change can restore them
 *     ├─ titleWatcher the "(3)" in the tab title
 *     └─ profileWatcher on a profile page: reads the posts the page shows (selectors from
 *                     the plan), asks the engine for the badge, draws it (badge.js) and,
 *                     memory on, stores the feature counts (never text) in storage.local
 *
 * Site knowledge is never written here: selectors come from the page plan, which the
 * engine builds from the Rust site rules.
 */
'use strict';

(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  const host = sincerelyEngineHost;
  // Generated from the Rust consts that own them (generated/constants.js, loaded first).
  const constants = sincerelyConstants;
  const { attributes, messages } = constants;
  const PROTOCOL_VERSION = constants.protocolVersion;
  // The engine reads at most this much of a text (src/protocol.rs, MAX_TEXT_UNITS): a
  // page's 100 KB title is not sent whole to the worker that every tab shares.
  const MAX_TEXT_UNITS = constants.maxTextUnits;
  /** The start of `text` the engine reads, without half a surrogate pair at its end. */
  const capped = (text) => {
    if (text.length <= MAX_TEXT_UNITS) return text;
    const end = /[\uD800-\uDBFF]/.test(text[MAX_TEXT_UNITS - 1]) ? MAX_TEXT_UNITS - 1 : MAX_TEXT_UNITS;
    return text.slice(0, end);
  };
  const ROOT = attributes.root;
  const SEEN = attributes.seen;
  const SHADOW = attributes.shadow;
  const IGNORE_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'BR', 'HEAD', 'NOSCRIPT', 'TEMPLATE']);
  // The digits the recognizer reads (src/recognize/text.rs, DIGIT_ZEROS).
  const DIGIT = new RegExp(constants.digitClass);
  const root = document.documentElement;

  let plan = null;
  let settings = null; // The stored value, passed as is: the engine reads it leniently.
  let active = false;
  let failed = false;

  // The first frames follow the settings: the worker mirrors each host's root tokens to
  // storage.local, and one read is much quicker than starting the engine (it usually
  // answers before the first paint). The plan's own tokens replace these as soon as it
  // arrives; until the read answers, and on a host not in the mirror until the plan, the
  // sheet's hide-everything default holds.
  api.storage.local.get('earlyTokens').then(({ earlyTokens }) => {
    const tokens = earlyTokens?.[location.hostname];
    if (plan === null && !failed && typeof tokens === 'string' && /^[a-z -]*$/.test(tokens)) root.setAttribute(ROOT, tokens);
  }, () => {});

  const state = {
    hidden: 0,
    countedMetrics: new WeakSet(),
    failed: null, // Why we are off on this tab, for the console and the popup.
    failure: null, // What kind of failure: 'engine-crashed', 'worker-lost' or 'error'.
    memoryError: null, // Why a profile could not be remembered (storage full), if it could not.
  };

  // ---- reporting -------------------------------------------------------------------

  // A message to the worker costs the page a fraction of a millisecond: a report goes a
  // moment after the change that asked for it, but while a feed loads the icon's count
  // follows at most once a second. A failure goes out at once.
  const REPORT_SOON_MS = 250;
  const REPORT_MS = 1000;
  const REPORT_FAILURE_MS = 0;
  let reportTimer = 0;
  let lastReport = -Infinity;
  function reportStatus() {
    root.setAttribute(attributes.hidden, String(state.hidden));
    if (reportTimer && !state.failed) return;
    clearTimeout(reportTimer);
    const delay = state.failed ? REPORT_FAILURE_MS : Math.max(REPORT_SOON_MS, REPORT_MS - (performance.now() - lastReport));
    reportTimer = setTimeout(() => {
      reportTimer = 0;
      lastReport = performance.now();
      const status = {
        hidden: state.hidden,
        failed: state.failed,
        failure: state.failure,
        memoryError: state.memoryError,
        engine: host.mode,
        site: plan?.site ?? null,
      };
      sendStatus(status, 5);
    }, delay);
  }

  // A failure is most often what the popup must say, and the worker may be the thing that
  // failed: a report it did not take is sent again, a few times, unless a newer one went.
  let statusSent = 0;
  function sendStatus(status, attempts) {
    const serial = ++statusSent;
    const retry = () => {
      if (attempts > 1 && serial === statusSent) setTimeout(() => serial === statusSent && sendStatus(status, attempts - 1), 1000);
    };
    api.runtime.sendMessage({ what: messages.tabStatus, status }).then((taken) => taken || retry(), retry);
  }

  /** Everything of ours off: the sheet does nothing, texts are restored, nothing observes. */
  function deactivate() {
    active = false;
    root.setAttribute(ROOT, 'off');
    domWatcher.stop();
    profileWatcher.stop();
    textEditor.restoreAll(held());
    titleWatcher.restore();
  }

  /**
   * Off for good on this tab, said once in the console and to the popup. Off means the
   * page exactly as without us: every text we edited back, the sheet inert, so numbers
   * show again. Keeping them hidden by the sheet alone would also keep every text still
   * waiting for the engine held invisible, and after a crash nothing would release it.
   */
  function fail(what, error) {
    if (failed) return;
    failed = true;
    try {
      deactivate();
    } finally {
      state.hidden = 0;
      state.failed = `${what}: ${error?.message ?? error}`;
      state.failure = error?.kind ?? 'error';
      console.warn(`Sincerely is off on this tab: ${state.failed}`);
      reportStatus();
    }
  }

  async function callEngine(type, arg) {
    return checked(await host.call({ v: PROTOCOL_VERSION, type, arg }, settings));
  }

  function checked(response) {
    if (!response || response.v !== PROTOCOL_VERSION) {
      throw new Error(`engine answered protocol ${response?.v}, expected ${PROTOCOL_VERSION}`);
    }
    if (response.type === 'error') throw new Error(response.arg.message);
    return response.arg;
  }

  // The open shadow roots the sweep went into (a Set, to be walked): their decided elements
  // are restored and held again with the document's on a settings change.
  const sweptShadows = new Set();
  /** Every decided element, in the document and in the swept shadow roots. */
  function held() {
    const found = [...document.querySelectorAll(`[${SEEN}]`)];
    for (const shadowRoot of sweptShadows) {
      if (shadowRoot.host.isConnected) found.push(...shadowRoot.querySelectorAll(`[${SEEN}]`));
      else sweptShadows.delete(shadowRoot); // Its host left the page: nothing to restore.
    }
    return found;
  }

  // ---- textEditor ------------------------------------------------------------------

  const textEditor = (() => {
    // Text node → its data before our edits. Weak, so nodes the page removes are freed;
    // restoreAll finds the edited ones again through the candidates they sit in.
    const originals = new WeakMap();
    const written = new WeakMap(); // Text node → the data we wrote (to ignore our own mutations).

    /** The text nodes under `element` that are not post text, with their offsets. */
    function collect(element) {
      const nodes = [];
      let text = '';
      // Most candidates hold no post text: then no text node needs its own look up the tree.
      const prose = plan.prose && (element.closest(plan.prose) || element.querySelector(plan.prose)) ? plan.prose : null;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || IGNORE_TAGS.has(parent.tagName)) continue;
        if (prose && parent.closest(prose)) continue;
        nodes.push({ node, data: node.data, start: text.length, length: node.data.length });
        text += node.data;
      }
      return { nodes, text };
    }

    /**
     * Applies edits (UTF-16 offsets into the collected text). Edits do not overlap and
     * run last first, so the offsets of the ones still to come stay valid.
     */
    function apply(collected, edits) {
      for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
        let placed = false;
        for (let index = collected.nodes.length - 1; index >= 0; index--) {
          const { node, start, length } = collected.nodes[index];
          const end = start + length;
          const holdsStart = start <= edit.start && edit.start < end;
          const overlaps = holdsStart || (start < edit.end && end > edit.start);
          if (!overlaps) continue;
          const from = Math.max(edit.start, start) - start;
          const to = Math.min(edit.end, end) - start;
          // The page's own text, unless it is what we wrote: a count the page rewrote since
          // ("86" → "87") comes back as the page's latest, not as our first read.
          if (!originals.has(node) || written.get(node) !== node.data) originals.set(node, node.data);
          const replacement = holdsStart && !placed ? edit.text : '';
          placed ||= holdsStart;
          const data = node.data.slice(0, from) + replacement + node.data.slice(to);
          written.set(node, data);
          node.data = data;
        }
      }
    }

    /**
     * Whether `element` still holds exactly the text collected from it. The engine answers
     * asynchronously (from the worker, a message round trip later); edits computed for text
     * the page has since changed would land at the wrong offsets and garble it.
     */
    function unchangedSince(element, collected) {
      if (!collected.nodes.every(({ node, data }) => node.data === data && element.contains(node))) return false;
      return collect(element).text === collected.text;
    }

    return {
      collect,
      apply,
      unchangedSince,
      isOurs(node) { return written.get(node) === node.data; },
      /**
       * Before `element` is decided again (the page changed one of its texts): our edits
       * of its texts that held no digit (the space between a count and its word) come
       * back, so the engine reads "87 comments", not "87comments". Edits that took a digit
       * out stay until the new answer: restoring them would show the number meanwhile.
       */
      restoreGaps(element) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const original = originals.get(node);
          if (original === undefined || written.get(node) !== node.data || DIGIT.test(original)) continue;
          written.set(node, original); // Ours: the observer does not queue it again.
          node.data = original;
        }
      },
      /** `decided`: every element we decided (held()), whose edited texts come back. */
      restoreAll(decided) {
        for (const candidate of decided) {
          const walker = document.createTreeWalker(candidate, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (originals.has(node) && written.get(node) === node.data) node.data = originals.get(node);
            originals.delete(node);
          }
        }
      },
    };
  })();

  // ---- domSurveyor -----------------------------------------------------------------

  const domSurveyor = (() => {
    let nextId = 1;
    const pending = new Map(); // Candidate element → its context ('label', 'sweep'); per frame.
    let removedPerCandidate = new WeakMap(); // So a re-rendered candidate is not counted twice.

    function countMetric(element) {
      if (state.countedMetrics.has(element)) return;
      // A custom element may draw its number in its own (open) shadow root.
      if (!DIGIT.test(element.textContent) && !DIGIT.test(element.shadowRoot?.textContent ?? '')) return;
      state.countedMetrics.add(element);
      state.hidden++;
    }

    // A feed adds its posts side by side: what sits above their parent is looked up once
    // per round, not once per post. Cleared by flush(), which ends every round.
    let above = new Map(); // Parent element → { metric, candidate } it sits in.
    function aboveOf(parent) {
      let found = above.get(parent);
      if (!found) {
        found = {
          metric: plan.metrics ? parent.closest(plan.metrics) : null,
          candidate: plan.candidates ? parent.closest(plan.candidates) : null,
        };
        above.set(parent, found);
      }
      return found;
    }

    // The metrics of the round's added subtrees are counted once its texts have left for
    // the engine: from the worker the answer is on its way meanwhile, and the sooner it
    // leaves, the more often it lands before the frame (else the texts wait for the next).
    let toCount = []; // { element: an added subtree, metric: the one it is or sits in }
    function countQueued() {
      for (const { element, metric } of toCount) {
        if (metric) countMetric(metric);
        for (const found of element.querySelectorAll(plan.metrics)) countMetric(found);
      }
      toCount = [];
    }

    /** Looks at one added or changed subtree, and at the candidate around it. */
    function survey(element) {
      // One query per list, and no `matches` per find: the engine merged each list (an
      // `:is()` per shared rightmost compound) so that a query over it costs little more
      // than over one selector.
      if (plan.metrics || plan.candidates) {
        const around = element.parentElement ? aboveOf(element.parentElement) : { metric: null, candidate: null };
        const candidate = plan.candidates && element.matches(plan.candidates) ? element : around.candidate;
        if (candidate) pending.set(candidate, 'label');
        if (plan.candidates) for (const found of element.querySelectorAll(plan.candidates)) pending.set(found, 'label');
        if (plan.metrics) toCount.push({ element, metric: element.matches(plan.metrics) ? element : around.metric });
      }
      if (plan.generic) surveyGeneric(element);
      else if (plan.sweep) surveySweep(element);
    }

    /**
     * Only the text of `element` changed: no element was added, so nothing below it needs
     * a query, only the metric or candidate it sits in (an ancestor walk).
     */
    function surveyText(element) {
      if (plan.metrics) {
        const metric = element.closest(plan.metrics);
        if (metric) countMetric(metric);
      }
      if (plan.candidates) {
        const around = element.closest(plan.candidates);
        if (around) pending.set(around, 'label');
      }
      if (plan.generic && DIGIT.test(element.textContent) && element.textContent.length <= GENERIC_MAX_TEXT && !element.closest(GENERIC_SKIP)) {
        pending.set(genericCandidate(element), 'label');
      } else if (plan.sweep && [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && DIGIT.test(node.data))) {
        // Its own text, not its descendants': those are read where they sit.
        sweepParent(element, true);
      }
    }

    // Generic mode (a site without rules, switched on by the user): the elements that
    // directly hold short text with a digit are the candidates. Long texts are prose and
    // editable or code areas belong to the user; none of those are read.
    const GENERIC_SKIP = 'script, style, textarea, input, select, code, pre, kbd, samp, [contenteditable], svg';
    const GENERIC_MAX_TEXT = 160;
    const SURVEY_MAX_NODES = 5000;
    // A number set apart in its own phrase element ("Show <b>5</b> more comments") reads
    // with the words around it: the candidate is the nearest ancestor that is not one,
    // while its text stays short.
    const GENERIC_PHRASE = new Set(['A', 'ABBR', 'B', 'DATA', 'EM', 'I', 'MARK', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);
    function genericCandidate(parent) {
      let candidate = parent;
      while (GENERIC_PHRASE.has(candidate.tagName)) {
        const above = candidate.parentElement;
        if (!above || above === document.body || above.textContent.length > GENERIC_MAX_TEXT || above.closest(GENERIC_SKIP)) break;
        candidate = above;
      }
      return candidate;
    }
    /**
     * The element of each text with a digit under `element`, in document order: generic
     * mode and the sweep both start there. At most SURVEY_MAX_NODES texts are looked at
     * per added subtree; what lies beyond waits for the page's next change there.
     */
    function forDigitTexts(element, visit, visitShadow = null, budget = { left: SURVEY_MAX_NODES }) {
      // With `visitShadow`, elements are walked too, for the open shadow roots they host
      // (which share `budget`).
      const walker = document.createTreeWalker(element, visitShadow ? NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT : NodeFilter.SHOW_TEXT);
      if (visitShadow && element.shadowRoot) visitShadow(element.shadowRoot); // The walk starts below it.
      for (let node = walker.nextNode(); node && budget.left > 0; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          budget.left--;
          if (DIGIT.test(node.data) && node.parentElement) visit(node.parentElement);
        } else if (node.shadowRoot) visitShadow(node.shadowRoot);
      }
    }
    function surveyGeneric(element) {
      forDigitTexts(element, (parent) => {
        if (pending.has(parent) || parent.closest(GENERIC_SKIP)) return;
        if (parent.textContent.length > GENERIC_MAX_TEXT) return;
        pending.set(genericCandidate(parent), 'label');
      });
    }

    // The sweep (a supported site): the net under the rules. A short text with a digit
    // anywhere in what was added, outside what the engine says to skip (post text, the
    // rules' own candidates and hidden counts, the user's fields), goes to the engine as
    // `sweep`: there the recognizer decides, and only for what reads as an interface text.
    // Capped per subtree like generic mode (forDigitTexts).
    const SWEEP_MAX_TEXT = 160;
    // `changed`: the page changed this text, so what was decided of it before is stale.
    // Otherwise an element decided once is not asked about again (its count is gone from
    // its text, and asking again would count it out of the popup's figure).
    function sweepParent(parent, changed = false) {
      if (pending.has(parent) || (!changed && parent.hasAttribute(SEEN))) return;
      const text = parent.textContent;
      if (text.length > SWEEP_MAX_TEXT || !DIGIT.test(text)) return;
      const skip = plan.sweepSkip;
      // Inside or around what the sweep leaves alone (a count the rules hide or decide):
      // its text would be decided twice, and the second edit would land at stale offsets.
      if (skip && (parent.closest(skip) || holdsSkipped(parent, skip))) return;
      // The phrase around a number ("<a><b>24</b> replies</a>") reads as one, unless that
      // phrase holds somewhere the sweep does not look (it cannot sit inside one: `around`
      // is `parent` or above it, and `parent.closest(skip)` found nothing).
      const around = sweepCandidate(parent);
      const candidate = around !== parent && skip && holdsSkipped(around, skip) ? parent : around;
      if (!changed && candidate.hasAttribute(SEEN)) return;
      pending.set(candidate, 'sweep');
    }
    // What the sweep skips inside `element` matters only where it holds a digit: an icon's
    // <svg> in a like button ("<a><svg/><span>575</span> Likes</a>") holds no count.
    function holdsSkipped(element, skip) {
      for (const found of element.querySelectorAll(skip)) if (DIGIT.test(found.textContent)) return true;
      return false;
    }
    // Up from a text's element through the phrase that holds it: inline elements, and the
    // control or heading they make (a button, a label, a heading), never into a block,
    // whose other texts (a time, a comment) would make one run of many.
    const SWEEP_CLIMB = new Set([...GENERIC_PHRASE, 'BUTTON', 'LABEL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
    function sweepCandidate(parent) {
      let candidate = parent;
      for (let above = candidate.parentElement; above && SWEEP_CLIMB.has(above.tagName); above = above.parentElement) {
        if (above.textContent.length > SWEEP_MAX_TEXT) break;
        candidate = above;
      }
      // A bare number says nothing on its own ("<p><b>312K</b> members</p>"): its word is
      // in the block around it, read with it when that block is as short as a label.
      const block = candidate.parentElement;
      // Not when the block holds no word, nor when the number's own control has a label that
      // speaks for it (controlLabel): "57 12 3" across a row of buttons is no phrase.
      if (block && BARE_NUMBER.test(candidate.textContent) && block.textContent.length <= SWEEP_BLOCK_TEXT && /\p{L}/u.test(block.textContent) && !controlLabel(candidate)) candidate = block;
      return candidate;
    }
    const BARE_NUMBER = /^[\s\d.,\u00a0\u202f+KkMmBb]*\d[\s\d.,\u00a0\u202f+KkMmBb]*$/;
    // A bare number that stays bare ("57" alone in a like button): the label of the control
    // it sits in, which the engine reads for the metric it names (recognize::bare_count).
    const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'tab']);
    function controlLabel(element) {
      for (let at = element, depth = 0; at && depth < 4; at = at.parentElement, depth++) {
        const control = at === element || at.tagName === 'A' || at.tagName === 'BUTTON' || CONTROL_ROLES.has(at.getAttribute('role'));
        const label = control && (at.getAttribute('aria-label') || at.getAttribute('title'));
        if (label) return label.slice(0, 200);
      }
      return null;
    }
    const SWEEP_BLOCK_TEXT = 48;
    // One added subtree and the shadow roots it enters share one cap (a page that nests
    // shadow roots, or hosts thousands, gets no more time than one that does not), and
    // the roots nest at most SWEEP_MAX_DEPTH deep. A root the cap left out is not marked
    // swept: the page's next change there brings it back.
    const SWEEP_MAX_DEPTH = 32;
    let sweepDepth = 0;
    const sweepBudget = { left: 0 };
    function surveySweep(element) {
      if (sweepDepth === 0) sweepBudget.left = SURVEY_MAX_NODES;
      sweepDepth++;
      try {
        forDigitTexts(element, (parent) => {
          if (!IGNORE_TAGS.has(parent.tagName)) sweepParent(parent);
        }, sweepShadow, sweepBudget);
      } finally {
        sweepDepth--;
      }
      // An added element inside a shadow root the host's own script attached after the
      // host was surveyed: the root is found here, from within, the first time.
      const shadowRoot = element.getRootNode();
      if (shadowRoot !== document && shadowRoot.host && !sweptShadows.has(shadowRoot)) sweepShadow(shadowRoot);
    }
    // An open shadow root is swept like the document, once, and then observed like it.
    let watchShadow = () => {}; // Set by domWatcher.
    function sweepShadow(shadowRoot) {
      if (sweptShadows.has(shadowRoot) || sweepBudget.left <= 0 || sweepDepth >= SWEEP_MAX_DEPTH) return;
      sweptShadows.add(shadowRoot);
      watchShadow(shadowRoot);
      surveySweep(shadowRoot);
    }
    /** A swept element inside another pending one is read with it, not on its own. */
    function insidePending(element) {
      for (let above = element.parentElement; above; above = above.parentElement) if (pending.has(above)) return true;
      return false;
    }

    /**
     * Sends the pending candidates to the engine in one batch and applies the answer.
     * In the page the engine answers synchronously, so no page code runs between reading
     * a text and editing it; from the worker the answer is a message round trip away.
     */
    async function flush() {
      above = new Map();
      if (pending.size === 0) {
        countQueued();
        reportStatus();
        return;
      }
      const entries = [...pending].filter(
        ([element, context]) => element.isConnected && !(context === 'sweep' && insidePending(element)),
      );
      const elements = entries.map(([element]) => element);
      pending.clear();
      const byId = new Map();
      const items = [];
      const readFor = new Map(); // Element → what was read of it (for the staleness check).
      for (const [element, context] of entries) {
        // Without a digit there is nothing to decide: shown without reading its texts.
        const all = element.textContent;
        if (!DIGIT.test(all)) {
          readFor.set(element, all);
          continue;
        }
        if (element.hasAttribute(SEEN)) textEditor.restoreGaps(element);
        const collected = textEditor.collect(element);
        readFor.set(element, collected);
        if (DIGIT.test(collected.text)) {
          const id = nextId++;
          byId.set(id, { element, collected });
          const item = { id, text: capped(collected.text), context };
          if (context === 'sweep' && BARE_NUMBER.test(collected.text)) {
            const hint = controlLabel(element);
            if (hint) item.hint = hint;
          }
          items.push(item);
        }
      }
      const request = { v: PROTOCOL_VERSION, type: 'decide', arg: { items } };
      let decisions = [];
      let stale = new Set();
      if (host.synchronous) {
        if (items.length) decisions = checked(host.callInPage(request));
        countQueued();
      } else {
        const answer = items.length ? host.call(request, settings) : null;
        countQueued();
        if (answer) decisions = checked(await answer);
        // A candidate the page changed while the engine was deciding stays held, unedited:
        // the change is queued, and the next round decides its new text.
        const unchanged = (element, read) =>
          typeof read === 'string' ? element.textContent === read : textEditor.unchangedSince(element, read);
        stale = new Set(elements.filter((element) => !unchanged(element, readFor.get(element))));
      }
      for (const decision of decisions) {
        const entry = byId.get(decision.id);
        if (!entry || stale.has(entry.element)) continue;
        textEditor.apply(entry.collected, decision.edits);
        state.hidden += decision.edits.length - (removedPerCandidate.get(entry.element) ?? 0);
        removedPerCandidate.set(entry.element, decision.edits.length);
      }
      for (const element of elements) if (!stale.has(element)) element.setAttribute(SEEN, '');
      reportStatus();
    }

    return {
      survey,
      surveyText,
      flush,
      countMetric,
      setWatch(callback) {
        watchShadow = callback;
      },
      /** Forgets per-candidate counts after a settings change. */
      forget() {
        pending.clear();
        toCount = [];
        removedPerCandidate = new WeakMap();
      },
    };
  })();

  // ---- shadowStyler ----------------------------------------------------------------

  /**
   * Counts drawn inside open shadow roots, out of reach of the page sheet (Reddit's
   * shreddit-post). The page sheet holds each host of plan.shadow invisible until it
   * carries data-sincerely-shadow; here its shadow root gets a <style> whose text is the
   * engine's sheet (from the plan, never from the page), then the host gets the mark. The
   * sheet never changes with settings: custom properties set by the page sheet from the
   * root tokens inherit into the shadow tree.
   *
   * A <style> node, not adoptedStyleSheets: a Lit element that upgrades over a
   * server-rendered shadow root assigns shadowRoot.adoptedStyleSheets (lit
   * reactive-element css-tag.ts, adoptStyles), which would drop ours; it leaves nodes be.
   * Only hosts in the document's light tree are found (plan.shadow names them).
   */
  const shadowStyler = (() => {
    const POLL_FRAMES_MS = 3000; // A host without a shadow root yet: checked every frame…
    const POLL_SLOW_MS = 1000; // …then once a second, while it is in the page.
    const ours = new WeakSet(); // Our <style> nodes.
    const styled = new WeakMap(); // ShadowRoot → our <style> in it.
    const waiting = new Map(); // Host without a shadow root yet → when first seen.
    let watch = () => {}; // Set by domWatcher: observe a shadow root we styled.

    const hostSelector = () => plan.shadow?.map((entry) => entry.host).join(', ') ?? '';
    const entryFor = (host) => plan.shadow.find((entry) => host.matches(entry.host));

    /** Styles one host's shadow root; false while it has none (not attached yet). */
    function style(host) {
      const shadowRoot = host.shadowRoot;
      if (!shadowRoot) return false;
      const entry = entryFor(host);
      if (!entry) return true;
      if (styled.get(shadowRoot)?.parentNode !== shadowRoot) {
        const sheet = document.createElement('style');
        sheet.textContent = entry.css;
        ours.add(sheet);
        shadowRoot.append(sheet);
        styled.set(shadowRoot, sheet);
      }
      watch(shadowRoot);
      if (entry.metrics) for (const metric of shadowRoot.querySelectorAll(entry.metrics)) domSurveyor.countMetric(metric);
      if (!host.hasAttribute(SHADOW)) host.setAttribute(SHADOW, '');
      return true;
    }

    function consider(host) {
      if (!style(host) && !waiting.has(host)) waiting.set(host, performance.now());
    }

    return {
      setWatch(callback) {
        watch = callback;
      },
      isOurs: (node) => ours.has(node),
      /** An added or changed subtree: hosts in it, or counts inside a shadow root we styled. */
      survey(element) {
        const selector = hostSelector();
        if (!selector) return;
        const shadowRoot = element.getRootNode();
        if (shadowRoot !== document && styled.has(shadowRoot)) {
          const { metrics } = entryFor(shadowRoot.host) ?? {};
          if (metrics) {
            const around = element.closest(metrics);
            if (around) domSurveyor.countMetric(around);
            for (const metric of element.querySelectorAll(metrics)) domSurveyor.countMetric(metric);
          }
        }
        if (element.matches(selector)) consider(element);
        for (const host of element.querySelectorAll(selector)) consider(host);
      },
      /** Only the text of `element` changed: the count it sits in, if in a shadow root we styled. */
      surveyText(element) {
        const shadowRoot = element.getRootNode();
        if (shadowRoot === document || !styled.has(shadowRoot)) return;
        const { metrics } = entryFor(shadowRoot.host) ?? {};
        const around = metrics && element.closest(metrics);
        if (around) domSurveyor.countMetric(around);
      },
      /** The page took our sheet out of a shadow root: back at once, before it paints. */
      restyle(shadowRoot) {
        if (shadowRoot.host) style(shadowRoot.host);
      },
      /** Retries hosts that had no shadow root; → ms until the next try, or null. */
      poll() {
        const now = performance.now();
        let next = null;
        for (const [host, since] of waiting) {
          if (!host.isConnected || style(host)) {
            waiting.delete(host);
            continue;
          }
          const delay = now - since < POLL_FRAMES_MS ? 16 : POLL_SLOW_MS;
          next = next === null ? delay : Math.min(next, delay);
        }
        return next;
      },
      forget() {
        waiting.clear();
      },
    };
  })();

  // ---- titleWatcher ----------------------------------------------------------------

  const titleWatcher = (() => {
    let lastWritten = null;
    let original = null;
    let counted = false;
    async function check() {
      const title = document.title;
      if (!title || title === lastWritten || !DIGIT.test(title)) return;
      const decisions = await callEngine('decide', { items: [{ id: 0, text: capped(title), context: 'title' }] });
      const edits = decisions[0]?.edits ?? [];
      if (!edits.length) return;
      let rewritten = title;
      for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
        rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
      }
      original = title;
      lastWritten = rewritten;
      document.title = rewritten;
      if (!counted) {
        counted = true;
        state.hidden += edits.length;
        reportStatus();
      }
    }
    function restore() {
      if (original !== null && document.title === lastWritten) document.title = original;
      original = lastWritten = null;
      counted = false;
    }
    return { check, restore };
  })();

  // ---- profileWatcher --------------------------------------------------------------

  const profileWatcher = (() => {
    let profile = null; // The plan's profile part, for the page now shown.
    let posts = []; // Post elements, in the order found.
    let seenPosts = new WeakSet();
    let badge = null;
    let memory = null; // The stored observation, once read.
    let memoryRead = null;
    let dirty = false;
    let busy = false;
    let onDirty = () => {};
    let saveTimer = 0;
    // Answers asked for under an earlier plan (other settings, memory off) or before the
    // user forgot every profile are not saved, nor a save still waiting from then.
    let generation = 0;
    function dropPending() {
      generation++;
      clearTimeout(saveTimer);
    }
    const written = new Set(); // Profile keys this tab wrote, to take back on a forget.

    function textOutside(post, ...inner) {
      const walker = document.createTreeWalker(post, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (inner.some((part) => part?.contains(node)) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let text = '';
      for (let node = walker.nextNode(); node && text.length < 300; node = walker.nextNode()) text += node.data + ' ';
      return text.replace(/\s+/g, ' ').trim().slice(0, 300);
    }

    /** One post as printed: the engine interprets it (src/profile.rs). */
    function read(post) {
      const textElement = profile.postText ? post.querySelector(profile.postText) : null;
      const authorElement = profile.postAuthor ? post.querySelector(profile.postAuthor) : null;
      const replyLink = profile.replyTo ? post.querySelector(profile.replyTo) : null;
      const links = [...post.querySelectorAll('a[href]')].slice(0, 40).map((link) => ({
        href: link.getAttribute('href'),
        text: link.textContent.trim().slice(0, 200),
        inText: !!textElement?.contains(link),
      }));
      return {
        text: (textElement?.textContent ?? '').slice(0, 5000),
        author: authorElement?.getAttribute('href') ?? null,
        links,
        context: textOutside(post, textElement, authorElement),
        time: (profile.time && post.querySelector(profile.time)?.getAttribute('datetime')) || null,
        permalink: (profile.permalink && post.querySelector(profile.permalink)?.getAttribute('href')) || null,
        repost: !!(profile.repostMarker && post.querySelector(profile.repostMarker)),
        reply: !!(profile.replyMarker && (post.matches(profile.replyMarker) || post.querySelector(profile.replyMarker))),
        replyTo: replyLink && { href: replyLink.getAttribute('href') ?? '', text: replyLink.textContent.trim().slice(0, 200), inText: false },
      };
    }

    async function readMemory() {
      if (!profile.memory) return null;
      const stored = (await api.storage.local.get(profile.key))[profile.key];
      return stored?.observation ?? null;
    }

    // The first answer is stored at once (a visit may be short); later ones, as the user
    // scrolls, at most once a second.
    let lastSave = 0;
    function save(observation) {
      clearTimeout(saveTimer);
      const key = profile.key;
      const write = () => {
        lastSave = Date.now();
        written.add(key);
        api.storage.local
          .set({ [key]: { seen: Date.now(), observation } })
          .then(() => {
            // Room again (the user forgot everything): the popup stops saying it.
            if (state.memoryError) {
              state.memoryError = null;
              reportStatus();
            }
            return api.runtime.sendMessage({ what: messages.profileSaved });
          })
          .catch((error) => {
            state.memoryError = String(error?.message ?? error);
            console.warn(`Sincerely could not remember this profile: ${state.memoryError}`);
            reportStatus();
          });
      };
      const wait = lastSave + 1000 - Date.now();
      if (wait <= 0) write();
      else saveTimer = setTimeout(write, wait);
    }

    return {
      /** A new plan: a new person, or none. The previous badge goes at once. */
      reset(newProfile) {
        dropPending();
        badge?.remove();
        badge = null;
        profile = newProfile;
        posts = [];
        seenPosts = new WeakSet();
        memory = null;
        memoryRead = profile ? readMemory().catch(() => null) : null;
        dirty = !!profile;
      },
      survey(element) {
        if (!profile?.post) return;
        const found = element.matches(profile.post) ? [element] : element.querySelectorAll(profile.post);
        for (const post of found) {
          if (seenPosts.has(post)) continue;
          seenPosts.add(post);
          posts.push(post);
          dirty = true;
        }
        if (profile.header && (element.matches(profile.header) || element.querySelector(profile.header))) dirty = true;
      },
      /** After a round of surveys: score what is visible now, if anything changed. */
      async update() {
        if (!profile || !dirty || busy) return;
        const header = document.querySelector(profile.header);
        if (!header) return;
        dirty = false;
        busy = true;
        try {
          const since = generation;
          memory ??= await memoryRead;
          posts = posts.filter((post) => post.isConnected).slice(-profile.maxPosts); // The newest.
          const answer = await callEngine('profile', { url: location.href, posts: posts.map(read), memory });
          if (since !== generation) {
            // A new plan (another person, other settings) or a forget meanwhile: the answer
            // is not shown or saved, and the memory read for it (which may have come in
            // after the new plan reset it) goes. Asked again under the plan of now.
            memory = null;
            dirty = true;
            return;
          }
          if (answer.memoryError) console.warn(`Sincerely forgot a stored profile: ${answer.memoryError}`);
          if (!badge || !badge.connected || badge.host.parentElement !== header) {
            badge?.remove();
            badge = sincerelyBadge.create(header);
          }
          badge.show(answer.badge);
          if (answer.observation) {
            memory = answer.observation;
            save(memory);
          }
        } finally {
          busy = false;
          // Posts surveyed while the engine answered: score them too, without waiting for
          // the page to change again.
          if (dirty && profile) onDirty();
        }
      },
      /**
       * The user forgot every profile (the popup's signal): the memory this tab read goes,
       * a save still waiting goes, and the keys it wrote are removed again — after any
       * write of them still on its way, since this tab's storage calls land in order.
       */
      forgetMemory() {
        dropPending();
        memory = null;
        memoryRead = Promise.resolve(null);
        if (written.size) api.storage.local.remove([...written]).catch(() => {});
        written.clear();
      },
      /** Called when posts wait for a round of work (set by domWatcher). */
      setOnDirty(callback) {
        onDirty = callback;
      },
      stop() {
        dropPending();
        badge?.remove();
        badge = null;
        profile = null;
      },
    };
  })();

  // ---- domWatcher ------------------------------------------------------------------

  const domWatcher = (() => {
    const queue = new Set(); // Added subtrees: surveyed whole.
    const texts = new Set(); // Elements whose text changed: only what they sit in.
    let titleDirty = false;
    let scheduled = false;
    let observer = null; // The page: the containers of plan.observe, or all of it.
    let shadowObserver = null; // The shadow roots shadowStyler styled.

    // ---- scope: which containers are observed ----
    //
    // A site rule names the containers where the page adds content (plan.observe). Once
    // the parser is done and one of them exists, only they are observed (with subtree);
    // their ancestors are observed for their own children only, which is how a new portal
    // next to them, a container appearing or a single-page app swapping one out is seen
    // (the scope is then worked out again). Before that, or with no containers, the whole
    // document is observed.
    const SUBTREE = { childList: true, subtree: true, characterData: true };
    const CHILDREN = { childList: true };
    let containers = null; // null: the whole document.
    let edges = new Set(); // Ancestors of the containers, observed for their children.
    let scopeDirty = false;

    // The containers' selector once they can be told apart (the parser is done), or null.
    let joined = { plan: null, selector: null }; // plan.observe as one list, joined once per plan.
    function observeSelector() {
      if (!plan.observe?.length || plan.generic || document.readyState === 'loading') return null;
      if (joined.plan !== plan) joined = { plan, selector: plan.observe.join(', ') };
      return joined.selector;
    }

    function findContainers() {
      const selector = observeSelector();
      if (!selector) return null;
      const found = [...document.querySelectorAll(selector)];
      const outermost = found.filter((container) => !found.some((other) => other !== container && other.contains(container)));
      return outermost.length ? outermost : null;
    }

    function sameScope(next) {
      if (next === null || containers === null) return next === containers;
      return next.length === containers.length && next.every((container, index) => container === containers[index]);
    }

    /** Observes the scope afresh; → the containers that were not observed before. */
    function rescope() {
      scopeDirty = false;
      const next = findContainers();
      if (observer && sameScope(next)) return [];
      if (observer) onMutations(observer.takeRecords()); // Nothing observed so far is lost.
      else observer = new MutationObserver(onMutations);
      observer.disconnect();
      const before = containers ?? [];
      containers = next;
      // Where a container was, the app may put one back later: those ancestors stay
      // observed while they are in the page.
      edges = new Set([...edges].filter((edge) => edge.isConnected));
      // How many containers are observed, 0 for the whole document (read by the tests).
      root.setAttribute(attributes.scope, String(containers?.length ?? 0));
      if (!containers) {
        observer.observe(root, SUBTREE);
        return [];
      }
      for (const container of containers) {
        observer.observe(container, SUBTREE);
        for (let ancestor = container.parentNode; ancestor && ancestor !== document; ancestor = ancestor.parentNode) edges.add(ancestor);
      }
      for (const edge of edges) observer.observe(edge, CHILDREN);
      if (document.head) observer.observe(document.head, SUBTREE); // The tab title.
      return containers.filter((container) => !before.includes(container));
    }

    // A subtree added outside the containers that brings one asks for the scope again.
    function bringsContainer(element) {
      if (containers?.some((container) => container.contains(element))) return false;
      const selector = observeSelector();
      return !!selector && (element.matches(selector) || !!element.querySelector(selector));
    }

    // In the page, the work waits for the next frame (rAF): one round for everything the
    // page added before it is drawn. Hidden tabs get no animation frames: there, and when
    // the tab is hidden while a round waits, a timer keeps the work from piling up (a
    // visible tab sets none; each costs time in the frame). From the worker, the answer is
    // a message round trip away: the batch leaves at once, from the observer's callback (a
    // microtask), so that it can come back before the frame is drawn instead of holding
    // text back for one more frame. Work that yields (`later`), and changes made while a
    // round is still waiting for its answer (a page that mutates in a loop), wait for the
    // next frame.
    let waiting = false;
    let armTimer = null; // Gives the round waiting for a frame a timer too, if one waits.
    function schedule(later = false) {
      if (scheduled) return;
      scheduled = true;
      let done = false;
      let timer = 0;
      const run = () => {
        if (done) return;
        done = true;
        clearTimeout(timer); // The frame came first: no idle task later.
        armTimer = null;
        scheduled = false;
        waiting = true;
        work()
          .catch((error) => fail('the engine failed', error))
          .finally(() => (waiting = false));
      };
      if (host.mode === 'worker' && !later && !waiting) {
        queueMicrotask(run);
      } else {
        requestAnimationFrame(run);
        armTimer = () => (timer ||= setTimeout(run, 100));
        if (document.visibilityState !== 'visible') armTimer();
      }
    }
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible') armTimer?.();
    });

    async function work() {
      if (!active) return;
      if (location.href !== plannedUrl) {
        // A single-page app moved to another page. The badge goes before anything else
        // (before this frame paints): the site may reuse the header for another person.
        profileWatcher.stop();
        await replan();
        return;
      }
      if (scopeDirty) for (const container of rescope()) queue.add(container);
      const deadline = performance.now() + 8;
      for (const element of texts) {
        texts.delete(element);
        if (element.isConnected) {
          domSurveyor.surveyText(element);
          shadowStyler.surveyText(element);
        }
      }
      for (const node of queue) {
        queue.delete(node);
        if (node.isConnected) {
          domSurveyor.survey(node);
          shadowStyler.survey(node);
          profileWatcher.survey(node);
          if (bringsContainer(node)) scopeDirty = true;
        }
        if (performance.now() > deadline) {
          // Yield: the rest waits for the next frame, still held by the sheet.
          schedule(true);
          break;
        }
      }
      if (scopeDirty) schedule();
      pollShadows(shadowStyler.poll());
      await domSurveyor.flush();
      await profileWatcher.update();
      if (titleDirty) {
        titleDirty = false;
        await titleWatcher.check();
      }
    }

    /**
     * A candidate whose text the page changes is held invisible again at once: observer
     * callbacks run before the next paint, and its new text may carry a count the engine
     * has not seen. This is the one piece of work the callback does itself.
     */
    function holdCandidate(element) {
      if (!plan?.candidates) return;
      const candidate = element.closest(plan.candidates);
      if (candidate?.hasAttribute(SEEN)) candidate.removeAttribute(SEEN);
    }

    let pollTimer = 0;
    function pollShadows(delay) {
      if (delay === null || pollTimer) return;
      pollTimer = setTimeout(() => {
        pollTimer = 0;
        schedule();
      }, delay);
    }

    // The shadow roots the rules style and those the sweep goes into: one observer.
    const observeShadow = (shadowRoot) => shadowObserver?.observe(shadowRoot, SUBTREE);
    shadowStyler.setWatch(observeShadow);
    domSurveyor.setWatch(observeShadow);
    profileWatcher.setOnDirty(() => schedule());

    function onMutations(records) {
      for (const record of records) {
        if (record.type === 'characterData') {
          const parent = record.target.parentElement;
          if (parent && !textEditor.isOurs(record.target)) {
            holdCandidate(parent);
            texts.add(parent);
          }
          if (parent?.tagName === 'TITLE') titleDirty = true;
          continue;
        }
        if (record.target.nodeName === 'TITLE' || record.target.nodeName === 'HEAD') titleDirty = true;
        // A removal matters only where our <style> sits (a shadow root's child) or where a
        // container can go (an edge): elsewhere the removed nodes are not even looked at.
        const edge = edges.has(record.target);
        if (edge || record.target.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
          for (const node of record.removedNodes) {
            if (shadowStyler.isOurs(node)) shadowStyler.restyle(record.target);
            // A container went with it (a single-page app swapped it out).
            else if (edge && containers?.some((container) => node === container || node.contains(container))) scopeDirty = true;
          }
        }
        let held = false; // One look up the tree per record, not per added node.
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            if (!IGNORE_TAGS.has(node.tagName)) {
              if (!held && record.target.nodeType === Node.ELEMENT_NODE) holdCandidate(record.target);
              held = true;
              queue.add(node);
            } else if (node.tagName === 'TITLE') titleDirty = true;
          } else if (node.nodeType === Node.TEXT_NODE && node.parentElement && !textEditor.isOurs(node)) {
            holdCandidate(node.parentElement);
            texts.add(node.parentElement);
          }
        }
      }
      if (queue.size || texts.size || titleDirty || scopeDirty) schedule();
    }

    // The parser is done: the containers can be told apart from what is still coming.
    document.addEventListener('DOMContentLoaded', () => {
      scopeDirty = true;
      if (active) schedule();
    });

    return {
      start() {
        shadowObserver ??= new MutationObserver(onMutations);
        rescope();
        // One full scan, for what the parser built before the plan arrived or for what a
        // settings change asks to decide again.
        queue.add(root);
        titleDirty = plan.titleCounter;
        schedule();
      },
      stop() {
        observer?.disconnect();
        shadowObserver?.disconnect();
        observer = shadowObserver = containers = null;
        edges = new Set();
        queue.clear();
        texts.clear();
        shadowStyler.forget();
      },
    };
  })();

  // ---- bootstrap -------------------------------------------------------------------

  /**
   * Applies a page plan: tokens on the root, then a full survey under the new plan. On a
   * settings change every candidate is held again while its original text comes back and
   * is decided afresh, so no number shows in between. (On the first call there is
   * nothing to undo.)
   */
  async function activate(newPlan) {
    plan = newPlan;
    // The edited texts are found through the candidates' marks: restored before those go.
    const decided = held();
    textEditor.restoreAll(decided);
    for (const element of decided) element.removeAttribute(SEEN);
    sweptShadows.clear(); // The full survey below goes into them again, and observes them.
    titleWatcher.restore();
    state.hidden = 0;
    state.countedMetrics = new WeakSet();
    domSurveyor.forget();
    profileWatcher.reset(plan.profile ?? null);
    root.setAttribute(ROOT, plan.rootTokens);
    root.setAttribute(attributes.engine, host.mode);
    active = true;
    domWatcher.start();
    reportStatus();
  }

  let plannedUrl = location.href;

  async function replan() {
    plannedUrl = location.href;
    const newPlan = await callEngine('page-plan', { url: location.href });
    if (newPlan.active) await activate(newPlan);
    else {
      plan = newPlan;
      deactivate();
      state.hidden = 0;
      reportStatus();
    }
  }

  async function bootstrap() {
    // The engine compiles (engine-host.js began at once) while the settings are read.
    host.warmUp({ v: PROTOCOL_VERSION, type: 'page-plan', arg: { url: location.href } });
    settings = await host.firstSettings;
    await host.start(settings);
    await replan();
    // Back/forward within the app, and pages restored from the back/forward cache.
    const onNavigate = () => {
      if (!failed && location.href !== plannedUrl) replan().catch((error) => fail('could not follow the navigation', error));
    };
    addEventListener('popstate', onNavigate);
    addEventListener('pageshow', (event) => event.persisted && onNavigate());
    // Live: a change in the popup reaches this tab without a reload.
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes.forgotten?.newValue) profileWatcher.forgetMemory();
      if (area !== 'sync' || !changes.settings || failed) return;
      settings = changes.settings.newValue;
      host.rebuild(settings);
      replan().catch((error) => fail('could not apply the new settings', error));
    });
  }

  bootstrap().catch((error) => fail('could not start', error));
})();
