//! Installs what the build and the tests need, only when it is missing, so a fresh
//! Debian machine with the Rust toolchain, Node and apt is enough.

use crate::util::{have, output, root, sh, Result};

/// The wasm-bindgen version pinned in Cargo.toml; the CLI must be exactly the same.
fn pinned_wasm_bindgen() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|line| {
            line.strip_prefix("wasm-bindgen = \"=")?
                .split('"')
                .next()
                .map(str::to_string)
        })
        .ok_or_else(|| "Cargo.toml does not pin wasm-bindgen with \"=x.y.z\"".into())
}

pub fn run() -> Result {
    if !output(&["rustup", "target", "list", "--installed"])?.contains("wasm32-unknown-unknown") {
        sh(&["rustup", "target", "add", "wasm32-unknown-unknown"])?;
    }
    let version = pinned_wasm_bindgen()?;
    let installed = if have("wasm-bindgen") {
        output(&["wasm-bindgen", "--version"])?
    } else {
        String::new()
    };
    if !installed.ends_with(&version) {
        sh(&[
            "cargo",
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
        ])?;
    }
    let missing_apt: Vec<&str> = [
        ("chromium", "chromium"),
        ("chromedriver", "chromium-driver"),
        ("firefox-esr", "firefox-esr"),
        ("zip", "zip"),
        ("unzip", "unzip"),
    ]
    .into_iter()
    .filter(|(program, _)| !have(program))
    .map(|(_, package)| package)
    .collect();
    if !missing_apt.is_empty() {
        sh(&["apt-get", "update", "-qq"])?;
        let mut argv = vec![
            "env",
            "DEBIAN_FRONTEND=noninteractive",
            "apt-get",
            "install",
            "-y",
            "-qq",
        ];
        argv.extend(&missing_apt);
        sh(&argv)?;
    }
    let lock_newer = |a: &str, b: &str| {
        let modified = |p: &str| {
            std::fs::metadata(root().join(p))
                .and_then(|m| m.modified())
                .ok()
        };
        matches!((modified(a), modified(b)), (Some(x), Some(y)) if x > y) || modified(b).is_none()
    };
    // A node_modules that is a link belongs to another checkout (a git worktree sharing
    // the main one's): `npm ci` through it would empty that checkout's install.
    let linked = std::fs::symlink_metadata(root().join("node_modules"))
        .is_ok_and(|m| m.file_type().is_symlink());
    if !linked && lock_newer("package-lock.json", "node_modules/.package-lock.json") {
        sh(&["npm", "ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// cargo-fuzz, for the fuzz targets in tests/fuzz (`cargo xtask fuzz`, and `cargo xtask
/// test`). Built from source: about 3 minutes on 2 CPUs.
pub fn fuzz_tools() -> Result {
    if !have("cargo-fuzz") {
        sh(&["cargo", "install", "cargo-fuzz"])?;
    }
    Ok(())
}
