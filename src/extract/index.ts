/**
 * Extraction: a report in, its attack events out, every value tied to the characters it came from.
 *
 *   sentences → per-sentence facts (rules over the language pack) → places attributed → events
 *
 * Synchronous and allocation-light: the store and the API call it per report.
 */
// First: the regex engine setting must be in place before any pattern runs.
import './native-regexps.js';
import type { ExtractionResult, WiderClaim } from '../domain/event.js';
import type { ReportInput } from '../domain/report.js';
import { getGazetteer } from '../gazetteer/index.js';
import type { Place } from '../gazetteer/types.js';
import { analyzeSentence, type SentenceFacts } from './analyze-sentence.js';
import { attribute, type SentencePlaces } from './attribute.js';
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
    context: sentenceContext(facts, places, wider),
    warnings,
  };
}

/**
 * The report's context lists, in sentence order, from one pass over the facts: displacement and
 * diplomacy of sentences not rhetorical, and the rhetorical ones (what three filters, one per list, keep).
 */
function sentenceContext(facts: SentenceFacts[], places: SentencePlaces[], wider: WiderClaim[]): ExtractionResult['context'] {
  const displacement: ExtractionResult['context']['displacement'] = [];
  const diplomacy: ExtractionResult['context']['diplomacy'] = [];
  const rhetorical: ExtractionResult['context']['rhetorical'] = [];
  for (const f of facts) {
    const { text, start, end } = f.sentence;
    if (f.rhetorical) {
      rhetorical.push({ text, start, end });
      continue;
    }
    if (f.displacement) displacement.push({ count: f.displacement.count, place: places[f.index]!.targets[0]?.place?.name ?? null, text, start, end });
    if (f.diplomacy) diplomacy.push({ text, start, end });
  }
  return { displacement, diplomacy, wider_claims: wider, rhetorical };
}

export { detectLanguage } from './detect-language.js';
