//! LinkedIn (www.linkedin.com).
//!
//! Surfaces: the home feed and a member's activity feed (reactions, comments, reposts),
//! post detail pages with comment reactions, profile top cards (followers, connections),
//! company pages ("12,345 followers", "View all 69 employees"), search results, the
//! notification and messaging badges of the global navigation and the "(3)" in the tab
//! title; the logged-out ("guest") article and post pages (reactions, "48 Comments",
//! each comment's "6 Likes"); and Pulse articles before the 2018 redesign (the author
//! card's article count, the article's views, likes and comments).
//!
//! Hooks: LinkedIn's BEM classes, stable for years and used by every public scraper
//! (e.g. the `social-details-social-counts__*` family): a post is
//! `.feed-shared-update-v2`, its text `.update-components-text`; the reaction count is
//! `.social-details-social-counts__reactions-count`; comments and reposts are buttons
//! reading "56 comments" / "12 reposts" in `li.social-details-social-counts__item`; comment
//! reactions are `.comments-comment-social-bar__reactions-count`; the profile top card lists
//! "500+ connections" and "1,234 followers" in `ul` items; company pages print followers
//! in `.org-top-card-summary-info-list__info-item` and employees in links to people search;
//! the navigation badge is `.notification-badge__count`. Today's comments are
//! `article.comments-comment-entity` (text in `.comments-comment-entity__content`) whose bar
//! carries only `--cr` classes (`comments-comment-social-bar__reactions-count--cr`,
//! `__replies-count--cr`: "3 replies"), as public comment scrapers note. People search
//! results are `.entity-result` cards with social proof in `.entity-result__insights` ("Bo
//! and 11 other mutual connections") and a creator's followers in
//! `.reusable-search-simple-insight__text-container`.

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "linkedin",
    name: "LinkedIn",
    hosts: &["linkedin.com"],
    // The apex redirects to www.
    matches: &["https://linkedin.com/*", "https://www.linkedin.com/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Likes,
            selector: ".social-details-social-counts__reactions-count",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: ".comments-comment-social-bar__reactions-count",
            hide: Keep,
        },
        // Today's comment bar carries only the `--cr` variants of its classes.
        MetricRule {
            kind: Likes,
            selector: ".comments-comment-social-bar__reactions-count--cr",
            hide: Keep,
        },
        MetricRule {
            kind: Unread,
            selector: ".notification-badge__count",
            hide: Remove,
        },
        // Logged-out ("guest") pages, server-rendered by content-guest-frontend: the
        // reactions under an article or post are a bare number beside their icons,
        // `<span class="social-counts-reactions__social-counts-numRections">361</span>`
        // (sic; an Aug 2022 snapshot in tests/fixtures/linkedin/pulse-article-2022).
        MetricRule {
            kind: Likes,
            selector: ".social-counts-reactions__social-counts-numRections",
            hide: Keep,
        },
        // A Pulse article's author card before the 2018 redesign: "<span class=count>28</span>
        // articles", the author's output as a number, like a profile's post count (Dec 2016
        // snapshot in tests/fixtures/linkedin/pulse-article-2016).
        MetricRule {
            kind: Posts,
            selector: ".entity-counts .count",
            hide: Keep,
        },
        // The same Pulse's article header, in the stream layout (an Oct 2016 snapshot in
        // tests/fixtures/linkedin/pulse-article-stream-2016): `ul.activity-counts` beside the
        // date, one `li` per kind, "<span class=count>575</span> <span class=label>Likes</span>".
        MetricRule {
            kind: Views,
            selector: ".activity-counts .views .count",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: ".activity-counts .likes .count",
            hide: Keep,
        },
        MetricRule {
            kind: Replies,
            selector: ".activity-counts .comments .count",
            hide: Keep,
        },
    ],
    shadow: &[],
    candidates: &[
        // "56 comments", "12 reposts".
        "li.social-details-social-counts__item:not(.social-details-social-counts__reactions) button > span",
        // Profile top card: "500+ connections", "1,234 followers".
        ".pv-top-card--list > li",
        // The followers line above a member's activity.
        ".pvs-header__optional-link",
        // Company pages: "12,345 followers", "View all 69 employees".
        ".org-top-card-summary-info-list__info-item",
        "a[href*=\"/search/results/people/\"] > span",
        // A comment's "3 replies" (`__replies-count`, today `__replies-count--cr`).
        "[class*=\"comments-comment-social-bar__replies-count\"]",
        // Search results: "Bo and 11 other mutual connections", a creator's "4.5K followers".
        ".entity-result__insights",
        ".reusable-search-simple-insight__text-container",
        // Guest pages: the comments link beside the reactions ("48 Comments") and each
        // comment's "6 Likes".
        ".social-action-counts__social-counts-item:not(.social-counts-reactions__social-counts-item)",
        ".comment__likes-count",
    ],
    prose: &[
        ".update-components-text",
        ".feed-shared-update-v2__description",
        ".comments-comment-item__main-content",
        ".comments-comment-entity__content",
    ],
    observe: &["main", "#global-nav"],
    title_counter: true,
    profile: ProfileRules {
        header: "main h1",
        post: ".feed-shared-update-v2",
        post_text: ".update-components-text",
        paths: &["/in/{handle}"],
        not_handles: &[],
        post_author: ".update-components-actor__meta-link",
        repost_marker: ".update-components-header__text-view",
        permalink: "a[href*=\"/feed/update/\"]",
        time: "",
        ..ProfileRules::NONE
    },
    source: "LinkedIn's BEM classes as used by public scrapers (social-details-social-counts__*); see the module header",
};
