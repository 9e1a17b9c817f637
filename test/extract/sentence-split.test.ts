/**
 * splitSentences cuts the usual line itself (plain characters, terminators followed by spaces and a
 * capital) instead of running Intl.Segmenter. Held here to ICU: no character called plain ever ends a
 * sentence, and on every line of the corpus, the samples and the bench reports the cuts, where the
 * shortcut answers, are the segmenter's.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sentenceShortcutForTest } from '../../src/extract/sentences.js';
import { benchReports } from '../../bench/support/extract-reports.js';

const { isPlain, plainSegmentEnds, segmenterEnds } = sentenceShortcutForTest;
const segmenters = ['en', 'uk', 'ru'].map((l) => new Intl.Segmenter(l, { granularity: 'sentence' }));
const segmentCount = (s: Intl.Segmenter, line: string) => [...s.segment(line)].length;

/** Text files under a directory, recursively. */
function texts(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) out.push(...texts(p));
    else if (/\.(txt|html|json|md)$/.test(f)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

describe('segmenter shortcut', () => {
  test('a plain character never ends a sentence', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (!isPlain(c)) continue;
      const ch = String.fromCharCode(c);
      // Were ch a terminator or a separator, "Ab" + ch + " Cd" would break before the capital.
      for (const s of segmenters) assert.equal(segmentCount(s, `Ab${ch} Cd${ch}\u00a0Ef ${ch} gh${ch}1 Ий${ch} Жк`), 1, `U+${c.toString(16)}`);
    }
  });
  test('the shortcut cuts where the segmenter does', () => {
    const lines = [
      'Three were hurt.', 'Three were hurt. ', 'He said: «Done!»', 'He said "done."  ', 'Why?!', 'Wait...', 'Ok.") ', '“Quoted.”', '(Note.)',
      'No terminator at all', '» opens with a closer.', 'Two. Sentences.', 'Two.  Sentences!  Three?\u00a0Four.', 'One!Two', 'x. "y"', 'x.) Y',
      'Dr. Who', 'Mid?dle', 'Тест… і далі.', 'Ціна 1.5 грн.', 'Шахед‼', 'Стоп. Далі. Ще', 'Стоп! ще', '. A', 'a\rb', 'a\u2028b. C',
    ];
    for (const t of [...texts('test/corpus'), ...texts('data/samples'), ...benchReports(600).map((r) => r.text)]) lines.push(...t.split('\n').filter(Boolean));
    let answered = 0;
    for (const line of lines) {
      const ends = plainSegmentEnds(line);
      if (!ends) continue;
      answered++;
      for (const lang of ['en', 'uk', 'ru'] as const) assert.deepEqual(ends, segmenterEnds(line, lang), line);
    }
    assert.ok(answered > lines.length / 2, `only ${answered} of ${lines.length} lines took the shortcut`);
  });
  test('lines the shortcut cannot tell are left to the segmenter', () => {
    for (const line of ['One!Two', 'a\rb', 'a\u2028b', 'x. "y"', 'Стоп! ще', 'x.\u2024y', 'e.g. this', '1.5 km', 'Wow 🚀. Yes']) assert.equal(plainSegmentEnds(line), null, line);
  });
});
