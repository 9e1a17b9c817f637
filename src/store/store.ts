/**
 * The storage contract: one interface, implemented by sqlite/ and postgres/ (see open-store.ts for
 * `openStore(options)`, which picks the implementation and applies migrations before returning).
 *
 * Everything the CLI, the API and the exports need goes through here. Writes are transactional per
 * call: a batch is stored completely or not at all, so a run killed halfway and started again ends
 * with exactly the data of an uninterrupted run.
 *
 * Ids are strings everywhere. Timestamps are ISO 8601 strings (UTC, `Z`). Pages use opaque keyset
 * cursors: pass a page's `next` back as `cursor` to get the following page; `next: null` means done.
 */
import type { EventQuery } from '../domain/event-query.js';
import type { Evidence, ExtractedEvent, ExtractionResult } from '../domain/event.js';
import type { MergedEvent } from '../domain/merged-event.js';
import type { ReportInput, SourceKind } from '../domain/report.js';
import type { EventStatus } from '../domain/vocabulary.js';
import type { Origin } from '../ingest/types.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** How to open a store. `databaseUrl` wins over `path`; neither means ./strikewatch.db. */
export interface OpenStoreOptions {
  /** SQLite file (`:memory:` for a throwaway database). Default `./strikewatch.db`. */
  path?: string;
  /** postgres://… URL; when given, PostgreSQL is used. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing). Default `public`. Tests use one per file. */
  schema?: string;
  /** Open without applying pending migrations (read-only tools); default false. */
  skipMigrations?: boolean;
}

/** One keyset page. */
export interface Page<T> {
  rows: T[];
  /** Opaque cursor for the next page, or null when this was the last one. */
  next: string | null;
}

