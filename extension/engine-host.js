/*
 * engineHost: one `call(request)` to the Rust engine, wherever it can run.
 *
 *   load()   ── starts fetching and compiling sincerely_bg.wasm at once, while the
 *            │  content script still reads its settings (start-up is the two in parallel)
 *   start()  ── try: compile sincerely_bg.wasm here (Firefox; Chrome on pages whose CSP
 *            │        allows wasm) → mode "in-page", calls are synchronous under the hood
 *            └─ CompileError / CSP refusal → mode "worker": the same requests go to the
 *                     extension's background through runtime.sendMessage, sent again
 *                     for a few seconds when a stopped worker cut one off
 *
 * Callers never see the difference: both answer with the protocol's JSON
 * (src/protocol.rs). Loaded after sincerely.js (wasm-bindgen --target no-modules),
 * before content.js.
 */
'use strict';

var sincerelyEngineHost = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  let engine = null;
  let mode = null;
  let loading = null;

  // wasm-bindgen's init fetches and compiles the module (streaming); a page CSP without
  // 'wasm-unsafe-eval' makes Chrome refuse the compile here.
  function load() {
    loading ??= wasm_bindgen({ module_or_path: api.runtime.getURL('sincerely_bg.wasm') });
    return loading;
  }

  async function startInPage(settings) {
    await load();
    engine = new wasm_bindgen.Engine(settings ?? null);
  }

  // Chrome stops an idle service worker, and a stop cuts off the calls in flight ("the
  // message channel closed before a response was received"). The next message starts it
  // again, and engine calls are stateless, so a call that lost its worker is sent again
  // until WORKER_PATIENCE_MS have passed; meanwhile the sheet keeps everything held.
  const WORKER_PATIENCE_MS = 5000;
  const WORKER_RETRY_MS = 100;

  // The settings travel with each call, so the worker answers with exactly the settings
  // this tab applies, even in the moment after a change.
  async function callWorker(request, settings) {
    const message = { what: 'engineCall', request, settings: settings ?? null };
    const deadline = Date.now() + WORKER_PATIENCE_MS;
    for (;;) {
      let answer = null;
      let lost = new Error('the background did not answer');
      try {
        answer = await api.runtime.sendMessage(message);
      } catch (error) {
        lost = error;
      }
      if (answer) {
        if (answer.error) throw new Error(answer.error);
        return answer.response;
      }
      if (Date.now() >= deadline) throw lost;
      await new Promise((resolve) => setTimeout(resolve, WORKER_RETRY_MS));
    }
  }

  return {
    get mode() { return mode; },

    /** Begins loading the in-page engine; start() picks it up. Never rejects. */
    load() {
      load().catch(() => {});
    },

    /** Picks the host once; returns the mode. Throws only if neither can run. */
    async start(settings, { forceWorker = false } = {}) {
      if (mode) return mode;
      if (!forceWorker) {
        try {
          await startInPage(settings);
          mode = 'in-page';
          return mode;
        } catch (error) {
          engine = null;
        }
      }
      mode = 'worker';
      return mode;
    },

    /** Rebuilds the in-page engine after a settings change (the worker rebuilds its own). */
    rebuild(settings) {
      if (mode === 'in-page') engine = new wasm_bindgen.Engine(settings ?? null);
    },

    /** The in-page engine's answer, synchronously: no page code runs in between. */
    callInPage(request) {
      return engine.handle(request);
    },

    async call(request, settings) {
      if (mode === 'in-page') return engine.handle(request);
      if (mode === 'worker') return callWorker(request, settings);
      throw new Error('engine not started');
    },
  };
})();
