//! Bluesky (bsky.app, the social-app web client).
//!
//! Surfaces: the home, list and custom feeds, post detail pages (the "12 reposts · 3 quotes ·
//! 240 likes" row), profile headers (followers, following, post count), profile hover cards,
//! search results (the same post and profile cards), reply threads, notifications ("Bo and 12
//! others liked your post"), the unread badges on Notifications and Chat in the side
//! navigation, and the "(3)" in the tab title.
//!
//! Hooks, learnt from the rendered profile in tests/fixtures/bluesky/profile-stephenking and from
//! bluesky-social/social-app (MIT):
//! - `src/view/com/util/post-ctrls/PostCtrls.tsx` and the snapshot: the action bar's
//!   `replyBtn` button prints its count in an unnamed `div[dir=auto]`, the repost and like
//!   counts are `repostCount` and `likeCount`;
//! - `src/screens/PostThread/components/ThreadItemAnchor.tsx`: the expanded stats are
//!   `repostCount-expanded`, `quoteCount-expanded`, `likeCount-expanded` and
//!   `bookmarkCount-expanded`, each a text whose first span is the number;
//! - the profile header (snapshot) and `src/components/ProfileHoverCard/index.web.tsx`: the
//!   counts are links to `/profile/<handle>/followers` and `/follows` whose first span is the
//!   number; the post count is the element right after the follows link;
//! - `src/view/com/notifications/NotificationFeedItem.tsx`: a grouped notification is a link
//!   with testID `feedItem-by-<author>` whose Text, labelled with the same sentence, prints
//!   "Bo and 12 others liked your post" (the count of the others is a like, repost or follow
//!   count, so the recognizer takes it out);
//! - `src/view/shell/desktop/LeftNav.tsx`: the unread count is a text labelled
//!   "<n> unread items" inside the nav link;
//! - `src/lib/strings/headings.ts` (`bskyTitle`): the title starts with "(<n>) " when unread.
//!
//! React Native Web renders hashed `css-…`/`r-…` classes; none is used here.

use super::{HideStyle::Keep, HideStyle::Remove, MetricRule, ProfileRules, SiteRules};
use crate::recognize::MetricKind::*;

pub const RULES: SiteRules = SiteRules {
    id: "bluesky",
    name: "Bluesky",
    hosts: &["bsky.app"],
    // The web app is served from bsky.app alone.
    matches: &["https://bsky.app/*"],
    detect: &[],
    metrics: &[
        MetricRule {
            kind: Replies,
            selector: "[data-testid=\"replyBtn\"] > div[dir=\"auto\"]",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "[data-testid=\"repostCount\"]",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "[data-testid=\"likeCount\"]",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "[data-testid=\"repostCount-expanded\"] > span:first-child",
            hide: Keep,
        },
        MetricRule {
            kind: Reposts,
            selector: "[data-testid=\"quoteCount-expanded\"] > span:first-child",
            hide: Keep,
        },
        MetricRule {
            kind: Likes,
            selector: "[data-testid=\"likeCount-expanded\"] > span:first-child",
            hide: Keep,
        },
        MetricRule {
            kind: Bookmarks,
            selector: "[data-testid=\"bookmarkCount-expanded\"] > span:first-child",
            hide: Keep,
        },
        // The profile header and the hover card print the same links.
        MetricRule {
            kind: Followers,
            selector: "a[href^=\"/profile/\"][href$=\"/followers\"] > span:first-child",
            hide: Keep,
        },
        MetricRule {
            kind: Following,
            selector: "a[href^=\"/profile/\"][href$=\"/follows\"] > span:first-child",
            hide: Keep,
        },
        // "329 posts": the number and the word share one element after the follows link.
        MetricRule {
            kind: Posts,
            selector: "[data-testid=\"profileHeaderFollowsButton\"] + div[dir=\"auto\"]",
            hide: Keep,
        },
        MetricRule {
            kind: Unread,
            selector: "a[href=\"/notifications\"] [aria-label$=\" unread items\"]",
            hide: Remove,
        },
        MetricRule {
            kind: Unread,
            selector: "a[href=\"/messages\"] [aria-label$=\" unread items\"]",
            hide: Remove,
        },
    ],
    shadow: &[],
    candidates: &[
        // A grouped notification's sentence, "Bo and 12 others liked your post · 2h": the
        // Text carrying its accessibility label inside the item's link
        // (src/view/com/notifications/NotificationFeedItem.tsx).
        "a[data-testid^=\"feedItem-by-\"] div[dir=\"auto\"][aria-label]",
    ],
    prose: &[
        "[data-testid=\"postText\"]",
        "[data-testid=\"profileHeaderDescription\"]",
    ],
    observe: &["#root"],
    title_counter: true,
    profile: ProfileRules {
        header: "[data-testid=\"profileHeaderDisplayName\"]",
        post: "[data-testid^=\"feedItem-by-\"]",
        post_text: "[data-testid=\"postText\"]",
        paths: &["/profile/{handle}"],
        not_handles: &[],
        // The first "View profile" link of a feed item is its author's name.
        post_author: "a[href^=\"/profile/\"][aria-label=\"View profile\"]",
        // "Reposted by Stephen King" above a repost (the real snapshot in tests/fixtures).
        repost_marker: "a[aria-label^=\"Reposted by\"]",
        permalink: "a[href*=\"/post/\"][data-tooltip]",
        // The client prints relative times without a datetime attribute.
        time: "",
        // "Replied to Bo" (PostRepliedTo), shown when the parent is not printed above the
        // reply. In the real snapshot its link carries the display name as aria-label, with
        // neither the avatar's and reposter's aria-pressed nor the name links' dir.
        reply_to: "a[href^=\"/profile/\"]:not([aria-pressed]):not([dir]):not([href*=\"/post/\"]):not([data-testid=\"postText\"] a)",
        parent_precedes: true,
        ..ProfileRules::NONE
    },
    source: "tests/fixtures/bluesky/profile-stephenking (Jan 2026 snapshot); bluesky-social/social-app src/",
};
