/**
 * Durations on the command line: `30s`, `5m`, `1h` (also `500ms`, `1d`, and combinations such as
 * `1h30m`). Parsed strictly: a typo must not turn into "poll every millisecond".
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/** Milliseconds for a duration; throws with a readable message for anything else. */
export function parseInterval(text: string): number {
  const t = text.trim().toLowerCase();
  if (!WHOLE.test(t)) throw new Error(`invalid duration "${text}": expected e.g. 30s, 5m, 1h`);
  let ms = 0;
  for (const [, n, unit] of t.matchAll(PART)) ms += Number(n) * UNIT_MS[unit!]!;
  if (!Number.isFinite(ms) || ms <= 0) throw new Error(`invalid duration "${text}": must be more than zero`);
  return Math.round(ms);
}

/** The reverse, for log lines: 90000 → "1m30s". */
export function formatInterval(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  let rest = Math.round(ms / 1000);
  const out: string[] = [];
  for (const [unit, size] of [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n) out.push(`${n}${unit}`);
    rest -= n * size;
  }
  return out.join('');
}
