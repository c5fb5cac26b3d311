//! The www/ playground's exports (built with `--target web` and loaded by
//! `www/worker.js`): the conversation report of an account export, and the badges of the
//! people in a pasted conversation. The page does all DOM work; these return plain JSON.
//!
//! ## Usage (from the worker)
//! ```js
//! const reader = new ExportReader();
//! const added = reader.add('outbox.json', bytes);   // {ok, format, …} or {ok: false, error}
//! reader.addText('pasted posts', text);              // an export's text, or posts as text
//! const report = reader.report();                    // the badge plus what the charts draw
//! const conversation = scoreConversation(text);      // see "The paste format" below
//! ```
//!
//! The report's badge is computed exactly as `sincerely score FILE… --merge` computes it
//! (an export is the account's whole history; pasted posts are not), so the page and the
//! command line agree on every figure.
//!
//! ## Posts as plain text
//! Pasted text that is not an export is read as one account's posts: one post per
//! paragraph (paragraphs are separated by blank lines; without any blank line, one post
//! per line). A post that starts with `@handle` is a reply to that handle, as X writes
//! replies; `@words` are mentions, `#words` hashtags, `http(s)://…` words links. Pasted
//! posts are not the whole history, so the badge says when it needs more replies.
//!
//! ## The paste format
//! One post per line, `@handle: text` (the `@` is optional). A line that does not start
//! with a handle and a colon continues the post above it. Replies are marked in front of
//! the handle with `↳` or `>`, once per level:
//! ```text
//! @ana: Has anyone profiled the new parser?
//! ↳ @bob: Yes, it is about twice as fast. What input did you use?
//! ↳ ↳ @ana: Mostly large JSON exports. Thanks!
//! > @carol: Not yet, but I will this week.
//! ```
//! A post with n markers replies to the closest post above it with n − 1 markers; a post
//! without markers starts a new thread. When no line has a marker at all, the paste is
//! read as a chat: each message replies to the previous message by someone else.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use wasm_bindgen::prelude::*;

use sincerely::export::{self, ExportError, ExportFormat};
use sincerely::score::{
    post_flags, score_observation, score_posts, Badge, Observation, Post, PostFlags,
};

/// JSON-compatible output: plain objects and arrays, never `Map`s.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

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

/// What `ExportReader.add` answers.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Added {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<ExportFormat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format_name: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    posts: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ReadError>,
}

/// A file that could not be read, with what is wrong and where.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReadError {
    file: String,
    /// `syntax`, `shape` or `unrecognised`.
    kind: &'static str,
    line: usize,
    column: usize,
    /// The parser's words, e.g. "EOF while parsing an object".
    message: String,
    /// What the reader should do about it.
    advice: &'static str,
    /// The text around the position, and where in it the position falls (in characters).
    excerpt: String,
    excerpt_column: usize,
}

impl ReadError {
    fn new(file: &str, bytes: &[u8], error: &ExportError) -> ReadError {
        let (kind, message, advice) = match error {
            ExportError::Syntax { message, .. } => (
                "syntax",
                message.clone(),
                "The file is damaged or cut short. Export it again, or unzip it again if it came from an archive.",
            ),
            ExportError::Shape { message, .. } => (
                "shape",
                message.clone(),
                "The file is valid JSON but not shaped like an export Sincerely reads.",
            ),
            ExportError::Unrecognised(message) => (
                "unrecognised",
                message.clone(),
                "Drop a Mastodon outbox.json, an X archive's data/tweets.js, either archive's .zip, or a JSON list of posts.",
            ),
        };
        let (line, column) = error.position();
        // The start of a file that is not an export at all (a photo, a PDF) shows nothing useful.
        let (excerpt, excerpt_column) = match error {
            ExportError::Unrecognised(_) => (String::new(), 0),
            _ => excerpt_at(bytes, line, column),
        };
        ReadError {
            file: file.to_string(),
            kind,
            line,
            column,
            message,
            advice,
            excerpt,
            excerpt_column,
        }
    }
}

