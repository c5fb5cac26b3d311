//! YouTube (www.youtube.com, m.youtube.com).
//!
//! Surfaces: the home and subscriptions grids, search results and the watch page's
//! recommendations (view counts in each item's metadata line), the watch page (views, likes,
//! the comment count, comment likes, the channel's subscriber count), channel pages (the
//! header's subscriber and video counts), channels in search results (subscribers), Shorts
//! (like and comment counts, the comments panel's count), the notification
//! badge of the top bar and the "(3)" in the tab title.
//!
//! Hooks: YouTube's custom elements (Polymer `ytd-*` and the newer view models), learnt from
//! public userscripts and extensions that restyle YouTube (e.g. the "hide view counts"
//! family): `#owner-sub-count` (watch page subscribers), `#subscriber-count` (legacy
//! channel header), `like-button-view-model` with the count in
//! `.yt-spec-button-shape-next__button-text-content`, `#vote-count-middle` (comment likes),
//! `ytd-comments-header-renderer .count-text` whose first span is the number,
//! `ytd-watch-info-text #info` and `ytd-video-view-count-renderer` ("14,748,479 views" among a
//! date), `#metadata-line` and `yt-content-metadata-view-model` ("1.2M views • 3 days ago",
//! "@handle • 1.2M subscribers • 345 videos"), `ytd-channel-renderer #video-count` (a channel
//! in search results: "1.2M subscribers" sits in the field named for videos),
//! `.yt-spec-icon-badge-shape__badge` (the notification count). Shorts (stefin0/YouHider
//! constants.js): `ytd-reel-video-renderer` with `#like-button` and `#comments-button`, the
//! count in `span.yt-core-attributed-string--word-wrapping`; the comments panel's count is
//! `ytd-engagement-panel-title-header-renderer #contextual-info`. Texts that mix counts with
//! dates are candidates; the recognizer keeps the dates.

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "youtube",
    name: "YouTube",
    hosts: &["www.youtube.com", "m.youtube.com"],
    matches: &["https://www.youtube.com/*", "https://m.youtube.com/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Subscribers,
            selector: "#owner-sub-count",
            hide: Keep,
        },
        MetricRule {
            kind: Subscribers,
            selector: "#subscriber-count",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "like-button-view-model .yt-spec-button-shape-next__button-text-content",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "#vote-count-middle",
            hide: Keep,
        },
        MetricRule {
            kind: Replies,
            selector: "ytd-comments-header-renderer .count-text > span:first-child",
            hide: Keep,
        },
        // Shorts: the like and comment counts under each button's icon, and the count next
        // to "Comments" in the comments panel (watch page and Shorts).
        MetricRule {
            kind: Likes,
            selector:
                "ytd-reel-video-renderer #like-button .yt-core-attributed-string--word-wrapping",
            hide: Keep,
        },
        MetricRule {
            kind: Replies,
            selector:
                "ytd-reel-video-renderer #comments-button .yt-core-attributed-string--word-wrapping",
            hide: Keep,
        },
        MetricRule {
            kind: Replies,
            selector: "ytd-engagement-panel-title-header-renderer #contextual-info",
            hide: Keep,
        },
        MetricRule {
            kind: Unread,
            selector: "ytd-notification-topbar-button-renderer .yt-spec-icon-badge-shape__badge",
            hide: Remove,
        },
        // The design before Polymer (watch7/watch8, server-rendered until 2017 and served
        // to old browsers after; Dec 2016 snapshot in tests/fixtures/youtube/watch-2016):
        // the subscribe button's long and short counts, the like and dislike buttons' bare
        // numbers (not the "Sign in" button of their click cards), the view line, and each
        // recommendation's "1,484 views".
        MetricRule {
            kind: Subscribers,
            selector: ".yt-subscriber-count",
            hide: Keep,
        },
        MetricRule {
            kind: Subscribers,
            selector: ".yt-short-subscriber-count",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "button.like-button-renderer-like-button > .yt-uix-button-content",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "button.like-button-renderer-dislike-button > .yt-uix-button-content",
            hide: Keep,
        },
        MetricRule {
            kind: Views,
            selector: ".watch-view-count",
            hide: Keep,
        },
        MetricRule {
            kind: Views,
            selector: ".stat.view-count",
            hide: Keep,
        },
    ],
    shadow: &[],
    candidates: &[
        "ytd-watch-info-text #info",
        "ytd-video-view-count-renderer",
        // One item at a time ("1.2M views", "3 days ago"): the spans touch, so the whole line
        // would read "1.2M views3 days ago".
        "#metadata-line > span",
        // A channel in search results prints its subscribers in #video-count (its handle in
        // #subscribers); older layouts the other way round.
        "ytd-channel-renderer #video-count",
        "ytd-channel-renderer #subscribers",
        // One metadata row at a time: the rows are sibling divs without spaces between them,
        // so the whole model would read "Kitchen Physics1.2M views".
        "yt-content-metadata-view-model > div",
        // "4 replies" under a comment.
        "#more-replies button > span",
    ],
    prose: &[
        "#content-text",
        "#description-inline-expander",
        "#video-title",
        "ytd-watch-metadata h1",
    ],
    observe: &["ytd-app", "ytm-app"],
    title_counter: true,
    profile: ProfileRules {
        header: "yt-page-header-renderer h1",
        // Community posts on the channel's Posts tab.
        post: "ytd-backstage-post-thread-renderer",
        post_text: "#content-text",
        paths: &["/@{handle}"],
        not_handles: &[],
        post_author: "#author-text",
        repost_marker: "",
        permalink: "#published-time-text a",
        time: "",
        ..ProfileRules::NONE
    },
    source: "YouTube custom elements and ids as used by public userscripts; see the module header",
};
