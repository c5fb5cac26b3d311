/*
 * engineHost: one `call(request)` to the Rust engine, wherever it can run.
 *
 *   start()  ── engine-bytes.js came with this script (the manifest's entries for sites
 *            │  where the page may allow wasm; every site in Firefox): its module is
 *            │  compiled at the content script's first call, while the settings are
 *            │  being read → mode "in-page", calls are synchronous under the hood
 *            │  (a page CSP without 'wasm-unsafe-eval' still refuses the compile in
 *            │  Chrome: then the worker)
 *            ├─ engine-js.js came instead (Chrome, on the sites whose CSP refuses wasm):
 *            │  the same engine compiled to JavaScript by wasm2js (src/web/sync), made
 *            │  at the first call → mode "in-page-js", synchronous like "in-page"
 *            └─ neither (hosts the user added), a refused compile, or a JavaScript engine
 *                     that did not load → mode "worker": the same requests go to the
 *                     extension's background through runtime.sendMessage, sent again
 *                     for a few seconds when a stopped worker cut one off; a call not
 *                     answered at all in 15 s fails ("worker-lost")
 *
 * Callers never see the difference: both answer with the protocol's JSON
 * (src/protocol.rs). Loaded first after generated/constants.js, then sincerely.js (wasm-bindgen --target no-modules)
 * and engine-bytes.js on in-page entries, or engine-js.js on Chrome's strict-CSP ones,
 * then badge.js and content.js.
 */
'use strict';

