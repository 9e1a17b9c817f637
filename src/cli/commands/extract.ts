/**
 * `strikewatch extract FILE...`: reads reports (.txt/.md, .html, .jsonl, feeds, Telegram exports, `-`
 * for stdin) and prints their events as NDJSON, one line per report in input order, or a table.
 */
import type { Command } from 'commander';
import { extractReport } from '../../extract/index.js';
import { formatRejection, readPaths } from '../../ingest/index.js';
import type { ExtractionResult } from '../../domain/event.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the attack events in reports, every figure with the quote it came from')
    .argument('<files...>', 'report files or folders (.txt, .md, .html, .jsonl, RSS/Atom, Telegram result.json); - for stdin')
    .option('--published <date>', 'reference date (YYYY-MM-DD) for reports that carry none')
    .option('--format <format>', 'ndjson or table', 'ndjson')
    .action(async (files: string[], opts: { published?: string; format: string }) => {
      if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) throw new Error(`--published expects YYYY-MM-DD, got "${opts.published}"`);
      if (opts.format !== 'ndjson' && opts.format !== 'table') throw new Error(`--format is ndjson or table, got "${opts.format}"`);
      let rejected = 0;
      for await (const item of readPaths(files, opts.published ? { published: opts.published } : {})) {
        if (item.kind === 'rejected') {
          rejected++;
          process.stderr.write(`strikewatch: ${formatRejection(item)}\n`);
          continue;
        }
        const result = extractReport(item.report, opts.published ? { referenceDate: opts.published } : {});
        for (const w of result.warnings) process.stderr.write(`strikewatch: ${item.report.id}: ${w}\n`);
        process.stdout.write(opts.format === 'table' ? table(result) : JSON.stringify(result) + '\n');
      }
      if (rejected) process.exitCode = 1;
    });
}

function table(r: ExtractionResult): string {
  const lines = [`${r.id} (${r.lang}, reference ${r.reference_date ?? 'none'}): ${r.events.length} event(s)`];
  for (const e of r.events) {
    const where = [e.location.city, e.location.districts.join('/') || null, e.location.oblast && `${e.location.oblast} oblast`].filter(Boolean).join(', ');
    const fig = (v: number | null) => (v === null ? '-' : String(v));
    lines.push(
      `  ${e.date ?? '????-??-??'}  ${where}${e.location.ambiguous ? ' (ambiguous)' : ''}  ${e.weapons.join('+')}  killed ${fig(e.killed)}  injured ${fig(e.injured)}${e.at_least ? ' (at least)' : ''}` +
        (e.hospitalized !== null ? `  hospitalized ${e.hospitalized}` : '') +
        (e.children_killed || e.children_injured ? `  children ${fig(e.children_killed)}/${fig(e.children_injured)}` : ''),
    );
    if (e.facilities.length) lines.push(`      damaged: ${e.facilities.map((f) => `${f.text} (${f.category})`).join(', ')}`);
    if (e.utilities.length) lines.push(`      outages: ${e.utilities.map((u) => u.utility + (u.affected ? ` ${u.affected} ${u.unit ?? ''}`.trimEnd() : '')).join(', ')}`);
    if (e.officials.length) lines.push(`      officials: ${e.officials.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)).join('; ')}`);
    for (const ev of e.evidence.filter((x) => ['killed', 'injured', 'hospitalized', 'children_killed', 'children_injured'].includes(x.field))) {
      lines.push(`      ${ev.field}: "${ev.quote}" [${ev.start}-${ev.end}]`);
    }
  }
  for (const w of r.context.wider_claims) lines.push(`  wider claim (${w.scope}${w.places.length ? `: ${w.places.join(', ')}` : ''}): killed ${w.killed ?? '-'}, injured ${w.injured ?? '-'}${w.at_least ? ' (at least)' : ''}`);
  return lines.join('\n') + '\n';
}
