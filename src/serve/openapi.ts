/**
 * GET /api/openapi.json: an OpenAPI 3.1 document for every route. Query parameters and bodies are
 * generated from the same zod schemas the routes parse (z.toJSONSchema), so the document cannot
 * drift from what the server accepts. test/serve checks that every registered route is listed.
 */
import { z } from 'zod';
import { EventQuerySchema } from '../domain/event-query.js';
import { EvidenceSchema } from '../domain/event.js';
import { EventListItemSchema } from '../domain/event-list-item.js';
import { MergedEventSchema } from '../domain/merged-event.js';
import { ReportInputSchema } from '../domain/report.js';
import { ApiEventPatchSchema, MergeBodySchema, SplitBodySchema } from './event-patch-schema.js';
import { PlacesQuerySchema } from './routes/meta-reads.js';
import { ReportQuerySchema } from './report-query-schema.js';

type JsonSchema = Record<string, unknown>;
type Op = Record<string, unknown>;

const schemaOf = (s: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function queryParams(s: z.ZodObject): Op[] {
  const json = schemaOf(s) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    schema,
  }));
}

const idParam = (what: string): Op => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: `${what} id` });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const envelope = (data: JsonSchema, list = false): Op => ({
  description: 'success',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['ok', 'data', ...(list ? ['next'] : [])],
        properties: { ok: { const: true }, data, ...(list ? { next: { type: ['string', 'null'], description: 'cursor of the next page' } } : {}) },
      },
    },
  },
});
const errors = (...codes: number[]): Record<string, Op> =>
  Object.fromEntries(codes.map((code) => [String(code), { $ref: '#/components/responses/Error' }]));
const download = (type: string, description: string): Op => ({ description, content: { [type]: { schema: { type: 'string' } } } });
const jsonBody = (schema: JsonSchema): Op => ({ required: true, content: { 'application/json': { schema } } });
const secured = { security: [{ bearer: [] }], parameters: [{ name: 'X-Strikewatch-Actor', in: 'header', required: false, schema: { type: 'string', maxLength: 64 } }] };

