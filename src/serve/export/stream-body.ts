/**
 * Streams an async sequence of text chunks as a response body, pulling the next chunk only when the
 * client has taken the last (backpressure), so an export of a million rows never sits in memory.
 * The first chunk is read before the Response exists: a failing query still gets the error envelope.
 */
export async function streamResponse(chunks: AsyncIterable<string>, headers: Record<string, string>): Promise<Response> {
  const it = chunks[Symbol.asyncIterator]();
  const first = await it.next();
  const enc = new TextEncoder();
  let pending: IteratorResult<string> | null = first;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Batch small chunks (one per row) into writes of ~64 KB to keep syscalls few.
      let buf = '';
      while (buf.length < 65_536) {
        const r = pending ?? (await it.next());
        pending = null;
        if (r.done) {
          if (buf) controller.enqueue(enc.encode(buf));
          controller.close();
          return;
        }
        buf += r.value;
      }
      controller.enqueue(enc.encode(buf));
    },
    async cancel() {
      // The client went away: stop reading from the database.
      await it.return?.();
    },
  });
  return new Response(body, { status: 200, headers });
}

export function attachment(filename: string, contentType: string): Record<string, string> {
  return { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' };
}

/**
 * Reads the first item of a store stream now, so a query error surfaces before any byte is sent
 * (and becomes an error envelope) rather than as a truncated download.
 */
export async function prime<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  return {
    async *[Symbol.asyncIterator]() {
      if (first.done) return;
      yield first.value;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    },
  };
}
