// Audits, their PDF export and the report branding on top of the AI fake back end, with the
// native save dialog (answered from `saveAnswers`, as `dialogAnswers` answers the open dialog).
import type { AiEvent, ApiError, AuditDocument, AuditSummary, Branding, PdfExport } from "../bindings";
import { changesBetween, makeAudit } from "./auditFixture";
import { FakeAiBackend } from "./fakeAi";
import { sendToChannel } from "./fakeBackend";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A 1×1 transparent PNG. */
export const LOGO_URL =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

function invalid(field: string, message: string): ApiError {
  return { code: "invalid_input", field, message };
}

function summaryOf(d: AuditDocument): AuditSummary {
  return {
    id: d.id,
    client_id: d.client_id,
    created_at: d.created_at,
    narrative_source: d.narrative.source,
    posts_analysed: d.posts_analysed,
    followers: d.followers,
    engagement_rate: d.engagement_rate,
    engagement_rate_by_reach: d.engagement_rate_by_reach,
    content_score: d.content_score.score,
    risk_score: d.shadowban_risk.score,
    risk_level: d.shadowban_risk.level,
  };
}

export class FakeReportsBackend extends FakeAiBackend {
  /** Stored audits of every client, newest first. */
  audits: AuditDocument[] = [];
  /** What the next `audit_run` measures (before ids, dates, narrative and changes are filled in). */
  nextAudit: Partial<AuditDocument> = {};
  /** Events `audit_run` streams (with AI) before it waits for `auditGate` (if set) and answers. */
  auditEvents: AiEvent[] = [];
  auditGate: Promise<void> | null = null;
  /** What the next native save dialogs answer (a path, or `null` for closed). */
  saveAnswers: Array<string | null> = [];
  branding: Branding = {
    agency_name: "",
    primary_color: "#4f46e5",
    accent_color: "#db2777",
    contact_line: "",
    paper: "a4",
    white_label: false,
    has_logo: false,
  };
  logo: string | null = null;
  private auditRuns = new Map<string, () => void>();
  private auditClock = Date.UTC(2026, 10, 26, 10, 15);
  private auditSeq = 1;

  /** Stores an audit of the client as if it had been run earlier; answers it. */
  addAudit(clientId: string, patch: Partial<AuditDocument> = {}): AuditDocument {
    const client = this.clients.find((c) => c.id === clientId)!;
    const doc = makeAudit({
      id: `audit-${this.auditSeq++}`,
      client_id: client.id,
      client_name: client.name,
      client_handle: client.handle,
      ...patch,
    });
    this.audits = [doc, ...this.audits].sort((a, b) => b.created_at.localeCompare(a.created_at));
    return structuredClone(doc);
  }

  protected override other(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case "audit_run":
        return this.auditRun(args.key as string, args.offline as boolean, args.runId as string, args.onEvent);
      case "audit_history":
        return this.history(args.key as string);
      case "audit_get":
        return structuredClone(this.find(args.id as string));
      case "audit_export_pdf": {
        this.find(args.id as string);
        const path = args.path as string;
        if (!path.toLowerCase().endsWith(".pdf")) throw invalid("path", "the file name must end in .pdf");
        return { path, bytes: 186_420 } satisfies PdfExport;
      }
      case "reports_default_path":
        return `/home/ana/Documents/InstaGrowth OS/${args.fileName as string}`;
      case "ai_cancel":
        this.auditRuns.get(args.runId as string)?.();
        return super.other(cmd, args);
      case "plugin:dialog|save":
        return this.saveAnswers.length > 0 ? this.saveAnswers.shift() : null;
      case "branding_get":
        return { ...this.branding, has_logo: this.logo !== null };
      case "branding_set":
        return this.setBranding(args.branding as Branding);
      case "branding_set_logo": {
        const path = String(args.path ?? "");
        if (!/\.(png|jpe?g)$/i.test(path)) throw invalid("logo", `${path} is not a PNG or JPEG image`);
        this.logo = LOGO_URL;
        return { ...this.branding, has_logo: true };
      }
      case "branding_remove_logo":
        this.logo = null;
        return { ...this.branding, has_logo: false };
      case "branding_logo":
        return this.logo;
      default:
        return super.other(cmd, args);
    }
  }

  private find(id: string): AuditDocument {
    const doc = this.audits.find((a) => a.id === id);
    if (!doc) throw { code: "not_found", field: null, message: `no audit ${id}` } satisfies ApiError;
    return doc;
  }

  private history(key: string): AuditSummary[] {
    const client = this.clients.find((c) => c.id === key);
    if (!client) throw { code: "not_found", field: null, message: `no client ${key}` } satisfies ApiError;
    return this.audits.filter((a) => a.client_id === client.id).map(summaryOf);
  }

  private async auditRun(key: string, offline: boolean, runId: string, channel: unknown): Promise<AuditDocument> {
    const client = this.clients.find((c) => c.id === key);
    if (!client) throw { code: "not_found", field: null, message: `no client ${key}` } satisfies ApiError;
    let cancelled = false;
    const cancelledNow = new Promise<void>((resolve) => {
      this.auditRuns.set(runId, () => {
        cancelled = true;
        resolve();
      });
    });
    const stop = (): never => {
      throw { code: "cancelled", field: null, message: "the audit was cancelled; nothing was saved" } satisfies ApiError;
    };
    try {
      const withAi = !offline && this.status().offline_reason === null;
      if (withAi) {
        let index = 0;
        for (const event of this.auditEvents) {
          await tick();
          if (cancelled) stop();
          sendToChannel(channel, index++, event);
        }
      }
      if (this.auditGate) await Promise.race([this.auditGate, cancelledNow]);
      if (cancelled) stop();

      this.auditClock += 86_400_000;
      const created = new Date(this.auditClock).toISOString();
      const previous = this.audits.find((a) => a.client_id === client.id) ?? null;
      const base = makeAudit({
        id: `audit-${this.auditSeq++}`,
        client_id: client.id,
        client_name: client.name,
        client_handle: client.handle,
        created_at: created,
        as_of: created,
        ...this.nextAudit,
      });
      const narrative = withAi
        ? { ...base.narrative, source: "ai" as const, model: this.provider!.model }
        : base.narrative;
      if (withAi) this.used += 1;
      const doc: AuditDocument = {
        ...base,
        narrative,
        narrative_note: offline || withAi ? null : this.status().offline_reason,
        changes: previous ? changesBetween(previous, base) : null,
      };
      this.audits = [doc, ...this.audits];
      return structuredClone(doc);
    } finally {
      this.auditRuns.delete(runId);
    }
  }

  private setBranding(input: Branding): Branding {
    const hex = (field: string, value: string) => {
      const v = value.trim().toLowerCase();
      if (!/^#[0-9a-f]{6}$/.test(v)) throw invalid(field, `“${value}” is not a colour like #4f46e5`);
      return v;
    };
    const name = input.agency_name.trim();
    if ([...name].length > 80) throw invalid("agency_name", "the agency name is at most 80 characters");
    const contact = input.contact_line.trim();
    if ([...contact].length > 160) throw invalid("contact_line", "the contact line is at most 160 characters");
    this.branding = {
      agency_name: name,
      primary_color: hex("primary_color", input.primary_color),
      accent_color: hex("accent_color", input.accent_color),
      contact_line: contact,
      paper: input.paper,
      white_label: input.white_label,
      has_logo: false,
    };
    return { ...this.branding, has_logo: this.logo !== null };
  }
}
