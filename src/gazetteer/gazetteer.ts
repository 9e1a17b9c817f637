/**
 * The gazetteer of Ukraine: loads the shipped data (data/gazetteer/gazetteer.json, built by
 * scripts/build-gazetteer.ts), compiles every name form into one trie, and answers scan / resolve /
 * search for extraction, the CLI and the API.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { NameTrie, NameTrieBuilder, tokenize, type EntryLevel, type SerializedTrie, type Token, type TrieEntry } from './name-trie.js';
import { hasCyrillic, normalizeName } from './normalize.js';
import { russianVariant, russianVariants } from './stems.js';
import { isCommonWord, PLACE_CONTEXT_TEXT, CYRILLIC_STOP_TOKENS, FIRST_NAMES, STREET_WORDS, LATIN_STOP_TOKENS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, NEAR_WORDS } from './context-words.js';
import type { Gazetteer, Place, PlaceKind, PlaceSearchResult, PlaceSpan, ResolvedPlace } from './types.js';

interface OblastRow {
  code: string;
  uk: string;
  name: string;
  uk_adj: string | null;
  uk_region: string[];
  ru_adj: string | null;
  ru_region: string[];
  en: string[];
}
type RaionRow = [code: string, oblast: number, uk: string, latin: string];
type HromadaRow = [code: string, raion: number, uk: string, latin: string, lat: number | null, lon: number | null];
type SettlementRow = [
  code: string, hromada: number, raion: number, oblast: number, kind: string, uk: string, latin: string, ru: string | null,
  lat: number | null, lon: number | null, src: number, pop: number, alt: string[],
];
type DistrictRow = [code: string, settlement: number, uk: string, latin: string];

interface GazetteerData {
  oblasts: OblastRow[];
  raions: RaionRow[];
  hromadas: HromadaRow[];
  settlements: SettlementRow[];
  districts: DistrictRow[];
}

/** data/gazetteer/name-index.json: the compiled trie and the gazetteer file it was compiled from. */
export interface NameIndexFile {
  _about: string;
  /** SHA-256 over the gazetteer file and the place-context word lists the trie was compiled from. */
  inputs_sha256: string;
  trie: SerializedTrie;
}

const inputsFingerprint = (gazetteerText: string) => createHash('sha256').update(gazetteerText).update('\0').update(PLACE_CONTEXT_TEXT).digest('hex');

const KIND_RANK: Record<string, number> = { capital: 0, city: 1, urban_settlement: 2, rural_settlement: 3, village: 4 };

/** Romanized adjective → the name a reader expects: "Kharkivskyi" raion; "Industrialnyi" district. */
function stripAdjective(latin: string): string {
  return latin.replace(/(s|ts|z)kyi$/, '').replace(/(ivs|ivs)$/, 'iv');
}

/**
 * The settlements (30,000 of the 32,000 units) as columns instead of one 13-element array per row:
 * numbers in typed arrays, the four names of every row in one string: about 6 MB less than the parsed
 * rows (30,000 arrays, 120,000 strings, boxed coordinates). Values read back are the rows' own (a null
 * lat/lon as NaN, which JSON cannot hold; kinds as an index into the distinct kind strings); the
 * alternative names only feed the compile, which reads the rows themselves.
 */
class SettlementTable {
  readonly length: number;
  readonly hromada: Int32Array;
  readonly raion: Int32Array;
  readonly oblast: Int32Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly pop: Float64Array;
  readonly src: Uint8Array;
  private readonly kindOf: Uint8Array;
  private readonly kinds: string[] = [];
  /** code, uk, latin, ru of row i: text.slice(at[4i + f], at[4i + f + 1]); a null ru has hasRu[i] = 0. */
  private readonly text: string;
  private readonly at: Int32Array;
  private readonly hasRu: Uint8Array;

  constructor(rows: SettlementRow[]) {
    const n = rows.length;
    this.length = n;
    this.hromada = new Int32Array(n);
    this.raion = new Int32Array(n);
    this.oblast = new Int32Array(n);
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.pop = new Float64Array(n);
    this.src = new Uint8Array(n);
    this.kindOf = new Uint8Array(n);
    this.at = new Int32Array(4 * n + 1);
    this.hasRu = new Uint8Array(n);
    const parts: string[] = [];
    let length = 0;
    rows.forEach(([code, hromada, raion, oblast, kind, uk, latin, ru, lat, lon, src, pop], i) => {
      this.hromada[i] = hromada;
      this.raion[i] = raion;
      this.oblast[i] = oblast;
      this.lat[i] = lat ?? NaN;
      this.lon[i] = lon ?? NaN;
      this.pop[i] = pop;
      this.src[i] = src;
      let k = this.kinds.indexOf(kind);
      if (k < 0) k = this.kinds.push(kind) - 1;
      this.kindOf[i] = k;
      this.hasRu[i] = ru === null ? 0 : 1;
      [code, uk, latin, ru ?? ''].forEach((t, f) => {
        this.at[4 * i + f] = length;
        parts.push(t);
        length += t.length;
      });
    });
    this.at[4 * n] = length;
    this.text = parts.join('');
  }

