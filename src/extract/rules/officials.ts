/**
 * Officials that figures are attributed to: "Kharkiv Mayor Ihor Terekhov", "Oleh Syniehubov, head of
 * the regional military administration", "Kyiv's mayor, Vitali Klitschko", "начальник ОВА Олег
 * Синєгубов", "мэр Харькова Игорь Терехов". Names come out in Latin (the spellings their offices use,
 * else the national romanization); roles in English.
 */
import { createRequire } from 'node:module';
import type { Locale } from '../locale.js';
import { loadLexicon } from '../lexicon.js';

const require = createRequire(import.meta.url);
const CyrillicToTranslit = require('cyrillic-to-translit-js') as new (o: { preset: string }) => { transform(s: string): string };
const ukTranslit = new CyrillicToTranslit({ preset: 'uk' });
const ruTranslit = new CyrillicToTranslit({ preset: 'ru' });

export interface OfficialMention {
  name: string;
  role: string | null;
  start: number;
  end: number;
  quote: string;
  /** Offsets of the name itself: place names inside it are not places. */
  nameStart: number;
  nameEnd: number;
  /** The place word inside the role ("Kharkiv" of "Kharkiv Mayor"), when there is one. */
  roleStart: number | null;
  roleEnd: number | null;
}

const LAT_NAME = "(?<name>\\p{Lu}[\\p{Ll}'’ʼ-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{Ll}'’ʼ-]+){1,2})";
const CYR_NAME = "(?<name>\\p{Lu}[\\p{Ll}'’ʼ-]+\\s+\\p{Lu}[\\p{Ll}'’ʼ-]+)";
const NOT_NAMES = /^(?:Russian|Ukrainian|State|Emergency|Service|Air|Force|Telegram|Facebook|National|Police|Regional|Military|Administration|City|Council|Defence|Defense|The|On|In|At|According|President|Prime|Minister|Head|Mayor|Governor|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Oblast|Region|District|Shahed|Iskander|Kinzhal|Kyiv|Kharkiv|Odesa|Dnipro|Державна|Повітряні|Сили|Нацполіція|Росія|Україна)$/u;

interface Known {
  byKey: [RegExp, string][];
}
let known: Known | null = null;
function knownOfficials(): Known {
  if (known) return known;
  const data = loadLexicon<{ officials: Record<string, string[]> }>('common', 'officials');
  const byKey: [RegExp, string][] = [];
  for (const [canonical, keys] of Object.entries(data?.officials ?? {})) {
    for (const k of keys) byKey.push([new RegExp(`(?<![\\p{L}])${k.replace(/\s+/g, '\\s+')}`, 'u'), canonical]);
  }
  known = { byKey };
  return known;
}

