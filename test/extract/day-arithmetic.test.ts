/**
 * findDates counts days by day numbers instead of parsing and formatting a Date per call: the answers
 * must be Date's for every reference, including days 29-31 that Date rolls over and the invalid
 * references it rejects (both paths then throw alike).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dayArithmeticForTest } from '../../src/extract/rules/dates.js';

const { addDays, addDaysByDate, lastWeekday } = dayArithmeticForTest;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Every month of some years (leap, century, far), each with days 1-31 (rolled over where too many). */
function refs(): string[] {
  const out: string[] = [];
  for (const y of [0, 1, 99, 100, 999, 1582, 1899, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2025, 2026, 2027, 2100, 2400, 9999]) {
    for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) out.push(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
  }
  return out;
}

function sameOutcome(f: () => unknown, g: () => unknown): void {
  let a: unknown;
  let b: unknown;
  try {
    a = f();
  } catch (e) {
    a = `throws ${(e as Error).name}`;
  }
  try {
    b = g();
  } catch (e) {
    b = `throws ${(e as Error).name}`;
  }
  assert.equal(a, b);
}

describe('day arithmetic', () => {
  test('addDays equals the Date path', () => {
    for (const ref of refs()) for (let n = -9; n <= 3; n++) sameOutcome(() => addDays(ref, n), () => addDaysByDate(ref, n));
  });
  test('references Date rejects or reads otherwise take the Date path', () => {
    for (const ref of ['2026-00-10', '2026-13-01', '2026-01-00', '2026-02-32', '2026-1-01', '2026-01-1x', '26-01-01', '', '+02026-01-01', '2026/01/01', '２０２６-01-01']) {
      for (const n of [-2, 0, 1]) sameOutcome(() => addDays(ref, n), () => addDaysByDate(ref, n));
    }
  });
  test('lastWeekday equals the Date path', () => {
    for (const ref of [...refs(), '2026-13-01']) {
      for (let wd = 0; wd < 7; wd++) {
        for (const same of [true, false]) {
          sameOutcome(
            () => lastWeekday(ref, wd, same),
            () => {
              let delta = (new Date(`${ref}T12:00:00Z`).getUTCDay() - wd + 7) % 7;
              if (delta === 0 && !same) delta = 7;
              return addDaysByDate(ref, -delta);
            },
          );
        }
      }
    }
  });
});
