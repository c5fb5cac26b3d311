//! GitHub (github.com).
//!
//! Surfaces: profile pages (followers and following, the Stars tab counter, stars and forks
//! of listed repositories), repository pages (the Star, Fork and Watch button counters and
//! the sidebar's "N stars · N watching · N forks"), repository lists in search results,
//! topics, trending and organization pages, stargazer and fork counts on the dashboard.
//!
//! Hooks, learnt from the 2018 profile snapshot in tests/fixtures/github/profile-2018 and
//! from GitHub's current Primer markup as used by public userscripts: profile counts are
//! links with `?tab=followers` / `?tab=following` (the number in `span.text-bold`; in the
//! 2018 design a `span.Counter` inside the tab), the Stars tab carries `span.Counter`; the
//! repository buttons print `#repo-stars-counter-star` / `#repo-stars-counter-unstar`,
//! `#repo-network-counter` and `#repo-notifications-counter` (all `span.Counter`); the
//! sidebar and every repository list link to `/<repo>/stargazers`, `/<repo>/forks` (older:
//! `/network/members`) and `/<repo>/watchers`, with the number in a `strong` in the sidebar
//! and as the link's own text in lists.

use super::{HideStyle::Keep, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "github",
    name: "GitHub",
    hosts: &["github.com"],
    matches: &["https://github.com/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Followers,
            selector: "a[href*=\"tab=followers\"] .text-bold",
            hide: Keep,
        },
        MetricRule {
            kind: Followers,
            selector: "a[href*=\"tab=followers\"] .Counter",
            hide: Keep,
        },
        MetricRule {
            kind: Following,
            selector: "a[href*=\"tab=following\"] .text-bold",
            hide: Keep,
        },
        MetricRule {
            kind: Following,
            selector: "a[href*=\"tab=following\"] .Counter",
            hide: Keep,
        },
        MetricRule {
            kind: Stars,
            selector: "a[href*=\"tab=stars\"] .Counter",
            hide: Keep,
        },
        MetricRule {
            kind: Stars,
            selector: "#repo-stars-counter-star",
            hide: Keep,
        },
        MetricRule {
            kind: Stars,
            selector: "#repo-stars-counter-unstar",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "#repo-network-counter",
            hide: Keep,
        },
        MetricRule {
            kind: Others,
            selector: "#repo-notifications-counter",
            hide: Keep,
        },
        // The sidebar: "<strong>1.2k</strong> stars".
        MetricRule {
            kind: Stars,
            selector: "a[href$=\"/stargazers\"] strong",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "a[href$=\"/forks\"] strong",
            hide: Keep,
        },
        MetricRule {
            kind: Others,
            selector: "a[href$=\"/watchers\"] strong",
            hide: Keep,
        },
        // Repository lists: the link is an icon and the number.
        MetricRule {
            kind: Stars,
            selector: "a[href$=\"/stargazers\"]:not(:has(strong))",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "a[href$=\"/forks\"]:not(:has(strong))",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "a[href$=\"/network/members\"]",
            hide: Keep,
        },
        // The pre-2020 Watch button: its count is the text of `a.social-count` linking to
        // /watchers (2019 snapshot in tests/fixtures/github/repo-2019).
        MetricRule {
            kind: Others,
            selector: "a[href$=\"/watchers\"]:not(:has(strong))",
            hide: Keep,
        },
    ],
    shadow: &[],
    candidates: &[],
    prose: &[
        ".markdown-body",
        ".comment-body",
        ".user-profile-bio",
        "[itemprop=\"description\"]",
    ],
    observe: &["main", ".application-main"],
    title_counter: false,
    profile: ProfileRules {
        header: ".vcard-names",
        // Issue and pull-request comments, when a profile page lists them.
        post: ".timeline-comment",
        post_text: ".comment-body",
        paths: &["/{handle}"],
        // First path segments of github.com that are not accounts.
        not_handles: &[
            "settings",
            "notifications",
            "explore",
            "marketplace",
            "pulls",
            "issues",
            "topics",
            "trending",
            "collections",
            "events",
            "sponsors",
            "login",
            "logout",
            "join",
            "signup",
            "new",
            "organizations",
            "orgs",
            "features",
            "about",
            "pricing",
            "search",
            "codespaces",
            "dashboard",
            "enterprise",
            "team",
            "security",
            "site",
            "apps",
            "readme",
            "stars",
            "watching",
            "copilot",
            "models",
        ],
        post_author: "a.author",
        repost_marker: "",
        permalink: "a.js-timestamp",
        time: "relative-time[datetime]",
        ..ProfileRules::NONE
    },
    source: "tests/fixtures/github/profile-2018 (Apr 2018); github.com Primer markup (?tab= links, Counter spans, repo-*-counter ids)",
};
