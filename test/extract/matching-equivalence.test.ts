/**
 * The factored word-list alternation and the word-start matcher must match exactly what the flat
 * longest-first alternation and plain matchAll / test match: same spans, same groups, same order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternation, termStarts } from '../../src/extract/alternation.js';
import { compileTerms, termSource } from '../../src/extract/lexicon.js';
import { getLocale } from '../../src/extract/locale.js';
import { casualtyPatterns } from '../../src/extract/rules/casualties.js';
import { wordStartOnly } from '../../src/extract/pattern-guards.js';
import { firstAtoms } from '../../src/extract/start-trie.js';
import { firstWordMatch, hasWordMatch, registerStarts, wordMatches } from '../../src/extract/word-matches.js';
import { corpusTexts, matchSpans } from '../support/corpus-texts.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const flat = (terms: readonly string[]) => [...new Set(terms)].sort((a, b) => b.length - a.length).map(termSource).join('|');

/** Every word list of data/lexicon (arrays of strings, and the keys of { word: value } maps). */
function lexiconLists(): [string, string[]][] {
  const out: [string, string[]][] = [];
  const walk = (name: string, v: unknown): void => {
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x === 'string')) out.push([name, v as string[]]);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Object.values(o).every((x) => typeof x !== 'object' || x === null)) out.push([`${name} (keys)`, Object.keys(o)]);
      for (const [k, x] of Object.entries(o)) walk(`${name}.${k}`, x);
    }
  };
  for (const lang of ['en', 'uk', 'ru', 'common']) {
    const dir = path.join(root, 'data/lexicon', lang);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) walk(`${lang}/${f}`, JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  }
  return out;
}

/** Report-like text: the regression corpus and the samples, plus every lexicon term in a few spellings. */
function sampleText(lists: [string, string[]][]): string {
  const texts = corpusTexts();
  const terms = lists.flatMap(([, l]) => l);
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const variants = terms.flatMap((t) => [t, t.toUpperCase(), cap(t), t.replace(/\*/g, 'ами'), t.replace(/\*/g, ''), `«${t.replace(/\*/g, 'ів')}»`, t.replace(/'/g, '’'), t.replace(/'/g, 'ʼ').replace(/ /g, '\u00a0'), t.replace(/ /g, '  ')]);
  return `${texts.join('\n')}\n${variants.join(' ; ')} 😀${variants.slice(0, 50).join('😀')}`;
}

const lists = lexiconLists();
const text = sampleText(lists);

test('factored alternations match what the flat lists match, in every lexicon list', () => {
  for (const [name, terms] of lists) {
    for (const ignoreCase of [true, false]) {
      const flags = ignoreCase ? 'giu' : 'gu';
      for (const wrap of [
        (s: string) => `(?<![\\p{L}\\p{N}])(?:${s})(?![\\p{L}\\p{N}])`,
        (s: string) => `(?:${s})(?:[\\s\\u00a0]+\\p{L}+|ами|и)`,
      ]) {
        const a = new RegExp(wrap(flat(terms)), flags);
        const b = new RegExp(wrap(alternation(terms, ignoreCase)), flags);
        assert.deepEqual(matchSpans(text.matchAll(b)), matchSpans(text.matchAll(a)), `${name} ${flags} ${wrap('…')}`);
      }
    }
  }
});

test('alternation keeps the order of preference where forms overlap', () => {
  // Longest first: "п'ятьох" before "п'ять", and a wildcard form where the flat list has it.
  const terms = ["п'ять", "п'ятьох", 'ранен*', 'ранено', '«Шахед*»', 'Шахед'];
  for (const s of ["п'ятьох", 'п’ять', 'раненого', 'ранено', '«Шахеди»', 'Шахед']) {
    const want = new RegExp(`^(?:${flat(terms)})`, 'iu').exec(s)?.[0];
    assert.equal(new RegExp(`^(?:${alternation(terms)})`, 'iu').exec(s)?.[0], want, s);
  }
  assert.equal(alternation([]), '');
});