  private field(i: number, f: number): string {
    return this.text.slice(this.at[4 * i + f]!, this.at[4 * i + f + 1]!);
  }

  code(i: number): string {
    return this.field(i, 0);
  }

  uk(i: number): string {
    return this.field(i, 1);
  }

  latin(i: number): string {
    return this.field(i, 2);
  }

  ru(i: number): string | null {
    return this.hasRu[i] ? this.field(i, 3) : null;
  }

  kind(i: number): string {
    return this.kinds[this.kindOf[i]!]!;
  }
}

export class UkraineGazetteer implements Gazetteer {
  private readonly data: Omit<GazetteerData, 'settlements'>;
  private readonly settlements: SettlementTable;
  private readonly trie: NameTrie;
  /** Each unit's Place, built on first use: one slot per unit of each level, indexed by ref. */
  private readonly placeCache: Record<EntryLevel, (Place | undefined)[]>;

  /** Compiles the names from `data`, unless a trie compiled from the same data is given. */
  constructor(data: GazetteerData, trie?: NameTrie) {
    const { settlements, ...units } = data;
    this.data = units;
    this.settlements = new SettlementTable(settlements);
    this.placeCache = {
      settlement: new Array<Place | undefined>(settlements.length),
      city_district: new Array<Place | undefined>(data.districts.length),
      hromada: new Array<Place | undefined>(data.hromadas.length),
      raion: new Array<Place | undefined>(data.raions.length),
      oblast: new Array<Place | undefined>(data.oblasts.length),
    };
    this.trie = trie ?? NameTrie.deserialize(UkraineGazetteer.compile(data).serialize());
  }

  /**
   * Loads the shipped data with its precompiled name index (data/gazetteer/name-index.json, written
   * by scripts/build-name-index.ts). The index names the SHA-256 of the inputs it was compiled from
   * (gazetteer file, place-context word lists); when that does not match (or the index is missing) the names are compiled here,
   * which is correct but about five times slower. test/gazetteer/name-index.test.ts keeps the
   * shipped index equal to a fresh compile.
   */
  static load(file = dataPath('gazetteer', 'gazetteer.json'), indexFile = dataPath('gazetteer', 'name-index.json')): UkraineGazetteer {
    const raw = readFileSync(file, 'utf8');
    const data = JSON.parse(raw) as GazetteerData;
    if (existsSync(indexFile)) {
      const index = JSON.parse(readFileSync(indexFile, 'utf8')) as NameIndexFile;
      if (index.inputs_sha256 === inputsFingerprint(raw)) return new UkraineGazetteer(data, NameTrie.deserialize(index.trie));
    }
    return new UkraineGazetteer(data);
  }

  /** The name index file for a gazetteer file's text (for the build script and its check). */
  static buildNameIndex(raw: string): NameIndexFile {
    return {
      _about: 'Built by scripts/build-name-index.ts from gazetteer.json; do not edit by hand.',
      inputs_sha256: inputsFingerprint(raw),
      trie: UkraineGazetteer.compile(JSON.parse(raw) as GazetteerData).serialize(),
    };
  }

