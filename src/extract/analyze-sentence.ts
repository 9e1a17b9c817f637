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
  /**
   * Air defence told in a sentence with no casualty figure: a line about the air war ("Air defence was
   * active over the region"), not about a place hit. (The cue is tested only without figures.)
   */
  airDefenceOnly: boolean;
  attack: boolean;
  /** Damage told: a casualty figure, an outage, or a facility named with an attack word ("a school was damaged"). */
  damage: boolean;
  /**
   * Interceptions told, and no damage: "air defence shot down 25 drones over the region". (The cue is
   * tested only without damage: a sentence telling damage is not an interception-only line, whatever it says.)
   */
  interceptionOnly: boolean;
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
const QUESTION_END = /\?\s*$/;
const DIGIT = /\d/;
const LINE_TIME = /^(?:\[?\s*)?([01]?\d|2[0-3])[:.]([0-5]\d)\b/;
const THE_BEFORE = /(?:^|[^\p{L}])the\s+$/iu;
// (A letter lookahead, not \b: \b knows no Cyrillic, so "домов без воды" slipped through.)
const WITHOUT_AFTER = /^[\s\p{L}]{0,20}?(?:without|left without|remain without|без|остались без|залишилися без)(?![\p{L}])/iu;
const POSSESSIVE_BEFORE = /['’]s\s*$/u;
const FACILITY_AFTER_UTILITY = /^\s*(?:plant|station|line|grid|facilit|infrastructure|pipeline|станц|лін|мереж)/iu;

export function analyzeSentence(sentence: Sentence, index: number, locale: Locale, ref: string | null): SentenceFacts {
  const t = sentence.text;
  const off = sentence.start;
  const c = locale.cues;
  // has(re, t) is re.test(t), trying only where a word of the list can begin (word-matches.ts).
  const rhetorical = has(c.rhetorical, t) || (QUESTION_END.test(t) && !DIGIT.test(t));
  const historical = has(c.historical, t);
  const aboutRussia = has(c.russia, t);
  const figures = findFigures(t, off, locale);
  const weapons: WeaponHit[] = [];
  for (const h of locale.weapons.scan(t)) weapons.push({ key: h.key, start: h.start + off, end: h.end + off, text: h.text, count: weaponCount(t, h.start, locale) });
  const facilities = findFacilities(t, off, locale, figures);
  const utilities = findOutages(t, off, locale);
  const displacementHit = has(c.displacement, t) ? displacementCount(t, off, locale) : null;
  const timeMatch = LINE_TIME.exec(t);
  // Blanking the non-attack phrases out changes nothing when there are none: skip the copy then.
  const attack = has(c.attack, c.notAttack && has(c.notAttack, t) ? t.replace(c.notAttack, ' ') : t);
  // "engineers built shelters around substations" names facilities, but no attack on them.
  const damage = figures.some((x) => x.value > 0) || utilities.length > 0 || (attack && facilities.length > 0);
  return {
    index,
    sentence,
    locale,
    rhetorical,
    historical,
    aboutRussia,
    national: has(c.national, t),
    airDefenceOnly: !figures.length && has(c.airDefence, t),
    attack,
    damage,
    interceptionOnly: !damage && !!c.interception && has(c.interception, t),
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

/**
 * The facility words of a sentence that name a facility hit, with text offsets. Each test looks only
 * at the hit and the text around it, except the generic-word one, which looks at the other hits.
 */
function findFacilities(t: string, off: number, l: Locale, figures: Figure[]): TermHit<FacilityCategory>[] {
  const hits = l.facilities.scan(t);
  if (!hits.length) return hits;
  // A facility named as where the wounded were taken is not a target ("taken to hospital").
  const blocked = l.notFacility ? [...wordMatches(l.notFacility, t)] : [];
  const named = blocked.length ? hits.filter((h) => !blocked.some((m) => h.start < m.index! + m[0].length && h.end > m.index!)) : hits;
  const out: TermHit<FacilityCategory>[] = [];
  for (const h of named) {
    if (h.key === 'other' && genericRepeat(h, named, t)) continue;
    if (CHILD_CONTEXT.test(t.slice(Math.max(0, h.start - 40), h.start))) continue;
    // "1,940 residential buildings without heating" counts an outage; "Klitschko's office" is an organisation.
    if (WITHOUT_AFTER.test(t.slice(h.end, h.end + 30))) continue;
    if (!l_isPlaceFacility(h.key) && POSSESSIVE_BEFORE.test(t.slice(Math.max(0, h.start - 3), h.start))) continue;
    if (figures.some((f) => f.field === 'hospitalized' && f.start - off <= h.start && f.end - off >= h.end)) continue;
    out.push({ key: h.key, start: h.start + off, end: h.end + off, text: h.text });
  }
  return out;
}

/**
 * Whether a generic facility word ('other') only repeats a facility: "the building" after a named one
 * (the definite article refers back), or "будівлю школи", "здание больницы" (the facility right after
 * it names it). `named`: the hits not blocked as where the wounded were taken.
 */
function genericRepeat(h: TermHit<FacilityCategory>, named: TermHit<FacilityCategory>[], t: string): boolean {
  if (THE_BEFORE.test(t.slice(Math.max(0, h.start - 5), h.start))) return true;
  return named.some((o) => o.key !== 'other' && o.start >= h.end && o.start - h.end <= 2);
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
  const cues: { start: number; end: number }[] = [];
  for (const m of wordMatches(l.outageWord, t)) cues.push({ start: m.index!, end: m.index! + m[0].length });
  if (!cues.length) return [];
  const out: UtilityHit[] = [];
  // The count of the sentence, not of the utility: looked up once, at the first outage.
  let affected: { count: number; unit: string } | null | undefined;
  for (const h of l.utilityWords.scan(t)) {
    // The outage word must stand within a few words of the utility ("without heat and power", "знеструмлено").
    const near = cues.some((c) => (c.start <= h.start && h.start - c.end <= 40) || (c.start >= h.end && c.start - h.end <= 25) || (c.start <= h.start && c.end >= h.end));
    if (!near) continue;
    // "power plant", "gas station" are facilities, not outages.
    if (FACILITY_AFTER_UTILITY.test(t.slice(h.end, h.end + 14))) continue;
    if (out.some((o) => o.utility === h.key)) continue;
    if (affected === undefined) affected = affectedCount(t, l);
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
