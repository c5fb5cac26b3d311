//! The reasons under the badge: each one a count a person can check ("9 follow-up
//! questions in 40 replies to 23 people"), ranked by how much it moved the score. How
//! much comes from the model itself: each reason reads its [`Term`]'s contribution
//! ([`ModelOutput::points`]), so a change of weight in `model.rs` reorders the reasons.
//!
//! [`REASON_KINDS`] is the one list of the reasons a badge can give, with what makes a
//! single post an example of each (the www report's examples, the paste view's signals).

use serde::Serialize;

use super::confidence::{MIN_ITEMS_FOR_SCORE, MIN_REPLIES_FOR_SCORE};
use super::model::{posts_put_out, words_readable, ModelOutput, Term};
use super::observation::Observation;
use super::PostFlags;

/// Reasons shown on the badge.
pub const MAX_REASONS: usize = 3;

/// Which way a reason pushed the score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    Raises,
    Lowers,
    /// Explains why there is no score.
    Info,
}

/// One reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// Stable kebab-case id, for styling and translation.
    pub id: String,
    /// The English sentence.
    pub text: String,
    pub effect: Effect,
    /// The count the sentence is about, and what it is out of.
    pub count: u32,
    pub total: u32,
}

/// How one post shows a reason.
#[derive(Clone, Copy, Debug)]
pub enum Evidence {
    /// A reply to someone else whose handle is known.
    ReplyToSomeone,
    /// Not a reply to someone else.
    NotAReply,
    /// A reply in a conversation (a thread, or a person on one day) with two or more turns.
    SecondTurn,
    /// Four or more hashtags.
    ManyHashtags,
    /// Text of five words or more that the account posted before.
    Repeat,
    /// A flag of the post's words.
    Words(fn(&PostFlags) -> bool),
    /// A flag of the post's words that the model counts only in posts aimed at someone.
    WordsToSomeone(fn(&PostFlags) -> bool),
}

impl Evidence {
    /// The post's flags are needed to tell (they cost as much as scoring the post).
    pub fn reads_words(self) -> bool {
        self.words().is_some()
    }

    /// The flag of the post's words it reads, if it reads one.
    pub fn words(self) -> Option<fn(&PostFlags) -> bool> {
        match self {
            Evidence::Words(shows) | Evidence::WordsToSomeone(shows) => Some(shows),
            _ => None,
        }
    }
}

/// A per-post signal, shown on a short conversation where a badge would need more posts.
#[derive(Clone, Copy, Debug)]
pub struct Signal {
    pub id: &'static str,
    pub name: &'static str,
}

/// A reason the badge can give (the "no score" ones aside).
#[derive(Clone, Copy, Debug)]
pub struct ReasonKind {
    pub id: &'static str,
    pub raises: bool,
    /// The model term whose contribution ranks it.
    pub term: Term,
    pub evidence: Evidence,
    /// Its per-post signal, for the reasons read from a post's words.
    pub signal: Option<Signal>,
}

impl ReasonKind {
    pub fn effect(&self) -> Effect {
        if self.raises {
            Effect::Raises
        } else {
            Effect::Lowers
        }
    }

    /// The kind with this id.
    pub fn of(id: &str) -> Option<&'static ReasonKind> {
        REASON_KINDS.iter().find(|kind| kind.id == id)
    }
}

