/**
 * Versioned migrations, supplied to Kysely's Migrator from a static map (bundles cleanly, no
 * file-system scanning). Names sort in application order; never rename or edit a shipped one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './0001-initial.js';
import { listIndexes } from './0002-list-indexes.js';
import { statsIndexes } from './0003-stats-indexes.js';
import { eventListItems } from './0004-event-list-items.js';
import type { MigrationContext } from './migration-context.js';

export function migrationProvider(ctx: MigrationContext): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-initial': initial(ctx),
        '0002-list-indexes': listIndexes(),
        '0003-stats-indexes': statsIndexes(),
        '0004-event-list-items': eventListItems(),
      };
    },
  };
}
