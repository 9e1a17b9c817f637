/**
 * Stage 2 of extraction: which place each sentence's facts belong to. A sentence naming one attacked
 * place gives its facts to that place and makes it the focus; a sentence naming none continues the
 * focus (reports name a city, then go on about it); a sentence naming several splits its figures by
 * clause, and figures it cannot tie to one place become wider claims.
 */
import { cueHolds } from './cue-screen.js';
import type { Place, ResolvedPlace } from '../gazetteer/types.js';
import type { SentenceFacts } from './analyze-sentence.js';
import { loadLexicon, termSource } from './lexicon.js';

// "the Dnipro River": a river named after a city is no place; "Bila Tserkva, south of Kyiv": a locator.
const placeContext = loadLexicon<{ not_place_after?: string[]; locator_before?: string[]; capital_metonym_after?: string[]; capital_metonym_before?: string[] }>('common', 'place-context');
const altOf = (terms: readonly string[] = []) => [...terms].sort((a, b) => b.length - a.length).map(termSource).join('|') || '(?!)';
const NOT_PLACE_AFTER = new RegExp(`^[\\s\\u00a0]+(?:${altOf(placeContext?.not_place_after)})(?![\\p{L}])`, 'iu');
// "Kyiv said", "help Kyiv pay pensions": the capital standing for the government is no place hit.
const METONYM_AFTER = new RegExp(`^[\\s\\u00a0]+(?:${altOf(placeContext?.capital_metonym_after)})(?![\\p{L}])`, 'iu');
const METONYM_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${altOf(placeContext?.capital_metonym_before)})[\\s\\u00a0]+$`, 'iu');
const LOCATOR_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${altOf(placeContext?.locator_before)})[\\s\\u00a0]+(?:the[\\s\\u00a0]+)?$`, 'iu');

