//! The conversation report of an account, as the www playground draws it: the badge,
//! replies against broadcasts over time, the people replied to most, and example posts
//! behind each reason on the badge. Plain data for the page to draw.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::account::Account;
use super::plain_text::PLAIN_TEXT_NAME;
use super::time::year_month;
use super::ExportFormat;
use crate::score::{post_flags, Badge, Evidence, Post, PostFlags, ReasonKind};

/// People shown in the "talks with most" chart.
const MAX_TOP_PEOPLE: usize = 12;
/// Example posts shown under each reason.
const MAX_EXAMPLES: usize = 3;
/// Example posts are cut to this many characters.
const MAX_EXAMPLE_CHARS: usize = 280;
/// Posts read for the lexical examples (questions, thanks, bait…), newest first.
const MAX_FLAGGED_POSTS: usize = 5000;
/// A timeline longer than this many months is drawn by year instead.
const MAX_MONTHS: usize = 60;

/// One bucket of the timeline: replies to others, own posts and threads, and reposts.
#[derive(Serialize, Default, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    /// `2024-03` or, for long histories, `2024`.
    pub period: String,
    pub replies: u32,
    pub broadcasts: u32,
    pub reposts: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub handle: String,
    pub replies: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Example {
    pub text: String,
    pub reply_to: Option<String>,
    pub time: Option<i64>,
}

/// The conversation report: the badge plus what the charts draw.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub format: Option<ExportFormat>,
    pub format_name: &'static str,
    pub files: Vec<String>,
    /// Posts read, as the command line counts them (reposts included).
    pub posts: usize,
    pub badge: Badge,
    /// `month` or `year`.
    pub granularity: &'static str,
    pub timeline: Vec<Period>,
    /// Replies to others, own posts and reposts without a known time.
    pub untimed: Period,
    pub people: Vec<Person>,
    /// Distinct people replied to (all of them, not only the top ones).
    pub n_people: usize,
    /// Example posts for each reason on the badge, by reason id.
    pub examples: BTreeMap<String, Vec<Example>>,
}

/// The handle a reply is aimed at, normalised, as the model reads it (`reply_to`, else
/// the first mention), and whether it is a reply to someone else.
pub fn reply_target(post: &Post) -> Option<String> {
    let normalise = |handle: &str| handle.trim().trim_start_matches(['@', '＠']).to_lowercase();
    if !post.is_reply || post.is_repost {
        return None;
    }
    let target = post
        .reply_to
        .as_deref()
        .map(normalise)
        .filter(|handle| !handle.is_empty())
        .or_else(|| post.mentions.first().map(|mention| normalise(mention)));
    let author = post.author.as_deref().map(normalise);
    match target {
        Some(target) if Some(&target) == author.as_ref() => None,
        // A reply whose target is unknown is still a reply to someone else.
        Some(target) => Some(target),
        None => Some(String::new()),
    }
}

fn cut(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_EXAMPLE_CHARS) {
        Some((index, _)) => format!("{}…", &text[..index]),
        None => text.to_string(),
    }
}

fn hashtag_count(post: &Post) -> usize {
    let in_text = post
        .text
        .split_whitespace()
        .filter(|word| word.len() > 1 && word.starts_with('#'))
        .count();
    post.hashtags.len().max(in_text)
}

