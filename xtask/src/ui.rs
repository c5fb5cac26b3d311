//! The popup and options pages' wasm module (the crate `sincerely-popup`, src/web/popup):
//! built on its own so the content script's module stays small, then copied into
//! dist/<browser>/ and added to that browser's zip. `dist::run` calls [`build`] last.

use crate::util::{root, Result};
use crate::wasm::Module;
use std::fs;

/// The files the popup and options pages load.
const UI_JS: &str = "sincerely_ui.js";
const UI_WASM: &str = "sincerely_ui_bg.wasm";

pub fn build() -> Result {
    let module = Module {
        package: "sincerely-popup",
        features: "",
        target_dir: "target",
        cargo_args: &[],
        js_target: "no-modules",
        js_global: None,
        out_name: "sincerely_ui",
        out_dir: "target/ui/wasm-bindgen",
        opt: &["-Oz"],
    };
    module.build()?;
    for browser in ["chrome", "firefox"] {
        let out = root().join("dist").join(browser);
        fs::copy(root().join(module.js()), out.join(UI_JS)).map_err(|e| e.to_string())?;
        fs::copy(root().join(module.wasm()), out.join(UI_WASM)).map_err(|e| e.to_string())?;
        let zip = format!("../sincerely-{browser}.zip");
        let status = std::process::Command::new("zip")
            .args(["-qX", &zip, UI_JS, UI_WASM])
            .current_dir(&out)
            .status()
            .map_err(|e| format!("zip: {e}"))?;
        if !status.success() {
            return Err(format!("zip failed for {browser}"));
        }
        let size = fs::metadata(out.join(UI_WASM))
            .map_err(|e| e.to_string())?
            .len();
        eprintln!("{browser}: {UI_WASM} {size} B");
    }
    Ok(())
}
