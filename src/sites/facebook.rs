//! Facebook (www.facebook.com).
//!
//! Surfaces: the news feed, groups and pages feeds, post permalinks with their comments, the
//! reaction summary of posts and comments, the "56 comments" and "12 shares" buttons,
//! profile and page headers (friends, followers, likes) and the "(3)" in the tab title.
//!
//! Facebook ships hashed atomic classes, so the hooks are ARIA and data attributes, learnt
//! from public scrapers and userscripts: the feed is `div[role=feed]` of
//! `div[role=article][aria-posinset]`; the reaction summary is
//! `span[aria-label="See who reacted to this"]` followed by a `div[role=button]` that holds
//! only the count; comment reactions are a `div[role=button]` labelled
//! "<n> reactions; see who reacted to this"; comments and shares are buttons whose
//! `span[dir=auto]` reads "56 comments"; the post text is `[data-ad-preview=message]`
//! (older builds: `[data-ad-comet-preview=message]`); profile counts are links to
//! `…/followers/`, `…/friends/`, `?sk=followers`, `?sk=friends`. The top bar is
//! `div[role=banner]`; its Notifications and Messenger controls are `[role=button]`s whose
//! `aria-label` starts with their name (scrapers open the panel through
//! `[role="button"][aria-label^="Notifications"]`), the unread count a leaf span inside.

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "facebook",
    name: "Facebook",
    hosts: &["facebook.com"],
    // www. and the apex; m. for phones; web., where some regions redirect.
    matches: &[
        "https://facebook.com/*",
        "https://www.facebook.com/*",
        "https://m.facebook.com/*",
        "https://web.facebook.com/*",
    ],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Likes,
            selector: "[aria-label=\"See who reacted to this\"] + [role=\"button\"]",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "[role=\"button\"][aria-label$=\"see who reacted to this\"]",
            hide: Keep,
        },
        // The red pills on Notifications and Messenger in the top bar: the leaf span only,
        // so a badge drawn as nested spans counts once.
        MetricRule {
            kind: Unread,
            selector: "[role=\"banner\"] [role=\"button\"][aria-label^=\"Notifications\"] span:not(:has(*))",
            hide: Remove,
        },
        MetricRule {
            kind: Unread,
            selector: "[role=\"banner\"] [role=\"button\"][aria-label^=\"Messenger\"] span:not(:has(*))",
            hide: Remove,
        },
    ],
    shadow: &[],
    candidates: &[
        "[role=\"article\"] [role=\"button\"] > span[dir=\"auto\"]",
        "a[href$=\"/followers/\"]",
        "a[href$=\"/friends/\"]",
        "a[href*=\"sk=followers\"]",
        "a[href*=\"sk=friends\"]",
    ],
    prose: &[
        "[data-ad-preview=\"message\"]",
        "[data-ad-comet-preview=\"message\"]",
        "[role=\"article\"] [dir=\"auto\"][style*=\"text-align\"]",
    ],
    observe: &["[role=\"main\"]", "[role=\"banner\"]"],
    title_counter: true,
    profile: ProfileRules {
        header: "[role=\"main\"] h1",
        post: "[role=\"article\"][aria-posinset]",
        post_text: "[data-ad-preview=\"message\"]",
        paths: &["/{handle}", "/profile.php?id={handle}"],
        not_handles: &[
            "home.php",
            "watch",
            "marketplace",
            "groups",
            "gaming",
            "events",
            "friends",
            "notifications",
            "messages",
            "settings",
            "pages",
            "search",
            "stories",
            "reel",
            "photo",
            "photo.php",
            "permalink.php",
            "story.php",
            "login",
            "help",
            "privacy",
            "policies",
            "bookmarks",
            "memories",
            "saved",
        ],
        post_author: "h2 a[href], h3 a[href]",
        repost_marker: "",
        permalink: "a[href*=\"/posts/\"]",
        time: "",
        ..ProfileRules::NONE
    },
    source: "ARIA and data attributes of the rendered facebook.com markup (public scrapers); see the module header",
};
