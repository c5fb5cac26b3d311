//! Site rules: what Sincerely knows about each supported site, as plain data.
//!
//! Each site is one module returning a [`SiteRules`]. The build turns these into the
//! per-site stylesheets that the manifest injects at `document_start`
//! (see [`crate::css`]), and the engine hands the JS-relevant part to the content
//! script in its [`crate::protocol::PagePlan`]. Nothing about a site is written in JS.
//!
//! Prefer stable hooks (`data-testid`, `aria-label` shapes, `href` shapes, custom element
//! names) over hashed class names, and say where each hook was learnt in its `source`.

mod bluesky;
mod facebook;
mod github;
mod hackernews;
mod instagram;
mod linkedin;
mod mastodon;
mod old_reddit;
mod reddit;
mod threads;
mod x;
mod youtube;

use crate::recognize::MetricKind;

/// How a hidden count is hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HideStyle {
    /// `visibility: hidden`: the box stays, so the row does not jump.
    Keep,
    /// `display: none`: for badges and pills whose empty box would look broken.
    Remove,
}

/// One place where a site prints a count of a known kind.
#[derive(Clone, Copy, Debug)]
pub struct MetricRule {
    pub kind: MetricKind,
    /// A CSS selector for the element that holds only the number.
    pub selector: &'static str,
    pub hide: HideStyle,
}

/// A count drawn inside the open shadow root of a custom element, where the page's
/// stylesheet cannot reach (see [`crate::css::shadow_css`]).
///
/// Always hidden by `visibility` (the box stays), like [`HideStyle::Keep`].
#[derive(Clone, Copy, Debug)]
pub struct ShadowRule {
    /// The custom element whose shadow root draws the count (a selector in the page).
    pub host: &'static str,
    pub kind: MetricKind,
    /// A selector, inside the host's shadow root, for the element that holds only the number.
    pub selector: &'static str,
}

/// How to recognise a profile page and read its posts (used by the badge).
///
/// Site modules write `..ProfileRules::NONE` after the fields they set, so a field added
/// here does not break them.
#[derive(Clone, Copy, Debug)]
pub struct ProfileRules {
    /// The element next to which the badge goes (the display-name block).
    pub header: &'static str,
    /// One item in the profile's list of posts.
    pub post: &'static str,
    /// The text of a post, inside `post`.
    pub post_text: &'static str,
    /// URL paths of profile pages, `{handle}` standing for the handle, e.g. `/{handle}`,
    /// `/@{handle}`, `/user?id={handle}`. Anything may follow the handle after a `/`.
    pub paths: &'static [&'static str],
    /// Words that fill `{handle}` in `paths` but are pages of the site ("home", "explore").
    pub not_handles: &'static [&'static str],
    /// Inside a post: the link to its author; the handle comes from its `href` by `paths`.
    pub post_author: &'static str,
    /// Inside a post: present when the profile owner reposted someone else's post.
    pub repost_marker: &'static str,
    /// Inside a post: its permalink, whose `href` identifies the post.
    pub permalink: &'static str,
    /// Inside a post: the element carrying its time in a `datetime` attribute.
    pub time: &'static str,
    /// Inside a post (or the post itself): present when the post is a reply, for sites
    /// that mark replies without naming whom (every Hacker News or Reddit comment).
    pub reply_marker: &'static str,
    /// Inside a post: the link to the account replied to ("Replied to Bo"); the handle
    /// comes from its `href` by `paths`, or from its text when that reads "@name".
    pub reply_to: &'static str,
    /// Whether another person's post on this profile is the owner's repost (X, where a
    /// repost shows only the original author). Elsewhere such posts are context (the post
    /// replied to, or a reply to the owner) and are left out.
    pub others_are_reposts: bool,
    /// Whether an owner's post right after a context post answers it (the Replies tabs of
    /// Bluesky and Threads print the parent above the reply, without a "Reply to" label).
    pub parent_precedes: bool,
}

impl ProfileRules {
    /// No profile support: the badge never shows on this site.
    pub const NONE: ProfileRules = ProfileRules {
        header: "",
        post: "",
        post_text: "",
        paths: &[],
        not_handles: &[],
        post_author: "",
        repost_marker: "",
        permalink: "",
        time: "",
        reply_marker: "",
        reply_to: "",
        others_are_reposts: false,
        parent_precedes: false,
    };
}

