//! Hacker News (news.ycombinator.com).
//!
//! Surfaces: the front page, new, ask, show and past listings (points and "N comments"),
//! item pages (the story's points and comment count; comment points are only shown to their
//! author), user pages (karma), the logged-in user's karma in the top bar, and the
//! threads and submissions pages of a user.
//!
//! Hooks, learnt from the real item page in tests/fixtures/hackernews/hn-item-ask-hn-2023 and
//! from public userscripts that remove karma (kemitchell/userscripts.kemitchell.com `hn.js`:
//! `.score`, `#me`): a story's points are `span.score` inside `span.subline`, its comments
//! link is a direct `a` child of `.subline` pointing at `item?id=` ("100 comments", printed
//! among words); the top bar prints the own karma in `#karma`; a user page is a table whose
//! first row (`tr.athing` holding `td > a.hnuser`) is followed by "created:" and then
//! "karma:" rows, so the karma is the last cell of the second row after it.

use super::{HideStyle::Keep, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "hackernews",
    name: "Hacker News",
    hosts: &["news.ycombinator.com"],
    matches: &["https://news.ycombinator.com/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Votes,
            selector: "span.score",
            hide: Keep,
        },
        MetricRule {
            kind: Reputation,
            selector: "#karma",
            hide: Keep,
        },
        MetricRule {
            kind: Reputation,
            selector: "tr.athing:has(> td > a.hnuser) + tr + tr > td:last-child",
            hide: Keep,
        },
    ],
    shadow: &[],
    // Before span.subline (2022 and older) the same links sat right in td.subtext, with the
    // age link beside them: the recognizer tells "237 comments" from "4 hours ago".
    candidates: &[".subline > a[href*=\"item?id=\"]", "td.subtext > a[href*=\"item?id=\"]"],
    prose: &[".titleline", ".commtext", ".toptext"],
    observe: &["#hnmain"],
    title_counter: false,
    profile: ProfileRules {
        // The user cell on user pages; "<user>'s comments" on threads pages.
        header: "tr.athing:has(> td > a.hnuser) > td:last-child, .pagetop > font",
        post: "tr.athing.comtr",
        post_text: ".commtext",
        paths: &["/user?id={handle}", "/threads?id={handle}", "/submitted?id={handle}"],
        not_handles: &[],
        post_author: "a.hnuser",
        repost_marker: "",
        permalink: "span.age > a",
        // HN prints its ISO time in the age span's title, not in a datetime attribute.
        time: "",
        // Every comment answers a story or a comment; the parent's author is not printed.
        reply_marker: "tr.comtr",
        ..ProfileRules::NONE
    },
    source: "tests/fixtures/hackernews/hn-item-ask-hn-2023 (Jul 2023); kemitchell/userscripts.kemitchell.com hn.js",
};
