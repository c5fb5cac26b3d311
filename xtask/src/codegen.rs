//! `cargo xtask codegen`: writes the files generated from the Rust site rules, and the
//! constants the extension's scripts share with the engine.
//! `--check` fails instead of writing when a committed file is stale.

use crate::util::{root, Result};
use sincerely::{css, protocol, sites};
use std::path::PathBuf;

/// Every generated file with its contents.
pub fn files() -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = sites::all()
        .iter()
        .map(|site| {
            (
                PathBuf::from(format!("extension/generated/{}.css", site.id)),
                css::site_css(site),
            )
        })
        .collect();
    files.push((
        PathBuf::from("extension/generated/detect.js"),
        sites::detect_script(),
    ));
    files.push((
        PathBuf::from(CONSTANTS_SCRIPT),
        protocol::constants_script(),
    ));
    files
}

/// The constants the scripts share with the engine (`sincerelyConstants`), from the Rust
/// consts that own them (`sincerely::protocol::shared_constants`).
const CONSTANTS_SCRIPT: &str = "extension/generated/constants.js";

/// Puts generated/constants.js first in every script list of a filled manifest: each
/// content-script entry that runs scripts, and Firefox's event page. (Chrome's service
/// worker imports it itself, as worker.js's registered scripts list it.) Before
/// engine-host.js too, which reads a message name from it: a tiny script, so the settings
/// read that engine-host.js starts is not held up.
pub fn load_constants_first(manifest: &mut serde_json::Value) {
    let packaged = CONSTANTS_SCRIPT.trim_start_matches("extension/");
    let first = |list: Option<&mut serde_json::Value>| {
        if let Some(list) = list.and_then(serde_json::Value::as_array_mut) {
            list.insert(0, packaged.into());
        }
    };
    if let Some(entries) = manifest["content_scripts"].as_array_mut() {
        entries
            .iter_mut()
            .for_each(|entry| first(entry.get_mut("js")));
    }
    first(manifest["background"].get_mut("scripts"));
}

pub fn run(check: bool) -> Result {
    let mut stale = Vec::new();
    let dir = root().join("extension/generated");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let wanted = files();
    for (path, contents) in &wanted {
        let full = root().join(path);
        if std::fs::read_to_string(&full).ok().as_deref() != Some(contents.as_str()) {
            if check {
                stale.push(path.display().to_string());
            } else {
                std::fs::write(&full, contents).map_err(|e| format!("{}: {e}", full.display()))?;
                eprintln!("wrote {}", path.display());
            }
        }
    }
    // Sheets of sites that no longer exist.
    for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let relative = path.strip_prefix(root()).unwrap_or(&path).to_path_buf();
        if !wanted.iter().any(|(p, _)| *p == relative) {
            if check {
                stale.push(format!("{} (no site has it)", relative.display()));
            } else {
                std::fs::remove_file(&path).map_err(|e| e.to_string())?;
            }
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "generated files are stale, run `cargo xtask codegen`: {}",
            stale.join(", ")
        ))
    }
}