  /** Every name form of every unit, keyed by stems (see stems.ts). */
  private static compile(data: GazetteerData): NameTrieBuilder {
    const t = new NameTrieBuilder();
    const { oblasts, raions, hromadas, settlements, districts } = data;
    oblasts.forEach((o, ref) => {
      const e: TrieEntry = { level: 'oblast', ref };
      const isCity = o.code.startsWith('UA80') || o.code.startsWith('UA85');
      if (isCity) return; // Kyiv and Sevastopol are matched as settlements.
      for (const adj of [o.uk_adj, o.ru_adj]) {
        if (!adj) continue;
        t.add(`${adj} область`, e);
        t.add(`${adj} обл`, e);
        // "Харківська ОВА" / "Днепропетровская ОВА": the region's administration names the region.
        for (const admin of ['ОВА', 'ОДА', 'ОВА/ОДА']) t.add(`${adj} ${admin}`, e);
      }
      for (const r of [...o.uk_region, ...o.ru_region]) t.add(r, e);
      if (o.code.startsWith('UA01')) {
        t.add(o.uk, e);
        t.add('Автономная Республика Крым', e);
      }
      for (const en of o.en) {
        for (const suffix of ['oblast', 'region', 'province', 'regional']) t.add(`${en} ${suffix}`, e);
      }
      if (o.code.startsWith('UA01')) t.add('Crimea', e);
    });
    // "Нікопольщина", "Павлоградщина": a raion's area named like an oblast's ("Харківщина"); where the two
    // coincide (Харківський район / Харківщина) the word means the oblast, so the raion does not get it.
    const regionWords = new Set(oblasts.flatMap((o) => [...o.uk_region, ...o.ru_region]).map(normalizeName));
    raions.forEach(([, , uk, latin], ref) => {
      const e: TrieEntry = { level: 'raion', ref };
      const area = raionArea(uk);
      if (area && !regionWords.has(normalizeName(area))) for (const a of new Set([area, russianVariant(area)])) t.add(a, e);
      for (const adj of [uk, ...russianVariants(uk)]) {
        t.add(`${adj} район`, e);
        t.add(`${adj} р-н`, e);
      }
      // "Iziumskyi" is Izium's raion, "Kupianskyi" Kupiansk's: the town is the adjective less -skyi or less -yi.
      for (const n of new Set([latin, stripAdjective(latin), latin.replace(/skyi$/, 'sk')])) for (const w of ['district', 'raion']) t.add(`${n} ${w}`, e);
    });
    hromadas.forEach(([, , uk, latin], ref) => {
      const e: TrieEntry = { level: 'hromada', ref };
      for (const adj of [uk, ...russianVariants(uk)]) {
        t.add(`${adj} громада`, e);
        t.add(`${adj} община`, e);
        t.add(`${adj} ТГ`, e);
        t.add(`${adj} ОТГ`, e);
      }
      for (const w of ['hromada', 'community']) t.add(`${latin} ${w}`, e);
    });
    settlements.forEach(([, , , , kind, uk, latin, ru, , , , , alt], ref) => {
      const e: TrieEntry = { level: 'settlement', ref };
      const names = new Set<string>([uk, latin, ...alt]);
      if (ru) names.add(ru);
      else if (kind === 'village' || kind === 'rural_settlement') names.add(russianVariant(uk));
      for (const n of names) t.add(n, isCommonWord(n) && kind !== 'city' && kind !== 'capital' ? { ...e, needsQualifier: true } : e);
    });
    districts.forEach(([, , uk, latin], ref) => {
      const e: TrieEntry = { level: 'city_district', ref };
      for (const adj of [uk, ...russianVariants(uk)]) {
        t.add(`${adj} район`, e);
        t.add(`${adj} р-н`, e);
      }
      t.add(`${latin} district`, e);
      t.add(`${stripAdjective(latin)} district`, e);
    });
    return t;
  }

  private isCity(ref: number): boolean {
    const kind = this.settlements.kind(ref);
    return kind === 'city' || kind === 'capital';
  }

  // ---- places ----------------------------------------------------------------------------------

  private oblastName(i: number): string | null {
    return i >= 0 ? (this.data.oblasts[i]?.name ?? null) : null;
  }

  private settlementPlace(ref: number): Place {
    const hit = this.placeCache.settlement[ref];
    if (hit) return hit;
    const t = this.settlements;
    const code = t.code(ref);
    const hromada = t.hromada[ref]!;
    const raion = t.raion[ref]!;
    const src = t.src[ref]!;
    const place: Place = {
      id: code,
      katottg: code,
      kind: t.kind(ref) as PlaceKind,
      name: t.latin(ref),
      name_uk: t.uk(ref),
      name_ru: t.ru(ref),
      oblast: this.oblastName(t.oblast[ref]!),
      raion: raion >= 0 ? this.data.raions[raion]![3] : null,
      hromada: hromada >= 0 ? this.data.hromadas[hromada]![3] : null,
      city: null,
      lat: nullIfNaN(t.lat[ref]!),
      lon: nullIfNaN(t.lon[ref]!),
      coord_source: src === 1 ? 'exact' : src === 2 ? 'approximate' : 'none',
      population: t.pop[ref]! || null,
    };
    this.placeCache.settlement[ref] = place;
    return place;
  }

