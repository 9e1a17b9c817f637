/** listEventsJson gives the very page listEvents gives, as stored JSON text (the API splices it). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
        const [parsed, raw] = await Promise.all([store.listEvents(query), store.listEventsJson(query)]);
        assert.deepEqual(raw.rows.map((r) => JSON.parse(r)), parsed.rows);
        assert.equal(raw.next, parsed.next);
        cursor = parsed.next ?? undefined;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
    });
  });
}
