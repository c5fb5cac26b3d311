//! The model proper: from an [`Observation`]'s counts to the four bars, the score and the
//! label. Every weight is here, in [`Weights::MODEL`], with the reason it has the value it
//! has. Each bar is a sum of [`Term`]s, weight × feature; the reasons under the badge
//! read those same contributions ([`ModelOutput::points`]), so they follow any change
//! of weight.

use super::confidence::{
    wilson_interval, ConfidenceBand, Rate, MIN_ITEMS_FOR_SCORE, MIN_REPLIES_FOR_SCORE,
};
use super::observation::Observation;
use serde::Serialize;

/// Bars are shown from this many posts of the kind they measure.
const MIN_POSTS_FOR_BAR: u32 = 5;

/// One term of the model: a feature read from the counts (each 0–1, see [`features`])
/// and the bar it counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    // Dialogue.
    ReplyShare,
    Breadth,
    BackAndForth,
    // Openness.
    FollowUpQuestions,
    Acknowledgements,
    /// Subtracted: a curt "Wrong." closes a conversation.
    CurtPenalty,
    // Substance & warmth.
    Reasoning,
    FirstPerson,
    Compassion,
    Length,
    // Noise, selling half.
    Bait,
    Selling,
    HashtagStuffing,
    Repeats,
    // Noise, hostile half.
    Incivility,
    UsVersusThem,
    CurtContradictions,
}

pub const N_TERMS: usize = 17;

/// The bar, or half of Noise, a [`Term`] counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Dialogue,
    Openness,
    Substance,
    SellingNoise,
    HostileNoise,
}

impl Term {
    pub const ALL: [Term; N_TERMS] = [
        Term::ReplyShare,
        Term::Breadth,
        Term::BackAndForth,
        Term::FollowUpQuestions,
        Term::Acknowledgements,
        Term::CurtPenalty,
        Term::Reasoning,
        Term::FirstPerson,
        Term::Compassion,
        Term::Length,
        Term::Bait,
        Term::Selling,
        Term::HashtagStuffing,
        Term::Repeats,
        Term::Incivility,
        Term::UsVersusThem,
        Term::CurtContradictions,
    ];

    pub fn part(self) -> Part {
        match self {
            Term::ReplyShare | Term::Breadth | Term::BackAndForth => Part::Dialogue,
            Term::FollowUpQuestions | Term::Acknowledgements | Term::CurtPenalty => Part::Openness,
            Term::Reasoning | Term::FirstPerson | Term::Compassion | Term::Length => {
                Part::Substance
            }
            Term::Bait | Term::Selling | Term::HashtagStuffing | Term::Repeats => {
                Part::SellingNoise
            }
            Term::Incivility | Term::UsVersusThem | Term::CurtContradictions => Part::HostileNoise,
        }
    }
}

/// Every weight of the model. The badge uses [`Weights::MODEL`]; tests run the model with
/// others ([`run_with`]) to check that what is built on the weights follows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    /// The weights of the three good bars in the score.
    pub dialogue: f64,
    pub openness: f64,
    pub substance: f64,
    /// The share of the score that full noise removes.
    pub noise_penalty: f64,
    pub reply_share: f64,
    pub breadth: f64,
    pub back_and_forth: f64,
    pub follow_up_questions: f64,
    pub acknowledgements: f64,
    pub curt_penalty: f64,
    pub reasoning: f64,
    pub first_person: f64,
    pub compassion: f64,
    pub length: f64,
    pub bait: f64,
    pub selling: f64,
    pub hashtag_stuffing: f64,
    pub repeats: f64,
    pub incivility: f64,
    pub us_versus_them: f64,
    pub curt_contradictions: f64,
}

impl Weights {
    pub const MODEL: Weights = Weights {
        // Dialogue weighs most: it needs other people, so it is the hardest to fake.
        dialogue: 0.5,
        openness: 0.25,
        substance: 0.25,
        // Full noise removes 90 % of the score: even a loud account keeps some credit
        // for talking.
        noise_penalty: 0.9,
        // Dialogue: mostly the share of replies, then how many people, then coming back.
        reply_share: 0.55,
        breadth: 0.25,
        back_and_forth: 0.2,
        // Openness: asking back and acknowledging weigh the same.
        follow_up_questions: 0.5,
        acknowledgements: 0.5,
        // A small penalty: disagreement is healthy, a one-word "Wrong." is not an argument.
        curt_penalty: 0.4,
        reasoning: 0.35,
        first_person: 0.15,
        compassion: 0.25,
        length: 0.25,
        // Noise: what sells, then what attacks; an insult costs the most.
        bait: 1.5,
        selling: 1.2,
        hashtag_stuffing: 0.8,
        repeats: 1.0,
        incivility: 2.0,
        us_versus_them: 1.5,
        curt_contradictions: 0.5,
    };

