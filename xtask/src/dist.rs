//! `cargo xtask dist`: Rust → wasm → wasm-bindgen → wasm-opt → dist/chrome and
//! dist/firefox (unpacked) and their zips, with one manifest source for both; and
//! dist/chrome-faults, a test build that can be made to panic (src/fault.rs). Chrome's
//! strict-CSP sites also get the engine as JavaScript (xtask/src/sync_engine.rs).

use crate::sync_engine;
use crate::util::{root, Result};
use crate::wasm::Module;
use serde_json::{json, Value};
use sincerely::sites;
use std::fs;
use std::path::Path;

const BROWSERS: [&str; 2] = ["chrome", "firefox"];
/// The files wasm-bindgen writes; both browsers load them the same way.
const ENGINE_JS: &str = "sincerely.js";
const ENGINE_WASM: &str = "sincerely_bg.wasm";
/// The engine module again, as base64 in a classic script, for the content scripts.
const ENGINE_BYTES: &str = "engine-bytes.js";
/// The background's settings edits (src/web/settings), beside the engine in the worker.
const SETTINGS_JS: &str = "sincerely_settings.js";
const SETTINGS_WASM: &str = "sincerely_settings_bg.wasm";

/// The engine the content scripts and the worker load: small over fast. The producers,
/// debug and target-features sections are for tools, not browsers. Rust's wasm keeps its
/// stack in the first MiB and its data above, so nothing lives in the low 1 KB that
/// `--low-memory-unused` lets wasm-opt assume unused (it folds more address arithmetic
/// into load and store offsets: 700 bytes less gzipped).
const ENGINE: Module = Module {
    package: "sincerely-web",
    features: "",
    target_dir: "target",
    cargo_args: &[],
    js_target: "no-modules",
    js_global: None,
    out_name: "sincerely",
    out_dir: "target/wasm-bindgen",
    opt: &[
        "-Oz",
        "--low-memory-unused",
        // The browser compiles each function on its first call: a function called from
        // one place stays a function of its own unless it is tiny, so that a tab's first
        // request compiles only the code it runs. (Inlining every such function made one
        // 44 KB function of all the calls; gzip also finds more repeats in small ones.)
        "--one-caller-inline-max-function-size",
        "100",
        "--strip-debug",
        "--strip-producers",
        "--strip-target-features",
    ],
};

/// The settings module: only the background loads it, once, so small as the engine is.
/// Its glue defines `sincerelySettings`, since the engine's is `wasm_bindgen` in the
/// same worker.
const SETTINGS: Module = Module {
    package: "sincerely-settings",
    js_global: Some("sincerelySettings"),
    out_name: "sincerely_settings",
    out_dir: "target/settings/wasm-bindgen",
    ..ENGINE
};

pub fn run() -> Result {
    crate::codegen::run(false)?;
    ENGINE.build()?;
    SETTINGS.build()?;
    let engine_js = sync_engine::build("")?;
    let dist = root().join("dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| e.to_string())?;
    }
    let source = manifest_source()?;
    for browser in BROWSERS {
        let out = dist.join(browser);
        copy_dir(&root().join("extension"), &out)?;
        fs::remove_file(out.join("manifest.jsonc")).map_err(|e| e.to_string())?;
        // The stores' listing text and privacy-form answers are for their web forms.
        fs::remove_dir_all(out.join("store")).map_err(|e| e.to_string())?;
        fs::copy(root().join(ENGINE.js()), out.join(ENGINE_JS)).map_err(|e| e.to_string())?;
        fs::copy(root().join(ENGINE.wasm()), out.join(ENGINE_WASM)).map_err(|e| e.to_string())?;
        fs::copy(root().join(SETTINGS.js()), out.join(SETTINGS_JS)).map_err(|e| e.to_string())?;
        fs::copy(root().join(SETTINGS.wasm()), out.join(SETTINGS_WASM))
            .map_err(|e| e.to_string())?;
        let engine_bytes = engine_bytes_script(&root().join(ENGINE.wasm()), browser)?;
        fs::write(out.join(ENGINE_BYTES), engine_bytes).map_err(|e| e.to_string())?;
        if browser == "chrome" {
            fs::write(out.join(sync_engine::SCRIPT), &engine_js).map_err(|e| e.to_string())?;
        }
        let manifest = manifest_for(browser, source.clone())?;
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
        fs::write(out.join("manifest.json"), text + "\n").map_err(|e| e.to_string())?;
        let zip = format!("../sincerely-{browser}.zip");
        let status = std::process::Command::new("zip")
            .args(["-qrX", &zip, "."])
            .current_dir(&out)
            .status()
            .map_err(|e| format!("zip: {e}"))?;
        if !status.success() {
            return Err(format!("zip failed for {browser}"));
        }
    }
    crate::www::build()?;
    crate::ui::build()?;
    fault_build()?;
    print_sizes(&dist.join("chrome"))
}

