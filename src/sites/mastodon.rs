//! Mastodon (any instance, enabled per instance from the popup).
//!
//! Surfaces: home, local and federated timelines, lists, hashtag and search results, the
//! detailed status of a thread (boosts and favourites), profile headers (posts, following,
//! followers, in both the legacy and the redesigned header), profile hover cards, the
//! notification and follow-request badges in the navigation, and the "(3)" in the tab title.
//!
//! Hooks, learnt from mastodon/mastodon (AGPL-3.0) `app/javascript/mastodon/`:
//! - `components/status_action_bar` and `components/icon_button`: each action is an
//!   `IconButton` with an icon `svg.icon-<id>` (`reply`, `retweet`, `star`) and its count in
//!   `span.icon-button__counter` (an `AnimatedNumber`);
//! - `features/status/components/detailed_status`: `a.detailed-status__link` holding
//!   `span.detailed-status__reblogs` / `span.detailed-status__favorites` with the number, then
//!   the word;
//! - `features/account_timeline/components/account_header` and its `number_fields`: the
//!   counts are links inside `.account__header__extra__links`, to `/@acct`, `/@acct/following`
//!   and `/@acct/followers`, with the number in a `<strong>` (both designs);
//! - `components/hover_card_account`: `.hover-card__numbers` renders the followers counter
//!   (number in `<strong>`);
//! - `components/icon_with_badge` and `column_link`: `.icon-with-badge__badge` and
//!   `.column-link__badge` hold the unread and follow-request counts;
//! - the document title is prefixed with the unread count ("(3) Home").
//!
//! Mastodon runs on thousands of hosts. The largest, mastodon.social, is built in like any
//! other site (its host permission and content scripts in the manifest), so Sincerely works
//! there out of the box. Every other instance the user enables from the popup (optional
//! host permission, dynamic registration) and the engine finds these rules through
//! `Settings::mastodon_hosts`; `detect` is how the popup knows an instance by its markup.

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "mastodon",
    name: "Mastodon",
    hosts: &["mastodon.social"],
    matches: &["https://mastodon.social/*"],
    // The web app's root and its initial state, rendered by every instance
    // (app/views/shared/_web_app.html.haml: `.app-holder#mastodon{ data: { props } }`;
    // app/helpers/application_helper.rb `render_initial_state`:
    // `<script id="initial-state" type="application/json">`).
    detect: &[
        "#mastodon[data-props]",
        "script#initial-state[type=\"application/json\"]",
    ],
    metrics: &[
        MetricRule {
            kind: Replies,
            selector: ".status__action-bar button:has(.icon-reply) .icon-button__counter",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: ".status__action-bar button:has(.icon-retweet) .icon-button__counter",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: ".status__action-bar button:has(.icon-star) .icon-button__counter",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: ".detailed-status__reblogs",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: ".detailed-status__favorites",
            hide: Keep,
        },
        MetricRule {
            kind: Posts,
            selector: ".account__header__extra__links a:not([href$=\"/following\"]):not([href$=\"/followers\"]) strong",
            hide: Keep,
        },
        MetricRule {
            kind: Following,
            selector: ".account__header__extra__links a[href$=\"/following\"] strong",
            hide: Keep,
        },
        MetricRule {
            kind: Followers,
            selector: ".account__header__extra__links a[href$=\"/followers\"] strong",
            hide: Keep,
        },
        MetricRule {
            kind: Followers,
            selector: ".hover-card__numbers strong",
            hide: Keep,
        },
        MetricRule {
            kind: Unread,
            selector: ".icon-with-badge__badge",
            hide: Remove,
        },
        MetricRule {
            kind: Unread,
            selector: ".column-link__badge",
            hide: Remove,
        },
    ],
    shadow: &[],
    candidates: &[],
    prose: &[
        ".status__content",
        ".account__header__content",
        ".account__header__fields",
    ],
    observe: &["#mastodon"],
    title_counter: true,
    profile: ProfileRules {
        header: ".account__header__tabs__name",
        post: ".status__wrapper",
        post_text: ".status__content",
        paths: &["/@{handle}"],
        not_handles: &[],
        // The name in the status header; the prepend line above it links a name too.
        post_author: ".status__info a.status__display-name",
        // "Ana boosted" and "Replied to Bo" share the prepend line; its icon tells them apart
        // (components/status.jsx, status_thread_label.jsx, Mastodon 4.3).
        repost_marker: ".status__prepend .icon-retweet",
        permalink: "a.status__relative-time",
        time: "time[datetime]",
        // `.status.status-reply` marks every reply; the thread label names whom.
        reply_marker: ".status-reply",
        // StatusThreadLabel's link ("Replied to <name>") is a LinkedDisplayName: a plain
        // link to /@acct, without the boost line's status__display-name class.
        reply_to: ".status__prepend:has(.icon-reply) a[href]",
        ..ProfileRules::NONE
    },
    source: "mastodon/mastodon app/javascript/mastodon/ (components/status_action_bar, features/status/components/detailed_status, features/account_timeline/components/account_header)",
};
