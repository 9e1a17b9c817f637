/**
 * The event list: server-side sort and keyset pages ("Load more" passes the last page's `next`
 * back), and the current filter as CSV / GeoJSON / NDJSON downloads from the API's format twins.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet, ApiError } from '../api.js';
import { filters, sort, toQuery, type Sort } from '../filters.js';
import { eventHref, linkClick } from '../router.js';
import type { EventListItem } from '../types.js';
import { labelOf, weaponColor } from '../vocabulary.js';
import { figure } from './map-marker.js';
import { ErrorBox } from './error-box.js';

const PAGE = 50;

function SortHeader({ field, label }: { field: 'date' | 'killed' | 'injured'; label: string }) {
  const current = sort.value;
  const active = current === field || current === `-${field}`;
  const desc = current === `-${field}`;
  const next: Sort = active && desc ? field : (`-${field}` as Sort);
  return (
    <th aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'} class={field === 'date' ? '' : 'num'}>
      <button type="button" class="sort" data-sort={field} onClick={() => (sort.value = next)}>
        {label} {active ? (desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );
}

export function EventsTable() {
  const [rows, setRows] = useState<EventListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const f = filters.value;
  const s = sort.value;

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    apiGet<EventListItem[]>(`/api/events?${toQuery(f, { sort: s, limit: String(PAGE) })}`, abort.signal)
      .then((page) => {
        setRows(page.data);
        setNext(page.next);
        setError(null);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError) setError(err);
      })
      .finally(() => !abort.signal.aborted && setLoading(false));
    return () => abort.abort();
  }, [toQuery(f), s]);

  const loadMore = () => {
    if (!next) return;
    setLoading(true);
    apiGet<EventListItem[]>(`/api/events?${toQuery(f, { sort: s, limit: String(PAGE), cursor: next })}`)
      .then((page) => {
        setRows((r) => [...r, ...page.data]);
        setNext(page.next);
      })
      .catch((err: unknown) => err instanceof ApiError && setError(err))
      .finally(() => setLoading(false));
  };

  const qs = toQuery(f, { sort: s === '-date' ? undefined : s });
  const download = (ext: string) => `/api/events.${ext}${qs ? `?${qs}` : ''}`;

  return (
    <section class="table-panel" aria-label="Events">
      <div class="table-head">
        <h2>
          Events <span class="muted" data-testid="row-count">{rows.length}{next ? '+' : ''}</span>
        </h2>
        <span class="downloads">
          Download: <a href={download('csv')} download>CSV</a> · <a href={download('geojson')} download>GeoJSON</a> ·{' '}
          <a href={download('ndjson')} download>NDJSON</a>
        </span>
      </div>
      {error && <ErrorBox error={error} />}
      <div class="table-scroll">
        <table class="events">
          <thead>
            <tr>
              <SortHeader field="date" label="Date" />
              <th>Place</th>
              <th>Weapons</th>
              <SortHeader field="killed" label="Killed" />
              <SortHeader field="injured" label="Injured" />
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} data-event-id={e.id}>
                <td class="nowrap">{e.date ?? 'undated'}</td>
                <td>
                  <a href={eventHref(e.id)} onClick={linkClick}>
                    {e.location.city ?? e.location.oblast ?? 'Unknown place'}
                  </a>
                  {e.location.city && e.location.oblast && <span class="muted">, {e.location.oblast}</span>}
                </td>
                <td>
                  {e.weapons.map((w) => (
                    <span key={w} class="chip" style={{ borderColor: weaponColor([w]) }}>
                      {labelOf('weapons', w)}
                    </span>
                  ))}
                </td>
                <td class="num">{figure(e.killed)}</td>
                <td class="num">{figure(e.injured)}</td>
                <td>
                  <span class={`status status-${e.status}`}>{labelOf('statuses', e.status)}</span>
                </td>
              </tr>
            ))}
            {!rows.length && !loading && (
              <tr>
                <td colSpan={6} class="muted">
                  No events match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {next && (
          <button type="button" class="more" onClick={loadMore} disabled={loading}>
            Load more
          </button>
        )}
      </div>
    </section>
  );
}
