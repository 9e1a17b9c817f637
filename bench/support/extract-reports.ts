/**
 * The generated reports the extraction bench times (and scripts/extraction-fingerprint.ts replays):
 * English, Ukrainian and Russian reports built from wire, Telegram and round-up sentences, 0.8-4.2 KB
 * of UTF-8 each (2.5 KB on average, the size the throughput target is stated for), deterministic.
 */
import type { ReportInput } from '../../src/domain/report.js';

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

export type BenchLanguage = 'en' | 'uk' | 'ru';

/** 60% English, 30% Ukrainian, 10% Russian, interleaved. */
export const benchLanguageOf = (i: number): BenchLanguage => (i % 10 < 6 ? 'en' : i % 10 < 9 ? 'uk' : 'ru');

/** Report i: sentences of its language until it reaches its size (800 + i·7919 mod 3,400 bytes). */
export function benchReport(i: number): ReportInput {
  const c = cities[i % cities.length]!;
  const lang = benchLanguageOf(i);
  const target = 800 + ((i * 7919) % 3400);
  const joiner = i % 3 === 0 ? '\n\n' : ' ';
  const parts: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < target; k++) {
    const s = lang === 'en' ? en[(i + k) % en.length]!(c, 1 + ((i + k) % 9)) : lang === 'uk' ? uk[(i + k) % uk.length]!(2 + ((i + k) % 5)) : ru[0]!(2 + ((i + k) % 7));
    parts.push(s);
    bytes += Buffer.byteLength(s) + joiner.length;
  }
  return { id: `bench-${i}`, text: parts.join(joiner), published: '2026-01-14', lang: null };
}

export function benchReports(n: number): ReportInput[] {
  return Array.from({ length: n }, (_, i) => benchReport(i));
}
