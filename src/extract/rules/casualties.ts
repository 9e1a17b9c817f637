/**
 * Casualty figures in one sentence. Each rule is a pattern built from the language pack plus a
 * function that turns a match into figures or declines (returns []); the same rules run on every
 * language because the word order they cover is shared: "<count> <people> were <killed>",
 * "<killed|injuring> <count> <people>", "a <man> was <killed>" / "загинула <жінка>", "<count> of whom
 * were <hospitalized>", "including <count> <children>".
 */
import type { Locale } from '../locale.js';

export type FigureField = 'killed' | 'injured' | 'hospitalized' | 'children_killed' | 'children_injured';

export interface Figure {
  field: FigureField;
  value: number;
  atLeast: boolean;
  /** "rose to", "updated": supersedes earlier figures for the same field. */
  update: boolean;
  /** "another two", "ще двоє": adds to the figure already known. */
  additive: boolean;
  start: number;
  end: number;
  quote: string;
  rule: string;
}

interface Rule {
  name: string;
  build(l: Locale): RegExp;
  extract(m: RegExpExecArray, l: Locale): Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[];
}

const SEP = '[\\s\\u00a0]+';
const AUX = '(?:(?:were|was|have\\s+been|has\\s+been|had\\s+been|are|is|got|being|reportedly|also|later|all|seriously|critically|slightly|lightly|fatally|severely|mortally|were\\s+reportedly|were\\s+also|було|були|був|була|ще|також|были|был|была|еще|ещё|также|тяжело|легко|смертельно|важко|легко)[\\s\\u00a0]+){0,3}';
/** Up to three descriptive words between a count and its noun ("two more elderly", "п'ятеро місцевих"). */
const ADJ = "(?:[\\p{L}\\d'’-]+[\\s\\u00a0]+){0,3}?";

interface Anchored {
  hospitalized: RegExp;
  killed: RegExp;
  injured: RegExp;
  children: RegExp;
  countNoun: RegExp;
  window: RegExp;
}
const anchoredCache = new Map<string, Anchored>();
/** Patterns built once per language (a RegExp per call costs more than the match). */
function anchored(l: Locale): Anchored {
  let a = anchoredCache.get(l.lang);
  if (!a) {
    a = {
      hospitalized: new RegExp(`^(?:${l.src.hospitalized})$`, 'iu'),
      killed: new RegExp(`^(?:${l.src.killed})$`, 'iu'),
      injured: new RegExp(`^(?:${l.src.injured})$`, 'iu'),
      children: new RegExp(`^(?:${l.src.children})$`, 'iu'),
      countNoun: new RegExp(`(?<![\\p{L}\\d])(?:${l.numbers.source})(?![\\p{L}\\d])(?:${SEP}${ADJ}(?<noun>${l.src.persons}))?`, 'giu'),
      window: new RegExp(`(?<![\\p{L}])(?:${l.src.killed}|${l.src.injured}|${l.src.hospitalized}|${l.src.children}|toll|кількість|число|количество)`, 'giu'),
    };
    anchoredCache.set(l.lang, a);
  }
  return a;
}

function fieldOf(verb: string, l: Locale): 'killed' | 'injured' | 'hospitalized' | null {
  const a = anchored(l);
  if (a.hospitalized.test(verb)) return 'hospitalized';
  if (a.killed.test(verb)) return 'killed';
  if (a.injured.test(verb)) return 'injured';
  return null;
}

function childrenField(field: 'killed' | 'injured' | 'hospitalized'): FigureField | null {
  return field === 'killed' ? 'children_killed' : field === 'injured' || field === 'hospitalized' ? 'children_injured' : null;
}

/** Sums every count in a list like "three passengers and four rescuers". */
function sumCounts(list: string, l: Locale): { value: number; atLeast: boolean; children: number } | null {
  const re = anchored(l).countNoun;
  re.lastIndex = 0;
  let value = 0;
  let atLeast = false;
  let children = 0;
  let any = false;
  for (const m of list.matchAll(re)) {
    const countText = m[0].slice(0, m[0].length - (m.groups?.noun?.length ?? 0));
    const c = l.numbers.parse(countText);
    if (!c) continue;
    any = true;
    value += c.value;
    atLeast ||= c.atLeast;
    if (m.groups?.noun && anchored(l).children.test(m.groups.noun)) children += c.value;
  }
  return any ? { value, atLeast, children } : null;
}

