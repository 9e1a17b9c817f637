/**
 * The API's data shapes, taken from the server's own contracts (types only: nothing of the server
 * is bundled). One definition per shape, so a field renamed on the server fails the web typecheck.
 */
export type { MergedEvent, FigureRange } from '../../src/domain/merged-event.js';
export type { EventListItem } from '../../src/domain/event-list-item.js';
export type { Evidence } from '../../src/domain/event.js';
export type { EventDetail, EventMention, EventRevision, StoredEvent, StoredReport, StoreStats } from '../../src/store/store.js';
