//! Threads (threads.com, formerly threads.net).
//!
//! Surfaces: the For you and Following feeds, post detail pages and their replies, profile
//! headers (the followers line), search results (the same post cards) and the "(3)" in the tab title.
//!
//! Threads ships hashed atomic classes (`x1a6qonq`, …) that change with every build, so the
//! hooks are ARIA and attributes only, learnt from the rendered markup described by public
//! scrapers and userscripts: each post is a `div[data-pressable-container=true]`; the action
//! buttons are `div[role=button]` holding an `svg[aria-label]` named "Like"/"Unlike",
//! "Reply", "Repost" and "Share", and the count as the span right after that svg; the
//! author link is `a[href^="/@"]`, the permalink `a[href*="/post/"]` around a
//! `time[datetime]`; the profile's follower line is a text such as "12.3K followers".
//! Because these are inferred, the follower line is a candidate: the recognizer reads it.

use super::{HideStyle::Keep, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "threads",
    name: "Threads",
    hosts: &["threads.com", "threads.net"],
    // Each domain's apex and www. (threads.net redirects to threads.com).
    matches: &[
        "https://threads.com/*",
        "https://www.threads.com/*",
        "https://threads.net/*",
        "https://www.threads.net/*",
    ],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Likes,
            selector: "[role=\"button\"] svg[aria-label=\"Like\"] + span",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "[role=\"button\"] svg[aria-label=\"Unlike\"] + span",
            hide: Keep,
        },
        MetricRule {
            kind: Replies,
            selector: "[role=\"button\"] svg[aria-label=\"Reply\"] + span",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "[role=\"button\"] svg[aria-label=\"Repost\"] + span",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "[role=\"button\"] svg[aria-label=\"Share\"] + span",
            hide: Keep,
        },
    ],
    shadow: &[],
    candidates: &[
        // "12.3K followers" under the profile name, and "View activity · 1,204 views".
        "[role=\"main\"] header [role=\"button\"] > span[title]",
        "[role=\"main\"] a[href$=\"/followers\"]",
    ],
    prose: &["[data-pressable-container=\"true\"] span[dir=\"auto\"]:not(a span)"],
    observe: &["[role=\"main\"]", "nav"],
    title_counter: true,
    profile: ProfileRules {
        header: "[role=\"main\"] header h1",
        post: "[data-pressable-container=\"true\"]",
        // The first text outside the author and time links. There is no "Replying to" line
        // to skip: the Replies tab shows the post replied to as a post of its own.
        post_text: "span[dir=\"auto\"]:not(a span)",
        paths: &["/@{handle}"],
        not_handles: &[],
        post_author: "a[href^=\"/@\"]:not([href*=\"/post/\"])",
        repost_marker: "[aria-label=\"Reposted\"]",
        permalink: "a[href*=\"/post/\"]",
        time: "time[datetime]",
        // The Replies tab prints the post replied to above each reply, as its own
        // container (scrapers walk the containers in order and take the first as the
        // parent: IsaiahDupree/Safari_Automations docs/THREADS_AUTOMATION_COMPLETE.md).
        parent_precedes: true,
        ..ProfileRules::NONE
    },
    source: "ARIA and attribute hooks of the rendered threads.com markup (public scrapers); see the module header",
};
