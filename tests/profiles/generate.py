#!/usr/bin/env python3
"""Writes the labelled evaluation profiles (tests/profiles/*.json) from the text pools below.

Every sentence here was written for Sincerely's evaluation (MIT, like the crate). Profiles
are composed deterministically (seeded) from openers, bodies and closers, so a profile of
120 replies does not repeat itself word for word, as real people rarely do. Rerun after
editing a pool:  python3 tests/profiles/generate.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

HANDLES = """maria_k tomasz_w jen_codes ade_ola priya_r sam_otter lucia_m kenji_t noor_h
ben_fisher chloe_d rafa_gomez ines_b olu_dev mei_lin jonas_k fatima_z ravi_s hannah_p
diego_r yuki_n ana_sousa pierre_l grace_o omar_f lena_m ivan_p sofia_c theo_b amara_n
marco_v elif_k dan_h zoe_w kofi_a nadia_r felix_j rosa_t aziz_m clara_s""".split()

# Conversationalist replies: opener + body + closer, so long profiles do not repeat.
CONV_OPENERS = [
    "Thanks for sharing this!", "Good point.", "Oh, interesting.", "Ha, fair enough.",
    "I agree, mostly.", "That makes sense.", "Thank you, this helps.", "Hmm, maybe.",
    "So sorry to hear that.", "Congrats, well deserved!", "You're right, I missed that.",
    "Great question.", "I think you're onto something.", "Not sure I agree, but I see why.",
    "Appreciate you writing this up.", "Glad you're feeling better.", "", "", "",
]
CONV_BODIES = [
    "We hit the same wall last spring because the cache was cold after every deploy",
    "In my experience the second draft is always shorter, which is the point",
    "I tried the sourdough trick you mentioned and the crust finally came out right",
    "It depends on the team though, small groups can skip most of that process",
    "My grandmother used to say the same thing about planting tomatoes after the frost",
    "The study you linked only had forty people, so I'd hold it loosely for now",
    "I learned this the hard way when our migration ran over a holiday weekend",
    "Your chart makes the trade-off much clearer than the paper does",
    "On the other hand the old bus route was slower but it reached the hospital",
    "I remember reading that the original bridge design had the same flaw",
    "When I switched to shorter meetings the team actually talked more, not less",
    "For example our library swapped late fees for reading hours and usage went up",
    "Although the numbers look bad, the trend since March is clearly better",
    "I was wrong about the timeline, the permit took three months, not one",
    "The reason it broke is that the parser assumed every line ends with a newline",
    "My kid's teacher does something similar with a question jar on Fridays",
    "I think the quieter version of the song works better in that small room",
    "We tried a four day week at the bakery and nobody wants to go back",
    "That trail is gorgeous in October, though the last mile is steep",
    "Rather than rewriting it, we added tests around the worst parts first",
    "The translation loses the joke, but the footnote explains it well",
    "It turns out the noise was the fridge compressor, not the pipes",
    "I've been learning Portuguese for a year and the verb tables still humble me",
    "Your thread on caring for an elderly parent made me call my dad today",
    "Since the clinic moved, half my neighbours need two buses to get there",
    "Honestly the best advice I got was to write the error message first",
    "We had the opposite result because our users were mostly on phones",
    "The caveat is that the free tier changes every few months",
    "According to the maintainers the fix lands in the next minor release",
    "I'd love to see the data split by age, that might explain the gap",
]
CONV_CLOSERS = [
    "How did you handle the rollback?", "What made you pick that approach?",
    "Did it work for your team too?", "Have you tried it with the older model?",
    "Which book was that from?", "How long did it take you?", "Do you have the source?",
    "What would you do differently next time?", "Are you going back next year?",
    "Hope the rest of the week is kinder.", "Take care of yourself.",
    "Happy to compare notes if it helps.", "Thanks again.", "", "", "",
]
CONV_OTHER_LANGUAGES = [
    "¡Gracias por compartirlo! ¿Cómo lo resolviste al final?",
    "Tienes razón, no lo sabía. ¿Dónde encontraste los datos?",
    "Danke für den Hinweis! Hast du das schon mit der neuen Version getestet?",
    "Stimmt, guter Punkt. Wie lange hat die Umstellung gedauert?",
    "Merci beaucoup, c'est très clair. Tu as essayé avec la version précédente ?",
    "Obrigada pela explicação! Como vocês resolveram isso no fim?",
    "ありがとうございます、勉強になりました。どうやって解決しましたか？",
    "なるほど、確かにそうですね。その本のタイトルを教えてもらえますか？",
]
CONV_OWN_POSTS = [
    "Finished the first draft of the grant. It is too long, which means it is done enough to cut.",
    "Walked the old rail path this morning. Someone has planted sunflowers along the fence.",
    "Small thing I learned this week: reading the error message out loud finds the typo faster.",
    "Our community fridge had more donations than takers today, which has never happened before.",
    "I keep a list of questions I was afraid to ask at work. Half of them turned out to be everyone's.",
    "Three years of learning the cello and I can finally play something my neighbours might enjoy.",
    "The library's repair café fixed my lamp and taught me how to fix the next one myself.",
    "Reminder to myself: the quiet person in the meeting usually read the document.",
    "Made my grandfather's soup from memory. Close, but he would have added more pepper.",
    "Spent the afternoon helping a student debug her first program. Her joy at the green tick was the best part of my week.",
    "Reading about the history of street lighting and it is far more political than I expected.",
    "I changed my mind about standing desks. They help, but only if you also walk.",
]

# Balanced: ordinary posts and ordinary replies.
BALANCED_POSTS = [
    "Coffee, then the long list of emails. Wish me luck.",
    "The new season of that baking show is better than the last one.",
    "Rain all weekend, so the garden can water itself.",
    "Read a good essay on city trees today, sharing it here https://essays.example/trees",
    "Moving the team standup to Tuesdays from next week.",
    "Finally fixed the squeaky door. It only took two years.",
    "Our cat has decided the printer is her new bed.",
    "The train was on time today, which felt like a small miracle.",
    "Working on a talk about accessibility in forms for the spring meetup.",
    "Tried the new ramen place near the station. Good broth, slow service.",
    "Half marathon done. Legs are not speaking to me.",
    "I think the museum's new wing is worth a visit, mostly for the textiles.",
    "Started a reading group at work; first book is about the history of maps.",
    "Today's lesson: label the freezer boxes.",
    "Weekend project: a shelf for the hallway. Measured twice, cut once, still wrong.",
    "The bird feeder finally has visitors. Mostly sparrows, one very confident pigeon.",
    "Updated my notes on the meeting; the budget section changed a lot.",
    "Autumn light on the river this evening was something else.",
    "New blog post on how we run retrospectives: https://blog.example/retros",
    "Dentist, groceries, then an early night.",
    "Spent the evening sorting old photos. Found my first bike.",
    "Podcast recommendation: the episode on lighthouse keepers was lovely.",
    "Our street's cleanup day is on Saturday morning.",
    "Practising for the choir concert; the alto line is harder than it sounds.",
]
BALANCED_REPLIES = [
    "Ha, same here.", "Looks great!", "That's a good idea.", "Nice photo.",
    "Agreed, it was a good talk.", "Oh no, hope it gets sorted.", "Welcome back!",
    "I had the same problem last week.", "Thanks, I'll check it out.", "Love this.",
    "We went there in July, the view is worth it.", "Good luck with the move!",
    "Same, my printer hates me too.", "That looks delicious.", "Congrats!",
    "Is it open on Sundays?", "Which trail was that?", "Makes sense to me.",
    "Oh I didn't know that.", "Count me in for Saturday.", "Ha, true.",
    "Happy birthday!", "Safe travels.", "That's wild.",
]

# Broadcaster: posts to an audience, rarely replies.
BROADCAST_POSTS = [
    "Market update: bond yields rose again this morning as inflation data came in above forecasts.",
    "Thread on the five biggest stories in tech this week, with my notes below.",
    "New article: why the city's housing plan misses the point https://news.example/housing-plan",
    "Today's chart: electricity prices across Europe since 2019.",
    "The council vote on the bike lanes is scheduled for Thursday evening.",
    "My column this week is about the quiet decline of local newspapers.",
    "Five lessons from ten years of running a small design studio.",
    "Breaking: the transport strike has been called off after overnight talks.",
    "Here is what the new privacy rules mean for small businesses.",
    "Weekly reading list: climate adaptation, open source funding, and sleep.",
    "The best productivity advice is still to do the important thing first.",
    "Speaking at the regional planning conference on Friday about water.",
    "Good leaders explain decisions, great leaders explain trade-offs.",
    "Our quarterly report on regional employment is out today https://stats.example/q3",
    "The real problem with most dashboards is that nobody owns them.",
    "Interview with the architect behind the new library, out tomorrow.",
    "Notes from the central bank press conference: rates unchanged, tone cautious.",
    "Photographs from this morning's fog over the harbour.",
    "A short history of the shipping container and why it changed everything.",
    "Opinion: the four-day week will spread faster than anyone expects.",
    "Watching the election results come in tonight. Live commentary from 9pm.",
    "Every team should write down what they will not do this quarter.",
    "A reminder that the public consultation closes on Monday.",
    "Three charts that explain the rise in food prices.",
    "Recorded a new episode with a historian of bridges. Out next week.",
    "Slides from today's talk on data journalism https://talks.example/slides",
    "The museum's night opening returns in December.",
    "Ranking the city's parks by shade, benches and bins.",
    "What the latest census says about commuting.",
    "On writing: cut the first paragraph, it is almost always throat clearing.",
]
BROADCAST_REPLIES = [
    "Thanks.", "Correct.", "See the article for details.", "Noted.",
    "The full data is in the report.", "Yes.", "Will look into it.", "Good catch, fixed.",
]

# Promoter: selling, links, codes, audience boasts, hashtags.
PROMO_POSTS = [
    "New drop is live! Shop now, link in bio 🔥 #fashion #style #ootd #newcollection",
    "Use code SAVE20 for 20% off everything this weekend only https://shop.example",
    "Only 3 spots left in my coaching program. DM me for details!",
    "Just hit 50k followers!! Thank you fam, giveaway coming soon 🎉",
    "My new course is out now: learn to trade in 30 days https://course.example",
    "Pre-order the hoodie before it sells out https://store.example/hoodie",
    "https://store.example/sale",
    "Limited time offer: buy one get one free. Don't miss it! #deal #sale #shopping #discount",
    "New video on my channel! Go watch and subscribe https://video.example/watch",
    "Sign up for my newsletter and get the free ebook https://list.example",
    "Flash sale ends tonight ⏰ link in bio #ad #sponsored",
    "Check out my new podcast episode https://pod.example/ep42",
    "Free shipping on all orders over $30 this week only! Order now https://shop.example",
    "Join my masterclass on passive income. Register now, seats are limited!",
    "Giveaway! Enter to win a $100 gift card. Details on my page #giveaway #win #free #contest",
    "My ebook hit #1 in its category! Grab yours https://book.example",
    "Book a call with me to grow your brand https://calendar.example/me",
    "https://store.example/new-arrivals",
    "Unboxing the new collection. Use my code GLOW15 at checkout.",
    "100k views on my last reel, thank you! New one dropping tomorrow 🚀",
    "Waitlist is open for the spring cohort https://cohort.example",
    "Last chance: early bird pricing ends at midnight https://event.example",
    "¡Nueva colección! Compra ya con envío gratis, link en bio",
    "Neues Video auf meinem Kanal! Jetzt abonnieren https://video.example/de",
    "Promo flash : code promo ETE25 sur tout le site https://shop.example/fr",
    "Frete grátis hoje! Compre já pelo link na bio",
    "新作入荷しました！プロフのリンクから購入できます",
]
PROMO_REPLIES = [
    "Thanks! Check your DMs 😊", "Link is in my bio!", "DM me for the code!",
    "Yes, still available. Order here https://shop.example", "Thank you so much 🙏",
    "Use code SAVE20!", "It ships worldwide!", "Sent you a DM.",
]

# Bait page: engagement farming.
BAIT_POSTS = [
    "Like if you remember this 👇", "RT if you agree!!!", "Tag a friend who needs to see this 😂",
    "Who agrees? 🙋", "Type YES if you love your mom ❤️", "Only real ones will share this",
    "Comment below your favourite pizza topping 🍕", "Drop a 🔥 if you're still up",
    "Like and share if you think teachers deserve more", "Don't scroll without saying amen 🙏",
    "Yes or no? Pineapple on pizza", "Let's see how many people like this cat",
    "Follow for more daily motivation 💪", "Smash that like button if Monday is ruining you",
    "Retweet if you'd rather be at the beach 🏖️", "How many of you still have this phone? Comment below",
    "Raise your hand if you've ever done this ✋", "I bet you can't look at this without smiling. Share it!",
    "Agree or disagree: breakfast is the best meal", "Tag someone you'd take on a road trip",
    "Double tap if you love dogs 🐶", "Share this before it gets deleted",
    "Vote now: cats or dogs? Reply with your answer", "Who else is tired of Mondays? 🙋‍♀️",
    "Dale like si estás de acuerdo 👍", "Etiqueta a un amigo que necesita ver esto",
    "Like wenn du auch Montag hasst", "Partage si tu es d'accord !",
    "Curte se você concorda 👇", "いいねとRTお願いします！拡散希望",
    "1 like = 1 prayer 🙏", "Stop scrolling! Tell me your star sign in the comments",
]
BAIT_REPLIES = ["😂😂😂", "Yes!", "Facts 💯", "Follow back?", "❤️", "Haha true", "Thanks for sharing!"]

# Troll: replies to many people, with insults, curt contradiction and us-versus-them.
TROLL_REPLIES = [
    "Wrong. Read a book.", "You're an idiot if you believe that.", "Lol no. Cope.",
    "Shut up, nobody asked.", "Typical leftist nonsense.", "These people never learn.",
    "Imagine being this stupid in public.", "Clown take. Delete this.",
    "Ratio.", "You people are the problem.", "Nonsense, and you know it.",
    "Pathetic. Absolutely pathetic.", "Go touch grass, loser.", "Who asked?",
    "Bad take, as usual from your kind.", "Wrong again. Are you dumb?",
    "The left are destroying everything and morons like you cheer.",
    "Liberals are all the same, zero brain cells.", "Conservatives are a cult, wake up people.",
    "This is wrong on every level, moron.", "Nope. Try harder.", "Get lost, grifter.",
    "Every single one of them is a liar.", "Keep crying, snowflake.",
    "Braindead take from a braindead account.", "Nobody cares about your opinion.",
    "False. Do your own research.", "Did you even read it? Clearly not.",
    "Cállate, idiota.", "Halt die Klappe, du Vollidiot.", "Ta gueule, crétin.",
]
TROLL_NEUTRAL = ["Whatever.", "Sure.", "lol", "Ok.", "Source?", "And?"]

# Framings that make a pool of own posts last without word-for-word repeats.
POST_PREFIXES = [
    "", "Today:", "Update:", "Note to self:", "Small win:", "Honestly,", "Morning thought:",
    "Weekend notes:", "Late post:", "From the train:", "Quick one:", "Reminder:",
]
POST_SUFFIXES = [
    "", "More soon.", "Anyway.", "That is all for today.", "Back to work.", "Good night all.",
    "Will report back.", "Onwards.", "Details later.", "Still thinking about it.",
]
BROADCAST_PREFIXES = [
    "", "New:", "ICYMI:", "Worth your time:", "From the archive:", "Morning briefing:",
    "Today's note:", "Read this:", "Weekly digest:", "Analysis:", "Explainer:", "Update:",
]
BROADCAST_SUFFIXES = [
    "", "More in tomorrow's newsletter.", "Full story on the site.", "Details in the report.",
    "Link in the thread.", "Notes below.", "Comments are open on the blog.",
]
REPLY_OPENERS = ["", "Ha,", "Oh,", "Yes,", "Aw,", "Wow,", "Ooh,", "Hey,"]


def zipf_people(rng, count, breadth):
    """Picks `count` people: a few friends often, many people once."""
    people = HANDLES[:breadth]
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(people))]
    return rng.choices(people, weights=weights, k=count)


def unique_combinations(rng, parts, count):
    seen = set()
    results = []
    attempts = 0
    while len(results) < count and attempts < count * 50:
        attempts += 1
        text = " ".join(part for part in (rng.choice(options) for options in parts) if part).strip()
        if text not in seen:
            seen.add(text)
            results.append(text)
    return results


def varied(rng, pool, count, prefixes, suffixes):
    """Distinct texts from a pool, framed by a prefix and a suffix."""
    return unique_combinations(rng, [prefixes, pool, suffixes], count)


def sample_without_repeats(rng, pool, count):
    """Draws from the pool, reusing it only when exhausted (as real pages sometimes do)."""
    drawn = []
    while len(drawn) < count:
        batch = pool[:]
        rng.shuffle(batch)
        drawn.extend(batch[: count - len(drawn)])
    return drawn


class ProfileBuilder:
    def __init__(self, rng, handle, timed):
        self.rng = rng
        self.handle = handle
        self.timed = timed
        self.posts = []
        self.clock = 1_700_000_000

    def add(self, text, reply_to=None, thread=None, repost=False):
        self.clock += self.rng.randint(600, 40_000)
        post = {"id": f"{self.handle}-{len(self.posts)}", "text": text}
        if reply_to:
            post.update({"isReply": True, "replyTo": reply_to, "mentions": [reply_to]})
            post["text"] = f"@{reply_to} {text}"
        if thread:
            post["thread"] = thread
        if repost:
            post["isRepost"] = True
        links = [token for token in text.split() if token.startswith("http")]
        if links:
            post["links"] = links
        hashtags = [token[1:] for token in text.split() if token.startswith("#") and len(token) > 1]
        if hashtags:
            post["hashtags"] = hashtags
        if self.timed:
            post["time"] = self.clock
        self.posts.append(post)

    def add_replies(self, texts, breadth, second_turns=0.0):
        people = zipf_people(self.rng, len(texts), breadth)
        for index, (text, person) in enumerate(zip(texts, people)):
            thread = f"thread-{self.handle}-{index // 2 if self.rng.random() < second_turns else index}"
            self.add(text, reply_to=person, thread=thread if self.rng.random() < 0.7 else None)


def build(archetype, index, rng):
    handle = f"{archetype}{index}"
    timed = index % 2 == 0
    profile = ProfileBuilder(rng, handle, timed)
    if archetype == "conversationalist":
        n_items = rng.choice([18, 25, 40, 60, 90, 130])
        n_replies = int(n_items * rng.uniform(0.6, 0.85))
        replies = unique_combinations(rng, [CONV_OPENERS, CONV_BODIES, CONV_CLOSERS], n_replies)
        if index % 3 == 0:
            replies[: len(CONV_OTHER_LANGUAGES)] = CONV_OTHER_LANGUAGES[: len(replies)]
        profile.add_replies(replies, breadth=rng.randint(15, 40), second_turns=0.4)
        for text in varied(rng, CONV_OWN_POSTS, n_items - n_replies, POST_PREFIXES, POST_SUFFIXES):
            profile.add(text)
    elif archetype == "balanced":
        n_items = rng.choice([20, 30, 45, 70, 110])
        n_replies = int(n_items * rng.uniform(0.3, 0.45))
        replies = unique_combinations(rng, [REPLY_OPENERS, BALANCED_REPLIES], n_replies)
        profile.add_replies(replies, breadth=rng.randint(8, 20), second_turns=0.15)
        for text in varied(rng, BALANCED_POSTS, n_items - n_replies, POST_PREFIXES, POST_SUFFIXES):
            profile.add(text)
    elif archetype == "broadcaster":
        n_items = rng.choice([60, 80, 120, 150])
        n_replies = rng.randint(5, 8)
        profile.add_replies(sample_without_repeats(rng, BROADCAST_REPLIES, n_replies), breadth=6)
        for text in varied(rng, BROADCAST_POSTS, n_items - n_replies, BROADCAST_PREFIXES, BROADCAST_SUFFIXES):
            profile.add(text)
        for repost in range(rng.randint(0, 20)):
            profile.add("", repost=True)
    elif archetype == "promoter":
        n_items = rng.choice([30, 50, 80])
        n_replies = rng.randint(5, 9)
        profile.add_replies(sample_without_repeats(rng, PROMO_REPLIES, n_replies), breadth=8)
        n_own = n_items - n_replies
        n_selling = int(n_own * rng.uniform(0.55, 0.8))
        for text in sample_without_repeats(rng, PROMO_POSTS, n_selling):
            profile.add(text)
        for text in varied(rng, BROADCAST_POSTS, n_own - n_selling, BROADCAST_PREFIXES, BROADCAST_SUFFIXES):
            profile.add(text)
    elif archetype == "bait":
        n_items = rng.choice([25, 40, 70])
        n_replies = rng.randint(5, 8)
        profile.add_replies(sample_without_repeats(rng, BAIT_REPLIES, n_replies), breadth=10)
        for text in sample_without_repeats(rng, BAIT_POSTS, n_items - n_replies):
            profile.add(text)
    elif archetype == "troll":
        n_items = rng.choice([25, 40, 60])
        n_replies = int(n_items * rng.uniform(0.7, 0.9))
        n_hostile = int(n_replies * rng.uniform(0.6, 0.85))
        replies = sample_without_repeats(rng, TROLL_REPLIES, n_hostile) + sample_without_repeats(
            rng, TROLL_NEUTRAL, n_replies - n_hostile
        )
        rng.shuffle(replies)
        profile.add_replies(replies, breadth=rng.randint(15, 35))
        for text in varied(rng, BROADCAST_POSTS, n_items - n_replies, BROADCAST_PREFIXES, BROADCAST_SUFFIXES):
            profile.add(text)
    elif archetype == "tiny":
        if index % 2 == 0:
            # A handful of posts: too few to judge.
            pool = CONV_OWN_POSTS + BALANCED_POSTS
            for text in sample_without_repeats(rng, pool, rng.randint(2, 9)):
                profile.add(text)
        else:
            # Plenty of posts but the replies tab was never loaded.
            for text in varied(rng, BALANCED_POSTS, rng.randint(12, 40), POST_PREFIXES, POST_SUFFIXES):
                profile.add(text)
            for text in sample_without_repeats(rng, BALANCED_REPLIES, rng.randint(0, 4)):
                profile.add_replies([text], breadth=5)
    rng.shuffle(profile.posts)
    return profile.posts


# Edge cases: profiles near the boundaries, written to catch the model's blind spots.
EDGE_BLUNT_REPLIES = [
    "No, that's not how the tax works, because the threshold applies per person, not per household.",
    "I disagree, the data you cite covers only two cities, so it can't tell us much about rural areas.",
    "That's wrong about the date, the treaty was signed in 1648, but your broader point stands.",
    "Not quite. The library reads the config once at start, so changing it later does nothing.",
    "I'd push back on that: the pilot had no control group, which makes the result hard to trust.",
    "Nope, the old version had the same bug, I checked the changelog. Which version are you on?",
    "Hard disagree on the framing, though I agree the rent numbers are alarming.",
    "The chart starts at 40, not zero, which exaggerates the drop. Do you have the raw numbers?",
    "You're right about the cost, I was wrong about the timeline. Thanks for the correction.",
    "I see it differently: the delay came from the permits, not the contractor.",
    "That quote is from a different speech, I think. Do you have the source?",
    "Respectfully, no. The study measured sleep, not productivity.",
    "The argument works for small teams, but it breaks down when ten people share one repo.",
    "I don't think that's fair to the nurses, they were the ones who flagged it first.",
    "Partly true. Prices fell, but only after the subsidy, so it's hard to separate the two.",
    "Wait, are you counting part-time jobs? That changes the picture a lot.",
]
EDGE_AUDIENCE_QUESTIONS = [
    "What are you all reading this week?", "Which podcast should I try next?",
    "Morning! What's everyone working on today?", "Tea or coffee for a long writing day?",
    "What's the best book you read this year?", "Where should I travel in the spring?",
]
EDGE_HELP_SEEKER = [
    "Any advice on getting a toddler to sleep past 5am? Let me know in the comments, I'm desperate.",
    "Does anyone know a good plumber in the east side? Our boiler died.",
    "Can anyone recommend a beginner's guide to sourdough? Tag someone who bakes!",
    "Need help: my laptop fan is screaming. Any tips before I open it up?",
    "Has anyone switched from a gas hob to induction? Was it worth it?",
    "Looking for recommendations for a quiet café to work from downtown.",
    "I'm stuck on the last level of this puzzle game. Any ideas?",
    "What should I plant in a shady balcony? Suggestions welcome.",
]
EDGE_LINK_RESEARCHER = [
    "Our new paper on river sediment transport is out, with open data: https://journal.example/sediment",
    "Preprint: measuring urban heat islands with cheap sensors https://arxiv.example/heat",
    "Slides from my talk on groundwater models https://talks.example/groundwater",
    "The dataset behind last year's flood study is now public https://data.example/floods",
    "A good explainer on why river deltas are sinking https://explainers.example/deltas",
    "Lecture notes for week 4: erosion and deposition https://course.example/week4",
    "Our lab is hiring a research assistant, details here https://lab.example/jobs",
    "New chapter on coastal management in the open textbook https://book.example/coasts",
]
EDGE_JA_REPLIES = [
    "ありがとうございます！とても参考になりました。どのくらい時間がかかりましたか？",
    "なるほど、確かにその方法は良さそうですね。私も試してみます。",
    "お疲れ様でした。無理しないでくださいね。",
    "おめでとうございます！次の作品も楽しみにしています。",
    "その本、私も読みました。最後の章はどう思いましたか？",
    "たしかに、場合によっては逆効果かもしれませんね。",
    "教えてくださってありがとうございます。ソースはどこで見つけましたか？",
    "わかります、私も同じ経験があります。結局どうしましたか？",
    "大丈夫ですか？お大事にしてください。",
    "勉強になります。例えば小さいチームだとどうなるでしょうか？",
    "すごいですね！どうやって始めたんですか？",
    "同感です。ただし、費用の面はもう少し考える必要がありそうです。",
]
EDGE_JA_POSTS = [
    "今日は朝から雨。図書館で一日中本を読んでいました。",
    "新しいパン屋さんのクロワッサンが美味しかった。",
    "週末は山に登る予定です。晴れるといいな。",
    "仕事で小さな失敗をしたけど、いい勉強になった。",
]
EDGE_ES_BAIT = [
    "Dale like si estás de acuerdo 👍", "Etiqueta a un amigo que necesita ver esto 😂",
    "Comparte si amas a tu mamá ❤️", "¿Quién más odia los lunes? 🙋", "Comenta abajo tu comida favorita",
    "Sígueme para más frases bonitas", "Escribe SÍ si crees en los milagros 🙏",
    "Comparte esto antes de que lo borren", "Dale me gusta si recuerdas esto",
    "Menciona a tu mejor amiga", "¿Quién está de acuerdo? 👇", "Dale like y comparte",
]
EDGE_DE_TROLL = [
    "Halt die Klappe, du Vollidiot.", "Falsch. Lies mal ein Buch, du Depp.",
    "Diese Leute lernen es nie.", "Quatsch. Typisch Gutmenschen.",
    "Was für ein Trottel.", "Lächerlich, einfach nur lächerlich.", "Solche Leute wie du sind das Problem.",
    "Blödsinn, du Spinner.", "Die Linken sind alle gleich.", "Versager.",
    "Unsinn. Halt's Maul.", "Du hast keine Ahnung, Idiot.",
]


def build_edge(name, rng):
    profile = ProfileBuilder(rng, name, timed=True)
    if name == "edge-blunt-conversationalist":
        profile.add_replies(EDGE_BLUNT_REPLIES, breadth=14, second_turns=0.3)
        for text in CONV_OWN_POSTS[:5]:
            profile.add(text)
        return profile.posts, "conversationalist", 4
    if name == "edge-audience-questions-broadcaster":
        for text in varied(rng, BROADCAST_POSTS, 40, BROADCAST_PREFIXES, BROADCAST_SUFFIXES) + EDGE_AUDIENCE_QUESTIONS:
            profile.add(text)
        profile.add_replies(BROADCAST_REPLIES[:6], breadth=6)
        return profile.posts, "broadcaster", 2
    if name == "edge-help-seeker":
        for text in EDGE_HELP_SEEKER + BALANCED_POSTS[:8]:
            profile.add(text)
        profile.add_replies(unique_combinations(rng, [REPLY_OPENERS, BALANCED_REPLIES], 10), breadth=8)
        return profile.posts, "balanced", 3
    if name == "edge-link-researcher":
        for text in EDGE_LINK_RESEARCHER + varied(rng, BROADCAST_POSTS, 22, BROADCAST_PREFIXES, BROADCAST_SUFFIXES):
            profile.add(text)
        profile.add_replies(BROADCAST_REPLIES[:6], breadth=5)
        return profile.posts, "broadcaster", 2
    if name == "edge-japanese-conversationalist":
        profile.add_replies(EDGE_JA_REPLIES, breadth=11, second_turns=0.3)
        for text in EDGE_JA_POSTS:
            profile.add(text)
        return profile.posts, "conversationalist", 4
    if name == "edge-spanish-bait-page":
        for text in EDGE_ES_BAIT * 2:
            profile.add(text)
        profile.add_replies(["¡Gracias! 😂", "Jajaja sí", "❤️", "Síguenos 🙏", "Claro que sí"], breadth=5)
        return profile.posts, "promoter", 1
    if name == "edge-german-troll":
        profile.add_replies(EDGE_DE_TROLL + ["Na und?", "Ok.", "Quelle?"], breadth=13)
        for text in BROADCAST_POSTS[:4]:
            profile.add(text)
        return profile.posts, "combative", 1
    if name == "edge-replies-tab-missing":
        for text in varied(rng, CONV_OWN_POSTS, 30, POST_PREFIXES, POST_SUFFIXES):
            profile.add(text)
        return profile.posts, "not-enough-to-judge", None
    raise ValueError(name)


EDGE_CASES = [
    "edge-blunt-conversationalist", "edge-audience-questions-broadcaster", "edge-help-seeker",
    "edge-link-researcher", "edge-japanese-conversationalist", "edge-spanish-bait-page",
    "edge-german-troll", "edge-replies-tab-missing",
]


# Intended order: higher tier, better conversation. Labels the model should give.
ARCHETYPES = [
    ("conversationalist", 10, 4, "conversationalist"),
    ("balanced", 10, 3, "balanced"),
    ("broadcaster", 10, 2, "broadcaster"),
    ("promoter", 8, 1, "promoter"),
    ("bait", 8, 1, "promoter"),
    ("troll", 8, 1, "combative"),
    ("tiny", 8, None, "not-enough-to-judge"),
]


def main():
    rng = random.Random(20261125)
    for name in os.listdir(HERE):
        if name.endswith(".json") and name[0].isalpha() and "-" in name:
            os.remove(os.path.join(HERE, name))
    for archetype, count, tier, label in ARCHETYPES:
        for index in range(count):
            posts = build(archetype, index, rng)
            document = {
                "archetype": archetype,
                "expectedLabel": label,
                "intendedTier": tier,
                "posts": posts,
            }
            path = os.path.join(HERE, f"{archetype}-{index:02}.json")
            with open(path, "w", encoding="utf-8") as file:
                json.dump(document, file, ensure_ascii=False, indent=1)
                file.write("\n")
    for name in EDGE_CASES:
        posts, label, tier = build_edge(name, rng)
        rng.shuffle(posts)
        document = {"archetype": "edge", "expectedLabel": label, "intendedTier": tier, "posts": posts}
        with open(os.path.join(HERE, f"{name}.json"), "w", encoding="utf-8") as file:
            json.dump(document, file, ensure_ascii=False, indent=1)
            file.write("\n")


if __name__ == "__main__":
    main()
