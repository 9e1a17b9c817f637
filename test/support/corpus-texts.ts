/**
 * Real-looking text for tests that check a fast path against the slow one: the regression corpus's
 * plain-text reports (test/corpus/<lang>/*.txt), and match lists in a comparable form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpus');

/** The .txt reports of the corpus, language by language, in file-name order. */
export function corpusTexts(langs: readonly string[] = ['en', 'uk', 'ru']): string[] {
  return langs.flatMap((lang) =>
    readdirSync(path.join(corpus, lang))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(path.join(corpus, lang, f), 'utf8')),
  );
}

/** Each match as its index, its groups by number and by name: equal lists mean the same matches. */
export const matchSpans = (it: Iterable<RegExpMatchArray>): string[] => [...it].map((m) => JSON.stringify([m.index, [...m], m.groups ?? null]));
