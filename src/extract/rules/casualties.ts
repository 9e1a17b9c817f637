/**
 * Casualty figures in one sentence. Each rule is a pattern built from the language pack plus a
 * function that turns a match into figures or declines (returns []); the same rules run on every
 * language because the word order they cover is shared: "<count> <people> were <killed>",
 * "<killed|injuring> <count> <people>", "a <man> was <killed>" / "загинула <жінка>", "<count> of whom
 * were <hospitalized>", "including <count> <children>".
 */
import { termStarts } from '../alternation.js';
import type { Locale } from '../locale.js';
import { wordStartOnly } from '../pattern-guards.js';
import { hasWordMatch, registerStarts, wordMatches } from '../word-matches.js';

export type FigureField = 'killed' | 'injured' | 'hospitalized' | 'children_killed' | 'children_injured';

export interface Figure {
  field: FigureField;
  value: number;
  atLeast: boolean;
  /** "rose to", "updated": supersedes earlier figures for the same field. */
  update: boolean;
  /** "another two", "ще двоє": adds to the figure already known. */
  additive: boolean;
  /** "усі поранені госпіталізовані", "їх госпіталізовано": the hospitalized are all the injured (value is filled in per event). */
  all?: boolean;
  /** "Загинули двоє, ще 11 поранені": "ще" sets the injured beside the killed; it adds to no earlier injured figure. */
  besides?: boolean;
  start: number;
  end: number;
  quote: string;
  rule: string;
}

interface Rule {
  name: string;
  build(l: Locale): RegExp;
  /**
   * The characters a match can start with (the lists the pattern opens with), so that word-matches.ts
   * tries the rule only where one stands; null or absent: everywhere. A superset never changes a match.
   */
  starts?(l: Locale): readonly string[] | null;
  /**
   * A pattern that every match of the rule contains (a piece of it that all its alternatives pass
   * through, with the same flags): where the gate finds nothing the rule cannot match, so it is not
   * run. For rules whose own pattern is dear to walk and whose gate is a short list of words that
   * irregexp scans quickly. A pattern that may start inside a word (no word-start lookbehind) must open
   * with its gate: it is tried only where the gate matches (matchesAtGates).
   */
  gate?(l: Locale): RegExp;
  extract(m: RegExpExecArray, l: Locale): Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[];
}

const SEP = '[\\s\\u00a0]+';
const AUX = '(?:(?:among(?:\\s+the)?(?:\\s+those)?|remain|remains|remained|still|were|was|have\\s+been|has\\s+been|had\\s+been|are|is|got|being|reportedly|also|later|all|seriously|critically|slightly|lightly|fatally|severely|mortally|were\\s+reportedly|were\\s+also|було|були|був|була|ще|також|были|был|была|еще|ещё|также|тяжело|легко|смертельно|важко|легко)[\\s\\u00a0]+){0,3}';
/** "aged 45 and 52", "aged 45, 52 and 70": ages after the person noun are no counts. */
const AGES = '(?:[\\s\\u00a0]+aged[\\s\\u00a0]+\\d{1,3}(?:(?:\\s*,\\s*|[\\s\\u00a0]+and[\\s\\u00a0]+)\\d{1,3})*)?';
/** "Twenty-one people, among them four children, were injured": an aside between the count and its verb. */
const APPOSITIVE = '(?:\\s*,\\s*(?:among\\s+them|including|of\\s+whom|серед\\s+них|зокрема|среди\\s+них|в\\s+том\\s+числе)[\\s\\u00a0]+[^,.;]{1,40},)?';
/** Up to three descriptive words between a count and its noun ("two more elderly", "п'ятеро місцевих"). */
const ADJ = "(?:[\\p{L}\\d'’-]+[\\s\\u00a0]+){0,3}?";
/** "three of whom", "двоє з них": the words between a count and what the subset is. */
const SUBSET_OF = `of${SEP}(?:whom|them|the${SEP}(?:injured|wounded|victims|casualties|hurt))|(?:з|із|зі)${SEP}них|из${SEP}них|серед${SEP}них`;
/** "including", "among them", "серед них", "в том числе": what opens a list of children among the victims. */
const INCLUDING =
  'including|among\\s+them|among\\s+the\\s+(?:injured|wounded|dead|victims)|of\\s+whom|серед\\s+них|серед\\s+поранених|серед\\s+загиблих|зокрема|у\\s+тому\\s+числі|в\\s+тому\\s+числі|среди\\s+них|в\\s+том\\s+числе|среди\\s+раненых|среди\\s+погибших|среди\\s+пострадавших';
