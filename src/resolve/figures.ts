/**
 * One figure (killed, injured, …) of an event from all its mentions: every independent source's
 * value is kept; low and high are the range; best is the latest figure from the most authoritative
 * kind of source (officials over wires over media), so an official's later update supersedes their
 * earlier one, and `rule` says in words why.
 */
import type { FigureRange } from '../domain/merged-event.js';
import type { MentionInput } from './mention.js';
import { SOURCE_KIND_RANK } from './source-kind.js';

export const FIGURE_FIELDS = ['killed', 'injured', 'hospitalized', 'children_killed', 'children_injured'] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Comparable time of a mention: publication (date-only sorts as start of day), then ingest time. */
function timeKey(m: MentionInput): string {
  const p = m.published ? normaliseTime(m.published) : '';
  return `${p}|${m.ingested_at}`;
}

function normaliseTime(p: string): string {
  const d = new Date(p.length === 10 ? `${p}T00:00:00Z` : p);
  return Number.isNaN(d.getTime()) ? p : d.toISOString();
}

function quoteFor(m: MentionInput, field: FigureField): string | null {
  return m.extracted.evidence.find((e) => e.field === field)?.quote ?? null;
}

/** Orders mentions best-first: authority, then latest, then the larger figure. */
export function compareAuthority(a: MentionInput, b: MentionInput): number {
  const r = SOURCE_KIND_RANK[b.source_kind] - SOURCE_KIND_RANK[a.source_kind];
  if (r !== 0) return r;
  const ta = timeKey(a);
  const tb = timeKey(b);
  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

export function resolveFigure(field: FigureField, mentions: readonly MentionInput[]): FigureRange & { at_least: boolean } {
  const withValue = mentions.filter((m) => m.extracted[field] !== null);
  // Rewrites repeat their original: only when nothing independent gives the figure do they count.
  const independent = withValue.filter((m) => m.independent);
  const pool = independent.length ? independent : withValue;
  if (!pool.length) return { low: null, best: null, high: null, rule: null, sources: [], at_least: false };

  const values = pool.map((m) => m.extracted[field] as number);
  const ranked = [...pool].sort((a, b) => compareAuthority(a, b) || (b.extracted[field] as number) - (a.extracted[field] as number));
  const best = ranked[0]!;
  const when = best.published ?? best.ingested_at;
  const who = best.source ?? best.report_id;
  const sameKind = pool.filter((m) => m.source_kind === best.source_kind).length;
  const rule =
    pool.length === 1
      ? `only figure (${best.source_kind}: ${who}, ${when})`
      : `latest ${best.source_kind} figure (${who}, ${when})` + (sameKind > 1 ? ', superseding earlier ones' : '');
  return {
    low: Math.min(...values),
    best: best.extracted[field] as number,
    high: Math.max(...values),
    rule,
    sources: ranked.map((m) => ({
      mention_id: m.mention_id,
      report_id: m.report_id,
      value: m.extracted[field] as number,
      at_least: m.extracted.at_least,
      source: m.source,
      source_kind: m.source_kind,
      published: m.published,
      quote: quoteFor(m, field),
    })),
    at_least: best.extracted.at_least,
  };
}
