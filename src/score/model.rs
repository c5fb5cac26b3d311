//! The model proper: from an [`Observation`]'s counts to the four bars, the score and the
//! label. Every weight is here, with the reason it has the value it has.

use super::confidence::{
    wilson_interval, ConfidenceBand, Rate, MIN_ITEMS_FOR_SCORE, MIN_REPLIES_FOR_SCORE,
};
use super::observation::Observation;
use serde::Serialize;

/// Bars are shown from this many posts of the kind they measure.
const MIN_POSTS_FOR_BAR: u32 = 5;

/// The weights of the three good bars in the score. Dialogue weighs most: it needs other
/// people, so it is the hardest to fake.
const DIALOGUE_WEIGHT: f64 = 0.5;
const OPENNESS_WEIGHT: f64 = 0.25;
const SUBSTANCE_WEIGHT: f64 = 0.25;
/// Full noise removes 90 % of the score: even a loud account keeps some credit for talking.
const NOISE_PENALTY: f64 = 0.9;
/// Six in ten posts being replies earns full marks for the reply share.
pub const DIALOGUE_SHARE_TARGET: f64 = 0.6;
/// In a whole history, an account at least half of whose own posts answer other people
/// talks with people, whatever words it does it in (see `talks_with_people`).
const CONVERSING_SHARE: f64 = 0.5;

/// The label: stable kebab-case ids for code, display names for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    /// Replies to many people, asks, acknowledges.
    Conversationalist,
    Balanced,
    /// Mostly posts to an audience and seldom replies.
    Broadcaster,
    /// Sells, baits for engagement or repeats itself.
    Promoter,
    /// Talks to people, but with insults and us-versus-them.
    Combative,
    /// Too few posts or replies to say.
    NotEnoughToJudge,
}

impl Label {
    pub const ALL: [Label; 6] = [
        Label::Conversationalist,
        Label::Balanced,
        Label::Broadcaster,
        Label::Promoter,
        Label::Combative,
        Label::NotEnoughToJudge,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Label::Conversationalist => "conversationalist",
            Label::Balanced => "balanced",
            Label::Broadcaster => "broadcaster",
            Label::Promoter => "promoter",
            Label::Combative => "combative",
            Label::NotEnoughToJudge => "not-enough-to-judge",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            Label::Conversationalist => "Conversationalist",
            Label::Balanced => "Balanced",
            Label::Broadcaster => "Broadcaster",
            Label::Promoter => "Promoter",
            Label::Combative => "Combative",
            Label::NotEnoughToJudge => "Not enough to judge",
        }
    }

    pub fn from_id(id: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|label| label.id() == id)
    }
}

/// The proportions the model reads, each shrunk toward its prior.
#[derive(Clone, Debug)]
pub struct Rates {
    pub reply_share: Rate,
    pub distinct_people: Rate,
    pub follow_up_questions: Rate,
    pub acknowledgements: Rate,
    pub curt_contradictions: Rate,
    pub reasoning: Rate,
    pub first_person: Rate,
    pub compassion: Rate,
    pub bait: Rate,
    pub selling: Rate,
    pub hashtag_stuffing: Rate,
    pub repeats: Rate,
    pub incivility: Rate,
    pub us_versus_them: Rate,
}

impl Rates {
    pub fn of(observation: &Observation) -> Rates {
        let counts = &observation.counts;
        let n_items = counts.items;
        let n_text = counts.text_items;
        Rates {
            // In a whole history reposts are broadcast: the share is of everything the
            // account put out, so one that mostly passes others' posts on talks little.
            reply_share: Rate::new(counts.replies, posts_put_out(observation), 0.3),
            distinct_people: Rate::new(observation.n_people(), counts.replies, 0.5),
            follow_up_questions: Rate::new(counts.follow_up_questions, counts.replies, 0.1),
            acknowledgements: Rate::new(counts.acknowledgements, counts.addressed, 0.15),
            curt_contradictions: Rate::new(counts.curt_contradictions, counts.replies, 0.02),
            reasoning: Rate::new(counts.reasoning, n_text, 0.15),
            first_person: Rate::new(counts.first_person, n_text, 0.3),
            compassion: Rate::new(counts.compassion, n_text, 0.1),
            bait: Rate::new(counts.bait, n_items, 0.02),
            selling: Rate::new(counts.selling, n_items, 0.03),
            hashtag_stuffing: Rate::new(counts.hashtag_stuffed, n_items, 0.02),
            repeats: Rate::new(
                counts.copies + counts.template_repeats,
                n_items + counts.copies,
                0.02,
            ),
            incivility: Rate::new(counts.incivility, n_items, 0.01),
            us_versus_them: Rate::new(counts.us_versus_them, n_items, 0.01),
        }
    }
}

