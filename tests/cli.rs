//! The `sincerely score` command line, run as a user runs it: standard input through
//! `-`, and the hint given when another file of an export is picked.

use std::io::Write;
use std::process::{Command, Stdio};

fn sincerely(arguments: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sincerely"))
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sincerely binary runs");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(input)
        .expect("stdin written");
    let output = child.wait_with_output().expect("sincerely finishes");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_dash_reads_standard_input() {
    let posts: Vec<String> = (0..12)
        .map(|index| {
            format!(
                r#"{{"id": "{index}", "text": "Thanks, how did you do it?", "isReply": true, "replyTo": "p{index}"}}"#
            )
        })
        .collect();
    let input = format!("[{}]", posts.join(","));
    let (code, stdout, stderr) = sincerely(&["score", "-", "--json"], input.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON output");
    assert_eq!(report["files"][0]["file"], "-");
    assert_eq!(report["files"][0]["posts"], 12);
}

#[test]
fn picking_like_js_says_to_use_tweets_js() {
    let (code, _, stderr) = sincerely(
        &["score", "-"],
        br#"window.YTD.like.part0 = [{"like": {"tweetId": "1"}}]"#,
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("standard input"), "{stderr}");
    assert!(stderr.contains("use data/tweets.js"), "{stderr}");
}
