// The store material (extension/store/): listing text in every locale the extension ships,
// within the stores' limits, and a justification for every permission the built manifests
// ask for, none for one they do not. No browser: it reads files (after `cargo xtask dist`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from './harness.mjs';

const STORE = path.join(ROOT, 'extension/store');
const locales = fs.readdirSync(path.join(ROOT, 'extension/_locales')).sort();
const listing = JSON.parse(fs.readFileSync(path.join(STORE, 'listing.json'), 'utf8'));
const manifests = ['chrome', 'firefox'].map((browser) => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', browser, 'manifest.json'), 'utf8')));

test('the listing is written in every locale of the extension, within the stores’ limits', () => {
  assert.deepEqual(Object.keys(listing).filter((key) => key !== '//').sort(), locales);
  for (const locale of locales) {
    const { name, summary, description } = listing[locale];
    const messages = JSON.parse(fs.readFileSync(path.join(ROOT, 'extension/_locales', locale, 'messages.json'), 'utf8'));
    assert.equal(name, messages.extName.message, `${locale}: the name the extension shows`);
    // Chrome Web Store: a 132-character summary, 16,000 for the description; AMO allows more.
    assert.ok(summary.length > 40 && summary.length <= 132, `${locale}: summary of ${summary.length} characters`);
    assert.ok(description.length > 400 && description.length <= 16000, `${locale}: description of ${description.length} characters`);
    // Every supported site is named, in every language.
    for (const site of ['X', 'Bluesky', 'Mastodon', 'Threads', 'Instagram', 'Facebook', 'LinkedIn', 'YouTube', 'Reddit', 'Hacker News', 'GitHub']) {
      assert.ok(description.includes(site), `${locale}: ${site} not named`);
    }
  }
  // Not written twice: the translations are not the English text.
  for (const locale of locales.filter((l) => l !== 'en')) assert.notEqual(listing[locale].description, listing.en.description, locale);
});

test('every permission the manifests ask for is justified for the privacy form, and only those', () => {
  const justified = [...fs.readFileSync(path.join(STORE, 'permissions.md'), 'utf8').matchAll(/^### (\S+)$/gm)].map((m) => m[1]).sort();
  const asked = new Set();
  for (const manifest of manifests) {
    for (const permission of manifest.permissions ?? []) asked.add(permission);
    for (const field of ['host_permissions', 'optional_host_permissions']) if (manifest[field]?.length) asked.add(field);
  }
  assert.deepEqual(justified, [...asked].sort());
});

test('the store material is not packaged', () => {
  for (const browser of ['chrome', 'firefox']) assert.equal(fs.existsSync(path.join(ROOT, 'dist', browser, 'store')), false, browser);
});

test('the build runs on the compiler rust-toolchain.toml pins, which the README names', () => {
  // The reviewers' rebuild is byte-identical only on the same rustc: an override
  // (RUSTUP_TOOLCHAIN, `cargo +x`) of another release must fail here, not ship.
  const pinned = fs.readFileSync(path.join(ROOT, 'rust-toolchain.toml'), 'utf8').match(/^channel = "([\d.]+)"$/m)?.[1];
  assert.ok(pinned, 'rust-toolchain.toml pins a release');
  const rustc = execFileSync('rustc', ['-V'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(rustc, new RegExp(`^rustc ${pinned.replaceAll('.', '\\.')} `), rustc);
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`rustc ${pinned}`), `README names rustc ${pinned}`);
});
