/**
 * Name normalization shared by the gazetteer build and the matcher: one apostrophe, ё folded to е,
 * lower case, single spaces. Offsets are never computed on normalized text: the matcher keeps the
 * original token positions.
 */
export function normalizeName(s: string): string {
  if (isNormalAlready(s)) return s;
  return s
    .normalize('NFC')
    .replace(/[’ʼ`‘´]/g, "'")
    .replace(/[ёЁ]/g, 'е')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether normalizeName would return s unchanged, told from its code units for the common case (a
 * token's normalized form): only ASCII other than A-Z, white space and `, and Cyrillic а-я, ѐ-џ but ё.
 * None of these is a combining mark or composes with its neighbour (NFC leaves them be), none is
 * replaced or lowered, and there is no white space to collapse or trim.
 */
function isNormalAlready(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80 ? c <= 0x20 || (c >= 0x41 && c <= 0x5a) || c === 0x60 || c === 0x7f : c < 0x0430 || c > 0x045f || c === 0x0451) return false;
  }
  return true;
}

/**
 * Normalizes one word token (already without surrounding spaces). Most tokens hold none of the
 * characters folded here, and many are lower case already: a scan of the code units tells, and
 * saves the three passes (and, for a lower-case token, the copy).
 */
export function normalizeToken(s: string): string {
  let lowerAlready = true;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isFoldedChar(c)) return foldToken(s);
    if (!isOwnLowerCase(c)) lowerAlready = false;
  }
  // Nothing to fold: the two replaces would change nothing.
  return lowerAlready ? s : s.toLowerCase();
}

function foldToken(s: string): string {
  return s.replace(/[’ʼ`‘´]/g, "'").replace(/[ёЁ]/g, 'е').toLowerCase();
}

/** ’ ʼ ` ‘ ´ ё Ё: the characters normalizeToken's replaces act on. */
function isFoldedChar(c: number): boolean {
  return c === 0x2019 || c === 0x02bc || c === 0x60 || c === 0x2018 || c === 0xb4 || c === 0x0451 || c === 0x0401;
}

/** Code units toLowerCase leaves as they are whatever surrounds them: ASCII but A-Z, Cyrillic а-я and ѐ-џ. */
function isOwnLowerCase(c: number): boolean {
  return c < 0x41 || (c > 0x5a && c < 0x80) || (c >= 0x0430 && c <= 0x045f);
}

/** Whether s holds a Cyrillic code unit (U+0400–U+04FF): /[\u0400-\u04FF]/.test(s) without the regex. */
export function hasCyrillic(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x0400 && c <= 0x04ff) return true;
  }
  return false;
}
