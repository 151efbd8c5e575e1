import type { Goal, ItemType, Plan, PlanItem } from "../../bindings";
import { parseDay } from "../../format";

export const GOALS: readonly Goal[] = ["growth", "engagement", "leads", "recovery"];

export const GOAL_LABEL: Record<Goal, string> = {
  growth: "Growth",
  engagement: "Engagement",
  leads: "Leads",
  recovery: "Recovery",
};

export const GOAL_HINT: Record<Goal, string> = {
  growth: "More reach: reels first, shareable carousels.",
  engagement: "More conversations: questions, stories and replies.",
  leads: "More enquiries: proof, offers and calls to action.",
  recovery: "Back to healthy reach, following the latest audit's roadmap.",
};

export const TYPE_LABEL: Record<ItemType, string> = {
  reel: "Reel",
  carousel: "Carousel",
  image: "Image",
  story: "Story",
  engagement: "Engagement",
};

/** A one-character mark per type, next to its colour, so the type reads without colour too. */
export const TYPE_MARK: Record<ItemType, string> = {
  reel: "▶",
  carousel: "❐",
  image: "◼",
  story: "◯",
  engagement: "✦",
};

export function typeLabel(type: string): string {
  return type in TYPE_LABEL ? TYPE_LABEL[type as ItemType] : type;
}

const DAY_MS = 86_400_000;

/** `day` plus `n` days, as `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  const d = parseDay(day);
  if (d === null) return day;
  return new Date(d.getTime() + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  const d = parseDay(day);
  return d === null ? 0 : (d.getUTCDay() + 6) % 7;
}

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

/** The ISO week number of `day`. */
export function isoWeek(day: string): number {
  const d = parseDay(day);
  if (d === null) return 0;
  const thursday = new Date(d.getTime() + (3 - weekdayIndex(day)) * DAY_MS);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS));
}

/** The Mondays of every week the plan touches, in order. */
export function planWeeks(plan: Plan): string[] {
  if (plan.days.length === 0) return [];
  const first = mondayOf(plan.days[0].date);
  const last = plan.days[plan.days.length - 1].date;
  const weeks: string[] = [];
  for (let monday = first; monday <= last; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

export function allItems(plan: Plan): PlanItem[] {
  return plan.days.flatMap((d) => d.items);
}

export function findItem(plan: Plan, id: string): PlanItem | null {
  return allItems(plan).find((i) => i.id === id) ?? null;
}

const dayNumber = new Intl.DateTimeFormat(undefined, { day: "numeric", timeZone: "UTC" });
const monthDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" });
const weekdayDate = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});
const weekdayShortDate = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

function fmt(f: Intl.DateTimeFormat, day: string): string {
  const d = parseDay(day);
  return d === null ? day : f.format(d);
}

export const formatDayNumber = (day: string) => fmt(dayNumber, day);
export const formatMonthDay = (day: string) => fmt(monthDay, day);
export const formatLongDay = (day: string) => fmt(weekdayDate, day);
export const formatWeekdayShort = (day: string) => fmt(weekdayShortDate, day);

/** "November – December 2026" or "December 2026": the months the days cover. */
export function formatMonths(first: string, last: string): string {
  const a = fmt(monthYear, first);
  const b = fmt(monthYear, last);
  if (a === b) return a;
  const [aMonth, aYear] = [a.replace(/\s*\d{4}$/, ""), first.slice(0, 4)];
  return aYear === last.slice(0, 4) ? `${aMonth} – ${b}` : `${a} – ${b}`;
}

/** "zoe.fit-plan-2026-12-02.ics". */
export function planFileName(handle: string, start: string, ext: string): string {
  return `${handle}-plan-${start}.${ext}`;
}

/** "engagement_rate" → "Engagement rate". */
export function humanize(text: string): string {
  const t = text.replace(/_/g, " ").trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
