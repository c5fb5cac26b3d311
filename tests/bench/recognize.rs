//! Criterion bench for the recognizer's hot path: `find_counts` over a batch of UI
//! texts like the content script sends (labels with and without counts, titles,
//! some prose), reported as bytes per second and strings per second.
//!
//! `cargo bench --bench recognize` prints both; the corpus strings are the labelled
//! set in `tests/recognizer/`, so the mix covers all twelve languages.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sincerely::recognize::{find_counts, rewrite, RewriteMode, TextContext};
use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn batch() -> Vec<(String, TextContext)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recognizer");
    let mut texts = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.starts_with("corpus-") && name.ends_with(".tsv")) {
            continue;
        }
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || fields.len() < 4 {
                continue;
            }
            let context = if fields[1] == "T" {
                TextContext::Title
            } else {
                TextContext::Label
            };
            texts.push((fields[3].to_string(), context));
        }
    }
    // Labels seldom come alone: interface text without numbers dominates a page.
    let tweets = std::fs::read_to_string(root.join("real-prose/tweets.txt")).unwrap();
    for line in tweets.lines().take(400) {
        texts.push((line.to_string(), TextContext::Label));
    }
    for label in ["Follow", "Reply", "Share", "Show more", "Home", "Explore"] {
        texts.push((label.to_string(), TextContext::Label));
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = batch();
    let n_bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let mut group = c.benchmark_group("recognize");
    group.throughput(Throughput::Bytes(n_bytes as u64));
    group.bench_function("find_counts/bytes", |b| {
        b.iter(|| {
            for (text, context) in &texts {
                black_box(find_counts(black_box(text), *context));
            }
        })
    });
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("find_counts/strings", |b| {
        b.iter(|| {
            for (text, context) in &texts {
                black_box(find_counts(black_box(text), *context));
            }
        })
    });
    group.bench_function("find_counts+rewrite/strings", |b| {
        b.iter(|| {
            for (text, context) in &texts {
                let counts = find_counts(black_box(text), *context);
                if !counts.is_empty() {
                    black_box(rewrite(text, &counts, RewriteMode::Hide));
                }
            }
        })
    });
    group.finish();

    // Criterion prints time and throughput per benchmark; this states both figures
    // plainly for the record.
    let rounds = 200;
    let start = Instant::now();
    for _ in 0..rounds {
        for (text, context) in &texts {
            black_box(find_counts(black_box(text), *context));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "recognize: {} strings, {} bytes per batch: {:.1} MB/s, {:.0} strings/s",
        texts.len(),
        n_bytes,
        (n_bytes * rounds) as f64 / seconds / 1e6,
        (texts.len() * rounds) as f64 / seconds
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