  private unitPlace(level: EntryLevel, ref: number): Place {
    if (level === 'settlement') return this.settlementPlace(ref);
    const cache = this.placeCache[level];
    const hit = cache[ref];
    if (hit) return hit;
    let place: Place;
    if (level === 'oblast') {
      const o = this.data.oblasts[ref]!;
      const centre = this.oblastCentre(ref);
      place = {
        id: o.code, katottg: o.code, kind: 'oblast', name: o.name, name_uk: o.uk_adj ? `${o.uk_adj} область` : o.uk, name_ru: o.ru_adj ? `${o.ru_adj} область` : null,
        oblast: o.name, raion: null, hromada: null, city: null, lat: centre?.lat ?? null, lon: centre?.lon ?? null,
        coord_source: centre ? 'approximate' : 'none', population: null,
      };
    } else if (level === 'raion') {
      const [code, oblast, uk, latin] = this.data.raions[ref]!;
      const centre = this.largestIn(this.settlements.raion, ref);
      place = {
        id: code, katottg: code, kind: 'raion', name: latin, name_uk: `${uk} район`, name_ru: null, oblast: this.oblastName(oblast), raion: latin,
        hromada: null, city: null, lat: centre?.lat ?? null, lon: centre?.lon ?? null, coord_source: centre ? 'approximate' : 'none', population: null,
      };
    } else if (level === 'hromada') {
      const [code, raion, uk, latin, lat, lon] = this.data.hromadas[ref]!;
      const r = this.data.raions[raion];
      place = {
        id: code, katottg: code, kind: 'hromada', name: latin, name_uk: `${uk} громада`, name_ru: null, oblast: r ? this.oblastName(r[1]) : null,
        raion: r ? r[3] : null, hromada: latin, city: null, lat, lon, coord_source: lat === null ? 'none' : 'approximate', population: null,
      };
    } else {
      const [code, settlement, uk, latin] = this.data.districts[ref]!;
      const city = this.settlementPlace(settlement);
      place = {
        id: code, katottg: code, kind: 'city_district', name: latin, name_uk: `${uk} район`, name_ru: null, oblast: city.oblast, raion: city.raion,
        hromada: city.hromada, city: city.name, lat: city.lat, lon: city.lon, coord_source: city.lat === null ? 'none' : 'approximate', population: null,
      };
    }
    cache[ref] = place;
    return place;
  }

  private oblastCentre(oblastRef: number): { lat: number; lon: number } | null {
    return this.largestIn(this.settlements.oblast, oblastRef);
  }

  /** The point of the most populous settlement with coordinates whose unit column holds ref (the first of equals). */
  private largestIn(unit: Int32Array, ref: number): { lat: number; lon: number } | null {
    const t = this.settlements;
    let best = -1;
    for (let i = 0; i < t.length; i++) if (unit[i] === ref && !Number.isNaN(t.lat[i]!) && (best < 0 || t.pop[i]! > t.pop[best]!)) best = i;
    return best >= 0 ? { lat: t.lat[best]!, lon: t.lon[best]! } : null;
  }

  private rankCandidates(places: Place[]): Place[] {
    return places.sort(
      (a, b) =>
        (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) || (b.population ?? 0) - (a.population ?? 0) || a.id.localeCompare(b.id),
    );
  }

  // ---- scan ------------------------------------------------------------------------------------

  scan(text: string): PlaceSpan[] {
    const tokens = tokenize(text);
    const spans: PlaceSpan[] = [];
    const lists: { span: number; first: number; unit: Token }[] = [];
    for (let i = 0; i < tokens.length; ) {
      const tok = tokens[i]!;
      // A person's name: a given name and the capitalized word after it ("Олег Синегубов", "Igor Terekhov").
      if (tok.capitalized && FIRST_NAMES.has(tok.norm) && qualifierBefore(tokens, i, text).qualifier === null) {
        const next = tokens[i + 1];
        i += next && next.capitalized && /^\s{1,2}$/.test(text.slice(tok.end, next.start)) ? 2 : 1;
        continue;
      }
      const m = tok.capitalized ? this.trie.matchAt(tokens, i, text) : null;
      if (!m) {
        i++;
        continue;
      }
      const single = m.first === m.last;
      const cyrillic = hasCyrillic(tok.raw);
      const latinStop = !cyrillic && (tok.raw.length < 3 || LATIN_STOP_TOKENS.has(tok.norm));
      // Found once: every path from here reads it (the stop-word test below only when it is null).
      const before = qualifierBefore(tokens, i, text);
      if (single && before.qualifier === null && (latinStop || (cyrillic && CYRILLIC_STOP_TOKENS.has(tok.norm)) || namesSomethingElse(tokens, i, text))) {
        i++;
        continue;
      }
      const after = qualifierAfter(tokens, m.last);
      // An ordinary word ("Мирне життя", "Peremoha") is a village only when a qualifier says so.
      const plainWord = m.first === m.last && before.qualifier === null && isCommonWord(tok.norm);
      const entries = m.entries.filter(
        (e) => (!e.needsQualifier && !(plainWord && e.level === 'settlement' && !this.isCity(e.ref))) || before.qualifier !== null,
      );
      if (!entries.length) {
        i++;
        continue;
      }
      // One span has one level: the most specific unit the words name.
      const level = pickLevel(entries, (e) => this.unitPlace(e.level, e.ref));
      const candidates = this.rankCandidates(entries.filter((e) => e.level === level).map((e) => this.unitPlace(e.level, e.ref)));
      const start = tok.start;
      const end = tokens[m.last]!.end;
      spans.push({
        start, end, text: text.slice(start, end), level, candidates,
        qualifier: before.qualifier ?? after, near: before.near,
      });
      if (m.last > m.first && PLURAL_UNIT_WORDS.has(tokens[m.last]!.norm)) lists.push({ span: spans.length - 1, first: m.first, unit: tokens[m.last]! });
      i = m.last + 1;
    }
    return lists.length ? this.withListedUnits(spans, lists, tokens, text) : spans;
  }

