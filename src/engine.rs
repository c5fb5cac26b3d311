//! The engine: built once from the settings, then asked for a page plan and for
//! decisions on batches of texts. It keeps no page state, which is what lets the same
//! engine serve a content script in-page or every tab from the service worker.
//!
//! ## Usage
//! ```
//! use sincerely::{Engine, Settings};
//! let engine = Engine::new(Settings::default());
//! let plan = engine.page_plan("https://x.com/Kikobeats");
//! assert_eq!(plan.site.as_deref(), Some("x"));
//! ```
//! A settings change builds a new engine; nothing is mutated in place.

use crate::css;
use crate::profile::{self, RawPost};
use crate::protocol::{
    self, utf16_offset, Answer, Call, Candidate, Decision, PagePlan, ProfileAnswer, ProfilePlan,
    ProtocolError, Request, Response, ShadowPlan, TextEdit, MAX_TEXT_BYTES, PROTOCOL_VERSION,
};
use crate::recognize::{self, MetricKind, TextContext};
use crate::score::{self, Badge, Observation, Post};
use crate::settings::{Display, Settings};
use crate::sites::{self, SiteRules};

/// The decision maker. Cheap to build; immutable once built.
#[derive(Clone, Debug)]
pub struct Engine {
    settings: Settings,
}

impl Engine {
    pub fn new(settings: Settings) -> Engine {
        Engine { settings }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Serves one protocol request. The browser compiles each wasm function the first time
    /// it runs, so each call's work is a function of its own (`#[inline(never)]`): a tab's
    /// first request compiles the code of that call only, not of every call.
    pub fn handle(&self, request: Request) -> Response {
        let answer = if request.v != PROTOCOL_VERSION {
            Answer::Error {
                message: format!(
                    "protocol version {} is not {}; reload the tab",
                    request.v, PROTOCOL_VERSION
                ),
            }
        } else {
            match request.call {
                Call::PagePlan { url } => Answer::PagePlan(self.page_plan(&url)),
                Call::Decide { items } => Answer::Decisions(self.decide(&items)),
                Call::Profile { url, posts, memory } => {
                    match self.profile(&url, &posts, memory.as_ref()) {
                        Some(answer) => Answer::Profile(answer),
                        None => Answer::Error {
                            message: format!("{url} is not a profile page"),
                        },
                    }
                }
            }
        };
        Response {
            v: PROTOCOL_VERSION,
            answer,
        }
    }

    /// Serves one request given as JSON text, with the answer as JSON text: the whole
    /// dispatch that each wasm boundary (src/web/engine, src/web/sync) calls.
    pub fn handle_json(&self, request: &str) -> Result<String, ProtocolError> {
        protocol::write_response(&self.handle(protocol::read_request(request)?))
    }

    /// The site serving `url`: by host, or a Mastodon instance the user enabled.
    fn site_for(&self, url: &str) -> Option<&'static SiteRules> {
        let host = sites::host_of(url).unwrap_or_default().to_ascii_lowercase();
        sites::for_host(&host).or_else(|| {
            self.settings
                .mastodon_hosts
                .iter()
                .any(|known| known.eq_ignore_ascii_case(&host))
                .then(|| sites::by_id("mastodon"))
                .flatten()
        })
    }

