/** The overview: filters, map, timeline and table, all driven by the same filter state (and URL). */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { ErrorBox } from '../components/error-box.js';
import { EventsTable } from '../components/events-table.js';
import { FiltersBar } from '../components/filters-bar.js';
import { Legend } from '../components/legend.js';
import { MapView, SHAPES_ATTRIBUTION } from '../components/map-view.js';
import { Timeline } from '../components/timeline.js';
import { fetchAllEvents, fetchTimeline, MAP_CAP, type DaySeries, type EventSet } from '../events-data.js';
import { filters, filtersWithoutDates, setDateRange, sort, syncUrl, toQuery } from '../filters.js';
import { loadOblastShapes } from '../oblast-shapes.js';

const EMPTY_SERIES: DaySeries = { days: [], events: [], killed: [], injured: [] };

export function Dashboard() {
  const [set, setSet] = useState<EventSet>({ events: [], truncated: false });
  const [series, setSeries] = useState<DaySeries>(EMPTY_SERIES);
  const [error, setError] = useState<ApiError | null>(null);
  const f = filters.value;
  const undated = filtersWithoutDates.value;
  // Effects key on the query string, not the object: a new object with the same filters is no change.
  const fKey = toQuery(f);
  const uKey = toQuery(undated);

  useEffect(() => {
    loadOblastShapes().catch((err: unknown) => err instanceof ApiError && setError(err));
  }, []);

  useEffect(syncUrl, [fKey, sort.value]);

  useEffect(() => {
    const abort = new AbortController();
    fetchAllEvents(f, abort.signal)
      .then((s) => {
        setSet(s);
        setError(null);
      })
      .catch((err: unknown) => err instanceof ApiError && setError(err));
    return () => abort.abort();
  }, [fKey]);

  useEffect(() => {
    const abort = new AbortController();
    fetchTimeline(undated, abort.signal)
      .then(setSeries)
      .catch((err: unknown) => err instanceof ApiError && setError(err));
    return () => abort.abort();
  }, [uKey]);

  return (
    <>
      <FiltersBar />
      {error && <ErrorBox error={error} />}
      <main class="dashboard">
        <div class="left">
          <section class="map-panel" aria-label="Map">
            <MapView events={set.events} />
            <div class="map-foot">
              <Legend />
              <span class="muted" data-testid="map-count">
                {set.events.length} event{set.events.length === 1 ? '' : 's'} on the map{set.truncated ? ` (first ${MAP_CAP}; narrow the filters)` : ''}
              </span>
            </div>
            <div class="attribution muted">{SHAPES_ATTRIBUTION}</div>
          </section>
          <section class="timeline-panel" aria-label="Timeline">
            <div class="panel-title">
              <h2>Per day</h2>
              <span class="muted">drag across the chart to pick a date range</span>
              {(f.date_from || f.date_to) && (
                <button type="button" class="link" onClick={() => setDateRange(undefined, undefined)}>
                  Clear range
                </button>
              )}
            </div>
            <Timeline series={series} from={f.date_from} to={f.date_to} onSelect={setDateRange} />
          </section>
        </div>
        <EventsTable />
      </main>
    </>
  );
}
