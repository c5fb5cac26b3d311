//! Presets: the few metric choices most people want, one click each in the popup and on
//! the options page. A preset sets the display of every kind and nothing else (the
//! master switch, pauses, sites and the badge stay as they are); the options page's grid
//! edits one kind at a time from there.

use super::{Display, Settings};
use crate::recognize::MetricKind;

/// One preset. Its id names its button (`preset-<id>`) and its message (`preset_<id>`
/// with `_` for `-`, in every `_locales`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Every number hidden: the default.
    HideAll,
    /// Everything hidden but reply counts, which say whether there is a conversation
    /// to read rather than how popular a post is.
    KeepReplies,
    /// Reactions to posts hidden (likes, reposts, replies, views, votes…); the counts
    /// on profiles shown (followers, subscribers, stars…), which help to tell who is
    /// speaking.
    KeepProfileCounts,
    /// Every number rounded to 0 / 1 / 1+: whether anyone reacted, not how many.
    Rough,
}

/// The kinds [`Preset::KeepProfileCounts`] shows: what a profile or a repository
/// says about its owner, not about one post.
const PROFILE_KINDS: [MetricKind; 7] = [
    MetricKind::Followers,
    MetricKind::Following,
    MetricKind::Subscribers,
    MetricKind::Connections,
    MetricKind::Posts,
    MetricKind::Stars,
    MetricKind::Reputation,
];

impl Preset {
    /// In the order the popup lists them.
    pub const ALL: [Preset; 4] = [
        Preset::HideAll,
        Preset::KeepReplies,
        Preset::KeepProfileCounts,
        Preset::Rough,
    ];

    /// The stable id of the button and the message.
    pub fn id(self) -> &'static str {
        match self {
            Preset::HideAll => "hide-all",
            Preset::KeepReplies => "keep-replies",
            Preset::KeepProfileCounts => "keep-profile-counts",
            Preset::Rough => "rough",
        }
    }

    /// The preset with this id.
    pub fn from_id(id: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| preset.id() == id)
    }

    /// How this preset shows `kind`.
    pub fn display(self, kind: MetricKind) -> Display {
        match self {
            Preset::HideAll => Display::Hide,
            Preset::KeepReplies if kind == MetricKind::Replies => Display::Show,
            Preset::KeepReplies => Display::Hide,
            Preset::KeepProfileCounts if PROFILE_KINDS.contains(&kind) => Display::Show,
            Preset::KeepProfileCounts => Display::Hide,
            Preset::Rough => Display::Coarse,
        }
    }
}

impl Settings {
    /// Sets every kind's display as `preset` says; nothing else changes.
    pub fn apply_preset(&mut self, preset: Preset) {
        for kind in MetricKind::ALL {
            self.metrics.insert(kind, preset.display(kind));
        }
    }

    /// The preset these settings show the numbers as, if any (a missing kind counts as
    /// hidden, as everywhere): the popup marks its button pressed.
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| {
            MetricKind::ALL
                .into_iter()
                .all(|kind| self.display(kind) == preset.display(kind))
        })
    }
}

#[cfg(test)]
#[path = "../../tests/unit/preset.rs"]
mod unit_tests;