const BRINGING = 'bringing|raising|taking|pushing';
const LIFE_LOST = '(?:life|lives)\\s+(?:was\\s+|were\\s+)?lost';
/** What a toll is of: "the death toll", "the number of injured", "кількість загиблих", "число раненых". */
const TOLL_WHAT =
  'death\\s+toll|toll|number\\s+of\\s+(?:dead|deaths|injured|wounded|victims|casualties|injuries)|кількість\\s+(?:загиблих|поранених|постраждалих|жертв)|число\\s+(?:погибших|раненых|пострадавших|жертв)|количество\\s+(?:погибших|раненых|пострадавших|жертв)';

/** Start characters of a pattern opening with any of these (termStarts per list; null: anything). */
function startsOf(...lists: (readonly string[] | null)[]): string[] | null {
  const out: string[] = [];
  for (const list of lists) {
    if (!list) return null;
    out.push(...list);
  }
  return out;
}
const words = (...lists: (readonly string[])[]) => termStarts(lists.flat());
const verbStarts = (l: Locale) => words(l.terms.killed, l.terms.injured, l.terms.hospitalized);
const DIGITS = [...'0123456789'];

interface Anchored {
  hospitalized: RegExp;
  killed: RegExp;
  injured: RegExp;
  children: RegExp;
  countNoun: RegExp;
  bareSingle: RegExp;
  /** What bareSingle cannot match without: a comma, or "та"/"і"/"й"/"и" between spaces. */
  listJoint: RegExp;
  window: RegExp;
  andHospitalized: RegExp;
  /** Prefilters (see prefilter) of the language's casualty, update and no-casualty words. */
  anyCasualty: RegExp;
  anyUpdate: RegExp;
  anyNone: RegExp;
  /** l.casualtyWord, sticky: whether a casualty word stands at a position. */
  casualtyAt: RegExp;
}

/** How compileTerms (lexicon.ts) opens a word-list regex. */
const WORD_START = '(?<![\\p{L}\\p{N}])';

/**
 * The word-list regex without its opening word-start lookbehind, neither global nor sticky: it matches
 * wherever the regex does (and maybe more), so where it finds nothing the regex finds nothing either.
 * Irregexp scans a pattern that opens with its words many times faster than word-matches.ts walks a
 * sentence's word starts, and most sentences hold none of these words.
 */
function prefilter(re: RegExp): RegExp {
  const src = re.source.startsWith(WORD_START) ? re.source.slice(WORD_START.length) : re.source;
  return new RegExp(src, re.flags.replace(/[gy]/g, ''));
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
      bareSingle: new RegExp(`(?:\\s*,\\s*|${SEP}(?:та|і|й|и)${SEP})(?<s>${l.src.singular})(?![\\p{L}])`, 'giu'),
      // bareSingle opens with \s*, which irregexp must try at every position; this it scans quickly.
      listJoint: /,|[\s\u00a0](?:та|і|й|и)[\s\u00a0]/iu,
      countNoun: registerStarts(new RegExp(`(?<![\\p{L}\\d])(?:${l.numbers.source})(?![\\p{L}\\d])(?:${SEP}${ADJ}(?<noun>${l.src.persons}))?`, 'giu'), l.numbers.starts),
      andHospitalized: new RegExp(`^${SEP}(?:and|та|і|й|и)${SEP}(?:(?:was|were|later|then|також|также)${SEP})?(?:${l.src.hospitalized})(?![\\p{L}])`, 'iu'),
      anyCasualty: prefilter(l.casualtyWord),
      anyUpdate: prefilter(l.updateWord),
      anyNone: prefilter(l.noneWord),
      casualtyAt: new RegExp(l.casualtyWord.source, `${l.casualtyWord.flags.replace(/[gy]/g, '')}y`),
      window: registerStarts(
        new RegExp(`(?<![\\p{L}])(?:${l.src.killed}|${l.src.injured}|${l.src.hospitalized}|${l.src.children}|toll|кількість|число|количество)`, 'giu'),
        startsOf(verbStarts(l), words(l.terms.children), ['to', 'кі', 'чи', 'ко']),
      ),
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

/**
 * The matches list.matchAll(re) gives, for a global regex none of whose matches is empty, by an exec
 * loop: a list is a short string seen once, so neither matchAll (which clones the regex) nor
 * word-matches.ts (which computes the list's word starts, and evicts the sentence's from its ring)
 * pays for itself.
 */
function* listMatches(re: RegExp, list: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = re.exec(list)); ) yield m;
}