const RULES: Rule[] = [
  {
    // "four people were wounded", "three passengers and four rescuers were injured", "двоє людей загинули"
    name: 'count-people-verb',
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}\\d])(?<add>(?:${l.src.additional})${SEP})?(?<list>(?:${l.numbers.source})${SEP}${ADJ}(?:${l.src.persons})(?:(?:\\s*,\\s*|${SEP}(?:and|та|і|й|и)${SEP})(?:${l.numbers.source})${SEP}${ADJ}(?:${l.src.persons}))*|(?:${l.numbers.source}))(?:${SEP}(?:${l.src.additional}))?${SEP}${AUX}(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])`,
        'giu',
      ),
    extract(m, l) {
      const field = fieldOf(m.groups!.verb!, l);
      const sum = sumCounts(m.groups!.list!, l);
      if (!field || !sum) return [];
      const out: Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[] = [
        { field, value: sum.value, atLeast: sum.atLeast, additive: !!m.groups!.add },
      ];
      const cf = childrenField(field);
      if (sum.children && cf) out.push({ field: cf, value: sum.children, atLeast: sum.atLeast, additive: !!m.groups!.add });
      return out;
    },
  },
  {
    // "injuring at least 14 people", "killed two civilians", "поранено двох людей", "загинули 3 людини"
    name: 'verb-count-people',
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}])(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})${SEP}(?:(?:ще|еще|ещё|another|also|щонайменше|)${SEP})?(?<list>(?:${l.numbers.source})(?<noun>${SEP}${ADJ}(?:${l.src.persons}))?(?:(?:\\s*,\\s*|${SEP}(?:and|та|і|й|и)${SEP})(?:${l.numbers.source})${SEP}${ADJ}(?:${l.src.persons}))*)(?![\\p{L}\\d])`,
        'giu',
      ),
    extract(m, l) {
      const field = fieldOf(m.groups!.verb!, l);
      // English "killed 3" needs a noun or a clear object; Ukrainian/Russian passive "поранено 3" does not.
      if (!field) return [];
      if (l.lang === 'en' && !m.groups!.noun && !/ing$/i.test(m.groups!.verb!)) return [];
      const sum = sumCounts(m.groups!.list!, l);
      if (!sum) return [];
      const out: Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[] = [{ field, value: sum.value, atLeast: sum.atLeast, additive: /(?:^|\s)(?:ще|еще|ещё|another)\s/iu.test(m[0]) }];
      const cf = childrenField(field);
      const noun = (m.groups!.noun ?? '').trim().split(/[\s\u00a0]+/).pop() ?? '';
      if (cf && anchored(l).children.test(noun)) out.push({ field: cf, value: sum.value, atLeast: sum.atLeast, additive: false });
      return out;
    },
  },
  {
    // "a man was killed", "a 9-year-old girl was injured", "загинула жінка", "поранено 54-річного чоловіка"
    name: 'singular-person',
    build: (l) =>
      new RegExp(
        l.lang === 'en'
          ? `(?<![\\p{L}])(?<add>another${SEP})?(?:an?|one|the)${SEP}(?:[\\p{L}\\d'’-]+${SEP}){0,3}?(?<noun>${l.src.singular})(?:,\\s*\\d{1,3},)?${SEP}(?:(?:who|that)${SEP})?(?:was|has\\s+been|had\\s+been|is|got)${SEP}(?:(?:also|reportedly|seriously|critically|slightly|fatally|severely|mortally)${SEP})?(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])`
          : `(?<![\\p{L}])(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})${SEP}(?:(?:ще|еще|ещё|також|также)${SEP})?(?:(?:\\d{1,3}-(?:річн|летн)\\p{L}*|[\\p{L}-]+(?:ий|ого|ій|у|а|ая|ую|ый|ой|ього|ня))${SEP}){0,2}(?<noun>${l.src.singular})(?![\\p{L}])|(?<![\\p{L}\\d])(?:\\d{1,3}-(?:річн|летн)\\p{L}*${SEP})?(?<noun2>${l.src.singular})${SEP}(?:[\\p{L}-]+${SEP}){0,2}?(?<verb2>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])`,
        'giu',
      ),
    extract(m, l) {
      const verb = m.groups!.verb ?? m.groups!.verb2;
      const noun = m.groups!.noun ?? m.groups!.noun2 ?? '';
      if (!verb) return [];
      const field = fieldOf(verb, l);
      if (!field) return [];
      const out: Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[] = [{ field, value: 1, atLeast: false, additive: !!m.groups!.add }];
      const age = /(\d{1,3})-(?:year|річн|летн)/iu.exec(m[0]);
      const child = anchored(l).children.test(noun) || (age !== null && Number(age[1]) < 18);
      const cf = childrenField(field);
      if (child && cf) out.push({ field: cf, value: 1, atLeast: false, additive: false });
      return out;
    },
  },
  {
    // "three of whom were hospitalized", "двоє з них госпіталізовані"
    name: 'subset-of-them',
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}\\d])(?<count>${l.numbers.source})${SEP}(?:of${SEP}(?:whom|them)|з${SEP}них|из${SEP}них|серед${SEP}них)${SEP}${AUX}(?<verb>${l.src.hospitalized}|${l.src.killed}|${l.src.injured}|(?:${l.src.children}))`,
        'giu',
      ),
    extract(m, l) {
      const c = l.numbers.parse(m.groups!.count!);
      if (!c) return [];
      const verb = m.groups!.verb!;
      if (anchored(l).children.test(verb)) return [{ field: 'children_injured', value: c.value, atLeast: c.atLeast, additive: false }];
      const field = fieldOf(verb, l);
      return field === 'hospitalized' ? [{ field, value: c.value, atLeast: c.atLeast, additive: false }] : [];
    },
  },
  {
    // "including two children", "among them a 12-year-old boy", "серед них двоє дітей", "в том числе трое детей"
    name: 'including-children',
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}])(?:including|among\\s+them|among\\s+the\\s+(?:injured|wounded|dead|victims)|of\\s+whom|серед\\s+них|серед\\s+поранених|серед\\s+загиблих|зокрема|у\\s+тому\\s+числі|в\\s+тому\\s+числі|среди\\s+них|в\\s+том\\s+числе|среди\\s+раненых|среди\\s+погибших)${SEP}(?:(?:are|were|is|was|є|—|-)${SEP})?(?<count>${l.numbers.source}|an?|one)?(?:${SEP})?(?:[\\p{L}\\d'’-]+${SEP}){0,2}?(?<noun>${l.src.children})(?![\\p{L}])`,
        'giu',
      ),
    extract(m, l) {
      const c = m.groups!.count ? (/^(an?|one)$/i.test(m.groups!.count) ? { value: 1, atLeast: false } : l.numbers.parse(m.groups!.count)) : { value: /s$|ти$|діти|дітей|дети|детей/iu.test(m.groups!.noun!) ? 2 : 1, atLeast: false };
      if (!c) return [];
      // Which total it belongs to is decided by the caller (the figure just before it); mark as injured by default.
      return [{ field: 'children_injured', value: c.value, atLeast: c.atLeast, additive: false }];
    },
  },
  {
    // "one life lost", "the death toll rose to 7", "кількість загиблих зросла до 5", "число раненых возросло до 12"
    name: 'toll-rose-to',
    build: (l) =>
      new RegExp(
        `(?<what>death\\s+toll|toll|number\\s+of\\s+(?:dead|deaths|injured|wounded|victims|casualties|injuries)|кількість\\s+(?:загиблих|поранених|постраждалих|жертв)|число\\s+(?:погибших|раненых|пострадавших|жертв)|количество\\s+(?:погибших|раненых|пострадавших|жертв))(?:[^.;:]{0,40}?)(?:rose|risen|increased|climbed|grew|reached|jumped|stands|is|now|зросла|зросло|збільшилася|збільшилась|сягнула|возросло|выросло|увеличилось|достигло|составляет|становить)(?:${SEP}(?:to|до|at))?${SEP}(?<count>${l.numbers.source})`,
        'giu',
      ),
    extract(m, l) {
      const c = l.numbers.parse(m.groups!.count!);
      if (!c) return [];
      const what = m.groups!.what!.toLowerCase();
      const field = /поранен|постражд|injur|wound|ранен|пострадав|casualt/iu.test(what) ? 'injured' : 'killed';
      return [{ field, value: c.value, atLeast: c.atLeast, additive: false }];
    },
  },
  {
    // "one life lost", "a life was lost"
    name: 'life-lost',
    build: () => /(?<![\p{L}])(?<count>one|a|two|three|four|five)\s+(?:life|lives)\s+(?:was\s+|were\s+)?lost/giu,
    extract(m, l) {
      const c = /^a$/i.test(m.groups!.count!) ? { value: 1, atLeast: false } : l.numbers.parse(m.groups!.count!);
      return c ? [{ field: 'killed', value: c.value, atLeast: false, additive: false }] : [];
    },
  },
];

