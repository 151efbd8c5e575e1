// Words for the licence page and banners, from the generated LicenseStatus.
import type { Entitlements, LicenseState, LicenseStatus } from "../../bindings";
import { formatDate, plural } from "../../format";

export const STATE_LABEL: Record<LicenseState, string> = {
  trial: "Trial",
  active: "Active",
  grace: "Offline grace period",
  read_only: "Read-only",
};

const FEATURE_LABEL: Record<string, string> = {
  audit: "Audits",
  content: "Content drafts",
  planner: "Growth plans",
  replies: "Reply assistant",
  ai: "AI generation",
  pdf_reports: "PDF reports",
  white_label: "White label",
};

const CREDIT_LABEL: Record<string, [string, string]> = {
  audit_report: ["audit PDF", "audit PDFs"],
  content_pack: ["content pack", "content packs"],
};

export function featureLabel(id: string): string {
  return FEATURE_LABEL[id] ?? id.replace(/_/g, " ");
}

/** Whole days from now until `iso` (at least 0). */
export function daysUntil(iso: string, now: Date = new Date()): number {
  const ms = new Date(iso).getTime() - now.getTime();
  return Math.max(0, Math.ceil(ms / 86_400_000));
}

/** Whether a licence is stored on this computer (else the trial, or nothing). */
export function isActivated(s: LicenseStatus): boolean {
  return s.key_prefix !== null;
}

export function clientsLine(e: Entitlements): string {
  return e.max_active_clients === null
    ? "Unlimited active clients"
    : `Up to ${plural(e.max_active_clients, "active client")}`;
}

export function seatsLine(s: LicenseStatus): string {
  const seats = s.entitlements.seats;
  if (s.seats_in_use !== null) return `${s.seats_in_use} of ${seats} in use`;
  return plural(seats, "computer");
}

export function creditsLine(e: Entitlements): string | null {
  if (e.one_time_credits.length === 0) return null;
  return e.one_time_credits
    .map((c) => {
      const [one, many] = CREDIT_LABEL[c.kind] ?? [c.kind.replace(/_/g, " "), `${c.kind.replace(/_/g, " ")}s`];
      return `${c.count} ${c.count === 1 ? one : many}`;
    })
    .join(", ");
}

/** The date line under the plan: when it renews, ends, or the trial ends. */
export function termLine(s: LicenseStatus): string | null {
  if (s.state === "trial" && s.trial_ends_at) {
    const days = daysUntil(s.trial_ends_at);
    return `Trial ends ${formatDate(s.trial_ends_at)} (${plural(days, "day")} left)`;
  }
  if (s.renews_or_expires_at) {
    const renews = s.status === "active" || s.status === "trialing";
    return `${renews ? "Renews or ends" : "Ends"} ${formatDate(s.renews_or_expires_at)}`;
  }
  if (isActivated(s)) return "No end date";
  return null;
}

/** What the banner over every page says (the back end's sentence), or `null` when all is well. */
export function bannerText(s: LicenseStatus): string | null {
  if (s.state === "active") return null;
  const reason = s.reason ?? STATE_LABEL[s.state];
  return s.state === "read_only" ? `Read-only. ${reason}` : reason;
}
