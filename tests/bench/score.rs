//! Benchmark of the conversation-quality model: a 200-post profile must score in 1 ms or
//! less natively (`cargo bench --bench score`), so the badge never delays a page.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use sincerely::score::{score_observation, score_posts, Observation, Post};

/// A realistic 200-post profile: replies to 40 people in several languages, own posts,
/// links, hashtags and a little bait, each text distinct.
fn two_hundred_posts() -> Vec<Post> {
    let sentences = [
        "Thanks for sharing this! How did you handle the rollback?",
        "I think it depends on the team, because small groups can skip most of that process.",
        "So sorry to hear that. Hope the rest of the week is kinder.",
        "New article on the housing plan https://news.example/housing #housing #city",
        "Like and share if you agree!!!",
        "¡Gracias por compartirlo! ¿Cómo lo resolviste al final?",
        "Danke für den Hinweis! Hast du das schon getestet?",
        "ありがとうございます、勉強になりました。どうやって解決しましたか？",
        "In my experience the second draft is always shorter, which is the point.",
        "Walked the old rail path this morning; someone planted sunflowers by the fence.",
    ];
    (0..200)
        .map(|index| {
            let is_reply = index % 3 != 0;
            Post {
                id: Some(format!("post-{index}")),
                text: format!("{} (note {index})", sentences[index % sentences.len()]),
                is_reply,
                reply_to: is_reply.then(|| format!("person{}", index % 40)),
                thread: is_reply.then(|| format!("thread-{}", index / 4)),
                mentions: if is_reply {
                    vec![format!("person{}", index % 40)]
                } else {
                    vec![]
                },
                time: Some(1_700_000_000 + index as i64 * 3_600),
                ..Post::default()
            }
        })
        .collect()
}

fn bench_score(criterion: &mut Criterion) {
    let posts = two_hundred_posts();
    criterion.bench_function("score_posts 200 posts", |bencher| {
        bencher.iter(|| score_posts(black_box(&posts)))
    });
    let observation = Observation::from_posts(&posts);
    criterion.bench_function("score_observation (stored, 200 posts)", |bencher| {
        bencher.iter(|| score_observation(black_box(&observation)))
    });
}

criterion_group!(benches, bench_score);
criterion_main!(benches);
