//! X (x.com, formerly twitter.com).
//!
//! Surfaces: home and list timelines, post detail pages, profile headers (followers,
//! following, post count), hover cards, search results, replies, the notification and
//! message badges in the side navigation, and the "(3)" in the tab title.
//!
//! Hooks, learnt from the rendered x.com profile in tests/fixtures/x (Dec 2025) and from
//! the public markup notes of Control Panel for Twitter: every action button carries a
//! `data-testid` (`reply`, `retweet`/`unretweet`, `like`/`unlike`, `bookmark`/
//! `removeBookmark`) and prints its count in `span[data-testid=app-text-transition-container]`;
//! the view count is the same span inside the `…/analytics` link, except on the focal post of
//! a post page (`article[tabindex="-1"]`), which prints "1.2M Views" last in its time row.
//! Profile counts are links to `/following`, `/followers`, `/verified_followers`, whose first
//! span is the number; the hover card (`[data-testid=HoverCard]` in `#layers`) prints the same
//! links (Control Panel for Twitter hides `:is(#layers, body.Profile) a[href$="/following"]`).

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

/// The animated count span inside an action button or link.
macro_rules! count_in {
    ($outer:literal) => {
        concat!($outer, " [data-testid=\"app-text-transition-container\"]")
    };
}

pub const RULES: SiteRules = SiteRules {
    id: "x",
    name: "X",
    hosts: &["x.com", "twitter.com"],
    // The apex hosts alone: www., mobile. and the rest redirect to x.com.
    matches: &["https://x.com/*", "https://twitter.com/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Replies,
            selector: count_in!("[data-testid=\"reply\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: count_in!("[data-testid=\"retweet\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: count_in!("[data-testid=\"unretweet\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: count_in!("[data-testid=\"like\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: count_in!("[data-testid=\"unlike\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Bookmarks,
            selector: count_in!("[data-testid=\"bookmark\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Bookmarks,
            selector: count_in!("[data-testid=\"removeBookmark\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Views,
            selector: count_in!("a[href$=\"/analytics\"]"),
            hide: Keep,
        },
        MetricRule {
            kind: Following,
            selector: "a[href$=\"/following\"] > span:first-child",
            hide: Keep,
        },
        MetricRule {
            kind: Followers,
            selector: "a[href$=\"/followers\"] > span:first-child",
            hide: Keep,
        },
        MetricRule {
            kind: Followers,
            selector: "a[href$=\"/verified_followers\"] > span:first-child",
            hide: Keep,
        },
        // Post detail pages print "12 Quotes" as a link to /quotes.
        MetricRule {
            kind: Reposts,
            selector: "a[href$=\"/quotes\"] > span:first-child",
            hide: Keep,
        },
        // The unread dots on Notifications and Messages in the side navigation.
        MetricRule {
            kind: Unread,
            selector: "[data-testid=\"AppTabBar_Notifications_Link\"] [aria-live=\"polite\"]",
            hide: Remove,
        },
        MetricRule {
            kind: Unread,
            selector: "[data-testid=\"AppTabBar_DirectMessage_Link\"] [aria-live=\"polite\"]",
            hide: Remove,
        },
    ],
    shadow: &[],
    candidates: &[
        // "Liked by ana and 3 others", "12 people reposted".
        "[data-testid=\"socialContext\"]",
        // The "5,432 posts" line under the name in the profile's top bar.
        "[data-testid=\"primaryColumn\"] h2[role=\"heading\"] + div[dir]",
        // "1.2M Views" on a post's own page: the last of the focal post's time row (the time
        // link, a middot, the views), as insin/control-panel-for-twitter hides "Views under
        // the focused tweet". No analytics link there, so the views rule above misses it.
        "article[data-testid=\"tweet\"][tabindex=\"-1\"] div[dir] + div[aria-hidden=\"true\"]:nth-child(2):nth-last-child(2) + div[dir]:last-child",
    ],
    prose: &[
        "[data-testid=\"tweetText\"]",
        "[data-testid=\"UserDescription\"]",
    ],
    observe: &[
        "[data-testid=\"primaryColumn\"]",
        "[data-testid=\"sidebarColumn\"]",
        "nav[role=\"navigation\"]",
        // The portal of hover cards, menus and the media viewer, outside both columns.
        "#layers",
    ],
    title_counter: true,
    profile: ProfileRules {
        header: "[data-testid=\"UserName\"]",
        post: "article[data-testid=\"tweet\"]",
        post_text: "[data-testid=\"tweetText\"]",
        paths: &["/{handle}"],
        // First path segments of x.com that are not accounts.
        not_handles: &[
            "home",
            "explore",
            "notifications",
            "messages",
            "i",
            "settings",
            "search",
            "compose",
            "login",
            "logout",
            "signup",
            "tos",
            "privacy",
            "jobs",
            "lists",
            "bookmarks",
            "hashtag",
            "communities",
            "premium",
            "verified-choose",
            "account",
            "intent",
            "share",
        ],
        // The name block's link is the author's profile; the permalink is the <time>'s link.
        post_author: "[data-testid=\"User-Name\"] a[href^=\"/\"]",
        // A repost shows the original author in the name block, which is enough; the
        // socialContext line also says "Pinned", so it is no repost marker.
        repost_marker: "",
        permalink: "a[href*=\"/status/\"]:has(> time)",
        time: "time[datetime]",
        // A repost shows only the original author's name block.
        others_are_reposts: true,
        ..ProfileRules::NONE
    },
    source: "tests/fixtures/x/x-profile-kikobeats.html; Control Panel for Twitter markup notes",
};
