/**
 * The events touched by one write transaction, held in memory: mentions are attached, moved and
 * detached here, the merged records are rebuilt once at `flush()`, and every change is written with
 * its revision. Ingest, re-extraction and the analyst's edits all go through it, so they follow the
 * same merge rules and the same revision log.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ExtractedEvent } from '../domain/event.js';
import { toEventListItem } from '../domain/event-list-item.js';
import type { MergedEvent } from '../domain/merged-event.js';
import type { SourceKind } from '../domain/report.js';
import type { EventStatus } from '../domain/vocabulary.js';
import type { MentionInput } from '../resolve/mention.js';
import type { Overrides } from '../resolve/merge-event.js';
import { buildMergedEvent, chooseDate } from '../resolve/merge-event.js';
import type { EventSummary } from '../resolve/match.js';
import { isOvernight, joinScore, shiftDay } from '../resolve/match.js';
import { chunk } from './cursor.js';
import { diffEvents } from './event-diff.js';
import type { Database } from './schema.js';
import type { EventRevision } from './store.js';

/** A mention in the session, with what near-duplicate detection needs about its report. */
export interface SessionMention extends MentionInput {
  place_key: string | null;
  fingerprint: string;
  duplicate_of: string | null;
  linked_by: string;
}

export interface WorkingEvent {
  id: string;
  isNew: boolean;
  placeKey: string | null;
  status: EventStatus;
  notes: string | null;
  overrides: Overrides;
  mergedInto: string | null;
  createdAt: string;
  previous: MergedEvent | null;
  mentions: SessionMention[];
  dirty: boolean;
  /** How the revision is labelled when this event is written; defaults to create/update. */
  revision?: { kind: EventRevision['kind']; actor: string; note: string | null };
}

type LinkOp =
  | { op: 'insert'; mention_id: string; event_id: string; linked_by: string }
  | { op: 'move'; mention_id: string; event_id: string; linked_by: string }
  | { op: 'delete'; mention_id: string };

export interface FlushResult {
  created: number;
  updated: number;
}

const MENTION_COLUMNS = [
  'm.id as mention_id',
  'm.report_id',
  'm.data',
  'm.independent',
  'm.place_key',
  'r.source',
  'r.source_kind',
  'r.published',
  'r.ingested_at',
  'r.fingerprint',
  'r.duplicate_of',
  'em.linked_by',
] as const;

