//! Reddit, current "shreddit" design (www.reddit.com).
//!
//! Surfaces: home, popular and subreddit feeds, search results, post pages with their
//! comment trees, user profiles (karma, followers), the community sidebar and the inbox
//! badge, inside shadow roots too (see below).
//!
//! Hooks, learnt from the shreddit web components as used by public extensions and scrapers
//! (SysAdminDoc/RES-Slim `tests/fixtures/shreddit/listing.html`; Reddit Enhancement-style
//! extensions that style `shreddit-post::part(...)` and inject CSS into the shadow roots of
//! `shreddit-post` and `shreddit-comment-action-row`): a post is
//! `<shreddit-post score=… comment-count=… author=… permalink=…>` whose light DOM holds only
//! slotted parts (`[slot=credit-bar]`, `[slot=title]`, `[slot=text-body]`,
//! `[slot=post-media-container]`, `a[slot=full-post-link]`); a comment is
//! `<shreddit-comment score=…>` with `[slot=commentMeta]`, `[slot=comment]` and
//! `shreddit-comment-action-row[slot=actionRow]`. Numbers that Reddit renders in the light
//! DOM are `<faceplate-number number=…>` elements (profile karma, search results, community
//! widgets); their text is the only thing in them. `shreddit-app[routename]` names the page
//! (`post_page`, `comment_page`, the profile routes), `#main-content` is the main column.
//!
//! Inside shadow roots: the vote score and comment count of a post are drawn in the open
//! shadow root of `shreddit-post`, the score of a comment in that of
//! `shreddit-comment-action-row`. The server sends them as declarative shadow roots
//! (`<template shadowrootmode="open">`, as in RES-Slim's fixture above); elements created
//! later by script attach theirs with `attachShadow`. Page CSS cannot select into them, and Reddit names no `::part()`
//! for them (extensions that hide them set a `part` attribute themselves first:
//! joelacus/RedditEnhancer, `hidePostKarma`/`hideVoteButtons`, which reach
//! `shadowRoot` → `span:has(> faceplate-number)` and `button[upvote]`/`button[downvote]`).
//! Inside the post's shadow root the score sits in `[data-post-click-location="vote"]`
//! next to the vote buttons, and the comment count in
//! `a[data-post-click-location="comments-button"]`, both as `faceplate-number[pretty]`
//! (off-rkv/social-media-collector `REDDIT_BEST_SELECTORS.md`; scrapers that read
//! `post.shadowRoot.querySelector('[data-post-click-location="comments-button"]
//! faceplate-number')`). These are [`ShadowRule`]s: the content script puts the generated
//! sheet into each host's shadow root (see [`crate::css::shadow_css`]).

use super::{HideStyle::Keep, MetricRule, ProfileRules, ShadowRule, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "reddit",
    name: "Reddit",
    hosts: &["www.reddit.com", "sh.reddit.com", "new.reddit.com"],
    matches: &[
        "https://www.reddit.com/*",
        "https://sh.reddit.com/*",
        "https://new.reddit.com/*",
    ],
    detect: &[],
    metrics: &[
        // A profile's karma (post and comment karma in the profile sidebar); the app root
        // names the route, so karma is told apart from votes without hashed classes.
        MetricRule {
            kind: Reputation,
            selector: "shreddit-app[routename^=\"profile\"] faceplate-number",
            hide: Keep,
        },
        MetricRule {
            kind: Votes,
            selector: "shreddit-app:not([routename^=\"profile\"]) faceplate-number",
            hide: Keep,
        },
    ],
    shadow: &[
        ShadowRule {
            host: "shreddit-post",
            kind: Votes,
            selector: "[data-post-click-location=\"vote\"] faceplate-number",
        },
        ShadowRule {
            host: "shreddit-post",
            kind: Replies,
            selector: "[data-post-click-location=\"comments-button\"] faceplate-number",
        },
        // A comment's action row holds one number, its score, next to the vote buttons.
        ShadowRule {
            host: "shreddit-comment-action-row",
            kind: Votes,
            selector: "faceplate-number",
        },
    ],
    candidates: &[],
    prose: &[
        "[slot=\"title\"]",
        "[slot=\"text-body\"]",
        "[slot=\"comment\"]",
        "shreddit-post-text-body",
    ],
    observe: &["shreddit-app"],
    title_counter: false,
    profile: ProfileRules {
        header: "#main-content h1",
        post: "shreddit-post, shreddit-profile-comment",
        post_text: "[slot=\"text-body\"], [slot=\"comment\"]",
        paths: &["/user/{handle}", "/u/{handle}"],
        not_handles: &[],
        // A post's author is in its credit bar; a profile comment has no author link (it is
        // the owner's), only "Replied to u/bo".
        post_author: "span[slot=\"credit-bar\"] a[href^=\"/user/\"]",
        repost_marker: "",
        permalink: "a[slot=\"full-post-link\"]",
        time: "time[datetime]",
        // A comment answers a post or a comment; the profile does not name whose.
        reply_marker: "shreddit-profile-comment",
        reply_to: "a[href^=\"/user/\"]:not([slot=\"credit-bar\"] a)",
        ..ProfileRules::NONE
    },
    source: "shreddit custom elements: SysAdminDoc/RES-Slim tests/fixtures/shreddit/listing.html and public extensions; see the module header",
};
