/**
 * Extraction throughput on one core: 10,000 generated reports of varied length (en, uk, ru), reports/s,
 * MB/s and peak RSS with the whole gazetteer loaded, per language and in all, by wall clock and by CPU
 * time (process.cpuUsage: on a shared machine the wall clock also counts the others' work). Prints
 * figures; never gates a test. STRIKEWATCH_BENCH_N sets the number of reports.
 */
import { extractReport } from '../src/extract/index.js';
import type { ReportInput } from '../src/domain/report.js';

const N = Number(process.env.STRIKEWATCH_BENCH_N ?? 10000);
const cities = ['Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Sumy', 'Kherson', 'Mykolaiv', 'Kryvyi Rih', 'Poltava', 'Chernihiv', 'Kramatorsk', 'Nikopol'];
const en = [
  (c: string, n: number) => `Russian drones attacked ${c} overnight, injuring ${n} people including a child, the regional governor said on Telegram.`,
  (c: string, n: number) => `A missile strike on ${c} damaged an apartment building, a school and a substation; ${n} residents sought medical help.`,
  (c: string) => `About 12,000 subscribers in ${c} were left without power after the attack, the energy company said.`,
  () => 'The attacks come as negotiators continue talks on a ceasefire framework, with no agreement reached so far.',
  () => 'Air defence shot down 88 of 112 drones launched overnight across the country, the Air Force said.',
  (c: string, n: number) => `Later the number of injured in ${c} rose to ${n + 2}, the mayor said, adding that rescuers were still working at the site.`,
];
const uk = [
  (n: number) => `Сьогодні вночі ворог атакував Харків ударними БпЛА. Поранено ${n} людей, серед них дитина. Пошкоджено багатоповерхівку та автівки.`,
  () => 'Нікопольщина. Росіяни атакували Нікополь, Марганецьку та Червоногригорівську громади з артилерії. Поранено 54-річного чоловіка.',
  (n: number) => `У ніч на 14 січня ворог атакував Одесу дронами. Загинув чоловік, ще ${n} людей поранені. Частина міста знеструмлена.`,
];
const ru = [(n: number) => `В Харькове в результате удара КАБ ранены ${n} человек, среди них двое детей, сообщил глава Харьковской ОВА Олег Синегубов.`];

function report(i: number): ReportInput {
  const c = cities[i % cities.length]!;
  const lang = i % 10 < 6 ? 'en' : i % 10 < 9 ? 'uk' : 'ru';
  const parts: string[] = [];
  const len = 4 + (i % 13);
  for (let k = 0; k < len; k++) {
    if (lang === 'en') parts.push(en[(i + k) % en.length]!(c, 1 + ((i + k) % 9)));
    else if (lang === 'uk') parts.push(uk[(i + k) % uk.length]!(2 + ((i + k) % 5)));
    else parts.push(ru[0]!(2 + ((i + k) % 7)));
  }
  return { id: `bench-${i}`, text: parts.join(k(i)), published: '2026-01-14', lang: null };
}
const k = (i: number) => (i % 3 === 0 ? '\n\n' : ' ');

const reports = Array.from({ length: N }, (_, i) => report(i));
const bytes = reports.reduce((a, r) => a + Buffer.byteLength(r.text), 0);
// Warm-up: load the gazetteer and compile the language packs outside the timed loop.
for (let i = 0; i < 200; i++) extractReport(reports[i]!);
let peak = process.memoryUsage().rss;
let events = 0;
// Timed per language (the reports are interleaved in the list; each language's loop keeps their order).
// CPU time (process.cpuUsage) beside wall time: on a shared machine wall-clock figures are inflated.
const langOf = (i: number) => (i % 10 < 6 ? 'en' : i % 10 < 9 ? 'uk' : 'ru');
const per: { lang: string; n: number; bytes: number; wall: number; cpu: number }[] = [];
for (const lang of ['en', 'uk', 'ru']) {
  const mine = reports.filter((_, i) => langOf(i) === lang);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < mine.length; i++) {
    events += extractReport(mine[i]!).events.length;
    if (i % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  per.push({ lang, n: mine.length, bytes: mine.reduce((a, r) => a + Buffer.byteLength(r.text), 0), wall, cpu: (c.user + c.system) / 1e6 });
}
peak = Math.max(peak, process.memoryUsage().rss);
const wall = per.reduce((a, p) => a + p.wall, 0);
const cpu = per.reduce((a, p) => a + p.cpu, 0);
const rate = (n: number, b: number, s: number) => `${(n / s).toFixed(0)} reports/s, ${(b / 1e6 / s).toFixed(2)} MB/s`;
console.log('extract');
console.log(`  ${N} reports (${per.map((p) => `${p.n} ${p.lang}`).join(', ')}), ${(bytes / 1e6).toFixed(1)} MB, ${(bytes / N).toFixed(0)} B avg, ${events} events`);
console.log(`  throughput (wall): ${rate(N, bytes, wall)} on one core (target >= 2,000 reports/s of ~2.5 KB)`);
console.log(`  throughput (CPU):  ${rate(N, bytes, cpu)} (${cpu.toFixed(2)} s CPU for ${wall.toFixed(2)} s wall)`);
for (const p of per) console.log(`    ${p.lang}: wall ${rate(p.n, p.bytes, p.wall)}; CPU ${rate(p.n, p.bytes, p.cpu)}, ${((p.cpu / p.bytes) * 1e9).toFixed(1)} µs/KB`);
console.log(`  peak RSS: ${(peak / 1e6).toFixed(0)} MB (target < 300 MB)`);