/** Sums every count in a list like "three passengers and four rescuers". */
function sumCounts(list: string, l: Locale): { value: number; atLeast: boolean; children: number } | null {
  let value = 0;
  let atLeast = false;
  let children = 0;
  let any = false;
  // A count is never empty (numbers.ts), nor then a match.
  for (const m of listMatches(anchored(l).countNoun, list)) {
    const countText = m[0].slice(0, m[0].length - (m.groups?.noun?.length ?? 0));
    const c = l.numbers.parse(countText);
    if (!c) continue;
    any = true;
    value += c.value;
    atLeast ||= c.atLeast;
    if (m.groups?.noun && anchored(l).children.test(m.groups.noun)) children += c.value;
  }
  // "двое медиков и ребёнок": a list item that is a bare singular noun counts one.
  if (any && l.lang !== 'en' && anchored(l).listJoint.test(list)) {
    // A match holds its person noun: never empty.
    for (const m of listMatches(anchored(l).bareSingle, list)) {
      value += 1;
      if (anchored(l).children.test(m.groups!.s!)) children += 1;
    }
  }
  return any ? { value, atLeast, children } : null;
}

/** Gates (see Rule.gate) that several rules share: the person noun, the hospitalized phrase. */
const singularGate = (l: Locale) => new RegExp(`(?:${l.src.singular})(?![\\p{L}])`, 'iu');
const hospitalizedGate = (l: Locale) => new RegExp(`(?:${l.src.hospitalized})`, 'iu');

