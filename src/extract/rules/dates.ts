/**
 * Dates of attacks, against the report's reference (publication) date. Our own rules cover the
 * idioms of strike reporting that general parsers get wrong: "overnight", "last night", "у ніч на
 * 3 березня" / "в ночь на 3 марта" (the night *ending* on 3 March), "overnight into Sunday"; an
 * overnight attack is dated to the day it ends. Explicit English dates go through chrono-node.
 */
import * as chrono from 'chrono-node';
import type { Language } from '../../domain/vocabulary.js';

export interface DateCue {
  date: string; // YYYY-MM-DD
  start: number;
  end: number;
  quote: string;
  rule: string;
  certainty: 'stated' | 'implied';
}

const MONTHS: Record<string, number> = {};
const monthNames: [string[], number][] = [
  [['january', 'jan', 'січня', 'січень', 'января', 'январь'], 1],
  [['february', 'feb', 'лютого', 'лютий', 'февраля', 'февраль'], 2],
  [['march', 'mar', 'березня', 'березень', 'марта', 'март'], 3],
  [['april', 'apr', 'квітня', 'квітень', 'апреля', 'апрель'], 4],
  [['may', 'травня', 'травень', 'мая', 'май'], 5],
  [['june', 'jun', 'червня', 'червень', 'июня', 'июнь'], 6],
  [['july', 'jul', 'липня', 'липень', 'июля', 'июль'], 7],
  [['august', 'aug', 'серпня', 'серпень', 'августа', 'август'], 8],
  [['september', 'sep', 'sept', 'вересня', 'вересень', 'сентября', 'сентябрь'], 9],
  [['october', 'oct', 'жовтня', 'жовтень', 'октября', 'октябрь'], 10],
  [['november', 'nov', 'листопада', 'листопад', 'ноября', 'ноябрь'], 11],
  [['december', 'dec', 'грудня', 'грудень', 'декабря', 'декабрь'], 12],
];
for (const [names, n] of monthNames) for (const name of names) MONTHS[name] = n;
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  неділю: 0, неділя: 0, понеділок: 1, понеділка: 1, вівторок: 2, вівторка: 2, середу: 3, середа: 3, четвер: 4, четверга: 4, пʼятницю: 5, "п'ятницю": 5, "п'ятниця": 5, суботу: 6, субота: 6,
  воскресенье: 0, понедельник: 1, вторник: 2, среду: 3, среда: 3, четверг: 4, пятницу: 5, пятница: 5, субботу: 6, суббота: 6,
};
const WEEKDAY_RE = Object.keys(WEEKDAYS).sort((a, b) => b.length - a.length).join('|');

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
/** The day n days after ref, as YYYY-MM-DD; by day numbers when ref is a plain date (see dayNumber). */
function addDays(ref: string, n: number): string {
  const z = dayNumber(ref);
  return (z === null ? null : isoDay(z + n)) ?? addDaysByDate(ref, n);
}
/** What addDays answers for every ref: Date's reading of the day at noon UTC (throws on an invalid date). */
function addDaysByDate(ref: string, n: number): string {
  const d = new Date(`${ref}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/**
 * ref's day number (days since 1970-01-01) when ref is YYYY-MM-DD with a month 1-12 and a day 1-31,
 * else null. Date reads exactly these the same way: it accepts day 29-31 of any month and rolls it
 * over (2026-02-30 is 2 March), which counting days from the month's first does too; it rejects
 * month 0 or 13 and day 0 or 32, which we leave to it (null).
 */
function dayNumber(ref: string): number | null {
  if (ref.length !== 10 || ref.charCodeAt(4) !== 0x2d || ref.charCodeAt(7) !== 0x2d) return null;
  const y = digits(ref, 0, 4);
  const m = digits(ref, 5, 7);
  const d = digits(ref, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return daysFromCivil(y, m, 1) + d - 1;
}
/** The decimal number text[from, to) when it is all ASCII digits, else -1. */
function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
/** Days since 1970-01-01 of a proleptic Gregorian date, as Date counts them (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
/**
 * YYYY-MM-DD of day number z (civil_from_days), as toISOString writes it for years 0-9999; null for
 * other years, which toISOString writes with a sign and six digits.
 */
function isoDay(z: number): string | null {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return null;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
/**
 * The day/month in the year that puts it no later than two days after the reference. A full date
 * (with its year) stands without a reference; a day and month alone need one to place the year.
 */
function dayMonth(ref: string | null, day: number, month: number, year?: number): string | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  if (!year && !ref) return null;
  let y = year ?? Number(ref!.slice(0, 4));
  const make = () => `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!year && make() > addDays(ref!, 2)) y -= 1;
  return make();
}
function lastWeekday(ref: string, wd: number, allowSame = true): string {
  const z = dayNumber(ref);
  // 1970-01-01 was a Thursday (4); otherwise Date tells (NaN for an invalid ref, as before).
  const day = z === null ? new Date(`${ref}T12:00:00Z`).getUTCDay() : (((z + 4) % 7) + 7) % 7;
  let delta = (day - wd + 7) % 7;
  if (delta === 0 && !allowSame) delta = 7;
  return addDays(ref, -delta);
}