const MANY_REPLIES: ReasonKind = ReasonKind {
    id: "many-replies",
    raises: true,
    term: Term::ReplyShare,
    evidence: Evidence::ReplyToSomeone,
    signal: None,
};
const FEW_REPLIES: ReasonKind = ReasonKind {
    id: "few-replies",
    raises: false,
    term: Term::ReplyShare,
    evidence: Evidence::NotAReply,
    signal: None,
};
const FOLLOW_UP_QUESTIONS: ReasonKind = ReasonKind {
    id: "follow-up-questions",
    raises: true,
    term: Term::FollowUpQuestions,
    evidence: Evidence::Words(|flags| flags.follow_up_question),
    signal: Some(Signal {
        id: "follow-up-question",
        name: "follow-up question",
    }),
};
const BACK_AND_FORTH: ReasonKind = ReasonKind {
    id: "back-and-forth",
    raises: true,
    term: Term::BackAndForth,
    evidence: Evidence::SecondTurn,
    signal: None,
};
const ACKNOWLEDGEMENT: ReasonKind = ReasonKind {
    id: "acknowledgement",
    raises: true,
    term: Term::Acknowledgements,
    evidence: Evidence::WordsToSomeone(|flags| flags.acknowledgement),
    signal: Some(Signal {
        id: "acknowledgement",
        name: "thanks or acknowledgement",
    }),
};
const REASONING: ReasonKind = ReasonKind {
    id: "reasoning",
    raises: true,
    term: Term::Reasoning,
    evidence: Evidence::Words(|flags| flags.reasoning),
    signal: Some(Signal {
        id: "reasoning",
        name: "reasons or caveats",
    }),
};
const WARMTH: ReasonKind = ReasonKind {
    id: "warmth",
    raises: true,
    term: Term::Compassion,
    evidence: Evidence::Words(|flags| flags.compassion),
    signal: Some(Signal {
        id: "warmth",
        name: "warmth",
    }),
};
const CURT_CONTRADICTION: ReasonKind = ReasonKind {
    id: "curt-contradiction",
    raises: false,
    term: Term::CurtContradictions,
    evidence: Evidence::Words(|flags| flags.curt_contradiction),
    signal: Some(Signal {
        id: "curt-contradiction",
        name: "curt contradiction",
    }),
};
const ENGAGEMENT_BAIT: ReasonKind = ReasonKind {
    id: "engagement-bait",
    raises: false,
    term: Term::Bait,
    evidence: Evidence::Words(|flags| flags.bait),
    signal: Some(Signal {
        id: "engagement-bait",
        name: "engagement bait",
    }),
};
const SELLING: ReasonKind = ReasonKind {
    id: "selling",
    raises: false,
    term: Term::Selling,
    evidence: Evidence::Words(|flags| flags.selling),
    signal: Some(Signal {
        id: "selling",
        name: "selling",
    }),
};
const HASHTAG_STUFFING: ReasonKind = ReasonKind {
    id: "hashtag-stuffing",
    raises: false,
    term: Term::HashtagStuffing,
    evidence: Evidence::ManyHashtags,
    signal: None,
};
const REPEATS: ReasonKind = ReasonKind {
    id: "repeats",
    raises: false,
    term: Term::Repeats,
    evidence: Evidence::Repeat,
    signal: None,
};
const INCIVILITY: ReasonKind = ReasonKind {
    id: "incivility",
    raises: false,
    term: Term::Incivility,
    evidence: Evidence::Words(|flags| flags.incivility),
    signal: Some(Signal {
        id: "incivility",
        name: "incivility",
    }),
};
const US_VERSUS_THEM: ReasonKind = ReasonKind {
    id: "us-versus-them",
    raises: false,
    term: Term::UsVersusThem,
    evidence: Evidence::Words(|flags| flags.us_versus_them),
    signal: Some(Signal {
        id: "us-versus-them",
        name: "us versus them",
    }),
};

/// Every reason a scored badge can give; the signals in this order are the paste view's.
pub const REASON_KINDS: [ReasonKind; 14] = [
    MANY_REPLIES,
    FEW_REPLIES,
    FOLLOW_UP_QUESTIONS,
    BACK_AND_FORTH,
    ACKNOWLEDGEMENT,
    REASONING,
    WARMTH,
    CURT_CONTRADICTION,
    ENGAGEMENT_BAIT,
    SELLING,
    HASHTAG_STUFFING,
    REPEATS,
    INCIVILITY,
    US_VERSUS_THEM,
];

/// How much more a reason counts than its term's score points, when they are ranked.
/// Asking back is the clearest sign of listening: it edges out a thanks of equal weight.
const FOLLOW_UP_EMPHASIS: f64 = 1.2;
/// Noise is shown half again as strongly as the score it removes: one bait post in ten
/// says more about an account than the points it costs.
const NOISE_EMPHASIS: f64 = 1.5;

/// "1 post", "2 posts".
fn plural(count: u32, singular: &str, plural_form: &str) -> String {
    if count == 1 {
        format!("{count} {singular}")
    } else {
        format!("{count} {plural_form}")
    }
}

