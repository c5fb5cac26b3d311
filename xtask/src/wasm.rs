//! The one recipe that turns a web crate (src/web/*) into a browser's wasm module: `cargo
//! build` for wasm32 → `wasm-bindgen` → `wasm-opt`. The engine, its fault-injection twin,
//! the popup's UI and the www playground differ only in the fields of [`Module`].

use crate::util::{sh, Result};

/// wasm-opt's features: the ones rustc enables by default for wasm32.
const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-reference-types",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

pub struct Module<'a> {
    /// The web crate (`sincerely-web`, `sincerely-popup`, …).
    pub package: &'a str,
    /// Its cargo features (only test builds have any).
    pub features: &'a str,
    /// The core builds the same for every web crate, so they share `target`; a build with
    /// other compiler settings (the playground's opt-level) has its own, so that one build
    /// does not make the next rebuild everything.
    pub target_dir: &'a str,
    /// Extra `cargo build` arguments (a profile override).
    pub cargo_args: &'a [&'a str],
    /// wasm-bindgen's `--target`: `no-modules` for extension scripts, `web` for ES modules.
    pub js_target: &'a str,
    /// The global a `no-modules` glue defines (wasm-bindgen's default is `wasm_bindgen`):
    /// two modules loaded into one worker need two names.
    pub js_global: Option<&'a str>,
    /// The files are `<out_name>.js` and `<out_name>_bg.wasm` in `out_dir`.
    pub out_name: &'a str,
    pub out_dir: &'a str,
    /// wasm-opt's level and passes (`-Oz` for size, `-O3` for speed), or none at all.
    pub opt: &'a [&'a str],
}

impl Module<'_> {
    /// Builds the module; the wasm in `out_dir` is the optimised one.
    pub fn build(&self) -> Result {
        let mut cargo = vec![
            "cargo",
            "build",
            "--quiet",
            "--package",
            self.package,
            "--lib",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--target-dir",
            self.target_dir,
            "--features",
            self.features,
        ];
        cargo.extend_from_slice(self.cargo_args);
        sh(&cargo)?;
        let built = format!(
            "{}/wasm32-unknown-unknown/release/{}.wasm",
            self.target_dir,
            self.package.replace('-', "_")
        );
        let mut bindgen = vec![
            "wasm-bindgen",
            &built,
            "--target",
            self.js_target,
            "--no-typescript",
            "--out-name",
            self.out_name,
            "--out-dir",
            self.out_dir,
        ];
        if let Some(global) = self.js_global {
            bindgen.extend_from_slice(&["--no-modules-global", global]);
        }
        sh(&bindgen)?;
        if !self.opt.is_empty() {
            // Debian's binaryen 108 miscompiles externref tables; the npm package is current.
            let wasm = self.wasm();
            let mut opt = vec!["node_modules/.bin/wasm-opt"];
            opt.extend_from_slice(self.opt);
            opt.extend_from_slice(&WASM_FEATURES);
            opt.extend_from_slice(&["-o", &wasm, &wasm]);
            sh(&opt)?;
        }
        Ok(())
    }

    /// The wasm file, relative to the repository root.
    pub fn wasm(&self) -> String {
        format!("{}/{}_bg.wasm", self.out_dir, self.out_name)
    }

    /// The JavaScript glue, relative to the repository root.
    pub fn js(&self) -> String {
        format!("{}/{}.js", self.out_dir, self.out_name)
    }
}
