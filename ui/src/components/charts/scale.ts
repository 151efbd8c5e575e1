// Scales and axis ticks for the inline SVG charts (no chart library).

/** Maps a domain onto a range linearly; a zero-width domain maps to the middle of the range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** 1, 2, 2.5, 5 or 10 times a power of ten, at least `raw`. */
export function niceStep(raw: number, integer = false): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  const step = nice * pow;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/** Evenly spaced round ticks covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 4, integer = false): number[] {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (hi === lo) {
    // One value: show it in the middle of a small band (or from 0 when it is 0).
    hi = lo === 0 ? 1 : hi + Math.abs(hi) * 0.05 || 1;
    lo = lo === 0 ? 0 : lo - Math.abs(lo) * 0.05;
  }
  const step = niceStep((hi - lo) / count, integer);
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

export const DAY_MS = 86_400_000;

export type TimeTick = { t: number; label: string };
type Step = { unit: "day" | "month"; n: number };

const STEPS: readonly Step[] = [
  { unit: "day", n: 1 },
  { unit: "day", n: 2 },
  { unit: "day", n: 7 },
  { unit: "day", n: 14 },
  { unit: "month", n: 1 },
  { unit: "month", n: 2 },
  { unit: "month", n: 3 },
  { unit: "month", n: 6 },
  { unit: "month", n: 12 },
  { unit: "month", n: 24 },
  { unit: "month", n: 60 },
  { unit: "month", n: 120 },
];

function stepMs(s: Step): number {
  return s.unit === "day" ? s.n * DAY_MS : s.n * 30.44 * DAY_MS;
}

/**
 * Date ticks for a time axis from `min` to `max` (ms), at most `maxTicks`, on round days,
 * weeks (Mondays), months or years. `utc` for calendar days that carry no time zone.
 */
export function timeTicks(min: number, max: number, maxTicks: number, utc = false): TimeTick[] {
  const span = Math.max(max - min, DAY_MS);
  const limit = Math.max(2, Math.floor(maxTicks));
  const step = STEPS.find((s) => span / stepMs(s) <= limit) ?? STEPS[STEPS.length - 1];
  const tz = utc ? { timeZone: "UTC" } : {};

  const parts = (t: number) => {
    const d = new Date(t);
    return utc
      ? { y: d.getUTCFullYear(), m: d.getUTCMonth(), day: d.getUTCDate(), wd: d.getUTCDay() }
      : { y: d.getFullYear(), m: d.getMonth(), day: d.getDate(), wd: d.getDay() };
  };
  const make = (y: number, m: number, day: number) => (utc ? Date.UTC(y, m, day) : new Date(y, m, day).getTime());

  const out: number[] = [];
  if (step.unit === "day") {
    const p = parts(min);
    let t = make(p.y, p.m, p.day);
    if (t < min) t = make(p.y, p.m, p.day + 1);
    if (step.n >= 7) {
      // Start on a Monday.
      const q = parts(t);
      const back = (q.wd + 6) % 7;
      t = back === 0 ? t : make(q.y, q.m, q.day + 7 - back);
    }
    for (let i = 0; i < 1000 && t <= max; i++) {
      out.push(t);
      const q = parts(t);
      t = make(q.y, q.m, q.day + step.n);
    }
  } else {
    const p = parts(min);
    let y = p.y;
    let m = p.m;
    if (make(y, m, 1) < min) m += 1;
    // Align to the step: quarters on Jan/Apr/Jul/Oct, years on January, decades on round years.
    let index = y * 12 + m;
    const rem = index % step.n;
    if (rem !== 0) index += step.n - rem;
    for (let i = 0; i < 1000; i++) {
      y = Math.floor(index / 12);
      m = index % 12;
      const t = make(y, m, 1);
      if (t > max) break;
      out.push(t);
      index += step.n;
    }
  }

  let fmt: Intl.DateTimeFormatOptions;
  if (step.unit === "day") fmt = { month: "short", day: "numeric" };
  else if (step.n >= 12) fmt = { year: "numeric" };
  else {
    const years = new Set(out.map((t) => parts(t).y));
    fmt = years.size > 1 || parts(min).y !== parts(max).y ? { month: "short", year: "numeric" } : { month: "short" };
  }
  const format = new Intl.DateTimeFormat(undefined, { ...fmt, ...tz });
  return out.map((t) => ({ t, label: format.format(t) }));
}

/** The mean of each run of `window` values ending at each index (fewer at the start). */
export function rollingMean(values: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= window) sum -= values[i - window];
    out.push(sum / Math.min(i + 1, window));
  }
  return out;
}