const compiled = new Map<string, { rule: Rule; re: RegExp }[]>();

function rulesFor(l: Locale): { rule: Rule; re: RegExp }[] {
  let r = compiled.get(l.lang);
  if (!r) {
    r = RULES.filter((rule) => l.lang === 'en' || rule.name !== 'life-lost').map((rule) => ({ rule, re: rule.build(l) }));
    compiled.set(l.lang, r);
  }
  return r;
}

/** All casualty figures in a sentence, overlaps resolved (the longer match wins), in text order. */
export function findFigures(sentence: string, offset: number, l: Locale): Figure[] {
  if (!l.casualtyWord.test(sentence)) return [];
  const raw: Figure[] = [];
  const update = l.updateWord.test(sentence);
  // The rules only run in windows around casualty words: a long sentence costs what its figures cost.
  const windows: [number, number][] = [];
  const w = anchored(l).window;
  w.lastIndex = 0;
  for (const m of sentence.matchAll(w)) {
    const a = Math.max(0, m.index! - 160);
    const b = Math.min(sentence.length, m.index! + m[0].length + 120);
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  for (const [a, b] of windows) {
    const part = sentence.slice(a, b);
    for (const { rule, re } of rulesFor(l)) {
      re.lastIndex = 0;
      for (const m of part.matchAll(re)) {
        const quote = m[0];
        const start = offset + a + m.index!;
        for (const f of rule.extract(m as RegExpExecArray, l)) {
          raw.push({ ...f, start, end: start + quote.length, quote, rule: rule.name, update: update || rule.name === 'toll-rose-to' });
        }
      }
    }
  }
  // Drop a figure whose span lies inside a longer span of the same field (e.g. "a man" inside a list rule).
  const kept = raw.filter(
    (f) =>
      !raw.some(
        (g) => g !== f && g.field === f.field && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start,
      ),
  );
  // The same span found by two rules once.
  const seen = new Set<string>();
  const out: Figure[] = [];
  for (const f of kept.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const key = `${f.field}:${f.start}:${f.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  // "including two children" belongs to the total just before it: killed → children_killed.
  for (let i = 0; i < out.length; i++) {
    const f = out[i]!;
    if (f.rule !== 'including-children') continue;
    const prev = [...out.slice(0, i)].reverse().find((p) => p.field === 'killed' || p.field === 'injured');
    if (prev?.field === 'killed') f.field = 'children_killed';
  }
  return out;
}

/** "No one was injured", "без постраждалих": the report says the toll is zero. */
export function saysNoCasualties(sentence: string, l: Locale): boolean {
  l.noneWord.lastIndex = 0;
  return l.noneWord.test(sentence);
}
