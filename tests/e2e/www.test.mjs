// The www/ playground in real Chromium: the conversation report of generated exports
// (a Mastodon archive zip, its outbox.json, an X archive zip, its tweets.js) must show
// exactly the figures the native command line prints for the same file
// (`sincerely score FILE --json`, the reference); a malformed file gets a message naming
// the line and column; a 50,000-post archive finishes under a printed time while the page
// keeps answering clicks and painting frames; and no request leaves 127.0.0.1.
//
// The inputs are generated here, deterministically, into tests/out/www/.
// Needs `cargo xtask dist` first (www/pkg and www/demo).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { launch } from './browsers.mjs';
import { ROOT, waitFor } from './harness.mjs';

const OUT = path.join(ROOT, 'tests/out/www');
const WWW = path.join(ROOT, 'www');
/** The 50,000-post archive must be read, parsed and scored within this (printed). */
const BIG_BUDGET_MS = 10000;
/** The page must answer a click within this while the worker works. */
const INPUT_DELAY_BUDGET_MS = 100;
/** And never go this long without painting a frame. (Frames are late by themselves, a
 *  little, when the machine is loaded: the worker and the page share a CPU with the rest.) */
const FRAME_GAP_BUDGET_MS = 500;

// ---------------------------------------------------------------- generated inputs

