/**
 * Stage 3 of extraction: one event per attacked place and day, from the facts attributed to it.
 * Figures follow the coding rules: an update ("rose to") supersedes; otherwise the largest statement
 * of a figure stands (a later "a girl was injured" is part of "14 injured", not a new total);
 * "another two" adds; only injuries reported → killed 0; children also count in the totals.
 */
import { hash } from 'node:crypto';
import type { Evidence, ExtractedEvent, WiderClaim } from '../domain/event.js';
import { subEventTypeFor, WEAPONS, type FacilityCategory, type Utility, type Weapon } from '../domain/vocabulary.js';
import type { SentenceFacts } from './analyze-sentence.js';
import type { SentencePlaces, Target } from './attribute.js';
import type { Figure, FigureField } from './rules/casualties.js';
import type { DateCue } from './rules/dates.js';
import { loadLexicon, termSource } from './lexicon.js';
import { cueHolds } from './cue-screen.js';

interface Bucket {
  target: Target;
  attacked: boolean;
  figures: Figure[];
  noCasualties: boolean;
  ownWeapons: Map<Weapon, { start: number; end: number; text: string; count: number | null }[]>;
  listWeapons: Map<Weapon, { start: number; end: number; text: string }[]>;
  facilities: { category: FacilityCategory; text: string; start: number; end: number }[];
  utilities: { utility: Utility; text: string; affected: number | null; unit: string | null; start: number; end: number }[];
  officials: { name: string; role: string | null; start: number; end: number; quote: string }[];
  districts: { name: string; start: number; end: number; quote: string }[];
  /** rank 0: a sentence telling the attack itself; 1: one that only updates a toll ("rose to nine on Saturday"). */
  dates: { cue: DateCue; rank: number }[];
}

const FIELDS: FigureField[] = ['killed', 'injured', 'hospitalized', 'children_killed', 'children_injured'];

export interface BuildInput {
  reportId: string;
  text: string;
  reference: string | null;
  facts: SentenceFacts[];
  places: SentencePlaces[];
}

