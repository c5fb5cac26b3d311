// A made-up account for "Try a sample account": 40 posts over six months in Sincerely's
// plain JSON format (src/export/mod.rs), so visitors see a report without an export of
// their own. A module, not a .json file: the page may not fetch anything.

const START = Date.UTC(2026, 4, 4, 9, 0, 0) / 1000;
const DAY = 86400;

// [day, replyTo or null, text]
const POSTS = [
  [0, null, 'Finally moved our build to the new cache. Writing up what broke along the way.'],
  [1, 'ines', '@ines Thanks for the tip about the lockfile, that was exactly it. Did you hit the same issue on Windows?'],
  [1, 'ines', '@ines Good to know, I will pin the version then.'],
  [3, 'tomasz', '@tomasz I think you are right, though it depends on how often the cache is cold. How big is your repo?'],
  [5, 'amara', '@amara So sorry to hear about the outage. Hope the weekend was calmer.'],
  [8, null, 'Notes from the meetup: the talk on incremental parsing was the best one, because it showed the failures too.'],
  [9, 'lukas', '@lukas Fair point, I was wrong about the numbers. Where did you find the newer benchmark?'],
  [9, 'lukas', '@lukas Thank you, the second chart makes it much clearer.'],
  [14, 'mei', '@mei Congrats on the release! How long did the migration take?'],
  [15, 'mei', '@mei That makes sense. We did it in two steps as well.'],
  [21, null, 'New post: what we learnt from a year of code review rotations https://blog.example/rotations'],
  [22, 'jon', '@jon Interesting, I never thought of it that way. Would it work for a team of three?'],
  [23, 'jon', '@jon Agreed, the small-team case is different. Thanks for the detailed answer.'],
  [30, 'ines', '@ines Happy to help! Did the fix hold after the upgrade?'],
  [34, 'priya', '@priya Maybe, but in my experience the flaky tests were timing, not the network. Did you try running them alone?'],
  [35, 'priya', '@priya Glad it was that. Good luck with the release!'],
  [41, null, 'Reading the new style guide. I like that every rule names where it came from.'],
  [44, 'tomasz', '@tomasz Thanks, I see what you mean now. Which tool do you use for the graphs?'],
  [50, 'olu', '@olu Welcome to the project! Ask anything, there are no silly questions here.'],
  [51, 'olu', '@olu Good question. The docs are out of date there, sorry; I will fix them this week.'],
  [57, 'amara', '@amara That sounds hard. If you want a second pair of eyes on the postmortem, I am around.'],
  [63, null, 'Small thing that made my week: a first-time contributor fixed a bug I had given up on.'],
  [64, 'lukas', '@lukas You are right, the old parser was slower because it copied every string. Did you profile the new one?'],
  [70, 'mei', '@mei Thank you for the review, all good points. I changed the second one.'],
  [77, 'sven', '@sven I agree, though I would keep the fallback for older browsers. What do your users run?'],
  [78, 'sven', '@sven Makes sense, thanks for checking the numbers.'],
  [85, null, 'Trying a week without notifications. Will report back.'],
  [92, 'jon', '@jon Sorry, I missed this. Yes, the talk was recorded. Want me to send the slides?'],
  [99, 'priya', '@priya Congrats on the new job! How was the first week?'],
  [105, null, 'The week without notifications: I answered fewer messages, but better ones.'],
  [106, 'ines', '@ines Thanks! Curious what you would change in the setup.'],
  [113, 'olu', '@olu Nice work on the first pull request. One small question about the error message: could it name the file?'],
  [114, 'olu', '@olu Perfect, thank you. Merged!'],
  [120, 'amara', '@amara Glad things are better. How is the new team?'],
  [128, 'tomasz', '@tomasz Fair enough, I was too quick there. Let me rerun it with your settings.'],
  [135, null, 'Spent the afternoon deleting code. Best kind of afternoon.'],
  [142, 'mei', '@mei I think so, because the cache key includes the compiler version. Did it rebuild everything?'],
  [150, 'lukas', '@lukas Thanks for the thoughtful reply. I had not considered the memory side.'],
  [160, 'sven', '@sven Happy new quarter! What are you working on next?'],
  [170, null, 'Six months of notes on this account: thank you all for the good conversations.'],
];

export const samplePosts = POSTS.map(([day, replyTo, text], index) => ({
  id: `sample-${index}`,
  text,
  isReply: replyTo !== null,
  replyTo,
  mentions: replyTo ? [replyTo] : [],
  links: text.match(/https:\/\/\S+/g) ?? [],
  time: START + day * DAY + index * 600,
  author: 'sam',
}));
