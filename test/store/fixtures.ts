/** Hand-built reports and extraction results for store and merge tests. */
import { createHash } from 'node:crypto';
import type { ExtractedEvent, ExtractionResult } from '../../src/domain/event.js';
import type { ReportInput } from '../../src/domain/report.js';
import type { IngestItem } from '../../src/store/store.js';

export type EventSpec = Partial<Omit<ExtractedEvent, 'location'>> & {
  city?: string | null;
  oblast?: string | null;
  districts?: string[];
  dateQuote?: string;
};

export function extracted(reportId: string, n: number, spec: EventSpec = {}): ExtractedEvent {
  const { city = 'Kharkiv', oblast = 'Kharkiv', districts = [], dateQuote, ...rest } = spec;
  const date = spec.date === undefined ? '2026-01-24' : spec.date;
  const evidence = spec.evidence ?? [
    ...(dateQuote ? [{ field: 'date', start: 0, end: dateQuote.length, quote: dateQuote }] : []),
    ...(spec.killed != null ? [{ field: 'killed', start: 0, end: 1, quote: `${spec.killed} killed` }] : []),
  ];
  return {
    id: `${reportId}-e${n}`,
    date,
    date_precision: 'day',
    location: {
      city,
      districts,
      raion: null,
      oblast,
      country: 'Ukraine',
      lat: null,
      lon: null,
      geo_precision: city ? 1 : 3,
      katottg: null,
    },
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
    weapons: ['drone'],
    weapon_counts: {},
    killed: null,
    injured: null,
    at_least: false,
    hospitalized: null,
    children_killed: null,
    children_injured: null,
    facilities: [],
    utilities: [],
    officials: [],
    confidence: 0.8,
    ...rest,
    evidence,
  };
}

export function extraction(reportId: string, events: EventSpec[]): ExtractionResult {
  return {
    id: reportId,
    lang: 'en',
    reference_date: '2026-01-24',
    events: events.map((e, i) => extracted(reportId, i, e)),
    context: { displacement: [], diplomacy: [], wider_claims: [], rhetorical: [] },
    warnings: [],
  };
}

export function item(report: Partial<ReportInput> & { id: string }, events: EventSpec[] = [{}]): IngestItem {
  const r: ReportInput = {
    text: textFor(report.id),
    published: '2026-01-24T08:00:00Z',
    source: 'Suspilne',
    title: null,
    url: null,
    ...report,
  };
  return { report: r, extraction: extraction(r.id, events), origin: { location: `test/${r.id}.txt`, format: 'text' } };
}

/** Distinct text per id (so reports are neither duplicates nor rewrites of one another). */
export function textFor(id: string): string {
  const words: string[] = [];
  for (let i = 0; words.length < 40; i++) {
    const h = createHash('sha1').update(`${id}/${i}`).digest('hex');
    for (let j = 0; j + 6 <= h.length; j += 6) words.push(`w${h.slice(j, j + 6)}`);
  }
  return `Drone attack on Kharkiv reported as ${id}. ${words.join(' ')}.`;
}