/// Full marks at `target`, linear below.
fn reach(value: f64, target: f64) -> f64 {
    (value / target).clamp(0.0, 1.0)
}

/// A bar's value with its interval, each in 0–1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarRange {
    pub point: f64,
    pub low: f64,
    pub high: f64,
}

/// Everything the badge is built from.
#[derive(Clone, Debug)]
pub struct ModelOutput {
    pub rates: Rates,
    pub dialogue: Option<BarRange>,
    pub openness: Option<BarRange>,
    pub substance: Option<BarRange>,
    /// Higher is worse.
    pub noise: Option<BarRange>,
    /// 0–100 with its interval, when there is enough to judge.
    pub score: Option<BarRange>,
    pub label: Label,
    pub band: ConfidenceBand,
    pub back_and_forth: u32,
}

/// Can Dialogue be judged? Only when replies were visible: a profile page that shows no
/// replies tells nothing about whether its owner replies.
pub fn dialogue_known(observation: &Observation) -> bool {
    let counts = &observation.counts;
    counts.replies >= MIN_REPLIES_FOR_SCORE
        || (observation.history_complete && posts_put_out(observation) >= MIN_ITEMS_FOR_SCORE)
}

/// The posts the score is judged on: the account's own, and in a whole history (an
/// export) also those it passed on, since a history of retweets shows that its owner
/// broadcasts. A page shows a chosen few reposts, so there they are left out.
pub fn posts_put_out(observation: &Observation) -> u32 {
    let counts = &observation.counts;
    if observation.history_complete {
        counts.items + counts.reposts
    } else {
        counts.items
    }
}

fn dialogue_at(observation: &Observation, rates: &Rates, effective_people: f64) -> f64 {
    let share = reach(rates.reply_share.point, DIALOGUE_SHARE_TARGET);
    let breadth = if observation.counts.replies == 0 {
        0.0
    } else {
        0.5 * (1.0 - (-effective_people / 6.0).exp()) + 0.5 * rates.distinct_people.point
    };
    let back_and_forth = 1.0 - (-f64::from(observation.n_back_and_forth()) / 3.0).exp();
    0.55 * share + 0.25 * breadth + 0.2 * back_and_forth
}

fn openness_at(rates: &Rates) -> f64 {
    let questions = reach(rates.follow_up_questions.point, 0.3);
    let acknowledgement = reach(rates.acknowledgements.point, 0.35);
    // A small penalty: disagreement is healthy, a one-word "Wrong." is not an argument.
    let curt = 0.4 * reach(rates.curt_contradictions.point, 0.25);
    (0.5 * questions + 0.5 * acknowledgement - curt).clamp(0.0, 1.0)
}

fn substance_at(observation: &Observation, rates: &Rates) -> f64 {
    let counts = &observation.counts;
    let mean_words = counts.capped_words as f64 / f64::from(counts.text_items.max(1));
    // Twenty-five words are enough to say something; more earns nothing.
    let length = reach(mean_words, 25.0);
    0.35 * reach(rates.reasoning.point, 0.35)
        + 0.15 * reach(rates.first_person.point, 0.5)
        + 0.25 * reach(rates.compassion.point, 0.25)
        + 0.25 * length
}

/// Returns (selling noise, hostile noise), before clamping.
fn noise_parts(rates: &Rates) -> (f64, f64) {
    let selling = 1.5 * rates.bait.point
        + 1.2 * rates.selling.point
        + 0.8 * rates.hashtag_stuffing.point
        + 1.0 * rates.repeats.point;
    let hostile = 2.0 * rates.incivility.point
        + 1.5 * rates.us_versus_them.point
        + 0.5 * rates.curt_contradictions.point;
    (selling, hostile)
}

/// A bar's range: its value read as a proportion of the posts it was measured on, with
/// that proportion's Wilson interval. (Evaluating every feature at its own interval's end
/// at once would be far too pessimistic: seven noise features all at their upper bound
/// is not a plausible account.)
fn bar_range(point: f64, trials: u32) -> BarRange {
    let (low, high) = wilson_interval(point * f64::from(trials), f64::from(trials.max(1)));
    BarRange {
        point,
        low: low.min(point),
        high: high.max(point),
    }
}