export class EventSession {
  readonly events = new Map<string, WorkingEvent>();
  private readonly byPlace = new Map<string, Set<string>>();
  /**
   * Session events by place and each day they touch (their date, their mentions' dates): a
   * superset kept for candidates(), which re-checks it. Scanning every event of the place for
   * every new mention made large batches quadratic.
   */
  private readonly byPlaceDay = new Map<string, Set<string>>();
  /** "place\0day" pairs whose stored events prefetch() has put in the session. */
  private readonly fetched = new Set<string>();
  private readonly links: LinkOp[] = [];
  private readonly deletedMentions: string[] = [];
  private readonly takenIds = new Set<string>();

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly now: string,
    private readonly actor: string,
    private readonly maxParams: number,
  ) {}

  /** Loads an event (and its mentions) into the session; null if it does not exist. */
  async load(id: string): Promise<WorkingEvent | null> {
    const have = this.events.get(id);
    if (have) return have;
    const row = await this.trx.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const rows = await this.mentionRows([id]);
    const ev = this.working(row, rows);
    this.remember(ev);
    return ev;
  }

  /** The mentions of these events with what merging needs of their reports, in report order. */
  private mentionRows(eventIds: readonly string[]) {
    return this.trx
      .selectFrom('event_mentions as em')
      .innerJoin('mentions as m', 'm.id', 'em.mention_id')
      .innerJoin('reports as r', 'r.id', 'm.report_id')
      .select([...MENTION_COLUMNS, 'em.event_id'])
      .where('em.event_id', 'in', eventIds)
      .orderBy('r.seq')
      .orderBy('m.ordinal')
      .execute();
  }

  private working(row: Database['events'], rows: Awaited<ReturnType<EventSession['mentionRows']>>): WorkingEvent {
    return {
      id: row.id,
      isNew: false,
      placeKey: row.place_key,
      status: row.status as EventStatus,
      notes: row.notes,
      overrides: JSON.parse(row.overrides) as Overrides,
      mergedInto: row.merged_into,
      createdAt: row.created_at,
      previous: JSON.parse(row.data) as MergedEvent,
      mentions: rows.map((r) => ({
        mention_id: r.mention_id,
        report_id: r.report_id,
        source: r.source,
        source_kind: r.source_kind as SourceKind,
        published: r.published,
        ingested_at: r.ingested_at,
        independent: !!r.independent,
        extracted: JSON.parse(r.data) as ExtractedEvent,
        place_key: r.place_key,
        fingerprint: r.fingerprint,
        duplicate_of: r.duplicate_of,
        linked_by: r.linked_by,
      })),
      dirty: false,
    };
  }

  /**
   * Loads, in a few queries, every stored event that candidates() would look up for these
   * (place, day) pairs, so a batch's per-mention look-ups are answered from memory: one query per
   * mention and two per event had made ingest a stream of tiny statements.
   */
  async prefetch(wanted: ReadonlyArray<{ placeKey: string; date: string }>): Promise<void> {
    const pairs = new Set<string>();
    for (const w of wanted) for (const d of [shiftDay(w.date, -1), w.date, shiftDay(w.date, 1)]) pairs.add(`${w.placeKey}\u0000${d}`);
    const todo = [...pairs].filter((k) => !this.fetched.has(k));
    if (!todo.length) return;
    const places = [...new Set(todo.map((k) => k.slice(0, k.indexOf('\u0000'))))];
    const days = [...new Set(todo.map((k) => k.slice(k.indexOf('\u0000') + 1)))];
    const ids: string[] = [];
    // Places × days is a superset of the pairs; rows outside the pairs are dropped here.
    for (const p of chunk(places, 400)) {
      for (const d of chunk(days, 400)) {
        const rows = await this.trx.selectFrom('events').select(['id', 'place_key', 'date']).where('place_key', 'in', p).where('date', 'in', d).where('merged_into', 'is', null).execute();
        for (const r of rows) if (pairs.has(`${r.place_key}\u0000${r.date}`) && !this.events.has(r.id)) ids.push(r.id);
      }
    }
    for (const part of chunk(ids, 400)) {
      const events = await this.trx.selectFrom('events').selectAll().where('id', 'in', part).execute();
      const byEvent = new Map<string, Awaited<ReturnType<EventSession['mentionRows']>>>();
      for (const m of await this.mentionRows(part)) {
        let list = byEvent.get(m.event_id);
        if (!list) byEvent.set(m.event_id, (list = []));
        list.push(m);
      }
      for (const row of events) if (!this.events.has(row.id)) this.remember(this.working(row, byEvent.get(row.id) ?? []));
    }
    for (const k of todo) this.fetched.add(k);
  }

  private remember(ev: WorkingEvent): void {
    this.events.set(ev.id, ev);
    if (ev.placeKey) {
      let s = this.byPlace.get(ev.placeKey);
      if (!s) this.byPlace.set(ev.placeKey, (s = new Set()));
      s.add(ev.id);
    }
    this.indexDay(ev, ev.previous?.date);
    for (const m of ev.mentions) this.indexDay(ev, m.extracted.date);
  }

  private indexDay(ev: WorkingEvent, day: string | null | undefined): void {
    if (!ev.placeKey || !day) return;
    const k = `${ev.placeKey}\u0000${day}`;
    let s = this.byPlaceDay.get(k);
    if (!s) this.byPlaceDay.set(k, (s = new Set()));
    s.add(ev.id);
  }

  /** Live events of this place within a day of `date`, from the database and from this session. */
  async candidates(placeKey: string, date: string): Promise<WorkingEvent[]> {
    const days = [shiftDay(date, -1), date, shiftDay(date, 1)];
    const prefetched = days.every((d) => this.fetched.has(`${placeKey}\u0000${d}`));
    const rows = prefetched
      ? []
      : await this.trx.selectFrom('events').select('id').where('place_key', '=', placeKey).where('date', 'in', days).where('merged_into', 'is', null).execute();
    const ids = new Set(rows.map((r) => r.id));
    // String membership, not dayDiff: this runs over every mention of every session event of the
    // place, once per new mention, and Date.parse there dominated large batches.
    const near = (d: string | null | undefined) => !!d && (d === days[0] || d === days[1] || d === days[2]);
    for (const day of days) {
      for (const id of this.byPlaceDay.get(`${placeKey}\u0000${day}`) ?? []) {
        if (ids.has(id)) continue;
        const ev = this.events.get(id);
        if (ev && ev.placeKey === placeKey && (near(ev.previous?.date) || ev.mentions.some((m) => near(m.extracted.date)))) ids.add(id);
      }
    }
    const out: WorkingEvent[] = [];
    for (const id of ids) {
      const ev = await this.load(id);
      if (ev && !ev.mergedInto) out.push(ev);
    }
    return out;
  }

  /** What the matcher sees of an event as it stands in this session. */
  summary(ev: WorkingEvent): EventSummary {
    const basis = ev.mentions.filter((m) => m.independent);
    const use = basis.length ? basis : ev.mentions;
    const weapons = new Set<string>();
    const districts = new Set<string>();
    const facilities = new Set<string>();
    for (const m of use) {
      for (const w of m.extracted.weapons) weapons.add(w);
      for (const d of m.extracted.location.districts) districts.add(d);
      for (const f of m.extracted.facilities) facilities.add(f.category);
    }
    const dateOverride = ev.overrides.date?.value as string | null | undefined;
    return {
      date: dateOverride ?? (use.length ? chooseDate(use) : (ev.previous?.date ?? null)),
      report_ids: new Set(ev.mentions.map((m) => m.report_id)),
      weapons: [...weapons],
      districts: [...districts],
      facility_categories: [...facilities],
      overnight: use.some((m) => isOvernight(m.extracted)),
    };
  }

  /** The best event for a mention among candidates, or null when none fits. */
  bestMatch(mention: SessionMention, candidates: readonly WorkingEvent[]): WorkingEvent | null {
    let best: WorkingEvent | null = null;
    let bestScore = -1;
    for (const ev of candidates) {
      const s = joinScore(mention.extracted, mention.report_id, this.summary(ev));
      if (s !== null && (s > bestScore || (s === bestScore && best && ev.id < best.id))) {
        best = ev;
        bestScore = s;
      }
    }
    return best;
  }

  /** Finds or creates the event for a new mention and attaches it. Returns the event. */
  async assign(mention: SessionMention, candidates?: readonly WorkingEvent[]): Promise<WorkingEvent> {
    let target: WorkingEvent | null = null;
    if (mention.place_key && mention.extracted.date) {
      target = this.bestMatch(mention, candidates ?? (await this.candidates(mention.place_key, mention.extracted.date)));
    }
    target ??= await this.create(mention.mention_id, mention.place_key);
    this.attach(target, mention);
    return target;
  }

  /** A new, empty event with an id derived from its seed, so reruns produce the same ids. */
  async create(seed: string, placeKey: string | null): Promise<WorkingEvent> {
    let id = '';
    for (let n = 0; ; n++) {
      id = `ev_${createHash('sha1').update(n ? `${seed}#${n}` : seed).digest('hex').slice(0, 16)}`;
      if (this.takenIds.has(id) || this.events.has(id)) continue;
      const exists = await this.trx.selectFrom('events').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) break;
    }
    this.takenIds.add(id);
    const ev: WorkingEvent = {
      id,
      isNew: true,
      placeKey,
      status: 'unreviewed',
      notes: null,
      overrides: {},
      mergedInto: null,
      createdAt: this.now,
      previous: null,
      mentions: [],
      dirty: true,
    };
    this.remember(ev);
    return ev;
  }

  attach(ev: WorkingEvent, mention: SessionMention): void {
    ev.mentions.push(mention);
    this.indexDay(ev, mention.extracted.date);
    ev.dirty = true;
    this.links.push({ op: 'insert', mention_id: mention.mention_id, event_id: ev.id, linked_by: mention.linked_by });
  }

  /** Moves a linked mention from one event to another (analyst merge/split). */
  move(from: WorkingEvent, to: WorkingEvent, mentionId: string, actor: string): void {
    const i = from.mentions.findIndex((m) => m.mention_id === mentionId);
    if (i < 0) return;
    const [m] = from.mentions.splice(i, 1);
    m!.linked_by = actor;
    to.mentions.push(m!);
    this.indexDay(to, m!.extracted.date);
    from.dirty = to.dirty = true;
    this.links.push({ op: 'move', mention_id: mentionId, event_id: to.id, linked_by: actor });
  }

  /** Takes a mention out of its event; `drop` also deletes the mention itself. */
  detach(ev: WorkingEvent, mentionId: string, drop: boolean): void {
    const i = ev.mentions.findIndex((m) => m.mention_id === mentionId);
    if (i >= 0) ev.mentions.splice(i, 1);
    ev.dirty = true;
    this.links.push({ op: 'delete', mention_id: mentionId });
    if (drop) this.deletedMentions.push(mentionId);
  }

  markRevision(ev: WorkingEvent, kind: EventRevision['kind'], actor: string, note: string | null = null): void {
    ev.dirty = true;
    ev.revision = { kind, actor, note };
  }

  /** Writes every changed event, its tags, its revision and the mention links. */
  async flush(): Promise<FlushResult> {
    const trx = this.trx;
    const result: FlushResult = { created: 0, updated: 0 };
    const newRows: Database['events'][] = [];
    const tagRows: Database['event_tags'][] = [];
    const retag: string[] = [];
    const revisions: Array<Omit<Database['event_revisions'], 'id'>> = [];
    const emptied: WorkingEvent[] = [];

    for (const ev of this.events.values()) {
      if (!ev.dirty) continue;
      const merged = buildMergedEvent({
        id: ev.id,
        status: ev.status,
        notes: ev.notes,
        overrides: ev.overrides,
        mentions: ev.mentions,
        updated_at: this.now,
        previous: ev.previous,
      });
      const changes = diffEvents(ev.previous, merged);
      const rev = ev.revision ?? { kind: ev.isNew ? 'create' : this.actor === 'reextract' ? 'reextract' : 'update', actor: this.actor, note: null };
      if (!ev.isNew && !ev.mentions.length && !ev.mergedInto && this.isDisposable(ev)) {
        emptied.push(ev);
        continue;
      }
      const row: Database['events'] = {
        id: ev.id,
        place_key: ev.placeKey,
        date: merged.date,
        sort_date: merged.date ?? '',
        sort_killed: merged.killed ?? -1,
        sort_injured: merged.injured ?? -1,
        city: merged.location.city,
        city_key: merged.location.city?.toLowerCase() ?? null,
        oblast: merged.location.oblast,
        oblast_key: merged.location.oblast?.toLowerCase() ?? null,
        status: ev.status,
        killed: merged.killed,
        injured: merged.injured,
        data: JSON.stringify(merged),
        list_item: JSON.stringify(toEventListItem(merged)),
        overrides: JSON.stringify(ev.overrides),
        notes: ev.notes,
        merged_into: ev.mergedInto,
        created_at: ev.createdAt,
        updated_at: this.now,
      };
      if (ev.isNew) {
        newRows.push(row);
        result.created++;
      } else {
        if (!Object.keys(changes).length && !ev.revision) {
          ev.dirty = false;
          continue; // nothing visible changed: no write, no revision
        }
        const { id: _id, created_at: _c, ...rest } = row;
        await trx.updateTable('events').set(rest).where('id', '=', ev.id).execute();
        retag.push(ev.id);
        result.updated++;
      }
      if (!ev.mergedInto) {
        for (const w of new Set(merged.weapons)) tagRows.push({ event_id: ev.id, kind: 'weapon', value: w });
        for (const f of new Set(merged.facilities.map((x) => x.category))) tagRows.push({ event_id: ev.id, kind: 'facility', value: f });
        for (const u of new Set(merged.utilities.map((x) => x.utility))) tagRows.push({ event_id: ev.id, kind: 'utility', value: u });
      }
      revisions.push({ event_id: ev.id, at: this.now, actor: rev.actor, kind: rev.kind, changes: JSON.stringify(changes), note: rev.note });
      ev.previous = merged;
      this.indexDay(ev, merged.date);
      ev.isNew = false;
      ev.dirty = false;
      ev.revision = undefined;
    }

    const rowChunk = Math.max(1, Math.floor(this.maxParams / 20));
    for (const part of chunk(newRows, rowChunk)) await trx.insertInto('events').values(part).execute();
    for (const part of chunk(retag, 500)) await trx.deleteFrom('event_tags').where('event_id', 'in', part).execute();
    for (const part of chunk(tagRows, Math.floor(this.maxParams / 3))) await trx.insertInto('event_tags').values(part).execute();
    for (const part of chunk(revisions, Math.floor(this.maxParams / 6))) await trx.insertInto('event_revisions').values(part).execute();
    await this.writeLinks();
    for (const part of chunk(this.deletedMentions.splice(0), 500)) await trx.deleteFrom('mentions').where('id', 'in', part).execute();
    for (const ev of emptied) {
      await trx.deleteFrom('event_tags').where('event_id', '=', ev.id).execute();
      await trx.deleteFrom('event_revisions').where('event_id', '=', ev.id).execute();
      await trx.deleteFrom('events').where('id', '=', ev.id).execute();
      this.events.delete(ev.id);
      this.byPlace.get(ev.placeKey ?? '')?.delete(ev.id);
    }
    return result;
  }

  /** An event made by ingest alone, which lost all its mentions, goes; one an analyst touched stays. */
  private isDisposable(ev: WorkingEvent): boolean {
    return ev.status === 'unreviewed' && ev.notes === null && !Object.keys(ev.overrides).length && !ev.revision;
  }

  private async writeLinks(): Promise<void> {
    const ops = this.links.splice(0);
    // Collapse to the final state per mention, in order.
    const final = new Map<string, LinkOp>();
    const existed = new Map<string, boolean>();
    for (const op of ops) {
      if (!existed.has(op.mention_id)) existed.set(op.mention_id, op.op !== 'insert');
      final.set(op.mention_id, op);
    }
    const inserts: Database['event_mentions'][] = [];
    const deletes: string[] = [];
    for (const [mentionId, op] of final) {
      const wasStored = existed.get(mentionId)!;
      if (op.op === 'delete') {
        if (wasStored) deletes.push(mentionId);
      } else if (!wasStored) {
        inserts.push({ mention_id: mentionId, event_id: op.event_id, linked_by: op.linked_by, linked_at: this.now });
      } else {
        await this.trx
          .updateTable('event_mentions')
          .set({ event_id: op.event_id, linked_by: op.linked_by, linked_at: this.now })
          .where('mention_id', '=', mentionId)
          .execute();
      }
    }
    for (const part of chunk(deletes, 500)) await this.trx.deleteFrom('event_mentions').where('mention_id', 'in', part).execute();
    for (const part of chunk(inserts, Math.floor(this.maxParams / 4))) await this.trx.insertInto('event_mentions').values(part).execute();
  }
}
