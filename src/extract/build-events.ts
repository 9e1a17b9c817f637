/**
 * Stage 3 of extraction: one event per attacked place and day, from the facts attributed to it.
 * Figures follow the coding rules: an update ("rose to") supersedes; otherwise the largest statement
 * of a figure stands (a later "a girl was injured" is part of "14 injured", not a new total);
 * "another two" adds; only injuries reported → killed 0; children also count in the totals.
 */
import { createHash } from 'node:crypto';
import type { Evidence, ExtractedEvent, WiderClaim } from '../domain/event.js';
import { subEventTypeFor, WEAPONS, type FacilityCategory, type Utility, type Weapon } from '../domain/vocabulary.js';
import type { SentenceFacts } from './analyze-sentence.js';
import type { SentencePlaces, Target } from './attribute.js';
import type { Figure, FigureField } from './rules/casualties.js';

interface Bucket {
  target: Target;
  sentences: number[];
  attacked: boolean;
  figures: Figure[];
  noCasualties: boolean;
  ownWeapons: Map<Weapon, { start: number; end: number; text: string; count: number | null }[]>;
  listWeapons: Map<Weapon, { start: number; end: number; text: string }[]>;
  facilities: { category: FacilityCategory; text: string; start: number; end: number }[];
  utilities: { utility: Utility; text: string; affected: number | null; unit: string | null; start: number; end: number }[];
  officials: { name: string; role: string | null; start: number; end: number; quote: string }[];
  districts: { name: string; start: number; end: number; quote: string }[];
  dates: { date: string; start: number; end: number; quote: string; rule: string; certainty: 'stated' | 'implied' }[];
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
      b = { target: t, sentences: [], attacked: false, figures: [], noCasualties: false, ownWeapons: new Map(), listWeapons: new Map(), facilities: [], utilities: [], officials: [], districts: [], dates: [] };
      buckets.set(t.key, b);
    }
    return b;
  };
  const reportDates = facts.filter((f) => !f.rhetorical && !f.historical).flatMap((f) => f.dates);

  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    const p = places[i]!;
    if (f.rhetorical || f.historical || f.aboutRussia) continue;
    const hasFacts = f.figures.length > 0 || f.weapons.some((w) => w.key !== 'unknown') || f.facilities.length > 0 || f.utilities.length > 0;
    if (!p.targets.length) {
      if (f.figures.length && (p.wideScope || f.national)) wider.push(claim(f.figures, [], f.national ? 'national' : 'multi_settlement', f, input.reference));
      continue;
    }
    // Figures: one target, or split by clause; the rest become wider claims.
    const single = p.targets.length === 1 ? p.targets[0]! : null;
    if (f.figures.length) {
      if (p.carried && p.wideScope) {
        wider.push(claim(f.figures, p.targets.map((t) => t.place?.name ?? t.resolved.span.text), 'multi_settlement', f, input.reference));
      } else if (single && !(p.wideScope && !p.carried)) {
        bucket(single).figures.push(...f.figures);
      } else {
        const unplaced: Figure[] = [];
        for (const fig of f.figures) {
          const t = clauseTarget(fig.start, fig.end, p.targets, text, f.sentence.start, f.sentence.end);
          if (t && !p.wideScope) bucket(t).figures.push(fig);
          else unplaced.push(fig);
        }
        if (unplaced.length) wider.push(claim(unplaced, p.targets.map((t) => t.place?.name ?? t.resolved.span.text), p.wideScope && !single ? 'multi_settlement' : f.national ? 'national' : 'multi_settlement', f, input.reference));
      }
    }
    // "Kyiv and other cities were reeling": the sentence speaks of more than its named places.
    if (p.wideScope) continue;
    for (const t of p.targets) {
      const b = bucket(t);
      b.sentences.push(i);
      if (f.attack || hasFacts) b.attacked = true;
      if (f.noCasualties) b.noCasualties = true;
      if (t.district) {
        const span = t.resolved.span;
        b.districts.push({ name: t.district, start: span.start, end: span.end, quote: span.text });
      }
      for (const w of f.weapons) {
        const map = single ? b.ownWeapons : b.listWeapons;
        const list = map.get(w.key) ?? [];
        list.push({ start: w.start, end: w.end, text: w.text, ...(single ? { count: w.count } : {}) } as never);
        map.set(w.key, list);
      }
      const mine = <T extends { start: number; end: number }>(items: T[]) =>
        single ? items : items.filter((it) => clauseTarget(it.start, it.end, p.targets, text, f.sentence.start, f.sentence.end)?.key === t.key);
      b.facilities.push(...mine(f.facilities).map((h) => ({ category: h.key, text: h.text, start: h.start, end: h.end })));
      b.utilities.push(...mine(f.utilities));
      for (const o of f.officials) {
        let role = o.role;
        if (role && /^(?:mayor|governor|head of the city military administration)$/.test(role) && t.place && single) role = `${role} of ${t.place.name}`;
        b.officials.push({ name: o.name, role, start: o.start, end: o.end, quote: o.quote });
      }
      b.dates.push(...f.dates);
    }
  }

  const events: ExtractedEvent[] = [];
  for (const b of buckets.values()) {
    if (!b.attacked) continue;
    events.push(toEvent(b, input, reportDates));
  }
  // A region-level event beside settlement events of the same region repeats them: keep it as a claim.
  const settledOblasts = new Set(events.filter((e) => e.location.city).map((e) => e.location.oblast));
  const kept = events.filter((e) => {
    if (e.location.city || !e.location.oblast || !settledOblasts.has(e.location.oblast)) return true;
    if (e.killed || e.injured) {
      wider.push({ scope: 'oblast', places: [e.location.oblast], oblast: e.location.oblast, date: e.date, killed: e.killed, injured: e.injured, at_least: e.at_least, evidence: e.evidence.filter((x) => x.field === 'killed' || x.field === 'injured') });
    }
    return false;
  });
  fillFromWiderClaims(kept, wider);
  return { events: kept, wider };
}

