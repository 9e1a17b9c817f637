/**
 * The one error type route code throws. The app's single onError handler (render-error.ts) turns
 * it, zod errors and the store's errors into the error envelope, so no route formats errors itself.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown = null,
    /** Extra response headers (WWW-Authenticate on a 401). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function notFound(what: string): ApiError {
  return new ApiError(404, `not found: ${what}`);
}
