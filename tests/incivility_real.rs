//! Incivility on real text nobody here wrote (issue 20 item 3), per language: its recall on
//! posts that annotators labelled hostile, and its false positives on real ordinary posts.
//! English: Davidson et al. tweets (MIT) against tests/recognizer/real-prose/; German,
//! Portuguese and Japanese: a labelled set in each, whose own "not offensive" rows are the
//! ordinary posts (tests/profiles/hostile/SOURCES.md). No permissively licensed set was
//! found for Spanish or French. Prints every figure; fails when one falls past the floor
//! measured when the set was made, so a change to the word lists that loses real
//! hostility, or flags ordinary talk, is seen.

use sincerely::score::{post_flags, Post};
use std::fs;

/// Measured 2026-12-07: recall 36/39 = 0.923, false positives 84/10,385 = 0.0081 (most of
/// them real profanity at someone in the tweets corpus). Floors, not targets.
const MIN_RECALL: f64 = 0.9;
const MAX_FALSE_POSITIVE_RATE: f64 = 0.01;

/// Floors for the other languages, set at what was measured on 2026-12-07 after their
/// word lists grew: German recall 9/29 (1/29 before), false positives 0/73; Portuguese
/// 7/16 (2/16 before), 1/55; Japanese 9/26 (4/26 before), 0/235. Floors, not targets: the
/// words were written after reading these samples' misses, so the figures are in-sample,
/// and the samples are small, so one row moves a figure a lot.
const GERMAN_MIN_RECALL: f64 = 0.3;
const GERMAN_MAX_FALSE_POSITIVE_RATE: f64 = 0.02;
const PORTUGUESE_MIN_RECALL: f64 = 0.43;
const PORTUGUESE_MAX_FALSE_POSITIVE_RATE: f64 = 0.02;
const JAPANESE_MIN_RECALL: f64 = 0.34;
const JAPANESE_MAX_FALSE_POSITIVE_RATE: f64 = 0.01;

fn uncivil(text: &str) -> bool {
    post_flags(&Post {
        text: text.to_string(),
        ..Post::default()
    })
    .incivility
}

/// Recall on one language's hostile rows and false positives on its ordinary rows.
#[derive(Default)]
struct Measured {
    hostile: usize,
    missed: Vec<String>,
    ordinary: usize,
    flagged: Vec<String>,
}

impl Measured {
    fn add_hostile(&mut self, text: &str) {
        self.hostile += 1;
        if !uncivil(text) {
            self.missed.push(text.replace('\n', " "));
        }
    }

    fn add_ordinary(&mut self, text: &str) {
        self.ordinary += 1;
        if uncivil(text) {
            self.flagged.push(text.replace('\n', " "));
        }
    }

    fn recall(&self) -> f64 {
        (self.hostile - self.missed.len()) as f64 / self.hostile as f64
    }

    fn false_positive_rate(&self) -> f64 {
        self.flagged.len() as f64 / self.ordinary as f64
    }

    fn print(&self, language: &str) {
        println!(
            "incivility on real text ({language}): recall {}/{} = {:.3}, false positives {}/{} = {:.4}",
            self.hostile - self.missed.len(),
            self.hostile,
            self.recall(),
            self.flagged.len(),
            self.ordinary,
            self.false_positive_rate()
        );
        for text in self.missed.iter().take(8) {
            println!("  missed: {text}");
        }
        for text in self.flagged.iter().take(8) {
            println!("  flagged: {text}");
        }
    }

    /// Fails below the floors measured when the sample was made (floors, not targets).
    fn check(&self, language: &str, min_recall: f64, max_false_positive_rate: f64) {
        assert!(
            self.hostile >= 10 && self.ordinary >= 40,
            "{language}: the sample holds {} hostile and {} ordinary rows",
            self.hostile,
            self.ordinary
        );
        assert!(
            self.recall() >= min_recall,
            "{language}: recall {:.3} below {min_recall}",
            self.recall()
        );
        assert!(
            self.false_positive_rate() <= max_false_positive_rate,
            "{language}: false positives {:.4} above {max_false_positive_rate}",
            self.false_positive_rate()
        );
    }
}