export function buildEvents(input: BuildInput): { events: ExtractedEvent[]; wider: WiderClaim[] } {
  const { facts, places, text } = input;
  const buckets = new Map<string, Bucket>();
  const wider: WiderClaim[] = [];
  const bucket = (t: Target): Bucket => {
    let b = buckets.get(t.key);
    if (!b) {
      b = { target: t, attacked: false, figures: [], noCasualties: false, ownWeapons: new Map(), listWeapons: new Map(), facilities: [], utilities: [], officials: [], districts: [], dates: [] };
      buckets.set(t.key, b);
    }
    return b;
  };
  const reportDate = firstReportDate(facts);
  /**
   * "Three people were killed in the region. Another 12 were injured.": a toll told over consecutive
   * sentences about the same area, with no place named between them, is one claim, not one per field.
   */
  let lastClaim: { claim: WiderClaim; index: number } | null = null;
  const pushClaim = (i: number, c: WiderClaim) => {
    const prev = lastClaim?.claim;
    const between = lastClaim ? noPlaceNamed(places, lastClaim.index + 1, i + 1) : false;
    const disjoint = prev && (prev.killed === null || c.killed === null) && (prev.injured === null || c.injured === null);
    if (prev && between && disjoint && prev.scope === c.scope && prev.date === c.date && prev.places.join('|') === c.places.join('|') && lastClaim!.index < i) {
      prev.killed ??= c.killed;
      prev.injured ??= c.injured;
      prev.at_least ||= c.at_least;
      prev.evidence.push(...c.evidence);
      lastClaim = { claim: prev, index: i };
      return;
    }
    wider.push(c);
    lastClaim = { claim: c, index: i };
  };
  /** Officials of sentences about no place (a signature line "Олег Синєгубов, начальник ОВА"). */
  const looseOfficials: SentenceFacts['officials'] = [];

  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    const p = backReference(i, facts, places) ?? places[i]!;
    if (f.rhetorical || f.historical || f.aboutRussia) continue;
    // Damage facts (figures, outages, facilities hit: f.damage); weapons, unless the sentence only tells interceptions.
    const { damage, interceptionOnly } = f;
    // A weapon alone in a sentence that names no place and no attack ("slowed the advance with drones") hits nothing.
    const weaponFact = f.weapons.some((w) => w.key !== 'unknown') && (f.attack || !p.carried);
    const hasFacts = damage || (!interceptionOnly && (f.figures.length > 0 || weaponFact));
    // A header or signature line ("Віталій Кім, голова Миколаївської ОВА:", "Сергій Лисак") speaks for the whole post.
    if (p.targets.length && f.officials.length && !hasFacts && !f.attack) looseOfficials.push(...f.officials);
    if (!p.targets.length) {
      if (f.figures.length && (p.wideScope || f.national)) pushClaim(i, claim(f.figures, [], f.national ? 'national' : 'multi_settlement', f, input.reference));
      looseOfficials.push(...f.officials);
      continue;
    }
    // Figures: one target, or split by clause; the rest become wider claims.
    const single = p.targets.length === 1 ? p.targets[0]! : null;
    // The clause bounds of a sentence naming several places, found at the first fact to place.
    let clauses: Clauses | null = null;
    if (f.figures.length) {
      if (p.carried && p.wideScope) {
        pushClaim(i, claim(f.figures, p.targets.map((t) => t.place?.name ?? t.resolved.span.text), 'multi_settlement', f, input.reference));
      } else if (single && !(p.wideScope && !p.carried)) {
        bucket(single).figures.push(...f.figures);
      } else {
        const unplaced: Figure[] = [];
        for (const fig of f.figures) {
          const t = clauseTarget(fig.start, fig.end, p.targets, (clauses ??= clausesOf(text, f.sentence.start, f.sentence.end)));
          if (t && !p.wideScope) bucket(t).figures.push(fig);
          else unplaced.push(fig);
        }
        if (unplaced.length) pushClaim(i, claim(unplaced, p.targets.map((t) => t.place?.name ?? t.resolved.span.text), p.wideScope && !single ? 'multi_settlement' : f.national ? 'national' : 'multi_settlement', f, input.reference));
      }
    }
    // "... рятувальників госпіталізовано" after "Травмовано двох рятувальників": the group counted before.
    if (single && !p.wideScope && !f.figures.some((x) => x.field === 'hospitalized')) {
      const back = groupHospitalized(f, buckets.get(single.key)?.figures ?? []);
      if (back) bucket(single).figures.push(back);
    }
    // "Kyiv and other cities were reeling": the sentence speaks of more than its named places.
    if (p.wideScope) {
      // ... but "drone attacks on Kyiv, Odesa and other cities" still tells the named places' weapon.
      if (!p.carried) {
        for (const t of p.targets) {
          const b = bucket(t);
          for (const w of f.weapons) weaponList(b.listWeapons, w.key).push({ start: w.start, end: w.end, text: w.text });
        }
      }
      continue;
    }
    // "Воздушная тревога из-за угрозы ударных беспилотников": weapons named in a warning attack nothing.
    const warning = f.locale.cues.alert ? cueHolds(f.locale.cues.alert, f.sentence.text) : false;
    for (const t of p.targets) {
      const b = bucket(t);
      // "Среди них есть раненые" after "бойцы, которые обороняли Мариуполь": a casualty word alone, in a line that
      // names no place, does not make an attack of a place the report has not told as attacked.
      const casualtyCueOnly = p.carried && !hasFacts && !b.attacked && f.attack && !cueHolds(f.locale.cues.attack, f.sentence.text.replace(casualtyWords(f.locale), ' '));
      if (warning ? f.figures.length > 0 || f.facilities.length > 0 || f.utilities.length > 0 : (f.attack && !interceptionOnly && !casualtyCueOnly) || hasFacts) b.attacked = true;
      if (f.noCasualties) b.noCasualties = true;
      addDistrict(b, t);
      if (t.also) for (const d of t.also) addDistrict(b, d);
      for (const w of f.weapons) {
        if (single) weaponList(b.ownWeapons, w.key).push({ start: w.start, end: w.end, text: w.text, count: w.count });
        else weaponList(b.listWeapons, w.key).push({ start: w.start, end: w.end, text: w.text });
      }
      // A fact of a sentence naming several places goes to the place of its clause.
      for (const h of f.facilities) {
        if (single || clauseTarget(h.start, h.end, p.targets, (clauses ??= clausesOf(text, f.sentence.start, f.sentence.end)))?.key === t.key) b.facilities.push({ category: h.key, text: h.text, start: h.start, end: h.end });
      }
      for (const u of f.utilities) {
        if (single || clauseTarget(u.start, u.end, p.targets, (clauses ??= clausesOf(text, f.sentence.start, f.sentence.end)))?.key === t.key) b.utilities.push(u);
      }
      for (const o of f.officials) {
        let role = o.role;
        if (role && LOCAL_ROLE.test(role) && t.place && single) role = `${role} of ${t.place.name}`;
        b.officials.push({ name: o.name, role, start: o.start, end: o.end, quote: o.quote });
      }
      const rank = f.attack && !f.figures.some((x) => x.update) ? 0 : 1;
      for (const d of f.dates) b.dates.push({ cue: d, rank });
    }
  }

  const events: ExtractedEvent[] = [];
  for (const b of buckets.values()) {
    if (!b.attacked) continue;
    events.push(toEvent(b, input, reportDate));
  }
  // A region-level event beside settlement events of the same region repeats them: keep it as a claim.
  // A raion repeats only the settlements of that raion ("In Izmail district, port infrastructure was damaged"
  // beside Chornomorsk is an event of its own); an oblast repeats any settlement or raion event in it.
  const settled = events.filter((e) => e.location.city);
  const raionKept = (e: ExtractedEvent) =>
    !e.location.city && !!e.location.raion && settled.some((s) => s.location.oblast === e.location.oblast) && !settled.some((s) => s.location.oblast === e.location.oblast && s.location.raion === e.location.raion);
  const settledOblasts = new Set([...settled, ...events.filter(raionKept)].map((e) => e.location.oblast));
  const kept = events.filter((e) => {
    if (e.location.city || !e.location.oblast || !settledOblasts.has(e.location.oblast) || raionKept(e)) return true;
    inheritRegionWeapons(e, events);
    if (e.killed || e.injured) {
      wider.push({ scope: 'oblast', places: [e.location.oblast], oblast: e.location.oblast, date: e.date, killed: e.killed, injured: e.injured, at_least: e.at_least, evidence: e.evidence.filter((x) => x.field === 'killed' || x.field === 'injured') });
    }
    return false;
  });
  regionalOfficials(kept, events, looseOfficials);
  fillFromWiderClaims(kept, wider);
  return { events: kept, wider };
}

