//! `cargo xtask codegen`: writes the files generated from the Rust site rules.
//! `--check` fails instead of writing when a committed file is stale.

use crate::util::{root, Result};
use sincerely::{css, sites};
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
    files
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
