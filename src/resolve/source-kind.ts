/**
 * Classifies a report's source by authority (official > wire > media > aggregator), which decides
 * whose figure becomes an event's best value. The lists are data (data/sources/source-kinds.json);
 * this file only matches them: source names as whole words, URL hosts by domain suffix, and t.me
 * channel names.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SourceKind } from '../domain/report.js';
import { dataPath } from '../paths.js';

const KindListSchema = z.object({
  names: z.array(z.string()),
  telegram: z.array(z.string()),
  domains: z.array(z.string()),
});
const SourceKindsSchema = z.object({
  official: KindListSchema,
  wire: KindListSchema,
  aggregator: KindListSchema,
  media: KindListSchema,
});
type SourceKindLists = z.infer<typeof SourceKindsSchema>;

/** The order in which lists are tried: the most authoritative first. */
const ORDER = ['official', 'wire', 'aggregator', 'media'] as const;

/** Authority rank used when choosing a best figure: higher wins. */
export const SOURCE_KIND_RANK: Record<SourceKind, number> = {
  official: 4,
  wire: 3,
  media: 2,
  aggregator: 1,
  unknown: 0,
};

interface CompiledKind {
  kind: (typeof ORDER)[number];
  names: RegExp | null;
  telegram: Set<string>;
  domains: string[];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(lists: SourceKindLists): CompiledKind[] {
  return ORDER.map((kind) => {
    const l = lists[kind];
    const names = l.names.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${l.names.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}])`, 'iu')
      : null;
    return {
      kind,
      names,
      telegram: new Set(l.telegram.map((c) => c.toLowerCase())),
      domains: l.domains.map((d) => d.toLowerCase()),
    };
  });
}

let compiled: CompiledKind[] | null = null;
function lists(): CompiledKind[] {
  compiled ??= compile(SourceKindsSchema.parse(JSON.parse(readFileSync(dataPath('sources', 'source-kinds.json'), 'utf8'))));
  return compiled;
}

function parseUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** t.me/<channel>/<post> or t.me/s/<channel>/… → channel name, lower-cased. */
function telegramChannel(u: URL): string | null {
  const host = u.hostname.toLowerCase();
  if (host !== 't.me' && host !== 'telegram.me') return null;
  const parts = u.pathname.split('/').filter(Boolean);
  const name = parts[0] === 's' ? parts[1] : parts[0];
  return name ? name.toLowerCase() : null;
}

/**
 * The kind of a report's source. A named source or URL that no list knows counts as media; nothing
 * at all is unknown.
 */
export function classifySourceKind(report: { source?: string | null; url?: string | null }): SourceKind {
  const u = parseUrl(report.url);
  const channel = u ? telegramChannel(u) : null;
  const host = u ? u.hostname.toLowerCase().replace(/^www\./, '') : null;
  const source = report.source?.trim() || null;
  for (const k of lists()) {
    if (source && k.names?.test(source)) return k.kind;
    if (channel && k.telegram.has(channel)) return k.kind;
    if (host && !channel && k.domains.some((d) => host === d || host.endsWith(`.${d}`))) return k.kind;
  }
  return source || u ? 'media' : 'unknown';
}
