// The playground's worker: everything slow happens here, so the page keeps answering.
// It loads the engine (www/pkg, built by `cargo xtask dist` with `--target web`), reads
// dropped files (unzipping archives with zip.js), parses and scores them, and posts back
// only what the page draws: never the posts themselves.
//
//   page → worker  {type: 'files', id, files: [File]} | {type: 'text', id, name, text}
//                  {type: 'conversation', id, text}        (answers carry the same id)
//   worker → page  {type: 'progress', stage, done, total}  (total 0: no measure of it)
//                  {type: 'report', report, timings} | {type: 'error', error}
//                  {type: 'conversation', conversation} | {type: 'ready'}

import init, { ExportReader, scoreConversation } from './pkg/sincerely_www.js';
import { isZip, listZip, readEntry, ZipError } from './zip.js';

// A worker takes its Content-Security-Policy from its own response headers, not from the
// page's <meta>, and a static host may send none. So once the engine is loaded (its one
// request), the worker gives up the ways to reach a network: nothing here needs one.
const NETWORK_APIS = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'WebTransport'];
const ready = init({ module_or_path: new URL('./pkg/sincerely_www_bg.wasm', import.meta.url) }).then(() => {
  for (const name of NETWORK_APIS) Object.defineProperty(self, name, { value: undefined });
});

/** The entries of an archive that hold posts: Mastodon's outbox.json, X's data/tweets.js
 *  (and tweets-part1.js… of big archives; data/tweet.js in older ones). */
const POST_ENTRY = /(^|\/)(outbox\.json|data\/tweets?(-part\d+)?\.js)$/;

/** The request being served: every answer carries its id. */
let currentId = 0;

function progress(stage, done, total) {
  postMessage({ type: 'progress', id: currentId, stage, done, total });
}

/** A File's bytes, read in chunks so the page can show how far along it is. */
async function readFile(file, onProgress) {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, length);
    length += value.length;
    onProgress(length);
  }
  return bytes.subarray(0, length);
}

/** [{name, bytes}] of every post file in the dropped files, zips opened. */
async function collect(files) {
  const sources = [];
  for (const file of files) {
    if (await isZip(file)) {
      let entries;
      try {
        entries = await listZip(file);
      } catch (error) {
        throw { file: file.name, kind: 'zip', message: error.message, advice: 'Download the archive again: this copy is damaged or incomplete.' };
      }
      const wanted = entries.filter((entry) => POST_ENTRY.test(entry.name));
      if (!wanted.length) {
        throw { file: file.name, kind: 'zip', message: 'this zip holds neither outbox.json (Mastodon) nor data/tweets.js (X)', advice: 'Drop the archive you downloaded from Mastodon (Preferences → Import and export → Request your archive) or from X (Settings → Your account → Download an archive).' };
      }
      for (const entry of wanted) sources.push({ name: `${file.name}/${entry.name}`, zip: file, entry, size: entry.size });
    } else {
      sources.push({ name: file.name, file, size: file.size });
    }
  }
  return sources;
}

async function readExport(sources) {
  await ready;
  const started = performance.now();
  const total = sources.reduce((sum, source) => sum + source.size, 0);
  let before = 0;
  const loaded = [];
  for (const source of sources) {
    const onProgress = (done) => progress('Reading ' + source.name, before + done, total);
    let bytes;
    try {
      bytes = source.text !== undefined ? null : (source.zip ? await readEntry(source.zip, source.entry, onProgress) : await readFile(source.file, onProgress));
    } catch (error) {
      if (error instanceof ZipError) throw { file: source.name, kind: 'zip', message: error.message, advice: 'Download the archive again: this copy is damaged or incomplete.' };
      throw error;
    }
    before += source.size;
    loaded.push({ name: source.name, bytes, text: source.text });
  }
  const read = performance.now();
  const reader = new ExportReader();
  try {
    for (const { name, bytes, text } of loaded) {
      // One synchronous call each: the bar cannot move during it, so it says so.
      progress(`Reading the posts in ${name}`, 0, 0);
      const added = text === undefined ? reader.add(name, bytes) : reader.addText(name, text);
      if (!added.ok) throw added.error;
    }
    const parsed = performance.now();
    progress(`Scoring ${reader.posts.toLocaleString('en')} posts`, 0, 0);
    const report = reader.report();
    const scored = performance.now();
    return { report, timings: { readMs: read - started, parseMs: parsed - read, scoreMs: scored - parsed, totalMs: scored - started } };
  } finally {
    reader.free();
  }
}

async function serve(data) {
  currentId = data.id;
  try {
    if (data.type === 'files') {
      const sources = await collect(data.files);
      postMessage({ type: 'report', id: data.id, ...(await readExport(sources)) });
    } else if (data.type === 'text') {
      postMessage({ type: 'report', id: data.id, ...(await readExport([{ name: data.name, text: data.text, size: data.text.length }])) });
    } else if (data.type === 'conversation') {
      await ready;
      postMessage({ type: 'conversation', id: data.id, conversation: scoreConversation(data.text) });
    }
  } catch (error) {
    // Our errors are plain objects naming the file and what is wrong; anything else is a bug.
    const plain = error && typeof error === 'object' && 'message' in error && !(error instanceof Error)
      ? error
      : { kind: 'internal', message: String(error?.message ?? error), advice: 'This is a bug in Sincerely; the browser console has the details.' };
    if (error instanceof Error) console.error(error);
    postMessage({ type: 'error', id: data.id, request: data.type, error: plain });
  }
}

// One request at a time, in order: a file dropped while another is read waits its turn.
let queue = Promise.resolve();
onmessage = ({ data }) => {
  queue = queue.then(() => serve(data));
};

ready.then(() => postMessage({ type: 'ready' }), (error) => postMessage({ type: 'error', request: 'init', error: { kind: 'internal', message: `the engine did not load: ${error.message}`, advice: 'Build it with `cargo xtask dist`, then reload.' } }));
