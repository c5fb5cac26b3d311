//! Writes the lower-case tables of `src/case.rs` from this toolchain's own
//! `char::to_lowercase` and `str::to_lowercase`, so they always follow its Unicode version.
//! The standard library's tables are made for speed at every char; ours are a fifth their
//! size, which the engine's wasm notices. `src/case.rs`'s tests compare the two on every char.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut out = String::new();
    write_lower_runs(&mut out);
    write_sigma_classes(&mut out);
    let path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("case_tables.rs");
    std::fs::write(path, out).unwrap();
}

fn chars() -> impl Iterator<Item = char> {
    (0..=char::MAX as u32).filter_map(char::from_u32)
}

/// Runs of chars, one apart or two apart (upper and lower case alternate in much of
/// Unicode), whose lower case is the char plus the same offset.
fn write_lower_runs(out: &mut String) {
    let changed: Vec<(u32, i64)> = chars()
        .filter_map(|c| {
            let mut lower = c.to_lowercase();
            let first = lower.next()?;
            // 'İ' alone lowers to two chars; src/case.rs spells it out.
            (first != c && lower.next().is_none()).then(|| (c as u32, first as i64 - c as i64))
        })
        .collect();
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
    let mut at = 0;
    while at < changed.len() {
        let (start, offset) = changed[at];
        let mut best = (1, 1);
        for stride in [1, 2] {
            let mut length = 1;
            while length < 127
                && changed
                    .get(at + length)
                    .is_some_and(|&(c, o)| c == start + stride * length as u32 && o == offset)
            {
                length += 1;
            }
            if length > best.0 {
                best = (length, stride);
            }
        }
        runs.push((start, best.0 as u32, best.1, offset));
        at += best.0;
    }
    writeln!(
        out,
        "/// `first char << 8 | length << 1 | two apart`, sorted.\nconst LOWER_RUNS: [u32; {}] = {:?};",
        runs.len(),
        runs.iter()
            .map(|&(start, length, stride, _)| start << 8 | length << 1 | (stride - 1))
            .collect::<Vec<_>>()
    )
    .unwrap();
    writeln!(
        out,
        "/// What each run of [`LOWER_RUNS`] adds to a char.\nconst LOWER_OFFSETS: [i32; {}] = {:?};",
        runs.len(),
        runs.iter().map(|run| run.3 as i32).collect::<Vec<_>>()
    )
    .unwrap();
}

/// The classes of every code point for the final sigma rule, found by asking
/// `str::to_lowercase` whether a "Σ" after the char ends a word.
fn write_sigma_classes(out: &mut String) {
    let class = |code: u32| -> u8 {
        let Some(c) = char::from_u32(code) else {
            return 0;
        };
        let alone = format!("{c}Σ").to_lowercase().ends_with('ς');
        let after_a_letter = format!("A{c}Σ").to_lowercase().ends_with('ς');
        match (alone, after_a_letter) {
            (false, false) => 0,
            (false, true) => 1,
            (true, true) => 2,
            (true, false) => panic!("{c:?}: cased, yet not after a letter"),
        }
    };
    let mut bytes = Vec::new();
    let mut start = 0;
    while start <= char::MAX as u32 {
        let kind = class(start);
        let mut end = start + 1;
        while end <= char::MAX as u32 && class(end) == kind {
            end += 1;
        }
        let mut value = (end - start) << 2 | kind as u32;
        while value >= 0x80 {
            bytes.push((value & 0x7f) as u8 | 0x80);
            value >>= 7;
        }
        bytes.push(value as u8);
        start = end;
    }
    writeln!(
        out,
        "/// Runs of code points, `length << 2 | class` in LEB128.\nconst SIGMA_CLASS_RUNS: [u8; {}] = {:?};",
        bytes.len(),
        bytes
    )
    .unwrap();
}
