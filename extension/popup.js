/* The popup: loads the ui wasm module, which builds the page (src/web/popup/src/lib.rs). */
'use strict';

wasm_bindgen({ module_or_path: 'sincerely_ui_bg.wasm' }).then(() => wasm_bindgen.startPage('popup'));
