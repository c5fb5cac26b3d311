//! The conversation-quality model's evaluation, run by `cargo test --test score_eval`:
//! label accuracy and rank correlation on the labelled profiles in `tests/profiles/`, how
//! often bait and incivility fire on ordinary tweets (vaderSentiment's tweet set), and how
//! Dialogue and Openness relate to human ratings of chit-chat conversations. It prints the
//! figures quoted in `tests/profiles/MODEL.md` and fails when they fall below the floors.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use sincerely::score::{post_flags, score_posts, Badge, Post};

/// Floors the figures must stay above (or, for false alarms, below).
const MIN_LABEL_ACCURACY: f64 = 0.85;
const MIN_SPEARMAN: f64 = 0.8;
const MAX_BAIT_RATE_ON_TWEETS: f64 = 0.02;
const MAX_INCIVILITY_RATE_ON_TWEETS: f64 = 0.02;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LabelledProfile {
    archetype: String,
    expected_label: String,
    intended_tier: Option<f64>,
    posts: Vec<Post>,
}

/// Ranks with ties given their average rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
    let mut result = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let average = (start + end) as f64 / 2.0 + 1.0;
        for index in &order[start..=end] {
            result[*index] = average;
        }
        start = end + 1;
    }
    result
}

fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let mean_x = xs.iter().sum::<f64>() / n;
    let mean_y = ys.iter().sum::<f64>() / n;
    let covariance: f64 = xs
        .iter()
        .zip(ys)
        .map(|(x, y)| (x - mean_x) * (y - mean_y))
        .sum();
    let spread_x: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum::<f64>().sqrt();
    let spread_y: f64 = ys.iter().map(|y| (y - mean_y).powi(2)).sum::<f64>().sqrt();
    if spread_x == 0.0 || spread_y == 0.0 {
        return 0.0;
    }
    covariance / (spread_x * spread_y)
}

fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    pearson(&ranks(xs), &ranks(ys))
}

fn bar(badge: &Badge, id: &str) -> Option<f64> {
    badge
        .bars
        .iter()
        .find(|bar| bar.id == id)
        .and_then(|bar| bar.value)
        .map(f64::from)
}

/// Returns (accuracy, Spearman) and prints the confusion table.
fn evaluate_profiles(directory: &Path) -> (f64, f64) {
    let mut paths: Vec<_> = std::fs::read_dir(directory)
        .expect("tests/profiles exists")
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "json")
        })
        .collect();
    paths.sort();
    let mut n_correct = 0;
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut scores = Vec::new();
    let mut tiers = Vec::new();
    let mut by_archetype: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("readable profile");
        let profile: LabelledProfile = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let badge = score_posts(&profile.posts);
        if badge.label == profile.expected_label {
            n_correct += 1;
        } else {
            println!(
                "  miss {}: expected {}, got {} (score {:?}, bars {:?}, reasons {:?})",
                path.file_name().unwrap().to_string_lossy(),
                profile.expected_label,
                badge.label,
                badge.score,
                badge.bars.iter().map(|bar| bar.value).collect::<Vec<_>>(),
                badge
                    .reasons
                    .iter()
                    .map(|reason| &reason.text)
                    .collect::<Vec<_>>()
            );
        }
        if profile.archetype == "edge" {
            println!(
                "  {:<40} {:<20} score {:?}",
                path.file_stem().unwrap().to_string_lossy(),
                badge.label,
                badge.score
            );
        }
        *confusion
            .entry((profile.expected_label.clone(), badge.label.clone()))
            .or_default() += 1;
        if let (Some(score), Some(tier)) = (badge.score, profile.intended_tier) {
            scores.push(f64::from(score));
            tiers.push(tier);
            by_archetype
                .entry(profile.archetype.clone())
                .or_default()
                .push(f64::from(score));
        }
    }
    let accuracy = n_correct as f64 / paths.len() as f64;
    let correlation = spearman(&scores, &tiers);
    println!("labelled profiles: {}", paths.len());
    println!(
        "  label accuracy: {n_correct}/{} = {accuracy:.3}",
        paths.len()
    );
    println!(
        "  Spearman(score, intended order) over {} scored profiles: {correlation:.3}",
        scores.len()
    );
    for (archetype, values) in &by_archetype {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        println!("  {archetype:<18} mean score {mean:5.1}  range {min:.0}–{max:.0}");
    }
    println!("  confusion (expected → got):");
    for ((expected, got), count) in &confusion {
        println!("    {expected:<20} → {got:<20} {count}");
    }
    (accuracy, correlation)
}

/// Returns (bait rate, incivility rate) on the tweets.
fn evaluate_tweets(path: &Path) -> (f64, f64) {
    let text = std::fs::read_to_string(path).expect("vader tweets present");
    let tweets: Vec<&str> = text
        .lines()
        .filter_map(|line| line.splitn(3, '\t').nth(2))
        .collect();
    let mut n_bait = 0;
    let mut n_incivility = 0;
    let mut n_us_versus_them = 0;
    let mut n_selling = 0;
    let mut examples = Vec::new();
    for tweet in &tweets {
        let flags = post_flags(&Post {
            text: tweet.to_string(),
            ..Post::default()
        });
        n_bait += usize::from(flags.bait);
        n_incivility += usize::from(flags.incivility);
        n_us_versus_them += usize::from(flags.us_versus_them);
        n_selling += usize::from(flags.selling);
        if (flags.bait || flags.incivility) && examples.len() < 8 {
            examples.push(*tweet);
        }
    }
    let n = tweets.len() as f64;
    let bait_rate = n_bait as f64 / n;
    let incivility_rate = n_incivility as f64 / n;
    println!(
        "ordinary tweets (vaderSentiment 3.3.2 tweets_GroundTruth.txt): {}",
        tweets.len()
    );
    println!("  bait fires on {n_bait} = {:.2} %", 100.0 * bait_rate);
    println!(
        "  incivility fires on {n_incivility} = {:.2} %",
        100.0 * incivility_rate
    );
    println!(
        "  us-versus-them fires on {n_us_versus_them} = {:.2} %",
        100.0 * n_us_versus_them as f64 / n
    );
    println!(
        "  selling fires on {n_selling} = {:.2} %",
        100.0 * n_selling as f64 / n
    );
    for example in examples {
        println!("    e.g. {example}");
    }
    (bait_rate, incivility_rate)
}

