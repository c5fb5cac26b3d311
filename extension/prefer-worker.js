/* Injected before content.js on sites whose CSP refuses wasm in content scripts (the list
 * is sincerely::sites::CSP_REFUSES_WASM, applied by `cargo xtask dist`). */
'use strict';

var sincerelyPreferWorker = true;