export function openApiDocument(): Record<string, unknown> {
  const eventFilters = queryParams(EventQuerySchema);
  const exportFilters = eventFilters.filter((p) => p.name !== 'cursor' && p.name !== 'limit' && p.name !== 'view');
  const reportFilters = queryParams(ReportQuerySchema);
  const reportExportFilters = reportFilters.filter((p) => p.name !== 'cursor' && p.name !== 'limit');
  const eventList: Op = { get: { summary: 'Events matching the filters, one keyset page', parameters: eventFilters, responses: { 200: envelope({ type: 'array', items: { oneOf: [ref('EventListItem'), ref('MergedEvent')], description: 'EventListItem; MergedEvent with view=full' } }, true), ...errors(400) } } };
  const eventDetail: Op = {
    get: { summary: 'One event with its mentions (evidence quotes) and revisions', parameters: [idParam('event')], responses: { 200: envelope(ref('EventDetail')), ...errors(404) } },
  };
  const reportList: Op = { get: { summary: 'Report summaries, newest ingested first', parameters: reportFilters, responses: { 200: envelope({ type: 'array', items: ref('StoredReportSummary') }, true), ...errors(400) } } };
  const reportDetail: Op = { get: { summary: 'One report with text, mentions and evidence spans', parameters: [idParam('report')], responses: { 200: envelope(ref('StoredReport')), ...errors(404) } } };
  const writeErrors = errors(400, 401, 403, 404);

  return {
    openapi: '3.1.0',
    info: {
      title: 'Strikewatch API',
      version: '0.1.0',
      description:
        'Attacks on Ukrainian cities as structured, sourced event data. JSON answers use one envelope: ' +
        '{ok: true, data, next} or {ok: false, error: {status, message, details}}. Writes need a bearer token.',
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness, dialect and event count', responses: { 200: envelope({ type: 'object', properties: { dialect: { type: 'string' }, events: { type: 'integer' } } }) } } },
      '/api/events': eventList,
      '/api/events.json': eventList,
      '/api/events.csv': { get: { summary: 'Every matching event as CSV (ACLED columns, then ours)', parameters: exportFilters, responses: { 200: download('text/csv', 'CSV download'), ...errors(400) } } },
      '/api/events.geojson': { get: { summary: 'Every matching event as an RFC 7946 FeatureCollection', parameters: exportFilters, responses: { 200: download('application/geo+json', 'GeoJSON download'), ...errors(400) } } },
      '/api/events.ndjson': { get: { summary: 'Every matching event, one JSON object per line', parameters: exportFilters, responses: { 200: download('application/x-ndjson', 'NDJSON download'), ...errors(400) } } },
      '/api/events/{id}': {
        ...eventDetail,
        patch: { summary: 'Edit an event (fields set are locked against re-extraction)', ...secured, parameters: [idParam('event'), ...secured.parameters], requestBody: jsonBody(schemaOf(ApiEventPatchSchema)), responses: { 200: envelope(ref('EventDetail')), ...writeErrors } },
      },
      '/api/events/{id}.json': eventDetail,
      '/api/events/{id}/merge': { post: { summary: 'Merge event `other` into this one', ...secured, parameters: [idParam('event'), ...secured.parameters], requestBody: jsonBody(schemaOf(MergeBodySchema)), responses: { 200: envelope(ref('EventDetail')), ...writeErrors } } },
      '/api/events/{id}/split': { post: { summary: 'Split the given mentions off into a new event', ...secured, parameters: [idParam('event'), ...secured.parameters], requestBody: jsonBody(schemaOf(SplitBodySchema)), responses: { 200: envelope({ type: 'array', items: ref('EventDetail'), minItems: 2, maxItems: 2 }), ...writeErrors } } },
      '/api/reports': {
        ...reportList,
        post: {
          summary: 'Ingest one report or an array (max 1000, ~10 MB): extracted, stored, merged; bad items answered per item',
          ...secured,
          requestBody: jsonBody({ oneOf: [ref('ReportInput'), { type: 'array', items: ref('ReportInput'), maxItems: 1000 }] }),
          responses: { 200: envelope({ type: 'object' }), ...errors(400, 401, 403, 413, 415) },
        },
      },
      '/api/reports.json': reportList,
      '/api/reports.csv': { get: { summary: 'Every matching report summary as CSV', parameters: reportExportFilters, responses: { 200: download('text/csv', 'CSV download'), ...errors(400) } } },
      '/api/reports.ndjson': { get: { summary: 'Every matching report summary, one per line', parameters: reportExportFilters, responses: { 200: download('application/x-ndjson', 'NDJSON download'), ...errors(400) } } },
      '/api/reports/{id}': reportDetail,
      '/api/reports/{id}.json': reportDetail,
      '/api/stats': { get: { summary: 'Counts by day, oblast, weapon and status', responses: { 200: envelope({ type: 'object' }) } } },
      '/api/places': { get: { summary: 'Gazetteer search (any script or case form)', parameters: queryParams(PlacesQuerySchema), responses: { 200: envelope({ type: 'array', items: { type: 'object' } }), ...errors(400) } } },
      '/api/vocabulary': { get: { summary: 'Weapons, facility categories, utilities and statuses with labels and colours', responses: { 200: envelope({ type: 'object' }) } } },
      '/api/geo/oblasts.geojson': { get: { summary: 'Oblast boundaries (GeoJSON)', responses: { 200: download('application/geo+json', 'GeoJSON'), ...errors(404) } } },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'STRIKEWATCH_TOKEN of the server' } },
      responses: {
        Error: {
          description: 'error envelope',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['ok', 'error'],
                properties: {
                  ok: { const: false },
                  error: { type: 'object', required: ['status', 'message', 'details'], properties: { status: { type: 'integer' }, message: { type: 'string' }, details: {} } },
                },
              },
            },
          },
        },
      },
      schemas: {
        MergedEvent: schemaOf(MergedEventSchema),
        EventListItem: schemaOf(EventListItemSchema),
        ReportInput: schemaOf(ReportInputSchema),
        Evidence: schemaOf(EvidenceSchema),
        EventDetail: {
          type: 'object',
          properties: {
            event: { allOf: [ref('MergedEvent')], description: 'plus merged_into (string or null)' },
            mentions: { type: 'array', items: { type: 'object', properties: { evidence: { type: 'array', items: ref('Evidence') } } } },
            revisions: { type: 'array', items: { type: 'object', properties: { actor: { type: 'string' }, kind: { type: 'string' }, changes: { type: 'object' } } } },
          },
        },
        StoredReportSummary: {
          type: 'object',
          properties: {
            ...Object.fromEntries(['id', 'source', 'source_kind', 'url', 'title', 'published', 'lang', 'content_hash', 'ingested_at', 'duplicate_of'].map((k) => [k, { type: ['string', 'null'] }])),
            mention_count: { type: 'integer' },
          },
        },
        StoredReport: { allOf: [ref('StoredReportSummary')], properties: { text: { type: 'string' }, evidence: { type: 'array', items: ref('Evidence') } } },
      },
    },
  };
}