/** Whether none of places[from, to) names a place of its own. */
function noPlaceNamed(places: SentencePlaces[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!places[k]!.carried && places[k]!.targets.length) return false;
  return true;
}

/** The hits of one weapon in a bucket's map, the list added to the map when new. */
function weaponList<H>(map: Map<Weapon, H[]>, w: Weapon): H[] {
  let list = map.get(w);
  if (!list) {
    list = [];
    map.set(w, list);
  }
  return list;
}

function addDistrict(b: Bucket, d: Target): void {
  if (!d.district) return;
  const span = d.resolved.span;
  b.districts.push({ name: d.district, start: span.start, end: span.end, quote: span.text });
}

/** Roles that take the place they serve ("mayor" → "mayor of Kharkiv"). */
const LOCAL_ROLE = /^(?:mayor|governor|head of the city military administration)$/;

const casualtyWordCache = new Map<string, RegExp>();
/** Every casualty word of a language, global, for blanking them out of a sentence. */
function casualtyWords(l: SentenceFacts['locale']): RegExp {
  let re = casualtyWordCache.get(l.lang);
  if (!re) {
    re = new RegExp(l.casualtyWord.source, 'giu');
    casualtyWordCache.set(l.lang, re);
  }
  re.lastIndex = 0;
  return re;
}

interface GroupLexicon {
  groups: string[];
  hospitalized: string[];
}
const groupCache = new Map<string, { re: RegExp; verb: RegExp; stems: RegExp[]; countBefore: RegExp } | null>();
/** The language's "<group noun> <hospitalized>" pattern (either order), from data/lexicon/<lang>/group-hospitalized.json. */
function groupPatterns(l: SentenceFacts['locale']) {
  if (!groupCache.has(l.lang)) {
    const lex = loadLexicon<GroupLexicon>(l.lang, 'group-hospitalized');
    if (!lex?.groups.length || !lex.hospitalized.length) groupCache.set(l.lang, null);
    else {
      const noun = `(?:${lex.groups.map(termSource).join('|')})`;
      const verb = `(?:${lex.hospitalized.map(termSource).join('|')})`;
      const aux = '(?:(?:were|was|have\\s+been|had\\s+been|are|all|both|also|later|було|були|також|теж|тоже|также)[\\s\\u00a0]+){0,3}';
      groupCache.set(l.lang, {
        re: new RegExp(`(?<![\\p{L}])(?:(?:the|these|those|both|all)[\\s\\u00a0]+)?(?<n1>${noun})[\\s\\u00a0]+${aux}${verb}(?![\\p{L}])|(?<![\\p{L}])${verb}[\\s\\u00a0]+(?<n2>${noun})(?![\\p{L}])`, 'iu'),
        // Both orders hold the verb phrase, so a sentence without it has no match: a plain alternation,
        // which V8 scans for far faster than the lookbehind-led pattern, rules most sentences out.
        verb: new RegExp(verb, 'iu'),
        stems: lex.groups.map((g) => new RegExp(`(?<![\\p{L}])${termSource(g)}(?![\\p{L}])`, 'iu')),
        countBefore: new RegExp(`(?:^|[^\\p{L}\\d])(?:${l.numbers.source}|\\d+)[\\s\\u00a0]+$`, 'iu'),
      });
    }
  }
  return groupCache.get(l.lang)!;
}

