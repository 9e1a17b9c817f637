/**
 * Officials that figures are attributed to: "Kharkiv Mayor Ihor Terekhov", "Oleh Syniehubov, head of
 * the regional military administration", "Kyiv's mayor, Vitali Klitschko", "начальник ОВА Олег
 * Синєгубов", "мэр Харькова Игорь Терехов". Names come out in Latin (the spellings their offices use,
 * else the national romanization); roles in English.
 */
import { createRequire } from 'node:module';
import type { Locale } from '../locale.js';
import { loadLexicon } from '../lexicon.js';
import { registerStarts, wordMatches } from '../word-matches.js';

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
/** Heads of Cyrillic titles in any case ("мэра Харькова", "главы ОВА", "начальника", "городского головы"). */
const HEADS = '(?:[Нн]ачальник(?:а|у|ом)?|[Гг]олов(?:а|ы|и|е|і|ою|ой|у)|[Оо]чільник(?:а|ом|у)?|[Гг]лав(?:а|ы|е|ой|у)|[Мм]ер(?:а|ом|у)?|[Мм]эр(?:а|ом|у)?|[Гг]убернатор(?:а|ом|у)?|[Сс]тарост(?:а|ы|и|ой|ою)|[Рр]ечник(?:а|ом)?|[Сс]екретар(?:я|ь|ем)?|[Кк]ерівник(?:а|ом)?|[Рр]уководител(?:ь|я|ем))';
const CYR_NAME = "(?<name>\\p{Lu}[\\p{Ll}'’ʼ-]+\\s+\\p{Lu}[\\p{Ll}'’ʼ-]+)";
const NOT_NAMES = /^(?:Russian|Ukrainian|State|Emergency|Service|Air|Force|Telegram|Facebook|National|Police|Regional|Military|Administration|City|Council|Defence|Defense|The|On|In|At|According|President|Prime|Minister|Head|Mayor|Governor|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Oblast|Region|District|Shahed|Iskander|Kinzhal|Kyiv|Kharkiv|Odesa|Dnipro|Державна|Повітряні|Сили|Нацполіція|Росія|Україна)$/u;

/**
 * A national figure (the president, a minister) is an event's official only when the report has him
 * speak ("President Volodymyr Zelensky said ..."), not when it merely mentions him ("the hometown of
 * President Volodymyr Zelensky").
 */
const NATIONAL_ROLE = /^(?:president|prime minister|foreign minister|interior minister|energy minister|minister of internal affairs|prosecutor general|президент|прем|міністр|министр)/iu;
const ATTRIBUTION_AFTER = /^[\s,]*(?:(?:also|later|has|had|then)\s+)?(?:said|says|wrote|writes|reported|reports|stated|states|added|told|confirmed|announced|posted|noted|warned|described|called|condemned|повідомив|заявив|написав|сообщил|заявил|написал)/iu;

interface Known {
  byKey: [RegExp, string][];
  /** Any listed Cyrillic surname (in any case form), with the given name before it when there is one. */
  anyCyrillic: RegExp;
  /** The office of a listed official, for mentions without a title. */
  roles: Map<string, string>;
}
let known: Known | null = null;

