// How the audit's numbers and labels read on screen (the PDF formats the same way).
import type { RiskLevel, Severity, Verdict } from "../../bindings";
import { formatCount, parseDay, todayDay } from "../../format";

const fixedOne = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const shortDay = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/** A fraction as a percentage with one decimal: 0.0342 → "3.4 %"; "—" when unknown. */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || Number.isNaN(fraction) ? "—" : `${fixedOne.format(fraction * 100)} %`;
}

/** "2.5" with exactly one decimal. */
export function formatOneDecimal(n: number): string {
  return fixedOne.format(n);
}

/** A calendar day (`YYYY-MM-DD`) as "Nov 27"; the raw text if it isn't one. */
export function formatShortDay(day: string): string {
  const date = parseDay(day);
  return date === null ? day : shortDay.format(date);
}

/** "Nov 27 – Dec 3". */
export function formatDayRange(first: string, last: string): string {
  return first === last ? formatShortDay(first) : `${formatShortDay(first)} – ${formatShortDay(last)}`;
}

export const WEEKDAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const WEEKDAY_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

/** 18 → "18:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: "Critical",
  major: "Major",
  minor: "Minor",
  strength: "Strength",
};

export const RISK_LABEL: Record<RiskLevel, string> = { low: "Low", medium: "Medium", high: "High" };

export function riskLabel(level: string): string {
  return level in RISK_LABEL ? RISK_LABEL[level as RiskLevel] : level;
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  below: "Below the median",
  around: "Around the median",
  above: "Above the median",
};

/** Best-time cells hold a rate by followers, or a multiple of the account's average post. */
export function isRateMeasure(measure: string): boolean {
  return measure.startsWith("engagement rate");
}

/** A best-time value: "5.2 %" for a rate, "1.4×" for a multiple of the average. */
export function formatBestTime(value: number, measure: string): string {
  return isRateMeasure(measure) ? formatPercent(value) : `${fixedOne.format(value)}×`;
}

/** A KPI value by its unit: `percent` (a fraction), `per_week` or a plain number. */
export function formatKpi(value: number | null, unit: string): string {
  if (value === null) return "—";
  if (unit === "percent") return formatPercent(value);
  if (unit === "per_week") return `${fixedOne.format(value)} a week`;
  return formatCount(value);
}

/** A compared metric by its unit: `percent` (a fraction), `score` (0–100) or `number`. */
export function formatMetric(value: number | null, unit: string): string {
  if (value === null) return "—";
  return unit === "percent" ? formatPercent(value) : formatCount(value);
}

/** The executive summary's paragraphs (separated by blank lines). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** "zoe.fit-audit-2026-11-26.pdf": the handle and the audit's day in the user's time zone. */
export function pdfFileName(handle: string, createdAt: string): string {
  const date = new Date(createdAt);
  const day = Number.isNaN(date.getTime()) ? todayDay() : todayDay(date);
  const safe = handle.replace(/^@/, "").replace(/[^A-Za-z0-9._-]/g, "_") || "client";
  return `${safe}-audit-${day}.pdf`;
}
