/**
 * Two pages, two paths: / (dashboard) and /events/:id. The server answers index.html for both, so
 * links work when opened in a new tab; inside the app navigation is pushState.
 */
import { signal } from '@preact/signals';

export type Route = { page: 'dashboard' } | { page: 'event'; id: string };

export function parseRoute(pathname: string): Route {
  const m = /^\/events\/([^/]+)\/?$/.exec(pathname);
  if (m) return { page: 'event', id: decodeURIComponent(m[1]!) };
  return { page: 'dashboard' };
}

export const route = signal<Route>(parseRoute(typeof location === 'undefined' ? '/' : location.pathname));

export function navigate(href: string): void {
  history.pushState(null, '', href);
  route.value = parseRoute(location.pathname);
  window.scrollTo(0, 0);
}

export const eventHref = (id: string): string => `/events/${encodeURIComponent(id)}`;

/** Click handler for in-app links: plain clicks navigate in place, modified clicks open as usual. */
export function linkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.currentTarget as HTMLAnchorElement | null) ?? null;
  if (!a?.href) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin) return;
  e.preventDefault();
  navigate(`${url.pathname}${url.search}`);
}