interface DateRule {
  name: string;
  re: RegExp;
  /**
   * Cheap regexes that each match within every match of `re` (each is a piece every match of `re` goes
   * through, under the same flags): when one finds nothing in a sentence, `re` cannot match there and is
   * not run. Most sentences hold no digit and no date word, and `re` (a lookbehind before a long
   * alternation) costs far more per position than a plain word scan.
   */
  cues: Cue[];
  certainty: 'stated' | 'implied';
  /** null: no reference date; only a rule reading a full date (with its year) can resolve then. */
  resolve(m: RegExpExecArray, ref: string | null): string | null;
}

/** A rule relative to the reference date declines when there is none. */
const relative = (f: (m: RegExpExecArray, ref: string) => string | null) => (m: RegExpExecArray, ref: string | null) => (ref ? f(m, ref) : null);

const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}])';

/** A cue (see DateRule.cues), numbered so that a sentence's answers fit in a small array. */
interface Cue {
  re: RegExp;
  id: number;
}
/** Counted while the module loads; fixed afterwards. */
let cueCount = 0;
const cue = (re: RegExp): Cue => ({ re, id: cueCount++ });

/** \d is [0-9] with or without the i and u flags. */
const DIGIT = cue(/\d/);
/**
 * Any of the words by its first letters: each word of the list holds its own prefix, and the cue reads
 * it under the rules' flags (iu). The words are letters and apostrophes, nothing a regex reads as syntax.
 * A short alternation of prefixes scans several times faster than the list itself.
 */
const prefixCue = (words: string[], n: number) => cue(new RegExp([...new Set(words.map((w) => w.slice(0, n)))].join('|'), 'iu'));
const MONTH = prefixCue(Object.keys(MONTHS), 3);
const WEEKDAY = prefixCue(Object.keys(WEEKDAYS), 4);
/** In every night phrase of the rules: "night", "overnight", "ніч", "вночі", "ночь", "ночью". */
const NIGHT = cue(/night|ніч|ноч/iu);
/** In "yesterday", "вчора", "учора", "вчера", "минулої ночі", "прошлой ночью", "позавчора", "позавчера". */
const YESTERDAY = cue(/yesterday|вчор|учор|вчер|минулої|прошлой/iu);

