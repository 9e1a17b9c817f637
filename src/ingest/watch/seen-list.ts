/**
 * The bounded list of item keys (guid/id and link) a feed has already given, newest first. Keys of
 * the items in the current feed document are never evicted, whatever the bound: dropping one would
 * let that item through again on the next poll (the store would still catch it as a duplicate, but
 * only after extracting it once more).
 */
export const DEFAULT_SEEN_LIMIT = 2000;

/** The keys identifying one feed item: its id (guid) and its link, whichever it has. */
export function itemKeys(item: { id: string; url?: string | null | undefined }): string[] {
  return item.url && item.url !== item.id ? [item.id, item.url] : [item.id];
}

/** True when any of the keys was seen before. */
export function alreadySeen(seen: ReadonlySet<string>, keys: readonly string[]): boolean {
  return keys.some((k) => seen.has(k));
}

/** The new seen list: this poll's keys first, then the older ones, cut to the bound. */
export function updateSeen(previous: readonly string[], current: readonly string[], limit = DEFAULT_SEEN_LIMIT): string[] {
  const merged = [...new Set([...current, ...previous])];
  return merged.slice(0, Math.max(limit, new Set(current).size));
}
