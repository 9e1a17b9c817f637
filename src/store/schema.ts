/**
 * The database schema as Kysely sees it: one table interface per table, shared by both dialects.
 * JSON values are stored as text and booleans as 0/1 integers, so rows read the same on SQLite
 * and PostgreSQL. Timestamps are ISO 8601 text.
 */
import type { Generated } from 'kysely';

export interface ReportsTable {
  /** Ingest order; also the FTS5 rowid on SQLite. */
  seq: Generated<number>;
  id: string;
  source: string | null;
  source_kind: string;
  url: string | null;
  title: string | null;
  published: string | null;
  /** YYYY-MM-DD part of published, for date filters. */
  published_day: string | null;
  lang: string | null;
  text: string;
  content_hash: string;
  /** MinHash signature for near-duplicate detection (see resolve/near-duplicate.ts). */
  fingerprint: string;
  duplicate_of: string | null;
  origin: string | null; // JSON Origin
  extraction: string | null; // JSON ExtractionResult without events
  extracted_at: string | null;
  ingested_at: string;
  mention_count: number;
}

/** Other ids and feeds under which an already stored report arrived again. */
export interface ReportAliasesTable {
  alias: string;
  report_id: string;
  source: string | null;
  url: string | null;
  created_at: string;
}

export interface MentionsTable {
  id: string;
  report_id: string;
  ordinal: number;
  place_key: string | null;
  date: string | null;
  independent: number; // 0/1
  data: string; // JSON ExtractedEvent
}

/** The link event ↔ mention: every mention belongs to exactly one event. */
export interface EventMentionsTable {
  mention_id: string;
  event_id: string;
  linked_by: string;
  linked_at: string;
}

export interface EventsTable {
  id: string;
  place_key: string | null;
  date: string | null;
  /** Non-null sort keys for keyset pagination ('' and -1 stand for unknown). */
  sort_date: string;
  sort_killed: number;
  sort_injured: number;
  city: string | null;
  city_key: string | null; // lower-cased, for filters
  oblast: string | null;
  oblast_key: string | null;
  status: string;
  killed: number | null;
  injured: number | null;
  data: string; // JSON MergedEvent
  /** JSON EventListItem of data: what list pages serve (domain/event-list-item.ts). */
  list_item: string;
  overrides: string; // JSON { field: { value, actor, at } }
  notes: string | null;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

/** Weapons, facility categories and utilities of an event, one row each, for filters and stats. */
export interface EventTagsTable {
  event_id: string;
  kind: 'weapon' | 'facility' | 'utility';
  value: string;
}

export interface EventRevisionsTable {
  id: Generated<number>;
  event_id: string;
  at: string;
  actor: string;
  kind: string;
  changes: string; // JSON
  note: string | null;
}

export interface RejectionsTable {
  id: Generated<number>;
  /** location + line + reason: recording the same rejection twice is a no-op. */
  key: string;
  location: string;
  format: string;
  line: number | null;
  field: string | null;
  reason: string;
  raw: string | null;
  created_at: string;
}

export interface FeedStateTable {
  url: string;
  state: string; // JSON FeedState
  updated_at: string;
}

export interface Database {
  reports: ReportsTable;
  report_aliases: ReportAliasesTable;
  mentions: MentionsTable;
  event_mentions: EventMentionsTable;
  events: EventsTable;
  event_tags: EventTagsTable;
  event_revisions: EventRevisionsTable;
  rejections: RejectionsTable;
  feed_state: FeedStateTable;
}