    /// The weight of `term` within its bar (within Noise for the two noise halves).
    pub fn of(&self, term: Term) -> f64 {
        match term {
            Term::ReplyShare => self.reply_share,
            Term::Breadth => self.breadth,
            Term::BackAndForth => self.back_and_forth,
            Term::FollowUpQuestions => self.follow_up_questions,
            Term::Acknowledgements => self.acknowledgements,
            Term::CurtPenalty => self.curt_penalty,
            Term::Reasoning => self.reasoning,
            Term::FirstPerson => self.first_person,
            Term::Compassion => self.compassion,
            Term::Length => self.length,
            Term::Bait => self.bait,
            Term::Selling => self.selling,
            Term::HashtagStuffing => self.hashtag_stuffing,
            Term::Repeats => self.repeats,
            Term::Incivility => self.incivility,
            Term::UsVersusThem => self.us_versus_them,
            Term::CurtContradictions => self.curt_contradictions,
        }
    }

    /// The weight of a good bar in the score; Noise is a penalty, not a weight.
    pub fn of_part(&self, part: Part) -> Option<f64> {
        match part {
            Part::Dialogue => Some(self.dialogue),
            Part::Openness => Some(self.openness),
            Part::Substance => Some(self.substance),
            Part::SellingNoise | Part::HostileNoise => None,
        }
    }
}

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
    /// The weights the model ran with.
    pub weights: Weights,
    /// Each term's feature, by [`Term::ALL`] order.
    pub features: [f64; N_TERMS],
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

/// Each term's feature, each 0–1 (in [`Term::ALL`] order).
pub fn features(observation: &Observation, rates: &Rates) -> [f64; N_TERMS] {
    let counts = &observation.counts;
    let effective_people = observation.effective_people();
    let mean_words = counts.capped_words as f64 / f64::from(counts.text_items.max(1));
    Term::ALL.map(|term| match term {
        Term::ReplyShare => reach(rates.reply_share.point, DIALOGUE_SHARE_TARGET),
        Term::Breadth => {
            if counts.replies == 0 {
                0.0
            } else {
                0.5 * (1.0 - (-effective_people / 6.0).exp()) + 0.5 * rates.distinct_people.point
            }
        }
        Term::BackAndForth => 1.0 - (-f64::from(observation.n_back_and_forth()) / 3.0).exp(),
        Term::FollowUpQuestions => reach(rates.follow_up_questions.point, 0.3),
        Term::Acknowledgements => reach(rates.acknowledgements.point, 0.35),
        Term::CurtPenalty => reach(rates.curt_contradictions.point, 0.25),
        Term::Reasoning => reach(rates.reasoning.point, 0.35),
        Term::FirstPerson => reach(rates.first_person.point, 0.5),
        Term::Compassion => reach(rates.compassion.point, 0.25),
        // Twenty-five words are enough to say something; more earns nothing.
        Term::Length => reach(mean_words, 25.0),
        Term::Bait => rates.bait.point,
        Term::Selling => rates.selling.point,
        Term::HashtagStuffing => rates.hashtag_stuffing.point,
        Term::Repeats => rates.repeats.point,
        Term::Incivility => rates.incivility.point,
        Term::UsVersusThem => rates.us_versus_them.point,
        Term::CurtContradictions => rates.curt_contradictions.point,
    })
}

/// Σ weight × feature over `terms`, in order.
fn sum_of(weights: &Weights, features: &[f64; N_TERMS], terms: &[Term]) -> f64 {
    let feature = |term: Term| features[term as usize];
    terms
        .iter()
        .map(|term| weights.of(*term) * feature(*term))
        .reduce(|sum, value| sum + value)
        .unwrap_or(0.0)
}

fn dialogue_at(weights: &Weights, features: &[f64; N_TERMS]) -> f64 {
    sum_of(
        weights,
        features,
        &[Term::ReplyShare, Term::Breadth, Term::BackAndForth],
    )
}

