/** Opaque keyset cursors: the last row's sort value and id, base64url JSON. */
import { StoreInputError } from './store.js';

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') {
      return [v[0], v[1]];
    }
  } catch {
    // fall through
  }
  throw new StoreInputError('invalid cursor');
}

export function clampLimit(limit: number | undefined, fallback = 100): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(1000, Math.floor(limit)));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