/** A small deterministic PRNG (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['bob', 'carol', 'dmitri', 'eve', 'farah', 'gus', 'hana', 'ivo', 'june', 'kofi', 'lena', 'mo'];
const REPLIES = [
  'Thanks, good point! How did you measure that?',
  'I agree, though it depends on the team. What did you try first?',
  'So sorry to hear that. Hope the move goes better next week.',
  'Fair enough, I was wrong about the dates. Where did you find them?',
  'Congrats on the launch! How long did the beta take?',
  'That makes sense because the cache is cold at start. Did you warm it?',
  'Interesting, I never thought of it that way. Which book was it?',
  'Thank you for the link, the second chart is the clearest.',
  'No. That is wrong.',
  'Maybe, but in my experience the old parser was slower. Did you profile it?',
];
const BROADCASTS = [
  'New blog post about our build pipeline https://blog.example/build',
  'LIKE and SHARE if you agree!!! Follow for more',
  'Morning walk by the river, the fog was thick today.',
  'Big sale this week, use code SAVE20 at checkout https://shop.example',
  'Shipping the new release today #rust #wasm #web #opensource #dev',
  'Reading about compilers again. The chapter on register allocation is great.',
];

/** Posts of known content: which person, reply or not, text, time. */
function posts(count, seed) {
  const next = random(seed);
  const start = Date.UTC(2023, 0, 1) / 1000;
  const list = [];
  for (let index = 0; index < count; index++) {
    const time = start + Math.floor((index / count) * 540 * 86400) + Math.floor(next() * 3600);
    const roll = next();
    const person = PEOPLE[Math.floor(next() * PEOPLE.length)];
    if (roll < 0.55) list.push({ index, time, kind: 'reply', person, text: REPLIES[Math.floor(next() * REPLIES.length)] });
    else if (roll < 0.62) list.push({ index, time, kind: 'self', text: 'And a second part of the thread above.' });
    else if (roll < 0.7) list.push({ index, time, kind: 'repost', person });
    else list.push({ index, time, kind: 'post', text: `${BROADCASTS[Math.floor(next() * BROADCASTS.length)]}${next() < 0.5 ? '' : ` (${index})`}` });
  }
  return list;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function mastodonOutbox(list) {
  const me = 'https://social.example/users/ana';
  const items = list.map((post) => {
    const published = new Date(post.time * 1000).toISOString().replace('.000Z', 'Z');
    const id = `${me}/statuses/${post.index}`;
    if (post.kind === 'repost') {
      return { id: `${id}/activity`, type: 'Announce', actor: me, published, object: `https://other.example/users/${post.person}/statuses/${post.index}` };
    }
    const object = { id, type: 'Note', published, content: `<p>${escapeHtml(post.text)}</p>`, tag: [] };
    if (post.kind === 'reply') {
      object.inReplyTo = `https://other.example/users/${post.person}/statuses/${post.index - 1}`;
      object.conversation = `tag:other.example,2023:objectId=${Math.floor(post.index / 3)}:objectType=Conversation`;
      object.content = `<p><span class="h-card"><a href="https://other.example/@${post.person}" class="u-url mention">@<span>${post.person}</span></a></span> ${escapeHtml(post.text)}</p>`;
      object.tag.push({ type: 'Mention', href: `https://other.example/users/${post.person}`, name: `@${post.person}@other.example` });
    } else if (post.kind === 'self') {
      object.inReplyTo = `${me}/statuses/${post.index - 1}`;
    }
    for (const hashtag of post.text.match(/#\w+/g) ?? []) object.tag.push({ type: 'Hashtag', name: hashtag });
    return { id: `${id}/activity`, type: 'Create', actor: me, published, object };
  });
  return JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: 'outbox.json', type: 'OrderedCollection', totalItems: items.length, orderedItems: items }, null, 1);
}

function twitterDate(time) {
  // "Wed Oct 10 20:19:24 +0000 2018"
  const [weekday, day, month, year, clock] = new Date(time * 1000).toUTCString().replace(',', '').split(' ');
  return `${weekday} ${month} ${day} ${clock} +0000 ${year}`;
}

function xTweetsJs(list) {
  const tweets = list.map((post) => {
    const tweet = { id_str: String(1000 + post.index), created_at: twitterDate(post.time), full_text: post.text ?? '', entities: { hashtags: [], user_mentions: [], urls: [] }, retweeted: false };
    if (post.kind === 'reply') {
      tweet.full_text = `@${post.person} ${post.text}`;
      tweet.in_reply_to_screen_name = post.person;
      tweet.in_reply_to_status_id_str = String(900 + post.index);
      tweet.entities.user_mentions.push({ screen_name: post.person });
    } else if (post.kind === 'self') {
      tweet.in_reply_to_screen_name = 'ana';
      tweet.in_reply_to_status_id_str = String(999 + post.index);
    } else if (post.kind === 'repost') {
      tweet.full_text = `RT @${post.person}: something worth reading`;
      tweet.retweeted = true;
    }
    for (const hashtag of tweet.full_text.match(/#\w+/g) ?? []) tweet.entities.hashtags.push({ text: hashtag.slice(1) });
    for (const url of tweet.full_text.match(/https:\/\/\S+/g) ?? []) tweet.entities.urls.push({ expanded_url: url, url });
    return { tweet };
  });
  return `window.YTD.tweets.part0 = ${JSON.stringify(tweets, null, 2)}`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of `[{name, data, deflate}]`, written the way archive tools write them. A damaged
 *  one overrides what the directory says: `compressed` (the stored bytes, deflated), `size`,
 *  `crc`, `extraLength` and `extra` (the bytes actually there). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, deflate, ...damage } of entries) {
    const raw = data === undefined ? null : Buffer.from(data);
    const stored = damage.compressed ?? (deflate ? zlib.deflateRawSync(raw) : raw);
    const nameBytes = Buffer.from(name);
    const crc = damage.crc ?? crc32(raw);
    const size = damage.size ?? raw.length;
    const extra = damage.extra ?? Buffer.alloc(0);
    const compressed = deflate || damage.compressed;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(compressed ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(compressed ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(damage.extraLength ?? extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, stored);
    centrals.push(central, nameBytes, extra);
    offset += local.length + nameBytes.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const GIB = 1024 * 1024 * 1024;

/** 1 GiB of zeros deflated (about 1 MB) and its CRC-32: a zip bomb's payload. */
async function gibibyteOfZeros() {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const parts = [];
  deflater.on('data', (part) => parts.push(part));
  const ended = new Promise((resolve) => deflater.on('end', resolve));
  let crc = 0;
  for (let index = 0; index < GIB / chunk.length; index++) {
    deflater.write(chunk);
    crc = zlib.crc32(chunk, crc);
  }
  deflater.end();
  await ended;
  return { compressed: Buffer.concat(parts), crc };
}

/** Zips built to hurt the reader: bombs, a wrong checksum, an extra field past the directory. */
async function generateHostileZips() {
  const bomb = await gibibyteOfZeros();
  const outbox = mastodonOutbox(posts(40, 5));
  // A zip64 extra field that says 8 bytes follow, in an extra area the directory cuts short.
  const zip64Header = Buffer.from([0x01, 0x00, 0x08, 0x00]);
  const write = (name, data) => {
    const file = path.join(OUT, name);
    fs.writeFileSync(file, data);
    return file;
  };
  return {
    bombCompressedBytes: bomb.compressed.length,
    // Claims its true size: 1 GiB.
    honestBomb: write('bomb-honest.zip', zip([{ name: 'outbox.json', compressed: bomb.compressed, crc: bomb.crc, size: GIB }])),
    // Claims 1,000 bytes and inflates to 1 GiB.
    lyingBomb: write('bomb-lying.zip', zip([{ name: 'outbox.json', compressed: bomb.compressed, crc: bomb.crc, size: 1000 }])),
    badCrc: write('bad-checksum.zip', zip([{ name: 'outbox.json', data: outbox, deflate: true, crc: (crc32(Buffer.from(outbox)) ^ 1) >>> 0 }])),
    extraPastDirectory: write('extra-past-directory.zip', zip([{ name: 'outbox.json', data: outbox, deflate: true, size: 0xffffffff, extra: zip64Header, extraLength: 12 }])),
  };
}

/** Writes every input; returns their paths. */
function generateInputs() {
  fs.mkdirSync(OUT, { recursive: true });
  const write = (name, data) => {
    const file = path.join(OUT, name);
    fs.writeFileSync(file, data);
    return file;
  };
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  const outbox = mastodonOutbox(posts(240, 7));
  const tweets = xTweetsJs(posts(180, 11));
  const bigOutbox = mastodonOutbox(posts(50000, 13));
  // Cut inside the 3rd activity: a truncated download.
  const truncated = outbox.slice(0, outbox.indexOf('"orderedItems"') + 900);
  const tweetsPart1 = xTweetsJs(posts(90, 17)).replace('window.YTD.tweets.part0', 'window.YTD.tweets.part1');
  return {
    outbox: write('outbox.json', outbox),
    xTwoPartZip: write('twitter-archive-two-parts.zip', zip([
      { name: 'data/tweets.js', data: tweets, deflate: true },
      { name: 'data/tweets-part1.js', data: tweetsPart1, deflate: true },
    ])),
    mastodonZip: write('mastodon-archive.zip', zip([
      { name: 'actor.json', data: '{"type": "Person", "preferredUsername": "ana"}' },
      { name: 'media_attachments/files/1/original/photo.png', data: png },
      { name: 'outbox.json', data: outbox, deflate: true },
      { name: 'likes.json', data: '{"orderedItems": []}', deflate: true },
    ])),
    tweets: write('tweets.js', tweets),
    xZip: write('twitter-archive.zip', zip([
      { name: 'Your archive.html', data: '<!doctype html><title>Your archive</title>', deflate: true },
      { name: 'data/account.js', data: 'window.YTD.account.part0 = [{"account": {"username": "ana"}}]' },
      { name: 'data/tweets.js', data: tweets, deflate: true },
    ])),
    tweetsPart1: write('tweets-part1.js', tweetsPart1),
    malformed: write('truncated-outbox.json', truncated),
    emptyZip: write('photos.zip', zip([{ name: 'photo.png', data: png }])),
    truncatedZip: write('cut-short-archive.zip', zip([{ name: 'outbox.json', data: outbox, deflate: true }]).subarray(0, 4000)),
    notAnExport: write('notes.txt', 'Shopping: milk, eggs\n'),
    bigOutbox: write('big-outbox.json', bigOutbox),
    bigZip: write('big-mastodon-archive.zip', zip([{ name: 'outbox.json', data: bigOutbox, deflate: true }])),
  };
}

/** What the native command line prints for a file (or files, `--merge`d):
 *  `{file, format, posts, badge}` or `{file, error}`. */
function cli(...files) {
  const merge = files.length > 1 ? ['--merge'] : [];
  let stdout;
  try {
    stdout = execFileSync('cargo', ['run', '--quiet', '--', 'score', ...files, '--json', ...merge], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    stdout = error.stdout; // exit code 1 for a file it could not read
  }
  return JSON.parse(stdout).files[0];
}

// ---------------------------------------------------------------- the page

let server;
let wwwUrl;
let browser;
let page;
let inputs;
const served = [];
const seenRequests = [];
/** Requests the pages' own policies stopped in the browser: they never left it. */
const cspBlocked = new Set();

before(async () => {
  assert.ok(fs.existsSync(path.join(WWW, 'pkg/sincerely_www_bg.wasm')), 'www/pkg is missing: run `cargo xtask dist` first');
  inputs = { ...generateInputs(), ...(await generateHostileZips()) };
  const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
  server = http.createServer((request, response) => {
    served.push(request.url);
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = path.join(WWW, path.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(WWW + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    // A worker takes its policy from its own response, not the page's <meta>: this is the
    // header a static host should send with worker.js (it fetches only its own wasm).
    if (pathname === '/worker.js') headers['content-security-policy'] = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
    response.writeHead(200, headers);
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  wwwUrl = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch('chromium', { extension: false });
  browser.router.passPrefix = wwwUrl;
  browser.context.on('request', (request) => seenRequests.push(request.url()));
  browser.context.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'csp') cspBlocked.add(request.url());
  });
  page = (await browser.newPage()).raw;
  page.on('pageerror', (error) => console.error('page error:', error));
  page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()));
  await page.goto(wwwUrl);
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Drops files on the file input and waits for the report or the error. */
async function drop(files, ms = 30000) {
  await page.evaluate(() => { delete document.getElementById('report').dataset.state; });
  await page.setInputFiles('#file-input', files);
  await waitFor(() => page.evaluate(() => ['done', 'error'].includes(document.getElementById('report').dataset.state)), 'the report', ms);
}

/** The figures the page shows. */
function shownFigures() {
  return page.evaluate(() => {
    const badge = document.querySelector('#report .badge');
    return {
      posts: Number(document.getElementById('report').dataset.posts),
      format: document.getElementById('report').dataset.format,
      score: badge.dataset.score === '' ? null : Number(badge.dataset.score),
      label: badge.dataset.label,
      labelName: badge.querySelector('.badge-label').textContent,
      confidence: badge.querySelector('.badge-confidence').textContent,
      bars: [...badge.querySelectorAll('.bar')].map((bar) => [bar.dataset.id, bar.dataset.value === '' ? null : Number(bar.dataset.value)]),
      reasons: [...badge.querySelectorAll('.reason')].map((reason) => [reason.dataset.id, reason.querySelector('.reason-text').textContent]),
      timelineBars: document.querySelectorAll('#timeline-chart rect').length,
      people: [...document.querySelectorAll('#people-chart .person-handle')].map((text) => text.textContent),
      examples: document.querySelectorAll('#report .examples blockquote').length,
    };
  });
}

function expectedFigures(reference) {
  const { badge } = reference;
  const confidence = badge.confidence;
  const plural = (n, one, many) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  return {
    posts: reference.posts,
    format: reference.format,
    score: badge.score,
    label: badge.label,
    labelName: badge.labelName,
    confidence: `${confidence.band === 'none' ? 'No confidence yet' : `${confidence.name} confidence`} · ${plural(confidence.items, 'post', 'posts')}, ${plural(confidence.replies, 'reply', 'replies')} to ${plural(confidence.people, 'person', 'people')}`,
    bars: badge.bars.map((bar) => [bar.id, bar.value]),
    reasons: badge.reasons.map((reason) => [reason.id, reason.text]),
  };
}

async function assertSameAsCli(dropped, ...referenceFiles) {
  await drop([dropped]);
  const reference = cli(...referenceFiles);
  assert.ok(reference.badge, `the CLI read ${referenceFiles}: ${reference.error}`);
  const shown = await shownFigures();
  const { timelineBars, people, examples, ...figures } = shown;
  assert.deepEqual(figures, expectedFigures(reference));
  assert.ok(timelineBars > 10, `the timeline draws bars (${timelineBars})`);
  assert.ok(people.length >= 5 && people[0].startsWith('@'), `the people chart lists people (${people})`);
  assert.ok(examples >= 1, 'reasons come with examples from the posts');
  return reference;
}

test('a Mastodon archive zip shows the figures `sincerely score outbox.json` prints', async () => {
  const reference = await assertSameAsCli(inputs.mastodonZip, inputs.outbox);
  console.log(`  mastodon: ${reference.badge.labelName} ${reference.badge.score}, ${reference.posts} posts`);
});

test('a Mastodon outbox.json on its own gives the same figures', async () => {
  await assertSameAsCli(inputs.outbox, inputs.outbox);
});

test('an X archive zip shows the figures `sincerely score tweets.js` prints', async () => {
  const reference = await assertSameAsCli(inputs.xZip, inputs.tweets);
  console.log(`  x: ${reference.badge.labelName} ${reference.badge.score}, ${reference.posts} posts`);
});

test('an X tweets.js dropped on the page gives the same figures', async () => {
  // A real drop event this time, with the file in its DataTransfer.
  await page.evaluate(() => { delete document.getElementById('report').dataset.state; });
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'tweets.js', { type: 'text/javascript' }));
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, fs.readFileSync(inputs.tweets, 'utf8'));
  await waitFor(() => page.evaluate(() => ['done', 'error'].includes(document.getElementById('report').dataset.state)), 'the dropped report');
  const { timelineBars, people, examples, ...figures } = await shownFigures();
  assert.deepEqual(figures, expectedFigures(cli(inputs.tweets)));
});

test('an X archive in two parts is scored as one account, like `sincerely score --merge`', async () => {
  const reference = await assertSameAsCli(inputs.xTwoPartZip, inputs.tweets, inputs.tweetsPart1);
  assert.equal(reference.posts, 270);
});

test('a truncated outbox.json gets a message naming the file, line and column', async () => {
  await drop([inputs.malformed]);
  const reference = cli(inputs.malformed);
  assert.ok(reference.error, 'the CLI refuses it too');
  // "…/truncated-outbox.json: line 29, column 5: EOF while parsing a string"
  const [, position] = reference.error.match(/: (line \d+, column \d+: .*)$/);
  const message = await page.evaluate(() => document.getElementById('error').textContent);
  assert.ok(message.includes('truncated-outbox.json could not be read.'), message);
  assert.ok(message.includes(position), `${JSON.stringify(message)} names ${position}`);
  assert.ok(message.includes('damaged or cut short'), message);
  assert.ok(await page.evaluate(() => document.getElementById('report').hidden));
});

test('a cut-short zip and a file that is no export get clear messages', async () => {
  await drop([inputs.truncatedZip]);
  let message = await page.evaluate(() => document.getElementById('error').textContent);
  assert.match(message, /cut-short-archive\.zip could not be read\. the zip has no central directory: it is damaged or was cut short\./);
  assert.match(message, /Download the archive again/);
  await drop([inputs.notAnExport]);
  message = await page.evaluate(() => document.getElementById('error').textContent);
  const reference = cli(inputs.notAnExport);
  assert.ok(message.includes(reference.error.replace(/^.*?: /, '')), `${message} / ${reference.error}`);
  assert.match(message, /Drop a Mastodon outbox\.json, an X archive's data\/tweets\.js/);
  assert.equal(await page.evaluate(() => document.querySelector('#error pre')), null, 'no excerpt of a file that is no export');
});

test('a zip without posts says what it was looking for', async () => {
  await drop([inputs.emptyZip]);
  const message = await page.evaluate(() => document.getElementById('error').textContent);
  assert.match(message, /photos\.zip could not be read\. this zip holds neither outbox\.json \(Mastodon\) nor data\/tweets\.js \(X\)/);
});

/** The message the page shows for a dropped file (it must be ours, not "a bug"). */
async function errorShownFor(file) {
  await drop([file]);
  const message = await page.evaluate(() => document.getElementById('error').textContent);
  assert.doesNotMatch(message, /bug in Sincerely/, message);
  assert.match(message, /Download the archive again/, message);
  return message;
}

test('a zip bomb is refused with a clear message, whatever size it claims', async () => {
  const megabytes = (inputs.bombCompressedBytes / 1e6).toFixed(2);
  assert.ok(inputs.bombCompressedBytes < 2e6, `the bomb is small: ${megabytes} MB`);
  assert.match(await errorShownFor(inputs.honestBomb),
    /bomb-honest\.zip\/outbox\.json could not be read\. outbox\.json would be 1,024 MiB once unzipped, more than the 256 MiB a posts file can be\./);
  assert.match(await errorShownFor(inputs.lyingBomb),
    /bomb-lying\.zip\/outbox\.json could not be read\. outbox\.json is damaged: it inflates to more than the 1,000 bytes the zip says it holds\./);
});

test('zip.js inflates no more of a bomb than the zip claims (and never more than 256 MiB)', async () => {
  const results = {};
  for (const name of ['honestBomb', 'lyingBomb']) {
    results[name] = await page.evaluate(async (base64) => {
      const { listZip, readEntry, ZipError } = await import('/zip.js');
      // Count what the browser's inflater produced, whether zip.js kept it or not.
      const Inflater = globalThis.DecompressionStream;
      let produced = 0;
      globalThis.DecompressionStream = class {
        constructor(format) {
          const inner = new Inflater(format);
          this.writable = inner.writable;
          this.readable = inner.readable.pipeThrough(new TransformStream({ transform(chunk, controller) { produced += chunk.length; controller.enqueue(chunk); } }));
        }
      };
      const blob = new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))]);
      const [entry] = await listZip(blob);
      let mostInflated = 0;
      const started = performance.now();
      try {
        const bytes = await readEntry(blob, entry, (done) => { mostInflated = Math.max(mostInflated, done); });
        return { read: bytes.length, produced };
      } catch (error) {
        await new Promise((resolve) => setTimeout(resolve, 100)); // let a cancelled inflater finish
        return { zipError: error instanceof ZipError, message: error.message, mostInflated, produced, claimed: entry.size, ms: Math.round(performance.now() - started) };
      } finally {
        globalThis.DecompressionStream = Inflater;
      }
    }, fs.readFileSync(inputs[name]).toString('base64'));
  }
  console.log(`  zip bombs of ${inputs.bombCompressedBytes.toLocaleString('en')} bytes (1 GiB inflated): ` +
    `claiming 1 GiB refused in ${results.honestBomb.ms} ms, the browser inflating ${results.honestBomb.produced} bytes; ` +
    `claiming 1,000 bytes refused in ${results.lyingBomb.ms} ms, the browser inflating ${results.lyingBomb.produced.toLocaleString('en')} bytes`);
  for (const [name, result] of Object.entries(results)) {
    assert.equal(result.read, undefined, `${name} was read whole (${result.read} bytes)`);
    assert.ok(result.zipError, `${name}: ${result.message}`);
    assert.ok(result.mostInflated <= Math.min(result.claimed, 256 * 1024 * 1024), `${name}: kept ${result.mostInflated} bytes of a claimed ${result.claimed}`);
    // Memory: the browser inflated a few pieces, not the gigabyte.
    assert.ok(result.produced <= 64 * 1024 * 1024, `${name}: the browser inflated ${result.produced} bytes`);
  }
  assert.equal(results.honestBomb.mostInflated, 0, 'a claim over the limit is refused before inflating');
});

test('a zip whose checksum does not match its bytes is refused', async () => {
  assert.match(await errorShownFor(inputs.badCrc),
    /bad-checksum\.zip\/outbox\.json could not be read\. outbox\.json is damaged: its bytes do not match the checksum the zip gives for them\./);
  assert.ok(await page.evaluate(() => document.getElementById('report').hidden));
});

test('an extra field running past the zip directory is a damaged zip, not a bug', async () => {
  assert.match(await errorShownFor(inputs.extraPastDirectory),
    /extra-past-directory\.zip could not be read\. zip directory entry 1 is damaged: its name, extra fields or comment run past the end of the directory\./);
});

test('a 50,000-post archive finishes in time while the page keeps answering', async () => {
  // Watch the main thread: the gaps between frames, and how late a click handler runs.
  await page.evaluate(() => {
    const watch = { frameGaps: [], inputDelays: [], stages: [], running: true };
    window.__watch = watch;
    // Every stage the progress line announced while it was shown.
    new MutationObserver(() => {
      const text = document.getElementById('progress-label').textContent;
      if (!document.getElementById('progress').hidden && watch.stages.at(-1) !== text) watch.stages.push(text);
    }).observe(document.getElementById('progress'), { subtree: true, childList: true, characterData: true, attributes: true });
    let last = performance.now();
    const frame = (now) => {
      watch.frameGaps.push(now - last);
      last = now;
      if (watch.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const probe = document.createElement('button');
    probe.id = 'probe';
    probe.textContent = 'probe';
    probe.style.position = 'fixed';
    probe.style.top = '0';
    probe.style.right = '0';
    probe.addEventListener('click', (event) => watch.inputDelays.push(performance.now() - event.timeStamp));
    document.body.append(probe);
  });
  const probeBox = await page.locator('#probe').boundingBox();
  const started = Date.now();
  await page.setInputFiles('#file-input', [inputs.bigZip]);
  // Real mouse clicks, as fast as they come back, until the report is there.
  const roundTrips = [];
  while (!(await page.evaluate(() => ['done', 'error'].includes(document.getElementById('report').dataset.state)))) {
    assert.ok(Date.now() - started < BIG_BUDGET_MS * 2, 'the big archive never finished');
    const clicked = Date.now();
    await page.mouse.click(probeBox.x + probeBox.width / 2, probeBox.y + probeBox.height / 2);
    roundTrips.push(Date.now() - clicked);
  }
  const elapsed = Date.now() - started;
  const watch = await page.evaluate(() => {
    window.__watch.running = false;
    return window.__watch;
  });
  const pageMs = Number(await page.evaluate(() => document.getElementById('report-timing').dataset.pageMs));
  console.log(`  ${await page.evaluate(() => document.getElementById('report-timing').textContent)}`);
  const maxGap = Math.max(...watch.frameGaps.slice(1));
  const maxDelay = Math.max(...watch.inputDelays);
  console.log(`  50,000 posts: ${pageMs} ms from drop to report (${elapsed} ms seen by the test); ` +
    `${watch.inputDelays.length} clicks answered during it, input delay max ${maxDelay.toFixed(1)} ms, ` +
    `click round trip max ${Math.max(...roundTrips)} ms; ${watch.frameGaps.length} frames, longest gap ${maxGap.toFixed(1)} ms, ` +
    `${watch.frameGaps.filter((gap) => gap > 50).length} gaps over 50 ms`);
  assert.equal(await page.evaluate(() => document.getElementById('report').dataset.state), 'done');
  console.log(`  progress: ${watch.stages.join(' → ')}`);
  assert.ok(watch.stages.some((stage) => stage.startsWith('Reading')) && watch.stages.some((stage) => stage.startsWith('Scoring 50,000 posts')), 'a progress bar showed each stage');
  assert.ok(watch.inputDelays.length >= 2, `clicks were answered while it worked (${watch.inputDelays.length})`);
  assert.ok(pageMs < BIG_BUDGET_MS, `finished in ${pageMs} ms (budget ${BIG_BUDGET_MS} ms)`);
  assert.ok(maxDelay < INPUT_DELAY_BUDGET_MS, `input delay ${maxDelay} ms`);
  assert.ok(maxGap < FRAME_GAP_BUDGET_MS, `longest frame gap ${maxGap} ms`);
  const reference = cli(inputs.bigOutbox);
  const { timelineBars, people, examples, ...figures } = await shownFigures();
  assert.deepEqual(figures, expectedFigures(reference));
});

test('a new drop replaces an export still being read', async () => {
  await page.evaluate(() => { delete document.getElementById('report').dataset.state; });
  const workersBefore = served.filter((url) => url === '/worker.js').length;
  await page.setInputFiles('#file-input', [inputs.bigZip]);
  assert.equal(await page.evaluate(() => document.getElementById('report').dataset.state), 'working');
  const started = Date.now();
  await page.setInputFiles('#file-input', [inputs.outbox]);
  await waitFor(() => page.evaluate(() => document.getElementById('report').dataset.state === 'done'), 'the second report');
  console.log(`  the second drop answered in ${Date.now() - started} ms`);
  assert.equal(await page.evaluate(() => document.getElementById('report').dataset.posts), '240');
  // The busy worker was stopped and a fresh one started, rather than queued behind it.
  assert.equal(served.filter((url) => url === '/worker.js').length, workersBefore + 1);
});

test('pasted posts and a pasted conversation are scored', async () => {
  const list = JSON.stringify(Array.from({ length: 12 }, (_, index) => ({ id: String(index), text: REPLIES[index % REPLIES.length], isReply: true, replyTo: PEOPLE[index % PEOPLE.length] })));
  fs.writeFileSync(path.join(OUT, 'pasted.json'), list);
  await page.evaluate(() => { document.getElementById('paste-posts').open = true; });
  await page.fill('#paste-input', list);
  await page.click('#paste-button');
  await waitFor(() => page.evaluate(() => document.getElementById('report').dataset.state === 'done'), 'the pasted report');
  const { timelineBars, people, examples, ...figures } = await shownFigures();
  assert.deepEqual(figures, expectedFigures(cli(path.join(OUT, 'pasted.json'))));

  // Posts as plain text: the same posts as a JSON list give the same figures.
  const lines = Array.from({ length: 14 }, (_, index) => index % 4 === 3
    ? BROADCASTS[index % BROADCASTS.length]
    : `@${PEOPLE[index % PEOPLE.length]} ${REPLIES[index % REPLIES.length]}`);
  const words = (text, prefix) => text.split(/\s+/).filter((word) => word.startsWith(prefix)).map((word) => word.slice(1).replace(/[^\p{L}\p{N}_]+$/u, '')).filter(Boolean);
  const asJson = lines.map((text) => {
    const mentions = words(text, '@');
    const reply = text.startsWith('@');
    return { text, isReply: reply, replyTo: reply ? mentions[0] : null, mentions, hashtags: words(text, '#'), links: text.split(/\s+/).filter((word) => /^https?:\/\//.test(word)) };
  });
  fs.writeFileSync(path.join(OUT, 'pasted-text.json'), JSON.stringify(asJson));
  await page.fill('#paste-input', lines.join('\n'));
  await page.click('#paste-button');
  await waitFor(() => page.evaluate(() => document.getElementById('report').dataset.state === 'done'), 'the pasted text report');
  const { format: textFormat, timelineBars: _bars, people: _people, examples: _examples, ...textFigures } = await shownFigures();
  const { format: _jsonFormat, ...textReference } = expectedFigures(cli(path.join(OUT, 'pasted-text.json')));
  assert.deepEqual(textFigures, textReference);
  assert.equal(textFormat, '', 'plain text is no export format');

  await page.click('#conversation-example');
  await waitFor(() => page.evaluate(() => document.getElementById('conversation').dataset.state === 'done'), 'the conversation');
  const participants = await page.evaluate(() => [...document.querySelectorAll('.participant')].map((card) => [card.dataset.handle, card.querySelector('.badge').dataset.label]));
  assert.deepEqual(participants.map(([handle]) => handle), ['ana', 'bob', 'growthguru', 'carol']);
  // Four posts each at most: honest "not enough to judge" badges, with the reason why.
  assert.ok(participants.every(([, label]) => label === 'not-enough-to-judge'), JSON.stringify(participants));
  const signals = await page.evaluate(() => [...document.querySelectorAll('.thread-post')].map((post) => post.dataset.signals));
  assert.ok(signals[1].includes('follow-up-question'), JSON.stringify(signals));
  assert.ok(signals[4].includes('engagement-bait') && signals[7].includes('selling'), JSON.stringify(signals));
  const depths = await page.evaluate(() => [...document.querySelectorAll('.thread-post')].map((post) => post.style.marginLeft));
  assert.deepEqual(depths, ['0rem', '1.25rem', '2.5rem', '3.75rem', '1.25rem', '1.25rem', '2.5rem', '1.25rem']);

  // The long example is enough for the maintainer who answers everyone to get a score.
  await page.evaluate(() => { delete document.getElementById('conversation').dataset.state; });
  await page.click('#conversation-long-example');
  await waitFor(() => page.evaluate(() => document.getElementById('conversation').dataset.state === 'done'), 'the long conversation');
  const long = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.participant')].map((card) => [card.dataset.handle, [card.querySelector('.badge').dataset.label, card.querySelector('.badge').dataset.score]])));
  console.log(`  long thread: ${JSON.stringify(long)}`);
  assert.equal(long.maintainer[0], 'conversationalist');
  assert.equal(long.dealsbot[0], 'not-enough-to-judge');
});

test('the sample account gets a report with charts', async () => {
  await page.evaluate(() => { delete document.getElementById('report').dataset.state; });
  await page.click('#sample-button');
  await waitFor(() => page.evaluate(() => document.getElementById('report').dataset.state === 'done'), 'the sample report');
  const samplePosts = await page.evaluate(async () => (await import('./sample.js')).samplePosts);
  fs.writeFileSync(path.join(OUT, 'sample.json'), JSON.stringify(samplePosts));
  const { timelineBars, people, examples, ...figures } = await shownFigures();
  assert.deepEqual(figures, expectedFigures(cli(path.join(OUT, 'sample.json'))));
  console.log(`  sample account: ${figures.labelName} ${figures.score}`);
  assert.equal(figures.label, 'conversationalist');
  assert.ok(timelineBars >= 6 && people.length >= 5 && examples >= 3, JSON.stringify({ timelineBars, people, examples }));
});

test('the demo index lists every fixture page', async () => {
  await waitFor(() => page.evaluate(() => document.querySelector('#demo-list li[data-id]')), 'the demo list');
  const listed = await page.evaluate(() => [...document.querySelectorAll('#demo-list li[data-id]')].map((item) => [item.dataset.id, item.querySelector('a').getAttribute('href')]));
  const fixtures = fs.readdirSync(path.join(ROOT, 'tests/fixtures')).flatMap((site) => {
    const dir = path.join(ROOT, 'tests/fixtures', site);
    if (!fs.statSync(dir).isDirectory()) return [];
    return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'case.json'))).map((name) => `${site}/${name}`);
  }).sort();
  assert.deepEqual(listed.map(([id]) => id).sort(), fixtures);
  // Each local copy opens from here without reaching the sites' servers it names.
  for (const [, href] of listed) {
    assert.ok(fs.existsSync(path.join(WWW, href)), href);
    const copy = await browser.context.newPage();
    await copy.goto(wwwUrl + href, { waitUntil: 'load' });
    await copy.close();
  }
});

test('no request left 127.0.0.1', async () => {
  await waitFor(() => served.some((url) => url.endsWith('.wasm')), 'the worker to load the engine');
  console.log(`  ${cspBlocked.size} requests stopped by the pages' Content-Security-Policy before leaving the browser`);
  assert.deepEqual(browser.router.blocked.filter((url) => !cspBlocked.has(url)), []);
  const elsewhere = seenRequests.filter((url) => !url.startsWith(wwwUrl) && !/^(data|blob):/.test(url) && !cspBlocked.has(url));
  assert.deepEqual(elsewhere, []);
  // The worker's own request for the engine was seen, so worker requests are watched too.
  assert.ok(served.some((url) => url.endsWith('/pkg/sincerely_www_bg.wasm')), served.join(' '));
  console.log(`  the browser saw ${seenRequests.length} requests (the worker's included: ${seenRequests.some((url) => url.endsWith('.wasm'))})`);
  console.log(`  ${served.length} requests, all to ${wwwUrl}: ${[...new Set(served)].join(' ')}`);
});