/** The outcome of applying migrations (never throws for a failed migration: see `error`). */
export interface MigrationReport {
  applied: string[];
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// Ingest

/** One report with what the extractor made of it. `extraction: null` stores the report unextracted. */
export interface IngestItem {
  report: ReportInput;
  extraction: ExtractionResult | null;
  /** Where it was read from (kept on the report for provenance). */
  origin?: Origin;
}

/** What happened to one item of a batch. */
export type IngestOutcome =
  /** Stored as a new report. */
  | 'new'
  /** Already stored (same id, or same content under another id / from another feed): nothing written. */
  | 'duplicate'
  /** Stored, and linked to the report it rewrites (`duplicate_of`); its mentions are not independent. */
  | 'near_duplicate'
  /** Same id as a stored report but new text (a live page updated): text replaced, mentions re-merged. */
  | 'updated';

export interface IngestItemResult {
  report_id: string;
  outcome: IngestOutcome;
  /** For `duplicate` and `near_duplicate`: the stored report this one repeats. */
  duplicate_of?: string;
}

export interface IngestBatchResult {
  items: IngestItemResult[];
  new: number;
  duplicate: number;
  near_duplicate: number;
  updated: number;
  mentions: number;
  events_created: number;
  events_updated: number;
}

/** A rejected input, as recorded (re-recording the same location+line+reason is a no-op). */
export interface RejectionInput {
  origin: Origin;
  field?: string;
  reason: string;
  raw?: string;
}

export interface StoredRejection {
  id: string;
  location: string;
  format: string;
  line: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
  created_at: string;
}

// ---------------------------------------------------------------------------------------------
// Reports

/** A stored report without its text (list views). */
export interface StoredReportSummary {
  id: string;
  source: string | null;
  source_kind: SourceKind;
  url: string | null;
  title: string | null;
  published: string | null;
  lang: string | null;
  content_hash: string;
  ingested_at: string;
  /** The report this one is a (near-)duplicate rewrite of, or null for an original. */
  duplicate_of: string | null;
  /** Number of mentions (extracted events) this report gave. */
  mention_count: number;
}

/** A mention: one extracted event of one report, and the merged event it is linked to. */
export interface StoredMention {
  id: string;
  report_id: string;
  event_id: string | null;
  /** False for mentions from near-duplicate rewrites: they do not count as independent sources. */
  independent: boolean;
  extracted: ExtractedEvent;
}

/** A full report: text, provenance, extraction context and every mention with its evidence spans. */
export interface StoredReport extends StoredReportSummary {
  text: string;
  origin: Origin | null;
  extracted_at: string | null;
  /** Extraction context (wider claims, rhetorical lines, warnings) as the extractor gave it. */
  extraction: Omit<ExtractionResult, 'events'> | null;
  mentions: StoredMention[];
  /** All evidence spans of all mentions, flattened, with the mention they belong to. */
  evidence: Array<Evidence & { mention_id: string }>;
}

export interface ReportQuery {
  source?: string;
  source_kind?: SourceKind;
  /** Full-text search over title and text (FTS5 / tsvector). */
  q?: string;
  /** Reports linked to this event. */
  event_id?: string;
  /** Published on/after, on/before (YYYY-MM-DD). */
  date_from?: string;
  date_to?: string;
  /** Newest ingested first. */
  cursor?: string;
  limit?: number; // default 100, max 1000
}

/** A full-text hit: the report and a short snippet around the match (plain text, not HTML). */
export interface ReportSearchHit {
  report: StoredReportSummary;
  snippet: string;
}

// ---------------------------------------------------------------------------------------------
// Events

/** A merged event as stored, plus where it went when an analyst merged it into another. */
export type StoredEvent = MergedEvent & {
  id: string;
  /** Set when this event was merged into another: it is then hidden from listEvents/streamEvents. */
  merged_into: string | null;
};

/** The mention behind an event, with its report's source and the quotes that support it. */
export interface EventMention {
  mention_id: string;
  report_id: string;
  source: string | null;
  source_kind: SourceKind;
  url: string | null;
  title: string | null;
  published: string | null;
  independent: boolean;
  /** Who linked it: 'ingest' or the analyst who merged/split. */
  linked_by: string;
  linked_at: string;
  extracted: ExtractedEvent;
  evidence: Evidence[];
}

/** One entry of an event's revision log: every change, by ingest or by an analyst. */
export interface EventRevision {
  id: string;
  event_id: string;
  at: string;
  /** 'ingest', 'reextract', or the analyst's name. */
  actor: string;
  kind: 'create' | 'update' | 'patch' | 'merge' | 'merged_into' | 'split' | 'reextract';
  /** Changed fields only: { field: { before, after } }. */
  changes: Record<string, { before: unknown; after: unknown }>;
  note: string | null;
}

export interface EventDetail {
  event: StoredEvent;
  mentions: EventMention[];
  revisions: EventRevision[];
}

/**
 * An analyst's edit. Every field given is set, recorded as a revision (who/when/before/after) and,
 * except `status` and `notes`, locked: re-extraction and new mentions never overwrite it.
 * List field names in `unlock` to release their locks and let the computed values back.
 */
export interface EventPatch {
  status?: EventStatus;
  notes?: string | null;
  date?: string | null;
  city?: string | null;
  oblast?: string | null;
  raion?: string | null;
  districts?: string[];
  lat?: number | null;
  lon?: number | null;
  sub_event_type?: MergedEvent['sub_event_type'];
  weapons?: MergedEvent['weapons'];
  killed?: number | null;
  injured?: number | null;
  hospitalized?: number | null;
  children_killed?: number | null;
  children_injured?: number | null;
  facilities?: MergedEvent['facilities'];
  utilities?: MergedEvent['utilities'];
  officials?: MergedEvent['officials'];
  /** Field names whose locks to release (their computed values come back). */
  unlock?: string[];
}

export interface StoreStats {
  reports: number;
  mentions: number;
  /** Visible events (not merged into another). */
  events: number;
  rejected: number;
  duplicates: number;
  by_day: Array<{ date: string; events: number; killed: number; injured: number }>;
  by_oblast: Array<{ oblast: string; events: number; killed: number; injured: number }>;
  by_weapon: Array<{ weapon: string; events: number }>;
  by_status: Array<{ status: EventStatus; events: number }>;
}

// ---------------------------------------------------------------------------------------------
// Feed state (for `strikewatch watch`): what each feed has already given, persisted in the database.

export interface FeedState {
  url: string;
  /** Item ids/links already ingested (bounded by the watcher). */
  seen: string[];
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_error: string | null;
  consecutive_errors: number;
}

// ---------------------------------------------------------------------------------------------

export interface Store {
  readonly dialect: StoreDialect;

