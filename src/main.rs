//! `sincerely`: the engine on the command line. `sincerely score FILE… [--json] [--merge]`
//! reads account exports (Mastodon `outbox.json`, X `data/tweets.js`, or the plain JSON
//! list of posts documented in `src/export/mod.rs`) and prints each one's badge.
//!
//! `-` reads standard input. Next to an X archive's `tweets.js` the archive's
//! `account.js` names the account, and next to a Mastodon `outbox.json` the export's
//! `actor.json` does; when they are there, they are read too (see `src/export/`).
//!
//! Exit codes: 0 when every file was scored, 1 when a file could not be read or parsed
//! (the error names the file and the line and column), 2 for a usage error.

use std::process::ExitCode;

use sincerely::export::{self, badge_for, Account, ExportFormat};
use sincerely::score::{Badge, Post};

const USAGE: &str = "usage: sincerely score FILE… [--json] [--merge]

  Reads a Mastodon outbox.json, an X archive's data/tweets.js or a JSON list of posts
  (\"-\" for standard input) and prints the conversation-quality badge with its bars
  and reasons. The account.js next to tweets.js, or the actor.json next to outbox.json,
  tells whose posts they are.

  --json   one JSON object per run: {\"files\": [{\"file\", \"format\", \"posts\", \"badge\"} | {\"file\", \"error\"}]}
  --merge  score all files as one account (e.g. tweets.js and tweets-part1.js)";

/// One file's outcome.
enum Scored {
    Badge {
        file: String,
        format: ExportFormat,
        n_posts: usize,
        badge: Badge,
    },
    Failed {
        file: String,
        error: String,
    },
}

fn read_file(path: &str) -> Result<(ExportFormat, Vec<Post>), String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|error| format!("standard input: {error}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|error| format!("{path}: {error}"))?
    };
    let name = if path == "-" { "standard input" } else { path };
    // The file that says whose posts these are, beside the posts in the same export.
    let beside = |file_name: &str| -> Option<Vec<u8>> {
        if path == "-" {
            return None;
        }
        let sibling = std::path::Path::new(path).with_file_name(file_name);
        std::fs::read(sibling).ok()
    };
    export::read_export(&bytes, beside).map_err(|error| format!("{name}: {error}"))
}

/// "1 post", "2 posts".
fn plural(count: u32, singular: &str, plural_form: &str) -> String {
    format!(
        "{count} {}",
        if count == 1 { singular } else { plural_form }
    )
}

fn bar_graphic(value: Option<u8>) -> String {
    match value {
        None => format!("{:<10}  unknown", "··········"),
        Some(value) => {
            let filled = usize::from(value).div_ceil(10).min(10);
            format!(
                "{}{}  {value:>3}",
                "█".repeat(filled),
                "░".repeat(10 - filled)
            )
        }
    }
}

fn print_text(scored: &Scored) {
    match scored {
        Scored::Failed { error, .. } => eprintln!("error: {error}"),
        Scored::Badge {
            file,
            format,
            n_posts,
            badge,
        } => {
            println!("{file} ({}, {n_posts} posts)", format.display_name());
            let score = match (badge.score, badge.score_low, badge.score_high) {
                (Some(score), Some(low), Some(high)) => format!("{score}/100 (range {low}–{high})"),
                _ => "no score".to_string(),
            };
            let confidence = &badge.confidence;
            println!(
                "  {} · {score} · confidence {} ({}, {} to {})",
                badge.label_name,
                confidence.name,
                plural(confidence.items, "post", "posts"),
                plural(confidence.replies, "reply", "replies"),
                plural(confidence.people, "person", "people")
            );
            for bar in &badge.bars {
                println!("  {:<19}{}", bar.name, bar_graphic(bar.value));
            }
            for reason in &badge.reasons {
                let sign = match reason.effect {
                    sincerely::score::Effect::Raises => '+',
                    sincerely::score::Effect::Lowers => '−',
                    sincerely::score::Effect::Info => '·',
                };
                println!("  {sign} {}", reason.text);
            }
        }
    }
}

fn json_of(scored: &Scored) -> serde_json::Value {
    match scored {
        Scored::Failed { file, error } => serde_json::json!({ "file": file, "error": error }),
        Scored::Badge {
            file,
            format,
            n_posts,
            badge,
        } => serde_json::json!({
            "file": file, "format": format, "posts": n_posts, "badge": badge,
        }),
    }
}

fn score_command(arguments: &[String]) -> ExitCode {
    let as_json = arguments.iter().any(|argument| argument == "--json");
    let merge = arguments.iter().any(|argument| argument == "--merge");
    if let Some(unknown) = arguments.iter().find(|argument| {
        argument.starts_with("--") && *argument != "--json" && *argument != "--merge"
    }) {
        eprintln!("unknown option {unknown}\n{USAGE}");
        return ExitCode::from(2);
    }
    let files: Vec<&String> = arguments
        .iter()
        .filter(|argument| !argument.starts_with("--"))
        .collect();
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut results = Vec::new();
    // With --merge the files are one account, read as the www playground reads them.
    let mut merged = Account::default();
    for file in &files {
        match read_file(file) {
            Ok((format, posts)) if merge => merged.add(file, Some(format), posts),
            Ok((format, posts)) => results.push(Scored::Badge {
                file: file.to_string(),
                format,
                n_posts: posts.len(),
                badge: badge_for(Some(format), &posts),
            }),
            Err(error) => results.push(Scored::Failed {
                file: file.to_string(),
                error,
            }),
        }
    }
    if let Some(format) = merged.format {
        results.push(Scored::Badge {
            file: files
                .iter()
                .map(|file| file.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
            format,
            n_posts: merged.posts.len(),
            badge: merged.badge(),
        });
    }
    let failed = results
        .iter()
        .any(|result| matches!(result, Scored::Failed { .. }));
    if as_json {
        let files: Vec<_> = results.iter().map(json_of).collect();
        println!("{}", serde_json::json!({ "files": files }));
        // Errors also go to stderr so a pipeline that only reads stdout still sees them.
        for result in &results {
            if let Scored::Failed { error, .. } = result {
                eprintln!("error: {error}");
            }
        }
    } else {
        for (index, result) in results.iter().enumerate() {
            if index > 0 {
                println!();
            }
            print_text(result);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.first().map(String::as_str) {
        Some("--version") => {
            println!("sincerely {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("score") => score_command(&arguments[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
