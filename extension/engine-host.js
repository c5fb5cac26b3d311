/*
 * engineHost: one `call(request)` to the Rust engine, wherever it can run.
 *
 *   start()  ── try: compile sincerely_bg.wasm here (Firefox; Chrome on pages whose CSP
 *            │        allows wasm) → mode "in-page", calls are synchronous under the hood
 *            └─ CompileError / CSP refusal → mode "worker": the same requests go to the
 *                     extension's background through runtime.sendMessage
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

  async function startInPage(settings) {
    // wasm-bindgen's init fetches and compiles the module; a page CSP without
    // 'wasm-unsafe-eval' makes Chrome refuse the compile here.
    await wasm_bindgen({ module_or_path: api.runtime.getURL('sincerely_bg.wasm') });
    engine = new wasm_bindgen.Engine(settings ?? null);
  }

  // The settings travel with each call, so the worker answers with exactly the settings
  // this tab applies, even in the moment after a change.
  async function callWorker(request, settings) {
    const answer = await api.runtime.sendMessage({ what: 'engineCall', request, settings: settings ?? null });
    if (!answer) throw new Error('the background did not answer');
    if (answer.error) throw new Error(answer.error);
    return answer.response;
  }

  return {
    get mode() { return mode; },

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

    async call(request, settings) {
      if (mode === 'in-page') return engine.handle(request);
      if (mode === 'worker') return callWorker(request, settings);
      throw new Error('engine not started');
    },
  };
})();
