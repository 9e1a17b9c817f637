/**
 * A language pack: the word lists of data/lexicon/<lang>/ compiled once into the matchers the rules
 * use. Every language has the same shape, so the rules are written once and run on en, uk and ru.
 */
import type { FacilityCategory, Language, Utility, Weapon } from '../domain/vocabulary.js';
import { alternation } from './alternation.js';
import { compileTerms, KeyedMatcher, loadLexicon, termSource } from './lexicon.js';
import { numberGrammar, type NumberGrammar } from './numbers.js';

interface CasualtyLexicon {
  killed: string[];
  injured: string[];
  hospitalized: string[];
  treated_on_site?: string[];
  persons: string[];
  singular_persons: string[];
  children: string[];
  update: string[];
  /** "initially", "at first": the figure that follows was superseded, whatever update word the sentence has. */
  stale?: string[];
  additional: string[];
  none: string[];
  /** Words that, just before a "none" phrase, make it an unknown ("информации о" + "пострадавших нет"). */
  none_not_after?: string[];
}

interface CueLexicon {
  rhetorical: string[];
  national_scope: string[];
  displacement: string[];
  diplomacy: string[];
  non_attack_before: string[];
  russia_places: string[];
  attack: string[];
  historical: string[];
  air_defence: string[];
  /** "shot down", "intercepted": a sentence only about interceptions reports no hit. */
  interception?: string[];
  /** "no damage", "no hits": phrases with an attack word that deny an attack. */
  not_attack?: string[];
  /** "the night passed calmly": the places of such a line were not attacked. */
  calm?: string[];
  /** "air-raid alert", "threat of drones": weapons named as a warning, not as a strike. */
  alert?: string[];
}

interface UtilityLexicon {
  outage: string[];
  power: string[];
  heat: string[];
  water: string[];
  gas: string[];
  communications: string[];
  units: Record<string, string>;
}

interface RoleLexicon {
  roles: string[] | Record<string, string>;
  organisations: string[];
}

export interface Locale {
  lang: Language;
  numbers: NumberGrammar;
  /** Alternation sources, for rules that build sentence patterns. */
  src: {
    killed: string;
    injured: string;
    hospitalized: string;
    persons: string;
    singular: string;
    children: string;
    additional: string;
  };
  /** The word lists behind src, for the start characters of the rules built from them (word-matches.ts). */
  terms: {
    killed: readonly string[];
    injured: readonly string[];
    hospitalized: readonly string[];
    singular: readonly string[];
    children: readonly string[];
    additional: readonly string[];
  };
  casualtyWord: RegExp; // any casualty word: a cheap gate before the figure rules run
  childWord: RegExp;
  updateWord: RegExp;
  staleBefore: RegExp | null;
  noneWord: RegExp;
  noneBlocked: RegExp | null;
  weapons: KeyedMatcher<Weapon>;
  facilities: KeyedMatcher<FacilityCategory>;
  /** Phrases holding a facility word that name no damaged facility ("treated at home"), from facilities.json "_not". */
  notFacility: RegExp | null;
  utilityWords: KeyedMatcher<Utility>;
  outageWord: RegExp;
  unitWords: { re: RegExp; units: [RegExp, string][] };
  cues: {
    rhetorical: RegExp;
    national: RegExp;
    displacement: RegExp;
    diplomacy: RegExp;
    nonAttackBefore: RegExp;
    russia: RegExp;
    attack: RegExp;
    historical: RegExp;
    airDefence: RegExp;
    calm: RegExp | null;
    alert: RegExp | null;
    interception: RegExp | null;
    notAttack: RegExp | null;
  };
  roles: { source: string; english: Map<string, string> };
}

const locales = new Map<Language, Locale>();

export function getLocale(lang: Language): Locale {
  let l = locales.get(lang);
  if (!l) {
    l = buildLocale(lang);
    locales.set(lang, l);
  }
  return l;
}

/** Factored by shared prefixes (same matches as the flat longest-first list); ignoreCase must match the regex's flags. */
const alt = (terms: readonly string[], ignoreCase = true) => alternation(terms, ignoreCase);

function required<T>(lang: Language, name: string): T {
  const v = loadLexicon<T>(lang, name);
  if (!v) throw new Error(`language pack ${lang} lacks data/lexicon/${lang}/${name}.json`);
  return v;
}

