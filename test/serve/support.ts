/** Shared helpers for the API suites: seeding a store, calling the app, reading CSV. */
import type { Hono } from 'hono';
import type { IngestItem, Store } from '../../src/store/store.js';
import { item } from '../store/fixtures.js';

export const CITIES: Array<{ city: string; oblast: string; lat: number | null; lon: number | null }> = [
  { city: 'Kharkiv', oblast: 'Kharkiv', lat: 49.9935, lon: 36.2304 },
  { city: 'Odesa', oblast: 'Odesa', lat: 46.4825, lon: 30.7233 },
  { city: 'Dnipro', oblast: 'Dnipropetrovsk', lat: 48.4647, lon: 35.0462 },
  { city: 'Sumy', oblast: 'Sumy', lat: null, lon: null },
  { city: 'Zaporizhzhia', oblast: 'Zaporizhzhia', lat: 47.8388, lon: 35.1396 },
];

/** 40 distinct events: 5 cities × 8 days, alternating weapons, varied tolls, some without coordinates. */
export function seedItems(n = 40): IngestItem[] {
  const out: IngestItem[] = [];
  for (let i = 0; i < n; i++) {
    const c = CITIES[i % CITIES.length]!;
    const day = String(Math.floor(i / CITIES.length) + 1).padStart(2, '0');
    const it = item({ id: `seed-${i}`, source: i === 3 ? '=SUM(A1:A9)' : i % 2 ? 'Kharkiv Regional Military Administration' : 'Suspilne' }, [
      {
        city: c.city,
        oblast: c.oblast,
        date: `2026-01-${day}`,
        weapons: i % 3 === 0 ? ['missile'] : ['drone'],
        sub_event_type: i % 3 === 0 ? 'Shelling/artillery/missile attack' : 'Air/drone strike',
        killed: i % 4,
        injured: i % 7,
        facilities: i % 5 === 0 ? [{ category: 'residential', text: 'apartment block' }] : [],
        utilities: i % 6 === 0 ? [{ utility: 'power', text: 'power outage', affected: 100, unit: 'households' }] : [],
        officials: i === 7 ? [{ name: '@Oleh Syniehubov', role: 'head of the regional military administration' }] : [],
      },
    ]);
    const loc = it.extraction!.events[0]!.location;
    loc.lat = c.lat;
    loc.lon = c.lon;
    out.push(it);
  }
  return out;
}

export async function seed(store: Store, n = 40): Promise<void> {
  await store.ingestBatch(seedItems(n));
}

export interface Envelope<T = unknown> {
  ok: boolean;
  data: T;
  next?: string | null;
  error?: { status: number; message: string; details: unknown };
}

export async function getJson<T = unknown>(app: Hono<any>, path: string, init?: RequestInit): Promise<{ status: number; body: Envelope<T>; res: Response; text: string }> {
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Envelope<T>, res, text };
}

export function write(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Every page of a JSON list, following `next`. */
export async function walk<T = { id: string }>(app: Hono<any>, path: string): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path;
    const { status, body }: { status: number; body: Envelope<T[]> } = await getJson<T[]>(app, url);
    if (status !== 200) throw new Error(`${path}: ${status} ${JSON.stringify(body)}`);
    rows.push(...body.data);
    cursor = body.next ?? null;
    pages++;
  } while (cursor);
  return { rows, pages };
}

/** A strict RFC 4180 reader for the tests (quoted fields, doubled quotes, CRLF records). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`bare LF at ${i}: records must end with CRLF`);
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

export function csvObjects(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