    /// What to do on `url`.
    #[inline(never)] // See `handle`: each call's code compiles on its own first use.
    pub fn page_plan(&self, url: &str) -> PagePlan {
        let host = sites::host_of(url).unwrap_or_default().to_ascii_lowercase();
        let site = self.site_for(url);
        let generic = site.is_none()
            && self
                .settings
                .generic_hosts
                .iter()
                .any(|h| h.eq_ignore_ascii_case(&host));
        let inactive = |reason: &str| PagePlan {
            site: site.map(|s| s.id.to_string()),
            active: false,
            reason: Some(reason.to_string()),
            root_tokens: "off".into(),
            ..PagePlan::default()
        };
        if !self.settings.enabled {
            return inactive("disabled");
        }
        if self.settings.paused_on(&host) {
            return inactive("paused");
        }
        let Some(site) = site else {
            if !generic {
                return inactive("no-rules");
            }
            return PagePlan {
                active: true,
                // No sheet of ours reads them on a host without rules.
                root_tokens: String::new(),
                generic: true,
                title_counter: true,
                ..PagePlan::default()
            };
        };
        if !self.settings.site_enabled(site.id) {
            return inactive("site-off");
        }
        let profile = self.profile_plan(site, url);
        PagePlan {
            site: Some(site.id.into()),
            active: true,
            reason: None,
            root_tokens: self.root_tokens(site),
            metrics: crate::selector::merged_list(
                site.metrics
                    .iter()
                    .filter(|rule| self.settings.display(rule.kind) != Display::Show)
                    .map(|rule| rule.selector),
            ),
            shadow: site
                .shadow_hosts()
                .into_iter()
                .map(|host| ShadowPlan {
                    host: host.into(),
                    css: css::shadow_css(site, host),
                    metrics: site
                        .shadow
                        .iter()
                        .filter(|rule| {
                            rule.host == host && self.settings.display(rule.kind) != Display::Show
                        })
                        .map(|rule| rule.selector)
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
            candidates: crate::selector::merged_list(site.candidates.iter().copied()),
            prose: site.prose.join(", "),
            sweep: true,
            sweep_skip: crate::selector::merged_list(
                SWEEP_SKIP
                    .iter()
                    .copied()
                    .chain(site.prose.iter().copied())
                    .chain(site.candidates.iter().copied())
                    .chain(site.metrics.iter().map(|rule| rule.selector))
                    // Inside the shadow roots the rules style, their counts are theirs.
                    .chain(site.shadow.iter().map(|rule| rule.selector)),
            ),
            observe: site.observe.iter().map(|s| s.to_string()).collect(),
            title_counter: site.title_counter,
            generic: false,
            profile,
        }
    }

    /// How to read the profile at `url`, when it is one and the badge is on.
    fn profile_plan(&self, site: &SiteRules, url: &str) -> Option<ProfilePlan> {
        if !self.settings.badge || site.profile.header.is_empty() {
            return None;
        }
        let rules = &site.profile;
        let handle = profile::handle_of_url(rules, url)?;
        Some(ProfilePlan {
            key: profile_key(site, url, &handle),
            handle,
            header: rules.header.into(),
            post: rules.post.into(),
            post_text: rules.post_text.into(),
            post_author: rules.post_author.into(),
            repost_marker: rules.repost_marker.into(),
            permalink: rules.permalink.into(),
            time: rules.time.into(),
            reply_marker: rules.reply_marker.into(),
            reply_to: rules.reply_to.into(),
            memory: self.settings.memory,
            max_posts: score::MAX_SEEN_POSTS,
        })
    }

    /// The badge of the profile at `url` from the posts read there and what was
    /// remembered; `None` when `url` is no profile page of a site with rules.
    #[inline(never)] // See `handle`: each call's code compiles on its own first use.
    pub fn profile(
        &self,
        url: &str,
        raw_posts: &[RawPost],
        memory: Option<&serde_json::Value>,
    ) -> Option<ProfileAnswer> {
        let site = self.site_for(url)?;
        let handle = profile::handle_of_url(&site.profile, url)?;
        // Only as many posts as the observation remembers, the newest (the last): of
        // 400 sent each time, 100 were forgotten at once and counted again next time.
        let newest = &raw_posts[raw_posts.len().saturating_sub(score::MAX_SEEN_POSTS)..];
        let posts = profile::posts_of(&site.profile, &handle, newest);
        let mut memory_error = None;
        let remembered = match memory.filter(|_| self.settings.memory) {
            Some(value) if !value.is_null() => {
                match serde_json::from_value::<Observation>(value.clone()) {
                    Ok(observation) => match observation.validate() {
                        Ok(()) => Some(observation),
                        Err(error) => {
                            memory_error = Some(error.to_string());
                            None
                        }
                    },
                    Err(error) => {
                        memory_error = Some(format!("stored observation unreadable: {error}"));
                        None
                    }
                }
            }
            _ => None,
        };
        let mut observation = remembered.unwrap_or_default();
        observation.add_posts(&posts);
        Some(ProfileAnswer {
            handle,
            badge: score::score_observation(&observation),
            observation: self.settings.memory.then_some(observation),
            memory_error,
        })
    }

    /// The root tokens each host gets under these settings, for the content script to set
    /// before the engine is ready: the worker mirrors this map to `storage.local`, one
    /// read away at `document_start`, so the first paint already follows the settings.
    /// Exact hosts only (each site's hosts, their `www.` form, the Mastodon hosts the user
    /// enabled and the hosts they paused); a host missing here keeps the sheet's
    /// hide-everything default until the page plan arrives, which never shows a number
    /// early. Each host once, in no particular order (a list, not a map: a map's code is
    /// kilobytes of the engine's wasm).
    pub fn early_tokens(&self) -> Vec<(String, String)> {
        let site_hosts = sites::all()
            .iter()
            .flat_map(|site| site.hosts.iter())
            .flat_map(|host| {
                let www = (!host.starts_with("www.")).then(|| format!("www.{host}"));
                std::iter::once(host.to_string()).chain(www)
            });
        let user_hosts = self
            .settings
            .mastodon_hosts
            .iter()
            .chain(&self.settings.paused_hosts);
        let mut tokens: Vec<(String, String)> = Vec::new();
        for host in site_hosts.chain(user_hosts.map(|host| host.to_ascii_lowercase())) {
            let plan = self.page_plan(&format!("https://{host}/"));
            if plan.site.is_some() && !tokens.iter().any(|(known, _)| *known == host) {
                tokens.push((host, plan.root_tokens));
            }
        }
        tokens
    }

    /// The `data-sincerely` tokens for the current settings, on `site`: only the kinds its
    /// sheet hides. The page can read the attribute; restricted so, it tells the page no
    /// more than the visibility of its own numbers already does, and nothing of the
    /// settings for kinds it does not show (those would make one string, the same on every
    /// site, out of the whole settings: a cross-site fingerprint).
    fn root_tokens(&self, site: &SiteRules) -> String {
        let on_site = |kind: MetricKind| {
            site.metrics.iter().any(|rule| rule.kind == kind)
                || site.shadow.iter().any(|rule| rule.kind == kind)
        };
        let mut tokens = Vec::new();
        for kind in MetricKind::ALL.into_iter().filter(|kind| on_site(*kind)) {
            match self.settings.display(kind) {
                Display::Show => tokens.push(format!("show-{}", kind.id())),
                Display::Hover => tokens.push(format!("hover-{}", kind.id())),
                Display::Hide | Display::Coarse => {}
            }
        }
        tokens.join(" ")
    }

    /// Decides a batch of texts; returns only those that change.
    #[inline(never)] // See `handle`: each call's code compiles on its own first use.
    pub fn decide(&self, items: &[Candidate]) -> Vec<Decision> {
        items
            .iter()
            .filter_map(|item| {
                let (rendered, source_byte) = as_rendered(readable_prefix(&item.text));
                let mut found = recognize::find_counts(&rendered, item.context);
                // A bare number the sweep found: its control's label may name the metric.
                match &item.hint {
                    Some(hint) if found.is_empty() && item.context == TextContext::Sweep => {
                        found.extend(recognize::bare_count(&rendered, readable_prefix(hint)));
                    }
                    _ => {}
                }
                let counts: Vec<_> = found
                    .into_iter()
                    .filter(|count| self.settings.display(count.kind) != Display::Show)
                    .collect();
                if counts.is_empty() {
                    return None;
                }
                let mut edits: Vec<TextEdit> = counts
                    .iter()
                    .map(|count| {
                        let (range, text) = match self.settings.display(count.kind) {
                            Display::Coarse => (
                                count.number.clone(),
                                recognize::coarse(count.value).to_string(),
                            ),
                            _ => (count.cut.clone(), String::new()),
                        };
                        TextEdit {
                            start: utf16_offset(&item.text, source_byte[range.start]),
                            end: utf16_offset(&item.text, source_byte[range.end]),
                            text,
                        }
                    })
                    .collect();
                crate::small_sort::insertion_sort_by(&mut edits, |a, b| a.start.cmp(&b.start));
                let mut kinds: Vec<MetricKind> = counts.iter().map(|count| count.kind).collect();
                crate::small_sort::insertion_sort_by(&mut kinds, MetricKind::cmp);
                kinds.dedup();
                Some(Decision {
                    id: item.id,
                    kinds,
                    edits,
                })
            })
            .collect()
    }

    /// The badge for one profile's visible posts.
    pub fn score(&self, posts: &[Post]) -> Badge {
        score::score_posts(posts)
    }
}

/// What the sweep leaves alone on every site: the user's own fields and code, and
/// elements that hold no interface text.
const SWEEP_SKIP: &[&str] = &[
    // The tab title has a reader of its own (`title_counter`).
    "head",
    "textarea",
    "input",
    "select",
    "[contenteditable]",
    "code",
    "pre",
    "kbd",
    "samp",
    "script",
    "style",
    "svg",
];

/// The storage key of a profile's memory: `profile:<site>:<handle>`, and for a site
/// served from any host (Mastodon) `profile:<site>:<host>/<handle>`. On such a site the
/// host is part of who a person is: `a.social/@alice` is not `evil.example/@alice`, and
/// an instance the user added must not write the badge of a namesake elsewhere (nor of
/// `@bob@other.social`, which it may serve with posts of its own choosing).
fn profile_key(site: &SiteRules, url: &str, handle: &str) -> String {
    if site.detect.is_empty() {
        return format!("profile:{}:{handle}", site.id);
    }
    let host = sites::host_of(url).unwrap_or_default().to_ascii_lowercase();
    format!("profile:{}:{host}/{handle}", site.id)
}

/// The part of a candidate's text the engine reads: all of it, or up to the last space
/// before [`MAX_TEXT_BYTES`] (so that no word is cut in two). Edits in the prefix are
/// edits in the whole text.
fn readable_prefix(text: &str) -> &str {
    if text.len() <= MAX_TEXT_BYTES {
        return text;
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = &text[..end];
    prefix
        .rfind(char::is_whitespace)
        .map_or(prefix, |space| &prefix[..space])
}

/// A candidate's text as the page shows it. Text nodes keep the HTML source's line breaks
/// and indentation ("Viewed\n    3,000,367 times"), which the browser renders as one space,
/// while the recognizer reads a line break as the end of a label. So each run of source
/// whitespace that holds a line break or more than one character becomes one space.
/// Returns the text and, for each of its byte offsets (one past the end included), the
/// offset in `text` it came from, so that edits land on the page's own text.
fn as_rendered(text: &str) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let is_source_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C');
    let mut rendered = String::with_capacity(text.len());
    let mut source_byte = Vec::with_capacity(text.len() + 1);
    let mut chars = text.char_indices().peekable();
    let mut changed = false;
    while let Some((at, c)) = chars.next() {
        if is_source_space(c) {
            let mut end = at + 1;
            let mut breaks = c == '\n' || c == '\r';
            while let Some(&(next_at, next)) = chars.peek() {
                if !is_source_space(next) {
                    break;
                }
                breaks |= next == '\n' || next == '\r';
                end = next_at + 1;
                chars.next();
            }
            if breaks || end - at > 1 {
                changed = true;
                rendered.push(' ');
                // The byte after this space maps to the run's end: a cut that takes the
                // space takes the whole run.
                source_byte.push(at);
                continue;
            }
        }
        rendered.push(c);
        source_byte.extend(at..at + c.len_utf8());
    }
    source_byte.push(text.len());
    if !changed {
        return (std::borrow::Cow::Borrowed(text), source_byte);
    }
    (std::borrow::Cow::Owned(rendered), source_byte)
}

#[cfg(test)]
#[path = "../tests/unit/engine.rs"]
mod unit_tests;
