/** data/geo/oblasts.geojson, the dashboard's base map: complete, small, named as the gazetteer names oblasts. */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { simplify, simplifyRing } from '../../scripts/build-shapes.js';
import { REPO_ROOT } from './web-build.js';

const FILE = path.join(REPO_ROOT, 'data/geo/oblasts.geojson');

interface Feature {
  properties: { name: string; katottg: string; kind: string };
  geometry: { type: string; coordinates: number[][][][] };
}

describe('oblast shapes', () => {
  const geo = JSON.parse(readFileSync(FILE, 'utf8')) as { type: string; features: Feature[] };
  const table = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data/gazetteer/sources/oblasts.json'), 'utf8')) as Record<string, { name: string } | string>;

  test('27 first-level units, each with its KATOTTG code and the gazetteer name', () => {
    assert.equal(geo.type, 'FeatureCollection');
    assert.equal(geo.features.length, 27);
    for (const f of geo.features) {
      const entry = table[f.properties.katottg];
      assert.ok(entry && typeof entry !== 'string', f.properties.katottg);
      assert.equal(f.properties.name, entry.name);
      assert.doesNotMatch(f.properties.name, /oblast/i);
    }
    assert.equal(new Set(geo.features.map((f) => f.properties.katottg)).size, 27);
    assert.deepEqual(geo.features.filter((f) => f.properties.kind === 'city').map((f) => f.properties.name).sort(), ['Kyiv', 'Sevastopol']);
  });

  test('small enough to ship and serve (under 600 KB), rings closed, coordinates inside Ukraine', () => {
    assert.ok(statSync(FILE).size < 600 * 1024);
    for (const f of geo.features) {
      assert.equal(f.geometry.type, 'MultiPolygon');
      assert.ok(f.geometry.coordinates.length > 0, f.properties.name);
      for (const ring of f.geometry.coordinates.flat()) {
        assert.ok(ring.length >= 4);
        assert.deepEqual(ring[0], ring.at(-1));
        for (const [lon, lat] of ring) assert.ok(lon! > 21 && lon! < 41 && lat! > 43.5 && lat! < 53, `${f.properties.name}: ${lon},${lat}`);
      }
    }
  });

  test('Douglas-Peucker keeps corners and drops points within tolerance', () => {
    assert.deepEqual(simplify([[0, 0], [1, 0.001], [2, 0], [2, 2]], 0.01), [[0, 0], [2, 0], [2, 2]]);
    const square: Array<[number, number]> = [[0, 0], [0.5, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    assert.deepEqual(simplifyRing(square, 0.01), [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    assert.equal(simplifyRing([[0, 0], [0.0001, 0], [0, 0.0001], [0, 0]], 0.01), null);
  });
});
