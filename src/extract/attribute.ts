/**
 * Stage 2 of extraction: which place each sentence's facts belong to. A sentence naming one attacked
 * place gives its facts to that place and makes it the focus; a sentence naming none continues the
 * focus (reports name a city, then go on about it); a sentence naming several splits its figures by
 * clause, and figures it cannot tie to one place become wider claims.
 */
import type { Place, ResolvedPlace } from '../gazetteer/types.js';
import type { SentenceFacts } from './analyze-sentence.js';

export interface Target {
  key: string;
  place: Place | null; // null when ambiguous
  resolved: ResolvedPlace;
  /** The settlement the event is about (a city district's city), or the region. */
  district: string | null;
}

export interface SentencePlaces {
  /** Places the sentence is about. */
  targets: Target[];
  /** Places that came from the focus, not from the sentence itself. */
  carried: boolean;
  /** The focus had "and other cities" scope: figures are wider claims. */
  wideScope: boolean;
}

const NEAR_KYIV = /(?<![\p{L}])(?:the\s+(?:Ukrainian\s+)?capital|столиц[яіюею]|столиц[аеуы]|столице)(?![\p{L}])/iu;

export interface AttributionInput {
  facts: SentenceFacts[];
  resolved: ResolvedPlace[];
  text: string;
  kyiv: Place | null;
  cityOf: (district: Place) => Place | null;
}

export function targetKey(p: Place | null, r: ResolvedPlace): string {
  if (p) return p.kind === 'oblast' || p.kind === 'raion' || p.kind === 'hromada' ? `${p.kind}:${p.id}` : `s:${p.id}`;
  return `ambiguous:${r.span.text.toLowerCase()}`;
}

export function attribute(input: AttributionInput): SentencePlaces[] {
  const { facts, resolved, text, kyiv } = input;
  let focus: Target[] = [];
  let focusWide = false;
  const out: SentencePlaces[] = [];
  for (const f of facts) {
    const s = f.sentence;
    const l = f.locale;
    const inSentence = resolved.filter((r) => r.span.start >= s.start && r.span.end <= s.end);
    const nameSpans = f.officials.map((o) => [o.nameStart, o.nameEnd] as const);
    const roleSpans = f.officials.filter((o) => o.roleStart !== null).map((o) => [o.roleStart!, o.roleEnd!] as const);
    const strong: Target[] = [];
    const weak: Target[] = [];
    for (const r of inSentence) {
      if (nameSpans.some(([a, b]) => r.span.start >= a && r.span.end <= b)) continue;
      // "taken to hospital in X", "fled from X", "talks in X": not where the attack was.
      const before = text.slice(Math.max(s.start, r.span.start - 60), r.span.start);
      if (l.cues.nonAttackBefore.test(before)) continue;
      const t = toTarget(r, input);
      if (!t) continue;
      const inRole = roleSpans.some(([a, b]) => r.span.start >= a && r.span.end <= b) || /['’]s\s+(?:mayor|governor|military|regional|city|head|police)/iu.test(text.slice(r.span.end, r.span.end + 20));
      (inRole ? weak : strong).push(t);
    }
    if (kyiv && NEAR_KYIV.test(s.text) && !strong.some((t) => t.place?.id === kyiv.id)) {
      const m = NEAR_KYIV.exec(s.text)!;
      const start = s.start + m.index;
      strong.push({
        key: `s:${kyiv.id}`,
        place: kyiv,
        district: null,
        resolved: { span: { start, end: start + m[0].length, text: m[0], level: 'settlement', candidates: [kyiv], qualifier: null, near: false }, place: kyiv, ambiguous: false, candidates: [kyiv], reason: 'the capital' },
      });
    }
    // Settlements outrank the regions named beside them ("Bilozerka in Kherson Oblast").
    const settlements = strong.filter((t) => !t.place || !['oblast', 'raion', 'hromada'].includes(t.place.kind));
    let own = settlements.length ? settlements : strong;
    // A place named only in an official's title ("глава Днепропетровской ОВА") is where they govern:
    // it stands for the attack place only when the report has not named one yet.
    if (!own.length && !focus.length) own = weak;
    own = dedupe(own);
    if (f.rhetorical || f.historical || f.aboutRussia) {
      if (f.aboutRussia) focus = [];
      out.push({ targets: [], carried: false, wideScope: false });
      continue;
    }
    if (own.length) {
      out.push({ targets: own, carried: false, wideScope: f.national });
      focus = own;
      focusWide = f.national;
    } else if (f.national || (f.airDefence && !f.figures.length)) {
      out.push({ targets: [], carried: false, wideScope: true });
    } else {
      out.push({ targets: focus, carried: true, wideScope: focusWide });
    }
  }
  return out;
}

function dedupe(ts: Target[]): Target[] {
  const seen = new Map<string, Target>();
  for (const t of ts) {
    const prev = seen.get(t.key);
    if (!prev) seen.set(t.key, t);
    else if (t.district && !prev.district) seen.set(t.key, t);
  }
  return [...seen.values()];
}

function toTarget(r: ResolvedPlace, input: AttributionInput): Target | null {
  const p = r.place;
  if (p && p.kind === 'city_district') {
    const city = input.cityOf(p);
    if (!city) return null;
    return { key: `s:${city.id}`, place: city, resolved: r, district: p.name };
  }
  return { key: targetKey(p, r), place: p, resolved: r, district: null };
}
