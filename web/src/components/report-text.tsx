/**
 * One source report's text with the evidence quotes highlighted. Rendered only as text nodes and
 * <mark> elements (see highlight.ts): the text is untrusted, and markup in it must show as markup.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet, ApiError } from '../api.js';
import { segmentText, type Span } from '../highlight.js';
import type { StoredReport } from '../types.js';
import { ErrorBox } from './error-box.js';

export function HighlightedText({ text, spans }: { text: string; spans: readonly Span[] }) {
  return (
    <div class="report-text">
      {segmentText(text, spans).map((seg) =>
        seg.fields.length ? (
          <mark key={seg.start} data-fields={seg.fields.join(' ')} title={seg.fields.join(', ')}>
            {seg.text}
          </mark>
        ) : (
          seg.text
        ),
      )}
    </div>
  );
}

export function ReportText({ reportId, spans }: { reportId: string; spans: readonly Span[] }) {
  const [report, setReport] = useState<StoredReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    apiGet<StoredReport>(`/api/reports/${encodeURIComponent(reportId)}`, abort.signal)
      .then((r) => setReport(r.data))
      .catch((err: unknown) => err instanceof ApiError && setError(err));
    return () => abort.abort();
  }, [reportId]);
  if (error) return <ErrorBox error={error} />;
  if (!report) return <p class="muted">Loading report…</p>;
  return <HighlightedText text={report.text} spans={spans} />;
}
