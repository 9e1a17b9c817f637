/**
 * What a regex source says about where its matches can start: whether every top-level alternative
 * opens with a negative lookbehind on letters (then it is run only at word starts) and whether that
 * lookbehind also excludes digits.
 */

/** The index after the character class starting at src[i] ('['), or -1. */
export function classEnd(src: string, i: number): number {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === ']') return j + 1;
  }
  return -1;
}

/** The class of the negative lookbehind opening the alternative at src[i] ("\p{L}\d" of (?<![\p{L}\d])), or null. */
function guardAt(src: string, i: number): string | null {
  if (!src.startsWith('(?<![', i) || src[i + 5] === '^') return null;
  const end = classEnd(src, i + 4);
  return end > 0 && src[end] === ')' ? src.slice(i + 5, end - 1) : null;
}

/** The items of a class body, an escape as one ("\p{L}", "\d", "x"). */
function classItems(body: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < body.length; ) {
    const end = body[i] !== '\\' ? i + 1 : /[pP]/.test(body[i + 1] ?? '') && body[i + 2] === '{' ? body.indexOf('}', i) + 1 || body.length : i + 2;
    out.add(body.slice(i, end));
    i = end;
  }
  return out;
}

/** The lookbehind classes opening the top-level alternatives of the pattern, or null where one has none. */
function guards(src: string): Set<string>[] | null {
  const first = guardAt(src, 0);
  if (first === null) return null;
  const out = [classItems(first)];
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const end = classEnd(src, i);
      if (end < 0) return null;
      i = end - 1;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      const g = guardAt(src, i + 1);
      if (g === null) return null;
      out.push(classItems(g));
    }
  }
  return out;
}

/** Whether every top-level alternative of the pattern opens with a negative lookbehind on a class holding \p{L}. */
export function wordStartOnly(src: string): boolean {
  return guards(src)?.every((g) => g.has('\\p{L}')) ?? false;
}

/** Whether, besides, every such class holds the ASCII digits: no match starts right after one. */
export function digitStartOnly(src: string): boolean {
  return wordStartOnly(src) && guards(src)!.every((g) => g.has('\\d') || g.has('\\p{N}') || g.has('\\p{Nd}'));
}