test('word-start matching gives what matchAll, test and exec give', () => {
  const regexes: RegExp[] = [];
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const l = getLocale(lang);
    for (const v of Object.values(l.cues)) if (v instanceof RegExp) regexes.push(v);
    regexes.push(l.casualtyWord, l.updateWord, l.noneWord, l.outageWord);
    regexes.push(new RegExp(`(?<![\\p{L}\\d])(?:${l.numbers.source})(?![\\p{L}\\d])`, 'giu'));
    regexes.push(new RegExp(`(?<![\\p{L}])(?:${l.src.killed})[\\s\\u00a0]+\\p{L}+|(?<![\\p{L}\\d])\\d+`, 'giu'));
  }
  for (const [, terms] of lists.slice(0, 40)) regexes.push(compileTerms(terms, 'giu'), compileTerms(terms, 'u'));
  // Patterns that are not walked by word starts (plain matchAll), empty matches and surrogate pairs included.
  regexes.push(/x*/gu, /(?:)/g, /\p{Lu}\p{Ll}+|$/u, /(?<what>toll|число)\s*\d*/giu);
  const pieces = [text, ...text.split('\n').slice(0, 300), '', 'a', '😀поранено 3 людей', 'x😀 двоє загинули', 'ранено3 человек', 'K s ſ'];
  // A sticky pattern: matchAll goes on only while the matches touch.
  for (const t of ['5a6 7', 'a5b']) assert.deepEqual(matchSpans(wordMatches(/a|\d/gy, t)), matchSpans(t.matchAll(/a|\d/gy)));
  for (const re of regexes) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    const n = new RegExp(re.source, re.flags.replace('g', ''));
    for (const t of pieces) {
      assert.deepEqual(matchSpans(wordMatches(re, t)), matchSpans(t.matchAll(g)), re.source.slice(0, 80));
      assert.equal(hasWordMatch(re, t), n.test(t));
      assert.deepEqual(matchSpans([firstWordMatch(re, t)].filter((m) => m !== null) as RegExpExecArray[]), matchSpans([n.exec(t)].filter((m) => m !== null) as RegExpExecArray[]));
    }
  }
});

test('rules tried only where their start characters stand match what matchAll matches', () => {
  // The casualty rules, the count patterns and the officials' names, with the start characters
  // registered from the lists they open with; the reference regexes are fresh copies without them.
  const regexes: RegExp[] = [];
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const l = getLocale(lang);
    regexes.push(...casualtyPatterns(l));
    regexes.push(registerStarts(new RegExp(`(?<![\\p{L}\\d])(${l.numbers.source})(?![\\p{L}\\d])`, 'giu'), l.numbers.starts));
    assert.ok(l.numbers.starts?.length, `${lang}: counts have start characters`);
  }
  const pieces = [...text.split('\n').slice(0, 400), '😀поранено 3 людей', 'ЗАГИНУЛИ ДВОЄ, ПОРАНЕНО П’ЯТЬОХ', 'Two people were KILLED and 3 injured', 'ранено3 человек'];
  for (const re of regexes) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const t of pieces) assert.deepEqual(matchSpans(wordMatches(re, t)), matchSpans(t.matchAll(g)), re.source.slice(0, 80));
  }
});

test('only patterns whose every alternative opens with a letter lookbehind are walked by word starts', () => {
  assert.equal(wordStartOnly('(?<![\\p{L}\\d])(?:a|b)'), true);
  assert.equal(wordStartOnly('(?<![\\p{L}])a|(?<![\\p{L}\\p{N}])b'), true);
  assert.equal(wordStartOnly('(?<![\\p{L}])a|b'), false);
  assert.equal(wordStartOnly('(?<what>toll|число)'), false);
  assert.equal(wordStartOnly('(?<![^\\p{L}])a'), false);
  assert.equal(wordStartOnly('(?<![\\d])a'), false);
  assert.equal(wordStartOnly('(?<![\\p{L}])[|(]a'), true);
});

test('term starts are the literal beginnings of the terms', () => {
  assert.deepEqual(termStarts(['ранен*', 'lost their lives', '«Шахед*»', 'no «x»']), ['ранен', 'lost the', ...'«»"“”', 'Шахед', 'no ']);
  assert.deepEqual(termStarts(["п'ять"]), ["п'ять", 'п’ять', 'пʼять']);
  assert.deepEqual(termStarts(['abcdefghijk']), ['abcdefgh']);
  assert.equal(termStarts(['*ство']), null);
  assert.equal(termStarts([]), null);
});