const RULES: DateRule[] = [
  {
    // "night of 2 to 3 March", "night of March 2-3", "у ніч з 2 на 3 березня", "в ночь с 2 на 3 марта"
    name: 'night-range',
    certainty: 'stated',
    cues: [DIGIT, NIGHT],
    re: new RegExp(`${B}(?:night\\s+of\\s+|ніч\\s+з\\s+|ночь\\s+с\\s+)(?:(?<m1>${MONTH_RE})\\s+)?(?<d1>\\d{1,2})(?:\\s*(?:-|–|to|на|into)\\s*)(?<d2>\\d{1,2})(?:\\s+(?<m2>${MONTH_RE}))?${E}`, 'iu'),
    resolve: (m, ref) => {
      const month = MONTHS[(m.groups!.m2 ?? m.groups!.m1 ?? '').toLowerCase()];
      return month ? dayMonth(ref, Number(m.groups!.d2), month) : null;
    },
  },
  {
    // "у ніч на 3 березня", "в ночь на 3 марта", "in the night to 3 March": the night ending that day
    name: 'night-onto',
    certainty: 'stated',
    cues: [DIGIT, NIGHT, MONTH],
    re: new RegExp(`${B}(?:у\\s+ніч\\s+на|в\\s+ніч\\s+на|вночі\\s+на|в\\s+ночь\\s+на|ночью\\s+на|(?:in\\s+the\\s+)?night\\s+(?:to|into))\\s+(?<d>\\d{1,2})\\s+(?<m>${MONTH_RE})${E}`, 'iu'),
    resolve: (m, ref) => dayMonth(ref, Number(m.groups!.d), MONTHS[m.groups!.m!.toLowerCase()]!),
  },
  {
    // "у ніч на суботу", "в ночь на субботу", "overnight into Sunday", "overnight on Saturday"
    name: 'night-onto-weekday',
    certainty: 'stated',
    cues: [NIGHT, WEEKDAY],
    re: new RegExp(`${B}(?:у\\s+ніч\\s+на|в\\s+ніч\\s+на|в\\s+ночь\\s+на|overnight\\s+(?:into|to|on)|during\\s+the\\s+night\\s+(?:into|to))\\s+(?<w>${WEEKDAY_RE})${E}`, 'iu'),
    resolve: relative((m, ref) => lastWeekday(ref, WEEKDAYS[m.groups!.w!.toLowerCase().replace('ʼ', "'")]!)),
  },
  {
    // "on the night of 3 March" (as Ukrainian usage, the date named), "on 14 March", "14 березня", "14 марта 2026"
    name: 'day-month',
    certainty: 'stated',
    cues: [DIGIT, MONTH],
    re: new RegExp(`${B}(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m>${MONTH_RE})\\.?(?:\\s*,?\\s*(?<y>20\\d\\d))?${E}`, 'iu'),
    resolve: (m, ref) => dayMonth(ref, Number(m.groups!.d), MONTHS[m.groups!.m!.toLowerCase()]!, m.groups!.y ? Number(m.groups!.y) : undefined),
  },
  {
    // "March 14", "March 14, 2026"
    name: 'month-day',
    certainty: 'stated',
    cues: [DIGIT, MONTH],
    re: new RegExp(`${B}(?<m>${MONTH_RE})\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*(?<y>20\\d\\d))?(?![\\p{L}\\d])`, 'iu'),
    resolve: (m, ref) => dayMonth(ref, Number(m.groups!.d), MONTHS[m.groups!.m!.toLowerCase()]!, m.groups!.y ? Number(m.groups!.y) : undefined),
  },
  {
    // "14.03.2026", "14.03"
    name: 'numeric',
    certainty: 'stated',
    cues: [cue(/\d\.\d/)],
    re: /(?<![\d.])(?<d>\d{1,2})\.(?<m>\d{2})(?:\.(?<y>20\d\d))?(?![\d.])/u,
    resolve: (m, ref) => dayMonth(ref, Number(m.groups!.d), Number(m.groups!.m), m.groups!.y ? Number(m.groups!.y) : undefined),
  },
  {
    // "2026-01-20": an ISO date, always full
    name: 'iso',
    certainty: 'stated',
    cues: [cue(/\d-\d/)],
    re: /(?<![\d-])(?<y>20\d\d)-(?<m>\d{2})-(?<d>\d{2})(?![\d-])/u,
    resolve: (m, ref) => dayMonth(ref, Number(m.groups!.d), Number(m.groups!.m), Number(m.groups!.y)),
  },
  {
    name: 'day-before-yesterday',
    certainty: 'stated',
    cues: [YESTERDAY],
    re: new RegExp(`${B}(?:the\\s+day\\s+before\\s+yesterday|позавчора|позавчера)${E}`, 'iu'),
    resolve: relative((_m, ref) => addDays(ref, -2)),
  },
  {
    name: 'yesterday',
    certainty: 'stated',
    cues: [YESTERDAY],
    re: new RegExp(`${B}(?:yesterday|вчора|учора|вчера|минулої\\s+ночі|прошлой\\s+ночью)${E}`, 'iu'),
    resolve: relative((m, ref) => (/минулої|прошлой/iu.test(m[0]) ? ref : addDays(ref, -1))),
  },
  {
    // "протягом доби" in a morning summary: the previous day
    name: 'past-day',
    certainty: 'implied',
    cues: [cue(/доб|сут|past/iu)],
    re: new RegExp(`${B}(?:протягом\\s+(?:минулої\\s+)?доби|за\\s+(?:минулу\\s+)?добу|в\\s+течение\\s+суток|за\\s+(?:прошедшие\\s+)?сутки|over\\s+the\\s+past\\s+(?:24\\s+hours|day))${E}`, 'iu'),
    resolve: relative((_m, ref) => addDays(ref, -1)),
  },
  {
    // weekday: "on Saturday", "у суботу", "в субботу" (the latest such day up to the reference)
    name: 'weekday',
    certainty: 'stated',
    cues: [WEEKDAY],
    re: new RegExp(`${B}(?:on\\s+|у\\s+|в\\s+|во\\s+)?(?:(?:early|late)\\s+)?(?<w>${WEEKDAY_RE})${E}`, 'iu'),
    resolve: relative((m, ref) => lastWeekday(ref, WEEKDAYS[m.groups!.w!.toLowerCase().replace('ʼ', "'")]!)),
  },
  {
    // "overnight", "last night", "this morning", "today", "сьогодні вночі", "цієї ночі", "этой ночью": the reference day
    name: 'same-day',
    certainty: 'implied',
    cues: [cue(/night|morning|afternoon|evening|today|hours|dawn|сьогодні|ноч|зранку|ранці|сегодня|утром/iu)],
    re: new RegExp(`${B}(?:overnight|last\\s+night|tonight|this\\s+morning|this\\s+afternoon|this\\s+evening|today|early\\s+hours|at\\s+dawn|сьогодні|вночі|цієї\\s+ночі|зранку|вранці|уранці|сегодня|ночью|этой\\s+ночью|утром)${E}`, 'iu'),
    resolve: relative((_m, ref) => ref),
  },
];