/// Up to 40 bytes either side of (line, column) on that line, as text, and the character
/// index of the position within it. Columns count bytes from 1, as `serde_json` does.
fn excerpt_at(bytes: &[u8], line: usize, column: usize) -> (String, usize) {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, byte)| **byte == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(index, _)| index + 1)
    };
    let line_end = bytes[line_start..]
        .iter()
        .position(|byte| *byte == b'\n')
        .map_or(bytes.len(), |index| line_start + index);
    let position = (line_start + column.saturating_sub(1)).min(line_end);
    let mut start = position.saturating_sub(40).max(line_start);
    let mut end = (position + 40).min(line_end);
    // Stay on character boundaries: UTF-8 continuation bytes are 0b10xxxxxx.
    while start > line_start && (bytes[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    while end < line_end && (bytes[end] & 0xC0) == 0x80 {
        end += 1;
    }
    let before = String::from_utf8_lossy(&bytes[start..position]);
    let text = String::from_utf8_lossy(&bytes[start..end]).replace(['\r', '\t'], " ");
    (text, before.chars().count())
}

/// One bucket of the timeline: replies to others, own posts and threads, and reposts.
#[derive(Serialize, Default, Clone)]
#[serde(rename_all = "camelCase")]
struct Period {
    /// `2024-03` or, for long histories, `2024`.
    period: String,
    replies: u32,
    broadcasts: u32,
    reposts: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Person {
    handle: String,
    replies: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Example {
    text: String,
    reply_to: Option<String>,
    time: Option<i64>,
}

/// The conversation report: the badge plus what the charts draw.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    format: Option<ExportFormat>,
    format_name: &'static str,
    files: Vec<String>,
    /// Posts read, as the command line counts them (reposts included).
    posts: usize,
    badge: Badge,
    /// `month` or `year`.
    granularity: &'static str,
    timeline: Vec<Period>,
    /// Replies to others, own posts and reposts without a known time.
    untimed: Period,
    people: Vec<Person>,
    /// Distinct people replied to (all of them, not only the top ones).
    n_people: usize,
    /// Example posts for each reason on the badge, by reason id.
    examples: BTreeMap<String, Vec<Example>>,
}

/// Rust panics become readable console errors.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads export files one at a time (so the worker can report progress between files)
/// and scores them together as one account, like `sincerely score --merge`.
#[wasm_bindgen]
pub struct ExportReader {
    posts: Vec<Post>,
    format: Option<ExportFormat>,
    files: Vec<String>,
}

impl Default for ExportReader {
    fn default() -> ExportReader {
        ExportReader::new()
    }
}

#[wasm_bindgen]
impl ExportReader {
    #[wasm_bindgen(constructor)]
    pub fn new() -> ExportReader {
        ExportReader {
            posts: Vec::new(),
            format: None,
            files: Vec::new(),
        }
    }

    /// Reads one file (any format `sincerely score` reads). Answers `{ok: true, format,
    /// formatName, posts}` or `{ok: false, error: {file, kind, line, column, message,
    /// advice, excerpt, excerptColumn}}`; a bad file leaves the reader as it was.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        let added = match export::parse_any(bytes) {
            Ok((format, posts)) => {
                self.format.get_or_insert(format);
                self.files.push(name.to_string());
                let n_posts = posts.len();
                self.posts.extend(posts);
                Added {
                    ok: true,
                    format: Some(format),
                    format_name: Some(format.display_name()),
                    posts: Some(n_posts),
                    error: None,
                }
            }
            Err(error) => Added {
                ok: false,
                format: None,
                format_name: None,
                posts: None,
                error: Some(ReadError::new(name, bytes, &error)),
            },
        };
        to_js(&added)
    }

    /// Reads pasted text: an export's text (as [`add`](Self::add)), or else posts as
    /// plain text (see "Posts as plain text" above).
    #[wasm_bindgen(js_name = addText)]
    pub fn add_text(&mut self, name: &str, text: &str) -> Result<JsValue, JsError> {
        if !matches!(
            export::detect_format(text.as_bytes()),
            Err(ExportError::Unrecognised(_))
        ) || text.trim().is_empty()
        {
            return self.add(name, text.as_bytes());
        }
        let posts = read_plain_text(text);
        let n_posts = posts.len();
        self.posts.extend(posts);
        self.files.push(name.to_string());
        to_js(&Added {
            ok: true,
            format: None,
            format_name: Some(PLAIN_TEXT_NAME),
            posts: Some(n_posts),
            error: None,
        })
    }

    /// Posts read so far.
    #[wasm_bindgen(getter)]
    pub fn posts(&self) -> usize {
        self.posts.len()
    }

    /// The report over every file added.
    pub fn report(&self) -> Result<JsValue, JsError> {
        to_js(&build_report(self))
    }
}

