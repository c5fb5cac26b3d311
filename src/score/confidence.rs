//! How sure the badge may be: proportions shrunk toward a neutral prior, Wilson intervals
//! for the bars, and the Low / Medium / High band by sample size.

use serde::Serialize;

/// Items below which no score is given.
pub const MIN_ITEMS_FOR_SCORE: u32 = 10;
/// Replies below which no score is given, unless the history is complete (an export).
pub const MIN_REPLIES_FOR_SCORE: u32 = 5;
pub const MEDIUM_FROM_ITEMS: u32 = 30;
pub const HIGH_FROM_ITEMS: u32 = 100;
/// Pseudo-observations of the prior: a proportion from 4 posts moves halfway to the data.
const PRIOR_WEIGHT: f64 = 4.0;
/// 95 % two-sided.
const WILSON_Z: f64 = 1.96;

/// A proportion shrunk toward the feature's prior: with few posts it stays near the
/// prior, with many it is the observed share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub point: f64,
}

impl Rate {
    /// `successes` out of `trials`, shrunk toward `prior`; with no trials, the prior.
    pub fn new(successes: u32, trials: u32, prior: f64) -> Rate {
        let successes = f64::from(successes.min(trials));
        let trials = f64::from(trials);
        Rate {
            point: (successes + PRIOR_WEIGHT * prior) / (trials + PRIOR_WEIGHT),
        }
    }
}

/// The Wilson score interval for `successes` out of `trials` (trials > 0).
pub fn wilson_interval(successes: f64, trials: f64) -> (f64, f64) {
    let proportion = successes / trials;
    let z_squared = WILSON_Z * WILSON_Z;
    let denominator = 1.0 + z_squared / trials;
    let centre = (proportion + z_squared / (2.0 * trials)) / denominator;
    let half_width = WILSON_Z
        * (proportion * (1.0 - proportion) / trials + z_squared / (4.0 * trials * trials)).sqrt()
        / denominator;
    (
        (centre - half_width).max(0.0),
        (centre + half_width).min(1.0),
    )
}

/// The confidence band shown next to the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConfidenceBand {
    /// Too little to judge: no score.
    None,
    Low,
    Medium,
    High,
}

impl ConfidenceBand {
    pub fn for_items(n_items: u32) -> ConfidenceBand {
        match n_items {
            n if n >= HIGH_FROM_ITEMS => ConfidenceBand::High,
            n if n >= MEDIUM_FROM_ITEMS => ConfidenceBand::Medium,
            n if n >= MIN_ITEMS_FOR_SCORE => ConfidenceBand::Low,
            _ => ConfidenceBand::None,
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            ConfidenceBand::None => "None",
            ConfidenceBand::Low => "Low",
            ConfidenceBand::Medium => "Medium",
            ConfidenceBand::High => "High",
        }
    }
}