/** Latin form of a person's name as found in the text. */
export function latinName(raw: string): string {
  for (const [re, canonical] of knownOfficials().byKey) if (re.test(raw)) return canonical;
  const clean = raw.replace(/\s+/g, ' ').trim();
  if (!/[\u0400-\u04FF]/.test(clean)) return clean;
  const russian = /[ыэёъ]/iu.test(clean);
  // Cyrillic names in Ukrainian or Russian case forms: back to the nominative for the common endings, then romanize.
  const nominative = clean
    .split(' ')
    .map((w) => w.replace(/(ов|ев|єв|ін|ин)(а|у|им|им|ому)$/u, '$1').replace(/(ськ|цьк|зьк)(ого|ому|им)$/u, '$1ий').replace(/(ій|ий)(а|я)$/u, '$1'))
    .join(' ');
  return (russian ? ruTranslit : ukTranslit).transform(nominative.replace(/[’ʼ`]/g, "'")).replace(/'/g, '');
}

function english(role: string, l: Locale): string {
  const r = role.replace(/\s+/g, ' ').trim();
  if (l.lang === 'en') return r.charAt(0).toLowerCase() + r.slice(1);
  const low = r.toLowerCase();
  const hit = [...l.roles.english.entries()].find(([k]) => low.startsWith(k));
  if (hit) return hit[1];
  // Titles with the region in between ("начальник Харківської ОВА", "глава Одесской ОВА").
  if (/(ова|ода|обласн|областн)/u.test(low)) return 'head of the regional military administration';
  if (/(мва|міськ\S* військов|городск\S* военн)/u.test(low)) return 'head of the city military administration';
  if (/(рва|районн)/u.test(low)) return 'head of the district military administration';
  if (/(міськ\S* голов|мер|мэр|городск\S* голов)/u.test(low)) return 'mayor';
  if (/(громад|общин)/u.test(low)) return 'head of the hromada';
  return r;
}

const compiled = new Map<string, RegExp[]>();

function patterns(l: Locale): RegExp[] {
  let p = compiled.get(l.lang);
  if (p) return p;
  const role = `(?:${l.roles.source})`;
  if (l.lang === 'en') {
    p = [
      // "Kharkiv Mayor Ihor Terekhov", "regional governor Oleh Syniehubov", "Mayor Ihor Terekhov"
      new RegExp(`(?<![\\p{L}])(?:(?<place>\\p{Lu}[\\p{Ll}-]+(?:\\s+\\p{Lu}[\\p{Ll}-]+)?)(?:['’]s)?\\s+)?(?<role>${role})(?:\\s+of\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{Ll}-]+\\s+){1,4})?,?\\s+${LAT_NAME}`, 'gu'),
      // "Oleh Syniehubov, head of the regional military administration," / "Vitali Klitschko, the mayor of Kyiv"
      new RegExp(`${LAT_NAME},\\s+(?:the\\s+)?(?:(?<rplace>\\p{Lu}[\\p{Ll}-]+)(?:['’]s)?\\s+)?(?<role>(?:${role})(?:\\s+(?:of|for|in)\\s+[^,.;()]{2,60}?)?)(?=\\s*[,.;(]|\\s+(?:said|wrote|reported|stated|added|told|confirmed|announced))`, 'gu'),
      // "Kyiv's mayor, Vitali Klitschko,"
      new RegExp(`(?<![\\p{L}])(?<place>\\p{Lu}[\\p{Ll}-]+)['’]s\\s+(?<role>${role}),?\\s+${LAT_NAME}`, 'gu'),
    ];
  } else {
    p = [
      // "начальник ОВА Олег Синєгубов", "мэр Харькова Игорь Терехов", "міський голова Ігор Терехов"
      new RegExp(`(?<![\\p{L}])(?<role>${role}|(?:[Нн]ачальник|[Гг]олова|[Оо]чільник|[Гг]лава|[Мм]ер|[Мм]эр|[Гг]убернатор|[Сс]тароста|[Рр]ечник|[Сс]екретар|[Кк]ерівник|[Рр]уководитель)(?:\\s+[\\p{L}.-]+){0,3}?)(?:\\s+(?<place>\\p{Lu}[\\p{Ll}'’ʼ-]+(?:\\s+(?:ОВА|МВА|області|области))?))?,?\\s+${CYR_NAME}`, 'gu'),
      // "Олег Синєгубов, начальник Харківської ОВА"
      new RegExp(`${CYR_NAME},\\s+(?<role>(?:${role})(?:\\s+[^,.;()]{2,50}?)?)(?=\\s*[,.;(]|\\s+(?:повідомив|повідомила|заявив|заявила|написав|написала|сообщил|сообщила|заявил|заявила|написал|написала))`, 'gu'),
    ];
  }
  compiled.set(l.lang, p);
  return p;
}

export function findOfficials(sentence: string, offset: number, l: Locale): OfficialMention[] {
  const out: OfficialMention[] = [];
  for (const re of patterns(l)) {
    re.lastIndex = 0;
    for (const m of sentence.matchAll(re)) {
      const g = m.groups!;
      let name = g.name!;
      // A trailing word that is not part of the name ("Ihor Terekhov Said" never happens; "Terekhov On") is trimmed.
      const words = name.split(/\s+/).filter((w) => !NOT_NAMES.test(w));
      if (words.length < 2 || words.length !== name.split(/\s+/).length) continue;
      name = words.join(' ');
      const nameIdx = m.index! + m[0].lastIndexOf(g.name!);
      const place = g.place ?? g.rplace;
      let roleText = english(l.lang === 'en' ? g.role! : `${g.role!}${place ? ` ${place}` : ''}`, l);
      if (place && l.lang === 'en' && !/\bof\b/.test(roleText)) roleText = `${roleText} of ${place}`;
      const placeIdx = place ? m.index! + m[0].indexOf(place) : null;
      out.push({
        name: latinName(name),
        role: roleText,
        start: offset + m.index!,
        end: offset + m.index! + m[0].length,
        quote: m[0],
        nameStart: offset + nameIdx,
        nameEnd: offset + nameIdx + g.name!.length,
        roleStart: placeIdx === null ? null : offset + placeIdx,
        roleEnd: placeIdx === null ? null : offset + placeIdx + place!.length,
      });
    }
  }
  return out.filter((o, i) => !out.some((p, j) => j !== i && p.name === o.name && p.end - p.start > o.end - o.start && p.start <= o.start && p.end >= o.end));
}
