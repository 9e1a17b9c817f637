/**
 * Splits a report's text into plain and highlighted pieces by evidence offsets (UTF-16 indices, as
 * the extractor records them). The pieces are rendered as text nodes and <mark> elements, never as
 * HTML: report text is untrusted and a `<script>` in it must stay the characters `<script>`.
 */

export interface Span {
  start: number;
  end: number;
  field: string;
  quote?: string;
}

export interface Segment {
  text: string;
  start: number;
  /** The fields whose evidence covers this piece; empty for plain text. */
  fields: string[];
}

export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  // Offsets outside the text (a report re-ingested with shorter text) are clipped, empty ones dropped.
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(s.start, text.length)), end: Math.max(0, Math.min(s.end, text.length)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const fields = [...new Set(valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))].sort();
    const prev = out.at(-1);
    // Neighbouring pieces with the same coverage are one piece: fewer nodes, same rendering.
    if (prev && prev.fields.join() === fields.join()) prev.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), start: a, fields });
  }
  return out;
}