/**
 * "Травмовано двох рятувальників ... рятувальників госпіталізовано", "Two rescuers were injured ... The
 * rescuers were hospitalized": a bare group noun (no count of its own) with a hospitalization verb refers
 * back to the latest casualty figure about that group in the same place: as many hospitalized.
 */
function groupHospitalized(f: SentenceFacts, prior: Figure[]): Figure | null {
  // Without an injured figure before, there is nothing to refer back to, whatever the sentence says.
  if (!prior.some(isInjuredFigure)) return null;
  const g = groupPatterns(f.locale);
  if (!g) return null;
  const m = g.verb.test(f.sentence.text) ? g.re.exec(f.sentence.text) : null;
  if (!m) return null;
  const noun = m.groups!.n1 ?? m.groups!.n2!;
  const nounAt = m.index + m[0].indexOf(noun);
  if (g.countBefore.test(f.sentence.text.slice(Math.max(0, nounAt - 30), nounAt))) return null;
  const stem = g.stems.find((re) => re.test(noun));
  if (!stem) return null;
  const ref = prior.findLast((x) => isInjuredFigure(x) && stem.test(x.quote));
  if (!ref) return null;
  const start = f.sentence.start + m.index;
  return { field: 'hospitalized', value: ref.value, atLeast: ref.atLeast, update: false, additive: false, start, end: start + m[0].length, quote: m[0], rule: 'group-back-reference' };
}

function isInjuredFigure(x: Figure): boolean {
  return (x.field === 'injured' || x.field === 'children_injured') && x.value > 0;
}

const REGIONAL_ROLE = /^(?:head of the regional military administration|head of the regional state administration|governor)(?![\p{L}])/u;

/**
 * An oblast head's round-up or signed post ("... Олег Синєгубов, начальник Харківської ОВА") speaks for
 * every place it reports in that oblast: events with no official of their own take the regional
 * officials named anywhere in the report for the same oblast (or in a line about no place).
 */
function regionalOfficials(kept: ExtractedEvent[], all: ExtractedEvent[], loose: SentenceFacts['officials']): void {
  for (const e of kept) {
    if (e.officials.length || !e.location.oblast) continue;
    const found = new Map<string, { role: string | null; ev: Evidence | null }>();
    for (const o of all) {
      if (o.location.oblast !== e.location.oblast) continue;
      for (const x of o.officials) {
        if (x.role && REGIONAL_ROLE.test(x.role) && !found.has(x.name)) found.set(x.name, { role: x.role, ev: o.evidence.find((v) => v.field === 'official' && v.value === x.name) ?? null });
      }
    }
    for (const x of loose) {
      if (x.role && REGIONAL_ROLE.test(x.role) && !found.has(x.name)) found.set(x.name, { role: x.role, ev: { field: 'official', start: x.start, end: x.end, quote: x.quote, value: x.name, rule: 'official', certainty: 'stated' } });
    }
    for (const [name, { role, ev }] of found) {
      e.officials.push({ name, role });
      if (ev) e.evidence.push({ ...ev, certainty: 'implied', rule: 'report-official' });
    }
    if (found.size) sortByStart(e.evidence);
  }
}

const DEBRIS = /debris|wreckage|fragment|уламк|обломк|фрагмент/iu;

