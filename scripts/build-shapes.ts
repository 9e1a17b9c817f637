/**
 * Builds data/geo/oblasts.geojson, the dashboard's offline base map, from Minregion's 2021 oblast
 * polygons (CC BY-SA 4.0, "© Мінрегіон"; see data/geo/ATTRIBUTION.md):
 *   npx tsx scripts/build-shapes.ts [--shared ../shared/data] [--out data/geo] [--tolerance 0.004]
 *
 * The source is 2.5 MB of survey-grade rings; a country-scale map needs a fraction of that, so each
 * ring is simplified with Douglas-Peucker and rounded to 3 decimals (~100 m). Names come from our own
 * oblast table (data/gazetteer/sources/oblasts.json, keyed by KATOTTG) so the map's names are the
 * gazetteer's and the event filters match them. Deterministic: same input, byte-identical output.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

type Point = [number, number];
type Ring = Point[];

const SourceSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      properties: z.object({ ADMIN_1: z.string(), COD_1: z.string() }),
      geometry: z.object({
        type: z.literal('MultiPolygon'),
        coordinates: z.array(z.array(z.array(z.array(z.number()).min(2)))),
      }),
    }),
  ),
});

const OblastTableSchema = z.record(z.string(), z.union([z.string(), z.object({ name: z.string() })]));

/** Squared distance from p to the segment a–b (planar: fine at oblast scale for simplification). */
function segmentDistance2(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas-Peucker, iterative (rings have tens of thousands of points: no deep recursion). */
export function simplify(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let maxD = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i]!, points[first]!, points[last]!);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return Math.abs(a / 2);
}

/**
 * Simplifies a closed ring; null when it collapses. A closed ring starts and ends on the same point,
 * which Douglas-Peucker treats as a zero-length baseline, so the ring is split at its farthest point.
 */
export function simplifyRing(ring: Ring, tolerance: number): Ring | null {
  const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring.slice();
  if (open.length < 3) return null;
  let far = 0;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = (open[i]![0] - open[0]![0]) ** 2 + (open[i]![1] - open[0]![1]) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const a = simplify(open.slice(0, far + 1), tolerance);
  const b = simplify([...open.slice(far), open[0]!], tolerance);
  const out: Ring = [];
  for (const p of [...a, ...b.slice(1)]) {
    const q: Point = [round3(p[0]), round3(p[1])];
    const prev = out.at(-1);
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  if (out.length < 4) return null; // closed triangle at least: 3 distinct points + the closing one
  return out;
}

function main(): void {
  const shared = path.resolve(root, arg('--shared', '../shared/data'));
  const outDir = path.resolve(root, arg('--out', 'data/geo'));
  const tolerance = Number(arg('--tolerance', '0.004'));
  // Islets and spits below ~0.5 km² add bytes and nothing a reader of a country map can see.
  const minArea = 0.00005;

  const source = SourceSchema.parse(JSON.parse(readFileSync(path.join(shared, 'ua-minregion-atu/oblasts_minregion_2021.geojson'), 'utf8')));
  const table = OblastTableSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/gazetteer/sources/oblasts.json'), 'utf8')));

  const features = source.features
    .map((f) => {
      const code = f.properties.COD_1;
      const entry = table[code];
      if (!entry || typeof entry === 'string') throw new Error(`no oblast table entry for KATOTTG ${code} (${f.properties.ADMIN_1})`);
      const polygons: Ring[][] = [];
      for (const polygon of f.geometry.coordinates) {
        const rings: Ring[] = [];
        for (const [i, ring] of polygon.entries()) {
          const simplified = simplifyRing(ring.map((p) => [p[0]!, p[1]!] as Point), tolerance);
          if (!simplified || ringArea(simplified) < minArea) {
            if (i === 0) break; // outer ring gone: its holes go with it
            continue;
          }
          rings.push(simplified);
        }
        if (rings.length) polygons.push(rings);
      }
      // Kyiv city and Sevastopol share their names with the oblast/peninsula around them; `kind` tells them apart.
      const kind = /^Місто /.test(f.properties.ADMIN_1) ? 'city' : 'oblast';
      return {
        type: 'Feature' as const,
        properties: { name: entry.name, katottg: code, name_uk: f.properties.ADMIN_1, kind },
        geometry: { type: 'MultiPolygon' as const, coordinates: polygons },
      };
    })
    .sort((a, b) => a.properties.katottg.localeCompare(b.properties.katottg));

  const collection = { type: 'FeatureCollection', features };
  // One feature per line: small diffs when the source or tolerance changes, still compact.
  const body = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  JSON.parse(body); // guard: the hand-assembled envelope must stay valid JSON
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'oblasts.geojson');
  writeFileSync(out, body);
  const points = features.reduce((n, f) => n + f.geometry.coordinates.flat(2).length, 0);
  console.log(`${path.relative(root, out)}: ${collection.features.length} features, ${points} points, ${(body.length / 1024).toFixed(0)} KB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
