/**
 * The casualty rules skip a text where their gate finds nothing, and the toll rule is tried only where
 * its gate matches: a gate must never hide a match, and the matches taken must be matchAll's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLocale } from '../../src/extract/locale.js';
import { numberGrammar } from '../../src/extract/numbers.js';
import { casualtyPatterns, casualtyWordHeld, gatedPatterns } from '../../src/extract/rules/casualties.js';
import { hasWordMatch, registerStarts, wordMatches } from '../../src/extract/word-matches.js';
import { corpusTexts, matchSpans } from '../support/corpus-texts.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The regression corpus, line by line, and a few texts made for the gates' edges. */
function pieces(): string[] {
  const out: string[] = [];
  for (const t of corpusTexts()) out.push(...t.split('\n'));
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
        const want = matchSpans(t.matchAll(g));
        assert.deepEqual(matchSpans(matches(t)), want, `${lang} ${re.source.slice(0, 60)}: ${t.slice(0, 80)}`);
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

/** Every count word of a language's numbers.json before what a rule may put after a count, and what it may not. */
function countTexts(lang: string): string[] {
  const lex = JSON.parse(readFileSync(path.join(root, 'data/lexicon', lang, 'numbers.json'), 'utf8')) as Record<string, unknown>;
  const terms = ['numbers', 'groups', 'multipliers', 'vague'].flatMap((k) => Object.keys(lex[k] as object));
  terms.push(...(lex.at_least as string[]), ...(lex.approximately as string[]));
  const people = { en: ['people were killed', 'residents were injured'], uk: ['людей загинули', 'людей поранені'], ru: ['человек погибли', 'человек ранены'] }[lang]!;
  const out = ['1,940 people were killed', '1 940 14 people were injured', '14-year-old', '3 killed', 'a-dozen', 'an - dozen', 'A  dozen', 'over-night', 'atleast 3'];
  for (const t of terms) {
    for (const [i, after] of [' ', '-', ',', '', 'x', '  ', '\u00a0', '.'].entries()) {
      const p = people[i % 2]!;
      out.push(`${t}${after}${p}`, `${t}${after}two ${p}`, `a ${t}${after}${p}`, `an - ${t}${after}${p}`, `${t.toUpperCase()}${after}${p}`, `${t}${after}among them two children, ${p}`);
    }
  }
  return out;
}

test('counts are tried where their starts stand: the same matches as matchAll', () => {
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const l = getLocale(lang);
    const g = numberGrammar(lang);
    // The casualty rules (the count-first ones with startsBefore), and bare counts with either kind of starts.
    const regexes = [...casualtyPatterns(l)];
    const pairs: [readonly string[] | null, string][] = [
      [g.starts, '(?![\\p{L}\\d])'],
      [g.startsBefore([]), '[\\s\\u00a0]+'],
      [g.startsBefore([',']), '(?:[\\s\\u00a0]+|,)'],
    ];
    for (const [starts, after] of pairs) regexes.push(registerStarts(new RegExp(`(?<![\\p{L}\\d])(?:${g.source})${after}`, 'giu'), starts));
    const texts = countTexts(lang);
    for (const re of regexes) {
      const plain = new RegExp(re.source, re.flags);
      for (const t of texts) assert.deepEqual(matchSpans(wordMatches(re, t)), matchSpans(t.matchAll(plain)), `${lang} ${re.source.slice(0, 60)}: ${t}`);
    }
  }
});

test('count starts spell out what follows the common beginnings', () => {
  const en = numberGrammar('en');
  assert.ok(en.starts!.includes('over ') && !en.starts!.includes('over'));
  assert.ok(en.starts!.includes('a dozen') && !en.starts!.includes('a'));
  const before = en.startsBefore([','])!;
  assert.ok(before.includes('an ') && before.includes('an,') && before.includes('an-') && !before.includes('an'));
  assert.ok(before.includes('14') && before.includes('1,') && !before.includes('1'));
});

test('the casualty-word test tried at the window words first answers what the walk answers', () => {
  const texts = [...pieces(), 'The toll rose', 'killedx 3', '3killed', 'tolls of children', 'загинулих', 'число погибших', 'toll: killed'];
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const l = getLocale(lang);
    for (const t of texts) {
      const held = casualtyWordHeld(t, l);
      if (held !== null) assert.equal(held, hasWordMatch(l.casualtyWord, t), `${lang}: ${t.slice(0, 80)}`);
    }
  }
});