/** The person noun of a singular figure: "a 63-year-old woman was injured" → "woman". */
function singularNoun(fig: Figure): string | null {
  if (fig.rule !== 'singular-person') return null;
  return /([\p{L}]+)(?:,\s*\d{1,3},)?\s+(?:who\s+|that\s+)?(?:was|has|had|is|got)(?![\p{L}])/iu.exec(fig.quote)?.[1]?.toLowerCase() ?? null;
}

/**
 * "In Zaporizhzhia a woman was injured ... [later, about another place] ... the injured woman has died":
 * a sentence without a place of its own whose figures are all about "the <person>" already reported
 * belongs to the place where that person was first reported, not to the latest place.
 */
function backReference(i: number, facts: SentenceFacts[], places: SentencePlaces[]): SentencePlaces | null {
  const p = places[i]!;
  const figs = facts[i]!.figures;
  if (!p.carried || !figs.length || !figs.every((x) => x.rule === 'singular-person' && /^the\s/iu.test(x.quote))) return null;
  const nouns = new Set(figs.map(singularNoun));
  for (let j = i - 1; j >= 0; j--) {
    const prior = facts[j]!.figures.find((x) => !/^the\s/iu.test(x.quote) && nouns.has(singularNoun(x)));
    if (!prior) continue;
    const q = places[j]!;
    return q.targets.length === 1 && q.targets[0]!.key !== p.targets[0]?.key ? { targets: q.targets, carried: true, wideScope: q.wideScope } : null;
  }
  return null;
}

/**
 * "Nikopol district came under artillery fire ... In Nikopol a man was injured": the settlements of a
 * region-level report that name no weapon themselves were hit by the region's weapons.
 */
function inheritRegionWeapons(region: ExtractedEvent, events: ExtractedEvent[]): void {
  const weapons = region.weapons.filter((w) => w !== 'unknown');
  if (!weapons.length) return;
  for (const e of events) {
    // Settlements, and raions under an oblast-level report.
    const below = e.location.city || (e !== region && e.location.raion && !region.location.raion);
    if (!below || e.location.oblast !== region.location.oblast || e.date !== region.date) continue;
    if (region.location.raion && e.location.raion !== region.location.raion) continue;
    if (e.weapons.some((w) => w !== 'unknown')) continue;
    e.weapons = [...weapons];
    e.sub_event_type = subEventTypeFor(e.weapons);
    e.evidence.push(...region.evidence.filter((x) => x.field === 'weapon').map((x) => ({ ...x, certainty: 'implied' as const, rule: 'region-weapon' })));
    sortByStart(e.evidence);
  }
}

const CLAUSE_BREAK = /;|:|,\s+(?:and|while|whereas|but)\s|\s+(?:while|whereas)\s|,\s+(?:а|і|та|и|но)\s|\.\s/giu;

/** Where the clauses of a sentence begin (offsets in the sentence), and where the sentence starts in the text. */
interface Clauses {
  sStart: number;
  bounds: number[];
}

/** The clauses of text[sStart, sEnd): the same for every fact of the sentence, so found once. */
function clausesOf(text: string, sStart: number, sEnd: number): Clauses {
  const sentence = text.slice(sStart, sEnd);
  const bounds = [0];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) bounds.push(m.index! + 1);
  bounds.push(sentence.length);
  return { sStart, bounds };
}

/** The index of the clause holding text offset pos. */
function clauseOf(c: Clauses, pos: number): number {
  const rel = pos - c.sStart;
  for (let k = c.bounds.length - 1; k >= 0; k--) if (c.bounds[k]! <= rel) return k;
  return 0;
}

/** The target whose clause holds the fact: same clause, else the nearest place before it in the sentence. */
function clauseTarget(start: number, end: number, targets: Target[], clauses: Clauses): Target | null {
  const c = clauseOf(clauses, start);
  const same = targets.filter((t) => clauseOf(clauses, t.resolved.span.start) === c);
  if (same.length === 1) return same[0]!;
  if (same.length > 1) {
    // "a man was killed in Bilozerka and two women injured in Antonivka": the place right after the figure.
    const after = same.filter((t) => t.resolved.span.start >= end && t.resolved.span.start - end < 40);
    if (after.length) return after.sort((a, b) => a.resolved.span.start - b.resolved.span.start)[0]!;
    return null;
  }
  return null;
}

