/**
 * Events and casualties per day (uPlot, canvas). Dragging across the chart sets the date range
 * filter; the chart itself shows the data without the date range, so the brushed window stays
 * visible in context and can be moved.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DaySeries } from '../events-data.js';

const DAY_S = 86_400;
const toSec = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const toDay = (sec: number) => new Date(sec * 1000).toISOString().slice(0, 10);

interface Props {
  series: DaySeries;
  from: string | undefined;
  to: string | undefined;
  onSelect: (from: string, to: string) => void;
}

export function Timeline({ series, from, to, onSelect }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const box = el.current!;
    const xs = series.days.map(toSec);
    const opts: uPlot.Options = {
      width: Math.max(200, box.clientWidth),
      height: 150,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: true, y: false, setScale: false } },
      legend: { show: true, live: true },
      scales: { x: { time: true } },
      axes: [
        {
          // Days, never hours: the data is per day. Month-day labels, the year when the span crosses one.
          incrs: [1, 2, 7, 14, 30, 61, 91, 182, 365, 730].map((d) => d * DAY_S),
          values: (_u, ticks) => {
            const years = new Set(ticks.map((t) => toDay(t).slice(0, 4)));
            return ticks.map((t) => (years.size > 1 ? toDay(t) : toDay(t).slice(5)));
          },
          space: 50,
        },
        { size: 40 },
      ],
      series: [
        { label: 'Day', value: (_u, v) => (v === null ? '–' : toDay(v)) },
        { label: 'Events', stroke: '#1c7ed6', width: 2, points: { show: xs.length < 60 } },
        { label: 'Killed', stroke: '#c92a2a', width: 1.5, points: { show: xs.length < 60 } },
        { label: 'Injured', stroke: '#e8590c', width: 1.5, dash: [4, 3], points: { show: xs.length < 60 } },
      ],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 3) return; // a click, not a drag
            const a = u.posToVal(u.select.left, 'x');
            const b = u.posToVal(u.select.left + u.select.width, 'x');
            // Whole days: a drag that starts mid-day still includes that day.
            select.current(toDay(Math.floor(a / DAY_S) * DAY_S), toDay(Math.floor(b / DAY_S) * DAY_S));
          },
        ],
      },
    };
    const u = new uPlot(opts, [xs, series.events, series.killed, series.injured], box);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, box.clientWidth), height: 150 }));
    ro.observe(box);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [series]);

  // Show the current range as the selection band (without firing setSelect again).
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    if (!from && !to) {
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      return;
    }
    const min = u.scales.x?.min ?? 0;
    const max = u.scales.x?.max ?? 0;
    const left = u.valToPos(Math.max(min, from ? toSec(from) : min), 'x');
    const right = u.valToPos(Math.min(max, to ? toSec(to) + DAY_S : max), 'x');
    u.setSelect({ left, top: 0, width: Math.max(0, right - left), height: u.over.clientHeight }, false);
  }, [series, from, to]);

  return (
    <div class="timeline">
      <div ref={el} data-days={series.days.length} />
      {series.days.length === 0 && <p class="muted">No dated events for these filters.</p>}
    </div>
  );
}
