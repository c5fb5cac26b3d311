//! How sure the badge may be: proportions shrunk toward a neutral prior, Wilson intervals,
//! and the Low / Medium / High band by sample size.

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

/// A proportion with its interval, all shrunk toward the feature's prior.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub point: f64,
    pub low: f64,
    pub high: f64,
}

/// Which end of every interval the model is evaluated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Point,
    /// Good features at their low end, noise at its high end.
    Pessimistic,
    Optimistic,
}

impl Rate {
    /// `successes` out of `trials`, shrunk toward `prior`. With no trials it is the prior
    /// with the widest interval.
    pub fn new(successes: u32, trials: u32, prior: f64) -> Rate {
        let successes = f64::from(successes.min(trials));
        let trials_f = f64::from(trials);
        let shrink = |proportion: f64| {
            (proportion * trials_f + PRIOR_WEIGHT * prior) / (trials_f + PRIOR_WEIGHT)
        };
        if trials == 0 {
            return Rate {
                point: prior,
                low: 0.0,
                high: 1.0,
            };
        }
        let (low, high) = wilson_interval(successes, trials_f);
        Rate {
            point: shrink(successes / trials_f),
            low: shrink(low),
            high: shrink(high),
        }
    }

    /// The value at a bound; `good` says whether more is better.
    pub fn at(&self, bound: Bound, good: bool) -> f64 {
        match (bound, good) {
            (Bound::Point, _) => self.point,
            (Bound::Pessimistic, true) | (Bound::Optimistic, false) => self.low,
            (Bound::Pessimistic, false) | (Bound::Optimistic, true) => self.high,
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
