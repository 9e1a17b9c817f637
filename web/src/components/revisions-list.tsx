/** The event's revision log, newest first: who changed what, from what to what. */
import type { EventRevision } from '../types.js';

const show = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

// A creation lists every field; beyond a handful of changes the list is folded so the edits stay readable.
const FOLD_OVER = 5;

function Changes({ changes }: { changes: EventRevision['changes'] }) {
  const entries = Object.entries(changes);
  if (!entries.length) return null;
  const list = (
    <ul class="changes">
      {entries.map(([field, c]) => (
        <li key={field}>
          <code>{field}</code>: {show(c.before)} → {show(c.after)}
        </li>
      ))}
    </ul>
  );
  if (entries.length <= FOLD_OVER) return list;
  return (
    <details>
      <summary>{entries.length} fields</summary>
      {list}
    </details>
  );
}

export function RevisionsList({ revisions }: { revisions: readonly EventRevision[] }) {
  const sorted = [...revisions].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!sorted.length) return <p class="muted">No revisions.</p>;
  return (
    <ol class="revisions">
      {sorted.map((r, i) => (
        <li key={r.id ?? i} data-kind={r.kind}>
          <div>
            <span class="nowrap">{r.at.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}</span> · <strong>{r.actor}</strong> · {r.kind}
            {r.note && <span class="muted"> — {r.note}</span>}
          </div>
          <Changes changes={r.changes ?? {}} />
        </li>
      ))}
    </ol>
  );
}