/// The report of everything read into `account`.
pub fn report_of(account: &Account) -> Report {
    let posts = &account.posts;
    let badge = account.badge();

    // Timeline and people.
    let mut months: BTreeMap<(i64, u32), Period> = BTreeMap::new();
    let mut untimed = Period {
        period: "unknown".into(),
        ..Period::default()
    };
    let mut people: HashMap<String, u32> = HashMap::new();
    let targets: Vec<Option<String>> = posts.iter().map(reply_target).collect();
    for (post, target) in posts.iter().zip(&targets) {
        let bucket = match post.time {
            Some(time) => months.entry(year_month(time)).or_default(),
            None => &mut untimed,
        };
        if post.is_repost {
            bucket.reposts += 1;
        } else if let Some(target) = target {
            bucket.replies += 1;
            if !target.is_empty() {
                *people.entry(target.clone()).or_default() += 1;
            }
        } else {
            bucket.broadcasts += 1;
        }
    }
    let by_year = months.len() > MAX_MONTHS;
    let mut timeline: Vec<Period> = Vec::new();
    if let (Some(first), Some(last)) = (
        months.keys().next().copied(),
        months.keys().next_back().copied(),
    ) {
        // Every period from the first to the last, empty ones included, so gaps show.
        let (mut year, mut month) = first;
        while (year, month) <= last {
            let period = months.get(&(year, month)).cloned().unwrap_or_default();
            let label = if by_year {
                year.to_string()
            } else {
                format!("{year}-{month:02}")
            };
            match timeline.last_mut() {
                Some(previous) if previous.period == label => {
                    previous.replies += period.replies;
                    previous.broadcasts += period.broadcasts;
                    previous.reposts += period.reposts;
                }
                _ => timeline.push(Period {
                    period: label,
                    ..period
                }),
            }
            (year, month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
        }
    }
    let n_people = people.len();
    let mut people: Vec<Person> = people
        .into_iter()
        .map(|(handle, replies)| Person { handle, replies })
        .collect();
    people.sort_by(|a, b| b.replies.cmp(&a.replies).then(a.handle.cmp(&b.handle)));
    people.truncate(MAX_TOP_PEOPLE);

    Report {
        format: account.format,
        format_name: account
            .format
            .map_or(PLAIN_TEXT_NAME, ExportFormat::display_name),
        files: account.files.clone(),
        posts: posts.len(),
        examples: examples_for(&badge, posts, &targets),
        badge,
        granularity: if by_year { "year" } else { "month" },
        timeline,
        untimed,
        people,
        n_people,
    }
}

/// Up to [`MAX_EXAMPLES`] of the account's own posts behind each reason on the badge,
/// newest first (exports list oldest first).
fn examples_for(
    badge: &Badge,
    posts: &[Post],
    targets: &[Option<String>],
) -> BTreeMap<String, Vec<Example>> {
    let wanted: Vec<&str> = badge
        .reasons
        .iter()
        .map(|reason| reason.id.as_str())
        .collect();
    let mut examples: BTreeMap<String, Vec<Example>> = BTreeMap::new();
    if wanted.is_empty() {
        return examples;
    }
    // Conversations with two or more turns, keyed as the model keys them: the thread, or
    // the person and the day.
    let conversation_of = |post: &Post, target: &str| match post.thread.as_deref() {
        Some(thread) if !thread.is_empty() => format!("t:{thread}"),
        _ => format!(
            "p:{target}:{}",
            post.time.map_or(0, |time| time.div_euclid(86_400))
        ),
    };
    let mut turns: HashMap<String, u32> = HashMap::new();
    let wants = |evidence: fn(&Evidence) -> bool| {
        wanted
            .iter()
            .any(|id| ReasonKind::of(id).is_some_and(|kind| evidence(&kind.evidence)))
    };
    if wants(|evidence| matches!(evidence, Evidence::SecondTurn)) {
        for (post, target) in posts.iter().zip(targets) {
            if let Some(target) = target {
                *turns.entry(conversation_of(post, target)).or_default() += 1;
            }
        }
    }
    let mut seen_texts: HashSet<String> = HashSet::new();
    let mut repeated: HashSet<String> = HashSet::new();
    if wants(|evidence| matches!(evidence, Evidence::Repeat)) {
        for post in posts.iter().filter(|post| !post.is_repost) {
            let key = post.text.trim().to_lowercase();
            if key.split_whitespace().count() >= 5 && !seen_texts.insert(key.clone()) {
                repeated.insert(key);
            }
        }
    }
    // Reasons that need the lexical flags of a post, which cost as much as scoring it:
    // look for their examples among the newest posts only.
    let lexical = |id: &str| ReasonKind::of(id).is_none_or(|kind| kind.evidence.reads_words());
    let mut n_flagged = 0;
    let mut shown: HashSet<&str> = HashSet::new();
    for (post, target) in posts.iter().zip(targets).rev() {
        if post.is_repost || post.text.trim().is_empty() || !shown.insert(post.text.trim()) {
            continue;
        }
        let needs_flags = n_flagged < MAX_FLAGGED_POSTS
            && wanted
                .iter()
                .any(|id| lexical(id) && examples.get(*id).map_or(0, Vec::len) < MAX_EXAMPLES);
        let flags = if needs_flags {
            n_flagged += 1;
            post_flags(post)
        } else {
            PostFlags::default()
        };
        let mut matched = false;
        for id in &wanted {
            let fits = match ReasonKind::of(id).map(|kind| kind.evidence) {
                Some(Evidence::ReplyToSomeone) => target.as_deref().is_some_and(|t| !t.is_empty()),
                Some(Evidence::NotAReply) => target.is_none(),
                Some(Evidence::SecondTurn) => target.as_deref().is_some_and(|target| {
                    turns
                        .get(&conversation_of(post, target))
                        .is_some_and(|n| *n >= 2)
                }),
                Some(Evidence::ManyHashtags) => hashtag_count(post) >= 4,
                Some(Evidence::Repeat) => repeated.contains(&post.text.trim().to_lowercase()),
                Some(Evidence::Words(shows)) => shows(&flags),
                // The model counts thanks and agreement only in posts aimed at someone.
                Some(Evidence::WordsToSomeone(shows)) => {
                    shows(&flags) && (target.is_some() || !post.mentions.is_empty())
                }
                None => false,
            };
            let list = examples.entry((*id).to_string()).or_default();
            if fits && list.len() < MAX_EXAMPLES && !matched {
                list.push(Example {
                    text: cut(&post.text),
                    reply_to: target.clone().filter(|t| !t.is_empty()),
                    time: post.time,
                });
                // One post illustrates one reason, so the lists differ.
                matched = true;
            }
        }
        if examples.len() == wanted.len()
            && examples.values().all(|list| list.len() >= MAX_EXAMPLES)
        {
            break;
        }
    }
    examples.retain(|_, list| !list.is_empty());
    examples
}

#[cfg(test)]
#[path = "../../tests/unit/export_report.rs"]
mod unit_tests;
