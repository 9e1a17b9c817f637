/**
 * Telegram Desktop channel exports (result.json): each message with text becomes a report. `text` is
 * a string or an array of strings and entity objects ({type, text}); service messages and empty
 * texts are skipped; the id is "<channel>/<message id>", the URL is the public post when the export
 * names the channel's username.
 */
import { ReportInputSchema } from '../domain/report.js';
import type { Origin, ReadItem } from './types.js';

function flatten(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join('');
  return '';
}

function isoWithOffset(m: Record<string, unknown>): string | null {
  const unix = Number(m.date_unixtime);
  if (Number.isFinite(unix) && unix > 0) return new Date(unix * 1000).toISOString();
  // Without a unix time the export's local time is all there is: read it as Kyiv time, not UTC.
  if (typeof m.date === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(m.date)) return `${m.date.slice(0, 19)}+02:00`;
  return null;
}

export function* parseTelegramExport(exp: Record<string, unknown>, location: string, max: number): Iterable<ReadItem> {
  const channel = typeof exp.name === 'string' ? exp.name : 'telegram';
  const username = typeof exp.username === 'string' ? exp.username : null;
  const channelKey = username ?? (exp.id !== undefined ? String(exp.id) : channel);
  const messages = exp.messages as unknown[];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i] as Record<string, unknown> | null;
    const origin: Origin = { location, format: 'telegram', line: i + 1, container: channel };
    if (!m || typeof m !== 'object') {
      yield { kind: 'rejected', origin, reason: 'message is not an object' };
      continue;
    }
    if (m.type !== 'message') continue;
    const text = flatten(m.text).trim();
    if (!text) continue;
    if (Buffer.byteLength(text) > max) {
      yield { kind: 'rejected', origin, field: 'text', reason: `report exceeds the ${max}-byte limit` };
      continue;
    }
    const candidate = {
      id: `${channelKey}/${String(m.id)}`,
      text,
      published: isoWithOffset(m),
      url: username ? `https://t.me/${username}/${String(m.id)}` : null,
      source: channel,
      title: null,
    };
    const r = ReportInputSchema.safeParse(candidate);
    if (r.success) yield { kind: 'report', report: r.data, origin };
    else yield { kind: 'rejected', origin, field: r.error.issues[0]!.path.join('.'), reason: r.error.issues[0]!.message };
  }
}