function buildLocale(lang: Language): Locale {
  const cas = required<CasualtyLexicon>(lang, 'casualties');
  const cues = required<CueLexicon>(lang, 'cues');
  const util = required<UtilityLexicon>(lang, 'utilities');
  const roles = required<RoleLexicon>(lang, 'roles');
  const weapons = required<Record<Weapon, string[]>>(lang, 'weapons');
  const facilities = required<Record<FacilityCategory, string[]> & { _not?: string[] }>(lang, 'facilities');
  const injured = [...cas.injured, ...(cas.treated_on_site ?? [])];
  const roleMap = new Map<string, string>();
  const roleTerms: string[] = [];
  if (Array.isArray(roles.roles)) for (const r of roles.roles) roleTerms.push(r);
  else for (const [k, v] of Object.entries(roles.roles)) {
    roleTerms.push(k);
    roleMap.set(k.toLowerCase(), v);
  }
  // Role words are matched case-sensitively (names must start with a capital), so list the capitalized forms too.
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const title = (t: string) => t.split(' ').map((w) => (/^(of|the|and|for|in)$/.test(w) ? w : cap(w))).join(' ');
  for (const t of [...roleTerms]) roleTerms.push(cap(t), title(t));
  const units = Object.entries(util.units).map(([k, v]) => [new RegExp(`^(?:${termSource(k)})$`, 'iu'), v] as [RegExp, string]);
  return {
    lang,
    numbers: numberGrammar(lang),
    src: {
      killed: alt(cas.killed),
      injured: alt(injured),
      hospitalized: alt(cas.hospitalized),
      persons: alt(cas.persons),
      singular: alt(cas.singular_persons),
      children: alt(cas.children),
      additional: alt(cas.additional),
    },
    terms: { killed: cas.killed, injured, hospitalized: cas.hospitalized, singular: cas.singular_persons, children: cas.children, additional: cas.additional },
    casualtyWord: compileTerms([...cas.killed, ...injured, ...cas.hospitalized, ...cas.none, ...cas.children], 'iu'),
    childWord: compileTerms(cas.children, 'iu'),
    updateWord: compileTerms(cas.update, 'iu'),
    staleBefore: cas.stale?.length ? new RegExp(`(?<![\\p{L}])(?:${alt(cas.stale)})(?![\\p{L}])[^;.]*$`, 'iu') : null,
    noneWord: compileTerms(cas.none, 'giu'),
    noneBlocked: cas.none_not_after?.length ? new RegExp(`(?<![\\p{L}])(?:${alt(cas.none_not_after)})[\\s\\u00a0]*$`, 'iu') : null,
    weapons: new KeyedMatcher(weapons),
    facilities: new KeyedMatcher<FacilityCategory>(facilities),
    notFacility: facilities._not?.length ? compileTerms(facilities._not, 'giu') : null,
    utilityWords: new KeyedMatcher({ power: util.power, heat: util.heat, water: util.water, gas: util.gas, communications: util.communications }),
    outageWord: compileTerms(util.outage, 'giu'),
    unitWords: { re: compileTerms(Object.keys(util.units), 'iu'), units },
    cues: {
      rhetorical: compileTerms(cues.rhetorical, 'iu'),
      national: compileTerms(cues.national_scope, 'iu'),
      displacement: compileTerms(cues.displacement, 'iu'),
      diplomacy: compileTerms(cues.diplomacy, 'iu'),
      nonAttackBefore: new RegExp(`(?:${alt(cues.non_attack_before)})[\\s\\u00a0]+(?:(?:the|a|an)[\\s]+)?(?:[\\p{L}'’-]+[\\s]+){0,3}$`, 'iu'),
      russia: compileTerms(cues.russia_places, 'u'),
      attack: compileTerms(cues.attack, 'iu'),
      historical: compileTerms(cues.historical, 'iu'),
      airDefence: compileTerms(cues.air_defence, 'iu'),
      calm: cues.calm?.length ? compileTerms(cues.calm, 'iu') : null,
      alert: cues.alert?.length ? compileTerms(cues.alert, 'iu') : null,
      interception: cues.interception?.length ? compileTerms(cues.interception, 'iu') : null,
      notAttack: cues.not_attack?.length ? compileTerms(cues.not_attack, 'giu') : null,
    },
    roles: { source: alt(roleTerms, false), english: roleMap },
  };
}
