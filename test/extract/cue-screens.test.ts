/**
 * The fast paths of attribution and event building give what the plain calls give: cueHolds (a cue
 * test screened by the cue's twin without its boundary assertions) is re.test, and atMostWords is
 * text.split(/\s+/).length <= n.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { atMostWords } from '../../src/extract/attribute.js';
import { cueHolds } from '../../src/extract/cue-screen.js';
import { getLocale } from '../../src/extract/locale.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { corpusTexts } from '../support/corpus-texts.js';

const LANGS = ['en', 'uk', 'ru'] as const;

/** Corpus sentences of a language, and strings that put cue words against letters, digits and edges. */
function texts(lang: (typeof LANGS)[number]): string[] {
  const out: string[] = [];
  for (const t of corpusTexts([lang])) for (const s of splitSentences(t, lang)) out.push(s.text);
  const edges = ['air raid alert', 'alert', 'alerts', 'prealert', 'alert7', 'тривога', 'тривогау', 'евакуація', 'евакуаціяx', 'столица', 'столицы', 'the capital', 'the capitals', ' столиці ', '1столиці'];
  return [...out, ...edges, ...edges.map((e) => `x${e}`), ...edges.map((e) => e.toUpperCase()), ''];
}

describe('cueHolds', () => {
  for (const lang of LANGS) {
    test(`is re.test for every cue of ${lang}`, () => {
      const cues = getLocale(lang).cues as Record<string, RegExp | null>;
      const all = texts(lang);
      let held = 0;
      for (const [name, re] of Object.entries(cues)) {
        if (!re || re.global) continue;
        for (const t of all) {
          const want = re.test(t);
          assert.equal(cueHolds(re, t), want, `${name}: ${JSON.stringify(t)}`);
          if (want) held++;
        }
      }
      assert.ok(held > 0, 'some cue holds somewhere');
    });
  }
  test('patterns without outer assertions, and global ones, are tested as they are', () => {
    const plain = /abc|de/iu;
    assert.equal(cueHolds(plain, 'xABCx'), true);
    assert.equal(cueHolds(plain, 'xyz'), false);
    const g = /(?<![\p{L}])ab(?![\p{L}])/gu;
    assert.equal(cueHolds(g, 'ab ab'), true);
    assert.equal(g.lastIndex, 2, 'a global regex keeps its own lastIndex semantics');
  });
  test('only whole outer assertions are dropped', () => {
    // An escaped "(" before "?!" is no assertion; a quantified group or a lookaround holding a group is kept.
    const cases: [RegExp, string[]][] = [
      [/(?<![\p{L}])(?:ab\(?![x]\))/u, ['ab(!x)', 'ab!x)', 'ab)', 'cab!x)', 'ab(!y)']],
      [/(?<![\p{L}])(?:ab|cd)(?![\p{L}])|(?<![\d])ef(?=[.])/u, ['ab', 'xab', 'abx', 'ef.', 'ef', '1ef.', 'cd ef.']],
      [/(?<=[a])b(?=(?:c))/u, ['abc', 'bc', 'ab']],
    ];
    for (const [re, ts] of cases) for (const t of ts) assert.equal(cueHolds(re, t), re.test(t), `${re.source}: ${t}`);
  });
});

describe('atMostWords', () => {
  test('is text.split(/\\s+/).length <= n', () => {
    const samples = ['', ' ', 'Харків', 'Харків ', ' Харків', 'Kyiv region', 'Kyiv  \n region now', 'a b c', 'a b c d', '\u00a0a\u00a0b', 'a\tb\nc ', ...texts('uk').slice(0, 200)];
    for (const t of samples) for (const n of [1, 2, 3, 4]) assert.equal(atMostWords(t, n), t.split(/\s+/).length <= n, `${JSON.stringify(t)} ${n}`);
  });
});
