/**
 * Storing a batch of extracted reports in one transaction: deduplicate (same id, same normalised
 * content, near-duplicate rewrite), store reports and mentions, merge the mentions into events.
 * Also the re-extraction path, which swaps one report's mentions for a new extraction's.
 */
import type { Transaction } from 'kysely';
import type { ExtractedEvent, ExtractionResult } from '../domain/event.js';
import { ExtractionResultSchema } from '../domain/event.js';
import { ReportInputSchema } from '../domain/report.js';
import type { ReportInput } from '../domain/report.js';
import { placeKey } from '../resolve/match.js';
import { NEAR_DUPLICATE_THRESHOLD, contentHashOf, fingerprint, sketchSimilarity } from '../resolve/near-duplicate.js';
import { classifySourceKind } from '../resolve/source-kind.js';
import { chunk } from './cursor.js';
import type { SessionMention, WorkingEvent } from './event-session.js';
import { EventSession } from './event-session.js';
import type { Database } from './schema.js';
import type { StoreBackend } from './store-backend.js';
import type { IngestBatchResult, IngestItem, IngestItemResult } from './store.js';
import { StoreInputError, StoreNotFoundError } from './store.js';

interface Prepared {
  report: ReportInput;
  extraction: ExtractionResult | null;
  origin: IngestItem['origin'] | null;
  hash: string;
  fingerprint: string;
  sourceKind: ReturnType<typeof classifySourceKind>;
}

/** Mention ids are the extractor's stable event ids, scoped to their report. */
export function mentionIdFor(reportId: string, extracted: ExtractedEvent, taken: Set<string>): string {
  let id = extracted.id.startsWith(reportId) ? extracted.id : `${reportId}#${extracted.id}`;
  for (let n = 2; taken.has(id); n++) id = `${reportId}#${extracted.id}#${n}`;
  taken.add(id);
  return id;
}

function extractionContext(x: ExtractionResult | null): string | null {
  if (!x) return null;
  const { events: _events, ...rest } = x;
  return JSON.stringify(rest);
}