#[derive(Deserialize)]
struct ChitchatConversation {
    ratings: BTreeMap<String, f64>,
    messages: Vec<Vec<ChitchatMessage>>,
}

#[derive(Deserialize)]
struct ChitchatMessage {
    text: String,
    sender: String,
}

/// Correlates Dialogue and Openness with the chit-chat ratings.
fn evaluate_chitchat(path: &Path) {
    let text = std::fs::read_to_string(path).expect("chitchat sample present");
    let conversations: BTreeMap<String, ChitchatConversation> =
        serde_json::from_str(&text).expect("chitchat sample parses");
    let mut dialogue = Vec::new();
    let mut openness = Vec::new();
    let mut follow_up_share = Vec::new();
    let mut mean_rating = Vec::new();
    let mut interesting = Vec::new();
    for (id, conversation) in &conversations {
        let mut senders: Vec<&str> = conversation
            .messages
            .iter()
            .flatten()
            .map(|message| message.sender.as_str())
            .collect();
        senders.sort();
        senders.dedup();
        if senders.len() != 2 {
            continue;
        }
        // Each participant's messages are replies to the other, in one thread.
        let mut per_speaker = Vec::new();
        for speaker in &senders {
            let other = senders.iter().find(|sender| *sender != speaker).unwrap();
            let posts: Vec<Post> = conversation
                .messages
                .iter()
                .flatten()
                .filter(|message| message.sender == *speaker)
                .enumerate()
                .map(|(index, message)| Post {
                    id: Some(format!("{id}-{speaker}-{index}")),
                    text: message.text.clone(),
                    is_reply: true,
                    reply_to: Some(other.to_string()),
                    thread: Some(id.clone()),
                    ..Post::default()
                })
                .collect();
            let n_questions = posts
                .iter()
                .filter(|post| post_flags(post).follow_up_question)
                .count();
            per_speaker.push((
                score_posts(&posts),
                n_questions as f64 / posts.len().max(1) as f64,
            ));
        }
        let average = |values: Vec<Option<f64>>| -> Option<f64> {
            let known: Vec<f64> = values.into_iter().flatten().collect();
            (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
        };
        let (Some(dialogue_value), Some(openness_value)) = (
            average(
                per_speaker
                    .iter()
                    .map(|(badge, _)| bar(badge, "dialogue"))
                    .collect(),
            ),
            average(
                per_speaker
                    .iter()
                    .map(|(badge, _)| bar(badge, "openness"))
                    .collect(),
            ),
        ) else {
            continue;
        };
        dialogue.push(dialogue_value);
        openness.push(openness_value);
        follow_up_share.push(per_speaker.iter().map(|(_, share)| share).sum::<f64>() / 2.0);
        mean_rating
            .push(conversation.ratings.values().sum::<f64>() / conversation.ratings.len() as f64);
        interesting.push(
            conversation
                .ratings
                .get("interesting")
                .copied()
                .unwrap_or(0.0),
        );
    }
    println!(
        "chit-chat conversations with human ratings (chitchat-dataset 0.9.0 sample): {}",
        dialogue.len()
    );
    println!(
        "  Spearman(Dialogue, mean of witty/upbeat/interesting): {:.3}",
        spearman(&dialogue, &mean_rating)
    );
    println!(
        "  Spearman(Openness, mean rating): {:.3}; with 'interesting' alone: {:.3}",
        spearman(&openness, &mean_rating),
        spearman(&openness, &interesting)
    );
    println!(
        "  Spearman(follow-up question share, mean rating): {:.3}",
        spearman(&follow_up_share, &mean_rating)
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profiles");
    let (accuracy, correlation) = evaluate_profiles(&root);
    let (bait_rate, incivility_rate) =
        evaluate_tweets(&root.join("real/vader_tweets_GroundTruth.txt"));
    evaluate_chitchat(&root.join("real/chitchat_sample.json"));
    let mut failures = Vec::new();
    if accuracy < MIN_LABEL_ACCURACY {
        failures.push(format!(
            "label accuracy {accuracy:.3} < {MIN_LABEL_ACCURACY}"
        ));
    }
    if correlation < MIN_SPEARMAN {
        failures.push(format!("Spearman {correlation:.3} < {MIN_SPEARMAN}"));
    }
    if bait_rate > MAX_BAIT_RATE_ON_TWEETS {
        failures.push(format!("bait fires on {bait_rate:.3} of ordinary tweets"));
    }
    if incivility_rate > MAX_INCIVILITY_RATE_ON_TWEETS {
        failures.push(format!(
            "incivility fires on {incivility_rate:.3} of ordinary tweets"
        ));
    }
    if failures.is_empty() {
        println!("score_eval: 1 passed, 0 failed");
    } else {
        println!("score_eval: 0 passed, 1 failed: {}", failures.join("; "));
        std::process::exit(1);
    }
}
