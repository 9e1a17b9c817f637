/**
 * Stage 1 of extraction: what one sentence says, before anything is attached to a place. Every fact
 * keeps its offsets, matched text and rule.
 */
import type { FacilityCategory, Utility, Weapon } from '../domain/vocabulary.js';
import type { Locale } from './locale.js';
import type { Sentence } from './sentences.js';
import { findFigures, saysNoCasualties, type Figure } from './rules/casualties.js';
import { findDates, type DateCue } from './rules/dates.js';
import { findOfficials, type OfficialMention } from './rules/officials.js';
import type { TermHit } from './lexicon.js';
import { firstWordMatch, hasWordMatch as has, registerStarts, wordMatches } from './word-matches.js';

export interface UtilityHit {
  utility: Utility;
  start: number;
  end: number;
  text: string;
  affected: number | null;
  unit: string | null;
}

export interface WeaponHit extends TermHit<Weapon> {
  count: number | null;
}

export interface SentenceFacts {
  index: number;
  sentence: Sentence;
  locale: Locale;
  rhetorical: boolean;
  historical: boolean;
  aboutRussia: boolean;
  national: boolean;
  airDefence: boolean;
  /** Interceptions told: "air defence shot down 25 drones over the region". */
  interception: boolean;
  attack: boolean;
  diplomacy: boolean;
  displacement: { count: number; start: number; end: number } | null;
  noCasualties: boolean;
  figures: Figure[];
  weapons: WeaponHit[];
  facilities: TermHit<FacilityCategory>[];
  utilities: UtilityHit[];
  officials: OfficialMention[];
  dates: DateCue[];
  /** HH:MM at the start of a live-blog line: orders updates. */
  time: string | null;
}

const CHILD_CONTEXT = /(?:taken|brought|transported|rushed|admitted|delivered)\s+to\s+(?:the\s+|a\s+)?$|(?:доставили|доставлено|доставлені|госпіталізовано|госпіталізували)\s+(?:до|в|у)\s+$|(?:доставили|доставлены|госпитализированы|госпитализировали)\s+в\s+$/iu;

