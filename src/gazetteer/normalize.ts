/**
 * Name normalization shared by the gazetteer build and the matcher: one apostrophe, ё folded to е,
 * lower case, single spaces. Offsets are never computed on normalized text: the matcher keeps the
 * original token positions.
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[’ʼ`‘´]/g, "'")
    .replace(/[ёЁ]/g, 'е')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalizes one word token (already without surrounding spaces). */
export function normalizeToken(s: string): string {
  return s.replace(/[’ʼ`‘´]/g, "'").replace(/[ёЁ]/g, 'е').toLowerCase();
}
