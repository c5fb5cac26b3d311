// web-ext lint on the Firefox build: no errors, and no warnings about unsafe
// assignments (innerHTML and friends) or eval.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DIST, ROOT } from './harness.mjs';

const webExt = path.join(ROOT, 'node_modules/.bin/web-ext');
let output;
try {
  output = execFileSync(webExt, ['lint', '--source-dir', DIST('firefox'), '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (error) {
  output = error.stdout; // web-ext exits non-zero when it finds errors.
}
const report = JSON.parse(output);
const show = (m) => `  ${m.code} ${m.file ?? ''}${m.line ? ':' + m.line : ''} ${m.message}`;
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
for (const m of [...report.errors, ...report.warnings, ...report.notices]) console.log(show(m));
const unsafe = report.warnings.filter((m) => /UNSAFE|EVAL|innerHTML/i.test(m.code + m.message));
if (report.errors.length || unsafe.length) {
  console.error('lint failed');
  process.exit(1);
}