  /**
   * Names listed before one plural unit word share it: "у Дарницькому, Солом'янському та Оболонському
   * районах", "Хортицький та Вознесенівський райони", "the Saltivskyi and Kyivskyi districts",
   * "Покровской, Червоногригорьевской громадам". Each listed adjective becomes a span of that unit's
   * level, replacing what it matched alone (the village Дарницьке, the town Покровськ).
   */
  private withListedUnits(spans: PlaceSpan[], lists: { span: number; first: number; unit: Token }[], tokens: Token[], text: string): PlaceSpan[] {
    const added: PlaceSpan[] = [];
    for (const list of lists) {
      const { span, unit } = list;
      let first = list.first;
      const level = spans[span]!.level;
      let k = first - 1;
      while (k >= 0) {
        // Step over one separator: a comma (in the gap) and/or a conjunction token.
        let adj = k;
        if (LIST_CONJUNCTIONS.has(tokens[adj]!.norm)) adj--;
        if (adj < 0) break;
        const gap = listGap(text, tokens, adj, adj === k ? first : k);
        if (!/^[\s,]*$/.test(gap) || (adj === k && !gap.includes(','))) break;
        const cand = tokens[adj]!;
        if (!cand.capitalized) break;
        const synthetic = `${cand.raw} ${unit.raw}`;
        const m = this.trie.matchAt(tokenize(synthetic), 0, synthetic);
        const entries = m && m.last === 1 ? m.entries.filter((e) => e.level === level) : [];
        if (!entries.length) break;
        added.push({
          start: cand.start, end: cand.end, text: cand.raw, level,
          candidates: this.rankCandidates(entries.map((e) => this.unitPlace(e.level, e.ref))),
          qualifier: unit.raw, near: false,
        });
        first = adj;
        k = adj - 1;
      }
    }
    if (!added.length) return spans;
    const kept = spans.filter((s) => !added.some((a) => a.start < s.end && s.start < a.end));
    return [...kept, ...added].sort((a, b) => a.start - b.start);
  }

  // ---- resolve ---------------------------------------------------------------------------------

  resolve(spans: PlaceSpan[], text: string): ResolvedPlace[] {
    const certainOblasts = new Set<string>();
    const certainRaions = new Set<string>();
    const certainCities = new Set<string>();
    for (const s of spans) {
      // Certain: the only candidate, or a large city against small namesakes ("Харкові" vs the village Харкове).
      const p = s.candidates.length === 1 ? s.candidates[0]! : largeCityOf(s.candidates);
      if (!p) continue;
      if (s.level === 'oblast' || p.oblast) certainOblasts.add((s.level === 'oblast' ? p.name : p.oblast)!);
      if (s.level === 'raion') certainRaions.add(p.name);
      if (s.level === 'settlement') certainCities.add(p.name);
    }
    const certain = { oblasts: certainOblasts, raions: certainRaions, cities: certainCities };
    return spans.map((span) => {
      if (span.candidates.length <= 1) {
        return { span, place: span.candidates[0] ?? null, ambiguous: false, candidates: span.candidates, reason: 'only candidate' };
      }
      const names = new NamedAround(text, span, spans, certain);
      let pool = span.candidates;
      let reason = '';
      for (const [why, narrow] of RESOLVE_STEPS) {
        const kept = narrow(pool, names);
        if (kept.length && kept.length < pool.length) {
          pool = kept;
          reason = reason ? `${reason}; ${why}` : why;
        }
        if (pool.length === 1) break;
      }
      if (pool.length === 1) return { span, place: pool[0]!, ambiguous: false, candidates: pool, reason };
      return { span, place: null, ambiguous: true, candidates: pool, reason: reason || 'several places share the name' };
    });
  }