/// Everything Sincerely knows about one site.
#[derive(Clone, Copy, Debug)]
pub struct SiteRules {
    /// Stable id: settings key, stylesheet name, CSS attribute value.
    pub id: &'static str,
    /// The name shown to people.
    pub name: &'static str,
    /// Host names this site is served from (exact, or a suffix after a dot).
    pub hosts: &'static [&'static str],
    /// Manifest match patterns for the content script and stylesheet.
    pub matches: &'static [&'static str],
    /// For a site served from any host (no `hosts`): selectors that all match on its
    /// pages and on no ordinary page. The popup runs them in the tab in front of the user
    /// (the generated `detect.js`, see [`detect_script`]) to offer Sincerely there.
    pub detect: &'static [&'static str],
    /// Counts in dedicated elements, hidden by the generated stylesheet.
    pub metrics: &'static [MetricRule],
    /// Counts inside open shadow roots: the content script puts a sheet generated from these
    /// into each host's shadow root, and the page sheet holds the host until it has.
    pub shadow: &'static [ShadowRule],
    /// Containers of short interface text that may print a count among words
    /// ("Liked by ana and 1,203 others"); the recognizer reads and rewrites them.
    /// They are held invisible until decided, so a count never flashes.
    pub candidates: &'static [&'static str],
    /// Post text: never read for metrics, never rewritten, even inside a candidate.
    pub prose: &'static [&'static str],
    /// Where the page adds content; the content script observes these, not `document`.
    pub observe: &'static [&'static str],
    /// Whether the tab title may carry an unread counter ("(3) Home / X").
    pub title_counter: bool,
    pub profile: ProfileRules,
    /// Where the hooks were learnt, for the next engineer.
    pub source: &'static str,
}

impl SiteRules {
    /// The hosts named by [`SiteRules::shadow`], each once, in order.
    pub fn shadow_hosts(&self) -> Vec<&'static str> {
        let mut hosts: Vec<&'static str> = Vec::new();
        for rule in self.shadow {
            if !hosts.contains(&rule.host) {
                hosts.push(rule.host);
            }
        }
        hosts
    }
}

/// Sites whose Content-Security-Policy has no `'wasm-unsafe-eval'` (see tests/e2e/csp.json).
/// Chrome refuses to compile the engine in their content scripts *and* sends the site a
/// CSP violation report about the attempt, so there the content script goes straight to
/// the worker without trying (the Chrome build gives these sites' content-script entry no
/// `engine-bytes.js`). Elsewhere it tries in-page first and falls back.
pub const CSP_REFUSES_WASM: &[&str] = &["x", "github", "hackernews"];

/// Every site with rules, in the order the popup lists them.
pub fn all() -> &'static [SiteRules] {
    static SITES: [SiteRules; 12] = [
        x::RULES,
        bluesky::RULES,
        mastodon::RULES,
        threads::RULES,
        instagram::RULES,
        facebook::RULES,
        linkedin::RULES,
        youtube::RULES,
        reddit::RULES,
        old_reddit::RULES,
        hackernews::RULES,
        github::RULES,
    ];
    &SITES
}

/// The site rules by id.
pub fn by_id(id: &str) -> Option<&'static SiteRules> {
    all().iter().find(|site| site.id == id)
}

/// The site serving `host`, if Sincerely has rules for it.
pub fn for_host(host: &str) -> Option<&'static SiteRules> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    all().iter().find(|site| {
        site.hosts.iter().any(|known| {
            host == *known
                || host
                    .strip_suffix(known)
                    .is_some_and(|prefix| prefix.ends_with('.'))
        })
    })
}

/// The sites recognised by their markup rather than by host.
pub fn detected_by_markup() -> impl Iterator<Item = &'static SiteRules> {
    all().iter().filter(|site| !site.detect.is_empty())
}

/// `extension/generated/detect.js`: the probe the popup injects into the tab in front of
/// the user (activeTab, `scripting.executeScript`). Its value, which the popup reads, is
/// the id of the site whose markup the page shows, or null. It only reads selectors: no
/// text, nothing sent anywhere.
pub fn detect_script() -> String {
    let table: Vec<(&str, &[&str])> = detected_by_markup()
        .map(|site| (site.id, site.detect))
        .collect();
    let table = serde_json::to_string(&table).expect("plain strings");
    format!(
        "/* Generated by `cargo xtask codegen` from the `detect` selectors in src/sites, do not edit by hand. */\n\
         (() => {{\n  \
           const sites = {table};\n  \
           const found = sites.find(([, selectors]) => selectors.every((selector) => document.querySelector(selector)));\n  \
           return found ? found[0] : null;\n\
         }})();\n"
    )
}

/// The host of an http(s) URL, without port or credentials.
pub fn host_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
#[path = "../../tests/unit/sites.rs"]
mod unit_tests;
