/**
 * Matching inflected place names without generating every case form: names are indexed by stem
 * (the nominative minus its ending, plus the stems its declension alternates to), and each word of
 * the text is looked up under every stem its possible endings leave. "Харків" is indexed as харків,
 * харков, харкев; "у Харкові" yields харкові, харков (−і), харк (−ові): харков matches.
 *
 * Ukrainian and Russian share one ending list: the two declensions overlap and a false stem only
 * costs a Map miss.
 */
import { hasCyrillic } from './normalize.js';

/** Oblique and nominative endings of nouns and adjectives (uk + ru), longest first. */
export const TEXT_ENDINGS = [
  'ьем', 'ами', 'ями', 'ові', 'еві', 'єві', 'ого', 'ому', 'ими', 'ому', 'ему', 'его',
  'ої', 'ій', 'ою', 'ею', 'єю', 'ом', 'ем', 'єм', 'им', 'ім', 'их', 'іх', 'ах', 'ях', 'ам', 'ям', 'ів', 'їв',
  'ей', 'ой', 'ий', 'ый', 'ая', 'ое', 'ые', 'ую', 'юю', 'ье', 'ья', 'ью', 'ьи', 'ов', 'ев', 'ым', 'ых',
  'а', 'я', 'у', 'ю', 'і', 'ї', 'и', 'ы', 'е', 'є', 'о', 'ь', 'й',
].sort((a, b) => b.length - a.length);

/** Nominative endings removed to index a name word. */
const NOMINATIVE_ENDINGS = ['ий', 'ій', 'ый', 'ой', 'ая', 'ое', 'ее', 'ье', 'ья', 'а', 'я', 'е', 'є', 'о', 'і', 'и', 'ы', 'ь', 'й'];

const MIN_STEM = 3;

/**
 * TEXT_ENDINGS by last letter, each list in TEXT_ENDINGS order: a word is tried only against the
 * endings it can have, and pushes its stems in the same order as a pass over the whole list.
 */
const TEXT_ENDINGS_BY_LAST = new Map<number, string[]>();
for (const e of TEXT_ENDINGS) {
  const last = e.charCodeAt(e.length - 1);
  const list = TEXT_ENDINGS_BY_LAST.get(last);
  if (list) list.push(e);
  else TEXT_ENDINGS_BY_LAST.set(last, [e]);
}

/** Consonant alternation before -і in Ukrainian dative/locative (Новоселівка → Новоселівці, Ріг → Розі). */
const CONSONANT_ALTERNATION: Record<string, string[]> = { 'к': ['ц'], 'г': ['з'], 'х': ['с'] };

/** Stems a nominative name word is indexed under. */
export function indexStems(word: string): string[] {
  if (!hasCyrillic(word)) return [word];
  let stem = word;
  let hadEnding = false;
  for (const e of NOMINATIVE_ENDINGS) {
    if (word.endsWith(e) && word.length - e.length >= MIN_STEM) {
      stem = word.slice(0, -e.length);
      hadEnding = e !== 'ь' && e !== 'й';
      break;
    }
  }
  // The text side strips the same endings, so the stem alone finds the nominative too.
  const out = new Set<string>([stem]);
  // Closed-syllable alternation: Харків → Харкова, Київ → Києва, Ірпінь → Ірпеня.
  if (!hadEnding) {
    const m = /^(.*)([іїо])([^аеєиіїоуюяь']+)$/.exec(stem);
    if (m) {
      const [, head, vowel, tail] = m as unknown as [string, string, string, string];
      const alts = vowel === 'ї' ? ['є', 'ї'] : ['о', 'е', 'і'];
      for (const a of alts) out.add(head + a + tail);
    }
  }
  // Fleeting vowel: Марганець → Марганця / Марганцю / Марганці, Марганец → Марганца; Кременець → Кременця.
  if (!hadEnding) {
    const m = /^(.*[^аеєиіїоуюяь'])[еє](ц)$/.exec(stem) ?? /^(.*[^аеєиіїоуюяь'])о(к)$/.exec(stem);
    if (m && m[1]!.length >= MIN_STEM - 1) out.add(m[1]! + m[2]!);
  }
  for (const s of [...out]) {
    const last = s.slice(-1);
    for (const alt of CONSONANT_ALTERNATION[last] ?? []) out.add(s.slice(0, -1) + alt);
  }
  return [...out];
}

/** Every stem a text word could be an inflection of (the word itself included). */
/** English plural qualifiers after a list of names: "the Saltivskyi and Kyivskyi districts". */
const LATIN_PLURALS = new Map(Object.entries({ districts: 'district', raions: 'raion', hromadas: 'hromada', communities: 'community', oblasts: 'oblast', regions: 'region' }));

export function textStems(word: string): string[] {
  if (!hasCyrillic(word)) {
    // English possessive: Kharkiv's, Kyiv’s.
    if (word.endsWith("'s")) return [word, word.slice(0, -2)];
    const singular = LATIN_PLURALS.get(word);
    return singular ? [word, singular] : [word];
  }
  const out = [word];
  const endings = TEXT_ENDINGS_BY_LAST.get(word.charCodeAt(word.length - 1));
  if (!endings) return out;
  for (const e of endings) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) out.push(word.slice(0, -e.length));
  }
  return out;
}

/**
 * Russian approximations of a Ukrainian adjective or name, for raion/hromada/district names GeoNames
 * lacks: the plain letter mapping, plus the feminine adjective ending (-ська → -ская: "Покровская
 * громада") and the -ьевск- spelling of Ukrainian -івськ- after a consonant ("Червоногригорьевская").
 */
export function russianVariants(uk: string): string[] {
  const fem = (s: string) => s.replace(/ська$/u, 'ская').replace(/цька$/u, 'цкая').replace(/([^аеиоуыэюя])на$/u, '$1ная');
  // The Ukrainian spellings each Russian form is mapped from (the letter mapping applies to all).
  const spellings = [
    uk,
    uk.replace(/([бвгджзклмнпрстфхцчшщ])івськ/gu, '$1ьевськ').replace(/([бвгджзклмнпрстфхцчшщ])івка/gu, '$1ьевка'),
    // The apostrophe has no Russian counterpart before я/ю/є in many names: Основ'янський → Основянский.
    ...(/'/u.test(uk) ? [uk.replace(/'/gu, '')] : []),
    // Ukrainian и is often Russian ы: Немишлянський → Немышлянский.
    ...(/и/u.test(uk) ? [uk.replace(/и(?!й)/gu, 'ы')] : []),
  ];
  const out = new Set<string>();
  for (const spelling of spellings) {
    const ru = russianVariant(spelling);
    out.add(ru);
    out.add(fem(ru));
  }
  out.delete(uk);
  return [...out];
}

/** Russian approximation of a Ukrainian adjective or name (the plain letter mapping). */
export function russianVariant(uk: string): string {
  return uk
    .replace(/івськ/g, 'овск')
    .replace(/ївськ/g, 'евск')
    .replace(/івка/g, 'овка')
    .replace(/ївка/g, 'евка')
    .replace(/ський/g, 'ский')
    .replace(/цький/g, 'цкий')
    .replace(/ний/g, 'ный')
    .replace(/і/g, 'и')
    .replace(/ї/g, 'и')
    .replace(/є/g, 'е')
    .replace(/'/g, 'ь');
}
