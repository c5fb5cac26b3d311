//! `cargo xtask`: Sincerely's build and test driver.
//!
//! - `setup`   installs what is missing (wasm target, wasm-bindgen-cli of the pinned
//!   version, cargo-fuzz, Debian's chromium/chromium-driver/firefox-esr/zip, npm packages)
//! - `codegen [--check]` writes extension/generated/ from the Rust site rules
//! - `dist`    builds dist/chrome, dist/firefox and their zips, printing sizes
//! - `test`    every check: fmt, clippy, unit tests, codegen, fuzzing (10 s a target),
//!   wasm tests in Chromium, web-ext lint, end-to-end in real Chromium and Firefox
//! - `fuzz [TARGET…] [--seconds N]` seeds and runs the cargo-fuzz targets (tests/fuzz)
//! - `source [--check]` zips the tracked files for addons.mozilla.org's source review;
//!   `--check` rebuilds dist/firefox from that zip, cold, and compares it byte for byte
//! - `run`     builds, serves the www/ demo pages and opens Chromium with the extension
//!   (headless here: before/after screenshots and what was hidden)
//! - `bench`   builds, then measures the extension in headless Chromium against no
//!   extension, the stylesheet alone and the stylesheet with a minimal script, and writes
//!   BENCHMARKS.md (not a test: it asserts nothing; options after `bench` go to
//!   tests/e2e/bench.mjs)

mod codegen;
mod dist;
mod fuzz;
mod setup;
mod source;
mod sync_engine;
mod ui;
mod util;
mod wasm;
mod www;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::run().and_then(|_| setup::fuzz_tools()),
        Some("codegen") => codegen::run(args.iter().any(|a| a == "--check")),
        Some("dist") => setup::run().and_then(|_| dist::run()),
        Some("test") => test(&args[1..]),
        Some("fuzz") => setup::fuzz_tools().and_then(|_| fuzz::run(&args[1..])),
        Some("run") => run(args.iter().any(|a| a == "--check")),
        Some("source") => {
            setup::run().and_then(|_| source::run(args.iter().any(|a| a == "--check")))
        }
        Some("bench") => bench(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask setup | codegen [--check] | dist | test [--quick] | fuzz [TARGET…] [--seconds N] | run [--check] | source [--check] | bench [--trials N] [--no-criterion]"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Every check, in the order that fails fastest.
fn test(args: &[String]) -> util::Result {
    use util::step;
    setup::run()?;
    setup::fuzz_tools()?;
    step("cargo fmt --check", &["cargo", "fmt", "--all", "--check"])?;
    step(
        "codegen is up to date",
        &["cargo", "xtask", "codegen", "--check"],
    )?;
    step(
        "clippy",
        &["cargo", "clippy", "--all-targets", "--", "-D", "warnings"],
    )?;
    // The web crates (src/web/*) are built for wasm32 only: the native run never sees
    // them. Their test-only feature is checked too.
    step(
        "clippy: the web crates",
        &[
            "cargo",
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "sincerely-web",
            "--package",
            "sincerely-settings",
            "--package",
            "sincerely-sync",
            "--package",
            "sincerely-popup",
            "--package",
            "sincerely-playground",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    step(
        "clippy: the fault-injection builds",
        &[
            "cargo",
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "sincerely-web",
            "--package",
            "sincerely-sync",
            "--features",
            "sincerely-web/fault-injection,sincerely-sync/fault-injection",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    step("unit and property tests", &["cargo", "test"])?;
    if args.iter().any(|a| a == "--quick") {
        return Ok(());
    }
    fuzz::run(&[])?;
    dist::run()?;
    eprintln!("\n== reproducible build (cargo xtask source --check)");
    source::rebuilds_dist()?;
    wasm_tests()?;
    step(
        "web-ext lint (Firefox build)",
        &["node", "tests/e2e/lint.mjs"],
    )?;
    // The README's first command, headless: a new user's first run must not fail.
    step(
        "demo pages (cargo xtask run --check)",
        &["node", "tests/e2e/demo.mjs", "--check"],
    )?;
    step(
        "end-to-end: Chromium and Firefox",
        // No test may hang the run: one that stalls fails after 10 minutes.
        &[
            "node",
            "--test",
            "--test-concurrency=1",
            "--test-timeout=600000",
            "tests/e2e/",
        ],
    )?;
    Ok(())
}

/// wasm-bindgen-test in headless Chromium through chromedriver. The runner reads
/// webdriver.json from the working directory; it exists only for this step.
fn wasm_tests() -> util::Result {
    eprintln!("\n== wasm tests in headless Chromium");
    let capabilities = r#"{"goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]}}"#;
    let file = util::root().join("webdriver.json");
    std::fs::write(&file, capabilities).map_err(|e| e.to_string())?;
    let status = std::process::Command::new("cargo")
        .args([
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "sincerely-web",
            "--package",
            "sincerely-settings",
            "--test",
            "wasm",
        ])
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .current_dir(util::root())
        .status();
    let _ = std::fs::remove_file(&file);
    let status = status.map_err(|e| e.to_string())?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| "wasm tests failed".to_string())
}

/// The main job: every demo page before and after, into target/demo/index.html. With
/// `--check`, headless and without screenshots: it fails when a demo page does (a step
/// of `cargo xtask test`, so the run command itself is tested).
fn run(check: bool) -> util::Result {
    setup::run()?;
    dist::run()?;
    if check {
        return util::step(
            "demo pages (cargo xtask run --check)",
            &["node", "tests/e2e/demo.mjs", "--check"],
        );
    }
    util::step("demo", &["node", "tests/e2e/demo.mjs"])
}

/// The browser benchmark (tests/e2e/bench.mjs) on a fresh build; writes BENCHMARKS.md.
fn bench(args: &[String]) -> util::Result {
    setup::run()?;
    dist::run()?;
    let mut argv = vec!["node", "tests/e2e/bench.mjs"];
    argv.extend(args.iter().map(String::as_str));
    util::step("benchmark in headless Chromium", &argv)
}
