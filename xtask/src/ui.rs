//! The popup and options pages' wasm module (src/wasm/popup.rs, Cargo feature `ui`):
//! built on its own so the content script's module stays small, into its own target
//! directory so it does not clobber the engine build, then copied into dist/<browser>/
//! and added to that browser's zip. `dist::run` calls [`build`] last.

use crate::util::{root, sh, Result};
use std::fs;

/// The files the popup and options pages load.
const UI_JS: &str = "sincerely_ui.js";
const UI_WASM: &str = "sincerely_ui_bg.wasm";

pub fn build() -> Result {
    sh(&[
        "cargo",
        "build",
        "--quiet",
        "--lib",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--target-dir",
        "target/ui",
        "--no-default-features",
        "--features",
        "panic-hook,ui",
    ])?;
    let bindgen_dir = "target/ui/wasm-bindgen";
    sh(&[
        "wasm-bindgen",
        "target/ui/wasm32-unknown-unknown/release/sincerely.wasm",
        "--target",
        "no-modules",
        "--no-typescript",
        "--out-name",
        "sincerely_ui",
        "--out-dir",
        bindgen_dir,
    ])?;
    // The same wasm-opt and features as the engine (see dist.rs).
    sh(&[
        "node_modules/.bin/wasm-opt",
        "-Oz",
        "--enable-bulk-memory",
        "--enable-reference-types",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-multivalue",
        "--enable-mutable-globals",
        "-o",
        "target/ui/wasm-bindgen/sincerely_ui_bg.opt.wasm",
        "target/ui/wasm-bindgen/sincerely_ui_bg.wasm",
    ])?;
    for browser in ["chrome", "firefox"] {
        let out = root().join("dist").join(browser);
        fs::copy(root().join(bindgen_dir).join(UI_JS), out.join(UI_JS))
            .map_err(|e| e.to_string())?;
        fs::copy(
            root().join("target/ui/wasm-bindgen/sincerely_ui_bg.opt.wasm"),
            out.join(UI_WASM),
        )
        .map_err(|e| e.to_string())?;
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
