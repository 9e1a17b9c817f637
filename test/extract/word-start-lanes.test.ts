/**
 * The merged trie of word-matches.ts (one walk per text for every regex with starts) must let each
 * regex through exactly where its own trie does: the matches of many regexes run in turn on one text
 * are matchAll's, whatever the order, however many regexes were planned before or after.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTerms } from '../../src/extract/lexicon.js';
import { getLocale } from '../../src/extract/locale.js';
import { casualtyPatterns } from '../../src/extract/rules/casualties.js';
import { digitStartOnly } from '../../src/extract/pattern-guards.js';
import { firstWordMatch, hasWordMatch, registerStarts, wordMatches } from '../../src/extract/word-matches.js';
import { corpusTexts, matchSpans } from '../support/corpus-texts.js';


/** Lines of the regression corpus, and texts with what the walk treats specially. */
function texts(): string[] {
  const out: string[] = [];
  for (const t of corpusTexts()) out.push(...t.split('\n').filter((l) => l.trim()));
  out.push('', '12 000 injured, 3a5 killed', 'Ärzte 5 Ärzte', '😀поранено 3 людей', 'x😀 двоє загинули', 'lost \u00a0 their\u2028lives', 'K ſ µ 7', 'lostÄ a😀 aÄb loÄ', 'o\u212a go, aſb, ASB, oK go', 'ранено3 человек', 'a');
  return out;
}

function regexes(): RegExp[] {
  const out: RegExp[] = [];
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const l = getLocale(lang);
    for (const v of Object.values(l.cues)) if (v instanceof RegExp) out.push(v);
    out.push(l.casualtyWord, l.updateWord, l.noneWord, l.outageWord, ...casualtyPatterns(l));
    out.push(registerStarts(new RegExp(`(?<![\\p{L}\\d])(${l.numbers.source})(?![\\p{L}\\d])`, 'giu'), l.numbers.starts));
    // Fresh copies: their starts are read off the pattern (one character each), not registered.
    out.push(new RegExp(l.casualtyWord.source, 'gu'), new RegExp(l.cues.attack.source, 'giu'));
  }
  // Under 'i' the Kelvin sign is a k and ſ an s: characters whose key is "could be anything" inside a start.
  out.push(compileTerms(['ok go', 'asb'], 'giu'), compileTerms(['lost their lives', 'a b', 'Ärzte', 'µs'], 'giu'), compileTerms(['lost their lives', 'Ärzte'], 'gu'));
  out.push(/(?<![\p{L}\d])(?:\d+|a\w)/giu, /(?<![\p{L}])\d+/gu, /(?<![\p{L}\p{N}])(?:[^\p{L}\s]|ſ|K)\w/giu);
  return out;
}

test('regexes run in turn on one text match what matchAll matches', () => {
  const res = regexes();
  const refs = res.map((re) => ({ g: new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), n: new RegExp(re.source, re.flags.replace('g', '')) }));
  for (const t of texts()) {
    // Forwards and backwards: which regex walks its own trie (the first on a text) changes.
    for (const order of [res.keys(), [...res.keys()].reverse()]) {
      for (const i of order) {
        const re = res[i]!;
        const { g, n } = refs[i]!;
        assert.deepEqual(matchSpans(wordMatches(re, t)), matchSpans(t.matchAll(g)), `${re.source.slice(0, 60)} on ${t.slice(0, 60)}`);
        assert.equal(hasWordMatch(re, t), n.test(t));
        assert.deepEqual(matchSpans([firstWordMatch(re, t)].filter((m) => m !== null) as RegExpExecArray[]), matchSpans([n.exec(t)].filter((m) => m !== null) as RegExpExecArray[]));
      }
    }
  }
});

test('a regex planned after a text was marked is still matched right', () => {
  const t = 'Two people were killed and 12 injured in Kharkiv; lost their lives';
  const l = getLocale('en');
  // Two regexes with starts: the text is marked for the lanes there are.
  assert.equal(hasWordMatch(l.cues.attack, t), new RegExp(l.cues.attack.source, 'iu').test(t));
  assert.equal(hasWordMatch(l.casualtyWord, t), true);
  const late = compileTerms(['injured in', 'their'], 'giu');
  assert.deepEqual(matchSpans(wordMatches(late, t)), matchSpans(t.matchAll(new RegExp(late.source, late.flags))));
});

test('only patterns whose every lookbehind takes digits too skip the positions after a digit', () => {
  assert.equal(digitStartOnly('(?<![\\p{L}\\d])a'), true);
  assert.equal(digitStartOnly('(?<![\\p{L}\\p{N}])a|(?<![\\p{L}\\d])b'), true);
  assert.equal(digitStartOnly('(?<![\\p{L}\\d])a|(?<![\\p{L}])b'), false);
  assert.equal(digitStartOnly('(?<![\\p{L}\\\\d])a'), false);
  assert.equal(digitStartOnly('(?<![\\d])a'), false);
});