  // ---- search ----------------------------------------------------------------------------------

  search(query: string, options: { oblast?: string; limit?: number } = {}): PlaceSearchResult[] {
    const q = query.trim();
    if (!q) return [];
    // Capitalize so that lower-case queries still match (the scanner needs capitals in running text).
    const text = q.charAt(0).toUpperCase() + q.slice(1);
    const spans = this.scan(text);
    const oblast = options.oblast ? this.oblast(options.oblast) : null;
    const seen = new Set<string>();
    const out: PlaceSearchResult[] = [];
    for (const span of spans) {
      const coverage = (span.end - span.start) / text.length;
      for (const p of span.candidates) {
        if (seen.has(p.id)) continue;
        if (oblast && p.oblast !== oblast.name) continue;
        seen.add(p.id);
        const precision: 1 | 2 | 3 =
          p.kind === 'oblast' || p.kind === 'raion' ? 3 : p.kind === 'hromada' || p.coord_source !== 'exact' ? 2 : 1;
        const score = coverage * (1 / (1 + (KIND_RANK[p.kind] ?? 5))) + Math.log10(1 + (p.population ?? 0)) / 10;
        out.push({ ...p, precision, score: Math.round(score * 1000) / 1000 });
      }
    }
    out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return out.slice(0, options.limit ?? 50);
  }

  oblast(name: string): Place | null {
    const n = normalizeName(name).replace(/\s+(oblast|region|province|область|обл\.?)$/u, '');
    for (let i = 0; i < this.data.oblasts.length; i++) {
      const o = this.data.oblasts[i]!;
      const names = [o.name, o.uk, o.uk_adj, o.ru_adj, ...o.uk_region, ...o.ru_region, ...o.en].filter((x): x is string => !!x);
      if (names.some((x) => normalizeName(x) === n)) {
        // Kyiv city and Kyiv Oblast share the name "Kyiv"; a bare "Kyiv" filter means both, return the oblast.
        return this.unitPlace('oblast', i);
      }
    }
    const spans = this.scan(name.charAt(0).toUpperCase() + name.slice(1));
    const hit = spans.find((s) => s.level === 'oblast');
    return hit?.candidates[0] ?? null;
  }

  oblasts(): Place[] {
    return this.data.oblasts.map((_, i) => this.unitPlace('oblast', i));
  }

  get stats(): { settlements: number; districts: number; hromadas: number; raions: number; oblasts: number; names: number } {
    const d = this.data;
    return { settlements: this.settlements.length, districts: d.districts.length, hromadas: d.hromadas.length, raions: d.raions.length, oblasts: d.oblasts.length, names: this.trie.size };
  }
}

const nullIfNaN = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The characters between token a's end and token b's start, with list conjunctions taken out. */
function listGap(text: string, tokens: Token[], a: number, b: number): string {
  return text.slice(tokens[a]!.end, tokens[b]!.start).replace(CONJUNCTION_IN_GAP, '$1');
}

/** The "-щина" name of a raion's area: Нікопольський → Нікопольщина, Луцький → Луччина, Криворізький → Криворіжчина. */
function raionArea(adjective: string): string | null {
  if (/цький$/u.test(adjective)) return adjective.replace(/цький$/u, 'ччина');
  if (/зький$/u.test(adjective)) return adjective.replace(/зький$/u, 'жчина');
  if (/ський$/u.test(adjective)) return adjective.replace(/ський$/u, 'щина');
  return null;
}

/** Plural unit words that can close a list of names: "... та Оболонському районах". */
const PLURAL_UNIT_WORDS = new Set(['райони', 'районах', 'районам', 'районів', 'районы', 'районов', 'громади', 'громадах', 'громадам', 'громад', 'громады', 'общины', 'общинах', 'общинам', 'districts', 'raions', 'hromadas', 'communities']);
const LIST_CONJUNCTIONS = new Set(['та', 'і', 'й', 'и', 'and', 'or', 'або', 'или']);
const CONJUNCTION_IN_GAP = new RegExp(`(^|[\\s,])(${[...LIST_CONJUNCTIONS].join('|')})(?=[\\s,]|$)`, 'giu');