fn openness_at(weights: &Weights, features: &[f64; N_TERMS]) -> f64 {
    let open = sum_of(
        weights,
        features,
        &[Term::FollowUpQuestions, Term::Acknowledgements],
    );
    (open - sum_of(weights, features, &[Term::CurtPenalty])).clamp(0.0, 1.0)
}

fn substance_at(weights: &Weights, features: &[f64; N_TERMS]) -> f64 {
    sum_of(
        weights,
        features,
        &[
            Term::Reasoning,
            Term::FirstPerson,
            Term::Compassion,
            Term::Length,
        ],
    )
}

/// Returns (selling noise, hostile noise), before clamping.
fn noise_parts(weights: &Weights, features: &[f64; N_TERMS]) -> (f64, f64) {
    let selling = sum_of(
        weights,
        features,
        &[
            Term::Bait,
            Term::Selling,
            Term::HashtagStuffing,
            Term::Repeats,
        ],
    );
    let hostile = sum_of(
        weights,
        features,
        &[
            Term::Incivility,
            Term::UsVersusThem,
            Term::CurtContradictions,
        ],
    );
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
fn score_of(
    weights: &Weights,
    dialogue: f64,
    openness: Option<f64>,
    substance: Option<f64>,
    noise: f64,
) -> f64 {
    let mut weighted = weights.dialogue * dialogue;
    let mut total_weight = weights.dialogue;
    if let Some(openness) = openness {
        weighted += weights.openness * openness;
        total_weight += weights.openness;
    }
    if let Some(substance) = substance {
        weighted += weights.substance * substance;
        total_weight += weights.substance;
    }
    100.0 * (weighted / total_weight) * (1.0 - weights.noise_penalty * noise)
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
    run_with(observation, &Weights::MODEL)
}

/// Runs the model with other weights (tests do, to check what follows them).
pub fn run_with(observation: &Observation, weights: &Weights) -> ModelOutput {
    let counts = &observation.counts;
    let rates = Rates::of(observation);
    let features = features(observation, &rates);
    let n_put_out = posts_put_out(observation);
    let dialogue = dialogue_known(observation)
        .then(|| bar_range(dialogue_at(weights, &features), counts.items));
    let readable = words_readable(observation);
    let openness = (readable && counts.addressed >= MIN_POSTS_FOR_BAR)
        .then(|| bar_range(openness_at(weights, &features), counts.addressed));
    let substance = (readable && counts.text_items >= MIN_POSTS_FOR_BAR)
        .then(|| bar_range(substance_at(weights, &features), counts.text_items));
    let (selling_noise, hostile_noise) = noise_parts(weights, &features);
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
                weights,
                dialogue.point,
                openness.map(|bar| bar.point),
                substance.map(|bar| bar.point),
                noise_measured.point,
            ),
            low: score_of(
                weights,
                dialogue.low,
                openness.map(|bar| bar.low),
                substance.map(|bar| bar.low),
                noise_measured.high,
            ),
            high: score_of(
                weights,
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
        weights: weights.clone(),
        features,
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

impl ModelOutput {
    /// The feature of `term`, 0–1.
    pub fn feature(&self, term: Term) -> f64 {
        self.features[term as usize]
    }

    /// What `term` adds to the score, in score points, as the model weighs it: 100 × the
    /// bar's weight × the term's weight × its feature (before the bars' weights are
    /// normalised over the bars shown). `None` for a Noise term (see
    /// [`penalty_points`](Self::penalty_points)).
    pub fn points(&self, term: Term) -> Option<f64> {
        self.points_at(term, self.feature(term))
    }

    /// [`points`](Self::points) at another value of the feature.
    pub fn points_at(&self, term: Term, feature: f64) -> Option<f64> {
        let bar_weight = self.weights.of_part(term.part())?;
        Some(100.0 * bar_weight * self.weights.of(term) * feature)
    }

    /// What a Noise term of `weight` (its own, [`Weights::of`], or more when the term
    /// costs elsewhere too) takes from a score of `base`: base × the noise penalty ×
    /// weight × its feature.
    pub fn penalty_points(&self, term: Term, weight: f64, base: f64) -> f64 {
        base * self.weights.noise_penalty * weight * self.feature(term)
    }
}
