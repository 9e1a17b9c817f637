/**
 * An HTML article page → a report: the article text through Readability (jsdom, scripts never run),
 * title, published time (meta article:published_time, itemprop/JSON-LD datePublished, <time datetime>),
 * canonical URL and site name. Paragraph breaks are kept as blank lines for the sentence splitter.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

export interface HtmlArticle {
  text: string;
  title: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
  lang: string | null;
}

/** Decodes HTML bytes honouring a BOM or a <meta charset> (windows-1251 and koi8-u pages exist). */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head);
  const charset = (m?.[1] ?? 'utf-8').toLowerCase();
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function readHtml(html: string, url?: string): HtmlArticle {
  const dom = new JSDOM(html, { url: url ?? 'https://invalid.example/', virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || null;
  let published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  if (!published) {
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        const j = JSON.parse(s.textContent ?? '') as Record<string, unknown> | Record<string, unknown>[];
        const items = Array.isArray(j) ? j : [j];
        const hit = items.find((x) => typeof x.datePublished === 'string');
        if (hit) {
          published = hit.datePublished as string;
          break;
        }
      } catch {
        // A broken JSON-LD block only loses its date.
      }
    }
  }
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const source = meta('meta[property="og:site_name"]');
  const lang = doc.documentElement.getAttribute('lang');
  const article = new Readability(doc.cloneNode(true) as Document).parse();
  let text = '';
  if (article?.content) {
    const frag = new JSDOM(`<body>${article.content}</body>`).window.document;
    const blocks = [...frag.querySelectorAll('p, h1, h2, h3, h4, li, blockquote, pre')].filter((el) => !el.querySelector('p, li, blockquote'));
    text = blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  }
  if (!text) text = (doc.body?.textContent ?? '').replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n\n').trim();
  return {
    text,
    title: article?.title?.trim() || doc.title?.trim() || null,
    published: published && !Number.isNaN(new Date(published).getTime()) ? published : null,
    url: canonical ?? url ?? null,
    source: source ?? null,
    lang: lang ? lang.slice(0, 2).toLowerCase() : null,
  };
}