const isBig = (x: Place) => (x.population ?? 0) >= 50000 || x.kind === 'capital';

/**
 * The city of 50,000+ (or the capital) in the pool when every other place in it is small (under
 * 10,000 and not the capital); else undefined. One pass: a second big place rules out both.
 */
function largeCityOf(pool: Place[]): Place | undefined {
  let big: Place | undefined;
  for (const x of pool) {
    if (!isBig(x)) continue;
    if (big && big !== x) return undefined;
    big = x;
  }
  return big && pool.every((x) => x === big || (x.population ?? 0) < 10000) ? big : undefined;
}

/**
 * The names the resolution steps compare a span's candidates with: its sentence's places and the
 * report's certain ones. Each set is built on first use: most candidates lack the unit a step looks
 * at (a village has no city, an oblast no raion), and most spans are decided before the last steps.
 * (One object per span, not a closure per set: the sets are the same, only made without them.)
 */
class NamedAround {
  private sentencePlaces: PlaceSpan[] | undefined;
  private oblastsNear: Set<string> | undefined;
  private oblastsBeside: Set<string> | undefined;
  private raionsNear: Set<string> | undefined;
  private hromadasNear: Set<string> | undefined;
  private citiesNear: Set<string> | undefined;

  constructor(
    private readonly text: string,
    private readonly span: PlaceSpan,
    private readonly spans: PlaceSpan[],
    private readonly certain: { oblasts: Set<string>; raions: Set<string>; cities: Set<string> },
  ) {}

  certainOblasts(): Set<string> {
    return this.certain.oblasts;
  }

  certainRaions(): Set<string> {
    return this.certain.raions;
  }

  certainCities(): Set<string> {
    return this.certain.cities;
  }

  /** The other spans of the span's sentence. */
  private near(): PlaceSpan[] {
    if (!this.sentencePlaces) {
      const sentence = sentenceAround(this.text, this.span.start, this.span.end);
      this.sentencePlaces = this.spans.filter((o) => o !== this.span && o.start >= sentence.start && o.end <= sentence.end);
    }
    return this.sentencePlaces;
  }

  nearOblasts(): Set<string> {
    return (this.oblastsNear ??= new Set(this.near().filter((o) => o.level === 'oblast' && o.candidates.length === 1).map((o) => o.candidates[0]!.name)));
  }

  /**
   * "Kostiantynivka, Donetsk region", "Bilozerka in Kherson Oblast", "Донецька область, Костянтинівка": the
   * region written next to the name decides even against a large namesake elsewhere in the sentence.
   */
  besideOblasts(): Set<string> {
    return (this.oblastsBeside ??= new Set(
      this.near()
        .filter((o) => o.level === 'oblast' && o.candidates.length === 1 && isBeside(this.text, this.span, o))
        .map((o) => o.candidates[0]!.name),
    ));
  }

  nearRaions(): Set<string> {
    return (this.raionsNear ??= this.namesAt('raion'));
  }

  nearHromadas(): Set<string> {
    return (this.hromadasNear ??= this.namesAt('hromada'));
  }

  nearCities(): Set<string> {
    return (this.citiesNear ??= this.namesAt('settlement'));
  }

  /** The candidate names of the sentence's spans of one level. */
  private namesAt(level: EntryLevel): Set<string> {
    return new Set(this.near().filter((o) => o.level === level).flatMap((o) => o.candidates.map((c) => c.name)));
  }
}

/** The sets a resolution step may compare with. */
type NameSet = 'nearOblasts' | 'besideOblasts' | 'nearRaions' | 'nearHromadas' | 'nearCities' | 'certainOblasts' | 'certainRaions' | 'certainCities';

/** The candidates whose key (a city, hromada, raion or oblast name, or null) is among n's set `which` (built only when a key is not null). */
function withNameIn(pool: Place[], n: NamedAround, which: NameSet, key: (p: Place) => string | null): Place[] {
  const kept: Place[] = [];
  let set: Set<string> | undefined;
  for (const p of pool) {
    const k = key(p);
    if (k === null) continue;
    set ??= n[which]();
    if (set.has(k)) kept.push(p);
  }
  return kept;
}

const cityOfDistrict = (p: Place) => (p.kind === 'city_district' ? p.city : null);

/**
 * The disambiguation steps, in order: each narrows the pool to the candidates it prefers (an empty
 * result, or the whole pool, leaves the pool as it was).
 */
