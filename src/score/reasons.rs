//! The reasons under the badge: each one a count a person can check ("9 follow-up
//! questions in 40 replies to 23 people"), ranked by how much it moved the score.

use serde::Serialize;

use super::confidence::{MIN_ITEMS_FOR_SCORE, MIN_REPLIES_FOR_SCORE};
use super::model::{posts_put_out, words_readable, ModelOutput, DIALOGUE_SHARE_TARGET};
use super::observation::Observation;

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

/// "1 post", "2 posts".
fn plural(count: u32, singular: &str, plural_form: &str) -> String {
    if count == 1 {
        format!("{count} {singular}")
    } else {
        format!("{count} {plural_form}")
    }
}

struct Candidate {
    reason: Reason,
    /// Roughly the score points this reason is worth.
    strength: f64,
}

/// The top reasons for `output`.
pub fn reasons(observation: &Observation, output: &ModelOutput) -> Vec<Reason> {
    let counts = &observation.counts;
    let n_items = counts.items;
    let n_replies = counts.replies;
    let n_people = observation.n_people();
    let n_put_out = posts_put_out(observation);
    if output.score.is_none() {
        let mut info = Vec::new();
        if n_put_out < MIN_ITEMS_FOR_SCORE {
            info.push(Reason {
                id: "too-few-posts".into(),
                text: format!(
                    "Only {} seen; a score needs at least {MIN_ITEMS_FOR_SCORE}",
                    plural(n_put_out, "post", "posts")
                ),
                effect: Effect::Info,
                count: n_put_out,
                total: MIN_ITEMS_FOR_SCORE,
            });
        }
        if n_replies < MIN_REPLIES_FOR_SCORE && !observation.history_complete {
            info.push(Reason {
                id: "too-few-replies".into(),
                text: format!(
                    "Only {} seen; a score needs at least {MIN_REPLIES_FOR_SCORE} (open the replies tab)",
                    plural(n_replies, "reply", "replies")
                ),
                effect: Effect::Info,
                count: n_replies,
                total: MIN_REPLIES_FOR_SCORE,
            });
        }
        return info;
    }

    let rates = &output.rates;
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
    let mut push = |id: &str, text: String, raises: bool, count: u32, total: u32, strength: f64| {
        candidates.push(Candidate {
            reason: Reason {
                id: id.into(),
                text,
                effect: if raises {
                    Effect::Raises
                } else {
                    Effect::Lowers
                },
                count,
                total,
            },
            strength,
        });
    };

    // Dialogue: 0.5 of the score, 0.55 of the bar; neutral at half the target share.
    let share = (rates.reply_share.point / DIALOGUE_SHARE_TARGET).min(1.0);
    // In a whole history the share counts reposts too (see `Rates::of`); say so then.
    let put_out = if n_put_out > n_items {
        format!("{n_put_out} posts and reposts")
    } else {
        format!("{n_put_out} posts")
    };
    let share_strength = 100.0 * 0.5 * 0.55 * (share - 0.5).abs() * 2.0;
    if share >= 0.5 {
        push(
            "many-replies",
            format!(
                "{n_replies} of {put_out} are replies, to {}",
                plural(n_people, "person", "different people")
            ),
            true,
            n_replies,
            n_put_out,
            share_strength,
        );
    } else {
        push(
            "few-replies",
            format!("Only {n_replies} of {put_out} are replies to someone"),
            false,
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
            "follow-up-questions",
            format!(
                "{} in {} to {}",
                plural(n_questions, "follow-up question", "follow-up questions"),
                plural(n_replies, "reply", "replies"),
                plural(n_people, "person", "people")
            ),
            true,
            n_questions,
            n_replies,
            100.0 * 0.25 * 0.5 * (rates.follow_up_questions.point / 0.3).min(1.0) * 1.2,
        );
    }
    let n_back_and_forth = output.back_and_forth;
    if n_back_and_forth > 0 {
        push(
            "back-and-forth",
            format!(
                "Came back for a second turn in {}",
                plural(n_back_and_forth, "conversation", "conversations")
            ),
            true,
            n_back_and_forth,
            n_people,
            100.0 * 0.5 * 0.2 * (1.0 - (-f64::from(n_back_and_forth) / 3.0).exp()),
        );
    }
    if readable && counts.acknowledgements > 0 {
        push(
            "acknowledgement",
            format!(
                "{} of {} to others thank, agree, hedge or acknowledge",
                counts.acknowledgements,
                plural(counts.addressed, "post", "posts")
            ),
            true,
            counts.acknowledgements,
            counts.addressed,
            100.0 * 0.25 * 0.5 * (rates.acknowledgements.point / 0.35).min(1.0),
        );
    }
    if readable && counts.reasoning > 0 {
        push(
            "reasoning",
            format!(
                "{} reasons, examples or caveats",
                plural(counts.reasoning, "post gives", "posts give")
            ),
            true,
            counts.reasoning,
            counts.text_items,
            100.0 * 0.25 * 0.35 * (rates.reasoning.point / 0.35).min(1.0),
        );
    }
    if readable && counts.compassion > 0 {
        push(
            "warmth",
            format!(
                "{} sympathy, encouragement or congratulations",
                plural(counts.compassion, "post offers", "posts offer")
            ),
            true,
            counts.compassion,
            counts.text_items,
            100.0 * 0.25 * 0.25 * (rates.compassion.point / 0.25).min(1.0),
        );
    }
    // Noise reasons: strength is the score they removed, roughly.
    let base = output.score.map_or(50.0, |score| score.point.max(30.0));
    let mut push_noise =
        |id: &str, text: String, count: u32, total: u32, weight: f64, rate: f64| {
            if count > 0 {
                push(
                    id,
                    text,
                    false,
                    count,
                    total,
                    base * 0.9 * weight * rate * 1.5,
                );
            }
        };
    push_noise(
        "curt-contradiction",
        format!(
            "{} open with a curt contradiction",
            plural(counts.curt_contradictions, "reply", "replies")
        ),
        counts.curt_contradictions,
        n_replies,
        0.5 + 0.4,
        rates.curt_contradictions.point,
    );
    push_noise(
        "engagement-bait",
        format!(
            "{} of {n_items} posts ask for likes, shares, tags or votes",
            counts.bait
        ),
        counts.bait,
        n_items,
        1.5,
        rates.bait.point,
    );
    push_noise(
        "selling",
        format!(
            "{} of {n_items} posts sell or boast of audience size",
            counts.selling
        ),
        counts.selling,
        n_items,
        1.2,
        rates.selling.point,
    );
    push_noise(
        "hashtag-stuffing",
        format!(
            "{} carry four or more hashtags",
            plural(counts.hashtag_stuffed, "post", "posts")
        ),
        counts.hashtag_stuffed,
        n_items,
        0.8,
        rates.hashtag_stuffing.point,
    );
    let n_repeats = counts.copies + counts.template_repeats;
    push_noise(
        "repeats",
        format!("{} repeat earlier text", plural(n_repeats, "post", "posts")),
        n_repeats,
        n_items + counts.copies,
        1.0,
        rates.repeats.point,
    );
    push_noise(
        "incivility",
        format!(
            "{} insult or belittle people",
            plural(counts.incivility, "post", "posts")
        ),
        counts.incivility,
        n_items,
        2.0,
        rates.incivility.point,
    );
    push_noise(
        "us-versus-them",
        format!(
            "{} lump people into \u{201c}them\u{201d}",
            plural(counts.us_versus_them, "post", "posts")
        ),
        counts.us_versus_them,
        n_items,
        1.5,
        rates.us_versus_them.point,
    );

    // Ties are broken by id so the order never depends on anything but the counts.
    crate::small_sort::insertion_sort_by(&mut candidates, |a, b| {
        b.strength
            .total_cmp(&a.strength)
            .then_with(|| a.reason.id.cmp(&b.reason.id))
    });
    candidates
        .into_iter()
        .take(MAX_REASONS)
        .map(|candidate| candidate.reason)
        .collect()
}
