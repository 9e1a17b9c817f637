/**
 * The built dashboard at /: files from webDir, and index.html for any other GET outside /api so
 * client-side routes (/events/:id) load the app. Paths are resolved inside webDir only (no `..`
 * escapes, no dotfiles). Hashed assets under /assets/ are cached for a year; index.html never.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

async function fileResponse(file: string, method: string, cache: string): Promise<Response | null> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return null;
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'Content-Type': type, 'Content-Length': String(st.size), 'Cache-Control': cache };
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(await readFile(file), { status: 200, headers });
  } catch {
    return null;
  }
}

/** The response for a dashboard path, or null when there is no dashboard to serve. */
export async function serveWeb(webDir: string, urlPath: string, method: string): Promise<Response | null> {
  const root = path.resolve(webDir);
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    rel = '';
  }
  const segments = rel.split('/').filter(Boolean);
  const safe = segments.length > 0 && !segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'));
  if (safe) {
    const file = path.resolve(root, ...segments);
    if (file.startsWith(root + path.sep)) {
      const cache = segments[0] === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
      const hit = await fileResponse(file, method, cache);
      if (hit) return hit;
    }
  }
  // A missing asset is a real 404, not the app shell (a broken script tag should fail loudly).
  if (segments[0] === 'assets' || (segments.length && path.extname(segments[segments.length - 1]!) !== '')) return null;
  return fileResponse(path.join(root, 'index.html'), method, 'no-cache');
}