/// The name of the plain-text format, for the page.
const PLAIN_TEXT_NAME: &str = "posts as plain text";

/// Posts as plain text (see the module documentation).
fn read_plain_text(text: &str) -> Vec<Post> {
    let has_blank_line = text.lines().any(|line| line.trim().is_empty())
        && text.lines().filter(|line| !line.trim().is_empty()).count() > 1;
    let mut chunks: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || !has_blank_line {
            if !current.is_empty() {
                chunks.push(std::mem::take(&mut current));
            }
            if line.is_empty() {
                continue;
            }
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    chunks
        .into_iter()
        .map(|text| {
            let mentions = words_with_prefix(&text, '@');
            let reply_to = text
                .starts_with(['@', '＠'])
                .then(|| mentions.first().cloned())
                .flatten();
            Post {
                is_reply: reply_to.is_some(),
                reply_to,
                links: text
                    .split_whitespace()
                    .filter(|word| word.starts_with("http://") || word.starts_with("https://"))
                    .map(str::to_string)
                    .collect(),
                hashtags: words_with_prefix(&text, '#'),
                mentions,
                text,
                ..Post::default()
            }
        })
        .collect()
}

/// The handle a reply is aimed at, normalised, as the model reads it (`reply_to`, else
/// the first mention), and whether it is a reply to someone else.
fn reply_target(post: &Post) -> Option<String> {
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

/// Year and month of a Unix time (Howard Hinnant's civil-from-days).
fn year_month(time: i64) -> (i64, u32) {
    let days = time.div_euclid(86_400) + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month as u32)
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

fn build_report(reader: &ExportReader) -> Report {
    let posts = &reader.posts;
    let whole_history = reader.format.is_some_and(ExportFormat::is_whole_history);
    let observation = Observation::from_posts(posts);
    let badge = if whole_history {
        score_observation(&observation.with_history_complete())
    } else {
        score_observation(&observation)
    };

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
        format: reader.format,
        format_name: reader
            .format
            .map_or(PLAIN_TEXT_NAME, ExportFormat::display_name),
        files: reader.files.clone(),
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
    if wanted.contains(&"back-and-forth") {
        for (post, target) in posts.iter().zip(targets) {
            if let Some(target) = target {
                *turns.entry(conversation_of(post, target)).or_default() += 1;
            }
        }
    }
    let mut seen_texts: HashSet<String> = HashSet::new();
    let mut repeated: HashSet<String> = HashSet::new();
    if wanted.contains(&"repeats") {
        for post in posts.iter().filter(|post| !post.is_repost) {
            let key = post.text.trim().to_lowercase();
            if key.split_whitespace().count() >= 5 && !seen_texts.insert(key.clone()) {
                repeated.insert(key);
            }
        }
    }
    // Reasons that need the lexical flags of a post, which cost as much as scoring it:
    // look for their examples among the newest posts only.
    let lexical = |id: &str| {
        !matches!(
            id,
            "many-replies" | "few-replies" | "back-and-forth" | "hashtag-stuffing" | "repeats"
        )
    };
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
            let fits = match *id {
                "many-replies" => target.as_deref().is_some_and(|t| !t.is_empty()),
                "few-replies" => target.is_none(),
                "follow-up-questions" => flags.follow_up_question,
                "back-and-forth" => target.as_deref().is_some_and(|target| {
                    turns
                        .get(&conversation_of(post, target))
                        .is_some_and(|n| *n >= 2)
                }),
                // The model counts thanks and agreement only in posts aimed at someone.
                "acknowledgement" => {
                    flags.acknowledgement && (target.is_some() || !post.mentions.is_empty())
                }
                "reasoning" => flags.reasoning,
                "warmth" => flags.compassion,
                "curt-contradiction" => flags.curt_contradiction,
                "engagement-bait" => flags.bait,
                "selling" => flags.selling,
                "hashtag-stuffing" => hashtag_count(post) >= 4,
                "repeats" => repeated.contains(&post.text.trim().to_lowercase()),
                "incivility" => flags.incivility,
                "us-versus-them" => flags.us_versus_them,
                _ => false,
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

/// One post of a pasted conversation, as the page lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PastedPost {
    /// Line of the paste where the post starts, from 1.
    line: usize,
    handle: String,
    depth: usize,
    reply_to: Option<String>,
    text: String,
    /// The ids of the [`SIGNALS`] this post shows.
    signals: Vec<&'static str>,
}

/// A per-post signal the model counts, for showing on a short conversation where a
/// badge would need more posts: id, display name, and whether it raises the score.
struct Signal {
    id: &'static str,
    name: &'static str,
    raises: bool,
    shows: fn(&PostFlags) -> bool,
}

const SIGNALS: [Signal; 9] = [
    Signal {
        id: "follow-up-question",
        name: "follow-up question",
        raises: true,
        shows: |flags| flags.follow_up_question,
    },
    Signal {
        id: "acknowledgement",
        name: "thanks or acknowledgement",
        raises: true,
        shows: |flags| flags.acknowledgement,
    },
    Signal {
        id: "reasoning",
        name: "reasons or caveats",
        raises: true,
        shows: |flags| flags.reasoning,
    },
    Signal {
        id: "warmth",
        name: "warmth",
        raises: true,
        shows: |flags| flags.compassion,
    },
    Signal {
        id: "curt-contradiction",
        name: "curt contradiction",
        raises: false,
        shows: |flags| flags.curt_contradiction,
    },
    Signal {
        id: "engagement-bait",
        name: "engagement bait",
        raises: false,
        shows: |flags| flags.bait,
    },
    Signal {
        id: "selling",
        name: "selling",
        raises: false,
        shows: |flags| flags.selling,
    },
    Signal {
        id: "incivility",
        name: "incivility",
        raises: false,
        shows: |flags| flags.incivility,
    },
    Signal {
        id: "us-versus-them",
        name: "us versus them",
        raises: false,
        shows: |flags| flags.us_versus_them,
    },
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SignalCount {
    id: &'static str,
    name: &'static str,
    /// `raises` or `lowers`, as on the badge's reasons.
    effect: &'static str,
    count: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Participant {
    handle: String,
    posts: usize,
    replies: usize,
    /// Distinct people this participant replied to.
    people: usize,
    badge: Badge,
    /// How many of their posts show each signal (only those that occur).
    signals: Vec<SignalCount>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Conversation {
    /// `threaded` (reply markers) or `chat` (none: each message answers the previous one).
    mode: &'static str,
    posts: Vec<PastedPost>,
    participants: Vec<Participant>,
    /// Lines that could not be read, e.g. `line 1: no "@handle:" at the start`.
    warnings: Vec<String>,
}

/// `ana` from `@ana: text`, with the text after the colon; `None` for a line that does
/// not start with a handle (it continues the post above).
fn split_handle(line: &str) -> Option<(&str, &str)> {
    let (head, text) = line.split_once(':')?;
    let handle = head.trim().trim_start_matches(['@', '＠']);
    let valid = !handle.is_empty()
        && handle.chars().count() <= 40
        && handle
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
        // "https://…" is a link, not a handle.
        && !text.starts_with("//");
    valid.then(|| (handle, text.trim()))
}

/// The reply markers in front of a line (`↳`, `>`, with spaces between) and the rest.
fn split_markers(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line.trim_start();
    loop {
        if let Some(after) = rest.strip_prefix('↳').or_else(|| rest.strip_prefix('>')) {
            depth += 1;
            rest = after.trim_start();
        } else {
            return (depth, rest);
        }
    }
}

fn words_with_prefix(text: &str, prefix: char) -> Vec<String> {
    text.split_whitespace()
        .filter_map(|word| word.strip_prefix(prefix))
        .map(|word| word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_'))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_conversation(text: &str) -> Conversation {
    struct Draft {
        line: usize,
        handle: String,
        depth: usize,
        text: String,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut warnings = Vec::new();
    for (index, raw_line) in text.lines().enumerate() {
        if raw_line.trim().is_empty() {
            continue;
        }
        let (depth, rest) = split_markers(raw_line);
        match split_handle(rest) {
            Some((handle, text)) => drafts.push(Draft {
                line: index + 1,
                handle: handle.to_string(),
                depth,
                text: text.to_string(),
            }),
            None => match drafts.last_mut() {
                Some(draft) if depth == 0 => {
                    draft.text.push('\n');
                    draft.text.push_str(raw_line.trim());
                }
                _ => warnings.push(format!(
                    "line {}: no \"@handle:\" at the start, so it was skipped",
                    index + 1
                )),
            },
        }
    }
    let threaded = drafts.iter().any(|draft| draft.depth > 0);
    let mut posts: Vec<Post> = Vec::with_capacity(drafts.len());
    let mut pasted: Vec<PastedPost> = Vec::with_capacity(drafts.len());
    // The closest post above at each depth, and the thread root of each post.
    let mut open: Vec<usize> = Vec::new();
    let mut roots: Vec<usize> = Vec::with_capacity(drafts.len());
    for (index, draft) in drafts.iter().enumerate() {
        let parent = if threaded {
            open.truncate(draft.depth);
            let parent = if draft.depth > 0 {
                open.last().copied()
            } else {
                None
            };
            if draft.depth > 0 && parent.is_none() {
                warnings.push(format!(
                    "line {}: a reply with nothing above it to reply to",
                    draft.line
                ));
            }
            // A post that skips a level is taken as one level below its parent.
            while open.len() < draft.depth {
                open.push(parent.unwrap_or(index));
            }
            open.push(index);
            parent
        } else {
            drafts[..index]
                .iter()
                .rposition(|other| !other.handle.eq_ignore_ascii_case(&draft.handle))
        };
        let root = parent.map_or(index, |parent| roots[parent]);
        roots.push(root);
        let reply_to = parent.map(|parent| drafts[parent].handle.clone());
        posts.push(Post {
            id: Some(format!("paste-{index}")),
            text: draft.text.clone(),
            is_reply: reply_to.is_some(),
            reply_to: reply_to.clone(),
            thread: Some(format!("paste-thread-{root}")),
            mentions: words_with_prefix(&draft.text, '@'),
            links: draft
                .text
                .split_whitespace()
                .filter(|word| word.starts_with("http://") || word.starts_with("https://"))
                .map(str::to_string)
                .collect(),
            hashtags: words_with_prefix(&draft.text, '#'),
            time: None,
            is_repost: false,
            author: Some(draft.handle.clone()),
        });
        let flags = post_flags(posts.last().expect("just pushed"));
        pasted.push(PastedPost {
            signals: SIGNALS
                .iter()
                .filter(|signal| (signal.shows)(&flags))
                .map(|signal| signal.id)
                .collect(),
            line: draft.line,
            handle: draft.handle.clone(),
            depth: if threaded {
                draft.depth
            } else {
                usize::from(reply_to.is_some())
            },
            reply_to,
            text: draft.text.clone(),
        });
    }
    // Participants in order of first appearance; handles compare without case.
    let mut order: Vec<String> = Vec::new();
    let mut by_handle: HashMap<String, (String, Vec<Post>)> = HashMap::new();
    for post in posts {
        let handle = post.author.clone().unwrap_or_default();
        let key = handle.to_lowercase();
        by_handle
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                (handle, Vec::new())
            })
            .1
            .push(post);
    }
    let participants = order
        .iter()
        .filter_map(|key| by_handle.remove(key))
        .map(|(handle, posts)| {
            let flags: Vec<PostFlags> = posts.iter().map(post_flags).collect();
            let targets: HashSet<String> = posts.iter().filter_map(reply_target).collect();
            Participant {
                replies: posts.iter().filter(|post| post.is_reply).count(),
                people: targets.iter().filter(|target| !target.is_empty()).count(),
                posts: posts.len(),
                badge: score_posts(&posts),
                signals: SIGNALS
                    .iter()
                    .map(|signal| SignalCount {
                        id: signal.id,
                        name: signal.name,
                        effect: if signal.raises { "raises" } else { "lowers" },
                        count: flags.iter().filter(|flags| (signal.shows)(flags)).count(),
                    })
                    .filter(|signal| signal.count > 0)
                    .collect(),
                handle,
            }
        })
        .collect();
    Conversation {
        mode: if threaded { "threaded" } else { "chat" },
        posts: pasted,
        participants,
        warnings,
    }
}

/// Reads a pasted conversation (see "The paste format" above) and scores each
/// participant from their posts in it.
#[wasm_bindgen(js_name = scoreConversation)]
pub fn score_conversation(text: &str) -> Result<JsValue, JsError> {
    to_js(&read_conversation(text))
}
