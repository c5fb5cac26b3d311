//! Old Reddit (old.reddit.com), the server-rendered design.
//!
//! Surfaces: front page and subreddit listings (scores and "N comments" links), comment
//! pages (post score, every comment's "N points"), the sidebar (subscribers, users here
//! now), user pages (link and comment karma, the scores of their posts and comments), the
//! logged-in user's karma in the header, the unread-messages count and the trending widget.
//!
//! Hooks, learnt from the real listing in tests/fixtures/reddit/old-reddit-r-programming-2015
//! and the public userscripts that hide old Reddit's karma (e.g. kittenparry/userscripts
//! `reddit_karma_hider/rkh.user.js`: `.midcol .score`, `.linkinfo .score`, `.tagline .score`):
//! each `div.thing` carries three `div.score` (dislikes, unvoted, likes) in `.midcol`; a
//! comment's tagline and the trending entries print `span.score` ("5 points"); the comments
//! link is `a.comments` ("649 comments"), `a.reddit-comment-link` in the trending widget;
//! the sidebar prints `.subscribers .number` and `.users-online .number`; the header prints
//! `.userkarma`; user pages print `.karma` and `.comment-karma`; the mail badge is
//! `.message-count`. A comment page heads its tree with `.panestack-title .title` ("all 8
//! comments") and folds replies into `span.morecomments` ("load more comments (3 replies)"),
//! as its server templates print them (tests/fixtures/reddit/old-reddit-comments).

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "old-reddit",
    name: "Old Reddit",
    hosts: &["old.reddit.com"],
    matches: &["https://old.reddit.com/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Votes,
            selector: ".midcol .score",
            hide: Keep,
        },
        MetricRule {
            kind: Votes,
            selector: ".entry span.score",
            hide: Keep,
        },
        MetricRule {
            kind: Votes,
            selector: ".linkinfo .score",
            hide: Keep,
        },
        MetricRule {
            kind: Subscribers,
            selector: ".subscribers .number",
            hide: Keep,
        },
        MetricRule {
            kind: Others,
            selector: ".users-online .number",
            hide: Keep,
        },
        MetricRule {
            kind: Reputation,
            selector: ".userkarma",
            hide: Keep,
        },
        MetricRule {
            kind: Reputation,
            selector: ".titlebox .karma",
            hide: Keep,
        },
        MetricRule {
            kind: Unread,
            selector: ".message-count",
            hide: Remove,
        },
    ],
    shadow: &[],
    // The comment count of a thread: "649 comments" in listings, and on user pages the
    // second li.first of a comment's buttons, "full comments (649)" (reddit-archive/reddit
    // r2/r2/templates/printablebuttons.html, commentbuttons when c.profilepage).
    candidates: &[
        "a.comments",
        "a.reddit-comment-link",
        ".thing.comment .buttons li.first a:not(.bylink)",
        // A comment page: "all 8 comments" above the tree, "load more comments (3 replies)".
        ".panestack-title .title",
        ".morecomments",
    ],
    prose: &[".usertext-body .md", "a.title"],
    observe: &["#siteTable", ".commentarea", ".side", "#header"],
    title_counter: false,
    profile: ProfileRules {
        header: ".titlebox h1",
        post: ".thing",
        post_text: ".usertext-body .md",
        paths: &["/user/{handle}", "/u/{handle}"],
        not_handles: &[],
        // The tagline's: on a user page each comment's p.parent first names the thread
        // and its author's a.author (reddit-archive/reddit r2/r2/templates/comment.html,
        // ParentDiv when c.profilepage).
        post_author: ".tagline a.author",
        repost_marker: "",
        permalink: "a.bylink",
        time: "time[datetime]",
        // A comment answers a post or a comment; the profile does not name whose.
        reply_marker: ".thing.comment",
        ..ProfileRules::NONE
    },
    source: "tests/fixtures/reddit/old-reddit-r-programming-2015 (Nov 2015); kittenparry/userscripts reddit_karma_hider; reddit-archive/reddit r2/r2/templates (user pages)",
};
