/* The options page: loads the ui wasm module, which fills and runs the page (src/web/popup/src/lib.rs). */
'use strict';

// The extension APIs under one name, which src/web/popup/src/browser.rs binds to: Firefox's
// `browser`, or Chrome's `chrome` where there is none (both return promises in MV3).
globalThis.browser ??= globalThis.chrome;
wasm_bindgen({ module_or_path: 'sincerely_ui_bg.wasm' }).then(() => wasm_bindgen.startPage('options'));
