/**
 * `strikewatch places QUERY [--oblast NAME] [--json]`: gazetteer look-up, best match first.
 */
import type { Command } from 'commander';
import { getGazetteer } from '../../gazetteer/index.js';

export function registerPlaces(program: Command): void {
  program
    .command('places')
    .description('look up settlements, districts, hromadas, raions and oblasts of Ukraine by any name form')
    .argument('<query>', 'a name in any script or grammatical case ("Харкові", "Kharkov", "Kozacha Lopan")')
    .option('--oblast <name>', 'only places in this oblast')
    .option('--limit <n>', 'at most this many results', '20')
    .option('--json', 'print a JSON array')
    .action((query: string, opts: { oblast?: string; limit: string; json?: boolean }) => {
      const g = getGazetteer();
      if (opts.oblast && !g.oblast(opts.oblast)) {
        throw new Error(`unknown oblast "${opts.oblast}"`);
      }
      const results = g.search(query, { oblast: opts.oblast, limit: Number(opts.limit) || 20 });
      if (opts.json) {
        const rows = results.map((p) => ({
          name: p.name, name_uk: p.name_uk, name_ru: p.name_ru, oblast: p.oblast, raion: p.raion, hromada: p.hromada,
          kind: p.kind, lat: p.lat, lon: p.lon, katottg: p.katottg, precision: p.precision,
        }));
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      if (!results.length) {
        process.stderr.write(`no place matches "${query}"\n`);
        process.exitCode = 1;
        return;
      }
      for (const p of results) {
        const where = [p.hromada && `${p.hromada} hromada`, p.raion && `${p.raion} raion`, p.oblast && `${p.oblast} oblast`].filter(Boolean).join(', ');
        const coords = p.lat === null ? 'no coordinates' : `${p.lat.toFixed(4)}, ${p.lon!.toFixed(4)}${p.coord_source === 'approximate' ? ' (approx.)' : ''}`;
        process.stdout.write(`${p.name} (${p.name_uk}) — ${p.kind}; ${where}; ${coords}; ${p.katottg ?? ''}\n`);
      }
    });
}
