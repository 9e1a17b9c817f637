/**
 * Walks the regression corpus (test/corpus/<lang>/<slug>.{txt,html} + <slug>.expected.json, format in
 * test/corpus/README.md) and compares the extractor's output with what an analyst coded. Cases listed
 * in test/corpus/known-gaps.json must still fail (the list only shrinks); every other case must pass.
 * Prints per-field accuracy over the whole corpus.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractReport } from '../../src/extract/index.js';
import { readHtml } from '../../src/ingest/index.js';
import { ExtractionResultSchema, type ExtractedEvent, type ExtractionResult } from '../../src/domain/event.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpus');
// Known gaps: test/corpus/known-gaps.json plus one file per language folder (<lang>/known-gaps.json),
// so the language corpora can grow independently.
const gapFiles = [path.join(root, 'known-gaps.json'), ...['en', 'uk', 'ru'].map((l) => path.join(root, l, 'known-gaps.json'))];
const gaps: Record<string, string> = Object.assign({}, ...gapFiles.filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>));

interface ExpectedEvent {
  date?: string | null;
  city?: string | null;
  oblast?: string | null;
  districts?: string[];
  weapons?: string[];
  killed?: number | null;
  injured?: number | null;
  at_least?: boolean;
  hospitalized?: number | null;
  children_killed?: number | null;
  children_injured?: number | null;
  facilities?: string[];
  utilities?: string[];
  officials?: string[];
}
interface Expected {
  published: string;
  events: ExpectedEvent[];
  wider_claims?: { killed?: number; injured?: number; at_least?: boolean }[];
  context?: { displacement?: number; diplomacy?: number };
}

const tally = new Map<string, { ok: number; all: number }>();
function count(field: string, ok: boolean): void {
  const t = tally.get(field) ?? { ok: 0, all: 0 };
  t.all++;
  if (ok) t.ok++;
  tally.set(field, t);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === new Set(b).size && new Set(a).size === a.length && a.every((x) => b.includes(x));

/** Differences between the output and the analyst's coding, as readable lines (empty = pass). */
function compare(result: ExtractionResult, exp: Expected): string[] {
  const diffs: string[] = [];
  const key = (city: string | null | undefined, oblast: string | null | undefined, date: string | null | undefined) => `${city ?? `(${oblast})`}@${date}`;
  const got = new Map(result.events.map((e) => [key(e.location.city, e.location.oblast, e.date), e]));
  const wanted = new Map(exp.events.map((e) => [key(e.city, e.oblast, e.date), e]));
  count('events', sameSet([...got.keys()], [...wanted.keys()]));
  for (const k of wanted.keys()) if (!got.has(k)) diffs.push(`missing event ${k}`);
  for (const k of got.keys()) if (!wanted.has(k)) diffs.push(`extra event ${k}`);
  for (const [k, w] of wanted) {
    const e = got.get(k) as ExtractedEvent | undefined;
    if (!e) continue;
    const scalar = (field: keyof ExpectedEvent, actual: unknown) => {
      if (!(field in w)) return;
      const ok = actual === w[field];
      count(field, ok);
      if (!ok) diffs.push(`${k} ${field}: expected ${JSON.stringify(w[field])}, got ${JSON.stringify(actual)}`);
    };
    const set = (field: keyof ExpectedEvent, actual: string[]) => {
      if (!(field in w)) return;
      const ok = sameSet(w[field] as string[], actual);
      count(field, ok);
      if (!ok) diffs.push(`${k} ${field}: expected ${JSON.stringify(w[field])}, got ${JSON.stringify([...new Set(actual)])}`);
    };
    scalar('oblast', e.location.oblast);
    scalar('killed', e.killed);
    scalar('injured', e.injured);
    scalar('at_least', e.at_least);
    scalar('hospitalized', e.hospitalized);
    scalar('children_killed', e.children_killed);
    scalar('children_injured', e.children_injured);
    set('districts', e.location.districts);
    set('weapons', e.weapons);
    set('facilities', e.facilities.map((f) => f.category));
    set('utilities', e.utilities.map((u) => u.utility));
    set('officials', e.officials.map((o) => o.name));
  }
  for (const wc of exp.wider_claims ?? []) {
    const ok = result.context.wider_claims.some((c) => (wc.killed === undefined || c.killed === wc.killed) && (wc.injured === undefined || c.injured === wc.injured));
    count('wider_claims', ok);
    if (!ok) diffs.push(`missing wider claim ${JSON.stringify(wc)}`);
  }
  if (exp.context?.displacement !== undefined) {
    const ok = result.context.displacement.length >= exp.context.displacement;
    count('context', ok);
    if (!ok) diffs.push(`context.displacement: expected ${exp.context.displacement}, got ${result.context.displacement.length}`);
  }
  return diffs;
}

const cases: { lang: string; slug: string; file: string }[] = [];
for (const lang of ['en', 'uk', 'ru']) {
  const dir = path.join(root, lang);
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    const m = /^(.*)\.(txt|html)$/.exec(f);
    if (m && existsSync(path.join(dir, `${m[1]}.expected.json`))) cases.push({ lang, slug: m[1]!, file: path.join(dir, f) });
  }
}

describe('regression corpus', () => {
  let passed = 0;
  for (const c of cases) {
    const id = `${c.lang}/${c.slug}`;
    test(id, () => {
      const exp = JSON.parse(readFileSync(path.join(root, c.lang, `${c.slug}.expected.json`), 'utf8')) as Expected;
      const raw = readFileSync(c.file, 'utf8');
      const text = c.file.endsWith('.html') ? readHtml(raw).text : raw;
      const result = extractReport({ id, text, published: exp.published });
      ExtractionResultSchema.parse(result);
      for (const e of result.events) for (const ev of e.evidence) assert.equal(text.slice(ev.start, ev.end), ev.quote, `evidence offsets of ${ev.field}`);
      const diffs = compare(result, exp);
      if (gaps[id]) {
        assert.ok(diffs.length > 0, `${id} now passes: remove it from known-gaps.json`);
        return;
      }
      if (diffs.length === 0) passed++;
      assert.deepEqual(diffs, [], `${id}:\n  ${diffs.join('\n  ')}`);
    });
  }
  after(() => {
    const fields = [...tally.entries()].map(([f, t]) => `${f} ${t.ok}/${t.all} (${Math.round((100 * t.ok) / t.all)}%)`);
    process.stdout.write(`# corpus: ${cases.length} cases, ${passed} pass outright, ${Object.keys(gaps).length} known gaps\n# per field: ${fields.join(', ')}\n`);
  });
});