export interface Target {
  key: string;
  place: Place | null; // null when ambiguous
  resolved: ResolvedPlace;
  /** The settlement the event is about (a city district's city), or the region. */
  district: string | null;
  /** Further districts of the same city named in the sentence ("in Desnianskyi district ...; in Darnytskyi district ..."). */
  also?: Target[];
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
const OWNER_ROLE_AFTER = /['’]s\s+(?:mayor|governor|military|regional|city|head|police)/iu;
const COMMA_BEFORE = /,\s*$/u;
const AREA_WORD_AFTER = /^[\s\u00a0]+(?:district|raion|region|oblast|community|hromada)(?![\p{L}])/iu;
const WORD_GAPS = /\s+/g;

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
  const { facts, resolved } = input;
  let focus: Target[] = [];
  let focusWide = false;
  const out: SentencePlaces[] = [];
  /** Settlements named at the head of a paragraph: two or more make the report a round-up. */
  const leads = new Set<string>();
  let headed: string | null = null;
  const spans = new SpanIndex(resolved);
  for (const f of facts) {
    const s = f.sentence;
    const l = f.locale;
    // "В Криворожском и Павлоградском районах ночь прошла спокойно": the places of a calm line were not hit.
    const calm = !f.figures.length && !!l.cues.calm && cueHolds(l.cues.calm, s.text);
    if (f.rhetorical || f.historical || f.aboutRussia || calm) {
      if (f.aboutRussia || calm) focus = [];
      out.push({ targets: [], carried: false, wideScope: false });
      continue;
    }
    const opensParagraph = f.index > 0 && facts[f.index - 1]!.sentence.paragraph !== s.paragraph;
    // "На фоне атаки в Женеве продолжаются консультации": the places of talks are not attacked, nor is
    // what follows about them.
    if (f.diplomacy && !f.figures.length && !f.facilities.length && !f.weapons.some((w) => w.key !== 'unknown')) {
      focus = [];
      out.push({ targets: [], carried: false, wideScope: false });
      continue;
    }
    const own = ownTargets(f, spans.within(s.start, s.end), !focus.length, input);
    // "More than 300 residents of border villages in the Sumy region were evacuated ... because of daily
    // shelling": the places of a displacement line are where people fled from or to, not what was hit.
    // The focus stays: the line is an aside in an attack report, not a change of subject.
    if (own.length && !f.figures.length && !f.facilities.length && !f.utilities.length && !f.weapons.some((w) => w.count) && cueHolds(l.cues.displacement, s.text)) {
      out.push({ targets: [], carried: false, wideScope: false });
      continue;
    }
    if (own.length) {
      out.push({ targets: own, carried: false, wideScope: f.national });
      focus = own;
      focusWide = f.national;
      if (opensParagraph || f.index === 0) for (const t of own) if (t.place && !isRegion(t.place)) leads.add(t.key);
      // A section heading that is only the place name ("Харьков") heads every paragraph until another place leads one.
      if (opensParagraph || f.index === 0) headed = own.length === 1 && atMostWords(s.text, 3) ? own[0]!.key : headed && own.every((t) => t.key === headed) ? headed : null;
    } else if (opensParagraph && leads.size >= 2 && !f.national && !headed) {
      // A round-up gives each place its own paragraph: a paragraph naming no place ("Оккупанты попали в
      // многоэтажки ...", a signature) sums up the region, it does not continue the last place.
      focus = [];
      out.push({ targets: [], carried: false, wideScope: false });
    } else if (f.national || f.airDefenceOnly) {
      out.push({ targets: [], carried: false, wideScope: true });
    } else {
      out.push({ targets: focus, carried: true, wideScope: focusWide });
    }
  }
  return out;
}

/**
 * The places a sentence names as attacked, settlements before the regions beside them; `noFocus`:
 * the report has named no place yet (then a place in an official's title stands for it).
 */
function ownTargets(f: SentenceFacts, inSentence: ResolvedPlace[], noFocus: boolean, input: AttributionInput): Target[] {
  const { text, kyiv } = input;
  const s = f.sentence;
  const l = f.locale;
  const strong: Target[] = [];
  const weak: Target[] = [];
  for (const r of inSentence) {
    if (f.officials.some((o) => r.span.start >= o.nameStart && r.span.end <= o.nameEnd)) continue;
    // "taken to hospital in X", "fled from X", "talks in X": not where the attack was.
    const before = text.slice(Math.max(s.start, r.span.start - 60), r.span.start);
    if (l.cues.nonAttackBefore.test(before)) continue;
    if (NOT_PLACE_AFTER.test(text.slice(r.span.end, r.span.end + 20))) continue;
    // "KYIV, Jan 17 —": a wire dateline says where the reporter files from, not what was hit.
    if (isDateline(r, text)) continue;
    if (r.place?.kind === 'capital' && (METONYM_AFTER.test(text.slice(r.span.end, r.span.end + 30)) || METONYM_BEFORE.test(before))) continue;
    // A locator needs a place before it in the sentence to locate ("X, south of Kyiv"); alone it is the place.
    const placeBefore = inSentence.some((o) => o.span.end <= r.span.start - 2);
    if (placeBefore && LOCATOR_BEFORE.test(before)) continue;
    // "Kindrashivka, Kupiansk district": the district after a comma locates the village before it.
    if (placeBefore && COMMA_BEFORE.test(before) && AREA_WORD_AFTER.test(text.slice(r.span.end, r.span.end + 12))) continue;
    const rd = isAreaName(r, text) ? null : districtOf(settleByDistrict(r, input), input);
    if (!rd) continue;
    const t = toTarget(rd, input);
    if (!t) continue;
    const inRole = f.officials.some((o) => o.roleStart !== null && r.span.start >= o.roleStart && r.span.end <= o.roleEnd!) || OWNER_ROLE_AFTER.test(text.slice(r.span.end, r.span.end + 20));
    (inRole ? weak : strong).push(t);
  }
  const m = kyiv && cueHolds(NEAR_KYIV, s.text) ? NEAR_KYIV.exec(s.text) : null;
  if (kyiv && m && !strong.some((t) => t.place?.id === kyiv.id)) {
    const start = s.start + m.index;
    strong.push({
      key: `s:${kyiv.id}`,
      place: kyiv,
      district: null,
      resolved: { span: { start, end: start + m[0].length, text: m[0], level: 'settlement', candidates: [kyiv], qualifier: null, near: false }, place: kyiv, ambiguous: false, candidates: [kyiv], reason: 'the capital' },
    });
  }
  // Settlements outrank the regions named beside them ("Bilozerka in Kherson Oblast").
  const settlements = strong.filter((t) => !isRegion(t.place));
  let own = settlements.length ? settlements : strong;
  // "Покровську громаду Синельниківського району": the larger unit only locates the smaller one.
  if (!settlements.length && own.length > 1) own = own.filter((t) => !own.some((o) => o !== t && containsRegion(t.place, o.place)));
  // A place named only in an official's title ("глава Днепропетровской ОВА") is where they govern:
  // it stands for the attack place only when the report has not named one yet.
  if (!own.length && noFocus) own = weak;
  own = dedupe(own);
  // "атакували Куп'янський та Ізюмський райони Харківщини ... Постраждали четверо": several raions of one
  // oblast told together, no settlement named: their toll is joint, so the attack is coded once, at the
  // oblast the report names, rather than once per raion with no figures.
  if (own.length >= 2 && !settlements.length) own = jointRegion(own, input) ?? own;
  return own;
}

/**
 * Whether text.split(/\s+/) has at most n parts: a part more than the maximal runs of white space (an
 * empty one at either end included), so the runs are counted, and no further than needed.
 */
export function atMostWords(text: string, n: number): boolean {
  WORD_GAPS.lastIndex = 0;
  for (let runs = 0; WORD_GAPS.exec(text); ) if (++runs >= n) return false;
  return true;
}

/** Whether the place is a region (oblast, raion, hromada) rather than a settlement. */
function isRegion(p: Place | null): boolean {
  return !!p && (p.kind === 'oblast' || p.kind === 'raion' || p.kind === 'hromada');
}

/**
 * The resolved places of a report by sentence. Sentences come in text order and the gazetteer gives
 * its spans in text order, so a cursor finds each sentence's places without rescanning the report:
 * spans that start before a sentence start before every later one too. Out-of-order input (a caller's
 * own list) falls back to the plain filter.
 */
class SpanIndex {
  private cursor = 0;
  private lastStart = -1;
  private readonly sorted: boolean;

