/**
 * Labels, colours and filter options, as the server's /api/vocabulary gives them (which reads
 * src/domain/vocabulary.ts): the dashboard never spells the vocabularies out itself, so a key added
 * there shows up here with its label and colour.
 */
import { signal } from '@preact/signals';
import { z } from 'zod/mini';
import { apiGet } from './api.js';

const Entry = z.object({ key: z.string(), label: z.string() });
const Status = z.union([z.pipe(z.string(), z.transform((key: string) => ({ key, label: key }))), Entry]);

export const VocabularySchema = z.object({
  weapons: z.array(z.extend(Entry, { color: z.string() })),
  facilities: z.array(Entry),
  utilities: z.array(Entry),
  statuses: z.array(Status),
});
export type Vocabulary = z.output<typeof VocabularySchema>;

export const vocabulary = signal<Vocabulary | null>(null);

export async function loadVocabulary(): Promise<void> {
  const { data } = await apiGet<unknown>('/api/vocabulary');
  vocabulary.value = VocabularySchema.parse(data);
}

const FALLBACK_COLOR = '#868e96';

export function weaponColor(weapons: readonly string[]): string {
  const v = vocabulary.value;
  // An event with several weapons takes the first listed: the extractor lists them in text order.
  const key = weapons[0] ?? 'unknown';
  return v?.weapons.find((w) => w.key === key)?.color ?? v?.weapons.find((w) => w.key === 'unknown')?.color ?? FALLBACK_COLOR;
}

export function labelOf(kind: 'weapons' | 'facilities' | 'utilities' | 'statuses', key: string): string {
  return vocabulary.value?.[kind].find((e) => e.key === key)?.label ?? key;
}
