/**
 * Extraction: a report in, its attack events out, every value tied to the characters it came from.
 *
 *   sentences → per-sentence facts (rules over the language pack) → places attributed → events
 *
 * Synchronous and allocation-light: the store and the API call it per report.
 */
// First: the regex engine setting must be in place before any pattern runs.
import './native-regexps.js';
import type { ExtractionResult } from '../domain/event.js';
import type { ReportInput } from '../domain/report.js';
import { getGazetteer } from '../gazetteer/index.js';
import type { Place } from '../gazetteer/types.js';
import { analyzeSentence } from './analyze-sentence.js';
import { attribute } from './attribute.js';
import { buildEvents } from './build-events.js';
import { detectLanguage, sentenceLanguage } from './detect-language.js';
import { getLocale } from './locale.js';
import { referenceDay } from './rules/dates.js';
import { splitSentences } from './sentences.js';

export interface ExtractOptions {
  /** Reference date (YYYY-MM-DD) for reports that carry no publication date. */
  referenceDate?: string;
}

let kyiv: Place | null | undefined;
const cityCache = new Map<string, Place | null>();

export function extractReport(report: ReportInput, options: ExtractOptions = {}): ExtractionResult {
  const text = report.text;
  const warnings: string[] = [];
  const lang = detectLanguage(text, report.lang ?? null);
  let reference = referenceDay(report.published) ?? options.referenceDate ?? null;
  if (report.published && !referenceDay(report.published)) warnings.push(`published "${report.published}" is not a date; ignored`);
  if (!reference) {
    warnings.push('no publication date: relative dates ("overnight", "yesterday") are left unresolved');
    reference = null;
  }
  const g = getGazetteer();
  kyiv ??= g.search('Kyiv').find((p) => p.kind === 'capital') ?? null;
  const sentences = splitSentences(text, lang);
  const facts = sentences.map((s, i) => analyzeSentence(s, i, getLocale(sentenceLanguage(s.text, lang)), reference));
  const resolved = g.resolve(g.scan(text), text);
  const places = attribute({
    facts,
    resolved,
    text,
    kyiv,
    cityOf: (d) => {
      const key = `${d.city}|${d.oblast}`;
      if (!cityCache.has(key)) {
        cityCache.set(key, g.search(d.city ?? '', { limit: 50 }).find((p) => (p.kind === 'city' || p.kind === 'capital') && p.oblast === d.oblast) ?? null);
      }
      return cityCache.get(key)!;
    },
  });
  const { events, wider } = buildEvents({ reportId: report.id, text, reference, facts, places });
  for (const e of events) {
    if (e.location.ambiguous) warnings.push(`"${e.location.city}" matches ${e.location.candidates?.length ?? 0} places; the text does not say which`);
  }
  return {
    id: report.id,
    lang,
    reference_date: reference,
    events,
    context: {
      displacement: facts
        .filter((f) => f.displacement && !f.rhetorical)
        .map((f) => ({ count: f.displacement!.count, place: places[f.index]!.targets[0]?.place?.name ?? null, text: f.sentence.text, start: f.sentence.start, end: f.sentence.end })),
      diplomacy: facts.filter((f) => f.diplomacy && !f.rhetorical).map((f) => ({ text: f.sentence.text, start: f.sentence.start, end: f.sentence.end })),
      wider_claims: wider,
      rhetorical: facts.filter((f) => f.rhetorical).map((f) => ({ text: f.sentence.text, start: f.sentence.start, end: f.sentence.end })),
    },
    warnings,
  };
}

export { detectLanguage } from './detect-language.js';