export function analyzeSentence(sentence: Sentence, index: number, locale: Locale, ref: string | null): SentenceFacts {
  const t = sentence.text;
  const off = sentence.start;
  const c = locale.cues;
  // has(re, t) is re.test(t), trying only where a word of the list can begin (word-matches.ts).
  const rhetorical = has(c.rhetorical, t) || (/\?\s*$/.test(t) && !/\d/.test(t));
  const historical = has(c.historical, t);
  const aboutRussia = has(c.russia, t);
  const figures = findFigures(t, off, locale);
  const weapons: WeaponHit[] = locale.weapons.scan(t).map((h) => ({ ...h, start: h.start + off, end: h.end + off, count: weaponCount(t, h.start - 0, locale) }));
  // A facility named as where the wounded were taken is not a target ("taken to hospital").
  const notFacility = locale.notFacility ? [...wordMatches(locale.notFacility, t)].map((m) => [m.index!, m.index! + m[0].length] as const) : [];
  const facilities = locale.facilities
    .scan(t)
    .filter((h) => !notFacility.some(([a, b]) => h.start < b && h.end > a))
    // "the building" after a named facility refers back to it: a generic word with the definite article adds nothing.
    .filter((h) => h.key !== 'other' || !/(?:^|[^\p{L}])the\s+$/iu.test(t.slice(Math.max(0, h.start - 5), h.start)))
    // "будівлю школи", "здание больницы": a generic word right before the facility it names is that facility.
    .filter((h, _i, all) => h.key !== 'other' || !all.some((o) => o.key !== 'other' && o.start >= h.end && o.start - h.end <= 2))
    .filter((h) => !CHILD_CONTEXT.test(t.slice(Math.max(0, h.start - 40), h.start)))
    // "1,940 residential buildings without heating" counts an outage; "Klitschko's office" is an organisation.
    // (A letter lookahead, not \b: \b knows no Cyrillic, so "домов без воды" slipped through.)
    .filter((h) => !/^[\s\p{L}]{0,20}?(?:without|left without|remain without|без|остались без|залишилися без)(?![\p{L}])/iu.test(t.slice(h.end, h.end + 30)))
    .filter((h) => !/['’]s\s*$/u.test(t.slice(Math.max(0, h.start - 3), h.start)) || l_isPlaceFacility(h.key))
    .filter((h) => !figures.some((f) => f.field === 'hospitalized' && f.start - off <= h.start && f.end - off >= h.end))
    .map((h) => ({ ...h, start: h.start + off, end: h.end + off }));
  const utilities = findOutages(t, off, locale);
  const displacementHit = has(c.displacement, t) ? displacementCount(t, off, locale) : null;
  const timeMatch = /^(?:\[?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)\b/.exec(t);
  return {
    index,
    sentence,
    locale,
    rhetorical,
    historical,
    aboutRussia,
    national: has(c.national, t),
    airDefence: has(c.airDefence, t),
    interception: c.interception ? has(c.interception, t) : false,
    attack: has(c.attack, c.notAttack ? t.replace(c.notAttack, ' ') : t),
    diplomacy: has(c.diplomacy, t),
    displacement: displacementHit,
    noCasualties: saysNoCasualties(t, locale),
    figures,
    weapons,
    facilities,
    utilities,
    officials: findOfficials(t, off, locale),
    dates: findDates(t, off, ref, locale.lang),
    time: timeMatch ? `${timeMatch[1]!.padStart(2, '0')}:${timeMatch[2]}` : null,
  };
}

const patternCache = new Map<string, { countBefore: RegExp; countUnit: RegExp; anyCount: RegExp }>();
function patterns(l: Locale) {
  let p = patternCache.get(l.lang);
  if (!p) {
    // Each opens with a count: tried only where a count can start (word-matches.ts).
    const s = l.numbers.starts;
    p = {
      countBefore: registerStarts(new RegExp(`(?<![\\p{L}\\d])(${l.numbers.source})[\\s\\u00a0]+(?:[\\p{L}-]+[\\s\\u00a0]+)?$`, 'iu'), s),
      countUnit: registerStarts(new RegExp(`(?<![\\p{L}\\d])(${l.numbers.source})[\\s\\u00a0]+([\\p{L}-]+(?:[\\s\\u00a0]+[\\p{L}-]+)?)`, 'giu'), s),
      anyCount: registerStarts(new RegExp(`(?<![\\p{L}\\d])(${l.numbers.source})(?![\\p{L}\\d])`, 'giu'), s),
    };
    patternCache.set(l.lang, p);
  }
  return p;
}

/** Facilities that a possessive still makes physical ("Kyiv's hospital"), unlike "Klitschko's office". */
function l_isPlaceFacility(category: string): boolean {
  return category !== 'commercial' && category !== 'administrative' && category !== 'other';
}

/** "25 drone strikes", "12 Shaheds", "два «Іскандери»": a count just before the weapon word. */
function weaponCount(t: string, at: number, l: Locale): number | null {
  const before = t.slice(Math.max(0, at - 40), at);
  const m = firstWordMatch(patterns(l).countBefore, before);
  if (!m) return null;
  const c = l.numbers.parse(m[1]!);
  return c && c.value > 0 && c.value < 2000 ? c.value : null;
}

function findOutages(t: string, off: number, l: Locale): UtilityHit[] {
  l.outageWord.lastIndex = 0;
  const cues = [...wordMatches(l.outageWord, t)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  if (!cues.length) return [];
  const out: UtilityHit[] = [];
  for (const h of l.utilityWords.scan(t)) {
    // The outage word must stand within a few words of the utility ("without heat and power", "знеструмлено").
    const near = cues.some((c) => (c.start <= h.start && h.start - c.end <= 40) || (c.start >= h.end && c.start - h.end <= 25) || (c.start <= h.start && c.end >= h.end));
    if (!near) continue;
    // "power plant", "gas station" are facilities, not outages.
    if (/^\s*(?:plant|station|line|grid|facilit|infrastructure|pipeline|станц|лін|мереж)/iu.test(t.slice(h.end, h.end + 14))) continue;
    if (out.some((o) => o.utility === h.key)) continue;
    const affected = affectedCount(t, l);
    out.push({ utility: h.key, start: h.start + off, end: h.end + off, text: h.text, affected: affected?.count ?? null, unit: affected?.unit ?? null });
  }
  return out;
}

/** "12,000 subscribers", "1,940 residential buildings", "понад 3 тисячі абонентів". */
function affectedCount(t: string, l: Locale): { count: number; unit: string } | null {
  const re = patterns(l).countUnit;
  re.lastIndex = 0;
  for (const m of wordMatches(re, t)) {
    const words = m[2]!.split(/[\s\u00a0]+/);
    for (const cand of [m[2]!, words[0]!]) {
      const unit = l.unitWords.units.find(([u]) => u.test(cand));
      if (unit) {
        const c = l.numbers.parse(m[1]!);
        if (c && c.value > 0) return { count: c.value, unit: unit[1] };
      }
    }
  }
  return null;
}

function displacementCount(t: string, off: number, l: Locale): { count: number; start: number; end: number } | null {
  const re = patterns(l).anyCount;
  re.lastIndex = 0;
  for (const m of wordMatches(re, t)) {
    const c = l.numbers.parse(m[1]!);
    if (c && c.value >= 2) return { count: c.value, start: off + m.index!, end: off + m.index! + m[0].length };
  }
  return null;
}