/** The target whose clause holds the fact: same clause, else the nearest place before it in the sentence. */
function clauseTarget(start: number, end: number, targets: Target[], text: string, sStart: number, sEnd: number): Target | null {
  const sentence = text.slice(sStart, sEnd);
  const bounds = [0];
  for (const m of sentence.matchAll(/;|:|,\s+(?:and|while|whereas|but)\s|\s+(?:while|whereas)\s|,\s+(?:а|і|та|и|но)\s|\.\s/giu)) bounds.push(m.index! + 1);
  bounds.push(sentence.length);
  const clauseOf = (pos: number) => {
    const rel = pos - sStart;
    for (let k = bounds.length - 1; k >= 0; k--) if (bounds[k]! <= rel) return k;
    return 0;
  };
  const c = clauseOf(start);
  const same = targets.filter((t) => clauseOf(t.resolved.span.start) === c);
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
  const base = figs.filter((f) => !f.additive);
  const updates = base.filter((f) => f.update);
  let chosen: Figure | undefined;
  if (updates.length) chosen = updates[updates.length - 1];
  else if (base.length) chosen = base.reduce((a, b) => (b.value > a.value ? b : a));
  let value = chosen?.value ?? 0;
  const used: Figure[] = chosen ? [chosen] : [];
  for (const f of figs) {
    if (f.additive && (!chosen || f.start > chosen.start)) {
      value += f.value;
      used.push(f);
    }
  }
  return { value, atLeast: used.some((f) => f.atLeast), used };
}

function toEvent(b: Bucket, input: BuildInput, reportDates: SentenceFacts['dates']): ExtractedEvent {
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
  if (b.noCasualties) {
    figures.killed ??= 0;
    figures.injured ??= 0;
  }
  if (figures.injured !== null && figures.killed === null) figures.killed = 0;

  // Weapons: a place's own account wins over a list naming several places when it counts strikes by weapon.
  const ownCounted = [...b.ownWeapons.values()].some((l) => l.some((w) => (w as { count?: number | null }).count));
  const weaponSource = ownCounted ? [b.ownWeapons] : [b.ownWeapons, b.listWeapons];
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
  for (const f of b.facilities) {
    if (!facilities.some((x) => x.category === f.category && x.text.toLowerCase() === f.text.toLowerCase())) facilities.push({ category: f.category, text: f.text });
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
  const own = b.dates.find((d) => d.certainty === 'stated') ?? b.dates[0];
  const fromReport = reportDates.find((d) => d.certainty === 'stated') ?? reportDates[0];
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
  const id = createHash('sha1').update(`${input.reportId}|${date ?? ''}|${placeKey}`).digest('hex').slice(0, 16);
  const stated = new Set(evidence.filter((e) => e.certainty === 'stated').map((e) => e.field));
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
    evidence: evidence.sort((a, b) => a.start - b.start),
    confidence: Math.round(confidence * 100) / 100,
  };
}
