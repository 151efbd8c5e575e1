const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** An RFC 3339 timestamp in the user's locale and time zone; the raw text if it doesn't parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export const isMac =
  typeof navigator !== "undefined" && /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);

/** "⌘K" on macOS, "Ctrl K" elsewhere. */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl ${key}`;
}

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dayUtc = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** The date of an RFC 3339 timestamp in the user's time zone; the raw text if it doesn't parse. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateOnly.format(date);
}

/** A calendar day (`YYYY-MM-DD`) as the user writes dates, without shifting it across zones. */
export function formatDay(day: string): string {
  const date = parseDay(day);
  return date === null ? day : dayUtc.format(date);
}

/** `YYYY-MM-DD` as midnight UTC; `null` if it isn't one. */
export function parseDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** Today in the user's time zone as `YYYY-MM-DD`. */
export function todayDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "1,234"; "—" for an unknown value. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "—" : integer.format(n);
}

/** "12.5"; "—" for an unknown value. */
export function formatDecimal(n: number | null | undefined): string {
  return n === null || n === undefined || Number.isNaN(n) ? "—" : oneDecimal.format(n);
}

/** "1.2K", for axis labels. */
export function formatCompact(n: number): string {
  return compact.format(n);
}

/** "Mar 3, 2024 – Nov 2, 2025", one date when both are the same day, `null` without dates. */
export function formatDateRange(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  const a = formatDate(first ?? last ?? "");
  const b = formatDate(last ?? first ?? "");
  return a === b ? a : `${a} – ${b}`;
}

/** "1 post", "3 posts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** How long from `first` to `last`: "12 days", "5 months", "2.5 years"; `null` without both. */
export function formatSpan(first: string | null, last: string | null): string | null {
  if (!first || !last) return null;
  const ms = Date.parse(last) - Date.parse(first);
  if (Number.isNaN(ms) || ms < 0) return null;
  const days = Math.round(ms / 86_400_000);
  if (days < 1) return "one day";
  if (days <= 60) return plural(days, "day");
  const months = days / 30.44;
  if (months < 24) return plural(Math.round(months), "month");
  return `${formatDecimal(months / 12)} years`;
}

const monthUtc = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" });

/** A month (`YYYY-MM`) as "March 2026"; the raw text if it isn't one. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? monthUtc.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : month;
}
