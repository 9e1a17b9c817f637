/**
 * Extraction throughput on one core: 10,000 generated reports of 0.8-4.2 KB, 2.5 KB on average (en, uk, ru;
 * bench/support/extract-reports.ts), reports/s,
 * MB/s and peak RSS (the process's high-water mark) with the whole gazetteer loaded, per language and in all, by wall clock and by CPU
 * time (process.cpuUsage: on a shared machine the wall clock also counts the others' work). Prints
 * figures; never gates a test. STRIKEWATCH_BENCH_N sets the number of reports.
 */
import { extractReport } from '../src/extract/index.js';
import { benchLanguageOf as langOf, benchReports } from './support/extract-reports.js';

const N = Number(process.env.STRIKEWATCH_BENCH_N ?? 10000);
const reports = benchReports(N);
const bytes = reports.reduce((a, r) => a + Buffer.byteLength(r.text), 0);
// Warm-up: load the gazetteer and compile the language packs outside the timed loop.
for (let i = 0; i < 200; i++) extractReport(reports[i]!);
let events = 0;
// Timed per language (the reports are interleaved in the list; each language's loop keeps their order).
// CPU time (process.cpuUsage) beside wall time: on a shared machine wall-clock figures are inflated.
const per: { lang: string; n: number; bytes: number; wall: number; cpu: number }[] = [];
for (const lang of ['en', 'uk', 'ru']) {
  const mine = reports.filter((_, i) => langOf(i) === lang);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < mine.length; i++) {
    events += extractReport(mine[i]!).events.length;
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  per.push({ lang, n: mine.length, bytes: mine.reduce((a, r) => a + Buffer.byteLength(r.text), 0), wall, cpu: (c.user + c.system) / 1e6 });
}
// The process's high-water mark (getrusage ru_maxrss, KiB): every moment counts, the gazetteer load
// included, where sampling the RSS every few hundred reports could miss the peak between two samples.
const peak = process.resourceUsage().maxRSS * 1024;
const wall = per.reduce((a, p) => a + p.wall, 0);
const cpu = per.reduce((a, p) => a + p.cpu, 0);
const rate = (n: number, b: number, s: number) => `${(n / s).toFixed(0)} reports/s, ${(b / 1e6 / s).toFixed(2)} MB/s`;
console.log('extract');
console.log(`  ${N} reports (${per.map((p) => `${p.n} ${p.lang}`).join(', ')}), ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / N).toFixed(0)} B avg, ${events} events`);
console.log(`  throughput (wall): ${rate(N, bytes, wall)} on one core (target >= 2,000 reports/s of ~2.5 KB)`);
console.log(`  throughput (CPU):  ${rate(N, bytes, cpu)} (${cpu.toFixed(2)} s CPU for ${wall.toFixed(2)} s wall)`);
for (const p of per) console.log(`    ${p.lang}: wall ${rate(p.n, p.bytes, p.wall)}; CPU ${rate(p.n, p.bytes, p.cpu)}, ${((p.cpu / p.bytes) * 1e9).toFixed(1)} µs/KB`);
console.log(`  peak RSS: ${(peak / 1e6).toFixed(0)} MB (target < 300 MB)`);
