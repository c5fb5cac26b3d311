// No code from a page runs with our privileges, and no code from anywhere else: a scan of
// every script we ship (extension/*.js and the built dist/*/ trees, wasm-bindgen's
// generated sincerely.js included) for HTML sinks, string-to-code calls and remote code,
// and a check that the extension pages' CSP is exactly as strict as the engine allows.
// No browser: this reads files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './harness.mjs';

/** Each pattern is a way page data or a string could become markup or code. */
const SINKS = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['eval', /\beval\s*\(/],
  ['Function constructor', /\bFunction\s*\(/],
  ['timer with a string', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
  ['dynamic import', /\bimport\s*\(/],
  ['event-handler attribute', /setAttribute\s*\(\s*['"`]on/i],
  ['javascript: URL', /javascript:/i],
  ['remote URL', /\b(https?|wss?):\/\//i],
];

/**
 * Hits that are not a risk, each with the reason. A hit not listed fails the test, and so
 * does a listed one that no longer occurs, so the list stays true.
 */
const KNOWN = [
  {
    file: /^sincerely(_ui)?\.js$/,
    sink: 'Function constructor',
    line: 'Function(${val.name})',
    why: "wasm-bindgen's debugString() (engine and popup glue) prints a function's name inside a template string; nothing is called",
  },
];

/** Every .js file we ship: the sources and both built trees (which add the generated glue). */
function shippedScripts() {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  };
  walk(path.join(ROOT, 'extension'));
  for (const browser of ['chrome', 'firefox']) {
    assert.ok(fs.existsSync(DIST(browser)), `dist/${browser} is built (cargo xtask dist)`);
    walk(DIST(browser));
  }
  return files;
}

test('no shipped script has an HTML sink, a string-to-code call or remote code', () => {
  const files = shippedScripts();
  assert.ok(files.some((f) => f.endsWith(path.join('chrome', 'sincerely.js'))), 'the generated glue is scanned');
  // The engine as JavaScript (wasm2js's output, xtask/src/sync_engine.rs) is code we ship too.
  assert.ok(files.some((f) => f.endsWith(path.join('chrome', 'engine-js.js'))), 'the engine as JavaScript is scanned');
  const hits = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      // Comments are not code, and the house style cites issues by URL in them.
      if (/^\s*(\/\*|\*)/.test(line)) return;
      const text = line.replace(/(^|\s)\/\/.*$/, '');
      for (const [sink, pattern] of SINKS) {
        if (pattern.test(text)) hits.push({ file: path.relative(ROOT, file), name: path.basename(file), sink, at: index + 1, text: text.trim() });
      }
    });
  }
  const isKnown = (hit) => KNOWN.some((k) => k.file.test(hit.name) && k.sink === hit.sink && hit.text.includes(k.line));
  const unknown = hits.filter((hit) => !isKnown(hit)).map((hit) => `${hit.file}:${hit.at} ${hit.sink}: ${hit.text.slice(0, 120)}`);
  assert.deepEqual(unknown, []);
  for (const known of KNOWN) {
    assert.ok(
      hits.some((hit) => known.file.test(hit.name) && hit.sink === known.sink && hit.text.includes(known.line)),
      `the known hit "${known.line}" is gone; drop it from KNOWN`,
    );
  }
});

test('the wasm is only ever loaded from the extension itself', () => {
  // wasm-bindgen's init fetches whatever path it is given (or a URL next to the script
  // when given none), so every call must name our own packaged file. In the worker it must
  // be runtime.getURL; the popup and options pages are extension pages, where a bare file
  // name is our own origin. The content scripts compile the bytes of engine-bytes.js, a
  // packaged script of theirs (their isolated world sees no global of the page's).
  const calls = [];
  const extensionPages = new Set(['popup.js', 'options.js']);
  const scripts = fs.readdirSync(path.join(ROOT, 'extension')).filter((f) => f.endsWith('.js'));
  for (const file of scripts) {
    const source = fs.readFileSync(path.join(ROOT, 'extension', file), 'utf8');
    // wasm-bindgen's glue, under its default global or the settings module's name.
    const all = source.match(/\b(wasm_bindgen|sincerelySettings)\s*\(/g) ?? [];
    const described = [...source.matchAll(/\b(wasm_bindgen|sincerelySettings)\s*\(\s*\{\s*module_or_path:\s*([^}]*?)\s*\}\s*\)/g)];
    assert.equal(described.length, all.length, `${file}: every wasm_bindgen() call names its module`);
    for (const match of described) calls.push([file, match[2], match[1]]);
    for (const match of source.matchAll(/importScripts\s*\(([^)]*)\)/g)) {
      assert.match(match[1], /^\s*'(generated\/)?[\w.-]+\.js'\s*$/, `${file}: importScripts of a packaged file only`);
    }
  }
  assert.ok(calls.length >= 2, 'both engine hosts were found');
  for (const [file, argument, glue] of calls) {
    if (extensionPages.has(file)) assert.match(argument, /^'[\w-]+\.wasm'$|^api\.runtime\.getURL\('[\w-]+\.wasm'\)$/, file);
    else if (file === 'engine-host.js') {
      // Its bytes, compiled on or off the main thread, are those of engine-bytes.js.
      assert.equal(argument, 'bytes', file);
      const source = fs.readFileSync(path.join(ROOT, 'extension', file), 'utf8');
      assert.match(source, /pick\(globalThis\.sincerelyEngine, globalThis\.sincerelyEngineJs\)/);
      assert.match(source, /await compile\(packaged\);/);
      // The engine as JavaScript is a packaged content script's global too, instantiated, never loaded.
      assert.match(source, /jsEngineClass\(scripted\.instantiate\(\)\)/);
      assert.match(source, /const bytes = decode\(packaged\.base64\);/);
      assert.equal(source.match(/new WebAssembly\.Module\(/g)?.length, 1, `${file}: one synchronous compile`);
      assert.match(source, /wasm_bindgen\.initSync\(\{ module: new WebAssembly\.Module\(bytes\) \}\)/);
    } else {
      const own = glue === 'sincerelySettings' ? 'sincerely_settings_bg.wasm' : 'sincerely_bg.wasm';
      assert.equal(argument, `api.runtime.getURL('${own}')`, file);
    }
  }
});

test('the extension pages load only their own scripts, with no inline code', () => {
  for (const file of fs.readdirSync(path.join(ROOT, 'extension')).filter((f) => f.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(ROOT, 'extension', file), 'utf8');
    for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
      assert.match(tag, /\bsrc="[\w.-]+\.js"/, `${file}: ${tag}`);
    }
    assert.doesNotMatch(html, /<script\b[^>]*>[^<\s]/i, `${file}: inline script`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${file}: inline event handler`);
    assert.doesNotMatch(html, /\b(src|href)="(https?:)?\/\//i, `${file}: remote resource`);
  }
});

for (const browser of ['chrome', 'firefox']) {
  test(`${browser}: the extension pages' CSP is exactly what the engine needs`, () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST(browser), 'manifest.json'), 'utf8'));
    // 'wasm-unsafe-eval' lets the worker and pages compile the engine; it allows no eval().
    assert.deepEqual(manifest.content_security_policy, {
      extension_pages:
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    });
    assert.equal(manifest.sandbox, undefined, 'no sandboxed pages with their own, looser CSP');
  });
}
