/**
 * Gazetteer benchmark: load time and heap of the whole gazetteer, and scan throughput over report text.
 * Prints figures; never gates a test.
 */
import { UkraineGazetteer } from '../src/gazetteer/gazetteer.js';

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
// CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
const c0 = process.cpuUsage();
const t0 = performance.now();
const g = UkraineGazetteer.load();
const loadMs = performance.now() - t0;
const loadCpuMs = cpuMs(c0);
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;

const paragraphs = [
  'Overnight, Russian drones attacked Kharkiv; Mayor Ihor Terekhov said the Industrialnyi and Kyivskyi districts were hit and 14 people were injured.',
  'У ніч на 3 березня ворог атакував Одесу ударними БпЛА. Пошкоджено багатоповерхівку, поранено двох людей, повідомив Олег Кіпер.',
  'Нікопольщина. Росіяни атакували Нікополь, Марганецьку та Червоногригорівську громади з артилерії. Поранено 54-річного чоловіка.',
  'В Харькове в результате удара КАБ ранены 12 человек, среди них двое детей, сообщил глава Харьковской ОВА Олег Синегубов.',
  'In Kherson Oblast, shelling hit Bilozerka, Antonivka and Stanislav; a man was killed near Beryslav and two women were injured in Kherson.',
  'The attacks come as talks continue. Air defence shot down 88 of 112 drones across the country, the Air Force said on Telegram.',
];
const reports: string[] = [];
for (let i = 0; i < 2000; i++) {
  const n = 3 + (i % 6);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(paragraphs[(i * 7 + k * 3) % paragraphs.length]!);
  reports.push(parts.join('\n\n'));
}
const bytes = reports.reduce((a, r) => a + Buffer.byteLength(r), 0);
let spans = 0;
const c1 = process.cpuUsage();
const t1 = performance.now();
for (const r of reports) spans += g.resolve(g.scan(r), r).length;
const scanMs = performance.now() - t1;
const scanCpuMs = cpuMs(c1);

console.log('gazetteer');
console.log(`  units: ${JSON.stringify(g.stats)}`);
console.log(`  load: ${loadMs.toFixed(0)} ms wall, ${loadCpuMs.toFixed(0)} ms CPU, heap ${heapMb.toFixed(1)} MB (targets: < 300 ms, < 80 MB)`);
console.log(`  scan+resolve: ${(reports.length / (scanMs / 1000)).toFixed(0)} reports/s, ${(bytes / 1e6 / (scanMs / 1000)).toFixed(1)} MB/s wall; ${(reports.length / (scanCpuMs / 1000)).toFixed(0)} reports/s, ${(bytes / 1e6 / (scanCpuMs / 1000)).toFixed(1)} MB/s CPU; ${spans} spans over ${reports.length} reports (${(bytes / reports.length).toFixed(0)} B avg)`);

function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}
