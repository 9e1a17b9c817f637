/** A mention as the resolver sees it: one extracted event with the report facts that weigh it. */
import type { ExtractedEvent } from '../domain/event.js';
import type { SourceKind } from '../domain/report.js';

export interface MentionInput {
  mention_id: string;
  report_id: string;
  source: string | null;
  source_kind: SourceKind;
  /** Report publication time (date or date-time), for "latest figure wins". */
  published: string | null;
  /** When the report was stored; orders mentions that share a publication time. */
  ingested_at: string;
  /** False for a near-duplicate rewrite: kept and linked, but not an independent source. */
  independent: boolean;
  extracted: ExtractedEvent;
}
