//! The www/ site's generated parts, written by `cargo xtask dist` (both ignored by git):
//!
//! - `www/pkg/`: the playground's wasm module (the crate `sincerely-playground`,
//!   src/web/playground), built for `--target web` so `www/worker.js` can import it as an
//!   ES module. It has its own target dir: it is built at another opt-level than the
//!   extension's modules, and sharing one would rebuild each in turn.
//! - `www/demo/`: a copy of every fixture page (`tests/fixtures/<site>/<case>/page.html`
//!   as `<site>-<case>.html`, with [`OFFLINE_POLICY`] added) and `demos.js`, the list the
//!   index page shows. The run command opens the same pages at their real addresses with
//!   the extension loaded.

use crate::util::{root, Result};
use crate::wasm::Module;
use serde_json::{json, Value};
use std::fs;

/// Added to each demo copy: real snapshots still name the sites' servers (stylesheets,
/// scripts, images), and the site promises that nothing on it talks to a network. The
/// pages' own inline scripts and styles run, so the hand-made pages still animate.
const OFFLINE_POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'none'; form-action 'none'; base-uri 'none'\">";

const TARGET_DIR: &str = "target/www-build";
const PKG_DIR: &str = "www/pkg";

pub fn build() -> Result {
    let pkg = root().join(PKG_DIR);
    if pkg.exists() {
        fs::remove_dir_all(&pkg).map_err(|e| e.to_string())?;
    }
    let module = Module {
        package: "sincerely-playground",
        features: "",
        target_dir: TARGET_DIR,
        // Speed over size here, unlike the extension: parsing and scoring a 50,000-post
        // export took about a third less CPU at opt-level 3 than at "z" (measured in Node
        // on cd63490's model), for 100 KB more wasm.
        cargo_args: &["--config", "profile.release.opt-level=3"],
        js_target: "web",
        js_global: None,
        out_name: "sincerely_www",
        out_dir: PKG_DIR,
        opt: &["-O3"],
    };
    module.build()?;
    let wasm = module.wasm();
    let size = fs::metadata(root().join(&wasm))
        .map_err(|e| e.to_string())?
        .len();
    println!("www: {wasm} {size} B");
    // The page draws with the extension's el() (www/index.html); one copy of it, with the
    // generated constants badge.js reads.
    for (from, to) in [
        ("extension/generated/constants.js", "www/constants.js"),
        ("extension/badge.js", "www/badge.js"),
    ] {
        fs::copy(root().join(from), root().join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    copy_demo_pages()
}

/// Copies the fixture pages into www/demo/ and writes the list `demos.js` exports.
fn copy_demo_pages() -> Result {
    let demo = root().join("www/demo");
    if demo.exists() {
        fs::remove_dir_all(&demo).map_err(|e| e.to_string())?;
    }
    fs::create_dir_all(&demo).map_err(|e| e.to_string())?;
    let fixtures = root().join("tests/fixtures");
    let mut sites: Vec<_> = fs::read_dir(&fixtures)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_dir())
        .collect();
    sites.sort();
    let mut demos: Vec<Value> = Vec::new();
    for site_dir in sites {
        let mut cases: Vec<_> = fs::read_dir(&site_dir)
            .map_err(|e| e.to_string())?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.join("case.json").exists() && path.join("page.html").exists())
            .collect();
        cases.sort();
        for case_dir in cases {
            let name = |path: &std::path::Path| {
                path.file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            let (site, case) = (name(&site_dir), name(&case_dir));
            let spec_text =
                fs::read_to_string(case_dir.join("case.json")).map_err(|e| e.to_string())?;
            let spec: Value = serde_json::from_str(&spec_text)
                .map_err(|e| format!("{}: {e}", case_dir.join("case.json").display()))?;
            let file = format!("{site}-{case}.html");
            let page = fs::read_to_string(case_dir.join("page.html"))
                .map_err(|e| format!("{}: {e}", case_dir.join("page.html").display()))?;
            fs::write(demo.join(&file), with_offline_policy(&page)).map_err(|e| e.to_string())?;
            demos.push(json!({
                "id": format!("{site}/{case}"),
                "site": site,
                "title": spec["title"].as_str().unwrap_or(""),
                "url": spec["url"].as_str().unwrap_or(""),
                "file": format!("demo/{file}"),
            }));
        }
    }
    let list = serde_json::to_string_pretty(&demos).map_err(|e| e.to_string())?;
    let script = format!(
        "// Generated by `cargo xtask dist` from tests/fixtures/, do not edit by hand.\nexport const demos = {list};\n"
    );
    fs::write(demo.join("demos.js"), script).map_err(|e| e.to_string())
}

/// The page with [`OFFLINE_POLICY`] first in its `<head>`, before anything it could load.
fn with_offline_policy(page: &str) -> String {
    let lower = page.to_ascii_lowercase();
    let after_head = lower
        .find("<head")
        .and_then(|start| lower[start..].find('>').map(|end| start + end + 1));
    match after_head {
        Some(at) => format!("{}\n{OFFLINE_POLICY}{}", &page[..at], &page[at..]),
        None => format!("{OFFLINE_POLICY}\n{page}"),
    }
}