/** The first one or two letters of each name, for word-matches.ts; null when a name opens with anything else. */
function nameStarts(names: readonly string[]): string[] | null {
  const out: string[] = [];
  for (const n of names) {
    // Not a letter a quantifier makes optional ("Ab?"): then only the first, or nothing.
    const m = /^\p{L}\p{L}?(?![?*+{])/u.exec(n);
    if (!m) return null;
    out.push(m[0]);
  }
  return out.length ? out : null;
}
function knownOfficials(): Known {
  if (known) return known;
  const data = loadLexicon<{ officials: Record<string, string[]>; roles?: Record<string, string> }>('common', 'officials');
  const byKey: [RegExp, string][] = [];
  const cyr: string[] = [];
  for (const [canonical, keys] of Object.entries(data?.officials ?? {})) {
    for (const k of keys) {
      byKey.push([new RegExp(`(?<![\\p{L}])${k.replace(/\s+/g, '\\s+')}`, 'u'), canonical]);
      if (/[\u0400-\u04FF]/.test(k)) cyr.push(k.replace(/\s+/g, '\\s+'));
    }
  }
  const anyCyrillic = registerStarts(new RegExp(`(?<![\\p{L}])(?:${cyr.sort((a, b) => b.length - a.length).join('|') || '(?!)'})\\p{Ll}*(?![\\p{L}])`, 'gu'), nameStarts(cyr));
  known = { byKey, anyCyrillic, roles: new Map(Object.entries(data?.roles ?? {})) };
  return known;
}

/**
 * A listed official named without a title, where the name is the source of the post: alone on its line
 * (a signature, a header "Олег Синєгубов"), as a header before a colon ("Кличко: ...", "Олег Кіпер: ..."),
 * or with an attribution verb ("повідомив Олександр Прокудін", "Вілкул заявив").
 */
const GIVEN_BEFORE = /\p{Lu}[\p{Ll}'’ʼ]+\s+$/u;
const ATTRIBUTION_CYR = /(?:повідомив|повідомила|повідомляє|заявив|заявила|написав|написала|розповів|розповіла|уточнив|уточнила|додав|додала|сообщил|сообщила|сообщает|заявил|заявила|написал|написала|рассказал|уточнил|добавил|за\s+словами|по\s+словам)/u;
const ATTRIBUTED_BEFORE = new RegExp(`${ATTRIBUTION_CYR.source}[\\s,]*$`, 'u');
const ATTRIBUTED_AFTER = new RegExp(`^[\\s,]*${ATTRIBUTION_CYR.source}`, 'u');
function untitledMentions(sentence: string, offset: number, taken: readonly OfficialMention[]): OfficialMention[] {
  // Cheap gate: a short line (signature, header), a colon, or an attribution verb.
  if (sentence.length > 90 && !sentence.includes(':') && !ATTRIBUTION_CYR.test(sentence)) return [];
  const k = knownOfficials();
  const out: OfficialMention[] = [];
  k.anyCyrillic.lastIndex = 0;
  for (const m of wordMatches(k.anyCyrillic, sentence)) {
    const given = GIVEN_BEFORE.exec(sentence.slice(Math.max(0, m.index! - 30), m.index!));
    const from = m.index! - (given ? given[0].length : 0);
    const start = offset + from;
    const end = offset + m.index! + m[0].length;
    if (taken.some((o) => o.start < end && o.end > start)) continue;
    const before = sentence.slice(0, from);
    const after = sentence.slice(m.index! + m[0].length);
    const alone = !/\p{L}/u.test(before) && !/\p{L}/u.test(after);
    const header = !/\p{L}/u.test(before) && /^\s*:/u.test(after);
    const attributed = ATTRIBUTED_BEFORE.test(before) || ATTRIBUTED_AFTER.test(after);
    if (!alone && !header && !attributed) continue;
    const quote = sentence.slice(from, m.index! + m[0].length);
    const name = latinName(quote);
    out.push({ name, role: k.roles.get(name) ?? null, start, end, quote, nameStart: start, nameEnd: end, roleStart: null, roleEnd: null });
  }
  return out;
}

/** Latin form of a person's name as found in the text. */
export function latinName(raw: string): string {
  for (const [re, canonical] of knownOfficials().byKey) if (re.test(raw)) return canonical;
  const clean = raw.replace(/\s+/g, ' ').trim();
  if (!/[\u0400-\u04FF]/.test(clean)) return clean;
  const russian = /[ыэёъ]/iu.test(clean);
  // Cyrillic names in Ukrainian or Russian case forms: back to the nominative for the common endings, then romanize.
  const words = clean
    .split(' ')
    .map((w) => w.replace(/(ов|ев|єв|ін|ин)(а|у|им|им|ому)$/u, '$1').replace(/(ськ|цьк|зьк)(ого|ому|им)$/u, '$1ий').replace(/([^ь]ск|[^ь]цк)(ого|ому|им)$/u, '$1ий').replace(/(ій|ий)(а|я)$/u, '$1'));
  // A Ukrainian official written in Russian ("Александр Гончаренко"): the given name in its Ukrainian form, the
  // surname romanized as Ukrainian (Russian ы/э/ё read as и/е/е), so the name matches what the office uses.
  const given = givenName(words[0]!);
  if (given && words.length > 1) {
    const surname = words.slice(1).join(' ').replace(/ы/g, 'и').replace(/Ы/g, 'И').replace(/[эё]/g, 'е').replace(/[ЭЁ]/g, 'Е').replace(/ъ/g, '');
    return `${given} ${ukTranslit.transform(surname.replace(/[’ʼ`]/g, "'")).replace(/'/g, '')}`;
  }
  const nominative = words.join(' ');
  return (russian ? ruTranslit : ukTranslit).transform(nominative.replace(/[’ʼ`]/g, "'")).replace(/'/g, '');
}

let givenNames: Map<string, string> | null = null;
/** Russian spellings of Ukrainian given names in any case (Александра, Сергея, Игорем) → national romanization. */
function givenName(word: string): string | null {
  if (!givenNames) {
    givenNames = new Map();
    const data = loadLexicon<{ names: Record<string, string> }>('ru', 'given-names');
    for (const [nom, latin] of Object.entries(data?.names ?? {})) {
      const forms = /[йь]$/u.test(nom)
        ? ['', 'я', 'ю', 'ем', 'е'].map((e) => (e ? nom.slice(0, -1) + e : nom))
        : /[ая]$/u.test(nom)
          ? [nom, ...(/[гкхжчшщ]а$/u.test(nom) ? ['и'] : [nom.endsWith('я') ? 'и' : 'ы']).map((e) => nom.slice(0, -1) + e), ...['е', nom.endsWith('я') ? 'ю' : 'у', nom.endsWith('я') ? 'ей' : 'ой'].map((e) => nom.slice(0, -1) + e)]
          : [nom, ...['а', 'у', 'ом', 'е'].map((e) => nom + e)];
      for (const f of forms) givenNames.set(f.toLowerCase(), latin);
    }
  }
  return givenNames.get(word.toLowerCase()) ?? null;
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

/**
 * A pattern anchored on its role word. Every pattern holds a role group (the locale's titles, or HEADS
 * for uk/ru) followed by a space, a comma, [.;(] or the end of the sentence, which is what the role cue
 * matches; before that group a match holds at most `runsBefore` runs of non-space text (the place, or
 * the name with its comma). So a match can only start within that many runs before a place where the
 * cue matches, and the pattern is tried there alone (sticky) instead of at every word start of the
 * sentence: most sentences name no official, and those that do name one or two.
 */
interface Pattern {
  sticky: RegExp;
  runsBefore: number;
}

interface Patterns {
  /** The role words where a pattern's role group can stand (see Pattern); global, for roleStarts. */
  cue: RegExp;
  res: Pattern[];
}

const compiled = new Map<string, Patterns>();

/** The pattern, tried at one position at a time (flag y) with the flags the rule was written with (u). */
const pattern = (source: string, runsBefore: number): Pattern => ({ sticky: new RegExp(source, 'uy'), runsBefore });

function patterns(l: Locale): Patterns {
  let p = compiled.get(l.lang);
  if (p) return p;
  const role = `(?:${l.roles.source})`;
  const roleWords = l.lang === 'en' ? role : `(?:${role}|${HEADS})`;
  // Same flags as the patterns ('u', case-sensitive): the cue reads the role words as they do.
  const cue = new RegExp(`${roleWords}(?=[\\s,.;(]|$)`, 'gu');
  let res: Pattern[];
  if (l.lang === 'en') {
    res = [
      // "Kharkiv Mayor Ihor Terekhov", "regional governor Oleh Syniehubov", "Mayor Ihor Terekhov"; before the role: a place of one or two words
      pattern(`(?<![\\p{L}])(?:(?<place>\\p{Lu}[\\p{Ll}-]+(?:\\s+\\p{Lu}[\\p{Ll}-]+)?)(?:['’]s)?\\s+)?(?<role>${role})(?:\\s+of\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{Ll}-]+\\s+){1,4})?,?\\s+${LAT_NAME}`, 2),
      // "Oleh Syniehubov, head of the regional military administration," / "Vitali Klitschko, the mayor of Kyiv";
      // before the role: a name of up to four runs (the comma glued to its last), "the", a place
      pattern(`${LAT_NAME},\\s+(?:the\\s+)?(?:(?<rplace>\\p{Lu}[\\p{Ll}-]+)(?:['’]s)?\\s+)?(?<role>(?:${role})(?:\\s+(?:of|for|in)\\s+[^,.;()]{2,60}?)?)(?=\\s*[,.;(]|\\s*$|\\s+(?:said|wrote|reported|stated|added|told|confirmed|announced))`, 6),
      // "Kyiv's mayor, Vitali Klitschko,"; before the role: the place's one run
      pattern(`(?<![\\p{L}])(?<place>\\p{Lu}[\\p{Ll}-]+)['’]s\\s+(?<role>${role}),?\\s+${LAT_NAME}`, 1),
    ];
  } else {
    res = [
      // "начальник ОВА Олег Синєгубов", "мэр Харькова Игорь Терехов", "міський голова Ігор Терехов"; the role opens the match
      pattern(`(?<![\\p{L}])(?<role>${role}|${HEADS}(?:\\s+[\\p{L}.-]+){0,4}?)(?:\\s+(?<place>\\p{Lu}[\\p{Ll}'’ʼ-]+(?:\\s+(?:ОВА|МВА|області|области))?))?,?\\s+${CYR_NAME}`, 0),
      // "Олег Синєгубов, начальник Харківської ОВА"; before the role: the name's two runs
      pattern(`${CYR_NAME},\\s+(?<role>(?:${role}|${HEADS})(?:\\s+[^,.;()]{2,60}?)?)(?=\\s*[,.;(]|\\s*$|\\s+(?:повідомив|повідомила|заявив|заявила|написав|написала|сообщил|сообщила|заявил|заявила|написал|написала))`, 2),
    ];
  }
  p = { cue, res };
  compiled.set(l.lang, p);
  return p;
}

/** Every position where the cue matches, overlapping ones included ("regional governor" and its "governor"). */
function roleStarts(cue: RegExp, sentence: string): number[] {
  const out: number[] = [];
  cue.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = cue.exec(sentence)); cue.lastIndex = m.index + 1) out.push(m.index);
  return out;
}

/** \s as the patterns read it. */
const SPACE = /\s/;

/** Where the `runs` runs of non-space text (and the spaces around them) before `end` begin. */
function runsBack(text: string, end: number, runs: number): number {
  let i = end;
  for (let k = 0; k < runs; k++) {
    while (i > 0 && SPACE.test(text[i - 1]!)) i--;
    while (i > 0 && !SPACE.test(text[i - 1]!)) i--;
  }
  return i;
}

/**
 * The matches matchAll would give (same order, same groups): the leftmost match at or after the end of
 * the last one, each time. Every match starts in one of the spans [runsBack(role), role] (see Pattern),
 * so trying their positions in order, skipping those inside an earlier match, finds exactly those.
 * A unicode regex never starts a match between the halves of a surrogate pair, so neither do we.
 */
function* anchoredMatches(p: Pattern, text: string, roles: readonly number[]): Generator<RegExpExecArray> {
  const spans = roles.map((r) => [runsBack(text, r, p.runsBefore), r] as const).sort((x, y) => x[0] - y[0]);
  let next = 0;
  for (const [from, to] of spans) {
    for (let s = Math.max(from, next); s <= to; s = next) {
      next = s + 1;
      if (s > 0 && isTrail(text.charCodeAt(s)) && isLead(text.charCodeAt(s - 1))) continue;
      p.sticky.lastIndex = s;
      const m = p.sticky.exec(text);
      if (!m) continue;
      yield m;
      next = m.index + (m[0].length || 1);
    }
  }
}
const isLead = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isTrail = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function findOfficials(sentence: string, offset: number, l: Locale): OfficialMention[] {
  const out: OfficialMention[] = [];
  const p = patterns(l);
  const roles = roleStarts(p.cue, sentence);
  for (const re of roles.length ? p.res : []) {
    for (const m of anchoredMatches(re, sentence, roles)) {
      const g = m.groups!;
      let name = g.name!;
      // A trailing word that is not part of the name ("Ihor Terekhov Said" never happens; "Terekhov On") is trimmed.
      const words = name.split(/\s+/).filter((w) => !NOT_NAMES.test(w));
      if (words.length < 2 || words.length !== name.split(/\s+/).length) continue;
      name = words.join(' ');
      const nameIdx = m.index! + m[0].lastIndexOf(g.name!);
      // "Regional governor Oleh Kiper": a capitalized title word is no place.
      const place = (g.place && !/^(?:Regional|City|District|Military|State|Acting|Deputy|Head|Chief|The)$/u.test(g.place) ? g.place : undefined) ?? g.rplace;
      let roleText = english(l.lang === 'en' ? g.role! : `${g.role!}${place ? ` ${place}` : ''}`, l);
      if (place && l.lang === 'en' && !/\bof\b/.test(roleText)) roleText = `${roleText} of ${place}`;
      if (NATIONAL_ROLE.test(roleText) && !ATTRIBUTION_AFTER.test(sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) continue;
      // A place named inside the title ("head of the Dnipropetrovsk regional military administration") is where
      // the official governs: the whole title is the role span, so attribution treats such places as weak.
      const roleIdx = g.role ? m.index! + m[0].indexOf(g.role) : null;
      const placeIdx = place ? m.index! + m[0].indexOf(place) : roleIdx;
      const placeLen = place ? place.length : (g.role?.length ?? 0);
      out.push({
        name: latinName(name),
        role: roleText,
        start: offset + m.index!,
        end: offset + m.index! + m[0].length,
        quote: m[0],
        nameStart: offset + nameIdx,
        nameEnd: offset + nameIdx + g.name!.length,
        roleStart: placeIdx === null ? null : offset + placeIdx,
        roleEnd: placeIdx === null ? null : offset + placeIdx + placeLen,
      });
    }
  }
  if (l.lang !== 'en') out.push(...untitledMentions(sentence, offset, out));
  return out.filter((o, i) => !out.some((p, j) => j !== i && p.name === o.name && p.end - p.start > o.end - o.start && p.start <= o.start && p.end >= o.end));
}