const RESOLVE_STEPS: [why: string, narrow: (pool: Place[], names: NamedAround) => Place[]][] = [
  ['city named beside the district', (pool, n) => withNameIn(pool, n, 'nearCities', cityOfDistrict)],
  ['hromada named in the same sentence', (pool, n) => withNameIn(pool, n, 'nearHromadas', (p) => p.hromada)],
  ['raion named in the same sentence', (pool, n) => withNameIn(pool, n, 'nearRaions', (p) => p.raion)],
  ['oblast named beside it', (pool, n) => withNameIn(pool, n, 'besideOblasts', (p) => p.oblast)],
  [
    'large city of that name',
    (pool) => {
      const big = largeCityOf(pool);
      return big ? pool.filter((p) => p === big) : [];
    },
  ],
  ['oblast named in the same sentence', (pool, n) => withNameIn(pool, n, 'nearOblasts', (p) => p.oblast)],
  ['city named in the report', (pool, n) => withNameIn(pool, n, 'certainCities', cityOfDistrict)],
  ['raion named in the report', (pool, n) => withNameIn(pool, n, 'certainRaions', (p) => p.raion)],
  // The report's region outranks "the only town of that name": Золочів in a Kharkiv ОВА post is Kharkiv's.
  ['oblast of the report', (pool, n) => withNameIn(pool, n, 'certainOblasts', (p) => p.oblast)],
  ['only city of that name', (pool) => pool.filter((p) => isOnlyCity(p, pool))],
];

/** The only city (місто) of that name against villages: towns are what reports name. */
function isOnlyCity(p: Place, pool: Place[]): boolean {
  const rural = (x: Place) => x.kind === 'village' || x.kind === 'rural_settlement';
  return p.kind === 'city' && pool.every((x) => x === p || rural(x));
}

/**
 * One span names one kind of unit: the most specific the words allow, except that a region name
 * ("Харківщина") beats villages that happen to share it.
 */
function pickLevel(entries: TrieEntry[], place: (e: TrieEntry) => Place): EntryLevel {
  const levels = entries.map((e) => e.level);
  if (levels.includes('oblast') && levels.includes('settlement')) {
    const towns = entries.filter((e) => e.level === 'settlement').map(place);
    if (towns.every((p) => p.kind === 'village' || p.kind === 'rural_settlement')) return 'oblast';
  }
  for (const l of ['city_district', 'settlement', 'hromada', 'raion', 'oblast'] as const) if (levels.includes(l)) return l;
  return levels[0]!;
}

/**
 * A one-word name that stands for something else: a street ("вулиця Харківська", "Kharkivska
 * Street") or a name in quotes («Град» the rocket system, «Нафтогаз»); the caller still takes it
 * when a settlement qualifier stands before it ("с. «Мирне»").
 */
function namesSomethingElse(tokens: Token[], i: number, text: string): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && STREET_WORDS.has(prev.norm) && /^[\s.]{1,3}$/.test(text.slice(prev.end, tokens[i]!.start))) return true;
  if (next && STREET_WORDS.has(next.norm) && /^\s{1,2}$/.test(text.slice(tokens[i]!.end, next.start))) return true;
  const before = text.slice(Math.max(0, tokens[i]!.start - 1), tokens[i]!.start);
  return before === '«' || before === '"' || before === '“' || before === '„';
}

function qualifierBefore(tokens: Token[], i: number, text: string): { qualifier: string | null; near: boolean } {
  let qualifier: string | null = null;
  let near = false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
    if (/[.!?;:\n]\s/.test(gap) && !/^\.\s$/.test(gap)) break;
    const w = tokens[k]!.norm;
    if (!qualifier && QUALIFIERS_BEFORE.has(w)) qualifier = tokens[k]!.raw;
    if (NEAR_WORDS.has(w)) near = true;
  }
  return { qualifier, near };
}

function qualifierAfter(tokens: Token[], last: number): string | null {
  const next = tokens[last + 1];
  return next && QUALIFIERS_AFTER.has(next.norm) ? next.raw : null;
}

/** Only punctuation, brackets and "in"/"of"/"у"/"в"/"на" stand between the name and the region. */
function isBeside(text: string, span: PlaceSpan, region: PlaceSpan): boolean {
  const between = region.start >= span.end ? text.slice(span.end, region.start) : region.end <= span.start ? text.slice(region.end, span.start) : null;
  if (between === null || between.length > 12) return false;
  return /^[\s,()–—-]*(?:(?:in|of|the|у|в|на)[\s]+)*[\s,()–—-]*$/iu.test(between);
}

function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !isSentenceEnd(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < text.length && !isSentenceEnd(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}

/** . ! ? or a line break */
const isSentenceEnd = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a;
