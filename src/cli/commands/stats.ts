/** `strikewatch stats`: counts of what the database holds. */
import type { Command } from 'commander';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import { addStoreOptions } from './ingest.js';

export function registerStats(program: Command): void {
  addStoreOptions(program.command('stats').description('counts of reports, mentions, events and rejected inputs'))
    .option('--json', 'print JSON {"reports","mentions","events","rejected",…}')
    .option('--full', 'with --json: also counts by day, oblast, weapon and status')
    .action(async (opts: { db?: string; databaseUrl?: string; json?: boolean; full?: boolean }) => {
      const store = await openStore(storeOptionsFrom(opts));
      try {
        const s = await store.stats();
        if (opts.json) {
          const out = opts.full ? s : { reports: s.reports, mentions: s.mentions, events: s.events, rejected: s.rejected, duplicates: s.duplicates };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          process.stdout.write(
            `reports ${s.reports} (near-duplicates ${s.duplicates})\nmentions ${s.mentions}\nevents ${s.events}\nrejected ${s.rejected}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