function prepare(item: IngestItem): Prepared {
  const parsed = ReportInputSchema.safeParse(item.report);
  if (!parsed.success) throw new StoreInputError(`report ${String(item.report?.id)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  let extraction: ExtractionResult | null = null;
  if (item.extraction) {
    const x = ExtractionResultSchema.safeParse(item.extraction);
    if (!x.success) {
      const issue = x.error.issues[0];
      throw new StoreInputError(`extraction of report ${parsed.data.id}: ${issue?.path.join('.')}: ${issue?.message ?? 'invalid'}`);
    }
    extraction = x.data;
  }
  const report = parsed.data;
  return {
    report,
    extraction,
    origin: item.origin ?? null,
    hash: contentHashOf(report.text),
    fingerprint: fingerprint(`${report.title ?? ''} ${report.text}`),
    sourceKind: classifySourceKind(report),
  };
}

/** PostgreSQL text cannot hold NUL: swap it for U+FFFD, which keeps every UTF-16 offset valid. */
export function noNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '\uFFFD') : s;
}

function reportRow(p: Prepared, now: string): Omit<Database['reports'], 'seq'> {
  const r = p.report;
  return {
    id: r.id,
    source: r.source ?? null,
    source_kind: p.sourceKind,
    url: r.url ?? null,
    title: r.title ? noNul(r.title) : null,
    published: r.published ?? null,
    published_day: r.published ? r.published.slice(0, 10) : null,
    lang: r.lang ?? p.extraction?.lang ?? null,
    text: noNul(r.text),
    content_hash: p.hash,
    fingerprint: p.fingerprint,
    duplicate_of: null,
    origin: p.origin ? JSON.stringify(p.origin) : null,
    extraction: extractionContext(p.extraction),
    extracted_at: p.extraction ? now : null,
    ingested_at: now,
    mention_count: p.extraction?.events.length ?? 0,
  };
}

function sessionMentions(p: Prepared, now: string): SessionMention[] {
  const taken = new Set<string>();
  return (p.extraction?.events ?? []).map((e) => ({
    mention_id: mentionIdFor(p.report.id, e, taken),
    report_id: p.report.id,
    source: p.report.source ?? null,
    source_kind: p.sourceKind,
    published: p.report.published ?? null,
    ingested_at: now,
    independent: true,
    extracted: e,
    place_key: placeKey(e),
    fingerprint: p.fingerprint,
    duplicate_of: null,
    linked_by: 'ingest',
  }));
}

function mentionRows(mentions: readonly SessionMention[]): Database['mentions'][] {
  return mentions.map((m, i) => ({
    id: m.mention_id,
    report_id: m.report_id,
    ordinal: i,
    place_key: m.place_key,
    date: m.extracted.date,
    independent: m.independent ? 1 : 0,
    data: JSON.stringify(m.extracted),
  }));
}

/** The stored report a new one rewrites, among the reports of the events its mentions would join. */
function findOriginal(fp: string, reportId: string, candidates: Iterable<WorkingEvent>): string | null {
  let best: string | null = null;
  let bestSim = NEAR_DUPLICATE_THRESHOLD;
  const seen = new Set<string>();
  for (const ev of candidates) {
    for (const m of ev.mentions) {
      if (m.report_id === reportId || seen.has(m.report_id)) continue;
      seen.add(m.report_id);
      const sim = sketchSimilarity(fp, m.fingerprint);
      if (sim >= bestSim) {
        bestSim = sim;
        best = m.duplicate_of ?? m.report_id;
      }
    }
  }
  return best;
}

/** Attaches a report's mentions to events, linking it as a rewrite when it is one. */
async function mergeReport(
  trx: Transaction<Database>,
  session: EventSession,
  mentions: SessionMention[],
  fp: string,
  reportId: string,
): Promise<{ duplicateOf: string | null }> {
  const candidateLists = new Map<string, WorkingEvent[]>();
  const all = new Set<WorkingEvent>();
  for (const m of mentions) {
    if (!m.place_key || !m.extracted.date) continue;
    const c = await session.candidates(m.place_key, m.extracted.date);
    candidateLists.set(m.mention_id, c);
    for (const ev of c) all.add(ev);
  }
  const duplicateOf = all.size ? findOriginal(fp, reportId, all) : null;
  if (duplicateOf) {
    await trx.updateTable('reports').set({ duplicate_of: duplicateOf }).where('id', '=', reportId).execute();
    await trx.updateTable('mentions').set({ independent: 0 }).where('report_id', '=', reportId).execute();
    for (const m of mentions) {
      m.independent = false;
      m.duplicate_of = duplicateOf;
    }
  }
  for (const m of mentions) {
    const c = candidateLists.get(m.mention_id);
    await session.assign(m, c ?? []);
  }
  return { duplicateOf };
}

/** One transaction: the whole batch or nothing. */
export async function ingestBatch(backend: StoreBackend, items: readonly IngestItem[]): Promise<IngestBatchResult> {
  const prepared = items.map(prepare);
  const result: IngestBatchResult = {
    items: [],
    new: 0,
    duplicate: 0,
    near_duplicate: 0,
    updated: 0,
    mentions: 0,
    events_created: 0,
    events_updated: 0,
  };
  if (!prepared.length) return result;
  const now = new Date().toISOString();

  return backend.db.transaction().execute(async (trx) => {
    await backend.lockForIngest(trx);
    const byId = new Map<string, { content_hash: string }>();
    for (const part of chunk([...new Set(prepared.map((p) => p.report.id))], 500)) {
      const rows = await trx.selectFrom('reports').select(['id', 'content_hash']).where('id', 'in', part).execute();
      for (const r of rows) byId.set(r.id, r);
    }
    const byHash = new Map<string, string>();
    for (const part of chunk([...new Set(prepared.map((p) => p.hash))], 500)) {
      const rows = await trx.selectFrom('reports').select(['id', 'content_hash']).where('content_hash', 'in', part).orderBy('seq').execute();
      for (const r of rows) if (!byHash.has(r.content_hash)) byHash.set(r.content_hash, r.id);
    }

    const fresh: Prepared[] = [];
    const updated: Prepared[] = [];
    const aliases: Database['report_aliases'][] = [];
    const itemResults: IngestItemResult[] = [];
    const batchIds = new Set<string>();
    for (const p of prepared) {
      const id = p.report.id;
      const stored = byId.get(id);
      if (batchIds.has(id) || (stored && stored.content_hash === p.hash)) {
        itemResults.push({ report_id: id, outcome: 'duplicate', duplicate_of: id });
      } else if (stored) {
        updated.push(p);
        batchIds.add(id);
        itemResults.push({ report_id: id, outcome: 'updated' });
      } else if (byHash.has(p.hash)) {
        const original = byHash.get(p.hash)!;
        aliases.push({ alias: id, report_id: original, source: p.report.source ?? null, url: p.report.url ?? null, created_at: now });
        batchIds.add(id);
        itemResults.push({ report_id: id, outcome: 'duplicate', duplicate_of: original });
      } else {
        fresh.push(p);
        batchIds.add(id);
        byHash.set(p.hash, id);
        itemResults.push({ report_id: id, outcome: 'new' });
      }
    }

    const rowChunk = Math.max(1, Math.floor(backend.maxParams / 20));
    for (const part of chunk(fresh, rowChunk)) await trx.insertInto('reports').values(part.map((p) => reportRow(p, now))).execute();
    for (const part of chunk(aliases, rowChunk)) {
      await trx.insertInto('report_aliases').values(part).onConflict((oc) => oc.column('alias').doNothing()).execute();
    }

    const session = new EventSession(trx, now, 'ingest', backend.maxParams);
    const nearDup = new Map<string, string>();
    const perReport = fresh.map((p) => ({ p, mentions: sessionMentions(p, now) }));
    const allMentionRows = perReport.flatMap(({ mentions }) => mentionRows(mentions));
    for (const part of chunk(allMentionRows, Math.floor(backend.maxParams / 8))) await trx.insertInto('mentions').values(part).execute();
    // Every stored event these mentions could join, in a few queries instead of a few per mention.
    await session.prefetch(perReport.flatMap(({ mentions }) => mentions.flatMap((m) => (m.place_key && m.extracted.date ? [{ placeKey: m.place_key, date: m.extracted.date }] : []))));
    for (const { p, mentions } of perReport) {
      const { duplicateOf } = await mergeReport(trx, session, mentions, p.fingerprint, p.report.id);
      if (duplicateOf) nearDup.set(p.report.id, duplicateOf);
      result.mentions += mentions.length;
    }
    for (const p of updated) {
      const { ingested_at: _keep, ...row } = reportRow(p, now);
      await trx.updateTable('reports').set(row).where('id', '=', p.report.id).execute();
      if (p.extraction) result.mentions += await applyExtraction(trx, session, p.report.id, p.extraction, now, p);
    }
    const flushed = await session.flush();
    result.events_created = flushed.created;
    result.events_updated = flushed.updated;

    for (const r of itemResults) {
      const dup = r.outcome === 'new' ? nearDup.get(r.report_id) : undefined;
      if (dup) {
        r.outcome = 'near_duplicate';
        r.duplicate_of = dup;
      }
      result[r.outcome]++;
    }
    result.items = itemResults;
    return result;
  });
}

/**
 * Swaps a stored report's mentions for a new extraction's inside `session`: same-id mentions are
 * updated in place (re-merged only if ingest linked them and their place or day moved), new ones
 * merged, vanished ones removed. Links made by analysts are left where they put them.
 */
export async function applyExtraction(
  trx: Transaction<Database>,
  session: EventSession,
  reportId: string,
  extraction: ExtractionResult,
  now: string,
  prepared?: Prepared,
): Promise<number> {
  const report = await trx
    .selectFrom('reports')
    .select(['id', 'source', 'source_kind', 'url', 'title', 'published', 'text', 'lang', 'fingerprint', 'duplicate_of'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) throw new StoreNotFoundError(`no report ${reportId}`);
  const p: Prepared = prepared ?? {
    report: {
      id: report.id,
      text: report.text,
      source: report.source,
      url: report.url,
      title: report.title,
      published: report.published,
    },
    extraction,
    origin: null,
    hash: '',
    fingerprint: report.fingerprint,
    sourceKind: report.source_kind as Prepared['sourceKind'],
  };
  const next = sessionMentions({ ...p, extraction }, now);
  for (const m of next) {
    m.independent = !report.duplicate_of;
    m.duplicate_of = report.duplicate_of;
  }
  const existing = await trx
    .selectFrom('mentions as m')
    .leftJoin('event_mentions as em', 'em.mention_id', 'm.id')
    .select(['m.id', 'm.place_key', 'm.date', 'em.event_id', 'em.linked_by'])
    .where('m.report_id', '=', reportId)
    .execute();
  const nextIds = new Set(next.map((m) => m.mention_id));
  for (const old of existing) {
    if (nextIds.has(old.id)) continue;
    const ev = old.event_id ? await session.load(old.event_id) : null;
    if (ev) session.detach(ev, old.id, true);
    else await trx.deleteFrom('mentions').where('id', '=', old.id).execute();
  }
  const byOld = new Map(existing.map((e) => [e.id, e]));
  const rows = mentionRows(next);
  for (const [i, m] of next.entries()) {
    const old = byOld.get(m.mention_id);
    const row = rows[i]!;
    if (!old) {
      await trx.insertInto('mentions').values(row).execute();
      await session.assign(m);
      continue;
    }
    await trx
      .updateTable('mentions')
      .set({ data: row.data, place_key: row.place_key, date: row.date, ordinal: row.ordinal, independent: row.independent })
      .where('id', '=', m.mention_id)
      .execute();
    const ev = old.event_id ? await session.load(old.event_id) : null;
    const analystLink = old.linked_by !== null && old.linked_by !== 'ingest';
    const moved = old.place_key !== m.place_key || old.date !== m.extracted.date;
    if (ev && (analystLink || !moved)) {
      const held = ev.mentions.find((x) => x.mention_id === m.mention_id);
      if (held) {
        held.extracted = m.extracted;
        held.place_key = m.place_key;
        held.independent = m.independent;
      }
      ev.dirty = true;
    } else {
      if (ev) session.detach(ev, m.mention_id, false);
      await session.assign(m);
    }
  }
  await trx
    .updateTable('reports')
    .set({ extraction: extractionContext(extraction), extracted_at: now, mention_count: next.length, lang: report.lang ?? extraction.lang })
    .where('id', '=', reportId)
    .execute();
  return next.length;
}
