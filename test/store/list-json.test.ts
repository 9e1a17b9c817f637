/**
 * listEventsJson gives the very page listEvents gives, as stored JSON text (the API splices it): each
 * event's list item by default, the whole record with view 'full'.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toEventListItem } from '../../src/domain/event-list-item.js';
import { EventQuerySchema } from '../../src/domain/event-query.js';
import type { Store } from '../../src/store/store.js';
import { dialectsUnderTest } from './dialects.js';
import { item } from './fixtures.js';

const dialects = await dialectsUnderTest('list-json');

for (const d of dialects) {
  describe(`listEventsJson on ${d.dialect}`, { skip: d.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    before(async () => ({ store, cleanup } = await d.open()));
    after(async () => cleanup?.());

    it('pages the same rows, in the same order, with the same cursors', async () => {
      await store.ingestBatch([
        item({ id: 'a' }, [{ city: 'Kyiv', oblast: 'Kyiv', killed: 1 }, { city: 'Lviv', oblast: 'Lviv', injured: 2 }]),
        item({ id: 'b' }, [{ city: 'Odesa', oblast: 'Odesa', injured: 3 }]),
      ]);
      let cursor: string | undefined;
      let pages = 0;
      do {
        const query = EventQuerySchema.parse({ sort: '-injured', limit: 1, ...(cursor ? { cursor } : {}) });
        const [parsed, items, full] = await Promise.all([store.listEvents(query), store.listEventsJson(query), store.listEventsJson({ ...query, view: 'full' })]);
        assert.deepEqual(full.rows.map((r) => JSON.parse(r)), parsed.rows);
        assert.deepEqual(items.rows.map((r) => JSON.parse(r)), parsed.rows.map(toEventListItem));
        assert.equal(full.next, parsed.next);
        assert.equal(items.next, parsed.next);
        cursor = parsed.next ?? undefined;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
    });

    it('keeps the list item in step with every change to the event', async () => {
      await store.ingestBatch([item({ id: 'c', published: '2026-01-25T08:00:00Z' }, [{ city: 'Kyiv', oblast: 'Kyiv', killed: 4 }])]);
      const query = EventQuerySchema.parse({ city: 'Kyiv' });
      const [event] = (await store.listEvents(query)).rows;
      assert.ok(event);
      await store.patchEvent(event.id, { killed: 9, status: 'confirmed' }, 'analyst');
      const [after] = (await store.listEvents(query)).rows;
      const [listed] = (await store.listEventsJson(query)).rows;
      assert.equal(after!.killed, 9);
      assert.deepEqual(JSON.parse(listed!), toEventListItem(after!));
      assert.equal(JSON.parse(listed!).figures.killed.source_count, after!.figures.killed.sources.length);
      assert.equal(JSON.parse(listed!).evidence, undefined);
    });
  });
}
