/**
 * One conditional fetch of a feed: `If-None-Match` / `If-Modified-Since` from the saved validators,
 * so an unchanged feed answers 304 and costs neither a download nor a parse. A local file (for
 * tests and offline use) is treated the same way, with its modification time as the validator.
 * Network failures and HTTP errors throw FeedFetchError; the caller records them and backs off.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export type FeedFetch = typeof fetch;

export type FetchOutcome =
  | { status: 'not_modified' }
  | { status: 'ok'; body: Buffer; etag: string | null; lastModified: string | null };

export interface Validators {
  etag: string | null;
  last_modified: string | null;
}

export interface FetchFeedOptions {
  fetch?: FeedFetch;
  /** Aborts the request (stop signal); combined with the timeout. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class FeedFetchError extends Error {
  override readonly name = 'FeedFetchError';
}

const USER_AGENT = 'strikewatch (+report ingestion)';

export function isRemote(feed: string): boolean {
  return /^https?:\/\//i.test(feed);
}

export async function fetchFeed(feed: string, validators: Validators, options: FetchFeedOptions = {}): Promise<FetchOutcome> {
  return isRemote(feed) ? fetchRemote(feed, validators, options) : readLocal(feed, validators);
}

async function fetchRemote(url: string, v: Validators, options: FetchFeedOptions): Promise<FetchOutcome> {
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1' };
  if (v.etag) headers['if-none-match'] = v.etag;
  if (v.last_modified) headers['if-modified-since'] = v.last_modified;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let res: Response;
  try {
    res = await doFetch(url, { headers, signal, redirect: 'follow' });
  } catch (e) {
    throw new FeedFetchError(`fetch failed: ${describeCause(e)}`);
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: 'not_modified' };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedFetchError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  let body: Buffer;
  try {
    body = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw new FeedFetchError(`reading the response failed: ${describeCause(e)}`);
  }
  return { status: 'ok', body, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
}

async function readLocal(feed: string, v: Validators): Promise<FetchOutcome> {
  const file = feed.startsWith('file:') ? fileURLToPath(feed) : feed;
  try {
    const st = await stat(file);
    const lastModified = `${st.mtime.toISOString()} ${st.size}`;
    if (v.last_modified === lastModified) return { status: 'not_modified' };
    return { status: 'ok', body: await readFile(file), etag: null, lastModified };
  } catch (e) {
    throw new FeedFetchError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** fetch() hides the useful part ("ECONNREFUSED") in `cause`. */
function describeCause(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as Error & { cause?: unknown }).cause;
  const detail = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : undefined;
  return detail && !e.message.includes(detail) ? `${e.message} (${detail})` : e.message;
}