  /** Applies pending migrations (done by openStore unless skipMigrations). Safe to call again. */
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;

  // ---- ingest
  /**
   * Stores a batch in one transaction: reports (deduplicated by id and content hash, near-duplicates
   * linked), their mentions, and merges the mentions into events (revisions recorded, actor 'ingest').
   * Idempotent: ingesting the same items again changes nothing and reports them as `duplicate`.
   */
  ingestBatch(items: IngestItem[]): Promise<IngestBatchResult>;
  /** Records rejected inputs (idempotent on location + line + reason). Returns how many were new. */
  recordRejections(rejections: RejectionInput[]): Promise<number>;
  listRejections(page?: { cursor?: string; limit?: number }): Promise<Page<StoredRejection>>;
  /** True if a report with this id, or this content hash, is already stored. */
  hasReport(id: string, contentHash?: string): Promise<boolean>;

  // ---- reports
  getReport(id: string): Promise<StoredReport | null>;
  listReports(query?: ReportQuery): Promise<Page<StoredReportSummary>>;
  /** Full-text search over report title + text. */
  searchReports(q: string, page?: { cursor?: string; limit?: number }): Promise<Page<ReportSearchHit>>;

  // ---- events
  /** Events matching the filters, one keyset page in the query's `sort` order. Merged-away events are hidden. */
  listEvents(query: EventQuery): Promise<Page<MergedEvent>>;
  /** The same page with each event as its stored JSON text (what listEvents parses): for the API's list. */
  listEventsJson(query: EventQuery): Promise<Page<string>>;
  /** Every matching event (ignores cursor/limit), in `sort` order, read in pages: for exports. */
  streamEvents(query: EventQuery): AsyncIterable<MergedEvent>;
  /** The event with its mentions and revision log; also returns merged-away events (see merged_into). */
  getEvent(id: string): Promise<EventDetail | null>;
  stats(): Promise<StoreStats>;

  // ---- analyst edits (each recorded as a revision with actor and time)
  /** Throws StoreNotFoundError for an unknown id, StoreInputError for an invalid patch. */
  patchEvent(id: string, changes: EventPatch, actor: string): Promise<EventDetail>;
  /** Moves every mention of `b` into `a`; `b` stays, marked merged_into = a. Returns `a`. */
  mergeEvents(a: string, b: string, actor: string): Promise<EventDetail>;
  /** Moves the given mentions of `id` to a new event. Returns [the original, the new event]. */
  splitEvent(id: string, mentionIds: string[], actor: string): Promise<[EventDetail, EventDetail]>;

  // ---- re-extraction
  /** Every stored report with its text, oldest first (for `strikewatch reextract`). */
  iterateReports(options?: { batchSize?: number }): AsyncIterable<StoredReportSummary & { text: string }>;
  /**
   * Replaces one report's mentions with a new extraction: mentions with the same id are updated in
   * place, new ones merged, vanished ones unlinked. Analyst locks, status, notes, merges and splits stay.
   */
  replaceExtraction(reportId: string, extraction: ExtractionResult): Promise<{ events_created: number; events_updated: number }>;

  // ---- feed state for watch
  getFeedState(url: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;
}

/** Thrown for an unknown report/event/mention id. */
export class StoreNotFoundError extends Error {
  override readonly name = 'StoreNotFoundError';
}

/** Thrown for an invalid patch, merge or split (the message says what is wrong). */
export class StoreInputError extends Error {
  override readonly name = 'StoreInputError';
}
