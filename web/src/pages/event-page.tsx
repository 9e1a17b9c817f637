/** One event: where, when, figures with their ranges and rules, what was hit, its sources with the quotes, its history. */
import { useEffect, useState } from 'preact/hooks';
import { apiGet, ApiError } from '../api.js';
import { ErrorBox } from '../components/error-box.js';
import { EventEditor } from '../components/event-editor.js';
import { FiguresTable } from '../components/figures-table.js';
import { ReportText } from '../components/report-text.js';
import { RevisionsList } from '../components/revisions-list.js';
import { eventHref, linkClick } from '../router.js';
import type { EventDetail, EventMention, StoredEvent } from '../types.js';
import { labelOf, weaponColor } from '../vocabulary.js';

function Place({ e }: { e: StoredEvent }) {
  const l = e.location;
  return (
    <dl class="facts">
      <dt>Place</dt>
      <dd>
        {l.city ?? 'no settlement named'}
        {l.districts.length > 0 && ` (${l.districts.join(', ')})`}
      </dd>
      <dt>Raion / oblast</dt>
      <dd>{[l.raion, l.oblast].filter(Boolean).join(', ') || '–'}</dd>
      <dt>Coordinates</dt>
      <dd>
        {l.lat !== null && l.lon !== null ? `${l.lat.toFixed(4)}, ${l.lon.toFixed(4)}` : '–'} <span class="muted">(geo precision {l.geo_precision})</span>
        {l.ambiguous && <span class="warn"> ambiguous: {l.candidates?.length ?? 0} candidates</span>}
      </dd>
      <dt>Date</dt>
      <dd>
        {e.date ?? 'undated'} <span class="muted">({e.date_precision})</span>
      </dd>
      <dt>Type</dt>
      <dd>{e.sub_event_type}</dd>
      <dt>Status</dt>
      <dd>
        <span class={`status status-${e.status}`} data-testid="event-status">
          {labelOf('statuses', e.status)}
        </span>
      </dd>
      {e.notes && (
        <>
          <dt>Notes</dt>
          <dd class="prewrap">{e.notes}</dd>
        </>
      )}
    </dl>
  );
}

function Lists({ e }: { e: StoredEvent }) {
  return (
    <dl class="facts">
      <dt>Weapons</dt>
      <dd>
        {e.weapons.length
          ? e.weapons.map((w) => (
              <span key={w} class="chip" style={{ borderColor: weaponColor([w]) }}>
                {labelOf('weapons', w)}
                {e.weapon_counts[w] ? ` × ${e.weapon_counts[w]}` : ''}
              </span>
            ))
          : '–'}
      </dd>
      <dt>Facilities</dt>
      <dd>{e.facilities.length ? e.facilities.map((f, i) => <div key={i}>{labelOf('facilities', f.category)}: {f.text}</div>) : '–'}</dd>
      <dt>Utilities</dt>
      <dd>
        {e.utilities.length
          ? e.utilities.map((u, i) => (
              <div key={i}>
                {labelOf('utilities', u.utility)}: {u.text}
                {u.affected != null && ` (${u.affected}${u.unit ? ` ${u.unit}` : ''})`}
              </div>
            ))
          : '–'}
      </dd>
      <dt>Officials</dt>
      <dd>{e.officials.length ? e.officials.map((o, i) => <div key={i}>{o.name}{o.role && <span class="muted">, {o.role}</span>}</div>) : '–'}</dd>
    </dl>
  );
}

function Source({ m }: { m: EventMention }) {
  return (
    <article class="source" data-mention-id={m.mention_id}>
      <header>
        <strong>{m.title ?? m.report_id}</strong>
        <span class="muted">
          {' '}
          · {m.source ?? 'unknown source'}
          {m.published && ` · ${m.published}`}
          {m.independent === false && ' · rewrite of another report'}
        </span>
        {/* Only http(s) links: a report's url is data, and a javascript: URL must not become a link. */}
        {m.url && /^https?:\/\//i.test(m.url) && (
          <>
            {' '}
            ·{' '}
            <a href={m.url} rel="noreferrer noopener" target="_blank">
              original
            </a>
          </>
        )}
      </header>
      <ReportText reportId={m.report_id} spans={m.evidence} />
      <ul class="quotes">
        {m.evidence.map((ev, i) => (
          <li key={i}>
            <code>{ev.field}</code> “{ev.quote}”
          </li>
        ))}
      </ul>
    </article>
  );
}

export function EventPage({ id }: { id: string }) {
  const [detail, setDetail] = useState<EventDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    setDetail(null);
    setError(null);
    apiGet<EventDetail>(`/api/events/${encodeURIComponent(id)}`, abort.signal)
      .then((r) => setDetail(r.data))
      .catch((err: unknown) => err instanceof ApiError && setError(err));
    return () => abort.abort();
  }, [id]);

  if (error) return <main class="event-page"><ErrorBox error={error} /></main>;
  if (!detail) return <main class="event-page"><p class="muted">Loading…</p></main>;
  const e = detail.event;
  return (
    <main class="event-page">
      <h1>
        {e.location.city ?? e.location.oblast ?? 'Unknown place'}
        {e.location.city && e.location.oblast && <span class="muted">, {e.location.oblast}</span>} <span class="muted">· {e.date ?? 'undated'}</span>
      </h1>
      {e.merged_into && (
        <p class="warn">
          Merged into <a href={eventHref(e.merged_into)} onClick={linkClick}>{e.merged_into}</a>.
        </p>
      )}
      <p class="muted">
        Event <code>{e.id}</code> · {e.report_ids.length} report(s) · sources: {e.sources.join(', ') || '–'}
      </p>
      <div class="event-grid">
        <section aria-label="Place and date">
          <Place e={e} />
        </section>
        <section aria-label="What">
          <Lists e={e} />
        </section>
      </div>
      <section aria-label="Figures">
        <h2>Figures</h2>
        <FiguresTable event={e} />
      </section>
      <EventEditor key={e.updated_at} detail={detail} onChange={setDetail} />
      <section aria-label="Sources">
        <h2>Sources ({detail.mentions.length})</h2>
        {detail.mentions.map((m) => (
          <Source key={m.mention_id} m={m} />
        ))}
      </section>
      <section aria-label="History">
        <h2>History</h2>
        <RevisionsList revisions={detail.revisions} />
      </section>
    </main>
  );
}
