// PRIVACY.md stays true: every place the code writes to extension storage is known here,
// with the key it writes, and PRIVACY.md lists that key in that storage area. A new write
// fails this test until it is added below and to PRIVACY.md. No browser: this reads files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/**
 * Every storage write, by file and area, with the evidence of its key: a text the writing
 * line holds, or where the key is built elsewhere, the file and text that build it.
 */
const WRITES = [
  { file: 'extension/worker.js', area: 'session', key: 'tab:<id>', line: '[`tab:${tabId}`]' },
  // togglePause (the keyboard command), and forgetRevokedHosts (a host permission taken
  // back in the browser drops the host from the settings).
  { file: 'extension/worker.js', area: 'sync', key: 'settings', line: '{ settings: toggled.settings }' },
  { file: 'extension/worker.js', area: 'sync', key: 'settings', line: '{ settings: forgotten }' },
  { file: 'extension/worker.js', area: 'sync', key: 'settings', line: '{ settings: upgraded }' },
  // setLocal: the worker's own records (a write, and again after a prune made room).
  { file: 'extension/worker.js', area: 'local', key: 'settingsUpgrade', line: 'set(items)', via: 'setLocal({ settingsUpgrade })' },
  {
    file: 'extension/content.js',
    area: 'local',
    key: 'profile:<site>:<handle>',
    line: '[key]',
    // The key is the page plan's profile.key, which the engine builds
    // (profile:<site>:<host>/<handle> on a site served from any host).
    builtIn: ['src/engine.rs', 'format!("profile:{}:{handle}", site.id)'],
  },
  { file: 'extension/worker.js', area: 'local', key: 'earlyTokens', line: 'set(items)', via: 'setLocal({ earlyTokens })' },
  {
    file: 'src/web/popup/src/lib.rs',
    area: 'sync',
    key: 'settings',
    line: 'STORAGE_KEY',
    builtIn: ['src/settings.rs', 'pub const STORAGE_KEY: &str = "settings";'],
  },
  {
    file: 'src/web/popup/src/lib.rs',
    area: 'local',
    key: 'forgotten',
    line: 'FORGET_SIGNAL',
    builtIn: ['src/web/popup/src/lib.rs', 'const FORGET_SIGNAL: &str = "forgotten";'],
  },
];

/** Storage writes as they appear in the code: JS calls, and the popup's calls by name. */
function findWrites() {
  const found = [];
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'extension')).filter((f) => f.endsWith('.js')).map((f) => `extension/${f}`),
    // The web crates' glue (src/web/<crate>/src/*.rs).
    ...fs.readdirSync(path.join(ROOT, 'src/web')).flatMap((crate) =>
      fs.readdirSync(path.join(ROOT, 'src/web', crate, 'src')).filter((f) => f.endsWith('.rs')).map((f) => `src/web/${crate}/src/${f}`)),
  ];
  for (const file of files) {
    const source = read(file);
    const lines = source.split('\n');
    // Across line breaks: a chained call puts `.set(` on the line after `storage.local`.
    const pattern = /storage\s*\.\s*(sync|local|session)\s*\??\s*\.\s*set\s*\(|"storage\.(sync|local|session)\.set"/g;
    for (const match of source.matchAll(pattern)) {
      const index = source.slice(0, match.index).split('\n').length - 1;
      // The items object is on the call's lines or, for the popup's Rust helper, on the
      // few lines before it.
      const text = lines.slice(Math.max(0, index - 8), index + 3).join('\n');
      found.push({ file, area: match[1] ?? match[2], text });
    }
  }
  return found;
}

test('every storage write is known, with its key', () => {
  const found = findWrites();
  const described = found.map(({ file, area }) => `${file} ${area}`).sort();
  assert.deepEqual(described, WRITES.map(({ file, area }) => `${file} ${area}`).sort(), 'storage writes in the code');
  for (const write of WRITES) {
    const site = found.find((f) => f.file === write.file && f.area === write.area && f.text.includes(write.line));
    assert.ok(site, `${write.file}: a ${write.area} write with ${write.line}`);
    if (write.via) assert.ok(read(write.file).includes(write.via), `${write.file} calls ${write.via}`);
    if (write.builtIn) assert.ok(read(write.builtIn[0]).includes(write.builtIn[1]), `${write.builtIn[0]} builds the key: ${write.builtIn[1]}`);
  }
});

test('the worker writes its own records through setLocal with known keys only', () => {
  const worker = read('extension/worker.js');
  const calls = [...worker.matchAll(/setLocal\(/g)].length - 1; // Less the definition.
  const known = [...worker.matchAll(/setLocal\(\{ (\w+) \}\)/g)].map((match) => match[1]).sort();
  assert.equal(known.length, calls, 'every setLocal call names its key');
  assert.deepEqual(known, ['earlyTokens', 'settingsUpgrade']);
});

test('PRIVACY.md lists every key in its storage area', () => {
  const rows = read('PRIVACY.md')
    .split('\n')
    .filter((line) => line.startsWith('| `storage.'));
  for (const { area, key } of WRITES) {
    const areaRows = rows.filter((line) => line.startsWith(`| \`storage.${area}\``));
    assert.ok(areaRows.length, `PRIVACY.md has a row for storage.${area}`);
    assert.ok(areaRows.some((row) => row.split('|')[2].includes(`\`${key}\``)), `PRIVACY.md lists ${key} under storage.${area}`);
  }
});
