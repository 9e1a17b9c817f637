/**
 * The app's one onError handler: maps what route code and the store throw to the error envelope.
 * Anything unexpected is a 500 whose message says nothing about internals (it is logged instead).
 */
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { StoreInputError, StoreNotFoundError } from '../store/store.js';
import { ApiError } from './api-error.js';
import { errorResponse } from './envelope.js';
import type { Logger } from './logger.js';

export function renderError(err: unknown, logger: Logger | null): Response {
  if (err instanceof ApiError) return errorResponse(err.status, err.message, err.details ?? null, err.headers);
  if (err instanceof z.ZodError) return errorResponse(400, 'invalid request', err.issues);
  if (err instanceof StoreNotFoundError) return errorResponse(404, err.message);
  if (err instanceof StoreInputError) return errorResponse(400, err.message);
  if (err instanceof HTTPException) {
    // Hono's own middleware (body limit) throws these; their messages are written for clients.
    return errorResponse(err.status, err.message || (err.status === 413 ? 'request body too large' : 'request failed'));
  }
  logger?.error({ err }, 'unhandled error');
  return errorResponse(500, 'internal server error');
}