/// A reason with what ranks it.
pub struct Candidate {
    pub reason: Reason,
    /// Roughly the score points this reason is worth.
    pub strength: f64,
}

impl Candidate {
    /// A reason that explains a missing score: it comes first.
    fn info(reason: Reason) -> Candidate {
        Candidate {
            reason,
            strength: f64::INFINITY,
        }
    }
}

/// The top reasons for `output`.
pub fn reasons(observation: &Observation, output: &ModelOutput) -> Vec<Reason> {
    let mut ranked = ranked(observation, output);
    ranked.truncate(MAX_REASONS);
    ranked
        .into_iter()
        .map(|candidate| candidate.reason)
        .collect()
}

/// Every reason that applies to `output`, strongest first.
pub fn ranked(observation: &Observation, output: &ModelOutput) -> Vec<Candidate> {
    let counts = &observation.counts;
    let n_items = counts.items;
    let n_replies = counts.replies;
    let n_people = observation.n_people();
    let n_put_out = posts_put_out(observation);
    if output.score.is_none() {
        let mut info = Vec::new();
        if n_put_out < MIN_ITEMS_FOR_SCORE {
            info.push(Candidate::info(Reason {
                id: "too-few-posts".into(),
                text: format!(
                    "Only {} seen; a score needs at least {MIN_ITEMS_FOR_SCORE}",
                    plural(n_put_out, "post", "posts")
                ),
                effect: Effect::Info,
                count: n_put_out,
                total: MIN_ITEMS_FOR_SCORE,
            }));
        }
        if n_replies < MIN_REPLIES_FOR_SCORE && !observation.history_complete {
            info.push(Candidate::info(Reason {
                id: "too-few-replies".into(),
                text: format!(
                    "Only {} seen; a score needs at least {MIN_REPLIES_FOR_SCORE} (open the replies tab)",
                    plural(n_replies, "reply", "replies")
                ),
                effect: Effect::Info,
                count: n_replies,
                total: MIN_REPLIES_FOR_SCORE,
            }));
        }
        return info;
    }

    let mut candidates = Vec::new();
    // Words the lists cannot read prove nothing either way (see `words_readable`): no
    // lexical reason is given, and the first reason says why two bars are unknown.
    let readable = words_readable(observation);
    if !readable {
        candidates.push(Candidate {
            reason: Reason {
                id: "unread-language".into(),
                text: format!(
                    "{} of {} are in a language the word lists do not read: Openness and Substance unknown",
                    counts.unread_text_items,
                    plural(counts.text_items, "post", "posts")
                ),
                effect: Effect::Info,
                count: counts.unread_text_items,
                total: counts.text_items,
            },
            strength: f64::INFINITY,
        });
    }
    let mut push = |kind: &ReasonKind, text: String, count: u32, total: u32, strength: f64| {
        candidates.push(Candidate {
            reason: Reason {
                id: kind.id.into(),
                text,
                effect: kind.effect(),
                count,
                total,
            },
            strength,
        });
    };
    // The score points of a term that raises it.
    let points = |term: Term| output.points(term).unwrap_or(0.0);

    // Dialogue: neutral at half the target share, and as strong either side of it.
    let share = output.feature(Term::ReplyShare);
    // In a whole history the share counts reposts too (see `Rates::of`); say so then.
    let put_out = if n_put_out > n_items {
        format!("{n_put_out} posts and reposts")
    } else {
        format!("{n_put_out} posts")
    };
    let share_strength = output
        .points_at(Term::ReplyShare, (share - 0.5).abs() * 2.0)
        .unwrap_or(0.0);
    if share >= 0.5 {
        push(
            &MANY_REPLIES,
            format!(
                "{n_replies} of {put_out} are replies, to {}",
                plural(n_people, "person", "different people")
            ),
            n_replies,
            n_put_out,
            share_strength,
        );
    } else {
        push(
            &FEW_REPLIES,
            format!("Only {n_replies} of {put_out} are replies to someone"),
            n_replies,
            n_put_out,
            share_strength,
        );
    }
    let n_questions = if readable {
        counts.follow_up_questions
    } else {
        0
    };
    if n_questions > 0 {
        push(
            &FOLLOW_UP_QUESTIONS,
            format!(
                "{} in {} to {}",
                plural(n_questions, "follow-up question", "follow-up questions"),
                plural(n_replies, "reply", "replies"),
                plural(n_people, "person", "people")
            ),
            n_questions,
            n_replies,
            points(Term::FollowUpQuestions) * FOLLOW_UP_EMPHASIS,
        );
    }
    let n_back_and_forth = output.back_and_forth;
    if n_back_and_forth > 0 {
        push(
            &BACK_AND_FORTH,
            format!(
                "Came back for a second turn in {}",
                plural(n_back_and_forth, "conversation", "conversations")
            ),
            n_back_and_forth,
            n_people,
            points(Term::BackAndForth),
        );
    }
    if readable && counts.acknowledgements > 0 {
        push(
            &ACKNOWLEDGEMENT,
            format!(
                "{} of {} to others thank, agree, hedge or acknowledge",
                counts.acknowledgements,
                plural(counts.addressed, "post", "posts")
            ),
            counts.acknowledgements,
            counts.addressed,
            points(Term::Acknowledgements),
        );
    }
    if readable && counts.reasoning > 0 {
        push(
            &REASONING,
            format!(
                "{} reasons, examples or caveats",
                plural(counts.reasoning, "post gives", "posts give")
            ),
            counts.reasoning,
            counts.text_items,
            points(Term::Reasoning),
        );
    }
    if readable && counts.compassion > 0 {
        push(
            &WARMTH,
            format!(
                "{} sympathy, encouragement or congratulations",
                plural(counts.compassion, "post offers", "posts offer")
            ),
            counts.compassion,
            counts.text_items,
            points(Term::Compassion),
        );
    }
    // Noise reasons: strength is the score they removed, roughly.
    let base = output.score.map_or(50.0, |score| score.point.max(30.0));
    let mut push_noise = |kind: &ReasonKind, text: String, count: u32, total: u32, weight: f64| {
        if count > 0 {
            let strength = output.penalty_points(kind.term, weight, base) * NOISE_EMPHASIS;
            push(kind, text, count, total, strength);
        }
    };
    let weights = &output.weights;
    push_noise(
        &CURT_CONTRADICTION,
        format!(
            "{} open with a curt contradiction",
            plural(counts.curt_contradictions, "reply", "replies")
        ),
        counts.curt_contradictions,
        n_replies,
        // A curt reply costs twice, in Noise and in Openness: both weights count.
        weights.of(Term::CurtContradictions) + weights.of(Term::CurtPenalty),
    );
    push_noise(
        &ENGAGEMENT_BAIT,
        format!(
            "{} of {n_items} posts ask for likes, shares, tags or votes",
            counts.bait
        ),
        counts.bait,
        n_items,
        weights.of(Term::Bait),
    );
    push_noise(
        &SELLING,
        format!(
            "{} of {n_items} posts sell or boast of audience size",
            counts.selling
        ),
        counts.selling,
        n_items,
        weights.of(Term::Selling),
    );
    push_noise(
        &HASHTAG_STUFFING,
        format!(
            "{} carry four or more hashtags",
            plural(counts.hashtag_stuffed, "post", "posts")
        ),
        counts.hashtag_stuffed,
        n_items,
        weights.of(Term::HashtagStuffing),
    );
    let n_repeats = counts.copies + counts.template_repeats;
    push_noise(
        &REPEATS,
        format!("{} repeat earlier text", plural(n_repeats, "post", "posts")),
        n_repeats,
        n_items + counts.copies,
        weights.of(Term::Repeats),
    );
    push_noise(
        &INCIVILITY,
        format!(
            "{} insult or belittle people",
            plural(counts.incivility, "post", "posts")
        ),
        counts.incivility,
        n_items,
        weights.of(Term::Incivility),
    );
    push_noise(
        &US_VERSUS_THEM,
        format!(
            "{} lump people into \u{201c}them\u{201d}",
            plural(counts.us_versus_them, "post", "posts")
        ),
        counts.us_versus_them,
        n_items,
        weights.of(Term::UsVersusThem),
    );

    // Ties are broken by id so the order never depends on anything but the counts.
    crate::small_sort::insertion_sort_by(&mut candidates, |a, b| {
        b.strength
            .total_cmp(&a.strength)
            .then_with(|| a.reason.id.cmp(&b.reason.id))
    });
    candidates
}