/** Whether every cue matches the sentence; `found` keeps each cue's answer (by id) for the sentence's other rules. */
function cuesHold(cues: readonly Cue[], sentence: string, found: (boolean | undefined)[]): boolean {
  for (const c of cues) {
    let hit = found[c.id];
    if (hit === undefined) hit = found[c.id] = c.re.test(sentence);
    if (!hit) return false;
  }
  return true;
}

/**
 * What chrono-node's English parse (2.10: its casual parsers and refiners) needs in a text to return a
 * result with a certain day and month, the only results findDates takes. Such a day comes from
 *  - a month name (the little- and middle-endian parsers; a month that "end of" fixes): the name then a
 *    non-letter, "of" or an ordinal word (first … thirty-first: f, s, t, e, n), so never the "may" of "mayor";
 *  - digits around a separator: ISO and slash dates ("2026-01-20", "14/3", "14.03"), year first ("2026 3 14");
 *  - a casual day: now, today, tonight, tomorrow, overmorrow, tmr, tmrw, yesterday, last night;
 *  - a span from the reference ("3 days ago", "in an hour", "last week", "end of the month"): a number
 *    (digits, one … twelve, a, an, the, half, few, several, couple, couple of) or this/last/past/next,
 *    then a time unit where the text goes on with a non-word or ago/before/earlier/later/after/from/
 *    henceforth/forward/out.
 * Weekdays, times of day and month-and-year forms only imply their day. A sentence this does not match
 * gets no such result from chrono, which is then not run (most English sentences reach it through
 * "mayor" and a figure). Read off chrono-node 2.10.3's patterns: check it again when chrono changes.
 */
