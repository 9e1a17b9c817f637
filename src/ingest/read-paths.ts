/**
 * Reads files, directories (recursively, sorted), stdin ("-") and http(s) URLs into reports. The
 * format is chosen by extension, then by sniffing the content. Bad input becomes a rejection naming
 * the file, the line and the reason; the stream goes on.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { ReportInputSchema, type ReportInput } from '../domain/report.js';
import { decodeHtml, readHtml } from './read-html.js';
import { decodeUtf8 } from './read-text.js';
import { parseTelegramExport } from './read-telegram.js';
import type { InputFormat, Origin, ReadItem, ReadOptions } from './types.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const RAW_KEEP = 64 * 1024;

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text', '.md': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
  '.json': 'telegram',
};

export async function* readPaths(inputs: string[], options: ReadOptions = {}): AsyncIterable<ReadItem> {
  for (const input of inputs) {
    if (input === '-') {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      yield* readBytes(Buffer.concat(chunks), '-', 'unknown', options);
    } else if (/^https?:\/\//i.test(input)) {
      yield* readUrl(input, options);
    } else {
      yield* readPath(input, options);
    }
  }
}

/**
 * A folder's own documentation (README.md, LICENSE, CHANGELOG, ATTRIBUTION.md, SOURCE.md) describes
 * the reports, it is not one: skipped when walking a directory, read when named on the command line.
 */
const FOLDER_DOCS = /^(readme|license|licence|changelog|attribution|source|notice)(\.(md|txt|markdown))?$/i;

