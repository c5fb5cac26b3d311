//! `cargo xtask source [--check]`: the source package addons.mozilla.org asks for when an
//! add-on ships generated code (our wasm and the engine as JavaScript), and the proof
//! that it rebuilds the add-on byte for byte.
//!
//! The package is every file git tracks, zipped (target/source/sincerely-source.zip). A
//! reviewer unzips it and runs `cargo xtask dist`, which installs what is missing and
//! writes dist/firefox. `--check` does exactly that in target/source/tree, from nothing
//! built (its own target/ and node_modules/), and compares the result with this tree's
//! dist/firefox file by file.

use crate::util::{output, root, sh, Result};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const ZIP: &str = "target/source/sincerely-source.zip";

pub fn run(check: bool) -> Result {
    let zip = package()?;
    println!("source package: {}", zip.display());
    if !check {
        return Ok(());
    }
    crate::dist::run()?;
    rebuilds_dist()
}

/// Builds dist/firefox from the source package in target/source/tree and fails unless
/// it is this tree's dist/firefox, byte for byte (`cargo xtask dist` must have run).
pub fn rebuilds_dist() -> Result {
    package()?;
    let tree = root().join("target/source/tree");
    if tree.exists() {
        fs::remove_dir_all(&tree).map_err(|e| e.to_string())?;
    }
    fs::create_dir_all(&tree).map_err(|e| e.to_string())?;
    sh(&["unzip", "-q", ZIP, "-d", "target/source/tree"])?;
    // The reviewer's one command, in the unzipped tree, with nothing of ours around it.
    eprintln!("\n== cargo xtask dist, from the source package (a cold build)");
    let status = Command::new("cargo")
        .args(["xtask", "dist"])
        .current_dir(&tree)
        .env_remove("CARGO_TARGET_DIR")
        .status()
        .map_err(|e| format!("cargo: {e}"))?;
    if !status.success() {
        return Err(format!("`cargo xtask dist` failed in {}", tree.display()));
    }
    let ours = files(&root().join("dist/firefox"))?;
    let theirs = files(&tree.join("dist/firefox"))?;
    let differ: Vec<&String> = ours
        .keys()
        .chain(theirs.keys())
        .filter(|name| ours.get(*name) != theirs.get(*name))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !differ.is_empty() {
        return Err(format!(
            "dist/firefox from the source package differs in {} files: {}",
            differ.len(),
            differ
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let bytes: usize = ours.values().map(Vec::len).sum();
    println!(
        "dist/firefox rebuilt from the source package: {} files, {bytes} bytes, byte-identical",
        ours.len()
    );
    Ok(())
}

/// Zips every tracked file (as committed or as edited, never an untracked one).
pub fn package() -> Result<PathBuf> {
    let list = output(&["git", "ls-files", "--cached"])?;
    if list.is_empty() {
        return Err(
            "git ls-files listed nothing: the source package is made from a git checkout".into(),
        );
    }
    let zip = root().join(ZIP);
    fs::create_dir_all(zip.parent().expect("a folder")).map_err(|e| e.to_string())?;
    if zip.exists() {
        fs::remove_file(&zip).map_err(|e| e.to_string())?;
    }
    // -X: no extra file attributes (owners, times beyond the zip's own).
    let mut child = Command::new("zip")
        .args(["-q", "-X", "-@", ZIP])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("zip: {e}"))?;
    {
        use std::io::Write;
        let stdin = child.stdin.as_mut().expect("piped");
        // Deleted but not yet committed files are listed by git and missing here.
        for name in list.lines().filter(|name| root().join(name).exists()) {
            writeln!(stdin, "{name}").map_err(|e| e.to_string())?;
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    status
        .success()
        .then_some(zip)
        .ok_or_else(|| "zip failed for the source package".to_string())
}

/// Every file under `dir`, by its path relative to `dir`, with its bytes.
fn files(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in fs::read_dir(&folder).map_err(|e| format!("{}: {e}", folder.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path
                    .strip_prefix(dir)
                    .expect("under dir")
                    .display()
                    .to_string();
                out.insert(name, fs::read(&path).map_err(|e| e.to_string())?);
            }
        }
    }
    Ok(out)
}