/// The rows of a CSV file with quoted fields ("" inside quotes, newlines allowed).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn incivility_on_real_hostile_and_ordinary_text() {
    let sample = fs::read_to_string("tests/profiles/hostile/davidson-sample.csv").unwrap();
    let rows = csv_rows(&sample);
    let header = &rows[0];
    let class = header.iter().position(|h| h == "class").unwrap();
    let tweet = header.iter().position(|h| h == "tweet").unwrap();
    let (mut hostile, mut caught, mut missed) = (0, 0, Vec::new());
    for row in &rows[1..] {
        if row[class] == "2" {
            continue;
        }
        hostile += 1;
        if uncivil(&row[tweet]) {
            caught += 1;
        } else {
            missed.push(row[tweet].clone());
        }
    }
    let recall = caught as f64 / hostile as f64;

    let (mut ordinary, mut flagged) = (0, Vec::new());
    for file in [
        "tweets.txt",
        "amazon-reviews.txt",
        "movie-reviews.txt",
        "nyt-editorials.txt",
    ] {
        let text = fs::read_to_string(format!("tests/recognizer/real-prose/{file}")).unwrap();
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            ordinary += 1;
            if uncivil(line) {
                flagged.push(format!("{file}: {line}"));
            }
        }
    }
    let false_positive_rate = flagged.len() as f64 / ordinary as f64;

    println!("incivility on real text (English):");
    println!("  recall on hate speech or offensive tweets (Davidson et al.): {caught}/{hostile} = {recall:.3}");
    println!(
        "  false positives on ordinary posts and reviews: {}/{ordinary} = {:.4}",
        flagged.len(),
        false_positive_rate
    );
    for text in missed.iter().take(10) {
        println!("  missed: {}", text.replace('\n', " "));
    }
    for text in flagged.iter().take(10) {
        println!("  flagged: {text}");
    }
    assert!(hostile >= 30, "the sample holds {hostile} hostile rows");
    assert!(
        recall >= MIN_RECALL,
        "recall {recall:.3} below {MIN_RECALL}"
    );
    assert!(
        false_positive_rate <= MAX_FALSE_POSITIVE_RATE,
        "false positives {false_positive_rate:.4} above {MAX_FALSE_POSITIVE_RATE}"
    );
}

/// The header's column index by name.
fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

fn number(field: &str) -> f64 {
    field.trim().parse().unwrap()
}

/// GermEval 2018 (German tweets): INSULT and ABUSE are hostile; PROFANITY (plain swearing,
/// which the model leaves alone by design) is skipped; OTHER is ordinary.
#[test]
fn incivility_on_real_german_text() {
    let sample = fs::read_to_string("tests/profiles/hostile/germeval2018-sample.tsv").unwrap();
    let mut measured = Measured::default();
    for line in sample.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let text = fields[0].replace("|LBR|", "\n");
        match fields[2] {
            "INSULT" | "ABUSE" => measured.add_hostile(&text),
            "OTHER" => measured.add_ordinary(&text),
            _ => {}
        }
    }
    measured.print("German, GermEval 2018");
    measured.check("de", GERMAN_MIN_RECALL, GERMAN_MAX_FALSE_POSITIVE_RATE);
}

/// ToLD-Br (Brazilian Portuguese tweets), each column the number of three annotators who
/// flagged it: hostile when most flagged an insult or hatred of a group (homophobia,
/// racism, misogyny, xenophobia); "obscene" alone is swearing and skipped; ordinary when
/// nobody flagged anything.
#[test]
fn incivility_on_real_portuguese_text() {
    let sample = fs::read_to_string("tests/profiles/hostile/told-br-sample.csv").unwrap();
    let rows = csv_rows(&sample);
    let header = &rows[0];
    let text = column(header, "text");
    let hostile_columns: Vec<usize> = ["insult", "homophobia", "racism", "misogyny", "xenophobia"]
        .iter()
        .map(|name| column(header, name))
        .collect();
    let mut measured = Measured::default();
    for row in &rows[1..] {
        if hostile_columns.iter().any(|&c| number(&row[c]) >= 2.0) {
            measured.add_hostile(&row[text]);
        } else if row[1..].iter().all(|field| number(field) == 0.0) {
            measured.add_ordinary(&row[text]);
        }
    }
    measured.print("Portuguese, ToLD-Br");
    measured.check(
        "pt",
        PORTUGUESE_MIN_RECALL,
        PORTUGUESE_MAX_FALSE_POSITIVE_RATE,
    );
}

/// The Japanese toxicity schema subset (inspection-ai): hostile when most annotators chose
/// Toxic or Very Toxic; ordinary when all chose Not Toxic. Its repository states no
/// licence, so it is not committed: read from the git-ignored local/ folder when someone
/// put it there (SOURCES.md says how), skipped with a note otherwise.
#[test]
fn incivility_on_real_japanese_text() {
    let path = "tests/profiles/hostile/local/japanese-toxic-sample.csv";
    let Ok(sample) = fs::read_to_string(path) else {
        println!("Japanese: skipped, {path} is absent (see tests/profiles/hostile/SOURCES.md)");
        return;
    };
    let rows = csv_rows(&sample);
    let header = &rows[0];
    let (text, not_toxic, toxic, very_toxic, annotators) = (
        column(header, "text"),
        column(header, "Not Toxic"),
        column(header, "Toxic"),
        column(header, "Very Toxic"),
        column(header, "annotation_num"),
    );
    let mut measured = Measured::default();
    for row in &rows[1..] {
        let votes = number(&row[annotators]);
        if (number(&row[toxic]) + number(&row[very_toxic])) * 2.0 > votes {
            measured.add_hostile(&row[text]);
        } else if number(&row[not_toxic]) == votes {
            measured.add_ordinary(&row[text]);
        }
    }
    measured.print("Japanese, toxicity schema subset");
    measured.check("ja", JAPANESE_MIN_RECALL, JAPANESE_MAX_FALSE_POSITIVE_RATE);
}
