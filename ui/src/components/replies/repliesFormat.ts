// Labels, names and times of the reply queue, shared by the queue, the leads and the settings.
import type { AddOutcome, ReplyChannel, EmojiUse, Intent, Language, ReplyItem, Sentiment } from "../../bindings";
import { LEAD_MIN_SCORE } from "../../bindings";
import { formatDate } from "../../format";

export const INTENTS: readonly Intent[] = [
  "purchase",
  "pricing",
  "support",
  "praise",
  "complaint",
  "collaboration",
  "spam",
  "other",
];

export const INTENT_LABEL: Record<Intent, string> = {
  purchase: "Purchase / lead",
  pricing: "Pricing",
  support: "Support",
  praise: "Praise",
  complaint: "Complaint",
  collaboration: "Collab request",
  spam: "Spam / bot",
  other: "Other",
};

/** The chip tone of each intent (see the tones in audit/Audit.css). */
export const INTENT_TONE: Record<Intent, string> = {
  purchase: "tone-info",
  pricing: "tone-info",
  support: "tone-warning",
  praise: "tone-good",
  complaint: "tone-danger",
  collaboration: "tone-info",
  spam: "tone-muted",
  other: "",
};

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

/** An intent the back end stored as text; unknown ones read as words. */
export function intentLabel(intent: string): string {
  return isIntent(intent) ? INTENT_LABEL[intent] : intent.charAt(0).toUpperCase() + intent.slice(1);
}

export const SENTIMENT_LABEL: Record<Sentiment, string> = {
  positive: "Positive",
  neutral: "Neutral",
  negative: "Negative",
};

export const SENTIMENT_TONE: Record<Sentiment, string> = {
  positive: "tone-good",
  neutral: "tone-muted",
  negative: "tone-danger",
};

export const CHANNEL_LABEL: Record<ReplyChannel, string> = { comment: "Comment", dm: "DM" };

export const EMOJI_LABEL: Record<EmojiUse, string> = { none: "None", light: "Light", playful: "Playful" };

/** "EN", "ES"…; "Other" for a language the triage did not name. */
export function languageLabel(language: Language): string {
  return language === "other" ? "Other" : language.toUpperCase();
}

/** Leads are messages scoring at least this: the back end's threshold, generated into bindings. */
export { LEAD_MIN_SCORE };

export function isLead(item: ReplyItem): boolean {
  return item.triage.lead_score >= LEAD_MIN_SCORE;
}

/** The meter's tone: strong leads green, leads in the accent, the rest muted. */
export function scoreTone(score: number): "strong" | "lead" | "weak" {
  return score >= 70 ? "strong" : score >= LEAD_MIN_SCORE ? "lead" : "weak";
}

/** Who wrote it: `@username`, a display name (it has a space), or "Someone". */
export function authorLabel(author: string): string {
  const a = author.trim();
  if (a === "") return "Someone";
  if (/\s/.test(a)) return a;
  return a.startsWith("@") ? a : `@${a}`;
}

/** When it came: "just now", "5 min ago", "3 h ago", "2 d ago", then the date; raw if unparsable. */
export function formatReceived(iso: string, now: Date = new Date()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const minutes = Math.floor((now.getTime() - t) / 60_000);
  if (minutes < 0) return formatDate(iso);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days} d ago`;
  return formatDate(iso);
}

/** Comma-separated words, trimmed, without empties or repeats (case-insensitive). */
export function parseWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(",")) {
    const w = raw.trim();
    if (w === "" || seen.has(w.toLowerCase())) continue;
    seen.add(w.toLowerCase());
    words.push(w);
  }
  return words;
}

/** The non-empty lines of pasted text: roughly how many messages it holds. */
export function countLines(text: string): number {
  return text.split("\n").filter((l) => l.trim() !== "").length;
}

/** "3 new, 1 already in the queue — drafted offline". */
export function outcomeSummary(outcome: AddOutcome): string {
  const { added, updated, unchanged } = outcome.counts;
  const parts: string[] = [];
  if (added > 0) parts.push(`${added} new`);
  if (updated > 0) parts.push(`${updated} updated`);
  if (unchanged > 0) parts.push(`${unchanged} already in the queue`);
  if (parts.length === 0) return "No messages were added";
  if (added + updated === 0) return parts.join(", ");
  const by = outcome.drafted_by === "ai" ? `drafted by ${outcome.model ?? "AI"}` : "drafted offline";
  return `${parts.join(", ")} — ${by}`;
}

/** The default file name of the leads export: `zoe.fit-leads.csv`. */
export function leadsFileName(handle: string): string {
  return `${handle}-leads.csv`;
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** The variables a saved reply may hold. */
export const TEMPLATE_VARIABLES = ["{first_name}", "{username}", "{brand}", "{sign_off}", "{link}", "{post}"] as const;
