/**
 * `strikewatch reextract`: runs the current extractor over every stored report after an upgrade.
 * Analysts' locked fields, statuses, notes, merges and splits survive (see Store.replaceExtraction).
 */
import type { Command } from 'commander';
import { openStore, storeOptionsFrom } from '../../store/open-store.js';
import { addStoreOptions, loadPipeline } from './ingest.js';

export function registerReextract(program: Command): void {
  addStoreOptions(program.command('reextract').description('re-run the extractor over stored reports, keeping analyst edits')).action(
    async (opts: { db?: string; databaseUrl?: string }) => {
      const { extract } = await loadPipeline();
      const store = await openStore(storeOptionsFrom(opts));
      let n = 0;
      let failed = 0;
      let created = 0;
      let updated = 0;
      try {
        for await (const r of store.iterateReports()) {
          try {
            const x = extract(
              { id: r.id, text: r.text, title: r.title, url: r.url, source: r.source, published: r.published, lang: r.lang as never },
              { referenceDate: r.published ? r.published.slice(0, 10) : null },
            );
            const res = await store.replaceExtraction(r.id, x);
            created += res.events_created;
            updated += res.events_updated;
          } catch (err) {
            failed++;
            process.stderr.write(`report ${r.id}: ${err instanceof Error ? err.message : String(err)}\n`);
          }
          n++;
        }
      } finally {
        await store.close();
      }
      process.stderr.write(`re-extracted ${n} reports (${failed} failed); events created ${created}, updated ${updated}\n`);
      if (failed) process.exitCode = 1;
    },
  );
}
