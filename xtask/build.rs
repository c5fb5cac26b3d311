//! Passes the extension's version (the engine crate's) to the xtask binary.
fn main() {
    let manifest = std::fs::read_to_string("../Cargo.toml").expect("the root Cargo.toml");
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \"")?.split('"').next())
        .expect("a version line");
    println!("cargo:rustc-env=CARGO_PKG_VERSION_OF_SINCERELY={version}");
    println!("cargo:rerun-if-changed=../Cargo.toml");
}
