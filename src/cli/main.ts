/**
 * The `strikewatch` command line. Each subcommand lives in its own file under commands/ and
 * registers itself here; data goes to stdout, messages and progress to stderr.
 */
import { Command } from 'commander';
import { registerExtract } from './commands/extract.js';
import { registerPlaces } from './commands/places.js';
import { registerIngest } from './commands/ingest.js';
import { registerReextract } from './commands/reextract.js';
import { registerStats } from './commands/stats.js';
import { registerServe } from './commands/serve.js';
import { registerWatch } from './commands/watch.js';
import { registerWork } from './commands/work.js';

const program = new Command();
program
  .name('strikewatch')
  .description('Turns reports of attacks on cities into verified, structured, sourced event data.')
  .version('0.1.0')
  .showHelpAfterError();

registerExtract(program);
registerPlaces(program);
registerIngest(program);
registerStats(program);
registerReextract(program);
registerServe(program);
registerWatch(program);
registerWork(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`strikewatch: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