async function* readPath(p: string, options: ReadOptions): AsyncIterable<ReadItem> {
  let st;
  try {
    st = await stat(p);
  } catch (e) {
    yield { kind: 'rejected', origin: { location: p, format: 'unknown' }, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
    return;
  }
  if (st.isDirectory()) {
    const names = (await readdir(p)).filter((n) => !n.startsWith('.') && !FOLDER_DOCS.test(n)).sort();
    for (const n of names) yield* readPath(path.join(p, n), options);
    return;
  }
  const format = EXTENSIONS[path.extname(p).toLowerCase()] ?? 'unknown';
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // JSON lines and feeds hold many reports: the limit applies per report, not to the container.
  if (st.size > max && (format === 'text' || format === 'html' || format === 'unknown')) {
    yield { kind: 'rejected', origin: { location: p, format }, reason: `report of ${st.size} bytes exceeds the ${max}-byte limit`, raw: await readHead(p) };
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(p);
  } catch (e) {
    yield { kind: 'rejected', origin: { location: p, format }, reason: `cannot read: ${(e as Error).message}` };
    return;
  }
  yield* readBytes(bytes, p, format, options);
}

/** The start of an oversized file, kept with its rejection (the whole file is never read). */
async function readHead(p: string): Promise<string | undefined> {
  try {
    const fh = await open(p, 'r');
    try {
      const buf = Buffer.alloc(RAW_KEEP);
      const { bytesRead } = await fh.read(buf, 0, RAW_KEEP, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

async function* readUrl(url: string, options: ReadOptions): AsyncIterable<ReadItem> {
  const doFetch = options.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(30_000), headers: { 'user-agent': 'strikewatch (+report ingestion)' } });
  } catch (e) {
    yield { kind: 'rejected', origin: { location: url, format: 'unknown' }, reason: `fetch failed: ${(e as Error).message}` };
    return;
  }
  if (!res.ok) {
    yield { kind: 'rejected', origin: { location: url, format: 'unknown' }, reason: `HTTP ${res.status} ${res.statusText}` };
    return;
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const format: InputFormat = /xml|rss|atom/i.test(type) ? 'feed' : /html/i.test(type) ? 'html' : /json/i.test(type) ? 'telegram' : 'unknown';
  yield* readBytes(bytes, url, format, options);
}

function sniff(text: string): InputFormat {
  const head = text.slice(0, 512).trimStart();
  if (/^<\?xml|^<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return 'feed';
  if (/^<!doctype html|^<html|<body/i.test(head)) return 'html';
  if (head.startsWith('{') && /\n\s*\{/.test(text.slice(0, 65536))) return 'jsonl';
  if (head.startsWith('{') || head.startsWith('[')) return 'telegram';
  return 'text';
}

/** Bytes already in hand (a feed fetched by `watch`, stdin) → items, as if read from `location`. */
export async function* readBytes(bytes: Buffer, location: string, format: InputFormat, options: ReadOptions): AsyncIterable<ReadItem> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (format === 'html') {
    if (bytes.length === 0) {
      yield { kind: 'rejected', origin: { location, format }, reason: 'empty file' };
      return;
    }
    yield fromHtml(decodeHtml(bytes), location, options);
    return;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    yield { kind: 'rejected', origin: { location, format }, reason: decoded.reason, raw: bytes.subarray(0, RAW_KEEP).toString('latin1') };
    return;
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  const f = format === 'unknown' ? sniff(text) : format;
  if (f === 'html') yield fromHtml(text, location, options);
  else if (f === 'jsonl') yield* fromJsonl(text, location, max, options);
  else if (f === 'feed') yield* fromFeed(text, location, max, options);
  else if (f === 'telegram') yield* fromJson(text, location, max, options);
  else {
    const origin: Origin = { location, format: 'text' };
    if (Buffer.byteLength(text) > max) yield { kind: 'rejected', origin, reason: `report exceeds the ${max}-byte limit`, raw: text.slice(0, RAW_KEEP) };
    else yield validated({ id: location, text, published: options.published ?? null, source: null }, origin);
  }
}

function validated(candidate: Record<string, unknown>, origin: Origin): ReadItem {
  const r = ReportInputSchema.safeParse(candidate);
  if (r.success) return { kind: 'report', report: r.data, origin };
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.') || undefined;
  return { kind: 'rejected', origin, ...(field ? { field } : {}), reason: issue.message, raw: JSON.stringify(candidate).slice(0, RAW_KEEP) };
}

function fromHtml(html: string, location: string, options: ReadOptions): ReadItem {
  const origin: Origin = { location, format: 'html' };
  try {
    const a = readHtml(html, /^https?:/.test(location) ? location : undefined);
    if (!a.text.trim()) return { kind: 'rejected', origin, field: 'text', reason: 'no article text found in the page', raw: html.slice(0, RAW_KEEP) };
    const lang = a.lang === 'en' || a.lang === 'uk' || a.lang === 'ru' ? a.lang : null;
    return validated({ id: a.url ?? location, text: a.text, title: a.title, published: a.published ?? options.published ?? null, url: a.url, source: a.source, lang }, origin);
  } catch (e) {
    return { kind: 'rejected', origin, reason: `unreadable HTML: ${(e as Error).message}`, raw: html.slice(0, RAW_KEEP) };
  }
}

function* fromJsonl(text: string, location: string, max: number, options: ReadOptions): Iterable<ReadItem> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const origin: Origin = { location, format: 'jsonl', line: i + 1 };
    if (Buffer.byteLength(line) > max) {
      yield { kind: 'rejected', origin, reason: `report exceeds the ${max}-byte limit`, raw: line.slice(0, RAW_KEEP) };
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      yield { kind: 'rejected', origin, field: 'line', reason: `not JSON: ${(e as Error).message}`, raw: line.slice(0, RAW_KEEP) };
      continue;
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      yield { kind: 'rejected', origin, field: 'line', reason: 'expected a JSON object', raw: line.slice(0, RAW_KEEP) };
      continue;
    }
    const o = obj as Record<string, unknown>;
    yield validated({ ...o, id: o.id === undefined ? `${location}:${i + 1}` : String(o.id), published: o.published ?? options.published ?? null }, origin);
  }
}

function* fromFeed(xml: string, location: string, max: number, options: ReadOptions): Iterable<ReadItem> {
  let feed;
  try {
    feed = parseFeed(xml);
    // fast-xml-parser (under feed-parser) accepts unclosed tags: a download cut short would pass
    // as a feed whose last item is truncated. A feed must end with its root's closing tag.
    const root = /<((?:[\w-]+:)?(?:rss|feed|RDF))[\s>]/.exec(xml)?.[1];
    if (root && !new RegExp(`</${root}\\s*>(\\s|<!--[\\s\\S]*?-->)*$`).test(xml)) throw new Error(`the document ends before </${root}>`);
  } catch (e) {
    yield { kind: 'rejected', origin: { location, format: 'feed' }, reason: `malformed feed XML: ${(e as Error).message}`, raw: xml.slice(0, RAW_KEEP) };
    return;
  }
  const container = feed.title ?? undefined;
  let index = 0;
  for (const item of feed.items) {
    index++;
    const origin: Origin = { location, format: 'feed', line: index, ...(container ? { container } : {}) };
    const html = item.content ?? item.description ?? '';
    const body = htmlToText(html);
    if (Buffer.byteLength(body) > max) {
      yield { kind: 'rejected', origin, reason: `report exceeds the ${max}-byte limit`, raw: body.slice(0, RAW_KEEP) };
      continue;
    }
    const published = item.published ?? item.updated;
    yield validated(
      {
        id: item.id ?? item.url ?? `${location}#${index}`,
        text: body || item.title || '',
        title: item.title ?? null,
        url: item.url ?? null,
        source: container ?? null,
        published: published ? published.toISOString() : (options.published ?? null),
      },
      origin,
    );
  }
}

function* fromJson(text: string, location: string, max: number, options: ReadOptions): Iterable<ReadItem> {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    yield { kind: 'rejected', origin: { location, format: 'unknown' }, reason: `not JSON: ${(e as Error).message}`, raw: text.slice(0, RAW_KEEP) };
    return;
  }
  if (obj && typeof obj === 'object' && !Array.isArray(obj) && Array.isArray((obj as { messages?: unknown }).messages)) {
    yield* parseTelegramExport(obj as Record<string, unknown>, location, max);
    return;
  }
  if (Array.isArray(obj)) {
    let i = 0;
    for (const o of obj) {
      i++;
      const origin: Origin = { location, format: 'jsonl', line: i };
      if (!o || typeof o !== 'object') {
        yield { kind: 'rejected', origin, reason: 'expected a JSON object' };
        continue;
      }
      const r = o as Record<string, unknown>;
      yield validated({ ...r, id: r.id === undefined ? `${location}#${i}` : String(r.id), published: r.published ?? options.published ?? null }, origin);
    }
    return;
  }
  yield { kind: 'rejected', origin: { location, format: 'unknown' }, reason: 'JSON that is neither a Telegram export nor an array of reports' };
}

/** Feed item HTML → text with paragraph breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/[ \t]+/g, ' ')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export type { ReportInput };
