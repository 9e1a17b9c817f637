/** segmentText: the offsets → text/mark pieces the event page renders (no browser needed). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { segmentText } from '../../web/src/highlight.js';

const join = (segs: ReturnType<typeof segmentText>) => segs.map((s) => (s.fields.length ? `[${s.text}|${s.fields.join('+')}]` : s.text)).join('');

describe('segmentText', () => {
  const cases: Array<{ name: string; text: string; spans: Array<{ start: number; end: number; field: string }>; want: string }> = [
    { name: 'no spans', text: 'quiet night', spans: [], want: 'quiet night' },
    { name: 'one span', text: 'Two people were killed.', spans: [{ start: 0, end: 22, field: 'killed' }], want: '[Two people were killed|killed].' },
    {
      name: 'overlapping spans split where they overlap',
      text: 'drone hit Kharkiv',
      spans: [
        { start: 0, end: 9, field: 'weapon' },
        { start: 6, end: 17, field: 'location' },
      ],
      want: '[drone |weapon][hit|location+weapon][ Kharkiv|location]',
    },
    { name: 'same field twice merges', text: 'abcdef', spans: [{ start: 0, end: 3, field: 'x' }, { start: 3, end: 6, field: 'x' }], want: '[abcdef|x]' },
    { name: 'out of range offsets are clipped, empty ones dropped', text: 'abc', spans: [{ start: 1, end: 99, field: 'x' }, { start: 2, end: 2, field: 'y' }], want: 'a[bc|x]' },
    { name: 'UTF-16 offsets (astral characters count twice)', text: '🚀 Київ', spans: [{ start: 3, end: 7, field: 'location' }], want: '🚀 [Київ|location]' },
    { name: 'markup stays characters', text: 'x <script>alert(1)</script>', spans: [{ start: 2, end: 10, field: 'q' }], want: 'x [<script>|q]alert(1)</script>' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const segs = segmentText(c.text, c.spans);
      assert.equal(join(segs), c.want);
      assert.equal(segs.map((s) => s.text).join(''), c.text, 'pieces rebuild the text exactly');
    });
  }
});