test('a word gap of a start takes any run of white space', () => {
  const spaces = [...Array(0x10000).keys()].map((c) => String.fromCharCode(c)).filter((c) => /\s/u.test(c));
  assert.equal(spaces.length, 25);
  const gaps = [...spaces, '  ', ' \u00a0\t', '\u2028\u3000'];
  const t = gaps.map((g) => `lost${g}their lives, Lost${g}${g}the, a${g}b, a${g}, ${g}y`).join('; ');
  for (const re of [compileTerms(['lost their lives', 'lost the', 'a b'], 'giu'), compileTerms(['lost their lives', 'a b'], 'gu')]) {
    assert.deepEqual(matchSpans(wordMatches(re, t)), matchSpans(t.matchAll(new RegExp(re.source, re.flags))));
  }
  const first = new RegExp(`(?<![\\p{L}])(?:[\\s\\u00a0]|x)+y`, 'gu');
  assert.deepEqual(matchSpans(wordMatches(first, t)), matchSpans(t.matchAll(new RegExp(first.source, first.flags))));
});

test('the first characters of a pattern are read off it, or not at all', () => {
  assert.deepEqual(firstAtoms('(?<![\\p{L}])(?:(?<p>\\p{Lu}\\p{Ll}+)\\s+)?(?:ab|c)d'), ['\\p{Lu}', 'a', 'c']);
  assert.deepEqual(firstAtoms('(?=x)[Нн]ач|(?:\\d{0,2}e)+'), ['[Нн]', '\\d', 'e']);
  assert.deepEqual(firstAtoms('\\bx*\\u00a0'), ['x', '\\u00a0']);
  for (const src of ['a?', '(?:x|)', '.a', '(a)\\1', 'a|b*', '😀', '\\uD83D\\uDE00', '(?i:a)']) assert.equal(firstAtoms(src), null, src);
});

test('patterns registered with no starts are tried where their first characters stand, with what matchAll matches', () => {
  // Fresh copies of the lexicon regexes and rules (so without registered starts), and patterns like the
  // officials' (a capitalized place or a role first, case-sensitive).
  const regexes: RegExp[] = [];
  for (const lang of ['en', 'uk', 'ru'] as const) {
    const l = getLocale(lang);
    for (const re of [...Object.values(l.cues), l.casualtyWord, l.noneWord, ...casualtyPatterns(l)]) if (re instanceof RegExp) regexes.push(new RegExp(re.source, re.flags));
    regexes.push(new RegExp(`(?<![\\p{L}])(?:(?<place>\\p{Lu}[\\p{Ll}-]+(?:\\s+\\p{Lu}[\\p{Ll}-]+)?)(?:['’]s)?\\s+)?(?<role>${l.roles.source}),?\\s+\\p{Lu}\\p{Ll}+`, 'gu'));
    regexes.push(new RegExp(`(?<![\\p{L}])(?<role>${l.roles.source}|[Нн]ачальник(?:а|у)?|[Мм]ер)(?:\\s+[\\p{L}.-]+){0,2}?\\s+\\p{Lu}`, 'gu'));
  }
  regexes.push(/(?<![\p{L}])(?:«|\u00a0)?[\s—]*\d+/gu, /(?<![\p{L}\d])(?:[^\p{L}\s]|ſ|K)\w/giu, /(?<![\p{L}\d])(?:[^\p{L}\s]|k|ё)\w/giu);
  const pieces = [...text.split('\n').slice(0, 300), 'Kharkiv Mayor Ihor Terekhov said', 'Ärzte Mayor Ihor', 'начальник ОВА Олег', '😀Начальник Олег', '«5 — 7', 'ſa Ka \u00a0 3'];
  for (const re of regexes) {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const t of pieces) assert.deepEqual(matchSpans(wordMatches(re, t)), matchSpans(t.matchAll(g)), re.source.slice(0, 80));
  }
});
