//! Small helpers for running commands from the project root.

use std::path::PathBuf;
use std::process::Command;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The repository root (the parent of xtask/).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repo")
        .to_path_buf()
}

/// Runs a command from the root, echoing it, and fails if it fails.
pub fn sh(argv: &[&str]) -> Result {
    eprintln!("$ {}", argv.join(" "));
    let status = Command::new(argv[0])
        .args(&argv[1..])
        .current_dir(root())
        .status()
        .map_err(|error| format!("{}: {error}", argv[0]))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("`{}` failed ({status})", argv.join(" ")))
}

/// A named step of a longer run.
pub fn step(name: &str, argv: &[&str]) -> Result {
    eprintln!("\n== {name}");
    sh(argv)
}

/// Whether a command can be found on PATH.
pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .is_ok_and(|status| status.success())
}

/// A command's standard output, trimmed.
pub fn output(argv: &[&str]) -> Result<String> {
    let out = Command::new(argv[0])
        .args(&argv[1..])
        .current_dir(root())
        .output()
        .map_err(|error| format!("{}: {error}", argv[0]))?;
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}