/// The score from the four bars (each 0–1; noise higher is worse).
fn score_of(dialogue: f64, openness: Option<f64>, substance: Option<f64>, noise: f64) -> f64 {
    let mut weighted = DIALOGUE_WEIGHT * dialogue;
    let mut total_weight = DIALOGUE_WEIGHT;
    if let Some(openness) = openness {
        weighted += OPENNESS_WEIGHT * openness;
        total_weight += OPENNESS_WEIGHT;
    }
    if let Some(substance) = substance {
        weighted += SUBSTANCE_WEIGHT * substance;
        total_weight += SUBSTANCE_WEIGHT;
    }
    100.0 * (weighted / total_weight) * (1.0 - NOISE_PENALTY * noise)
}

/// Are the word lists able to read this account? Openness and Substance & warmth are
/// read from phrase lists (en, es, de, fr, pt, ja); most posts in another script would
/// read as "asks nothing, thanks no one, gives no reasons", which is not what was said
/// but what the lists cannot see. Those bars are then unknown, not low.
pub fn words_readable(observation: &Observation) -> bool {
    let counts = &observation.counts;
    counts.unread_text_items * 2 <= counts.text_items
}

/// The structural half of the Conversationalist's definition: in a whole history (an
/// export), at least half of what the account wrote itself (reposts aside) is replies to
/// other people. Openness and Substance read words from lists, and people who answer
/// many others in plain statements ("It's valid criticism", an account number for the
/// help desk, a two-word "srry 🫂") ask and thank in none of them; the score then stays
/// under the Conversationalist's bar although the reply structure, which needs other
/// people and is hard to fake, says they converse. On a page the share only says which
/// tab was open, so there it is not read.
fn talks_with_people(observation: &Observation) -> bool {
    let counts = &observation.counts;
    observation.history_complete
        && counts.items > 0
        && f64::from(counts.replies) >= CONVERSING_SHARE * f64::from(counts.items)
}

/// Runs the model.
pub fn run(observation: &Observation) -> ModelOutput {
    let counts = &observation.counts;
    let rates = Rates::of(observation);
    let effective_people = observation.effective_people();
    let n_put_out = posts_put_out(observation);
    let dialogue = dialogue_known(observation).then(|| {
        bar_range(
            dialogue_at(observation, &rates, effective_people),
            counts.items,
        )
    });
    let readable = words_readable(observation);
    let openness = (readable && counts.addressed >= MIN_POSTS_FOR_BAR)
        .then(|| bar_range(openness_at(&rates), counts.addressed));
    let substance = (readable && counts.text_items >= MIN_POSTS_FOR_BAR)
        .then(|| bar_range(substance_at(observation, &rates), counts.text_items));
    let (selling_noise, hostile_noise) = noise_parts(&rates);
    // Noise is measured on the account's own words; with fewer than a bar's worth it is
    // not shown, but the score still weighs it at its prior-shrunk value.
    let noise_measured = bar_range(
        (selling_noise + hostile_noise).clamp(0.0, 1.0),
        counts.items,
    );
    let noise = (counts.items >= MIN_POSTS_FOR_BAR).then_some(noise_measured);

    let scorable = n_put_out >= MIN_ITEMS_FOR_SCORE && dialogue.is_some();
    let band = if scorable {
        ConfidenceBand::for_items(n_put_out)
    } else {
        ConfidenceBand::None
    };
    let score = match (scorable, dialogue) {
        (true, Some(dialogue)) => Some(BarRange {
            point: score_of(
                dialogue.point,
                openness.map(|bar| bar.point),
                substance.map(|bar| bar.point),
                noise_measured.point,
            ),
            low: score_of(
                dialogue.low,
                openness.map(|bar| bar.low),
                substance.map(|bar| bar.low),
                noise_measured.high,
            ),
            high: score_of(
                dialogue.high,
                openness.map(|bar| bar.high),
                substance.map(|bar| bar.high),
                noise_measured.low,
            ),
        }),
        _ => None,
    };

    let label = match (score, dialogue) {
        (Some(score), Some(dialogue)) => {
            if selling_noise >= 0.35 && selling_noise >= hostile_noise {
                Label::Promoter
            } else if hostile_noise >= 0.3 {
                Label::Combative
            } else if dialogue.point >= 0.6
                && (score.point >= 55.0 || talks_with_people(observation))
            {
                Label::Conversationalist
            } else if dialogue.point < 0.4 {
                Label::Broadcaster
            } else {
                Label::Balanced
            }
        }
        _ => Label::NotEnoughToJudge,
    };

    ModelOutput {
        rates,
        dialogue,
        openness,
        substance,
        noise,
        score,
        label,
        band,
        back_and_forth: observation.n_back_and_forth(),
    }
}
