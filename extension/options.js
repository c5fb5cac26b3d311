/* The options page: the same ui wasm module as the popup, plus export and import. */
'use strict';

wasm_bindgen({ module_or_path: 'sincerely_ui_bg.wasm' }).then(() => wasm_bindgen.startPage('options'));
