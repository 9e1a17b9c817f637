/**
 * What the extractor prints for a fixed body of text, as one SHA-256: the regression corpus, the
 * bundled samples (read as `ingest` reads them) and 3,000 of the bench's generated reports. Speed work
 * must leave it unchanged; a rule change changes it on purpose.
 *
 *   npx tsx scripts/extraction-fingerprint.ts            # prints the hash and the counts
 *   npx tsx scripts/extraction-fingerprint.ts --out F    # also writes every result as NDJSON, to diff
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportInput } from '../src/domain/report.js';
import { extractReport } from '../src/extract/index.js';
import { readHtml, readPaths } from '../src/ingest/index.js';
import { benchReports } from '../bench/support/extract-reports.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1] : null;

const inputs: ReportInput[] = [];
for (const lang of ['en', 'uk', 'ru']) {
  const dir = path.join(root, 'test/corpus', lang);
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.txt') && !f.endsWith('.html')) continue;
    const slug = f.replace(/\.(txt|html)$/, '');
    const raw = readFileSync(path.join(dir, f), 'utf8');
    const expected = JSON.parse(readFileSync(path.join(dir, `${slug}.expected.json`), 'utf8')) as { published: string };
    inputs.push({ id: `corpus/${lang}/${slug}`, text: f.endsWith('.html') ? readHtml(raw).text : raw, published: expected.published, lang: null });
  }
}
const corpus = inputs.length;
// Read by a relative path: report ids of text files are their paths, and the hash must not depend on
// where the checkout is.
process.chdir(root);
for await (const item of readPaths(['data/samples'])) {
  if (item.kind === 'report') inputs.push({ ...item.report, id: `${item.origin.location}#${item.origin.line ?? 0}/${item.report.id}` });
}
const samples = inputs.length - corpus;
inputs.push(...benchReports(3000));

const hash = createHash('sha256');
const lines: string[] = [];
const t0 = performance.now();
for (const r of inputs) {
  const line = JSON.stringify(extractReport(r));
  hash.update(line).update('\n');
  if (out) lines.push(line);
}
const ms = performance.now() - t0;
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${hash.digest('hex')}  ${corpus} corpus, ${samples} samples, 3000 generated reports (${(ms / 1000).toFixed(1)} s)`);
