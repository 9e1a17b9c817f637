/**
 * The small report set the browser suite ingests: five attacks in four oblasts on five days, and one
 * hostile report whose text carries markup that must render as text.
 */
import type { ReportInput } from '../../src/domain/report.js';

export const HOSTILE_MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const;

export const BROWSER_REPORTS: ReportInput[] = [
  {
    id: 'br-kharkiv',
    source: 'Kharkiv City Council',
    published: '2026-03-02T08:00:00Z',
    title: 'Drone strike on Kharkiv',
    text: 'Overnight a Russian drone hit a residential building in Kharkiv. Two people were killed and five were injured, mayor Ihor Terekhov said.',
  },
  {
    id: 'br-chuhuiv',
    source: 'Suspilne',
    published: '2026-03-04T09:00:00Z',
    title: 'Missile hits Chuhuiv',
    text: 'A Russian missile struck Chuhuiv in Kharkiv Oblast on Tuesday. One person was injured.',
  },
  {
    id: 'br-odesa',
    source: 'Odesa Regional Military Administration',
    published: '2026-03-03T07:00:00Z',
    title: 'Odesa port attacked',
    text: 'Russian drones attacked the port of Odesa last night. Three people were injured.',
  },
  {
    id: 'br-dnipro',
    source: 'Reuters',
    published: '2026-03-05T10:00:00Z',
    title: 'Missile strike on Dnipro',
    text: 'A Russian ballistic missile hit Dnipro on Thursday morning, killing four people and injuring 12, the regional governor said.',
  },
  {
    id: 'br-hostile',
    source: '<img src=x onerror=alert(2)>',
    published: '2026-03-06T10:00:00Z',
    title: 'Sumy <b>shelled</b> <script>alert(3)</script>',
    text: `A Russian drone hit Sumy on Friday, injuring three people. ${HOSTILE_MARKUP[0]} ${HOSTILE_MARKUP[1]} Residents were told to stay in shelters.`,
  },
];

const CITIES = ['Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Sumy', 'Mykolaiv', 'Kherson', 'Poltava', 'Chernihiv', 'Kryvyi Rih', 'Nikopol'];
const MONTHS = ['January', 'February', 'March'];
const TEMPLATES = [
  (city: string, date: string, n: number) => `A Russian drone hit ${city} on ${date}. ${n} people were injured, local officials said.`,
  (city: string, date: string, n: number) => `Russian forces struck ${city} with a missile on ${date}, injuring ${n} residents and damaging a school.`,
  (city: string, date: string, n: number) => `On ${date} shelling of ${city} left ${n} people wounded; power lines were cut in two districts.`,
];

/**
 * `n` one-event reports on consecutive days from 2026-01-01 (more than one table page). Texts differ
 * in place, date, figure and wording: the store drops exact and near-duplicate rewrites.
 */
export function dailyReports(n: number): ReportInput[] {
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(2026, 0, 1 + i));
    const day = d.toISOString().slice(0, 10);
    const city = CITIES[i % CITIES.length]!;
    const spoken = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
    return {
      id: `br-daily-${i}`,
      source: `Channel ${i}`,
      published: `${day}T21:00:00Z`,
      title: `${city}, ${day}`,
      text: TEMPLATES[i % TEMPLATES.length]!(city, spoken, (i % 9) + 1),
    };
  });
}
