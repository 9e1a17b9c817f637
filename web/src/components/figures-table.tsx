/** Each casualty figure as low / best / high, with the rule that picked `best` and how many sources gave one. */
import type { FigureRange, StoredEvent } from '../types.js';
import { figure } from './map-marker.js';

const ROWS: Array<{ key: keyof StoredEvent['figures']; label: string }> = [
  { key: 'killed', label: 'Killed' },
  { key: 'injured', label: 'Injured' },
  { key: 'hospitalized', label: 'Hospitalized' },
  { key: 'children_killed', label: 'Children killed' },
  { key: 'children_injured', label: 'Children injured' },
];

export function FiguresTable({ event }: { event: StoredEvent }) {
  return (
    <table class="figures">
      <thead>
        <tr>
          <th>Figure</th>
          <th class="num">Low</th>
          <th class="num">Best</th>
          <th class="num">High</th>
          <th>Why this best</th>
          <th class="num">Sources</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map(({ key, label }) => {
          const r: FigureRange | undefined = event.figures[key];
          const locked = event.locked_fields.includes(key);
          return (
            <tr key={key} data-figure={key}>
              <th scope="row">{label}</th>
              <td class="num">{figure(r?.low)}</td>
              <td class="num best">
                {figure(event[key] ?? r?.best)}
                {locked && <span class="lock" title="set by an analyst; re-extraction keeps it"> (edited)</span>}
              </td>
              <td class="num">{figure(r?.high)}</td>
              <td class="rule">{r?.rule ?? <span class="muted">–</span>}</td>
              <td class="num">{r?.sources.length ?? 0}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
