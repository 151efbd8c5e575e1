import { useState } from "react";
import { pickCsvSavePath, repliesExportLeads, toApiError } from "../../api";
import type { Client, FileExport, ReplyItem } from "../../bindings";
import { formatCount, formatDate, formatDecimal } from "../../format";
import { AlertIcon, CheckCircleIcon, CloseIcon, TableIcon } from "../Icons";
import { LeadScore } from "./LeadScore";
import { authorLabel, INTENT_LABEL, LEAD_MIN_SCORE, leadsFileName, truncate } from "./repliesFormat";

type Outcome = { kind: "saved"; export: FileExport } | { kind: "failed"; message: string };

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatDecimal(bytes / (1024 * 1024))} MB`
    : `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

type Props = {
  client: Client;
  /** The client's leads (handled ones too), in the queue's order. */
  leads: ReplyItem[];
};

/** The messages that look like business: a compact table, exportable as CSV. */
export function LeadsView({ client, leads }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function exportCsv() {
    if (busy) return;
    setBusy(true);
    try {
      const path = await pickCsvSavePath(leadsFileName(client.handle), "Export the leads as CSV");
      // The dialog was closed: nothing to do.
      if (path === null) return;
      setOutcome(null);
      setOutcome({ kind: "saved", export: await repliesExportLeads(client.id, LEAD_MIN_SCORE, path, false) });
    } catch (err) {
      setOutcome({ kind: "failed", message: toApiError(err).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="replies-leads" data-testid="replies-leads" aria-label="Leads">
      <div className="replies-leads-bar">
        <p className="replies-count" aria-live="polite">
          {leads.length === 1 ? "1 lead" : `${formatCount(leads.length)} leads`} · lead score {LEAD_MIN_SCORE} or more,
          handled ones included
        </p>
        <button
          type="button"
          className="btn btn-sm"
          data-testid="replies-export-leads"
          disabled={busy || leads.length === 0}
          title={leads.length === 0 ? "No leads to export" : "Export the leads as a spreadsheet (CSV)"}
          onClick={() => void exportCsv()}
        >
          {busy ? <span className="spinner" aria-hidden="true" /> : <TableIcon size={13} />}
          {busy ? "Exporting…" : "Export CSV…"}
        </button>
      </div>

      {outcome?.kind === "saved" ? (
        <div className="audit-export-outcome replies-export-outcome" role="status" data-testid="replies-exported">
          <CheckCircleIcon size={15} />
          <p>
            Saved to <span className="audit-path selectable">{outcome.export.path}</span>
            <span className="audit-export-size"> · {sizeOf(outcome.export.bytes)}</span>
          </p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : outcome?.kind === "failed" ? (
        <div className="audit-export-outcome replies-export-outcome is-error" role="alert" data-testid="replies-export-error">
          <AlertIcon size={15} />
          <p className="selectable">{outcome.message}</p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : null}

      {leads.length === 0 ? (
        <div className="content-empty" data-testid="replies-leads-empty">
          <div>
            <p className="content-empty-title">No leads yet</p>
            <p className="content-empty-text">
              Messages that ask about buying, prices, booking or working together score {LEAD_MIN_SCORE} or more and
              show up here, with why they scored.
            </p>
          </div>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table replies-leads-table" data-testid="leads-table">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Intent</th>
                <th scope="col">Why</th>
                <th scope="col">Message</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {leads.map((item) => (
                <tr key={item.id} data-testid="leads-row" data-id={item.id} data-lead-score={item.triage.lead_score}>
                  <td className="strong nowrap selectable">{authorLabel(item.author)}</td>
                  <td className="num">
                    <LeadScore score={item.triage.lead_score} />
                  </td>
                  <td className="nowrap">{INTENT_LABEL[item.triage.intent]}</td>
                  <td className="replies-leads-why">{item.triage.lead_reasons.map((r) => r.label).join(", ")}</td>
                  <td className="replies-leads-text selectable" title={item.text}>
                    {truncate(item.text, 90)}
                  </td>
                  <td className="nowrap" data-testid="leads-status">
                    {item.handled_at ? `Handled ${formatDate(item.handled_at)}` : "Waiting"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
