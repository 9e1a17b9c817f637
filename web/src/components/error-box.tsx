/** An API error as the server put it in its envelope: status, message and the details (as text). */
import type { ApiError } from '../api.js';

export function ErrorBox({ error }: { error: ApiError }) {
  const details = error.details === null || error.details === undefined ? null : JSON.stringify(error.details, null, 2);
  return (
    <div class="error" role="alert">
      <strong>{error.status ? `Error ${error.status}` : 'Error'}:</strong> {error.message}
      {details && <pre>{details}</pre>}
    </div>
  );
}
