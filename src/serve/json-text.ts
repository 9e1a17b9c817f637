/**
 * JSON serialisation for responses. Report text is untrusted: `<`, `>` and `&` are written as \u
 * escapes so a body can never be sniffed or pasted into a page as markup; the value parses the same.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (ch) => ESCAPES[ch]!);
}

/** The same escaping for text that is already JSON (a stored row): the characters only occur inside strings. */
export function safeJsonText(json: string): string {
  return json.replace(UNSAFE, (ch) => ESCAPES[ch]!);
}
