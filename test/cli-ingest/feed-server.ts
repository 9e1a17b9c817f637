/**
 * A real HTTP server on 127.0.0.1 (port 0) serving whatever the test sets as the current answer:
 * an RSS document with an ETag (answering 304 to a matching If-None-Match), an HTTP error, or a
 * raw body. Every request's conditional headers are recorded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Answer =
  | { kind: 'feed'; xml: string; etag?: string; honourEtag?: boolean }
  | { kind: 'status'; status: number }
  | { kind: 'raw'; body: string; etag?: string };

export interface SeenRequest {
  path: string;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  status: number;
}

export interface FeedServer {
  url(path?: string): string;
  set(path: string, answer: Answer): void;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const answers = new Map<string, Answer>();
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    const a = answers.get(p) ?? { kind: 'status', status: 404 };
    const inm = req.headers['if-none-match'] ?? null;
    const ims = req.headers['if-modified-since'] ?? null;
    let status: number;
    if (a.kind === 'status') {
      status = a.status;
      res.writeHead(status, { 'content-type': 'text/plain' }).end('error');
    } else if (a.kind === 'feed' && a.etag && a.honourEtag !== false && inm === a.etag) {
      status = 304;
      res.writeHead(304, { etag: a.etag }).end();
    } else {
      status = 200;
      const body = a.kind === 'feed' ? a.xml : a.body;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...(a.etag ? { etag: a.etag } : {}) }).end(body);
    }
    requests.push({ path: p, ifNoneMatch: typeof inm === 'string' ? inm : null, ifModifiedSince: typeof ims === 'string' ? ims : null, status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p = '/feed.xml') => `http://127.0.0.1:${port}${p}`,
    set: (p, answer) => answers.set(p, answer),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

export interface FeedItem {
  guid: string;
  title: string;
  text: string;
  pubDate: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(items: FeedItem[], title = 'Regional news'): string {
  const body = items
    .map(
      (i) =>
        `<item><guid>${esc(i.guid)}</guid><link>https://news.example.org/${esc(i.guid)}</link><title>${esc(i.title)}</title>` +
        `<pubDate>${i.pubDate}</pubDate><description>${esc(i.text)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title>\n${body}\n</channel></rss>\n`;
}

/** Feed items about distinct attacks, oldest first; feeds list them newest first. */
export const ITEMS: FeedItem[] = [
  { guid: 'n-1', title: 'Drones hit Kharkiv', pubDate: 'Sat, 24 Jan 2026 08:00:00 GMT', text: 'Russian drones struck Kharkiv overnight, injuring five people, Mayor Ihor Terekhov said.' },
  { guid: 'n-2', title: 'Missile strike on Odesa', pubDate: 'Sun, 25 Jan 2026 09:00:00 GMT', text: 'A Russian missile hit Odesa this morning, killing two people and injuring seven, the regional governor said.' },
  { guid: 'n-3', title: 'Guided bombs on Zaporizhzhia', pubDate: 'Mon, 26 Jan 2026 10:00:00 GMT', text: 'Russian forces dropped guided bombs on Zaporizhzhia on Monday, injuring three people, officials said.' },
  { guid: 'n-4', title: 'Drone attack on Sumy', pubDate: 'Tue, 27 Jan 2026 07:30:00 GMT', text: 'A Russian drone attack on Sumy overnight injured four people and damaged a school, the city council said.' },
];

/** The feed with the first `n` items, newest first, as feeds list them. */
export function feedOf(n: number): string {
  return rss(ITEMS.slice(0, n).reverse());
}