const CHRONO_DAY = new RegExp(
  [
    '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?(?=[^a-z]|$|of|[fsten])',
    '\\d[-./]\\d|\\d{4}[-./\\s]',
    '(?:now|today|tonight|tomorrow|overmorrow|tmrw?|yesterday|night)(?=\\W|$)',
    '(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|the|half|few|several|couple|of|this|last|past|next)\\s*' +
      '(?:s|sec|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mos?|mon|months?|qtr|quarters?|y|yr|years?)' +
      '(?=\\W|$|ago|before|earlier|later|after|from|henceforth|forward|out)',
  ].join('|'),
  'i',
);

const STATEMENT_BEFORE = /(?:^|[^\p{L}])(?:said|says|told|reported|wrote|announced|added|stated|confirmed|posted|повідомив|повідомила|повідомили|заявив|заявила|сообщил|сообщила|сообщили|заявил|заявила)[\s\u00a0]+$/iu;

/**
 * Date cues in a sentence, most specific first. With no reference date (a text ingested without its
 * publication date) only full dates ("20 January 2026", "20.01.2026", "2026-01-20") resolve.
 */
/** For tests only: the day arithmetic against Date's. */
export const dayArithmeticForTest = { addDays, addDaysByDate, lastWeekday };

export function findDates(sentence: string, offset: number, ref: string | null, lang: Language): DateCue[] {
  const out: DateCue[] = [];
  const found: (boolean | undefined)[] = new Array(cueCount);
  for (const rule of RULES) {
    if (!cuesHold(rule.cues, sentence, found)) continue;
    const m = rule.re.exec(sentence);
    if (!m) continue;
    const date = rule.resolve(m, ref);
    if (!date) continue;
    if (out.some((d) => m.index! < d.end - offset && m.index! + m[0].length > d.start - offset)) continue;
    out.push({ date, start: offset + m.index!, end: offset + m.index! + m[0].length, quote: m[0], rule: rule.name, certainty: rule.certainty });
  }
  // A day needs a digit or an ordinal word ("the third of March"); without one ("may be", "March towards") chrono is not worth its cost.
  if (!out.length && lang === 'en' && /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(sentence) && /\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|twentieth|thirtieth)\b/i.test(sentence) && CHRONO_DAY.test(sentence)) {
    // Explicit English dates in forms our rules do not cover ("the 3rd of March"): chrono-node.
    const refDate = new Date(`${ref ?? '2000-01-01'}T12:00:00Z`);
    for (const r of chrono.en.parse(sentence, refDate, { forwardDate: false })) {
      if (!r.start.isCertain('day') || !r.start.isCertain('month') || (!ref && !r.start.isCertain('year'))) continue;
      const d = r.start.date();
      out.push({ date: iso(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))), start: offset + r.index, end: offset + r.index + r.text.length, quote: r.text, rule: 'chrono', certainty: 'stated' });
      break;
    }
  }
  // "the governor said on Sunday": the day of the statement, not of the attack; it dates the attack only when nothing else does.
  for (const d of out) if (d.certainty === 'stated' && STATEMENT_BEFORE.test(sentence.slice(Math.max(0, d.start - offset - 30), d.start - offset))) d.certainty = 'implied';
  // Reject dates far after the reference (a schedule, a deadline): an attack report looks back.
  if (!ref || !out.length) return out;
  const latest = addDays(ref, 1);
  return out.filter((d) => d.date <= latest);
}

/** A report's reference date (YYYY-MM-DD) in Kyiv time from a published date or date-time. */
export function referenceDay(published: string | null | undefined): string | null {
  if (!published) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  const d = new Date(published);
  if (Number.isNaN(d.getTime())) return null;
  return KYIV_DAY.format(d);
}

/** Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it. */
const KYIV_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' });
