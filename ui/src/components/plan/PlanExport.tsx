import { useState } from "react";
import { pickCsvSavePath, pickIcsSavePath, pickPdfSavePath, planExport, toApiError, type PlanExportFormat } from "../../api";
import type { FileExport, StoredPlan } from "../../bindings";
import { formatCount, formatDecimal } from "../../format";
import { AlertIcon, CalendarIcon, CheckCircleIcon, CloseIcon, DownloadIcon, TableIcon } from "../Icons";
import { planFileName } from "./planFormat";

type Outcome = { kind: "saved"; export: FileExport } | { kind: "failed"; message: string };

function sizeOf(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatDecimal(bytes / (1024 * 1024))} MB`
    : `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

const BUTTONS: ReadonlyArray<{ format: PlanExportFormat; label: string; title: string }> = [
  { format: "pdf", label: "PDF", title: "Export as a branded PDF calendar for the client" },
  { format: "ics", label: "Calendar (.ics)", title: "Export as a calendar file for Google Calendar, Outlook or Apple Calendar" },
  { format: "csv", label: "CSV", title: "Export as a spreadsheet (CSV)" },
];

/** Export the plan as PDF, calendar file or CSV: the save dialog, then the file. */
export function PlanExport({ stored, handle }: { stored: StoredPlan; handle: string }) {
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState<PlanExportFormat | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function run(format: PlanExportFormat) {
    if (busy) return;
    setBusy(format);
    try {
      const name = planFileName(handle, stored.plan.start, format);
      const path =
        format === "pdf"
          ? await pickPdfSavePath(name, "Export the plan as PDF")
          : format === "ics"
            ? await pickIcsSavePath(name, "Export the plan as a calendar file")
            : await pickCsvSavePath(name, "Export the plan as CSV");
      // The dialog was closed: nothing to do.
      if (path === null) return;
      setOutcome(null);
      setOutcome({ kind: "saved", export: await planExport(stored.id, format, path, openAfter) });
    } catch (err) {
      setOutcome({ kind: "failed", message: toApiError(err).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="plan-export-wrap">
      <div className="plan-export">
        <span className="plan-export-label">Export</span>
        {BUTTONS.map((b) => (
          <button
            key={b.format}
            type="button"
            className="btn btn-sm"
            data-testid={`plan-export-${b.format}`}
            disabled={busy !== null}
            title={b.title}
            onClick={() => void run(b.format)}
          >
            {busy === b.format ? (
              <span className="spinner" aria-hidden="true" />
            ) : b.format === "pdf" ? (
              <DownloadIcon size={13} />
            ) : b.format === "ics" ? (
              <CalendarIcon size={13} />
            ) : (
              <TableIcon size={13} />
            )}
            {busy === b.format ? "Exporting…" : b.label}
          </button>
        ))}
        <label className="check">
          <input
            type="checkbox"
            data-testid="plan-open-after"
            checked={openAfter}
            onChange={(e) => setOpenAfter(e.target.checked)}
          />
          <span>Open after export</span>
        </label>
      </div>

      {outcome?.kind === "saved" ? (
        <div className="audit-export-outcome plan-export-outcome" role="status" data-testid="plan-exported">
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
        <div className="audit-export-outcome plan-export-outcome is-error" role="alert" data-testid="plan-export-error">
          <AlertIcon size={15} />
          <p className="selectable">{outcome.message}</p>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            <CloseIcon size={13} />
          </button>
        </div>
      ) : null}
    </div>
  );
}
