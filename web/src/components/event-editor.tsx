/**
 * Analyst actions on one event: review status, figures, notes, merge and split. Writes need the
 * token (Bearer); the server's error envelope (401 wrong token, 403 read-only, 400 bad input) is
 * shown as it comes.
 */
import { useState } from 'preact/hooks';
import { apiSend, ApiError } from '../api.js';
import { eventHref, navigate } from '../router.js';
import { setToken, token } from '../token.js';
import type { EventDetail } from '../types.js';
import { vocabulary } from '../vocabulary.js';
import { ErrorBox } from './error-box.js';

const FIGURES = ['killed', 'injured', 'hospitalized', 'children_killed', 'children_injured'] as const;
type FigureKey = (typeof FIGURES)[number];

function TokenField() {
  const [text, setText] = useState(token.value);
  return (
    <form
      class="token"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(text);
      }}
    >
      <label>
        Token
        <input type="password" name="token" autocomplete="off" value={text} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <button type="submit">{token.value ? 'Update' : 'Use token'}</button>
      {token.value && (
        <button
          type="button"
          class="link"
          onClick={() => {
            setToken('');
            setText('');
          }}
        >
          Forget
        </button>
      )}
    </form>
  );
}

export function EventEditor({ detail, onChange }: { detail: EventDetail; onChange: (d: EventDetail) => void }) {
  const e = detail.event;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [figures, setFigures] = useState<Record<FigureKey, string>>(() => Object.fromEntries(FIGURES.map((k) => [k, e[k] === null ? '' : String(e[k])])) as Record<FigureKey, string>);
  const [notes, setNotes] = useState(e.notes ?? '');
  const [other, setOther] = useState('');
  const [splitIds, setSplitIds] = useState<string[]>([]);
  const canWrite = token.value !== '';
  const statuses = vocabulary.value?.statuses ?? [];
  const path = `/api/events/${encodeURIComponent(e.id)}`;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, (err as Error).message));
    } finally {
      setBusy(false);
    }
  };
  const patch = (body: Record<string, unknown>) =>
    run(async () => {
      onChange((await apiSend<EventDetail>('PATCH', path, body)).data);
    });

  const saveFigures = () => {
    const body: Record<string, number | null> = {};
    for (const k of FIGURES) {
      const raw = figures[k].trim();
      const value = raw === '' ? null : Number(raw);
      if (value !== null && (!Number.isInteger(value) || value < 0)) {
        setError(new ApiError(0, `${k}: a whole number of people, or empty for unknown`));
        return;
      }
      if (value !== e[k]) body[k] = value;
    }
    if (Object.keys(body).length) void patch(body);
  };

  return (
    <section class="editor" aria-label="Review">
      <h2>Review</h2>
      <TokenField />
      {!canWrite && <p class="muted">Enter the analysts' token to edit this event.</p>}
      {error && <ErrorBox error={error} />}
      <fieldset disabled={!canWrite || busy}>
        <div class="row">
          <span>Status:</span>
          {statuses.map((s) => (
            <button key={s.key} type="button" data-status={s.key} class={e.status === s.key ? 'active' : ''} onClick={() => patch({ status: s.key })}>
              {s.key === 'confirmed' ? 'Confirm' : s.key === 'rejected' ? 'Reject' : s.label}
            </button>
          ))}
        </div>
        <form
          class="row figures-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            saveFigures();
          }}
        >
          {FIGURES.map((k) => (
            <label key={k}>
              {k.replace('_', ' ')}
              <input type="number" min="0" step="1" name={k} value={figures[k]} onInput={(ev) => setFigures({ ...figures, [k]: (ev.currentTarget as HTMLInputElement).value })} />
            </label>
          ))}
          <button type="submit">Save figures</button>
        </form>
        <form
          class="row"
          onSubmit={(ev) => {
            ev.preventDefault();
            void patch({ notes: notes.trim() || null });
          }}
        >
          <label class="grow">
            Notes
            <textarea name="notes" rows={2} value={notes} onInput={(ev) => setNotes((ev.currentTarget as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit">Save notes</button>
        </form>
        <form
          class="row"
          onSubmit={(ev) => {
            ev.preventDefault();
            const id = other.trim();
            if (!id) return;
            void run(async () => {
              onChange((await apiSend<EventDetail>('POST', `${path}/merge`, { other: id })).data);
              setOther('');
            });
          }}
        >
          <label class="grow">
            Merge another event into this one (its id)
            <input type="text" name="other" value={other} onInput={(ev) => setOther((ev.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit">Merge</button>
        </form>
        {detail.mentions.length > 1 && (
          <form
            class="row split"
            onSubmit={(ev) => {
              ev.preventDefault();
              if (!splitIds.length) return;
              void run(async () => {
                const { data } = await apiSend<EventDetail | [EventDetail, EventDetail]>('POST', `${path}/split`, { mention_ids: splitIds });
                const [kept, created] = Array.isArray(data) ? data : [data, null];
                setSplitIds([]);
                onChange(kept);
                if (created) navigate(eventHref(created.event.id));
              });
            }}
          >
            <span>Split off into a new event:</span>
            {detail.mentions.map((m) => (
              <label key={m.mention_id} class="check">
                <input
                  type="checkbox"
                  checked={splitIds.includes(m.mention_id)}
                  onChange={(ev) =>
                    setSplitIds((ev.currentTarget as HTMLInputElement).checked ? [...splitIds, m.mention_id] : splitIds.filter((x) => x !== m.mention_id))
                  }
                />
                {m.title ?? m.source ?? m.report_id}
              </label>
            ))}
            <button type="submit">Split</button>
          </form>
        )}
      </fieldset>
    </section>
  );
}
