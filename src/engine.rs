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

use crate::protocol::{
    utf16_offset, Answer, Call, Candidate, Decision, PagePlan, ProfilePlan, Request, Response,
    TextEdit, PROTOCOL_VERSION,
};
use crate::recognize::{self, MetricKind};
use crate::score::{self, Badge, Post};
use crate::settings::{Display, Settings};
use crate::sites;

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

    /// Serves one protocol request.
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
                Call::Score { posts } => Answer::Badge(self.score(&posts)),
            }
        };
        Response {
            v: PROTOCOL_VERSION,
            answer,
        }
    }

    /// What to do on `url`.
    pub fn page_plan(&self, url: &str) -> PagePlan {
        let host = sites::host_of(url).unwrap_or_default().to_ascii_lowercase();
        let site = sites::for_host(&host).or_else(|| {
            self.settings
                .mastodon_hosts
                .iter()
                .any(|known| known.eq_ignore_ascii_case(&host))
                .then(|| sites::by_id("mastodon"))
                .flatten()
        });
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
                root_tokens: self.root_tokens(),
                generic: true,
                title_counter: true,
                ..PagePlan::default()
            };
        };
        if !self.settings.site_enabled(site.id) {
            return inactive("site-off");
        }
        let profile =
            (self.settings.badge && !site.profile.header.is_empty()).then(|| ProfilePlan {
                header: site.profile.header.into(),
                post: site.profile.post.into(),
                post_text: site.profile.post_text.into(),
            });
        PagePlan {
            site: Some(site.id.into()),
            active: true,
            reason: None,
            root_tokens: self.root_tokens(),
            metrics: site
                .metrics
                .iter()
                .filter(|rule| self.settings.display(rule.kind) != Display::Show)
                .map(|rule| rule.selector)
                .collect::<Vec<_>>()
                .join(", "),
            candidates: site.candidates.join(", "),
            prose: site.prose.join(", "),
            observe: site.observe.iter().map(|s| s.to_string()).collect(),
            title_counter: site.title_counter,
            generic: false,
            profile,
        }
    }

    /// The `data-sincerely` tokens for the current settings.
    fn root_tokens(&self) -> String {
        let mut tokens = Vec::new();
        for kind in MetricKind::ALL {
            match self.settings.display(kind) {
                Display::Show => tokens.push(format!("show-{}", kind.id())),
                Display::Hover => tokens.push(format!("hover-{}", kind.id())),
                Display::Hide | Display::Coarse => {}
            }
        }
        tokens.join(" ")
    }

    /// Decides a batch of texts; returns only those that change.
    pub fn decide(&self, items: &[Candidate]) -> Vec<Decision> {
        items
            .iter()
            .filter_map(|item| {
                let counts: Vec<_> = recognize::find_counts(&item.text, item.context)
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
                            start: utf16_offset(&item.text, range.start),
                            end: utf16_offset(&item.text, range.end),
                            text,
                        }
                    })
                    .collect();
                edits.sort_by_key(|edit| edit.start);
                let mut kinds: Vec<MetricKind> = counts.iter().map(|count| count.kind).collect();
                kinds.sort();
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

#[cfg(test)]
#[path = "../tests/unit/engine.rs"]
mod unit_tests;
