/**
 * The casualty rules skip a text where their gate finds nothing, and the toll rule is tried only where
 * its gate matches: a gate must never hide a match, and the matches taken must be matchAll's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLocale } from '../../src/extract/locale.js';
import { numberGrammar } from '../../src/extract/numbers.js';
import { gatedPatterns } from '../../src/extract/rules/casualties.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spans = (it: Iterable<RegExpMatchArray>) => [...it].map((m) => JSON.stringify([m.index, [...m], m.groups ?? null]));

/** The regression corpus, line by line, and a few texts made for the gates' edges. */
function pieces(): string[] {
  const out: string[] = [];
  for (const lang of ['en', 'uk', 'ru']) {
    const dir = path.join(root, 'test/corpus', lang);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) out.push(...readFileSync(path.join(dir, f), 'utf8').split('\n'));
  }
  out.push(
    'The death toll rose to 7; the toll has risen to nine, and the number of injured reached 12.',
    'An atoll: the tolls rose to 3, death toll stands at 4',
    'DEATH TOLL ROSE TO 5 😀 toll rose to 6',
    'Кількість загиблих зросла до 5, а число раненых — до девяти, количество погибших достигло 3.',
    'three of whom were hospitalized; двоє з них госпіталізовані, трое из них госпитализированы',
    'including two children, серед них дитина, в том числе трое детей',
    'bringing the death toll to 12; one life was lost',
    'Поранених — 12, загиблих – двоє. Усі поранені госпіталізовані, його госпіталізували. He was hospitalized.',
    'загинули двоє медиків і дитина, поранено трьох людей, дитину та жінку',
    'a man was killed, killing a 64-year-old woman; загинула жінка, поранено 54-річного чоловіка',
    '',
  );
  return out;
}

test('a gate finds something wherever its pattern matches, and the matches taken are matchAll’s', () => {
  const texts = pieces();
  for (const lang of ['en', 'uk', 'ru'] as const) {
    for (const { re, gate, matches } of gatedPatterns(getLocale(lang))) {
      const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
      for (const t of texts) {
        const want = spans(t.matchAll(g));
        assert.deepEqual(spans(matches(t)), want, `${lang} ${re.source.slice(0, 60)}: ${t.slice(0, 80)}`);
        if (want.length) assert.ok(gate.test(t), `${lang} gate ${gate.source.slice(0, 60)} misses a match in: ${t.slice(0, 80)}`);
      }
    }
  }
});

test('bare digits parse to their number in every language', () => {
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const g = numberGrammar(lang);
    assert.deepEqual(g.parse('14'), { value: 14, atLeast: false });
    assert.deepEqual(g.parse('14 '), { value: 14, atLeast: false });
    assert.deepEqual(g.parse(' 007'), { value: 7, atLeast: false });
    assert.deepEqual(g.parse('0'), { value: 0, atLeast: false });
    assert.deepEqual(g.parse('1 940'), { value: 1940, atLeast: false });
    assert.deepEqual(g.parse('1,940'), { value: 1940, atLeast: false });
  }
});