var sincerelyEngineHost = (() => {
  const api = globalThis.browser ?? globalThis.chrome;
  let engine = null;
  let mode = null;
  let Engine = null; // The class of the in-page engine: wasm-bindgen's, or jsEngineClass's.

  // Asked for first thing: this file runs before the other scripts of its entry, so that
  // the read is on its way while they load and the engine compiles.
  const firstSettings = api.storage.sync.get('settings').then(({ settings }) => settings ?? null);

  function decode(base64) {
    if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
    const binary = atob(base64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  // The module comes as base64 in a global of engine-bytes.js (written by `cargo xtask
  // dist`), which runs after this file: compiling it needs no fetch (fetching the .wasm took
  // a dozen milliseconds of a page's start, and would need the file web-accessible, which
  // lets any page probe for us). It is compiled when the content script first asks, where
  // the build says this browser compiles it best (see engine_bytes_script in
  // xtask/src/dist.rs): Chrome on the main thread, at once, Firefox on its helper threads.
  let loading = null; // A promise: this tab's in-page mode, or null for the worker.
  function load() {
    if (!loading) {
      loading = pick(globalThis.sincerelyEngine, globalThis.sincerelyEngineJs);
      // Read once: no other script of ours needs them.
      delete globalThis.sincerelyEngine;
      delete globalThis.sincerelyEngineJs;
    }
    return loading;
  }
  async function pick(packaged, scripted) {
    // Neither in this script entry (hosts the user added): said without an exception,
    // which cost such a tab 2–3 ms in the benchmark's browser (driven over the DevTools
    // protocol).
    if (typeof packaged?.base64 === 'string') {
      try {
        await compile(packaged);
        Engine = wasm_bindgen.Engine;
        return 'in-page';
      } catch {
        // A refusal (a page CSP without 'wasm-unsafe-eval', in Chrome): what follows.
      }
    }
    if (typeof scripted?.instantiate === 'function') {
      try {
        Engine = jsEngineClass(scripted.instantiate());
        return 'in-page-js';
      } catch {
        // The worker still answers.
      }
    }
    return null;
  }
  async function compile(packaged) {
    const bytes = decode(packaged.base64);
    if (packaged.compile === 'main-thread') wasm_bindgen.initSync({ module: new WebAssembly.Module(bytes) });
    else await wasm_bindgen({ module_or_path: bytes });
  }

  /**
   * An Engine class like wasm-bindgen's (`new Engine(settings)`, `handle(request)`,
   * `free()`) over the C ABI of src/web/sync, as wasm2js exports it: JSON text through the
   * module's memory. Anything the module throws is a trap (wasm2js throws an `Error` for
   * `unreachable`, where a Rust panic aborts): the instance is lost, as in-page.
   */
  function jsEngineClass(exports) {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const bytes = () => new Uint8Array(exports.memory.buffer); // A new buffer after each grow.
    const trapped = (error) => failure('engine-crashed', error);
    // `text` in the module's memory for the duration of `use(ptr, len)`.
    function withText(text, use) {
      const encoded = encoder.encode(text);
      const ptr = exports.alloc(encoded.length);
      bytes().set(encoded, ptr);
      try {
        return use(ptr, encoded.length);
      } finally {
        exports.dealloc(ptr, encoded.length);
      }
    }
    return class JsEngine {
      constructor(settings) {
        try {
          this.ptr = withText(JSON.stringify(settings ?? null), exports.engine_new);
        } catch (error) {
          throw trapped(error);
        }
      }

      handle(request) {
        let ok = 0;
        let text = '';
        try {
          const out = withText(JSON.stringify(request), (ptr, len) => exports.engine_handle(this.ptr, ptr, len));
          const header = new DataView(exports.memory.buffer, out, 8);
          const len = header.getUint32(0, true);
          ok = header.getUint32(4, true);
          text = decoder.decode(bytes().subarray(out + 8, out + 8 + len));
          exports.dealloc(out, 8 + len);
        } catch (error) {
          throw trapped(error);
        }
        if (!ok) throw new Error(text); // A bad request, as wasm-bindgen's JsError says it.
        return JSON.parse(text);
      }

      free() {
        exports.engine_free(this.ptr);
      }
    };
  }

  // V8 compiles each wasm function on its first call. A spare engine answers the page's
  // first request as soon as the module is in, while the settings are on their way, so
  // that the engine built with them finds its code compiled.
  async function warmUp(request) {
    if (!(await load()) || engine) return;
    const spare = new Engine(null);
    try {
      spare.handle(request);
    } finally {
      spare.free();
    }
  }

  // Chrome stops an idle service worker, and a stop cuts off the calls in flight ("the
  // message channel closed before a response was received"). The next message starts it
  // again, and engine calls are stateless, so a call that lost its worker is sent again
  // until WORKER_PATIENCE_MS have passed; meanwhile the sheet keeps everything held.
  const WORKER_PATIENCE_MS = 5000;
  const WORKER_RETRY_MS = 100;
  // A worker that takes a call and never answers (hung, or stopped in a way that leaves the
  // call pending) would keep the page's held texts invisible: past this, the tab gives up.
  const WORKER_CALL_LIMIT_MS = 15000;
  const TIMED_OUT = Symbol('timed out');
  // The timer goes with the answer: left pending, each call would wake the page once more,
  // seconds later, for nothing.
  const within = (promise, ms) => {
    let timer = 0;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, ms), TIMED_OUT)));
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  };

  // The settings travel with each call, so the worker answers with exactly the settings
  // this tab applies, even in the moment after a change.
  /** An Error whose `kind` tells the popup what happened ('engine-crashed', 'worker-lost'). */
  function failure(kind, error) {
    const wrapped = new Error(String(error?.message ?? error));
    wrapped.kind = kind;
    return wrapped;
  }

  async function callWorker(request, settings) {
    const message = { what: sincerelyConstants.messages.engineCall, request, settings: settings ?? null };
    const deadline = Date.now() + WORKER_PATIENCE_MS;
    const limit = Date.now() + WORKER_CALL_LIMIT_MS;
    for (;;) {
      let answer = null;
      let lost = new Error('the background did not answer');
      try {
        answer = await within(api.runtime.sendMessage(message), limit - Date.now());
      } catch (error) {
        lost = error;
      }
      if (answer === TIMED_OUT) {
        throw failure('worker-lost', `the background did not answer in ${WORKER_CALL_LIMIT_MS / 1000} s`);
      }
      if (answer) {
        if (answer.error) throw answer.crashed ? failure('engine-crashed', answer.error) : new Error(answer.error);
        return answer.response;
      }
      if (Date.now() >= deadline) throw failure('worker-lost', lost);
      await new Promise((resolve) => setTimeout(resolve, WORKER_RETRY_MS));
    }
  }

  return {
    get mode() { return mode; },

    /** Whether calls are answered synchronously, in the page (callInPage). */
    get synchronous() { return mode === 'in-page' || mode === 'in-page-js'; },

    /** The stored settings (a promise, asked for when this script ran). */
    get firstSettings() { return firstSettings; },

    /** Runs `request` once on a spare in-page engine, for its compile only. Never rejects. */
    warmUp(request) {
      // Only a compile is lost: start() finds any real fault again.
      warmUp(request).catch(() => {});
    },

    /**
     * Picks the host once: the page when this tab got the engine's bytes and the page lets
     * them compile, or got the engine as JavaScript; else the worker. Returns the mode.
     */
    async start(settings) {
      if (!mode) mode = (await load()) ?? 'worker';
      if (this.synchronous) engine ??= new Engine(settings ?? null);
      return mode;
    },

    /** Rebuilds the in-page engine after a settings change (the worker rebuilds its own). */
    rebuild(settings) {
      if (!this.synchronous) return;
      // The JavaScript engine's memory is freed by hand; wasm-bindgen's has a finalizer.
      if (mode === 'in-page-js') {
        try {
          engine?.free();
        } catch {
          // A trapped instance: nothing left to free.
        }
      }
      engine = new Engine(settings ?? null);
    },

    /** The in-page engine's answer, synchronously: no page code runs in between. */
    callInPage(request) {
      try {
        return engine.handle(request);
      } catch (error) {
        // A trap (a Rust panic: the release build aborts) leaves the instance unusable.
        if (error instanceof WebAssembly.RuntimeError) throw failure('engine-crashed', error);
        throw error;
      }
    },

    async call(request, settings) {
      if (this.synchronous) return this.callInPage(request);
      if (mode === 'worker') return callWorker(request, settings);
      throw new Error('engine not started');
    },
  };
})();
