/**
 * The readers' contract: every input format (text, HTML, JSON lines, RSS/Atom, Telegram export,
 * URL) yields a stream of items, each either a report ready for extraction or a rejection that names
 * where the bad input was and why. A rejection never stops the stream.
 */
import type { ReportInput } from '../domain/report.js';

export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed' | 'telegram' | 'unknown';

/** Where an item came from: enough to find it again and to tell the user. */
export interface Origin {
  /** File path as given (or inside the directory given), or the URL fetched. */
  location: string;
  format: InputFormat;
  /** 1-based line for line-oriented inputs (JSON lines); item index for feeds and exports. */
  line?: number;
  /** Feed or channel name, when the container has one. */
  container?: string;
}

export interface ReadReport {
  kind: 'report';
  report: ReportInput;
  origin: Origin;
}

export interface ReadRejection {
  kind: 'rejected';
  origin: Origin;
  /** The field at fault, when one is ("text", "published", "line"). */
  field?: string;
  /** One clear sentence: "invalid UTF-8 at byte 1043", "not JSON: Unexpected token } at column 17". */
  reason: string;
  /** The offending input (truncated to a sane size), kept for inspection. */
  raw?: string;
}

export type ReadItem = ReadReport | ReadRejection;

export interface ReadOptions {
  /** Reports larger than this many bytes are rejected (default 5 MB). */
  maxBytes?: number;
  /** Reference date for inputs that carry none. */
  published?: string;
  /** Passed to fetch for URLs. */
  fetch?: typeof fetch;
}

/** `line 17, field "published"` style location, for the one-line error messages. */
export function describeOrigin(origin: Origin, field?: string): string {
  let s = origin.location;
  if (origin.line !== undefined) s += `:${origin.line}`;
  if (field) s += ` (field "${field}")`;
  return s;
}

/** One line for stderr: "path:line (field "x"): reason". */
export function formatRejection(r: ReadRejection): string {
  return `${describeOrigin(r.origin, r.field)}: ${r.reason}`;
}
