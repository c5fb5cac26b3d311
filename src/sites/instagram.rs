//! Instagram (www.instagram.com).
//!
//! Surfaces: the home feed (like lines and "View all N comments"), post detail pages and
//! their comments ("12 likes" under each comment), profile headers (posts, followers,
//! following), hover cards (the same counts list), search results, the unread badge of
//! Messages, play counts of Reels grids, and the "(3)" in the tab title.
//!
//! Instagram ships hashed atomic classes, so the hooks are links and structure: the profile
//! counts are the `li` items of the list in the profile `header section` ("1,234 posts",
//! "12.3K followers", "321 following"), the follower and following items being links to
//! `/<user>/followers/` and `/<user>/following/`; a post's likes are a link to
//! `/p/<id>/liked_by/` ("1,204 likes", or "Liked by ana and 1,203 others"), the comments link
//! goes to `/p/<id>/comments/`; a post is an `article`, its caption the `h1` of the post page
//! or the `span[dir=auto]` after the author in the feed. In the post view (a page, or the
//! `div[role=dialog]` opened from the feed), comments are `ul` lists whose footers hold
//! buttons "12 likes" and "Reply", replies fold into a button "View replies (3)"
//! (frabcus/instalamb `hideCommentLikeCounts`). Learnt from the markup notes of
//! public Instagram scrapers; the counts print among words, so they are candidates. A reel
//! tile (`a[href*="/reel/"]` in a grid) prints its bare play count in a `span.html-span`
//! next to the view-count icon (Aryaman3012/insta_scrape `src/htmlParser.ts`).

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "instagram",
    name: "Instagram",
    hosts: &["instagram.com"],
    // The apex redirects to www.
    matches: &["https://instagram.com/*", "https://www.instagram.com/*"],
    detect: &[],
    metrics: &[
        // The red number on Messages in the side navigation.
        MetricRule {
            kind: Unread,
            selector: "a[href=\"/direct/inbox/\"] [aria-label$=\"unread messages\"]",
            hide: Remove,
        },
        // A reel tile's play count (profile Reels tab, Reels grids): the `html-span` next to
        // the view-count icon. Tiles sit outside posts; a post's own links (likes, comments)
        // are candidates instead.
        MetricRule {
            kind: Views,
            selector: "a[href*=\"/reel/\"]:not(article a) span.html-span",
            hide: Keep,
        },
    ],
    shadow: &[],
    candidates: &[
        "header section ul > li",
        "article a[href$=\"/liked_by/\"]",
        "article a[href$=\"/comments/\"]",
        // Under each comment of a post view: "12 likes", and "View replies (3)".
        "article ul button",
    ],
    prose: &[
        "article h1",
        "article span[dir=\"auto\"]",
        "header section h1",
    ],
    // The post view opened from the feed is a dialog outside main.
    observe: &["main", "nav", "[role=\"dialog\"]"],
    title_counter: true,
    // A profile page shows its posts as a grid of images whose alt text is generated ("Photo
    // by Ana on …. May be an image of …"); captions and comments are only in the post dialog,
    // at /p/<code>/, which is not a profile. So a profile page has nothing for the badge to
    // read and it says "Not enough to judge"; `post` only reads feed-style articles, should
    // a profile ever print them.
    profile: ProfileRules {
        header: "header section h2",
        post: "article",
        post_text: "h1",
        paths: &["/{handle}"],
        // First path segments of instagram.com that are not accounts.
        not_handles: &[
            "explore",
            "reels",
            "reel",
            "p",
            "direct",
            "accounts",
            "stories",
            "about",
            "legal",
            "developer",
            "tv",
            "challenge",
            "emails",
            "web",
        ],
        post_author: "header a[href^=\"/\"]",
        repost_marker: "",
        permalink: "a[href^=\"/p/\"]",
        time: "time[datetime]",
        ..ProfileRules::NONE
    },
    source:
        "link shapes of the rendered instagram.com markup (public scrapers); see the module header",
};
