//! The conversation score on real accounts, run by `cargo test --test real_accounts`:
//! `sincerely score` on each export in `tests/profiles/accounts/`, against the label a reader
//! gave it from its posts before scoring (`labels.json`, sources in `SOURCES.md`). Prints
//! label agreement and ordering agreement ("A converses more than B") on the committed
//! accounts and, when present, on those read from `tests/profiles/accounts/local/`; fails
//! when the committed part falls below what was measured when the set was made.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

/// Measured on the committed part (see SOURCES.md for each miss): the one committed
/// account (Leask) agrees with its reader since Openness and Substance are unknown, not
/// low, for a language no word list reads.
const MIN_COMMITTED_LABELS_AGREEING: usize = 1;
const MIN_COMMITTED_LABELS_NEAR: usize = 1;

/// The target on the whole set, checked when at least this many accounts are
/// present (the local ones are not in the repository): labels agree on 90 %.
const MIN_ACCOUNTS_FOR_AGREEMENT_TARGET: usize = 20;
const TARGET_AGREEMENT_PERCENT: usize = 90;

#[derive(Deserialize)]
struct Labels {
    accounts: Vec<Account>,
    orderings: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct Account {
    id: String,
    file: String,
    committed: bool,
    label: String,
    confident: bool,
}

/// The labels that only say how much an account talks with people, least first. A miss
/// between neighbours here (Balanced for Conversationalist) is a smaller miss than one
/// across the ladder or into Promoter or Combative.
const DIALOGUE_LADDER: [&str; 3] = ["broadcaster", "balanced", "conversationalist"];

fn near(label: &str, expected: &str) -> bool {
    let step = |label: &str| DIALOGUE_LADDER.iter().position(|rung| *rung == label);
    label == expected
        || matches!((step(label), step(expected)), (Some(a), Some(b)) if a.abs_diff(b) == 1)
}

/// What `sincerely score --json` said about one account.
struct Scored {
    label: String,
    score: Option<f64>,
}

fn accounts_directory() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profiles/accounts")
}

fn score(path: &Path) -> Result<Scored, String> {
    let output = Command::new(env!("CARGO_BIN_EXE_sincerely"))
        .arg("score")
        .arg(path)
        .arg("--json")
        .output()
        .map_err(|error| error.to_string())?;
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|error| error.to_string())?;
    let file = &json["files"][0];
    if let Some(error) = file["error"].as_str() {
        return Err(error.to_string());
    }
    let badge = &file["badge"];
    Ok(Scored {
        label: badge["label"].as_str().unwrap_or("").to_string(),
        score: badge["score"].as_f64(),
    })
}

/// Agreement on one part of the set: labels agreeing, labels judged, labels near,
/// orderings kept, orderings judged.
fn evaluate(labels: &Labels, part: &str, in_part: impl Fn(&Account) -> bool) -> [usize; 5] {
    let directory = accounts_directory();
    let mut results: Vec<(&Account, Scored)> = Vec::new();
    for account in labels.accounts.iter().filter(|account| in_part(account)) {
        let path = directory.join(&account.file);
        if !path.exists() {
            println!(
                "  {:<14} skipped: {} is absent (see SOURCES.md)",
                account.id, account.file
            );
            continue;
        }
        match score(&path) {
            Ok(scored) => {
                let agrees = scored.label == account.label;
                println!(
                    "  {:<14} labelled {:<17}{} scored {:<17} {:>3}  {}",
                    account.id,
                    account.label,
                    if account.confident { "*" } else { " " },
                    scored.label,
                    scored
                        .score
                        .map_or("-".to_string(), |score| score.to_string()),
                    if agrees { "agrees" } else { "MISS" }
                );
                results.push((account, scored));
            }
            Err(error) => {
                println!("  {:<14} not read: {error}", account.id);
            }
        }
    }
    let labels_agreeing = results
        .iter()
        .filter(|(account, scored)| scored.label == account.label)
        .count();
    let labels_near = results
        .iter()
        .filter(|(account, scored)| near(&scored.label, &account.label))
        .count();
    let score_of = |id: &str| {
        results
            .iter()
            .find(|(account, _)| account.id == id)
            .and_then(|(_, scored)| scored.score)
    };
    let mut orderings_judged = 0;
    let mut orderings_kept = 0;
    for (more, less) in &labels.orderings {
        if let (Some(more_score), Some(less_score)) = (score_of(more), score_of(less)) {
            orderings_judged += 1;
            let kept = more_score > less_score;
            orderings_kept += usize::from(kept);
            println!(
                "  {more} ({more_score}) converses more than {less} ({less_score}): {}",
                if kept { "kept" } else { "BROKEN" }
            );
        }
    }
    println!(
        "{part}: labels agree on {labels_agreeing} of {} accounts ({labels_near} agree or are a neighbour), {orderings_kept} of {orderings_judged} confident orderings kept",
        results.len()
    );
    [
        labels_agreeing,
        results.len(),
        labels_near,
        orderings_kept,
        orderings_judged,
    ]
}

#[test]
fn real_accounts_are_judged_as_their_readers_judged_them() {
    let text = std::fs::read_to_string(accounts_directory().join("labels.json"))
        .expect("labels.json is readable");
    let labels: Labels = serde_json::from_str(&text).expect("labels.json parses");
    for (more, less) in &labels.orderings {
        for id in [more, less] {
            assert!(
                labels.accounts.iter().any(|account| &account.id == id),
                "ordering names an unknown account {id}"
            );
        }
    }

    let [agreeing, judged, labels_near, kept, orderings] =
        evaluate(&labels, "committed", |account| account.committed);
    evaluate(
        &labels,
        "local (tests/profiles/accounts/local/)",
        |account| !account.committed,
    );
    let [agreeing_all, judged_all, _, kept_all, orderings_all] =
        evaluate(&labels, "all present", |_| true);

    assert_eq!(
        judged,
        labels
            .accounts
            .iter()
            .filter(|account| account.committed)
            .count(),
        "every committed account is read and scored"
    );
    assert!(
        agreeing >= MIN_COMMITTED_LABELS_AGREEING,
        "only {agreeing} of {judged} committed accounts are labelled as their readers did"
    );
    assert!(
        labels_near >= MIN_COMMITTED_LABELS_NEAR,
        "only {labels_near} of {judged} committed accounts are labelled as read or as a neighbour"
    );
    assert!(
        kept == orderings,
        "a confident ordering between committed accounts broke: {kept} of {orderings} kept"
    );
    // The target is every confident ordering kept; with the local accounts
    // present (19 of the 22 could be judged when last measured) that is checked too.
    assert!(
        kept_all == orderings_all,
        "a confident ordering broke: {kept_all} of {orderings_all} kept"
    );
    if judged_all >= MIN_ACCOUNTS_FOR_AGREEMENT_TARGET {
        assert!(
            agreeing_all * 100 >= TARGET_AGREEMENT_PERCENT * judged_all,
            "labels agree on {agreeing_all} of {judged_all}, under {TARGET_AGREEMENT_PERCENT} %"
        );
    }
}