function claim(figs: Figure[], places: string[], scope: WiderClaim['scope'], f: SentenceFacts, ref: string | null): WiderClaim {
  const killed = figs.filter((x) => x.field === 'killed');
  const injured = figs.filter((x) => x.field === 'injured');
  return {
    scope,
    places,
    oblast: null,
    date: f.dates[0]?.date ?? ref,
    killed: killed.length ? Math.max(...killed.map((x) => x.value)) : null,
    injured: injured.length ? Math.max(...injured.map((x) => x.value)) : null,
    at_least: figs.some((x) => x.atLeast),
    evidence: figs.filter((x) => x.field === 'killed' || x.field === 'injured').map((x) => ({ field: x.field, start: x.start, end: x.end, quote: x.quote, value: x.value, rule: x.rule, certainty: 'stated' as const })),
  };
}

/** Figures of the one named place in a "Kyiv and other cities" claim fill what its own reports lack. */
function fillFromWiderClaims(events: ExtractedEvent[], wider: WiderClaim[]): void {
  for (const w of wider) {
    if (w.scope !== 'multi_settlement') continue;
    const named = events.filter((e) => e.location.city && w.places.includes(e.location.city));
    if (named.length !== 1 || w.places.length !== 1) continue;
    const e = named[0]!;
    for (const field of ['killed', 'injured'] as const) {
      const own = e.evidence.some((x) => x.field === field && x.certainty === 'stated');
      const v = w[field];
      if (own || v === null) continue;
      // Killed can be attributed (a death is a death where it happened); injured from a wider toll would inflate.
      if (field === 'injured') continue;
      e[field] = v;
      e.evidence.push(...w.evidence.filter((x) => x.field === field).map((x) => ({ ...x, certainty: 'implied' as const, rule: 'wider-claim-single-place' })));
    }
  }
}

function chooseFigure(figs: Figure[]): { value: number; atLeast: boolean; used: Figure[] } | null {
  if (!figs.length) return null;
  // "ще 11 поранені" beside the killed is a plain statement of the injured, not an addition to them.
  const base = figs.filter((f) => !f.additive || f.besides);
  const updates = base.filter((f) => f.update);
  let chosen: Figure | undefined;
  if (updates.length) chosen = updates[updates.length - 1];
  else if (base.length) chosen = base.reduce((a, b) => (b.value > a.value ? b : a));
  // A live blog's later, larger figure is newer than the update before it ("rose to 7" ... "16:10 Поранених — 12").
  if (chosen?.update) for (const f of base) if (f.start > chosen.start && f.value > chosen.value && !f.atLeast) chosen = f;
  let value = chosen?.value ?? 0;
  const used: Figure[] = chosen ? [chosen] : [];
  for (const f of figs) {
    if (f.additive && !f.besides && (!chosen || f.start > chosen.start)) {
      value += f.value;
      used.push(f);
    }
  }
  return { value, atLeast: used.some((f) => f.atLeast), used };
}

/**
 * The date cue of a place's own sentences: the first stated one, attack sentences (rank 0) before
 * toll updates; with none stated, the first of the lowest rank. (What a stable sort by rank, then the
 * first stated, else the first, picks; found in one pass.)
 */
function ownDate(dates: Bucket['dates']): DateCue | undefined {
  let best: Bucket['dates'][number] | undefined;
  for (const d of dates) {
    if (!best) best = d;
    else if (best.cue.certainty !== 'stated' && d.cue.certainty === 'stated') best = d;
    else if ((best.cue.certainty === 'stated') === (d.cue.certainty === 'stated') && d.rank < best.rank) best = d;
  }
  return best?.cue;
}

/** The report's date cue for places without one of their own: its first stated date, else its first date. */
function firstReportDate(facts: SentenceFacts[]): DateCue | undefined {
  let first: DateCue | undefined;
  for (const f of facts) {
    if (f.rhetorical || f.historical) continue;
    for (const d of f.dates) {
      if (d.certainty === 'stated') return d;
      first ??= d;
    }
  }
  return first;
}

