/** Entry: vocabulary first (labels and colours everywhere depend on it), then the page the path names. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';
import { ErrorBox } from './components/error-box.js';
import { filters, restoreFromUrl, sort, toQuery } from './filters.js';
import { Dashboard } from './pages/dashboard.js';
import { EventPage } from './pages/event-page.js';
import { linkClick, parseRoute, route } from './router.js';
import './style.css';
import { loadVocabulary, vocabulary } from './vocabulary.js';

window.addEventListener('popstate', () => {
  route.value = parseRoute(location.pathname);
  restoreFromUrl();
});

/** Back to the dashboard with the filters the analyst left it with. */
function dashboardHref(): string {
  const qs = toQuery(filters.value, { sort: sort.value === '-date' ? undefined : sort.value });
  return qs ? `/?${qs}` : '/';
}

function App() {
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    loadVocabulary().catch((err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, String(err))));
  }, []);
  const r = route.value;
  return (
    <>
      <header class="top">
        <a href="/" class="brand" onClick={linkClick}>
          Strikewatch
        </a>
        <span class="muted">attacks on Ukrainian cities, from reports, with their sources</span>
        {r.page === 'event' && (
          <a href={dashboardHref()} onClick={linkClick} class="back">
            ← back to the dashboard
          </a>
        )}
      </header>
      {error && <ErrorBox error={error} />}
      {!vocabulary.value && !error && <p class="muted pad">Loading…</p>}
      {vocabulary.value && (r.page === 'event' ? <EventPage id={r.id} /> : <Dashboard />)}
    </>
  );
}

render(<App />, document.getElementById('app')!);