/// dist/chrome-faults: dist/chrome with an engine built with `fault-injection`
/// (src/fault.rs, src/web/engine/Cargo.toml), for the end-to-end test of a real panic.
/// Never zipped or shipped.
fn fault_build() -> Result {
    // Not optimised: a test build, and wasm-opt is the slowest step.
    let module = Module {
        features: "fault-injection",
        out_dir: "target/faults/wasm-bindgen",
        opt: &[],
        ..ENGINE
    };
    module.build()?;
    let out = root().join("dist/chrome-faults");
    copy_dir(&root().join("dist/chrome"), &out)?;
    for (from, to) in [(module.js(), ENGINE_JS), (module.wasm(), ENGINE_WASM)] {
        fs::copy(root().join(from), out.join(to)).map_err(|e| e.to_string())?;
    }
    let engine_bytes = engine_bytes_script(&root().join(module.wasm()), "chrome")?;
    fs::write(out.join(ENGINE_BYTES), engine_bytes).map_err(|e| e.to_string())?;
    let engine_js = sync_engine::build("fault-injection")?;
    fs::write(out.join(sync_engine::SCRIPT), engine_js).map_err(|e| e.to_string())
}

/// `engine-bytes.js`: the wasm as base64 in one global, which engine-host.js compiles.
/// A content script that fetched the .wasm file instead would wait a dozen milliseconds
/// for it while the page loads, and the file would have to be web-accessible, which lets
/// any page probe for Sincerely. The worker still loads the .wasm file.
///
/// `compile` says where the browser compiles it best. V8 compiles each function lazily, on
/// its first call, so a compile on the main thread costs Chrome 1–2 ms, while the result
/// of its compile off the thread waited 3–10 ms behind the page's parsing. SpiderMonkey
/// compiles every function up front (5–10 ms for this module), which it does on helper
/// threads only when asked asynchronously. (Chrome compiles modules over 4 KB on the main
/// thread since version 114; the manifest asks for 120.)
fn engine_bytes_script(wasm: &Path, browser: &str) -> Result<String> {
    let bytes = fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let compile = if browser == "chrome" {
        "main-thread"
    } else {
        "off-thread"
    };
    Ok(format!(
        "/* Generated by `cargo xtask dist` from sincerely_bg.wasm: the engine for \
         engine-host.js to compile, without a fetch. */\n\
         globalThis.sincerelyEngine = {{ base64: \"{}\", compile: '{compile}' }};\n",
        base64(&bytes)
    ))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

/// extension/manifest.jsonc without its comment lines.
fn manifest_source() -> Result<Value> {
    let text =
        fs::read_to_string(root().join("extension/manifest.jsonc")).map_err(|e| e.to_string())?;
    let json: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    serde_json::from_str(&json).map_err(|e| format!("extension/manifest.jsonc: {e}"))
}

/// Fills the site-derived fields and the per-browser ones.
pub fn manifest_for(browser: &str, mut manifest: Value) -> Result<Value> {
    let version = env!("CARGO_PKG_VERSION_OF_SINCERELY");
    manifest["version"] = json!(version);
    let with_matches: Vec<_> = sites::all()
        .iter()
        .filter(|site| !site.matches.is_empty())
        .collect();
    let all_matches: Vec<&str> = with_matches
        .iter()
        .flat_map(|site| site.matches.iter().copied())
        .collect();
    manifest["host_permissions"] = json!(all_matches);
    // Chrome refuses to compile wasm in a content script on a page whose CSP does not
    // allow it, and says so to the site in a violation report: the sites known to refuse
    // (sincerely::sites::CSP_REFUSES_WASM) get no engine bytes, so their tabs go straight
    // to the worker. Firefox compiles in content scripts whatever the page's CSP.
    let refuses = |site: &&&sites::SiteRules| {
        browser == "chrome" && sites::CSP_REFUSES_WASM.contains(&site.id)
    };
    let worker_matches: Vec<&str> = with_matches
        .iter()
        .filter(refuses)
        .flat_map(|s| s.matches.iter().copied())
        .collect();
    let in_page_matches: Vec<&str> = with_matches
        .iter()
        .filter(|s| !refuses(s))
        .flat_map(|s| s.matches.iter().copied())
        .collect();
    let mut content_scripts = Vec::new();
    for (matches, js) in [
        (worker_matches, strict_csp_scripts(browser)),
        (
            in_page_matches,
            // engine-host.js first: it asks for the settings, which take the longest.
            vec![
                "engine-host.js",
                ENGINE_JS,
                ENGINE_BYTES,
                "badge.js",
                "content.js",
            ],
        ),
    ] {
        if !matches.is_empty() {
            content_scripts
                .push(json!({ "matches": matches, "js": js, "run_at": "document_start" }));
        }
    }
    for site in &with_matches {
        content_scripts.push(json!({
            "matches": site.matches,
            "css": [format!("generated/{}.css", site.id)],
            "run_at": "document_start"
        }));
    }
    manifest["content_scripts"] = json!(content_scripts);
    match browser {
        "chrome" => {
            manifest["background"] = json!({ "service_worker": "worker.js" });
            manifest["minimum_chrome_version"] = json!("120");
        }
        "firefox" => {
            manifest["background"] = json!({ "scripts": [ENGINE_JS, SETTINGS_JS, "worker.js"] });
            manifest["browser_specific_settings"] = json!({
                "gecko": {
                    "id": "sincerely@sincerely-extension",
                    "strict_min_version": "140.0",
                    // Nothing is collected or transmitted (see PRIVACY.md).
                    "data_collection_permissions": { "required": ["none"] }
                },
                "gecko_android": { "strict_min_version": "142.0" }
            });
        }
        other => return Err(format!("unknown browser {other}")),
    }
    crate::codegen::load_constants_first(&mut manifest);
    Ok(manifest)
}

/// The content scripts on the sites whose CSP refuses wasm (`worker_matches` above): in
/// Chrome the engine comes along as JavaScript (xtask/src/sync_engine.rs), which answers
/// within the frame; where it fails to load, engine-host.js still has the worker. (Firefox
/// compiles the wasm there, so its build has no such entry.)
fn strict_csp_scripts(browser: &str) -> Vec<&'static str> {
    if browser == "chrome" {
        vec![
            "engine-host.js",
            sync_engine::SCRIPT,
            "badge.js",
            "content.js",
        ]
    } else {
        vec!["engine-host.js", "badge.js", "content.js"]
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn gzipped_len(path: &Path) -> Result<usize> {
    let out = std::process::Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len())
}

fn print_sizes(dir: &Path) -> Result {
    println!("\nsizes (raw / gzip -9):");
    let mut total = (0, 0);
    for name in [
        ENGINE_WASM,
        ENGINE_JS,
        SETTINGS_WASM,
        SETTINGS_JS,
        "engine-host.js",
        "content.js",
        "worker.js",
        sync_engine::SCRIPT,
    ] {
        let path = dir.join(name);
        let raw = fs::metadata(&path).map_err(|e| e.to_string())?.len() as usize;
        let gz = gzipped_len(&path)?;
        total = (total.0 + raw, total.1 + gz);
        println!("  {name:<28} {:>9} B / {:>8} B", raw, gz);
    }
    println!("  {:<28} {:>9} B / {:>8} B", "total", total.0, total.1);
    Ok(())
}