function toEvent(b: Bucket, input: BuildInput, fromReport: DateCue | undefined): ExtractedEvent {
  const evidence: Evidence[] = [];
  const t = b.target;
  const p = t.place;
  const span = t.resolved.span;
  evidence.push({ field: 'location', start: span.start, end: span.end, quote: span.text, value: p?.name ?? null, rule: `gazetteer:${span.level}`, certainty: 'stated' });

  const figures: Record<FigureField, number | null> = { killed: null, injured: null, hospitalized: null, children_killed: null, children_injured: null };
  let atLeast = false;
  for (const field of FIELDS) {
    const c = chooseFigure(b.figures.filter((f) => f.field === field));
    if (!c) continue;
    figures[field] = c.value;
    atLeast ||= c.atLeast;
    for (const f of c.used) evidence.push({ field, start: f.start, end: f.end, quote: f.quote, value: f.value, rule: f.rule, certainty: 'stated' });
  }
  // Totals include children and the hospitalized.
  if (figures.children_injured !== null) figures.injured = Math.max(figures.injured ?? 0, figures.children_injured);
  if (figures.children_killed !== null) figures.killed = Math.max(figures.killed ?? 0, figures.children_killed);
  if (figures.hospitalized !== null) figures.injured = Math.max(figures.injured ?? 0, figures.hospitalized);
  // "Усі поранені госпіталізовані", "усіх доставили до лікарні": as many hospitalized as injured.
  if (b.figures.some((f) => f.all)) figures.hospitalized = figures.injured ? Math.max(figures.hospitalized ?? 0, figures.injured) : figures.hospitalized || null;
  if (b.noCasualties) {
    figures.killed ??= 0;
    figures.injured ??= 0;
  }
  if (figures.injured !== null && figures.killed === null) figures.killed = 0;

  // Weapons: a place's own account wins over a list naming several places when it counts strikes by weapon.
  let ownCounted = false;
  for (const hits of b.ownWeapons.values()) ownCounted ||= hits.some((w) => w.count);
  // ... and when its own account names the weapon that hit it ("drones and missiles attacked Kharkiv and
  // Zaporizhzhia ... In Kharkiv, a missile hit"); debris ("hit by drone debris") tells an interception, not the weapon.
  let ownStrong = false;
  for (const [w, hits] of b.ownWeapons) ownStrong ||= w !== 'unknown' && hits.some((h) => !DEBRIS.test(h.text));
  const weaponSource = ownCounted || ownStrong ? [b.ownWeapons] : [b.ownWeapons, b.listWeapons];
  const weapons = new Set<Weapon>();
  const weaponCounts: Record<string, number> = {};
  for (const map of weaponSource) {
    for (const [w, hits] of map) {
      if (w === 'unknown') continue;
      weapons.add(w);
      for (const h of hits) {
        evidence.push({ field: 'weapon', start: h.start, end: h.end, quote: h.text, value: w, rule: 'lexicon', certainty: 'stated' });
        const count = (h as { count?: number | null }).count;
        if (count) weaponCounts[w] = Math.max(weaponCounts[w] ?? 0, count);
      }
    }
  }
  if (!weapons.size) weapons.add('unknown');
  const weaponList = WEAPONS.filter((w) => weapons.has(w));

  const facilities: ExtractedEvent['facilities'] = [];
  // One entry per category and wording, whatever the case. Each wording goes into its category's set
  // both as found and lower-cased, so a wording found before (or the lower-cased form of one) is known
  // without lower-casing it again; any other is new exactly when its lower-cased form is.
  const listed = new Map<FacilityCategory, Set<string>>();
  for (const f of b.facilities) {
    let wordings = listed.get(f.category);
    if (!wordings) listed.set(f.category, (wordings = new Set()));
    if (!wordings.has(f.text)) {
      const lower = f.text.toLowerCase();
      if (!wordings.has(lower)) facilities.push({ category: f.category, text: f.text });
      wordings.add(f.text).add(lower);
    }
    evidence.push({ field: 'facility', start: f.start, end: f.end, quote: f.text, value: f.category, rule: 'lexicon', certainty: 'stated' });
  }
  const utilities: ExtractedEvent['utilities'] = [];
  for (const u of b.utilities) {
    const prev = utilities.find((x) => x.utility === u.utility);
    if (!prev) utilities.push({ utility: u.utility, text: u.text, affected: u.affected, unit: u.unit });
    else if (prev.affected == null && u.affected != null) Object.assign(prev, { affected: u.affected, unit: u.unit });
    evidence.push({ field: 'utility', start: u.start, end: u.end, quote: u.text, value: u.utility, rule: 'lexicon', certainty: 'stated' });
  }
  const officials: ExtractedEvent['officials'] = [];
  for (const o of b.officials) {
    const prev = officials.find((x) => x.name === o.name);
    if (!prev) officials.push({ name: o.name, role: o.role });
    else if (!prev.role || (o.role && o.role.length > prev.role.length)) prev.role = o.role;
    evidence.push({ field: 'official', start: o.start, end: o.end, quote: o.quote, value: o.name, rule: 'official', certainty: 'stated' });
  }
  const districts = [...new Set(b.districts.map((d) => d.name))];
  for (const d of b.districts) evidence.push({ field: 'district', start: d.start, end: d.end, quote: d.quote, value: d.name, rule: 'gazetteer:city_district', certainty: 'stated' });

  // Date: the place's own sentences first, then the report's first date cue, then the reference date.
  const own = ownDate(b.dates);
  const dateCue = own ?? fromReport;
  const date = dateCue?.date ?? input.reference;
  if (dateCue) evidence.push({ field: 'date', start: dateCue.start, end: dateCue.end, quote: dateCue.quote, value: dateCue.date, rule: dateCue.rule, certainty: own ? dateCue.certainty : 'implied' });

  const region = p && ['oblast', 'raion', 'hromada'].includes(p.kind);
  const ambiguous = !p;
  const common = t.resolved.candidates;
  const sameOblast = common.length && common.every((c) => c.oblast === common[0]!.oblast) ? common[0]!.oblast : null;
  const geo: 1 | 2 | 3 = ambiguous ? 3 : p!.kind === 'oblast' ? 3 : p!.kind === 'raion' || p!.kind === 'hromada' || span.near || p!.coord_source !== 'exact' ? 2 : 1;
  const location: ExtractedEvent['location'] = {
    city: ambiguous ? common[0]?.name ?? span.text : region ? null : p!.name,
    districts,
    raion: ambiguous ? null : p!.kind === 'oblast' ? null : p!.raion,
    hromada: ambiguous ? null : p!.hromada,
    oblast: ambiguous ? sameOblast : p!.oblast,
    country: 'Ukraine',
    lat: ambiguous ? null : p!.lat,
    lon: ambiguous ? null : p!.lon,
    geo_precision: geo,
    katottg: ambiguous ? null : p!.katottg,
    ...(ambiguous ? { ambiguous: true, candidates: common.slice(0, 20).map((c) => ({ name: c.name, oblast: c.oblast, raion: c.raion, katottg: c.katottg, lat: c.lat, lon: c.lon })) } : {}),
  };
  const placeKey = ambiguous ? t.key : p!.id;
  // One-shot hash: the digest createHash('sha1').update(…).digest('hex') gives, without a Hash object per event.
  const id = hash('sha1', `${input.reportId}|${date ?? ''}|${placeKey}`, 'hex').slice(0, 16);
  const stated = new Set<Evidence['field']>();
  for (const e of evidence) if (e.certainty === 'stated') stated.add(e.field);
  const confidence = Math.min(0.95, 0.45 + (ambiguous ? -0.15 : 0.1) + (stated.has('weapon') ? 0.1 : 0) + (stated.has('killed') || stated.has('injured') ? 0.15 : 0) + (stated.has('date') ? 0.05 : 0) + (stated.has('official') ? 0.05 : 0) + (stated.has('facility') ? 0.05 : 0));
  return {
    id,
    date,
    date_precision: 'day',
    location,
    event_type: 'Explosions/Remote violence',
    sub_event_type: subEventTypeFor(weaponList),
    weapons: weaponList,
    weapon_counts: weaponCounts,
    killed: figures.killed,
    injured: figures.injured,
    at_least: atLeast,
    hospitalized: figures.hospitalized,
    children_killed: figures.children_killed,
    children_injured: figures.children_injured,
    facilities,
    utilities,
    officials,
    evidence: sortByStart(evidence),
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** Longer lists go to Array.prototype.sort: insertion sort's quadratic worst case stays small below this. */
const INSERTION_SORT_MAX = 32;

/**
 * Sorts evidence in place by start offset, stably, and returns it: what
 * evidence.sort((a, b) => a.start - b.start) gives. An event's few items are mostly in order
 * already, and an insertion sort that moves an item only past items starting strictly after it
 * keeps ties in order (so it is stable, and a stable sort's result is unique), without the
 * builtin's comparator calls.
 */
export function sortByStart(evidence: Evidence[]): Evidence[] {
  if (evidence.length > INSERTION_SORT_MAX) return evidence.sort((a, b) => a.start - b.start);
  for (let i = 1; i < evidence.length; i++) {
    const item = evidence[i]!;
    let k = i;
    while (k > 0 && evidence[k - 1]!.start > item.start) {
      evidence[k] = evidence[k - 1]!;
      k--;
    }
    evidence[k] = item;
  }
  return evidence;
}
