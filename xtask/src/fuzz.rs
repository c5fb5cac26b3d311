//! `cargo xtask fuzz [TARGET…] [--seconds N]`: seeds each cargo-fuzz target's corpus
//! from the repository's test data, then runs it for a bounded time. `cargo xtask test`
//! runs every target for [`TEST_SECONDS`]; tests/fuzz/README.md has the longer runs.
//!
//! The toolchain is stable; cargo-fuzz needs nightly flags, which stable accepts with
//! `RUSTC_BOOTSTRAP=1`. The targets run without a sanitizer: the crate has no `unsafe`,
//! a panic is what they look for, and AddressSanitizer makes them 4 times slower.

use crate::util::{root, Result};
use std::path::Path;
use std::process::Command;

/// Seconds per target inside `cargo xtask test`.
pub const TEST_SECONDS: u32 = 10;

/// A target: its name, the longest input tried, and its dictionary (tests/fuzz/dicts/).
struct Target {
    name: &'static str,
    max_len: usize,
    dict: Option<&'static str>,
}

const TARGETS: [Target; 3] = [
    Target {
        name: "recognize",
        max_len: 512,
        dict: None,
    },
    Target {
        name: "settings",
        max_len: 2048,
        dict: Some("settings.dict"),
    },
    Target {
        name: "exports",
        max_len: 4096,
        dict: Some("exports.dict"),
    },
];

pub fn run(args: &[String]) -> Result {
    let mut seconds = TEST_SECONDS;
    let mut names = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--seconds" {
            seconds = args
                .next()
                .and_then(|n| n.parse().ok())
                .ok_or("--seconds takes a whole number")?;
        } else {
            names.push(arg.as_str());
        }
    }
    for name in &names {
        if !TARGETS.iter().any(|target| target.name == *name) {
            return Err(format!(
                "no fuzz target {name} (recognize, settings, exports)"
            ));
        }
    }
    for target in TARGETS
        .iter()
        .filter(|target| names.is_empty() || names.contains(&target.name))
    {
        fuzz(target, seconds)?;
    }
    Ok(())
}

fn fuzz(target: &Target, seconds: u32) -> Result {
    eprintln!("\n== fuzz {} for {seconds} s", target.name);
    let fuzz_dir = root().join("tests/fuzz");
    let corpus = fuzz_dir.join("corpus").join(target.name);
    std::fs::create_dir_all(&corpus).map_err(|e| e.to_string())?;
    let n_seeds = seed(target.name, &corpus)?;
    let mut argv = vec![
        "fuzz".to_string(),
        "run".into(),
        "--sanitizer".into(),
        "none".into(),
        "--fuzz-dir".into(),
        "tests/fuzz".into(),
        target.name.into(),
        "--".into(),
        format!("-max_total_time={seconds}"),
        format!("-max_len={}", target.max_len),
    ];
    if let Some(dict) = target.dict {
        argv.push(format!("-dict=tests/fuzz/dicts/{dict}"));
    }
    eprintln!("$ RUSTC_BOOTSTRAP=1 cargo {}", argv.join(" "));
    let output = Command::new("cargo")
        .args(&argv)
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(root())
        .output()
        .map_err(|e| format!("cargo fuzz: {e}"))?;
    let log = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        // The panic, the input and how to reproduce it are at the end.
        let tail: Vec<&str> = log.lines().rev().take(60).collect();
        for line in tail.into_iter().rev() {
            eprintln!("{line}");
        }
        return Err(format!(
            "fuzz target {} failed; the input is in tests/fuzz/artifacts/{}/",
            target.name, target.name
        ));
    }
    // libFuzzer ends with "Done 123456 runs in 11 second(s)".
    let done = log
        .lines()
        .rev()
        .find(|line| line.starts_with("Done "))
        .unwrap_or("(no summary)");
    eprintln!("{}: {done}, {n_seeds} seeds", target.name);
    Ok(())
}

/// Writes the seeds into the corpus (files already there stay); returns how many.
fn seed(name: &str, corpus: &Path) -> Result<usize> {
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    match name {
        // The labelled strings of the recognizer's corpus (fourth column).
        "recognize" => {
            for file in files_in(&root().join("tests/recognizer"))? {
                if !file.to_string_lossy().ends_with(".tsv") {
                    continue;
                }
                let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
                for line in text.lines().filter(|line| !line.starts_with('#')) {
                    if let Some(string) = line.split('\t').nth(3) {
                        seeds.push((String::new(), string.as_bytes().to_vec()));
                    }
                }
            }
        }
        // Stored and imported settings, good and bad, from the unit and E2E tests.
        "settings" => seeds.extend(read_all(&root().join("tests/fuzz/seeds/settings"))?),
        // The export examples of the unit tests, and the labelled profiles (plain JSON
        // posts) that fit in the target's longest input.
        "exports" => {
            seeds.extend(read_all(&root().join("tests/fuzz/seeds/exports"))?);
            let profiles = read_all(&root().join("tests/profiles"))?;
            seeds.extend(
                profiles
                    .into_iter()
                    .filter(|(name, bytes)| name.ends_with(".json") && bytes.len() <= 4096),
            );
        }
        _ => {}
    }
    for (name, bytes) in &seeds {
        let file = if name.is_empty() {
            format!("seed-{:016x}", fnv1a(bytes))
        } else {
            format!("seed-{name}")
        };
        std::fs::write(corpus.join(file), bytes).map_err(|e| e.to_string())?;
    }
    Ok(seeds.len())
}

fn files_in(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Every file in `dir`, by name.
fn read_all(dir: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    files_in(dir)?
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            std::fs::read(&path)
                .map(|bytes| (name, bytes))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect()
}

/// A stable name for a seed without one.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
