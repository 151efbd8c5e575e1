import { useState } from "react";
import { auditExportPdf, pickPdfSavePath, toApiError } from "../../api";
import type { AuditDocument, PdfExport } from "../../bindings";
import { DownloadIcon } from "../Icons";
import { pdfFileName } from "./auditFormat";

export type ExportOutcome = { kind: "saved"; export: PdfExport } | { kind: "failed"; message: string };

type Props = {
  doc: AuditDocument;
  disabled?: boolean;
  onStart: () => void;
  onOutcome: (outcome: ExportOutcome) => void;
};

/** "Export PDF": the native save dialog, then the branded PDF written where the user chose. */
export function ExportPdfButton({ doc, disabled, onStart, onOutcome }: Props) {
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState(false);

  async function exportPdf() {
    if (busy) return;
    setBusy(true);
    try {
      const path = await pickPdfSavePath(pdfFileName(doc.client_handle, doc.created_at));
      // The dialog was closed: nothing to do.
      if (path === null) return;
      onStart();
      onOutcome({ kind: "saved", export: await auditExportPdf(doc.id, path, openAfter) });
    } catch (err) {
      onOutcome({ kind: "failed", message: toApiError(err).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="audit-export">
      <label className="check">
        <input
          type="checkbox"
          data-testid="audit-open-after"
          checked={openAfter}
          onChange={(e) => setOpenAfter(e.target.checked)}
        />
        <span>Open after export</span>
      </label>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="audit-export"
        disabled={disabled || busy}
        onClick={() => void exportPdf()}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : <DownloadIcon size={14} />}
        {busy ? "Exporting…" : "Export PDF"}
      </button>
    </div>
  );
}