  constructor(private readonly resolved: ResolvedPlace[]) {
    let ok = true;
    for (let k = 1; k < resolved.length && ok; k++) ok = resolved[k - 1]!.span.start <= resolved[k]!.span.start;
    this.sorted = ok;
  }

  /** The places within [start, end), in the list's order: resolved.filter of that test. */
  within(start: number, end: number): ResolvedPlace[] {
    const all = this.resolved;
    if (!this.sorted || start < this.lastStart) return all.filter((r) => r.span.start >= start && r.span.end <= end);
    this.lastStart = start;
    while (this.cursor < all.length && all[this.cursor]!.span.start < start) this.cursor++;
    const out: ResolvedPlace[] = [];
    // A span starting past the end cannot end by it (end >= start).
    for (let k = this.cursor; k < all.length && all[k]!.span.start <= end; k++) if (all[k]!.span.end <= end) out.push(all[k]!);
    return out;
  }
}

/** Words after a name that make it a raion ("в Днепровском районах"); a community keeps its centre's name. */
const AREA_AFTER = /^(?:район|district|raion)/iu;
const COORDINATED_AREA = /^[\s\u00a0]+(?:и|та|і|й|and)[\s\u00a0]+\p{L}+[\s\u00a0]+(?:район|district)/iu;

/**
 * "в Криворожском и Днепровском районах": a settlement match followed by a raion word is the raion
 * named after a place (which the gazetteer did not find as such), not that place.
 */
function isAreaName(r: ResolvedPlace, text: string): boolean {
  if (r.span.level !== 'settlement') return false;
  // "Киевский и Салтовский районы", "Дарницькому та Оболонському районах": the first of coordinated districts.
  if (COORDINATED_AREA.test(text.slice(r.span.end, r.span.end + 40))) return !r.candidates.some((c) => c.kind === 'raion' || c.kind === 'hromada');
  if (!r.span.qualifier || !AREA_AFTER.test(r.span.qualifier)) return false;
  return !r.candidates.some((c) => c.kind === 'raion' || c.kind === 'hromada');
}

/**
 * A city district counts only when its city is named in the report ("Покровского района" of a Donetsk
 * village is the raion, not Kryvyi Rih's Pokrovskyi district); the capital may be named as "the capital".
 * Of an ambiguous district name, the one whose city the report names is meant. null: not a place here.
 */
function districtOf(r: ResolvedPlace, input: AttributionInput): ResolvedPlace | null {
  const cands = r.place ? [r.place] : r.candidates;
  if (!cands.length || !cands.every((c) => c.kind === 'city_district')) return r;
  const named = cands.filter((d) => {
    const city = input.cityOf(d);
    if (!city) return false;
    if (input.kyiv && city.id === input.kyiv.id && NEAR_KYIV.test(input.text)) return true;
    return input.resolved.some((o) => o !== r && (o.place ? o.place.id === city.id : o.candidates.some((c) => c.id === city.id)));
  });
  if (!named.length) return null;
  if (r.place) return r;
  if (named.length > 1) {
    // "Киевский район" in a report naming Kharkiv and Odesa: the city named last before the district.
    const lastMention = (d: Place) => {
      const city = input.cityOf(d)!;
      return Math.max(-1, ...input.resolved.filter((o) => o.span.start < r.span.start && (o.place ? o.place.id === city.id : o.candidates.some((c) => c.id === city.id))).map((o) => o.span.start));
    };
    const ranked = named.map((d) => [d, lastMention(d)] as const).sort((a, b) => b[1] - a[1]);
    if (ranked[0]![1] < 0 || ranked[0]![1] === ranked[1]![1]) return r;
    return { ...r, place: ranked[0]![0], ambiguous: false, candidates: [ranked[0]![0]], reason: 'the city named last before it' };
  }
  return { ...r, place: named[0]!, ambiguous: false, candidates: named, reason: 'city named in the report' };
}

/**
 * "Николаев ... в Корабельном районе": a city name several towns share is the one whose district the
 * report names (Mykolaiv of Mykolaiv oblast, not the Lviv-oblast town), and so is the district.
 */
/** Whether every reading of the name is a city district. */
function isDistricts(o: ResolvedPlace): boolean {
  return o.candidates.length > 0 && o.candidates.every((c) => c.kind === 'city_district');
}

function settleByDistrict(r: ResolvedPlace, input: AttributionInput): ResolvedPlace {
  const cities = new Map<string, Place>();
  if (!r.place && r.candidates.length > 1 && !isDistricts(r)) {
    for (const o of input.resolved) {
      if (o === r || !isDistricts(o)) continue;
      for (const d of o.place ? [o.place] : o.candidates) {
        const city = input.cityOf(d);
        if (city && r.candidates.some((c) => c.id === city.id)) cities.set(city.id, city);
      }
    }
    if (cities.size === 1) return { ...r, place: [...cities.values()][0]!, ambiguous: false, reason: 'a district of it named in the report' };
    return r;
  }
  if (!r.place && isDistricts(r)) {
    // The district's own ambiguity: keep the candidates whose city is one of an ambiguous name's candidates.
    const picked = r.candidates.filter((d) => {
      const city = input.cityOf(d);
      return city && input.resolved.some((o) => o !== r && !o.place && o.candidates.some((c) => c.id === city.id));
    });
    if (picked.length === 1) return { ...r, place: picked[0]!, ambiguous: false, candidates: picked, reason: 'its city named in the report' };
  }
  return r;
}

// ", Jan 17", ", 17 січня", ", January 17, 2026" then "(Outlet) -": the dateline's date and outlet.
const DATELINE_OUTLET = /^(?:,[\s\u00a0]*(?:\p{L}+\.?[\s\u00a0]+\d{1,2}|\d{1,2}[\s\u00a0]+\p{L}+\.?)(?:,?[\s\u00a0]+20\d\d)?)?[\s\u00a0]*\([^()\n]{1,60}\)[\s\u00a0]*(?:—|–|-)/u;

const LINE_START_BEFORE = /(?:^|\n)[\s\u00a0]*$/u;
const THREE_CAPITALS = /\p{Lu}{3}/u;
const DATELINE_MARK_AFTER = /^\s*(?:,|\(|—|–|-)/u;

/**
 * A wire dateline opening the text or a paragraph: a place name in capitals followed by a comma, a
 * country, a date or a dash ("KYIV, Jan 17 —", "КИЇВ, 17 січня."), or a place in any case followed by
 * an optional date and the outlet in brackets before a dash ("Kyiv, Jan 17 (Reuters) -", "Kyiv (AP) —").
 */
function isDateline(r: ResolvedPlace, text: string): boolean {
  const s = r.span;
  if (!LINE_START_BEFORE.test(text.slice(Math.max(0, s.start - 20), s.start))) return false;
  const after = text.slice(s.end, s.end + 90);
  if (DATELINE_OUTLET.test(after)) return true;
  if (s.text !== s.text.toUpperCase() || !THREE_CAPITALS.test(s.text)) return false;
  return DATELINE_MARK_AFTER.test(after);
}

/** The oblast of raions named together, as a target from its own mention in the report; null when none. */
function jointRegion(own: Target[], input: AttributionInput): Target[] | null {
  const oblast = own[0]!.place?.oblast;
  if (!oblast || !own.every((t) => t.place?.kind === 'raion' && t.place.oblast === oblast)) return null;
  const r = input.resolved.find((o) => o.place?.kind === 'oblast' && o.place.oblast === oblast);
  return r ? [{ key: targetKey(r.place, r), place: r.place, resolved: r, district: null }] : null;
}

function dedupe(ts: Target[]): Target[] {
  // None or one: nothing to merge (the list is the caller's own, so it is returned as it is).
  if (ts.length < 2) return ts;
  const seen = new Map<string, Target>();
  for (const t of ts) {
    const prev = seen.get(t.key);
    if (!prev) seen.set(t.key, t);
    else if (t.district && !prev.district) seen.set(t.key, { ...t, also: prev.also });
    else if (t.district && t.district !== prev.district) seen.set(t.key, { ...prev, also: [...(prev.also ?? []), t] });
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

const REGION_RANK: Record<string, number> = { oblast: 0, raion: 1, hromada: 2 };
/** Whether region `outer` contains the smaller region `inner` (an oblast its raions, a raion its hromadas). */
function containsRegion(outer: Place | null, inner: Place | null): boolean {
  if (!outer || !inner || !(outer.kind in REGION_RANK) || !(inner.kind in REGION_RANK) || REGION_RANK[inner.kind]! <= REGION_RANK[outer.kind]!) return false;
  return outer.oblast === inner.oblast && (outer.kind === 'oblast' || inner.raion === outer.name);
}