const RULES: Rule[] = [
  {
    // "four people were wounded", "three passengers and four rescuers were injured", "двоє людей загинули"
    name: 'count-people-verb',
    // A count here is followed by white space, or the comma of an aside (APPOSITIVE).
    starts: (l) => startsOf(words(l.terms.additional), l.numbers.startsBefore([','])),
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}\\d])(?<!aged${SEP}|aged${SEP}\\d{1,3}${SEP}and${SEP}|aged${SEP}\\d{1,3},${SEP})(?<add>(?:${l.src.additional})${SEP})?(?<list>(?:${l.numbers.source})${SEP}${ADJ}(?:${l.src.persons})(?:(?:\\s*,\\s*|${SEP}(?:and|та|і|й|и)${SEP})(?:${l.numbers.source})${SEP}${ADJ}(?:${l.src.persons}))*|(?:${l.numbers.source}))(?:${SEP}(?:${l.src.additional}))?${AGES}${APPOSITIVE}${SEP}${AUX}(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])`,
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
    // "injuring at least 14 people", "killed two civilians", "поранено двох людей", "загинули 3 людини"; a list item
    // followed by its own verb starts the next clause ("погибли семеро, 22 человека ранены").
    name: 'verb-count-people',
    starts: verbStarts,
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}])(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})${SEP}(?:(?:ще|еще|ещё|another|also|щонайменше|)${SEP})?(?<list>(?:${l.numbers.source})(?<noun>${SEP}${ADJ}(?:${l.src.persons}))?(?:(?:\\s*,\\s*|${SEP}(?:and|та|і|й|и)${SEP})(?:(?:${l.numbers.source})${SEP}${ADJ}(?:${l.src.persons})|(?:${l.src.singular})(?=[\\s,.;:]|$))(?!${SEP}${AUX}(?:${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])))*)(?![\\p{L}\\d])`,
        'giu',
      ),
    extract(m, l) {
      const field = fieldOf(m.groups!.verb!, l);
      // English "killed 3" needs a noun or a clear object; Ukrainian/Russian passive "поранено 3" does not.
      if (!field) return [];
      // ... unless it continues a figure with its noun: "killed two people and wounded five".
      if (l.lang === 'en' && !m.groups!.noun && !/ing$/i.test(m.groups!.verb!) && !/(?:^|[^\p{L}])and[\s\u00a0]+$/u.test(m.input.slice(Math.max(0, m.index! - 5), m.index!))) return [];
      const sum = sumCounts(m.groups!.list!, l);
      if (!sum) return [];
      const out: Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[] = [{ field, value: sum.value, atLeast: sum.atLeast, additive: /(?:^|\s)(?:ще|еще|ещё|another)\s/iu.test(m[0]) }];
      const cf = childrenField(field);
      const noun = (m.groups!.noun ?? '').trim().split(/[\s\u00a0]+/).pop() ?? '';
      // The children among the list ("двое медиков и ребёнок" → 1), else the whole count when its noun is children.
      const kids = sum.children > 0 ? sum.children : anchored(l).children.test(noun) ? sum.value : 0;
      if (cf && kids) out.push({ field: cf, value: kids, atLeast: sum.atLeast, additive: false });
      return out;
    },
  },
  {
    // "a man was killed", "a 9-year-old girl was injured", "загинула жінка", "поранено 54-річного чоловіка"
    name: 'singular-person',
    // Every alternative names the person (a non-letter follows: a comma, a space, the end).
    gate: singularGate,
    starts: (l) =>
      // (English: each of these words is followed by white space; the bare "a" would let "and", "at" through.)
      l.lang === 'en'
        ? ['another ', 'a ', 'an ', 'one ', 'the ']
        : startsOf(verbStarts(l), words(['ще', 'також', 'еще', 'ещё', 'также', 'один', 'одна', 'одну', 'одній', 'одного', 'одному', 'одной', 'одним']), DIGITS, words(l.terms.singular)),
    build: (l) =>
      new RegExp(
        l.lang === 'en'
          ? `(?<![\\p{L}])(?<add>another${SEP})?(?:an?|one|the)${SEP}(?:[\\p{L}\\d'’-]+${SEP}){0,3}?(?<noun>${l.src.singular})(?:,\\s*\\d{1,3},)?(?:${SEP}(?:of|at|from)${SEP}(?:the|a|an)${SEP}[\\p{L}-]+)?${SEP}(?:(?:who|that)${SEP})?(?:(?:was|has\\s+been|had\\s+been|has|had|is|got)${SEP})?(?:(?:also|later|reportedly|seriously|critically|slightly|fatally|severely|mortally|among(?:${SEP}the)?(?:${SEP}those)?)${SEP})?(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])`
          : `(?<![\\p{L}])(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})${SEP}(?:(?:ще|еще|ещё|також|также)${SEP})?(?:(?:\\d{1,3}-(?:річн|летн)\\p{L}*|[\\p{L}-]+(?:ий|ого|ій|у|а|ая|ую|ый|ой|ього|ня))${SEP}){0,2}(?<noun>${l.src.singular})(?:${SEP}(?:та|і|й|и)${SEP}(?:(?:\\d{1,3}-(?:річн|летн)\\p{L}*|[\\p{L}-]+(?:ий|ого|ій|у|а|ая|ую|ый|ой|ього|ня))${SEP}){0,2}(?<noun3>${l.src.singular}))?(?![\\p{L}])|(?<![\\p{L}\\d])(?<add2>(?:ще|також|еще|ещё|также)${SEP})?(?:(?:один|одна|одну|одній|одного|одному|одной|одним)${SEP})?(?:\\d{1,3}-(?:річн|летн)\\p{L}*${SEP})?(?<noun2>${l.src.singular})${SEP}(?:[\\p{L}-]+${SEP}){0,2}?(?<verb2>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})(?![\\p{L}])`,
        'giu',
      ),
    extract(m, l) {
      const verb = m.groups!.verb ?? m.groups!.verb2;
      const noun = m.groups!.noun ?? m.groups!.noun2 ?? '';
      if (!verb) return [];
      const field = fieldOf(verb, l);
      if (!field) return [];
      // "поранено 38-річного чоловіка та 16-річного хлопця": two people, each may be a child.
      const second = m.groups!.noun3;
      const out: Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[] = [{ field, value: second ? 2 : 1, atLeast: false, additive: !!(m.groups!.add ?? m.groups!.add2) }];
      // (An age holds a hyphen: most quotes have none.)
      const minors = m[0].includes('-') ? [...m[0].matchAll(/(\d{1,3})-(?:year|річн|летн)/giu)].filter((a) => Number(a[1]) < 18).length : 0;
      const nouns = [noun, second].filter((n): n is string => !!n);
      const childCount = Math.max(minors, nouns.filter((n) => anchored(l).children.test(n)).length);
      const child = childCount > 0;
      const cf = childrenField(field);
      if (child && cf) out.push({ field: cf, value: childCount, atLeast: false, additive: false });
      return out;
    },
  },
  {
    // "Він госпіталізований", "Її доставили до лікарні", "Он госпитализирован": the one person just reported.
    name: 'pronoun-hospitalized-cyr',
    gate: hospitalizedGate,
    starts: () => words(['він', 'вона', 'його', 'її', 'он', 'она', 'его', 'ее', 'её']),
    build: (l) => new RegExp(`(?<![\\p{L}])(?:він|вона|його|її|он|она|его|ее|её)${SEP}(?:(?:був|була|було|був|был|была|також|также|вже|уже)${SEP})?(?:${l.src.hospitalized})(?![\\p{L}])`, 'giu'),
    extract: () => [{ field: 'hospitalized', value: 1, atLeast: false, additive: false }],
  },
  {
    // "Усі поранені госпіталізовані", "їх госпіталізовано", "Усіх доставили до лікарні": as many as were injured.
    name: 'all-hospitalized-cyr',
    gate: hospitalizedGate,
    starts: () => words(['усі', 'всі', 'усіх', 'всіх', 'їх', 'все', 'всех', 'их']),
    build: (l) =>
      new RegExp(`(?<![\\p{L}])(?:усі|всі|усіх|всіх|їх|все|всех|их)${SEP}(?:(?:${l.src.injured})${SEP})?(?:(?:було|були|также|також)${SEP})?(?:${l.src.hospitalized})(?![\\p{L}])`, 'giu'),
    extract: () => [{ field: 'hospitalized', value: 0, atLeast: false, additive: false, all: true }],
  },
  {
    // "Поранених — 12", "Загиблих — двоє", "Раненых – пятеро": the noun, a dash, the count.
    name: 'noun-dash-count',
    gate: () => /[—–-]/iu,
    starts: verbStarts,
    build: (l) => new RegExp(`(?<![\\p{L}])(?<verb>${l.src.killed}|${l.src.injured}|${l.src.hospitalized})[\\s\\u00a0]*[—–-][\\s\\u00a0]*(?<count>${l.numbers.source})(?![\\p{L}\\d])`, 'giu'),
    extract(m, l) {
      const field = fieldOf(m.groups!.verb!, l);
      const c = l.numbers.parse(m.groups!.count!);
      return field && c ? [{ field, value: c.value, atLeast: c.atLeast, additive: false }] : [];
    },
  },
  {
    // "killing a 64-year-old man", "injuring a woman", "shelling killed an elderly man" (English active voice)
    name: 'verb-singular-person',
    gate: singularGate,
    starts: (l) => words(l.terms.killed, l.terms.injured),
    build: (l) =>
      new RegExp(`(?<![\\p{L}])(?<verb>${l.src.killed}|${l.src.injured})${SEP}(?:an?|one|its|his|her|their)${SEP}(?:[\\p{L}\\d'’-]+${SEP}){0,3}?(?<noun>${l.src.singular})(?![\\p{L}])`, 'giu'),
    extract(m, l) {
      const field = fieldOf(m.groups!.verb!, l);
      if (!field || field === 'hospitalized') return [];
      const out: Omit<Figure, 'start' | 'end' | 'quote' | 'rule' | 'update'>[] = [{ field, value: 1, atLeast: false, additive: false }];
      const age = /(\d{1,3})-year/iu.exec(m[0]);
      const cf = childrenField(field);
      if (cf && (anchored(l).children.test(m.groups!.noun!) || (age !== null && Number(age[1]) < 18))) out.push({ field: cf, value: 1, atLeast: false, additive: false });
      return out;
    },
  },
  {
    // "He is in hospital", "She was taken to the hospital": the one person just reported is hospitalized.
    name: 'pronoun-hospitalized',
    gate: hospitalizedGate,
    starts: () => words(['he', 'she', 'его', 'её', 'ее', 'його', 'її']),
    build: (l) => new RegExp(`(?<![\\p{L}])(?:(?:he|she)${SEP}(?:was|is|has${SEP}been|remains)${SEP}(?:(?:also|later|now|currently|then)${SEP})?|(?:его|её|ее|його|її)${SEP}(?:(?:тоже|также|теж|також)${SEP})?)(?:${l.src.hospitalized})(?![\\p{L}])`, 'giu'),
    extract: () => [{ field: 'hospitalized', value: 1, atLeast: false, additive: false }],
  },
  {
    // "three of whom were hospitalized", "двоє з них госпіталізовані"
    name: 'subset-of-them',
    gate: () => new RegExp(SUBSET_OF, 'iu'),
    starts: (l) => l.numbers.startsBefore([]),
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}\\d])(?<count>${l.numbers.source})${SEP}(?:${SUBSET_OF})${SEP}(?:[—–-]${SEP})?${AUX}(?:(?:an?|one)${SEP})?(?<verb>${l.src.hospitalized}|${l.src.killed}|${l.src.injured}|(?:${l.src.children}))`,
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
    gate: () => new RegExp(INCLUDING, 'iu'),
    starts: () => words(['including', 'among', 'of', 'серед', 'зокрема', 'у', 'в', 'среди']),
    build: (l) =>
      new RegExp(
        `(?<![\\p{L}])(?:${INCLUDING})${SEP}(?:(?:are|were|is|was|є|—|-)${SEP})?(?<count>(?:${l.numbers.source}|an?|one)(?!-))?(?:${SEP})?(?:[\\p{L}\\d'’-]+${SEP}){0,4}?(?<noun>${l.src.children})(?![\\p{L}])`,
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
    // "one life lost", "the death toll rose to 7", "кількість загиблих зросла до 5", "число раненых возросло до 12",
    // and the elliptical clause with a dash for the verb ("а число раненых — до девяти")
    name: 'toll-rose-to',
    // The pattern may start inside a word and its count grammar makes a scan slow: it opens with the
    // toll words, so it is tried only where they stand (matchesAtGates).
    gate: () => new RegExp(TOLL_WHAT, 'iu'),
    build: (l) =>
      new RegExp(
        `(?<what>${TOLL_WHAT})(?:[^.;:]{0,90}?)(?:rose|risen|increased|climbed|grew|reached|jumped|stands|is|now|зросла|зросло|збільшилася|збільшилась|сягнула|возросло|выросло|увеличилось|достигло|составляет|становить|[—–])(?:${SEP}(?:to|до|at))?${SEP}(?<count>${l.numbers.source})`,
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
    // "bringing the total number of injured to nine", "bringing the death toll to 12"
    name: 'bringing-toll-to',
    gate: () => new RegExp(BRINGING, 'iu'),
    starts: () => words(['bringing', 'raising', 'taking', 'pushing']),
    build: (l) =>
      new RegExp(`(?<![\\p{L}])(?:${BRINGING})${SEP}the${SEP}(?:(?:total|overall|official)${SEP})?(?<what>death${SEP}toll|toll|number${SEP}of${SEP}(?:dead|deaths|injured|wounded|victims|casualties|injuries)|total)${SEP}to${SEP}(?<count>${l.numbers.source})`, 'giu'),
    extract(m, l) {
      const c = l.numbers.parse(m.groups!.count!);
      if (!c) return [];
      const field = /injur|wound|casualt/iu.test(m.groups!.what!) ? 'injured' : 'killed';
      return [{ field, value: c.value, atLeast: c.atLeast, additive: false }];
    },
  },
  {
    // "one life lost", "a life was lost"
    name: 'life-lost',
    gate: () => new RegExp(LIFE_LOST, 'iu'),
    // Each count is followed by white space (\s+).
    starts: () => ['one ', 'a ', 'two ', 'three ', 'four ', 'five '],
    build: () => new RegExp(`(?<![\\p{L}])(?<count>one|a|two|three|four|five)\\s+${LIFE_LOST}`, 'giu'),
    extract(m, l) {
      const c = /^a$/i.test(m.groups!.count!) ? { value: 1, atLeast: false } : l.numbers.parse(m.groups!.count!);
      return c ? [{ field: 'killed', value: c.value, atLeast: false, additive: false }] : [];
    },
  },
];

interface CompiledRule {
  rule: Rule;
  re: RegExp;
  gate: RegExp | null;
  /**
   * The gate's number among the language's distinct gates (the same source and flags: the person
   * noun, the hospitalized phrase), or -1: a gate two rules share is tested once per text.
   */
  gateId: number;
  /** For a pattern that may start inside a word and opens with its gate: sticky twins of both. */
  anywhere: { re: RegExp; gate: RegExp } | null;
}

/**
 * The matches text.matchAll(re) gives, for a pattern that opens with its gate: a match can only start
 * where the gate matches, so the pattern (sticky) is tried at those positions only, left to right,
 * overlapping ones too ("toll" inside "death toll"), going on after each match as matchAll does (a
 * match holds its gate's words, so it is never empty). The gate is a short list of words that irregexp
 * scans quickly; the whole pattern, with its count grammar, scans slowly.
 */
function* matchesAtGates(sticky: RegExp, gate: RegExp, text: string): Generator<RegExpExecArray> {
  for (let from = 0; from < text.length; ) {
    gate.lastIndex = from;
    const g = gate.exec(text);
    if (!g) return;
    sticky.lastIndex = g.index;
    const m = sticky.exec(text);
    if (m) yield m;
    // On after the match, or past the character (a whole code point: no match starts inside a pair).
    from = m ? g.index + m[0].length : g.index + (text.codePointAt(g.index)! > 0xffff ? 2 : 1);
  }
}

const compiled = new Map<string, CompiledRule[]>();
/** Rules for English word order only (Ukrainian and Russian put the verb first anyway: 'singular-person'). */
// 'pronoun-hospitalized' runs on every language: "його госпіталізували", "его госпитализировали".
const EN_ONLY = new Set(['life-lost', 'verb-singular-person', 'bringing-toll-to']);
/** Rules for Ukrainian and Russian word order and pronouns. */
const CYR_ONLY = new Set(['pronoun-hospitalized-cyr', 'all-hospitalized-cyr', 'noun-dash-count']);

/** `gateIds`: the language's distinct gates so far, by source and flags, numbered in order. */
function compileRule(rule: Rule, l: Locale, gateIds: Map<string, number>): CompiledRule {
  const re = registerStarts(rule.build(l), rule.starts?.(l) ?? null);
  const gate = rule.gate?.(l) ?? null;
  const key = gate && `${gate.flags}/${gate.source}`;
  const gateId = key === null ? -1 : (gateIds.get(key) ?? gateIds.set(key, gateIds.size).get(key)!);
  const anywhere = gate && !wordStartOnly(re.source) ? { re: new RegExp(re.source, `${re.flags.replace('g', '')}y`), gate: new RegExp(gate.source, `${gate.flags}g`) } : null;
  return { rule, re, gate, gateId, anywhere };
}

function rulesFor(l: Locale): CompiledRule[] {
  let r = compiled.get(l.lang);
  if (!r) {
    const gateIds = new Map<string, number>();
    r = RULES.filter((rule) => (l.lang === 'en' ? !CYR_ONLY.has(rule.name) : !EN_ONLY.has(rule.name))).map((rule) => compileRule(rule, l, gateIds));
    compiled.set(l.lang, r);
  }
  return r;
}

/** The patterns run through word-matches.ts with their start characters (for the equivalence test). */
export function casualtyPatterns(l: Locale): RegExp[] {
  const a = anchored(l);
  return [...rulesFor(l).map((r) => r.re), a.window, a.countNoun];
}

type Found = ReturnType<Rule['extract']>[number];

/**
 * A rule's figure placed in the sentence: { ...f, field, start, end, quote, rule, update } with the
 * same keys in the same order (an object spread over the rules' several shapes is a slow generic copy).
 */
function placed(f: Found, field: FigureField, start: number, quote: string, rule: string, update: boolean): Figure {
  const g = { field, value: f.value, atLeast: f.atLeast, additive: f.additive } as Figure;
  if ('all' in f) g.all = f.all;
  g.start = start;
  g.end = start + quote.length;
  g.quote = quote;
  g.rule = rule;
  g.update = update;
  return g;
}

/** "Initially five dead ...; by Saturday the toll had reached 41": a figure after such a word is no update. */
function staleBefore(sentence: string, at: number, l: Locale): boolean {
  return l.staleBefore?.test(sentence.slice(Math.max(0, at - 80), at)) ?? false;
}

/**
 * Each gated pattern with its gate and the matches findFigures takes from a text (for the test that a
 * gate never hides a match, and that they are matchAll's): the gated rules and the word lists.
 */
export function gatedPatterns(l: Locale): { re: RegExp; gate: RegExp; matches(text: string): RegExpExecArray[] }[] {
  const a = anchored(l);
  const lists: [RegExp, RegExp][] = [
    [l.casualtyWord, a.anyCasualty],
    [l.updateWord, a.anyUpdate],
    [l.noneWord, a.anyNone],
    [a.bareSingle, a.listJoint],
  ];
  return [
    ...rulesFor(l)
      .filter((c) => c.gate)
      .map(({ re, gate, anywhere }) => ({ re, gate: gate!, matches: (t: string) => [...(anywhere ? matchesAtGates(anywhere.re, anywhere.gate, t) : wordMatches(re, t))] })),
    ...lists.map(([re, gate]) => ({ re, gate, matches: (t: string) => [...wordMatches(re, t)] })),
  ];
}

/** "ще двоє поранені": a figure that adds to the killed or injured known so far. */
const addsToKnown = (f: Figure) => f.additive && (f.field === 'killed' || f.field === 'injured');

/**
 * hasWordMatch(l.casualtyWord, sentence), tried first where the window words stand (the sentence's
 * killed, injured, hospitalized, children and toll words; most start a casualty word): a casualty
 * word found at one of them answers yes without a walk of the sentence; else the walk decides.
 */
function holdsCasualtyWord(sentence: string, hits: RegExpExecArray[], l: Locale): boolean {
  const at = anchored(l).casualtyAt;
  for (const m of hits) {
    at.lastIndex = m.index;
    if (at.test(sentence)) return true;
  }
  return hasWordMatch(l.casualtyWord, sentence);
}

/** holdsCasualtyWord with the sentence's window words, or null without any (for the equivalence test). */
export function casualtyWordHeld(sentence: string, l: Locale): boolean | null {
  const hits = wordMatches(anchored(l).window, sentence);
  return hits.length ? holdsCasualtyWord(sentence, hits, l) : null;
}

/** All casualty figures in a sentence, overlaps resolved (the longer match wins), in text order. */
export function findFigures(sentence: string, offset: number, l: Locale): Figure[] {
  const pre = anchored(l);
  if (!pre.anyCasualty.test(sentence)) return [];
  // The rules only run in windows around casualty words: a long sentence costs what its figures cost.
  // Without a window no rule runs, and there is no figure whatever the casualty-word test says.
  const hits = wordMatches(pre.window, sentence);
  if (!hits.length || !holdsCasualtyWord(sentence, hits, l)) return [];
  const raw: Figure[] = [];
  // Whether the sentence updates a figure, asked only once it has one (the test has no side effect).
  let updates: boolean | undefined;
  const isUpdate = () => (updates ??= pre.anyUpdate.test(sentence) && hasWordMatch(l.updateWord, sentence));
  const windows: [number, number][] = [];
  for (const m of hits) {
    const a = Math.max(0, m.index! - 160);
    const b = Math.min(sentence.length, m.index! + m[0].length + 120);
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  for (const [a, b] of windows) {
    const part = sentence.slice(a, b);
    // Each distinct gate's answer on this part (a gate is not global: test has no side effect).
    const opened: (boolean | undefined)[] = [];
    for (const { rule, re, gate, gateId, anywhere } of rulesFor(l)) {
      if (gate && !(opened[gateId] ??= gate.test(part))) continue;
      re.lastIndex = 0;
      // Rules that can only start a word are tried at word starts only (word-matches.ts), one that may
      // start anywhere where its gate matches; the same matches.
      for (const m of anywhere ? matchesAtGates(anywhere.re, anywhere.gate, part) : wordMatches(re, part)) {
        const quote = m[0];
        const start = offset + a + m.index!;
        const figs = rule.extract(m as RegExpExecArray, l);
        // The stale test only matters for an update; it has no side effect, so it is run only then.
        const update = figs.length > 0 && (rule.name === 'toll-rose-to' || rule.name === 'bringing-toll-to' || (isUpdate() && !staleBefore(sentence, a + m.index!, l)));
        for (const f of figs) raw.push(placed(f, f.field, start, quote, rule.name, update));
        // "was injured and hospitalized", "were wounded and taken to hospital": the same people, hospitalized.
        const inj = figs.find((f) => f.field === 'injured');
        const tail = inj && anchored(l).andHospitalized.exec(part.slice(m.index! + quote.length, m.index! + quote.length + 40));
        if (inj && tail) raw.push(placed(inj, 'hospitalized', start, quote + tail[0], `${rule.name}+hospitalized`, isUpdate()));
      }
    }
  }
  // What follows only drops, orders and marks figures.
  if (!raw.length) return raw;
  // "No one was injured", "the driver was not injured": a count inside a no-casualty phrase is no figure.
  l.noneWord.lastIndex = 0;
  const none = (pre.anyNone.test(sentence) ? [...wordMatches(l.noneWord, sentence)] : []).map((m) => [offset + m.index!, offset + m.index! + m[0].length] as const);
  if (none.length) for (let i = raw.length - 1; i >= 0; i--) if (none.some(([a, b]) => raw[i]!.start < b && raw[i]!.end > a)) raw.splice(i, 1);
  // "вбито 52-річну медсестру", "a 9-year-old": an age is no count.
  for (let i = raw.length - 1; i >= 0; i--) if (/\d$/u.test(raw[i]!.quote) && /^-(?:річн|летн|year|month|місяч|месяч)/iu.test(sentence.slice(raw[i]!.end - offset, raw[i]!.end - offset + 8))) raw.splice(i, 1);
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
  // ... unless the sentence itself adds to what came before ("Також ... загинув 1, ще 4 постраждали").
  // (Asked only when a figure could be marked: the test has no side effect.)
  const addsToEarlier = out.some(addsToKnown) && /^[\s\p{P}]*(?:також|крім\s+того|окрім\s+того|кроме\s+того|также|also|in\s+addition)(?![\p{L}])/iu.test(sentence);
  for (const f of out) {
    if (addsToEarlier || !addsToKnown(f)) continue;
    const earlier = out.filter((g) => g.start < f.start);
    if (earlier.some((g) => g.field === (f.field === 'killed' ? 'injured' : 'killed')) && !earlier.some((g) => g.field === f.field)) f.besides = true;
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
  if (!anchored(l).anyNone.test(sentence)) return false;
  if (!l.noneBlocked) return hasWordMatch(l.noneWord, sentence);
  // "Информации о пострадавших нет" holds "пострадавших нет" but says the toll is unknown, not zero.
  for (const m of wordMatches(l.noneWord, sentence)) if (!l.noneBlocked.test(sentence.slice(Math.max(0, m.index - 40), m.index))) return true;
  return false;
}
